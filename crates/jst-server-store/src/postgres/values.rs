//! Public values in bulk: an import streamed into a staging table and merged set-wise, and
//! every value read back through a cursor. Neither holds the rows in memory.

use std::pin::Pin;

use tokio_postgres::binary_copy::BinaryCopyInWriter;
use tokio_postgres::types::Type;

use super::storage::{record, wait, PgStorage};
use crate::audit::import_entry;
use crate::records::*;
use crate::rules::RowCheck;
use crate::Result;

/// Rows sent to the staging table per trip to the runtime, and read per cursor fetch.
const BATCH: usize = 4096;
const FETCH: &str = "FETCH 10000 FROM each_value";

/// The rows of one import as read, in order (`seq`): values and plans side by side. It lives
/// in the import's transaction only.
const STAGING: &str = r#"CREATE TEMP TABLE import_rows (
        seq        BIGINT NOT NULL,
        plan       BOOLEAN NOT NULL,
        indicator  TEXT COLLATE "C" NOT NULL,
        year       INTEGER NOT NULL,
        teryt      TEXT COLLATE "C" NOT NULL,
        value      DOUBLE PRECISION NOT NULL
    ) ON COMMIT DROP"#;

/// One value per cell, the last one read winning (a file naming a cell twice means its last
/// line); then what changes: old values to the history, changed ones updated to the next rev,
/// new ones inserted at rev 1. `$1` is the time, `$2` the source.
const LAST_VALUES: &str = "CREATE TEMP TABLE import_values ON COMMIT DROP AS
    SELECT DISTINCT ON (indicator, year, teryt) indicator, year, teryt, value
    FROM import_rows WHERE NOT plan ORDER BY indicator, year, teryt, seq DESC";
const HISTORY: &str =
    "INSERT INTO value_history (indicator, year, teryt, value, rev, replaced_at, source)
    SELECT p.indicator, p.year, p.teryt, p.value, p.rev, $1::text, p.source
    FROM public_values p JOIN import_values i USING (indicator, year, teryt)
    WHERE p.value <> i.value";
const UPDATE: &str = "UPDATE public_values p
    SET value = i.value, rev = p.rev + 1, updated_at = $1::text, source = $2::text
    FROM import_values i
    WHERE p.indicator = i.indicator AND p.year = i.year AND p.teryt = i.teryt
      AND p.value <> i.value";
const INSERT: &str =
    "INSERT INTO public_values (indicator, year, teryt, value, rev, updated_at, source)
    SELECT i.indicator, i.year, i.teryt, i.value, 1, $1::text, $2::text FROM import_values i
    WHERE NOT EXISTS (SELECT 1 FROM public_values p
        WHERE p.indicator = i.indicator AND p.year = i.year AND p.teryt = i.teryt)";
const PLANS: &str = "INSERT INTO budget_plans (indicator, year, teryt, plan, source, updated_at)
    SELECT DISTINCT ON (indicator, year, teryt) indicator, year, teryt, value, $2::text, $1::text
    FROM import_rows WHERE plan ORDER BY indicator, year, teryt, seq DESC
    ON CONFLICT (indicator, year, teryt) DO UPDATE SET plan = excluded.plan,
        source = excluded.source, updated_at = excluded.updated_at";

