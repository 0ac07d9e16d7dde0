//! What every comparison reads ([`Comparison`]: both stores and the unit index) and the values of
//! indicators over units in one year, formulas evaluated per unit from same-year components.

use std::collections::HashMap;
use std::sync::Arc;

use jst_domain::Formula;
use jst_store::{IndicatorRecord, LocalStore, PeerStore};
use jst_text::t;

use super::unit_index::UnitIndex;
use crate::{Error, Result};

/// What every comparison reads: own data (the own unit, its budget, saved groups), peer data,
/// and the index of current units built from both.
pub(crate) struct Comparison<'a> {
    pub local: &'a LocalStore,
    pub peers: &'a PeerStore,
    pub units: Arc<UnitIndex>,
}

/// Values of indicators by peer-store key (`NaN` = no value), formulas evaluated per unit.
pub(crate) struct ValueTable {
    columns: Vec<Vec<f64>>,
}

impl ValueTable {
    pub fn get(&self, indicator: usize, key: Option<i64>) -> Option<f64> {
        let key = usize::try_from(key?).ok()?;
        self.columns[indicator].get(key).copied().filter(|v| !v.is_nan())
    }
}

pub(crate) fn parse_formula(indicator: &IndicatorRecord) -> Result<Option<Formula>> {
    indicator.formula.as_deref().map(Formula::parse).transpose().map_err(|e| {
        Error::InvalidValue(t!("core-bad-formula", code = &indicator.code, reason = e.to_string()))
    })
}

impl Comparison<'_> {
    /// Values of `indicators` in `year` for the given units (all units with `None`), each
    /// computed by its formula from same-year components when it has no value of its own.
    pub(crate) fn value_table(
        &self,
        index: &UnitIndex,
        indicators: &[(IndicatorRecord, Option<Formula>)],
        year: i32,
        units: Option<&[i64]>,
    ) -> Result<ValueTable> {
        let mut codes: Vec<&str> = Vec::new();
        let mut position: HashMap<&str, usize> = HashMap::new();
        for code in indicators.iter().flat_map(|(i, f)| {
            std::iter::once(i.code.as_str()).chain(f.iter().flat_map(|f| f.codes()))
        }) {
            if !position.contains_key(code) {
                position.insert(code, codes.len());
                codes.push(code);
            }
        }
        let width = index.max_key + 1;
        let mut raw = vec![vec![f64::NAN; width]; codes.len()];
        for (c, key, value) in self.peers.year_values(&codes, year, units)? {
            if let Some(slot) = usize::try_from(key).ok().and_then(|k| raw[c].get_mut(k)) {
                *slot = value;
            }
        }
        let columns = indicators
            .iter()
            .map(|(indicator, formula)| {
                let mut column = raw[position[indicator.code.as_str()]].clone();
                if let Some(formula) = formula {
                    for (key, slot) in column.iter_mut().enumerate() {
                        if slot.is_nan() {
                            let value = formula.evaluate(|c| {
                                position.get(c).map(|p| raw[*p][key]).filter(|v| !v.is_nan())
                            });
                            *slot = value.unwrap_or(f64::NAN);
                        }
                    }
                }
                column
            })
            .collect();
        Ok(ValueTable { columns })
    }
}
