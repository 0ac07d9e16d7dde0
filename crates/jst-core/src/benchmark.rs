//! `jst benchmark`: one indicator in one year for the own unit and its comparison group
//! (DESIGN §5.4, §5.5, §5.7). Statistics cover the group plus the own unit.

use jst_analytics::{group_stats, order_members, own_position, GroupStats};
use jst_domain::Polarity;
use jst_store::IndicatorRecord;
use serde::Serialize;

use crate::comparison::GroupContext;
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
    /// Only for `source: contributed`: the group is too small for the disclosure rules.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<bool>,
    /// Only for `source: contributed` when suppressed: why, in Polish.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Monitor {
    /// The own unit against its group for one indicator and year.
    pub fn benchmark(&self, code: &str, year: i32, group: &str) -> Result<BenchmarkView> {
        let ctx = self.group_context(group, year)?;
        let indicator = self.catalogue_indicator(code)?;
        let values = self
            .group_values_many(std::slice::from_ref(&indicator), year, &ctx)?
            .pop()
            .ok_or_else(|| Error::Internal("brak wartości wskaźnika".to_owned()))?;
        let polarity = Polarity::from_code(&indicator.polarity);
        let all = values.all();
        let stats = group_stats(&all).map_err(|e| Error::Internal(e.to_string()))?;
        if stats.is_none() && ctx.spec == crate::groups::GroupSpec::TypeSize {
            if let Some(view) = self.contributed(&indicator, year, &ctx)? {
                return Ok(view);
            }
        }
        let position = values.own.and_then(|v| own_position(&all, v, polarity));
        let listed = values.members(&ctx);
        Ok(BenchmarkView {
            indicator: BenchmarkIndicatorView {
                code: indicator.code,
                name: indicator.name_pl,
                unit: indicator.unit,
                polarity: indicator.polarity,
            },
            year,
            source: "public".to_owned(),
            group: ctx.view(),
            own: OwnValueView { teryt: ctx.own.teryt.clone(), value: values.own },
            stats: StatsView::from(stats),
            percentile_rank: position.map(|p| p.percentile_rank),
            rank: position.and_then(|p| p.rank).map(count),
            members: order_members(listed, polarity)
                .into_iter()
                .map(|m| MemberView { teryt: m.teryt, name: m.name, value: m.value })
                .collect(),
            suppressed: None,
            reason: None,
        })
    }

    /// The own unit against the contributed aggregate of its `type_size` group (DESIGN §8):
    /// no members, no min/max, no position (only aggregates are known), `suppressed` with the
    /// reason where the group is too small.
    fn contributed(
        &self,
        indicator: &IndicatorRecord,
        year: i32,
        ctx: &GroupContext,
    ) -> Result<Option<BenchmarkView>> {
        let Some(population) =
            ctx.index.population_near(year).and_then(|p| p.get(&ctx.own.identity))
        else {
            return Ok(None);
        };
        let key = jst_domain::type_size_key(ctx.own.kind, *population);
        let Some(a) = self.peers.aggregate(&key, &indicator.code, year)? else { return Ok(None) };
        let own = self
            .local
            .observations_of(&indicator.code)?
            .into_iter()
            .find(|o| o.year == year && !o.sample);
        let suppressed = a.q1.is_none() && a.median.is_none() && a.q3.is_none() && a.mean.is_none();
        Ok(Some(BenchmarkView {
            indicator: BenchmarkIndicatorView {
                code: indicator.code.clone(),
                name: indicator.name_pl.clone(),
                unit: indicator.unit.clone(),
                polarity: indicator.polarity.clone(),
            },
            year,
            source: "contributed".to_owned(),
            group: ctx.view(),
            own: OwnValueView { teryt: ctx.own.teryt.clone(), value: own.map(|o| o.value) },
            stats: StatsView {
                n: a.n,
                q1: a.q1,
                median: a.median,
                q3: a.q3,
                mean: a.mean,
                min: None,
                max: None,
                p10: a.p10,
                p90: a.p90,
            },
            percentile_rank: None,
            rank: None,
            members: Vec::new(),
            suppressed: Some(suppressed),
            reason: suppressed.then(|| {
                a.note.clone().unwrap_or_else(|| "za mało danych w grupie".to_owned())
                    + " – stowarzyszenie nie publikuje statystyk grupy, w której mniej niż 5 jednostek przekazało dane"
            }),
        }))
    }

    pub(crate) fn catalogue_indicator(&self, code: &str) -> Result<IndicatorRecord> {
        self.local.indicator(code)?.ok_or_else(|| {
            Error::InvalidValue(format!(
                "wskaźnika {code} nie ma w katalogu (jst import catalogue)"
            ))
        })
    }
}

pub(crate) fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl From<Option<GroupStats>> for StatsView {
    fn from(stats: Option<GroupStats>) -> Self {
        Self {
            n: count(stats.map_or(0, |s| s.n)),
            q1: stats.map(|s| s.q1),
            median: stats.map(|s| s.median),
            q3: stats.map(|s| s.q3),
            mean: stats.map(|s| s.mean),
            min: stats.map(|s| s.min),
            max: stats.map(|s| s.max),
            p10: stats.and_then(|s| s.p10),
            p90: stats.and_then(|s| s.p90),
        }
    }
}

impl GroupContext {
    pub(crate) fn view(&self) -> GroupView {
        GroupView {
            kind: self.spec.kind().to_owned(),
            label: self.label.clone(),
            n: count(self.members.len() + 1),
        }
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
