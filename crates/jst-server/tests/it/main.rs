//! jst-server on real files and a real socket: keys, imports, release builds, static serving.

mod bad_input;
mod bdl_api;
mod gwd;
mod hostile;
mod mf;
mod ops;
mod practices;

use std::io::{Read, Write};
use std::path::Path;

use jst_release::{decode_chunk, sha256_hex, verify, ChunkKind, Latest, Manifest, PublicKey};
use jst_server::{build_release, issue_token, keygen, now, DataRow, Storage};
use jst_server_store::throwaway::TestDatabase;

/// A storage of a [`TestDatabase`], on the engine under test.
type TestStorage = Box<dyn Storage + Send>;

const CATALOGUE: &[u8] = include_bytes!("../../../../assets/catalogue/katalog_wskaznikow.csv");

fn rows(values: &[(&str, &str, i32, f64)]) -> Vec<DataRow> {
    values
        .iter()
        .map(|(t, i, y, v)| DataRow {
            teryt: (*t).into(),
            indicator: (*i).into(),
            year: *y,
            value: *v,
        })
        .collect()
}

/// The data folder `dir/baza` with its database (SQLite in the folder or PostgreSQL, as the
/// environment chooses: see `jst_server_store::throwaway`), a catalogue and 30 values.
fn server_with_data(dir: &Path) -> (TestDatabase, TestStorage, jst_release::KeyPair, PublicKey) {
    let (secret, public, _) = keygen(&dir.join("klucze")).expect("keygen");
    let key = jst_release::KeyPair::from_text(&std::fs::read_to_string(secret).expect("key"))
        .expect("parse");
    let public =
        PublicKey::from_text(&std::fs::read_to_string(public).expect("pub")).expect("parse");
    let db = TestDatabase::new(&dir.join("baza"));
    let mut storage = db.storage().expect("open");
    storage.save_catalogue(CATALOGUE, 54, "v1", "2026-11-22T00:00:00Z").expect("catalogue");
    let mut data = Vec::new();
    for year in 2020..=2024 {
        for (teryt, base) in
            [("1219053", 69_791.0), ("1219043", 33_000.123_456_7), ("1219", 145_276.0)]
        {
            data.push((teryt, "LUD_OGOLEM", year, base + f64::from(year - 2020)));
            data.push((teryt, "KANALIZACJA_PROC", year, 50.0 + f64::from(year - 2020)));
        }
    }
    let imported = storage.upsert_values(&rows(&data), "2026-11-22T00:00:00Z").expect("values");
    assert_eq!(imported.inserted, 30);
    (db, storage, key, public)
}

#[test]
fn a_release_is_signed_hashed_and_reuses_unchanged_chunks() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_db, mut storage, key, public) = server_with_data(dir.path());
    let out = dir.path().join("wydania");
    let first = build_release(&mut *storage, &out, &key, now(), 60).expect("build");
    assert_eq!((first.version, first.values), (1, 30));

    let latest_bytes = std::fs::read(out.join("latest.json")).expect("latest");
    let sig = std::fs::read(out.join("latest.json.sig")).expect("sig");
    verify(std::slice::from_ref(&public), "latest.json", &latest_bytes, &sig)
        .expect("signed by the key");
    let latest = Latest::parse(&latest_bytes).expect("latest");
    let manifest_bytes = std::fs::read(out.join("manifest.json")).expect("manifest");
    assert_eq!(sha256_hex(&manifest_bytes), latest.manifest_sha256);
    verify(
        &[public],
        "manifest.json",
        &manifest_bytes,
        &std::fs::read(out.join("manifest.json.sig")).expect("sig"),
    )
    .expect("signed manifest");
    let manifest = Manifest::parse(&manifest_bytes).expect("manifest");
    let mut values = Vec::new();
    for c in manifest.chunks.iter().filter(|c| c.kind == ChunkKind::Values) {
        let bytes = std::fs::read(out.join("chunks").join(&c.sha256)).expect("chunk");
        assert_eq!(bytes.len() as u64, c.size);
        let text = decode_chunk(&c.name, &bytes, &c.sha256).expect("decode");
        let parsed = jst_import::parse_public_values(&text, &c.name).expect("strict rows");
        assert_eq!(parsed.len() as u64, c.rows);
        values.extend(parsed);
    }
    assert_eq!(values.len(), 30);
    let rounded = values
        .iter()
        .find(|v| v.teryt.as_str() == "1219043" && v.year == 2020 && v.indicator == "LUD_OGOLEM")
        .expect("row");
    assert_eq!(rounded.value, 33_000.1, "six significant digits");

    // One revised value of 2024: only 2024's chunk is new; the version goes up.
    storage
        .upsert_values(&rows(&[("1219053", "LUD_OGOLEM", 2024, 70_000.0)]), "2026-11-23T00:00:00Z")
        .expect("revise");
    let second = build_release(&mut *storage, &out, &key, now(), 60).expect("build");
    assert_eq!(second.version, 2);
    assert_eq!(second.new_chunks, 1, "{second:?}");
    assert_eq!(second.reused_chunks, second.chunks - 1);
}

