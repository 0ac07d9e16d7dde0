//! The validation report of an import (DESIGN §6, after Statistics Norway's KOSTRA checks):
//! findings with a severity and a place, shown before anything is written, and the progress of
//! the check and the write.

use jst_import::{ImportError, Problem, Severity};
use serde::Serialize;

use crate::Result;

/// One finding of a validation report.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FindingView {
    pub severity: Severity,
    pub row: Option<u32>,
    pub column: Option<String>,
    pub message: String,
}

impl From<&Problem> for FindingView {
    fn from(p: &Problem) -> Self {
        Self {
            severity: p.severity,
            row: p.row.and_then(|r| u32::try_from(r).ok()),
            column: p.column.clone(),
            message: p.message.clone(),
        }
    }
}

/// The stage of an import: rows checked of all rows, then the write (0 of 1, then 1 of 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ImportStage {
    Checking,
    Writing,
}

/// Progress of a check or an import.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ImportProgress {
    pub stage: ImportStage,
    pub done: u32,
    pub total: u32,
}

/// With `--strict`, warnings refuse the file as errors would: nothing is written.
pub(crate) fn refuse_warnings_if_strict(
    file: &str,
    findings: &[Problem],
    strict: bool,
) -> Result<()> {
    let warnings: Vec<Problem> =
        findings.iter().filter(|p| p.severity == Severity::Ostrzezenie).cloned().collect();
    if strict && !warnings.is_empty() {
        return Err(ImportError::new(file, warnings).into());
    }
    Ok(())
}
