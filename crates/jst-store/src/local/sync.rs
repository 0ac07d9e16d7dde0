//! Sync state in `local.db`: trusted release keys, the rollback watermark and the sync log.

use rusqlite::OptionalExtension;

use super::LocalStore;
use crate::{Result, Stamp};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncLogEntry {
    pub at: String,
    pub source: String,
    /// `applied | up_to_date | rejected | offline`
    pub outcome: String,
    pub version: Option<u64>,
    pub code: Option<String>,
    pub message: Option<String>,
    pub bytes_downloaded: u64,
    pub chunks_downloaded: u32,
    pub chunks_reused: u32,
    /// JSON summary of what an applied release changed.
    pub changes: Option<String>,
}

/// A release key an administrator added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrustedKeyRecord {
    pub key_id: String,
    pub public_key: String,
    /// RFC 3339, UTC.
    pub added_at: String,
    pub added_by: String,
}

impl LocalStore {
    /// Adds a release key (audited); `false` when it was already trusted.
    pub fn trust_key(&mut self, stamp: &Stamp, key_id: &str, public_key: &str) -> Result<bool> {
        self.write(stamp, "zaufany klucz wydań", |tx| {
            let added = tx.execute(
                "INSERT OR IGNORE INTO trusted_keys (key_id, public_key, added_at, added_by)
                 VALUES (?1, ?2, ?3, ?4)",
                (key_id, public_key, &stamp.at, &stamp.by),
            )? > 0;
            Ok((added, format!("klucz {key_id}{}", if added { "" } else { " (już był zaufany)" })))
        })
    }

    /// Stops trusting a key an administrator added (audited); `false` when it was not there.
    pub fn distrust_key(&mut self, stamp: &Stamp, key_id: &str) -> Result<bool> {
        self.write(stamp, "zaufany klucz wydań", |tx| {
            let removed = tx.execute("DELETE FROM trusted_keys WHERE key_id = ?1", [key_id])? > 0;
            Ok((
                removed,
                format!(
                    "usunięto klucz {key_id}{}",
                    if removed { "" } else { " (nie był zaufany)" }
                ),
            ))
        })
    }

    /// The keys an administrator added: (key id, public key text, added at, added by).
    pub fn trusted_key_records(&self) -> Result<Vec<TrustedKeyRecord>> {
        let mut stmt = self.conn.prepare(
            "SELECT key_id, public_key, added_at, added_by FROM trusted_keys ORDER BY key_id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(TrustedKeyRecord {
                key_id: r.get(0)?,
                public_key: r.get(1)?,
                added_at: r.get(2)?,
                added_by: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Public key texts of the trusted keys.
    pub fn trusted_keys(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare("SELECT public_key FROM trusted_keys ORDER BY key_id")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// (highest version applied, latest issue time seen).
    pub fn sync_watermark(&self) -> Result<Option<(u64, String)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT highest_version, highest_issued_at FROM sync_watermark WHERE id = 1",
                [],
                |r| Ok((r.get::<_, i64>(0)? as u64, r.get(1)?)),
            )
            .optional()?)
    }

    /// Raises the watermark (never lowers it) and logs the sync, in one transaction.
    pub fn record_sync(
        &mut self,
        stamp: &Stamp,
        entry: &SyncLogEntry,
        applied: Option<(u64, &str)>,
    ) -> Result<()> {
        self.write(stamp, "synchronizacja", |tx| {
            if let Some((version, issued_at)) = applied {
                tx.execute(
                    "INSERT INTO sync_watermark (id, highest_version, highest_issued_at) VALUES (1, ?1, ?2)
                     ON CONFLICT (id) DO UPDATE SET
                         highest_version = max(highest_version, excluded.highest_version),
                         highest_issued_at = max(highest_issued_at, excluded.highest_issued_at)",
                    (version as i64, issued_at),
                )?;
            }
            tx.execute(
                "INSERT INTO sync_log (at, source, outcome, version, code, message, bytes_downloaded,
                                       chunks_downloaded, chunks_reused, changes)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                rusqlite::params![
                    entry.at,
                    entry.source,
                    entry.outcome,
                    entry.version.map(|v| v as i64),
                    entry.code,
                    entry.message,
                    entry.bytes_downloaded as i64,
                    entry.chunks_downloaded,
                    entry.chunks_reused,
                    entry.changes
                ],
            )?;
            Ok(((), format!("{} {}: {}", entry.source, entry.version.map(|v| v.to_string()).unwrap_or_default(), entry.outcome)))
        })
    }

    /// The sync log, newest first.
    pub fn sync_log(&self, limit: usize) -> Result<Vec<SyncLogEntry>> {
        let mut stmt = self.conn.prepare(
            "SELECT at, source, outcome, version, code, message, bytes_downloaded, chunks_downloaded,
                    chunks_reused, changes FROM sync_log ORDER BY id DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit as i64], |r| {
            Ok(SyncLogEntry {
                at: r.get(0)?,
                source: r.get(1)?,
                outcome: r.get(2)?,
                version: r.get::<_, Option<i64>>(3)?.map(|v| v as u64),
                code: r.get(4)?,
                message: r.get(5)?,
                bytes_downloaded: r.get::<_, i64>(6)? as u64,
                chunks_downloaded: r.get(7)?,
                chunks_reused: r.get(8)?,
                changes: r.get(9)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
