//! The good-practice base against the real `jst-server` binary: the starter base and files
//! with attachments import, every kind of bad file is refused with exit 3 and nothing written,
//! units propose over `serve` on port 0 with their token, and a release carries the published
//! practices (chunks, attachments by hash, a signed index) and never a proposed one.

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, Output, Stdio};

use jst_release::{decode_chunk, sha256_hex, verify, PracticesIndex, PublicKey};
use jst_server::{issue_token, keygen};
use jst_server_store::throwaway::TestDatabase;
use serde_json::{json, Value};

use crate::hostile::send;

const STARTER: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/practices/baza-startowa.json");
const WIELICZKA: &str = "1219053";
const NIEPOLOMICE: &str = "1219043";

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

fn listed(data: &TestDatabase) -> Vec<Value> {
    let out = ok(&run(data, &["practices", "list", "--format", "json"]));
    serde_json::from_str::<Value>(&out).expect("JSON").as_array().cloned().expect("array")
}

fn with_catalogue(data: &TestDatabase) {
    let mut storage = data.storage().expect("open");
    storage.save_catalogue(crate::CATALOGUE, 54, "v1", "2026-11-22T00:00:00Z").expect("catalogue");
}

/// A PDF and a PNG small enough to read at a glance, real by their first bytes.
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";

fn practice(teryt: &str) -> Value {
    json!({
        "title": "Wspólne zakupy energii dla szkół",
        "area": "efektywnosc_energetyczna",
        "teryt": teryt,
        "population": 69791,
        "implementing_body": "Urząd Miasta i Gminy Wieliczka",
        "contacts": [{"name": "Referat Oświaty", "role": "kontakt", "phone": "12 000 00 00",
                      "email": "oswiata@example.pl"}],
        "entered": "2026-11-30",
        "years": {"from": 2024, "to": 2025},
        "summary": "Szkoły kupują energię w jednym przetargu gminy.",
        "presentation": "## Jak\n\n- jeden przetarg\n- **dwa lata**\n\n[strona](https://example.pl)",
        "indicators": [{"code": "WYD_SP_NA_UCZNIA",
                        "before": {"year": 2023, "value": 14250.0},
                        "after": {"year": 2025, "value": 13800.0}}],
        "keywords": ["energia", "oświata"],
        "source": "test"
    })
}

/// `file` with a practice attaching `prezentacja.pdf` and `zdjecie.png` beside it.
fn with_attachments(dir: &Path) -> Value {
    std::fs::write(dir.join("prezentacja.pdf"), PDF).expect("pdf");
    std::fs::create_dir_all(dir.join("obrazy")).expect("dir");
    std::fs::write(dir.join("obrazy/zdjecie.png"), PNG).expect("png");
    let mut p = practice(WIELICZKA);
    p["attachments"] = json!([
        {"file": "prezentacja.pdf", "sha256": sha256_hex(PDF), "title": "Prezentacja"},
        {"file": "obrazy/zdjecie.png", "sha256": sha256_hex(PNG)},
    ]);
    p
}

fn write_json(path: &Path, value: &Value) {
    std::fs::write(path, serde_json::to_vec_pretty(value).expect("json")).expect("write");
}

