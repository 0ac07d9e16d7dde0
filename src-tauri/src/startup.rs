//! How long the app takes to show its first screen with data (DESIGN §11: ≤ 1.5 s). The window
//! tells when that screen has its data; the time is counted from the start of `run` and goes to
//! the log and to stderr, where `cargo xtask bench --only start` reads it — no WebDriver in the
//! way of what is measured.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;
use std::time::Instant;

use serde::Deserialize;

static STARTED: OnceLock<Instant> = OnceLock::new();
static REPORTED: AtomicBool = AtomicBool::new(false);

/// The screen the window first showed with its data.
#[derive(Debug, Clone, Copy, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum FirstScreen {
    /// No unit chosen yet: the unit chooser.
    UnitChooser,
    /// Pulpit of the chosen unit, its strategy status loaded.
    Dashboard,
    /// The data folder could not be opened: the message saying why.
    LoadError,
}

impl FirstScreen {
    fn label(self) -> &'static str {
        match self {
            Self::UnitChooser => "wybór jednostki",
            Self::Dashboard => "Pulpit",
            Self::LoadError => "komunikat o błędzie",
        }
    }
}

/// Marks the start; called first thing in `run`.
pub fn mark_start() {
    let _ = STARTED.set(Instant::now());
}

/// The first screen has its data: logs the time since start once (later calls, e.g. after a
/// reload of the page, change nothing) and answers it in milliseconds.
#[tauri::command]
#[specta::specta]
pub async fn first_screen_ready(screen: FirstScreen) -> Result<u32, crate::ApiError> {
    let elapsed = STARTED.get().map_or(0, |s| s.elapsed().as_millis());
    let ms = u32::try_from(elapsed).unwrap_or(u32::MAX);
    if !REPORTED.swap(true, Ordering::SeqCst) {
        tracing::info!(ms, screen = screen.label(), "pierwszy ekran z danymi");
        // One line on stderr too: the start bench reads it as it arrives.
        eprintln!("Monitor JST: pierwszy ekran z danymi ({}) po {ms} ms", screen.label());
    }
    Ok(ms)
}
