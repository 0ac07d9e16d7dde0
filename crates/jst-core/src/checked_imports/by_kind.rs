//! Each kind of file the window imports, planned by its own domain folder and reported alike.

use std::path::Path;

use jst_import::{ImportError, Problem};
use jst_store::{LocalStore, PeerStore, Stamp};
use serde::Serialize;

use crate::imports::{plan_catalogue, plan_peers, FindingView, ImportProgress, ImportStage};
use crate::strategy::{
    plan_strategy_import, plan_values_import, StrategyHeadView, StrategyImportView, StrategyPlan,
    ValuesImportView, ValuesPlan,
};
use crate::support::count;
use crate::support::input::file_label;
use crate::units::{plan_register, RegisterCheckView, RegisterImportOptions};
use crate::{Error, Result};

/// The validation report of a file, shown before anything is written.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ImportCheckView {
    pub file: String,
    /// No critical or error finding: the file can be imported (a register that would end
    /// many units still needs `register.needs_consent` answered).
    pub ok: bool,
    pub findings: Vec<FindingView>,
    /// What the import would do (strategy templates).
    pub strategy: Option<StrategyHeadView>,
    pub nodes: u32,
    /// Indicators of a template, or entries a catalogue file adds or updates.
    pub indicators: u32,
    /// Own values, or public values per unit.
    pub values: u32,
    /// Units with public values in the file.
    pub units: u32,
    /// A TERYT register: what it holds and what loading it would end.
    pub register: Option<RegisterCheckView>,
}

impl ImportCheckView {
    /// A valid file's report, its counts filled in by the caller.
    fn valid(file: String, findings: Vec<FindingView>) -> Self {
        Self {
            file,
            ok: true,
            findings,
            strategy: None,
            nodes: 0,
            indicators: 0,
            values: 0,
            units: 0,
            register: None,
        }
    }
}

impl From<StrategyImportView> for ImportCheckView {
    fn from(v: StrategyImportView) -> Self {
        Self {
            strategy: Some(v.strategy),
            nodes: v.nodes,
            indicators: v.indicators,
            ..Self::valid(v.file, v.findings)
        }
    }
}

impl From<ValuesImportView> for ImportCheckView {
    fn from(v: ValuesImportView) -> Self {
        Self { values: v.values, ..Self::valid(v.file, v.findings) }
    }
}

fn findings(problems: &[Problem]) -> Vec<FindingView> {
    problems.iter().map(FindingView::from).collect()
}

/// What the window shows of a valid template (before or after writing it).
fn strategy_check(plan: StrategyPlan) -> ImportCheckView {
    ImportCheckView {
        strategy: Some(plan.head()),
        nodes: count(plan.draft.tree.nodes.len()),
        indicators: plan.indicator_count(),
        ..ImportCheckView::valid(plan.file.clone(), findings(&plan.findings))
    }
}

/// What the window shows of valid values (before or after writing them).
fn values_check(plan: ValuesPlan) -> ImportCheckView {
    ImportCheckView {
        values: count(plan.values.len()),
        ..ImportCheckView::valid(plan.file.clone(), findings(&plan.findings))
    }
}

/// A report for a file that cannot be imported.
pub(crate) fn failed_check(error: ImportError) -> ImportCheckView {
    ImportCheckView { ok: false, ..ImportCheckView::valid(error.file, findings(&error.problems)) }
}

/// Which importer a file goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ImportKind {
    Strategy,
    Values,
    /// The indicator catalogue (`jst import catalogue`).
    Catalogue,
    /// Public values per unit, `teryt;wskaznik_kod;rok;wartosc` (`jst import peers`).
    PublicValues,
    /// A TERC snapshot of the TERYT register (`jst import register`).
    Register,
}

fn checking(done: usize, total: usize) -> ImportProgress {
    ImportProgress { stage: ImportStage::Checking, done: count(done), total: count(total) }
}

fn writing(done: u32) -> ImportProgress {
    ImportProgress { stage: ImportStage::Writing, done, total: 1 }
}