#[test]
fn the_starter_base_and_a_file_with_attachments_import_and_list() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = TestDatabase::new(&dir.path().join("baza"));
    with_catalogue(&data);
    let said = ok(&run(&data, &["practices", "import", STARTER]));
    assert!(said.contains("Wczytano praktyk: 5"), "{said}");
    let all = listed(&data);
    assert_eq!(all.len(), 5);
    assert!(all.iter().all(|p| p["starter"] == true && p["status"] == "published"));
    assert!(all.iter().all(|p| p["source"].as_str().is_some_and(|s| s.len() > 20)));
    let dzierzoniow = &all[0];
    assert_eq!(
        (&dzierzoniow["teryt"], &dzierzoniow["unit_name"], &dzierzoniow["unit_kind"]),
        (&json!("0202021"), &json!("Dzierżoniów"), &json!("gmina_miejska"))
    );
    assert_eq!(
        (&dzierzoniow["area"], &dzierzoniow["sub_area"]),
        (&json!("rozwoj_instytucjonalny"), &json!("partnerstwo"))
    );
    let opole = all.iter().find(|p| p["teryt"] == "1661011").expect("Opole");
    assert_eq!(opole["unit_kind"], "miasto_na_prawach_powiatu");
    assert_eq!(
        opole["indicators"],
        json!([{"code": "WYD_SP_NA_UCZNIA"}, {"code": "UCZ_NA_ODDZIAL_SP"}])
    );
    let table = ok(&run(&data, &["practices", "list"]));
    assert_eq!(table.matches("[baza startowa]").count(), 5, "{table}");

    let folder = dir.path().join("pliki");
    std::fs::create_dir_all(&folder).expect("dir");
    let file = folder.join("praktyka.json");
    write_json(&file, &with_attachments(&folder));
    ok(&run(&data, &["practices", "import", file.to_str().expect("utf-8")]));
    let all = listed(&data);
    let with = all.last().expect("the new one");
    assert_eq!(with["id"], 6);
    assert_eq!(
        with["attachments"],
        json!([
            {"title": "Prezentacja", "media_type": "application/pdf", "sha256": sha256_hex(PDF), "size": PDF.len()},
            {"title": "zdjecie.png", "media_type": "image/png", "sha256": sha256_hex(PNG), "size": PNG.len()},
        ])
    );
    assert_eq!(with["indicators"][0]["after"], json!({"year": 2025, "value": 13800.0}));
    // Removing leaves the others, and the attachments go with the last practice naming them.
    ok(&run(&data, &["practices", "remove", "6"]));
    assert_eq!(listed(&data).len(), 5);
    let storage = data.storage().expect("open");
    assert_eq!(storage.attachment(&sha256_hex(PDF)).expect("read"), None);
    let gone = run(&data, &["practices", "remove", "6"]);
    assert_eq!(gone.status.code(), Some(3));
}

