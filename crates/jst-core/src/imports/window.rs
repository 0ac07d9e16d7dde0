//! Imports as the window runs them: the report first (nothing written), then the import the user
//! confirmed, both with progress and cancel. Cancelling stops at the next report; once writing has
//! begun, the single transaction finishes.

use std::path::Path;

use jst_import::ImportError;
use jst_store::{LocalStore, Stamp};

use super::report::{failed_check, ImportCheckView, ImportKind, ImportProgress, ImportStage};
use crate::strategy::{plan_strategy_import, plan_values_import};
use crate::support::count;
use crate::support::input::file_label;
use crate::{Error, Result};

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
        ImportKind::Strategy => plan_strategy_import(local, path, &Default::default(), rows)
            .map(|p| p.into_check_view()),
        ImportKind::Values => plan_values_import(local, path, rows).map(|p| p.into_check_view()),
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
            plan.into_check_view()
        }
        ImportKind::Values => {
            let plan = plan_values_import(local, path, rows)?;
            if !progress(writing(0)) {
                return Err(ImportError::cancelled(&file).into());
            }
            plan.save(local, stamp)?;
            plan.into_check_view()
        }
    };
    progress(writing(1));
    Ok(view)
}
