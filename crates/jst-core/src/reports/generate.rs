//! Writing a strategy report: which document, which year, which format; the preview the Raporty
//! screen shows before it; and the year whose data is complete (the Pulpit's link).

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

use jst_domain::strategy::{NodeLevel, Status};
use jst_report::strategy_report::{chapter, monitoring_report, strategy_workbook, StrategyFigures};
use jst_report::{render_docx, render_pdf};
use jst_store::LocalStore;
use jst_text::t;
use serde::{Deserialize, Serialize};

use super::figures::strategy_figures;
use crate::comparison::Comparison;
use crate::strategy::active_tree;
use crate::support::input::write_atomically;
use crate::{Error, Result};

/// The documents (`jst report monitoring|chapter|xlsx`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    /// Raport z monitoringu strategii.
    Monitoring,
    /// Rozdział „Realizacja strategii” do raportu o stanie gminy.
    Chapter,
    /// The strategy status workbook.
    Xlsx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ReportFormat {
    Pdf,
    Docx,
    Xlsx,
}

impl ReportKind {
    /// The formats a document comes in.
    pub fn formats(self) -> &'static [ReportFormat] {
        match self {
            Self::Monitoring | Self::Chapter => &[ReportFormat::Pdf, ReportFormat::Docx],
            Self::Xlsx => &[ReportFormat::Xlsx],
        }
    }
}

impl ReportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Docx => "docx",
            Self::Xlsx => "xlsx",
        }
    }
}

/// Stages of writing a report, for the progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ReportStage {
    Figures,
    Layout,
    Writing,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReportProgress {
    pub stage: ReportStage,
    pub done: u32,
    pub total: u32,
}

/// What a written report is.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReportWrittenView {
    pub path: String,
    pub bytes: u32,
    pub kind: ReportKind,
    pub format: ReportFormat,
    pub year: i32,
    pub indicators: u32,
    pub sample: bool,
}

/// The Raporty screen before generating: what the report will cover.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReportPreviewView {
    pub strategy: String,
    pub year: i32,
    pub sample: bool,
    /// Strategic and operational goals with their status.
    pub goals: Vec<ReportGoalView>,
    pub indicators: u32,
    /// Indicators without a value for the year itself.
    pub without_data: Vec<ReportIndicatorView>,
    /// Years with at least one own value of the strategy's indicators, newest first.
    pub years: Vec<i32>,
    /// The latest year whose data is complete (see [`complete_year`]).
    pub complete_year: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReportGoalView {
    pub code: String,
    pub title: String,
    pub level: NodeLevel,
    pub status: Status,
    /// Indicators attached to the goal or to any node below it.
    pub indicators: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReportIndicatorView {
    pub code: String,
    pub name: String,
}

/// Indicator code → the years it has own values for.
type YearsByIndicator = HashMap<String, BTreeSet<i32>>;

/// Years of the strategy's indicators that have own values: indicator code → years.
fn years_by_indicator(local: &LocalStore) -> Result<(Vec<String>, YearsByIndicator)> {
    let (_, tree) = active_tree(local)?;
    let codes: Vec<String> =
        tree.nodes.iter().flat_map(|n| n.indicators.iter().map(|i| i.code.clone())).collect();
    let wanted: HashSet<&str> = codes.iter().map(String::as_str).collect();
    let mut years: HashMap<String, BTreeSet<i32>> = HashMap::new();
    for o in local.observations()? {
        if wanted.contains(o.indicator.as_str()) {
            years.entry(o.indicator).or_default().insert(o.year);
        }
    }
    Ok((codes, years))
}

/// The latest year for which every indicator measured before it has a value too, so the report
/// for it leaves nothing out that earlier years had. Indicators never measured do not hold a
/// year back (they are `no_data` every year).
fn complete_year_of(codes: &[String], years: &YearsByIndicator) -> Option<i32> {
    let all: BTreeSet<i32> = years.values().flatten().copied().collect();
    all.into_iter().rev().find(|y| {
        codes.iter().all(|c| match years.get(c) {
            None => true,
            Some(ys) => ys.contains(y) || ys.iter().all(|v| v > y),
        })
    })
}

pub(crate) fn complete_year(local: &LocalStore) -> Result<Option<i32>> {
    if local.active_strategy()?.is_none() {
        return Ok(None);
    }
    let (codes, years) = years_by_indicator(local)?;
    Ok(complete_year_of(&codes, &years))
}

pub(crate) fn report_preview(local: &LocalStore, year: i32) -> Result<ReportPreviewView> {
    let figures = strategy_figures(local, None, year, "")?;
    let (codes, years) = years_by_indicator(local)?;
    let all_years: BTreeSet<i32> = years.values().flatten().copied().collect();
    let goals = figures
        .goals
        .iter()
        .filter(|g| matches!(g.level, NodeLevel::CelStrategiczny | NodeLevel::CelOperacyjny))
        .map(|g| ReportGoalView {
            code: g.code.clone(),
            title: g.title.clone(),
            level: g.level,
            status: g.status,
            indicators: crate::support::count(
                figures
                    .indicators
                    .iter()
                    .filter(|i| under(&figures, &i.node_code, &g.code))
                    .count(),
            ),
        })
        .collect();
    let without_data = figures
        .indicators
        .iter()
        .filter(|i| !i.values.iter().any(|v| v.year == year))
        .map(|i| ReportIndicatorView { code: i.code.clone(), name: i.name.clone() })
        .collect();
    Ok(ReportPreviewView {
        strategy: figures.strategy.name.clone(),
        year,
        sample: figures.sample,
        goals,
        indicators: crate::support::count(figures.indicators.len()),
        without_data,
        years: all_years.into_iter().rev().collect(),
        complete_year: complete_year_of(&codes, &years),
    })
}

/// Whether node `code` is `goal` or lies below it.
fn under(figures: &StrategyFigures, code: &str, goal: &str) -> bool {
    let mut current = Some(code);
    while let Some(c) = current {
        if c == goal {
            return true;
        }
        current = figures.goals.iter().find(|g| g.code == c).and_then(|g| g.parent_code.as_deref());
    }
    false
}

/// One report to write: which, for which year, in which format, where; `today` is the date it
/// says it was prepared on (`dd.mm.rrrr`).
#[derive(Clone, Copy)]
pub(crate) struct ReportOrder<'a> {
    pub kind: ReportKind,
    pub year: i32,
    pub format: ReportFormat,
    pub out: &'a Path,
    pub today: &'a str,
}

