//! `local.db`: the unit's own data. Writes run in `BEGIN IMMEDIATE` transactions and leave a line
//! in the audit log.

mod audit;
mod backups;
mod budget;
mod catalogue;
mod export;
mod gwd;
mod observations;
mod outbox;
mod own_unit;
mod peer_groups;
mod practice_proposals;
mod register;
mod report_texts;
mod strategy;
mod strategy_edits;
mod sync;
mod units;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::migrate::{open_migrated, schema_version, LOCAL_MIGRATIONS};
use crate::{Result, Stamp};

pub use audit::{ActionPattern, AuditQuery, AuditRecord};
pub use budget::BudgetLineRecord;
pub use catalogue::IndicatorRecord;
pub use gwd::{
    GwdGroupRecord, GwdMemberRecord, GwdNoteRecord, GwdRefresh, GwdValueRecord, GwdYearUpdate,
};
pub use observations::{HistoryEntry, ObservationRecord};
pub use outbox::ContributionState;
pub use own_unit::OwnUnitRecord;
pub use peer_groups::PeerGroupRecord;
pub use practice_proposals::PracticeProposalRecord;
pub use register::RegisterLoadSummary;
pub use report_texts::{ReportHeaderRecord, INTRODUCTION};
pub use strategy::{NoteRecord, SaveMode, StrategyDraft, StrategyRecord};
pub use strategy_edits::{NewNode, StrategyEditRecord, UNDO_DEPTH as STRATEGY_UNDO_DEPTH};
pub use sync::{SyncLogEntry, TrustedKeyRecord};
pub use units::UnitRecord;

pub struct LocalStore {
    conn: Connection,
    /// Where the database is: a restore reopens it there.
    path: PathBuf,
}

impl LocalStore {
    /// Opens (creating and migrating if needed) the database at `path`. `stamp` names the copy
    /// kept aside before a migration.
    pub fn open(path: &Path, stamp: &Stamp) -> Result<Self> {
        let conn = open_migrated(path, LOCAL_MIGRATIONS, &stamp.at)?;
        Ok(Self { conn, path: path.to_owned() })
    }

    pub fn schema_version(&self) -> Result<i64> {
        schema_version(&self.conn)
    }

    /// Changes when anything in the database changed, through this connection or another
    /// process: the key of caches built from it.
    pub fn version(&self) -> Result<(i64, u64)> {
        let data_version: i64 = self.conn.pragma_query_value(None, "data_version", |r| r.get(0))?;
        Ok((data_version, self.conn.total_changes()))
    }

    /// Runs `f` in one immediate transaction and records `action` in the audit log with it.
    fn write<T>(
        &mut self,
        stamp: &Stamp,
        action: &str,
        f: impl FnOnce(&Transaction<'_>) -> Result<(T, String)>,
    ) -> Result<T> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (out, detail) = f(&tx)?;
        tx.execute(
            "INSERT INTO audit_log (at, os_user, action, detail) VALUES (?1, ?2, ?3, ?4)",
            (&stamp.at, &stamp.by, action, &detail),
        )?;
        tx.commit()?;
        Ok(out)
    }

    /// The audit log, newest first: (at, os_user, action, detail).
    pub fn audit_log(&self, limit: usize) -> Result<Vec<(String, String, String, String)>> {
        let mut stmt = self.conn.prepare(
            "SELECT at, os_user, action, detail FROM audit_log ORDER BY id DESC LIMIT ?1",
        )?;
        let rows =
            stmt.query_map([limit as i64], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Sets a setting; audited.
    pub fn set_setting(&mut self, stamp: &Stamp, key: &str, value: &str) -> Result<()> {
        self.write(stamp, "ustawienie", |tx| {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )?;
            Ok(((), format!("{key} = {value}")))
        })
    }

    /// Sets (`Some`) or removes (`None`) several settings in one transaction, audited as
    /// `action` with the caller's `detail` (e.g. old and new values).
    pub fn replace_settings(
        &mut self,
        stamp: &Stamp,
        action: &str,
        entries: &[(&str, Option<&str>)],
        detail: &str,
    ) -> Result<()> {
        self.write(stamp, action, |tx| {
            for (key, value) in entries {
                match value {
                    Some(value) => tx.execute(
                        "INSERT INTO settings (key, value) VALUES (?1, ?2)
                         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                        (key, value),
                    )?,
                    None => tx.execute("DELETE FROM settings WHERE key = ?1", [key])?,
                };
            }
            Ok(((), detail.to_owned()))
        })
    }

    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0))
            .optional()?)
    }

    /// Upserts indicators and records `key = value` in the same transaction, so a shipped
    /// catalogue is marked loaded only when it is.
    pub fn load_catalogue(
        &mut self,
        stamp: &Stamp,
        indicators: &[IndicatorRecord],
        marker: Option<(&str, &str)>,
    ) -> Result<()> {
        self.write(stamp, "katalog wskaźników", |tx| {
            catalogue::upsert_indicators(tx, indicators)?;
            if let Some((key, value)) = marker {
                tx.execute(
                    "INSERT INTO settings (key, value) VALUES (?1, ?2)
                     ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )?;
            }
            Ok(((), format!("{} wskaźników", indicators.len())))
        })
    }
}
