use std::path::{Path, PathBuf};

use jst_store::{Error, LocalStore, PeerStore, LOCAL_SCHEMA_VERSION, PEERS_SCHEMA_VERSION};
use rusqlite::Connection;

use crate::stamp;

/// The schema as SQLite stores it, comparable between two databases.
fn schema_of(path: &Path) -> Vec<(String, String, String)> {
    let conn = Connection::open(path).expect("open");
    let mut stmt = conn
        .prepare("SELECT type, name, coalesce(sql, '') FROM sqlite_master ORDER BY type, name")
        .expect("prepare");
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("query")
        .collect::<Result<Vec<_>, _>>()
        .expect("rows");
    let version: i64 =
        conn.pragma_query_value(None, "user_version", |r| r.get(0)).expect("version");
    let mut rows = rows;
    rows.push(("user_version".into(), version.to_string(), String::new()));
    rows
}

fn fixtures(prefix: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("fixtures folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(prefix)))
        .collect();
    found.sort();
    found
}

#[test]
fn every_earlier_local_schema_migrates_to_the_fresh_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fresh = dir.path().join("fresh.db");
    drop(LocalStore::open(&fresh, &stamp("2026-01-01T00:00:00Z")).expect("fresh"));
    let fixtures = fixtures("local-v");
    // One fixture per released schema, from the empty file of schema 0 to the current one.
    assert_eq!(fixtures.len() as i64, LOCAL_SCHEMA_VERSION + 1, "{fixtures:?}");
    for fixture in fixtures {
        let copy = dir.path().join(fixture.file_name().expect("name"));
        std::fs::copy(&fixture, &copy).expect("copy");
        let store = LocalStore::open(&copy, &stamp("2026-01-01T00:00:00Z")).expect("migrate");
        assert_eq!(store.schema_version().ok(), Some(LOCAL_SCHEMA_VERSION));
        drop(store);
        assert_eq!(schema_of(&copy), schema_of(&fresh), "{}", fixture.display());
    }
}

#[test]
fn every_earlier_peers_schema_migrates_to_the_fresh_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fresh = dir.path().join("fresh.db");
    drop(PeerStore::open(&fresh, &stamp("2026-01-01T00:00:00Z")).expect("fresh"));
    let fixtures = fixtures("peers-v");
    assert_eq!(fixtures.len() as i64, PEERS_SCHEMA_VERSION + 1, "{fixtures:?}");
    for fixture in fixtures {
        let copy = dir.path().join(fixture.file_name().expect("name"));
        std::fs::copy(&fixture, &copy).expect("copy");
        let store = PeerStore::open(&copy, &stamp("2026-01-01T00:00:00Z")).expect("migrate");
        if std::fs::metadata(&fixture).map(|m| m.len() > 0).unwrap_or(false) {
            // A table rebuild must not cascade into the values.
            assert_eq!(
                store.latest_value("121905", "LUD_OGOLEM").expect("value"),
                Some((2024, 69791.0)),
                "{}",
                fixture.display()
            );
            // From schema 6 on the comparisons read year-major blocks: an older store gets them
            // on its first open.
            let slots: Vec<usize> =
                store.unit_keys().expect("keys").iter().map(|(k, _)| *k as usize).collect();
            let column = &store.year_columns(&["LUD_OGOLEM"], 2024, &slots).expect("blocks")[0];
            assert_eq!(
                column.iter().filter(|v| **v == 69791.0).count(),
                1,
                "{}",
                fixture.display()
            );
        }
        drop(store);
        assert_eq!(schema_of(&copy), schema_of(&fresh), "{}", fixture.display());
    }
}

#[test]
fn a_database_from_a_newer_program_is_refused_and_left_byte_identical() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("local.db");
    {
        let conn = Connection::open(&path).expect("create");
        conn.execute_batch("CREATE TABLE future (x); INSERT INTO future VALUES (1);")
            .expect("content");
        conn.pragma_update(None, "user_version", LOCAL_SCHEMA_VERSION + 7).expect("version");
    }
    let before = std::fs::read(&path).expect("read");
    let err = LocalStore::open(&path, &stamp("2026-01-01T00:00:00Z")).err().expect("refused");
    assert!(matches!(err, Error::SchemaTooNew { found, .. } if found == LOCAL_SCHEMA_VERSION + 7));
    assert!(err.to_string().contains("nowszej"), "{err}");
    assert_eq!(std::fs::read(&path).expect("read"), before);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.contains(".bak")), "{names:?}");
}

#[test]
fn pragmas_are_set() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("local.db");
    drop(LocalStore::open(&path, &stamp("2026-01-01T00:00:00Z")).expect("open"));
    let conn = Connection::open(&path).expect("open");
    let mode: String = conn.pragma_query_value(None, "journal_mode", |r| r.get(0)).expect("mode");
    assert_eq!(mode, "wal");
}

/// Writes the fixture of the current schema when it is missing: run once when a migration is
/// added (`cargo test -p jst-store --test it -- --ignored`), then commit the file. The fixture
/// carries a little data, so later migrations are tested on a database that is not empty.
#[test]
#[ignore = "writes fixtures; run by hand when a migration is added"]
fn write_fixtures_of_the_current_schema() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let local = dir.join(format!("local-v{LOCAL_SCHEMA_VERSION}.sqlite"));
    if !local.exists() {
        let mut store = LocalStore::open(&local, &stamp("2026-11-22T00:00:00Z")).expect("create");
        let parsed =
            jst_import::parse_terc(crate::shipped_terc(), "TERC_2024-01-01.csv").expect("terc");
        store
            .load_register(&stamp("2026-11-22T00:00:00Z"), &parsed.snapshot, "TERC_2024-01-01.csv")
            .expect("load");
        let unit = store.unit_by_identity("121905").expect("lookup").expect("Wieliczka");
        store.set_own_unit(&stamp("2026-11-22T00:00:00Z"), &unit).expect("own unit");
        drop(store);
        checkpoint(&local);
    }
    let peers = dir.join(format!("peers-v{PEERS_SCHEMA_VERSION}.sqlite"));
    if !peers.exists() {
        let mut store = PeerStore::open(&peers, &stamp("2026-11-22T00:00:00Z")).expect("create");
        let value = jst_store::PublicValue {
            unit: "121905".into(),
            indicator: "LUD_OGOLEM".into(),
            year: 2024,
            value: 69791.0,
        };
        store
            .replace_dataset(
                &stamp("2026-11-22T00:00:00Z"),
                "fixture",
                "shipped",
                "fixture",
                &[value],
            )
            .expect("values");
        drop(store);
        checkpoint(&peers);
    }
}

/// Folds the WAL into the main file and leaves rollback-journal mode, so the fixture is one file.
fn checkpoint(path: &Path) {
    let conn = Connection::open(path).expect("open");
    conn.pragma_update(None, "journal_mode", "DELETE").expect("journal mode");
}
