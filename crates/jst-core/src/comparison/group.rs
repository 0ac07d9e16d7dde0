//! The own unit and its comparison group in one year, and indicators' values over them —
//! shared by `benchmark`, `costs`, the overview and the position over years, so all count exactly
//! the same units (DESIGN §5.4, §5.5, §5.7).

use std::collections::HashMap;
use std::sync::Arc;

use jst_analytics::Member;
use jst_domain::{Formula, Teryt};
use jst_store::{IndicatorRecord, UnitRecord};
use jst_text::t;
use serde::Serialize;

use super::group_spec::{members, GroupKind, GroupSpec};
use super::nearest::nearest_peers;
use super::unit_index::UnitIndex;
use super::values::{parse_formula, Comparison};
use crate::exchange::gwd_description;
use crate::support::count;
use crate::{Error, Result};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct GroupView {
    pub kind: GroupKind,
    pub label: String,
    /// Units in the group, the own unit included.
    pub n: u32,
}

pub(crate) struct GroupContext {
    pub spec: GroupSpec,
    pub own: UnitRecord,
    /// Peer-store key of the own unit; `None` when the store has no value of it.
    pub own_key: Option<i64>,
    /// Other units of the group as positions in `index.units`, the own unit excluded.
    pub members: Vec<usize>,
    pub index: Arc<UnitIndex>,
    pub label: String,
    /// For `gwd:ID`: the values the group serves its members, by (unit identity, indicator),
    /// read for each year asked.
    pub gwd: Option<String>,
}

impl GroupContext {
    pub fn view(&self) -> GroupView {
        GroupView {
            kind: self.spec.kind(),
            label: self.label.clone(),
            n: count(self.members.len() + 1),
        }
    }

    pub fn member(&self, m: usize) -> &UnitRecord {
        &self.index.units[self.members[m]]
    }

    pub fn member_key(&self, m: usize) -> Option<i64> {
        self.index.keys[self.members[m]]
    }
}

/// An indicator over a group: the own value and the values of the members that have one (own
/// excluded), as (index into `GroupContext::members`, value) — names are looked up only when a
/// list is shown, since an overview of 300 indicators over all gminy needs none.
pub(crate) struct GroupValues {
    pub own: Option<f64>,
    pub others: Vec<(usize, f64)>,
}

impl GroupValues {
    /// Every value counted by the statistics: the members' and the own unit's.
    pub fn all(&self) -> Vec<f64> {
        let mut all = Vec::new();
        self.all_into(&mut all);
        all
    }

    /// [`GroupValues::all`] into a reused buffer.
    pub fn all_into(&self, all: &mut Vec<f64>) {
        all.clear();
        all.extend(self.others.iter().map(|(_, v)| *v).chain(self.own));
    }

    /// Multiplies every value (real terms).
    pub fn scaled(mut self, factor: f64) -> Self {
        self.own = self.own.map(|v| v * factor);
        for (_, v) in &mut self.others {
            *v *= factor;
        }
        self
    }

    /// The members with a value, named, the own unit included when it has a value.
    pub fn members(&self, ctx: &GroupContext) -> Vec<Member> {
        let named = |u: &UnitRecord, value: f64| Member {
            teryt: u.teryt.clone(),
            name: u.name.clone(),
            value,
        };
        self.others
            .iter()
            .map(|(i, v)| named(ctx.member(*i), *v))
            .chain(self.own.map(|v| named(&ctx.own, v)))
            .collect()
    }
}

