//! Pure domain types and rules of Monitor JST: TERYT codes and their identity across register
//! versions, kinds of local government units, the search folding of Polish names, and the
//! strategy-monitoring methods (progress, status, roll-up, projection; DESIGN §5.1–5.3).
//!
//! This crate must stay pure: no IO, no async, no SQL, no polars, no clock. Everything here is
//! testable with plain `cargo test` and is shared by every other crate.

mod attachment_kind;
mod catalogue;
mod fold;
mod formula;
mod kind;
mod observation;
mod packed;
mod pl_number;
mod practice;
pub mod practice_text;
mod prices;
mod register;
mod size_class;
pub mod strategy;
mod teryt;

pub use attachment_kind::AttachmentKind;
pub use catalogue::{Polarity, POPULATION, RESERVED_CODES};
pub use fold::fold_for_search;
pub use formula::{Formula, FormulaError};
pub use kind::UnitKind;
pub use observation::ObservationStatus;
pub use packed::{PackedValue, PackedValues};
pub use pl_number::{format_decimal, format_integer};
pub use practice::{
    size_class_code, Practice, PracticeArea, PracticeAttachment, PracticeContact,
    PracticeIndicator, PracticeMeasure, PracticeRecord, PracticeSubArea, PracticeYears,
};
pub use prices::PriceIndex;
pub use register::{RegisterEntry, RegisterSnapshot, MAX_ENDED_WITHOUT_CONSENT};
pub use size_class::{size_class, type_size_key};
pub use teryt::{Teryt, TerytError};
