//! `import bdl` against a stand-in for the GUS BDL API on 127.0.0.1: pages split by
//! `page-size` with `links.next`, scripted 429 and 5xx answers, the `X-ClientId` header checked,
//! request times recorded.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{Path as UrlPath, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use jst_server::{current_register, import_bdl, BdlClient, BdlVariable, Error, Storage};
use jst_server_store::throwaway::TestDatabase;
use serde_json::{json, Value};

/// One unit with its values per year: (year, val, attrId).
type Unit = (String, String, Vec<(i32, Option<f64>, u32)>);

/// One request as the stand-in saw it.
#[derive(Debug, Clone)]
struct Hit {
    at: Instant,
    variable: String,
    year: String,
    page: u64,
    page_size: String,
    client_id: Option<String>,
    status: u16,
}

#[derive(Default)]
struct Api {
    addr: Mutex<Option<SocketAddr>>,
    /// Units per (variable, level).
    data: Mutex<HashMap<(String, String), Vec<Unit>>>,
    /// The key a request must carry, when set.
    client_id: Mutex<Option<String>>,
    /// (page index, status) answered once before the page itself.
    fail_once: Mutex<Vec<(u64, u16)>>,
    /// A page index answered 500 every time.
    fail_always: Mutex<Option<u64>>,
    hits: Mutex<Vec<Hit>>,
}

impl Api {
    fn hits(&self) -> Vec<Hit> {
        self.hits.lock().expect("lock").clone()
    }

    fn url(&self) -> String {
        format!("http://{}/api/v1", self.addr.lock().expect("lock").expect("bound"))
    }
}

fn error(status: StatusCode, result: &str) -> Response {
    (status, Json(json!({ "errorResult": result, "errorReason": "serwer testowy" })))
        .into_response()
}

async fn by_variable(
    State(api): State<Arc<Api>>,
    UrlPath(variable): UrlPath<String>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let at = Instant::now();
    let param = |k: &str| query.get(k).cloned().unwrap_or_default();
    let (level, year, size) = (param("unit-level"), param("year"), param("page-size"));
    let page: u64 = param("page").parse().unwrap_or(0);
    let client_id = headers.get("x-clientid").and_then(|v| v.to_str().ok()).map(str::to_owned);
    let answer = (|| {
        let expected = api.client_id.lock().expect("lock").clone();
        if expected.is_some() && client_id != expected {
            return error(StatusCode::FORBIDDEN, "Nieznany klucz klienta");
        }
        if *api.fail_always.lock().expect("lock") == Some(page) {
            return error(StatusCode::INTERNAL_SERVER_ERROR, "Błąd serwera");
        }
        {
            let mut once = api.fail_once.lock().expect("lock");
            if let Some(k) = once.iter().position(|(p, _)| *p == page) {
                let (_, status) = once.remove(k);
                return error(StatusCode::from_u16(status).expect("status"), "Chwilowy błąd");
            }
        }
        let data = api.data.lock().expect("lock");
        let Some(units) = data.get(&(variable.clone(), level.clone())) else {
            return error(StatusCode::NOT_FOUND, "Nie znaleziono zmiennej");
        };
        let size: u64 = size.parse().unwrap_or(10).clamp(1, 100);
        let year_n: i32 = year.parse().unwrap_or(0);
        let total = units.len() as u64;
        let results: Vec<Value> = units
            .iter()
            .skip((page * size) as usize)
            .take(size as usize)
            .map(|(id, name, values)| {
                let values: Vec<Value> = values
                    .iter()
                    .filter(|(y, _, _)| *y == year_n)
                    .map(|(y, val, attr)| json!({ "year": y.to_string(), "val": val, "attrId": attr }))
                    .collect();
                json!({ "id": id, "name": name, "values": values })
            })
            .collect();
        let link = |p: u64| {
            format!(
                "{}/data/by-variable/{variable}?unit-level={level}&year={year}&page={p}&page-size={size}",
                api.url()
            )
        };
        let last = total.saturating_sub(1) / size;
        let mut links = json!({ "first": link(0), "self": link(page), "last": link(last) });
        if page > 0 {
            links["prev"] = json!(link(page - 1));
        }
        if page < last {
            links["next"] = json!(link(page + 1));
        }
        Json(json!({
            "totalRecords": total,
            "page": page,
            "pageSize": size,
            "links": links,
            "variableId": variable.parse::<u64>().unwrap_or(0),
            "measureUnitId": 26,
            "aggregateId": 1,
            "lastUpdate": "2025-05-14T15:05:15.743",
            "results": results,
        }))
        .into_response()
    })();
    api.hits.lock().expect("lock").push(Hit {
        at,
        variable,
        year,
        page,
        page_size: size,
        client_id,
        status: answer.status().as_u16(),
    });
    answer
}

