//! The Ministry of Finance's dictionary of local governments („słownik JST”): every JST and
//! związek JST with the codes of MF budget reports (WK PK GK GT PT) and, in newer editions, its
//! GUS code. Three forms are read:
//! - the older XLS (the 2013 edition: `Nazwa, WK, PK, GK, GT, PT, Typ jednostki, Podtyp
//!   jednostki, Miejscowosc, Kod pocztowy, Adres`), where a code cell is text (`'02'`) in some
//!   rows and a number (`10.0`) in others;
//! - the newer `Slownik_JST_YYYY.xlsx`, whose type column is „Typ Jst Nazwa” and which adds
//!   „Kod GUS” (7 digits);
//! - CSV, in UTF-8 or Windows-1250.
//!
//! The header row is found by its cells (case, diacritics and zero-width spaces ignored) among
//! the first rows of the first sheet that has one; other columns are ignored. Codes are
//! returned zero-padded (`2` and `'02'` are both WK `02`). Row numbers are the spreadsheet's
//! (or the CSV line), header included.

use std::io::Cursor;

use calamine::{Data, Reader, Xls};
use jst_text::t;

use crate::error::MAX_PROBLEMS;
use crate::table::read_table;
use crate::text::decode;
use crate::workbook::{control_in_cell, is_xlsx, open_xlsx, read_sheet};
use crate::{ImportError, Problem};

/// One unit of the dictionary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MfDictionaryEntry {
    /// Spreadsheet row (or CSV line) of the entry; the header's row counts.
    pub line: usize,
    /// Województwo, 2 digits.
    pub wk: String,
    /// Powiat, 2 digits (`00` for a województwo).
    pub pk: String,
    /// Gmina, 2 digits (`00` for a powiat, a city county and a województwo).
    pub gk: String,
    /// One digit (1–3 the kind of gmina, 0 other units) or `Z` for a związek JST.
    pub gt: String,
    /// One digit: 0 gmina or województwo, 1 powiat, 2 city county, 8 (mostly) a związek.
    pub pt: String,
    /// „Typ jednostki” / „Typ Jst Nazwa” as written, e.g. `Gmina`, `Miasto na prawach powiatu`.
    pub kind_name: String,
    pub name: String,
    /// „Kod GUS”, 7 digits, in editions that have the column and fill the cell.
    pub gus_code: Option<String>,
}

/// The OLE2 compound-file signature of an XLS workbook.
const OLE2: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
/// The header row is looked for among this many first rows (titles may precede it).
const HEADER_SEARCH_ROWS: usize = 30;

const NAME: &[&str] = &["Nazwa", "Nazwa JST", "Nazwa jednostki"];
const WK: &[&str] = &["WK"];
const PK: &[&str] = &["PK"];
const GK: &[&str] = &["GK"];
const GT: &[&str] = &["GT"];
const PT: &[&str] = &["PT"];
const KIND: &[&str] = &["Typ jednostki", "Typ Jst Nazwa", "Typ JST"];
const GUS: &[&str] = &["Kod GUS"];
const REQUIRED: [&[&str]; 7] = [NAME, WK, PK, GK, GT, PT, KIND];

/// A cell as the file stores it: spreadsheets keep numbers apart from text.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Empty,
    Text(String),
    Number(f64),
}

impl Cell {
    fn text(&self) -> String {
        match self {
            Self::Empty => String::new(),
            Self::Text(t) => t.trim().to_owned(),
            Self::Number(n) => format!("{n}"),
        }
    }

    fn is_empty(&self) -> bool {
        match self {
            Self::Empty => true,
            Self::Text(t) => t.trim().is_empty(),
            Self::Number(_) => false,
        }
    }
}

/// A sheet: rows with their 1-based spreadsheet row (or CSV line).
struct Sheet {
    name: Option<String>,
    rows: Vec<(usize, Vec<Cell>)>,
}

