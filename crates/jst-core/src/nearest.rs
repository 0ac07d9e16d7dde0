//! `jst peers nearest`: the units most similar to the own unit (DESIGN §5.6), with the reasons.

use std::collections::{BTreeMap, HashMap};

use jst_analytics::{nearest, Pool};
use jst_domain::{Formula, POPULATION};
use serde::Serialize;

use crate::{Error, Monitor, Result};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NearestView {
    pub teryt: String,
    pub name: String,
    pub distance: f64,
    /// Share of each variable in the squared distance: why this unit is (dis)similar.
    pub shares: BTreeMap<String, f64>,
}

impl Monitor {
    /// The `k` nearest units of the own unit's family. Variables default to the catalogue's
    /// structural indicators that have a value for the own unit in the year; the year defaults
    /// to the latest with population data. Weights default to 1.
    pub fn nearest_peers(
        &self,
        k: usize,
        year: Option<i32>,
        variables: Option<Vec<String>>,
        weights: Option<Vec<f64>>,
    ) -> Result<Vec<NearestView>> {
        let own = self.own_record()?;
        let year = match year {
            Some(y) => y,
            None => self.peers.years_of(POPULATION)?.first().copied().ok_or_else(|| {
                Error::MissingReference("brak danych porównawczych (jst import peers)".to_owned())
            })?,
        };
        let mut series: Vec<(String, HashMap<String, f64>)> = Vec::new();
        let candidates: Vec<String> = match &variables {
            Some(list) => list.clone(),
            None => self
                .local
                .catalogue()?
                .into_iter()
                .filter(|i| i.structural)
                .map(|i| i.code)
                .collect(),
        };
        for code in candidates {
            let indicator = self.local.indicator(&code)?.ok_or_else(|| {
                Error::InvalidValue(format!("wskaźnika {code} nie ma w katalogu"))
            })?;
            let formula =
                indicator.formula.as_deref().map(Formula::parse).transpose().map_err(|e| {
                    Error::InvalidValue(format!("wskaźnik {code} ma błędny wzór: {e}"))
                })?;
            let values = self.public_values(&code, formula.as_ref(), year)?;
            let own_has_it = values.contains_key(&own.identity);
            if variables.is_some() || own_has_it {
                series.push((code, values));
            }
        }
        if series.is_empty() {
            return Err(Error::MissingReference(format!(
                "brak zmiennych strukturalnych z wartością jednostki za rok {year}"
            )));
        }
        let weights = weights.unwrap_or_else(|| vec![1.0; series.len()]);
        if weights.len() != series.len() || weights.iter().any(|w| !w.is_finite() || *w < 0.0) {
            return Err(Error::InvalidValue(format!(
                "podaj tyle nieujemnych wag, ile zmiennych ({})",
                series.len()
            )));
        }
        let units: Vec<_> = self
            .local
            .active_units()?
            .into_iter()
            .filter(|u| u.kind.family() == own.kind.family())
            .filter(|u| series.iter().all(|(_, values)| values.contains_key(&u.identity)))
            .collect();
        let own_index = units.iter().position(|u| u.id == own.id).ok_or_else(|| {
            Error::MissingReference(format!(
                "jednostka {} nie ma wartości wszystkich zmiennych za rok {year}",
                own.teryt
            ))
        })?;
        let pool = Pool {
            units: units.iter().map(|u| u.teryt.clone()).collect(),
            values: series
                .iter()
                .map(|(_, values)| units.iter().map(|u| values[&u.identity]).collect())
                .collect(),
            weights,
        };
        let by_teryt: HashMap<&str, &str> =
            units.iter().map(|u| (u.teryt.as_str(), u.name.as_str())).collect();
        Ok(nearest(&pool, own_index, k)
            .map_err(|e| Error::Internal(e.to_string()))?
            .into_iter()
            .map(|n| NearestView {
                name: by_teryt.get(n.unit.as_str()).copied().unwrap_or_default().to_owned(),
                distance: n.distance,
                shares: series.iter().map(|(code, _)| code.clone()).zip(n.shares).collect(),
                teryt: n.unit,
            })
            .collect())
    }
}
