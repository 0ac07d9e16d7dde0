//! `jst gwd …` and `--group gwd:ID` against a stand-in of the association's groups API (the
//! real server's side is tested with `jst-server`): `jst sync` brings the groups, the benchmark
//! names the members, the meeting sheet read back has every member.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::Path;

use calamine::{open_workbook, Data, Reader, Xlsx};

use crate::{json_of, jst};

const TOKEN: &str = "jst_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

const SCHOOLS_2024: &str = "teryt;wskaznik_kod;rok;wartosc\n\
    1219012;WYD_80101;2024;12000000\n1219012;UCZ_SP;2024;1200\n\
    1219022;WYD_80101;2024;9000000\n1219022;UCZ_SP;2024;1000\n\
    1219043;WYD_80101;2024;30000000\n1219043;UCZ_SP;2024;2500\n\
    1219053;WYD_80101;2024;60000000\n1219053;UCZ_SP;2024;6000\n";

const GROUPS: &str = r#"[{"id":"oswiata","name":"Oświata powiatu","area":"edukacja",
  "indicators":["WYD_SP_NA_UCZNIA"],
  "members":[{"teryt":"1219053","name":"Wieliczka"},{"teryt":"1219022","name":"Gdów"},
             {"teryt":"1219043","name":"Niepołomice"},{"teryt":"1219012","name":"Biskupice"}]}]"#;

const VALUES_2024: &str = r#"{"group":{"id":"oswiata","name":"Oświata powiatu"},"values":[
  {"teryt":"1219043","name":"Niepołomice","indicator":"WYD_SP_NA_UCZNIA","year":2024,"value":11000,"source":"contributed"}]}"#;

