//! `jst submit` against a real jst-server: opt-in, outbox and replay, per-item results,
//! edits during an upload (G6), two PCs of one unit, refused tokens.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use jst_server::{issue_token, SqliteStorage, Storage};
use serde_json::{json, Value};

use crate::jst;
use crate::sync::start_server;

fn desktop(root: &Path, name: &str, token: &str) -> PathBuf {
    let data = root.join(name);
    assert_eq!(jst(&data, &["init", "--unit", "1219053"]).status.code(), Some(0));
    assert_eq!(jst(&data, &["contribute", "add", "KANALIZACJA_PROC"]).status.code(), Some(0));
    let mut child = Command::new(env!("CARGO_BIN_EXE_jst"))
        .args(["--data-dir", data.to_str().expect("path"), "token", "set"])
        .env_remove("JST_DATA_DIR")
        .env("JST_TOKEN_STORE", "file")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("spawn");
    use std::io::Write;
    child.stdin.take().expect("stdin").write_all(format!("{token}\n").as_bytes()).expect("token");
    assert!(child.wait().expect("wait").success());
    data
}

/// The association's database with the shipped catalogue: (storage, its folder).
pub(crate) fn association_server(root: &Path) -> (SqliteStorage, PathBuf) {
    let server_db = root.join("serwer");
    let mut storage = SqliteStorage::open(&server_db).expect("server db");
    storage
        .save_catalogue(
            include_bytes!("../../../../assets/catalogue/katalog_wskaznikow.csv"),
            55,
            "v1",
            "2026-11-22T00:00:00Z",
        )
        .expect("catalogue");
    (storage, server_db)
}

