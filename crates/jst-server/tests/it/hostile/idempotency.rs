//! A desktop whose answer was lost sends its submission again with the same key, and the
//! resend may overtake the original: two servers on one database (two instances behind a
//! proxy) get the same submission at the same moment. It is stored once and both clients get
//! the identical stored answer.

use std::sync::{Arc, Barrier};

use serde_json::{json, Value};

use super::{item, quick_limits, start, submit, Setup};

const ROUNDS: u32 = 12;

#[test]
fn a_submission_sent_twice_at_once_with_the_same_key_is_stored_once() {
    let setup = Setup::new();
    let first = setup.serve(quick_limits());
    let second = start(setup.releases(), setup.database.location().clone(), quick_limits());
    let token = Arc::new(setup.tokens[0].clone());
    for round in 0..ROUNDS {
        let items =
            Arc::new([item("LUD_OGOLEM", 2000 + round as i32, json!(8_000.0), Value::Null)]);
        let gate = Arc::new(Barrier::new(2));
        let racers: Vec<_> = [first, second]
            .into_iter()
            .map(|addr| {
                let (gate, token, items) = (gate.clone(), token.clone(), items.clone());
                std::thread::spawn(move || {
                    gate.wait();
                    submit(addr, &token, 1_000 + round, &items[..])
                })
            })
            .collect();
        let replies: Vec<_> = racers.into_iter().map(|r| r.join().expect("racer")).collect();
        for reply in &replies {
            assert_eq!(reply.status, 200, "round {round}: {reply:?}");
        }
        assert_eq!(replies[0].body, replies[1].body, "round {round}: both answers identical");
        assert_eq!(replies[0].json()["results"][0]["result"], json!("imported"), "round {round}");
    }
    let count = |sql: &str| setup.database.query(sql)[0][0].clone().expect("a count");
    assert_eq!(count("SELECT COUNT(*) FROM submissions"), ROUNDS.to_string());
    assert_eq!(count("SELECT COUNT(DISTINCT id) FROM submissions"), ROUNDS.to_string());
    assert_eq!(count("SELECT COUNT(*) FROM contributions"), ROUNDS.to_string());
    assert_eq!(count("SELECT COUNT(*) FROM contribution_history"), "0");
}
