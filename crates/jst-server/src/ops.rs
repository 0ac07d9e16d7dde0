//! Running the server: `GET /v1/health`, the Prometheus metrics (`GET /metrics` on the
//! listener of `--metrics-bind`, never on the public port), and the request id every request's
//! log span and answer carry.
//!
//! The metrics are kept by hand in a small registry and written in the Prometheus text format
//! 0.0.4: a few counters and one histogram do not need a client library's dependencies. Their
//! labels are only route templates (`/v1/submissions/{id}`, never a raw path with an id),
//! status classes and the API's own codes: never a token, a unit's TERYT or a value.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use rand_core::{OsRng, RngCore};

use crate::submissions::Api;
use jst_server_store::ReleaseStatus;

/// Upper bounds of the latency histogram, in seconds (Prometheus' usual buckets).
const BUCKETS: [f64; 11] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0];

/// The route label of requests no API route matched: the release directory's files.
const STATIC_ROUTE: &str = "static";

/// Results of a submission's items (DESIGN §7), listed even before the first one.
const ITEM_RESULTS: [&str; 6] =
    ["imported", "updated", "unchanged", "conflict", "invalid", "period_closed"];

/// Which limit refused a request: a verified token's, or an address's refused authentications.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Limited {
    Token,
    Address,
}

impl Limited {
    fn code(self) -> &'static str {
        match self {
            Self::Token => "token",
            Self::Address => "address",
        }
    }
}

/// The API's code of an answer (`stored`, `replayed` or a refusal's `code`), carried to the
/// metrics as a response extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Outcome(pub &'static str);

#[derive(Debug, Default, Clone)]
struct Histogram {
    /// Per bucket of [`BUCKETS`], the requests that took at most its bound (not cumulative).
    counts: [u64; BUCKETS.len()],
    count: u64,
    sum: f64,
}

impl Histogram {
    fn observe(&mut self, seconds: f64) {
        if let Some(i) = BUCKETS.iter().position(|bound| seconds <= *bound) {
            self.counts[i] += 1;
        }
        self.count += 1;
        self.sum += seconds;
    }
}

#[derive(Debug, Default)]
struct Counts {
    /// By (route template, status class).
    requests: BTreeMap<(String, &'static str), u64>,
    latency: BTreeMap<String, Histogram>,
    submissions: BTreeMap<&'static str, u64>,
    items: BTreeMap<&'static str, u64>,
    rate_limited: BTreeMap<Limited, u64>,
}

/// The server's counters since it started.
#[derive(Debug, Default)]
pub(crate) struct Metrics {
    counts: Mutex<Counts>,
}

fn status_class(status: StatusCode) -> &'static str {
    match status.as_u16() {
        100..=199 => "1xx",
        200..=299 => "2xx",
        300..=399 => "3xx",
        400..=499 => "4xx",
        _ => "5xx",
    }
}

impl Metrics {
    fn with(&self, f: impl FnOnce(&mut Counts)) {
        // A poisoned lock only means a panic elsewhere mid-count: the counts are still usable.
        let mut counts = self.counts.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        f(&mut counts);
    }

    pub(crate) fn request(&self, route: &str, status: StatusCode, took: Duration) {
        self.with(|c| {
            *c.requests.entry((route.to_owned(), status_class(status))).or_default() += 1;
            c.latency.entry(route.to_owned()).or_default().observe(took.as_secs_f64());
        });
    }

    pub(crate) fn submission(&self, outcome: &'static str) {
        self.with(|c| *c.submissions.entry(outcome).or_default() += 1);
    }

