//! Verified copies of a database (DESIGN §4.1, §10 G1): their names, how one is written, and
//! what a file offered for a restore is.
//!
//! A copy is written by `VACUUM INTO` to a hidden temporary file in the target folder, opened
//! and checked with `PRAGMA integrity_check`, synced, and only then renamed to its name (and the
//! folder synced): a file under a copy's name is whole and was sound when written, whenever the
//! process dies. Copies are rollback-journal databases, so reading one never leaves `-wal` or
//! `-shm` files beside it.
//!
//! Names: `{stem}-{YYYYMMDDTHHMMSSZ}{kind}[-{n}].db` in `kopie/` beside the database, where the
//! kind is empty for the daily copy, `-reczna` for one the user asked for, `-przed-migracja-v{N}`
//! before migrating from schema N, `-przed-przywroceniem` for the database a restore replaced,
//! and `-{n}` numbers further copies of the same second. The time in the name is the copy's
//! time: copying or touching a file does not change it.

use std::fmt;
use std::path::{Path, PathBuf};

use jst_text::t;
use rusqlite::{Connection, OpenFlags};

use crate::migrate::{schema_version, LOCAL_SCHEMA_VERSION};
use crate::{Error, Result};

/// The folder of copies, beside the database.
pub const COPY_DIR: &str = "kopie";

/// Tables every Monitor JST `local.db` has had since its first schema.
const OWN_TABLES: [&str; 4] = ["audit_log", "settings", "units", "observations"];

/// Why a copy was made; part of its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyKind {
    /// The automatic copy made when the folder is opened and the last one is a day old.
    Daily,
    /// A copy the user asked for.
    Manual,
    /// The database before migrating it from schema `from`.
    PreMigration { from: i64 },
    /// The database as it was before a restore replaced it.
    BeforeRestore,
}

impl CopyKind {
    /// Daily and manual copies rotate; the others are kept until the user deletes them.
    pub fn rotates(self) -> bool {
        matches!(self, Self::Daily | Self::Manual)
    }
}

/// The name of a copy, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyName {
    /// The database's file stem (`local`, `peers`).
    pub stem: String,
    /// When the copy was made, UTC, `YYYYMMDDTHHMMSSZ`.
    pub at: String,
    pub kind: CopyKind,
    /// 1 for the first copy of that second, then 2, 3, …
    pub number: u32,
}

impl CopyName {
    /// The name of a copy of the database `stem` made at `at` (RFC 3339, UTC).
    pub fn new(stem: &str, at: &str, kind: CopyKind) -> Self {
        let digits: String = at.chars().filter(char::is_ascii_digit).take(14).collect();
        let digits = format!("{digits:0<14}");
        Self {
            stem: stem.to_owned(),
            at: format!("{}T{}Z", &digits[..8], &digits[8..]),
            kind,
            number: 1,
        }
    }

    pub fn file_name(&self) -> String {
        let kind = match self.kind {
            CopyKind::Daily => String::new(),
            CopyKind::Manual => "-reczna".to_owned(),
            CopyKind::PreMigration { from } => format!("-przed-migracja-v{from}"),
            CopyKind::BeforeRestore => "-przed-przywroceniem".to_owned(),
        };
        let number = if self.number > 1 { format!("-{}", self.number) } else { String::new() };
        format!("{}-{}{kind}{number}.db", self.stem, self.at)
    }

    /// The parts of a copy's file name; `None` for any other file (temporary files included).
    pub fn parse(name: &str) -> Option<Self> {
        let rest = name.strip_suffix(".db")?;
        let (stem, rest) = rest.split_once('-')?;
        let at = rest.get(..16)?;
        let bytes = at.as_bytes();
        let digits = |r: std::ops::Range<usize>| bytes[r].iter().all(u8::is_ascii_digit);
        if !(digits(0..8) && bytes[8] == b'T' && digits(9..15) && bytes[15] == b'Z') {
            return None;
        }
        let mut tail = &rest[16..];
        let mut number = 1;
        if let Some((before, n)) = tail.rsplit_once('-') {
            if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) {
                number = n.parse().ok().filter(|n| *n > 1)?;
                tail = before;
            }
        }
        let kind = match tail {
            "" => CopyKind::Daily,
            "-reczna" => CopyKind::Manual,
            "-przed-przywroceniem" => CopyKind::BeforeRestore,
            _ => {
                let from = tail.strip_prefix("-przed-migracja-v")?;
                if from.is_empty() || !from.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                CopyKind::PreMigration { from: from.parse().ok()? }
            }
        };
        Some(Self { stem: stem.to_owned(), at: at.to_owned(), kind, number })
    }

    /// The time of the copy as ISO 8601, e.g. `2026-12-01T21:40:00Z`.
    pub fn created(&self) -> String {
        let a = &self.at;
        format!(
            "{}-{}-{}T{}:{}:{}Z",
            &a[0..4],
            &a[4..6],
            &a[6..8],
            &a[9..11],
            &a[11..13],
            &a[13..15]
        )
    }

    /// The path of this copy in `dir`, numbered past copies of the same second already there.
    pub fn free_path(mut self, dir: &Path) -> PathBuf {
        loop {
            let path = dir.join(self.file_name());
            if !path.exists() {
                return path;
            }
            self.number += 1;
        }
    }
}

