//! IPC commands: each one calls a single `jst-core` use case.

use jst_core::{
    default_status_year, IndicatorDetailView, StatusView, StrategyOverviewView, UnitView,
    ValueInput,
};
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

#[tauri::command]
#[specta::specta]
pub async fn strategy_overview(
    state: State<'_, AppState>,
    year: Option<i32>,
) -> Result<StrategyOverviewView, ApiError> {
    state.with(|m| m.strategy_overview(year.unwrap_or_else(default_status_year)))
}

#[tauri::command]
#[specta::specta]
pub async fn indicator_detail(
    state: State<'_, AppState>,
    code: String,
    year: Option<i32>,
) -> Result<IndicatorDetailView, ApiError> {
    state.with(|m| m.indicator_detail(&code, year.unwrap_or_else(default_status_year)))
}

#[tauri::command]
#[specta::specta]
pub async fn record_value(
    state: State<'_, AppState>,
    input: ValueInput,
    year: Option<i32>,
) -> Result<IndicatorDetailView, ApiError> {
    state.with(|m| m.record_value(&input, year.unwrap_or_else(default_status_year)))
}
