//! Restoring a copy: the file is checked whole first (a damaged file, another program's
//! database or a newer schema is refused and nothing changes), the current database is kept as
//! a verified copy in `kopie/`, and the store swaps the copy in atomically.

use std::path::{Path, PathBuf};

use jst_store::backup::{self, CopyKind, CopyName, Defect, Depth};
use jst_store::{LocalStore, Stamp};

use super::copies::{folder, view, BackupView, RestoredView, STEM};
use crate::{Error, Result};

/// What the file offered for a restore is; an error (invalid input) when it cannot be restored.
pub(crate) fn check_backup(data_dir: &Path, file: &Path) -> Result<BackupView> {
    let path = resolve(data_dir, file);
    let refuse =
        |defect| Error::Store(jst_store::Error::NotRestorable { path: path.clone(), defect });
    if is_current(data_dir, &path) {
        return Err(refuse(Defect::CurrentDatabase));
    }
    let found = backup::inspect(&path, Depth::Full);
    if let Some(defect) = found.defect.clone() {
        return Err(refuse(defect));
    }
    Ok(view(&path, name_of(&path).as_ref(), &found))
}

/// Swaps the copy `file` in for the own database (the caller reopens what depends on it).
pub(crate) fn restore_backup(
    local: &mut LocalStore,
    data_dir: &Path,
    stamp: &Stamp,
    file: &Path,
) -> Result<RestoredView> {
    let path = resolve(data_dir, file);
    let aside =
        CopyName::new(STEM, &stamp.at, CopyKind::BeforeRestore).free_path(&folder(data_dir));
    let found = local.restore_from(stamp, &path, &aside)?;
    let previous = backup::inspect(&aside, backup::Depth::Quick);
    Ok(RestoredView {
        restored: view(&path, name_of(&path).as_ref(), &found),
        previous: view(&aside, name_of(&aside).as_ref(), &previous),
    })
}

/// A bare file name is looked up in `kopie/` first; anything else is a path.
fn resolve(data_dir: &Path, file: &Path) -> PathBuf {
    let bare =
        file.components().count() == 1 && file.parent().is_some_and(|p| p.as_os_str().is_empty());
    let in_copies = folder(data_dir).join(file);
    let path = if bare && in_copies.is_file() { in_copies } else { file.to_owned() };
    std::path::absolute(&path).unwrap_or(path)
}

fn is_current(data_dir: &Path, path: &Path) -> bool {
    let current = std::fs::canonicalize(data_dir.join("local.db"));
    matches!((current, std::fs::canonicalize(path)), (Ok(a), Ok(b)) if a == b)
}

fn name_of(path: &Path) -> Option<CopyName> {
    CopyName::parse(&path.file_name()?.to_string_lossy())
}
