//! The desktop's log: one file a day in `dziennik/` of the data folder, the last 14 kept, so a
//! problem a user meets can be sent to whoever helps ("Zapisz dziennik do zgłoszenia błędu").
//! It holds what the program did and the errors it showed (kind and message), never a unit
//! token and never a value contributed by another unit.

use std::io::Write;
use std::path::{Path, PathBuf};

use tracing_appender::non_blocking::WorkerGuard;
use tracing_appender::rolling::{Builder, Rotation};

use crate::ApiError;

const FOLDER: &str = "dziennik";
const PREFIX: &str = "monitor-jst";
const KEEP: usize = 14;
/// A saved log is capped, so a runaway log cannot fill the user's disk a second time.
const SAVE_LIMIT: u64 = 20 * 1024 * 1024;

/// Keeps the log's writer alive (and flushing) while the app runs: held, never read.
pub struct Guard {
    _writer: std::sync::Mutex<Option<WorkerGuard>>,
}

impl Guard {
    pub fn new(writer: Option<WorkerGuard>) -> Self {
        Self { _writer: std::sync::Mutex::new(writer) }
    }
}

/// Starts writing the log into the data folder; the guard flushes it when the app ends. Without a
/// writable folder the app runs without a log (it says so on stderr).
pub fn start(data_dir: &Path) -> Option<WorkerGuard> {
    // The appender prunes old files before it would create the folder, and says so on stderr.
    if let Err(e) = std::fs::create_dir_all(data_dir.join(FOLDER)) {
        eprintln!("Nie można pisać dziennika w {}: {e}", data_dir.join(FOLDER).display());
        return None;
    }
    let appender = Builder::new()
        .rotation(Rotation::DAILY)
        .filename_prefix(PREFIX)
        .filename_suffix("log")
        .max_log_files(KEEP)
        .build(data_dir.join(FOLDER));
    let appender = match appender {
        Ok(a) => a,
        Err(e) => {
            eprintln!("Nie można pisać dziennika w {}: {e}", data_dir.join(FOLDER).display());
            return None;
        }
    };
    let (writer, guard) = tracing_appender::non_blocking(appender);
    let installed = tracing_subscriber::fmt()
        .with_writer(writer)
        .with_ansi(false)
        .with_target(false)
        .with_env_filter(tracing_subscriber::EnvFilter::new("info"))
        .try_init();
    installed.ok().map(|()| guard)
}

/// The log files, oldest first.
fn files(data_dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(data_dir.join(FOLDER)) else { return Vec::new() };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(PREFIX)))
        .collect();
    // Names carry the day (`monitor-jst.2026-12-01.log`), so their order is the time order.
    files.sort();
    files
}

/// Writes the log files into one file at `target` (the newest part when it is over the limit),
/// beside it first and renamed over it, so a failure leaves nothing half-written. Answers the
/// bytes written.
pub fn save(data_dir: &Path, target: &Path) -> Result<u64, ApiError> {
    let io = |what: &str, e: std::io::Error| ApiError {
        kind: jst_core::ErrorKind::Io,
        message: jst_text::t!("desktop-log-save-failed", what = what, reason = e.to_string()),
    };
    let mut all = Vec::new();
    for file in files(data_dir) {
        all.extend(std::fs::read(&file).map_err(|e| io(&file.display().to_string(), e))?);
    }
    if all.is_empty() {
        return Err(ApiError {
            kind: jst_core::ErrorKind::MissingData,
            message: jst_text::t!("desktop-log-empty"),
        });
    }
    let start = all.len().saturating_sub(SAVE_LIMIT as usize);
    let part = &all[start..];
    let temporary = target.with_extension("tmp-dziennik");
    let written = (|| {
        let mut out = std::fs::File::create(&temporary)?;
        out.write_all(part)?;
        out.sync_all()?;
        std::fs::rename(&temporary, target)
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temporary);
        return Err(io(&target.display().to_string(), e));
    }
    Ok(part.len() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_saved_log_joins_the_days_oldest_first_and_an_empty_log_is_said() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("dziennik-do-zgloszenia.log");
        let empty = save(dir.path(), &target).expect_err("no log yet");
        assert_eq!(empty.kind, jst_core::ErrorKind::MissingData);
        assert!(!target.exists());
        let folder = dir.path().join(FOLDER);
        std::fs::create_dir_all(&folder).expect("folder");
        std::fs::write(folder.join("monitor-jst.2026-12-02.log"), "drugi dzień\n").expect("day 2");
        std::fs::write(folder.join("monitor-jst.2026-12-01.log"), "pierwszy dzień\n")
            .expect("day 1");
        std::fs::write(folder.join("inny.txt"), "nie dziennik\n").expect("other");
        let bytes = save(dir.path(), &target).expect("saved");
        let text = std::fs::read_to_string(&target).expect("read");
        assert_eq!(text, "pierwszy dzień\ndrugi dzień\n");
        assert_eq!(bytes, text.len() as u64);
    }
}
