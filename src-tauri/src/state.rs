use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use jst_core::{ErrorKind, Monitor, DATA_DIR_ENV};
use tauri::ipc::Channel;
use tauri::Manager;

use crate::ApiError;

/// The opened data folder, or why it could not be opened (shown in the window, not a crash).
pub struct AppState {
    monitor: Result<Mutex<Monitor>, ApiError>,
    /// Set by `cancel_import`; read by the running check or import without the monitor lock.
    cancel: AtomicBool,
}

impl AppState {
    pub fn open(data_dir: Result<PathBuf, ApiError>) -> Self {
        let monitor =
            data_dir.and_then(|dir| Monitor::open(&dir).map(Mutex::new).map_err(ApiError::from));
        Self { monitor, cancel: AtomicBool::new(false) }
    }

    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::SeqCst);
    }

    /// A progress callback for long work: it forwards progress to the window and answers
    /// whether to go on. Making one clears an earlier cancellation.
    pub fn progress<'a, P: tauri::ipc::IpcResponse + Clone + 'a>(
        &'a self,
        channel: Channel<P>,
    ) -> impl FnMut(P) -> bool + 'a {
        self.cancel.store(false, Ordering::SeqCst);
        move |p| {
            // A window that went away cannot watch; the work still finishes or is cancelled.
            let _ = channel.send(p);
            !self.cancel.load(Ordering::SeqCst)
        }
    }

    /// Whether a cancellation was asked for since the last `progress` or `reset_cancel`.
    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::SeqCst)
    }

    pub fn reset_cancel(&self) {
        self.cancel.store(false, Ordering::SeqCst);
    }

    /// Runs `f` on the monitor; every command goes through here.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&mut Monitor) -> jst_core::Result<T>,
    ) -> Result<T, ApiError> {
        let monitor = self.monitor.as_ref().map_err(Clone::clone)?;
        let mut guard = monitor.lock().map_err(|_| ApiError {
            kind: ErrorKind::Internal,
            message: "wewnętrzny błąd programu (zablokowany stan); uruchom program ponownie"
                .to_owned(),
        })?;
        f(&mut guard).map_err(ApiError::from)
    }
}

/// `JST_DATA_DIR` when set (shared with the CLI), else the app-data folder of the bundle
/// identifier, which is the CLI's default too.
pub fn data_dir(app: &tauri::AppHandle) -> Result<PathBuf, ApiError> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    app.path().app_data_dir().map_err(|e| ApiError {
        kind: ErrorKind::Io,
        message: format!(
            "nie ustalono folderu danych aplikacji ({e}); ustaw zmienną {DATA_DIR_ENV}"
        ),
    })
}
