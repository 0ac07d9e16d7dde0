//! `POST /v1/submissions` and `GET /v1/submissions/{id}` (DESIGN §7): a member unit's values,
//! authenticated by its token (the unit is known only from the token, never from the body),
//! idempotent by `Idempotency-Key`, rate-limited per verified token (and refused
//! authentications per address), answered item by item. Refusals are JSON `{code, message}`:
//! English snake_case codes for programs, Polish messages for people.

// An early HTTP answer travels as the `Err` of a helper; it is built once per request, so its
// size does not matter.
#![allow(clippy::result_large_err)]

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes, HttpBody};
use axum::extract::{ConnectInfo, Path, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::ops::{Limited, Metrics, Outcome};
use crate::rate_limit::{Limiter, RateLimits};
use crate::tokens::token_hash;
use crate::{now, rfc3339, MAX_BODY_BYTES};
use jst_server_store::{Applied, ItemOutcome, SubmissionKey, SubmittedItem};
use jst_server_store::{Database, Lease};

const MAX_ITEMS: usize = 10_000;
/// Longest `client_version` and `catalogue_version`: they go into the log line of every
/// submission (a version is ~10 characters, a catalogue hash 12).
const MAX_VERSION_CHARS: usize = 64;

#[derive(Clone)]
pub struct Api {
    pub storage: Arc<Database>,
    limiter: Arc<Mutex<Limiter>>,
    body_read_timeout: Duration,
    pub(crate) metrics: Arc<Metrics>,
}

impl Api {
    pub fn new(storage: Database, rate: &RateLimits, body_read_timeout: Duration) -> Self {
        Self {
            storage: Arc::new(storage),
            limiter: Arc::new(Mutex::new(Limiter::new(rate))),
            body_read_timeout,
            metrics: Arc::new(Metrics::default()),
        }
    }

    pub(crate) fn body_read_timeout(&self) -> Duration {
        self.body_read_timeout
    }

    /// A storage for this request; call it on a blocking thread (PostgreSQL's pool blocks).
    pub(crate) fn lease(&self) -> Result<Lease<'_>, Response> {
        self.storage.lease().map_err(storage_failed)
    }
}

/// A refusal `{code, message}`; the code also goes to the metrics ([`Outcome`]).
pub(crate) fn error(status: StatusCode, code: &'static str, message: &str) -> Response {
    let mut response =
        (status, Json(serde_json::json!({"code": code, "message": message}))).into_response();
    response.extensions_mut().insert(Outcome(code));
    response
}

pub(crate) fn internal(e: impl std::fmt::Display) -> Response {
    tracing::error!(error = %e, "błąd obsługi zgłoszenia");
    error(StatusCode::INTERNAL_SERVER_ERROR, "internal", "błąd serwera; spróbuj później")
}

/// A storage that failed: 503 `storage_unavailable` (with Retry-After) when the database
/// cannot be reached, so a client retries instead of waiting; 500 otherwise.
pub(crate) fn storage_failed(e: impl Into<crate::Error>) -> Response {
    match e.into() {
        crate::Error::Store(jst_server_store::Error::Unavailable(why)) => {
            tracing::warn!(error = %why, "baza serwera niedostępna");
            let mut response = error(
                StatusCode::SERVICE_UNAVAILABLE,
                "storage_unavailable",
                "baza serwera jest chwilowo niedostępna; spróbuj za chwilę",
            );
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
            response
        }
        other => internal(other),
    }
}

/// [`authenticate`] on a blocking thread, as every use of the storage from a handler.
pub(crate) async fn authorized(
    api: &Api,
    ip: IpAddr,
    headers: &HeaderMap,
) -> Result<(i64, String), Response> {
    let (api, headers) = (api.clone(), headers.clone());
    tokio::task::spawn_blocking(move || authenticate(&api, ip, &headers))
        .await
        .unwrap_or_else(|e| Err(internal(e)))
}

/// `429 rate_limited` with `Retry-After` in whole seconds (at least 1).
fn too_many(wait: Duration) -> Response {
    let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    let seconds = seconds.max(1);
    let mut response = error(
        StatusCode::TOO_MANY_REQUESTS,
        "rate_limited",
        &format!("za dużo zgłoszeń; spróbuj ponownie za {seconds} s"),
    );
    response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    response
}

/// `413 payload_too_large`; the connection is closed (the rest of the body is not read).
pub(crate) fn payload_too_large() -> Response {
    let mut response = error(
        StatusCode::PAYLOAD_TOO_LARGE,
        "payload_too_large",
        &format!("treść żądania przekracza {} MiB", MAX_BODY_BYTES / (1024 * 1024)),
    );
    response.headers_mut().insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}

