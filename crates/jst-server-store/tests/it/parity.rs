//! One sequence of everything the server does, on both engines: each answer is checked against
//! the expected one, and the two engines' transcripts must be identical.

use jst_server_store::practice::{Area, Attachment, Contact, MediaType, Practice, Years};
use jst_server_store::*;

use crate::fixture::Fixture;

const CATALOGUE: &[u8] = b"code;name\nA_1;Dochody na mieszkanca\n";

fn row(teryt: &str, indicator: &str, year: i32, value: f64) -> DataRow {
    DataRow { teryt: teryt.into(), indicator: indicator.into(), year, value }
}

fn item(indicator: &str, year: i32, value: f64, base: Option<i64>) -> SubmittedItem {
    SubmittedItem {
        indicator: indicator.into(),
        year,
        value,
        status: Some("wstepne".into()),
        base_server_rev: base,
    }
}

fn key(id: &str, token_id: i64, teryt: &str) -> SubmissionKey {
    SubmissionKey { id: id.into(), token_id, teryt: teryt.into(), body_sha256: format!("sha-{id}") }
}

/// The response the API would build: here, the outcomes as text.
fn respond(outcomes: &[ItemOutcome]) -> String {
    format!("{outcomes:?}")
}

fn practice(title: &str, attachments: Vec<Attachment>) -> Practice {
    Practice {
        id: 0,
        title: title.into(),
        area: Area::ALL[0],
        sub_area: None,
        teryt: "0201011".into(),
        unit_name: "Gmina Testowa".into(),
        unit_kind: jst_domain::UnitKind::GminaMiejska,
        population: Some(12_000),
        implementing_body: "Urząd".into(),
        contacts: vec![Contact { name: "Anna".into(), role: None, phone: None, email: None }],
        entered: "2024-01-10".into(),
        years: Years { from: 2021, to: None },
        summary: "Skrót".into(),
        presentation: "Treść".into(),
        attachments,
        indicators: Vec::new(),
        keywords: vec!["budżet".into()],
        source: None,
        starter: false,
    }
}