/// Parses the dictionary from XLS, XLSX or CSV bytes; every row is checked and all problems
/// (up to 20) are reported together.
pub fn parse_mf_dictionary(
    bytes: &[u8],
    file: &str,
) -> Result<Vec<MfDictionaryEntry>, ImportError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::single(file, Problem::file(t!("import-empty-file"))));
    }
    let sheets = if bytes.starts_with(OLE2) || is_xlsx(bytes) {
        workbook_sheets(bytes, file)?
    } else {
        vec![csv_sheet(bytes, file)?]
    };
    let Some((sheet, header_at)) =
        sheets.iter().find_map(|s| header_row(&s.rows).map(|at| (s, at)))
    else {
        let names: Vec<String> = sheets
            .iter()
            .filter_map(|s| s.name.as_ref())
            .map(|n| t!("import-quoted", text = n))
            .collect();
        let looked_in = if names.is_empty() {
            String::new()
        } else {
            t!("import-dictionary-looked-in", sheets = names.join(", "))
        };
        return Err(ImportError::single(
            file,
            Problem::file(t!(
                "import-dictionary-no-header",
                looked_in = looked_in,
                columns = expected_columns()
            )),
        ));
    };
    let (header_line, header) = &sheet.rows[header_at];
    let keys: Vec<String> = header.iter().map(|c| key(&c.text())).collect();
    let column = |names: &[&str]| {
        let wanted: Vec<String> = names.iter().map(|n| key(n)).collect();
        keys.iter().position(|k| wanted.contains(k))
    };
    let missing: Vec<String> = REQUIRED
        .iter()
        .filter(|names| column(names).is_none())
        .map(|names| alternatives(names))
        .collect();
    if !missing.is_empty() {
        return Err(ImportError::single(
            file,
            Problem::at(
                *header_line,
                None,
                t!(
                    "import-dictionary-missing-columns",
                    missing = missing.join(", "),
                    columns = expected_columns()
                ),
            ),
        ));
    }
    let at = |names: &[&str]| column(names).unwrap_or_default();
    let columns = Columns {
        name: at(NAME),
        wk: at(WK),
        pk: at(PK),
        gk: at(GK),
        gt: at(GT),
        pt: at(PT),
        kind: at(KIND),
        gus: column(GUS),
    };

    let names = header_names(header, &columns);
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    for (line, cells) in &sheet.rows[header_at + 1..] {
        if cells.iter().all(Cell::is_empty) {
            continue;
        }
        match entry(*line, cells, &columns, &names) {
            Ok(entry) => entries.push(entry),
            Err(found) => problems.extend(found),
        }
        if problems.len() >= MAX_PROBLEMS {
            problems.truncate(MAX_PROBLEMS);
            break;
        }
    }
    if problems.is_empty() && entries.is_empty() {
        problems.push(Problem::file(t!("import-dictionary-no-units")));
    }
    if problems.is_empty() {
        Ok(entries)
    } else {
        Err(ImportError::new(file, problems))
    }
}

#[derive(Debug, Clone, Copy)]
struct Columns {
    name: usize,
    wk: usize,
    pk: usize,
    gk: usize,
    gt: usize,
    pt: usize,
    kind: usize,
    gus: Option<usize>,
}

/// Column names as the file writes them, for messages.
struct HeaderNames {
    name: String,
    kind: String,
    gus: String,
}

fn header_names(header: &[Cell], columns: &Columns) -> HeaderNames {
    let text = |k: usize| header.get(k).map(Cell::text).unwrap_or_default();
    HeaderNames {
        name: text(columns.name),
        kind: text(columns.kind),
        gus: columns.gus.map(text).unwrap_or_default(),
    }
}

fn entry(
    line: usize,
    cells: &[Cell],
    columns: &Columns,
    names: &HeaderNames,
) -> Result<MfDictionaryEntry, Vec<Problem>> {
    let empty = Cell::Empty;
    let cell = |k: usize| cells.get(k).unwrap_or(&empty);
    let mut problems = Vec::new();
    let mut text = |k: usize, column: &str| {
        let value = cell(k).text();
        if value.is_empty() {
            problems.push(Problem::at(line, Some(column), t!("import-empty-cell")));
        }
        value
    };
    let name = text(columns.name, &names.name);
    let kind_name = text(columns.kind, &names.kind);
    let mut code_at = |k: usize, column: &str, width: usize| {
        code(cell(k), width, column == "GT")
            .map_err(|message| problems.push(Problem::at(line, Some(column), message)))
            .ok()
    };
    let wk = code_at(columns.wk, "WK", 2);
    let pk = code_at(columns.pk, "PK", 2);
    let gk = code_at(columns.gk, "GK", 2);
    let gt = code_at(columns.gt, "GT", 1);
    let pt = code_at(columns.pt, "PT", 1);
    let gus_code = match columns.gus.map(cell) {
        None => None,
        Some(c) if c.is_empty() => None,
        Some(c) => match gus(c) {
            Ok(value) => Some(value),
            Err(message) => {
                problems.push(Problem::at(line, Some(&names.gus), message));
                None
            }
        },
    };
    match (wk, pk, gk, gt, pt) {
        (Some(wk), Some(pk), Some(gk), Some(gt), Some(pt)) if problems.is_empty() => {
            Ok(MfDictionaryEntry { line, wk, pk, gk, gt, pt, kind_name, name, gus_code })
        }
        _ => Err(problems),
    }
}