#[test]
fn keys_are_never_overwritten_and_tokens_are_stored_hashed() {
    let dir = tempfile::tempdir().expect("tempdir");
    keygen(dir.path()).expect("first");
    let before = std::fs::read(dir.path().join("release.key")).expect("key");
    assert!(keygen(dir.path()).is_err());
    assert_eq!(std::fs::read(dir.path().join("release.key")).expect("key"), before);
    #[cfg(not(unix))]
    assert!(dir.path().join("release.key").is_file(), "Windows keeps no mode bits to check");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode =
            std::fs::metadata(dir.path().join("release.key")).expect("meta").permissions().mode();
        assert_eq!(mode & 0o077, 0, "the secret key is readable by its owner only");
    }
    let db = TestDatabase::new(&dir.path().join("baza"));
    let mut storage = db.storage().expect("open");
    let issued = issue_token(&mut *storage, "1219053", "2026-11-22T00:00:00Z").expect("token");
    assert_eq!(issued.token.len(), 4 + 64);
    drop(storage);
    let stored = db.dump();
    assert!(!stored.is_empty(), "the dump holds the database");
    let needle = issued.token.as_bytes();
    let contains = |hay: &[u8]| hay.windows(needle.len()).any(|w| w == needle);
    assert!(!contains(&stored), "the token itself is never stored");
    let mut storage = db.storage().expect("open");
    assert_eq!(storage.revoke_tokens("1219053", "2026-11-23T00:00:00Z").expect("revoke"), 1);
    assert!(storage.tokens_of("1219053").expect("list")[0].revoked_at.is_some());
}

fn http_get(addr: std::net::SocketAddr, path: &str, range: Option<&str>) -> (u16, Vec<u8>) {
    let mut stream = std::net::TcpStream::connect(addr).expect("connect");
    let range = range.map(|r| format!("Range: bytes={r}\r\n")).unwrap_or_default();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: test\r\n{range}Connection: close\r\n\r\n")
        .expect("send");
    let mut response = Vec::new();
    stream.read_to_end(&mut response).expect("read");
    let split = response.windows(4).position(|w| w == b"\r\n\r\n").expect("headers") + 4;
    let head = String::from_utf8_lossy(&response[..split]).to_string();
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    (status, response[split..].to_vec())
}

#[test]
fn the_release_directory_is_served_with_range_and_the_api_answers_in_json() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (db, mut storage, key, _) = server_with_data(dir.path());
    let out = dir.path().join("wydania");
    build_release(&mut *storage, &out, &key, now(), 60).expect("build");
    let (tx, rx) = std::sync::mpsc::channel();
    let releases = out.clone();
    let location = db.location().clone();
    std::thread::spawn(move || {
        let _ =
            jst_server::serve("127.0.0.1:0".parse().expect("addr"), releases, location, |addr| {
                let _ = tx.send(addr);
            });
    });
    let addr = rx.recv_timeout(std::time::Duration::from_secs(10)).expect("bound");
    let whole = std::fs::read(out.join("latest.json")).expect("latest");
    let (status, body) = http_get(addr, "/latest.json", None);
    assert_eq!((status, body.as_slice()), (200, whole.as_slice()));
    let (status, body) = http_get(addr, "/latest.json", Some("10-"));
    assert_eq!((status, body.as_slice()), (206, &whole[10..]));
    let (status, body) = http_get(addr, "/v1/config", None);
    assert_eq!(status, 200);
    assert!(String::from_utf8_lossy(&body).contains("\"sync_interval_hours\""));
    let (status, body) = http_get(addr, "/v1/nieznane", None);
    assert_eq!(status, 404);
    assert!(String::from_utf8_lossy(&body).contains("\"code\":\"not_found\""));
}

