//! The good-practice base between the desk and a real `jst-server` on port 0: a practice
//! proposed with `jst practices propose` waits on the server as proposed, is published and
//! built into a release, and `jst sync` brings it back to `jst practices search`; a practice
//! with script is refused before anything is saved or sent; a wrong token is refused with the
//! reason and the proposal kept to be sent again; an attachment is fetched from the release on
//! demand and then served from the cache.

use std::path::{Path, PathBuf};

use jst_server::{issue_token, now, rfc3339, PracticeStatus, Storage};
use serde_json::{json, Value};

use crate::sync::{association, build, desktop, start_server, Association};
use crate::{json_of, jst};

/// A release built, served by a real server; answers the server's URL and the releases folder.
fn served(dir: &Path, a: &mut Association) -> (String, PathBuf) {
    let releases = dir.join("wydania");
    build(a, &releases, 60);
    let addr = start_server(&releases, &dir.join("serwer"));
    (format!("http://{addr}"), releases)
}

/// Wieliczka's desktop that trusts the association, holds `token` and synced from `url`.
fn member(dir: &Path, a: &mut Association, url: &str, token: &str) -> PathBuf {
    let data = desktop(dir, a);
    std::fs::write(data.join("token-jednostki"), token).expect("token");
    let sync = jst(&data, &["sync", "--server", url, "--format", "json"]);
    assert_eq!(sync.status.code(), Some(0), "{}", String::from_utf8_lossy(&sync.stderr));
    data
}

fn proposal(summary: &str) -> Value {
    json!({
        "title": "Wspólne zakupy energii dla szkół gminy",
        "area": "efektywnosc_energetyczna",
        "implementing_body": "Urząd Miasta i Gminy Wieliczka",
        "contacts": [{"name": "Referat Oświaty", "email": "oswiata@example.pl"}],
        "years_from": 2024,
        "years_to": 2025,
        "summary": summary,
        "presentation": "## Jak to zrobiono\n\n- jeden przetarg\n- [strona gminy](https://example.pl)",
        "indicators": ["KANALIZACJA_PROC"],
        "keywords": ["energia", "zakupy grupowe"]
    })
}

fn propose(data: &Path, input: &Value, extra: &[&str]) -> std::process::Output {
    let file = data.join("propozycja.json");
    std::fs::write(&file, input.to_string()).expect("write");
    let mut args = vec!["practices", "propose", file.to_str().expect("path"), "--format", "json"];
    args.extend_from_slice(extra);
    jst(data, &args)
}

fn proposed_on_server(a: &Association) -> Vec<(i64, String, PracticeStatus)> {
    a.storage
        .practices()
        .expect("practices")
        .into_iter()
        .map(|p| (p.practice.id, p.practice.title, p.status))
        .collect()
}

