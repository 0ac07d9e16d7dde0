//! The good-practice base (Baza Dobrych Praktyk) on the desktop: it arrives with each release
//! (see `exchange::sync_apply`; the demo adds its invented ones, see `demo`) and is searched
//! offline (`search`), read as a practice's page (`page`) and proposed where the own unit lags
//! (`suggest`).

mod page;
mod search;
mod suggest;

pub(crate) use page::practice_detail;
pub use page::{
    PracticeAttachmentView, PracticeContactView, PracticeDetailView, PracticeIndicatorView,
};
pub(crate) use search::search;
pub use search::{PracticeFilter, PracticeView};
pub(crate) use suggest::suggest_practices;
pub use suggest::{Lag, PracticeSuggestionView, SuggestionBasis};
