//! The good-practice base beside the manifest: `practices.json` signed by the release key and
//! bound to the manifest's version, its chunks fetched by hash. A release without an index (an
//! older server) has no practices and is otherwise the same.

use std::path::Path;

use jst_domain::{PracticeArea, UnitKind};
use jst_release::{
    encode_chunk, sha256_hex, KeyPair, PracticesChunk, PracticesIndex, PRACTICES_FORMAT,
};
use jst_sync::RejectionCode;

use crate::release::{rfc3339, write_signed, NOW};
use crate::Bench;

/// Two practices as `jst-server release build` writes them (a chunk is a JSON array).
fn practices_json() -> String {
    serde_json::json!([
        {
            "id": 1, "title": "Wspólne zakupy energii dla szkół", "area": "efektywnosc_energetyczna",
            "teryt": "1219053", "unit_name": "Wieliczka", "unit_kind": "gmina_miejsko_wiejska",
            "population": 69791, "implementing_body": "Urząd Miasta i Gminy Wieliczka",
            "contacts": [{"name": "Referat Oświaty"}], "entered": "2026-11-30",
            "years": {"from": 2024, "to": 2025},
            "summary": "Szkoły kupują energię w jednym przetargu; oświata oszczędza.",
            "presentation": "## Jak\n\n- jeden przetarg", "attachments": [],
            "indicators": [{"code": "KANALIZACJA_PROC", "before": {"year": 2023, "value": 1.0}}],
            "keywords": ["energia", "oświata"], "starter": false
        },
        {
            "id": 2, "title": "Budżet obywatelski w Łodzi", "area": "dialog_spoleczny",
            "teryt": "1061011", "unit_name": "Łódź", "unit_kind": "miasto_na_prawach_powiatu",
            "implementing_body": "Urząd Miasta Łodzi", "contacts": [], "entered": "2026-11-30",
            "years": {"from": 2013}, "summary": "Mieszkańcy decydują.", "presentation": "Tekst",
            "attachments": [], "indicators": [], "keywords": []
        }
    ])
    .to_string()
}

/// Writes `text` as one practices chunk and the index naming it, signed by `key`.
fn write_practices(root: &Path, key: &KeyPair, version: u64, text: &[u8], rows: u64) {
    let bytes = encode_chunk(text);
    let sha256 = sha256_hex(&bytes);
    std::fs::write(root.join("chunks").join(&sha256), &bytes).expect("chunk");
    let index = PracticesIndex {
        format: PRACTICES_FORMAT.to_owned(),
        dataset: "krajowy".to_owned(),
        version,
        issued_at: rfc3339(NOW),
        chunks: vec![PracticesChunk {
            name: "practices-00".to_owned(),
            sha256,
            size: bytes.len() as u64,
            rows,
        }],
        attachments: vec![],
    };
    write_signed(root, key, PracticesIndex::FILE, &index.to_bytes());
}

#[test]
fn a_release_with_practices_carries_them_parsed_with_their_whole_json() {
    let bench = Bench::with_small_release();
    write_practices(&bench.release(), &bench.key, 3, practices_json().as_bytes(), 2);
    let plan = bench.plan(&bench.desk()).expect("plan");
    assert_eq!(plan.practices.len(), 2);
    let first = &plan.practices[0];
    assert_eq!(first.id, 1);
    assert_eq!(first.area, PracticeArea::EfektywnoscEnergetyczna);
    assert_eq!(first.unit_kind, UnitKind::GminaMiejskoWiejska);
    assert_eq!(first.population, Some(69791));
    assert_eq!(first.indicators, ["KANALIZACJA_PROC"]);
    assert_eq!(first.keywords, ["energia", "oświata"]);
    let json: serde_json::Value = serde_json::from_str(&first.json).expect("json");
    assert_eq!(json["implementing_body"], "Urząd Miasta i Gminy Wieliczka");
    assert_eq!(plan.practices[1].unit_name, "Łódź");
    assert_eq!(plan.practices[1].population, None);
    // 5 manifest chunks and the practices chunk, all downloaded once.
    assert_eq!(plan.chunks_downloaded, 6);
    let again = bench.plan(&bench.desk()).expect("plan again");
    assert_eq!((again.chunks_downloaded, again.chunks_reused), (0, 6));
    assert_eq!(again.practices, plan.practices);
}

