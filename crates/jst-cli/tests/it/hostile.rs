//! `jst sync` and `jst submit` against hostile servers (a test server on port 0): a release
//! trickled a byte at a time ends at `--deadline` as offline (exit 5) and the next run resumes;
//! an answer to a submission that is not the API's (an HTML page, 8 MiB of bytes) is refused
//! (exit 4) and the submission stays in the outbox.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use jst_release::{KeyPair, Manifest};
use jst_server::{build_release, issue_token, keygen, now, DataRow, SqliteStorage, Storage};
use serde_json::{json, Value};

use crate::jst;
use crate::sync::start_server;

const CATALOGUE: &[u8] = include_bytes!("../../../../assets/catalogue/katalog_wskaznikow.csv");

/// How a test server answers one request (method, path, Range header).
struct Reply {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
    /// Sent at once, then the rest of the body a byte every `every`.
    at_once: usize,
    every: Duration,
    /// `len` more bytes of `x` after the body, without `Content-Length`.
    filler: usize,
}

impl Reply {
    fn ok(content_type: &'static str, body: Vec<u8>) -> Self {
        Self {
            status: 200,
            content_type,
            at_once: usize::MAX,
            body,
            every: Duration::ZERO,
            filler: 0,
        }
    }

    /// A file of `root`, honouring `Range: bytes=N-`.
    fn file(root: &Path, path: &str, range: Option<&str>) -> Self {
        let Ok(bytes) = std::fs::read(root.join(path.trim_start_matches('/'))) else {
            return Self { status: 404, ..Self::ok("text/plain", Vec::new()) };
        };
        let from = range
            .and_then(|r| r.strip_prefix("bytes="))
            .and_then(|r| r.strip_suffix('-'))
            .and_then(|n| n.parse::<usize>().ok())
            .filter(|n| *n < bytes.len());
        match from {
            Some(from) => {
                Self { status: 206, ..Self::ok("application/octet-stream", bytes[from..].to_vec()) }
            }
            None => Self::ok("application/octet-stream", bytes),
        }
    }
}

type Seen = Arc<Mutex<Vec<(String, Option<String>)>>>;

/// A test server on 127.0.0.1 port 0: its URL and the (path, Range) of every request.
fn serve(handler: impl Fn(&str, Option<&str>) -> Reply + Send + Sync + 'static) -> (String, Seen) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    let seen: Seen = Arc::default();
    let (handler, log) = (Arc::new(handler), Arc::clone(&seen));
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let (handler, log) = (Arc::clone(&handler), Arc::clone(&log));
            std::thread::spawn(move || {
                let _ = answer(stream, handler.as_ref(), &log);
            });
        }
    });
    (url, seen)
}

fn answer(
    stream: TcpStream,
    handler: &(dyn Fn(&str, Option<&str>) -> Reply + Send + Sync),
    log: &Seen,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let path = line.split_whitespace().nth(1).unwrap_or_default().to_owned();
    let (mut range, mut length) = (None, 0u64);
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
        let (name, value) = header.split_once(':').unwrap_or_default();
        match name.trim().to_ascii_lowercase().as_str() {
            "range" => range = Some(value.trim().to_owned()),
            "content-length" => length = value.trim().parse().unwrap_or(0),
            _ => {}
        }
    }
    std::io::copy(&mut reader.by_ref().take(length), &mut std::io::sink())?;
    log.lock().expect("log").push((path.clone(), range.clone()));
    let reply = handler(&path, range.as_deref());
    let mut out = stream;
    write!(
        out,
        "HTTP/1.1 {} X\r\nContent-Type: {}\r\nConnection: close\r\n",
        reply.status, reply.content_type
    )?;
    if reply.filler == 0 {
        write!(out, "Content-Length: {}\r\n", reply.body.len())?;
    }
    out.write_all(b"\r\n")?;
    let at_once = reply.at_once.min(reply.body.len());
    out.write_all(&reply.body[..at_once])?;
    out.flush()?;
    for byte in &reply.body[at_once..] {
        std::thread::sleep(reply.every);
        out.write_all(&[*byte])?;
        out.flush()?;
    }
    let block = vec![b'x'; 64 * 1024];
    let mut left = reply.filler;
    while left > 0 {
        let n = left.min(block.len());
        out.write_all(&block[..n])?;
        left -= n;
    }
    out.flush()
}

