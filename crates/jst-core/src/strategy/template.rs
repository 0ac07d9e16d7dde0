//! The strategy template (CSV or XLSX, DESIGN §6): read and validated into what would be
//! written, imported as the active strategy or a new one, and written back as CSV.

use std::collections::HashSet;
use std::path::Path;

use jst_domain::strategy::{NodeIndicator, StrategyTree};
use jst_import::{
    parse_strategy_template_with, render_strategy_template, ImportError, Problem, RowProgress,
    Severity,
};
use jst_store::{IndicatorRecord, LocalStore, SaveMode, Stamp, StrategyDraft};
use jst_text::t;
use serde::Serialize;

use super::status::{active_tree, StrategyHeadView};
use crate::imports::{refuse_warnings_if_strict, FindingView};
use crate::support::count;
use crate::support::input::{file_label, read_input, write_atomically};
use crate::{Error, Result};

/// How a template is imported.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StrategyImportOptions {
    pub name: Option<String>,
    pub period: Option<(i32, i32)>,
    /// Create a separate strategy instead of updating the active one by codes.
    pub new: bool,
    /// Warnings count as errors: nothing is written.
    pub strict: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StrategyImportView {
    pub file: String,
    pub strategy: StrategyHeadView,
    pub nodes: u32,
    pub indicators: u32,
    /// Indicator codes added to the catalogue as `local` entries.
    pub new_catalogue_entries: Vec<String>,
    pub findings: Vec<FindingView>,
}

/// A validated template, ready to be written.
pub(crate) struct StrategyPlan {
    pub(crate) file: String,
    pub(crate) draft: StrategyDraft,
    local: Vec<IndicatorRecord>,
    pub(crate) findings: Vec<Problem>,
}

impl StrategyPlan {
    /// Writes the plan: the active strategy updated by codes, or a new one.
    pub(crate) fn save(&self, local: &mut LocalStore, stamp: &Stamp, new: bool) -> Result<()> {
        let mode = if new { SaveMode::New } else { SaveMode::UpdateActive };
        local.save_strategy(stamp, &self.draft, &self.local, mode)?;
        Ok(())
    }

    pub(crate) fn head(&self) -> StrategyHeadView {
        StrategyHeadView {
            name: self.draft.name.clone(),
            period_from: self.draft.period_from,
            period_to: self.draft.period_to,
        }
    }

    pub(crate) fn indicator_count(&self) -> u32 {
        count(self.draft.tree.nodes.iter().map(|n| n.indicators.len()).sum())
    }
}

/// Imports a strategy template (CSV or XLSX). Any error: nothing is written.
pub(crate) fn import_strategy(
    local: &mut LocalStore,
    stamp: &Stamp,
    path: &Path,
    options: &StrategyImportOptions,
) -> Result<StrategyImportView> {
    let plan = plan_strategy_import(local, path, options, &mut |_, _| true)?;
    refuse_warnings_if_strict(&plan.file, &plan.findings, options.strict)?;
    plan.save(local, stamp, options.new)?;
    Ok(StrategyImportView {
        strategy: plan.head(),
        nodes: count(plan.draft.tree.nodes.len()),
        indicators: plan.indicator_count(),
        findings: plan.findings.iter().map(FindingView::from).collect(),
        new_catalogue_entries: plan.local.into_iter().map(|i| i.code).collect(),
        file: plan.file,
    })
}