/// The stand-in, on its own thread and runtime (the blocking client must not run on one).
fn start_api() -> Arc<Api> {
    let api = Arc::new(Api::default());
    let state = api.clone();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime =
            tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
            *state.addr.lock().expect("lock") = Some(listener.local_addr().expect("addr"));
            let _ = tx.send(());
            let app = Router::new()
                .route("/api/v1/data/by-variable/{variable}", get(by_variable))
                .with_state(state);
            let _ = axum::serve(listener, app).await;
        });
    });
    rx.recv_timeout(Duration::from_secs(10)).expect("bound");
    api
}

/// A BDL id from a TERYT code (`01` macroregion, `1` region, `21` subregion: placeholders).
fn bdl_id(teryt: &str) -> String {
    format!("01{}121{}", &teryt[..2], &teryt[2..])
}

fn unit(teryt: &str, name: &str, values: &[(i32, Option<f64>, u32)]) -> Unit {
    (bdl_id(teryt), name.to_owned(), values.to_vec())
}

/// Level 6 of BDL in small: gminy with their parts, Kraków's delegatury and Warsaw's districts,
/// flagged values, a unit the register does not know.
fn gminy() -> Vec<Unit> {
    vec![
        unit("1219012", "Biskupice", &[(2020, Some(0.0), 4), (2021, Some(10_500.0), 1)]),
        unit("1219022", "Gdów", &[(2020, Some(20_100.0), 9), (2021, Some(20_200.0), 1)]),
        unit("1219032", "Kłaj", &[(2021, Some(10_300.0), 1)]),
        unit("1219043", "Niepołomice", &[(2020, Some(30_100.0), 1), (2021, Some(30_200.0), 1)]),
        unit("1219044", "Niepołomice - miasto", &[(2020, Some(15_000.0), 1)]),
        unit("1219045", "Niepołomice - obszar wiejski", &[(2020, Some(15_100.0), 1)]),
        unit("1219053", "Wieliczka", &[(2020, Some(69_000.0), 1), (2021, Some(69_500.0), 1)]),
        unit("1219054", "Wieliczka - miasto", &[(2020, Some(24_000.0), 1)]),
        unit("1219055", "Wieliczka - obszar wiejski", &[(2020, Some(45_000.0), 1)]),
        unit("1219992", "Gmina nieznana", &[(2020, Some(1.0), 1)]),
        unit("1261011", "Kraków", &[(2020, Some(779_966.0), 1), (2021, Some(780_000.0), 1)]),
        unit("1261029", "Kraków-Krowodrza", &[(2020, Some(120_000.0), 1)]),
        unit("1465011", "Warszawa", &[(2020, Some(1_794_166.0), 1)]),
        unit("1465028", "Bemowo", &[(2020, Some(125_000.0), 1)]),
    ]
}

fn powiaty() -> Vec<Unit> {
    vec![
        unit("1201000", "Powiat bocheński", &[(2020, Some(106_000.0), 1)]),
        unit("1219000", "Powiat wielicki", &[(2020, Some(130_000.0), 97)]),
        unit("1261000", "Powiat m. Kraków", &[(2020, Some(779_966.0), 1)]),
    ]
}

fn with_data(api: &Api) {
    let mut data = api.data.lock().expect("lock");
    data.insert(("72305".into(), "6".into()), gminy());
    data.insert(("72305".into(), "5".into()), powiaty());
}

/// A client with short waits, so the tests do not sleep for long.
fn quick_client(api: &Api, data_dir: &std::path::Path, client_id: Option<&str>) -> BdlClient {
    let mut client =
        BdlClient::new(&api.url(), client_id.map(str::to_owned), data_dir).expect("client");
    client.min_interval = Duration::from_millis(20);
    client.backoff = Duration::from_millis(10);
    client.max_backoff = Duration::from_millis(40);
    client.retries = 3;
    client.page_size = 4;
    client
}

fn population() -> Vec<BdlVariable> {
    vec!["72305=LUD_OGOLEM".parse().expect("variable")]
}

fn stored(storage: &dyn Storage) -> Vec<(String, i32, f64)> {
    let mut values: Vec<(String, i32, f64)> = storage
        .all_values()
        .expect("values")
        .into_iter()
        .inspect(|v| assert_eq!(v.indicator, "LUD_OGOLEM"))
        .map(|v| (v.teryt, v.year, v.value))
        .collect();
    values.sort_by(|a, b| (a.1, &a.0).cmp(&(b.1, &b.0)));
    values
}