/// Why a file cannot be restored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Defect {
    /// The file cannot be read (missing, not a regular file, no permission).
    Unreadable(String),
    /// Not an SQLite database at all.
    NotADatabase,
    /// An SQLite database, but not a Monitor JST `local.db`.
    NotMonitorJst,
    /// The database fails its integrity check (e.g. cut short).
    Damaged(String),
    /// Sound, but written by a newer program.
    TooNew { found: i64, supported: i64 },
    /// The file is the database in use, not a copy.
    CurrentDatabase,
}

impl fmt::Display for Defect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unreadable(why) => f.write_str(&t!("store-defect-unreadable", reason = why)),
            Self::NotADatabase => f.write_str(&t!("store-defect-not-a-database")),
            Self::NotMonitorJst => f.write_str(&t!("store-defect-not-monitor-jst")),
            Self::Damaged(why) => f.write_str(&t!("store-defect-damaged", reason = why)),
            Self::TooNew { found, supported } => {
                f.write_str(&t!("store-defect-too-new", found = found, supported = supported))
            }
            Self::CurrentDatabase => f.write_str(&t!("store-defect-current-database")),
        }
    }
}

/// How thoroughly [`inspect`] reads a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    /// `PRAGMA quick_check`: every page read, indexes not compared with their tables (lists).
    Quick,
    /// `PRAGMA integrity_check`: everything (before a restore).
    Full,
}

/// What a file offered as a copy of `local.db` is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inspection {
    /// Bytes.
    pub size: u64,
    /// `PRAGMA user_version`, when the file is a database that could be read.
    pub schema_version: Option<i64>,
    /// Why it cannot be restored; `None` when it can.
    pub defect: Option<Defect>,
}

impl Inspection {
    /// Passed its check and is a Monitor JST database (perhaps of a newer schema).
    pub fn is_sound(&self) -> bool {
        matches!(self.defect, None | Some(Defect::TooNew { .. }))
    }
}

/// Reads `path` as a copy of `local.db` without changing it (read-only; copies are
/// rollback-journal databases, so nothing is created beside them either).
pub fn inspect(path: &Path, depth: Depth) -> Inspection {
    let mut found = Inspection { size: 0, schema_version: None, defect: None };
    let metadata = match std::fs::metadata(path) {
        Ok(m) if m.is_file() => m,
        Ok(_) => {
            found.defect = Some(Defect::Unreadable(t!("store-not-a-regular-file")));
            return found;
        }
        Err(e) => {
            found.defect = Some(Defect::Unreadable(io_reason(&e)));
            return found;
        }
    };
    found.size = metadata.len();
    let mut head = [0u8; 16];
    let read = std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head).map(|_| ()));
    match read {
        Ok(()) if &head == b"SQLite format 3\0" => {}
        Ok(()) => {
            found.defect = Some(Defect::NotADatabase);
            return found;
        }
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
            found.defect = Some(Defect::NotADatabase);
            return found;
        }
        Err(e) => {
            found.defect = Some(Defect::Unreadable(io_reason(&e)));
            return found;
        }
    }
    let examined = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .and_then(|conn| examine(&conn, depth, &mut found.schema_version));
    found.defect = match examined {
        Ok(defect) => defect,
        Err(rusqlite::Error::SqliteFailure(e, _))
            if e.code == rusqlite::ErrorCode::NotADatabase =>
        {
            Some(Defect::NotADatabase)
        }
        Err(rusqlite::Error::SqliteFailure(e, message))
            if e.code == rusqlite::ErrorCode::DatabaseCorrupt =>
        {
            Some(Defect::Damaged(message.unwrap_or_else(|| e.to_string())))
        }
        Err(e) => Some(Defect::Unreadable(e.to_string())),
    };
    found
}

