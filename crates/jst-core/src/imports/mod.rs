//! Files that bring data in, each validated to the end before anything is written: the indicator
//! catalogue, per-unit public values, the own budget reports, the SIO list of schools (also as
//! the Koszty screen brings them: `official`), and the validation report (findings, progress,
//! strictness) every import shares.

mod budget;
mod budget_lines;
mod catalogue;
mod official;
mod public_values;
mod report;
mod sio;

pub(crate) use budget::import_budget;
pub use budget::{BudgetImportView, BudgetReportView};
pub(crate) use budget_lines::budget_lines;
pub use budget_lines::{BudgetLevel, BudgetLineView};
pub use catalogue::CatalogueImportView;
pub(crate) use catalogue::{catalogue_record, import_catalogue, plan_catalogue};
pub(crate) use official::{check_official_import, run_official_import};
pub use official::{OfficialFileKind, OfficialImportView};
pub use public_values::PeersImportView;
pub(crate) use public_values::{import_peers, plan_peers};
pub(crate) use report::refuse_warnings_if_strict;
pub use report::{FindingView, ImportProgress, ImportStage};
pub(crate) use sio::import_sio;
pub use sio::{SchoolView, SioImportView};
