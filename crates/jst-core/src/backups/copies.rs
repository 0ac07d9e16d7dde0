//! The copies in `kopie/`: their view, listing, writing one and the rotation.

use std::path::{Path, PathBuf};

use jst_store::backup::{self, CopyKind, CopyName, Depth, Inspection, COPY_DIR};
use jst_store::{LocalStore, Stamp};
use jst_text::t;
use serde::Serialize;

use crate::{Error, Result};

/// How many daily and manual copies are kept.
pub const KEEP: usize = 7;

/// The stem of the own database's file, `local.db`, which copies are named after.
pub(super) const STEM: &str = "local";

/// Why a copy of the own data was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum BackupKind {
    /// Made when the folder was opened and the last copy was a day old.
    Daily,
    /// Asked for by the user.
    Manual,
    /// The database before a newer program migrated it.
    PreMigration,
    /// The database as it was before a restore replaced it.
    BeforeRestore,
    /// A file not named by the program (one offered for a restore).
    Other,
}

/// A copy of the own database (`jst backup list --format json` prints a list of these).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BackupView {
    /// The file's absolute path.
    pub file: String,
    /// When the copy was made, UTC, e.g. `2026-12-01T21:40:00Z` (from its name; for a file not
    /// named by the program, its modification time).
    pub created: String,
    /// Bytes.
    pub size: u32,
    /// The schema version of the copy (0 when it cannot be read).
    pub schema_version: u32,
    /// The copy passes SQLite's check (`quick_check` when listed, `integrity_check` before a
    /// restore) and is a database of this program.
    pub verified: bool,
    pub kind: BackupKind,
    /// Verified and of a schema this program knows: it can be restored.
    pub restorable: bool,
}

/// The copies of the own data for the Ustawienia screen.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BackupsView {
    /// The folder of copies (`kopie/` of the data folder).
    pub folder: String,
    /// Newest first.
    pub backups: Vec<BackupView>,
    /// How many daily and manual copies are kept.
    pub keep: u32,
    /// Why the daily copy could not be made when the folder was opened, if it could not.
    pub daily_failure: Option<String>,
}

/// A restore done: the copy now in use and where the database it replaced was kept.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RestoredView {
    pub restored: BackupView,
    /// The verified copy of the database as it was before the restore.
    pub previous: BackupView,
}

/// The folder of copies of the data folder `data_dir`.
pub(super) fn folder(data_dir: &Path) -> PathBuf {
    data_dir.join(COPY_DIR)
}

/// Copies of the own database in `kopie/`, newest first, each read with `quick_check`.
pub(crate) fn backups(data_dir: &Path, daily_failure: Option<String>) -> Result<BackupsView> {
    let dir = folder(data_dir);
    let backups = copies(&dir)?
        .into_iter()
        .map(|(path, name)| view(&path, Some(&name), &backup::inspect(&path, Depth::Quick)))
        .collect();
    Ok(BackupsView {
        folder: dir.display().to_string(),
        backups,
        keep: crate::support::count(KEEP),
        daily_failure,
    })
}

/// A copy the user asked for: in `kopie/` (then older copies rotate out) or in `to`.
pub(crate) fn backup_now(
    local: &LocalStore,
    data_dir: &Path,
    stamp: &Stamp,
    to: Option<&Path>,
) -> Result<BackupView> {
    match to {
        Some(dir) => {
            let dir = std::path::absolute(dir)
                .map_err(Error::io(t!("core-invalid-folder", path = dir.display().to_string())))?;
            write(local, &dir, stamp, CopyKind::Manual)
        }
        None => write_rotating(local, data_dir, stamp, CopyKind::Manual),
    }
}

/// A daily or manual copy in `kopie/`, then the rotation.
pub(super) fn write_rotating(
    local: &LocalStore,
    data_dir: &Path,
    stamp: &Stamp,
    kind: CopyKind,
) -> Result<BackupView> {
    let dir = folder(data_dir);
    remove_leftovers(&dir);
    let view = write(local, &dir, stamp, kind)?;
    rotate(&dir)?;
    Ok(view)
}

fn write(local: &LocalStore, dir: &Path, stamp: &Stamp, kind: CopyKind) -> Result<BackupView> {
    let name = CopyName::new(STEM, &stamp.at, kind);
    let path = name.clone().free_path(dir);
    let size = local.write_copy(&path)?;
    let written = Inspection { size, schema_version: Some(local.schema_version()?), defect: None };
    let name = path.file_name().and_then(|n| CopyName::parse(&n.to_string_lossy())).unwrap_or(name);
    Ok(view(&path, Some(&name), &written))
}

/// Copies of the own database in `dir` with their names, newest first.
pub(super) fn copies(dir: &Path) -> Result<Vec<(PathBuf, CopyName)>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(Error::Io {
                context: t!("core-cannot-read-folder", path = dir.display().to_string()),
                source: e,
            })
        }
    };
    let mut found: Vec<(PathBuf, CopyName)> = entries
        .flatten()
        .filter_map(|entry| {
            let name = CopyName::parse(&entry.file_name().to_string_lossy())?;
            (name.stem == STEM).then(|| (entry.path(), name))
        })
        .collect();
    // Copies of one second have no order of their own: their names give one that stays put.
    found.sort_by(|(pa, a), (pb, b)| (&b.at, b.number, pb).cmp(&(&a.at, a.number, pa)));
    Ok(found)
}

/// Keeps the newest [`KEEP`] daily and manual copies; the others of those kinds go.
fn rotate(dir: &Path) -> Result<()> {
    let rotating = copies(dir)?.into_iter().filter(|(_, name)| name.kind.rotates());
    for (path, _) in rotating.skip(KEEP) {
        backup::crash_point("rotation: removing a copy");
        std::fs::remove_file(&path).map_err(Error::io(t!(
            "core-cannot-remove-old-copy",
            path = path.display().to_string()
        )))?;
    }
    Ok(())
}

/// Temporary files of copies a killed process left behind (never under a copy's name).
fn remove_leftovers(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        if backup::is_temporary(&entry.file_name().to_string_lossy()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

pub(super) fn view(path: &Path, name: Option<&CopyName>, found: &Inspection) -> BackupView {
    let kind = match name.map(|n| n.kind) {
        Some(CopyKind::Daily) => BackupKind::Daily,
        Some(CopyKind::Manual) => BackupKind::Manual,
        Some(CopyKind::PreMigration { .. }) => BackupKind::PreMigration,
        Some(CopyKind::BeforeRestore) => BackupKind::BeforeRestore,
        None => BackupKind::Other,
    };
    let created = match name {
        Some(name) => name.created(),
        None => modified(path).unwrap_or_default(),
    };
    BackupView {
        file: path.display().to_string(),
        created,
        size: u32::try_from(found.size).unwrap_or(u32::MAX),
        schema_version: found.schema_version.and_then(|v| u32::try_from(v).ok()).unwrap_or(0),
        verified: found.is_sound(),
        kind,
        restorable: found.defect.is_none(),
    }
}

/// A file's modification time as ISO 8601 UTC (for files not named by the program).
fn modified(path: &Path) -> Option<String> {
    let at = time::OffsetDateTime::from(std::fs::metadata(path).ok()?.modified().ok()?);
    let format =
        time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    at.to_offset(time::UtcOffset::UTC).format(&format).ok()
}