    pub(crate) fn items(&self, results: &[&'static str]) {
        self.with(|c| {
            for result in results {
                *c.items.entry(result).or_default() += 1;
            }
        });
    }

    pub(crate) fn rate_limited(&self, limit: Limited) {
        self.with(|c| *c.rate_limited.entry(limit).or_default() += 1);
    }

    /// The text exposition (format 0.0.4). `release` is what the storage answered: the
    /// latest release, or an error (then `jst_storage_up 0` and no release gauges).
    pub(crate) fn render(
        &self,
        release: &crate::Result<Option<ReleaseStatus>>,
        now: time::OffsetDateTime,
    ) -> String {
        let counts = self.counts.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut out = String::new();
        family(
            &mut out,
            "jst_http_requests_total",
            "counter",
            "Żądania HTTP według szablonu trasy i klasy statusu.",
        );
        for ((route, class), n) in &counts.requests {
            sample(&mut out, "jst_http_requests_total", &[("route", route), ("status", class)], *n);
        }
        family(
            &mut out,
            "jst_http_request_duration_seconds",
            "histogram",
            "Czas obsługi żądania do nagłówków odpowiedzi, w sekundach.",
        );
        for (route, h) in &counts.latency {
            let mut cumulative = 0;
            for (bound, n) in BUCKETS.iter().zip(h.counts) {
                cumulative += n;
                let le = bound.to_string();
                sample(
                    &mut out,
                    "jst_http_request_duration_seconds_bucket",
                    &[("route", route), ("le", &le)],
                    cumulative,
                );
            }
            let name = "jst_http_request_duration_seconds";
            sample(
                &mut out,
                &format!("{name}_bucket"),
                &[("route", route), ("le", "+Inf")],
                h.count,
            );
            sample(&mut out, &format!("{name}_sum"), &[("route", route)], h.sum);
            sample(&mut out, &format!("{name}_count"), &[("route", route)], h.count);
        }
        family(
            &mut out,
            "jst_submissions_total",
            "counter",
            "Zgłoszenia POST /v1/submissions według wyniku (stored, replayed albo kod odmowy).",
        );
        let mut submissions = counts.submissions.clone();
        for known in ["stored", "replayed"] {
            submissions.entry(known).or_default();
        }
        for (outcome, n) in &submissions {
            sample(&mut out, "jst_submissions_total", &[("outcome", outcome)], *n);
        }
        family(
            &mut out,
            "jst_submission_items_total",
            "counter",
            "Pozycje przyjętych zgłoszeń według wyniku.",
        );
        for result in ITEM_RESULTS {
            let n = counts.items.get(result).copied().unwrap_or_default();
            sample(&mut out, "jst_submission_items_total", &[("result", result)], n);
        }
        family(
            &mut out,
            "jst_rate_limited_total",
            "counter",
            "Żądania odrzucone przez limit (token: token jednostki, address: nieudane uwierzytelnienia z adresu).",
        );
        for limit in [Limited::Token, Limited::Address] {
            let n = counts.rate_limited.get(&limit).copied().unwrap_or_default();
            sample(&mut out, "jst_rate_limited_total", &[("limit", limit.code())], n);
        }
        drop(counts);
        family(&mut out, "jst_storage_up", "gauge", "1, gdy baza serwera odpowiada.");
        sample(&mut out, "jst_storage_up", &[], u64::from(release.is_ok()));
        if let Ok(Some(release)) = release {
            family(&mut out, "jst_release_version", "gauge", "Numer najnowszego wydania.");
            sample(&mut out, "jst_release_version", &[], release.version);
            if let Some(age) = age_seconds(&release.issued_at, now) {
                family(
                    &mut out,
                    "jst_release_age_seconds",
                    "gauge",
                    "Wiek najnowszego wydania w sekundach.",
                );
                sample(&mut out, "jst_release_age_seconds", &[], age);
            }
        }
        out
    }
}

/// Seconds from `issued_at` (RFC 3339) to `now`, never negative.
fn age_seconds(issued_at: &str, now: time::OffsetDateTime) -> Option<u64> {
    let issued =
        time::OffsetDateTime::parse(issued_at, &time::format_description::well_known::Rfc3339)
            .ok()?;
    Some(u64::try_from((now - issued).whole_seconds()).unwrap_or(0))
}

fn family(out: &mut String, name: &str, kind: &str, help: &str) {
    let help = help.replace('\\', "\\\\").replace('\n', "\\n");
    let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} {kind}");
}

fn sample(out: &mut String, name: &str, labels: &[(&str, &str)], value: impl std::fmt::Display) {
    out.push_str(name);
    if !labels.is_empty() {
        out.push('{');
        for (i, (key, value)) in labels.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let value = value.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
            let _ = write!(out, "{key}=\"{value}\"");
        }
        out.push('}');
    }
    let _ = writeln!(out, " {value}");
}

/// The latest release, asked on a blocking thread (PostgreSQL's pool blocks).
async fn release_status(api: &Api) -> crate::Result<Option<jst_server_store::ReleaseStatus>> {
    let api = api.clone();
    tokio::task::spawn_blocking(move || Ok(api.storage.lease()?.release_status()?))
        .await
        .unwrap_or_else(|e| Err(crate::Error::Missing(format!("zadanie przerwane: {e}"))))
}

