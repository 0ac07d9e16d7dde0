//! How a unit's submitted items are decided (DESIGN §7), once for every engine: each engine only
//! says what its database holds and writes what the decision asks, inside the submission's
//! transaction, so SQLite and PostgreSQL cannot drift apart.

use crate::records::{ItemOutcome, SubmittedItem};
use crate::rules::item_problem;
use crate::Result;

/// The submitting unit's cells as one engine sees them within the submission's transaction.
pub(crate) trait UnitCells {
    /// Whether any public value of this indicator is stored (an indicator the server knows
    /// without it being in the catalogue).
    fn has_public_values(&mut self, indicator: &str) -> Result<bool>;
    fn period_closed(&mut self, year: i32) -> Result<bool>;
    /// The unit's contribution (value, rev) to this cell, when it sent one.
    fn current(&mut self, indicator: &str, year: i32) -> Result<Option<(f64, i64)>>;
    /// Stores a first contribution at rev 1.
    fn insert(&mut self, item: &SubmittedItem, value: f64) -> Result<()>;
    /// Moves `old` at `rev` to the history and stores `value` at the next rev.
    fn replace(&mut self, item: &SubmittedItem, value: f64, old: f64, rev: i64) -> Result<()>;
}

/// Whether the catalogue CSV (`code;…` lines) names `code`.
fn in_catalogue(catalogue: Option<&[u8]>, code: &str) -> bool {
    let prefix = format!("{code};");
    catalogue.is_some_and(|csv| {
        csv.split(|b| *b == b'\n').any(|line| line.starts_with(prefix.as_bytes()))
    })
}

/// Decides every item in order, writing through `cells`, and returns one outcome per item.
/// An item is `invalid` (bad shape, or an indicator neither in the catalogue nor among the
/// public values), `period_closed`, or compared with the unit's stored contribution: `imported`
/// (new, without a base rev), `conflict` (its base rev is not the stored one), `unchanged`
/// (same value) or `updated`.
pub(crate) fn decide(
    items: &[SubmittedItem],
    catalogue: Option<&[u8]>,
    cells: &mut dyn UnitCells,
) -> Result<Vec<ItemOutcome>> {
    let mut outcomes = Vec::with_capacity(items.len());
    for item in items {
        outcomes.push(decide_one(item, catalogue, cells)?);
    }
    Ok(outcomes)
}

fn decide_one(
    item: &SubmittedItem,
    catalogue: Option<&[u8]>,
    cells: &mut dyn UnitCells,
) -> Result<ItemOutcome> {
    let outcome = |result, server_rev, server_value, message: Option<String>| ItemOutcome {
        result,
        server_rev,
        server_value,
        message,
    };
    if let Some(why) = item_problem(item) {
        return Ok(outcome("invalid", None, None, Some(why)));
    }
    let value = item.value + 0.0; // -0 is stored as 0
    if !in_catalogue(catalogue, &item.indicator) && !cells.has_public_values(&item.indicator)? {
        let why = format!("wskaźnika {} nie ma w katalogu", item.indicator);
        return Ok(outcome("invalid", None, None, Some(why)));
    }
    if cells.period_closed(item.year)? {
        let why = format!("rok {} jest zamknięty", item.year);
        return Ok(outcome("period_closed", None, None, Some(why)));
    }
    Ok(match cells.current(&item.indicator, item.year)? {
        None if item.base_server_rev.is_none() => {
            cells.insert(item, value)?;
            outcome("imported", Some(1), None, None)
        }
        None => outcome("conflict", None, None, Some("serwer nie ma tej wartości".to_owned())),
        Some((server, rev)) if item.base_server_rev != Some(rev) => {
            outcome("conflict", Some(rev), Some(server), None)
        }
        Some((old, rev)) if old == value => outcome("unchanged", Some(rev), None, None),
        Some((old, rev)) => {
            cells.replace(item, value, old, rev)?;
            outcome("updated", Some(rev + 1), None, None)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_names_a_code_at_the_start_of_a_line() {
        let csv = b"code;name\nA_1;Pierwszy\nB;Drugi\n".as_slice();
        assert!(in_catalogue(Some(csv), "A_1"));
        assert!(in_catalogue(Some(csv), "B"));
        assert!(!in_catalogue(Some(csv), "A"));
        assert!(!in_catalogue(None, "A_1"));
    }
}
