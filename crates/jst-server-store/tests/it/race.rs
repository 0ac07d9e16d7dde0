//! A submission sent twice at once with the same key is stored once: of two requests, one
//! decides and stores, the other gets the stored response.

use std::sync::Barrier;

use jst_server_store::*;

use crate::fixture::Fixture;

crate::on_both_engines!(a_key_sent_twice_at_once_is_stored_once);

const ROUNDS: i32 = 20;

fn respond(outcomes: &[ItemOutcome]) -> String {
    format!("{outcomes:?}")
}

fn a_key_sent_twice_at_once_is_stored_once(fixture: &Fixture) {
    // PostgreSQL: two connections of one pool; SQLite: two connections to one file.
    let databases = if fixture.is_postgres() {
        vec![fixture.open()]
    } else {
        vec![fixture.open(), fixture.open()]
    };
    let token = {
        let mut s = databases[0].lease().expect("storage answers");
        s.save_catalogue(b"code;name\nA_1;x\n", 1, "1", "2024-01-01").expect("storage answers");
        s.add_token("0201011", "h", "2024-01-01").expect("storage answers")
    };
    for round in 0..ROUNDS {
        let key = SubmissionKey {
            id: format!("race-{round}"),
            token_id: token,
            teryt: "0201011".into(),
            body_sha256: format!("body-{round}"),
        };
        let items = [SubmittedItem {
            indicator: "A_1".into(),
            year: 2000 + round,
            value: f64::from(round),
            status: None,
            base_server_rev: None,
        }];
        let barrier = Barrier::new(2);
        let answers: Vec<Applied> = std::thread::scope(|scope| {
            let requests: Vec<_> = (0..2)
                .map(|i| {
                    let (db, barrier, key, items) =
                        (&databases[i % databases.len()], &barrier, &key, &items);
                    scope.spawn(move || {
                        let mut s = db.lease().expect("storage answers");
                        barrier.wait();
                        s.apply_submission(key, items, "2024-02-01", &respond)
                            .expect("storage answers")
                    })
                })
                .collect();
            requests.into_iter().map(|r| r.join().expect("thread")).collect()
        });
        let stored: Vec<&String> = answers
            .iter()
            .filter_map(|a| match a {
                Applied::Stored(response) => Some(response),
                Applied::Existing { .. } => None,
            })
            .collect();
        assert_eq!(stored.len(), 1, "round {round}: {answers:?}");
        let response = stored[0].clone();
        assert!(response.contains("\"imported\""), "{response}");
        assert!(
            answers.contains(&Applied::Existing {
                teryt: "0201011".into(),
                body_sha256: format!("body-{round}"),
                response,
            }),
            "round {round}: {answers:?}"
        );
    }
    assert_eq!(fixture.count("submissions"), i64::from(ROUNDS));
    assert_eq!(fixture.count("contributions"), i64::from(ROUNDS));
    assert_eq!(fixture.count("contribution_history"), 0);
}
