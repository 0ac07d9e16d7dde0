//! The validation report of an import (DESIGN §6, after Statistics Norway's KOSTRA checks):
//! findings with a severity and a place, shown before anything is written, and the progress of
//! the check and the write.

use jst_import::{ImportError, Problem, Severity};
use serde::Serialize;

use crate::strategy::{StrategyHeadView, StrategyImportView, ValuesImportView};
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

/// The validation report of a file, shown before anything is written.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ImportCheckView {
    pub file: String,
    /// No critical or error finding: the file can be imported.
    pub ok: bool,
    pub findings: Vec<FindingView>,
    /// What the import would do (strategy templates).
    pub strategy: Option<StrategyHeadView>,
    pub nodes: u32,
    pub indicators: u32,
    pub values: u32,
}

impl From<StrategyImportView> for ImportCheckView {
    fn from(v: StrategyImportView) -> Self {
        Self {
            file: v.file,
            ok: true,
            findings: v.findings,
            strategy: Some(v.strategy),
            nodes: v.nodes,
            indicators: v.indicators,
            values: 0,
        }
    }
}

impl From<ValuesImportView> for ImportCheckView {
    fn from(v: ValuesImportView) -> Self {
        Self {
            file: v.file,
            ok: true,
            findings: v.findings,
            strategy: None,
            nodes: 0,
            indicators: 0,
            values: v.values,
        }
    }
}

/// A report for a file that cannot be imported.
pub(crate) fn failed_check(error: ImportError) -> ImportCheckView {
    ImportCheckView {
        ok: false,
        findings: error.problems.iter().map(FindingView::from).collect(),
        file: error.file,
        strategy: None,
        nodes: 0,
        indicators: 0,
        values: 0,
    }
}

/// Which importer a file goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ImportKind {
    Strategy,
    Values,
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
