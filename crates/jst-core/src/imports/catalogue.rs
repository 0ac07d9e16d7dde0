//! The indicator catalogue: importing an association's or the unit's catalogue file.

use std::collections::HashSet;
use std::path::Path;

use jst_import::{parse_catalogue_with, CatalogueRow, ImportError, Problem, RowProgress, Severity};
use jst_store::{IndicatorRecord, LocalStore, Stamp};
use jst_text::t;

use super::report::{refuse_warnings_if_strict, FindingView};
use crate::support::count;
use crate::support::input::read_input;
use crate::Result;

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CatalogueImportView {
    pub file: String,
    pub indicators: u32,
    pub findings: Vec<FindingView>,
}

/// A checked catalogue file, ready to be written.
pub(crate) struct CataloguePlan {
    pub(crate) file: String,
    rows: Vec<CatalogueRow>,
    /// Informations and warnings (errors refuse the file before a plan exists).
    pub(crate) findings: Vec<Problem>,
}

impl CataloguePlan {
    /// How many indicators the file adds or updates.
    pub(crate) fn indicators(&self) -> u32 {
        count(self.rows.len())
    }

    /// Writes every entry in one audited transaction.
    pub(crate) fn save(self, local: &mut LocalStore, stamp: &Stamp) -> Result<CatalogueImportView> {
        let indicators = self.indicators();
        let records: Vec<_> =
            self.rows.into_iter().map(|r| catalogue_record(r, "catalogue")).collect();
        local.load_catalogue(stamp, &records, None)?;
        Ok(CatalogueImportView {
            file: self.file,
            indicators,
            findings: self.findings.iter().map(FindingView::from).collect(),
        })
    }
}

/// Reads and checks a catalogue file (progress by rows); writes nothing. A formula may use
/// codes of the file or of the catalogue already loaded.
pub(crate) fn plan_catalogue(
    local: &LocalStore,
    path: &Path,
    progress: RowProgress<'_>,
) -> Result<CataloguePlan> {
    let (file, bytes) = read_input(path)?;
    let rows = parse_catalogue_with(&bytes, &file, progress)?;
    let in_file: HashSet<&str> = rows.iter().map(|r| r.code.as_str()).collect();
    let mut problems = Vec::new();
    for row in &rows {
        for code in row.formula.iter().flat_map(|f| f.codes()) {
            if !in_file.contains(code) && !local.has_indicator(code)? {
                problems.push(Problem::at(
                    row.line,
                    Some("wzor"),
                    t!("core-catalogue-unknown-code", indicator = &row.code, code = code),
                ));
            }
        }
    }
    if !problems.is_empty() {
        return Err(ImportError::new(&file, problems).into());
    }
    let findings: Vec<Problem> = rows
        .iter()
        .filter(|r| local.indicator_origin(&r.code).ok().flatten().as_deref() == Some("local"))
        .map(|r| {
            Problem::at(r.line, Some("kod"), t!("core-catalogue-local-promoted", code = &r.code))
                .with_severity(Severity::Informacja)
        })
        .collect();
    Ok(CataloguePlan { file, rows, findings })
}

/// Adds or updates catalogue entries by code (DESIGN §6). Any error writes nothing.
pub(crate) fn import_catalogue(
    local: &mut LocalStore,
    stamp: &Stamp,
    path: &Path,
    strict: bool,
) -> Result<CatalogueImportView> {
    let plan = plan_catalogue(local, path, &mut |_, _| true)?;
    refuse_warnings_if_strict(&plan.file, &plan.findings, strict)?;
    plan.save(local, stamp)
}

/// A catalogue row as the store keeps it.
pub(crate) fn catalogue_record(row: CatalogueRow, origin: &str) -> IndicatorRecord {
    IndicatorRecord {
        code: row.code,
        name_pl: row.name_pl,
        name_en: row.name_en,
        unit: row.unit,
        polarity: row.polarity.code().to_owned(),
        area: Some(row.area),
        definition: row.definition,
        formula: row.formula.map(|f| f.to_string()),
        source: None,
        structural: row.structural,
        person_count: row.person_count,
        origin: origin.to_owned(),
    }
}
