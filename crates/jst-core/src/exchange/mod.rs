//! What the unit exchanges with its association (DESIGN §7–9): peer data coming in as signed
//! releases (sync), own values going out (submissions, contributions) with the unit token that
//! authorises them. Network work is prepared under the monitor, runs without it, and is
//! recorded under it again, so no transaction waits on the network (invariant 6).

mod contributions;
mod gwd;
mod submission_result;
mod submissions;
mod sync_apply;
mod sync_job;
mod sync_register;
mod sync_settings;
mod sync_status;
mod unit_token;

pub(crate) use contributions::{
    accept_server_value, contributions, keep_own_value, set_contributed,
};
pub use contributions::{ContributableIndicatorView, ContributionItemView, ContributionsView};
pub(crate) use gwd::{
    add_gwd_note, gwd_description, gwd_group, gwd_groups, gwd_job, gwd_notes, gwd_shares,
    not_configured as gwd_not_configured, record_gwd, same_unit,
};
pub use gwd::{
    GwdFetched, GwdGroupRefView, GwdGroupView, GwdIndicatorView, GwdJob, GwdMemberView,
    GwdNoteView, GwdRefreshOutcome, GwdRefreshView, GwdShareView,
};
pub use submission_result::SubmissionResult;
pub(crate) use submissions::{record_answers, submission_job};
pub use submissions::{SentSubmissions, SubmissionJob, SubmitItemView, SubmitOutcome, SubmitView};
pub(crate) use sync_apply::apply_sync;
pub use sync_apply::{ChangesView, SyncOutcome, SyncProgressView, SyncView};
pub(crate) use sync_job::{
    configured_source, remove_trusted_key, sync_job, trust_key, trusted_key_list,
};
pub use sync_job::{
    KeyOrigin, PlannedSync, SyncJob, SyncSource, TrustedKeyEntryView, TrustedKeyView,
};
pub use sync_register::{RegisterSyncOutcome, RegisterSyncView};
pub use sync_settings::DEFAULT_INTERVAL_MINUTES;
pub(crate) use sync_settings::{configure_sync, sync_due};
pub(crate) use sync_status::sync_status;
pub use sync_status::{SyncLogView, SyncStatusView};
pub(crate) use unit_token::UnitToken;
pub use unit_token::{TokenPlace, TokenPlaceView, TOKEN_STORE_ENV};
