//! The unit's own budget execution (Rb-27S, Rb-28S), DESIGN §6: the source of its `WYD_*` and
//! `DOCH_*` series for unit costs.

use std::collections::BTreeMap;
use std::path::Path;

use jst_import::parse_budget;
use jst_store::{BudgetLineRecord, LocalStore, Stamp};

use crate::support::input::read_input;
use crate::Result;

/// One report of one year as imported.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BudgetReportView {
    pub year: i32,
    /// `Rb-27S | Rb-28S`
    pub report: String,
    pub lines: u32,
    pub plan: f64,
    pub execution: f64,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BudgetImportView {
    pub file: String,
    pub reports: Vec<BudgetReportView>,
}

/// Imports budget lines; each (year, report) in the file replaces what was stored for it.
/// Any error: nothing is written.
pub(crate) fn import_budget(
    local: &mut LocalStore,
    stamp: &Stamp,
    path: &Path,
) -> Result<BudgetImportView> {
    let (file, bytes) = read_input(path)?;
    let lines = parse_budget(&bytes, &file)?;
    let mut reports: BTreeMap<(i32, &str), BudgetReportView> = BTreeMap::new();
    for l in &lines {
        let entry = reports.entry((l.year, l.report.code())).or_insert_with(|| BudgetReportView {
            year: l.year,
            report: l.report.code().to_owned(),
            lines: 0,
            plan: 0.0,
            execution: 0.0,
        });
        entry.lines += 1;
        entry.plan += l.plan;
        entry.execution += l.execution;
    }
    let records: Vec<BudgetLineRecord> = lines
        .iter()
        .map(|l| BudgetLineRecord {
            year: l.year,
            report: l.report.code().to_owned(),
            dzial: l.dzial.clone(),
            rozdzial: l.rozdzial.clone(),
            paragraf: l.paragraf.clone(),
            plan: l.plan,
            execution: l.execution,
        })
        .collect();
    local.replace_budget_reports(stamp, &file, &records)?;
    Ok(BudgetImportView { file, reports: reports.into_values().collect() })
}
