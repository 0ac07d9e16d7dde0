//! Copies of `local.db` and the restore that swaps one in (see [`crate::backup`]).

use std::path::Path;

use jst_text::t;
use rusqlite::{Connection, OpenFlags};

use super::LocalStore;
use crate::backup::{
    crash_point, inspect, remove_if_present, seal, sync_dir, watched, write_verified_copy, Defect,
    Depth, Inspection,
};
use crate::migrate::{open_migrated, LOCAL_MIGRATIONS};
use crate::{Error, Result, Stamp};

impl LocalStore {
    /// Writes a verified copy of the database to `target`; returns its size in bytes.
    pub fn write_copy(&self, target: &Path) -> Result<u64> {
        write_verified_copy(&self.conn, target)
    }

    /// Replaces the database with the copy `candidate`, after checking it whole and keeping the
    /// current database as a verified copy at `aside`. A crash at any moment leaves either the
    /// old database or the restored one, whole. Returns what the candidate was found to be.
    pub fn restore_from(
        &mut self,
        stamp: &Stamp,
        candidate: &Path,
        aside: &Path,
    ) -> Result<Inspection> {
        let refuse = |defect| Error::NotRestorable { path: candidate.to_owned(), defect };
        if same_file(candidate, &self.path) {
            return Err(refuse(Defect::CurrentDatabase));
        }
        let found = inspect(candidate, Depth::Full);
        if let Some(defect) = found.defect.clone() {
            return Err(refuse(defect));
        }
        let schema = found.schema_version.unwrap_or_default();
        let name = self.path.file_name().map(|n| n.to_string_lossy().into_owned());
        let incoming =
            self.path.with_file_name(format!(".{}.przywracana.tmp", name.unwrap_or_default()));
        remove_if_present(&incoming)?;
        let prepared = bring_in(candidate, &incoming, schema)
            .and_then(|_| write_verified_copy(&self.conn, aside));
        if let Err(e) = prepared {
            let _ = std::fs::remove_file(&incoming);
            return Err(e);
        }
        crash_point("restore: current database copied aside");
        self.swap_in(&incoming, stamp)?;
        crash_point("restore: swapped in and reopened");
        let detail = format!(
            "z pliku {}; poprzednia baza w {}",
            candidate.display(),
            aside.file_name().map(|n| n.to_string_lossy()).unwrap_or_default()
        );
        self.write(stamp, "przywrócenie kopii", |_| Ok(((), detail)))?;
        Ok(found)
    }

    /// Renames `incoming` over the database with no connection open and no WAL beside it, then
    /// reopens whatever the database is now (the old one when the swap did not happen).
    fn swap_in(&mut self, incoming: &Path, stamp: &Stamp) -> Result<()> {
        let old = std::mem::replace(&mut self.conn, Connection::open_in_memory()?);
        // Closing the last connection folds the WAL into the file and deletes it.
        let swapped = old.close().map_err(|(_, e)| Error::from(e)).and_then(|()| {
            crash_point("restore: connection closed");
            self.leave_wal()?;
            crash_point("restore: WAL gone");
            std::fs::rename(incoming, &self.path).map_err(|source| Error::Io {
                context: t!("store-cannot-swap-database", path = self.path.display().to_string()),
                source,
            })?;
            crash_point("restore: renamed");
            sync_dir(self.path.parent().unwrap_or(Path::new(".")))
        });
        if swapped.is_err() {
            let _ = std::fs::remove_file(incoming);
        }
        self.conn = open_migrated(&self.path, LOCAL_MIGRATIONS, &stamp.at)?;
        swapped
    }

    /// Takes the closed database out of WAL mode, which needs it to be open nowhere else and
    /// removes its `-wal` and `-shm`: only then may another file take its name, or a stale WAL
    /// would be replayed onto it. Refused while another program has it open.
    fn leave_wal(&self) -> Result<()> {
        let in_use = || Error::InUse(self.path.clone());
        let conn = Connection::open_with_flags(&self.path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
        let mode =
            conn.pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get::<_, String>(0));
        match mode {
            Ok(mode) if mode.eq_ignore_ascii_case("delete") => {}
            Ok(_) => return Err(in_use()),
            Err(rusqlite::Error::SqliteFailure(e, _))
                if matches!(
                    e.code,
                    rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                ) =>
            {
                return Err(in_use())
            }
            Err(e) => return Err(e.into()),
        }
        conn.close().map_err(|(_, e)| e)?;
        let beside = |suffix: &str| {
            let mut name = self.path.as_os_str().to_owned();
            name.push(suffix);
            std::path::PathBuf::from(name)
        };
        if beside("-wal").exists() || beside("-journal").exists() {
            return Err(in_use());
        }
        Ok(())
    }
}

/// Copies the checked candidate to `incoming` (beside the database, so the swap is a rename)
/// and checks the copy itself: what is swapped in is exactly what was verified.
fn bring_in(candidate: &Path, incoming: &Path, schema: i64) -> Result<()> {
    let source = Connection::open_with_flags(candidate, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    watched(&source, "restore: VACUUM INTO", |c| {
        c.execute("VACUUM INTO ?1", [incoming.to_string_lossy()])
    })?;
    drop(source);
    crash_point("restore: candidate copied in");
    seal(incoming, schema)?;
    Ok(())
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
