//! Strategy monitoring (DESIGN §5.1–5.3, §6): the template and own values coming in, the status
//! of the active strategy in a year, one indicator's screen, the unit's strategies, and the
//! editor of the active strategy's definition with its undo. The window's check-then-import of
//! templates and own values is in `checked_imports`.

mod edit;
mod indicator;
mod own_values;
mod status;
mod strategies;
mod template;
mod thresholds;
mod undo;
mod value_grid;

pub(crate) use edit::{check_strategy_edit, edit_strategy, strategy_definition};
pub use edit::{
    DefinitionNodeView, EditField, EditProblemView, IndicatorFields, StrategyDefinitionView,
    StrategyEdit, StrategyEditView, UndoStateView,
};
pub(crate) use indicator::{add_indicator_note, indicator_detail, record_value};
pub use indicator::{HistoryEntryView, IndicatorDetailView, NoteView, ObservationView, ValueInput};
pub(crate) use own_values::{import_values, own_values, plan_values_import, ValuesPlan};
pub use own_values::{OwnValueRowView, ValuesImportView};
pub(crate) use status::{active_tree, strategy_overview, strategy_status};
pub use status::{
    IndicatorDepartmentView, IndicatorStatusView, NodeStatusView, ProjectionView, StrategyHeadView,
    StrategyOverviewView, StrategyStatusView, YearValueView,
};
pub use strategies::StrategyListItemView;
pub(crate) use strategies::{activate_strategy, strategies};
pub(crate) use template::{
    export_strategy, import_strategy, plan_strategy_import, strategy_catalogue_entry, StrategyPlan,
};
pub use template::{StrategyImportOptions, StrategyImportView};
pub(crate) use thresholds::{set_thresholds, stored_thresholds, thresholds};
pub use thresholds::{ThresholdValues, ThresholdsView};
pub(crate) use undo::{strategy_undo_state, undo_strategy_edit};
pub(crate) use value_grid::{delete_value, value_grid};
pub use value_grid::{ValueCellView, ValueGridRowView, ValueGridView};
