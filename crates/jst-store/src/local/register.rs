//! Loading a TERC snapshot: a full replacement that never deletes. Units absent from the snapshot
//! get an end date; renames and kind-digit changes are recorded in `unit_changes`.

use std::collections::HashSet;

use jst_domain::{fold_for_search, RegisterSnapshot};
use rusqlite::{OptionalExtension, Transaction};

use super::LocalStore;
use crate::{Error, Result, Stamp};

/// What a register load did, for the user and for tests.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RegisterLoadSummary {
    pub as_of: String,
    pub units: usize,
    pub created: usize,
    pub renamed: usize,
    pub recoded: usize,
    pub ended: usize,
    pub restored: usize,
}

struct Existing {
    id: i64,
    teryt: String,
    kind: String,
    name: String,
    valid_to: Option<String>,
}

impl LocalStore {
    pub fn register_as_of(&self) -> Result<Option<String>> {
        Ok(self.conn.query_row("SELECT max(as_of) FROM register_loads", [], |r| r.get(0))?)
    }

    /// Loads a full snapshot. A snapshot older than the newest loaded one is refused, because
    /// loading it would end units that exist.
    pub fn load_register(
        &mut self,
        stamp: &Stamp,
        snapshot: &RegisterSnapshot,
        source: &str,
    ) -> Result<RegisterLoadSummary> {
        if let Some(current) = self.register_as_of()? {
            if snapshot.as_of < current {
                return Err(Error::OlderRegister { offered: snapshot.as_of.clone(), current });
            }
        }
        self.write(stamp, "rejestr TERYT", |tx| {
            let summary = apply_snapshot(tx, stamp, snapshot, source)?;
            let detail = format!(
                "{source}, stan na {}: jednostki {}, nowe {}, zmiany nazw {}, zmiany kodu {}, \
                 wygaszone {}, przywrócone {}",
                summary.as_of,
                summary.units,
                summary.created,
                summary.renamed,
                summary.recoded,
                summary.ended,
                summary.restored
            );
            Ok((summary, detail))
        })
    }
}

fn apply_snapshot(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    snapshot: &RegisterSnapshot,
    source: &str,
) -> Result<RegisterLoadSummary> {
    tx.execute(
        "INSERT INTO register_loads (as_of, source, loaded_at, loaded_by, units)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        (&snapshot.as_of, source, &stamp.at, &stamp.by, snapshot.entries.len() as i64),
    )?;
    let load_id = tx.last_insert_rowid();
    let mut summary = RegisterLoadSummary {
        as_of: snapshot.as_of.clone(),
        units: snapshot.entries.len(),
        ..Default::default()
    };
    let mut change = tx.prepare(
        "INSERT INTO unit_changes (unit_id, register_load_id, change, old_value, new_value)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut find =
        tx.prepare("SELECT id, teryt, kind, name, valid_to FROM units WHERE identity = ?1")?;
    let mut present = HashSet::with_capacity(snapshot.entries.len());
    for entry in &snapshot.entries {
        let identity = entry.identity();
        present.insert(identity.to_owned());
        let existing = find
            .query_row([identity], |r| {
                Ok(Existing {
                    id: r.get(0)?,
                    teryt: r.get(1)?,
                    kind: r.get(2)?,
                    name: r.get(3)?,
                    valid_to: r.get(4)?,
                })
            })
            .optional()?;
        let teryt = entry.teryt.as_str();
        let kind = entry.kind.code();
        let folded = fold_for_search(&entry.name);
        match existing {
            None => {
                tx.execute(
                    "INSERT INTO units (identity, teryt, kind, name, name_folded, powiat,
                                        voivodeship, alias, valid_from)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                    (
                        identity,
                        teryt,
                        kind,
                        &entry.name,
                        &folded,
                        &entry.powiat,
                        entry.voivodeship(),
                        &entry.alias,
                        &snapshot.as_of,
                    ),
                )?;
                change.execute((
                    tx.last_insert_rowid(),
                    load_id,
                    "created",
                    None::<String>,
                    teryt,
                ))?;
                summary.created += 1;
            }
            Some(old) => {
                if old.teryt != teryt {
                    // Codes cannot collide: a code's leading digits are its identity.
                    change.execute((old.id, load_id, "recoded", &old.teryt, teryt))?;
                    summary.recoded += 1;
                }
                if old.kind != kind {
                    change.execute((old.id, load_id, "rekinded", &old.kind, kind))?;
                }
                if old.name != entry.name {
                    change.execute((old.id, load_id, "renamed", &old.name, &entry.name))?;
                    summary.renamed += 1;
                }
                if let Some(valid_to) = &old.valid_to {
                    change.execute((old.id, load_id, "restored", valid_to, None::<String>))?;
                    summary.restored += 1;
                }
                tx.execute(
                    "UPDATE units SET teryt = ?2, kind = ?3, name = ?4, name_folded = ?5,
                            powiat = ?6, voivodeship = ?7, alias = ?8, valid_to = NULL
                     WHERE id = ?1",
                    (
                        old.id,
                        teryt,
                        kind,
                        &entry.name,
                        &folded,
                        &entry.powiat,
                        entry.voivodeship(),
                        &entry.alias,
                    ),
                )?;
            }
        }
    }
    let active: Vec<(i64, String)> = tx
        .prepare("SELECT id, identity FROM units WHERE valid_to IS NULL")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    for (id, identity) in active {
        if !present.contains(&identity) {
            tx.execute("UPDATE units SET valid_to = ?2 WHERE id = ?1", (id, &snapshot.as_of))?;
            change.execute((id, load_id, "ended", None::<String>, &snapshot.as_of))?;
            summary.ended += 1;
        }
    }
    Ok(summary)
}