/// `GET /v1/health`: 200 when the storage answers (with the latest release and its age), 503
/// `storage_unavailable` when it does not. No token, never cached.
pub(crate) async fn health(State(api): State<Api>) -> Response {
    let status = release_status(&api).await;
    let mut response = match status {
        Ok(release) => {
            let release = release.map(|r| {
                serde_json::json!({
                    "version": r.version,
                    "age_seconds": age_seconds(&r.issued_at, crate::now()),
                })
            });
            Json(serde_json::json!({"status": "ok", "storage": "ok", "release": release}))
                .into_response()
        }
        Err(e) => {
            tracing::error!(error = %e, "baza serwera nie odpowiada");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(serde_json::json!({
                    "status": "unavailable", "storage": "error", "code": "storage_unavailable",
                })),
            )
                .into_response()
        }
    };
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// `GET /metrics` of the metrics listener.
pub(crate) async fn metrics(State(api): State<Api>) -> Response {
    let release = release_status(&api).await;
    let text = api.metrics.render(&release, crate::now());
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        text,
    )
        .into_response()
}

/// Counts every request by its route template and status class, with its latency.
pub(crate) async fn observe(State(api): State<Api>, request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(MatchedPath::as_str)
        .filter(|p| !p.contains("__private__"))
        .unwrap_or(STATIC_ROUTE)
        .to_owned();
    let started = Instant::now();
    let response = next.run(request).await;
    api.metrics.request(&route, response.status(), started.elapsed());
    response
}

/// A request's id, as its span and its answer carry it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RequestId(pub String);

/// Longest `X-Request-Id` taken from a client (a proxy's ids are 32–36 characters). A unit
/// token is 68, so a client that puts its token there gets a new id instead of a logged token.
const MAX_REQUEST_ID: usize = 64;

