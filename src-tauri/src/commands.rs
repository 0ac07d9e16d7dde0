//! IPC commands: each one calls a single `jst-core` use case.

use jst_core::{
    default_status_year, BenchmarkView, ComparableIndicatorView, ImportCheckView, ImportKind,
    ImportProgress, IndicatorDetailView, StatusView, StrategyOverviewView, UnitView, ValueInput,
};
use std::path::Path;

use tauri::ipc::Channel;
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

/// Opens the system's file dialog from Rust: the webview gets a path, never the dialog plugin.
#[tauri::command]
#[specta::specta]
pub async fn pick_file(app: tauri::AppHandle) -> Result<Option<String>, ApiError> {
    use tauri_plugin_dialog::DialogExt;
    let picked =
        app.dialog().file().add_filter("CSV, XLSX", &["csv", "xlsx", "txt"]).blocking_pick_file();
    Ok(picked.and_then(|p| p.into_path().ok()).map(|p| p.display().to_string()))
}

/// The validation report of a file, with progress by rows; writes nothing.
#[tauri::command]
#[specta::specta]
pub async fn check_import(
    state: State<'_, AppState>,
    kind: ImportKind,
    path: String,
    on_progress: Channel<ImportProgress>,
) -> Result<ImportCheckView, ApiError> {
    let mut progress = state.progress(on_progress);
    state.with(|m| m.check_import(kind, Path::new(&path), &mut progress))
}

/// Imports a file the user has checked and confirmed; warnings were shown and accepted.
#[tauri::command]
#[specta::specta]
pub async fn run_import(
    state: State<'_, AppState>,
    kind: ImportKind,
    path: String,
    on_progress: Channel<ImportProgress>,
) -> Result<ImportCheckView, ApiError> {
    let mut progress = state.progress(on_progress);
    state.with(|m| m.run_import(kind, Path::new(&path), &mut progress))
}

/// Asks a running check or import to stop before it writes anything.
#[tauri::command]
#[specta::specta]
pub async fn cancel_import(state: State<'_, AppState>) -> Result<(), ApiError> {
    state.cancel();
    Ok(())
}

#[tauri::command]
#[specta::specta]
pub async fn add_note(
    state: State<'_, AppState>,
    code: String,
    note_year: Option<i32>,
    text: String,
    year: Option<i32>,
) -> Result<IndicatorDetailView, ApiError> {
    let year = year.unwrap_or_else(default_status_year);
    state.with(|m| m.add_indicator_note(&code, note_year, &text, year))
}

#[tauri::command]
#[specta::specta]
pub async fn comparable_indicators(
    state: State<'_, AppState>,
) -> Result<Vec<ComparableIndicatorView>, ApiError> {
    state.with(|m| m.comparable_indicators())
}

#[tauri::command]
#[specta::specta]
pub async fn benchmark(
    state: State<'_, AppState>,
    indicator: String,
    year: i32,
    group: String,
) -> Result<BenchmarkView, ApiError> {
    state.with(|m| m.benchmark(&indicator, year, &group))
}
