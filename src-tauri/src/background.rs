//! Sync while the app runs: on demand (`sync_now`, with progress and cancel) and periodically
//! in the background at the interval set in Synchronizacja. Offline is normal: the log gets a
//! line, the window no dialog. The download never holds the monitor lock.

use std::time::Duration;

use jst_core::{SyncProgressView, SyncView};
use tauri::ipc::Channel;
use tauri::Manager;

use crate::state::AppState;
use crate::ApiError;

/// How often the background loop looks whether a sync is due.
const TICK: Duration = Duration::from_secs(60);

pub async fn sync_once(
    app: &tauri::AppHandle,
    progress: Option<Channel<SyncProgressView>>,
) -> Result<SyncView, ApiError> {
    let state = app.state::<AppState>();
    let job = state.with(|m| {
        let source = m.configured_source()?;
        m.sync_job(&source)
    })?;
    state.reset_cancel();
    let handle = app.clone();
    let worker_job = job.clone();
    // reqwest's blocking client must not run on the async runtime's own threads.
    let planned = tauri::async_runtime::spawn_blocking(move || {
        let state = handle.state::<AppState>();
        worker_job.plan(&mut |done, total| {
            if let Some(channel) = &progress {
                let _ = channel.send(SyncProgressView { done, total });
            }
            !state.cancelled()
        })
    })
    .await
    .map_err(|e| ApiError { kind: jst_core::ErrorKind::Internal, message: e.to_string() })?;
    state.with(|m| m.apply_sync(&job, planned))
}

/// Starts the periodic sync. Each tick reads the interval (0 = off) and the last attempt.
pub fn start(app: tauri::AppHandle) {
    tauri::async_runtime::spawn(async move {
        let mut waited = Duration::ZERO;
        loop {
            tokio_sleep(TICK).await;
            waited += TICK;
            let state = app.state::<AppState>();
            let Ok(status) = state.with(|m| m.sync_status()) else { continue };
            if status.server.is_none() || status.interval_minutes == 0 {
                continue;
            }
            if waited < Duration::from_secs(u64::from(status.interval_minutes) * 60) {
                continue;
            }
            waited = Duration::ZERO;
            // Outcomes (offline, rejected) are logged by the core; nothing to show here.
            let _ = sync_once(&app, None).await;
        }
    });
}

async fn tokio_sleep(d: Duration) {
    let _ = tauri::async_runtime::spawn_blocking(move || std::thread::sleep(d)).await;
}