/// A signed release of a few public values, built by the association's own code, and a desktop
/// that trusts its key.
fn release_and_desktop(root: &Path) -> (PathBuf, PathBuf) {
    let (secret, public_key, _) = keygen(&root.join("klucze")).expect("keygen");
    let key = KeyPair::from_text(&std::fs::read_to_string(secret).expect("key")).expect("key");
    let mut storage = SqliteStorage::open(&root.join("serwer")).expect("server db");
    storage.save_catalogue(CATALOGUE, 55, "v1", "2026-11-22T00:00:00Z").expect("catalogue");
    let rows: Vec<DataRow> = (2019..=2024)
        .flat_map(|year| {
            ["1219012", "1219022", "1219043", "1219053"].map(|teryt| DataRow {
                teryt: teryt.into(),
                indicator: "KANALIZACJA_PROC".into(),
                year,
                value: 40.0 + f64::from(year - 2019),
            })
        })
        .collect();
    storage.upsert_values(&rows, "2026-11-22T00:00:00Z").expect("values");
    let releases = root.join("wydania");
    build_release(&mut storage, &releases, &key, now(), 60).expect("build");
    let data = root.join("pulpit");
    assert_eq!(jst(&data, &["init", "--unit", "1219053"]).status.code(), Some(0));
    let trusted = jst(&data, &["trust", "add", public_key.to_str().expect("path"), "--yes"]);
    assert_eq!(trusted.status.code(), Some(0), "{}", String::from_utf8_lossy(&trusted.stderr));
    (releases, data)
}

fn run(data: &Path, args: &[&str]) -> (Option<i32>, Value, String, Duration) {
    let started = Instant::now();
    let out = jst(data, args);
    let took = started.elapsed();
    let view = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (out.status.code(), view, String::from_utf8_lossy(&out.stderr).into_owned(), took)
}

/// Values of KANALIZACJA_PROC 2024 in the powiat group: how much peer data there is.
fn peer_values(data: &Path) -> u64 {
    let args = ["benchmark", "KANALIZACJA_PROC", "--year", "2024", "--group", "powiat"];
    let out = jst(data, &[&args[..], &["--format", "json"]].concat());
    serde_json::from_slice::<Value>(&out.stdout)
        .map(|v| v["stats"]["n"].as_u64().unwrap_or(0))
        .unwrap_or(0)
}

