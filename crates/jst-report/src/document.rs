//! The one content model every document format is written from: a title page and a flat list
//! of blocks (headings, paragraphs, tables, charts). The PDF (Typst) and DOCX writers render
//! the same [`Document`], so both formats always say the same thing.
//!
//! Text is final here: numbers are already formatted `pl-PL` and every status cell carries its
//! mark and word. Writers decide only the look.

use jst_domain::strategy::Status;

/// A whole document in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Title for the file's metadata and the running header.
    pub title: String,
    /// BCP 47 language of the text (`pl-PL`).
    pub language: String,
    /// Author for the file's metadata (the report header's author, else the unit).
    pub author: String,
    /// Shown in the header of every page: "dane przykładowe" for the demo's reports.
    pub page_label: Option<String>,
    pub title_page: Option<TitlePage>,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TitlePage {
    /// The coat of arms (PNG or SVG bytes) from the report header.
    pub emblem: Option<Image>,
    /// The unit's full name, as the first line.
    pub unit: String,
    pub title: String,
    pub subtitle: Option<String>,
    /// Label and value lines: strategy, resolution, period, year, date, prepared by.
    pub facts: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    pub bytes: Vec<u8>,
    pub format: ImageFormat,
    /// Alternative text (WCAG 1.1.1).
    pub alt: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    Png,
    Svg,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Level 1 starts a chapter on a new page in the PDF; levels 1–3.
    Heading {
        level: u8,
        text: String,
    },
    Paragraph(String),
    /// A bulleted list of plain lines.
    List(Vec<String>),
    /// The officer's own words (notes, commentary), set apart and attributed.
    Commentary {
        label: String,
        text: String,
    },
    Table(Table),
    Chart(Chart),
    /// The status key: every status with its mark, word and colour, and what it means under
    /// these thresholds.
    StatusKey(jst_domain::strategy::Thresholds),
}

/// A table with one header row, repeated on every page it spans.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Said before the table and used as its accessible summary.
    pub caption: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub header: String,
    pub align: Align,
    /// Relative width (fractions of the table's width).
    pub width: u16,
}

impl Column {
    /// A text column.
    pub fn left(header: &str, width: u16) -> Self {
        Self { header: header.to_owned(), align: Align::Left, width }
    }

    /// A column of numbers.
    pub fn right(header: &str, width: u16) -> Self {
        Self { header: header.to_owned(), align: Align::Right, width }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    /// Numbers.
    Right,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: String,
    pub tone: Tone,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    /// Bold, e.g. a strategic goal's row in a summary.
    Strong,
    /// A status cell ("● Zgodnie z planem"): coloured by status, never by colour alone.
    Status(Status),
}

impl Cell {
    pub fn plain(text: impl Into<String>) -> Self {
        Self { text: text.into(), tone: Tone::Plain }
    }

    pub fn strong(text: impl Into<String>) -> Self {
        Self { text: text.into(), tone: Tone::Strong }
    }

    /// Mark and word of a status (DESIGN §12), with " (termin minął)" when the target year
    /// passed without the target met.
    pub fn status(status: Status, target_missed: bool) -> Self {
        let mut text = format!("{} {}", status.mark(), status.label_pl());
        if target_missed {
            text.push_str(" (termin minął)");
        }
        Self { text, tone: Tone::Status(status) }
    }
}

/// An indicator's path: observed values, the straight path from baseline to target and the
/// projection (DESIGN §5.3). Rendered as SVG by [`crate::chart`].
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub title: String,
    /// Alternative text: what the chart shows, in words and figures (WCAG 1.1.1).
    pub alt: String,
    /// The indicator's unit, for the value axis.
    pub unit: String,
    /// Observed values, by year.
    pub observed: Vec<(i32, f64)>,
    /// The planned path: baseline, milestones, target.
    pub planned: Vec<(i32, f64)>,
    /// The fitted trend from the last observation to the target year.
    pub projection: Vec<(i32, f64)>,
}

/// Status colours (DESIGN §12), dark enough for text on white (WCAG AA 4.5:1).
pub fn status_colour(status: Status) -> &'static str {
    match status {
        Status::Achieved => "#1b5e20",
        Status::OnTrack => "#2e7d32",
        Status::AccelerationNeeded => "#8a5a00",
        Status::LimitedProgress => "#b34700",
        Status::Deterioration => "#b71c1c",
        Status::NoData => "#5f6368",
    }
}