fn http(
    addr: std::net::SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> (u16, serde_json::Value) {
    let mut stream = std::net::TcpStream::connect(addr).expect("connect");
    let extra: String = headers.iter().map(|(k, v)| format!("{k}: {v}\r\n")).collect();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: {}\r\n{extra}Connection: close\r\n\r\n{body}",
        body.len()
    )
    .expect("send");
    let mut response = Vec::new();
    stream.read_to_end(&mut response).expect("read");
    let split = response.windows(4).position(|w| w == b"\r\n\r\n").expect("headers") + 4;
    let head = String::from_utf8_lossy(&response[..split]).to_string();
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let body = &response[split..];
    // Chunked bodies are not expected from this API (it sets Content-Length); tolerate either.
    let json = serde_json::from_slice(body).unwrap_or_else(|_| {
        let text = String::from_utf8_lossy(body);
        let inner = text.lines().find(|l| l.starts_with('{')).unwrap_or("null").to_owned();
        serde_json::from_str(&inner).unwrap_or(serde_json::Value::Null)
    });
    (status, json)
}

#[test]
fn submissions_are_authenticated_idempotent_and_answered_item_by_item() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (db, mut storage, key, _) = server_with_data(dir.path());
    let out = dir.path().join("wydania");
    build_release(&mut *storage, &out, &key, now(), 60).expect("build");
    let wieliczka =
        issue_token(&mut *storage, "1219053", "2026-11-22T00:00:00Z").expect("token").token;
    let niepolomice =
        issue_token(&mut *storage, "1219043", "2026-11-22T00:00:00Z").expect("token").token;
    let revoked =
        issue_token(&mut *storage, "1219012", "2026-11-22T00:00:00Z").expect("token").token;
    storage.revoke_tokens("1219012", "2026-11-22T00:00:00Z").expect("revoke");
    storage.close_period(2019, "2026-11-22T00:00:00Z").expect("close");
    drop(storage);
    let (tx, rx) = std::sync::mpsc::channel();
    let location = db.location().clone();
    std::thread::spawn(move || {
        let _ = jst_server::serve("127.0.0.1:0".parse().expect("addr"), out, location, |addr| {
            let _ = tx.send(addr);
        });
    });
    let addr = rx.recv_timeout(std::time::Duration::from_secs(10)).expect("bound");
    let id = "0f8fad5b-d9cb-469f-a165-70867728950e";
    let body = format!(
        r#"{{"submission_id":"{id}","client_version":"0.1.0","catalogue_version":"v1","items":[
            {{"indicator":"KANALIZACJA_PROC","year":2024,"value":71.5,"status":null,"base_server_rev":null}},
            {{"indicator":"KANALIZACJA_PROC","year":2019,"value":60.0,"status":null,"base_server_rev":null}},
            {{"indicator":"NIE_MA_TAKIEGO","year":2024,"value":1.0,"status":null,"base_server_rev":null}}]}}"#
    );
    let bearer = |t: &str| format!("Bearer {t}");
    let auth = bearer(&wieliczka);
    let headers = [("Authorization", auth.as_str()), ("Idempotency-Key", id)];

    assert_eq!(
        http(addr, "POST", "/v1/submissions", &[("Idempotency-Key", id)], &body).0,
        401,
        "no token"
    );
    let revoked_auth = bearer(&revoked);
    let (status, answer) = http(
        addr,
        "POST",
        "/v1/submissions",
        &[("Authorization", revoked_auth.as_str()), ("Idempotency-Key", id)],
        &body,
    );
    assert_eq!(
        (status, answer["code"].clone()),
        (401, serde_json::json!("unauthorized")),
        "revoked token"
    );

    let (status, first) = http(addr, "POST", "/v1/submissions", &headers, &body);
    assert_eq!(status, 200, "{first}");
    let results: Vec<&str> = first["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| r["result"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(results, ["imported", "period_closed", "invalid"]);
    assert_eq!(first["results"][0]["server_rev"], serde_json::json!(1));

    // The response was lost: the same bytes with the same id get the stored answer, once recorded.
    let (status, again) = http(addr, "POST", "/v1/submissions", &headers, &body);
    assert_eq!((status, &again), (200, &first));
    let (status, fetched) = http(
        addr,
        "GET",
        &format!("/v1/submissions/{id}"),
        &[("Authorization", auth.as_str())],
        "",
    );
    assert_eq!((status, &fetched), (200, &first));
    // Another unit's token cannot read it, nor reuse the id.
    let other_auth = bearer(&niepolomice);
    assert_eq!(
        http(
            addr,
            "GET",
            &format!("/v1/submissions/{id}"),
            &[("Authorization", other_auth.as_str())],
            ""
        )
        .0,
        404
    );
    let (status, answer) = http(
        addr,
        "POST",
        "/v1/submissions",
        &[("Authorization", other_auth.as_str()), ("Idempotency-Key", id)],
        &body,
    );
    assert_eq!((status, answer["code"].clone()), (422, serde_json::json!("idempotency_conflict")));
    // The same id with a different body: 422.
    let changed = body.replace("71.5", "72.5");
    assert_eq!(
        http(addr, "POST", "/v1/submissions", &headers, &changed).1["code"],
        serde_json::json!("idempotency_conflict")
    );

    // A second PC of the same unit, still believing the value is new: conflict, side by side.
    let id2 = "1f8fad5b-d9cb-469f-a165-70867728950e";
    let second = body.replace(id, id2).replace("71.5", "73.0");
    let (status, answer) = http(
        addr,
        "POST",
        "/v1/submissions",
        &[("Authorization", auth.as_str()), ("Idempotency-Key", id2)],
        &second,
    );
    assert_eq!(status, 200);
    assert_eq!(answer["results"][0]["result"], serde_json::json!("conflict"));
    assert_eq!(answer["results"][0]["server_value"], serde_json::json!(71.5));
    assert_eq!(answer["results"][0]["server_rev"], serde_json::json!(1));
    // Knowing rev 1, the update goes through.
    let id3 = "2f8fad5b-d9cb-469f-a165-70867728950e";
    let third =
        second.replace(id2, id3).replacen("\"base_server_rev\":null", "\"base_server_rev\":1", 1);
    let (_, answer) = http(
        addr,
        "POST",
        "/v1/submissions",
        &[("Authorization", auth.as_str()), ("Idempotency-Key", id3)],
        &third,
    );
    assert_eq!(
        (answer["results"][0]["result"].clone(), answer["results"][0]["server_rev"].clone()),
        (serde_json::json!("updated"), serde_json::json!(2))
    );

    // Malformed bodies and a mismatched key are refused with codes.
    assert_eq!(
        http(addr, "POST", "/v1/submissions", &headers, "{").1["code"],
        serde_json::json!("invalid_body")
    );
    let wrong_key = [("Authorization", auth.as_str()), ("Idempotency-Key", "nie-uuid")];
    assert_eq!(
        http(addr, "POST", "/v1/submissions", &wrong_key, &body).1["code"],
        serde_json::json!("idempotency_mismatch")
    );
    // A body over the limit never reaches the handler.
    let huge = format!("{{\"x\":\"{}\"}}", "a".repeat(jst_server::MAX_BODY_BYTES + 10));
    assert_eq!(http(addr, "POST", "/v1/submissions", &headers, &huge).0, 413);
}

