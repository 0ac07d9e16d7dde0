//! XLSX input through calamine: a sheet becomes the same [`Table`] as a CSV file, so every
//! format check is shared. Row numbers are the spreadsheet's own (header = 1).

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use crate::table::read_table;
use crate::table::Table;
use crate::text::decode;
use crate::{ImportError, Problem};

/// True for a ZIP container (XLSX) rather than text.
pub(crate) fn is_xlsx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// An opened workbook.
pub(crate) struct Workbook {
    inner: Xlsx<Cursor<Vec<u8>>>,
    file: String,
}

impl Workbook {
    pub fn open(bytes: &[u8], file: &str) -> Result<Self, ImportError> {
        let inner = Xlsx::new(Cursor::new(bytes.to_vec())).map_err(|e| {
            ImportError::single(file, Problem::file(format!("nie można otworzyć pliku XLSX ({e})")))
        })?;
        Ok(Self { inner, file: file.to_owned() })
    }

    pub fn sheet_names(&self) -> Vec<String> {
        self.inner.sheet_names().to_vec()
    }

    /// The named sheet as a table, or `None` when the workbook has no such sheet.
    pub fn table(&mut self, sheet: &str) -> Result<Option<Table>, ImportError> {
        if !self.sheet_names().iter().any(|s| s == sheet) {
            return Ok(None);
        }
        let range = self.inner.worksheet_range(sheet).map_err(|e| {
            ImportError::single(
                &self.file,
                Problem::file(format!("nie można odczytać arkusza „{sheet}” ({e})")),
            )
        })?;
        let first_row = range.start().map_or(0, |(row, _)| row as usize);
        let mut header = None;
        let mut rows = Vec::new();
        for (offset, cells) in range.rows().enumerate() {
            let fields: Vec<String> = cells.iter().map(cell_text).collect();
            if fields.iter().all(String::is_empty) {
                continue;
            }
            let line = first_row + offset + 1;
            if header.is_none() {
                header = Some(fields);
            } else {
                rows.push((line, fields));
            }
        }
        let header = header.ok_or_else(|| {
            ImportError::single(&self.file, Problem::file(format!("arkusz „{sheet}” jest pusty")))
        })?;
        // Trailing empty cells of a row are not columns.
        let width = header.iter().rposition(|h| !h.is_empty()).map_or(0, |i| i + 1);
        let header = header.into_iter().take(width).collect();
        Ok(Some(Table { header, rows, delimiter: None }))
    }
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_owned(),
        Data::Float(f) => format!("{f}"),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => if *b { "tak" } else { "nie" }.to_owned(),
        Data::DateTime(d) => excel_date(d.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// A delimited text file or the first sheet (or `preferred` sheet) of an XLSX workbook.
pub(crate) fn read_tabular(
    bytes: &[u8],
    file: &str,
    preferred: &[&str],
    header_ok: impl Fn(&str) -> bool,
) -> Result<(Table, Option<Workbook>), ImportError> {
    if is_xlsx(bytes) {
        let mut workbook = Workbook::open(bytes, file)?;
        let names = workbook.sheet_names();
        let sheet = names
            .iter()
            .find(|n| preferred.iter().any(|p| n.eq_ignore_ascii_case(p)))
            .or_else(|| names.first())
            .cloned()
            .ok_or_else(|| ImportError::single(file, Problem::file("skoroszyt nie ma arkuszy")))?;
        let table = workbook.table(&sheet)?.ok_or_else(|| {
            ImportError::single(file, Problem::file(format!("brak arkusza „{sheet}”")))
        })?;
        return Ok((table, Some(workbook)));
    }
    let text = decode(bytes, file, header_ok)?;
    Ok((read_table(&text, file)?, None))
}

/// An Excel date serial (days since 1899-12-30) as `YYYY-MM-DD`.
fn excel_date(serial: f64) -> String {
    // Days since 1970-01-01, then the civil-from-days algorithm of H. Hinnant.
    let days = serial.floor() as i64 - 25_569;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::excel_date;

    #[test]
    fn excel_serials() {
        assert_eq!(excel_date(45_292.0), "2024-01-01");
        assert_eq!(excel_date(44_927.5), "2023-01-01");
        assert_eq!(excel_date(25_569.0), "1970-01-01");
    }
}
