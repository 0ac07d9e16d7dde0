//! Fields and answers of the API: a `status` is one of two codes, refusals are JSON with a
//! code, and no token reaches the logs at any level.

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{json, Value};

use super::{item, quick_limits, results, send, submit, uuid, Setup};

#[test]
fn a_status_is_wstepne_ostateczne_or_null_and_nothing_else_is_stored() {
    let setup = Setup::new();
    let addr = setup.serve(quick_limits());
    let long = "x".repeat(200_000);
    let items = [
        item("KANALIZACJA_PROC", 2024, json!(71.5), json!(long)),
        item("KANALIZACJA_PROC", 2023, json!(70.0), json!("WSTEPNE")),
        item("KANALIZACJA_PROC", 2022, json!(69.0), json!("")),
        item("KANALIZACJA_PROC", 2021, json!(68.0), json!("wstepne")),
        item("KANALIZACJA_PROC", 2020, json!(67.0), json!("ostateczne")),
        item("LUD_OGOLEM", 2024, json!(8_000.0), Value::Null),
    ];
    let reply = submit(addr, &setup.tokens[0], 1, &items);
    assert_eq!(reply.status, 200, "{reply:?}");
    let got = results(&reply);
    let kinds: Vec<&str> = got.iter().map(|(r, _)| r.as_str()).collect();
    assert_eq!(kinds, ["invalid", "invalid", "invalid", "imported", "imported", "imported"]);
    for (_, message) in &got[..3] {
        assert!(message.contains("wstepne") && message.contains("ostateczne"), "{message}");
        assert!(message.len() < 200, "the message does not echo the field: {}", message.len());
    }
    let longest =
        setup.database.query("SELECT coalesce(max(length(status)), 0) FROM contributions");
    assert_eq!(longest, [[Some("ostateczne".len().to_string())]]);
}

#[test]
fn refusals_of_the_server_itself_are_json_with_a_code() {
    let setup = Setup::new();
    let addr = setup.serve(quick_limits());
    let id = uuid(7);
    let auth = format!("Bearer {}", setup.tokens[0]);
    let headers = [("Authorization", auth.as_str()), ("Idempotency-Key", id.as_str())];
    let huge = format!("{{\"x\":\"{}\"}}", "a".repeat(jst_server::MAX_BODY_BYTES + 10));
    let reply = send(addr, "POST", "/v1/submissions", &headers, huge.as_bytes());
    assert_eq!(reply.status, 413, "{}", reply.head);
    assert_eq!(
        reply.code(),
        json!("payload_too_large"),
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    assert!(reply.json()["message"].as_str().is_some_and(|m| m.contains("MiB")), "{reply:?}");
    assert!(reply.header("content-type").is_some_and(|c| c.starts_with("application/json")));

    // Fields that travel into the logs are short.
    let body = json!({
        "submission_id": id, "client_version": "x".repeat(10_000), "catalogue_version": "v1",
        "items": [item("LUD_OGOLEM", 2024, json!(1.0), Value::Null)],
    })
    .to_string();
    let reply = send(addr, "POST", "/v1/submissions", &headers, body.as_bytes());
    assert_eq!((reply.status, reply.code()), (400, json!("invalid_body")), "{reply:?}");
}

/// Shared bytes the subscriber writes into.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("lock").extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn no_token_reaches_the_logs_even_at_trace_level() {
    let setup = Setup::new();
    let captured = Captured::default();
    let writer = captured.clone();
    let releases = setup.releases();
    // Opened here, outside the server's runtime: PostgreSQL's pool runs one of its own.
    let storage = setup.database.open().expect("open");
    let (tx, rx) = std::sync::mpsc::channel();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    // The server on this thread's runtime, so every event of its tasks meets this subscriber.
    let server = std::thread::spawn(move || {
        let subscriber = tracing_subscriber::fmt()
            .json()
            .with_max_level(tracing::Level::TRACE)
            .with_span_events(tracing_subscriber::fmt::format::FmtSpan::FULL)
            .with_writer(move || writer.clone())
            .finish();
        let _guard = tracing::subscriber::set_default(subscriber);
        // Another test's thread may have met a callsite first and cached "no one listens"
        // (tracing's interest cache); ask every callsite again now that this subscriber exists.
        tracing::callsite::rebuild_interest_cache();
        let runtime =
            tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
            let _ = tx.send(listener.local_addr().expect("addr"));
            let shutdown = async {
                let _ = stopped.await;
            };
            jst_server::serve_listener(listener, releases, storage, quick_limits(), shutdown)
                .await
                .expect("served");
        });
    });
    let addr = rx.recv_timeout(Duration::from_secs(10)).expect("bound");
    // Once more, for callsites whose registration raced with the subscriber's.
    tracing::callsite::rebuild_interest_cache();

    let valid = setup.tokens[0].clone();
    let invalid = format!("jst_{}", "ab".repeat(32));
    let in_query = format!("jst_{}", "cd".repeat(32));
    let id = uuid(3);
    let body = json!({
        "submission_id": id, "client_version": "0.1.0", "catalogue_version": "v1",
        "items": [item("LUD_OGOLEM", 2024, json!(8100.0), Value::Null)],
    })
    .to_string();
    for token in [&valid, &invalid] {
        let auth = format!("Bearer {token}");
        let headers = [("Authorization", auth.as_str()), ("Idempotency-Key", id.as_str())];
        send(addr, "POST", &format!("/v1/submissions?token={in_query}"), &headers, body.as_bytes());
        send(addr, "GET", &format!("/v1/submissions/{id}?token={in_query}"), &headers, b"");
    }
    let token_as_id = format!("jst_{}", "ef".repeat(32));
    send(addr, "GET", "/v1/config", &[("X-Request-Id", token_as_id.as_str())], b"");
    let auth = format!("Bearer {valid}");
    let headers = [("Authorization", auth.as_str()), ("X-Request-Id", "ops-test-id-7")];
    send(addr, "GET", "/v1/groups", &headers, b"");
    for path in ["/latest.json", "/v1/config", "/v1/nieznane", "/nie-ma-pliku"] {
        send(addr, "GET", &format!("{path}?a=1&token={in_query}"), &[], b"");
    }
    send(
        addr,
        "GET",
        &format!("/latest.json?token={in_query}"),
        &[("Authorization", &format!("Bearer {valid}"))],
        b"",
    );
    let _ = stop.send(());
    server.join().expect("server thread");

    let logs = String::from_utf8(captured.0.lock().expect("lock").clone()).expect("UTF-8");
    assert!(logs.contains("/v1/submissions"), "requests were logged at all: {logs}");
    for token in [&valid, &invalid, &in_query] {
        assert!(!logs.contains(token.as_str()), "a token in the logs: {logs}");
        assert!(!logs.contains(&token[4..20]), "part of a token in the logs");
        let hash = jst_release::sha256_hex(token.as_bytes());
        assert!(!logs.contains(&hash[..16]), "a token's SHA-256 in the logs");
    }
    // A token sent as the request id is not taken (too long): a new id is logged instead.
    assert!(!logs.contains(&token_as_id[4..20]), "a token sent as X-Request-Id in the logs");
    // Every request's span carries its id: the one nginx sent, verbatim.
    let tagged: Vec<&str> = logs.lines().filter(|l| l.contains("ops-test-id-7")).collect();
    assert!(!tagged.is_empty(), "the request id in the logs: {logs}");
    for line in &tagged {
        let event: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        assert_eq!(event["span"]["request_id"], "ops-test-id-7", "{line}");
    }
}
