//! "Zaproponuj praktykę": the unit proposes a good practice to the association's base. The
//! proposal is checked here with the server's own text rules (`jst_domain::practice_text`) and
//! the local catalogue, so what is sent is what the server takes; then saved in `local.db`
//! (the officer's words are own data) and only then sent with the unit token. A send that fails
//! keeps the proposal as not sent with the reason, to be sent again. Like a submission, a send
//! is prepared under the monitor ([`ProposalJob`]), runs without it and is recorded under it.
//!
//! The sub-area is a code checked against the server's list below (the domain has no closed set
//! of sub-areas yet; when it has, the input takes that enum).

use std::collections::HashSet;
use std::path::Path;

use jst_domain::practice_text::{self as text, TextProblem};
use jst_domain::{PracticeArea, POPULATION};
use jst_store::{LocalStore, PeerStore, PracticeProposalRecord, Stamp};
use jst_sync::{post_practice, Limits, ProposalError};
use jst_text::t;
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::exchange::{configured_source, SyncSource, TokenPlace, UnitToken};
use crate::{Error, Result};

/// The sub-areas of "Rozwój instytucjonalny", by the server's codes (docs/practices-format.md).
pub const SUB_AREA_CODES: [&str; 5] = [
    "zarzadzanie_strategiczne",
    "zarzadzanie_zasobami",
    "zarzadzanie_personelem",
    "partnerstwo",
    "zarzadzanie_uslugami",
];

/// A contact person of a proposed practice.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct PracticeContactInput {
    pub name: String,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
}

/// What the officer fills in; the unit, its population and the date are the desktop's. The
/// JSON of `jst practices propose FILE`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct PracticeProposalInput {
    pub title: String,
    pub area: PracticeArea,
    /// Required for `rozwoj_instytucjonalny` only: one of [`SUB_AREA_CODES`].
    #[serde(default)]
    pub sub_area: Option<String>,
    pub implementing_body: String,
    #[serde(default)]
    pub contacts: Vec<PracticeContactInput>,
    pub years_from: i32,
    #[serde(default)]
    pub years_to: Option<i32>,
    /// Skrót: plain text.
    pub summary: String,
    /// Pełna prezentacja: the Markdown subset of the base.
    pub presentation: String,
    /// Catalogue codes of the indicators the practice improved.
    #[serde(default)]
    pub indicators: Vec<String>,
    #[serde(default)]
    pub keywords: Vec<String>,
}

/// The largest proposal file read (the presentation is at most 100 000 characters).
const MAX_PROPOSAL_FILE_BYTES: u64 = 1024 * 1024;

impl PracticeProposalInput {
    /// A proposal from a JSON file (`jst practices propose FILE`); a file that is not one is
    /// invalid input naming what is wrong.
    pub fn read(path: &Path) -> Result<Self> {
        let bytes = crate::support::input::read_capped(path, MAX_PROPOSAL_FILE_BYTES)?;
        let file = crate::support::input::file_label(path);
        serde_json::from_slice(&bytes).map_err(|e| {
            let reason = jst_import::printable(&e.to_string());
            Error::InvalidValue(t!("core-proposal-file", file = file, reason = reason))
        })
    }
}

/// A field of the form, for problems shown beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ProposalField {
    Title,
    SubArea,
    ImplementingBody,
    Contacts,
    Years,
    Summary,
    Presentation,
    Indicators,
    Keywords,
}

impl ProposalField {
    fn label(self) -> String {
        match self {
            Self::Title => t!("core-proposal-field-title"),
            Self::SubArea => t!("core-proposal-field-sub-area"),
            Self::ImplementingBody => t!("core-proposal-field-implementing-body"),
            Self::Contacts => t!("core-proposal-field-contacts"),
            Self::Years => t!("core-proposal-field-years"),
            Self::Summary => t!("core-proposal-field-summary"),
            Self::Presentation => t!("core-proposal-field-presentation"),
            Self::Indicators => t!("core-proposal-field-indicators"),
            Self::Keywords => t!("core-proposal-field-keywords"),
        }
    }
}

/// What refuses a proposal, by field.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProposalProblemView {
    pub field: ProposalField,
    pub message: String,
}

/// Where a proposal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ProposalStatus {
    /// Saved, not tried yet.
    Draft,
    /// Tried, not taken: `failure` says why; it can be sent again.
    NotSent,
    /// The association's server took it (it publishes it after review).
    Sent,
}

/// Why the last send did not reach the base.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ProposalFailure {
    /// No server address, or no unit token.
    NotConfigured,
    /// No answer; send again later.
    Offline,
    /// The token is unknown or revoked (401).
    Unauthorized,
    /// The token belongs to another unit (403).
    WrongUnit,
    /// The server refused the practice (its reason in `failure`).
    Refused,
}