fn kept_pages(data_dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(data_dir.join(jst_server::PAGE_FOLDER))
        .map(|d| d.flatten().filter_map(|e| e.file_name().to_str().map(str::to_owned)).collect())
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn pages_are_followed_retried_mapped_to_the_register_and_stored_once() {
    let api = start_api();
    with_data(&api);
    *api.client_id.lock().expect("lock") = Some("klucz-testowy".into());
    api.fail_once.lock().expect("lock").extend([(1, 429), (2, 503)]);
    let dir = tempfile::tempdir().expect("tempdir");
    let db = TestDatabase::new(dir.path());
    let mut storage = db.storage().expect("storage");
    let register = current_register(&*storage).expect("register");
    let mut client = quick_client(&api, dir.path(), Some("klucz-testowy"));

    let started = Instant::now();
    let done = import_bdl(
        &mut *storage,
        &mut client,
        &register.snapshot.entries,
        &population(),
        &[2021, 2020, 2020],
        6,
        "2026-11-22T00:00:00Z",
    )
    .expect("imported");
    let took = started.elapsed();

    assert_eq!(
        stored(&*storage),
        [
            ("1219022".to_owned(), 2020, 20_100.0),
            ("1219043".to_owned(), 2020, 30_100.0),
            ("1219053".to_owned(), 2020, 69_000.0),
            ("1261011".to_owned(), 2020, 779_966.0),
            ("1465011".to_owned(), 2020, 1_794_166.0),
            ("1219012".to_owned(), 2021, 10_500.0),
            ("1219022".to_owned(), 2021, 20_200.0),
            ("1219032".to_owned(), 2021, 10_300.0),
            ("1219043".to_owned(), 2021, 30_200.0),
            ("1219053".to_owned(), 2021, 69_500.0),
            ("1261011".to_owned(), 2021, 780_000.0),
        ]
    );
    assert_eq!(done.stored.inserted, 11);
    let years: Vec<i32> = done.series.iter().map(|s| s.year).collect();
    assert_eq!(years, [2020, 2021], "years once each, in order");
    let y2020 = &done.series[0].values;
    assert_eq!(done.series[0].pages, 4, "14 units in pages of 4");
    // Parts: Niepołomice ×2, Wieliczka ×2, Krowodrza, Bemowo.
    assert_eq!((y2020.skipped_parts, y2020.skipped_city_counties), (6, 0));
    // Biskupice's "x" (attrId 4) and Kłaj without a 2020 value.
    assert_eq!((y2020.missing, y2020.flagged), (2, 1));
    assert_eq!(y2020.unknown, ["011212119992 (1219992) Gmina nieznana"]);
    let gdow = y2020.rows.iter().find(|r| r.teryt == "1219022").expect("Gdów");
    assert_eq!(gdow.attr_id, 9, "a preliminary estimate is a value, its flag kept");

    let hits = api.hits();
    assert_eq!(hits.len(), 4 + 4 + 2, "two years of 4 pages, one 429 and one 503 retried");
    assert_eq!(hits.iter().filter(|h| h.status == 429).count(), 1);
    assert_eq!(hits.iter().filter(|h| h.status == 503).count(), 1);
    assert!(hits.iter().all(|h| h.client_id.as_deref() == Some("klucz-testowy")));
    assert!(hits.iter().all(|h| h.variable == "72305" && h.page_size == "4"));
    let pages_2020: Vec<u64> = hits.iter().filter(|h| h.year == "2020").map(|h| h.page).collect();
    assert_eq!(pages_2020, [0, 1, 1, 2, 2, 3]);
    // Ten requests 20 ms apart at least (the client's clock: the stand-in's would add jitter).
    assert!(took >= Duration::from_millis(9 * 20), "{took:?}");
    assert!(kept_pages(dir.path()).is_empty(), "pages dropped once stored");
}

#[test]
fn powiat_rows_of_city_counties_are_skipped_and_flags_kept() {
    let api = start_api();
    with_data(&api);
    let dir = tempfile::tempdir().expect("tempdir");
    let db = TestDatabase::new(dir.path());
    let mut storage = db.storage().expect("storage");
    let register = current_register(&*storage).expect("register");
    let mut client = quick_client(&api, dir.path(), None);
    let done = import_bdl(
        &mut *storage,
        &mut client,
        &register.snapshot.entries,
        &population(),
        &[2020],
        5,
        "2026-11-22T00:00:00Z",
    )
    .expect("imported");
    assert_eq!(
        stored(&*storage),
        [("1201".to_owned(), 2020, 106_000.0), ("1219".to_owned(), 2020, 130_000.0)]
    );
    assert_eq!(done.series[0].values.skipped_city_counties, 1);
    assert_eq!(done.series[0].values.rows[1].attr_id, 97);
    assert!(api.hits().iter().all(|h| h.client_id.is_none()), "no key, no header");
}

#[test]
fn a_failed_run_stores_nothing_and_the_next_run_repeats_no_finished_page() {
    let api = start_api();
    with_data(&api);
    *api.fail_always.lock().expect("lock") = Some(2);
    let dir = tempfile::tempdir().expect("tempdir");
    let db = TestDatabase::new(dir.path());
    let mut storage = db.storage().expect("storage");
    let register = current_register(&*storage).expect("register");
    let run = |storage: &mut dyn Storage| {
        let mut client = quick_client(&api, dir.path(), None);
        import_bdl(
            storage,
            &mut client,
            &register.snapshot.entries,
            &population(),
            &[2020],
            6,
            "2026-11-22T00:00:00Z",
        )
    };

    let failed = run(&mut *storage).expect_err("page 3 never answers");
    assert!(matches!(failed, Error::Io { .. }), "{failed:?}");
    assert_eq!(failed.exit_code(), 1);
    let message = failed.to_string();
    assert!(
        message.contains("strona 3")
            && message.contains("500")
            && message.contains("Niczego nie zapisano"),
        "{message}"
    );
    assert!(storage.all_values().expect("values").is_empty(), "nothing stored");
    assert_eq!(kept_pages(dir.path()), ["72305-2020-6-4-0.json", "72305-2020-6-4-1.json"]);
    let first: Vec<u64> = api.hits().iter().map(|h| h.page).collect();
    assert_eq!(first, [0, 1, 2, 2, 2, 2], "page 3 tried 1 + 3 times");

    *api.fail_always.lock().expect("lock") = None;
    api.hits.lock().expect("lock").clear();
    let done = run(&mut *storage).expect("second run");
    let second: Vec<u64> = api.hits().iter().map(|h| h.page).collect();
    assert_eq!(second, [2, 3], "pages 1–2 are not requested again");
    assert_eq!(done.series[0].values.rows.len(), 5);
    assert_eq!(stored(&*storage).len(), 5);
    assert!(kept_pages(dir.path()).is_empty());
}

#[test]
fn refusals_the_api_will_not_mend_stop_at_once() {
    let api = start_api();
    with_data(&api);
    let dir = tempfile::tempdir().expect("tempdir");
    let db = TestDatabase::new(dir.path());
    let mut storage = db.storage().expect("storage");
    let register = current_register(&*storage).expect("register");
    let mut client = quick_client(&api, dir.path(), None);
    let unknown: Vec<BdlVariable> = vec!["999=LUD_OGOLEM".parse().expect("variable")];
    let refused = import_bdl(
        &mut *storage,
        &mut client,
        &register.snapshot.entries,
        &unknown,
        &[2020],
        6,
        "2026-11-22T00:00:00Z",
    )
    .expect_err("404");
    assert_eq!(refused.exit_code(), 3);
    assert!(refused.to_string().contains("Nie znaleziono zmiennej"), "{refused}");
    assert_eq!(api.hits().len(), 1, "a 404 is not retried");

    // A key the API does not accept: 403, not retried either.
    *api.client_id.lock().expect("lock") = Some("inny".into());
    let mut client = quick_client(&api, dir.path(), Some("zły"));
    let refused = import_bdl(
        &mut *storage,
        &mut client,
        &register.snapshot.entries,
        &population(),
        &[2020],
        6,
        "2026-11-22T00:00:00Z",
    )
    .expect_err("403");
    assert!(refused.to_string().contains("403"), "{refused}");
    assert!(storage.all_values().expect("values").is_empty());
}

#[test]
fn variables_come_from_the_command_line_and_the_shipped_mapping() {
    let mapping = jst_server::catalogue_variables().expect("the shipped mapping reads");
    let population = mapping.iter().find(|m| m.variable.indicator == "LUD_OGOLEM").expect("row");
    assert_eq!((population.variable.id, population.level), (72305, 6));
    let catalogue = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../assets/catalogue/katalog_wskaznikow.csv"
    ))
    .expect("catalogue");
    for m in &mapping {
        assert!(
            catalogue.lines().any(|l| l.starts_with(&format!("{};", m.variable.indicator))),
            "{} is a catalogue code",
            m.variable.indicator
        );
    }

    for bad in ["72305", "=LUD_OGOLEM", "72305=", "7x=LUD", "72305=LUD OGOLEM"] {
        assert!(bad.parse::<BdlVariable>().is_err(), "{bad}");
    }
    let request = |variables: &[&str], catalogue: bool| jst_server::BdlRequest {
        variables: variables.iter().map(|v| v.parse().expect("variable")).collect(),
        catalogue,
        years: vec![2020],
        level: 6,
    };
    let (both, _) =
        jst_server::resolve_variables(&request(&["72305=LUD_OGOLEM"], true)).expect("union");
    assert_eq!(both.len(), mapping.len(), "the same pair once");
    let clash = jst_server::resolve_variables(&request(&["1=LUD_OGOLEM"], true));
    assert!(matches!(clash, Err(Error::Usage(_))), "one code, two variables");
    let none = jst_server::resolve_variables(&request(&[], false));
    assert!(matches!(none, Err(Error::Usage(_))));
}

