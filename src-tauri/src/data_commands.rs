//! IPC commands of the Dane screen's value grid; imports and export have their own modules.

use jst_core::ValueGridView;
use tauri::State;

use crate::state::AppState;
use crate::ApiError;

/// The active strategy's indicators × years with the own values.
#[tauri::command]
#[specta::specta]
pub async fn value_grid(state: State<'_, AppState>) -> Result<ValueGridView, ApiError> {
    state.with(|m| m.value_grid())
}

/// Deletes an own value (kept in its history) and answers the grid.
#[tauri::command]
#[specta::specta]
pub async fn delete_value(
    state: State<'_, AppState>,
    code: String,
    year: i32,
) -> Result<ValueGridView, ApiError> {
    state.with(|m| m.delete_value(&code, year))
}