impl ProposalFailure {
    fn code(self) -> &'static str {
        match self {
            Self::NotConfigured => "not_configured",
            Self::Offline => "offline",
            Self::Unauthorized => "unauthorized",
            Self::WrongUnit => "wrong_unit",
            Self::Refused => "refused",
        }
    }

    fn from_code(code: &str) -> Option<Self> {
        [Self::NotConfigured, Self::Offline, Self::Unauthorized, Self::WrongUnit, Self::Refused]
            .into_iter()
            .find(|f| f.code() == code)
    }
}

/// A proposal as saved, with the outcome of its last send.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PracticeProposalView {
    pub local_id: u32,
    pub title: String,
    /// When it was saved (RFC 3339 UTC).
    pub created: String,
    pub status: ProposalStatus,
    /// The server's number of the proposed practice.
    pub server_id: Option<u32>,
    /// When the server took it (RFC 3339 UTC).
    pub sent_at: Option<String>,
    /// Why the last send failed, for people.
    pub failure: Option<String>,
    pub failure_code: Option<ProposalFailure>,
}

fn view(r: PracticeProposalRecord) -> PracticeProposalView {
    PracticeProposalView {
        local_id: u32::try_from(r.id).unwrap_or(u32::MAX),
        title: r.title,
        created: r.created_at,
        status: match r.status.as_str() {
            "sent" => ProposalStatus::Sent,
            "not_sent" => ProposalStatus::NotSent,
            _ => ProposalStatus::Draft,
        },
        server_id: r.server_id.and_then(|id| u32::try_from(id).ok()),
        sent_at: r.sent_at,
        failure: r.failure,
        failure_code: r.failure_code.as_deref().and_then(ProposalFailure::from_code),
    }
}

fn text_problem(problem: TextProblem) -> String {
    match problem {
        TextProblem::Empty => t!("core-text-empty"),
        TextProblem::TooLong { max } => t!("core-text-too-long", max = max),
        TextProblem::ControlInLine => t!("core-text-control-in-line"),
        TextProblem::Control => t!("core-text-control"),
        TextProblem::Markup => t!("core-text-markup"),
        TextProblem::Script { scheme } => t!("core-text-script", scheme = scheme),
        TextProblem::Entity => t!("core-text-entity"),
        TextProblem::Image => t!("core-text-image"),
        TextProblem::Link { target } => t!("core-text-link", target = target),
        TextProblem::Phone => t!("core-text-phone"),
        TextProblem::Email => t!("core-text-email"),
    }
}

/// Collects problems by field while the body is built.
struct Problems(Vec<ProposalProblemView>);

impl Problems {
    fn add(&mut self, field: ProposalField, message: String) {
        let message = t!("core-proposal-problem", field = field.label(), problem = message);
        self.0.push(ProposalProblemView { field, message });
    }

    fn text<T>(
        &mut self,
        field: ProposalField,
        checked: std::result::Result<T, TextProblem>,
    ) -> Option<T> {
        checked.map_err(|p| self.add(field, text_problem(p))).ok()
    }
}

