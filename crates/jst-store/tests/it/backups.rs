//! Verified copies of `local.db` and restoring one.

use std::path::{Path, PathBuf};

use jst_store::backup::{inspect, CopyKind, CopyName, Defect, Depth};
use jst_store::{Error, LocalStore, LOCAL_SCHEMA_VERSION};
use rusqlite::Connection;

use crate::stamp;

const AT: &str = "2026-12-01T21:40:00Z";

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    names.sort();
    names
}

fn copy_path(dir: &Path, kind: CopyKind) -> PathBuf {
    dir.join("kopie").join(CopyName::new("local", AT, kind).file_name())
}

/// A store with the setting `wartosc` = `value`.
fn store_with(dir: &Path, value: &str) -> LocalStore {
    let mut store = LocalStore::open(&dir.join("local.db"), &stamp(AT)).expect("open");
    store.set_setting(&stamp(AT), "wartosc", value).expect("write");
    store
}

#[test]
fn a_copy_is_whole_sound_and_leaves_nothing_beside_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = store_with(dir.path(), "A");
    let target = copy_path(dir.path(), CopyKind::Manual);
    let size = store.write_copy(&target).expect("copy");
    assert_eq!(std::fs::metadata(&target).expect("copy").len(), size);
    let found = inspect(&target, Depth::Full);
    assert_eq!(found.defect, None);
    assert_eq!(found.schema_version, Some(LOCAL_SCHEMA_VERSION));
    assert_eq!(inspect(&target, Depth::Quick).defect, None);
    // No temporary file, and reading the copy leaves no -wal or -shm (it is not in WAL mode).
    assert_eq!(names_in(&dir.path().join("kopie")), ["local-20261201T214000Z-reczna.db"]);
    let copy = Connection::open(&target).expect("open copy");
    let value: String = copy
        .query_row("SELECT value FROM settings WHERE key = 'wartosc'", [], |r| r.get(0))
        .expect("value");
    assert_eq!(value, "A");
}

#[test]
fn a_restore_brings_the_copy_back_and_keeps_the_current_database_aside() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = store_with(dir.path(), "A");
    let copy = copy_path(dir.path(), CopyKind::Daily);
    store.write_copy(&copy).expect("copy");
    // "B" is committed but, with the connection open, still only in the WAL: the copy kept
    // aside must have it, and that WAL must not be replayed onto the restored file.
    store.set_setting(&stamp(AT), "wartosc", "B").expect("write");
    assert!(dir.path().join("local.db-wal").exists());
    let aside = copy_path(dir.path(), CopyKind::BeforeRestore);
    let found = store.restore_from(&stamp(AT), &copy, &aside).expect("restored");
    assert_eq!(found.schema_version, Some(LOCAL_SCHEMA_VERSION));
    assert_eq!(store.setting("wartosc").expect("read").as_deref(), Some("A"));
    assert_eq!(store.audit_log(1).expect("audit")[0].2, "przywrócenie kopii");
    drop(store);
    let reopened = LocalStore::open(&dir.path().join("local.db"), &stamp(AT)).expect("reopen");
    assert_eq!(reopened.setting("wartosc").expect("read").as_deref(), Some("A"));
    let kept = LocalStore::open(&aside, &stamp(AT)).expect("aside");
    assert_eq!(kept.setting("wartosc").expect("read").as_deref(), Some("B"));
    assert_eq!(
        names_in(dir.path()).iter().filter(|n| n.ends_with(".tmp")).count(),
        0,
        "{:?}",
        names_in(dir.path())
    );
}

