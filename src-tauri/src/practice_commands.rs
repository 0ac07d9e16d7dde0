//! IPC commands of the good-practice base (Baza Dobrych Praktyk) on Porównania, the Pulpit and
//! the indicator view: search, a practice's page, practices proposed for what lags, attachments
//! fetched on demand, and the unit's own proposals.

use std::path::PathBuf;

use base64::Engine as _;
use jst_core::{
    PracticeAttachmentFileView, PracticeDetailView, PracticeFilter, PracticeProposalInput,
    PracticeProposalView, PracticeSuggestionView, PracticeView, ProposalProblemView,
};
use tauri::State;

use crate::state::AppState;
use crate::ApiError;

/// Best match first; every practice by title when there are no words.
#[tauri::command]
#[specta::specta]
pub async fn search_practices(
    state: State<'_, AppState>,
    filter: PracticeFilter,
) -> Result<Vec<PracticeView>, ApiError> {
    state.with(|m| m.search_practices(&filter))
}

#[tauri::command]
#[specta::specta]
pub async fn practice(state: State<'_, AppState>, id: i32) -> Result<PracticeDetailView, ApiError> {
    state.with(|m| m.practice(i64::from(id)))
}

/// Practices for what lags, with why each is proposed: every lagging indicator, or only
/// `indicator` (the indicator view).
#[tauri::command]
#[specta::specta]
pub async fn suggest_practices(
    state: State<'_, AppState>,
    indicator: Option<String>,
) -> Result<Vec<PracticeSuggestionView>, ApiError> {
    state.with(|m| m.suggest_practices(indicator.as_deref()))
}

/// An image attachment as a `data:` URL, the one form the window's CSP lets an image take:
/// fetched from the association on first use (on the worker: it may take a while) and cached.
#[tauri::command]
#[specta::specta]
pub async fn practice_image(
    app: tauri::AppHandle,
    practice_id: i32,
    sha256: String,
) -> Result<String, ApiError> {
    let file = attachment(&app, practice_id, sha256, None).await?;
    // The window's CSP lets images in as `data:` only; a PDF is saved and opened outside.
    if !file.kind.media_type().starts_with("image/") {
        return Err(ApiError {
            kind: jst_core::ErrorKind::InvalidInput,
            message: jst_text::t!("desktop-practice-not-image"),
        });
    }
    let bytes = std::fs::read(&file.path).map_err(|e| ApiError {
        kind: jst_core::ErrorKind::Io,
        message: jst_text::t!("desktop-practice-attachment-read", reason = e.to_string()),
    })?;
    let encoded = base64::engine::general_purpose::STANDARD.encode(bytes);
    Ok(format!("data:{};base64,{encoded}", file.kind.media_type()))
}

/// Asks where to save the attachment, then copies it there (fetching it first if it is not
/// cached yet); null when the user cancelled.
#[tauri::command]
#[specta::specta]
pub async fn save_practice_attachment(
    app: tauri::AppHandle,
    practice_id: i32,
    sha256: String,
) -> Result<Option<String>, ApiError> {
    use tauri_plugin_dialog::DialogExt;
    let file = attachment(&app, practice_id, sha256.clone(), None).await?;
    let extension = file.kind.extension();
    let stem: String = file
        .title
        .as_deref()
        .unwrap_or("zalacznik")
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '-' || c == ' ' { c } else { '_' })
        .collect();
    let picked = app
        .dialog()
        .file()
        .add_filter(extension.to_uppercase(), &[extension])
        .set_file_name(format!("{}.{extension}", stem.trim()))
        .blocking_save_file();
    let Some(path) = picked.and_then(|p| p.into_path().ok()) else { return Ok(None) };
    attachment(&app, practice_id, sha256, Some(path.clone())).await?;
    Ok(Some(path.display().to_string()))
}

/// The attachment from the cache, or fetched from the release's source (blocking HTTP, so on a
/// blocking thread and the worker's monitor), and copied to `to` when given.
async fn attachment(
    app: &tauri::AppHandle,
    practice_id: i32,
    sha256: String,
    to: Option<PathBuf>,
) -> Result<PracticeAttachmentFileView, ApiError> {
    use tauri::Manager;
    let app = app.clone();
    tauri::async_runtime::spawn_blocking(move || {
        app.state::<AppState>().with_worker(|m| match &to {
            Some(to) => m.save_practice_attachment(i64::from(practice_id), &sha256, to),
            None => m.practice_attachment(i64::from(practice_id), &sha256),
        })
    })
    .await
    .map_err(|e| ApiError { kind: jst_core::ErrorKind::Internal, message: e.to_string() })?
}

/// The problems that would refuse the proposal, by field (none: it can be sent).
#[tauri::command]
#[specta::specta]
pub async fn check_practice_proposal(
    state: State<'_, AppState>,
    input: PracticeProposalInput,
) -> Result<Vec<ProposalProblemView>, ApiError> {
    state.with(|m| m.check_practice_proposal(&input))
}

/// Saves the proposal in the data folder, then sends it with the unit token (on the worker:
/// it waits for the network); a failed send is kept as not sent, with why.
#[tauri::command]
#[specta::specta]
pub async fn propose_practice(
    app: tauri::AppHandle,
    input: PracticeProposalInput,
) -> Result<PracticeProposalView, ApiError> {
    use tauri::Manager;
    let local_id = app.state::<AppState>().with(|m| m.save_practice_proposal(&input))?;
    send(&app, local_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn practice_proposals(
    state: State<'_, AppState>,
) -> Result<Vec<PracticeProposalView>, ApiError> {
    state.with(|m| m.practice_proposals())
}

#[tauri::command]
#[specta::specta]
pub async fn send_practice_proposal(
    app: tauri::AppHandle,
    local_id: u32,
) -> Result<PracticeProposalView, ApiError> {
    send(&app, i64::from(local_id)).await
}

/// A saved proposal sent with the unit token: read under the monitor, posted on a blocking
/// thread without it (the screens keep working), the answer recorded after.
async fn send(app: &tauri::AppHandle, local_id: i64) -> Result<PracticeProposalView, ApiError> {
    use tauri::Manager;
    let state = app.state::<AppState>();
    let job = state.with(|m| m.practice_proposal_job(local_id, None))?;
    let sent = tauri::async_runtime::spawn_blocking(move || job.send())
        .await
        .map_err(|e| ApiError { kind: jst_core::ErrorKind::Internal, message: e.to_string() })?;
    state.with(|m| m.apply_practice_proposal(sent))
}