#[test]
fn every_bad_practice_file_is_refused_in_polish_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = TestDatabase::new(&dir.path().join("baza"));
    with_catalogue(&data);
    let folder = dir.path().join("pliki");
    std::fs::create_dir_all(&folder).expect("dir");
    let good = with_attachments(&folder);
    let big = folder.join("duzy.pdf");
    let mut huge = PDF.to_vec();
    huge.resize(10 * 1024 * 1024 + 1, b' ');
    std::fs::write(&big, &huge).expect("big");
    std::fs::write(folder.join("strona.html.png"), b"<html><script>alert(1)</script>")
        .expect("html");

    let set = |field: &str, value: Value| {
        let mut p = good.clone();
        p[field] = value;
        p
    };
    let text = serde_json::to_string(&json!([practice(NIEPOLOMICE), good.clone()])).expect("json");
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("script in the presentation", serde_json::to_vec(&set("presentation", json!("Zobacz <script>alert(1)</script>"))).expect("j"), "znacznik HTML"),
        ("HTML in the title", serde_json::to_vec(&set("title", json!("Tytuł <b>gruby</b>"))).expect("j"), "pole title"),
        ("a javascript link", serde_json::to_vec(&set("presentation", json!("[klik](javascript:alert(1))"))).expect("j"), "javascript:"),
        ("an image in the text", serde_json::to_vec(&set("presentation", json!("![x](https://a.pl/x.png)"))).expect("j"), "załącznik"),
        ("an unknown area", serde_json::to_vec(&set("area", json!("oswiata"))).expect("j"), "nieznany obszar „oswiata”"),
        ("a sub-area without its area", serde_json::to_vec(&set("sub_area", json!("partnerstwo"))).expect("j"), "należy do obszaru rozwoj_instytucjonalny"),
        ("unknown indicator codes", serde_json::to_vec(&set("indicators", json!([{"code": "NIE_MA"}, {"code": "TEZ_NIE"}]))).expect("j"), "w katalogu nie ma wskaźników NIE_MA, TEZ_NIE"),
        ("an oversized attachment", serde_json::to_vec(&set("attachments", json!([{"file": "duzy.pdf", "sha256": sha256_hex(&huge)}]))).expect("j"), "większy niż dopuszczalne 10 MiB"),
        ("a hash that differs", serde_json::to_vec(&set("attachments", json!([{"file": "prezentacja.pdf", "sha256": sha256_hex(PNG)}]))).expect("j"), "skrót pliku to"),
        ("an attachment of another kind", serde_json::to_vec(&set("attachments", json!([{"file": "strona.html.png", "sha256": sha256_hex(b"<html><script>alert(1)</script>")}]))).expect("j"), "tylko PDF, PNG i JPEG"),
        ("an attachment outside the folder", serde_json::to_vec(&set("attachments", json!([{"file": "../baza/serwer.db", "sha256": "0".repeat(64)}]))).expect("j"), "bez „..”"),
        ("a unit not in the register", serde_json::to_vec(&set("teryt", json!("1219993"))).expect("j"), "nie ma w obowiązującym rejestrze"),
        ("a date in the future", serde_json::to_vec(&set("entered", json!("2999-01-01"))).expect("j"), "z przyszłości"),
        ("a misspelt field", serde_json::to_vec(&set("tytul", json!("x"))).expect("j"), "nieznane pole „tytul”"),
        ("a file cut short", text.as_bytes()[..text.len() - 40].to_vec(), "urywa się"),
        ("not a practice", b"\"tekst\"".to_vec(), "oczekiwano jednej praktyki"),
    ];
    for (what, bytes, needle) in cases {
        let file = folder.join("zla.json");
        std::fs::write(&file, &bytes).expect("write");
        let out = run(&data, &["practices", "import", file.to_str().expect("utf-8")]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{what}: {err}");
        assert!(err.contains(needle), "{what}: {err}");
        assert!(err.contains("nic nie zapisano"), "{what}: {err}");
        assert!(listed(&data).is_empty(), "{what}: something was written");
    }
    // The list is all or nothing: a good first practice is not kept when the second is bad.
    let file = folder.join("zla.json");
    write_json(&file, &json!([practice(NIEPOLOMICE), set("area", json!("x"))]));
    let out = run(&data, &["practices", "import", file.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("praktyka nr 2"));
    assert!(listed(&data).is_empty());
    let storage = data.storage().expect("open");
    assert_eq!(storage.attachment(&sha256_hex(PDF)).expect("read"), None, "no attachment kept");
}

/// The real binary serving on a free port.
struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Server {
    fn start(data: &TestDatabase, releases: &Path) -> Self {
        let mut child = data
            .command(env!("CARGO_BIN_EXE_jst-server"))
            .args(["serve", "--bind", "127.0.0.1:0", "--releases"])
            .arg(releases)
            .env("RUST_LOG", "off")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("jst-server serve starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout")).read_line(&mut line).expect("address");
        let addr = line
            .trim()
            .rsplit("http://")
            .next()
            .and_then(|a| a.parse().ok())
            .unwrap_or_else(|| panic!("no address in {line:?}"));
        Self { child, addr }
    }

    fn propose(&self, token: Option<&str>, body: &[u8]) -> crate::hostile::Reply {
        let auth = token.map(|t| format!("Bearer {t}"));
        let headers: Vec<(&str, &str)> =
            auth.iter().map(|a| ("Authorization", a.as_str())).collect();
        send(self.addr, "POST", "/v1/practices", &headers, body)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Every practice of a release, read as a client would: the signed index, then its chunks.
fn released(out: &Path, public: &PublicKey) -> (PracticesIndex, Vec<Value>) {
    let bytes = std::fs::read(out.join("practices.json")).expect("index");
    let sig = std::fs::read(out.join("practices.json.sig")).expect("signature");
    verify(std::slice::from_ref(public), "practices.json", &bytes, &sig).expect("signed");
    let index = PracticesIndex::parse(&bytes).expect("index");
    let mut practices = Vec::new();
    for c in &index.chunks {
        let chunk = std::fs::read(out.join("chunks").join(&c.sha256)).expect("chunk");
        let text = decode_chunk(&c.name, &chunk, &c.sha256).expect("chunk");
        let rows: Vec<Value> = serde_json::from_slice(&text).expect("JSON array");
        assert_eq!(rows.len() as u64, c.rows);
        practices.extend(rows);
    }
    (index, practices)
}

#[test]
fn units_propose_with_their_token_and_only_published_practices_reach_a_release() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = TestDatabase::new(&dir.path().join("baza"));
    with_catalogue(&data);
    let (wieliczka, niepolomice) = {
        let mut storage = data.storage().expect("open");
        let w = issue_token(&mut *storage, WIELICZKA, "2026-11-22T00:00:00Z").expect("token").token;
        let n =
            issue_token(&mut *storage, NIEPOLOMICE, "2026-11-22T00:00:00Z").expect("token").token;
        (w, n)
    };
    let folder = dir.path().join("pliki");
    std::fs::create_dir_all(&folder).expect("dir");
    let file = folder.join("praktyka.json");
    write_json(&file, &with_attachments(&folder));
    ok(&run(&data, &["practices", "import", file.to_str().expect("utf-8")]));

    let served = dir.path().join("serwowane");
    std::fs::create_dir_all(&served).expect("dir");
    let server = Server::start(&data, &served);
    let mut proposal = practice(WIELICZKA);
    proposal["title"] = json!("Propozycja Wieliczki: e-usługi w urzędzie");
    proposal["area"] = json!("rozwoj_instytucjonalny");
    proposal["sub_area"] = json!("zarzadzanie_uslugami");
    let body = serde_json::to_vec(&proposal).expect("json");

    let without = server.propose(None, &body);
    assert_eq!((without.status, without.json()["code"].clone()), (401, json!("unauthorized")));
    let wrong = server.propose(Some("jst_0000"), &body);
    assert_eq!(wrong.status, 401);
    let created = server.propose(Some(&wieliczka), &body);
    assert_eq!(created.status, 201, "{created:?}");
    assert_eq!(created.json(), json!({"id": 2, "status": "proposed"}));
    let second = proposal.clone();
    let mut other = second;
    other["title"] = json!("Druga propozycja, nieopublikowana");
    let kept = server.propose(Some(&wieliczka), &serde_json::to_vec(&other).expect("json"));
    assert_eq!(kept.status, 201, "{kept:?}");
    // Another unit's practice, script, attachments, a list: refused, nothing stored.
    let foreign = server.propose(Some(&niepolomice), &body);
    assert_eq!((foreign.status, foreign.json()["code"].clone()), (403, json!("wrong_unit")));
    let mut script = proposal.clone();
    script["summary"] = json!("<script>fetch('x')</script>");
    let refused = server.propose(Some(&wieliczka), &serde_json::to_vec(&script).expect("json"));
    assert_eq!((refused.status, refused.json()["code"].clone()), (422, json!("invalid_practice")));
    assert!(refused.json()["message"].as_str().is_some_and(|m| m.contains("HTML")), "{refused:?}");
    let mut attached = proposal.clone();
    attached["attachments"] = json!([{"file": "a.pdf", "sha256": "0".repeat(64)}]);
    let refused = server.propose(Some(&wieliczka), &serde_json::to_vec(&attached).expect("json"));
    assert_eq!(refused.status, 422, "{refused:?}");
    let list =
        server.propose(Some(&wieliczka), &serde_json::to_vec(&json!([proposal])).expect("j"));
    assert_eq!(list.status, 400, "{list:?}");
    let mut oversized = proposal.clone();
    oversized["presentation"] = json!("a".repeat(jst_server::MAX_BODY_BYTES + 10));
    let too_big = server.propose(Some(&wieliczka), &serde_json::to_vec(&oversized).expect("j"));
    assert_eq!((too_big.status, too_big.json()["code"].clone()), (413, json!("payload_too_large")));
    drop(server);

    // Each stored proposal is audited as the unit's, over the API.
    let audit = ok(&run(&data, &["audit", "--action", "practice_propose", "--format", "json"]));
    let audit: Vec<Value> = serde_json::from_str(&audit).expect("JSON");
    let proposed: Vec<(&str, Value)> = audit
        .iter()
        .map(|e| (e["actor"].as_str().unwrap_or_default(), e["details"]["ids"].clone()))
        .collect();
    assert_eq!(proposed, [("api:1219053", json!([2])), ("api:1219053", json!([3]))]);

    let review = ok(&run(&data, &["practices", "review", "--format", "json"]));
    let review: Vec<Value> = serde_json::from_str(&review).expect("JSON");
    let ids: Vec<(i64, &str, &str)> = review
        .iter()
        .map(|p| {
            (
                p["id"].as_i64().unwrap_or_default(),
                p["status"].as_str().unwrap_or_default(),
                p["proposed_by"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(ids, vec![(2, "proposed", WIELICZKA), (3, "proposed", WIELICZKA)]);
    assert_eq!(review[0]["unit_name"], "Wieliczka");

    // Publish one; the release carries it and the imported one, never the other proposal.
    ok(&run(&data, &["practices", "publish", "2"]));
    let again = run(&data, &["practices", "publish", "2"]);
    assert_eq!(again.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&again.stderr).contains("już opublikowana"));
    let (secret, public, _) = keygen(&dir.path().join("klucze")).expect("keygen");
    let public = PublicKey::from_text(&std::fs::read_to_string(public).expect("pub")).expect("key");
    let out = dir.path().join("wydania");
    let built = ok(&run(
        &data,
        &[
            "release",
            "build",
            "--out",
            out.to_str().expect("utf-8"),
            "--key",
            secret.to_str().expect("utf-8"),
        ],
    ));
    assert!(built.contains("Wydanie 1"), "{built}");
    let (index, practices) = released(&out, &public);
    assert_eq!(index.version, 1);
    let titles: Vec<&str> = practices.iter().filter_map(|p| p["title"].as_str()).collect();
    assert_eq!(
        titles,
        vec!["Wspólne zakupy energii dla szkół", "Propozycja Wieliczki: e-usługi w urzędzie"]
    );
    assert!(
        practices
            .iter()
            .all(|p| p["status"].is_null() && p["title"] != "Druga propozycja, nieopublikowana"),
        "a proposed practice leaked"
    );
    // Attachments travel as their own files named by their hash, listed in the index.
    let hashes: Vec<&str> = index.attachments.iter().map(|a| a.sha256.as_str()).collect();
    assert_eq!(hashes, vec![sha256_hex(PDF).as_str(), sha256_hex(PNG).as_str()]);
    for (hash, bytes) in [(sha256_hex(PDF), PDF), (sha256_hex(PNG), PNG)] {
        assert_eq!(std::fs::read(out.join("attachments").join(&hash)).expect("attachment"), bytes);
    }
    assert_eq!(index.attachments[0].media_type, "application/pdf");

    // Removing a published practice takes it out of the next release.
    ok(&run(&data, &["practices", "remove", "1"]));
    ok(&run(
        &data,
        &[
            "release",
            "build",
            "--out",
            out.to_str().expect("utf-8"),
            "--key",
            secret.to_str().expect("utf-8"),
        ],
    ));
    let (index, practices) = released(&out, &public);
    assert_eq!((index.version, practices.len()), (2, 1));
    assert!(index.attachments.is_empty());
}