/// The practice as the server takes it (docs/practices-format.md), and every problem found.
fn body(
    local: &LocalStore,
    peers: &PeerStore,
    input: &PracticeProposalInput,
    today: &str,
) -> Result<(serde_json::Value, Vec<ProposalProblemView>)> {
    use jst_domain::practice_text::*;
    use ProposalField as F;
    let own = local.own_unit()?.ok_or_else(|| Error::MissingReference(t!("core-no-own-unit")))?;
    if own.demo {
        return Err(Error::Conflict(t!("core-proposal-demo")));
    }
    let mut p = Problems(Vec::new());
    let title = p.text(F::Title, text::check_line(&input.title, MAX_TITLE_CHARS));
    let sub_area = input.sub_area.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let codes = SUB_AREA_CODES.join(", ");
    match (input.area, sub_area) {
        (PracticeArea::RozwojInstytucjonalny, None) => {
            p.add(F::SubArea, t!("core-proposal-sub-area-required", codes = codes.clone()))
        }
        (PracticeArea::RozwojInstytucjonalny, Some(code)) if !SUB_AREA_CODES.contains(&code) => {
            p.add(F::SubArea, t!("core-proposal-sub-area-unknown", code = code, codes = codes))
        }
        (PracticeArea::RozwojInstytucjonalny, Some(_)) | (_, None) => {}
        (area, Some(_)) => {
            p.add(F::SubArea, t!("core-proposal-sub-area-other", area = area.label()))
        }
    }
    let body_name =
        p.text(F::ImplementingBody, text::check_line(&input.implementing_body, MAX_LINE_CHARS));
    if input.contacts.len() > MAX_CONTACTS {
        p.add(F::Contacts, t!("core-proposal-too-many", max = MAX_CONTACTS));
    }
    let mut contacts = Vec::new();
    for c in input.contacts.iter().take(MAX_CONTACTS) {
        let name = p.text(F::Contacts, text::check_line(&c.name, MAX_LINE_CHARS));
        let role =
            p.text(F::Contacts, text::check_optional_line(c.role.as_deref(), MAX_LINE_CHARS));
        let phone = p
            .text(F::Contacts, text::check_optional_line(c.phone.as_deref(), MAX_PHONE_CHARS))
            .flatten();
        if let Some(phone) = &phone {
            p.text(F::Contacts, text::check_phone(phone));
        }
        let email = p
            .text(F::Contacts, text::check_optional_line(c.email.as_deref(), MAX_EMAIL_CHARS))
            .flatten();
        if let Some(email) = &email {
            p.text(F::Contacts, text::check_email(email));
        }
        let mut contact = json!({ "name": name });
        for (key, value) in [("role", role.flatten()), ("phone", phone), ("email", email)] {
            if let Some(value) = value {
                contact[key] = json!(value);
            }
        }
        contacts.push(contact);
    }
    let this_year: i32 = today.get(..4).and_then(|y| y.parse().ok()).unwrap_or(2100);
    if !text::years_sane(input.years_from, input.years_to, this_year) {
        p.add(F::Years, t!("core-proposal-years", first = FIRST_YEAR, this_year = this_year));
    }
    let summary = p.text(F::Summary, text::check_paragraphs(&input.summary, MAX_SUMMARY_CHARS));
    let presentation = p
        .text(F::Presentation, text::check_paragraphs(&input.presentation, MAX_PRESENTATION_CHARS));
    if let Some(presentation) = &presentation {
        p.text(F::Presentation, text::check_markdown(presentation));
    }
    if input.indicators.len() > MAX_INDICATORS {
        p.add(F::Indicators, t!("core-proposal-too-many", max = MAX_INDICATORS));
    }
    let mut seen = HashSet::new();
    let mut unknown = Vec::new();
    let mut indicators = Vec::new();
    for code in input.indicators.iter().map(|c| c.trim()) {
        if !seen.insert(code) {
            p.add(F::Indicators, t!("core-proposal-indicator-twice", code = code));
            continue;
        }
        match local.indicator(code)? {
            Some(i) if i.origin == "catalogue" => indicators.push(json!({ "code": code })),
            _ => unknown.push(code),
        }
    }
    if !unknown.is_empty() {
        p.add(F::Indicators, t!("core-proposal-indicators-unknown", codes = unknown.join(", ")));
    }
    if input.keywords.len() > MAX_KEYWORDS {
        p.add(F::Keywords, t!("core-proposal-too-many", max = MAX_KEYWORDS));
    }
    let keywords: Vec<String> = input
        .keywords
        .iter()
        .filter_map(|k| p.text(F::Keywords, text::check_line(k, MAX_KEYWORD_CHARS)))
        .collect();
    let mut years = json!({ "from": input.years_from });
    if let Some(to) = input.years_to {
        years["to"] = json!(to);
    }
    let mut body = json!({
        "title": title,
        "area": input.area.code(),
        "teryt": own.unit.teryt,
        "implementing_body": body_name,
        "contacts": contacts,
        "entered": today,
        "years": years,
        "summary": summary,
        "presentation": presentation,
        "indicators": indicators,
        "keywords": keywords,
    });
    if let Some(code) = sub_area {
        body["sub_area"] = json!(code);
    }
    let population = peers
        .latest_value(&own.unit.identity, POPULATION)?
        .map(|(_, v)| v.round())
        .filter(|v| (1.0..=50_000_000.0).contains(v));
    if let Some(population) = population {
        body["population"] = json!(population as u64);
    }
    Ok((body, p.0))
}

/// The problems that would refuse `input`, by field (none: it can be proposed). Writes nothing.
pub(crate) fn check_proposal(
    local: &LocalStore,
    peers: &PeerStore,
    input: &PracticeProposalInput,
    today: &str,
) -> Result<Vec<ProposalProblemView>> {
    Ok(body(local, peers, input, today)?.1)
}

/// Saves a checked proposal as a draft; any problem refuses it with every problem named and
/// nothing written. Answers its local number.
pub(crate) fn save_proposal(
    local: &mut LocalStore,
    peers: &PeerStore,
    stamp: &Stamp,
    input: &PracticeProposalInput,
) -> Result<i64> {
    let today = stamp.at.get(..10).unwrap_or(&stamp.at);
    let (body, problems) = body(local, peers, input, today)?;
    if !problems.is_empty() {
        let all: Vec<String> = problems.into_iter().map(|p| p.message).collect();
        return Err(Error::InvalidValue(all.join("; ")));
    }
    let title = body["title"].as_str().unwrap_or_default().to_owned();
    Ok(local.save_practice_proposal(stamp, &title, &body.to_string())?)
}

