//! XLSX input through calamine, the one way this crate opens a workbook: the archive is checked
//! before anything is extracted ([`open_xlsx`]: the sizes its central directory declares, which
//! the ZIP reader then holds every part to, and the shared strings it announces), and sheets are
//! read as a stream of cells under row, column and cell limits ([`read_sheet`]), never as a
//! dense range (one cell at A1 and one at XFD1048576 would be 17 billion). A sheet becomes the
//! same [`Table`] as a CSV file, so every format check is shared. Row numbers are the
//! spreadsheet's own (header = 1). ODS is read nowhere.

use std::io::{BufReader, Cursor, Read, Seek};

use calamine::{Data, DataRef, Reader, Xlsx, XlsxError};
use jst_text::t;
use quick_xml::events::Event;

use crate::error::MAX_PROBLEMS;
use crate::table::{read_table, Table, MAX_FIELDS};
use crate::text::decode;
use crate::{ImportError, Problem};

/// The most one part of an XLSX archive may expand to (a large SIO list is a few megabytes).
const MAX_PART_BYTES: u64 = 64 << 20;
/// The most all parts together may expand to.
const MAX_ARCHIVE_BYTES: u64 = 128 << 20;
/// The most parts an archive may have (a workbook has tens).
const MAX_PARTS: usize = 10_000;
/// The most cells a sheet may have: cells the sheet stores (empty ones too), and cells of its
/// rows with data counted from column A.
pub(crate) const MAX_CELLS: usize = 1_000_000;

/// True for a ZIP container (XLSX) rather than text.
pub fn is_xlsx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

fn mib(bytes: u64) -> u64 {
    bytes.div_ceil(1 << 20)
}

/// Opens an XLSX workbook once [`check_archive`] has passed it.
pub(crate) fn open_xlsx(bytes: &[u8], file: &str) -> Result<Xlsx<Cursor<Vec<u8>>>, ImportError> {
    check_archive(bytes, file)?;
    Xlsx::new(Cursor::new(bytes.to_vec())).map_err(|e| {
        ImportError::single(
            file,
            Problem::file(t!("import-xlsx-unopenable", error = e.to_string())),
        )
    })
}

/// Refuses an archive that would expand beyond the limits, before anything is extracted: the
/// central directory's declared sizes (the ZIP reader stops any part at its declared size, so
/// an honest bomb is refused here and a lying one is cut short), the number of parts, and the
/// count of shared strings calamine would reserve room for at once.
fn check_archive(bytes: &[u8], file: &str) -> Result<(), ImportError> {
    let refuse = |message: String| ImportError::single(file, Problem::file(message));
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| refuse(t!("import-xlsx-unopenable", error = e.to_string())))?;
    if archive.len() > MAX_PARTS {
        return Err(refuse(t!(
            "import-xlsx-too-many-parts",
            parts = archive.len(),
            max = MAX_PARTS
        )));
    }
    let mut total: u64 = 0;
    let mut shared_strings = Vec::new();
    for index in 0..archive.len() {
        let part = archive
            .by_index_raw(index)
            .map_err(|e| refuse(t!("import-xlsx-unopenable", error = e.to_string())))?;
        let name = String::from_utf8_lossy(part.name_raw()).into_owned();
        let size = part.size();
        if size > MAX_PART_BYTES {
            return Err(refuse(t!(
                "import-xlsx-part-too-large",
                part = &name,
                size = mib(size),
                max = mib(MAX_PART_BYTES)
            )));
        }
        total = total.saturating_add(size);
        if name.replace('\\', "/").to_ascii_lowercase().ends_with("sharedstrings.xml") {
            shared_strings.push(index);
        }
    }
    if total > MAX_ARCHIVE_BYTES {
        return Err(refuse(t!(
            "import-xlsx-too-large",
            size = mib(total),
            max = mib(MAX_ARCHIVE_BYTES)
        )));
    }
    for index in shared_strings {
        let Ok(part) = archive.by_index(index) else { continue };
        if let Some(count) = shared_strings_over_limit(part) {
            return Err(refuse(t!(
                "import-xlsx-too-many-strings",
                count = count.to_string(),
                max = MAX_CELLS
            )));
        }
    }
    Ok(())
}

