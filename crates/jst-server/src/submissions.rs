//! `POST /v1/submissions` and `GET /v1/submissions/{id}` (DESIGN §7): a member unit's values,
//! authenticated by its token (the unit is known only from the token, never from the body),
//! idempotent by `Idempotency-Key`, rate-limited per token, answered item by item.

// An early HTTP answer travels as the `Err` of a helper; it is built once per request, so its
// size does not matter.
#![allow(clippy::result_large_err)]

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::storage::{ItemOutcome, SubmissionKey, SubmittedItem};
use crate::tokens::token_hash;
use crate::{now, rfc3339, SqliteStorage, Storage};

/// Requests per token per minute before `429 rate_limited`.
pub const REQUESTS_PER_MINUTE: u32 = 60;
const MAX_ITEMS: usize = 10_000;

#[derive(Clone)]
pub struct Api {
    pub storage: Arc<Mutex<SqliteStorage>>,
    limits: Arc<Mutex<HashMap<String, (Instant, u32)>>>,
}

impl Api {
    pub fn new(storage: SqliteStorage) -> Self {
        Self {
            storage: Arc::new(Mutex::new(storage)),
            limits: Arc::new(Mutex::new(HashMap::new())),
        }
    }
}

fn error(status: StatusCode, code: &str, message: &str) -> Response {
    (status, Json(serde_json::json!({"code": code, "message": message}))).into_response()
}

fn internal(e: impl std::fmt::Display) -> Response {
    tracing::error!(error = %e, "błąd obsługi zgłoszenia");
    error(StatusCode::INTERNAL_SERVER_ERROR, "internal", "błąd serwera; spróbuj później")
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Body {
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

/// The unit behind the bearer token, after the rate limit: (token id, TERYT, token hash).
fn authenticate(api: &Api, headers: &HeaderMap) -> Result<(i64, String), Response> {
    let token = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| {
            error(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "brak tokenu jednostki (Authorization: Bearer …)",
            )
        })?;
    let hash = token_hash(token);
    {
        let mut limits = api.limits.lock().map_err(internal)?;
        let entry = limits.entry(hash.clone()).or_insert((Instant::now(), 0));
        if entry.0.elapsed() > Duration::from_secs(60) {
            *entry = (Instant::now(), 0);
        }
        entry.1 += 1;
        if entry.1 > REQUESTS_PER_MINUTE {
            return Err(error(
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                "za dużo zgłoszeń; spróbuj za minutę",
            ));
        }
    }
    let storage = api.storage.lock().map_err(internal)?;
    storage.token_unit(&hash).map_err(internal)?.ok_or_else(|| {
        error(StatusCode::UNAUTHORIZED, "unauthorized", "token jest nieznany albo unieważniony")
    })
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

pub async fn submit(State(api): State<Api>, headers: HeaderMap, body: Bytes) -> Response {
    let (token_id, teryt) = match authenticate(&api, &headers) {
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
    let parsed: Body = match serde_json::from_slice(&body) {
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
        let mut storage = api.storage.lock().map_err(internal)?;
        if let Some((owner, sha, response)) = storage.submission(&key).map_err(internal)? {
            return if owner == teryt && sha == body_sha256 {
                Ok(stored(response))
            } else {
                Err(error(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "idempotency_conflict",
                    "to submission_id ma już inną treść; nowe zgłoszenie potrzebuje nowego id",
                ))
            };
        }
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
        let submission = SubmissionKey { id: key.clone(), token_id, teryt, body_sha256 };
        let response = storage
            .apply_submission(&submission, &items, &rfc3339(now()), &|outcomes| {
                respond(&key, &parsed.items, outcomes)
            })
            .map_err(internal)?;
        Ok(stored(response))
    })
    .await;
    match task {
        Ok(Ok(r) | Err(r)) => r,
        Err(e) => internal(e),
    }
}

pub async fn get_submission(
    State(api): State<Api>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let (_, teryt) = match authenticate(&api, &headers) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let storage = match api.storage.lock() {
        Ok(s) => s,
        Err(e) => return internal(e),
    };
    match storage.submission(&id) {
        Ok(Some((owner, _, response))) if owner == teryt => stored(response),
        Ok(_) => {
            error(StatusCode::NOT_FOUND, "not_found", "nie ma takiego zgłoszenia tej jednostki")
        }
        Err(e) => internal(e),
    }
}