#[test]
fn a_release_without_an_index_has_no_practices() {
    let bench = Bench::with_small_release();
    let plan = bench.plan(&bench.desk()).expect("plan");
    assert!(plan.practices.is_empty());
    assert_eq!(plan.chunks_downloaded, 5);
}

#[test]
fn an_index_of_another_release_a_foreign_signature_or_a_bad_chunk_refuses_the_release() {
    let bench = Bench::with_small_release();
    let root = bench.release();
    write_practices(&root, &bench.key, 2, practices_json().as_bytes(), 2);
    let r = bench.expect_rejected(&bench.desk(), RejectionCode::Malformed);
    assert!(r.message.contains("practices.json"), "{}", r.message);

    write_practices(&root, &KeyPair::generate(), 3, practices_json().as_bytes(), 2);
    bench.expect_rejected(&bench.desk(), RejectionCode::BadSignature);

    // Rows declared wrong, an unknown area, not JSON: the whole release is refused.
    write_practices(&root, &bench.key, 3, practices_json().as_bytes(), 3);
    bench.expect_rejected(&bench.desk(), RejectionCode::MalformedRows);
    let unknown_area = practices_json().replace("dialog_spoleczny", "oswiata");
    write_practices(&root, &bench.key, 3, unknown_area.as_bytes(), 2);
    bench.expect_rejected(&bench.desk(), RejectionCode::MalformedRows);
    write_practices(&root, &bench.key, 3, b"[{", 1);
    bench.expect_rejected(&bench.desk(), RejectionCode::MalformedRows);

    // A chunk whose bytes differ from the hash the index names (not yet in the cache: a
    // verified cached copy is rightly used instead).
    let _ = std::fs::remove_dir_all(bench.cache());
    write_practices(&root, &bench.key, 3, practices_json().as_bytes(), 2);
    let index =
        PracticesIndex::parse(&std::fs::read(root.join(PracticesIndex::FILE)).expect("index"))
            .expect("index");
    std::fs::write(root.join("chunks").join(&index.chunks[0].sha256), b"not gzip").expect("chunk");
    bench.expect_rejected(&bench.desk(), RejectionCode::HashMismatch);
}

#[test]
fn over_http_a_missing_index_is_no_practices_and_a_refused_one_refuses_the_release() {
    use crate::server::{Reply, TestServer};
    use jst_sync::Limits;

    // An older server: 404 for practices.json.
    let bench = Bench::with_small_release();
    let root = bench.release();
    let server = TestServer::start(move |r| Reply::file(&root, r));
    let plan = bench.plan_http(&bench.desk(), &server.url, Limits::default()).expect("plan");
    assert!(plan.practices.is_empty());

    // A server with the base.
    let bench = Bench::with_small_release();
    write_practices(&bench.release(), &bench.key, 3, practices_json().as_bytes(), 2);
    let root = bench.release();
    let server = TestServer::start(move |r| Reply::file(&root, r));
    let plan = bench.plan_http(&bench.desk(), &server.url, Limits::default()).expect("plan");
    assert_eq!(plan.practices.iter().map(|p| p.id).collect::<Vec<_>>(), [1, 2]);

    // Forbidden is not absent: the release is refused.
    let bench = Bench::with_small_release();
    let root = bench.release();
    let server = TestServer::start(move |r| {
        if r.path == "/practices.json" {
            Reply { status: 403, ..Reply::not_found() }
        } else {
            Reply::file(&root, r)
        }
    });
    match bench.plan_http(&bench.desk(), &server.url, Limits::default()) {
        Err(jst_sync::Error::Rejected(r)) => assert_eq!(r.code, RejectionCode::HttpStatus),
        other => panic!("expected http_status, got {other:?}"),
    }
}
