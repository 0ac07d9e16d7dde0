//! Own values of the unit. History is kept by triggers, so no write path can skip it.

use rusqlite::Transaction;

use super::LocalStore;
use crate::{Result, Stamp};

#[derive(Debug, Clone, PartialEq)]
pub struct ObservationRecord {
    pub indicator: String,
    pub year: i32,
    pub value: f64,
    /// `wstepne | ostateczne`
    pub status: String,
    pub source: Option<String>,
    pub note: Option<String>,
    pub sample: bool,
}

impl LocalStore {
    /// Inserts or updates values by (indicator, year), all in one transaction.
    pub fn upsert_observations(
        &mut self,
        stamp: &Stamp,
        action: &str,
        values: &[ObservationRecord],
    ) -> Result<()> {
        self.write(stamp, action, |tx| {
            upsert_observations(tx, stamp, values)?;
            Ok(((), format!("{} wartości", values.len())))
        })
    }

    pub fn observations(&self) -> Result<Vec<ObservationRecord>> {
        let mut stmt = self.conn.prepare(
            "SELECT indicator, year, value, status, source, note, sample FROM observations
             ORDER BY indicator, year",
        )?;
        let rows = stmt.query_map([], observation_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Deletes one own value; its history gets a line with who and when (the trigger reads the
    /// stamp written just before). Answers whether there was a value.
    pub fn delete_observation(
        &mut self,
        stamp: &Stamp,
        indicator: &str,
        year: i32,
    ) -> Result<bool> {
        self.write(stamp, "usunięcie wartości", |tx| {
            tx.execute(
                "UPDATE observations SET updated_at = ?3, updated_by = ?4
                 WHERE indicator = ?1 AND year = ?2",
                (indicator, year, &stamp.at, &stamp.by),
            )?;
            let deleted = tx.execute(
                "DELETE FROM observations WHERE indicator = ?1 AND year = ?2",
                (indicator, year),
            )?;
            Ok((deleted > 0, format!("{indicator} {year}")))
        })
    }

    /// Number of own values that are not demo samples: the data a user must never lose.
    pub fn own_value_count(&self) -> Result<usize> {
        Ok(self.conn.query_row("SELECT count(*) FROM observations WHERE sample = 0", [], |r| {
            r.get::<_, i64>(0)
        })? as usize)
    }
}

pub(super) fn upsert_observations(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    values: &[ObservationRecord],
) -> Result<()> {
    let mut stmt = tx.prepare(
        "INSERT INTO observations (indicator, year, value, status, source, note, sample,
                                   updated_at, updated_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (indicator, year) DO UPDATE SET value = excluded.value,
             status = excluded.status, source = excluded.source, note = excluded.note,
             sample = excluded.sample, updated_at = excluded.updated_at,
             updated_by = excluded.updated_by",
    )?;
    for v in values {
        stmt.execute(rusqlite::params![
            v.indicator,
            v.year,
            v.value,
            v.status,
            v.source,
            v.note,
            v.sample,
            stamp.at,
            stamp.by
        ])?;
    }
    Ok(())
}

/// One change of an own value, for the history view.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryEntry {
    pub year: i32,
    pub old_value: Option<f64>,
    pub new_value: Option<f64>,
    pub old_status: Option<String>,
    pub new_status: Option<String>,
    pub changed_at: String,
    pub changed_by: String,
}

impl LocalStore {
    /// Own values of one indicator, oldest year first.
    pub fn observations_of(&self, indicator: &str) -> Result<Vec<ObservationRecord>> {
        let mut stmt = self.conn.prepare(
            "SELECT indicator, year, value, status, source, note, sample FROM observations
             WHERE indicator = ?1 ORDER BY year",
        )?;
        let rows = stmt.query_map([indicator], observation_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every change of one indicator's values, newest first.
    pub fn history_of(&self, indicator: &str) -> Result<Vec<HistoryEntry>> {
        let mut stmt = self.conn.prepare(
            "SELECT year, old_value, new_value, old_status, new_status, changed_at, changed_by
             FROM observation_history WHERE indicator = ?1 ORDER BY id DESC",
        )?;
        let rows = stmt.query_map([indicator], |r| history_from_row(r, 0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// Columns from `from`: year, old_value, new_value, old_status, new_status, changed_at,
/// changed_by.
pub(super) fn history_from_row(
    r: &rusqlite::Row<'_>,
    from: usize,
) -> rusqlite::Result<HistoryEntry> {
    Ok(HistoryEntry {
        year: r.get(from)?,
        old_value: r.get(from + 1)?,
        new_value: r.get(from + 2)?,
        old_status: r.get(from + 3)?,
        new_status: r.get(from + 4)?,
        changed_at: r.get(from + 5)?,
        changed_by: r.get(from + 6)?,
    })
}

/// Columns: indicator, year, value, status, source, note, sample.
pub(super) fn observation_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ObservationRecord> {
    Ok(ObservationRecord {
        indicator: r.get(0)?,
        year: r.get(1)?,
        value: r.get(2)?,
        status: r.get(3)?,
        source: r.get(4)?,
        note: r.get(5)?,
        sample: r.get(6)?,
    })
}