/// Runs the sequence, asserting each answer, and returns every answer as text.
fn scenario(fixture: &Fixture) -> Vec<String> {
    let db = fixture.open();
    let mut s = db.lease().expect("lease");
    let mut log = Vec::new();
    let mut note = |what: &str, answer: String| log.push(format!("{what}: {answer}"));

    s.save_catalogue(CATALOGUE, 1, "2024.1", "2024-01-01T10:00:00Z").expect("storage answers");
    assert_eq!(
        s.catalogue().expect("storage answers"),
        Some((CATALOGUE.to_vec(), "2024.1".to_owned()))
    );

    let first = s
        .upsert_values_from(
            &[
                row("0201011", "A_1", 2022, 10.0),
                row("0201011", "A_1", 2023, -0.0),
                row("0201022", "B_2", 2022, 5.5),
            ],
            "plik.csv",
            "2024-01-02T10:00:00Z",
        )
        .expect("storage answers");
    assert_eq!(first, DataImport { inserted: 3, updated: 0, unchanged: 0 });
    let second = s
        .upsert_values(
            &[
                row("0201011", "A_1", 2022, 11.0),
                row("0201011", "A_1", 2023, 0.0),
                row("0201033", "A_1", 2022, 1.0),
            ],
            "2024-01-03T10:00:00Z",
        )
        .expect("storage answers");
    assert_eq!(second, DataImport { inserted: 1, updated: 1, unchanged: 1 });
    let budget = s
        .upsert_budget(
            &[row("0201011", "B_2", 2023, 100.0)],
            &[row("0201011", "B_2", 2023, 120.0), row("0201011", "B_2", 2022, -0.0)],
            "mf 2023",
            "2024-01-04T10:00:00Z",
        )
        .expect("storage answers");
    assert_eq!(budget, DataImport { inserted: 1, updated: 0, unchanged: 0 });
    assert_eq!(s.plan("B_2", 2023, "0201011").expect("storage answers"), Some(120.0));
    let zero = s.plan("B_2", 2022, "0201011").expect("storage answers").expect("plan");
    assert!(zero == 0.0 && zero.is_sign_positive(), "-0 is stored as 0: {zero}");
    assert_eq!(s.plan("B_2", 2021, "0201011").expect("storage answers"), None);
    let values = s.all_values().expect("storage answers");
    assert_eq!(
        values,
        [
            row("0201011", "A_1", 2022, 11.0),
            row("0201033", "A_1", 2022, 1.0),
            row("0201022", "B_2", 2022, 5.5),
            row("0201011", "A_1", 2023, 0.0),
            row("0201011", "B_2", 2023, 100.0),
        ]
    );
    assert!(values[3].value.is_sign_positive(), "-0 is stored as 0");
    note("values", format!("{values:?}"));
    assert_eq!(fixture.count("value_history"), 1);

    assert_eq!(s.register().expect("storage answers"), None);
    let register = StoredRegister {
        data: vec![0, 1, 2, 255],
        label: "TERC 2024-01-01".into(),
        as_of: "2024-01-01".into(),
        units: 2477,
    };
    s.save_register(&register, "2024-01-05T10:00:00Z").expect("storage answers");
    assert_eq!(s.register().expect("storage answers"), Some(register));

    assert_eq!(s.add_token("0201011", "h1", "2024-02-01T10:00:00Z").expect("storage answers"), 1);
    assert_eq!(s.add_token("0201011", "h2", "2024-02-01T10:00:01Z").expect("storage answers"), 2);
    assert_eq!(s.add_token("0201022", "h3", "2024-02-01T10:00:02Z").expect("storage answers"), 3);
    assert_eq!(
        s.revoke_token(2, "2024-02-02T10:00:00Z").expect("storage answers"),
        TokenRevocation::Revoked { unit: "0201011".into() }
    );
    assert_eq!(
        s.revoke_token(2, "2024-02-03T10:00:00Z").expect("storage answers"),
        TokenRevocation::AlreadyRevoked {
            unit: "0201011".into(),
            revoked_at: "2024-02-02T10:00:00Z".into()
        }
    );
    assert_eq!(
        s.revoke_token(99, "2024-02-03T10:00:00Z").expect("storage answers"),
        TokenRevocation::Unknown
    );
    s.touch_token(1, "2024-02-04").expect("storage answers");
    assert_eq!(
        s.token_unit("h1").expect("storage answers"),
        Some(TokenUse { id: 1, unit: "0201011".into(), last_used_on: Some("2024-02-04".into()) })
    );
    assert_eq!(s.token_unit("h2").expect("storage answers"), None);
    assert_eq!(
        s.tokens_of("0201022").expect("storage answers").iter().map(|t| t.id).collect::<Vec<_>>(),
        [3]
    );
    assert_eq!(s.revoke_tokens("0201022", "2024-02-05T10:00:00Z").expect("storage answers"), 1);
    assert_eq!(s.revoke_tokens("0201022", "2024-02-05T10:00:01Z").expect("storage answers"), 0);
    let tokens = s.tokens(None).expect("storage answers");
    assert_eq!(tokens.len(), 3);
    assert_eq!(tokens[2].revoked_at.as_deref(), Some("2024-02-05T10:00:00Z"));
    note("tokens", format!("{tokens:?}"));

    assert!(s.close_period(2020, "2024-03-01T10:00:00Z").expect("storage answers"));
    assert!(!s.close_period(2020, "2024-03-01T10:00:01Z").expect("storage answers"));

    // B_2 is not in the catalogue but the server has public values of it.
    let items = [
        item("A_1", 2023, 7.0, None),
        item("a-1", 2023, 7.0, None),
        item("ZZ", 2023, 7.0, None),
        item("A_1", 2020, 7.0, None),
        item("B_2", 2023, 7.0, Some(5)),
        item("A_1", 2024, f64::INFINITY, None),
    ];
    let applied = s.apply_submission(&key("s1", 1, "0201011"), &items, "2024-03-02", &respond);
    let Ok(Applied::Stored(response)) = applied else { panic!("{applied:?}") };
    let results: Vec<&str> = ["imported", "invalid", "invalid", "period_closed", "conflict"]
        .into_iter()
        .chain(["invalid"])
        .collect();
    for (result, expected) in response.split("ItemOutcome").skip(1).zip(&results) {
        assert!(result.contains(&format!("\"{expected}\"")), "{result} is not {expected}");
    }
    assert!(response.contains("wskaźnika ZZ nie ma w katalogu"), "{response}");
    assert!(response.contains("rok 2020 jest zamknięty"), "{response}");
    assert!(response.contains("serwer nie ma tej wartości"), "{response}");
    note("s1", response.clone());
    assert_eq!(
        s.apply_submission(&key("s1", 1, "0201011"), &items, "2024-03-03", &respond)
            .expect("storage answers"),
        Applied::Existing {
            teryt: "0201011".into(),
            body_sha256: "sha-s1".into(),
            response: response.clone()
        }
    );
    assert_eq!(
        s.submission("s1").expect("storage answers"),
        Some(("0201011".into(), "sha-s1".into(), response))
    );
    assert_eq!(s.submission("s9").expect("storage answers"), None);
    for (id, value, base, expected) in [
        ("s2", 7.0, Some(1), "unchanged"),
        ("s3", 8.0, Some(1), "updated"),
        ("s4", 9.0, Some(1), "conflict"),
    ] {
        let applied = s
            .apply_submission(
                &key(id, 1, "0201011"),
                &[item("A_1", 2023, value, base)],
                "2024-03-04",
                &respond,
            )
            .expect("storage answers");
        let Applied::Stored(response) = applied else { panic!("{id}: {applied:?}") };
        assert!(response.contains(&format!("\"{expected}\"")), "{id}: {response}");
        note(id, response);
    }
    assert_eq!(
        s.contributions().expect("storage answers"),
        [("0201011".into(), "A_1".into(), 2023, 8.0)]
    );
    assert_eq!(fixture.count("contribution_history"), 1);
    assert_eq!(fixture.count("submissions"), 4);

    let indicators = vec!["A_1".to_owned(), "B_2".to_owned()];
    assert_eq!(
        s.create_gwd("Gminy A", "finanse", &indicators, "2024-04-01").expect("storage answers"),
        1
    );
    let twice = s.create_gwd("Gminy A", "finanse", &indicators, "2024-04-01").expect_err("refused");
    assert_eq!(twice.to_string(), "grupa o nazwie „Gminy A” już istnieje (nr 1); nic nie zapisano");
    for teryt in ["0201022", "0201011"] {
        let member = GwdMember {
            teryt: teryt.into(),
            consent_reference: format!("zgoda/{teryt}"),
            consent_date: "2024-03-30".into(),
            added_at: "2024-04-02".into(),
        };
        s.add_gwd_member(1, &member).expect("storage answers");
        if teryt == "0201011" {
            let again = s.add_gwd_member(1, &member).expect_err("refused");
            assert_eq!(
                again.to_string(),
                "jednostka 0201011 już należy do grupy 1 (zgoda „zgoda/0201011”); nic nie zapisano"
            );
        }
    }
    assert!(s.remove_gwd_member(1, "0201022", "2024-04-03").expect("storage answers"));
    assert!(!s.remove_gwd_member(1, "0201022", "2024-04-03").expect("storage answers"));
    let groups = s.gwd_groups().expect("storage answers");
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].indicators, indicators);
    assert_eq!(groups[0].members.iter().map(|m| m.teryt.as_str()).collect::<Vec<_>>(), ["0201011"]);
    assert_eq!(s.gwd_groups_of("0201022").expect("storage answers"), []);
    let shown = s.gwd_values(&groups[0], 2023).expect("storage answers");
    assert_eq!(
        shown,
        [
            GwdValue {
                teryt: "0201011".into(),
                indicator: "A_1".into(),
                value: 8.0,
                source: GwdSource::Contributed
            },
            GwdValue {
                teryt: "0201011".into(),
                indicator: "B_2".into(),
                value: 100.0,
                source: GwdSource::Public
            },
        ]
    );
    note("groups", format!("{groups:?} {shown:?}"));

    let pdf = b"%PDF-1.4 test".to_vec();
    let attachment = Attachment {
        title: "Opis".into(),
        media_type: MediaType::Pdf,
        sha256: "ab".repeat(32),
        size: pdf.len() as u64,
    };
    let imported = [
        NewPractice {
            practice: practice("Pierwsza", vec![attachment.clone()]),
            attachments: vec![(attachment.clone(), pdf.clone())],
        },
        NewPractice { practice: practice("Druga", Vec::new()), attachments: Vec::new() },
    ];
    let ids = s
        .save_practices(&imported, PracticeStatus::Published, None, "2024-05-01")
        .expect("storage answers");
    assert_eq!(ids, [1, 2]);
    let proposed = [NewPractice { practice: practice("Trzecia", Vec::new()), attachments: vec![] }];
    let ids = s
        .save_practices(&proposed, PracticeStatus::Proposed, Some("0201011"), "2024-05-02")
        .expect("storage answers");
    assert_eq!(ids, [3]);
    assert_eq!(s.attachment(&attachment.sha256).expect("storage answers"), Some(pdf));
    assert!(s.publish_practice(3, "2024-05-03").expect("storage answers"));
    assert!(!s.publish_practice(3, "2024-05-03").expect("storage answers"));
    assert!(!s.publish_practice(1, "2024-05-03").expect("storage answers"), "already published");
    assert!(s.remove_practice(1, "2024-05-04").expect("storage answers"));
    assert!(!s.remove_practice(1, "2024-05-04").expect("storage answers"));
    assert_eq!(
        s.attachment(&attachment.sha256).expect("storage answers"),
        None,
        "no practice names it now"
    );
    let practices = s.practices().expect("storage answers");
    assert_eq!(practices.iter().map(|p| p.practice.id).collect::<Vec<_>>(), [2, 3]);
    assert_eq!(practices[1].status, PracticeStatus::Published);
    assert_eq!(practices[1].proposed_by.as_deref(), Some("0201011"));
    assert_eq!(practices[1].published_at.as_deref(), Some("2024-05-03"));
    assert_eq!(practices[1].practice.title, "Trzecia");
    note("practices", format!("{practices:?}"));

    assert_eq!(s.latest_release().expect("storage answers"), None);
    assert_eq!(s.release_status().expect("storage answers"), None);
    let at_release: Published =
        [(("gminy".into(), "C_3".into(), 2021), (2.5, ["0201011".to_owned()].into()))].into();
    s.record_release(1, "2024-06-01T00:00:00Z", "2024-07-01T00:00:00Z", "m1", &at_release)
        .expect("storage answers");
    // The means a release published are remembered with it, in its transaction.
    assert_eq!(s.published_means().expect("storage answers"), at_release);
    s.record_release(2, "2024-06-02T00:00:00Z", "2024-07-02T00:00:00Z", "m2", &Published::new())
        .expect("storage answers");
    assert_eq!(s.published_means().expect("storage answers"), Published::new());
    assert_eq!(s.latest_release().expect("storage answers"), Some(2));
    assert_eq!(
        s.release_status().expect("storage answers"),
        Some(ReleaseStatus { version: 2, issued_at: "2024-06-02T00:00:00Z".into() })
    );

    let mut means = Published::new();
    let who = |list: &[&str]| list.iter().map(|t| t.to_string()).collect();
    means.insert(("gminy".into(), "A_1".into(), 2023), (8.5, who(&["0201011", "0201022"])));
    means.insert(("powiaty".into(), "B_2".into(), 2022), (1.0, who(&[])));
    s.save_published_means(&means).expect("storage answers");
    assert_eq!(s.published_means().expect("storage answers"), means);
    means.remove(&("powiaty".into(), "B_2".into(), 2022));
    s.save_published_means(&means).expect("storage answers");
    assert_eq!(s.published_means().expect("storage answers"), means);

    let audit = s.audit(&AuditFilter::default()).expect("storage answers");
    let actions: Vec<&str> = audit.iter().map(|a| a.action.code()).collect();
    assert_eq!(
        actions,
        [
            "import_catalogue",
            "import_values",
            "import_values",
            "import_budget",
            "import_register",
            "token_issue",
            "token_issue",
            "token_issue",
            "token_revoke",
            "token_revoke",
            "token_revoke",
            "period_close",
            "period_close",
            "gwd_create",
            "gwd_add",
            "gwd_add",
            "gwd_remove",
            "practices_import",
            "practice_propose",
            "practices_publish",
            "practices_remove",
            "release_build",
            "release_build",
        ]
    );
    assert_eq!(audit.iter().map(|a| a.id).collect::<Vec<_>>(), (1..=23).collect::<Vec<_>>());
    assert_eq!(
        audit[3].details,
        serde_json::json!({"source": "mf 2023", "rows": 1, "plans": 2, "inserted": 1,
            "updated": 0, "unchanged": 0})
    );
    assert_eq!(
        audit[2].details,
        serde_json::json!({"source": "import data", "rows": 3, "inserted": 1, "updated": 1,
            "unchanged": 1})
    );
    assert_eq!(audit[9].details, serde_json::json!({"unit": "0201022", "ids": [3]}));
    assert_eq!(audit[18].actor, "api:0201011");
    assert!(audit
        .iter()
        .filter(|a| a.action != AuditAction::PracticePropose)
        .all(|a| a.actor == "test"));
    note("audit", format!("{audit:?}"));
    let revokes = AuditFilter { since: None, action: Some(AuditAction::TokenRevoke) };
    assert_eq!(s.audit(&revokes).expect("storage answers").len(), 3);
    let since = AuditFilter { since: Some("2024-05-02".into()), action: None };
    let late: Vec<i64> = s.audit(&since).expect("storage answers").iter().map(|a| a.id).collect();
    assert_eq!(late, [19, 20, 21, 22, 23]);
    log
}

#[test]
fn both_engines_answer_alike() {
    let sqlite = scenario(&Fixture::sqlite());
    if let Some(postgres) = Fixture::postgres() {
        let postgres = scenario(&postgres);
        assert_eq!(sqlite.len(), postgres.len());
        for (s, p) in sqlite.iter().zip(&postgres) {
            assert_eq!(s, p, "SQLite and PostgreSQL differ");
        }
    }
}
