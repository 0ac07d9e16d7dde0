//! The unit this installation belongs to.

use rusqlite::{OptionalExtension, Transaction};

use super::catalogue::upsert_indicators;
use super::observations::upsert_observations;
use super::strategy::insert_strategy;
use super::{IndicatorRecord, LocalStore, ObservationRecord, StrategyDraft, UnitRecord};
use crate::{Result, Stamp};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnUnitRecord {
    pub unit: UnitRecord,
    pub demo: bool,
    pub chosen_at: String,
}

impl LocalStore {
    pub fn own_unit(&self) -> Result<Option<OwnUnitRecord>> {
        let row: Option<(i64, bool, String)> = self
            .conn
            .query_row("SELECT unit_id, demo, chosen_at FROM own_unit WHERE id = 1", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        row.map(|(id, demo, chosen_at)| {
            Ok(OwnUnitRecord { unit: self.unit_by_id(id)?, demo, chosen_at })
        })
        .transpose()
    }

    /// Sets a real own unit. Demo sample values go with the demo: they are not own data.
    pub fn set_own_unit(&mut self, stamp: &Stamp, unit: &UnitRecord) -> Result<()> {
        self.write(stamp, "wybór jednostki", |tx| {
            tx.execute("DELETE FROM strategies WHERE sample = 1", [])?;
            tx.execute("DELETE FROM observations WHERE sample = 1", [])?;
            tx.execute("DELETE FROM indicators WHERE origin = 'sample'", [])?;
            store_own_unit(tx, stamp, unit, false)?;
            Ok(((), describe(unit, false)))
        })
    }

    /// Opens the demo in one transaction: the unit, its labelled sample values and its sample
    /// strategy, replacing an earlier demo's.
    pub fn set_demo_unit(
        &mut self,
        stamp: &Stamp,
        unit: &UnitRecord,
        indicators: &[IndicatorRecord],
        values: &[ObservationRecord],
        strategy: &StrategyDraft,
    ) -> Result<()> {
        self.write(stamp, "wybór jednostki", |tx| {
            tx.execute("DELETE FROM strategies WHERE sample = 1", [])?;
            tx.execute("DELETE FROM observations WHERE sample = 1", [])?;
            upsert_indicators(tx, indicators)?;
            upsert_observations(tx, stamp, values)?;
            insert_strategy(tx, stamp, strategy)?;
            store_own_unit(tx, stamp, unit, true)?;
            Ok(((), describe(unit, true)))
        })
    }
}

fn describe(unit: &UnitRecord, demo: bool) -> String {
    let demo = if demo { ", demo z danymi przykładowymi" } else { "" };
    format!("{} {} ({}){demo}", unit.teryt, unit.name, unit.kind.label_pl())
}

fn store_own_unit(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    unit: &UnitRecord,
    demo: bool,
) -> Result<()> {
    tx.execute(
        "INSERT INTO own_unit (id, unit_id, demo, chosen_at, chosen_by) VALUES (1, ?1, ?2, ?3, ?4)
         ON CONFLICT (id) DO UPDATE SET unit_id = excluded.unit_id, demo = excluded.demo,
             chosen_at = excluded.chosen_at, chosen_by = excluded.chosen_by",
        (unit.id, demo, &stamp.at, &stamp.by),
    )?;
    Ok(())
}
