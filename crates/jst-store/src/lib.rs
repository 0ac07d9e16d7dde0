//! SQLite storage of Monitor JST: `local.db` with the unit's own, precious data and `peers.db`
//! with disposable peer and reference data, each with numbered, append-only migrations.
//!
//! This is the desktop's only crate with SQL. It must not parse user files, do HTTP or decide
//! policy: callers pass validated domain values and a [`Stamp`] saying when and who.

pub mod backup;
pub mod baseline;
mod error;
mod local;
mod migrate;
mod peer_blocks;
mod peers;
mod practices;

pub use error::Error;
pub use local::{
    ActionPattern, AuditQuery, AuditRecord, BudgetLineRecord, ContributionState, GwdGroupRecord,
    GwdMemberRecord, GwdNoteRecord, GwdRefresh, GwdValueRecord, GwdYearUpdate, HistoryEntry,
    IndicatorRecord, LocalStore, NewNode, NoteRecord, ObservationRecord, OwnUnitRecord,
    PeerGroupRecord, PracticeProposalRecord, RegisterLoadSummary, ReportHeaderRecord, SaveMode,
    StrategyDraft, StrategyEditRecord, StrategyRecord, SyncLogEntry, TrustedKeyRecord, UnitRecord,
    INTRODUCTION as REPORT_INTRODUCTION, STRATEGY_UNDO_DEPTH,
};
pub use migrate::{LOCAL_SCHEMA_VERSION, PEERS_SCHEMA_VERSION};
pub use peers::{ContributedAggregate, PeerStore, PublicValue, ReleaseLoad};
pub use practices::{PracticeHit, PracticeQuery, PracticeRecord};

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// When and by whom a write is made; every write carries one into the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    /// RFC 3339 time, UTC.
    pub at: String,
    /// The operating-system user name.
    pub by: String,
}
