//! The desktop side of peer-data sync (DESIGN §7): fetch a release from the association's
//! server or from a folder (USB stick), verify it, resume interrupted downloads, and validate
//! every row, the register included — the plan. Applying the plan (the register to own data,
//! the values to the peer store) is the core's job, after this crate has finished (no network
//! call while a transaction is open); the core reads the verified values chunks back from the
//! cache block by block ([`value_blocks`], [`read_block`]), so a national release is never held
//! in memory whole.
//!
//! The only desktop crate doing HTTP. It must not open the stores.

mod attachments;
mod error;
mod groups;
mod http;
mod limits;
mod plan;
mod practices;
mod proposal;
mod rejection;
mod source;
mod submit;

pub use attachments::{cached_attachment, fetch_attachment, MAX_ATTACHMENT_BYTES};
pub use error::Error;
pub use groups::{
    fetch_group_values, fetch_groups, GroupEntry, GroupMember, GroupValue, GroupValues, GroupsError,
};
pub use limits::{Limits, DEFAULT_SYNC_DEADLINE};
pub use plan::{plan, read_block, value_blocks, Plan, PlanInput, ValuesChunk};
pub use proposal::{post_practice, ProposalAnswer, ProposalError};
pub use rejection::{Rejection, RejectionCode};
pub use source::{DirSource, HttpSource, Source};
pub use submit::{post_submission, Answer};
