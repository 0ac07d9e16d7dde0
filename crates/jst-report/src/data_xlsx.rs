//! The unit's own data as a workbook (`jst export … --format xlsx`): one plain table per sheet,
//! its header in the first row so the program's own importers read the sheet back, numbers as
//! numbers, the header bold, frozen and filterable.

use rust_xlsxwriter::{Color, Format, FormatBorder, Workbook, Worksheet};

use crate::Error;

/// One sheet: a header row, then the rows.
#[derive(Debug, Clone, PartialEq)]
pub struct DataSheet {
    /// The sheet's name (at most 31 characters, none of `[]:*?/\`).
    pub name: String,
    pub columns: Vec<DataColumn>,
    pub rows: Vec<Vec<DataCell>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DataColumn {
    /// The header cell: the column name a file of the same data uses (`wskaznik_kod`, `rok`).
    pub header: String,
    /// Width in characters.
    pub width: f64,
    /// How the column's numbers are shown.
    pub style: NumberStyle,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberStyle {
    /// As the spreadsheet shows any number: every digit kept, the reader's decimal mark.
    General,
    /// Years and counts: no grouping (`2024`, never `2 024`).
    Whole,
    /// Amounts in złoty: grouped, two decimals.
    Money,
}

#[derive(Debug, Clone, PartialEq)]
pub enum DataCell {
    Empty,
    /// Written as text, never as a formula.
    Text(String),
    Number(f64),
}

/// The workbook's bytes; the caller writes them whole.
pub fn data_workbook(sheets: &[DataSheet]) -> Result<Vec<u8>, Error> {
    let mut workbook = Workbook::new();
    for sheet in sheets {
        let ws = workbook.add_worksheet();
        ws.set_name(&sheet.name)?;
        write_sheet(ws, sheet)?;
    }
    Ok(workbook.save_to_buffer()?)
}

fn number_format(style: NumberStyle) -> Format {
    match style {
        NumberStyle::General => Format::new(),
        NumberStyle::Whole => Format::new().set_num_format("0"),
        // The grouping and decimal marks follow the reader's locale (`1 234,56` in Polish).
        NumberStyle::Money => Format::new().set_num_format("#,##0.00"),
    }
}

fn write_sheet(ws: &mut Worksheet, sheet: &DataSheet) -> Result<(), Error> {
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDCE6F2))
        .set_border_bottom(FormatBorder::Thin);
    for (col, column) in sheet.columns.iter().enumerate() {
        let col = col as u16;
        ws.write_string_with_format(0, col, &column.header, &header)?;
        ws.set_column_width(col, column.width)?;
    }
    let formats: Vec<Format> = sheet.columns.iter().map(|c| number_format(c.style)).collect();
    for (r, row) in sheet.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (col, cell) in row.iter().enumerate() {
            let format = formats.get(col).cloned().unwrap_or_default();
            let col = col as u16;
            match cell {
                DataCell::Empty => {}
                DataCell::Text(text) => {
                    ws.write_string(r, col, text)?;
                }
                DataCell::Number(value) => {
                    ws.write_number_with_format(r, col, *value, &format)?;
                }
            }
        }
    }
    ws.set_freeze_panes(1, 0)?;
    if !sheet.columns.is_empty() {
        ws.autofilter(0, 0, sheet.rows.len() as u32, sheet.columns.len() as u16 - 1)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{Data, Reader, Xlsx};

    #[test]
    fn cells_come_back_as_written() {
        let column = |header: &str, style| DataColumn { header: header.into(), width: 10.0, style };
        let sheets = [
            DataSheet {
                name: "Wartości".into(),
                columns: vec![
                    column("wskaznik_kod", NumberStyle::General),
                    column("rok", NumberStyle::Whole),
                    column("wartosc", NumberStyle::General),
                    column("uwagi", NumberStyle::General),
                ],
                rows: vec![vec![
                    DataCell::Text("WSK_A".into()),
                    DataCell::Number(2024.0),
                    DataCell::Number(-12.5),
                    DataCell::Text("=SUMA(A1)".into()),
                ]],
            },
            DataSheet { name: "Pusty".into(), columns: vec![], rows: vec![] },
        ];
        let bytes = data_workbook(&sheets).expect("workbook");
        let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).expect("open");
        assert_eq!(book.sheet_names(), ["Wartości", "Pusty"]);
        let range = book.worksheet_range("Wartości").expect("sheet");
        assert_eq!(range.get((0, 2)), Some(&Data::String("wartosc".into())));
        assert_eq!(range.get((1, 1)), Some(&Data::Float(2024.0)));
        assert_eq!(range.get((1, 2)), Some(&Data::Float(-12.5)));
        // Text that looks like a formula stays text.
        assert_eq!(range.get((1, 3)), Some(&Data::String("=SUMA(A1)".into())));
    }
}