#[test]
fn a_bdl_export_maps_codes_to_the_register_and_skips_parts_city_counties_and_strangers() {
    // A CTAB export as GUS writes it: gmina parts, a city county's powiat row, a powiat, a
    // województwo, a unit the register does not know and a row without a value.
    let csv = "\u{feff}\"Kod\";\"Nazwa\";\"ogółem\";\"0-4\";\r\n\
        \"1200000\";\"MAŁOPOLSKIE\";\"3400000\";\"170000\";\r\n\
        \"1219000\";\"Powiat wielicki\";\"130000\";\"8000\";\r\n\
        \"1219053\";\"Wieliczka (3)\";\"69000\";\"4000\";\r\n\
        \"1219054\";\"Wieliczka - miasto (4)\";\"24000\";\"1300\";\r\n\
        \"1219055\";\"Wieliczka - obszar wiejski (5)\";\"45000\";\"2700\";\r\n\
        \"1261000\";\"Powiat m. Kraków\";\"780000\";\"40000\";\r\n\
        \"1261011\";\"Kraków (1)\";\"780000\";\"40000\";\r\n\
        \"1219992\";\"Gmina nieznana (2)\";\"1\";\"1\";\r\n\
        \"1219012\";\"Biskupice (2)\";\"\";\"500\";\r\n";
    let table = jst_import::parse_ctab(csv.as_bytes(), "ctab.csv").expect("ctab");
    let dir = tempfile::tempdir().expect("tmp");
    let db = TestDatabase::new(dir.path());
    let storage = db.storage().expect("storage");
    let register = jst_server::current_register(&*storage).expect("register");
    let values = jst_server::bdl_csv_values(&register, &table, 0, 2020, "LUD_OGOLEM");
    let got: Vec<(&str, f64)> = values.rows.iter().map(|r| (r.teryt.as_str(), r.value)).collect();
    assert_eq!(
        got,
        [("12", 3_400_000.0), ("1219", 130_000.0), ("1219053", 69_000.0), ("1261011", 780_000.0)]
    );
    assert!(values.rows.iter().all(|r| r.indicator == "LUD_OGOLEM" && r.year == 2020));
    assert_eq!((values.skipped_parts, values.skipped_city_counties, values.missing), (2, 1, 1));
    assert_eq!(values.unknown, ["1219992 Gmina nieznana (2)"]);
    // The second column by name.
    let column = jst_import::ctab_column(&table, "0-4").expect("column");
    let young = jst_server::bdl_csv_values(&register, &table, column, 2020, "LUD_0_4");
    assert_eq!(young.rows.iter().find(|r| r.teryt == "1219053").map(|r| r.value), Some(4000.0));
}