#[test]
fn sync_ends_offline_at_its_deadline_and_the_next_run_resumes_the_chunk_cut_short() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (releases, data) = release_and_desktop(dir.path());
    let manifest =
        Manifest::parse(&std::fs::read(releases.join(Manifest::FILE)).expect("m")).expect("parse");
    let last = manifest.chunks.last().expect("a chunk").clone();
    // The last chunk: its first half at once, the rest a byte at a time over about 10 s, well
    // within its own deadline (30 s and more) and no read waiting long.
    let trickled = format!("/chunks/{}", last.sha256);
    let every = Duration::from_millis(10_000 / (last.size - last.size / 2).max(1));
    let root = releases.clone();
    let (url, _) = serve(move |path, range| {
        let mut reply = Reply::file(&root, path, range);
        if path == trickled {
            reply.at_once = reply.body.len() / 2;
            reply.every = every;
        }
        reply
    });

    let (code, view, stderr, took) =
        run(&data, &["sync", "--server", &url, "--deadline", "2s", "--format", "json"]);
    assert_eq!((code, view["outcome"].clone()), (Some(5), json!("offline")), "{stderr}");
    assert!(took < Duration::from_secs(8), "--deadline 2s, took {took:?}");
    assert!(stderr.contains("limit czasu synchronizacji (2 s)"), "{stderr}");
    assert_eq!(peer_values(&data), 0, "nothing applied");
    let cache = data.join("wydania").join("fragmenty");
    let part = cache.join(format!("{}.part", last.sha256));
    let kept = std::fs::metadata(&part).expect("the cut chunk stays as .part").len();
    assert!(kept >= last.size / 2 && kept < last.size, "{kept} of {}", last.size);

    // The next run, from an honest server, asks only for the rest and applies the release.
    let root = releases.clone();
    let (honest, seen) = serve(move |path, range| Reply::file(&root, path, range));
    let (code, view, stderr, _) = run(&data, &["sync", "--server", &honest, "--format", "json"]);
    assert_eq!((code, view["outcome"].clone()), (Some(0), json!("applied")), "{stderr}");
    assert_eq!(view["chunks_downloaded"], json!(1), "{view}");
    assert_eq!(view["chunks_reused"], json!(manifest.chunks.len() - 1));
    let asked = seen.lock().expect("log").clone();
    let range = format!("bytes={kept}-");
    assert!(
        asked.iter().any(|(p, r)| p.ends_with(&last.sha256) && r.as_deref() == Some(&range)),
        "{asked:?}"
    );

    assert_eq!(peer_values(&data), 4);

    // A deadline is a time with a unit (a bare number is minutes), and only for a server.
    for args in [
        &["sync", "--server", &honest, "--deadline", "0"][..],
        &["sync", "--server", &honest, "--deadline", "5 dni"],
        &["sync", "--from", "wydanie", "--deadline", "5"],
    ] {
        assert_eq!(jst(&data, args).status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn submit_refuses_an_answer_that_is_not_the_apis_with_exit_4_and_keeps_the_outbox() {
    let dir = tempfile::tempdir().expect("tempdir");
    let server_db = dir.path().join("serwer");
    let mut storage = SqliteStorage::open(&server_db).expect("server db");
    storage.save_catalogue(CATALOGUE, 55, "v1", "2026-11-22T00:00:00Z").expect("catalogue");
    let token = issue_token(&mut storage, "1219053", "2026-11-22T00:00:00Z").expect("token").token;
    drop(storage);

    let data = dir.path().join("pulpit");
    assert_eq!(jst(&data, &["init", "--unit", "1219053"]).status.code(), Some(0));
    assert_eq!(jst(&data, &["contribute", "add", "KANALIZACJA_PROC"]).status.code(), Some(0));
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_jst"))
        .args(["--data-dir", data.to_str().expect("path"), "token", "set"])
        .env_remove("JST_DATA_DIR")
        .env("JST_TOKEN_STORE", "file")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("spawn");
    child.stdin.take().expect("stdin").write_all(format!("{token}\n").as_bytes()).expect("token");
    assert!(child.wait().expect("wait").success());
    let values = data.join("wartosci.csv");
    std::fs::write(&values, "wskaznik_kod;rok;wartosc\nKANALIZACJA_PROC;2024;71.5\n").expect("csv");
    assert_eq!(
        jst(&data, &["import", "values", values.to_str().expect("path")]).status.code(),
        Some(0)
    );
    let pending = || -> Vec<String> {
        let conn = rusqlite::Connection::open(data.join("local.db")).expect("local.db");
        let mut stmt =
            conn.prepare("SELECT submission_id FROM outbox WHERE state = 'pending'").expect("sql");
        let ids =
            stmt.query_map([], |r| r.get(0)).expect("query").map(|r| r.expect("id")).collect();
        ids
    };

    // A login page of a hotel network or the association's web site: 200, but HTML.
    let (portal, _) = serve(|_, _| {
        Reply::ok(
            "text/html",
            b"<!DOCTYPE html><html><body>Zaloguj si\xc4\x99</body></html>".to_vec(),
        )
    });
    let (code, view, stderr, _) = run(&data, &["submit", "--server", &portal, "--format", "json"]);
    assert_eq!(
        (code, view["outcome"].clone(), view["code"].clone()),
        (Some(4), json!("refused"), json!("malformed")),
        "{stderr}"
    );
    assert!(stderr.starts_with("malformed: "), "{stderr}");
    let queued = pending();
    assert_eq!(queued.len(), 1, "the submission waits in the outbox");

    // 8 MiB without a length (a real answer is a few KiB): refused after 1 MiB, not read whole.
    let (flood, _) =
        serve(|_, _| Reply { filler: 8 << 20, ..Reply::ok("application/json", b"{".to_vec()) });
    let (code, view, stderr, _) = run(&data, &["submit", "--server", &flood, "--format", "json"]);
    assert_eq!((code, view["code"].clone()), (Some(4), json!("too_large")), "{stderr}");
    assert_eq!(pending(), queued);

    // The association's real server: the same submission goes and is recorded.
    let releases = dir.path().join("wydania");
    std::fs::create_dir_all(&releases).expect("dir");
    let url = format!("http://{}", start_server(&releases, &server_db));
    let (code, view, stderr, _) = run(&data, &["submit", "--server", &url, "--format", "json"]);
    assert_eq!((code, view["outcome"].clone()), (Some(0), json!("sent")), "{stderr}");
    assert_eq!(view["submissions"], json!(queued));
    assert!(pending().is_empty());
}
