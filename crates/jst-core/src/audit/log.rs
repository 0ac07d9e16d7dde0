//! The audit log's lines for the window's history of changes and `jst audit`.

use jst_store::{AuditQuery, LocalStore};
use jst_text::t;
use serde::{Deserialize, Serialize};
use time::Date;

use super::kind::AuditKind;
use crate::{Error, Result};

/// Lines per page when the caller does not say.
const DEFAULT_LIMIT: u32 = 100;
const MAX_LIMIT: u32 = 10_000;

/// Which lines of the audit log to show; every field optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AuditFilter {
    /// The first day shown, `YYYY-MM-DD` (UTC), inclusive.
    pub since: Option<String>,
    /// The last day shown, `YYYY-MM-DD` (UTC), inclusive.
    pub until: Option<String>,
    /// The operating-system user who made the change.
    pub user: Option<String>,
    pub kind: Option<AuditKind>,
    /// Lines per page (default 100, at most 10 000).
    pub limit: Option<u32>,
    /// Lines skipped, newest first (paging).
    pub offset: Option<u32>,
}

/// One change recorded in own data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AuditEntryView {
    pub id: u32,
    /// When, RFC 3339 UTC as stored (e.g. `2026-03-01T09:15:02.123Z`); shells format it.
    pub at: String,
    /// The operating-system user.
    pub user: String,
    pub kind: AuditKind,
    /// The action in Polish as recorded (e.g. „import strategii”, „wartość UCZ_SP za 2024”).
    pub action: String,
    /// The action in the user's language (in Polish, as recorded).
    pub action_label: String,
    /// What changed, in Polish as recorded.
    pub detail: String,
}

/// A page of the audit log with what its filters offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AuditLogView {
    /// Newest first.
    pub entries: Vec<AuditEntryView>,
    /// More lines match after this page.
    pub more: bool,
    /// Every user named in the log, sorted, for the user filter.
    pub users: Vec<String>,
}

/// A day `YYYY-MM-DD` checked, or a Polish error naming it (the CLI's value parser uses it).
pub fn audit_day(text: &str) -> Result<String> {
    day(text).map(iso)
}

fn day(text: &str) -> Result<Date> {
    let bad = || Error::InvalidValue(t!("core-audit-bad-day", text = text));
    let mut parts = text.trim().split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad());
    };
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
        return Err(bad());
    }
    let month = m.parse::<u8>().ok().and_then(|m| time::Month::try_from(m).ok()).ok_or_else(bad)?;
    let year = y.parse().map_err(|_| bad())?;
    let day = d.parse().map_err(|_| bad())?;
    Date::from_calendar_date(year, month, day).map_err(|_| bad())
}

fn iso(date: Date) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), u8::from(date.month()), date.day())
}

pub(crate) fn audit_log(local: &LocalStore, filter: &AuditFilter) -> Result<AuditLogView> {
    let since = filter.since.as_deref().map(day).transpose()?;
    let until = filter.until.as_deref().map(day).transpose()?;
    if let (Some(since), Some(until)) = (since, until) {
        if since > until {
            return Err(Error::InvalidValue(t!(
                "core-audit-days-reversed",
                since = iso(since),
                until = iso(until)
            )));
        }
    }
    let limit = filter.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(Error::InvalidValue(t!(
            "core-audit-bad-limit",
            limit = limit,
            max = MAX_LIMIT
        )));
    }
    let (actions, exclude) = match filter.kind.map(AuditKind::patterns) {
        Some((patterns, exclude)) => (Some(patterns), exclude),
        None => (None, false),
    };
    let query = AuditQuery {
        from: since.map(iso),
        // The day after: stamps carry a time, so the last day ends before the next begins.
        before: until.and_then(Date::next_day).map(iso),
        user: filter.user.clone().filter(|u| !u.is_empty()),
        actions,
        exclude,
        // One more line says whether another page follows.
        limit: limit + 1,
        offset: filter.offset.unwrap_or(0),
    };
    let mut records = local.audit_entries(&query)?;
    let more = records.len() > limit as usize;
    records.truncate(limit as usize);
    let entries = records
        .into_iter()
        .map(|r| AuditEntryView {
            id: u32::try_from(r.id).unwrap_or(u32::MAX),
            kind: AuditKind::of(&r.action),
            at: r.at,
            user: r.os_user,
            action_label: AuditKind::action_label(&r.action),
            action: r.action,
            detail: r.detail,
        })
        .collect();
    Ok(AuditLogView { entries, more, users: local.audit_users()? })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_checked_strictly() {
        assert_eq!(audit_day("2024-02-29").ok().as_deref(), Some("2024-02-29"));
        for bad in
            ["2023-02-29", "2024-2-01", "2024-13-01", "01.03.2024", "2024-03-01x", "", "20240301"]
        {
            let err = audit_day(bad).err().map(|e| e.to_string());
            assert!(err.as_deref().is_some_and(|e| e.contains("RRRR-MM-DD")), "{bad}: {err:?}");
        }
    }
}
