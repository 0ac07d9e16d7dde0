use jst_store::{ActionPattern, AuditQuery, LocalStore, Stamp};

use crate::stamp;

fn by(at: &str, user: &str) -> Stamp {
    Stamp { at: at.to_owned(), by: user.to_owned() }
}

#[test]
fn the_audit_log_filters_by_day_user_and_action_newest_first() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = LocalStore::open(&dir.path().join("local.db"), &stamp("2026-01-01T00:00:00Z"))
        .expect("open");
    store.set_setting(&by("2026-03-01T23:59:59Z", "ala"), "a", "1").expect("write");
    store.save_peer_group(&by("2026-03-02T00:00:00Z", "ola"), "G_1%", &[]).expect("write");
    store.set_setting(&by("2026-03-03T08:00:00.5Z", "ala"), "b", "2").expect("write");
    let ids = |q: &AuditQuery| {
        store.audit_entries(q).expect("query").into_iter().map(|r| r.detail).collect::<Vec<_>>()
    };
    let all = AuditQuery { limit: 100, ..AuditQuery::default() };
    assert_eq!(ids(&all), ["b = 2", "zapisano „G_1%”: ", "a = 1"]);
    let day = AuditQuery {
        from: Some("2026-03-02".into()),
        before: Some("2026-03-03".into()),
        ..all.clone()
    };
    assert_eq!(ids(&day), ["zapisano „G_1%”: "]);
    let ala = AuditQuery { user: Some("ala".into()), ..all.clone() };
    assert_eq!(ids(&ala), ["b = 2", "a = 1"]);
    let page = AuditQuery { limit: 1, offset: 1, ..ala.clone() };
    assert_eq!(ids(&page), ["a = 1"]);
    let groups =
        AuditQuery { actions: Some(vec![ActionPattern::Prefix("grupa".into())]), ..all.clone() };
    assert_eq!(ids(&groups).len(), 1);
    let not_groups = AuditQuery { exclude: true, ..groups.clone() };
    assert_eq!(ids(&not_groups), ["b = 2", "a = 1"]);
    let exact =
        AuditQuery { actions: Some(vec![ActionPattern::Exact("grupa".into())]), ..all.clone() };
    assert!(ids(&exact).is_empty(), "an exact action is not a prefix");
    // Case matters and `%` is literal: a LIKE would match both.
    let like = AuditQuery {
        actions: Some(vec![
            ActionPattern::Prefix("GRUPA".into()),
            ActionPattern::Prefix("%".into()),
        ]),
        ..all.clone()
    };
    assert!(ids(&like).is_empty());
    assert_eq!(store.audit_users().expect("users"), ["ala", "ola"]);
}
