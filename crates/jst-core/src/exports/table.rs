//! One table model for both formats, so a CSV file and a workbook sheet of the same data have
//! the same columns: CSV as the program's importers read it (`;`, decimal comma, text that a
//! spreadsheet would run as a formula guarded by an apostrophe), XLSX as numbers and text.

use jst_domain::strategy::format_number;
use jst_import::guard_formula;
use jst_report::{DataCell, DataColumn, DataSheet, NumberStyle};

use crate::support::count;

/// Column name (as the importers know it), width in a sheet, how its numbers look.
pub(super) type Column = (&'static str, f64, NumberStyle);

pub(super) struct Table {
    pub columns: &'static [Column],
    pub rows: Vec<Vec<DataCell>>,
}

impl Table {
    pub fn rows(&self) -> u32 {
        count(self.rows.len())
    }

    /// UTF-8 without a BOM, `;`, LF: what `jst strategy export` writes and every importer reads.
    pub fn to_csv(&self) -> String {
        let header: Vec<&str> = self.columns.iter().map(|c| c.0).collect();
        let mut out = header.join(";");
        out.push('\n');
        for row in &self.rows {
            let cells: Vec<String> = row.iter().map(csv_cell).collect();
            out.push_str(&cells.join(";"));
            out.push('\n');
        }
        out
    }

    pub fn to_sheet(&self, name: &str) -> DataSheet {
        DataSheet {
            name: name.to_owned(),
            columns: self
                .columns
                .iter()
                .map(|(header, width, style)| DataColumn {
                    header: (*header).to_owned(),
                    width: *width,
                    style: *style,
                })
                .collect(),
            rows: self.rows.iter().map(|row| row.iter().map(sheet_cell).collect()).collect(),
        }
    }
}

pub(super) fn text(value: &str) -> DataCell {
    DataCell::Text(value.to_owned())
}

pub(super) fn optional_text(value: Option<&str>) -> DataCell {
    value.map_or(DataCell::Empty, text)
}

pub(super) fn number(value: f64) -> DataCell {
    DataCell::Number(value)
}

pub(super) fn optional_number(value: Option<f64>) -> DataCell {
    value.map_or(DataCell::Empty, DataCell::Number)
}

pub(super) fn yes_no(value: bool) -> DataCell {
    text(if value { "tak" } else { "nie" })
}

fn csv_cell(cell: &DataCell) -> String {
    match cell {
        DataCell::Empty => String::new(),
        // Never guarded: `-2,5` is a number to a spreadsheet and to the importers alike.
        DataCell::Number(value) => format_number(*value),
        DataCell::Text(value) => {
            let value = guard_formula(value);
            if value.contains([';', '"', '\n', '\r']) {
                format!("\"{}\"", value.replace('"', "\"\""))
            } else {
                value.into_owned()
            }
        }
    }
}

/// A workbook's text cell is never a formula, but the importers take a leading apostrophe off
/// as they do in CSV: a text that itself begins with one gets another, so it reads back whole.
fn sheet_cell(cell: &DataCell) -> DataCell {
    match cell {
        DataCell::Text(value) if value.starts_with('\'') => {
            DataCell::Text(guard_formula(value).into_owned())
        }
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_guarded_quoted_and_in_polish_form() {
        const COLUMNS: &[Column] = &[
            ("a", 1.0, NumberStyle::General),
            ("b", 1.0, NumberStyle::General),
            ("c", 1.0, NumberStyle::General),
            ("d", 1.0, NumberStyle::General),
        ];
        let table = Table {
            columns: COLUMNS,
            rows: vec![
                vec![number(-2.5), text("=HYPERLINK(\"x\")"), text("a;b"), DataCell::Empty],
                vec![number(1234.0), text("'zwykły"), text("wiersz\ndrugi"), text("ok")],
            ],
        };
        assert_eq!(
            table.to_csv(),
            "a;b;c;d\n-2,5;\"'=HYPERLINK(\"\"x\"\")\";\"a;b\";\n1234;''zwykły;\"wiersz\ndrugi\";ok\n"
        );
        let sheet = table.to_sheet("S");
        assert_eq!(sheet.rows[0][1], text("=HYPERLINK(\"x\")"));
        assert_eq!(sheet.rows[1][1], text("''zwykły"));
    }
}