/// Answers the groups API for the token; anything else (a release) is 404.
fn stand_in() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream.try_clone().expect("clone"));
            let mut line = String::new();
            let _ = reader.read_line(&mut line);
            let path = line.split_whitespace().nth(1).unwrap_or_default().to_owned();
            let mut authorised = false;
            loop {
                let mut header = String::new();
                if reader.read_line(&mut header).unwrap_or(0) == 0 || header.trim().is_empty() {
                    break;
                }
                authorised |= header.trim() == format!("Authorization: Bearer {TOKEN}")
                    || header.trim() == format!("authorization: Bearer {TOKEN}");
            }
            let (status, body) = match path.as_str() {
                "/v1/groups" if authorised => (200, GROUPS),
                p if authorised && p.starts_with("/v1/groups/oswiata/values?year=2024") => {
                    (200, VALUES_2024)
                }
                p if authorised && p.starts_with("/v1/groups/oswiata/values") => {
                    (200, r#"{"group":{"id":"oswiata","name":"x"},"values":[]}"#)
                }
                p if p.starts_with("/v1/") => (401, "{}"),
                _ => (404, "nie ma"),
            };
            let mut out = stream;
            let _ = write!(
                out,
                "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    url
}

fn member(data: &Path) {
    assert_eq!(jst(data, &["init", "--unit", "1219053"]).status.code(), Some(0));
    let peers = data.parent().expect("parent").join("peers.csv");
    std::fs::write(&peers, SCHOOLS_2024).expect("peers");
    let import = jst(data, &["import", "peers", peers.to_str().expect("path")]);
    assert_eq!(import.status.code(), Some(0), "{}", String::from_utf8_lossy(&import.stderr));
    std::fs::write(data.join("token-jednostki"), TOKEN).expect("token");
}

#[test]
fn sync_brings_the_groups_and_the_sheet_names_every_member() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("dane");
    member(&data);
    let url = stand_in();

    // No release there (a refusal), but the groups come with the token all the same.
    let sync = jst(&data, &["sync", "--server", &url]);
    assert_ne!(sync.status.code(), Some(5), "{}", String::from_utf8_lossy(&sync.stderr));
    let groups = json_of(&jst(&data, &["gwd", "list", "--format", "json"]));
    assert_eq!(groups[0]["id"], "oswiata");
    assert_eq!(groups[0]["members"].as_array().expect("members").len(), 4);
    assert!(groups[0]["fetched_at"].as_str().is_some_and(|d| d.starts_with("20")));

    let bench = json_of(&jst(
        &data,
        &[
            "benchmark",
            "WYD_SP_NA_UCZNIA",
            "--year",
            "2024",
            "--group",
            "gwd:oswiata",
            "--format",
            "json",
        ],
    ));
    assert_eq!(bench["group"]["kind"], "gwd");
    assert_eq!(bench["group"]["n"], 4);
    assert!(bench["group"]["label"]
        .as_str()
        .is_some_and(|l| l.contains("„Oświata powiatu”") && l.contains("za zgodą członków")));
    let members: Vec<(String, f64)> = bench["members"]
        .as_array()
        .expect("members")
        .iter()
        .map(|m| (m["name"].as_str().expect("name").to_owned(), m["value"].as_f64().expect("v")))
        .collect();
    assert_eq!(
        members,
        [
            ("Gdów".to_owned(), 9000.0),
            ("Biskupice".to_owned(), 10000.0),
            ("Wieliczka".to_owned(), 10000.0),
            ("Niepołomice".to_owned(), 11000.0)
        ]
    );

    let file = dir.path().join("spotkanie.xlsx");
    let out = jst(
        &data,
        &[
            "gwd",
            "sheet",
            "oswiata",
            "--year",
            "2024",
            "--format",
            "xlsx",
            "--out",
            file.to_str().expect("p"),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let mut book: Xlsx<_> = open_workbook(&file).expect("xlsx");
    let range = book.worksheet_range("WYD_SP_NA_UCZNIA").expect("sheet");
    let names: Vec<String> =
        (1..5).filter_map(|r| range.get((r, 2)).map(|c| c.to_string())).collect();
    assert_eq!(names, ["Gdów", "Biskupice", "Wieliczka", "Niepołomice"]);
    assert_eq!(range.get((1, 3)), Some(&Data::Float(9000.0)));
    assert_eq!(range.get((4, 5)), Some(&Data::String("w najsłabszej ćwiartce grupy".into())));

    let pdf = dir.path().join("spotkanie.pdf");
    let out = jst(
        &data,
        &[
            "gwd",
            "sheet",
            "oswiata",
            "--year",
            "2024",
            "--format",
            "pdf",
            "--out",
            pdf.to_str().expect("p"),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::read(&pdf).expect("pdf").starts_with(b"%PDF"));

    let notes = json_of(&jst(
        &data,
        &[
            "gwd",
            "notes",
            "oswiata",
            "--add",
            "Wizyta w Gdowie",
            "--year",
            "2024",
            "--format",
            "json",
        ],
    ));
    assert_eq!(notes[0]["text"], "Wizyta w Gdowie");
    let shares = json_of(&jst(&data, &["gwd", "shares", "--format", "json"]));
    assert_eq!(
        (shares[0]["indicator"].as_str(), shares[0]["shared"].as_bool()),
        (Some("WYD_SP_NA_UCZNIA"), Some(false))
    );
}

#[test]
fn an_unknown_group_is_refused_and_a_bad_token_keeps_the_copy() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("dane");
    member(&data);
    let url = stand_in();
    let unknown =
        jst(&data, &["benchmark", "WYD_SP_NA_UCZNIA", "--year", "2024", "--group", "gwd:nie-ma"]);
    assert_ne!(unknown.status.code(), Some(0));
    let _ = jst(&data, &["sync", "--server", &url]);
    std::fs::write(data.join("token-jednostki"), TOKEN.replace('0', "f")).expect("token");
    let refused = jst(&data, &["gwd", "refresh", "--format", "json"]);
    assert_eq!(refused.status.code(), Some(4));
    let view: serde_json::Value = serde_json::from_slice(&refused.stdout).expect("json");
    assert_eq!(
        (view["outcome"].as_str(), view["groups"].as_u64()),
        (Some("unauthorized"), Some(1))
    );
}

/// A unit's PC: its unit chosen, KANALIZACJA_PROC shared, a 2024 value sent to the server.
fn unit_pc(
    root: &Path,
    name: &str,
    teryt: &str,
    token: &str,
    value: f64,
    url: &str,
) -> std::path::PathBuf {
    let data = root.join(name);
    assert_eq!(jst(&data, &["init", "--unit", teryt]).status.code(), Some(0));
    assert_eq!(jst(&data, &["contribute", "add", "KANALIZACJA_PROC"]).status.code(), Some(0));
    std::fs::write(data.join("token-jednostki"), token).expect("token");
    let values = data.join("wartosci.csv");
    std::fs::write(&values, format!("wskaznik_kod;rok;wartosc\nKANALIZACJA_PROC;2024;{value}\n"))
        .expect("values");
    let import = jst(&data, &["import", "values", values.to_str().expect("path")]);
    assert_eq!(import.status.code(), Some(0), "{}", String::from_utf8_lossy(&import.stderr));
    let sent = jst(&data, &["submit", "--server", url, "--format", "json"]);
    assert_eq!(sent.status.code(), Some(0), "{}", String::from_utf8_lossy(&sent.stderr));
    data
}

fn refresh(data: &Path) {
    let out = jst(data, &["gwd", "refresh", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}

/// (name, value) of the members a `gwd:` benchmark lists, by name (the benchmark orders them by
/// the indicator's polarity).
fn named_values(data: &Path, id: i64) -> Vec<(String, f64)> {
    let group = format!("gwd:{id}");
    let bench = json_of(&jst(
        data,
        &["benchmark", "KANALIZACJA_PROC", "--year", "2024", "--group", &group, "--format", "json"],
    ));
    bench["members"]
        .as_array()
        .expect("members")
        .iter()
        .map(|m| {
            (m["name"].as_str().expect("name").to_owned(), m["value"].as_f64().expect("value"))
        })
        .collect::<std::collections::BTreeMap<_, _>>()
        .into_iter()
        .collect()
}

/// Issue 14, done when: a real jst-server on port 0, two member PCs and one non-member. The
/// members see each other's values by name; the non-member gets no group; the meeting sheet has
/// every member; a member who leaves is gone from the next answer.
#[test]
fn two_member_pcs_see_each_other_by_name_through_a_real_server_and_a_non_member_does_not() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut storage, server_db) = crate::submit::association_server(dir.path());
    let at = "2026-12-02T00:00:00Z";
    let token = |storage: &mut jst_server::SqliteStorage, teryt: &str| {
        jst_server::issue_token(storage, teryt, at).expect("token").token
    };
    let (wieliczka, gdow, niepolomice) = (
        token(&mut storage, "1219053"),
        token(&mut storage, "1219022"),
        token(&mut storage, "1219043"),
    );
    let id = jst_server::create_group(
        &mut storage,
        "Wodociągi i kanalizacja",
        "wodociągi i kanalizacja",
        &["KANALIZACJA_PROC".to_owned()],
        at,
    )
    .expect("group");
    for teryt in ["1219053", "1219022"] {
        jst_server::add_member(&mut storage, id, teryt, "ZMP/GWD/1/2026", None, at)
            .expect("member");
    }
    drop(storage);
    let releases = dir.path().join("wydania");
    std::fs::create_dir_all(&releases).expect("releases");
    let url = format!("http://{}", crate::sync::start_server(&releases, &server_db));

    let a = unit_pc(dir.path(), "wieliczka", "1219053", &wieliczka, 80.0, &url);
    let b = unit_pc(dir.path(), "gdow", "1219022", &gdow, 70.0, &url);
    let c = unit_pc(dir.path(), "niepolomice", "1219043", &niepolomice, 60.0, &url);
    for data in [&a, &b, &c] {
        refresh(data);
    }

    let groups = json_of(&jst(&a, &["gwd", "list", "--format", "json"]));
    assert_eq!(groups[0]["id"], id.to_string());
    let both = [("Gdów".to_owned(), 70.0), ("Wieliczka".to_owned(), 80.0)];
    assert_eq!(named_values(&a, id), both);
    assert_eq!(named_values(&b, id), both);
    // The non-member holds no group and cannot compare with it.
    assert_eq!(json_of(&jst(&c, &["gwd", "list", "--format", "json"])), serde_json::json!([]));
    let refused = jst(
        &c,
        &["benchmark", "KANALIZACJA_PROC", "--year", "2024", "--group", &format!("gwd:{id}")],
    );
    assert_ne!(refused.status.code(), Some(0));

    let sheet = dir.path().join("spotkanie.xlsx");
    let out = jst(
        &a,
        &[
            "gwd",
            "sheet",
            &id.to_string(),
            "--year",
            "2024",
            "--format",
            "xlsx",
            "--out",
            sheet.to_str().expect("p"),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let mut workbook: Xlsx<_> = open_workbook(&sheet).expect("xlsx");
    let mut cells = String::new();
    for name in workbook.sheet_names() {
        let range = workbook.worksheet_range(&name).expect("sheet");
        for row in range.rows() {
            for cell in row {
                if let Data::String(text) = cell {
                    cells.push_str(text);
                    cells.push('\n');
                }
            }
        }
    }
    assert!(cells.contains("Wieliczka") && cells.contains("Gdów"), "{cells}");
    assert!(!cells.contains("Niepołomice"), "{cells}");

    // Gdów leaves: the next answer no longer has it.
    let mut storage = jst_server::SqliteStorage::open(&server_db).expect("server db");
    jst_server::remove_member(&mut storage, id, "1219022", "2026-12-02T01:00:00Z").expect("leave");
    drop(storage);
    refresh(&a);
    assert_eq!(named_values(&a, id), [("Wieliczka".to_owned(), 80.0)]);
}
