//! The indicator catalogue: importing an association's or the unit's catalogue file.

use std::collections::HashSet;
use std::path::Path;

use jst_import::{parse_catalogue, ImportError, Problem, Severity};

use jst_import::CatalogueRow;
use jst_store::{IndicatorRecord, LocalStore, Stamp};
use jst_text::t;

use super::report::FindingView;
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

/// Adds or updates catalogue entries by code (DESIGN §6). A formula may use codes of the
/// file or of the catalogue already loaded; any error writes nothing.
pub(crate) fn import_catalogue(
    local: &mut LocalStore,
    stamp: &Stamp,
    path: &Path,
    strict: bool,
) -> Result<CatalogueImportView> {
    let (file, bytes) = read_input(path)?;
    let rows = parse_catalogue(&bytes, &file)?;
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
    let warnings: Vec<Problem> =
        findings.iter().filter(|p| p.severity == Severity::Ostrzezenie).cloned().collect();
    if strict && !warnings.is_empty() {
        return Err(ImportError::new(&file, warnings).into());
    }
    let rows_count = rows.len();
    let records: Vec<_> = rows.into_iter().map(|r| catalogue_record(r, "catalogue")).collect();
    local.load_catalogue(stamp, &records, None)?;
    Ok(CatalogueImportView {
        file,
        indicators: count(rows_count),
        findings: findings.iter().map(FindingView::from).collect(),
    })
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