/// `X-Request-Id` as sent when it is a sane token: 1–64 of `[A-Za-z0-9-_]`.
fn sane_request_id(value: &str) -> bool {
    (1..=MAX_REQUEST_ID).contains(&value.len())
        && value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn new_request_id() -> String {
    let mut raw = [0u8; 16];
    OsRng.fill_bytes(&mut raw);
    hex::encode(raw)
}

/// Takes the client's (or nginx's) `X-Request-Id` when it is sane, else makes one; the span
/// of the request logs it and the answer echoes it.
pub(crate) async fn request_id(mut request: Request, next: Next) -> Response {
    let id = request
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .filter(|v| sane_request_id(v))
        .map_or_else(new_request_id, str::to_owned);
    request.extensions_mut().insert(RequestId(id.clone()));
    let mut response = next.run(request).await;
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert("x-request-id", value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every line of `text` is a comment or a sample as the text format 0.0.4 defines it;
    /// returns the samples as (name with labels, value).
    fn parse_exposition(text: &str) -> Vec<(String, f64)> {
        let mut samples = Vec::new();
        let mut typed = std::collections::HashSet::new();
        assert!(text.ends_with('\n'), "the last line ends with a line feed");
        for line in text.lines() {
            if let Some(rest) = line.strip_prefix("# ") {
                let mut parts = rest.splitn(3, ' ');
                let (kind, name) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
                assert!(kind == "HELP" || kind == "TYPE", "{line}");
                if kind == "TYPE" {
                    let t = parts.next().unwrap_or("");
                    assert!(["counter", "gauge", "histogram"].contains(&t), "{line}");
                    assert!(typed.insert(name.to_owned()), "TYPE of {name} once: {line}");
                }
                continue;
            }
            let (series, value) = line.rsplit_once(' ').expect("name and value");
            let name = series.split('{').next().unwrap_or("");
            assert!(
                !name.is_empty()
                    && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b':')
                    && !name.as_bytes()[0].is_ascii_digit(),
                "metric name: {line}"
            );
            let family = ["_bucket", "_sum", "_count"]
                .iter()
                .find_map(|s| name.strip_suffix(s).filter(|f| typed.contains(*f)))
                .unwrap_or(name);
            assert!(typed.contains(family), "a sample after its TYPE: {line}");
            if let Some(labels) = series.strip_prefix(name) {
                if !labels.is_empty() {
                    let inner = labels
                        .strip_prefix('{')
                        .and_then(|l| l.strip_suffix('}'))
                        .expect("labels in braces");
                    for pair in inner.split("\",") {
                        let (key, value) = pair.split_once("=\"").expect("key=\"value\"");
                        assert!(key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'));
                        assert!(
                            !value.trim_end_matches('"').contains('"') || value.contains("\\\"")
                        );
                    }
                }
            }
            let value: f64 = match value {
                "+Inf" => f64::INFINITY,
                "-Inf" => f64::NEG_INFINITY,
                v => v.parse().unwrap_or_else(|_| panic!("a number: {line}")),
            };
            samples.push((series.to_owned(), value));
        }
        samples
    }

    #[test]
    fn the_exposition_follows_the_text_format_with_cumulative_buckets() {
        let metrics = Metrics::default();
        metrics.request("/v1/submissions", StatusCode::OK, Duration::from_millis(3));
        metrics.request("/v1/submissions", StatusCode::OK, Duration::from_millis(30));
        metrics.request("/v1/submissions", StatusCode::TOO_MANY_REQUESTS, Duration::from_secs(20));
        metrics.request(STATIC_ROUTE, StatusCode::PARTIAL_CONTENT, Duration::from_millis(1));
        metrics.submission("stored");
        metrics.submission("rate_limited");
        metrics.items(&["imported", "imported", "conflict"]);
        metrics.rate_limited(Limited::Token);
        let now = time::macros::datetime!(2026-11-23 00:00:00 UTC);
        let release =
            Ok(Some(ReleaseStatus { version: 7, issued_at: "2026-11-22T00:00:00Z".to_owned() }));
        let text = metrics.render(&release, now);
        let samples: BTreeMap<String, f64> = parse_exposition(&text).into_iter().collect();
        let get = |key: &str| samples.get(key).copied().unwrap_or_else(|| panic!("{key}: {text}"));
        assert_eq!(get(r#"jst_http_requests_total{route="/v1/submissions",status="2xx"}"#), 2.0);
        assert_eq!(get(r#"jst_http_requests_total{route="/v1/submissions",status="4xx"}"#), 1.0);
        assert_eq!(get(r#"jst_http_requests_total{route="static",status="2xx"}"#), 1.0);
        let bucket = |le: &str| {
            get(&format!(
                r#"jst_http_request_duration_seconds_bucket{{route="/v1/submissions",le="{le}"}}"#
            ))
        };
        assert_eq!(
            [bucket("0.005"), bucket("0.025"), bucket("0.05"), bucket("10"), bucket("+Inf")],
            [1.0, 1.0, 2.0, 2.0, 3.0],
            "cumulative, the 20 s request only in +Inf"
        );
        assert_eq!(get(r#"jst_http_request_duration_seconds_count{route="/v1/submissions"}"#), 3.0);
        let sum = get(r#"jst_http_request_duration_seconds_sum{route="/v1/submissions"}"#);
        assert!((sum - 20.033).abs() < 1e-9, "{sum}");
        assert_eq!(get(r#"jst_submissions_total{outcome="stored"}"#), 1.0);
        assert_eq!(get(r#"jst_submissions_total{outcome="replayed"}"#), 0.0);
        assert_eq!(get(r#"jst_submissions_total{outcome="rate_limited"}"#), 1.0);
        assert_eq!(get(r#"jst_submission_items_total{result="imported"}"#), 2.0);
        assert_eq!(get(r#"jst_submission_items_total{result="period_closed"}"#), 0.0);
        assert_eq!(get(r#"jst_rate_limited_total{limit="token"}"#), 1.0);
        assert_eq!(get(r#"jst_rate_limited_total{limit="address"}"#), 0.0);
        assert_eq!(get("jst_storage_up"), 1.0);
        assert_eq!(get("jst_release_version"), 7.0);
        assert_eq!(get("jst_release_age_seconds"), 86_400.0);

        let down = metrics.render(&Err(crate::Error::Missing("x".into())), now);
        let samples: BTreeMap<String, f64> = parse_exposition(&down).into_iter().collect();
        assert_eq!(samples.get("jst_storage_up"), Some(&0.0));
        assert!(!samples.contains_key("jst_release_version"));
    }

    #[test]
    fn label_values_are_escaped() {
        let mut out = String::new();
        family(&mut out, "x_total", "counter", "a\\b\nc");
        sample(&mut out, "x_total", &[("route", "a\"b\\c\nd")], 1);
        assert_eq!(
            out,
            "# HELP x_total a\\\\b\\nc\n# TYPE x_total counter\nx_total{route=\"a\\\"b\\\\c\\nd\"} 1\n"
        );
    }

    #[test]
    fn request_ids_are_taken_only_when_sane() {
        assert!(sane_request_id("abc-DEF_123"));
        assert!(sane_request_id(&"a".repeat(64)));
        assert!(!sane_request_id(&"a".repeat(65)));
        assert!(!sane_request_id(""));
        assert!(!sane_request_id("a b"));
        assert!(!sane_request_id("a\"b"));
        assert!(!sane_request_id(&format!("jst_{}", "ab".repeat(32))), "a token is too long");
        let id = new_request_id();
        assert!(sane_request_id(&id) && id.len() == 32, "{id}");
        assert_ne!(new_request_id(), id);
    }
}