/// Runs `plan` on a file read whole (no rows to count): progress is 0 of 1, then 1 of 1.
fn whole_file<T>(
    path: &Path,
    progress: &mut dyn FnMut(ImportProgress) -> bool,
    plan: impl FnOnce() -> Result<T>,
) -> Result<T> {
    if !progress(checking(0, 1)) {
        return Err(ImportError::cancelled(&file_label(path)).into());
    }
    let planned = plan()?;
    progress(checking(1, 1));
    Ok(planned)
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
        ImportKind::Catalogue => plan_catalogue(local, path, rows).map(|plan| ImportCheckView {
            indicators: plan.indicators(),
            ..ImportCheckView::valid(plan.file.clone(), findings(&plan.findings))
        }),
        ImportKind::PublicValues => plan_peers(local, path, rows).map(|plan| ImportCheckView {
            values: plan.values(),
            units: plan.units(),
            ..ImportCheckView::valid(plan.file.clone(), findings(&plan.warnings))
        }),
        ImportKind::Register => {
            whole_file(path, progress, || plan_register(local, path)).map(|plan| ImportCheckView {
                register: Some(plan.check_view()),
                ..ImportCheckView::valid(plan.file.clone(), findings(plan.warnings()))
            })
        }
    };
    match checked {
        Err(Error::Import(e)) if !e.cancelled => Ok(failed_check(e)),
        other => other,
    }
}

/// Imports a checked file the user confirmed (warnings accepted), with progress. A register
/// that would end more units than a real year ends is refused unless `allow_shrink`.
pub(crate) fn run_import(
    local: &mut LocalStore,
    peers: &mut PeerStore,
    stamp: &Stamp,
    kind: ImportKind,
    path: &Path,
    allow_shrink: bool,
    progress: &mut dyn FnMut(ImportProgress) -> bool,
) -> Result<ImportCheckView> {
    let file = file_label(path);
    let rows = &mut |done: usize, total: usize| progress(checking(done, total));
    let view = match kind {
        ImportKind::Strategy => {
            let plan = plan_strategy_import(local, path, &Default::default(), rows)?;
            writing_begins(&file, progress)?;
            plan.save(local, stamp, false)?;
            strategy_check(plan)
        }
        ImportKind::Values => {
            let plan = plan_values_import(local, path, rows)?;
            writing_begins(&file, progress)?;
            plan.save(local, stamp)?;
            values_check(plan)
        }
        ImportKind::Catalogue => {
            let plan = plan_catalogue(local, path, rows)?;
            writing_begins(&file, progress)?;
            let saved = plan.save(local, stamp)?;
            ImportCheckView {
                indicators: saved.indicators,
                ..ImportCheckView::valid(saved.file, saved.findings)
            }
        }
        ImportKind::PublicValues => {
            let plan = plan_peers(local, path, rows)?;
            writing_begins(&file, progress)?;
            plan.save(peers, stamp)?;
            ImportCheckView {
                values: plan.values(),
                units: plan.units(),
                ..ImportCheckView::valid(plan.file.clone(), findings(&plan.warnings))
            }
        }
        ImportKind::Register => {
            let plan = whole_file(path, progress, || plan_register(local, path))?;
            writing_begins(&file, progress)?;
            let options = RegisterImportOptions { strict: false, allow_shrink };
            let loaded = plan.save(local, stamp, options)?;
            let register = RegisterCheckView { loaded: Some(loaded), ..plan.check_view() };
            ImportCheckView {
                register: Some(register),
                ..ImportCheckView::valid(plan.file.clone(), findings(plan.warnings()))
            }
        }
    };
    progress(writing(1));
    Ok(view)
}

/// The last moment to cancel: after it the one transaction runs to its end.
fn writing_begins(file: &str, progress: &mut dyn FnMut(ImportProgress) -> bool) -> Result<()> {
    match progress(writing(0)) {
        true => Ok(()),
        false => Err(ImportError::cancelled(file).into()),
    }
}
