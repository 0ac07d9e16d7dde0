//! The year-major copy of `peer_values` (schema 6): one BLOB per (indicator, year) of
//! little-endian f64 indexed by unit key, `NaN` where a unit has no value. Comparisons over every
//! unit of a year read these instead of a row per unit; `peer_values` stays the record, and every
//! change rebuilds the blocks of the (indicator, year) pairs it touched before it commits.

use std::collections::BTreeSet;

use rusqlite::{Connection, OptionalExtension};

use crate::Result;

/// (indicator key, year) pairs whose blocks a change must rebuild.
pub(crate) type Touched = BTreeSet<(i64, i32)>;

const SLOT: usize = std::mem::size_of::<f64>();

/// Rebuilds the blocks of `pairs` from `peer_values`; a pair left without values loses its
/// block. Runs inside the caller's transaction.
pub(crate) fn rebuild(conn: &Connection, pairs: &Touched) -> Result<()> {
    let mut read = conn.prepare_cached(
        "SELECT unit, value FROM peer_values WHERE indicator = ?1 AND year = ?2 ORDER BY unit",
    )?;
    let mut write = conn.prepare_cached(
        "INSERT INTO peer_blocks (indicator, year, block) VALUES (?1, ?2, ?3)
         ON CONFLICT (indicator, year) DO UPDATE SET block = excluded.block",
    )?;
    let mut drop =
        conn.prepare_cached("DELETE FROM peer_blocks WHERE indicator = ?1 AND year = ?2")?;
    let mut block: Vec<u8> = Vec::new();
    for &(indicator, year) in pairs {
        block.clear();
        let mut rows = read.query((indicator, year))?;
        while let Some(row) = rows.next()? {
            let (unit, value): (i64, f64) = (row.get(0)?, row.get(1)?);
            let Ok(slot) = usize::try_from(unit) else { continue };
            let end = (slot + 1) * SLOT;
            if block.len() < end {
                // Units come in key order, so the block grows at its end only.
                block.extend(
                    std::iter::repeat_n(f64::NAN.to_le_bytes(), (end - block.len()) / SLOT)
                        .flatten(),
                );
            }
            block[slot * SLOT..end].copy_from_slice(&value.to_le_bytes());
        }
        if block.is_empty() {
            drop.execute((indicator, year))?;
        } else {
            write.execute((indicator, year, &block))?;
        }
    }
    Ok(())
}

/// Builds every block when the values have none (the first open after schema 6, or a store
/// whose blocks were lost); answers whether it did.
pub(crate) fn fill_if_missing(conn: &mut Connection) -> Result<bool> {
    let has_values =
        conn.query_row("SELECT 1 FROM peer_values LIMIT 1", [], |_| Ok(())).optional()?.is_some();
    let has_blocks =
        conn.query_row("SELECT 1 FROM peer_blocks LIMIT 1", [], |_| Ok(())).optional()?.is_some();
    if !has_values || has_blocks {
        return Ok(false);
    }
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let pairs: Touched = {
        let mut stmt = tx.prepare("SELECT DISTINCT indicator, year FROM peer_values")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<Result<_, _>>()?
    };
    rebuild(&tx, &pairs)?;
    tx.commit()?;
    Ok(true)
}

/// Decodes the values at `slots` of a block into `column` (same length, already `NaN`-filled);
/// a slot beyond the block has no value.
pub(crate) fn decode_into(block: &[u8], slots: &[usize], column: &mut [f64]) {
    for (value, &slot) in column.iter_mut().zip(slots) {
        if let Some(bytes) = block.get(slot * SLOT..(slot + 1) * SLOT) {
            let mut le = [0u8; SLOT];
            le.copy_from_slice(bytes);
            *value = f64::from_le_bytes(le);
        }
    }
}
