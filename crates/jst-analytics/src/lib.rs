//! Peer analytics of Monitor JST (DESIGN §5.4–5.7): group statistics, the own unit's position,
//! the ordering of group members and nearest neighbours. The only crate that uses polars.
//!
//! Pure: plain values in, plain results out. It must not read files or databases, know about
//! TERYT registers or decide which units form a group (the core does).

mod error;
mod neighbours;
mod position;
mod standing;
mod stats;

pub use error::Error;
pub use neighbours::{nearest, Neighbour, Pool};
pub use position::{order_members, own_position, Member, Position};
pub use standing::{standing, Standing};
pub use stats::{group_stats, group_stats_many, GroupStats};