fn examine(
    conn: &Connection,
    depth: Depth,
    schema: &mut Option<i64>,
) -> rusqlite::Result<Option<Defect>> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    *schema = Some(version);
    let check = match depth {
        Depth::Quick => "PRAGMA quick_check(1)",
        Depth::Full => "PRAGMA integrity_check(1)",
    };
    let verdict: String =
        watched(conn, "inspect: check", |c| c.query_row(check, [], |r| r.get(0)))?;
    if verdict != "ok" {
        return Ok(Some(Defect::Damaged(verdict)));
    }
    let tables: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN (?1, ?2, ?3, ?4)",
        OWN_TABLES,
        |r| r.get(0),
    )?;
    if version < 1 || tables != OWN_TABLES.len() as i64 {
        return Ok(Some(Defect::NotMonitorJst));
    }
    if version > LOCAL_SCHEMA_VERSION {
        return Ok(Some(Defect::TooNew { found: version, supported: LOCAL_SCHEMA_VERSION }));
    }
    Ok(None)
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => t!("store-file-missing"),
        std::io::ErrorKind::PermissionDenied => t!("store-no-read-permission"),
        _ => e.to_string(),
    }
}

fn io_error(context: String) -> impl FnOnce(std::io::Error) -> Error {
    move |source| Error::Io { context, source }
}

/// The hidden temporary file a copy is written to before it gets `target`'s name: in the same
/// folder (so the rename is atomic) and named after the process, so two programs copying at
/// once do not write into one file.
fn temporary_beside(target: &Path) -> PathBuf {
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    target.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

/// Whether `name` is a temporary file of a copy (left behind when a process died).
pub fn is_temporary(name: &str) -> bool {
    name.starts_with('.') && name.ends_with(".tmp")
}

pub(crate) fn remove_if_present(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::Io {
            context: t!("store-cannot-remove-file", path = path.display().to_string()),
            source: e,
        }),
        _ => Ok(()),
    }
}

/// Writes a verified copy of the database `source` is connected to at `target` (see the module
/// comment); returns its size. On any error no file has `target`'s name.
pub(crate) fn write_verified_copy(source: &Connection, target: &Path) -> Result<u64> {
    let dir = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(io_error(t!(
        "store-cannot-create-copy-folder",
        path = dir.display().to_string()
    )))?;
    let temp = temporary_beside(target);
    remove_if_present(&temp)?;
    crash_point("copy: before VACUUM INTO");
    let expected = schema_version(source)?;
    let written = watched(source, "copy: VACUUM INTO", |c| {
        c.execute("VACUUM INTO ?1", [temp.to_string_lossy()])
    });
    let result = written.map_err(Error::from).and_then(|_| {
        crash_point("copy: written");
        seal(&temp, expected)
    });
    let size = match result {
        Ok(size) => size,
        Err(e) => {
            let _ = std::fs::remove_file(&temp);
            return Err(e);
        }
    };
    std::fs::rename(&temp, target)
        .map_err(io_error(t!("store-cannot-name-copy", path = target.display().to_string())))?;
    crash_point("copy: renamed");
    sync_dir(dir)?;
    crash_point("copy: folder synced");
    Ok(size)
}

/// Checks a freshly written copy (integrity, the expected schema), makes it a rollback-journal
/// database and syncs it to disk; returns its size.
pub(crate) fn seal(path: &Path, expected_schema: i64) -> Result<u64> {
    {
        let conn = Connection::open(path)?;
        let verdict: String = watched(&conn, "copy: integrity check", |c| {
            c.query_row("PRAGMA integrity_check(1)", [], |r| r.get(0))
        })?;
        let version = schema_version(&conn)?;
        if verdict != "ok" || version != expected_schema {
            return Err(Error::Corrupt(t!(
                "store-copy-failed-check",
                path = path.display().to_string(),
                verdict = verdict,
                found = version,
                expected = expected_schema
            )));
        }
        let _: String =
            conn.pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))?;
        conn.close().map_err(|(_, e)| e)?;
    }
    crash_point("copy: verified");
    let context = || t!("store-cannot-sync-copy", path = path.display().to_string());
    let file = std::fs::File::open(path).map_err(io_error(context()))?;
    file.sync_all().map_err(io_error(context()))?;
    let size = file.metadata().map_err(io_error(context()))?.len();
    crash_point("copy: synced");
    Ok(size)
}

