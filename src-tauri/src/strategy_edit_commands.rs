//! IPC commands of the strategy editor on the Strategia screen: the definition, a check that
//! places problems beside the fields, one edit, "cofnij", and the template written out for
//! changes too many to make one by one.

use jst_core::{
    EditProblemView, StrategyDefinitionView, StrategyEdit, StrategyEditView, UndoStateView,
};
use tauri::State;

use crate::state::AppState;
use crate::ApiError;

/// The active strategy's definition (every field of nodes and indicators) and what "cofnij"
/// would undo.
#[tauri::command]
#[specta::specta]
pub async fn strategy_definition(
    state: State<'_, AppState>,
) -> Result<StrategyDefinitionView, ApiError> {
    state.with(|m| m.strategy_definition())
}

/// The problems that would refuse an edit, each with its field; writes nothing.
#[tauri::command]
#[specta::specta]
pub async fn check_strategy_edit(
    state: State<'_, AppState>,
    edit: StrategyEdit,
) -> Result<Vec<EditProblemView>, ApiError> {
    state.with(|m| m.check_strategy_edit(&edit))
}

/// One edit of the active strategy, written in one audited transaction; a refused edit
/// (`invalid_input`) writes nothing.
#[tauri::command]
#[specta::specta]
pub async fn edit_strategy(
    state: State<'_, AppState>,
    edit: StrategyEdit,
) -> Result<StrategyEditView, ApiError> {
    state.with(|m| m.edit_strategy(&edit))
}

/// Undoes the last edit of the active strategy (`conflict` when there is none).
#[tauri::command]
#[specta::specta]
pub async fn undo_strategy_edit(state: State<'_, AppState>) -> Result<StrategyEditView, ApiError> {
    state.with(|m| m.undo_strategy_edit())
}

/// What "cofnij" would undo, or null.
#[tauri::command]
#[specta::specta]
pub async fn strategy_undo_state(
    state: State<'_, AppState>,
) -> Result<Option<UndoStateView>, ApiError> {
    state.with(|m| m.strategy_undo_state())
}

/// Writes the active strategy as a template (CSV) where the user chooses in the system's save
/// dialog, to correct many things in a spreadsheet and import it again; null when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn export_strategy_template(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<String>, ApiError> {
    use tauri_plugin_dialog::DialogExt;
    // The dialog waits for the user without the monitor's lock.
    let picked = app
        .dialog()
        .file()
        .add_filter("CSV", &["csv"])
        .set_file_name("szablon-strategii.csv")
        .blocking_save_file();
    let Some(path) = picked.and_then(|p| p.into_path().ok()) else { return Ok(None) };
    state.with(|m| m.export_strategy(&path))?;
    Ok(Some(path.display().to_string()))
}
