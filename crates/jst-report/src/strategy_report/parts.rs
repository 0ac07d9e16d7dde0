//! Pieces both strategy documents share: figures in words, the summary table, the indicator
//! table and an indicator's chart.

use jst_domain::strategy::{NodeLevel, Status};
use jst_domain::{format_decimal, Polarity};

use super::figures::{GoalFigures, IndicatorFigures, StrategyFigures, YearValue};
use crate::document::{Cell, Chart, Column, Table};
use crate::wording;

/// A value with its unit, `pl-PL` (at most two decimals; `%` written without a space as
/// `Intl` does for percent).
pub(crate) fn value(value: f64, unit: &str) -> String {
    let number = format_decimal(value, 2);
    match unit.trim() {
        "" => number,
        "%" => format!("{number}%"),
        u => format!("{number} {u}"),
    }
}

/// "86,1 (2019)".
pub(crate) fn year_value(v: &YearValue) -> String {
    format!("{} ({})", format_decimal(v.value, 2), v.year)
}

pub(crate) fn score(score: Option<f64>) -> String {
    score.map_or_else(|| wording::NO_VALUE.to_owned(), |s| format_decimal(s, 2))
}

pub(crate) fn progress(pct: Option<f64>) -> String {
    pct.map_or_else(|| wording::NO_PROJECTION.to_owned(), |p| format!("{}%", format_decimal(p, 1)))
}

pub(crate) fn projection(i: &IndicatorFigures) -> String {
    let Some(p) = i.projection else { return wording::NO_PROJECTION.to_owned() };
    let at = format_decimal(p.value_at_target_year, 2);
    match p.year_target_reached {
        Some(year) => format!("{at}; cel w {year}"),
        None => format!("{at}; trend nie prowadzi do celu"),
    }
}

pub(crate) fn latest(i: &IndicatorFigures) -> String {
    i.latest.as_ref().map_or_else(|| wording::NO_VALUE.to_owned(), year_value)
}

/// Indicators attached to `goal` or to any node below it.
pub(crate) fn indicators_under<'a>(
    f: &'a StrategyFigures,
    goal: &'a str,
) -> impl Iterator<Item = &'a IndicatorFigures> {
    let codes = subtree(f, goal);
    f.indicators.iter().filter(move |i| codes.contains(&i.node_code.as_str()))
}

/// `goal` and every node below it.
pub(crate) fn subtree<'a>(f: &'a StrategyFigures, goal: &'a str) -> Vec<&'a str> {
    let mut codes = vec![goal];
    let mut i = 0;
    while i < codes.len() {
        let parent = codes[i];
        codes.extend(
            f.goals
                .iter()
                .filter(|g| g.parent_code.as_deref() == Some(parent))
                .map(|g| g.code.as_str()),
        );
        i += 1;
    }
    codes
}

pub(crate) fn goal_label(g: &GoalFigures) -> String {
    format!("{} {}. {}", wording::level_title(g.level), g.code, g.title)
}

/// Every strategic and operational goal: status, score and indicators counted by status.
pub(crate) fn summary_table(f: &StrategyFigures) -> Table {
    let mut columns =
        vec![Column::left("Cel", 8), Column::left("Status", 5), Column::right("Wynik", 2)];
    columns.extend(Status::ALL.iter().map(|s| Column::right(s.mark(), 1)));
    let rows =
        f.goals
            .iter()
            .filter(|g| matches!(g.level, NodeLevel::CelStrategiczny | NodeLevel::CelOperacyjny))
            .map(|g| {
                let name = format!("{} {}", g.code, g.title);
                let mut row = vec![
                    if g.level == NodeLevel::CelStrategiczny {
                        Cell::strong(name)
                    } else {
                        Cell::plain(name)
                    },
                    Cell::status(g.status, false),
                    Cell::plain(score(g.score)),
                ];
                let under: Vec<_> = indicators_under(f, &g.code).collect();
                row.extend(Status::ALL.iter().map(|s| {
                    Cell::plain(under.iter().filter(|i| i.status == *s).count().to_string())
                }));
                row
            })
            .collect();
    Table {
        caption: format!(
            "Cele strategiczne i operacyjne w roku {}: status, wynik (0–1) i liczba wskaźników według statusu ({})",
            f.year,
            Status::ALL.iter().map(|s| format!("{} {}", s.mark(), s.label_pl())).collect::<Vec<_>>().join(", ")
        ),
        columns,
        rows,
    }
}

