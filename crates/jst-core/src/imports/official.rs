//! The unit's official files as the Koszty screen brings them: a budget report (the
//! PaczkaSprawozdan XML of budget-reporting software, or the CSV/XLSX of DESIGN §6) or the SIO
//! list of schools, recognised by their content. The window shows the report first and writes
//! nothing; the import the user then confirms reads the file again, so what is written is what
//! the file holds at that moment, checked once more.

use std::path::Path;

use jst_import::{
    is_xlsx, looks_like_budget_package, looks_like_school_list, ImportError, Problem,
};
use jst_store::{LocalStore, Stamp, UnitRecord};
use jst_text::t;
use serde::Serialize;

use super::budget::{plan_budget, BudgetImportView, BudgetPlan};
use super::report::{FindingView, ImportProgress, ImportStage};
use super::sio::{plan_sio, SioImportView, SioPlan};
use crate::support::input::{file_label, read_input};
use crate::{Error, Result};

/// What a file turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum OfficialFileKind {
    Budget,
    Sio,
}

/// The report on an official file: what it holds, or why it cannot be imported.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OfficialImportView {
    pub file: String,
    /// No critical or error finding: the file can be imported.
    pub ok: bool,
    /// `None` when the file is neither a budget report nor a school list.
    pub kind: Option<OfficialFileKind>,
    pub findings: Vec<FindingView>,
    pub budget: Option<BudgetImportView>,
    pub sio: Option<SioImportView>,
    /// The data was written (after `run_official_import`).
    pub written: bool,
}

enum OfficialPlan {
    Budget(BudgetPlan),
    Sio(SioPlan),
}

impl OfficialPlan {
    fn view(&self, written: bool) -> OfficialImportView {
        let (kind, budget, sio, file) = match self {
            Self::Budget(p) => (OfficialFileKind::Budget, Some(p.view.clone()), None, &p.view.file),
            Self::Sio(p) => (OfficialFileKind::Sio, None, Some(p.view.clone()), &p.view.file),
        };
        let findings = budget.as_ref().map(|b| b.findings.clone()).unwrap_or_default();
        OfficialImportView {
            file: file.clone(),
            ok: true,
            kind: Some(kind),
            findings,
            budget,
            sio,
            written,
        }
    }

    fn save(&self, local: &mut LocalStore, stamp: &Stamp) -> Result<()> {
        match self {
            Self::Budget(p) => p.save(local, stamp),
            Self::Sio(p) => p.save(local, stamp),
        }
    }
}

fn stage(stage: ImportStage, done: u32) -> ImportProgress {
    ImportProgress { stage, done, total: 1 }
}

/// Reads the file and decides what it is. An XLSX workbook may be either: the one that reads
/// is taken; when neither does, both readers' findings are shown.
fn plan(own: Option<&UnitRecord>, path: &Path) -> Result<OfficialPlan> {
    let (file, bytes) = read_input(path)?;
    if looks_like_budget_package(&bytes) {
        return plan_budget(own, &bytes, &file).map(OfficialPlan::Budget);
    }
    if looks_like_school_list(&bytes) {
        return plan_sio(own, &bytes, &file).map(OfficialPlan::Sio);
    }
    if !is_xlsx(&bytes) {
        return plan_budget(own, &bytes, &file).map(OfficialPlan::Budget);
    }
    let as_sio = match plan_sio(own, &bytes, &file) {
        Ok(plan) => return Ok(OfficialPlan::Sio(plan)),
        Err(e) => e,
    };
    let as_budget = match plan_budget(own, &bytes, &file) {
        Ok(plan) => return Ok(OfficialPlan::Budget(plan)),
        Err(e) => e,
    };
    let mut problems = vec![Problem::file(t!("core-official-neither"))];
    for error in [as_budget, as_sio] {
        match error {
            Error::Import(e) => problems.extend(e.problems),
            other => return Err(other),
        }
    }
    Err(ImportError::new(&file, problems).into())
}

/// The report on an official file; writes nothing. An invalid file is a report with its
/// findings, not an error.
pub(crate) fn check_official_import(
    own: Option<&UnitRecord>,
    path: &Path,
    progress: &mut dyn FnMut(ImportProgress) -> bool,
) -> Result<OfficialImportView> {
    if !progress(stage(ImportStage::Checking, 0)) {
        return Err(ImportError::cancelled(&file_label(path)).into());
    }
    let view = match plan(own, path) {
        Ok(plan) => plan.view(false),
        Err(Error::Import(e)) if !e.cancelled => failed(e),
        Err(other) => return Err(other),
    };
    progress(stage(ImportStage::Checking, 1));
    Ok(view)
}

/// Imports the file the user confirmed: read and checked again, then written in one
/// transaction. Cancelling is possible until writing begins.
pub(crate) fn run_official_import(
    local: &mut LocalStore,
    stamp: &Stamp,
    own: Option<&UnitRecord>,
    path: &Path,
    progress: &mut dyn FnMut(ImportProgress) -> bool,
) -> Result<OfficialImportView> {
    let file = file_label(path);
    if !progress(stage(ImportStage::Checking, 0)) {
        return Err(ImportError::cancelled(&file).into());
    }
    let plan = plan(own, path)?;
    if !progress(stage(ImportStage::Writing, 0)) {
        return Err(ImportError::cancelled(&file).into());
    }
    plan.save(local, stamp)?;
    progress(stage(ImportStage::Writing, 1));
    Ok(plan.view(true))
}

fn failed(error: ImportError) -> OfficialImportView {
    OfficialImportView {
        ok: false,
        findings: error.problems.iter().map(FindingView::from).collect(),
        file: error.file,
        kind: None,
        budget: None,
        sio: None,
        written: false,
    }
}
