//! The unit's practice proposals in local.db: saved before sending, the outcome of each send
//! recorded on them, audited, and a sent one never turned back into not sent.

use jst_store::LocalStore;

use crate::stamp;

#[test]
fn a_proposal_is_saved_then_failed_then_sent_and_every_step_is_audited() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut local = LocalStore::open(&dir.path().join("local.db"), &stamp("2026-12-01T08:00:00Z"))
        .expect("open");
    let body = r#"{"title":"Wspólne zakupy energii"}"#;
    let id = local
        .save_practice_proposal(&stamp("2026-12-01T08:00:00Z"), "Wspólne zakupy energii", body)
        .expect("save");
    let saved = local.practice_proposal(id).expect("read").expect("there");
    assert_eq!((saved.status.as_str(), saved.body.as_str()), ("draft", body));
    assert_eq!(
        (saved.created_at.as_str(), saved.created_by.as_str()),
        ("2026-12-01T08:00:00Z", "test")
    );
    assert_eq!((saved.server_id, saved.sent_at.clone()), (None, None));

    local
        .record_practice_proposal_failure(
            &stamp("2026-12-01T08:01:00Z"),
            id,
            Some("https://dane.example.pl"),
            "offline",
            "brak połączenia",
        )
        .expect("failure");
    let failed = local.practice_proposal(id).expect("read").expect("there");
    assert_eq!(failed.status, "not_sent");
    assert_eq!(failed.failure_code.as_deref(), Some("offline"));
    assert_eq!(failed.failure.as_deref(), Some("brak połączenia"));
    assert_eq!(failed.server.as_deref(), Some("https://dane.example.pl"));

    local
        .record_practice_proposal_sent(
            &stamp("2026-12-02T09:00:00Z"),
            id,
            "https://dane.example.pl",
            17,
        )
        .expect("sent");
    let sent = local.practice_proposal(id).expect("read").expect("there");
    assert_eq!(sent.status, "sent");
    assert_eq!((sent.server_id, sent.sent_at.as_deref()), (Some(17), Some("2026-12-02T09:00:00Z")));
    assert_eq!((sent.failure_code, sent.failure), (None, None));

    // A late failure of the same proposal does not undo what the server took.
    local
        .record_practice_proposal_failure(&stamp("2026-12-02T09:01:00Z"), id, None, "offline", "x")
        .expect("noop");
    assert_eq!(local.practice_proposal(id).expect("read").expect("there").status, "sent");

    let second =
        local.save_practice_proposal(&stamp("2026-12-03T08:00:00Z"), "Druga", "{}").expect("save");
    let all: Vec<i64> = local.practice_proposals().expect("list").iter().map(|p| p.id).collect();
    assert_eq!(all, [second, id], "newest first");
    assert_eq!(local.practice_proposal(999).expect("read"), None);

    let actions: Vec<String> =
        local.audit_log(10).expect("audit").into_iter().map(|(_, _, action, _)| action).collect();
    assert_eq!(
        actions[..5],
        [
            "propozycja dobrej praktyki",
            "propozycja praktyki niewysłana",
            "propozycja praktyki wysłana",
            "propozycja praktyki niewysłana",
            "propozycja dobrej praktyki",
        ]
    );
}
