//! Experience-exchange groups (GWD) end to end in the core: a refresh against a stand-in of the
//! association's API (token, ETag, 403, offline), `gwd:ID` as a comparison group whose members'
//! served values come before public ones, what the unit shares with whom, notes and the
//! meeting sheet's figures.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::Path;
use std::sync::{Arc, Mutex};

use jst_core::{GroupKind, GwdRefreshOutcome, Monitor, QuarterBand};

const TOKEN: &str = "jst_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

/// Primary-school spending and pupils of four gminy of powiat wielicki in 2024: per pupil
/// Biskupice 10 000, Gdów 9 000, Niepołomice 12 000 (public), Wieliczka 10 000.
const SCHOOLS_2024: &str = "teryt;wskaznik_kod;rok;wartosc\n\
    1219012;WYD_80101;2024;12000000\n1219012;UCZ_SP;2024;1200\n\
    1219022;WYD_80101;2024;9000000\n1219022;UCZ_SP;2024;1000\n\
    1219043;WYD_80101;2024;30000000\n1219043;UCZ_SP;2024;2500\n\
    1219053;WYD_80101;2024;60000000\n1219053;UCZ_SP;2024;6000\n";

const GROUPS: &str = r#"[{"id":"oswiata-wielicka","name":"Oświata powiatu","area":"edukacja",
  "indicators":["WYD_SP_NA_UCZNIA"],
  "members":[{"teryt":"1219053","name":"Wieliczka"},{"teryt":"1219022","name":"Gdów"},
             {"teryt":"1219043","name":"Niepołomice"},{"teryt":"1219012","name":"Biskupice"}]}]"#;

/// Niepołomice shares its own figure (11 000), lower than the public one; Gdów's is public.
const VALUES_2024: &str = r#"{"group":{"id":"oswiata-wielicka","name":"Oświata powiatu"},"values":[
  {"teryt":"1219043","name":"Niepołomice","indicator":"WYD_SP_NA_UCZNIA","year":2024,"value":11000,"source":"contributed"},
  {"teryt":"1219022","name":"Gdów","indicator":"WYD_SP_NA_UCZNIA","year":2024,"value":9000,"source":"public"}]}"#;

/// How the stand-in answers the values of a group.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Member,
    Left,
}

/// Paths asked and the `If-None-Match` each carried.
type Seen = Arc<Mutex<Vec<(String, Option<String>)>>>;

struct Api {
    url: String,
    mode: Arc<Mutex<Mode>>,
    seen: Seen,
}

