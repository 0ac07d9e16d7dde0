use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};

use jst_core::{ErrorKind, Monitor, DATA_DIR_ENV};
use tauri::ipc::Channel;
use tauri::Manager;

use crate::ApiError;

/// Long work the window can cancel; each kind has its own flag, so cancelling a sync leaves an
/// import running and starting an import does not clear a sync's cancel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Work {
    Import,
    Sync,
    Report,
}

impl Work {
    fn index(self) -> usize {
        match self {
            Work::Import => 0,
            Work::Sync => 1,
            Work::Report => 2,
        }
    }
}

/// The opened data folder, or why it could not be opened (shown in the window, not a crash).
///
/// The folder is opened twice: `monitor` serves the screens and short edits, `worker` the long
/// work (imports, the sync apply, reports). SQLite's WAL lets the screens read while the worker
/// writes, so a long import no longer makes every other screen wait.
pub struct AppState {
    data_dir: Result<PathBuf, ApiError>,
    /// Opened by the first use, or by [`AppState::open_in_background`] while the webview loads
    /// its page (a first start creates both databases and loads the register: half a second
    /// the window would otherwise wait with the event loop blocked).
    monitor: OnceLock<Result<Mutex<Monitor>, ApiError>>,
    /// Opened on first use; closed (set to `None`) when the folder is swapped under it.
    worker: Mutex<Option<Monitor>>,
    /// Read by the running work without any lock.
    cancels: [AtomicBool; 3],
}

impl AppState {
    /// The state of `data_dir`, not yet opened: the first use opens it.
    pub fn new(data_dir: Result<PathBuf, ApiError>) -> Self {
        Self {
            data_dir,
            monitor: OnceLock::new(),
            worker: Mutex::new(None),
            cancels: [AtomicBool::new(false), AtomicBool::new(false), AtomicBool::new(false)],
        }
    }

    /// Opens the folder on its own thread; a command arriving meanwhile waits for it.
    pub fn open_in_background(app: &tauri::AppHandle) {
        let app = app.clone();
        std::thread::spawn(move || {
            let _ = app.state::<AppState>().monitor();
        });
    }

    fn monitor(&self) -> Result<&Mutex<Monitor>, ApiError> {
        self.monitor
            .get_or_init(|| {
                let dir = self.data_dir.as_ref().map_err(Clone::clone)?;
                Monitor::open(dir).map(Mutex::new).map_err(ApiError::from)
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The data folder, for what the shell keeps there itself (the log).
    pub fn data_dir(&self) -> Result<&std::path::Path, ApiError> {
        self.data_dir.as_deref().map_err(Clone::clone)
    }

    pub fn cancel(&self, work: Work) {
        self.cancels[work.index()].store(true, Ordering::SeqCst);
    }

    /// A progress callback for long work: it forwards progress to the window and answers
    /// whether to go on. Making one clears an earlier cancellation of the same kind of work.
    pub fn progress<'a, P: tauri::ipc::IpcResponse + Clone + 'a>(
        &'a self,
        work: Work,
        channel: Channel<P>,
    ) -> impl FnMut(P) -> bool + 'a {
        self.reset_cancel(work);
        move |p| {
            // A window that went away cannot watch; the work still finishes or is cancelled.
            let _ = channel.send(p);
            !self.cancelled(work)
        }
    }

    /// Whether a cancellation of `work` was asked for since its last `progress`/`reset_cancel`.
    pub fn cancelled(&self, work: Work) -> bool {
        self.cancels[work.index()].load(Ordering::SeqCst)
    }

    pub fn reset_cancel(&self, work: Work) {
        self.cancels[work.index()].store(false, Ordering::SeqCst);
    }

    /// Runs `f` on the screens' monitor; every short command goes through here.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&mut Monitor) -> jst_core::Result<T>,
    ) -> Result<T, ApiError> {
        let mut guard = self.monitor()?.lock().map_err(|_| poisoned())?;
        f(&mut guard).map_err(ApiError::from)
    }

    /// Runs long work `f` on the worker's own opening of the folder, leaving the screens'
    /// monitor free.
    pub fn with_worker<T>(
        &self,
        f: impl FnOnce(&mut Monitor) -> jst_core::Result<T>,
    ) -> Result<T, ApiError> {
        self.monitor()?;
        let mut guard = self.worker.lock().map_err(|_| poisoned())?;
        if guard.is_none() {
            let dir = self.data_dir.as_ref().map_err(Clone::clone)?;
            *guard = Some(Monitor::open(dir).map_err(ApiError::from)?);
        }
        let worker = guard.as_mut().ok_or_else(poisoned)?;
        f(worker).map_err(ApiError::from)
    }

    /// Runs `f` on the screens' monitor with the worker closed, and kept closed until `f`
    /// returns: for work that replaces `local.db` itself (restoring a backup), which no other
    /// open connection may outlive. Waits for running long work to finish first.
    pub fn with_folder_alone<T>(
        &self,
        f: impl FnOnce(&mut Monitor) -> jst_core::Result<T>,
    ) -> Result<T, ApiError> {
        let mut worker = self.worker.lock().map_err(|_| poisoned())?;
        *worker = None;
        self.with(f)
    }
}

fn poisoned() -> ApiError {
    ApiError { kind: ErrorKind::Internal, message: jst_text::t!("desktop-internal-locked") }
}

/// `JST_DATA_DIR` when set (shared with the CLI), else the app-data folder of the bundle
/// identifier, which is the CLI's default too.
pub fn data_dir(app: &tauri::AppHandle) -> Result<PathBuf, ApiError> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    app.path().app_data_dir().map_err(|e| ApiError {
        kind: ErrorKind::Io,
        message: jst_text::t!(
            "desktop-no-data-dir",
            reason = e.to_string(),
            variable = DATA_DIR_ENV
        ),
    })
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;
    use std::time::Duration;

