//! Sending a submission (DESIGN §7): the stored bytes with their id, the unit token as a bearer;
//! the server's answer as text for the core to record. A lost answer comes back by resending the
//! same bytes with the same id: the server returns the answer it stored. The request and its
//! answer end by [`Limits::small_request`], and an answer beyond [`Limits::max_answer_bytes`]
//! is refused (`too_large`) without being read whole.

use crate::http::{self, Timing};
use crate::{Error, Limits};

/// What the server said, in the terms the outbox needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// 200: the per-item response JSON.
    Answered(String),
    /// A refusal with the server's machine-readable code (`unauthorized`, `idempotency_conflict`,
    /// …), or `http_status` when the answer names none (e.g. a proxy's error page).
    Refused { status: u16, code: String, message: String },
}

fn answer(
    response: reqwest::blocking::Response,
    limits: &Limits,
    timing: &Timing,
) -> Result<Answer, Error> {
    let status = response.status();
    if status.is_server_error() {
        return Err(Error::Offline(jst_text::t!(
            "sync-server-status",
            status = status.to_string()
        )));
    }
    let bytes = http::read_capped(response, limits.max_answer_bytes, timing)?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    if status.is_success() {
        return Ok(Answer::Answered(text));
    }
    let field = |name: &str| {
        text.split(&format!("\"{name}\":\""))
            .nth(1)
            .and_then(|r| r.split('"').next())
            .unwrap_or_default()
            .to_owned()
    };
    let code =
        Some(field("code")).filter(|c| !c.is_empty()).unwrap_or_else(|| "http_status".into());
    let message = Some(field("message"))
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| jst_text::t!("sync-server-status", status = status.to_string()));
    Ok(Answer::Refused { status: status.as_u16(), code, message })
}

/// `POST /v1/submissions` with the exact stored body.
pub fn post_submission(
    base: &str,
    token: &str,
    id: &str,
    body: &[u8],
    limits: &Limits,
) -> Result<Answer, Error> {
    let timing = Timing::new(&jst_text::t!("sync-answer"), limits.small_request, None)
        .ok_or_else(|| Error::Offline(jst_text::t!("sync-no-time-to-send")))?;
    let response = http::client(limits)?
        .post(format!("{}/v1/submissions", base.trim_end_matches('/')))
        .timeout(timing.timeout())
        .bearer_auth(token)
        .header("Idempotency-Key", id)
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .body(body.to_vec())
        .send()
        .map_err(|e| timing.offline(e))?;
    answer(response, limits, &timing)
}
