//! The strategy documents: the monitoring report and the chapter of the raport o stanie gminy
//! (as [`Document`](crate::Document)s, for PDF and DOCX), and the status workbook.

mod chapter;
mod figures;
mod monitoring;
mod parts;
mod xlsx;

pub use chapter::chapter;
pub use figures::{
    GoalFigures, IndicatorFigures, PeerFigures, PeerRow, ProjectionFigures, ReportHeader,
    StrategyFacts, StrategyFigures, Trend, YearValue,
};
pub use monitoring::monitoring_report;
pub use xlsx::{strategy_workbook, STRATEGY_COLUMNS};
