//! IPC commands: each one calls a single `jst-core` use case.

use jst_core::{
    default_status_year, BenchmarkView, BoundaryView, ComparableIndicatorView, ContributionsView,
    CostYearsView, CostsView, ImportCheckView, ImportKind, ImportProgress, IndicatorDetailView,
    NearestView, OfficialImportView, PeerGroupView, StatusView, StrategyOverviewView, SubmitView,
    SyncProgressView, SyncStatusView, SyncView, UnitView, ValueInput, YearPositionView,
};
use std::path::Path;

use tauri::ipc::Channel;
use tauri::State;

use crate::state::{AppState, Work};
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

/// The system's file dialog for an import of `kind`, offering the formats its importer reads;
/// null when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn pick_import_file(
    app: tauri::AppHandle,
    kind: ImportKind,
) -> Result<Option<String>, ApiError> {
    use tauri_plugin_dialog::DialogExt;
    let (name, extensions): (&str, &[&str]) = match kind {
        ImportKind::Strategy | ImportKind::Values | ImportKind::Catalogue => {
            ("CSV, XLSX", &["csv", "xlsx", "txt"])
        }
        ImportKind::PublicValues => ("CSV", &["csv", "txt"]),
        ImportKind::Register => ("TERC (CSV, XML)", &["csv", "xml", "txt"]),
    };
    let picked = app.dialog().file().add_filter(name, extensions).blocking_pick_file();
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
    let mut progress = state.progress(Work::Import, on_progress);
    state.with_worker(|m| m.check_import(kind, Path::new(&path), &mut progress))
}

/// Imports a file the user has checked and confirmed; warnings were shown and accepted, and
/// `allow_shrink` is the user's consent to a register that ends many units.
#[tauri::command]
#[specta::specta]
pub async fn run_import(
    state: State<'_, AppState>,
    kind: ImportKind,
    path: String,
    allow_shrink: bool,
    on_progress: Channel<ImportProgress>,
) -> Result<ImportCheckView, ApiError> {
    let mut progress = state.progress(Work::Import, on_progress);
    state.with_worker(|m| m.run_import(kind, Path::new(&path), allow_shrink, &mut progress))
}

/// The system's file dialog for a budget report or an SIO list; null when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn pick_official_file(app: tauri::AppHandle) -> Result<Option<String>, ApiError> {
    use tauri_plugin_dialog::DialogExt;
    let picked = app
        .dialog()
        .file()
        .add_filter(jst_text::t!("desktop-filter-official"), &["xml", "xlsx", "csv", "txt"])
        .blocking_pick_file();
    Ok(picked.and_then(|p| p.into_path().ok()).map(|p| p.display().to_string()))
}

/// The report on a budget report or SIO list (recognised by content); writes nothing.
#[tauri::command]
#[specta::specta]
pub async fn check_official_import(
    state: State<'_, AppState>,
    path: String,
    on_progress: Channel<ImportProgress>,
) -> Result<OfficialImportView, ApiError> {
    let mut progress = state.progress(Work::Import, on_progress);
    state.with_worker(|m| m.check_official_import(Path::new(&path), &mut progress))
}

/// Imports a budget report or SIO list the user has checked and confirmed.
#[tauri::command]
#[specta::specta]
pub async fn run_official_import(
    state: State<'_, AppState>,
    path: String,
    on_progress: Channel<ImportProgress>,
) -> Result<OfficialImportView, ApiError> {
    let mut progress = state.progress(Work::Import, on_progress);
    state.with_worker(|m| m.run_official_import(Path::new(&path), &mut progress))
}

