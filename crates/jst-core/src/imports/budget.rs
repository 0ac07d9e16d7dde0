//! The unit's own budget execution (Rb-27S, Rb-28S), DESIGN §6: the source of its `WYD_*` and
//! `DOCH_*` series for unit costs. Two formats: the simple CSV of DESIGN §6 (whole years) and the
//! PaczkaSprawozdan XML that budget-reporting software exports (a period of a year, the unit's
//! budget units summed).

use std::collections::BTreeMap;
use std::path::Path;

use jst_import::{
    looks_like_budget_package, looks_like_school_list, looks_like_xml, parse_budget_checked,
    parse_budget_package, BudgetLine, BudgetPackage, ImportError, PackageUnit, Problem,
};
use jst_store::{BudgetLineRecord, LocalStore, Stamp, UnitRecord};
use jst_text::t;

use super::report::FindingView;
use crate::support::count;
use crate::support::input::read_input;
use crate::{Error, Result};

/// The whole year: CSV files carry yearly figures, and a package's fourth quarter is the year.
const WHOLE_YEAR: u8 = 4;

/// One report of one year and period as imported.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BudgetReportView {
    pub year: i32,
    /// `Rb-27S | Rb-28S`
    pub report: String,
    /// Okres 1–4 of the year (cumulative to the end of that quarter); 4 is the whole year.
    pub period: u8,
    pub lines: u32,
    pub plan: f64,
    pub execution: f64,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BudgetImportView {
    pub file: String,
    /// Budget units summed (a package of the unit's schools, say); 0 for a CSV file.
    pub budget_units: u32,
    pub reports: Vec<BudgetReportView>,
    /// Warnings of the reader (amounts that may be a thousand times off); written anyway.
    pub findings: Vec<FindingView>,
}

/// Imports budget lines; each (year, report, period) in the file replaces what was stored for
/// it. A package of another unit than `own` is refused. Any error: nothing is written.
pub(crate) fn import_budget(
    local: &mut LocalStore,
    stamp: &Stamp,
    own: Option<&UnitRecord>,
    path: &Path,
) -> Result<BudgetImportView> {
    let (file, bytes) = read_input(path)?;
    let plan = plan_budget(own, &bytes, &file)?;
    plan.save(local, stamp)?;
    Ok(plan.view)
}

/// A budget file read and checked, not yet written.
pub(crate) struct BudgetPlan {
    pub view: BudgetImportView,
    records: Vec<BudgetLineRecord>,
}

impl BudgetPlan {
    /// Each (year, report, period) of the file replaces what was stored for it, in one
    /// transaction.
    pub fn save(&self, local: &mut LocalStore, stamp: &Stamp) -> Result<()> {
        local.replace_budget_reports(stamp, &self.view.file, &self.records)?;
        Ok(())
    }
}

/// Reads and checks a budget file (a package of another unit than `own` is refused). Any XML is
/// read as a package, so a file of another kind is named by its root element rather than
/// refused as a CSV header.
pub(crate) fn plan_budget(
    own: Option<&UnitRecord>,
    bytes: &[u8],
    file: &str,
) -> Result<BudgetPlan> {
    if looks_like_school_list(bytes) {
        return Err(
            ImportError::single(file, Problem::file(t!("core-budget-is-school-list"))).into()
        );
    }
    let mut warnings = Vec::new();
    let (lines, period, budget_units) = if looks_like_budget_package(bytes) || looks_like_xml(bytes)
    {
        let package = parse_budget_package(bytes, file)?;
        let own = own.ok_or_else(|| Error::MissingReference(t!("core-budget-needs-own-unit")))?;
        refuse_other_units(file, &package, own)?;
        let period = quarter(file, &package)?;
        (package.lines, period, package.units.len())
    } else {
        let (lines, found) = parse_budget_checked(bytes, file)?;
        warnings = found;
        (lines, WHOLE_YEAR, 0)
    };
    let mut reports: BTreeMap<(i32, &str), BudgetReportView> = BTreeMap::new();
    for l in &lines {
        let entry = reports.entry((l.year, l.report.code())).or_insert_with(|| BudgetReportView {
            year: l.year,
            report: l.report.code().to_owned(),
            period,
            lines: 0,
            plan: 0.0,
            execution: 0.0,
        });
        entry.lines += 1;
        entry.plan += l.plan;
        entry.execution += l.execution;
    }
    let records: Vec<BudgetLineRecord> = lines.iter().map(|l| record(l, period)).collect();
    Ok(BudgetPlan {
        view: BudgetImportView {
            file: file.to_owned(),
            budget_units: count(budget_units),
            reports: reports.into_values().collect(),
            findings: warnings.iter().map(FindingView::from).collect(),
        },
        records,
    })
}

fn record(l: &BudgetLine, period: u8) -> BudgetLineRecord {
    BudgetLineRecord {
        year: l.year,
        report: l.report.code().to_owned(),
        period,
        dzial: l.dzial.clone(),
        rozdzial: l.rozdzial.clone(),
        paragraf: l.paragraf.clone(),
        plan: l.plan,
        execution: l.execution,
    }
}

/// The package's period as a quarter of the year; a yearly package is the whole year.
fn quarter(file: &str, package: &BudgetPackage) -> Result<u8> {
    let kind = jst_domain::fold_for_search(&package.period.kind);
    match kind.as_str() {
        "kwartal" => Ok(package.period.number),
        "rok" => Ok(WHOLE_YEAR),
        _ => Err(ImportError::single(
            file,
            Problem::file(t!(
                "core-budget-period",
                kind = &package.period.kind,
                number = package.period.number
            )),
        )
        .into()),
    }
}

/// Every budget unit of the package must belong to the own unit: its WK+PK+GK+GT is the own
/// TERYT, or for a miasto na prawach powiatu the MF form WK PK 00 with PT 2.
fn refuse_other_units(file: &str, package: &BudgetPackage, own: &UnitRecord) -> Result<()> {
    let city_county = own.alias.as_deref().map(|powiat| format!("{powiat}00"));
    let problems: Vec<Problem> = package
        .units
        .iter()
        .filter(|u| {
            let teryt = u.teryt();
            let own_gmina = teryt == own.teryt;
            let own_city =
                city_county.as_deref().is_some_and(|c| teryt.starts_with(c)) && u.pt == "2";
            !own_gmina && !own_city
        })
        .map(|u| {
            Problem::at(
                u.line,
                Some(first_other_code(u, &own.teryt)),
                t!(
                    "core-budget-other-unit",
                    ordinal = u.ordinal.to_string(),
                    name = u.name.trim(),
                    teryt = u.teryt(),
                    codes = format!("WK {} PK {} GK {} GT {}", u.wk, u.pk, u.gk, u.gt),
                    own_teryt = &own.teryt,
                    own_name = &own.name
                ),
            )
        })
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ImportError::new(file, problems).into())
    }
}

/// The first of the unit's codes (WK, PK, GK, GT) that differs from the own TERYT.
fn first_other_code(unit: &PackageUnit, own: &str) -> &'static str {
    let own = |range: std::ops::Range<usize>| own.get(range).unwrap_or_default();
    [("WK", &unit.wk, own(0..2)), ("PK", &unit.pk, own(2..4)), ("GK", &unit.gk, own(4..6))]
        .into_iter()
        .find(|(_, code, expected)| code.as_str() != *expected)
        .map_or("GT", |(name, _, _)| name)
}