    use super::*;

    fn demo_state() -> (tempfile::TempDir, AppState) {
        let dir = tempfile::tempdir().expect("tempdir");
        let state = AppState::new(Ok(dir.path().join("dane")));
        state.with(|m| m.open_demo()).expect("demo");
        (dir, state)
    }

    /// Defect (issue 13): import, sync and report shared one flag, so cancelling a sync
    /// cancelled a running import, and starting an import cleared a sync's cancel.
    #[test]
    fn cancelling_one_kind_of_work_leaves_the_others_running() {
        let (_dir, state) = demo_state();
        let mut import = state.progress(Work::Import, Channel::<u32>::new(|_| Ok(())));
        state.cancel(Work::Sync);
        assert!(import(1), "a cancelled sync must not stop the import");
        let _report = state.progress(Work::Report, Channel::<u32>::new(|_| Ok(())));
        assert!(state.cancelled(Work::Sync), "starting other work must not clear a sync's cancel");
        state.cancel(Work::Import);
        assert!(!import(2), "the import's own cancel stops it");
    }

    /// Defect (issue 13): imports ran under the screens' monitor lock, so every screen waited
    /// until they finished. Long work now runs on the worker while screens keep reading.
    #[test]
    fn screens_read_while_long_work_runs() {
        let (_dir, state) = demo_state();
        let (started_tx, started) = mpsc::channel();
        let (finish, finish_rx) = mpsc::channel::<()>();
        let state = &state;
        std::thread::scope(|s| {
            s.spawn(move || {
                state
                    .with_worker(|m| {
                        let status = m.status();
                        started_tx.send(()).expect("started");
                        finish_rx.recv_timeout(Duration::from_secs(30)).ok();
                        status
                    })
                    .expect("long work");
            });
            started.recv_timeout(Duration::from_secs(30)).expect("long work started");
            let (read_tx, read) = mpsc::channel();
            s.spawn(move || {
                let teryt = state.with(|m| m.status()).map(|s| s.unit.map(|u| u.teryt));
                read_tx.send(teryt).ok();
            });
            let answer = read.recv_timeout(Duration::from_secs(10));
            finish.send(()).ok();
            let teryt = answer.expect("the screen was blocked by the long work").expect("status");
            assert_eq!(teryt.as_deref(), Some("1219053"));
        });
    }
}