/// A send prepared under the monitor; [`ProposalJob::send`] runs without it.
pub struct ProposalJob {
    local_id: i64,
    body: serde_json::Value,
    /// The server and the token, or why a send cannot be made.
    target: std::result::Result<(String, String), String>,
    already_sent: bool,
    limits: Limits,
}

/// What a send ended in, for [`record_sent`]; `None` when the proposal had been sent already
/// (nothing is sent twice).
pub struct ProposalSent {
    local_id: i64,
    server: Option<String>,
    outcome: Option<std::result::Result<i64, (ProposalFailure, String)>>,
}

impl ProposalJob {
    /// `POST /v1/practices` (network only).
    pub fn send(&self) -> ProposalSent {
        let (server, outcome) = match (&self.target, self.already_sent) {
            (_, true) => (None, None),
            (Err(why), false) => (None, Some(Err((ProposalFailure::NotConfigured, why.clone())))),
            (Ok((server, token)), false) => {
                let answer = post_practice(server, token, &self.body, &self.limits);
                let outcome = answer.map(|a| a.id).map_err(|e| {
                    let failure = match &e {
                        ProposalError::Unauthorized => ProposalFailure::Unauthorized,
                        ProposalError::WrongUnit(_) => ProposalFailure::WrongUnit,
                        ProposalError::Invalid(_)
                        | ProposalError::Sync(jst_sync::Error::Rejected(_)) => {
                            ProposalFailure::Refused
                        }
                        ProposalError::Sync(_) => ProposalFailure::Offline,
                    };
                    (failure, e.to_string())
                });
                (Some(server.clone()), Some(outcome))
            }
        };
        ProposalSent { local_id: self.local_id, server, outcome }
    }
}

/// What sending proposal `local_id` needs: its body, the server (`server`, else the configured
/// one) and the unit token. No server or no token is not an error here: the send records why.
pub(crate) fn proposal_job(
    local: &LocalStore,
    data_dir: &Path,
    local_id: i64,
    server: Option<&str>,
) -> Result<ProposalJob> {
    let record = local
        .practice_proposal(local_id)?
        .ok_or_else(|| Error::MissingReference(t!("core-proposal-not-found", id = local_id)))?;
    let body: serde_json::Value = serde_json::from_str(&record.body)
        .map_err(|e| Error::internal(t!("core-proposal-unreadable", id = local_id), e))?;
    let server = match server.map(str::trim).filter(|s| !s.is_empty()) {
        Some(url) if url.starts_with("http://") || url.starts_with("https://") => {
            Ok(url.to_owned())
        }
        Some(url) => return Err(Error::InvalidValue(t!("core-server-address-scheme", url = url))),
        None => match configured_source(local) {
            Ok(SyncSource::Server(url)) => Ok(url),
            Ok(SyncSource::Folder(_)) | Err(_) => Err(t!("core-proposal-no-server")),
        },
    };
    let vault = UnitToken::new(data_dir);
    let target = server.and_then(|server| {
        if vault.place().place == TokenPlace::None {
            return Err(t!("core-no-token"));
        }
        vault.load().map(|token| (server, token)).map_err(|e| e.to_string())
    });
    Ok(ProposalJob {
        local_id,
        body,
        target,
        already_sent: record.status == "sent",
        limits: Limits::default(),
    })
}

/// Records how a send ended and answers the proposal as it now stands.
pub(crate) fn record_sent(
    local: &mut LocalStore,
    stamp: &Stamp,
    sent: ProposalSent,
) -> Result<PracticeProposalView> {
    match &sent.outcome {
        None => {}
        Some(Ok(server_id)) => local.record_practice_proposal_sent(
            stamp,
            sent.local_id,
            sent.server.as_deref().unwrap_or_default(),
            *server_id,
        )?,
        Some(Err((failure, reason))) => local.record_practice_proposal_failure(
            stamp,
            sent.local_id,
            sent.server.as_deref(),
            failure.code(),
            reason,
        )?,
    }
    let record = local.practice_proposal(sent.local_id)?.ok_or_else(|| {
        Error::MissingReference(t!("core-proposal-not-found", id = sent.local_id))
    })?;
    Ok(view(record))
}

/// Every proposal of the unit, newest first.
pub(crate) fn practice_proposals(local: &LocalStore) -> Result<Vec<PracticeProposalView>> {
    Ok(local.practice_proposals()?.into_iter().map(view).collect())
}
