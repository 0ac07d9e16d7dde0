//! IPC commands of the Raporty screen: the preview, the header and the officer's texts, the
//! save dialog, writing a report with progress and cancel, and showing its folder.

use std::path::Path;

use jst_core::{
    default_status_year, ReportFormat, ReportHeaderInput, ReportHeaderView, ReportKind,
    ReportPreviewView, ReportProgress, ReportTextsView, ReportWrittenView,
};
use tauri::ipc::Channel;
use tauri::State;

use crate::state::{AppState, Work};
use crate::ApiError;

/// What a report for the year will cover: goals, indicators, which have no data.
#[tauri::command]
#[specta::specta]
pub async fn report_preview(
    state: State<'_, AppState>,
    year: Option<i32>,
) -> Result<ReportPreviewView, ApiError> {
    state.with(|m| m.report_preview(year.unwrap_or_else(default_status_year)))
}

/// The latest year whose strategy data is complete; null without a strategy or values.
#[tauri::command]
#[specta::specta]
pub async fn complete_report_year(state: State<'_, AppState>) -> Result<Option<i32>, ApiError> {
    state.with(|m| m.complete_report_year())
}

#[tauri::command]
#[specta::specta]
pub async fn report_header(state: State<'_, AppState>) -> Result<ReportHeaderView, ApiError> {
    state.with(|m| m.report_header())
}

#[tauri::command]
#[specta::specta]
pub async fn save_report_header(
    state: State<'_, AppState>,
    input: ReportHeaderInput,
) -> Result<ReportHeaderView, ApiError> {
    state.with(|m| m.save_report_header(&input))
}

/// The system's file dialog for the coat of arms (PNG, SVG); null when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn pick_emblem_file(app: tauri::AppHandle) -> Result<Option<String>, ApiError> {
    use tauri_plugin_dialog::DialogExt;
    let picked = app
        .dialog()
        .file()
        .add_filter(jst_text::t!("desktop-filter-emblem"), &["png", "svg"])
        .blocking_pick_file();
    Ok(picked.and_then(|p| p.into_path().ok()).map(|p| p.display().to_string()))
}

/// Sets the coat of arms from a file, or removes it (`path` null).
#[tauri::command]
#[specta::specta]
pub async fn set_report_emblem(
    state: State<'_, AppState>,
    path: Option<String>,
) -> Result<ReportHeaderView, ApiError> {
    state.with(|m| m.set_report_emblem(path.as_deref().map(Path::new)))
}

#[tauri::command]
#[specta::specta]
pub async fn report_texts(
    state: State<'_, AppState>,
    year: i32,
) -> Result<ReportTextsView, ApiError> {
    state.with(|m| m.report_texts(year))
}

/// Sets the introduction (`goal` null) or a goal's commentary for the year; empty removes it.
#[tauri::command]
#[specta::specta]
pub async fn save_report_text(
    state: State<'_, AppState>,
    year: i32,
    goal: Option<String>,
    text: String,
) -> Result<ReportTextsView, ApiError> {
    state.with(|m| m.save_report_text(year, goal.as_deref(), &text))
}

/// The system's save dialog for a report in `format`; null when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn pick_report_file(
    app: tauri::AppHandle,
    suggested_name: String,
    format: ReportFormat,
) -> Result<Option<String>, ApiError> {
    use tauri_plugin_dialog::DialogExt;
    let (label, ext) = match format {
        ReportFormat::Pdf => ("PDF", "pdf"),
        ReportFormat::Docx => ("DOCX (Word, LibreOffice)", "docx"),
        ReportFormat::Xlsx => ("XLSX", "xlsx"),
    };
    let picked = app
        .dialog()
        .file()
        .add_filter(label, &[ext])
        .set_file_name(&suggested_name)
        .blocking_save_file();
    Ok(picked.and_then(|p| p.into_path().ok()).map(|p| p.display().to_string()))
}

/// Writes a report whole to `path`, with progress; `cancel_report` stops it before the file
/// is written.
#[tauri::command]
#[specta::specta]
pub async fn write_report(
    state: State<'_, AppState>,
    kind: ReportKind,
    year: i32,
    format: ReportFormat,
    path: String,
    on_progress: Channel<ReportProgress>,
) -> Result<ReportWrittenView, ApiError> {
    let mut progress = state.progress(Work::Report, on_progress);
    state.with_worker(|m| m.write_report(kind, year, format, Path::new(&path), &mut progress))
}

/// Asks a report being written to stop; nothing is written.
#[tauri::command]
#[specta::specta]
pub async fn cancel_report(state: State<'_, AppState>) -> Result<(), ApiError> {
    state.cancel(Work::Report);
    Ok(())
}

/// Opens the folder holding a written report in the system's file manager.
#[tauri::command]
#[specta::specta]
pub async fn show_report_folder(path: String) -> Result<(), ApiError> {
    let folder = Path::new(&path).parent().unwrap_or(Path::new(".")).to_owned();
    // The desktop's own opener for a folder; nothing from the webview reaches a shell.
    let program = if cfg!(windows) {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    std::process::Command::new(program).arg(&folder).spawn().map(drop).map_err(|e| ApiError {
        kind: jst_core::ErrorKind::Io,
        message: jst_text::t!(
            "desktop-open-folder-failed",
            folder = folder.display().to_string(),
            reason = e.to_string()
        ),
    })
}
