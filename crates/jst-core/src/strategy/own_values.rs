//! Own values of the unit (`wskaznik_kod;rok;wartosc[;status][;uwagi]`, CSV or XLSX, DESIGN §6):
//! codes must be in the catalogue, values before an indicator's baseline year are errors, and a
//! year-on-year jump of more than ±50 % is a warning. Any error: nothing is written.

use std::collections::HashMap;
use std::path::Path;

use jst_import::{parse_own_values_with, ImportError, OwnValueRow, Problem, RowProgress, Severity};
use jst_store::{LocalStore, ObservationRecord, Stamp};
use serde::Serialize;

use jst_domain::strategy::{NodeIndicator, Status, YearValue};
use jst_text::t;

use super::indicator::stored_status;
use super::status::indicator_status;
use super::thresholds::stored_thresholds;
use crate::imports::{refuse_warnings_if_strict, FindingView};
use crate::support::count;
use crate::support::input::read_input;
use crate::Result;

/// A year-on-year change larger than this fraction is reported as a warning.
const JUMP_WARNING: f64 = 0.5;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ValuesImportView {
    pub file: String,
    pub values: u32,
    pub findings: Vec<FindingView>,
}

/// Validated values, ready to be written.
pub(crate) struct ValuesPlan {
    pub(crate) file: String,
    pub(crate) values: Vec<ObservationRecord>,
    pub(crate) findings: Vec<Problem>,
}

impl ValuesPlan {
    pub(crate) fn save(&self, local: &mut LocalStore, stamp: &Stamp) -> Result<()> {
        let action = format!("import wartości z {}", self.file);
        local.upsert_observations(stamp, &action, &self.values)?;
        Ok(())
    }
}

pub(crate) fn import_values(
    local: &mut LocalStore,
    stamp: &Stamp,
    path: &Path,
    strict: bool,
) -> Result<ValuesImportView> {
    let plan = plan_values_import(local, path, &mut |_, _| true)?;
    refuse_warnings_if_strict(&plan.file, &plan.findings, strict)?;
    plan.save(local, stamp)?;
    Ok(ValuesImportView {
        values: count(plan.values.len()),
        findings: plan.findings.iter().map(FindingView::from).collect(),
        file: plan.file,
    })
}

pub(crate) fn plan_values_import(
    local: &LocalStore,
    path: &Path,
    progress: RowProgress<'_>,
) -> Result<ValuesPlan> {
    let (file, bytes) = read_input(path)?;
    let parsed = parse_own_values_with(&bytes, &file, progress)?;
    let rows = parsed.rows;
    let baselines = baseline_years(local)?;
    let mut known: HashMap<(String, i32), f64> =
        local.observations()?.into_iter().map(|o| ((o.indicator, o.year), o.value)).collect();
    // The reader's warnings (a value that may be a thousand times off) come first.
    let mut findings = parsed.warnings;
    let mut seen: HashMap<(String, i32), usize> = HashMap::new();
    let mut catalogue_checked: HashMap<String, bool> = HashMap::new();
    for row in &rows {
        let at = |column: &str, message: String| Problem::at(row.line, Some(column), message);
        let in_catalogue = match catalogue_checked.get(&row.indicator) {
            Some(known) => *known,
            None => {
                let found = local.has_indicator(&row.indicator)?;
                catalogue_checked.insert(row.indicator.clone(), found);
                found
            }
        };
        if !in_catalogue {
            findings.push(at(
                "wskaznik_kod",
                t!("core-values-unknown-indicator", code = &row.indicator),
            ));
        }
        if let Some(first) = seen.insert((row.indicator.clone(), row.year), row.line) {
            findings.push(at(
                "rok",
                t!("core-values-repeated", code = &row.indicator, year = row.year, first = first),
            ));
        }
        if let Some(&baseline) = baselines.get(&row.indicator) {
            if row.year < baseline {
                findings.push(at(
                    "rok",
                    t!(
                        "core-values-before-baseline",
                        year = row.year,
                        baseline = baseline,
                        code = &row.indicator
                    ),
                ));
            }
        }
        known.insert((row.indicator.clone(), row.year), row.value);
    }
    for row in &rows {
        if let Some(&previous) = known.get(&(row.indicator.clone(), row.year - 1)) {
            if previous != 0.0 && ((row.value - previous) / previous.abs()).abs() > JUMP_WARNING {
                findings.push(
                    Problem::at(
                        row.line,
                        Some("wartosc"),
                        t!(
                            "core-values-jump",
                            code = &row.indicator,
                            change =
                                format!("{:+.0}", 100.0 * (row.value - previous) / previous.abs()),
                            year = row.year - 1,
                            previous = previous.to_string(),
                            value = row.value.to_string()
                        ),
                    )
                    .with_severity(Severity::Ostrzezenie),
                );
            }
        }
    }
    findings.extend(notes_wanted(local, &rows, &known)?);
    findings.sort_by_key(|p| (p.severity, p.row));
    if findings.iter().any(|p| p.severity.stops_import()) {
        return Err(ImportError::new(&file, findings).into());
    }
    let values: Vec<ObservationRecord> = rows
        .iter()
        .map(|row| ObservationRecord {
            indicator: row.indicator.clone(),
            year: row.year,
            value: row.value,
            status: row.status.clone(),
            source: Some(format!("import z pliku {file}")),
            note: row.note.clone(),
            sample: false,
        })
        .collect();
    Ok(ValuesPlan { file, values, findings })
}