#[test]
fn the_real_bdl_population_export_needs_its_year_and_loads_every_gmina() {
    let export = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../jst-import/tests/data/bdl/LUDN_2137_CTAB_20210625164329.csv"
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let db = TestDatabase::new(&dir.path().join("baza"));
    let run = |extra: &[&str]| {
        db.command(env!("CARGO_BIN_EXE_jst-server"))
            .args(["import", "bdl-csv", export])
            .args(extra)
            .env("RUST_LOG", "off")
            .output()
            .expect("jst-server runs")
    };
    // The export's header carries no year: a usage error, nothing written.
    let no_year = run(&["--indicator", "LUD_OGOLEM"]);
    assert_eq!(no_year.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&no_year.stderr).contains("--year"));
    let loaded = run(&["--indicator", "LUD_OGOLEM", "--year", "2020", "--column", "ogolem"]);
    assert_eq!(loaded.status.code(), Some(0), "{}", String::from_utf8_lossy(&loaded.stderr));
    let stdout = String::from_utf8_lossy(&loaded.stdout);
    // 1 284 town and rural parts of urban-rural gminy and 18 Warsaw districts; every one of the
    // register's 2 477 gminy matched, on identity where the kind digit changed since 2020.
    assert!(
        stdout.contains("2477 jednostek")
            && stdout.contains("pominięto części gmin: 1302")
            && stdout.contains("spoza rejestru: 0"),
        "{stdout}"
    );
    let storage = db.storage().expect("open");
    let values = storage.all_values().expect("values");
    let of = |teryt: &str| values.iter().find(|v| v.teryt == teryt).map(|v| v.value);
    assert_eq!(of("1465011"), Some(1_794_166.0), "Warszawa");
    assert_eq!(of("1002011"), Some(43_332.0), "Kutno");
    assert!(values.iter().all(|v| v.indicator == "LUD_OGOLEM" && v.year == 2020));
    assert_eq!(values.len(), 2477);
}

