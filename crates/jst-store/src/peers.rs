//! `peers.db`: public per-unit values and reference data (population). Disposable: it can be
//! rebuilt from shipped files and releases. A dataset is replaced all or nothing.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior};

use crate::migrate::{open_migrated, schema_version, PEERS_MIGRATIONS};
use crate::{Result, Stamp};

#[derive(Debug, Clone, PartialEq)]
pub struct PublicValue {
    /// Register identity of the unit (6 digits for a gmina).
    pub unit: String,
    pub indicator: String,
    pub year: i32,
    pub value: f64,
}

pub struct PeerStore {
    conn: Connection,
}

impl PeerStore {
    pub fn open(path: &Path, stamp: &Stamp) -> Result<Self> {
        Ok(Self { conn: open_migrated(path, PEERS_MIGRATIONS, &stamp.at)? })
    }

    pub fn schema_version(&self) -> Result<i64> {
        schema_version(&self.conn)
    }

    pub fn has_dataset(&self, id: &str) -> Result<bool> {
        Ok(self
            .conn
            .query_row("SELECT 1 FROM datasets WHERE id = ?1", [id], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// Replaces every value of dataset `id` in one transaction.
    pub fn replace_dataset(
        &mut self,
        stamp: &Stamp,
        id: &str,
        origin: &str,
        label: &str,
        values: &[PublicValue],
    ) -> Result<()> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute("DELETE FROM public_values WHERE dataset = ?1", [id])?;
        tx.execute(
            "INSERT INTO datasets (id, origin, label, loaded_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (id) DO UPDATE SET origin = excluded.origin, label = excluded.label,
                 loaded_at = excluded.loaded_at",
            (id, origin, label, &stamp.at),
        )?;
        {
            let mut stmt = tx.prepare(
                "INSERT INTO public_values (indicator, year, unit, value, dataset)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (indicator, year, unit) DO UPDATE SET value = excluded.value,
                     dataset = excluded.dataset",
            )?;
            for v in values {
                stmt.execute((&v.indicator, v.year, &v.unit, v.value, id))?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Removes a dataset and its values.
    pub fn remove_dataset(&mut self, id: &str) -> Result<()> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute("DELETE FROM public_values WHERE dataset = ?1", [id])?;
        tx.execute("DELETE FROM datasets WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(())
    }

    /// Every unit's value of an indicator in a year, as (unit identity, value).
    pub fn values_of(&self, indicator: &str, year: i32) -> Result<Vec<(String, f64)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT unit, value FROM public_values WHERE indicator = ?1 AND year = ?2",
        )?;
        let rows = stmt.query_map((indicator, year), |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Years in which an indicator has values, newest first.
    pub fn years_of(&self, indicator: &str) -> Result<Vec<i32>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT year FROM public_values WHERE indicator = ?1 ORDER BY year DESC",
        )?;
        let rows = stmt.query_map([indicator], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The latest value of an indicator for a unit, as (year, value).
    pub fn latest_value(&self, unit: &str, indicator: &str) -> Result<Option<(i32, f64)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT year, value FROM public_values WHERE unit = ?1 AND indicator = ?2
                 ORDER BY year DESC LIMIT 1",
                (unit, indicator),
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }
}
