//! Numbers no desktop can read: a submitted 1.7976931348623157e308 overflowed a group's mean
//! and the builder signed `inf` into the aggregates chunk. Every entry (submissions, every
//! import, the release builder) now keeps to finite |x| ≤ 10^15.

use std::time::Duration;

use axum::extract::Query;
use axum::routing::get;
use axum::{Json, Router};
use jst_server::{build_release, now, DataRow};
use jst_server_store::throwaway::TestDatabase;
use serde_json::{json, Value};

use super::{item, quick_limits, release_key, results, submit, Setup, RURAL};

const MAX: f64 = 1.797_693_134_862_315_7e308;

#[test]
fn submitted_values_beyond_1e15_are_invalid_and_negative_zero_is_stored_as_zero() {
    let setup = Setup::new();
    let addr = setup.serve(quick_limits());
    let items = [
        item("KANALIZACJA_PROC", 2024, json!(MAX), Value::Null),
        item("KANALIZACJA_PROC", 2023, json!(-MAX), Value::Null),
        item("KANALIZACJA_PROC", 2022, json!(1_000_000_000_000_001.0_f64), Value::Null),
        item("KANALIZACJA_PROC", 2021, json!(1e15), Value::Null),
        item("KANALIZACJA_PROC", 2020, json!(-1e15), Value::Null),
        item("LUD_OGOLEM", 2024, json!(-0.0), Value::Null),
    ];
    let reply = submit(addr, &setup.tokens[0], 1, &items);
    assert_eq!(reply.status, 200, "{reply:?}");
    let got = results(&reply);
    let kinds: Vec<&str> = got.iter().map(|(r, _)| r.as_str()).collect();
    assert_eq!(kinds, ["invalid", "invalid", "invalid", "imported", "imported", "imported"]);
    for (_, message) in &got[..3] {
        assert!(message.contains("10^15"), "a Polish reason naming the limit: {message}");
    }
    let stored = setup.storage().contributions().expect("contributions");
    let zero = stored.iter().find(|c| c.1 == "LUD_OGOLEM").expect("stored").3;
    assert!(zero == 0.0 && zero.is_sign_positive(), "-0 is stored as 0, not {zero:?}");
    assert!(stored.iter().all(|c| c.3.abs() <= 1e15), "{stored:?}");

    // Five units of one group send the largest double: all refused, so the next release
    // carries no aggregate from them at all (before, its mean was `inf`, signed).
    for (n, token) in setup.tokens.iter().enumerate().take(5) {
        let reply = submit(
            addr,
            token,
            10 + n as u32,
            &[item("WODOCIAG_PROC", 2024, json!(MAX), Value::Null)],
        );
        assert_eq!(results(&reply)[0].0, "invalid", "{reply:?}");
    }
    let mut storage = setup.storage();
    let key = release_key(setup.dir.path());
    let out = setup.dir.path().join("wydanie");
    build_release(&mut *storage, &out, &key, now(), 30).expect("a release without them");
}

/// Rows as an import hands them to the store: one good row and `bad`.
fn rows(bad: f64) -> Vec<DataRow> {
    vec![
        DataRow {
            teryt: "1002011".into(),
            indicator: "LUD_OGOLEM".into(),
            year: 2023,
            value: 43_000.0,
        },
        DataRow { teryt: "1219053".into(), indicator: "LUD_OGOLEM".into(), year: 2023, value: bad },
    ]
}

#[test]
fn imported_values_beyond_1e15_are_refused_naming_the_row_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = TestDatabase::new(dir.path());
    let mut storage = db.storage().expect("open");
    for bad in [MAX, -MAX, f64::NAN, f64::INFINITY, 1.000_000_000_000_1e15] {
        let err = storage
            .upsert_values_from(&rows(bad), "GUS BDL, API v1", "2026-11-22T00:00:00Z")
            .expect_err("refused");
        let text = err.to_string();
        for needle in ["GUS BDL, API v1", "1219053", "LUD_OGOLEM", "2023", "10^15"] {
            assert!(text.contains(needle), "{needle:?} not in {text}");
        }
        assert_eq!(jst_server::Error::from(err).exit_code(), 3, "input the user can fix");
        let plans = rows(bad);
        let err = storage
            .upsert_budget(&rows(1.0), &plans, "MF Rb-28S 2023", "2026-11-22T00:00:00Z")
            .expect_err("a plan is a value too");
        assert!(err.to_string().contains("1219053"), "{err}");
        assert!(storage.all_values().expect("values").is_empty(), "nothing written for {bad}");
        assert_eq!(storage.plan("LUD_OGOLEM", 2023, "1002011").expect("plan"), None);
    }
    let done = storage.upsert_values(&rows(-0.0), "2026-11-22T00:00:00Z").expect("-0 is a value");
    assert_eq!(done.inserted, 2);
    let zero = storage.all_values().expect("values").into_iter().find(|r| r.teryt == "1219053");
    assert!(zero.is_some_and(|r| r.value == 0.0 && r.value.is_sign_positive()), "stored as 0");
    assert!(
        storage.upsert_values(&rows(-1e15), "2026-11-22T00:00:00Z").is_ok(),
        "the limit itself"
    );
}

