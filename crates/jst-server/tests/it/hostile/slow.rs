//! Slow and idle clients: each of them once held its connection (and a file descriptor) for as
//! long as it liked. With the limits set to about a second, each is cut off within seconds.

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use jst_server::ServeLimits;
use serde_json::json;

use super::{quick_limits, read_reply, send, uuid, Setup};

/// Whether the server has closed the connection (EOF or reset), looking for `wait` at most.
fn closed_within(stream: &mut TcpStream, wait: Duration) -> bool {
    stream.set_read_timeout(Some(wait)).expect("timeout");
    let mut buf = [0u8; 4096];
    loop {
        match stream.read(&mut buf) {
            Ok(0) => return true,
            Ok(_) => continue, // an answer (e.g. 408) before the close
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                return false
            }
            Err(_) => return true,
        }
    }
}

/// Writes `bytes` one at a time, `gap` apart, until the server closes the connection; returns
/// how long the server let it trickle, or `None` if all was sent.
fn trickle(stream: &mut TcpStream, bytes: &[u8], gap: Duration) -> Option<Duration> {
    let start = Instant::now();
    for b in bytes {
        if stream.write_all(&[*b]).is_err() || closed_within(stream, gap) {
            return Some(start.elapsed());
        }
    }
    None
}

#[test]
fn headers_sent_a_byte_every_300_ms_are_cut_off_at_the_header_timeout() {
    let setup = Setup::new();
    let addr = setup.serve(quick_limits());
    let mut stream = TcpStream::connect(addr).expect("connect");
    // 60 bytes at 300 ms: 18 s if the server waited for all of them.
    let head = b"GET /latest.json HTTP/1.1\r\nHost: test\r\nX-Slow: aaaaaaaaaaaaaa\r\n\r\n";
    let held = trickle(&mut stream, head, Duration::from_millis(300));
    let held = held.expect("the server waited for the whole slow head");
    assert!(held < Duration::from_secs(4), "cut off after {held:?}, the timeout is 1 s");
}

#[test]
fn a_body_sent_a_byte_every_300_ms_gets_408_in_json_within_the_body_timeout() {
    let setup = Setup::new();
    let addr = setup.serve(quick_limits());
    let id = uuid(1);
    let body = json!({
        "submission_id": id, "client_version": "0.1.0", "catalogue_version": "v1",
        "items": [{"indicator": "LUD_OGOLEM", "year": 2024, "value": 1.0, "status": null,
                   "base_server_rev": null}],
    })
    .to_string();
    let mut stream = TcpStream::connect(addr).expect("connect");
    let head = format!(
        "POST /v1/submissions HTTP/1.1\r\nHost: test\r\nAuthorization: Bearer {}\r\n\
         Idempotency-Key: {id}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n",
        setup.tokens[0],
        body.len()
    );
    stream.write_all(head.as_bytes()).expect("head");
    let start = Instant::now();
    let mut sent = 0;
    for b in body.as_bytes() {
        if stream.write_all(&[*b]).is_err() {
            break;
        }
        sent += 1;
        stream.set_read_timeout(Some(Duration::from_millis(300))).expect("timeout");
        let mut peek = [0u8; 1];
        match stream.peek(&mut peek) {
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
            _ => break, // an answer or a close
        }
    }
    let held = start.elapsed();
    assert!(sent < body.len(), "the whole slow body was read ({held:?})");
    assert!(held < Duration::from_secs(4), "cut off after {held:?}, the timeout is 1 s");
    let reply = read_reply(&mut stream);
    if reply.status != 0 {
        assert_eq!((reply.status, reply.code()), (408, json!("request_timeout")), "{reply:?}");
        assert!(reply.header("content-type").is_some_and(|c| c.starts_with("application/json")));
    }
}

#[test]
fn idle_connections_beyond_the_limit_are_closed_and_then_a_request_gets_through() {
    let setup = Setup::new();
    let addr = setup.serve(ServeLimits { max_connections: 4, ..quick_limits() });
    // Eight connections that never send a byte: four are served, four wait in the backlog.
    let mut idle: Vec<TcpStream> =
        (0..8).map(|_| TcpStream::connect(addr).expect("connect")).collect();
    let start = Instant::now();
    let reply = send(addr, "GET", "/v1/config", &[], b"");
    assert_eq!(reply.status, 200, "{reply:?}");
    let waited = start.elapsed();
    assert!(waited < Duration::from_secs(6), "a request waited {waited:?} behind idle ones");
    for (n, stream) in idle.iter_mut().enumerate() {
        assert!(closed_within(stream, Duration::from_secs(5)), "idle connection {n} still open");
    }
}

#[test]
fn a_client_that_stops_reading_is_dropped_after_the_idle_timeout() {
    let setup = Setup::new();
    // A file far larger than what the socket buffers of both ends hold.
    let size = 48 * 1024 * 1024;
    std::fs::write(setup.releases().join("duzy"), vec![b'x'; size]).expect("file");
    let addr = setup.serve(quick_limits());
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .write_all(b"GET /duzy HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")
        .expect("send");
    std::thread::sleep(Duration::from_secs(4));
    let mut got = 0usize;
    let mut buf = vec![0u8; 1 << 16];
    stream.set_read_timeout(Some(Duration::from_secs(10))).expect("timeout");
    while let Ok(n) = stream.read(&mut buf) {
        if n == 0 {
            break;
        }
        got += n;
    }
    assert!(got < size, "the whole file reached a client that stopped reading for 4 s");
}
