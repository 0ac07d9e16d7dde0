//! The server against hostile clients and hostile numbers: small raw-socket clients on loopback
//! (values no desktop can read, slow headers and bodies, idle connections, floods of random
//! tokens, oversized fields) and a log capture that must never hold a token.

mod api;
mod idempotency;
mod rate;
mod slow;
mod values;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::time::Duration;

use jst_server::{issue_token, Location, ServeLimits, Storage};
use jst_server_store::throwaway::TestDatabase;
use serde_json::Value;

/// Units of one `type_size` group (gminy wiejskie of powiaty bocheński and wielicki), each
/// given 8 000 inhabitants, so their contributions share one aggregate cell.
pub const RURAL: [&str; 10] = [
    "1201022", "1201032", "1201042", "1201052", "1201072", "1201082", "1201092", "1219012",
    "1219022", "1219032",
];

/// A server's database (on the engine under test) and release folder on disk, with a token per
/// unit of [`RURAL`].
pub struct Setup {
    pub dir: tempfile::TempDir,
    pub database: TestDatabase,
    pub tokens: Vec<String>,
}

impl Setup {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let database = TestDatabase::new(&dir.path().join("baza"));
        let mut storage = database.storage().expect("open");
        storage.save_catalogue(super::CATALOGUE, 54, "v1", "2026-11-22T00:00:00Z").expect("cat");
        let population: Vec<jst_server::DataRow> = RURAL
            .iter()
            .map(|t| jst_server::DataRow {
                teryt: (*t).to_owned(),
                indicator: "LUD_OGOLEM".to_owned(),
                year: 2024,
                value: 8_000.0,
            })
            .collect();
        storage.upsert_values(&population, "2026-11-22T00:00:00Z").expect("population");
        let tokens = RURAL
            .iter()
            .map(|t| issue_token(&mut *storage, t, "2026-11-22T00:00:00Z").expect("token").token)
            .collect();
        std::fs::create_dir_all(dir.path().join("wydania")).expect("releases");
        std::fs::write(dir.path().join("wydania/latest.json"), b"{}").expect("latest");
        Self { dir, database, tokens }
    }

    pub fn releases(&self) -> PathBuf {
        self.dir.path().join("wydania")
    }

    pub fn storage(&self) -> Box<dyn Storage + Send> {
        self.database.storage().expect("open")
    }

    /// Serves on a free loopback port, on its own thread, until the test process ends.
    pub fn serve(&self, limits: ServeLimits) -> SocketAddr {
        start(self.releases(), self.database.location().clone(), limits)
    }
}

pub fn start(releases: PathBuf, database: Location, limits: ServeLimits) -> SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let addr = "127.0.0.1:0".parse().expect("addr");
        let _ = jst_server::serve_with(addr, releases, database, limits, |bound| {
            let _ = tx.send(bound);
        });
    });
    rx.recv_timeout(Duration::from_secs(10)).expect("bound")
}

/// Limits for tests: every timeout about a second, so slow clients are judged in seconds.
pub fn quick_limits() -> ServeLimits {
    ServeLimits {
        header_read_timeout: Duration::from_secs(1),
        body_read_timeout: Duration::from_secs(1),
        idle_timeout: Duration::from_secs(1),
        ..ServeLimits::default()
    }
}

/// One HTTP answer as read off the socket.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub head: String,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<String> {
        self.head.lines().skip(1).find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.trim().eq_ignore_ascii_case(name).then(|| value.trim().to_owned())
        })
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or(Value::Null)
    }

    pub fn code(&self) -> Value {
        self.json()["code"].clone()
    }
}

/// Reads one answer from a connection the server closes after it (`Connection: close`).
pub fn read_reply(stream: &mut TcpStream) -> Reply {
    stream.set_read_timeout(Some(Duration::from_secs(20))).expect("timeout");
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    let split =
        response.windows(4).position(|w| w == b"\r\n\r\n").map_or(response.len(), |p| p + 4);
    let head = String::from_utf8_lossy(&response[..split]).to_string();
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    Reply { status, head, body: response[split..].to_vec() }
}

/// A request with `Connection: close`, its answer read whole.
pub fn send(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Reply {
    let mut stream = TcpStream::connect(addr).expect("connect");
    let extra: String = headers.iter().map(|(k, v)| format!("{k}: {v}\r\n")).collect();
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: {}\r\n{extra}Connection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes()).and_then(|()| stream.write_all(body));
    read_reply(&mut stream)
}

/// A submission id: a UUID made of `n`.
pub fn uuid(n: u32) -> String {
    format!("{n:08x}-d9cb-469f-a165-70867728950e")
}

/// `POST /v1/submissions` of `items` with the unit's token under a fresh id.
pub fn submit(addr: SocketAddr, token: &str, n: u32, items: &[Value]) -> Reply {
    let id = uuid(n);
    let body = serde_json::json!({
        "submission_id": id,
        "client_version": "0.1.0",
        "catalogue_version": "v1",
        "items": items,
    })
    .to_string();
    let auth = format!("Bearer {token}");
    send(
        addr,
        "POST",
        "/v1/submissions",
        &[("Authorization", auth.as_str()), ("Idempotency-Key", id.as_str())],
        body.as_bytes(),
    )
}

pub fn item(indicator: &str, year: i32, value: Value, status: Value) -> Value {
    serde_json::json!({
        "indicator": indicator, "year": year, "value": value, "status": status,
        "base_server_rev": null,
    })
}

/// The results of a submission's answer.
pub fn results(reply: &Reply) -> Vec<(String, String)> {
    reply.json()["results"]
        .as_array()
        .unwrap_or_else(|| panic!("no results: {reply:?}"))
        .iter()
        .map(|r| {
            (
                r["result"].as_str().unwrap_or_default().to_owned(),
                r["message"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

/// A key pair for release builds in `dir`.
pub fn release_key(dir: &Path) -> jst_release::KeyPair {
    let (secret, _, _) = jst_server::keygen(&dir.join("klucze")).expect("keygen");
    jst_release::KeyPair::from_text(&std::fs::read_to_string(secret).expect("key")).expect("key")
}
