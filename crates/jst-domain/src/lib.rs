//! Pure domain types and rules of Monitor JST: TERYT codes and their identity across register
//! versions, kinds of local government units, and the search folding of Polish names.
//!
//! This crate must stay pure: no IO, no async, no SQL, no polars, no clock. Everything here is
//! testable with plain `cargo test` and is shared by every other crate.

mod catalogue;
mod fold;
mod kind;
mod register;
mod teryt;

pub use catalogue::{Polarity, ReservedIndicator, POPULATION, RESERVED_INDICATORS};
pub use fold::fold_for_search;
pub use kind::UnitKind;
pub use register::{RegisterEntry, RegisterSnapshot};
pub use teryt::{Teryt, TerytError};
