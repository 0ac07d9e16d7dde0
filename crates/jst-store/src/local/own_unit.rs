//! The unit this installation belongs to.

use rusqlite::OptionalExtension;

use super::{LocalStore, UnitRecord};
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
        row.map(|(id, demo, chosen_at)| Ok(OwnUnitRecord { unit: self.unit_by_id(id)?, demo, chosen_at }))
            .transpose()
    }

    /// Sets the own unit. Leaving the demo removes its sample values, which are not own data.
    pub fn set_own_unit(&mut self, stamp: &Stamp, unit: &UnitRecord, demo: bool) -> Result<()> {
        let detail = format!("{} {} ({}){}", unit.teryt, unit.name, unit.kind.label_pl(), if demo { ", demo" } else { "" });
        self.write(stamp, "wybór jednostki", |tx| {
            tx.execute(
                "INSERT INTO own_unit (id, unit_id, demo, chosen_at, chosen_by) VALUES (1, ?1, ?2, ?3, ?4)
                 ON CONFLICT (id) DO UPDATE SET unit_id = excluded.unit_id, demo = excluded.demo,
                     chosen_at = excluded.chosen_at, chosen_by = excluded.chosen_by",
                (unit.id, demo, &stamp.at, &stamp.by),
            )?;
            if !demo {
                tx.execute("DELETE FROM observations WHERE sample = 1", [])?;
                tx.execute("DELETE FROM indicators WHERE origin = 'sample'", [])?;
            }
            Ok(((), detail))
        })
    }
}
