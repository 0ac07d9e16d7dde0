//! Experience-exchange groups against the real `jst-server` binary: the association forms a group
//! with `gwd create|add|remove`, `serve` on port 0 answers two members and one non-member, and
//! neither the release built afterwards nor the server's log holds a member's contributed value.

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Output, Stdio};

use jst_release::{decode_chunk, ChunkKind, Manifest};
use jst_server::{issue_token, DataRow, Storage};
use jst_server_store::throwaway::TestDatabase;
use serde_json::{json, Value};

use crate::hostile::{item, results, send, submit, Reply};

const WIELICZKA: &str = "1219053";
const NIEPOLOMICE: &str = "1219043";
/// Not a member: Biskupice.
const BISKUPICE: &str = "1219012";
const GROUP_NAME: &str = "GWD Wodociągi i kanalizacja – Małopolska";
/// Contributed values, chosen to be found by a plain text search (whole parts over 59, so no
/// log timestamp "SS.fff" can contain one).
const CONTRIBUTED: [(&str, &str, f64, &str); 4] = [
    (WIELICZKA, "KANALIZACJA_PROC", 71.437, "71.437"),
    (WIELICZKA, "ODPADY_SELEKT_PROC", 83.911, "83.911"),
    (NIEPOLOMICE, "KANALIZACJA_PROC", 64.219, "64.219"),
    (BISKUPICE, "KANALIZACJA_PROC", 65.583, "65.583"),
];

fn run(data: &TestDatabase, args: &[&str]) -> Output {
    data.command(env!("CARGO_BIN_EXE_jst-server"))
        .args(args)
        .env("RUST_LOG", "off")
        .output()
        .expect("jst-server runs")
}

