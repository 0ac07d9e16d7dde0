//! Strategy templates and own values as the window imports them: the validation report first
//! (nothing written), then the import the user confirmed, both with progress and cancel. Cancelling stops at the next report; once writing has
//! begun, the single transaction finishes.

use std::path::Path;

use jst_import::ImportError;
use jst_store::{LocalStore, Stamp};
use serde::Serialize;

use super::own_values::{plan_values_import, ValuesImportView, ValuesPlan};
use super::status::StrategyHeadView;
use super::template::{plan_strategy_import, StrategyImportView, StrategyPlan};
use crate::imports::{FindingView, ImportProgress, ImportStage};
use crate::support::count;
use crate::support::input::file_label;
use crate::{Error, Result};

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

/// What the window shows of a valid template (before or after writing it).
fn strategy_check(plan: StrategyPlan) -> ImportCheckView {
    ImportCheckView {
        ok: true,
        findings: plan.findings.iter().map(FindingView::from).collect(),
        strategy: Some(plan.head()),
        nodes: count(plan.draft.tree.nodes.len()),
        indicators: plan.indicator_count(),
        values: 0,
        file: plan.file,
    }
}

/// What the window shows of valid values (before or after writing them).
fn values_check(plan: ValuesPlan) -> ImportCheckView {
    ImportCheckView {
        ok: true,
        findings: plan.findings.iter().map(FindingView::from).collect(),
        strategy: None,
        nodes: 0,
        indicators: 0,
        values: count(plan.values.len()),
        file: plan.file,
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

fn checking(done: usize, total: usize) -> ImportProgress {
    ImportProgress { stage: ImportStage::Checking, done: count(done), total: count(total) }
}

fn writing(done: u32) -> ImportProgress {
    ImportProgress { stage: ImportStage::Writing, done, total: 1 }
}

/// The validation report of a file for the window, with progress; `progress` returning false
/// cancels. Writes nothing.
pub(crate) fn check_import(
    local: &LocalStore,
    kind: ImportKind,
    path: &Path,
    progress: &mut dyn FnMut(ImportProgress) -> bool,
) -> Result<ImportCheckView> {
    let rows = &mut |done: usize, total: usize| progress(checking(done, total));
    let checked = match kind {
        ImportKind::Strategy => {
            plan_strategy_import(local, path, &Default::default(), rows).map(strategy_check)
        }
        ImportKind::Values => plan_values_import(local, path, rows).map(values_check),
    };
    match checked {
        Err(Error::Import(e)) if !e.cancelled => Ok(failed_check(e)),
        other => other,
    }
}

/// Imports a checked file the user confirmed (warnings accepted), with progress.
pub(crate) fn run_import(
    local: &mut LocalStore,
    stamp: &Stamp,
    kind: ImportKind,
    path: &Path,
    progress: &mut dyn FnMut(ImportProgress) -> bool,
) -> Result<ImportCheckView> {
    let file = file_label(path);
    let rows = &mut |done: usize, total: usize| progress(checking(done, total));
    let view = match kind {
        ImportKind::Strategy => {
            let plan = plan_strategy_import(local, path, &Default::default(), rows)?;
            if !progress(writing(0)) {
                return Err(ImportError::cancelled(&file).into());
            }
            plan.save(local, stamp, false)?;
            strategy_check(plan)
        }
        ImportKind::Values => {
            let plan = plan_values_import(local, path, rows)?;
            if !progress(writing(0)) {
                return Err(ImportError::cancelled(&file).into());
            }
            plan.save(local, stamp)?;
            values_check(plan)
        }
    };
    progress(writing(1));
    Ok(view)
}
