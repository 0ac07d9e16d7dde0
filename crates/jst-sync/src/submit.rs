//! Sending a submission (DESIGN §7): the stored bytes with their id, the unit token as a bearer;
//! the server's answer as text for the core to record. A lost answer comes back by resending the
//! same bytes with the same id: the server returns the answer it stored.

use crate::Error;

/// What the server said, in the terms the outbox needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// 200: the per-item response JSON.
    Answered(String),
    /// A refusal with the server's machine-readable code (`unauthorized`, `idempotency_conflict`, …).
    Refused { status: u16, code: String, message: String },
}

fn client() -> Result<reqwest::blocking::Client, Error> {
    reqwest::blocking::Client::builder()
        .connect_timeout(std::time::Duration::from_secs(10))
        .timeout(std::time::Duration::from_secs(60))
        .user_agent(concat!("monitor-jst/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| Error::Offline(e.to_string()))
}

fn answer(response: reqwest::blocking::Response) -> Result<Answer, Error> {
    let status = response.status();
    let text = response.text().map_err(|e| Error::Offline(e.to_string()))?;
    if status.is_success() {
        return Ok(Answer::Answered(text));
    }
    if status.is_server_error() {
        return Err(Error::Offline(format!("serwer odpowiedział {status}")));
    }
    let field = |name: &str| {
        text.split(&format!("\"{name}\":\""))
            .nth(1)
            .and_then(|r| r.split('"').next())
            .unwrap_or_default()
            .to_owned()
    };
    Ok(Answer::Refused { status: status.as_u16(), code: field("code"), message: field("message") })
}

/// `POST /v1/submissions` with the exact stored body.
pub fn post_submission(base: &str, token: &str, id: &str, body: &[u8]) -> Result<Answer, Error> {
    let response = client()?
        .post(format!("{}/v1/submissions", base.trim_end_matches('/')))
        .bearer_auth(token)
        .header("Idempotency-Key", id)
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .body(body.to_vec())
        .send()
        .map_err(|e| Error::Offline(e.to_string()))?;
    answer(response)
}