#[test]
fn a_proposed_practice_goes_through_review_into_the_next_release_and_back_to_search() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut a = association(dir.path());
    let (url, releases) = served(dir.path(), &mut a);
    let token = issue_token(&mut a.storage, "1219053", &rfc3339(now())).expect("token").token;
    let data = member(dir.path(), &mut a, &url, &token);

    // Script in the summary: refused here, with the field; nothing saved, nothing sent.
    let bad = propose(&data, &proposal("Szkoły <script>alert(1)</script> kupują razem."), &[]);
    assert_eq!(bad.status.code(), Some(3), "{}", String::from_utf8_lossy(&bad.stderr));
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(stderr.contains("„Skrót”") && stderr.contains("znacznik HTML"), "{stderr}");
    assert_eq!(json_of(&jst(&data, &["practices", "proposals", "--format", "json"])), json!([]));
    assert!(proposed_on_server(&a).is_empty());

    let sent = propose(&data, &proposal("Szkoły kupują energię w jednym przetargu gminy."), &[]);
    let answer = json_of(&sent);
    let server_id = answer["server_id"].as_i64().expect("server id");
    assert_eq!(answer, json!({"local_id": 1, "server_id": server_id, "status": "sent"}));

    // The server holds it as proposed, with the desk's unit, population and date.
    let stored = a.storage.practices().expect("practices");
    let p = stored.iter().find(|p| p.practice.id == server_id).expect("on the server");
    assert_eq!(p.status, PracticeStatus::Proposed);
    assert_eq!(p.proposed_by.as_deref(), Some("1219053"));
    assert_eq!(
        (p.practice.teryt.as_str(), p.practice.unit_name.as_str()),
        ("1219053", "Wieliczka")
    );
    assert_eq!(p.practice.population, Some(69791));
    assert_eq!(p.practice.entered, rfc3339(now())[..10]);
    assert_eq!(p.practice.indicators[0].code, "KANALIZACJA_PROC");
    let search = |data: &Path| {
        json_of(&jst(data, &["practices", "search", "zakupy energii", "--format", "json"]))
    };
    assert_eq!(search(&data), json!([]), "not in any release before it is published");

    jst_server::practices::publish(&mut a.storage, server_id, &rfc3339(now())).expect("publish");
    build(&mut a, &releases, 60);
    let sync = jst(&data, &["sync", "--format", "json"]);
    assert_eq!(sync.status.code(), Some(0), "{}", String::from_utf8_lossy(&sync.stderr));
    let found = search(&data);
    assert_eq!(found[0]["id"], json!(server_id), "{found}");
    assert_eq!(found[0]["unit_name"], "Wieliczka");

    let list = json_of(&jst(&data, &["practices", "proposals", "--format", "json"]));
    assert_eq!(list[0]["status"], "sent");
    assert_eq!(list[0]["server_id"], json!(server_id));
    assert!(list[0]["sent_at"].as_str().is_some_and(|d| d.starts_with("20")), "{list}");
    let audit = jst(&data, &["audit", "--kind", "submissions"]);
    assert!(String::from_utf8_lossy(&audit.stdout).contains("propozycja praktyki wysłana"));
}

#[test]
fn a_refused_token_keeps_the_proposal_to_be_sent_again() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut a = association(dir.path());
    let (url, _) = served(dir.path(), &mut a);
    let wrong = format!("jst_{}", "0".repeat(64));
    let data = member(dir.path(), &mut a, &url, &wrong);

    let refused = propose(&data, &proposal("Szkoły kupują energię razem."), &[]);
    assert_eq!(refused.status.code(), Some(4), "{}", String::from_utf8_lossy(&refused.stderr));
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("nie przyjął tokenu jednostki"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
    assert_eq!(json_of_any(&refused)["status"], "not_sent");
    let list = json_of(&jst(&data, &["practices", "proposals", "--format", "json"]));
    assert_eq!(list[0]["failure_code"], "unauthorized");
    assert!(proposed_on_server(&a).is_empty());

    // Offline: nobody listens there.
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        format!("http://{}", listener.local_addr().expect("addr"))
    };
    let offline = jst(&data, &["practices", "send", "1", "--server", &closed, "--format", "json"]);
    assert_eq!(offline.status.code(), Some(5), "{}", String::from_utf8_lossy(&offline.stderr));
    let list = json_of(&jst(&data, &["practices", "proposals", "--format", "json"]));
    assert_eq!(list[0]["failure_code"], "offline");

    // The right token: the same saved text goes.
    let token = issue_token(&mut a.storage, "1219053", &rfc3339(now())).expect("token").token;
    std::fs::write(data.join("token-jednostki"), token).expect("token");
    let sent = json_of(&jst(&data, &["practices", "send", "1", "--format", "json"]));
    assert_eq!(sent["status"], "sent");
    let on_server = proposed_on_server(&a);
    assert_eq!(on_server.len(), 1);
    assert_eq!(on_server[0].1, "Wspólne zakupy energii dla szkół gminy");
    assert_eq!(sent["server_id"], json!(on_server[0].0));
}

fn json_of_any(output: &std::process::Output) -> Value {
    serde_json::from_slice(&output.stdout).expect("json")
}

const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

