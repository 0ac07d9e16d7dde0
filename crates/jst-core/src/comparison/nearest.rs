//! `jst peers nearest`: the units most similar to the own unit (DESIGN §5.6), with the reasons.

use std::collections::{BTreeMap, HashMap};

use jst_analytics::{nearest, Pool};
use jst_text::t;
use serde::Serialize;

use super::values::{parse_formula, Comparison};
use crate::{Error, Result};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NearestView {
    pub teryt: String,
    pub name: String,
    pub distance: f64,
    /// Share of each variable in the squared distance: why this unit is (dis)similar.
    pub shares: BTreeMap<String, f64>,
}

/// The `k` nearest units of the own unit's family. Variables default to the catalogue's
/// structural indicators that have a value for the own unit in the year; the year defaults
/// to the latest with population data. Weights default to 1.
pub(crate) fn nearest_peers(
    c: &Comparison<'_>,
    k: usize,
    year: Option<i32>,
    variables: Option<Vec<String>>,
    weights: Option<Vec<f64>>,
) -> Result<Vec<NearestView>> {
    let own = c.own()?.record.clone();
    let index = &c.units;
    let year = match year {
        Some(y) => y,
        None => index
            .population_years()
            .first()
            .copied()
            .ok_or_else(|| Error::MissingReference(t!("core-no-peer-data")))?,
    };
    let candidates: Vec<String> = match &variables {
        Some(list) => list.clone(),
        None => c.local.catalogue()?.into_iter().filter(|i| i.structural).map(|i| i.code).collect(),
    };
    let mut indicators = Vec::with_capacity(candidates.len());
    for code in &candidates {
        let indicator = c
            .local
            .indicator(code)?
            .ok_or_else(|| Error::InvalidValue(t!("core-not-in-catalogue", code = code)))?;
        let formula = parse_formula(&indicator)?;
        indicators.push((indicator, formula));
    }
    let table = c.value_table(index, &indicators, year, None)?;
    let own_key = index.key_of(&own);
    // Without an explicit list, only variables the own unit has count.
    let chosen: Vec<usize> = (0..indicators.len())
        .filter(|i| variables.is_some() || table.get(*i, own_key).is_some())
        .collect();
    if chosen.is_empty() {
        return Err(Error::MissingReference(t!("core-nearest-no-variables", year = year)));
    }
    let weights = weights.unwrap_or_else(|| vec![1.0; chosen.len()]);
    if weights.len() != chosen.len() || weights.iter().any(|w| !w.is_finite() || *w < 0.0) {
        return Err(Error::InvalidValue(t!("core-nearest-weights", variables = chosen.len())));
    }
    let pool_units: Vec<(&jst_store::UnitRecord, Option<i64>)> = index
        .units
        .iter()
        .zip(index.keys.iter().copied())
        .filter(|(u, _)| u.kind.family() == own.kind.family())
        .filter(|(_, k)| chosen.iter().all(|i| table.get(*i, *k).is_some()))
        .collect();
    let own_index = pool_units.iter().position(|(u, _)| u.id == own.id).ok_or_else(|| {
        Error::MissingReference(t!("core-nearest-own-incomplete", teryt = &own.teryt, year = year))
    })?;
    let pool = Pool {
        units: pool_units.iter().map(|(u, _)| u.teryt.clone()).collect(),
        values: chosen
            .iter()
            .map(|i| {
                pool_units.iter().map(|(_, k)| table.get(*i, *k).unwrap_or(f64::NAN)).collect()
            })
            .collect(),
        weights,
    };
    let by_teryt: HashMap<&str, &str> =
        pool_units.iter().map(|(u, _)| (u.teryt.as_str(), u.name.as_str())).collect();
    Ok(nearest(&pool, own_index, k)?
        .into_iter()
        .map(|n| NearestView {
            name: by_teryt.get(n.unit.as_str()).copied().unwrap_or_default().to_owned(),
            distance: n.distance,
            shares: chosen.iter().map(|i| indicators[*i].0.code.clone()).zip(n.shares).collect(),
            teryt: n.unit,
        })
        .collect())
}
