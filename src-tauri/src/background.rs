//! Sync while the app runs: on demand (`sync_now`, with progress and cancel) and periodically
//! in the background at the interval set in Synchronizacja. Offline is normal: the log gets a
//! line, the window no dialog. The download never holds the monitor lock.

use std::time::Duration;

use jst_core::{SyncProgressView, SyncView};
use tauri::ipc::Channel;
use tauri::Manager;

use crate::state::{AppState, Work};
use crate::ApiError;

/// How often the background loop looks whether a sync is due.
const TICK: Duration = Duration::from_secs(60);
/// How many ticks between looks whether the daily copy is due.
const BACKUP_EVERY_TICKS: u32 = 60;

pub async fn sync_once(
    app: &tauri::AppHandle,
    progress: Option<Channel<SyncProgressView>>,
) -> Result<SyncView, ApiError> {
    let state = app.state::<AppState>();
    let job = state.with(|m| {
        let source = m.configured_source()?;
        m.sync_job(&source)
    })?;
    state.reset_cancel(Work::Sync);
    let handle = app.clone();
    let worker_job = job.clone();
    // reqwest's blocking client must not run on the async runtime's own threads.
    let planned = tauri::async_runtime::spawn_blocking(move || {
        let state = handle.state::<AppState>();
        worker_job.plan(&mut |done, total| {
            if let Some(channel) = &progress {
                let _ = channel.send(SyncProgressView { done, total });
            }
            !state.cancelled(Work::Sync)
        })
    })
    .await
    .map_err(|e| ApiError { kind: jst_core::ErrorKind::Internal, message: e.to_string() })?;
    // Applying a national release takes a while: the worker applies it, screens keep reading.
    let view = state.with_worker(|m| m.apply_sync(&job, planned))?;
    if view.outcome != jst_core::SyncOutcome::Offline {
        refresh_groups(app).await;
    }
    Ok(view)
}

/// The experience-exchange groups from the same server with the unit token: prepared under
/// the monitor, fetched without it, recorded after. Offline or refused, the last copy stays;
/// the outcome goes to the log, the window shows the copy's date.
async fn refresh_groups(app: &tauri::AppHandle) {
    let state = app.state::<AppState>();
    let job = match state.with(|m| m.gwd_job()) {
        Ok(Some(job)) => job,
        Ok(None) => return,
        Err(e) => {
            tracing::warn!(kind = ?e.kind, "grupy wymiany doświadczeń: {}", e.message);
            return;
        }
    };
    let Ok(fetched) = tauri::async_runtime::spawn_blocking(move || job.fetch()).await else {
        return;
    };
    match state.with(|m| m.apply_gwd(fetched)) {
        Ok(view) => {
            tracing::info!(outcome = ?view.outcome, groups = view.groups, "grupy wymiany doświadczeń")
        }
        Err(e) => tracing::warn!(kind = ?e.kind, "grupy wymiany doświadczeń: {}", e.message),
    }
}

/// Starts the periodic work. Each tick asks the core whether a sync is due: the interval counts
/// from the last attempt (the app's or `jst`'s), so an app open briefly each day still syncs.
/// Every hour it also makes the daily copy of the own data when the last one is a day old, so a
/// window left open for days still gets one a day.
pub fn start(app: tauri::AppHandle) {
    tauri::async_runtime::spawn(async move {
        let mut ticks: u32 = 0;
        loop {
            tokio_sleep(TICK).await;
            ticks = ticks.wrapping_add(1);
            let state = app.state::<AppState>();
            if ticks.is_multiple_of(BACKUP_EVERY_TICKS) {
                if let Ok(Some(copy)) = state.with(|m| Ok(m.daily_backup_if_due())) {
                    tracing::info!(file = %copy.file, "kopia dzienna danych własnych");
                }
            }
            if !matches!(state.with(|m| m.sync_due()), Ok(true)) {
                continue;
            }
            // Outcomes (offline, rejected) are in the sync log; the window shows nothing here.
            match sync_once(&app, None).await {
                Ok(view) => {
                    tracing::info!(outcome = ?view.outcome, version = ?view.version, "synchronizacja w tle")
                }
                Err(e) => tracing::warn!(kind = ?e.kind, "synchronizacja w tle: {}", e.message),
            }
        }
    });
}

async fn tokio_sleep(d: Duration) {
    let _ = tauri::async_runtime::spawn_blocking(move || std::thread::sleep(d)).await;
}
