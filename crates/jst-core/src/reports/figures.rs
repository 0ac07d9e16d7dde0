//! The figures of the strategy reports, gathered from the stores: the status of every node and
//! indicator (DESIGN §5.1–5.3, the same computation as the Strategia screen), values and notes,
//! the officer's texts, the report header, and the unit against its comparison group (§5.4).

use std::collections::HashMap;

use jst_domain::strategy::{Direction, YearValue as DomainYearValue};
use jst_domain::{Polarity, UnitKind};
use jst_report::strategy_report::{
    GoalFigures, IndicatorFigures, PeerFigures, PeerRow, ProjectionFigures, ReportHeader,
    StrategyFacts, StrategyFigures, Trend, YearValue,
};
use jst_report::{Image, ImageFormat};
use jst_store::{LocalStore, REPORT_INTRODUCTION};
use jst_text::t;

use crate::comparison::{self, Comparison};
use crate::strategy::{active_tree, stored_thresholds, strategy_status};
use crate::{Error, Result};

/// Public statistics lag: when the group has no values for the evaluation year, the position is
/// told for the latest of these earlier years that has them.
const PEER_YEARS_BACK: i32 = 2;

/// Everything the reports say for `year`; `today` is `dd.mm.rrrr`.
pub(crate) fn strategy_figures(
    local: &LocalStore,
    comparison: Option<&Comparison<'_>>,
    year: i32,
    today: &str,
) -> Result<StrategyFigures> {
    let (strategy, tree) = active_tree(local)?;
    let status = strategy_status(local, year)?;
    let texts: HashMap<String, String> =
        local.report_texts(strategy.id, year)?.into_iter().collect();
    let mut series: HashMap<String, Vec<YearValue>> = HashMap::new();
    for o in local.observations()? {
        if o.year <= year {
            series.entry(o.indicator).or_default().push(YearValue { year: o.year, value: o.value });
        }
    }
    for values in series.values_mut() {
        values.sort_by_key(|v| v.year);
    }
    let goals = status
        .nodes
        .iter()
        .map(|n| GoalFigures {
            code: n.code.clone(),
            parent_code: n.parent_code.clone(),
            level: n.level,
            title: n.title.clone(),
            score: n.score,
            status: n.status,
            commentary: texts.get(&n.code).cloned(),
        })
        .collect();
    let attached: HashMap<(&str, &str), &jst_domain::strategy::NodeIndicator> = tree
        .nodes
        .iter()
        .flat_map(|n| n.indicators.iter().map(move |i| ((n.code.as_str(), i.code.as_str()), i)))
        .collect();
    let mut indicators = Vec::new();
    for view in &status.indicators {
        let Some(node_indicator) = attached.get(&(view.node_code.as_str(), view.code.as_str()))
        else {
            continue;
        };
        let values = series.get(&view.code).cloned().unwrap_or_default();
        let baseline = YearValue { year: view.baseline.year, value: view.baseline.value };
        let latest = view.latest.as_ref().map(|l| YearValue { year: l.year, value: l.value });
        let previous = latest.and_then(|l| {
            values
                .iter()
                .rev()
                .find(|v| v.year < l.year && v.year > baseline.year)
                .copied()
                .or(Some(baseline))
                .filter(|p| p.year < l.year)
        });
        let notes = local
            .notes_of_indicator(strategy.id, &view.code)?
            .into_iter()
            .rev()
            .filter(|n| n.year == Some(year))
            .map(|n| n.text)
            .collect();
        indicators.push(IndicatorFigures {
            node_code: view.node_code.clone(),
            code: view.code.clone(),
            name: view.name.clone(),
            unit: view.unit.clone(),
            direction: view.direction,
            baseline,
            target: YearValue { year: view.target.year, value: view.target.value },
            milestones: node_indicator
                .milestones
                .iter()
                .map(|m: &DomainYearValue| YearValue { year: m.year, value: m.value })
                .collect(),
            latest,
            previous,
            trend: latest
                .zip(previous)
                .map(|(l, p)| trend(view.direction, view.target.value, p.value, l.value)),
            progress_pct: view.progress_pct,
            status: view.status,
            target_missed: view.target_missed,
            projection: view.projection.as_ref().map(|p| ProjectionFigures {
                value_at_target_year: p.value_at_target_year,
                year_target_reached: p.year_target_reached,
            }),
            values,
            source: node_indicator.source.clone(),
            department: node_indicator.department.clone(),
            notes,
        });
    }
    let header = report_header(local)?;
    let peers = match comparison {
        Some(c) => peer_figures(c, &indicators, year)?,
        None => PeerFigures {
            group_label: String::new(),
            group_size: 0,
            rows: Vec::new(),
            without_data: Vec::new(),
        },
    };
    Ok(StrategyFigures {
        header,
        strategy: StrategyFacts {
            name: strategy.name.clone(),
            resolution: resolution(
                strategy.resolution_number.as_deref(),
                strategy.resolution_date.as_deref(),
            ),
            period_from: strategy.period_from,
            period_to: strategy.period_to,
        },
        year,
        prepared_on: today.to_owned(),
        sample: strategy.sample,
        introduction: texts.get(REPORT_INTRODUCTION).cloned(),
        goals,
        indicators,
        peers,
        thresholds: stored_thresholds(local)?,
    })
}

/// How the latest value moved against the previous one in the indicator's direction.
fn trend(direction: Direction, target: f64, previous: f64, latest: f64) -> Trend {
    let better = match direction {
        Direction::Increase => latest - previous,
        Direction::Decrease => previous - latest,
        Direction::Maintain => (previous - target).abs() - (latest - target).abs(),
    };
    if better > 0.0 {
        Trend::Improved
    } else if better < 0.0 {
        Trend::Worsened
    } else {
        Trend::Unchanged
    }
}

