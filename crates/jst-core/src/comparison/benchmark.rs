//! `jst benchmark`: one indicator in one year for the own unit and its comparison group
//! (DESIGN §5.4, §5.5, §5.7). Statistics cover the group plus the own unit.

use jst_analytics::{group_stats, order_members, own_position, GroupStats};
use jst_domain::Polarity;
use jst_store::IndicatorRecord;
use jst_text::t;
use serde::Serialize;

use super::group::{GroupContext, GroupView};
use super::group_spec::GroupSpec;
use super::indicators::catalogue_indicator;
use super::values::Comparison;
use crate::support::count;
use crate::{Error, Result};

/// Where a group's statistics come from: per-unit public statistics, or the aggregates the
/// association publishes of its members' contributed values (DESIGN §8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ComparisonSource {
    Public,
    Contributed,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BenchmarkIndicatorView {
    pub code: String,
    pub name: String,
    pub unit: String,
    pub polarity: Polarity,
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
    pub source: ComparisonSource,
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

/// The own unit against its group for one indicator and year.
pub(crate) fn benchmark(
    c: &Comparison<'_>,
    code: &str,
    year: i32,
    group: &str,
) -> Result<BenchmarkView> {
    let ctx = c.group_context(group, year)?;
    let indicator = catalogue_indicator(c.local, code)?;
    let values = c
        .group_values_many(std::slice::from_ref(&indicator), year, &ctx)?
        .pop()
        .ok_or_else(|| Error::fault(t!("core-no-indicator-values")))?;
    let polarity = Polarity::from_code(&indicator.polarity);
    let all = values.all();
    let stats = group_stats(&all)?;
    if stats.is_none() && ctx.spec == GroupSpec::TypeSize {
        if let Some(view) = contributed(c, &indicator, year, &ctx)? {
            return Ok(view);
        }
    }
    let position = values.own.and_then(|v| own_position(&all, v, polarity));
    let listed = values.members(&ctx);
    Ok(BenchmarkView {
        indicator: BenchmarkIndicatorView {
            name: indicator.name().to_owned(),
            code: indicator.code,
            unit: indicator.unit,
            polarity,
        },
        year,
        source: ComparisonSource::Public,
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
    c: &Comparison<'_>,
    indicator: &IndicatorRecord,
    year: i32,
    ctx: &GroupContext,
) -> Result<Option<BenchmarkView>> {
    let Some(population) = ctx.index.population_near(year).get(&ctx.own.identity).copied() else {
        return Ok(None);
    };
    let key = jst_domain::type_size_key(ctx.own.kind, population);
    let Some(a) = c.peers.aggregate(&key, &indicator.code, year)? else { return Ok(None) };
    let own =
        c.local.observations_of(&indicator.code)?.into_iter().find(|o| o.year == year && !o.sample);
    let suppressed = a.q1.is_none() && a.median.is_none() && a.q3.is_none() && a.mean.is_none();
    Ok(Some(BenchmarkView {
        indicator: BenchmarkIndicatorView {
            code: indicator.code.clone(),
            name: indicator.name().to_owned(),
            unit: indicator.unit.clone(),
            polarity: Polarity::from_code(&indicator.polarity),
        },
        year,
        source: ComparisonSource::Contributed,
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
            let note = a.note.clone().unwrap_or_else(|| t!("core-group-too-little-data"));
            t!("core-group-suppressed", note = note)
        }),
    }))
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
