//! What the storage keeps and answers, the same for every engine.

use std::collections::{BTreeSet, HashMap};

use crate::practice::{Attachment, Practice};

/// One public value as imported or published: TERYT as in the file (7-digit gmina, 4-digit powiat).
#[derive(Debug, Clone, PartialEq)]
pub struct DataRow {
    pub teryt: String,
    pub indicator: String,
    pub year: i32,
    pub value: f64,
}

/// A TERC file the association imported, as it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRegister {
    pub data: Vec<u8>,
    /// `TERC YYYY-MM-DD`, as the release manifest names it.
    pub label: String,
    pub as_of: String,
    pub units: usize,
}

/// A unit token as listed: never the token itself nor its hash (the id tells tokens apart).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TokenRecord {
    pub id: i64,
    /// The unit's TERYT.
    pub unit: String,
    pub issued_at: String,
    pub revoked_at: Option<String>,
    /// The last day (`YYYY-MM-DD`, UTC) an API request authenticated with it.
    pub last_used_on: Option<String>,
}

/// An active token found by its hash: what the API needs to know of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenUse {
    pub id: i64,
    /// The unit's TERYT.
    pub unit: String,
    pub last_used_on: Option<String>,
}

/// What `revoke_token` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenRevocation {
    /// Revoked now; the unit it belonged to.
    Revoked { unit: String },
    /// It had been revoked already, at that time.
    AlreadyRevoked { unit: String, revoked_at: String },
    /// No token has this id.
    Unknown,
}

/// The latest release as recorded: its version and when it was issued (RFC 3339).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReleaseStatus {
    pub version: u64,
    pub issued_at: String,
}

/// One row of an import as it is read: a public value, or (budget reports) the plan beside it.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportRow {
    Value(DataRow),
    Plan(DataRow),
}

/// What an import brings, as the audit names it: public values, or a budget's execution with
/// its plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportKind {
    Values,
    Budget,
}

/// What an import of public data did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DataImport {
    pub inserted: usize,
    pub updated: usize,
    pub unchanged: usize,
}

/// One item of a submission as the server decided it (DESIGN §7).
#[derive(Debug, Clone, PartialEq)]
pub struct ItemOutcome {
    /// `imported | updated | unchanged | conflict | invalid | period_closed`
    pub result: &'static str,
    pub server_rev: Option<i64>,
    /// The server's value when it differs from what was sent (a conflict).
    pub server_value: Option<f64>,
    pub message: Option<String>,
}

/// Who sent a submission and what exactly: the idempotency key, the token and the body's hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubmissionKey {
    pub id: String,
    pub token_id: i64,
    pub teryt: String,
    pub body_sha256: String,
}

/// What [`Storage::apply_submission`](crate::Storage::apply_submission) did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Applied {
    /// Decided and stored now, with this response.
    Stored(String),
    /// A submission with this id was stored before: who sent it, its body's hash and the
    /// response it got (the caller replays it or refuses a different body).
    Existing { teryt: String, body_sha256: String, response: String },
}

/// A submitted item as sent.
#[derive(Debug, Clone, PartialEq)]
pub struct SubmittedItem {
    pub indicator: String,
    pub year: i32,
    pub value: f64,
    pub status: Option<String>,
    pub base_server_rev: Option<i64>,
}

/// An experience-exchange group (GWD) with its current members.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct GwdGroup {
    pub id: i64,
    pub name: String,
    pub area: String,
    /// Catalogue codes, in the order the association gave them.
    pub indicators: Vec<String>,
    pub created_at: String,
    /// Current members by TERYT; units that left are not here.
    pub members: Vec<GwdMember>,
}

/// A member of a group and the signed consent its membership rests on.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct GwdMember {
    pub teryt: String,
    /// The consent document's reference as the association files it (e.g. a letter's number).
    pub consent_reference: String,
    /// The consent's date, `YYYY-MM-DD`.
    pub consent_date: String,
    pub added_at: String,
}

/// Where a value shown to a group comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GwdSource {
    /// The member sent it (a submission the server accepted).
    Contributed,
    /// The server's imported public data, used when the member sent nothing for that cell.
    Public,
}

/// One member's value of one of the group's indicators for a year.
#[derive(Debug, Clone, PartialEq)]
pub struct GwdValue {
    pub teryt: String,
    pub indicator: String,
    pub value: f64,
    pub source: GwdSource,
}

/// Where a practice stands: proposed by a unit (moderated, never in a release) or published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PracticeStatus {
    Proposed,
    Published,
}

impl PracticeStatus {
    pub fn code(self) -> &'static str {
        match self {
            Self::Proposed => "proposed",
            Self::Published => "published",
        }
    }
}

/// A checked practice and the bytes of its attachments, ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct NewPractice {
    pub practice: Practice,
    pub attachments: Vec<(Attachment, Vec<u8>)>,
}

/// A stored practice (its `id` set) with its moderation state.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredPractice {
    pub practice: Practice,
    pub status: PracticeStatus,
    pub proposed_by: Option<String>,
    pub created_at: String,
    pub published_at: Option<String>,
}

impl StoredPractice {
    /// A practice as either engine keeps it: `(id, status code, the JSON document)` and its
    /// moderation columns. A document that no longer reads is an error naming the practice.
    pub(crate) fn decode(
        (id, status, document): (i64, &str, &str),
        proposed_by: Option<String>,
        created_at: String,
        published_at: Option<String>,
    ) -> crate::Result<Self> {
        let mut practice: Practice = serde_json::from_str(document)
            .map_err(|e| crate::Error::Invalid(format!("praktyka nr {id} w bazie: {e}")))?;
        practice.id = id;
        let status = if status == PracticeStatus::Published.code() {
            PracticeStatus::Published
        } else {
            PracticeStatus::Proposed
        };
        Ok(Self { practice, status, proposed_by, created_at, published_at })
    }
}

/// A contributed value as stored: (TERYT, indicator, year, value).
pub type Contribution = (String, String, i32, f64);
/// (group, indicator, year) → (mean, contributors) as last published.
pub type Published = HashMap<(String, String, i32), (f64, BTreeSet<String>)>;
