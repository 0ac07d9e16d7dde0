//! A unit's submission: claimed by its key first, then decided by the rule both engines share.

use deadpool_postgres::Transaction;
use tokio::runtime::Runtime;

use super::storage::{wait, PgStorage};
use crate::records::*;
use crate::submission_rules::{decide, UnitCells};
use crate::{Error, Result};

/// The class of the advisory locks that queue the submissions of one unit (the second key is
/// the hash of its TERYT).
const UNIT_LOCK_CLASS: i32 = 0x6a73_7400; // "jst\0"

impl PgStorage {
    /// [`crate::Storage::apply_submission`]. The transaction's first statement claims the key:
    /// the primary key makes a second request with the same id wait for the first one's
    /// transaction, and then find its row, so one stores and the other replays. The unit's
    /// submissions then queue on an advisory lock of the unit, so two of them (different keys)
    /// never decide a cell from the same stale row: the rows read after it are the latest.
    pub(super) fn apply(
        &mut self,
        key: &SubmissionKey,
        items: &[SubmittedItem],
        at: &str,
        respond: &dyn Fn(&[ItemOutcome]) -> String,
    ) -> Result<Applied> {
        let SubmissionKey { id, token_id, teryt, body_sha256 } = key;
        let runtime = &*self.runtime;
        let tx = runtime.block_on(self.client.transaction())?;
        let claimed = runtime.block_on(tx.execute(
            "INSERT INTO submissions (id, token_id, teryt, body_sha256, response, received_at)
             VALUES ($1, $2, $3, $4, '', $5) ON CONFLICT (id) DO NOTHING",
            &[id, token_id, teryt, body_sha256, &at],
        ))? == 1;
        if !claimed {
            runtime.block_on(tx.rollback())?;
            let stored = runtime.block_on(self.client.query_opt(
                "SELECT teryt, body_sha256, response FROM submissions WHERE id = $1",
                &[id],
            ))?;
            let row = stored.ok_or_else(|| {
                Error::Postgres(format!("zgłoszenie {id} zniknęło w trakcie zapisu"))
            })?;
            return Ok(Applied::Existing {
                teryt: row.get(0),
                body_sha256: row.get(1),
                response: row.get(2),
            });
        }
        let catalogue: Option<Vec<u8>> = wait(runtime, async {
            tx.execute(
                "SELECT pg_advisory_xact_lock($1, hashtext($2))",
                &[&UNIT_LOCK_CLASS, teryt],
            )
            .await?;
            // Shared with every other submission, exclusive to `period close`: the closed
            // years read below stay as they are until this submission commits.
            tx.execute("SELECT pg_advisory_xact_lock_shared($1, 0)", &[&super::PERIOD_LOCK_CLASS])
                .await?;
            let row = tx.query_opt("SELECT csv FROM catalogue WHERE id = 1", &[]).await?;
            Ok(row.map(|r| r.get(0)))
        })?;
        let mut cells = PgCells { tx: &tx, runtime, teryt, at };
        let outcomes = decide(items, catalogue.as_deref(), &mut cells)?;
        let response = respond(&outcomes);
        wait(runtime, async {
            tx.execute("UPDATE submissions SET response = $1 WHERE id = $2", &[&response, id])
                .await?;
            Ok(tx.commit().await?)
        })?;
        Ok(Applied::Stored(response))
    }
}

/// The submitting unit's contributions within the submission's transaction.
struct PgCells<'t> {
    tx: &'t Transaction<'t>,
    runtime: &'t Runtime,
    teryt: &'t str,
    at: &'t str,
}

impl PgCells<'_> {
    fn one(
        &self,
        sql: &str,
        params: &[&(dyn tokio_postgres::types::ToSql + Sync)],
    ) -> Result<Option<tokio_postgres::Row>> {
        let tx = self.tx;
        wait(self.runtime, async {
            let statement = tx.prepare_cached(sql).await?;
            Ok(tx.query_opt(&statement, params).await?)
        })
    }

    fn run(&self, sql: &str, params: &[&(dyn tokio_postgres::types::ToSql + Sync)]) -> Result<()> {
        let tx = self.tx;
        wait(self.runtime, async {
            let statement = tx.prepare_cached(sql).await?;
            tx.execute(&statement, params).await?;
            Ok(())
        })
    }
}

impl UnitCells for PgCells<'_> {
    fn has_public_values(&mut self, indicator: &str) -> Result<bool> {
        let sql = "SELECT 1 FROM public_values WHERE indicator = $1 LIMIT 1";
        Ok(self.one(sql, &[&indicator])?.is_some())
    }

    fn period_closed(&mut self, year: i32) -> Result<bool> {
        Ok(self.one("SELECT 1 FROM closed_periods WHERE year = $1", &[&year])?.is_some())
    }

    fn current(&mut self, indicator: &str, year: i32) -> Result<Option<(f64, i64)>> {
        let row = self.one(
            "SELECT value, rev FROM contributions
             WHERE teryt = $1 AND indicator = $2 AND year = $3",
            &[&self.teryt, &indicator, &year],
        )?;
        Ok(row.map(|r| (r.get(0), r.get(1))))
    }

    fn insert(&mut self, item: &SubmittedItem, value: f64) -> Result<()> {
        self.run(
            "INSERT INTO contributions (teryt, indicator, year, value, status, rev, updated_at)
             VALUES ($1, $2, $3, $4, $5, 1, $6)",
            &[&self.teryt, &item.indicator, &item.year, &value, &item.status, &self.at],
        )
    }

    fn replace(&mut self, item: &SubmittedItem, value: f64, old: f64, rev: i64) -> Result<()> {
        self.run(
            "INSERT INTO contribution_history (teryt, indicator, year, value, rev, replaced_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
            &[&self.teryt, &item.indicator, &item.year, &old, &rev, &self.at],
        )?;
        self.run(
            "UPDATE contributions SET value = $4, status = $5, rev = rev + 1, updated_at = $6
             WHERE teryt = $1 AND indicator = $2 AND year = $3",
            &[&self.teryt, &item.indicator, &item.year, &value, &item.status, &self.at],
        )
    }
}