/// The shared strings of a part when more than [`MAX_CELLS`]: the `uniqueCount` of the first
/// `sst` element (calamine reserves that many strings at once) or the `si` elements counted
/// (calamine keeps each, and `<si/>` is five bytes). Read as calamine reads it (same reader
/// settings); where the XML fails, calamine fails too, having kept no more than was counted.
fn shared_strings_over_limit(part: impl Read) -> Option<u128> {
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(part));
    let config = xml.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    config.expand_empty_elements = true;
    let limit = MAX_CELLS as u128;
    let mut in_sst = false;
    let mut strings: u128 = 0;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf).ok()? {
            Event::Start(e) if !in_sst && e.local_name().as_ref() == b"sst" => {
                in_sst = true;
                let announced = e
                    .attributes()
                    .flatten()
                    .find(|a| a.key.as_ref() == b"uniqueCount")
                    .and_then(|a| leading_number(&a.value));
                if let Some(n) = announced.filter(|n| *n > limit) {
                    return Some(n);
                }
            }
            Event::Start(e) if in_sst && e.local_name().as_ref() == b"si" => {
                strings += 1;
                if strings > limit {
                    return Some(strings);
                }
            }
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// The leading digits of an attribute after spaces and a `+`, saturating; read generously, so
/// that any count calamine could take from the value is seen.
fn leading_number(value: &[u8]) -> Option<u128> {
    let value = value.trim_ascii();
    let value = value.strip_prefix(b"+").unwrap_or(value);
    let digits: Vec<u8> = value.iter().copied().take_while(u8::is_ascii_digit).collect();
    (!digits.is_empty()).then(|| {
        digits.iter().fold(0u128, |n, d| n.saturating_mul(10).saturating_add(u128::from(d - b'0')))
    })
}

/// One row of a sheet with data: its 1-based number and its non-empty cells by 0-based
/// column, in column order.
pub(crate) struct SheetRow {
    pub number: usize,
    pub cells: Vec<(usize, Data)>,
}

/// The spreadsheet name of a 0-based column: 0 → `A`, 27 → `AB`.
pub(crate) fn column_letters(mut column: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (column % 26) as u8);
        if column < 26 {
            break;
        }
        column = column / 26 - 1;
    }
    letters.iter().rev().map(|b| char::from(*b)).collect()
}

/// A problem when a text cell holds a control character (see [`crate::forbidden_control`]).
pub(crate) fn control_in_cell(row: usize, column: usize, cell: &Data) -> Option<Problem> {
    let text = match cell {
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s,
        _ => return None,
    };
    let c = crate::forbidden_control(text)?;
    Some(Problem::at(row, Some(&column_letters(column)), crate::error::control_in_field(c)))
}

