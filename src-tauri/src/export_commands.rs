//! IPC commands of the Dane screen's export: the save dialog with the unit's file name, and
//! writing own data (values with history and notes, budget lines, the strategy) as CSV or XLSX.

use std::path::Path;

use jst_core::{ExportFormat, ExportKind, ExportWrittenView};
use tauri::State;

use crate::state::AppState;
use crate::ApiError;

/// The system's save dialog for an export, suggesting the unit's file name
/// (`wartosci-TERYT.csv`); null when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn pick_export_file(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    kind: ExportKind,
    format: ExportFormat,
) -> Result<Option<String>, ApiError> {
    use tauri_plugin_dialog::DialogExt;
    // The monitor lock is released before the dialog waits for the user.
    let suggested = state.with(|m| m.export_file_name(kind, format))?;
    let label = match format {
        ExportFormat::Csv => jst_text::t!("desktop-filter-csv"),
        ExportFormat::Xlsx => "XLSX".to_owned(),
    };
    let picked = app
        .dialog()
        .file()
        .add_filter(label, &[format.extension()])
        .set_file_name(&suggested)
        .blocking_save_file();
    Ok(picked.and_then(|p| p.into_path().ok()).map(|p| p.display().to_string()))
}

/// Writes `kind` as `format` to `path` (crash-safely); values as CSV also write the history
/// and the notes beside it (`companion_files`).
#[tauri::command]
#[specta::specta]
pub async fn export_own_data(
    state: State<'_, AppState>,
    kind: ExportKind,
    format: ExportFormat,
    path: String,
) -> Result<ExportWrittenView, ApiError> {
    state.with(|m| m.export_own_data(kind, format, Path::new(&path)))
}
