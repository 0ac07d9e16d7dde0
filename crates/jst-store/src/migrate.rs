//! Numbered, append-only migrations; `PRAGMA user_version` is the number applied.

use std::path::Path;

use jst_text::t;
use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use crate::backup::{write_verified_copy, CopyKind, CopyName, COPY_DIR};
use crate::{Error, Result};

pub(crate) const LOCAL_MIGRATIONS: &[&str] = &[
    include_str!("../migrations/local/0001_initial.sql"),
    include_str!("../migrations/local/0002_strategy.sql"),
    include_str!("../migrations/local/0003_budget.sql"),
    include_str!("../migrations/local/0004_peer_groups.sql"),
    include_str!("../migrations/local/0005_sync.sql"),
    include_str!("../migrations/local/0006_submissions.sql"),
    include_str!("../migrations/local/0007_sync_changes.sql"),
    include_str!("../migrations/local/0008_budget_periods.sql"),
    include_str!("../migrations/local/0009_report_texts.sql"),
    include_str!("../migrations/local/0010_observation_delete_history.sql"),
    include_str!("../migrations/local/0011_strategy_edits.sql"),
    include_str!("../migrations/local/0012_gwd_groups.sql"),
    include_str!("../migrations/local/0013_practice_proposals.sql"),
];
pub(crate) const PEERS_MIGRATIONS: &[&str] = &[
    include_str!("../migrations/peers/0001_initial.sql"),
    include_str!("../migrations/peers/0002_imported_datasets.sql"),
    include_str!("../migrations/peers/0003_interned_values.sql"),
    include_str!("../migrations/peers/0004_contributed_aggregates.sql"),
    include_str!("../migrations/peers/0005_practices.sql"),
    include_str!("../migrations/peers/0006_peer_blocks.sql"),
];

pub const LOCAL_SCHEMA_VERSION: i64 = LOCAL_MIGRATIONS.len() as i64;
pub const PEERS_SCHEMA_VERSION: i64 = PEERS_MIGRATIONS.len() as i64;

/// Opens a database and brings it to the latest schema.
///
/// A database from a newer program is refused before anything touches it (not even the WAL
/// switch, which rewrites the header). An existing database is copied aside before migrating,
/// as a verified copy in `kopie/` that rotation never deletes.
pub(crate) fn open_migrated(path: &Path, migrations: &[&str], stamp: &str) -> Result<Connection> {
    let latest = migrations.len() as i64;
    let has_content = std::fs::metadata(path).map(|m| m.len() > 0).unwrap_or(false);
    if has_content {
        let probe = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let found: i64 = probe.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if found > latest {
            return Err(Error::SchemaTooNew { path: path.to_owned(), found, supported: latest });
        }
        if (1..latest).contains(&found) {
            let stem = path.file_stem().and_then(|n| n.to_str()).unwrap_or("baza");
            let dir = path.parent().unwrap_or(Path::new(".")).join(COPY_DIR);
            let copy = CopyName::new(stem, stamp, CopyKind::PreMigration { from: found });
            write_verified_copy(&probe, &copy.free_path(&dir))
                .map_err(|e| Error::Backup { path: path.to_owned(), source: Box::new(e) })?;
        }
    }
    let mut conn = Connection::open(path)?;
    configure(&conn)?;
    let current: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if current < latest {
        // Table rebuilds (the only way to change a constraint in SQLite) must not cascade, so
        // foreign keys are off while migrating and checked before each commit.
        conn.pragma_update(None, "foreign_keys", false)?;
        for (index, sql) in migrations.iter().enumerate().skip(current as usize) {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            tx.execute_batch(sql)?;
            let broken: i64 =
                tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0))?;
            if broken > 0 {
                return Err(Error::Corrupt(t!(
                    "store-migration-broken-links",
                    migration = index + 1,
                    links = broken
                )));
            }
            tx.pragma_update(None, "user_version", index as i64 + 1)?;
            tx.commit()?;
        }
        conn.pragma_update(None, "foreign_keys", true)?;
    }
    Ok(conn)
}

fn configure(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(())
}

pub(crate) fn schema_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_older_database_is_copied_aside_before_migrating() {
        let dir = std::env::temp_dir().join(format!("jst-migrate-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let path = dir.join("local.db");
        let first = ["CREATE TABLE a (x INTEGER);"];
        let both = ["CREATE TABLE a (x INTEGER);", "ALTER TABLE a ADD COLUMN y TEXT;"];
        {
            let conn = open_migrated(&path, &first, "2026-01-01T00:00:00Z").expect("v1");
            conn.execute("INSERT INTO a (x) VALUES (42)", []).expect("row");
        }
        let conn = open_migrated(&path, &both, "2026-01-02T00:00:00Z").expect("v2");
        assert_eq!(schema_version(&conn).ok(), Some(2));
        let backup = dir.join("kopie/local-20260102T000000Z-przed-migracja-v1.db");
        let old = Connection::open(&backup).expect("backup exists");
        assert_eq!(schema_version(&old).ok(), Some(1));
        let x: i64 = old.query_row("SELECT x FROM a", [], |r| r.get(0)).expect("data copied");
        assert_eq!(x, 42);
        std::fs::remove_dir_all(&dir).ok();
    }
}
