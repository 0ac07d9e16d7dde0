//! Contributing own values to the association (DESIGN §7, §9): an outbox that resends the same
//! bytes with the same id until the answer is recorded, and per-value results — a value is
//! marked synced only if it did not change while it was being sent (G6); a conflict keeps both
//! values side by side. Like sync, a submission is prepared under the monitor
//! ([`SubmissionJob`]), sent without it, and its answers recorded under it again.

use std::collections::HashMap;
use std::path::Path;

use jst_store::{ContributionState, LocalStore, Stamp};
use jst_sync::{post_submission, Answer, Error as SyncError, Limits, RejectionCode};
use jst_text::t;
use serde::{Deserialize, Serialize};

use super::submission_result::{is_synced, SubmissionResult};
use super::sync_settings::{remember_server, SERVER_SETTING};
use super::unit_token::UnitToken;
use crate::{Error, Result};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SubmitItemView {
    pub indicator: String,
    pub year: i32,
    pub value: f64,
    pub result: SubmissionResult,
    pub server_rev: Option<u32>,
    pub server_value: Option<f64>,
    /// True when the value was accepted and has not changed since: it counts as synced.
    pub synced: bool,
}

/// How a run of `jst submit` ended; the codes are the contract of `--format json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum SubmitOutcome {
    Sent,
    NothingToSend,
    Offline,
    Refused,
}

/// The JSON of `jst submit --format json`: what the server answered, item by item.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SubmitView {
    pub outcome: SubmitOutcome,
    pub submissions: Vec<String>,
    pub items: Vec<SubmitItemView>,
    /// The server's machine-readable code of a refusal (`unauthorized`, …).
    pub code: Option<String>,
    #[serde(skip)]
    pub message: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct Body {
    submission_id: String,
    client_version: String,
    catalogue_version: String,
    items: Vec<BodyItem>,
}

#[derive(Serialize, Deserialize)]
struct BodyItem {
    indicator: String,
    year: i32,
    value: f64,
    status: Option<String>,
    base_server_rev: Option<i64>,
}

#[derive(Deserialize)]
struct Response {
    results: Vec<ResultItem>,
}

#[derive(Deserialize)]
struct ResultItem {
    indicator: String,
    year: i32,
    result: SubmissionResult,
    server_rev: Option<i64>,
    server_value: Option<f64>,
}

/// The outbox of one run, prepared under the monitor; [`SubmissionJob::send`] runs without it.
pub struct SubmissionJob {
    server: String,
    token: String,
    pending: Vec<(String, Vec<u8>)>,
    limits: Limits,
}

/// What the server said to the submissions sent, in order, up to the first one not answered.
pub struct SentSubmissions {
    answered: Vec<(String, Vec<u8>, String)>,
    stopped: Option<Stopped>,
}

enum Stopped {
    Offline(String),
    Refused { code: String, message: String },
}

impl SubmissionJob {
    /// Posts the outbox in order (network only; no store is touched). The first submission not
    /// answered stops the run: it stays in the outbox and goes first next time. An answer that
    /// is not the API's (an HTML page, another shape, too large) is a refusal with a client
    /// code (`malformed`, `too_large`): a person must look at the address or the server.
    pub fn send(&self) -> SentSubmissions {
        let mut sent = SentSubmissions { answered: Vec::new(), stopped: None };
        for (id, body) in &self.pending {
            let stopped = match post_submission(&self.server, &self.token, id, body, &self.limits) {
                Err(SyncError::Rejected(r)) => {
                    Stopped::Refused { code: r.code.as_str().to_owned(), message: r.message }
                }
                Err(e) => Stopped::Offline(e.to_string()),
                Ok(Answer::Refused { code, message, .. }) => Stopped::Refused { code, message },
                Ok(Answer::Answered(text)) => match check_answer(body, &text) {
                    Ok(()) => {
                        sent.answered.push((id.clone(), body.clone(), text));
                        continue;
                    }
                    Err(why) => Stopped::Refused {
                        code: RejectionCode::Malformed.as_str().to_owned(),
                        message: t!("core-submit-not-the-api", reason = why),
                    },
                },
            };
            sent.stopped = Some(stopped);
            break;
        }
        sent
    }
}

/// Whether `answer` is the API's answer to the submission `body`: JSON with one result per
/// item, in order. Checked before anything is recorded, so an answer that is not stays out of
/// the outbox's records and the submission goes again next time.
fn check_answer(body: &[u8], answer: &str) -> std::result::Result<(), String> {
    let sent: Body = serde_json::from_slice(body).map_err(|e| e.to_string())?;
    let answer: Response = serde_json::from_str(answer).map_err(|e| {
        let start: String = answer.trim_start().chars().take(40).collect();
        t!("core-submit-answer-start", reason = e.to_string(), start = format!("{start:?}"))
    })?;
    if answer.results.len() != sent.items.len() {
        return Err(t!(
            "core-submit-result-count",
            results = answer.results.len(),
            items = sent.items.len()
        ));
    }
    for (item, result) in sent.items.iter().zip(&answer.results) {
        if (item.indicator.as_str(), item.year) != (result.indicator.as_str(), result.year) {
            return Err(t!(
                "core-submit-result-mismatch",
                got = format!("{} {}", result.indicator, result.year),
                expected = format!("{} {}", item.indicator, item.year)
            ));
        }
    }
    Ok(())
}

