//! Files as the window imports them: strategy templates and own values, and the reference data
//! the CLI loads too (the indicator catalogue, public values per unit, the TERYT register). The
//! validation report first (nothing written), then the import the user confirmed, both with
//! progress and cancel. Cancelling stops at the next report; once writing has begun, the single
//! transaction finishes. Above `strategy`, `imports` and `units`, whose plans it reports.

mod by_kind;

pub(crate) use by_kind::{check_import, run_import};
pub use by_kind::{ImportCheckView, ImportKind};