/// Asks a running check or import to stop before it writes anything.
#[tauri::command]
#[specta::specta]
pub async fn cancel_import(state: State<'_, AppState>) -> Result<(), ApiError> {
    state.cancel(Work::Import);
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

/// Years with data for the indicator, newest first (Porównania's year list).
#[tauri::command]
#[specta::specta]
pub async fn indicator_years(
    state: State<'_, AppState>,
    code: String,
) -> Result<Vec<i32>, ApiError> {
    state.with(|m| m.indicator_years(&code))
}

#[tauri::command]
#[specta::specta]
pub async fn cost_years(state: State<'_, AppState>) -> Result<CostYearsView, ApiError> {
    state.with(|m| m.cost_years())
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

#[tauri::command]
#[specta::specta]
pub async fn position_over_years(
    state: State<'_, AppState>,
    indicator: String,
    group: String,
) -> Result<Vec<YearPositionView>, ApiError> {
    state.with(|m| m.position_over_years(&indicator, &group))
}

#[tauri::command]
#[specta::specta]
pub async fn boundaries(
    state: State<'_, AppState>,
    teryts: Vec<String>,
) -> Result<Vec<BoundaryView>, ApiError> {
    state.with(|m| m.boundaries(&teryts))
}

#[tauri::command]
#[specta::specta]
pub async fn nearest_peers(
    state: State<'_, AppState>,
    k: u32,
    year: Option<i32>,
    variables: Option<Vec<String>>,
    weights: Option<Vec<f64>>,
) -> Result<Vec<NearestView>, ApiError> {
    state.with(|m| m.nearest_peers(k as usize, year, variables, weights))
}

#[tauri::command]
#[specta::specta]
pub async fn peer_groups(state: State<'_, AppState>) -> Result<Vec<PeerGroupView>, ApiError> {
    state.with(|m| m.peer_groups())
}

#[tauri::command]
#[specta::specta]
pub async fn save_peer_group(
    state: State<'_, AppState>,
    name: String,
    teryts: Vec<String>,
) -> Result<PeerGroupView, ApiError> {
    state.with(|m| m.save_peer_group(&name, &teryts))
}

#[tauri::command]
#[specta::specta]
pub async fn delete_peer_group(state: State<'_, AppState>, name: String) -> Result<(), ApiError> {
    state.with(|m| m.delete_peer_group(&name))
}

#[tauri::command]
#[specta::specta]
pub async fn costs(
    state: State<'_, AppState>,
    year: Option<i32>,
    group: String,
    real_base: Option<i32>,
) -> Result<CostsView, ApiError> {
    state.with(|m| m.costs(year, &group, real_base))
}

/// Writes the cost comparison to `path` as XLSX (replaced whole, or left as it was).
#[tauri::command]
#[specta::specta]
pub async fn export_costs(
    state: State<'_, AppState>,
    year: Option<i32>,
    group: String,
    real_base: Option<i32>,
    path: String,
) -> Result<CostsView, ApiError> {
    state.with(|m| m.export_costs_xlsx(year, &group, real_base, Path::new(&path)))
}

/// The system's save dialog for an XLSX file, opened by Rust; null when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn pick_save_file(
    app: tauri::AppHandle,
    suggested_name: String,
) -> Result<Option<String>, ApiError> {
    use tauri_plugin_dialog::DialogExt;
    let picked = app
        .dialog()
        .file()
        .add_filter("XLSX", &["xlsx"])
        .set_file_name(&suggested_name)
        .blocking_save_file();
    Ok(picked.and_then(|p| p.into_path().ok()).map(|p| p.display().to_string()))
}

#[tauri::command]
#[specta::specta]
pub async fn sync_status(state: State<'_, AppState>) -> Result<SyncStatusView, ApiError> {
    state.with(|m| m.sync_status())
}

#[tauri::command]
#[specta::specta]
pub async fn configure_sync(
    state: State<'_, AppState>,
    server: Option<String>,
    interval_minutes: u32,
) -> Result<SyncStatusView, ApiError> {
    state.with(|m| m.configure_sync(server, interval_minutes))
}

/// Trusts a release key from a file the officer chose (audited in local.db).
#[tauri::command]
#[specta::specta]
pub async fn trust_key(
    state: State<'_, AppState>,
    path: String,
) -> Result<SyncStatusView, ApiError> {
    state.with(|m| {
        m.trust_key(Path::new(&path))?;
        m.sync_status()
    })
}

/// Syncs with the configured server now: the download runs without the monitor lock, on a
/// blocking thread, reporting chunks to the window; `cancel_sync` stops it before anything is
/// applied.
#[tauri::command]
#[specta::specta]
pub async fn sync_now(
    app: tauri::AppHandle,
    on_progress: Channel<SyncProgressView>,
) -> Result<SyncView, ApiError> {
    crate::background::sync_once(&app, Some(on_progress)).await
}

#[tauri::command]
#[specta::specta]
pub async fn cancel_sync(state: State<'_, AppState>) -> Result<(), ApiError> {
    state.cancel(Work::Sync);
    Ok(())
}

#[tauri::command]
#[specta::specta]
pub async fn contributions(state: State<'_, AppState>) -> Result<ContributionsView, ApiError> {
    state.with(|m| m.contributions())
}

/// Opts indicators in or out of contributing (audited).
#[tauri::command]
#[specta::specta]
pub async fn set_contributed(
    state: State<'_, AppState>,
    codes: Vec<String>,
    on: bool,
) -> Result<ContributionsView, ApiError> {
    state.with(|m| {
        m.set_contributed(&codes, on)?;
        m.contributions()
    })
}

/// Takes the token typed once into a password field and keeps it in Rust (keyring or private
/// file); the answer says where, never the token.
#[tauri::command]
#[specta::specta]
pub async fn set_unit_token(
    state: State<'_, AppState>,
    token: String,
) -> Result<ContributionsView, ApiError> {
    state.with(|m| {
        m.set_unit_token(&token)?;
        m.contributions()
    })
}

#[tauri::command]
#[specta::specta]
pub async fn keep_own_value(
    state: State<'_, AppState>,
    indicator: String,
    year: i32,
) -> Result<ContributionsView, ApiError> {
    state.with(|m| {
        m.keep_own_value(&indicator, year)?;
        m.contributions()
    })
}

/// Takes the server's value of a conflict as the own value (kept in its history).
#[tauri::command]
#[specta::specta]
pub async fn accept_server_value(
    state: State<'_, AppState>,
    indicator: String,
    year: i32,
) -> Result<ContributionsView, ApiError> {
    state.with(|m| {
        m.accept_server_value(&indicator, year)?;
        m.contributions()
    })
}

/// Sends the outbox and the changed values: the outbox is prepared and the answers recorded
/// under the monitor lock, the requests (each bounded to 30 s, see `jst_sync::Limits`) sent on a blocking thread
/// without it; being offline is an outcome, not an error.
#[tauri::command]
#[specta::specta]
pub async fn submit_now(app: tauri::AppHandle) -> Result<SubmitView, ApiError> {
    use tauri::Manager;
    let state = app.state::<AppState>();
    let job = state.with(|m| m.submission_job(None))?;
    let sent = tauri::async_runtime::spawn_blocking(move || job.send())
        .await
        .map_err(|e| ApiError { kind: jst_core::ErrorKind::Internal, message: e.to_string() })?;
    state.with(|m| m.apply_submissions(sent))
}
