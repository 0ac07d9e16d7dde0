//! The audit stamp: every write carries when and by whom. Only the data folder's API takes it
//! from the clock; use cases get the stamp passed in, so they never read the clock themselves.

use jst_store::Stamp;

/// Now and the operating-system user, for the audit log and history.
pub(crate) fn now() -> Stamp {
    let at = time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default();
    Stamp { at, by: whoami::username() }
}

/// Now, for rules that compare times (whether a sync or a backup is due).
pub(crate) fn now_utc() -> time::OffsetDateTime {
    time::OffsetDateTime::now_utc()
}

/// The default evaluation year of strategy status: the last full calendar year.
pub fn default_status_year() -> i32 {
    time::OffsetDateTime::now_utc().year() - 1
}

/// Today as `dd.mm.rrrr` (DESIGN §12), for the date a report was prepared.
pub(crate) fn today_pl() -> String {
    let d = time::OffsetDateTime::now_utc().date();
    format!("{:02}.{:02}.{}", d.day(), u8::from(d.month()), d.year())
}
