//! Documents Monitor JST writes for people outside the program: for now the treasurer's unit-cost
//! comparison as an XLSX workbook (one sheet per service, Polish number formats, a chart).
//!
//! Plain report values in, a file out. It must not query databases or compute statistics (the core
//! hands it finished figures), and it writes a file whole or not at all.

mod costs_xlsx;
mod error;
mod safe_write;

pub use costs_xlsx::{write_costs_xlsx, CostLine, CostSheet, CostWorkbook, COST_COLUMNS};
pub use error::Error;
