//! Own values of the unit, DESIGN §6: `wskaznik_kod;rok;wartosc[;status][;uwagi]`, from CSV or
//! from the first sheet (or a sheet `wartosci`) of an XLSX workbook.

use jst_text::t;

use crate::cells::{header_problem, indicator_code, note, value, year};
use crate::error::RowProgress;
use crate::workbook::read_tabular;
use crate::{ImportError, Problem};

#[derive(Debug, Clone, PartialEq)]
pub struct OwnValueRow {
    pub line: usize,
    pub indicator: String,
    pub year: i32,
    pub value: f64,
    /// `wstepne | ostateczne`; an empty cell means `ostateczne`.
    pub status: String,
    pub note: Option<String>,
}

/// Own values with the warnings that do not stop their import (e.g. `1.234`, which may be a
/// thousand times off).
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedOwnValues {
    pub rows: Vec<OwnValueRow>,
    pub warnings: Vec<Problem>,
}

const COLUMNS: [&str; 5] = ["wskaznik_kod", "rok", "wartosc", "status", "uwagi"];

/// The rows alone, for files the program ships (the demo); a file a user brings goes through
/// [`parse_own_values_with`], whose warnings are shown.
pub fn parse_own_values(bytes: &[u8], file: &str) -> Result<Vec<OwnValueRow>, ImportError> {
    parse_own_values_with(bytes, file, &mut |_, _| true).map(|parsed| parsed.rows)
}

/// Own values reporting progress by rows (and stopping when told to), with their warnings.
pub fn parse_own_values_with(
    bytes: &[u8],
    file: &str,
    progress: RowProgress<'_>,
) -> Result<ParsedOwnValues, ImportError> {
    let header_ok = |t: &str| {
        t.lines().next().is_some_and(|l| l.to_ascii_lowercase().starts_with("wskaznik_kod"))
    };
    let (table, _) = read_tabular(bytes, file, &["wartosci", "wartości"], header_ok)?;
    let idx: Vec<Option<usize>> = COLUMNS.iter().map(|c| table.column(&[c])).collect();
    let [Some(i), Some(y), Some(v), status_col, note_col] = idx[..] else {
        return Err(ImportError::single(
            file,
            header_problem(&table.header, "wskaznik_kod;rok;wartosc[;status][;uwagi]"),
        ));
    };
    let rows = table.map_rows(file, progress, |line, cell| {
        // Optional columns read as empty when the file does not have them.
        let optional = |k: Option<usize>| k.map(cell).unwrap_or_default();
        let status = match optional(status_col).as_str() {
            "" | "ostateczne" => Ok("ostateczne".to_owned()),
            "wstepne" => Ok("wstepne".to_owned()),
            other => {
                Err(Problem::at(line, Some("status"), t!("import-values-status", status = other)))
            }
        };
        match (
            indicator_code(line, COLUMNS[0], &cell(i)),
            year(line, COLUMNS[1], &cell(y)),
            value(line, COLUMNS[2], &cell(v)),
            status,
            // Exports guard a note a spreadsheet would run as a formula; the guard comes off.
            note(line, COLUMNS[4], crate::unguard_formula(&optional(note_col))),
        ) {
            (Ok(indicator), Ok(year), Ok(value), Ok(status), Ok(note)) => {
                Ok(OwnValueRow { line, indicator, year, value, status, note })
            }
            (a, b, c, d, e) => {
                Err([a.err(), b.err(), c.err(), d.err(), e.err()].into_iter().flatten().collect())
            }
        }
    })?;
    let warnings = table.ambiguous_points(COLUMNS[2], v);
    Ok(ParsedOwnValues { rows, warnings })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xlsx_values() {
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let sheet = workbook.add_worksheet();
        for (c, h) in ["wskaznik_kod", "rok", "wartosc", "status"].iter().enumerate() {
            sheet.write_string(0, c as u16, *h).expect("header");
        }
        sheet.write_string(1, 0, "WSK_A").expect("code");
        sheet.write_number(1, 1, 2024).expect("year");
        sheet.write_number(1, 2, 12.5).expect("value");
        sheet.write_string(1, 3, "wstepne").expect("status");
        sheet.write_string(2, 0, "WSK_A").expect("code");
        sheet.write_number(2, 1, 2023).expect("year");
        sheet.write_string(2, 2, "dużo").expect("value");
        let bytes = workbook.save_to_buffer().expect("xlsx");
        let err = parse_own_values(&bytes, "w.xlsx").expect_err("bad cell");
        assert_eq!(
            (err.problems[0].row, err.problems[0].column.as_deref()),
            (Some(3), Some("wartosc"))
        );
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let sheet = workbook.add_worksheet();
        for (c, h) in ["wskaznik_kod", "rok", "wartosc"].iter().enumerate() {
            sheet.write_string(0, c as u16, *h).expect("header");
        }
        sheet.write_string(1, 0, "WSK_A").expect("code");
        sheet.write_number(1, 1, 2024).expect("year");
        sheet.write_number(1, 2, 12.5).expect("value");
        let rows =
            parse_own_values(&workbook.save_to_buffer().expect("xlsx"), "w.xlsx").expect("valid");
        assert_eq!((rows[0].year, rows[0].value), (2024, 12.5));
    }

    #[test]
    fn a_guarded_note_reads_back_as_written() {
        let rows = parse_own_values(
            b"wskaznik_kod;rok;wartosc;status;uwagi\nWSK_A;2024;1;;'-5% wobec planu\nWSK_A;2023;1;;'zwykla\n",
            "w.csv",
        )
        .expect("valid");
        assert_eq!(rows[0].note.as_deref(), Some("-5% wobec planu"));
        assert_eq!(rows[1].note.as_deref(), Some("'zwykla"));
    }

    #[test]
    fn optional_columns_and_bad_status() {
        let rows = parse_own_values(b"wskaznik_kod;rok;wartosc\nWSK_A;2024;1,5\n", "w.csv")
            .expect("valid");
        assert_eq!((rows[0].status.as_str(), rows[0].note.clone()), ("ostateczne", None));
        let err =
            parse_own_values(b"wskaznik_kod;rok;wartosc;status\nWSK_A;2024;1;prawie\n", "w.csv")
                .expect_err("status");
        assert_eq!(err.problems[0].column.as_deref(), Some("status"));
    }
}
