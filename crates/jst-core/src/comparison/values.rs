//! What every comparison reads ([`Comparison`]: both stores and the unit index) and the values of
//! indicators over units in one year, formulas evaluated per unit from same-year components.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::sync::Arc;

use jst_domain::Formula;
use jst_store::{IndicatorRecord, LocalStore, PeerStore, UnitRecord};
use jst_text::t;

use super::unit_index::UnitIndex;
use crate::units::own_record;
use crate::{Error, Result};

/// What every comparison reads: own data (the own unit, its budget, saved groups), peer data,
/// and the index of current units built from both.
pub(crate) struct Comparison<'a> {
    pub local: &'a LocalStore,
    pub peers: &'a PeerStore,
    pub units: Arc<UnitIndex>,
    /// Read on first use and kept for this comparison only: a comparison over 15 years asks
    /// for them 15 times.
    own: OnceCell<OwnData>,
}

/// The own unit and its own inputs to formulas, as one comparison sees them.
pub(crate) struct OwnData {
    pub record: UnitRecord,
    /// Budget execution lines: (`WYD_<rozdział>` / `DOCH_<dział>`, year, value).
    pub budget: Vec<(String, i32, f64)>,
    /// Own values that are not sample data: (indicator, year, value).
    pub values: Vec<(String, i32, f64)>,
}

impl<'a> Comparison<'a> {
    pub(crate) fn new(local: &'a LocalStore, peers: &'a PeerStore, units: Arc<UnitIndex>) -> Self {
        Self { local, peers, units, own: OnceCell::new() }
    }

    pub(crate) fn own(&self) -> Result<&OwnData> {
        if let Some(own) = self.own.get() {
            return Ok(own);
        }
        let data = OwnData {
            record: own_record(self.local)?,
            budget: self.local.budget_series()?,
            values: self
                .local
                .observations()?
                .into_iter()
                .filter(|o| !o.sample)
                .map(|o| (o.indicator, o.year, o.value))
                .collect(),
        };
        Ok(self.own.get_or_init(|| data))
    }
}

/// Values of indicators at the units read (`NaN` = no value). A formula indicator without a value
/// of its own is computed when asked, from same-year components at the same unit.
pub(crate) struct ValueTable<'a> {
    /// Where each peer-store key's values are in a column; `None`: the unit was not read.
    slot_of: Vec<Option<u32>>,
    /// One column per code read, indexed by slot.
    raw: Vec<Vec<f64>>,
    indicators: Vec<TableIndicator<'a>>,
}

/// An indicator's own column and, for a formula, the formula with its components' columns,
/// resolved once so that evaluating it at a unit looks nothing up by name.
struct TableIndicator<'a> {
    column: usize,
    formula: Option<(&'a Formula, Vec<(&'a str, usize)>)>,
}

impl ValueTable<'_> {
    pub fn get(&self, indicator: usize, key: Option<i64>) -> Option<f64> {
        let key = usize::try_from(key?).ok()?;
        let slot = (*self.slot_of.get(key)?)? as usize;
        let TableIndicator { column, formula } = &self.indicators[indicator];
        let value = self.raw[*column][slot];
        if !value.is_nan() {
            return Some(value);
        }
        let (formula, components) = formula.as_ref()?;
        formula.evaluate(|code| {
            let column = components.iter().find(|(c, _)| *c == code)?.1;
            Some(self.raw[column][slot]).filter(|v| !v.is_nan())
        })
    }
}

pub(crate) fn parse_formula(indicator: &IndicatorRecord) -> Result<Option<Formula>> {
    indicator.formula.as_deref().map(Formula::parse).transpose().map_err(|e| {
        Error::InvalidValue(t!("core-bad-formula", code = &indicator.code, reason = e.to_string()))
    })
}

impl Comparison<'_> {
    /// Values of `indicators` in `year` at the units of `keys` (peer-store keys; every unit with
    /// `None`). The peer store's year-major blocks make a column one read, whatever the number
    /// of units, and only the units asked for are decoded.
    pub(crate) fn value_table<'a>(
        &self,
        index: &UnitIndex,
        indicators: &'a [(IndicatorRecord, Option<Formula>)],
        year: i32,
        keys: Option<&[i64]>,
    ) -> Result<ValueTable<'a>> {
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
        let wanted: Vec<usize> = match keys {
            None => (0..width).collect(),
            Some(keys) => keys.iter().filter_map(|k| usize::try_from(*k).ok()).collect(),
        };
        let mut slot_of = vec![None; width];
        let mut slots = Vec::with_capacity(wanted.len());
        for key in wanted {
            if let Some(entry) = slot_of.get_mut(key).filter(|e| e.is_none()) {
                *entry = u32::try_from(slots.len()).ok();
                slots.push(key);
            }
        }
        let raw = self.peers.year_columns(&codes, year, &slots)?;
        let indicators = indicators
            .iter()
            .map(|(indicator, formula)| {
                let resolved = formula
                    .as_ref()
                    .map(|f| (f, f.codes().map(|c| (c, position[c])).collect::<Vec<_>>()));
                TableIndicator { column: position[indicator.code.as_str()], formula: resolved }
            })
            .collect();
        Ok(ValueTable { slot_of, raw, indicators })
    }
}