/// Reads the token, remembers the server and puts the changed opted-in values into the outbox.
pub(crate) fn submission_job(
    local: &mut LocalStore,
    stamp: &Stamp,
    data_dir: &Path,
    server: Option<&str>,
) -> Result<SubmissionJob> {
    let server = match server {
        Some(url) => url.to_owned(),
        None => local
            .setting(SERVER_SETTING)?
            .ok_or_else(|| Error::MissingReference(t!("hint-submit-server")))?,
    };
    let token = UnitToken::new(data_dir).load()?;
    remember_server(local, stamp, &server)?;
    queue_changed_values(local, stamp)?;
    Ok(SubmissionJob {
        server,
        token,
        pending: local.pending_submissions()?,
        limits: Limits::default(),
    })
}

/// Records every answer (accepted values count as synced only if unchanged since sending) and
/// says how the run ended.
pub(crate) fn record_answers(
    local: &mut LocalStore,
    stamp: &Stamp,
    sent: SentSubmissions,
) -> Result<SubmitView> {
    let mut view = SubmitView {
        outcome: SubmitOutcome::NothingToSend,
        submissions: Vec::new(),
        items: Vec::new(),
        code: None,
        message: None,
    };
    for (id, body, text) in &sent.answered {
        view.outcome = SubmitOutcome::Sent;
        view.submissions.push(id.clone());
        view.items.extend(record(local, stamp, id, body, text)?);
    }
    match sent.stopped {
        Some(Stopped::Offline(why)) => {
            view.outcome = SubmitOutcome::Offline;
            view.message = Some(why);
        }
        Some(Stopped::Refused { code, message }) => {
            view.outcome = SubmitOutcome::Refused;
            view.code = Some(code);
            view.message = Some(message);
        }
        None => {}
    }
    Ok(view)
}

/// Puts the opted-in values that differ from what the server last accepted into the outbox
/// as one submission (nothing when there is nothing new).
fn queue_changed_values(local: &mut LocalStore, stamp: &Stamp) -> Result<()> {
    if !local.pending_submissions()?.is_empty() {
        return Ok(()); // the pending one goes first; new values follow on the next run
    }
    let states: HashMap<(String, i32), ContributionState> = local
        .contribution_states()?
        .into_iter()
        .map(|s| ((s.indicator.clone(), s.year), s))
        .collect();
    let mut items = Vec::new();
    for code in local.contributed_indicators()? {
        for o in local.observations_of(&code)?.into_iter().filter(|o| !o.sample) {
            let state = states.get(&(code.clone(), o.year));
            let accepted = state.filter(|s| result_of(s).is_some_and(SubmissionResult::accepted));
            if accepted.is_some_and(|s| s.sent_value == o.value) {
                continue;
            }
            let conflict = state.filter(|s| result_of(s) == Some(SubmissionResult::Conflict));
            if conflict.is_some_and(|s| s.sent_value == o.value) {
                continue; // shown side by side; the officer decides, no resending
            }
            items.push(BodyItem {
                indicator: code.clone(),
                year: o.year,
                value: o.value,
                status: Some(o.status.clone()).filter(|s| !s.is_empty()),
                base_server_rev: state.and_then(|s| s.server_rev),
            });
        }
    }
    if items.is_empty() {
        return Ok(());
    }
    let id = uuid::Uuid::new_v4().to_string();
    let body = Body {
        submission_id: id.clone(),
        client_version: env!("CARGO_PKG_VERSION").to_owned(),
        catalogue_version: local.setting("katalog_wbudowany")?.unwrap_or_default(),
        items,
    };
    let bytes =
        serde_json::to_vec(&body).map_err(|e| Error::internal(t!("core-submit-encode"), e))?;
    local.queue_submission(stamp, &id, &bytes)?;
    Ok(())
}

/// Records an answer: accepted values count as synced only if unchanged since sending.
fn record(
    local: &mut LocalStore,
    stamp: &Stamp,
    id: &str,
    body: &[u8],
    response: &str,
) -> Result<Vec<SubmitItemView>> {
    let sent: Body = serde_json::from_slice(body)
        .map_err(|e| Error::internal(t!("core-submit-stored-unreadable"), e))?;
    let answer: Response = serde_json::from_str(response)
        .map_err(|e| Error::internal(t!("core-submit-answer-unreadable"), e))?;
    let at = stamp.at.clone();
    let mut states = Vec::new();
    let mut views = Vec::new();
    // The values as they are now, read once per indicator: what changed while sending?
    let mut now: HashMap<&str, Vec<(i32, f64)>> = HashMap::new();
    for item in &sent.items {
        if !now.contains_key(item.indicator.as_str()) {
            let values = local.observations_of(&item.indicator)?;
            now.insert(&item.indicator, values.into_iter().map(|o| (o.year, o.value)).collect());
        }
    }
    for (item, result) in sent.items.iter().zip(&answer.results) {
        if item.indicator != result.indicator || item.year != result.year {
            return Err(Error::fault(t!("core-submit-answer-mismatch")));
        }
        let current = now[item.indicator.as_str()]
            .iter()
            .find(|(year, _)| *year == item.year)
            .map(|(_, value)| *value);
        let synced = is_synced(result.result, item.value, current);
        states.push(ContributionState {
            indicator: item.indicator.clone(),
            year: item.year,
            sent_value: item.value,
            result: result.result.code().to_owned(),
            server_rev: result.server_rev,
            server_value: result.server_value,
            at: at.clone(),
        });
        views.push(SubmitItemView {
            indicator: item.indicator.clone(),
            year: item.year,
            value: item.value,
            result: result.result,
            server_rev: result.server_rev.and_then(|r| u32::try_from(r).ok()),
            server_value: result.server_value,
            synced,
        });
    }
    local.record_answer(stamp, id, response, &states)?;
    Ok(views)
}

/// The stored result of a value; a code this program does not know counts as not accepted.
fn result_of(state: &ContributionState) -> Option<SubmissionResult> {
    SubmissionResult::from_code(&state.result)
}