#[test]
fn an_attachment_is_fetched_from_the_release_on_demand_then_served_from_the_cache() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut a = association(dir.path());
    let sha = jst_release::sha256_hex(PDF);
    let files = dir.path().join("praktyki");
    std::fs::create_dir_all(&files).expect("dir");
    std::fs::write(files.join("prezentacja.pdf"), PDF).expect("pdf");
    let practice = json!([{
        "title": "Budżet obywatelski w Krakowie", "area": "dialog_spoleczny", "teryt": "1261011",
        "implementing_body": "Urząd Miasta Krakowa", "entered": "2025-01-15",
        "years": {"from": 2014}, "summary": "Mieszkańcy wybierają projekty.",
        "presentation": "Opis.",
        "attachments": [{"file": "prezentacja.pdf", "sha256": sha, "title": "Prezentacja"}]
    }]);
    std::fs::write(files.join("praktyki.json"), practice.to_string()).expect("json");
    let ids = jst_server::practices::import_file(
        &mut a.storage,
        &files.join("praktyki.json"),
        &rfc3339(now()),
    )
    .expect("import");
    let (url, releases) = served(dir.path(), &mut a);
    let data = member(dir.path(), &mut a, &url, &format!("jst_{}", "1".repeat(64)));
    let id = ids[0].to_string();

    let first = dir.path().join("pierwszy.pdf");
    let out =
        jst(&data, &["practices", "attachment", &id, &sha, "--out", first.to_str().expect("p")]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("„Prezentacja” (PDF"));
    assert_eq!(std::fs::read(&first).expect("saved"), PDF);
    assert!(data.join("wydania").join("zalaczniki").join(&sha).is_file(), "cached");

    // The release's copy gone: the second call is served from the cache.
    std::fs::remove_file(releases.join("attachments").join(&sha)).expect("rm");
    let second = dir.path().join("drugi.pdf");
    let view = json_of(&jst(
        &data,
        &[
            "practices",
            "attachment",
            &id,
            &sha,
            "--out",
            second.to_str().expect("p"),
            "--format",
            "json",
        ],
    ));
    assert_eq!(view["kind"], "pdf");
    assert_eq!(view["size"], json!(PDF.len()));
    assert_eq!(std::fs::read(&second).expect("saved"), PDF);

    // Not cached and the release's copy gone: not a crash, a message and exit 4 (a 404).
    std::fs::remove_file(data.join("wydania").join("zalaczniki").join(&sha)).expect("rm");
    let gone =
        jst(&data, &["practices", "attachment", &id, &sha, "--out", second.to_str().expect("p")]);
    assert_eq!(gone.status.code(), Some(4), "{}", String::from_utf8_lossy(&gone.stderr));

    // A hash the practice does not list is refused before any request.
    let other = "0".repeat(64);
    let refused = jst(&data, &["practices", "attachment", &id, &other, "--out", "x.pdf"]);
    assert_eq!(refused.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("nie jest załącznikiem praktyki"));

    // Offline (a desk that synced from a folder since taken away, no server): a clear message.
    let copy = dir.path().join("pendrive");
    std::fs::create_dir_all(&copy).expect("dir");
    crate::sync::copy_dir(&releases, &copy);
    std::fs::write(copy.join("attachments").join(&sha), PDF).expect("restore");
    let b = dir.path().join("b");
    std::fs::create_dir_all(&b).expect("dir");
    let desk = desktop(&b, &a);
    let sync = jst(&desk, &["sync", "--from", copy.to_str().expect("p")]);
    assert_eq!(sync.status.code(), Some(0), "{}", String::from_utf8_lossy(&sync.stderr));
    std::fs::remove_dir_all(&copy).expect("unplugged");
    let offline =
        jst(&desk, &["practices", "attachment", &id, &sha, "--out", first.to_str().expect("p")]);
    assert_eq!(offline.status.code(), Some(5), "{}", String::from_utf8_lossy(&offline.stderr));
    assert!(
        String::from_utf8_lossy(&offline.stderr).contains("przy następnym połączeniu"),
        "{}",
        String::from_utf8_lossy(&offline.stderr)
    );
}
