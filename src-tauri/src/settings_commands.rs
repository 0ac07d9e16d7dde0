//! IPC commands of the Ustawienia screen: the history of changes (audit log), the trusted
//! release keys, the status thresholds, saving the program's log for a bug report, and "O
//! programie".

use jst_core::{AuditFilter, AuditLogView, ThresholdValues, ThresholdsView, TrustedKeyEntryView};
use tauri::State;

use crate::state::AppState;
use crate::ApiError;

/// A page of the history of changes, newest first; a bad date is `invalid_input`.
#[tauri::command]
#[specta::specta]
pub async fn audit_log(
    state: State<'_, AppState>,
    filter: AuditFilter,
) -> Result<AuditLogView, ApiError> {
    state.with(|m| m.audit_log(&filter))
}

/// The trusted release keys: pinned in the program, then added by an administrator.
#[tauri::command]
#[specta::specta]
pub async fn trusted_keys(
    state: State<'_, AppState>,
) -> Result<Vec<TrustedKeyEntryView>, ApiError> {
    state.with(|m| m.trusted_keys())
}

/// Removes a key an administrator added (audited); a pinned key is `invalid_input`, an unknown
/// one `not_found`. Returns the keys left.
#[tauri::command]
#[specta::specta]
pub async fn remove_trusted_key(
    state: State<'_, AppState>,
    key_id: String,
) -> Result<Vec<TrustedKeyEntryView>, ApiError> {
    state.with(|m| m.remove_trusted_key(&key_id))
}

/// The status thresholds in force and the defaults.
#[tauri::command]
#[specta::specta]
pub async fn thresholds(state: State<'_, AppState>) -> Result<ThresholdsView, ApiError> {
    state.with(|m| m.thresholds())
}

/// Saves the status thresholds (audited); saving the defaults is the reset. Out of order or
/// range is `invalid_input` with the Polish reason.
#[tauri::command]
#[specta::specta]
pub async fn save_thresholds(
    state: State<'_, AppState>,
    input: ThresholdValues,
) -> Result<ThresholdsView, ApiError> {
    state.with(|m| m.set_thresholds(&input))
}

/// The system's save dialog for the log; null when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn pick_log_file(app: tauri::AppHandle) -> Result<Option<String>, ApiError> {
    use tauri_plugin_dialog::DialogExt;
    let picked = app
        .dialog()
        .file()
        .add_filter(jst_text::t!("desktop-filter-log"), &["log", "txt"])
        .set_file_name("dziennik-monitor-jst.log")
        .blocking_save_file();
    Ok(picked.and_then(|p| p.into_path().ok()).map(|p| p.display().to_string()))
}

/// Writes the program's log (the last days, oldest first) to `path` for a bug report; answers
/// the bytes written.
#[tauri::command]
#[specta::specta]
pub async fn save_log(state: State<'_, AppState>, path: String) -> Result<u32, ApiError> {
    let bytes = crate::log::save(state.data_dir()?, std::path::Path::new(&path))?;
    Ok(u32::try_from(bytes).unwrap_or(u32::MAX))
}

/// The language of every message made in Rust from now on (errors, import findings, labels);
/// the window calls it at start and whenever the user switches language.
#[tauri::command]
#[specta::specta]
pub fn set_language(lang: jst_text::Lang) -> Result<(), ApiError> {
    jst_text::set_language(lang);
    tracing::info!(lang = lang.code(), "język komunikatów");
    Ok(())
}

/// "O programie": version, build date, schema versions and the data folder in use.
#[tauri::command]
#[specta::specta]
pub async fn about(state: State<'_, AppState>) -> Result<jst_core::AboutView, ApiError> {
    Ok(jst_core::about(state.data_dir().ok()))
}
