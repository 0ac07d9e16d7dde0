//! The audit log read back (DESIGN §4.1: every write leaves a line): filtered by day, user and
//! the kind of change a user looks for, newest first, a page at a time.

mod kind;
mod log;

pub use kind::AuditKind;
pub(crate) use log::audit_log;
pub use log::{audit_day, AuditEntryView, AuditFilter, AuditLogView};