/// The digits of a whole number written as a number cell (`10.0`) or as text (`'02'`, or
/// `10.0` in a CSV saved from such a sheet).
fn whole_digits(cell: &Cell) -> Option<String> {
    match cell {
        Cell::Empty => None,
        Cell::Number(n) => (n.fract() == 0.0 && (0.0..1e9).contains(n)).then(|| format!("{n:.0}")),
        Cell::Text(t) => {
            let t = t.trim();
            let whole = match t.split_once(['.', ',']) {
                Some((whole, fraction)) if fraction.bytes().all(|b| b == b'0') => whole,
                Some(_) => return None,
                None => t,
            };
            (!whole.is_empty() && whole.bytes().all(|b| b.is_ascii_digit()))
                .then(|| whole.to_owned())
        }
    }
}

/// A code of at most `width` digits, zero-padded; GT may also be `Z` (a związek JST).
fn code(cell: &Cell, width: usize, association_allowed: bool) -> Result<String, String> {
    if cell.is_empty() {
        return Err(t!("import-dictionary-empty-code"));
    }
    if association_allowed {
        if let Cell::Text(t) = cell {
            if t.trim().eq_ignore_ascii_case("z") {
                return Ok("Z".to_owned());
            }
        }
    }
    match whole_digits(cell) {
        Some(d) if d.len() <= width => Ok(format!("{d:0>width$}")),
        _ if association_allowed => {
            Err(t!("import-dictionary-code-or-z", code = cell.text(), width = width))
        }
        _ => Err(t!("import-dictionary-code", code = cell.text(), width = width)),
    }
}

/// „Kod GUS”: 7 digits; 6 when a spreadsheet dropped the leading zero.
fn gus(cell: &Cell) -> Result<String, String> {
    match whole_digits(cell) {
        Some(d) if d.len() == 7 => Ok(d),
        Some(d) if d.len() == 6 => Ok(format!("0{d}")),
        _ => Err(t!("import-dictionary-gus", code = cell.text())),
    }
}

/// A header cell compared without case, diacritics, zero-width spaces and extra whitespace.
fn key(raw: &str) -> String {
    let visible: String = raw
        .chars()
        .filter(|c| !matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}'))
        .collect();
    jst_domain::fold_for_search(visible.trim())
}

/// The first of the first rows whose cells include WK, PK and GK.
fn header_row(rows: &[(usize, Vec<Cell>)]) -> Option<usize> {
    let codes: Vec<String> = [WK, PK, GK].iter().map(|n| key(n[0])).collect();
    rows.iter().take(HEADER_SEARCH_ROWS).position(|(_, cells)| {
        let keys: Vec<String> = cells.iter().map(|c| key(&c.text())).collect();
        codes.iter().all(|c| keys.contains(c))
    })
}

fn expected_columns() -> String {
    REQUIRED.iter().map(|names| alternatives(names)).collect::<Vec<_>>().join(", ")
}

/// The accepted names of one column: „Typ jednostki” lub „Typ JST”.
fn alternatives(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| t!("import-quoted", text = *n)).collect();
    quoted.join(&t!("import-dictionary-or"))
}

