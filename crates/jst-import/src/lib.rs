//! Parsers for the files users and the association bring: the TERYT register (TERC in CSV or
//! XML), per-unit public values and own values. Every parser is strict: it either returns the
//! whole content or an [`ImportError`] that names the file, row and column in Polish.
//!
//! This crate reads bytes and returns domain values; it must not open databases, touch the
//! network or decide what gets written (the core does that, all or nothing).

mod aggregates;
mod bdl_api;
mod bdl_ctab;
mod boundaries;
mod budget;
mod budget_package;
mod catalogue;
mod cells;
mod error;
mod formula_guard;
mod mf_dbf;
mod mf_dictionary;
mod number;
mod own_values;
mod price_index;
mod public_values;
mod sio;
pub mod strategy_rules;
mod strategy_template;
mod table;
mod terc;
mod text;
mod workbook;
mod xml_walk;

pub use aggregates::parse_aggregates;
pub use bdl_api::{
    bdl_unit_code, classify_unit_code, map_bdl_units, parse_bdl_page, BdlMapped, BdlPage, BdlRow,
    BdlUnit, BdlUnitClass, BdlValue, BDL_VALUE_FLAGS,
};
pub use bdl_ctab::{ctab_column, parse_ctab, CtabRow, CtabTable};
pub use boundaries::{parse_boundaries, Boundary};
pub use budget::{parse_budget, parse_budget_checked, parse_budget_with, BudgetLine, BudgetReport};
pub use budget_package::{
    looks_like_budget_package, parse_budget_package, BudgetPackage, BudgetPeriod, PackageUnit,
};
pub use catalogue::{parse_catalogue, parse_catalogue_with, CatalogueRow};
pub use cells::{note_problem, MAX_NOTE_CHARS};
pub use error::{
    control_message, forbidden_control, printable, ImportError, Problem, RowProgress, Severity,
};
pub use formula_guard::{guard_formula, unguard_formula};
pub use mf_dbf::{read_mf_dbf, MfDbfSummary, MfRecord, MfUnit};
pub use mf_dictionary::{parse_mf_dictionary, MfDictionaryEntry};
/// The largest magnitude of a value, read from a file or typed in (DESIGN §6).
pub use number::MAX_ABS as MAX_ABS_VALUE;
pub use own_values::{parse_own_values, parse_own_values_with, OwnValueRow, ParsedOwnValues};
pub use price_index::parse_price_index;
pub use public_values::{
    parse_public_values, parse_public_values_checked, parse_public_values_with, ParsedPublicValues,
    PublicValueRow, PublicValueStream,
};
pub use sio::{
    looks_like_school_list, parse_school_list, parse_school_list_xlsx, SchoolList, SchoolRow,
};
pub use strategy_template::{
    parse_strategy_template, parse_strategy_template_with, render_strategy_template,
    ParsedStrategy, StrategyMeta, TEMPLATE_COLUMNS,
};
pub use terc::{parse_terc, ParsedRegister};
pub use workbook::is_xlsx;
pub use xml_walk::looks_like_xml;