/// `408 request_timeout` (with the limit when it is known); the connection is closed.
pub(crate) fn request_timeout(limit: Option<Duration>) -> Response {
    let message = match limit {
        Some(limit) => {
            format!("treść żądania nie nadeszła w ciągu {} s; wyślij ją ponownie", limit.as_secs())
        }
        None => "żądanie nie nadeszło w wyznaczonym czasie; wyślij je ponownie".to_owned(),
    };
    let mut response = error(StatusCode::REQUEST_TIMEOUT, "request_timeout", &message);
    response.headers_mut().insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Submission {
    submission_id: String,
    client_version: String,
    catalogue_version: String,
    items: Vec<Item>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Item {
    indicator: String,
    year: i32,
    value: f64,
    status: Option<String>,
    base_server_rev: Option<i64>,
}

fn is_uuid(text: &str) -> bool {
    text.len() == 36
        && text.char_indices().all(|(i, c)| {
            if [8, 13, 18, 23].contains(&i) {
                c == '-'
            } else {
                c.is_ascii_hexdigit()
            }
        })
}

/// The peer's address as the accept loop recorded it (unspecified when the router runs
/// without one, e.g. in a test: all such requests then share one budget).
pub(crate) fn client_ip(request: &Request) -> IpAddr {
    request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |ConnectInfo(addr)| addr.ip())
}

/// The unit behind the bearer token: (token id, TERYT). The token is looked up first (a
/// SHA-256 and one indexed query), then a verified token counts against its own limit, and a
/// missing, unknown or revoked one against the address's limit of refusals, so random tokens
/// neither grow memory nor lock a unit out of its own address. The day a token was last used
/// is written at most once a day per token.
pub(crate) fn authenticate(
    api: &Api,
    ip: IpAddr,
    headers: &HeaderMap,
) -> Result<(i64, String), Response> {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let found = match token {
        None => None,
        Some(token) => {
            let mut storage = api.lease()?;
            let found = storage.token_unit(&token_hash(token)).map_err(storage_failed)?;
            if let Some(used) = &found {
                let today = rfc3339(now());
                let today = today.get(..10).unwrap_or(&today);
                if used.last_used_on.as_deref() != Some(today) {
                    if let Err(e) = storage.touch_token(used.id, today) {
                        tracing::warn!(error = %e, "nie zapisano dnia użycia tokenu");
                    }
                }
            }
            found
        }
    };
    let mut limiter = api.limiter.lock().map_err(internal)?;
    let limited = |limit: Limited| {
        move |wait: Duration| {
            api.metrics.rate_limited(limit);
            too_many(wait)
        }
    };
    match found {
        Some(used) => {
            limiter.verified(used.id, Instant::now()).map_err(limited(Limited::Token))?;
            Ok((used.id, used.unit))
        }
        None => {
            limiter.failed(ip, Instant::now()).map_err(limited(Limited::Address))?;
            Err(error(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                if token.is_none() {
                    "brak tokenu jednostki (Authorization: Bearer …)"
                } else {
                    "token jest nieznany albo unieważniony"
                },
            ))
        }
    }
}

/// The whole body, at most `limit` bytes, before `deadline`: else `413 payload_too_large`, or
/// `408 request_timeout` for a body that trickles in (a byte every few hundred milliseconds
/// would otherwise hold the connection for days).
pub(crate) async fn read_body(
    mut body: Body,
    limit: usize,
    deadline: tokio::time::Instant,
    timeout: Duration,
) -> Result<Bytes, Response> {
    let read = async {
        let mut out = Vec::new();
        while let Some(frame) = std::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await
        {
            let frame = frame.map_err(|_| {
                error(StatusCode::BAD_REQUEST, "invalid_body", "treść zgłoszenia nie nadeszła cała")
            })?;
            if let Ok(data) = frame.into_data() {
                if out.len() + data.len() > limit {
                    return Err(payload_too_large());
                }
                out.extend_from_slice(&data);
            }
        }
        Ok(Bytes::from(out))
    };
    tokio::time::timeout_at(deadline, read)
        .await
        .unwrap_or_else(|_| Err(request_timeout(Some(timeout))))
}

/// The limiter's keys held: (verified tokens, addresses).
#[cfg(test)]
fn tracked(api: &Api) -> (usize, usize) {
    api.limiter.lock().map(|l| l.tracked()).unwrap_or_default()
}

fn respond(id: &str, items: &[Item], outcomes: &[ItemOutcome]) -> String {
    let results: Vec<serde_json::Value> = items
        .iter()
        .zip(outcomes)
        .map(|(item, o)| {
            serde_json::json!({
                "indicator": item.indicator,
                "year": item.year,
                "result": o.result,
                "server_rev": o.server_rev,
                "server_value": o.server_value,
                "message": o.message,
            })
        })
        .collect();
    serde_json::json!({"submission_id": id, "results": results}).to_string()
}

fn stored(response: String) -> Response {
    (StatusCode::OK, [("content-type", "application/json")], response).into_response()
}

/// A stored answer, for the metrics told apart: `stored` now or `replayed` from before.
fn with_outcome(mut response: Response, outcome: &'static str) -> Response {
    response.extensions_mut().insert(Outcome(outcome));
    response
}

pub async fn submit(State(api): State<Api>, request: Request) -> Response {
    let metrics = api.metrics.clone();
    let response = submit_unmetered(api, request).await;
    metrics.submission(response.extensions().get::<Outcome>().map_or("other", |o| o.0));
    response
}

async fn submit_unmetered(api: Api, request: Request) -> Response {
    // The body's clock starts with the request: its head has been read whole by now.
    let deadline = tokio::time::Instant::now() + api.body_read_timeout;
    let ip = client_ip(&request);
    let (parts, body) = request.into_parts();
    let headers = parts.headers;
    let (token_id, teryt) = match authorized(&api, ip, &headers).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let Some(key) = headers.get("idempotency-key").and_then(|v| v.to_str().ok()).map(str::to_owned)
    else {
        return error(
            StatusCode::BAD_REQUEST,
            "missing_idempotency_key",
            "brak nagłówka Idempotency-Key",
        );
    };
    let body = match read_body(body, MAX_BODY_BYTES, deadline, api.body_read_timeout).await {
        Ok(body) => body,
        Err(response) => return response,
    };
    let parsed: Submission = match serde_json::from_slice(&body) {
        Ok(b) => b,
        Err(e) => {
            return error(
                StatusCode::BAD_REQUEST,
                "invalid_body",
                &format!("treść zgłoszenia: {e}"),
            )
        }
    };
    if parsed.submission_id != key || !is_uuid(&key) {
        return error(
            StatusCode::BAD_REQUEST,
            "idempotency_mismatch",
            "Idempotency-Key musi być UUID równym submission_id",
        );
    }
    if parsed.client_version.chars().count() > MAX_VERSION_CHARS
        || parsed.catalogue_version.chars().count() > MAX_VERSION_CHARS
    {
        return error(
            StatusCode::BAD_REQUEST,
            "invalid_body",
            &format!("client_version i catalogue_version mają najwyżej {MAX_VERSION_CHARS} znaków"),
        );
    }
    if parsed.items.is_empty() || parsed.items.len() > MAX_ITEMS {
        return error(
            StatusCode::BAD_REQUEST,
            "invalid_body",
            &format!("zgłoszenie musi mieć od 1 do {MAX_ITEMS} pozycji"),
        );
    }
    let body_sha256 = hex::encode(Sha256::digest(&body));
    tracing::info!(
        submission = %key, unit = %teryt, items = parsed.items.len(),
        client = %parsed.client_version, catalogue = %parsed.catalogue_version, "zgłoszenie"
    );
    let task = tokio::task::spawn_blocking(move || {
        let mut storage = api.lease()?;
        let replay = |owner: String, sha: String, response: String| {
            if owner == teryt && sha == body_sha256 {
                Ok(with_outcome(stored(response), "replayed"))
            } else {
                Err(error(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "idempotency_conflict",
                    "to submission_id ma już inną treść; nowe zgłoszenie potrzebuje nowego id",
                ))
            }
        };
        let items: Vec<SubmittedItem> = parsed
            .items
            .iter()
            .map(|i| SubmittedItem {
                indicator: i.indicator.clone(),
                year: i.year,
                value: i.value,
                status: i.status.clone(),
                base_server_rev: i.base_server_rev,
            })
            .collect();
        let submission = SubmissionKey {
            id: key.clone(),
            token_id,
            teryt: teryt.clone(),
            body_sha256: body_sha256.clone(),
        };
        let results = std::cell::RefCell::new(Vec::new());
        let response = storage
            .apply_submission(&submission, &items, &rfc3339(now()), &|outcomes| {
                *results.borrow_mut() = outcomes.iter().map(|o| o.result).collect();
                respond(&key, &parsed.items, outcomes)
            })
            .map_err(storage_failed)?;
        match response {
            Applied::Stored(response) => {
                api.metrics.items(&results.borrow());
                Ok(with_outcome(stored(response), "stored"))
            }
            // A submission with this key was stored before: a resend, or one that overtook it.
            Applied::Existing { teryt: owner, body_sha256: sha, response } => {
                replay(owner, sha, response)
            }
        }
    })
    .await;
    match task {
        Ok(Ok(r) | Err(r)) => r,
        Err(e) => internal(e),
    }
}

pub async fn get_submission(
    State(api): State<Api>,
    Path(id): Path<String>,
    request: Request,
) -> Response {
    let (_, teryt) = match authorized(&api, client_ip(&request), request.headers()).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let found = tokio::task::spawn_blocking(move || {
        let storage = api.lease()?;
        storage.submission(&id).map_err(storage_failed)
    })
    .await
    .unwrap_or_else(|e| Err(internal(e)));
    match found {
        Ok(Some((owner, _, response))) if owner == teryt => stored(response),
        Ok(_) => {
            error(StatusCode::NOT_FOUND, "not_found", "nie ma takiego zgłoszenia tej jednostki")
        }
        Err(response) => response,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jst_server_store::throwaway::TestDatabase;

    /// The API on a database of the engine under test (kept alive by the caller), with a
    /// token of one unit.
    fn api(dir: &std::path::Path, rate: &RateLimits) -> (Api, String, TestDatabase) {
        let db = TestDatabase::new(dir);
        let mut storage = db.storage().expect("storage");
        let token = crate::issue_token(&mut *storage, "1219053", "2026-11-22T00:00:00Z")
            .expect("token")
            .token;
        drop(storage);
        (Api::new(db.open().expect("open"), rate, Duration::from_secs(30)), token, db)
    }

    fn bearer(token: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        let value = HeaderValue::from_str(&format!("Bearer {token}")).expect("header");
        headers.insert(header::AUTHORIZATION, value);
        headers
    }

    /// 100 000 random tokens (from one address, then from 100 000 addresses) leave the limiter
    /// with a bounded number of keys; before, each token was kept for good (~15 MB here, 90 MB
    /// for 300 000).
    #[test]
    fn a_hundred_thousand_random_tokens_keep_the_limiter_bounded() {
        let dir = tempfile::tempdir().expect("tempdir");
        let rate = RateLimits { addresses: 1_000, ..RateLimits::default() };
        let (api, token, _db) = api(dir.path(), &rate);
        let one = IpAddr::V4(Ipv4Addr::new(203, 0, 113, 7));
        let mut limited = 0;
        for n in 0..100_000u64 {
            let random = format!("jst_{:016x}{:048x}", n.wrapping_mul(0x9e37_79b9_7f4a_7c15), n);
            let ip = if n < 50_000 { one } else { IpAddr::V4(Ipv4Addr::from(n as u32)) };
            let refused = authenticate(&api, ip, &bearer(&random)).expect_err("unknown token");
            limited += usize::from(refused.status() == StatusCode::TOO_MANY_REQUESTS);
        }
        let (tokens, addresses) = tracked(&api);
        assert_eq!(tokens, 0, "unverified tokens are never keys");
        assert!(addresses <= rate.addresses, "{addresses} addresses tracked");
        assert!(limited >= 50_000 - 30, "the one address was limited after 30: {limited}");
        // The unit's own token still passes, from the flooding address too.
        assert!(authenticate(&api, one, &bearer(&token)).is_ok());
        assert_eq!(tracked(&api).0, 1);
    }

    #[test]
    fn a_verified_token_is_limited_with_retry_after() {
        let dir = tempfile::tempdir().expect("tempdir");
        let rate = RateLimits { per_token: 3, ..RateLimits::default() };
        let (api, token, _db) = api(dir.path(), &rate);
        let ip = IpAddr::V4(Ipv4Addr::LOCALHOST);
        for _ in 0..3 {
            assert!(authenticate(&api, ip, &bearer(&token)).is_ok());
        }
        let refused = authenticate(&api, ip, &bearer(&token)).expect_err("limited");
        assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
        let retry = refused.headers().get(header::RETRY_AFTER).and_then(|v| v.to_str().ok());
        assert!(retry.is_some_and(|s| s.parse::<u64>().is_ok_and(|s| (1..=60).contains(&s))));
    }
}
