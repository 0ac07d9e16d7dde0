//! The server's word on one contributed value (DESIGN §7), and the rule for when a value counts
//! as synced.

use jst_text::t;
use serde::{Deserialize, Serialize};

/// Per value: what the server did with it, or `resend` when the officer kept the own value of a
/// conflict and it waits to be sent against the server's revision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum SubmissionResult {
    Imported,
    Updated,
    Unchanged,
    Conflict,
    Resend,
    Invalid,
    PeriodClosed,
}

impl SubmissionResult {
    const ALL: [Self; 7] = [
        Self::Imported,
        Self::Updated,
        Self::Unchanged,
        Self::Conflict,
        Self::Resend,
        Self::Invalid,
        Self::PeriodClosed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Imported => "imported",
            Self::Updated => "updated",
            Self::Unchanged => "unchanged",
            Self::Conflict => "conflict",
            Self::Resend => "resend",
            Self::Invalid => "invalid",
            Self::PeriodClosed => "period_closed",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }

    /// The result in the user's language, for tables (the code stays the JSON's).
    pub fn label(self) -> String {
        match self {
            Self::Imported => t!("core-submission-imported"),
            Self::Updated => t!("core-submission-updated"),
            Self::Unchanged => t!("core-submission-unchanged"),
            Self::Conflict => t!("core-submission-conflict"),
            Self::Resend => t!("core-submission-resend"),
            Self::Invalid => t!("core-submission-invalid"),
            Self::PeriodClosed => t!("core-submission-period-closed"),
        }
    }

    pub fn accepted(self) -> bool {
        matches!(self, Self::Imported | Self::Updated | Self::Unchanged)
    }
}

/// G6: a value counts as synced only if the server accepted it and it has not changed since.
pub(crate) fn is_synced(result: SubmissionResult, sent: f64, now: Option<f64>) -> bool {
    result.accepted() && now == Some(sent)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_match_serde() {
        for r in SubmissionResult::ALL {
            assert_eq!(SubmissionResult::from_code(r.code()), Some(r));
            assert_eq!(serde_json::to_value(r).expect("json"), serde_json::json!(r.code()));
        }
    }

    #[test]
    fn synced_means_accepted_and_unchanged_since() {
        assert!(is_synced(SubmissionResult::Imported, 5.0, Some(5.0)));
        assert!(!is_synced(SubmissionResult::Imported, 5.0, Some(6.0)));
        assert!(!is_synced(SubmissionResult::Updated, 5.0, None));
        assert!(!is_synced(SubmissionResult::Conflict, 5.0, Some(5.0)));
    }
}
