//! The documents of the strategy-monitoring officer (issue 12): the monitoring report and the
//! chapter of the raport o stanie gminy as PDF or DOCX, the status workbook, and what they print
//! besides figures (the report header, the introduction and per-goal commentary).

mod figures;
mod generate;
mod header;

pub(crate) use generate::{complete_year, report_preview, write_report, ReportOrder};
pub use generate::{
    ReportFormat, ReportGoalView, ReportIndicatorView, ReportKind, ReportPreviewView,
    ReportProgress, ReportStage, ReportWrittenView,
};
pub(crate) use header::{
    report_header_view, report_texts, save_report_header, save_report_text, set_report_emblem,
};
pub use header::{GoalTextView, ReportHeaderInput, ReportHeaderView, ReportTextsView};
