//! The API every shell calls (the `jst` CLI, the desktop app): one public method per use case on
//! [`Monitor`], returning plain serialisable view types and one [`Error`] with a [`ErrorKind`].
//!
//! The core opens the data folder, loads shipped data on first run and coordinates the store and
//! the importers. It must not know Tauri, print to a terminal or format for a particular shell.

mod benchmark;
mod boundaries;
mod budget;
mod catalogue;
mod comparison;
mod contributions;
mod costs;
mod data_dir;
mod demo;
mod error;
mod groups;
mod indicator_detail;
mod monitor;
mod nearest;
mod peer_groups;
mod peer_index;
mod peer_overview;
mod peers;
mod position_years;
mod shipped;
mod strategy;
mod strategy_views;
mod submit;
mod sync;
mod unit_token;
mod views;

pub use benchmark::{
    BenchmarkIndicatorView, BenchmarkView, ComparableIndicatorView, GroupView, MemberView,
    OwnValueView, StatsView,
};
pub use boundaries::BoundaryView;
pub use budget::{BudgetImportView, BudgetReportView};
pub use catalogue::CatalogueImportView;
pub use contributions::{ContributableIndicatorView, ContributionItemView, ContributionsView};
pub use costs::{CostRowView, CostServiceView, CostsView};
pub use data_dir::{default_data_dir, DATA_DIR_ENV};
pub use error::{Error, ErrorKind};
pub use monitor::{default_status_year, Monitor};
pub use nearest::NearestView;
pub use peer_groups::{PeerGroupMemberView, PeerGroupView};
pub use peer_overview::IndicatorPositionView;
pub use peers::PeersImportView;
pub use position_years::YearPositionView;
pub use strategy::StrategyImportOptions;
pub use strategy_views::{
    FindingView, HistoryEntryView, ImportCheckView, ImportKind, ImportProgress,
    IndicatorDepartmentView, IndicatorDetailView, IndicatorStatusView, NodeStatusView, NoteView,
    ObservationView, ProjectionView, StrategyHeadView, StrategyImportView, StrategyListItemView,
    StrategyOverviewView, StrategyStatusView, ValueInput, ValuesImportView, YearValueView,
};
pub use submit::{SubmitItemView, SubmitView};
pub use sync::{
    ChangesView, PlannedSync, SyncJob, SyncLogView, SyncProgressView, SyncSource, SyncStatusView,
    SyncView, TrustedKeyView, DEFAULT_INTERVAL_MINUTES,
};
pub use unit_token::{TokenPlaceView, TOKEN_STORE_ENV};
pub use views::{OwnUnitView, PopulationView, RegisterImportView, StatusView, UnitView};

pub type Result<T, E = Error> = std::result::Result<T, E>;
