//! Running the server: health, metrics, request ids, `token list|revoke` and the audit.

use std::net::SocketAddr;
use std::path::Path;
use std::process::Output;
use std::time::Duration;

use jst_server::{issue_token, Actor, AuditAction, AuditFilter, ServeLimits};
use jst_server_store::throwaway::TestDatabase;
use serde_json::{json, Value};

use crate::hostile::{item, quick_limits, results, send, submit, Setup, RURAL};

/// Serves `setup` with a metrics listener; (public address, metrics address).
fn serve_with_metrics(setup: &Setup, limits: ServeLimits) -> (SocketAddr, SocketAddr) {
    let (releases, db) = (setup.releases(), setup.database.location().clone());
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let any = "127.0.0.1:0".parse().expect("addr");
        let _ = jst_server::serve_with_metrics(any, Some(any), releases, db, limits, |a, m| {
            let _ = tx.send((a, m));
        });
    });
    let (public, metrics) = rx.recv_timeout(Duration::from_secs(10)).expect("bound");
    (public, metrics.expect("metrics bound"))
}

/// The samples of a metrics page by series (name with labels).
fn samples(text: &str) -> std::collections::BTreeMap<String, f64> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (series, value) = l.rsplit_once(' ')?;
            Some((series.to_owned(), value.parse().ok()?))
        })
        .collect()
}