/// Gathers, lays out and writes one report; `progress` is asked between stages, and a stop
/// before the file is written leaves nothing behind.
pub(crate) fn write_report(
    local: &LocalStore,
    comparison: &Comparison<'_>,
    order: &ReportOrder<'_>,
    progress: &mut dyn FnMut(ReportProgress) -> bool,
) -> Result<ReportWrittenView> {
    let ReportOrder { kind, year, format, out, today } = *order;
    if !kind.formats().contains(&format) {
        return Err(Error::InvalidValue(t!(
            "core-report-format",
            document = kind_label(kind),
            formats = kind
                .formats()
                .iter()
                .map(|f| f.extension())
                .collect::<Vec<_>>()
                .join(&t!("core-or"))
        )));
    }
    let mut step = |stage, done| {
        if progress(ReportProgress { stage, done, total: 3 }) {
            Ok(())
        } else {
            Err(Error::Cancelled)
        }
    };
    step(ReportStage::Figures, 0)?;
    let figures = strategy_figures(local, Some(comparison), year, today)?;
    if !figures.indicators.iter().any(|i| i.values.iter().any(|v| v.year == year)) {
        return Err(Error::MissingReference(t!("core-report-no-data", year = year)));
    }
    step(ReportStage::Layout, 1)?;
    let bytes = match (kind, format) {
        (ReportKind::Xlsx, _) => strategy_workbook(&figures)?,
        (ReportKind::Monitoring, ReportFormat::Pdf) => render_pdf(&monitoring_report(&figures))?,
        (ReportKind::Monitoring, _) => render_docx(&monitoring_report(&figures))?,
        (ReportKind::Chapter, ReportFormat::Pdf) => render_pdf(&chapter(&figures))?,
        (ReportKind::Chapter, _) => render_docx(&chapter(&figures))?,
    };
    // The last moment a stop leaves nothing behind: the file is written whole after it.
    step(ReportStage::Writing, 2)?;
    write_atomically(out, &bytes)?;
    progress(ReportProgress { stage: ReportStage::Writing, done: 3, total: 3 });
    Ok(ReportWrittenView {
        path: out.display().to_string(),
        bytes: u32::try_from(bytes.len()).unwrap_or(u32::MAX),
        kind,
        format,
        year,
        indicators: crate::support::count(figures.indicators.len()),
        sample: figures.sample,
    })
}

pub(crate) fn kind_label(kind: ReportKind) -> String {
    match kind {
        ReportKind::Monitoring => t!("core-report-kind-monitoring"),
        ReportKind::Chapter => t!("core-report-kind-chapter"),
        ReportKind::Xlsx => t!("core-report-kind-xlsx"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_is_complete_when_nothing_measured_before_is_missing() {
        let codes = vec!["A".to_owned(), "B".to_owned(), "C".to_owned()];
        let years: HashMap<String, BTreeSet<i32>> = [
            ("A".to_owned(), BTreeSet::from([2022, 2023, 2024])),
            ("B".to_owned(), BTreeSet::from([2022, 2023])),
        ]
        .into_iter()
        .collect();
        assert_eq!(complete_year_of(&codes, &years), Some(2023));
        assert_eq!(complete_year_of(&codes, &HashMap::new()), None);
    }
}