/// Every sheet of an XLS or XLSX workbook, in order. XLSX goes through the crate's checked
/// reader; XLS (not compressed, so bounded by the file) through calamine's ranges.
fn workbook_sheets(bytes: &[u8], file: &str) -> Result<Vec<Sheet>, ImportError> {
    if is_xlsx(bytes) {
        let mut workbook = open_xlsx(bytes, file)?;
        let names = workbook.sheet_names().to_vec();
        if names.is_empty() {
            return Err(ImportError::single(file, Problem::file(t!("import-workbook-no-sheets"))));
        }
        let mut sheets = Vec::with_capacity(names.len());
        for name in names {
            let rows = read_sheet(&mut workbook, &name, file)?
                .into_iter()
                .map(|row| {
                    let width = row.cells.last().map_or(0, |(c, _)| c + 1);
                    let mut cells = vec![Cell::Empty; width];
                    for (column, data) in &row.cells {
                        cells[*column] = cell(data);
                    }
                    (row.number, cells)
                })
                .collect();
            sheets.push(Sheet { name: Some(name), rows });
        }
        return Ok(sheets);
    }
    let mut workbook = Xls::new(Cursor::new(bytes.to_vec())).map_err(|e| {
        ImportError::single(file, Problem::file(t!("import-xls-unopenable", error = e.to_string())))
    })?;
    let names = workbook.sheet_names();
    if names.is_empty() {
        return Err(ImportError::single(file, Problem::file(t!("import-workbook-no-sheets"))));
    }
    let mut sheets = Vec::with_capacity(names.len());
    for name in names {
        let range = workbook.worksheet_range(&name).map_err(|e| {
            ImportError::single(
                file,
                Problem::file(t!("import-sheet-unreadable", sheet = &name, error = e.to_string())),
            )
        })?;
        let (first_row, first_col) =
            range.start().map_or((0, 0), |(row, col)| (row as usize, col as usize));
        let mut problems = Vec::new();
        let rows = range
            .rows()
            .enumerate()
            .map(|(offset, cells)| {
                let number = first_row + offset + 1;
                for (i, data) in cells.iter().enumerate() {
                    if problems.len() < MAX_PROBLEMS {
                        problems.extend(control_in_cell(number, first_col + i, data));
                    }
                }
                let mut row = vec![Cell::Empty; first_col];
                row.extend(cells.iter().map(cell));
                (number, row)
            })
            .collect();
        if !problems.is_empty() {
            return Err(ImportError::new(file, problems));
        }
        sheets.push(Sheet { name: Some(name), rows });
    }
    Ok(sheets)
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Float(f) => Cell::Number(*f),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Bool(b) => Cell::Text(if *b { "tak" } else { "nie" }.to_owned()),
        Data::DateTime(d) => Cell::Number(d.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Text(format!("#{e:?}")),
    }
}

/// A CSV file as one sheet; Windows-1250 is accepted only when a header row appears in it.
fn csv_sheet(bytes: &[u8], file: &str) -> Result<Sheet, ImportError> {
    let header_ok = |text: &str| {
        text.lines().take(HEADER_SEARCH_ROWS).any(|line| {
            let keys: Vec<String> =
                line.split([';', ',', '\t']).map(|c| key(c.trim().trim_matches('"'))).collect();
            ["wk", "pk", "gk"].iter().all(|c| keys.iter().any(|k| k == c))
        })
    };
    let text = decode(bytes, file, header_ok)?;
    let table = read_table(&text, file)?;
    // The table's header is its first non-empty line; blank lines above it are skipped too.
    let header_line = text
        .lines()
        .position(|l| l.split([';', ',', '\t']).any(|c| !c.trim().trim_matches('"').is_empty()))
        .map_or(1, |i| i + 1);
    let as_cells = |fields: &[String]| fields.iter().map(|f| Cell::Text(f.clone())).collect();
    let mut rows = vec![(header_line, as_cells(&table.header))];
    rows.extend(table.rows.iter().map(|(line, fields)| (*line, as_cells(fields))));
    Ok(Sheet { name: None, rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_from_text_and_numbers() {
        let text = |t: &str| Cell::Text(t.to_owned());
        assert_eq!(code(&text("02"), 2, false), Ok("02".to_owned()));
        assert_eq!(code(&text("2"), 2, false), Ok("02".to_owned()));
        assert_eq!(code(&Cell::Number(2.0), 2, false), Ok("02".to_owned()));
        assert_eq!(code(&Cell::Number(10.0), 2, false), Ok("10".to_owned()));
        assert_eq!(code(&text("10.0"), 2, false), Ok("10".to_owned()));
        assert_eq!(code(&text("z"), 1, true), Ok("Z".to_owned()));
        assert!(code(&text("Z"), 1, false).is_err());
        assert!(code(&Cell::Number(2.5), 2, false).is_err());
        assert!(code(&Cell::Number(-1.0), 2, false).is_err());
        assert!(code(&text("123"), 2, false).is_err());
        assert!(code(&text("1a"), 2, false).is_err());
        assert!(code(&Cell::Empty, 2, false).is_err());
        assert_eq!(gus(&Cell::Number(201011.0)), Ok("0201011".to_owned()));
        assert_eq!(gus(&text("1261011")), Ok("1261011".to_owned()));
        assert!(gus(&text("12345")).is_err());
    }

    #[test]
    fn header_keys_ignore_case_diacritics_and_zero_width() {
        assert_eq!(key("\u{200b}Typ Jst Nazwa"), key("typ jst nazwa"));
        assert_eq!(key(" Kod  GUS "), key("kod gus"));
        assert_eq!(key("Typ jednostki"), key("TYP JEDNOSTKI"));
        assert_eq!(key("Nazwa"), key("Nazwą"));
    }
}
