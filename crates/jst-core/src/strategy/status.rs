//! The status of the active strategy in an evaluation year (DESIGN §5.1–5.3): every indicator's
//! progress, status and projection, rolled up through the tree. The JSON of
//! [`StrategyStatusView`] is the contract of `jst strategy status --format json` (issue 3):
//! numbers unrounded, directions and statuses as English codes.

use std::collections::HashMap;

use jst_domain::strategy::{
    evaluate, indicator_score, project, roll_up, Direction, IndicatorTarget, NodeIndicator,
    NodeLevel, RollupIndicator, RollupNode, Status, StrategyTree, Thresholds, YearValue,
};
use jst_store::{LocalStore, StrategyRecord};
use serde::Serialize;

use super::thresholds::stored_thresholds;
use crate::{Error, Result};

#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct YearValueView {
    pub year: i32,
    pub value: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StrategyHeadView {
    pub name: String,
    pub period_from: i32,
    pub period_to: i32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProjectionView {
    pub value_at_target_year: f64,
    pub year_target_reached: Option<i32>,
    /// 80 % prediction interval `[lo, hi]`, with four points or more.
    pub interval: Option<(f64, f64)>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct IndicatorStatusView {
    pub node_code: String,
    pub code: String,
    pub name: String,
    pub unit: String,
    /// The effective direction.
    pub direction: Direction,
    pub baseline: YearValueView,
    pub target: YearValueView,
    pub latest: Option<YearValueView>,
    pub progress_pct: Option<f64>,
    pub r_observed: Option<f64>,
    pub r_required: Option<f64>,
    pub ratio: Option<f64>,
    pub status: Status,
    pub target_missed: bool,
    pub projection: Option<ProjectionView>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NodeStatusView {
    pub code: String,
    pub parent_code: Option<String>,
    pub level: NodeLevel,
    pub title: String,
    pub score: Option<f64>,
    pub status: Status,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StrategyStatusView {
    pub strategy: StrategyHeadView,
    pub year: i32,
    pub indicators: Vec<IndicatorStatusView>,
    pub nodes: Vec<NodeStatusView>,
}

/// Department responsible for an indicator attached to a node (for the UI's filters).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct IndicatorDepartmentView {
    pub node_code: String,
    pub code: String,
    pub department: Option<String>,
}

/// The Strategia screen: the status contract plus what the screen filters by.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StrategyOverviewView {
    pub status: StrategyStatusView,
    pub departments: Vec<IndicatorDepartmentView>,
    /// Demo sample strategy ("dane przykładowe").
    pub sample: bool,
}

impl From<&StrategyRecord> for StrategyHeadView {
    fn from(s: &StrategyRecord) -> Self {
        Self { name: s.name.clone(), period_from: s.period_from, period_to: s.period_to }
    }
}

/// Progress, status and projection of every indicator of the active strategy in `year`,
/// and the roll-up through its tree.
pub(crate) fn strategy_status(local: &LocalStore, year: i32) -> Result<StrategyStatusView> {
    let (strategy, tree) = active_tree(local)?;
    let thresholds = stored_thresholds(local)?;
    let mut series: HashMap<String, Vec<YearValue>> = HashMap::new();
    for o in local.observations()? {
        series.entry(o.indicator).or_default().push(YearValue { year: o.year, value: o.value });
    }
    let index: HashMap<&str, usize> =
        tree.nodes.iter().enumerate().map(|(i, n)| (n.code.as_str(), i)).collect();
    let rollup_nodes: Vec<RollupNode> = tree
        .nodes
        .iter()
        .map(|n| RollupNode {
            parent: n.parent_code.as_deref().and_then(|p| index.get(p).copied()),
            weight: n.weight,
        })
        .collect();
    let mut rollup_indicators = Vec::new();
    let mut indicators = Vec::new();
    for (node_index, node) in tree.nodes.iter().enumerate() {
        for i in &node.indicators {
            let observations = series.get(&i.code).map(Vec::as_slice).unwrap_or_default();
            let (view, score) = indicator_status(&node.code, i, observations, year, &thresholds);
            rollup_indicators.push(RollupIndicator { node: node_index, weight: i.weight, score });
            indicators.push(view);
        }
    }
    let scores = roll_up(&rollup_nodes, &rollup_indicators);
    let nodes = tree
        .nodes
        .iter()
        .zip(scores)
        .map(|(n, score)| NodeStatusView {
            code: n.code.clone(),
            parent_code: n.parent_code.clone(),
            level: n.level,
            title: n.title.clone(),
            score,
            status: Status::from_node_score(score, &thresholds),
        })
        .collect();
    Ok(StrategyStatusView { strategy: (&strategy).into(), year, indicators, nodes })
}

/// The status of the active strategy with the departments the screen filters by.
pub(crate) fn strategy_overview(local: &LocalStore, year: i32) -> Result<StrategyOverviewView> {
    let status = strategy_status(local, year)?;
    let (strategy, tree) = active_tree(local)?;
    let departments = tree
        .nodes
        .iter()
        .flat_map(|n| {
            n.indicators.iter().map(|i| IndicatorDepartmentView {
                node_code: n.code.clone(),
                code: i.code.clone(),
                department: i.department.clone(),
            })
        })
        .collect();
    Ok(StrategyOverviewView { status, departments, sample: strategy.sample })
}

pub(crate) fn active_tree(local: &LocalStore) -> Result<(StrategyRecord, StrategyTree)> {
    let strategy = local.active_strategy()?.ok_or(Error::NoActiveStrategy)?;
    let tree = local.strategy_tree(strategy.id)?;
    Ok((strategy, tree))
}

/// DESIGN §5.1 and §5.3 for one attached indicator, with its roll-up score (§5.2).
pub(crate) fn indicator_status(
    node_code: &str,
    i: &NodeIndicator,
    observations: &[YearValue],
    year: i32,
    thresholds: &Thresholds,
) -> (IndicatorStatusView, Option<f64>) {
    let direction = i.direction();
    let target =
        IndicatorTarget { baseline: i.baseline, target: i.target, direction, tolerance: None };
    let evaluation = evaluate(&target, observations, year, thresholds);
    let projection = project(&target, observations, year);
    let view = IndicatorStatusView {
        node_code: node_code.to_owned(),
        code: i.code.clone(),
        name: i.name.clone(),
        unit: i.unit.clone(),
        direction,
        baseline: year_value(i.baseline),
        target: year_value(i.target),
        latest: evaluation.latest.map(year_value),
        progress_pct: evaluation.progress_pct,
        r_observed: evaluation.r_observed,
        r_required: evaluation.r_required,
        ratio: evaluation.ratio,
        status: evaluation.status,
        target_missed: evaluation.target_missed,
        projection: projection.map(|p| ProjectionView {
            value_at_target_year: p.value_at_target_year,
            year_target_reached: p.year_target_reached,
            interval: p.interval,
        }),
    };
    (view, indicator_score(direction, &evaluation))
}

pub(crate) fn year_value(v: YearValue) -> YearValueView {
    YearValueView { year: v.year, value: v.value }
}
