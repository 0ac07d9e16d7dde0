//! Documents Monitor JST writes for people outside the program: the strategy monitoring report
//! and the chapter of the raport o stanie gminy (PDF through Typst, DOCX), the strategy status
//! workbook, the treasurer's unit-cost comparison and the unit's own data (XLSX).
//!
//! Plain report values in, a file out. It must not query databases or compute statistics (the core
//! hands it finished figures), and it writes a file whole or not at all. Every format is written
//! from one content model ([`Document`]); every fixed sentence lives in [`wording`].

pub mod chart;
mod costs_xlsx;
mod data_xlsx;
pub mod document;
mod docx;
mod error;
mod fonts;
mod pdf;
mod safe_write;
pub mod strategy_report;
pub mod wording;

pub use costs_xlsx::{write_costs_xlsx, CostLine, CostSheet, CostWorkbook, COST_COLUMNS};
pub use data_xlsx::{data_workbook, DataCell, DataColumn, DataSheet, NumberStyle};
pub use document::{
    Align, Block, Cell, Chart, Column, Document, Image, ImageFormat, Table, TitlePage, Tone,
};
pub use docx::{render_docx, write_docx};
pub use error::Error;
pub use pdf::{render_pdf, write_pdf};
