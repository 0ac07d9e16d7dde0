//! `POST /v1/practices`: a unit proposes a good practice with its token (the unit is the
//! token's, as for submissions). The practice is checked like an imported one and stored as
//! proposed: nobody sees it until the association publishes it. Attachments are not taken
//! over the API (the association adds them when it reviews the proposal); a body over the
//! API's limit is `413`. Logs name the unit and the new id, never the token or the text.

#![allow(clippy::result_large_err)]

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;

use crate::practices::{check, parse_one, Context};
use crate::submissions::{authorized, client_ip, error, internal, read_body, storage_failed, Api};
use crate::{now, rfc3339, Error, MAX_BODY_BYTES};
use jst_server_store::PracticeStatus;

pub async fn propose(State(api): State<Api>, request: Request) -> Response {
    let deadline = tokio::time::Instant::now() + api.body_read_timeout();
    let ip = client_ip(&request);
    let (parts, body) = request.into_parts();
    let (_, teryt) = match authorized(&api, ip, &parts.headers).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let body = match read_body(body, MAX_BODY_BYTES, deadline, api.body_read_timeout()).await {
        Ok(body) => body,
        Err(response) => return response,
    };
    let input = match parse_one(&body) {
        Ok(input) => input,
        Err(e) => return error(StatusCode::BAD_REQUEST, "invalid_body", &e.to_string()),
    };
    if jst_domain::Teryt::parse(input.teryt.trim()).map(|t| t.as_str().to_owned()).ok()
        != Some(teryt.clone())
    {
        return error(
            StatusCode::FORBIDDEN,
            "wrong_unit",
            "jednostka proponuje tylko własne praktyki: teryt musi być jednostką tokenu",
        );
    }
    if input.starter {
        return error(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_practice",
            "pole starter oznacza bazę startową stowarzyszenia; jednostka go nie ustawia",
        );
    }
    let task = tokio::task::spawn_blocking(move || {
        let mut storage = api.lease()?;
        let at = rfc3339(now());
        let context = Context::of(&*storage, &at).map_err(storage_failed)?;
        let checked = check(&input, &context, "praktyka", 1, None).map_err(|e| match e {
            Error::Invalid(message) | Error::Missing(message) => {
                error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_practice", &message)
            }
            other => internal(other),
        })?;
        let ids = storage
            .save_practices(&[checked], PracticeStatus::Proposed, Some(&teryt), &at)
            .map_err(storage_failed)?;
        let id = ids.first().copied().unwrap_or_default();
        tracing::info!(unit = %teryt, practice = id, "propozycja dobrej praktyki");
        Ok::<_, Response>(
            (StatusCode::CREATED, Json(serde_json::json!({"id": id, "status": "proposed"})))
                .into_response(),
        )
    })
    .await;
    match task {
        Ok(Ok(r) | Err(r)) => r,
        Err(e) => internal(e),
    }
}
