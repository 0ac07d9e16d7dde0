//! IPC commands: each one calls a single `jst-core` use case.

use jst_core::{StatusView, UnitView};
use tauri::State;

use crate::state::AppState;
use crate::ApiError;

/// How many search results the unit chooser shows.
const SEARCH_LIMIT: usize = 30;

#[tauri::command]
#[specta::specta]
pub async fn app_status(state: State<'_, AppState>) -> Result<StatusView, ApiError> {
    state.with(|m| m.status())
}

#[tauri::command]
#[specta::specta]
pub async fn search_units(
    state: State<'_, AppState>,
    query: String,
) -> Result<Vec<UnitView>, ApiError> {
    state.with(|m| m.search_units(&query, SEARCH_LIMIT))
}

#[tauri::command]
#[specta::specta]
pub async fn choose_unit(
    state: State<'_, AppState>,
    teryt: String,
) -> Result<StatusView, ApiError> {
    state.with(|m| m.choose_unit(&teryt))
}

#[tauri::command]
#[specta::specta]
pub async fn open_demo(state: State<'_, AppState>) -> Result<StatusView, ApiError> {
    state.with(|m| m.open_demo())
}