impl Comparison<'_> {
    /// Resolves a group name around the own unit for `year` (population classes and nearest
    /// neighbours depend on the year).
    pub(crate) fn group_context(&self, group: &str, year: i32) -> Result<GroupContext> {
        let spec = GroupSpec::parse(group)?;
        let own = self.own()?.record.clone();
        let index = Arc::clone(&self.units);
        let population = &*index.population_near(year);
        let units = &index.units;
        let (list, label) = match &spec {
            GroupSpec::Nearest(k) => {
                let near = nearest_peers(self, *k, Some(year), None, None)?;
                let codes = near
                    .iter()
                    .map(|n| Teryt::parse_lookup(&n.teryt).map_err(Error::from))
                    .collect::<Result<_>>()?;
                let (list, _) = members(&GroupSpec::Units(codes), &own, units, population)?;
                let label = t!("core-group-label-nearest", count = list.len(), year = year);
                (list, label)
            }
            GroupSpec::Custom(name) => {
                let saved = self
                    .local
                    .peer_group(name)?
                    .ok_or_else(|| Error::UnknownGroup(name.clone()))?;
                let (list, _) = members(&GroupSpec::Units(saved.members), &own, units, population)?;
                let label = t!("core-group-label-custom", name = name, count = list.len());
                (list, label)
            }
            GroupSpec::Gwd(id) => {
                let group = self
                    .local
                    .gwd_group(id)?
                    .ok_or_else(|| Error::UnknownGroup(group.to_owned()))?;
                let codes = group
                    .members
                    .iter()
                    .filter_map(|m| Teryt::parse_lookup(&m.teryt).ok())
                    .collect();
                let (list, _) = members(&GroupSpec::Units(codes), &own, units, population)?;
                (list, gwd_description(&group))
            }
            other => members(other, &own, units, population)?,
        };
        let own_key = index.key_of(&own);
        let gwd = match &spec {
            GroupSpec::Gwd(id) => Some(id.clone()),
            _ => None,
        };
        Ok(GroupContext { spec, own, own_key, members: list, index, label, gwd })
    }

    /// Indicators' values over a group; the own unit's `WYD_*`/`DOCH_*` come from its budget
    /// lines when it has them, also inside formulas.
    pub(crate) fn group_values_many(
        &self,
        indicators: &[IndicatorRecord],
        year: i32,
        ctx: &GroupContext,
    ) -> Result<Vec<GroupValues>> {
        let index = &ctx.index;
        let parsed: Vec<(IndicatorRecord, Option<Formula>)> =
            indicators.iter().map(|i| Ok((i.clone(), parse_formula(i)?))).collect::<Result<_>>()?;
        let keys: Vec<i64> =
            (0..ctx.members.len()).filter_map(|m| ctx.member_key(m)).chain(ctx.own_key).collect();
        let table = self.value_table(index, &parsed, year, Some(&keys))?;
        let own_data = self.own()?;
        let budget: HashMap<&str, f64> = own_data
            .budget
            .iter()
            .filter(|(_, y, _)| *y == year)
            .map(|(c, _, v)| (c.as_str(), *v))
            .collect();
        // The own unit's own values of the year (e.g. pupils from its SIO list) are components
        // of its formulas beside its budget lines; the budget wins for WYD_*/DOCH_* codes.
        let mut own_inputs: HashMap<&str, f64> = own_data
            .values
            .iter()
            .filter(|(_, y, _)| *y == year)
            .map(|(c, _, v)| (c.as_str(), *v))
            .collect();
        own_inputs.extend(budget.iter().map(|(c, v)| (*c, *v)));
        // A GWD serves its members' values (their own, shared by consent, or public ones):
        // they come before the release's public values.
        // By identity, then code: asked for every member and indicator (775 thousand times in
        // an overview of all gminy), so without building a key.
        let mut served: HashMap<String, HashMap<&str, f64>> = HashMap::new();
        if let Some(id) = &ctx.gwd {
            for v in self.local.gwd_values(id, year)? {
                if let (Ok(identity), Some((indicator, _))) = (
                    Teryt::parse_lookup(&v.teryt),
                    parsed.iter().find(|(i, _)| i.code == v.indicator),
                ) {
                    served.entry(identity).or_default().insert(indicator.code.as_str(), v.value);
                }
            }
        }
        let served_of = |u: &UnitRecord, code: &str| {
            if served.is_empty() {
                return None;
            }
            served.get(u.identity.as_str()).and_then(|by_code| by_code.get(code)).copied()
        };
        let mut out = Vec::with_capacity(parsed.len());
        for (i, (indicator, formula)) in parsed.iter().enumerate() {
            let others = (0..ctx.members.len())
                .filter_map(|m| {
                    served_of(ctx.member(m), &indicator.code)
                        .or_else(|| table.get(i, ctx.member_key(m)))
                        .map(|value| (m, value))
                })
                .collect();
            let public_own = table.get(i, ctx.own_key);
            let own = if let Some(v) = budget.get(indicator.code.as_str()) {
                Some(*v)
            } else {
                match formula {
                    Some(f) if f.codes().any(|c| own_inputs.contains_key(c)) => {
                        self.own_by_formula(f, year, ctx.own_key, &own_inputs)?
                    }
                    _ => public_own,
                }
            };
            let own = own.or_else(|| served_of(&ctx.own, &indicator.code));
            out.push(GroupValues { own, others });
        }
        Ok(out)
    }

    /// The own value of a formula whose components partly come from own data (budget lines,
    /// own values); the rest from public data.
    fn own_by_formula(
        &self,
        formula: &Formula,
        year: i32,
        own_key: Option<i64>,
        own_inputs: &HashMap<&str, f64>,
    ) -> Result<Option<f64>> {
        let codes: Vec<&str> = formula.codes().collect();
        let mut public: HashMap<&str, f64> = HashMap::new();
        if let Some(key) = own_key {
            for (c, _, v) in self.peers.year_values(&codes, year, Some(&[key]))? {
                public.insert(codes[c], v);
            }
        }
        Ok(formula.evaluate(|c| own_inputs.get(c).copied().or_else(|| public.get(c).copied())))
    }
}
