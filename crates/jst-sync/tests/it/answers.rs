//! The server's answer to a submission is read with a size cap and a deadline: a hostile or
//! broken server can neither fill the memory (a 6 GB answer once took the client to an
//! allocation abort) nor hold the run with a byte now and then.

use std::time::{Duration, Instant};

use jst_sync::{post_submission, Answer, Error, Limits, RejectionCode};

use crate::server::{Body, Pace, Reply, TestServer};

const ID: &str = "00000000-0000-4000-8000-000000000001";

fn post(url: &str, limits: &Limits) -> Result<Answer, Error> {
    post_submission(url, "jst_token", ID, br#"{"items":[]}"#, limits)
}

fn huge(status: u16, len: u64, declare_length: bool) -> TestServer {
    TestServer::start(move |_| Reply {
        status,
        body: Body::Repeat(b'x', len),
        declare_length,
        ..Reply::ok("application/json", Vec::new())
    })
}

#[test]
fn an_answer_beyond_its_cap_is_refused_without_being_read_whole() {
    let tiny = Limits { max_answer_bytes: 1024, ..Limits::default() };
    for status in [200, 422] {
        for declare_length in [true, false] {
            let server = huge(status, 64 * 1024 * 1024, declare_length);
            match post(&server.url, &tiny) {
                Err(Error::Rejected(r)) => {
                    assert_eq!(r.code, RejectionCode::TooLarge, "{}", r.message);
                    assert!(r.message.contains("1024 B"), "{}", r.message);
                }
                other => panic!("{status}, {declare_length}: expected too_large, got {other:?}"),
            }
        }
    }

    // The production cap is 1 MiB: an answer of exactly that is read, one byte more is not.
    let limits = Limits::default();
    let server = huge(200, 1024 * 1024, false);
    match post(&server.url, &limits) {
        Ok(Answer::Answered(text)) => assert_eq!(text.len(), 1024 * 1024),
        other => panic!("expected the answer, got {other:?}"),
    }
    let server = huge(200, 1024 * 1024 + 1, false);
    assert!(
        matches!(post(&server.url, &limits), Err(Error::Rejected(ref r)) if r.code == RejectionCode::TooLarge)
    );
}

#[test]
fn a_trickled_answer_ends_offline_at_its_deadline() {
    let answer = br#"{"submission_id":"00000000-0000-4000-8000-000000000001","results":[]}"#;
    // The whole answer in about 5 s, a byte at a time.
    let every = Duration::from_millis(5000 / answer.len() as u64);
    let server = TestServer::start(move |_| {
        Reply::ok("application/json", answer.to_vec()).paced(Pace::trickle(every))
    });
    let limits = Limits { small_request: Duration::from_secs(1), ..Limits::default() };
    let started = Instant::now();
    let result = post(&server.url, &limits);
    let took = started.elapsed();
    assert!(matches!(result, Err(Error::Offline(_))), "{result:?}");
    assert!(took < Duration::from_secs(3), "the answer's deadline is 1 s; took {took:?}");
    let seen = server.seen();
    assert_eq!((seen[0].method.as_str(), seen[0].path.as_str()), ("POST", "/v1/submissions"));
}

#[test]
fn a_refusal_keeps_the_servers_code_and_one_without_a_code_is_an_http_status() {
    let server = TestServer::start(|_| Reply {
        status: 401,
        ..Reply::ok(
            "application/json",
            br#"{"code":"unauthorized","message":"token jest nieznany"}"#.to_vec(),
        )
    });
    match post(&server.url, &Limits::default()) {
        Ok(Answer::Refused { status, code, message }) => {
            assert_eq!(
                (status, code.as_str(), message.as_str()),
                (401, "unauthorized", "token jest nieznany")
            )
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    // A proxy's HTML error page names no code: the refusal says it was the HTTP status.
    let server = TestServer::start(|_| Reply {
        status: 404,
        ..Reply::ok("text/html", b"<html><body>Not Found</body></html>".to_vec())
    });
    match post(&server.url, &Limits::default()) {
        Ok(Answer::Refused { status, code, .. }) => {
            assert_eq!((status, code.as_str()), (404, "http_status"))
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}
