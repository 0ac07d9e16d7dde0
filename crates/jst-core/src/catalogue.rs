//! The indicator catalogue: importing an association's or the unit's catalogue file.

use std::collections::HashSet;
use std::path::Path;

use jst_import::{parse_catalogue, ImportError, Problem, Severity};

use crate::monitor::{file_label, read_capped, MAX_INPUT_BYTES};
use crate::shipped::catalogue_record;
use crate::strategy_views::FindingView;
use crate::{Monitor, Result};

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CatalogueImportView {
    pub file: String,
    pub indicators: u32,
    pub findings: Vec<FindingView>,
}

impl Monitor {
    /// Adds or updates catalogue entries by code (DESIGN §6). A formula may use codes of the
    /// file or of the catalogue already loaded; any error writes nothing.
    pub fn import_catalogue(&mut self, path: &Path, strict: bool) -> Result<CatalogueImportView> {
        let file = file_label(path);
        let bytes = read_capped(path, MAX_INPUT_BYTES)?;
        let rows = parse_catalogue(&bytes, &file)?;
        let in_file: HashSet<&str> = rows.iter().map(|r| r.code.as_str()).collect();
        let mut problems = Vec::new();
        for row in &rows {
            for code in row.formula.iter().flat_map(|f| f.codes()) {
                if !in_file.contains(code) && !self.local.has_indicator(code)? {
                    problems.push(Problem::at(
                        row.line,
                        Some("wzor"),
                        format!("wzór wskaźnika {} używa nieznanego kodu {code}", row.code),
                    ));
                }
            }
        }
        if !problems.is_empty() {
            return Err(ImportError::new(&file, problems).into());
        }
        let findings: Vec<Problem> = rows
            .iter()
            .filter(|r| {
                self.local.indicator_origin(&r.code).ok().flatten().as_deref() == Some("local")
            })
            .map(|r| {
                Problem::at(
                    r.line,
                    Some("kod"),
                    format!("lokalny wskaźnik {} staje się wskaźnikiem katalogu", r.code),
                )
                .with_severity(Severity::Informacja)
            })
            .collect();
        let warnings: Vec<Problem> =
            findings.iter().filter(|p| p.severity == Severity::Ostrzezenie).cloned().collect();
        if strict && !warnings.is_empty() {
            return Err(ImportError::new(&file, warnings).into());
        }
        let count = rows.len();
        let records: Vec<_> = rows.into_iter().map(|r| catalogue_record(r, "catalogue")).collect();
        self.local.load_catalogue(&crate::monitor::stamp(), &records, None)?;
        Ok(CatalogueImportView {
            file,
            indicators: u32::try_from(count).unwrap_or(u32::MAX),
            findings: findings.iter().map(FindingView::from).collect(),
        })
    }
}