#[test]
fn health_and_metrics_tell_the_storage_the_release_and_the_traffic_without_secrets() {
    let setup = Setup::new();
    setup
        .storage()
        .record_release(
            3,
            &jst_server::rfc3339(jst_server::now()),
            "2099-01-01T00:00:00Z",
            "ab",
            &Default::default(),
        )
        .expect("release");
    let (addr, metrics) = serve_with_metrics(&setup, quick_limits());

    let health = send(addr, "GET", "/v1/health", &[], b"");
    assert_eq!(health.status, 200, "{health:?}");
    assert_eq!(health.json()["status"], "ok");
    assert_eq!(health.json()["storage"], "ok");
    assert_eq!(health.json()["release"]["version"], 3);
    let age = health.json()["release"]["age_seconds"].as_u64().expect("age");
    assert!(age < 3_600, "just built: {age}");
    assert_eq!(health.header("cache-control").as_deref(), Some("no-store"));
    let generated = health.header("x-request-id").expect("an id is made");
    assert!(generated.len() == 32 && generated.bytes().all(|b| b.is_ascii_hexdigit()));

    // The client's id is echoed when sane, replaced when not.
    let echoed = send(addr, "GET", "/v1/config", &[("X-Request-Id", "nginx-42_a")], b"");
    assert_eq!(echoed.header("x-request-id").as_deref(), Some("nginx-42_a"));
    let long = "a".repeat(65);
    let replaced = send(addr, "GET", "/v1/config", &[("X-Request-Id", long.as_str())], b"");
    let id = replaced.header("x-request-id").expect("id");
    assert!(id != long && id.len() == 32, "{id}");

    // Traffic: one stored submission, its replay, an unknown token, a static file, a lookup.
    let token = &setup.tokens[0];
    let items = [item("LUD_OGOLEM", 2024, json!(8123.5), Value::Null)];
    let first = submit(addr, token, 1, &items);
    assert_eq!(results(&first), [("imported".to_owned(), String::new())]);
    assert_eq!(submit(addr, token, 1, &items).status, 200);
    assert_eq!(submit(addr, "jst_nieznany", 2, &items).status, 401);
    assert_eq!(send(addr, "GET", "/latest.json", &[], b"").status, 200);
    let auth = format!("Bearer {token}");
    let lookup = format!("/v1/submissions/{}", crate::hostile::uuid(1));
    assert_eq!(send(addr, "GET", &lookup, &[("Authorization", &auth)], b"").status, 200);
    assert_eq!(send(addr, "GET", "/metrics", &[], b"").status, 404, "not on the public port");

    let page = send(metrics, "GET", "/metrics", &[], b"");
    assert_eq!(page.status, 200);
    assert!(
        page.header("content-type").is_some_and(|c| c.starts_with("text/plain; version=0.0.4")),
        "{page:?}"
    );
    let text = String::from_utf8(page.body.clone()).expect("UTF-8");
    let s = samples(&text);
    let get = |key: &str| s.get(key).copied().unwrap_or_else(|| panic!("no {key} in\n{text}"));
    assert_eq!(get(r#"jst_http_requests_total{route="/v1/submissions",status="2xx"}"#), 2.0);
    assert_eq!(get(r#"jst_http_requests_total{route="/v1/submissions",status="4xx"}"#), 1.0);
    assert_eq!(get(r#"jst_http_requests_total{route="/v1/submissions/{id}",status="2xx"}"#), 1.0);
    assert_eq!(get(r#"jst_http_requests_total{route="/v1/health",status="2xx"}"#), 1.0);
    assert_eq!(get(r#"jst_http_requests_total{route="static",status="2xx"}"#), 1.0);
    assert_eq!(get(r#"jst_http_request_duration_seconds_count{route="/v1/submissions"}"#), 3.0);
    assert_eq!(
        get(r#"jst_http_request_duration_seconds_bucket{route="/v1/submissions",le="+Inf"}"#),
        3.0
    );
    assert_eq!(get(r#"jst_submissions_total{outcome="stored"}"#), 1.0);
    assert_eq!(get(r#"jst_submissions_total{outcome="replayed"}"#), 1.0);
    assert_eq!(get(r#"jst_submissions_total{outcome="unauthorized"}"#), 1.0);
    assert_eq!(get(r#"jst_submission_items_total{result="imported"}"#), 1.0);
    assert_eq!(get(r#"jst_rate_limited_total{limit="token"}"#), 0.0);
    assert_eq!(get("jst_storage_up"), 1.0);
    assert_eq!(get("jst_release_version"), 3.0);
    assert!(get("jst_release_age_seconds") < 3_600.0);
    let hash = jst_release::sha256_hex(token.as_bytes());
    for secret in [token.as_str(), &token[4..20], &hash[..16], RURAL[0], "8123.5", "8123"] {
        assert!(!text.contains(secret), "{secret} in the metrics:\n{text}");
    }

    // The database broken under the running server: health says so, with a code, at once.
    setup.database.execute("DROP TABLE releases");
    let down = send(addr, "GET", "/v1/health", &[], b"");
    assert_eq!(down.status, 503, "{down:?}");
    assert_eq!(
        down.json(),
        json!({"status": "unavailable", "storage": "error", "code": "storage_unavailable"})
    );
    assert_eq!(down.header("cache-control").as_deref(), Some("no-store"));
    let text = String::from_utf8(send(metrics, "GET", "/metrics", &[], b"").body).expect("UTF-8");
    let s = samples(&text);
    assert_eq!(s.get("jst_storage_up"), Some(&0.0), "{text}");
    assert!(!s.contains_key("jst_release_version"));
    assert_eq!(
        s.get(r#"jst_http_requests_total{route="/v1/health",status="5xx"}"#),
        Some(&1.0),
        "{text}"
    );
}

#[test]
fn health_without_a_release_says_null_and_rate_limits_are_counted() {
    let setup = Setup::new();
    let limits = ServeLimits {
        rate: jst_server::RateLimits { per_token: 1, ..jst_server::RateLimits::default() },
        ..quick_limits()
    };
    let (addr, metrics) = serve_with_metrics(&setup, limits);
    let health = send(addr, "GET", "/v1/health", &[], b"");
    assert_eq!(
        (health.status, health.json()),
        (200, json!({"status": "ok", "storage": "ok", "release": null}))
    );
    let items = [item("LUD_OGOLEM", 2024, json!(8000.0), Value::Null)];
    assert_eq!(submit(addr, &setup.tokens[0], 1, &items).status, 200);
    assert_eq!(submit(addr, &setup.tokens[0], 2, &items).status, 429);
    let text = String::from_utf8(send(metrics, "GET", "/metrics", &[], b"").body).expect("UTF-8");
    let s = samples(&text);
    assert_eq!(s.get(r#"jst_rate_limited_total{limit="token"}"#), Some(&1.0), "{text}");
    assert_eq!(s.get(r#"jst_submissions_total{outcome="rate_limited"}"#), Some(&1.0), "{text}");
    assert!(!s.contains_key("jst_release_version"), "no release yet");
}

fn run(data: &TestDatabase, args: &[&str]) -> Output {
    data.command(env!("CARGO_BIN_EXE_jst-server"))
        .args(args)
        .env("RUST_LOG", "off")
        .env("USER", "administrator")
        .env_remove("SUDO_USER")
        .output()
        .expect("jst-server runs")
}

fn stdout(output: &Output) -> String {
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn json_of(output: &Output) -> Value {
    serde_json::from_str(&stdout(output)).expect("JSON")
}

#[test]
fn tokens_are_listed_without_secrets_revoked_one_by_one_and_every_change_is_audited() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = TestDatabase::new(&dir.path().join("baza"));
    let catalogue = dir.path().join("katalog.csv");
    std::fs::write(&catalogue, crate::CATALOGUE).expect("catalogue");
    stdout(&run(&data, &["import", "catalogue", catalogue.to_str().expect("utf-8")]));
    let issue = |unit: &str| {
        let out = stdout(&run(&data, &["token", "issue", "--unit", unit]));
        out.lines().last().expect("token line").trim().to_owned()
    };
    let tokens = [issue("1219053"), issue("1219053"), issue("1219043")];
    assert!(tokens.iter().all(|t| t.starts_with("jst_") && t.len() == 68));

    let listed = json_of(&run(&data, &["token", "list", "--format", "json"]));
    let rows: Vec<(i64, &str, bool)> = listed
        .as_array()
        .expect("array")
        .iter()
        .map(|t| {
            (
                t["id"].as_i64().unwrap_or_default(),
                t["unit"].as_str().unwrap_or_default(),
                t["revoked_at"].is_null(),
            )
        })
        .collect();
    assert_eq!(rows, [(1, "1219053", true), (2, "1219053", true), (3, "1219043", true)]);
    let first = &listed[0];
    assert!(first["issued_at"].as_str().is_some_and(|a| a.ends_with('Z')), "{first}");
    assert!(first["last_used_on"].is_null());
    assert_eq!(first.as_object().map(|o| o.len()), Some(5), "no other field: {first}");
    let table = stdout(&run(&data, &["token", "list"]));
    let audit_json = stdout(&run(&data, &["audit", "--format", "json"]));
    for token in &tokens {
        let hash = jst_release::sha256_hex(token.as_bytes());
        for shown in [listed.to_string(), table.clone(), audit_json.clone()] {
            assert!(!shown.contains(&token[4..20]), "a token shown: {shown}");
            assert!(!shown.contains(&hash[..12]), "a token's hash shown: {shown}");
        }
    }
    let one = json_of(&run(&data, &["token", "list", "--unit", "1219043", "--format", "json"]));
    assert_eq!(one.as_array().map(Vec::len), Some(1));
    assert_eq!(one[0]["id"], 3);

    // One token by its id; the unit's other token still works.
    let revoked = stdout(&run(&data, &["token", "revoke", "--id", "1"]));
    assert!(revoked.contains("nr 1") && revoked.contains("1219053"), "{revoked}");
    let again = stdout(&run(&data, &["token", "revoke", "--id", "1"]));
    assert!(again.contains("już unieważniony"), "{again}");
    let unknown = run(&data, &["token", "revoke", "--id", "99"]);
    assert_eq!(unknown.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("nie ma tokenu nr 99"));
    assert_eq!(run(&data, &["token", "revoke"]).status.code(), Some(2), "--unit or --id");
    let storage = data.storage().expect("open");
    let hash = |t: &str| jst_release::sha256_hex(t.as_bytes());
    assert!(storage.token_unit(&hash(&tokens[0])).expect("lookup").is_none());
    assert_eq!(storage.token_unit(&hash(&tokens[1])).expect("lookup").map(|t| t.id), Some(2));
    drop(storage);
    stdout(&run(&data, &["token", "revoke", "--unit", "1219053"]));
    stdout(&run(&data, &["period", "close", "2023"]));

    let audit = json_of(&run(&data, &["audit", "--format", "json"]));
    let entries: Vec<(&str, &str, Value)> = audit
        .as_array()
        .expect("array")
        .iter()
        .map(|e| {
            (
                e["actor"].as_str().unwrap_or_default(),
                e["action"].as_str().unwrap_or_default(),
                e["details"].clone(),
            )
        })
        .collect();
    let admin = "administrator";
    assert_eq!(
        entries,
        [
            (admin, "import_catalogue", entries[0].2.clone()),
            (admin, "token_issue", json!({"unit": "1219053", "id": 1})),
            (admin, "token_issue", json!({"unit": "1219053", "id": 2})),
            (admin, "token_issue", json!({"unit": "1219043", "id": 3})),
            (admin, "token_revoke", json!({"unit": "1219053", "ids": [1]})),
            (admin, "token_revoke", json!({"unit": "1219053", "ids": [2]})),
            (admin, "period_close", json!({"year": 2023, "already_closed": false})),
        ]
    );
    assert_eq!(entries[0].2["indicators"], 54, "{}", entries[0].2);

    let issued = json_of(&run(&data, &["audit", "--action", "token_issue", "--format", "json"]));
    assert_eq!(issued.as_array().map(Vec::len), Some(3));
    let future = json_of(&run(&data, &["audit", "--since", "2999-01-01", "--format", "json"]));
    assert_eq!(future, json!([]));
    let past = json_of(&run(&data, &["audit", "--since", "2000-01-01", "--format", "json"]));
    assert_eq!(past.as_array().map(Vec::len), Some(7));
    assert_eq!(run(&data, &["audit", "--since", "wczoraj"]).status.code(), Some(2));
    assert_eq!(run(&data, &["audit", "--action", "token_stolen"]).status.code(), Some(2));
    let table = stdout(&run(&data, &["audit", "--action", "period_close"]));
    assert!(table.contains("administrator\tperiod_close\tzamknięcie roku"), "{table}");
}

#[test]
fn a_token_s_last_day_of_use_is_recorded_by_the_api() {
    let setup = Setup::new();
    let audited = setup.storage().audit(&AuditFilter::default()).expect("audit").len();
    let addr = setup.serve(quick_limits());
    let items = [item("LUD_OGOLEM", 2024, json!(8000.0), Value::Null)];
    assert_eq!(submit(addr, &setup.tokens[1], 1, &items).status, 200);
    assert_eq!(submit(addr, &setup.tokens[1], 2, &items).status, 200);
    let tokens = setup.storage().tokens(None).expect("tokens");
    let today = jst_server::rfc3339(jst_server::now())[..10].to_owned();
    let used: Vec<(&str, Option<&str>)> =
        tokens.iter().map(|t| (t.unit.as_str(), t.last_used_on.as_deref())).collect();
    assert_eq!(used[1], (RURAL[1], Some(today.as_str())));
    assert!(used.iter().enumerate().all(|(i, (_, day))| i == 1 || day.is_none()), "{used:?}");
    let audit = setup.storage().audit(&AuditFilter::default()).expect("audit");
    assert_eq!(audit.len(), audited, "a use is no one's decision: not audited");
}

/// Each write and its audit entry commit together: when the entry cannot be written, the
/// change is not made either.
#[test]
fn a_change_whose_audit_entry_fails_is_not_made() {
    let dir = tempfile::tempdir().expect("tempdir");
    let at = "2026-11-22T00:00:00Z";
    let db = TestDatabase::new(dir.path());
    let mut storage = db.storage_as(Actor::Operator("jan".into())).expect("open");
    storage.save_catalogue(crate::CATALOGUE, 54, "v1", at).expect("catalogue");
    issue_token(&mut *storage, "1219053", at).expect("token");
    // A trigger refusing every audit entry, in each engine's words.
    let (refuse, allow) = match db.engine() {
        "postgres" => (
            "CREATE FUNCTION no_audit() RETURNS trigger LANGUAGE plpgsql \
             AS $$ BEGIN RAISE EXCEPTION 'audyt'; END $$; \
             CREATE TRIGGER no_audit BEFORE INSERT ON audit \
             FOR EACH ROW EXECUTE FUNCTION no_audit();",
            "DROP TRIGGER no_audit ON audit",
        ),
        _ => (
            "CREATE TRIGGER no_audit BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'audyt'); \
             END;",
            "DROP TRIGGER no_audit",
        ),
    };
    db.execute(refuse);
    assert!(issue_token(&mut *storage, "1219043", at).is_err());
    assert!(storage.revoke_tokens("1219053", at).is_err());
    assert!(storage.close_period(2023, at).is_err());
    let row = jst_server::DataRow {
        teryt: "1219053".into(),
        indicator: "LUD_OGOLEM".into(),
        year: 2024,
        value: 1.0,
    };
    assert!(storage.upsert_values(&[row], at).is_err());
    assert!(jst_server::create_group(&mut *storage, "Grupa", "obszar", &["LUD_OGOLEM".into()], at)
        .is_err());
    let tokens = storage.tokens(None).expect("tokens");
    assert_eq!(tokens.len(), 1, "no second token");
    assert!(tokens[0].revoked_at.is_none(), "not revoked");
    assert!(storage.all_values().expect("values").is_empty());
    assert!(storage.gwd_groups().expect("groups").is_empty());
    db.execute(allow);
    assert!(storage.close_period(2023, at).expect("close"));
    let audit = storage.audit(&AuditFilter::default()).expect("audit");
    let actions: Vec<(AuditAction, &str)> =
        audit.iter().map(|e| (e.action, e.actor.as_str())).collect();
    assert_eq!(
        actions,
        [
            (AuditAction::ImportCatalogue, "jan"),
            (AuditAction::TokenIssue, "jan"),
            (AuditAction::PeriodClose, "jan")
        ]
    );
}

/// Groups, practices and a release build each leave their entry, named by the operator, with
/// the details an association needs to tell what happened.
#[test]
fn groups_practices_and_releases_are_audited_with_their_details() {
    let dir = tempfile::tempdir().expect("tempdir");
    let at = "2026-11-22T00:00:00Z";
    let db = TestDatabase::new(&dir.path().join("baza"));
    let mut storage = db.storage_as(Actor::Operator("ewa".into())).expect("open");
    storage.save_catalogue(crate::CATALOGUE, 54, "v1", at).expect("catalogue");
    let id = jst_server::create_group(
        &mut *storage,
        "Wodociągi",
        "wodociągi i kanalizacja",
        &["KANALIZACJA_PROC".into()],
        at,
    )
    .expect("group");
    jst_server::add_member(&mut *storage, id, "1219053", "ZMP/GWD/1", Some("2026-11-01"), at)
        .expect("add");
    jst_server::remove_member(&mut *storage, id, "1219053", at).expect("remove");
    assert!(jst_server::remove_member(&mut *storage, id, "1219053", at).is_err(), "not a member");
    let starter =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/practices/baza-startowa.json");
    let ids = jst_server::practices::import_file(&mut *storage, &starter, at).expect("practices");
    jst_server::practices::remove(&mut *storage, ids[0], at).expect("remove practice");
    let key = crate::hostile::release_key(dir.path());
    let out = dir.path().join("wydania");
    let built = jst_server::build_release(&mut *storage, &out, &key, jst_server::now(), 60)
        .expect("release");

    let audit = storage.audit(&AuditFilter::default()).expect("audit");
    assert!(audit.iter().all(|e| e.actor == "ewa"), "{audit:?}");
    let details = |action: AuditAction| -> Vec<Value> {
        audit.iter().filter(|e| e.action == action).map(|e| e.details.clone()).collect()
    };
    assert_eq!(
        details(AuditAction::GwdCreate),
        [json!({"group": id, "name": "Wodociągi", "area": "wodociągi i kanalizacja",
                "indicators": ["KANALIZACJA_PROC"]})]
    );
    assert_eq!(
        details(AuditAction::GwdAdd),
        [json!({"group": id, "unit": "1219053", "consent_reference": "ZMP/GWD/1",
                "consent_date": "2026-11-01"})]
    );
    assert_eq!(details(AuditAction::GwdRemove), [json!({"group": id, "unit": "1219053"})]);
    let imported = details(AuditAction::PracticesImport);
    assert_eq!(imported.len(), 1);
    assert_eq!(imported[0]["ids"], json!(ids));
    assert_eq!(imported[0]["status"], "published");
    assert_eq!(details(AuditAction::PracticesRemove), [json!({"id": ids[0]})]);
    let release = details(AuditAction::ReleaseBuild);
    assert_eq!(release.len(), 1);
    assert_eq!(release[0]["version"], built.version);
    assert!(release[0]["manifest_sha256"].as_str().is_some_and(|h| h.len() == 64));
    let only = storage
        .audit(&AuditFilter { since: None, action: Some(AuditAction::GwdAdd) })
        .expect("filtered");
    assert_eq!(only.len(), 1);
}

/// The real binary logs JSON lines when told to, each request's line with the request id nginx
/// sent.
#[test]
fn the_service_logs_json_lines_with_the_request_id() {
    use std::io::{BufRead, BufReader, Read};
    use std::process::Stdio;
    let setup = Setup::new();
    let mut child = setup
        .database
        .command(env!("CARGO_BIN_EXE_jst-server"))
        .args(["--log-format", "json", "serve", "--bind", "127.0.0.1:0", "--releases"])
        .arg(setup.releases())
        .env("RUST_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("serve starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout")).read_line(&mut line).expect("address");
    let addr: SocketAddr =
        line.trim().rsplit("http://").next().and_then(|a| a.parse().ok()).expect("address");
    let reply = send(addr, "GET", "/v1/health", &[("X-Request-Id", "req-from-nginx-1")], b"");
    assert_eq!(reply.status, 200);
    let _ = child.kill();
    let _ = child.wait();
    let mut logs = String::new();
    child.stderr.take().expect("stderr").read_to_string(&mut logs).expect("logs");
    let events: Vec<Value> =
        logs.lines().map(|l| serde_json::from_str(l).expect("every line is JSON")).collect();
    assert!(events.iter().any(|e| e["fields"]["message"] == "serwer uruchomiony"), "{logs}");
    let answered = events
        .iter()
        .find(|e| e["span"]["request_id"] == "req-from-nginx-1")
        .unwrap_or_else(|| panic!("the request's line: {logs}"));
    assert_eq!(answered["span"]["path"], "/v1/health");
    assert_eq!(answered["fields"]["status"], 200, "{answered}");
}