fn ok(output: &Output) -> String {
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn json_of(output: &Output) -> Value {
    serde_json::from_str(&ok(output)).expect("JSON on stdout")
}

fn public(teryt: &str, indicator: &str, value: f64) -> DataRow {
    DataRow { teryt: teryt.into(), indicator: indicator.into(), year: 2024, value }
}

/// The public values of the three units: Wieliczka has a public KANALIZACJA_PROC too (its
/// contribution wins), nobody has a public ODPADY_SELEKT_PROC.
fn public_rows() -> Vec<DataRow> {
    vec![
        public(WIELICZKA, "KANALIZACJA_PROC", 70.0),
        public(WIELICZKA, "WODOCIAG_PROC", 91.5),
        public(NIEPOLOMICE, "WODOCIAG_PROC", 88.25),
        public(BISKUPICE, "WODOCIAG_PROC", 80.0),
    ]
}

/// The real binary serving `data` on a free port; its JSON log goes to `log`.
struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Server {
    fn start(data: &TestDatabase, releases: &Path, log: &Path) -> Self {
        let mut child = data
            .command(env!("CARGO_BIN_EXE_jst-server"))
            .args(["serve", "--bind", "127.0.0.1:0", "--releases"])
            .arg(releases)
            .env("RUST_LOG", "trace")
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(log).expect("log file"))
            .spawn()
            .expect("jst-server serve starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("the bound address");
        let addr = line
            .trim()
            .rsplit("http://")
            .next()
            .and_then(|a| a.parse().ok())
            .unwrap_or_else(|| panic!("no address in {line:?}"));
        Self { child, addr }
    }

    fn get(&self, path: &str, token: &str, etag: Option<&str>) -> Reply {
        let auth = format!("Bearer {token}");
        let mut headers = vec![("Authorization", auth.as_str())];
        if let Some(tag) = etag {
            headers.push(("If-None-Match", tag));
        }
        send(self.addr, "GET", path, &headers, b"")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn values(reply: &Reply) -> Vec<(String, String, String, f64, String)> {
    reply.json()["values"]
        .as_array()
        .unwrap_or_else(|| panic!("no values: {reply:?}"))
        .iter()
        .map(|v| {
            assert_eq!(v["year"], json!(2024));
            (
                v["teryt"].as_str().unwrap_or_default().to_owned(),
                v["name"].as_str().unwrap_or_default().to_owned(),
                v["indicator"].as_str().unwrap_or_default().to_owned(),
                v["value"].as_f64().unwrap_or(f64::NAN),
                v["source"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

fn row(
    teryt: &str,
    name: &str,
    indicator: &str,
    value: f64,
    source: &str,
) -> (String, String, String, f64, String) {
    (teryt.into(), name.into(), indicator.into(), value, source.into())
}

/// Every text of a release folder a reader could get at: plain files as they are, chunks
/// decoded, and the values chunks' rows.
fn release_contents(out: &Path) -> (Vec<(PathBuf, String)>, Vec<DataRow>) {
    let manifest = Manifest::parse(&std::fs::read(out.join(Manifest::FILE)).expect("manifest"))
        .expect("parse");
    let mut texts = Vec::new();
    let mut rows = Vec::new();
    for c in &manifest.chunks {
        let path = out.join("chunks").join(&c.sha256);
        let text = decode_chunk(&c.name, &std::fs::read(&path).expect("chunk"), &c.sha256)
            .expect("decode");
        if c.kind == ChunkKind::Values {
            rows.extend(
                jst_import::parse_public_values(&text, &c.name).expect("rows").into_iter().map(
                    |r| DataRow {
                        teryt: r.teryt.as_str().to_owned(),
                        indicator: r.indicator,
                        year: r.year,
                        value: r.value,
                    },
                ),
            );
        }
        texts.push((path, String::from_utf8_lossy(&text).into_owned()));
    }
    for entry in std::fs::read_dir(out).expect("release folder") {
        let path = entry.expect("entry").path();
        if path.is_file() {
            texts.push((
                path.clone(),
                String::from_utf8_lossy(&std::fs::read(&path).expect("file")).into_owned(),
            ));
        }
    }
    (texts, rows)
}

#[test]
fn members_see_each_other_by_name_others_are_refused_and_releases_and_logs_keep_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = TestDatabase::new(&dir.path().join("baza"));
    let mut storage = data.storage().expect("open");
    storage.save_catalogue(crate::CATALOGUE, 54, "v1", "2026-11-22T00:00:00Z").expect("catalogue");
    storage.upsert_values(&public_rows(), "2026-11-22T00:00:00Z").expect("public values");
    let token = |storage: &mut dyn Storage, unit: &str| {
        issue_token(storage, unit, "2026-11-22T00:00:00Z").expect("token").token
    };
    let old_wieliczka = token(&mut *storage, WIELICZKA);
    storage.revoke_tokens(WIELICZKA, "2026-11-23T00:00:00Z").expect("revoke");
    let wieliczka = token(&mut *storage, WIELICZKA);
    let niepolomice = token(&mut *storage, NIEPOLOMICE);
    let biskupice = token(&mut *storage, BISKUPICE);
    drop(storage);

    let created = json_of(&run(
        &data,
        &[
            "gwd",
            "create",
            GROUP_NAME,
            "--area",
            "wodociągi i kanalizacja",
            "--indicators",
            "KANALIZACJA_PROC,WODOCIAG_PROC,ODPADY_SELEKT_PROC",
            "--format",
            "json",
        ],
    ));
    let id = created["id"].as_i64().unwrap_or_else(|| panic!("no id: {created}"));
    for (unit, consent) in [(WIELICZKA, "ZMP/GWD/7/2026"), (NIEPOLOMICE, "ZMP/GWD/8/2026")] {
        ok(&run(&data, &["gwd", "add", &id.to_string(), unit, "--consent", consent]));
    }

    let served = dir.path().join("serwowane");
    std::fs::create_dir_all(&served).expect("releases folder");
    let log = dir.path().join("serwer.log");
    let server = Server::start(&data, &served, &log);
    for (n, (unit, indicator, value, _)) in CONTRIBUTED.iter().enumerate() {
        let token = [(WIELICZKA, &wieliczka), (NIEPOLOMICE, &niepolomice), (BISKUPICE, &biskupice)]
            .iter()
            .find(|(u, _)| u == unit)
            .map(|(_, t)| t.as_str())
            .expect("token");
        let reply = submit(
            server.addr,
            token,
            n as u32 + 1,
            &[item(indicator, 2024, json!(value), Value::Null)],
        );
        assert_eq!(results(&reply)[0].0, "imported", "{reply:?}");
    }

    // The caller's groups only, members by name.
    let groups = server.get("/v1/groups", &wieliczka, None);
    assert_eq!(groups.status, 200, "{groups:?}");
    assert_eq!(
        groups.json(),
        json!([{
            "id": id, "name": GROUP_NAME, "area": "wodociągi i kanalizacja",
            "indicators": ["KANALIZACJA_PROC", "WODOCIAG_PROC", "ODPADY_SELEKT_PROC"],
            "members": [
                {"teryt": NIEPOLOMICE, "name": "Niepołomice"},
                {"teryt": WIELICZKA, "name": "Wieliczka"},
            ],
        }])
    );
    let none = server.get("/v1/groups", &biskupice, None);
    assert_eq!((none.status, none.json()), (200, json!([])));

    // Both members see both members' values, named; a contribution wins over the public value,
    // a cell with neither is absent, the non-member's contribution is nowhere.
    let path = format!("/v1/groups/{id}/values?year=2024");
    let expected = vec![
        row(NIEPOLOMICE, "Niepołomice", "KANALIZACJA_PROC", 64.219, "contributed"),
        row(NIEPOLOMICE, "Niepołomice", "WODOCIAG_PROC", 88.25, "public"),
        row(WIELICZKA, "Wieliczka", "KANALIZACJA_PROC", 71.437, "contributed"),
        row(WIELICZKA, "Wieliczka", "WODOCIAG_PROC", 91.5, "public"),
        row(WIELICZKA, "Wieliczka", "ODPADY_SELEKT_PROC", 83.911, "contributed"),
    ];
    let first = server.get(&path, &wieliczka, None);
    assert_eq!(first.status, 200, "{first:?}");
    assert_eq!(first.json()["group"], json!({"id": id, "name": GROUP_NAME}));
    assert_eq!(values(&first), expected);
    assert!(first.header("cache-control").is_some_and(|c| c.contains("private")), "{first:?}");
    let other = server.get(&path, &niepolomice, None);
    assert_eq!(values(&other), expected);
    let etag = first.header("etag").expect("an ETag");
    assert_eq!(other.header("etag").as_deref(), Some(etag.as_str()), "same answer, same tag");

    // Unchanged: 304 without a body.
    let again = server.get(&path, &wieliczka, Some(&etag));
    assert_eq!((again.status, again.body.len()), (304, 0), "{again:?}");
    assert_eq!(again.header("etag").as_deref(), Some(etag.as_str()));

    // The non-member, a group that does not exist, a revoked token, no token, no year.
    let refused = server.get(&path, &biskupice, None);
    assert_eq!((refused.status, refused.code()), (403, json!("not_a_member")), "{refused:?}");
    assert!(refused.json()["values"].is_null());
    let unknown = server.get("/v1/groups/999/values?year=2024", &wieliczka, None);
    assert_eq!((unknown.status, unknown.code()), (403, json!("not_a_member")));
    let revoked = server.get(&path, &old_wieliczka, None);
    assert_eq!((revoked.status, revoked.code()), (401, json!("unauthorized")));
    assert_eq!(server.get("/v1/groups", &old_wieliczka, None).status, 401);
    assert_eq!(send(server.addr, "GET", &path, &[], b"").status, 401);
    let no_year = server.get(&format!("/v1/groups/{id}/values"), &wieliczka, None);
    assert_eq!((no_year.status, no_year.code()), (400, json!("invalid_year")));

    // Niepołomice leaves: gone from the next answer, its values with it, and it no longer sees
    // the group.
    ok(&run(&data, &["gwd", "remove", &id.to_string(), NIEPOLOMICE]));
    let after = server.get(&path, &wieliczka, Some(&etag));
    assert_eq!(after.status, 200, "a changed answer is sent whole: {after:?}");
    assert_ne!(after.header("etag").as_deref(), Some(etag.as_str()));
    assert_eq!(values(&after), expected[2..].to_vec());
    let members = server.get("/v1/groups", &wieliczka, None).json()[0]["members"].clone();
    assert_eq!(members, json!([{"teryt": WIELICZKA, "name": "Wieliczka"}]));
    let left = server.get(&path, &niepolomice, None);
    assert_eq!((left.status, left.code()), (403, json!("not_a_member")));
    assert_eq!(server.get("/v1/groups", &niepolomice, None).json(), json!([]));
    drop(server);

    // The log: the refusal is there, with who asked; no token, no contributed value, no name.
    let logged = std::fs::read_to_string(&log).expect("log");
    assert!(logged.contains("/v1/groups"), "requests were logged: {logged}");
    assert!(
        logged.lines().any(|l| l.contains("odmowa") && l.contains(BISKUPICE)),
        "the refusal is logged with the unit: {logged}"
    );
    for token in [&wieliczka, &old_wieliczka, &niepolomice, &biskupice] {
        assert!(!logged.contains(&token[4..20]), "a token in the log");
    }
    for (_, _, _, text) in CONTRIBUTED {
        assert!(!logged.contains(text), "contributed value {text} in the log");
    }
    for name in ["Niepołomice", "Wieliczka", "88.25", "91.5"] {
        assert!(!logged.contains(name), "{name} in the log");
    }

    // A release built now: contributed values, the group and the consents are nowhere in it;
    // members' rows are their public values and nothing else.
    let (secret, _, _) = jst_server::keygen(&dir.path().join("klucze")).expect("keygen");
    let out = dir.path().join("wydanie");
    ok(&run(
        &data,
        &[
            "release",
            "build",
            "--out",
            out.to_str().expect("path"),
            "--key",
            secret.to_str().expect("path"),
        ],
    ));
    let (texts, rows) = release_contents(&out);
    assert!(texts.len() >= 5, "{} files read", texts.len());
    for (path, text) in &texts {
        for (_, _, _, value) in CONTRIBUTED {
            assert!(!text.contains(value), "contributed {value} in {}", path.display());
        }
        for secret in [GROUP_NAME, "ZMP/GWD/7/2026", "ZMP/GWD/8/2026", "wodociągi i kanalizacja"] {
            assert!(!text.contains(secret), "{secret} in {}", path.display());
        }
    }
    let mut members: Vec<DataRow> =
        rows.into_iter().filter(|r| [WIELICZKA, NIEPOLOMICE].contains(&r.teryt.as_str())).collect();
    members.sort_by(|a, b| (&a.teryt, &a.indicator).cmp(&(&b.teryt, &b.indicator)));
    let mut public: Vec<DataRow> =
        public_rows().into_iter().filter(|r| r.teryt != BISKUPICE).collect();
    public.sort_by(|a, b| (&a.teryt, &a.indicator).cmp(&(&b.teryt, &b.indicator)));
    assert_eq!(members, public);
}

#[test]
fn gwd_commands_answer_in_json_refuse_bad_input_with_exit_3_and_write_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = TestDatabase::new(&dir.path().join("baza"));
    let catalogue = dir.path().join("katalog.csv");
    std::fs::write(&catalogue, crate::CATALOGUE).expect("catalogue");
    let code = |args: &[&str]| run(&data, args).status.code();

    // No catalogue yet: the indicators cannot be checked (an error, not bad input).
    assert_eq!(code(&["gwd", "create", "A", "--area", "x", "--indicators", "LUD_OGOLEM"]), Some(1));
    ok(&run(&data, &["import", "catalogue", catalogue.to_str().expect("path")]));
    assert_eq!(json_of(&run(&data, &["gwd", "list", "--format", "json"])), json!([]));

    let created = json_of(&run(
        &data,
        &[
            "gwd",
            "create",
            "Pomoc społeczna",
            "--area",
            "pomoc społeczna",
            "--indicators",
            "WYD_ODPADY_PC, KANALIZACJA_PROC",
            "--format",
            "json",
        ],
    ));
    assert_eq!(created, json!({"id": 1}));
    let second = json_of(&run(
        &data,
        &[
            "gwd",
            "create",
            "Drogi",
            "--area",
            "drogi",
            "--indicators",
            "KANALIZACJA_PROC",
            "--format",
            "json",
        ],
    ));
    assert_eq!(second, json!({"id": 2}));
    ok(&run(
        &data,
        &["gwd", "add", "1", WIELICZKA, "--consent", "ZMP/1/2026", "--consent-date", "2026-03-02"],
    ));
    let before = json_of(&run(&data, &["gwd", "list", "--format", "json"]));
    assert_eq!(before[0]["indicators"], json!(["WYD_ODPADY_PC", "KANALIZACJA_PROC"]));
    let member = &before[0]["members"][0];
    assert_eq!(
        (&member["teryt"], &member["name"], &member["consent_reference"], &member["consent_date"]),
        (&json!(WIELICZKA), &json!("Wieliczka"), &json!("ZMP/1/2026"), &json!("2026-03-02"))
    );
    assert_eq!(before[1]["members"], json!([]));

    // Bad input: exit 3, a Polish message naming the problem, nothing written.
    for (args, says) in [
        (
            vec!["gwd", "create", "Drogi", "--area", "x", "--indicators", "LUD_OGOLEM"],
            "już istnieje",
        ),
        (
            vec!["gwd", "create", "Nowa", "--area", "x", "--indicators", "LUD_OGOLEM,NIE_MA"],
            "NIE_MA",
        ),
        (
            vec!["gwd", "create", "Nowa", "--area", "x", "--indicators", "LUD_OGOLEM,LUD_OGOLEM"],
            "dwa razy",
        ),
        (vec!["gwd", "create", "Nowa", "--area", " ", "--indicators", "LUD_OGOLEM"], "obszar"),
        (vec!["gwd", "create", " ", "--area", "x", "--indicators", "LUD_OGOLEM"], "nazwa"),
        (vec!["gwd", "add", "1", WIELICZKA, "--consent", "ZMP/9/2026"], "już należy"),
        (vec!["gwd", "add", "1", "1219992", "--consent", "x"], "rejestrze"),
        (vec!["gwd", "add", "1", "12190", "--consent", "x"], "12190"),
        (vec!["gwd", "add", "7", NIEPOLOMICE, "--consent", "x"], "nie ma grupy nr 7"),
        (vec!["gwd", "add", "1", NIEPOLOMICE, "--consent", " "], "zgody"),
        (
            vec!["gwd", "add", "1", NIEPOLOMICE, "--consent", "x", "--consent-date", "2026-02-30"],
            "2026-02-30",
        ),
        (
            vec!["gwd", "add", "1", NIEPOLOMICE, "--consent", "x", "--consent-date", "2999-01-01"],
            "przyszłości",
        ),
        (vec!["gwd", "remove", "1", NIEPOLOMICE], "nie należy"),
        (vec!["gwd", "remove", "3", WIELICZKA], "nie ma grupy nr 3"),
    ] {
        let output = run(&data, &args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(3), "{args:?}: {stderr}");
        assert!(stderr.starts_with("Błąd: ") && stderr.contains(says), "{args:?}: {stderr}");
        assert!(stderr.contains("nic nie zapisano"), "{args:?}: {stderr}");
    }
    // Usage: a missing consent or a group id that is no number.
    assert_eq!(code(&["gwd", "add", "1", NIEPOLOMICE]), Some(2));
    assert_eq!(code(&["gwd", "remove", "jeden", WIELICZKA]), Some(2));
    assert_eq!(code(&["gwd", "create", "X", "--area", "x"]), Some(2));
    assert_eq!(json_of(&run(&data, &["gwd", "list", "--format", "json"])), before);

    // Leaving and joining again: the table shows the current consent.
    ok(&run(&data, &["gwd", "remove", "1", WIELICZKA]));
    ok(&run(&data, &["gwd", "add", "1", WIELICZKA, "--consent", "ZMP/2/2027"]));
    let table = ok(&run(&data, &["gwd", "list"]));
    assert!(table.contains("Pomoc społeczna") && table.contains("członków: 1"), "{table}");
    assert!(table.contains("Wieliczka") && table.contains("ZMP/2/2027"), "{table}");
    assert!(!table.contains("ZMP/1/2026"), "{table}");
}