#[test]
fn files_that_cannot_be_restored_are_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = store_with(dir.path(), "A");
    let good = copy_path(dir.path(), CopyKind::Manual);
    store.write_copy(&good).expect("copy");
    let bytes = std::fs::read(&good).expect("read");

    let newer = dir.path().join("nowsza.db");
    std::fs::copy(&good, &newer).expect("copy");
    Connection::open(&newer)
        .and_then(|c| c.pragma_update(None, "user_version", 99))
        .expect("newer schema");
    let cut = dir.path().join("ucieta.db");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).expect("write");
    let text = dir.path().join("tekst.db");
    std::fs::write(&text, "wskaznik_kod;rok;wartosc\n".repeat(100)).expect("write");
    let empty = dir.path().join("pusty.db");
    std::fs::write(&empty, "").expect("write");
    let foreign = dir.path().join("obca.db");
    Connection::open(&foreign)
        .and_then(|c| c.execute_batch("CREATE TABLE t (x); PRAGMA user_version = 3;"))
        .expect("foreign");
    let current = dir.path().join("local.db");
    let missing = dir.path().join("nie-ma.db");

    type Expected = fn(&Defect) -> bool;
    let cases: [(&Path, Expected); 7] = [
        (&newer, |d| matches!(d, Defect::TooNew { found: 99, .. })),
        (&cut, |d| matches!(d, Defect::Damaged(_))),
        (&text, |d| *d == Defect::NotADatabase),
        (&empty, |d| *d == Defect::NotADatabase),
        (&foreign, |d| *d == Defect::NotMonitorJst),
        (&current, |d| *d == Defect::CurrentDatabase),
        (&missing, |d| matches!(d, Defect::Unreadable(_))),
    ];
    let aside = copy_path(dir.path(), CopyKind::BeforeRestore);
    for (file, expected) in cases {
        let err = store.restore_from(&stamp(AT), file, &aside).expect_err("refused");
        match &err {
            Error::NotRestorable { defect, .. } => {
                assert!(expected(defect), "{}: {defect:?}", file.display())
            }
            other => panic!("{}: {other}", file.display()),
        }
        assert!(err.to_string().contains("Nic nie zmieniono"), "{err}");
        assert_eq!(store.setting("wartosc").expect("read").as_deref(), Some("A"));
        assert!(!aside.exists(), "nothing copied aside for {}", file.display());
    }
    assert!(inspect(&newer, Depth::Quick).defect.is_some());
    assert!(inspect(&newer, Depth::Quick).is_sound(), "sound, only newer");
    assert!(!inspect(&cut, Depth::Full).is_sound());
    assert_eq!(names_in(&dir.path().join("kopie")), ["local-20261201T214000Z-reczna.db"]);
}

#[test]
fn a_database_open_elsewhere_is_not_swapped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = store_with(dir.path(), "A");
    let copy = copy_path(dir.path(), CopyKind::Manual);
    store.write_copy(&copy).expect("copy");
    store.set_setting(&stamp(AT), "wartosc", "B").expect("write");
    // Another program (here another connection) has the database open.
    let other = Connection::open(dir.path().join("local.db")).expect("other");
    let _: i64 = other.query_row("SELECT count(*) FROM settings", [], |r| r.get(0)).expect("read");
    let aside = copy_path(dir.path(), CopyKind::BeforeRestore);
    let err = store.restore_from(&stamp(AT), &copy, &aside).expect_err("in use");
    assert!(matches!(err, Error::InUse(_)), "{err}");
    assert_eq!(store.setting("wartosc").expect("read").as_deref(), Some("B"), "store reopened");
    drop(other);
    store.restore_from(&stamp(AT), &copy, &copy_path(dir.path(), CopyKind::Daily)).expect("now");
    assert_eq!(store.setting("wartosc").expect("read").as_deref(), Some("A"));
}

#[test]
fn an_older_copy_is_restored_and_migrated_with_its_own_pre_migration_copy() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/local-v{}.sqlite", 8));
    let old = dir.path().join("stara.db");
    std::fs::copy(&fixture, &old).expect("fixture");
    let mut store = store_with(dir.path(), "A");
    let aside = copy_path(dir.path(), CopyKind::BeforeRestore);
    let found = store.restore_from(&stamp(AT), &old, &aside).expect("restored");
    assert_eq!(found.schema_version, Some(8));
    assert_eq!(store.schema_version().expect("schema"), LOCAL_SCHEMA_VERSION);
    assert!(copy_path(dir.path(), CopyKind::PreMigration { from: 8 }).exists());
}