/// The indicator table of DESIGN's report: baseline, target, latest value, progress, status
/// and projection at the target year.
pub(crate) fn indicator_table<'a>(
    caption: String,
    indicators: impl Iterator<Item = &'a IndicatorFigures>,
) -> Table {
    let columns = vec![
        Column::left("Wskaźnik [kod]", 10),
        Column::left("Jedn.", 3),
        Column::right("Bazowa (rok)", 5),
        Column::right("Docelowa (rok)", 5),
        Column::right("Ostatnia (rok)", 5),
        Column::right("Postęp", 4),
        Column::left("Status", 6),
        Column::right("Projekcja na rok docelowy", 6),
    ];
    let rows = indicators
        .map(|i| {
            vec![
                Cell::plain(format!("{} [{}]", i.name, i.code)),
                Cell::plain(i.unit.clone()),
                Cell::plain(year_value(&i.baseline)),
                Cell::plain(year_value(&i.target)),
                Cell::plain(latest(i)),
                Cell::plain(progress(i.progress_pct)),
                Cell::status(i.status, i.target_missed),
                Cell::plain(projection(i)),
            ]
        })
        .collect();
    Table { caption, columns, rows }
}

/// Values, the planned path (baseline, milestones, target) and the projection line.
pub(crate) fn chart(i: &IndicatorFigures) -> Chart {
    let observed: Vec<(i32, f64)> = std::iter::once(&i.baseline)
        .chain(i.values.iter().filter(|v| v.year > i.baseline.year))
        .map(|v| (v.year, v.value))
        .collect();
    let mut planned: Vec<(i32, f64)> = std::iter::once(&i.baseline)
        .chain(i.milestones.iter())
        .chain(std::iter::once(&i.target))
        .map(|v| (v.year, v.value))
        .collect();
    planned.sort_by_key(|p| p.0);
    planned.dedup_by_key(|p| p.0);
    let projection = match (&i.latest, &i.projection) {
        (Some(l), Some(p)) if i.target.year > l.year => {
            vec![(l.year, l.value), (i.target.year, p.value_at_target_year)]
        }
        _ => Vec::new(),
    };
    Chart {
        title: format!("Przebieg wskaźnika {} na tle ścieżki do celu", i.code),
        alt: chart_alt(i),
        unit: i.unit.clone(),
        observed,
        planned,
        projection,
    }
}

/// The chart in words: what a reader who cannot see it needs (WCAG 1.1.1).
fn chart_alt(i: &IndicatorFigures) -> String {
    let mut alt = format!(
        "Wykres wskaźnika {}: wartość bazowa {} w {}, cel {} w {}",
        i.name,
        value(i.baseline.value, &i.unit),
        i.baseline.year,
        value(i.target.value, &i.unit),
        i.target.year
    );
    let later: Vec<String> = i
        .values
        .iter()
        .filter(|v| v.year > i.baseline.year)
        .map(|v| format!("{}: {}", v.year, value(v.value, &i.unit)))
        .collect();
    if later.is_empty() {
        alt.push_str("; brak późniejszych wartości");
    } else {
        alt.push_str(&format!("; wartości w kolejnych latach — {}", later.join(", ")));
    }
    if let Some(p) = i.projection {
        alt.push_str(&format!(
            "; projekcja na {}: {}",
            i.target.year,
            value(p.value_at_target_year, &i.unit)
        ));
    }
    alt.push_str(&format!("; status: {}.", i.status.label_pl()));
    alt
}

/// The words of a peer row's position; without an own value, says so.
pub(crate) fn position(quartile: Option<u8>, polarity: Polarity) -> String {
    quartile.map_or_else(
        || "brak własnej wartości".to_owned(),
        |q| wording::position(q, polarity).to_owned(),
    )
}
