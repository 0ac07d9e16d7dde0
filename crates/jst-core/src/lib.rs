//! The API every shell calls (the `jst` CLI, the desktop app): one public method per use case on
//! [`Monitor`], returning plain serialisable view types and one [`Error`] with an [`ErrorKind`].
//!
//! The use cases live in folders by domain — `units/`, `strategy/`, `comparison/`, `imports/`,
//! `exchange/` (sync, submissions, contributions), `reports/`, `backups/` (copies of the own
//! data), `exports/` (own data as files), `audit/` (the history of changes) — as functions that
//! take only the stores they need; `Monitor` opens the data folder and hands them the stores.
//! The core must not know Tauri, print to a terminal or format for a particular shell.

mod audit;
mod backups;
mod checked_imports;
mod comparison;
mod demo;
mod error;
mod exchange;
mod exports;
mod imports;
mod monitor;
mod practices;
mod reports;
mod shipped;
mod strategy;
mod support;
mod units;

pub use audit::{audit_day, AuditEntryView, AuditFilter, AuditKind, AuditLogView};
pub use backups::{BackupKind, BackupView, BackupsView, RestoredView, KEEP as BACKUPS_KEPT};
pub use checked_imports::{ImportCheckView, ImportKind};
pub use comparison::{
    BenchmarkIndicatorView, BenchmarkView, BoundaryView, ComparableIndicatorView, ComparisonSource,
    CostRowView, CostServiceView, CostYearsView, CostsView, GroupKind, GroupView,
    IndicatorPositionView, MemberView, NearestView, OwnValueView, PeerGroupMemberView,
    PeerGroupView, StatsView, YearPositionView,
};
pub use comparison::{
    GwdSheetFormat, GwdSheetIndicatorView, GwdSheetRowView, GwdSheetView, QuarterBand,
};
pub use error::{Error, ErrorKind};
pub use exchange::{
    ChangesView, ContributableIndicatorView, ContributionItemView, ContributionsView, KeyOrigin,
    PlannedSync, RegisterSyncOutcome, RegisterSyncView, SentSubmissions, SubmissionJob,
    SubmissionResult, SubmitItemView, SubmitOutcome, SubmitView, SyncJob, SyncLogView, SyncOutcome,
    SyncProgressView, SyncSource, SyncStatusView, SyncView, TokenPlace, TokenPlaceView,
    TrustedKeyEntryView, TrustedKeyView, DEFAULT_INTERVAL_MINUTES, TOKEN_STORE_ENV,
};
pub use exchange::{
    GwdFetched, GwdGroupRefView, GwdGroupView, GwdIndicatorView, GwdJob, GwdMemberView,
    GwdNoteView, GwdRefreshOutcome, GwdRefreshView, GwdShareView,
};
pub use exports::{ExportFormat, ExportKind, ExportWrittenView};
pub use imports::{
    BudgetImportView, BudgetLevel, BudgetLineView, BudgetReportView, CatalogueImportView,
    FindingView, ImportProgress, ImportStage, OfficialFileKind, OfficialImportView,
    PeersImportView, SchoolView, SioImportView,
};
pub use monitor::{Monitor, OpenOptions};
pub use practices::{
    Lag, PracticeAttachmentFileView, PracticeAttachmentView, PracticeContactInput,
    PracticeContactView, PracticeDetailView, PracticeFilter, PracticeIndicatorView,
    PracticeProposalInput, PracticeProposalView, PracticeSuggestionView, PracticeView,
    ProposalFailure, ProposalField, ProposalJob, ProposalProblemView, ProposalSent, ProposalStatus,
    SuggestionBasis, SUB_AREA_CODES as PRACTICE_SUB_AREA_CODES,
};
pub use reports::{
    GoalTextView, ReportFormat, ReportGoalView, ReportHeaderInput, ReportHeaderView,
    ReportIndicatorView, ReportKind, ReportPreviewView, ReportProgress, ReportStage,
    ReportTextsView, ReportWrittenView,
};
pub use strategy::{
    DefinitionNodeView, EditField, EditProblemView, IndicatorFields, StrategyDefinitionView,
    StrategyEdit, StrategyEditView, UndoStateView,
};
pub use strategy::{
    HistoryEntryView, IndicatorDepartmentView, IndicatorDetailView, IndicatorStatusView,
    NodeStatusView, NoteView, ObservationView, OwnValueRowView, ProjectionView, StrategyHeadView,
    StrategyImportOptions, StrategyImportView, StrategyListItemView, StrategyOverviewView,
    StrategyStatusView, ThresholdValues, ThresholdsView, ValueCellView, ValueGridRowView,
    ValueGridView, ValueInput, ValuesImportView, YearValueView,
};
pub use support::about::{about, AboutView};
pub use support::data_dir::{default_data_dir, DATA_DIR_ENV};
pub use support::stamp::default_status_year;
pub use units::{
    OwnUnitView, PopulationView, RegisterCheckView, RegisterImportOptions, RegisterImportView,
    StatusView, UnitView,
};

pub type Result<T, E = Error> = std::result::Result<T, E>;