/// Reads and validates a template into what would be written.
pub(crate) fn plan_strategy_import(
    local: &LocalStore,
    path: &Path,
    options: &StrategyImportOptions,
    progress: RowProgress<'_>,
) -> Result<StrategyPlan> {
    let (file, bytes) = read_input(path)?;
    let parsed = parse_strategy_template_with(&bytes, &file, progress)?;
    let mut findings = parsed.findings;
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let name = options.name.clone().or(parsed.meta.name).unwrap_or(stem);
    let period = options
        .period
        .or(parsed.meta.period_from.zip(parsed.meta.period_to))
        .or(parsed.tree.span())
        .ok_or_else(|| {
            ImportError::single(&file, Problem::file(t!("core-template-needs-period")))
        })?;
    if period.1 < period.0 {
        return Err(ImportError::single(
            &file,
            Problem::file(t!("core-period-reversed", from = period.0, to = period.1)),
        )
        .into());
    }
    let (resolution_number, resolution_date) = split_resolution(parsed.meta.resolution);
    let new_entries = missing_catalogue_entries(local, &parsed.tree)?;
    if !new_entries.is_empty() {
        let codes: Vec<&str> = new_entries.iter().map(|i| i.code.as_str()).collect();
        findings.push(
            Problem::file(t!("core-template-local-indicators", codes = codes.join(", ")))
                .with_severity(Severity::Informacja),
        );
    }
    let draft = StrategyDraft {
        name,
        period_from: period.0,
        period_to: period.1,
        resolution_number,
        resolution_date,
        sample: false,
        tree: parsed.tree,
    };
    Ok(StrategyPlan { file, draft, local: new_entries, findings })
}

/// Writes the active strategy back as a template (CSV, UTF-8, `;`), crash-safely.
pub(crate) fn export_strategy(local: &LocalStore, path: &Path) -> Result<u32> {
    let is_csv = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if !is_csv {
        return Err(Error::InvalidValue(t!("core-template-export-csv", file = file_label(path))));
    }
    let (_, tree) = active_tree(local)?;
    let text = render_strategy_template(&tree);
    write_atomically(path, text.as_bytes())?;
    Ok(count(tree.nodes.len()))
}

/// Catalogue entries to create for indicator codes the catalogue does not know yet.
fn missing_catalogue_entries(
    local: &LocalStore,
    tree: &StrategyTree,
) -> Result<Vec<IndicatorRecord>> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for i in tree.nodes.iter().flat_map(|n| &n.indicators) {
        if seen.insert(i.code.clone()) && !local.has_indicator(&i.code)? {
            out.push(strategy_catalogue_entry(i, "local"));
        }
    }
    Ok(out)
}

/// The catalogue entry a strategy indicator gets when its code is new: the strategy's wording,
/// neutral polarity (the strategy's direction is the unit's intent, not a catalogue property).
pub(crate) fn strategy_catalogue_entry(i: &NodeIndicator, origin: &str) -> IndicatorRecord {
    IndicatorRecord {
        code: i.code.clone(),
        name_pl: i.name.clone(),
        name_en: None,
        unit: i.unit.clone(),
        polarity: "neutral".to_owned(),
        area: None,
        definition: None,
        formula: None,
        source: i.source.clone(),
        structural: false,
        person_count: false,
        origin: origin.to_owned(),
    }
}

/// `uchwala` as written in the `strategia` sheet: "XXIV/312/2021 z 2021-05-27" (or
/// "z 27.05.2021") gives a number and a date; anything else is kept as the number.
fn split_resolution(raw: Option<String>) -> (Option<String>, Option<String>) {
    let Some(raw) = raw else { return (None, None) };
    if let Some((number, date)) = raw.rsplit_once(" z ") {
        let date = date.trim();
        let iso = match date.split('.').collect::<Vec<_>>()[..] {
            [d, m, y] if d.len() <= 2 && m.len() <= 2 && y.len() == 4 => {
                Some(format!("{y}-{m:0>2}-{d:0>2}"))
            }
            _ if date.len() == 10 && date.as_bytes()[4] == b'-' => Some(date.to_owned()),
            _ => None,
        };
        if let Some(iso) = iso {
            return (Some(number.trim().to_owned()), Some(iso));
        }
    }
    (Some(raw), None)
}

#[cfg(test)]
mod tests {
    use super::split_resolution;

    #[test]
    fn resolutions() {
        let s = |t: &str| split_resolution(Some(t.to_owned()));
        assert_eq!(
            s("XXIV/312/2021 z 27.05.2021"),
            (Some("XXIV/312/2021".into()), Some("2021-05-27".into()))
        );
        assert_eq!(
            s("XXIV/312/2021 z 2021-05-27"),
            (Some("XXIV/312/2021".into()), Some("2021-05-27".into()))
        );
        assert_eq!(s("uchwała nr 5"), (Some("uchwała nr 5".into()), None));
        assert_eq!(split_resolution(None), (None, None));
    }
}