/// The compiled-in register as the next year's file: every row restamped, Szczawa added.
fn register_2025() -> String {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../assets/register/TERC_2024-01-01.csv"
    ))
    .expect("register");
    let mut out = text.replace("2024-01-01", "2025-01-01");
    out.push_str("12;07;13;2;Szczawa;gmina wiejska;2025-01-01\n");
    out
}

#[test]
fn an_imported_register_replaces_the_compiled_one_in_imports_and_releases_unless_it_shrinks() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = TestDatabase::new(&dir.path().join("baza"));
    let run = |args: &[&str]| {
        db.command(env!("CARGO_BIN_EXE_jst-server"))
            .args(args)
            .env("RUST_LOG", "off")
            .output()
            .expect("jst-server runs")
    };
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("write");
        path.to_str().expect("path").to_owned()
    };
    let full = register_2025();
    // A file cut after 1 000 rows would end most units: refused, nothing stored.
    let cut: String = full.lines().take(1000).map(|l| format!("{l}\n")).collect();
    let cut = write("terc_urwany.csv", &cut);
    let refused = run(&["import", "register", &cut]);
    assert_eq!(refused.status.code(), Some(3));
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(message.contains("zakończyłby ważność") && message.contains("--allow-shrink"));
    assert!(message.contains("2140 jednostek"), "the count of units it would end: {message}");
    let storage = db.storage().expect("open");
    assert!(storage.register().expect("register").is_none());
    drop(storage);

    let whole = write("terc_2025.csv", &full);
    let loaded = run(&["import", "register", &whole]);
    assert_eq!(loaded.status.code(), Some(0), "{}", String::from_utf8_lossy(&loaded.stderr));
    let stdout = String::from_utf8_lossy(&loaded.stdout);
    assert!(
        stdout.contains("2025-01-01") && stdout.contains("nowe 1 (1207132 Szczawa)"),
        "{stdout}"
    );
    assert!(stdout.contains("wygaszone 0"), "{stdout}");

    // An older register than the one in force is refused.
    let older = write("terc_2024.csv", &full.replace("2025-01-01", "2023-01-01"));
    assert_eq!(run(&["import", "register", &older]).status.code(), Some(3));

    // Imports map to the new register: Szczawa's value arrives.
    let ctab = write(
        "ctab.csv",
        "\"Kod\";\"Nazwa\";\"ogółem;ogółem;2025;[osoba]\";\n\"1207132\";\"Szczawa (2)\";\"3500\";\n",
    );
    let bdl = run(&["import", "bdl-csv", &ctab, "--indicator", "LUD_OGOLEM"]);
    assert_eq!(bdl.status.code(), Some(0), "{}", String::from_utf8_lossy(&bdl.stderr));

    // The release carries the imported register, named by its date.
    let mut storage = db.storage().expect("open");
    storage.save_catalogue(CATALOGUE, 54, "v1", "2026-11-22T00:00:00Z").expect("catalogue");
    let (secret, _, _) = keygen(&dir.path().join("klucze")).expect("keygen");
    let key = jst_release::KeyPair::from_text(&std::fs::read_to_string(secret).expect("key"))
        .expect("parse");
    let out = dir.path().join("wydania");
    build_release(&mut *storage, &out, &key, now(), 30).expect("release");
    let manifest = Manifest::parse(&std::fs::read(out.join(Manifest::FILE)).expect("manifest"))
        .expect("parse");
    assert_eq!(manifest.register, "TERC 2025-01-01");
    let chunk = manifest.chunks.iter().find(|c| c.kind == ChunkKind::Register).expect("register");
    let bytes = std::fs::read(out.join("chunks").join(&chunk.sha256)).expect("chunk");
    let text = decode_chunk(&chunk.name, &bytes, &chunk.sha256).expect("decode");
    assert!(String::from_utf8_lossy(&text).contains("Szczawa"));
    assert_eq!(
        storage
            .all_values()
            .expect("values")
            .iter()
            .find(|r| r.teryt == "1207132")
            .map(|r| r.value),
        Some(3500.0)
    );
}
