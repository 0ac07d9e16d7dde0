//! Proposing a good practice (`POST /v1/practices`): the practice as JSON with the unit token
//! as a bearer; the server stores it as proposed and answers its number. The refusals the
//! officer can act on are told apart (the token, another unit, the practice itself, with the
//! server's own Polish reason); a 5xx, a timeout or no network is being offline. The request
//! and its answer end by [`Limits::small_request`]; an answer beyond
//! [`Limits::max_answer_bytes`] is refused unread.

use serde::Deserialize;

use crate::http::{self, Timing};
use crate::{Error, Limits, RejectionCode};

/// The server's answer to a proposal it stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposalAnswer {
    /// The server's number of the proposed practice.
    pub id: i64,
}

/// Why a proposal was not stored by the server.
#[derive(Debug, thiserror::Error)]
pub enum ProposalError {
    /// `401`: the token is unknown or revoked.
    #[error("{}", jst_text::t!("sync-proposal-unauthorized"))]
    Unauthorized,
    /// `403 wrong_unit`: the practice names another unit than the token's.
    #[error("{}", jst_text::t!("sync-proposal-wrong-unit", message = .0))]
    WrongUnit(String),
    /// `422 invalid_practice` or `400 invalid_body`: the server's reason, as it gave it.
    #[error("{}", jst_text::t!("sync-proposal-invalid", message = .0))]
    Invalid(String),
    /// Offline (a 5xx included), or an answer that is not the API's.
    #[error(transparent)]
    Sync(#[from] Error),
}

#[derive(Deserialize)]
struct Stored {
    id: i64,
}

#[derive(Deserialize, Default)]
struct Refusal {
    #[serde(default)]
    message: String,
}

/// `POST /v1/practices` with `body` (a practice object, see docs/practices-format.md).
pub fn post_practice(
    server: &str,
    token: &str,
    body: &serde_json::Value,
    limits: &Limits,
) -> Result<ProposalAnswer, ProposalError> {
    let what = "/v1/practices";
    let timing = Timing::new(what, limits.small_request, None)
        .ok_or_else(|| Error::Offline(jst_text::t!("sync-no-time-to-send")))?;
    let response = http::client(limits)?
        .post(format!("{}{what}", server.trim_end_matches('/')))
        .timeout(timing.timeout())
        .bearer_auth(token)
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .body(body.to_string())
        .send()
        .map_err(|e| timing.offline(e))?;
    let status = response.status();
    if status.is_server_error() {
        let message = jst_text::t!("sync-server-status", status = status.to_string());
        return Err(Error::Offline(message).into());
    }
    let bytes = http::read_capped(response, limits.max_answer_bytes, &timing)?;
    let reason = || {
        let message = serde_json::from_slice::<Refusal>(&bytes).unwrap_or_default().message;
        // The server's words, shown to the officer: one line, no control characters.
        let message: String =
            message.chars().filter(|c| !c.is_control()).take(2000).collect::<String>();
        match message.trim() {
            "" => jst_text::t!("sync-server-status", status = status.to_string()),
            text => text.to_owned(),
        }
    };
    match status.as_u16() {
        200 | 201 => serde_json::from_slice::<Stored>(&bytes)
            .map(|s| ProposalAnswer { id: s.id })
            .map_err(|e| {
                let message =
                    jst_text::t!("sync-groups-malformed", what = what, reason = e.to_string());
                Error::reject(RejectionCode::Malformed, message).into()
            }),
        401 => Err(ProposalError::Unauthorized),
        403 => Err(ProposalError::WrongUnit(reason())),
        400 | 413 | 422 => Err(ProposalError::Invalid(reason())),
        _ => {
            let message =
                jst_text::t!("sync-server-answered", what = what, status = status.to_string());
            Err(Error::reject(RejectionCode::HttpStatus, message).into())
        }
    }
}
