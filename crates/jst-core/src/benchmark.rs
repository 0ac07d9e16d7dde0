//! `jst benchmark`: one indicator in one year for the own unit and its comparison group
//! (DESIGN §5.4, §5.5, §5.7). Statistics cover the group plus the own unit.

use std::collections::HashMap;

use jst_analytics::{group_stats, order_members, own_position, Member};
use jst_domain::{Formula, Polarity, POPULATION};
use serde::Serialize;

use crate::groups::{members, GroupSpec};
use crate::{Error, Monitor, Result};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BenchmarkIndicatorView {
    pub code: String,
    pub name: String,
    pub unit: String,
    /// `higher_is_better | lower_is_better | neutral`
    pub polarity: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct GroupView {
    pub kind: String,
    pub label: String,
    /// Units in the group, the own unit included.
    pub n: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OwnValueView {
    pub teryt: String,
    pub value: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StatsView {
    pub n: u32,
    pub q1: Option<f64>,
    pub median: Option<f64>,
    pub q3: Option<f64>,
    pub mean: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub p10: Option<f64>,
    pub p90: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MemberView {
    pub teryt: String,
    pub name: String,
    pub value: f64,
}

/// The JSON contract of `jst benchmark --format json` (issue 4).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BenchmarkView {
    pub indicator: BenchmarkIndicatorView,
    pub year: i32,
    /// `public` for per-unit public statistics.
    pub source: String,
    pub group: GroupView,
    pub own: OwnValueView,
    pub stats: StatsView,
    pub percentile_rank: Option<f64>,
    pub rank: Option<u32>,
    pub members: Vec<MemberView>,
}

impl Monitor {
    /// The own unit against its group for one indicator and year. A formula indicator is
    /// computed per unit from its components of the same year; the own unit's `WYD_*`/`DOCH_*`
    /// come from its imported budget lines when it has them.
    pub fn benchmark(&self, code: &str, year: i32, group: &str) -> Result<BenchmarkView> {
        let spec = GroupSpec::parse(group)?;
        let indicator = self.local.indicator(code)?.ok_or_else(|| {
            Error::InvalidValue(format!(
                "wskaźnika {code} nie ma w katalogu (jst import catalogue)"
            ))
        })?;
        let own = self
            .local
            .own_unit()?
            .ok_or_else(|| {
                Error::MissingReference(
                    "najpierw wybierz jednostkę: jst init --unit TERYT".to_owned(),
                )
            })?
            .unit;
        let units = self.local.active_units()?;
        let population: HashMap<String, f64> = self.population_for(year)?;
        let (group_members, label) = members(&spec, &own, &units, &population)?;
        let formula =
            indicator.formula.as_deref().map(Formula::parse).transpose().map_err(|e| {
                Error::InvalidValue(format!("wskaźnik {code} ma błędny wzór w katalogu: {e}"))
            })?;
        let public = self.public_values(code, formula.as_ref(), year)?;
        let own_value = self.own_value(code, formula.as_ref(), year, &own.identity, &public)?;

        let polarity = Polarity::from_code(&indicator.polarity);
        let mut values: Vec<f64> =
            group_members.iter().filter_map(|u| public.get(&u.identity).copied()).collect();
        values.extend(own_value);
        let stats = group_stats(&values).map_err(|e| Error::Internal(e.to_string()))?;
        let position = own_value.and_then(|v| own_position(&values, v, polarity));
        let mut listed: Vec<Member> = group_members
            .iter()
            .filter_map(|u| {
                public.get(&u.identity).map(|v| Member {
                    teryt: u.teryt.clone(),
                    name: u.name.clone(),
                    value: *v,
                })
            })
            .collect();
        if let Some(v) = own_value {
            listed.push(Member { teryt: own.teryt.clone(), name: own.name.clone(), value: v });
        }
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Ok(BenchmarkView {
            indicator: BenchmarkIndicatorView {
                code: indicator.code,
                name: indicator.name_pl,
                unit: indicator.unit,
                polarity: indicator.polarity,
            },
            year,
            source: "public".to_owned(),
            group: GroupView {
                kind: spec.kind().to_owned(),
                label,
                n: count(group_members.len() + 1),
            },
            own: OwnValueView { teryt: own.teryt.clone(), value: own_value },
            stats: StatsView {
                n: count(stats.map_or(0, |s| s.n)),
                q1: stats.map(|s| s.q1),
                median: stats.map(|s| s.median),
                q3: stats.map(|s| s.q3),
                mean: stats.map(|s| s.mean),
                min: stats.map(|s| s.min),
                max: stats.map(|s| s.max),
                p10: stats.and_then(|s| s.p10),
                p90: stats.and_then(|s| s.p90),
            },
            percentile_rank: position.map(|p| p.percentile_rank),
            rank: position.and_then(|p| p.rank).map(count),
            members: order_members(listed, polarity)
                .into_iter()
                .map(|m| MemberView { teryt: m.teryt, name: m.name, value: m.value })
                .collect(),
        })
    }

    /// Population by unit identity for classing: the year asked for, else the closest year
    /// with data (the shipped reference data has 2024 only).
    fn population_for(&self, year: i32) -> Result<HashMap<String, f64>> {
        let years = self.peers.years_of(POPULATION)?;
        let Some(closest) = years.iter().copied().min_by_key(|y| ((y - year).abs(), -y)) else {
            return Ok(HashMap::new());
        };
        Ok(self.peers.values_of(POPULATION, closest)?.into_iter().collect())
    }

    /// Every unit's public value of an indicator, computed by its formula when it has one.
    pub(crate) fn public_values(
        &self,
        code: &str,
        formula: Option<&Formula>,
        year: i32,
    ) -> Result<HashMap<String, f64>> {
        let direct: HashMap<String, f64> = self.peers.values_of(code, year)?.into_iter().collect();
        let Some(formula) = formula else { return Ok(direct) };
        let mut components: HashMap<&str, HashMap<String, f64>> = HashMap::new();
        for c in formula.codes() {
            components.insert(c, self.peers.values_of(c, year)?.into_iter().collect());
        }
        let mut units: Vec<&String> = components.values().flat_map(|m| m.keys()).collect();
        units.sort_unstable();
        units.dedup();
        let mut out = direct;
        for unit in units {
            if let Some(v) =
                formula.evaluate(|c| components.get(c).and_then(|m| m.get(unit)).copied())
            {
                out.entry(unit.clone()).or_insert(v);
            }
        }
        Ok(out)
    }

    /// The own unit's value: its budget lines for `WYD_*`/`DOCH_*`, else public data.
    fn own_value(
        &self,
        code: &str,
        formula: Option<&Formula>,
        year: i32,
        identity: &str,
        public: &HashMap<String, f64>,
    ) -> Result<Option<f64>> {
        let budget: HashMap<String, f64> = self
            .local
            .budget_series()?
            .into_iter()
            .filter(|(_, y, _)| *y == year)
            .map(|(c, _, v)| (c, v))
            .collect();
        if let Some(v) = budget.get(code) {
            return Ok(Some(*v));
        }
        let Some(formula) = formula else { return Ok(public.get(identity).copied()) };
        if !formula.codes().any(|c| budget.contains_key(c)) {
            return Ok(public.get(identity).copied());
        }
        let mut values = HashMap::new();
        for c in formula.codes() {
            let v = match budget.get(c) {
                Some(v) => Some(*v),
                None => self
                    .peers
                    .values_of(c, year)?
                    .into_iter()
                    .find(|(u, _)| u == identity)
                    .map(|(_, v)| v),
            };
            values.insert(c.to_owned(), v);
        }
        Ok(formula.evaluate(|c| values.get(c).copied().flatten()))
    }
}

/// A catalogue indicator the Porównania screen can offer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ComparableIndicatorView {
    pub code: String,
    pub name: String,
    pub unit: String,
    pub area: Option<String>,
}

impl Monitor {
    /// Catalogue indicators (not local or sample ones), by area then name.
    pub fn comparable_indicators(&self) -> Result<Vec<ComparableIndicatorView>> {
        let mut list: Vec<ComparableIndicatorView> = self
            .local
            .catalogue()?
            .into_iter()
            .filter(|i| i.origin == "catalogue")
            .map(|i| ComparableIndicatorView {
                code: i.code,
                name: i.name_pl,
                unit: i.unit,
                area: i.area,
            })
            .collect();
        list.sort_by(|a, b| (a.area.as_deref(), &a.name).cmp(&(b.area.as_deref(), &b.name)));
        Ok(list)
    }
}
