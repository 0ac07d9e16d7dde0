//! The good-practice base (Baza Dobrych Praktyk) on the desktop: it arrives with each release
//! (see `exchange::sync_apply`; the demo adds its invented ones, see `demo`) and is searched
//! offline (`search`), read as a practice's page (`page`) and proposed where the own unit lags
//! (`suggest`); an attachment is fetched when opened (`attachments`) and the unit proposes
//! its own practices (`proposal`).

mod attachments;
mod page;
mod proposal;
mod search;
mod suggest;

pub use attachments::PracticeAttachmentFileView;
pub(crate) use attachments::{practice_attachment, save_practice_attachment};
pub(crate) use proposal::{
    check_proposal, practice_proposals, proposal_job, record_sent, save_proposal,
};
pub use proposal::{
    PracticeContactInput, PracticeProposalInput, PracticeProposalView, ProposalFailure,
    ProposalField, ProposalJob, ProposalProblemView, ProposalSent, ProposalStatus, SUB_AREA_CODES,
};

pub(crate) use page::practice_detail;
pub use page::{
    PracticeAttachmentView, PracticeContactView, PracticeDetailView, PracticeIndicatorView,
};
pub(crate) use search::search;
pub use search::{PracticeFilter, PracticeView};
pub(crate) use suggest::suggest_practices;
pub use suggest::{Lag, PracticeSuggestionView, SuggestionBasis};