/// A value typed in that leaves its indicator in limited progress or deterioration needs an
/// explanation note (DESIGN §5.1, the Strategia screen's rule); an imported one without a note
/// gets a warning asking for it, with the status it leads to. `known` holds the stored values
/// with the file's in place.
fn notes_wanted(
    local: &LocalStore,
    rows: &[OwnValueRow],
    known: &HashMap<(String, i32), f64>,
) -> Result<Vec<Problem>> {
    let Some(strategy) = local.active_strategy()? else { return Ok(Vec::new()) };
    let mut attached: HashMap<String, (String, NodeIndicator)> = HashMap::new();
    for node in local.strategy_tree(strategy.id)?.nodes {
        for indicator in node.indicators {
            attached.entry(indicator.code.clone()).or_insert((node.code.clone(), indicator));
        }
    }
    let mut series: HashMap<&str, Vec<YearValue>> = HashMap::new();
    for ((code, year), value) in known {
        if attached.contains_key(code) {
            series.entry(code).or_default().push(YearValue { year: *year, value: *value });
        }
    }
    let thresholds = stored_thresholds(local)?;
    let mut wanted = Vec::new();
    for row in rows.iter().filter(|r| r.note.as_deref().is_none_or(|n| n.trim().is_empty())) {
        let Some((node, indicator)) = attached.get(&row.indicator) else { continue };
        let values = series.get(row.indicator.as_str()).map_or(&[][..], Vec::as_slice);
        let (status, _) = indicator_status(node, indicator, values, row.year, &thresholds);
        if matches!(status.status, Status::LimitedProgress | Status::Deterioration) {
            wanted.push(
                Problem::at(
                    row.line,
                    Some("uwagi"),
                    t!(
                        "core-values-note-wanted",
                        code = &row.indicator,
                        year = row.year,
                        status = status.status.label()
                    ),
                )
                .with_severity(Severity::Ostrzezenie),
            );
        }
    }
    Ok(wanted)
}

/// Earliest baseline year of each indicator code in the active strategy.
fn baseline_years(local: &LocalStore) -> Result<HashMap<String, i32>> {
    let mut out = HashMap::new();
    if let Some(strategy) = local.active_strategy()? {
        for node in local.strategy_tree(strategy.id)?.nodes {
            for i in node.indicators {
                let entry = out.entry(i.code).or_insert(i.baseline.year);
                *entry = (*entry).min(i.baseline.year);
            }
        }
    }
    Ok(out)
}

/// One own value with where it came from: the JSON contract of `jst values list --format json`
/// (issue 10).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OwnValueRowView {
    pub indicator: String,
    pub year: i32,
    pub value: f64,
    pub status: jst_domain::ObservationStatus,
    /// The file, report or hand entry it came from.
    pub source: Option<String>,
    pub note: Option<String>,
}

/// Every own value, of one indicator or year when asked, by indicator and year.
pub(crate) fn own_values(
    local: &LocalStore,
    indicator: Option<&str>,
    year: Option<i32>,
) -> Result<Vec<OwnValueRowView>> {
    local
        .observations()?
        .into_iter()
        .filter(|o| indicator.is_none_or(|code| o.indicator == code))
        .filter(|o| year.is_none_or(|y| o.year == y))
        .map(|o| {
            let status = stored_status(&o.status)?;
            Ok(OwnValueRowView {
                indicator: o.indicator,
                year: o.year,
                value: o.value,
                status,
                source: o.source,
                note: o.note,
            })
        })
        .collect()
}