/// Makes a rename in `dir` durable (POSIX; Windows has no directory handles to sync).
pub(crate) fn sync_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    std::fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(io_error(t!("store-cannot-sync-folder", path = dir.display().to_string())))?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// The variable that arms the crash tests' hook in debug builds: a number N pauses the process
/// at the N-th crash point (printing `crash point N: …` to stderr) until the test kills it;
/// `list` prints every point and goes on.
pub const CRASH_POINT_ENV: &str = "JST_CRASH_POINT";

/// Inside long SQLite work (a `VACUUM INTO`, an integrity check), a crash point every this many
/// virtual-machine steps.
#[cfg(debug_assertions)]
const STEPS_PER_CRASH_POINT: std::ffi::c_int = 1_000;

#[cfg(debug_assertions)]
#[derive(Clone, Copy)]
enum Armed {
    List,
    At(u64),
}

#[cfg(debug_assertions)]
fn armed() -> Option<Armed> {
    static ARMED: std::sync::OnceLock<Option<Armed>> = std::sync::OnceLock::new();
    *ARMED.get_or_init(|| match std::env::var(CRASH_POINT_ENV).ok()?.as_str() {
        "list" => Some(Armed::List),
        n => n.parse().ok().map(Armed::At),
    })
}

/// A numbered point where the crash tests may kill the process (debug builds with
/// [`CRASH_POINT_ENV`] set; otherwise nothing). Exported for the core's steps around a restore.
pub fn crash_point(label: &str) {
    #[cfg(debug_assertions)]
    {
        use std::io::Write as _;
        use std::sync::atomic::{AtomicU64, Ordering};
        static REACHED: AtomicU64 = AtomicU64::new(0);
        let Some(armed) = armed() else { return };
        let n = REACHED.fetch_add(1, Ordering::SeqCst) + 1;
        let mut err = std::io::stderr().lock();
        match armed {
            Armed::List => {
                let _ = writeln!(err, "crash point {n}: {label}");
            }
            Armed::At(at) if at == n => {
                let _ = writeln!(err, "crash point {n}: {label}");
                let _ = err.flush();
                drop(err);
                // Held here for the test's SIGKILL; a test that never sends it gets an abort.
                std::thread::sleep(std::time::Duration::from_secs(60));
                std::process::abort();
            }
            Armed::At(_) => {}
        }
    }
    #[cfg(not(debug_assertions))]
    let _ = label;
}

/// Runs `f` with crash points inside its SQLite work when the hook is armed.
pub(crate) fn watched<T>(
    conn: &Connection,
    label: &'static str,
    f: impl FnOnce(&Connection) -> rusqlite::Result<T>,
) -> rusqlite::Result<T> {
    #[cfg(debug_assertions)]
    if armed().is_some() {
        conn.progress_handler(
            STEPS_PER_CRASH_POINT,
            Some(move || {
                crash_point(label);
                false
            }),
        );
        let out = f(conn);
        conn.progress_handler(0, None::<fn() -> bool>);
        return out;
    }
    #[cfg(not(debug_assertions))]
    let _ = label;
    f(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_other_files_are_not_copies() {
        let at = "2026-12-01T21:40:00.123456789Z";
        for (kind, name) in [
            (CopyKind::Daily, "local-20261201T214000Z.db"),
            (CopyKind::Manual, "local-20261201T214000Z-reczna.db"),
            (CopyKind::PreMigration { from: 8 }, "local-20261201T214000Z-przed-migracja-v8.db"),
            (CopyKind::BeforeRestore, "local-20261201T214000Z-przed-przywroceniem.db"),
        ] {
            let copy = CopyName::new("local", at, kind);
            assert_eq!(copy.file_name(), name);
            assert_eq!(CopyName::parse(name), Some(copy.clone()));
            assert_eq!(copy.created(), "2026-12-01T21:40:00Z");
            let second = CopyName { number: 2, ..copy };
            assert_eq!(CopyName::parse(&second.file_name()), Some(second));
        }
        for other in [
            "local.db",
            "local-20261201T214000Z.db-wal",
            ".local-20261201T214000Z.db.123.tmp",
            "local-2026120XT214000Z.db",
            "local-20261201T214000Z-inna.db",
            "local-20261201T214000Z-1.db",
            "local-20261201T214000Z-przed-migracja-v.db",
        ] {
            assert_eq!(CopyName::parse(other), None, "{other}");
        }
        assert!(is_temporary(".local-20261201T214000Z.db.123.tmp"));
    }
}