/// A stand-in for the BDL API whose one page carries the largest double.
fn bdl_page(Query(_): Query<std::collections::HashMap<String, String>>) -> Json<Value> {
    Json(json!({
        "totalRecords": 2, "page": 0, "pageSize": 100, "variableId": 72305,
        "links": { "first": null, "self": null, "last": null },
        "results": [
            { "id": "011212119053", "name": "Wieliczka",
              "values": [{ "year": "2020", "val": MAX, "attrId": 1 }] },
            { "id": "011212119043", "name": "Niepołomice",
              "values": [{ "year": "2020", "val": 30100.0, "attrId": 1 }] },
        ],
    }))
}

#[test]
fn a_bdl_api_value_beyond_1e15_stops_the_import_and_nothing_is_written() {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime =
            tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
            let _ = tx.send(listener.local_addr().expect("addr"));
            let app = Router::new()
                .route("/api/v1/data/by-variable/{variable}", get(|q| async { bdl_page(q) }));
            let _ = axum::serve(listener, app).await;
        });
    });
    let addr = rx.recv_timeout(Duration::from_secs(10)).expect("bound");
    let dir = tempfile::tempdir().expect("tempdir");
    let db = TestDatabase::new(dir.path());
    let mut storage = db.storage().expect("storage");
    let register = jst_server::current_register(&*storage).expect("register");
    let mut client = jst_server::BdlClient::new(&format!("http://{addr}/api/v1"), None, dir.path())
        .expect("client");
    client.min_interval = Duration::from_millis(1);
    let variables = vec!["72305=LUD_OGOLEM".parse().expect("variable")];
    let err = jst_server::import_bdl(
        &mut *storage,
        &mut client,
        &register.snapshot.entries,
        &variables,
        &[2020],
        6,
        "2026-11-22T00:00:00Z",
    )
    .expect_err("refused");
    let text = err.to_string();
    assert!(text.contains("1219053") && text.contains("10^15"), "{text}");
    assert!(storage.all_values().expect("values").is_empty(), "nothing written");
}

/// Writes straight into the server's database, as an older server version could have.
fn raw(setup: &Setup, sql: &str) {
    setup.database.execute(sql);
}

#[test]
fn the_release_builder_signs_no_number_a_desktop_cannot_read_and_names_the_cell() {
    let setup = Setup::new();
    let key = release_key(setup.dir.path());
    let out = setup.dir.path().join("wydanie");
    let latest = out.join("latest.json");

    // A public value stored as infinity (SQLite keeps 9e999 as +Inf; PostgreSQL names it).
    let infinity = match setup.database.engine() {
        "postgres" => "'Infinity'",
        _ => "9e999",
    };
    raw(&setup, &format!("UPDATE public_values SET value = {infinity} WHERE teryt = '1219012'"));
    let err = build_release(&mut *setup.storage(), &out, &key, now(), 30).expect_err("refused");
    let text = err.to_string();
    for needle in ["LUD_OGOLEM", "2024", "1219012"] {
        assert!(text.contains(needle), "{needle:?} not in {text}");
    }
    assert!(!latest.exists(), "nothing signed");

    // A finite value no desktop accepts either.
    raw(&setup, "UPDATE public_values SET value = 2e15 WHERE teryt = '1219012'");
    let err = build_release(&mut *setup.storage(), &out, &key, now(), 30).expect_err("refused");
    assert!(err.to_string().contains("1219012"), "{err}");
    assert!(!latest.exists(), "nothing signed");

    // Contributions of an older server: the largest double from six units of one group.
    raw(&setup, "UPDATE public_values SET value = 8000 WHERE teryt = '1219012'");
    let inserts: String = RURAL[..6]
        .iter()
        .map(|t| {
            format!(
                "INSERT INTO contributions (teryt, indicator, year, value, status, rev, updated_at)
                 VALUES ('{t}', 'KANALIZACJA_PROC', 2024, {MAX:e}, NULL, 1, '2026-11-22T00:00:00Z');"
            )
        })
        .collect();
    raw(&setup, &inserts);
    let err = build_release(&mut *setup.storage(), &out, &key, now(), 30).expect_err("refused");
    let text = err.to_string();
    for needle in ["type_size:gmina_wiejska", "KANALIZACJA_PROC", "2024"] {
        assert!(text.contains(needle), "{needle:?} not in {text}");
    }
    assert!(!latest.exists(), "nothing signed");
}
