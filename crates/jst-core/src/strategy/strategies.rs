//! The unit's strategies: one is active, the others kept (an earlier period, a draft).

use jst_store::{LocalStore, Stamp};
use jst_text::t;
use serde::Serialize;

use crate::{Error, Result};

/// A strategy of the unit; one is active.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StrategyListItemView {
    pub id: i64,
    pub name: String,
    pub period_from: i32,
    pub period_to: i32,
    pub resolution_number: Option<String>,
    pub resolution_date: Option<String>,
    pub active: bool,
    pub sample: bool,
}

/// Every strategy of the unit, the active one first.
pub(crate) fn strategies(local: &LocalStore) -> Result<Vec<StrategyListItemView>> {
    Ok(local
        .strategies()?
        .into_iter()
        .map(|(s, active)| StrategyListItemView {
            id: s.id,
            name: s.name,
            period_from: s.period_from,
            period_to: s.period_to,
            resolution_number: s.resolution_number,
            resolution_date: s.resolution_date,
            active,
            sample: s.sample,
        })
        .collect())
}

/// Makes another strategy of the unit the active one.
pub(crate) fn activate_strategy(local: &mut LocalStore, stamp: &Stamp, id: i64) -> Result<()> {
    if !local.strategies()?.iter().any(|(s, _)| s.id == id) {
        return Err(Error::InvalidValue(t!("core-unknown-strategy", id = id)));
    }
    local.activate_strategy(stamp, id)?;
    Ok(())
}