impl PgStorage {
    /// [`crate::Storage::import`]: the rows are checked as they come and copied (binary COPY)
    /// into a staging table of the import's transaction; only when every row was read and
    /// accepted are they merged into the real tables, in that same transaction. The iterator is
    /// called outside the runtime, so it may block or run a runtime of its own.
    pub(super) fn import_stream(
        &mut self,
        kind: ImportKind,
        rows: &mut dyn Iterator<Item = Result<ImportRow>>,
        source: &str,
        at: &str,
    ) -> Result<DataImport> {
        let Self { client, runtime, actor } = self;
        let runtime = &**runtime;
        let tx = runtime.block_on(client.transaction())?;
        runtime.block_on(tx.batch_execute(STAGING))?;
        let sink = runtime.block_on(tx.copy_in("COPY import_rows FROM STDIN (FORMAT binary)"))?;
        let types = [Type::INT8, Type::BOOL, Type::TEXT, Type::INT4, Type::TEXT, Type::FLOAT8];
        let writer = std::pin::pin!(BinaryCopyInWriter::new(sink, &types));
        let mut staged = Staged { writer, batch: Vec::with_capacity(BATCH), seq: 0 };
        let mut refused = RowCheck::default();
        let (mut values, mut plans) = (0usize, 0usize);
        // An `Err` from the rows or from the copy returns here: dropping the writer aborts the
        // copy and dropping the transaction rolls it back.
        for row in rows {
            let (row, plan) = match row? {
                ImportRow::Value(row) => (row, false),
                ImportRow::Plan(row) => (row, true),
            };
            if plan {
                plans += 1;
            } else {
                values += 1;
            }
            if plan {
                refused.plan(&row);
            } else {
                refused.value(&row);
            }
            // After a refused row nothing will be kept: the rest is only read and checked.
            if refused.is_empty() {
                staged.batch.push((plan, row));
                if staged.batch.len() == BATCH {
                    wait(runtime, staged.flush())?;
                }
            }
        }
        refused.finish(source)?;
        wait(runtime, async {
            staged.flush().await?;
            staged.writer.as_mut().finish().await?;
            // Imports of values queue one behind another (as SQLite's single writer does), so
            // two of them never insert the same new cell at once; readers are not held up.
            tx.batch_execute(
                "LOCK TABLE public_values IN SHARE ROW EXCLUSIVE MODE; ANALYZE import_rows;",
            )
            .await?;
            tx.batch_execute(LAST_VALUES).await?;
            tx.batch_execute("ANALYZE import_values").await?;
            let cells: i64 = tx.query_one("SELECT count(*) FROM import_values", &[]).await?.get(0);
            tx.execute(HISTORY, &[&at]).await?;
            let updated = tx.execute(UPDATE, &[&at, &source]).await? as usize;
            let inserted = tx.execute(INSERT, &[&at, &source]).await? as usize;
            tx.execute(PLANS, &[&at, &source]).await?;
            let done =
                DataImport { inserted, updated, unchanged: cells as usize - inserted - updated };
            let (action, details) = import_entry(kind, source, values, plans, &done);
            record(&tx, at, actor, action, details).await?;
            tx.commit().await?;
            Ok(done)
        })
    }

    /// [`crate::Storage::each_value`] through a cursor of a read-only transaction, fetched in
    /// batches: a release build reads millions of values without holding them. `visit` runs
    /// outside the runtime.
    pub(super) fn each_value_in_batches(
        &self,
        visit: &mut dyn FnMut(DataRow) -> Result<()>,
    ) -> Result<()> {
        let (client, runtime) = (&self.client, &*self.runtime);
        runtime.block_on(client.batch_execute(
            "BEGIN READ ONLY;
             DECLARE each_value NO SCROLL CURSOR FOR
                 SELECT teryt, indicator, year, value FROM public_values
                 ORDER BY year, indicator, teryt",
        ))?;
        let mut open = OpenRead { client, runtime, done: false };
        loop {
            let rows = runtime.block_on(client.query(FETCH, &[]))?;
            if rows.is_empty() {
                break;
            }
            for r in rows {
                visit(DataRow {
                    teryt: r.get(0),
                    indicator: r.get(1),
                    year: r.get(2),
                    value: r.get(3),
                })?;
            }
        }
        open.done = true;
        runtime.block_on(client.batch_execute("COMMIT"))?;
        Ok(())
    }
}

/// The staging copy: rows wait in `batch` until a trip to the runtime writes them.
struct Staged<'w> {
    writer: Pin<&'w mut BinaryCopyInWriter>,
    batch: Vec<(bool, DataRow)>,
    /// The number of the last row written: later rows win.
    seq: i64,
}

impl Staged<'_> {
    async fn flush(&mut self) -> Result<()> {
        for (plan, row) in self.batch.drain(..) {
            self.seq += 1;
            let value = row.value + 0.0; // -0 is stored as 0
            self.writer
                .as_mut()
                .write(&[&self.seq, &plan, &row.indicator, &row.year, &row.teryt, &value])
                .await?;
        }
        Ok(())
    }
}

/// The read-only transaction of [`PgStorage::each_value_in_batches`], rolled back when the
/// reading stops early (an `Err` of the visitor or of a fetch), so the connection goes back
/// to the pool outside any transaction.
struct OpenRead<'a> {
    client: &'a deadpool_postgres::Object,
    runtime: &'a tokio::runtime::Runtime,
    done: bool,
}

impl Drop for OpenRead<'_> {
    fn drop(&mut self) {
        if !self.done {
            // A broken connection is dropped by the pool's recycling check anyway.
            let _ = self.runtime.block_on(self.client.batch_execute("ROLLBACK"));
        }
    }
}