fn resolution(number: Option<&str>, date: Option<&str>) -> Option<String> {
    match (number, date) {
        (Some(n), Some(d)) => Some(format!("uchwałą nr {n} z dnia {d}")),
        (Some(n), None) => Some(format!("uchwałą nr {n}")),
        (None, Some(d)) => Some(format!("uchwałą z dnia {d}")),
        (None, None) => None,
    }
}

/// The header as set in the settings; the unit's name from the register until then.
pub(crate) fn report_header(local: &LocalStore) -> Result<ReportHeader> {
    let record = local.report_header()?;
    let unit =
        local.own_unit()?.ok_or_else(|| Error::MissingReference(t!("core-report-no-unit")))?;
    let unit_name = record
        .unit_name
        .clone()
        .unwrap_or_else(|| default_unit_name(unit.unit.kind, &unit.unit.name));
    let emblem = record.emblem.map(|(bytes, format)| Image {
        bytes,
        format: if format == "svg" { ImageFormat::Svg } else { ImageFormat::Png },
        alt: format!("Herb: {unit_name}"),
    });
    Ok(ReportHeader { unit_name, emblem, author: record.author, department: record.department })
}

/// "Gmina Wieliczka", "Powiat kutnowski", "Miasto Kraków": a fair default until the officer
/// types the unit's statutory name.
pub(crate) fn default_unit_name(kind: UnitKind, name: &str) -> String {
    let prefix = match kind {
        UnitKind::Powiat => "Powiat",
        UnitKind::MiastoNaPrawachPowiatu => "Miasto",
        UnitKind::Wojewodztwo => "Województwo",
        _ => "Gmina",
    };
    if name.to_lowercase().starts_with(&prefix.to_lowercase()) {
        name.to_owned()
    } else {
        format!("{prefix} {name}")
    }
}

/// The strategy's catalogue indicators against the default comparison group (`type_size`).
fn peer_figures(
    c: &Comparison<'_>,
    indicators: &[IndicatorFigures],
    year: i32,
) -> Result<PeerFigures> {
    let catalogue: HashMap<String, jst_store::IndicatorRecord> = c
        .local
        .catalogue()?
        .into_iter()
        .filter(|i| i.origin == "catalogue")
        .map(|i| (i.code.clone(), i))
        .collect();
    let mut out = PeerFigures {
        group_label: String::new(),
        group_size: 0,
        rows: Vec::new(),
        without_data: Vec::new(),
    };
    let mut seen = std::collections::HashSet::new();
    for i in indicators.iter().filter(|i| catalogue.contains_key(&i.code)) {
        if !seen.insert(i.code.clone()) {
            continue;
        }
        let mut found = None;
        for y in (year - PEER_YEARS_BACK..=year).rev() {
            let view = comparison::benchmark(c, &i.code, y, "type_size")?;
            if view.stats.n > 0 && view.stats.median.is_some() {
                found = Some(view);
                break;
            }
        }
        let Some(view) = found else {
            out.without_data.push(format!("{} [{}]", i.name, i.code));
            continue;
        };
        if out.group_label.is_empty() {
            out.group_label = view.group.label.clone();
            out.group_size = view.group.n;
        }
        let polarity = view.indicator.polarity;
        out.rows.push(PeerRow {
            code: i.code.clone(),
            name: view.indicator.name.clone(),
            unit: view.indicator.unit.clone(),
            polarity,
            year: view.year,
            own: view.own.value,
            n: view.stats.n,
            q1: view.stats.q1.unwrap_or_default(),
            median: view.stats.median.unwrap_or_default(),
            q3: view.stats.q3.unwrap_or_default(),
            quartile: view.percentile_rank.map(|p| quartile(p, polarity)),
        });
    }
    Ok(out)
}

/// Quartile of the group the own unit falls in, 1 = best; for neutral indicators 1 = highest
/// values (the same rule as the window's `quartile` in `ui/src/lib/peers.ts`).
fn quartile(percentile_rank: f64, polarity: Polarity) -> u8 {
    let from_top = match polarity {
        Polarity::LowerIsBetter => percentile_rank,
        Polarity::HigherIsBetter | Polarity::Neutral => 100.0 - percentile_rank,
    };
    match from_top {
        x if x <= 25.0 => 1,
        x if x <= 50.0 => 2,
        x if x <= 75.0 => 3,
        _ => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trend_follows_the_direction() {
        assert_eq!(trend(Direction::Increase, 10.0, 5.0, 6.0), Trend::Improved);
        assert_eq!(trend(Direction::Decrease, 1.0, 5.0, 6.0), Trend::Worsened);
        assert_eq!(trend(Direction::Maintain, 5.0, 4.0, 5.5), Trend::Improved);
        assert_eq!(trend(Direction::Maintain, 5.0, 5.0, 5.0), Trend::Unchanged);
    }

    #[test]
    fn quartile_is_turned_by_polarity() {
        assert_eq!(quartile(90.0, Polarity::HigherIsBetter), 1);
        assert_eq!(quartile(90.0, Polarity::LowerIsBetter), 4);
        assert_eq!(quartile(50.0, Polarity::Neutral), 2);
    }

    #[test]
    fn unit_names_get_their_kind() {
        assert_eq!(default_unit_name(UnitKind::Powiat, "kutnowski"), "Powiat kutnowski");
        assert_eq!(default_unit_name(UnitKind::GminaMiejska, "Kutno"), "Gmina Kutno");
    }
}
