//! The own unit and its comparison group in one year, and an indicator's values over them —
//! shared by `benchmark` and `costs` so both count exactly the same units (DESIGN §5.4, §5.5).

use std::collections::HashMap;

use jst_analytics::Member;
use jst_domain::{Formula, Teryt, POPULATION};
use jst_store::{IndicatorRecord, UnitRecord};

use crate::groups::{members, GroupSpec};
use crate::{Error, Monitor, Result};

pub(crate) struct GroupContext {
    pub spec: GroupSpec,
    pub own: UnitRecord,
    /// Other units of the group, the own unit excluded.
    pub members: Vec<UnitRecord>,
    pub label: String,
}

/// An indicator over a group: the own value and the members that have a value (own excluded).
pub(crate) struct GroupValues {
    pub own: Option<f64>,
    pub others: Vec<Member>,
}

impl GroupValues {
    /// Every value counted by the statistics: the members' and the own unit's.
    pub fn all(&self) -> Vec<f64> {
        self.others.iter().map(|m| m.value).chain(self.own).collect()
    }

    /// Multiplies every value (real terms).
    pub fn scaled(mut self, factor: f64) -> Self {
        self.own = self.own.map(|v| v * factor);
        for m in &mut self.others {
            m.value *= factor;
        }
        self
    }
}

impl Monitor {
    pub(crate) fn own_record(&self) -> Result<UnitRecord> {
        Ok(self
            .local
            .own_unit()?
            .ok_or_else(|| {
                Error::MissingReference(
                    "najpierw wybierz jednostkę: jst init --unit TERYT".to_owned(),
                )
            })?
            .unit)
    }

    /// Resolves a group name around the own unit for `year` (population classes and nearest
    /// neighbours depend on the year).
    pub(crate) fn group_context(&self, group: &str, year: i32) -> Result<GroupContext> {
        let spec = GroupSpec::parse(group)?;
        let own = self.own_record()?;
        let units = self.local.active_units()?;
        let population = self.population_for(year)?;
        let (list, label) = match &spec {
            GroupSpec::Nearest(k) => {
                let near = self.nearest_peers(*k, Some(year), None, None)?;
                let codes = near
                    .iter()
                    .map(|n| Teryt::parse_lookup(&n.teryt).map_err(Error::from))
                    .collect::<Result<_>>()?;
                let (list, _) = members(&GroupSpec::Units(codes), &own, &units, &population)?;
                let label = format!(
                    "najbardziej podobne jednostki: {} (zmienne strukturalne, {year})",
                    list.len()
                );
                (list, label)
            }
            GroupSpec::Custom(name) => {
                let saved = self
                    .local
                    .peer_group(name)?
                    .ok_or_else(|| Error::UnknownGroup(name.clone()))?;
                let (list, _) =
                    members(&GroupSpec::Units(saved.members), &own, &units, &population)?;
                let label = format!("grupa własna „{name}” ({} i własna)", list.len());
                (list, label)
            }
            other => members(other, &own, &units, &population)?,
        };
        let members = list.into_iter().cloned().collect();
        Ok(GroupContext { spec, own, members, label })
    }

    /// Population by unit identity for classing: the year asked for, else the closest year
    /// with data (the shipped reference data has 2024 only).
    pub(crate) fn population_for(&self, year: i32) -> Result<HashMap<String, f64>> {
        let years = self.peers.years_of(POPULATION)?;
        let Some(closest) = years.iter().copied().min_by_key(|y| ((y - year).abs(), -y)) else {
            return Ok(HashMap::new());
        };
        Ok(self.peers.values_of(POPULATION, closest)?.into_iter().collect())
    }

    /// An indicator's values over a group; a formula indicator is computed per unit from its
    /// components of the same year, the own unit's `WYD_*`/`DOCH_*` from its budget lines.
    pub(crate) fn group_values(
        &self,
        indicator: &IndicatorRecord,
        year: i32,
        ctx: &GroupContext,
    ) -> Result<GroupValues> {
        let code = &indicator.code;
        let formula =
            indicator.formula.as_deref().map(Formula::parse).transpose().map_err(|e| {
                Error::InvalidValue(format!("wskaźnik {code} ma błędny wzór w katalogu: {e}"))
            })?;
        let public = self.public_values(code, formula.as_ref(), year)?;
        let own = self.own_value(code, formula.as_ref(), year, &ctx.own.identity, &public)?;
        let others = ctx
            .members
            .iter()
            .filter_map(|u| {
                public.get(&u.identity).map(|v| Member {
                    teryt: u.teryt.clone(),
                    name: u.name.clone(),
                    value: *v,
                })
            })
            .collect();
        Ok(GroupValues { own, others })
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