/// The rows with data of the named sheet, read cell by cell: more than [`MAX_CELLS`] cells, a
/// cell beyond column [`MAX_FIELDS`] or a text cell with a control character refuses the file.
/// A sheet that is not a worksheet (a chart) has no rows.
pub(crate) fn read_sheet<RS: Read + Seek>(
    workbook: &mut Xlsx<RS>,
    sheet: &str,
    file: &str,
) -> Result<Vec<SheetRow>, ImportError> {
    let unreadable = |e: &XlsxError| {
        ImportError::single(
            file,
            Problem::file(t!("import-sheet-unreadable", sheet = sheet, error = e.to_string())),
        )
    };
    let too_many = || {
        ImportError::single(file, Problem::file(t!("import-sheet-too-many-cells", sheet = sheet)))
    };
    let mut reader = match workbook.worksheet_cells_reader(sheet) {
        Ok(reader) => reader,
        Err(XlsxError::NotAWorksheet(_)) => return Ok(Vec::new()),
        Err(e) => return Err(unreadable(&e)),
    };
    let mut cells: Vec<(usize, usize, Data)> = Vec::new();
    let mut stored = 0usize;
    let mut problems = Vec::new();
    while let Some(cell) = reader.next_cell().map_err(|e| unreadable(&e))? {
        stored += 1;
        if stored > MAX_CELLS {
            return Err(too_many());
        }
        if matches!(cell.get_value(), DataRef::Empty) {
            continue;
        }
        let (row, column) = cell.get_position();
        let (row, column) = (row as usize + 1, column as usize);
        if column >= MAX_FIELDS {
            return Err(ImportError::single(
                file,
                Problem::at(
                    row,
                    Some(&column_letters(column)),
                    t!(
                        "import-sheet-too-wide",
                        sheet = sheet,
                        letters = column_letters(column),
                        column = column + 1,
                        max = MAX_FIELDS
                    ),
                ),
            ));
        }
        let value = Data::from(cell.get_value().clone());
        if problems.len() < MAX_PROBLEMS {
            problems.extend(control_in_cell(row, column, &value));
        }
        cells.push((row, column, value));
    }
    drop(reader);
    if !problems.is_empty() {
        return Err(ImportError::new(file, problems));
    }
    // Cells come in file order, which a writer need not keep; a cell given twice keeps the
    // later value, as calamine's ranges do.
    cells.sort_by_key(|(row, column, _)| (*row, *column));
    let mut rows: Vec<SheetRow> = Vec::new();
    let mut area = 0usize;
    for (row, column, value) in cells {
        match rows.last_mut() {
            Some(last) if last.number == row => match last.cells.last_mut() {
                Some((c, v)) if *c == column => *v = value,
                _ => last.cells.push((column, value)),
            },
            _ => rows.push(SheetRow { number: row, cells: vec![(column, value)] }),
        }
    }
    for row in &rows {
        area += row.cells.last().map_or(0, |(c, _)| c + 1);
        if area > MAX_CELLS {
            return Err(too_many());
        }
    }
    Ok(rows)
}

/// An opened workbook.
pub(crate) struct Workbook {
    inner: Xlsx<Cursor<Vec<u8>>>,
    file: String,
}

impl Workbook {
    pub fn open(bytes: &[u8], file: &str) -> Result<Self, ImportError> {
        Ok(Self { inner: open_xlsx(bytes, file)?, file: file.to_owned() })
    }

    pub fn sheet_names(&self) -> Vec<String> {
        self.inner.sheet_names().to_vec()
    }

    /// The named sheet as a table, or `None` when the workbook has no such sheet.
    pub fn table(&mut self, sheet: &str) -> Result<Option<Table>, ImportError> {
        if !self.sheet_names().iter().any(|s| s == sheet) {
            return Ok(None);
        }
        let sheet_rows = read_sheet(&mut self.inner, sheet, &self.file)?;
        // Columns start where the sheet's leftmost cell is, as in a spreadsheet's used range.
        let first_column =
            sheet_rows.iter().filter_map(|r| r.cells.first()).map(|(c, _)| *c).min().unwrap_or(0);
        let mut header = None;
        let mut rows = Vec::new();
        for row in sheet_rows {
            let width = row.cells.last().map_or(0, |(c, _)| c + 1 - first_column);
            let mut fields = vec![String::new(); width];
            for (column, cell) in &row.cells {
                fields[column - first_column] = cell_text(cell);
            }
            if fields.iter().all(String::is_empty) {
                continue;
            }
            if header.is_none() {
                header = Some(fields);
            } else {
                rows.push((row.number, fields));
            }
        }
        let header = header.ok_or_else(|| {
            ImportError::single(&self.file, Problem::file(t!("import-sheet-empty", sheet = sheet)))
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
            .ok_or_else(|| {
                ImportError::single(file, Problem::file(t!("import-workbook-no-sheets")))
            })?;
        let table = workbook.table(&sheet)?.ok_or_else(|| {
            ImportError::single(file, Problem::file(t!("import-sheet-missing", sheet = &sheet)))
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
    use super::{column_letters, excel_date};

    #[test]
    fn column_names() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(16_383), "XFD");
    }

    #[test]
    fn excel_serials() {
        assert_eq!(excel_date(45_292.0), "2024-01-01");
        assert_eq!(excel_date(44_927.5), "2023-01-01");
        assert_eq!(excel_date(25_569.0), "1970-01-01");
    }
}