fn api() -> Api {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    let mode = Arc::new(Mutex::new(Mode::Member));
    let seen: Seen = Arc::new(Mutex::new(Vec::new()));
    let (m, s) = (Arc::clone(&mode), Arc::clone(&seen));
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream.try_clone().expect("clone"));
            let mut line = String::new();
            let _ = reader.read_line(&mut line);
            let path = line.split_whitespace().nth(1).unwrap_or_default().to_owned();
            let (mut auth, mut etag) = (None, None);
            loop {
                let mut header = String::new();
                if reader.read_line(&mut header).unwrap_or(0) == 0 || header.trim().is_empty() {
                    break;
                }
                let (name, value) = header.split_once(':').unwrap_or_default();
                match name.trim().to_ascii_lowercase().as_str() {
                    "authorization" => auth = Some(value.trim().to_owned()),
                    "if-none-match" => etag = Some(value.trim().to_owned()),
                    _ => {}
                }
            }
            s.lock().expect("log").push((path.clone(), etag.clone()));
            let (status, extra, body) = if auth.as_deref() != Some(&format!("Bearer {TOKEN}")) {
                (401, "", "{}".to_owned())
            } else if path == "/v1/groups" {
                (200, "", GROUPS.to_owned())
            } else if *m.lock().expect("mode") == Mode::Left {
                (403, "", "{}".to_owned())
            } else if path.ends_with("year=2024") && etag.as_deref() == Some("\"w1\"") {
                (304, "", String::new())
            } else if path.ends_with("year=2024") {
                (200, "ETag: \"w1\"\r\n", VALUES_2024.to_owned())
            } else {
                (200, "", r#"{"group":{"id":"x","name":"x"},"values":[]}"#.to_owned())
            };
            let mut out = stream;
            let _ = write!(
                out,
                "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\n{extra}\
                 Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    Api { url, mode, seen }
}

/// Wieliczka's folder with the schools as peer data, the server's address and the token.
fn wieliczka(dir: &Path, url: &str) -> Monitor {
    let data = dir.join("dane");
    let mut monitor = Monitor::open(&data).expect("open");
    monitor.choose_unit("1219053").expect("Wieliczka");
    let peers = dir.join("peers.csv");
    std::fs::write(&peers, SCHOOLS_2024).expect("peers");
    monitor.import_peers(&peers, false).expect("import");
    monitor.configure_sync(Some(url.to_owned()), 0).expect("server");
    std::fs::write(data.join("token-jednostki"), TOKEN).expect("token");
    monitor
}

#[test]
fn a_refreshed_group_compares_its_members_by_name_with_their_shared_values() {
    let server = api();
    let dir = tempfile::tempdir().expect("tempdir");
    let mut monitor = wieliczka(dir.path(), &server.url);

    let refreshed = monitor.refresh_gwd().expect("refresh");
    assert_eq!((refreshed.outcome, refreshed.groups), (GwdRefreshOutcome::Fetched, 1));
    let groups = monitor.gwd_groups().expect("groups");
    let g = &groups[0];
    assert_eq!(g.id, "oswiata-wielicka");
    assert!(g.years.contains(&2024), "{:?}", g.years);
    assert_eq!(g.members.iter().filter(|m| m.own).count(), 1);
    assert_eq!(g.indicators[0].name, "Wydatki na szkoły podstawowe na 1 ucznia");

    let view = monitor.benchmark("WYD_SP_NA_UCZNIA", 2024, "gwd:oswiata-wielicka").expect("gwd");
    assert_eq!(view.group.kind, GroupKind::Gwd);
    assert_eq!(
        view.group.label,
        "grupa wymiany doświadczeń „Oświata powiatu” (edukacja), liczba członków: 4 — dane \
         udostępnione za zgodą członków"
    );
    assert_eq!(view.group.n, 4);
    let members: Vec<(&str, f64)> =
        view.members.iter().map(|m| (m.name.as_str(), m.value)).collect();
    assert_eq!(
        members,
        [
            ("Gdów", 9000.0),
            ("Biskupice", 10000.0),
            ("Wieliczka", 10000.0),
            ("Niepołomice", 11000.0)
        ],
        "Niepołomice's shared value comes before its public 12 000"
    );
    assert_eq!(
        (view.stats.q1, view.stats.median, view.stats.q3),
        (Some(9750.0), Some(10000.0), Some(10250.0))
    );
    assert_eq!(view.rank, Some(2));

    // The sheet: every member named, quartiles and bands by polarity (lower is better).
    let sheet = monitor.gwd_sheet("oswiata-wielicka", 2024).expect("sheet");
    let first = &sheet.indicators[0];
    assert_eq!((first.code.as_str(), first.unit_cost), ("WYD_SP_NA_UCZNIA", false));
    assert_eq!(first.rows.len(), 4);
    assert_eq!(first.rows[0].name, "Gdów");
    assert_eq!(first.rows[0].band, Some(QuarterBand::Best));
    assert_eq!(first.rows[3].name, "Niepołomice");
    assert_eq!(first.rows[3].band, Some(QuarterBand::Weakest));
    assert!(sheet.indicators[1..].iter().all(|i| i.unit_cost), "unit costs of the service follow");

    // A second refresh sends the ETag and keeps the values (304).
    monitor.refresh_gwd().expect("again");
    let seen = server.seen.lock().expect("log").clone();
    assert!(seen.iter().any(|(p, e)| p.ends_with("year=2024") && e.as_deref() == Some("\"w1\"")));
    let again = monitor.benchmark("WYD_SP_NA_UCZNIA", 2024, "gwd:oswiata-wielicka").expect("gwd");
    assert_eq!(again.members, view.members);

    // Shares: the group sees WYD_SP_NA_UCZNIA only once the unit contributes it.
    let shares = monitor.gwd_shares().expect("shares");
    assert_eq!(shares.len(), 1);
    assert!(!shares[0].shared);
    assert_eq!(shares[0].groups[0].id, "oswiata-wielicka");
    monitor.set_contributed(&["WYD_SP_NA_UCZNIA".into()], true).expect("share");
    assert!(monitor.gwd_shares().expect("shares")[0].shared);
    monitor.set_contributed(&["WYD_SP_NA_UCZNIA".into()], false).expect("stop");
    assert!(!monitor.gwd_shares().expect("shares")[0].shared);

    // Notes stay with the group.
    let notes = monitor.add_gwd_note("oswiata-wielicka", Some(2024), "Wizyta w Gdowie").expect("n");
    assert_eq!(notes[0].text, "Wizyta w Gdowie");
    assert!(monitor.add_gwd_note("oswiata-wielicka", None, "  ").is_err());
    assert!(monitor.add_gwd_note("nie-ma", None, "x").is_err());

    // Offline: the copy and its date stay.
    let fetched_at = monitor.gwd_groups().expect("groups")[0].fetched_at.clone();
    monitor.configure_sync(Some("http://127.0.0.1:9".into()), 0).expect("dead server");
    let offline = monitor.refresh_gwd().expect("offline");
    assert_eq!((offline.outcome, offline.groups), (GwdRefreshOutcome::Offline, 1));
    assert_eq!(monitor.gwd_groups().expect("groups")[0].fetched_at, fetched_at);
    assert!(monitor.benchmark("WYD_SP_NA_UCZNIA", 2024, "gwd:oswiata-wielicka").is_ok());

    // Left the group (403): it is dropped with its values; the notes stay.
    monitor.configure_sync(Some(server.url.clone()), 0).expect("server back");
    *server.mode.lock().expect("mode") = Mode::Left;
    let left = monitor.refresh_gwd().expect("left");
    assert_eq!((left.outcome, left.groups), (GwdRefreshOutcome::Fetched, 0));
    let gone = monitor.benchmark("WYD_SP_NA_UCZNIA", 2024, "gwd:oswiata-wielicka");
    assert!(gone.is_err());
    assert_eq!(monitor.gwd_notes("oswiata-wielicka").expect("notes").len(), 1);
}

#[test]
fn a_bad_token_keeps_the_copy_and_no_token_asks_nothing() {
    let server = api();
    let dir = tempfile::tempdir().expect("tempdir");
    let mut monitor = wieliczka(dir.path(), &server.url);
    monitor.refresh_gwd().expect("refresh");
    let data = dir.path().join("dane");
    let other = TOKEN.replace('0', "f");
    std::fs::write(data.join("token-jednostki"), &other).expect("token");
    let refused = monitor.refresh_gwd().expect("refused");
    assert_eq!((refused.outcome, refused.groups), (GwdRefreshOutcome::Unauthorized, 1));
    std::fs::remove_file(data.join("token-jednostki")).expect("remove");
    let none = monitor.refresh_gwd().expect("none");
    assert_eq!(none.outcome, GwdRefreshOutcome::NotConfigured);
    assert_eq!(monitor.gwd_groups().expect("groups").len(), 1);
}