/// The register's first `n` gminy as BDL lists them, with a value for 2019 and 2020.
fn many_gminy(n: usize) -> Vec<Unit> {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = TestDatabase::new(dir.path());
    let storage = db.storage().expect("storage");
    let register = current_register(&*storage).expect("register");
    register
        .snapshot
        .entries
        .iter()
        .filter(|e| e.teryt.as_str().len() == 7)
        .take(n)
        .enumerate()
        .map(|(i, e)| {
            let v = 1000.0 + i as f64;
            unit(e.teryt.as_str(), &e.name, &[(2019, Some(v), 1), (2020, Some(v + 1.0), 1)])
        })
        .collect()
}

#[test]
fn the_command_keeps_to_five_requests_a_second_and_reports_in_polish() {
    let api = start_api();
    api.data.lock().expect("lock").insert(("72305".into(), "6".into()), many_gminy(250));
    *api.client_id.lock().expect("lock") = Some("klucz-z-env".into());
    let dir = tempfile::tempdir().expect("tempdir");
    let data = TestDatabase::new(&dir.path().join("baza"));
    let url = api.url();
    let run = |args: &[&str]| {
        data.command(env!("CARGO_BIN_EXE_jst-server"))
            .args(["import", "bdl"])
            .args(args)
            .env("RUST_LOG", "off")
            .env("BDL_CLIENT_ID", "klucz-z-env")
            .output()
            .expect("jst-server runs")
    };

    // Usage errors: exit 2, nothing asked.
    for args in [
        vec!["--catalogue", "--year", "2020"],
        vec!["--variable", "72305", "--year", "2020", "--level", "6"],
        vec!["--catalogue", "--year", "2020", "--level", "4"],
        vec!["--year", "2020", "--level", "6", "--api-url", url.as_str()],
    ] {
        let out = run(&args);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert!(api.hits().is_empty());

    let out = run(&[
        "--catalogue",
        "--year",
        "2019",
        "--year",
        "2020",
        "--level",
        "6",
        "--api-url",
        &url,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    for part in [
        "Wczytano LUD_OGOLEM 2019 (zmienna 72305, poziom 6, stron 3): 250 jednostek",
        "Wczytano LUD_OGOLEM 2020 (zmienna 72305, poziom 6, stron 3): 250 jednostek",
        "spoza rejestru: 0.",
        "Zapisano 500 wartości: nowe 500",
        "Zapytań do API BDL: 6",
    ] {
        assert!(stdout.contains(part), "{part}: {stdout}");
    }

    let hits = api.hits();
    assert_eq!(hits.len(), 6);
    assert!(hits.iter().all(|h| h.page_size == "100" && h.status == 200));
    assert!(hits.iter().all(|h| h.client_id.as_deref() == Some("klucz-z-env")));
    // No burst: request starts at least 200 ms apart, so no second holds more than five. The
    // margin absorbs how late the stand-in's thread got to each request on a busy machine; a
    // client without the limit sends its six requests within a few milliseconds.
    let margin = Duration::from_millis(100);
    for pair in hits.windows(2) {
        assert!(pair[1].at - pair[0].at + margin >= Duration::from_millis(200), "{hits:?}");
    }
    for (i, start) in hits.iter().enumerate() {
        let within = hits[i..].iter().filter(|h| h.at - start.at < Duration::from_secs(1) - margin);
        assert!(within.count() <= 5, "{hits:?}");
    }

    let storage = data.storage().expect("open");
    let values = storage.all_values().expect("values");
    assert_eq!(values.len(), 500);
    assert!(values.iter().all(|v| v.indicator == "LUD_OGOLEM"));
    assert!(kept_pages(data.dir()).is_empty());
}
