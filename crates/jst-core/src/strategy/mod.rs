//! Strategy monitoring (DESIGN §5.1–5.3, §6): the template and own values coming in, the status
//! of the active strategy in a year, one indicator's screen, and the unit's strategies.

mod indicator;
mod own_values;
mod status;
mod strategies;
mod template;
mod thresholds;
mod window_import;

pub(crate) use indicator::{add_indicator_note, indicator_detail, record_value};
pub use indicator::{HistoryEntryView, IndicatorDetailView, NoteView, ObservationView, ValueInput};
pub(crate) use own_values::{import_values, own_values};
pub use own_values::{OwnValueRowView, ValuesImportView};
pub(crate) use status::{active_tree, strategy_overview, strategy_status};
pub use status::{
    IndicatorDepartmentView, IndicatorStatusView, NodeStatusView, ProjectionView, StrategyHeadView,
    StrategyOverviewView, StrategyStatusView, YearValueView,
};
pub use strategies::StrategyListItemView;
pub(crate) use strategies::{activate_strategy, strategies};
pub(crate) use template::{export_strategy, import_strategy, strategy_catalogue_entry};
pub use template::{StrategyImportOptions, StrategyImportView};
pub(crate) use thresholds::{set_thresholds, stored_thresholds, thresholds};
pub use thresholds::{ThresholdValues, ThresholdsView};
pub(crate) use window_import::{check_import, run_import};
pub use window_import::{ImportCheckView, ImportKind};