fn values(data: &Path, rows: &[(i32, f64)]) {
    let file = data.join("wartosci.csv");
    let mut text = String::from("wskaznik_kod;rok;wartosc\n");
    for (year, value) in rows {
        text.push_str(&format!("KANALIZACJA_PROC;{year};{value}\n"));
    }
    std::fs::write(&file, text).expect("write");
    let out = jst(data, &["import", "values", file.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}

fn submit(data: &Path, server: &str) -> (Option<i32>, Value) {
    let out = jst(data, &["submit", "--server", server, "--format", "json"]);
    (out.status.code(), serde_json::from_slice(&out.stdout).unwrap_or(Value::Null))
}

fn results(view: &Value) -> Vec<(i64, String, bool)> {
    view["items"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|i| {
                    (
                        i["year"].as_i64().unwrap_or(0),
                        i["result"].as_str().unwrap_or("").to_owned(),
                        i["synced"].as_bool().unwrap_or(false),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn contributions_travel_through_the_outbox_with_per_item_results() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut storage, server_db) = association_server(dir.path());
    let token = issue_token(&mut storage, "1219053", "2026-11-22T00:00:00Z").expect("token").token;
    let revoked =
        issue_token(&mut storage, "1219043", "2026-11-22T00:00:00Z").expect("token").token;
    storage.revoke_tokens("1219043", "2026-11-22T00:00:00Z").expect("revoke");
    drop(storage);
    let releases = dir.path().join("wydania");
    std::fs::create_dir_all(&releases).expect("dir");

    let pc1 = desktop(dir.path(), "pc1", &token);
    values(&pc1, &[(2023, 70.0), (2024, 71.0)]);

    // Offline: the submission waits in the outbox (exit 5), nothing lost.
    let (code, view) = submit(&pc1, "http://127.0.0.1:9");
    assert_eq!((code, view["outcome"].clone()), (Some(5), json!("offline")));
    // The value changes while the first submission waits: G6.
    values(&pc1, &[(2024, 72.0)]);

    let addr = start_server(&releases, &server_db);
    let url = format!("http://{addr}");
    let (code, view) = submit(&pc1, &url);
    assert_eq!((code, view["outcome"].clone()), (Some(0), json!("sent")), "{view}");
    assert_eq!(
        results(&view),
        [(2023, "imported".to_owned(), true), (2024, "imported".to_owned(), false)],
        "2024 changed during the upload, so it is not marked synced"
    );
    // The next run sends the new 2024 value against the server's rev, and then nothing.
    let (_, view) = submit(&pc1, &url);
    assert_eq!(results(&view), [(2024, "updated".to_owned(), true)], "{view}");
    assert_eq!(view["items"][0]["server_rev"], json!(2));
    let (code, view) = submit(&pc1, &url);
    assert_eq!((code, view["outcome"].clone()), (Some(0), json!("nothing_to_send")));

    // A second PC of the same unit, with an older copy: a conflict, shown side by side.
    let pc2 = desktop(dir.path(), "pc2", &token);
    values(&pc2, &[(2024, 75.0)]);
    let (_, view) = submit(&pc2, &url);
    assert_eq!(results(&view), [(2024, "conflict".to_owned(), false)]);
    assert_eq!(view["items"][0]["server_value"], json!(72.0));
    let own: f64 = rusqlite::Connection::open(pc2.join("local.db"))
        .expect("local.db")
        .query_row(
            "SELECT value FROM observations WHERE indicator = 'KANALIZACJA_PROC' AND year = 2024",
            [],
            |r| r.get(0),
        )
        .expect("own value");
    assert_eq!(own, 75.0, "a conflict never overwrites own data");
    let (_, again) = submit(&pc2, &url);
    assert_eq!(again["outcome"], json!("nothing_to_send"), "a conflict is not resent by itself");
    // The officer keeps the own value: it goes against the server's rev and replaces it there.
    let out = jst(&pc2, &["contribute", "keep", "KANALIZACJA_PROC", "2023"]);
    assert_eq!(out.status.code(), Some(3), "no conflict for 2023");
    let out = jst(&pc2, &["contribute", "keep", "KANALIZACJA_PROC", "2024"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let (_, view) = submit(&pc2, &url);
    assert_eq!(results(&view), [(2024, "updated".to_owned(), true)], "{view}");
    assert_eq!(view["items"][0]["server_rev"], json!(3));

    // Defect (issue 13): a conflict could be resolved for the server only by retyping its
    // value. A third copy accepts the server's value: it becomes the own value, with history,
    // and nothing is sent.
    let pc4 = desktop(dir.path(), "pc4", &token);
    values(&pc4, &[(2024, 80.0)]);
    let (_, view) = submit(&pc4, &url);
    assert_eq!(results(&view), [(2024, "conflict".to_owned(), false)]);
    let out = jst(&pc4, &["contribute", "accept", "KANALIZACJA_PROC", "2023"]);
    assert_eq!(out.status.code(), Some(3), "no conflict for 2023");
    let out = jst(&pc4, &["contribute", "accept", "KANALIZACJA_PROC", "2024"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("przyjęto wartość serwera 75"));
    let conn = rusqlite::Connection::open(pc4.join("local.db")).expect("local.db");
    let (own, history): (f64, i64) = conn
        .query_row(
            "SELECT value, (SELECT count(*) FROM observation_history
                            WHERE indicator = 'KANALIZACJA_PROC' AND year = 2024 AND old_value = 80)
             FROM observations WHERE indicator = 'KANALIZACJA_PROC' AND year = 2024",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("own value");
    drop(conn);
    assert_eq!((own, history), (75.0, 1), "the server's value, the old one in history");
    let (code, again) = submit(&pc4, &url);
    assert_eq!((code, again["outcome"].clone()), (Some(0), json!("nothing_to_send")), "{again}");

    // A revoked token is refused with its code (exit 4); the outbox keeps the submission.
    let pc3 = desktop(dir.path(), "pc3", &revoked);
    values(&pc3, &[(2024, 10.0)]);
    let out = jst(&pc3, &["submit", "--server", &url, "--format", "json"]);
    assert_eq!(out.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("unauthorized"));

    // A lost response: the server processed the submission, the client never heard. The replay
    // with the same id and bytes gets the stored answer; the server keeps one record.
    values(&pc1, &[(2022, 65.0)]);
    let (code, _) = submit(&pc1, "http://127.0.0.1:9");
    assert_eq!(code, Some(5));
    let conn = rusqlite::Connection::open(pc1.join("local.db")).expect("local.db");
    let (id, body): (String, Vec<u8>) = conn
        .query_row("SELECT submission_id, body FROM outbox WHERE state = 'pending'", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .expect("pending");
    drop(conn);
    let answer = jst_sync_post(&url, &token, &id, &body);
    assert!(answer.contains("\"imported\""), "{answer}");
    let (_, view) = submit(&pc1, &url);
    assert_eq!(view["submissions"], json!([id]));
    assert_eq!(
        results(&view),
        [(2022, "imported".to_owned(), true)],
        "the stored answer, not a conflict"
    );
}

/// Sends a stored submission the way the client does, bypassing the client's outbox.
fn jst_sync_post(url: &str, token: &str, id: &str, body: &[u8]) -> String {
    let addr = url.trim_start_matches("http://");
    let mut stream = std::net::TcpStream::connect(addr).expect("connect");
    use std::io::{Read, Write};
    write!(
        stream,
        "POST /v1/submissions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\nIdempotency-Key: {id}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .expect("send");
    stream.write_all(body).expect("body");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("read");
    response
}

/// The token in a real Secret Service (gnome-keyring in its own D-Bus session): `jst token set`
/// says it went to the keyring, leaves no file, and `jst submit` reads it from there. Runs where
/// `dbus-run-session` and `gnome-keyring-daemon` exist; `cargo xtask test` installs them and sets
/// `JST_REQUIRE_KEYRING=1` so it cannot be skipped there.
#[test]
fn the_unit_token_lives_in_the_os_keyring_where_one_answers() {
    let tools = ["dbus-run-session", "gnome-keyring-daemon"].iter().all(|t| {
        Command::new("sh")
            .args(["-c", &format!("command -v {t}")])
            .output()
            .is_ok_and(|o| o.status.success())
    });
    if !tools {
        assert!(std::env::var("JST_REQUIRE_KEYRING").is_err(), "gnome-keyring is required here");
        eprintln!("pominięto: brak dbus-run-session lub gnome-keyring-daemon");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut storage, server_db) = association_server(dir.path());
    let token = issue_token(&mut storage, "1219053", "2026-11-22T00:00:00Z").expect("token").token;
    drop(storage);
    let releases = dir.path().join("wydania");
    std::fs::create_dir_all(&releases).expect("dir");
    let addr = start_server(&releases, &server_db);

    let data = dir.path().join("pc");
    assert_eq!(jst(&data, &["init", "--unit", "1219053"]).status.code(), Some(0));
    assert_eq!(jst(&data, &["contribute", "add", "KANALIZACJA_PROC"]).status.code(), Some(0));
    values(&data, &[(2024, 64.5)]);
    let token_file = dir.path().join("token.txt");
    std::fs::write(&token_file, format!("{token}\n")).expect("token file");
    let jst_bin = env!("CARGO_BIN_EXE_jst");
    let script = format!(
        "printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null && \
         \"$JST\" --data-dir \"$DATA\" token set < \"$TOKEN\" && \
         \"$JST\" --data-dir \"$DATA\" submit --server http://{addr} --format json"
    );
    let out = Command::new("dbus-run-session")
        .args(["--", "sh", "-c", &script])
        .env("JST", jst_bin)
        .env("DATA", &data)
        .env("TOKEN", &token_file)
        .env_remove("JST_DATA_DIR")
        .env_remove("JST_TOKEN_STORE")
        .env("HOME", dir.path())
        .env("XDG_DATA_HOME", dir.path().join("xdg"))
        .output()
        .expect("dbus-run-session");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("w systemowym magazynie kluczy"), "{stdout}");
    assert!(!data.join("token-jednostki").exists(), "no second copy in a file");
    let view: Value =
        serde_json::from_str(&stdout[stdout.find('{').expect("json")..]).expect("json");
    assert_eq!(view["outcome"], json!("sent"), "{view}");
    assert_eq!(results(&view), [(2024, "imported".to_owned(), true)]);
}
