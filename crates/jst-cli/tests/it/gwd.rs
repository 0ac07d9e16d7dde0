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
