//! The experience-exchange groups over the API, for the unit behind the token:
//! `GET /v1/groups` (the caller's groups and their members by name) and
//! `GET /v1/groups/{id}/values?year=Y` (every current member's values of the group's
//! indicators, by name, with an ETag). A unit that is no member gets `403 not_a_member`, the
//! same for a group that does not exist, so ids cannot be probed. Answers are `private` to
//! caches; logs name the caller and the group, never a token or a value.

// As in `submissions`: an early HTTP answer travels as the `Err` of a helper, once per request.
#![allow(clippy::result_large_err)]

use axum::extract::{Path, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::gwd::UnitNames;
use crate::submissions::{authorized, client_ip, error, internal, storage_failed, Api};
use crate::Storage;
use jst_server_store::{GwdGroup, GwdSource};

#[derive(Serialize)]
struct GroupView {
    id: i64,
    name: String,
    area: String,
    indicators: Vec<String>,
    members: Vec<MemberView>,
}

#[derive(Serialize)]
struct MemberView {
    teryt: String,
    name: String,
}

#[derive(Serialize)]
struct ValuesView {
    group: GroupRef,
    values: Vec<ValueView>,
}

#[derive(Serialize)]
struct GroupRef {
    id: i64,
    name: String,
}

#[derive(Serialize)]
struct ValueView {
    teryt: String,
    name: String,
    indicator: String,
    year: i32,
    value: f64,
    source: GwdSource,
}

fn view(group: GwdGroup, names: &UnitNames) -> GroupView {
    GroupView {
        id: group.id,
        name: group.name,
        area: group.area,
        indicators: group.indicators,
        members: group
            .members
            .into_iter()
            .map(|m| MemberView { name: names.name(&m.teryt), teryt: m.teryt })
            .collect(),
    }
}

/// The ETag of a body: its SHA-256, quoted (a strong validator: same bytes, same tag).
fn etag(body: &[u8]) -> String {
    format!("\"{}\"", &hex::encode(Sha256::digest(body))[..32])
}

fn matches(headers: &HeaderMap, tag: &str) -> bool {
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|t| t.trim().trim_start_matches("W/"))
        .any(|t| t == tag || t == "*")
}

/// `200` with the JSON body and its ETag, or `304` without a body when the client has it.
fn conditional(headers: &HeaderMap, body: Vec<u8>) -> Response {
    let tag = etag(&body);
    let mut response = if matches(headers, &tag) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        (StatusCode::OK, [(header::CONTENT_TYPE, "application/json")], body).into_response()
    };
    let headers = response.headers_mut();
    if let Ok(tag) = HeaderValue::from_str(&tag) {
        headers.insert(header::ETAG, tag);
    }
    // Named values of consenting members: no shared cache may keep them.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-cache"));
    response
}

/// Runs `work` on a blocking thread with a leased storage.
async fn with_storage(
    api: Api,
    work: impl FnOnce(&dyn Storage) -> Result<Response, Response> + Send + 'static,
) -> Response {
    let task = tokio::task::spawn_blocking(move || {
        let storage = api.lease()?;
        work(&*storage)
    })
    .await;
    match task {
        Ok(Ok(r) | Err(r)) => r,
        Err(e) => internal(e),
    }
}

pub async fn groups(State(api): State<Api>, request: Request) -> Response {
    let (_, teryt) = match authorized(&api, client_ip(&request), request.headers()).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let headers = request.headers().clone();
    with_storage(api, move |storage| {
        let groups = storage.gwd_groups_of(&teryt).map_err(storage_failed)?;
        let names = UnitNames::of(storage).map_err(storage_failed)?;
        let views: Vec<GroupView> = groups.into_iter().map(|g| view(g, &names)).collect();
        tracing::info!(unit = %teryt, groups = views.len(), "grupy jednostki");
        let body = serde_json::to_vec(&views).map_err(internal)?;
        Ok(conditional(&headers, body))
    })
    .await
}

/// The `year` of the query string: one, within 1990–2100.
fn year_of(query: Option<&str>) -> Result<i32, Response> {
    let years: Vec<&str> = query
        .unwrap_or_default()
        .split('&')
        .filter_map(|pair| pair.strip_prefix("year="))
        .collect();
    match years.as_slice() {
        [one] => one.parse().ok().filter(|y| (1990..=2100).contains(y)).ok_or_else(|| {
            error(StatusCode::BAD_REQUEST, "invalid_year", "rok (year) musi być liczbą 1990–2100")
        }),
        _ => Err(error(
            StatusCode::BAD_REQUEST,
            "invalid_year",
            "podaj jeden rok: /v1/groups/{id}/values?year=RRRR",
        )),
    }
}

pub async fn values(State(api): State<Api>, Path(id): Path<String>, request: Request) -> Response {
    let (_, teryt) = match authorized(&api, client_ip(&request), request.headers()).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let year = match year_of(request.uri().query()) {
        Ok(year) => year,
        Err(response) => return response,
    };
    let headers = request.headers().clone();
    with_storage(api, move |storage| {
        let wanted = id.parse::<i64>().ok();
        let group = storage
            .gwd_groups_of(&teryt)
            .map_err(storage_failed)?
            .into_iter()
            .find(|g| Some(g.id) == wanted);
        let Some(group) = group else {
            // The path is the client's: logged only when it is a plain number.
            tracing::warn!(unit = %teryt, group = ?wanted, "odmowa: jednostka spoza grupy");
            return Err(error(
                StatusCode::FORBIDDEN,
                "not_a_member",
                "jednostka nie należy do tej grupy wymiany doświadczeń",
            ));
        };
        let names = UnitNames::of(storage).map_err(storage_failed)?;
        let values: Vec<ValueView> = storage
            .gwd_values(&group, year)
            .map_err(storage_failed)?
            .into_iter()
            .map(|v| ValueView {
                name: names.name(&v.teryt),
                teryt: v.teryt,
                indicator: v.indicator,
                year,
                value: v.value,
                source: v.source,
            })
            .collect();
        tracing::info!(
            unit = %teryt, group = group.id, year, values = values.len(), "wartości grupy"
        );
        let view = ValuesView { group: GroupRef { id: group.id, name: group.name }, values };
        let body = serde_json::to_vec(&view).map_err(internal)?;
        Ok(conditional(&headers, body))
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_none_match_takes_lists_weak_tags_and_a_star() {
        let tag = etag(b"{}");
        let with = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::IF_NONE_MATCH, HeaderValue::from_str(value).expect("header"));
            headers
        };
        assert!(matches(&with(&tag), &tag));
        assert!(matches(&with(&format!("\"x\", W/{tag}")), &tag));
        assert!(matches(&with("*"), &tag));
        assert!(!matches(&with("\"x\""), &tag));
        assert!(!matches(&HeaderMap::new(), &tag));
    }

    #[test]
    fn a_year_is_one_number_of_the_range() {
        assert_eq!(year_of(Some("year=2024")).ok(), Some(2024));
        assert_eq!(year_of(Some("a=1&year=2023")).ok(), Some(2023));
        for bad in [None, Some(""), Some("year=abc"), Some("year=1700"), Some("year=1&year=2")] {
            let refused = year_of(bad).expect_err("refused");
            assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
        }
    }
}
