//! IPC commands of the experience-exchange groups (GWD) on Porównania: the groups as last
//! fetched, what the unit shares with which group, meeting notes and the meeting sheet.

use std::path::Path;

use jst_core::{GwdGroupView, GwdNoteView, GwdShareView, GwdSheetFormat, GwdSheetView};
use tauri::State;

use crate::state::AppState;
use crate::ApiError;

/// The unit's groups from the last refresh (with its date), members named.
#[tauri::command]
#[specta::specta]
pub async fn gwd_groups(state: State<'_, AppState>) -> Result<Vec<GwdGroupView>, ApiError> {
    state.with(|m| m.gwd_groups())
}

/// Per indicator: shared or not, and which groups see the unit's values.
#[tauri::command]
#[specta::specta]
pub async fn gwd_shares(state: State<'_, AppState>) -> Result<Vec<GwdShareView>, ApiError> {
    state.with(|m| m.gwd_shares())
}

#[tauri::command]
#[specta::specta]
pub async fn gwd_notes(
    state: State<'_, AppState>,
    id: String,
) -> Result<Vec<GwdNoteView>, ApiError> {
    state.with(|m| m.gwd_notes(&id))
}

/// Adds a meeting note (audited); answers the group's notes.
#[tauri::command]
#[specta::specta]
pub async fn add_gwd_note(
    state: State<'_, AppState>,
    id: String,
    year: Option<i32>,
    text: String,
) -> Result<Vec<GwdNoteView>, ApiError> {
    state.with(|m| m.add_gwd_note(&id, year, &text))
}

/// The system's save dialog for the meeting sheet; null when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn pick_gwd_sheet_file(
    app: tauri::AppHandle,
    id: String,
    year: i32,
    format: GwdSheetFormat,
) -> Result<Option<String>, ApiError> {
    use tauri_plugin_dialog::DialogExt;
    let extension = match format {
        GwdSheetFormat::Xlsx => "xlsx",
        GwdSheetFormat::Pdf => "pdf",
    };
    let picked = app
        .dialog()
        .file()
        .add_filter(extension.to_uppercase(), &[extension])
        .set_file_name(format!("zestawienie-gwd-{id}-{year}.{extension}"))
        .blocking_save_file();
    Ok(picked.and_then(|p| p.into_path().ok()).map(|p| p.display().to_string()))
}

/// Writes the meeting sheet (replaced whole or left as it was), on the worker: a PDF takes a
/// moment and the screens keep reading.
#[tauri::command]
#[specta::specta]
pub async fn export_gwd_sheet(
    state: State<'_, AppState>,
    id: String,
    year: i32,
    format: GwdSheetFormat,
    path: String,
) -> Result<GwdSheetView, ApiError> {
    state.with_worker(|m| m.export_gwd_sheet(&id, year, format, Path::new(&path)))
}
