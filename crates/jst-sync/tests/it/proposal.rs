//! `post_practice` against a stand-in server: the stored number, and each refusal the officer
//! can act on told apart with the server's own words; a 5xx and no server are being offline.

use jst_sync::{post_practice, Error, Limits, ProposalError};
use serde_json::json;

use crate::server::{Reply, TestServer};

fn answer(status: u16, body: &str) -> Reply {
    Reply { status, ..Reply::ok("application/json", body.as_bytes().to_vec()) }
}

#[test]
fn each_answer_of_the_practices_api_is_told_apart() {
    let server = TestServer::start(|request| {
        let token = request.authorization.as_deref().unwrap_or_default();
        match (request.method.as_str(), request.path.as_str(), token) {
            ("POST", "/v1/practices", "Bearer jst_ok") => {
                answer(201, r#"{"id":7,"status":"proposed"}"#)
            }
            ("POST", "/v1/practices", "Bearer jst_other") => answer(
                403,
                r#"{"code":"wrong_unit","message":"jednostka proponuje tylko własne praktyki"}"#,
            ),
            ("POST", "/v1/practices", "Bearer jst_bad") => answer(
                422,
                r#"{"code":"invalid_practice","message":"praktyka nr 1, pole indicators: w katalogu nie ma wskaźników X\u0007"}"#,
            ),
            ("POST", "/v1/practices", "Bearer jst_down") => answer(503, "przerwa"),
            ("POST", "/v1/practices", "Bearer jst_odd") => answer(200, "<html>"),
            _ => answer(401, r#"{"code":"unauthorized","message":"x"}"#),
        }
    });
    let body = json!({"title": "Wspólne zakupy energii"});
    let limits = Limits::default();
    let post = |token: &str| post_practice(&server.url, token, &body, &limits);

    assert_eq!(post("jst_ok").expect("stored").id, 7);
    assert!(matches!(post("jst_revoked"), Err(ProposalError::Unauthorized)));
    match post("jst_other") {
        Err(ProposalError::WrongUnit(message)) => assert!(message.contains("własne praktyki")),
        other => panic!("{other:?}"),
    }
    match post("jst_bad") {
        Err(e @ ProposalError::Invalid(_)) => {
            let text = e.to_string();
            assert!(text.contains("w katalogu nie ma wskaźników X"), "{text}");
            assert!(!text.contains('\u{7}'), "control characters of the answer are dropped");
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(post("jst_down"), Err(ProposalError::Sync(Error::Offline(_)))));
    assert!(matches!(post("jst_odd"), Err(ProposalError::Sync(Error::Rejected(_)))));
    let seen = server.seen();
    assert!(seen.iter().all(|r| r.method == "POST" && r.path == "/v1/practices"));

    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        format!("http://{}", listener.local_addr().expect("addr"))
    };
    let offline = post_practice(&closed, "jst_ok", &body, &limits);
    assert!(matches!(offline, Err(ProposalError::Sync(Error::Offline(_)))), "{offline:?}");
}
