//! Tables: caption before, a header row repeated on every page (`w:tblHeader`), thin borders,
//! column widths in proportion, numbers on the right, status words in their colour. Rows are
//! kept whole on a page by `w:cantSplit`, which docx-rust cannot write (see `fixups`).

use docx_rust::document::{BodyContent, Paragraph, Table, TableCell, TableGrid, TableRow};
use docx_rust::formatting::{
    BorderStyle, BottomBorder, InsideHorizonBorder, InsideVerticalBorder, JustificationVal,
    LeftBorder, RightBorder, TableBorders, TableCellProperty, TableCellWidth, TableHeader,
    TableProperty, TableRowProperty, TableWidth, TableWidthUnit, TopBorder,
};
use jst_domain::strategy::{Status, Thresholds};

use super::styles::{CAPTION, TABLE_TEXT};
use super::text::{align, paragraph, plain, run, Look};
use crate::document::status_colour;
use crate::{wording, Align, Cell, Column, Tone};

/// The width of the text column on A4 with 2 cm margins, in twentieths of a point.
pub(crate) const TEXT_WIDTH: isize = 9638;
const BORDER: &str = "A6A6A6";

/// The caption paragraph and the table. The caption also goes into the table's accessible
/// description (`w:tblCaption`, added in `fixups` for the same reason as `w:cantSplit`).
pub(crate) fn table(
    caption: &str,
    columns: &[Column],
    rows: &[Vec<Cell>],
    captions: &mut Vec<String>,
) -> Vec<BodyContent<'static>> {
    let widths = widths(columns);
    let header = columns.iter().zip(&widths).map(|(c, w)| {
        let p = paragraph(TABLE_TEXT, vec![run(&c.header, Look::BOLD)]);
        cell(aligned(p, c.align), *w)
    });
    let header = TableRow {
        property: TableRowProperty {
            table_header: Some(TableHeader::default()),
            ..Default::default()
        },
        cells: header.map(Into::into).collect(),
    };
    let body = rows.iter().map(|row| {
        let cells = columns.iter().zip(&widths).enumerate().map(|(i, (column, width))| {
            let content = row.get(i).map(cell_paragraph).unwrap_or_else(|| plain(TABLE_TEXT, ""));
            cell(aligned(content, column.align), *width).into()
        });
        TableRow { property: TableRowProperty::default(), cells: cells.collect() }
    });
    let table = Table {
        property: properties(),
        grids: TableGrid::from(widths.clone()),
        rows: std::iter::once(header).chain(body).collect(),
    };
    captions.push(caption.to_owned());
    vec![plain(CAPTION, caption).into(), table.into()]
}

/// The status key: every status's mark and word in its colour, and what it means.
pub(crate) fn status_key(
    thresholds: &Thresholds,
    captions: &mut Vec<String>,
) -> Vec<BodyContent<'static>> {
    let [status, meaning] = wording::STATUS_KEY_HEADERS;
    let columns = [
        Column { header: status.to_owned(), align: Align::Left, width: 1 },
        Column { header: meaning.to_owned(), align: Align::Left, width: 2 },
    ];
    let rows: Vec<Vec<Cell>> = Status::ALL
        .into_iter()
        .map(|s| vec![Cell::status(s, false), Cell::plain(wording::status_meaning(s, thresholds))])
        .collect();
    table(wording::STATUS_KEY_CAPTION, &columns, &rows, captions)
}

/// Column widths in proportion to `Column::width`, filling the text column.
fn widths(columns: &[Column]) -> Vec<isize> {
    let total: i64 = columns.iter().map(|c| i64::from(c.width.max(1))).sum();
    let text = TEXT_WIDTH as i64;
    columns.iter().map(|c| (text * i64::from(c.width.max(1)) / total.max(1)) as isize).collect()
}

fn cell(p: Paragraph<'static>, width: isize) -> TableCell<'static> {
    let width = TableCellWidth { value: Some(width), unit: Some(TableWidthUnit::Dxa) };
    TableCell::paragraph(p).property(TableCellProperty::default().wide(width))
}

fn aligned(p: Paragraph<'static>, a: Align) -> Paragraph<'static> {
    match a {
        Align::Left => p,
        Align::Right => align(p, JustificationVal::Right),
    }
}

/// A cell's text: bold when strong; a status's mark in a symbol font (Arial has no ✓ or ◆)
/// and the whole in the status's colour.
fn cell_paragraph(cell: &Cell) -> Paragraph<'static> {
    match cell.tone {
        Tone::Plain => plain(TABLE_TEXT, &cell.text),
        Tone::Strong => paragraph(TABLE_TEXT, vec![run(&cell.text, Look::BOLD)]),
        Tone::Status(status) => {
            let colour = Some(status_colour(status).trim_start_matches('#'));
            let look = Look { colour, ..Look::PLAIN };
            let runs = match cell.text.strip_prefix(status.mark()) {
                Some(rest) => {
                    vec![run(status.mark(), Look { symbol_font: true, ..look }), run(rest, look)]
                }
                None => vec![run(&cell.text, look)],
            };
            paragraph(TABLE_TEXT, runs)
        }
    }
}

/// A thin grey rule of any of the six border kinds (each is its own type in docx-rust).
macro_rules! rule {
    ($kind:ident) => {
        Some($kind {
            style: BorderStyle::Single,
            color: Some(BORDER.into()),
            size: Some(4),
            space: Some(0),
            ..Default::default()
        })
    };
}

fn properties() -> TableProperty<'static> {
    let borders = TableBorders {
        top: rule!(TopBorder),
        left: rule!(LeftBorder),
        bottom: rule!(BottomBorder),
        right: rule!(RightBorder),
        inside_horizon: rule!(InsideHorizonBorder),
        inside_vertical: rule!(InsideVerticalBorder),
    };
    TableProperty::default()
        .width(TableWidth { value: Some(TEXT_WIDTH), unit: Some(TableWidthUnit::Dxa) })
        .borders(borders)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_fill_the_text_column_in_proportion() {
        let col = |w| Column { header: String::new(), align: Align::Left, width: w };
        let w = widths(&[col(3), col(1)]);
        assert_eq!(w[0], TEXT_WIDTH * 3 / 4);
        assert_eq!(w[1], TEXT_WIDTH / 4);
        assert_eq!(widths(&[col(0)]), vec![TEXT_WIDTH]);
    }

    #[test]
    fn header_row_is_marked() {
        let mut captions = Vec::new();
        let parts = status_key(&Thresholds::default(), &mut captions);
        let BodyContent::Table(t) = &parts[1] else { panic!("no table") };
        assert!(matches!(t.rows[0].property.table_header, Some(TableHeader { .. })));
        assert!(t.rows[1].property.table_header.is_none());
        assert_eq!(t.rows.len(), Status::ALL.len() + 1);
        assert_eq!(captions, [wording::STATUS_KEY_CAPTION]);
    }
}
