//! IPC commands of the copies of the own data on the Ustawienia screen: the list, a copy now,
//! checking a file and restoring one.

use std::path::Path;

use jst_core::{BackupView, BackupsView, RestoredView};
use tauri::State;

use crate::state::AppState;
use crate::ApiError;

/// The copies in `kopie/` of the data folder, newest first, each checked (`quick_check`).
#[tauri::command]
#[specta::specta]
pub async fn backups(state: State<'_, AppState>) -> Result<BackupsView, ApiError> {
    state.with(|m| m.backups())
}

/// A verified copy now, in `kopie/` (older daily and manual copies beyond seven go) or in the
/// folder `to`.
#[tauri::command]
#[specta::specta]
pub async fn backup_now(
    state: State<'_, AppState>,
    to: Option<String>,
) -> Result<BackupView, ApiError> {
    state.with(|m| m.backup_now(to.as_deref().map(Path::new)))
}

/// Checks a copy (a path, or a file name in `kopie/`) before the user confirms its restore;
/// `invalid_input` when it cannot be restored. Changes nothing.
#[tauri::command]
#[specta::specta]
pub async fn check_backup(
    state: State<'_, AppState>,
    file: String,
) -> Result<BackupView, ApiError> {
    state.with(|m| m.check_backup(Path::new(&file)))
}

/// Restores a copy (a path, or a file name in `kopie/`); the current database is kept in
/// `kopie/` first. Every screen's data changes with it.
#[tauri::command]
#[specta::specta]
pub async fn restore_backup(
    state: State<'_, AppState>,
    file: String,
) -> Result<RestoredView, ApiError> {
    // The worker's own connection must not outlive the swap (it would write to the old file).
    state.with_folder_alone(|m| m.restore_backup(Path::new(&file)))
}
