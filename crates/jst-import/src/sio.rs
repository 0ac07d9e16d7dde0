//! The list of schools the Ministry of Education prepares from SIO for a local government
//! („Wykaz szkół i placówek prowadzonych/dotowanych przez JST”), as it is sent: an Excel 2003
//! „XML Spreadsheet” (SpreadsheetML, root `Workbook` in the
//! `urn:schemas-microsoft-com:office:spreadsheet` namespace), or the same sheet re-saved as XLSX.
//!
//! Layout of the sheet „Szkoły i placówki” (if a workbook has no sheet of that name, its first
//! sheet is read): title rows (the unit, „Wykaz szkół…”, „… stan na 30IX/10X”, „rok szkolny
//! 2021/2022”), a row of group labels, the header row, one row per school (a school may have
//! several rows) and a totals row. The header row is found by its cells („Numer RSPO” and
//! „Liczba uczniów”); columns are mapped by name, and where a name repeats (`Woj`, `Pow`, `Gmi`
//! of the registering body and again of the location) the first occurrence is used.
//!
//! Rows after the header:
//! - a row with no text in any cell is skipped;
//! - a row with no school type, name and organ type is the totals row (the ministry sums every
//!   numeric column there, even `Numer RSPO`); it ends the list and is not returned. After it,
//!   rows that name a school are errors (the list was edited below its sum), other rows (notes)
//!   are ignored;
//! - every other row is a school: it needs a numeric RSPO number, a type, a name and an organ
//!   type (a row without RSPO is an error, not the end of the list, so rows pasted without it are
//!   never dropped silently); „Liczba uczniów” must be a finite number ≥ 0, an empty cell is 0.
//!
//! SpreadsheetML stores cells sparsely: `ss:Index` on a `Cell` gives its 1-based column (later
//! cells continue from it), `ss:MergeAcross` makes a cell cover the next columns too, `ss:Index`
//! on a `Row` skips rows; short rows simply end early. Row numbers in [`SchoolRow::line`] and in
//! messages are lines of the XML file; messages also name the spreadsheet row Excel shows. For
//! XLSX both are the spreadsheet row.

use std::collections::BTreeMap;

use calamine::{Data, Reader};
use jst_text::t;
use quick_xml::events::BytesStart;

use crate::error::MAX_PROBLEMS;
use crate::number::{decimal, NumberError, MAX_ABS};
use crate::workbook::{is_xlsx, open_xlsx, read_sheet};
use crate::xml_walk::{self, Format, Handler, Open};
use crate::{ImportError, Problem};

const ROOT: &str = "Workbook";
const SPREADSHEET_NS: &str = "urn:schemas-microsoft-com:office:spreadsheet";
const SHEET: &str = "Szkoły i placówki";
/// Excel's limits; an index beyond them is a damaged file, not a wide sheet.
const MAX_COLUMN: usize = 16_384;
const MAX_ROW: usize = 1_048_576;
const FORMAT: Format = Format {
    root: ROOT,
    namespace: Some(SPREADSHEET_NS),
    // `ss:Row` and `Row` are the same element; the namespace is checked on the root.
    local_names: true,
    not_this: || t!("import-sio-not-this"),
    plural: || t!("import-sio-plural"),
    written_in: || t!("import-sio-written-in"),
    again: || t!("import-sio-again"),
};

const COL_RSPO: &str = "Numer RSPO";
const COL_TYPE: &str = "Typ szkoły/placówki";
const COL_NAME: &str = "Nazwa szkoły/placówki";
const COL_ORGAN: &str = "Typ organu prowadzącego";
const COL_PUPILS: &str = "Liczba uczniów";
const REQUIRED: [&str; 5] = [COL_RSPO, COL_TYPE, COL_NAME, COL_ORGAN, COL_PUPILS];

/// One SIO list of schools and other educational institutions of a local government.
#[derive(Debug, Clone, PartialEq)]
pub struct SchoolList {
    /// The first year of „rok szkolny 2021/2022”, i.e. 2021.
    pub school_year: i32,
    /// The state date as the title row writes it after „stan na”, e.g. `30IX/10X`.
    pub state_date: String,
    /// The title row naming the local government (e.g. `MIASTO KUTNO`), if there is one.
    pub unit_name: Option<String>,
    /// `Woj`, `Pow`, `Gmi` of the registering body, from the first school row, when present.
    pub registering: Option<(String, String, String)>,
    /// The schools, in file order, without the totals row.
    pub rows: Vec<SchoolRow>,
}

/// One row of the list (one school may have several).
#[derive(Debug, Clone, PartialEq)]
pub struct SchoolRow {
    /// Line of the XML file where the row starts (for XLSX: the spreadsheet row).
    pub line: usize,
    pub rspo: String,
    /// „Typ szkoły/placówki”, e.g. `Szkoła podstawowa`.
    pub school_type: String,
    pub name: String,
    /// „Typ organu prowadzącego”, e.g. `Gmina`, `Organizacje Wyznaniowe`.
    pub organ_type: String,
    /// „Liczba uczniów” as written (often fractional); an empty cell is 0.
    pub pupils: f64,
}

/// Whether the bytes look like an SIO list in SpreadsheetML: the root element is `Workbook` in
/// the SpreadsheetML namespace and the file mentions „Liczba uczniów” or „Wykaz szkół”.
pub fn looks_like_school_list(bytes: &[u8]) -> bool {
    let Some(rest) = xml_walk::after_prolog(bytes) else { return false };
    let Some(tag) = rest.strip_prefix(b"<") else { return false };
    let Some(tag_end) = tag.iter().position(|b| *b == b'>') else { return false };
    let start_tag = &tag[..tag_end];
    let name_end = start_tag
        .iter()
        .position(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'/'))
        .unwrap_or(start_tag.len());
    let name = &start_tag[..name_end];
    let local = name.rsplit(|b| *b == b':').next().unwrap_or(name);
    local == ROOT.as_bytes()
        && find(start_tag, SPREADSHEET_NS.as_bytes()).is_some()
        && (find(bytes, COL_PUPILS.as_bytes()).is_some()
            || find(bytes, "Wykaz szkół".as_bytes()).is_some())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Reads the list from SpreadsheetML (an XLSX workbook is passed on to
/// [`parse_school_list_xlsx`]). The XML is read to its closed root before anything is returned,
/// so a file cut short is refused; every row problem is collected (at most 20).
pub fn parse_school_list(bytes: &[u8], file: &str) -> Result<SchoolList, ImportError> {
    if is_xlsx(bytes) {
        return parse_school_list_xlsx(bytes, file);
    }
    let text = xml_walk::decode(bytes, file, &FORMAT)?;
    let mut reader = XmlSheets::new();
    xml_walk::walk(text, file, &FORMAT, &mut reader)?;
    let sheets = reader.finish(file)?;
    let sheet = sheets
        .iter()
        .find(|s| s.name.trim() == SHEET)
        .or_else(|| sheets.first())
        .ok_or_else(|| ImportError::single(file, Problem::file(t!("import-sio-no-sheet"))))?;
    read_list(sheet, file, true)
}

/// Reads the list from the same sheet re-saved as XLSX (sheet „Szkoły i placówki”, else the
/// first sheet); the result is the one [`parse_school_list`] gives, with spreadsheet rows as
/// lines.
pub fn parse_school_list_xlsx(bytes: &[u8], file: &str) -> Result<SchoolList, ImportError> {
    let mut workbook = open_xlsx(bytes, file)?;
    let names = workbook.sheet_names().to_vec();
    let name =
        names.iter().find(|n| n.trim() == SHEET).or_else(|| names.first()).cloned().ok_or_else(
            || ImportError::single(file, Problem::file(t!("import-workbook-no-sheets"))),
        )?;
    let mut sheet = RawSheet { name: name.clone(), rows: Vec::new() };
    for sheet_row in read_sheet(&mut workbook, &name, file)? {
        let number = sheet_row.number;
        let mut row = RawRow { line: number, sheet_row: number, cells: BTreeMap::new() };
        for (column, cell) in sheet_row.cells {
            let (text, kind) = match cell {
                Data::Empty => continue,
                Data::String(s) => (s, Kind::Text),
                Data::Float(f) => (format!("{f}"), Kind::Number),
                Data::Int(n) => (n.to_string(), Kind::Number),
                Data::Bool(b) => (if b { "tak" } else { "nie" }.to_owned(), Kind::Text),
                Data::DateTime(d) => (format!("{}", d.as_f64()), Kind::Text),
                Data::DateTimeIso(s) | Data::DurationIso(s) => (s, Kind::Text),
                Data::Error(e) => (format!("#{e:?}"), Kind::Text),
            };
            row.cells.insert(column + 1, RawCell { text, kind });
        }
        sheet.rows.push(row);
    }
    read_list(&sheet, file, false)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Number,
    Text,
}

#[derive(Debug, Clone)]
struct RawCell {
    text: String,
    kind: Kind,
}

#[derive(Debug, Clone)]
struct RawRow {
    /// Line of the file (XML) or spreadsheet row (XLSX).
    line: usize,
    /// The row number Excel shows.
    sheet_row: usize,
    /// By 1-based column.
    cells: BTreeMap<usize, RawCell>,
}

impl RawRow {
    fn text(&self, col: Option<usize>) -> &str {
        col.and_then(|c| self.cells.get(&c)).map_or("", |c| c.text.trim())
    }

    fn is_empty(&self) -> bool {
        self.cells.values().all(|c| c.text.trim().is_empty())
    }

    fn texts(&self) -> impl Iterator<Item = &str> {
        self.cells.values().map(|c| c.text.trim()).filter(|t| !t.is_empty())
    }
}

#[derive(Debug)]
struct RawSheet {
    name: String,
    rows: Vec<RawRow>,
}

/// Header text compared without case and with runs of whitespace as one space.
fn header_key(raw: &str) -> String {
    raw.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Turns the rows of the chosen sheet into the list; `xml` adds the spreadsheet row to messages.
fn read_list(sheet: &RawSheet, file: &str, xml: bool) -> Result<SchoolList, ImportError> {
    let where_ = |row: &RawRow| {
        if xml {
            t!("import-sio-sheet-row", row = row.sheet_row)
        } else {
            String::new()
        }
    };
    let is_header = |row: &RawRow| {
        let keys: Vec<String> = row.texts().map(header_key).collect();
        [COL_RSPO, COL_PUPILS].iter().all(|c| keys.contains(&header_key(c)))
    };
    let Some(header_at) = sheet.rows.iter().position(is_header) else {
        let looked_for = REQUIRED.map(|c| t!("import-quoted", text = c)).join(", ");
        return Err(ImportError::single(
            file,
            Problem::file(t!(
                "import-sio-no-header",
                sheet = &sheet.name,
                rspo = COL_RSPO,
                pupils = COL_PUPILS,
                columns = looked_for
            )),
        ));
    };
    let header = &sheet.rows[header_at];
    // The first column of each name: the registering body's Woj/Pow/Gmi come before the location's.
    let column = |name: &str| {
        let key = header_key(name);
        header.cells.iter().find(|(_, c)| header_key(&c.text) == key).map(|(col, _)| *col)
    };
    let missing: Vec<String> = REQUIRED
        .iter()
        .filter(|c| column(c).is_none())
        .map(|c| t!("import-quoted", text = *c))
        .collect();
    if !missing.is_empty() {
        return Err(ImportError::single(
            file,
            Problem::at(
                header.line,
                None,
                t!("import-sio-missing-columns", at = where_(header), columns = missing.join(", ")),
            ),
        ));
    }
    let [rspo_col, type_col, name_col, organ_col, pupils_col] = REQUIRED.map(column);
    let registering_cols = [column("Woj"), column("Pow"), column("Gmi")];

    let mut problems = Vec::new();

    // Title rows: the rows above the header with a single text.
    let mut school_year = None;
    let mut state_date = None;
    let mut unit_name = None;
    for row in &sheet.rows[..header_at] {
        let texts: Vec<&str> = row.texts().collect();
        let [title] = texts.as_slice() else { continue };
        let lower = title.to_lowercase();
        if let Some(at) = lower.find("rok szkolny") {
            let rest = title[at + "rok szkolny".len()..].trim();
            match school_year_of(rest) {
                Some(year) if school_year.is_none() => school_year = Some(year),
                Some(_) => {}
                None => push(
                    &mut problems,
                    Problem::at(
                        row.line,
                        None,
                        t!("import-sio-school-year", title = *title, at = where_(row)),
                    ),
                ),
            }
        } else if let Some(at) = lower.find("stan na") {
            let rest = title[at + "stan na".len()..].trim();
            let rest = rest.strip_prefix("dzień").map_or(rest, str::trim);
            if rest.is_empty() {
                push(
                    &mut problems,
                    Problem::at(row.line, None, t!("import-sio-no-date", at = where_(row))),
                );
            } else if state_date.is_none() {
                state_date = Some(rest.to_owned());
            }
        } else if !lower.contains("wykaz") && !lower.contains("opracowano") && unit_name.is_none() {
            unit_name = Some((*title).to_owned());
        }
    }
    if school_year.is_none() && problems.is_empty() {
        push(&mut problems, Problem::file(t!("import-sio-no-school-year", sheet = &sheet.name)));
    }
    if state_date.is_none() {
        push(&mut problems, Problem::file(t!("import-sio-no-state-date", sheet = &sheet.name)));
    }

    let mut rows = Vec::new();
    let mut registering = None;
    let mut totals: Option<&RawRow> = None;
    for row in &sheet.rows[header_at + 1..] {
        if row.is_empty() {
            continue;
        }
        let rspo = row.text(rspo_col);
        let school_type = row.text(type_col);
        let name = row.text(name_col);
        let organ_type = row.text(organ_col);
        let describes_school = [school_type, name, organ_type].iter().any(|t| !t.is_empty());
        if let Some(total) = totals {
            if describes_school || !rspo.is_empty() {
                push(
                    &mut problems,
                    Problem::at(
                        row.line,
                        None,
                        t!("import-sio-below-totals", at = where_(row), totals = total.line),
                    ),
                );
            }
            continue;
        }
        if !describes_school {
            totals = Some(row);
            continue;
        }
        let mut ok = true;
        for (value, col) in
            [(rspo, COL_RSPO), (school_type, COL_TYPE), (name, COL_NAME), (organ_type, COL_ORGAN)]
        {
            if value.is_empty() {
                ok = false;
                push(
                    &mut problems,
                    Problem::at(row.line, Some(col), t!("import-sio-empty-cell", at = where_(row))),
                );
            }
        }
        if !rspo.is_empty() && !rspo.bytes().all(|b| b.is_ascii_digit()) {
            ok = false;
            push(
                &mut problems,
                Problem::at(
                    row.line,
                    Some(COL_RSPO),
                    t!("import-sio-rspo", rspo = rspo, at = where_(row)),
                ),
            );
        }
        let pupils = match parse_pupils(pupils_col.and_then(|c| row.cells.get(&c))) {
            Ok(value) => value,
            Err(message) => {
                ok = false;
                push(
                    &mut problems,
                    Problem::at(row.line, Some(COL_PUPILS), format!("{message}{}", where_(row))),
                );
                0.0
            }
        };
        if !ok {
            continue;
        }
        if rows.is_empty() {
            let [woj, pow, gmi] = registering_cols.map(|c| row.text(c));
            if !woj.is_empty() && !pow.is_empty() && !gmi.is_empty() {
                registering = Some((woj.to_owned(), pow.to_owned(), gmi.to_owned()));
            }
        }
        rows.push(SchoolRow {
            line: row.line,
            rspo: rspo.to_owned(),
            school_type: school_type.to_owned(),
            name: name.to_owned(),
            organ_type: organ_type.to_owned(),
            pupils,
        });
    }
    if rows.is_empty() && problems.is_empty() {
        push(&mut problems, Problem::file(t!("import-sio-no-schools", sheet = &sheet.name)));
    }
    if !problems.is_empty() {
        return Err(ImportError::new(file, problems));
    }
    let (Some(school_year), Some(state_date)) = (school_year, state_date) else {
        return Err(ImportError::single(file, Problem::file(t!("import-sio-no-year-or-date"))));
    };
    Ok(SchoolList { school_year, state_date, unit_name, registering, rows })
}

fn push(problems: &mut Vec<Problem>, problem: Problem) {
    if problems.len() < MAX_PROBLEMS {
        problems.push(problem);
    }
}

/// `2021/2022` (possibly followed by more text) → 2021; the years must follow each other.
fn school_year_of(rest: &str) -> Option<i32> {
    let (first, second) = rest.split_once('/')?;
    let first = first.trim();
    let second: String = second.trim_start().chars().take_while(char::is_ascii_digit).collect();
    if first.len() != 4 || second.len() != 4 || !first.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (first, second) = (first.parse::<i32>().ok()?, second.parse::<i32>().ok()?);
    ((1990..=2100).contains(&first) && second == first + 1).then_some(first)
}

/// „Liczba uczniów”: a SpreadsheetML number (`420.40629999999999`, `4.5E-2`) or, in a cell typed
/// as text, a number as Polish users write it (`12,5`); empty is 0. Finite, 0 to 10^15.
fn parse_pupils(cell: Option<&RawCell>) -> Result<f64, String> {
    let Some(cell) = cell else { return Ok(0.0) };
    let raw = cell.text.trim();
    if raw.is_empty() {
        return Ok(0.0);
    }
    let not_a_number = || t!("import-sio-pupils-not-a-number", pupils = raw);
    let value = match cell.kind {
        Kind::Number if raw.contains(',') => {
            return Err(t!("import-sio-pupils-comma", pupils = raw))
        }
        Kind::Number => Some(raw)
            .filter(|r| r.bytes().all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b)))
            .filter(|r| r.bytes().any(|b| b.is_ascii_digit()))
            .and_then(|r| r.parse::<f64>().ok())
            .filter(|v| v.is_finite())
            .ok_or_else(not_a_number)?,
        Kind::Text => match decimal(raw) {
            Ok(v) => v,
            Err(NumberError::TooLarge) => f64::INFINITY,
            Err(NumberError::NotANumber) => return Err(not_a_number()),
        },
    };
    if value.abs() > MAX_ABS {
        return Err(t!("import-sio-pupils-too-large", pupils = raw));
    }
    if value < 0.0 {
        return Err(t!("import-sio-pupils-negative", pupils = raw));
    }
    // -0 is 0.
    Ok(value + 0.0)
}

/// Where an element sits: decided from the path of local names, so that look-alikes elsewhere
/// (a `Data` inside a `Comment`, `Row` outside a `Table`) are never read as cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Worksheet,
    Row,
    Cell,
    Data,
    Other,
}

fn role(path: &[&str]) -> Role {
    match path {
        [_, "Worksheet"] => Role::Worksheet,
        [_, "Worksheet", "Table", "Row"] => Role::Row,
        [_, "Worksheet", "Table", "Row", "Cell"] => Role::Cell,
        [_, "Worksheet", "Table", "Row", "Cell", "Data"] => Role::Data,
        _ => Role::Other,
    }
}

#[derive(Debug)]
struct CellDraft {
    col: usize,
    merge: usize,
    kind: Kind,
    text: Option<String>,
}

/// Reads every worksheet of a SpreadsheetML workbook into rows of sparse cells; the XML itself
/// is walked (and its faults reported) by [`xml_walk`].
struct XmlSheets {
    problems: Vec<Problem>,
    sheets: Vec<RawSheet>,
    next_row: usize,
    row: Option<RawRow>,
    next_col: usize,
    cell: Option<CellDraft>,
    /// Text of the `Data` element being read (rich text included).
    data: Option<String>,
}

fn role_of(path: &[Open]) -> Role {
    let path: Vec<&str> = path.iter().map(|(name, _)| name.as_str()).collect();
    role(&path)
}

impl XmlSheets {
    fn new() -> Self {
        Self {
            problems: Vec::new(),
            sheets: Vec::new(),
            next_row: 1,
            row: None,
            next_col: 1,
            cell: None,
            data: None,
        }
    }

    fn push(&mut self, problem: Problem) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(problem);
        }
    }

    fn attribute(&mut self, e: &BytesStart<'_>, name: &str, line: usize) -> Option<String> {
        let attr =
            e.attributes().flatten().find(|a| a.key.local_name().as_ref() == name.as_bytes())?;
        match attr.unescape_value() {
            Ok(value) => Some(value.into_owned()),
            Err(err) => {
                self.push(Problem::at(
                    line,
                    None,
                    t!("import-sio-bad-attribute", name = name, error = err.to_string()),
                ));
                None
            }
        }
    }

    /// A 1-based index attribute (`ss:Index`, `ss:MergeAcross`), checked against its bounds.
    fn index(
        &mut self,
        e: &BytesStart<'_>,
        name: &str,
        line: usize,
        bounds: std::ops::RangeInclusive<usize>,
        what: fn() -> String,
    ) -> Option<usize> {
        let raw = self.attribute(e, name, line)?;
        let value = raw.trim().parse::<usize>().ok().filter(|v| bounds.contains(v));
        if value.is_none() {
            self.push(Problem::at(
                line,
                None,
                t!(
                    "import-sio-index-range",
                    what = what(),
                    name = name,
                    value = &raw,
                    from = *bounds.start(),
                    to = *bounds.end()
                ),
            ));
        }
        value
    }

    fn finish(self, file: &str) -> Result<Vec<RawSheet>, ImportError> {
        if !self.problems.is_empty() {
            return Err(ImportError::new(file, self.problems));
        }
        Ok(self.sheets)
    }
}

impl Handler for XmlSheets {
    fn problems(&mut self) -> &mut Vec<Problem> {
        &mut self.problems
    }

    fn open(&mut self, path: &[Open], e: &BytesStart<'_>, line: usize) {
        match role_of(path) {
            Role::Worksheet => {
                let name = self.attribute(e, "Name", line).unwrap_or_default();
                self.sheets.push(RawSheet { name, rows: Vec::new() });
                self.next_row = 1;
            }
            Role::Row => {
                let row = || t!("import-sio-what-row");
                let sheet_row = match self.index(e, "Index", line, 1..=MAX_ROW, row) {
                    Some(i) if i < self.next_row => {
                        self.push(Problem::at(
                            line,
                            None,
                            t!("import-sio-row-back", index = i, next = self.next_row),
                        ));
                        self.next_row
                    }
                    Some(i) => i,
                    None => self.next_row,
                };
                self.row = Some(RawRow { line, sheet_row, cells: BTreeMap::new() });
                self.next_col = 1;
            }
            Role::Cell => {
                let cell = || t!("import-sio-what-cell");
                let col = match self.index(e, "Index", line, 1..=MAX_COLUMN, cell) {
                    Some(i) if i < self.next_col => {
                        self.push(Problem::at(
                            line,
                            None,
                            t!("import-sio-cell-back", index = i, next = self.next_col),
                        ));
                        self.next_col
                    }
                    Some(i) => i,
                    None => self.next_col,
                };
                if col > MAX_COLUMN {
                    self.push(Problem::at(
                        line,
                        None,
                        t!("import-sio-cell-beyond", max = MAX_COLUMN),
                    ));
                }
                let merge = self.index(e, "MergeAcross", line, 0..=MAX_COLUMN, cell).unwrap_or(0);
                self.cell = Some(CellDraft { col, merge, kind: Kind::Text, text: None });
            }
            Role::Data => {
                let kind = match self.attribute(e, "Type", line).as_deref() {
                    Some("Number") => Kind::Number,
                    _ => Kind::Text,
                };
                if let Some(cell) = &mut self.cell {
                    cell.kind = kind;
                }
                self.data = Some(String::new());
            }
            Role::Other => {}
        }
    }

    fn close(&mut self, path: &[Open]) {
        match role_of(path) {
            Role::Data => {
                if let (Some(text), Some(cell)) = (self.data.take(), self.cell.as_mut()) {
                    cell.text.get_or_insert_with(String::new).push_str(&text);
                }
            }
            Role::Cell => {
                if let Some(cell) = self.cell.take() {
                    if let (Some(text), Some(row)) = (cell.text, self.row.as_mut()) {
                        row.cells.insert(cell.col, RawCell { text, kind: cell.kind });
                    }
                    self.next_col = cell.col.saturating_add(cell.merge).saturating_add(1);
                }
            }
            Role::Row => {
                if let Some(row) = self.row.take() {
                    self.next_row = row.sheet_row.saturating_add(1);
                    if let Some(sheet) = self.sheets.last_mut() {
                        sheet.rows.push(row);
                    }
                }
            }
            Role::Worksheet | Role::Other => {}
        }
    }

    fn text(&mut self, _path: &[Open], text: &str) {
        if let Some(data) = &mut self.data {
            // Rich text (`<B>`, `<Font>` inside `Data`) is read as its plain text.
            data.push_str(text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn school_years() {
        assert_eq!(school_year_of("2021/2022"), Some(2021));
        assert_eq!(school_year_of("2021 / 2022 r."), Some(2021));
        assert_eq!(school_year_of("2021/2023"), None);
        assert_eq!(school_year_of("21/22"), None);
        assert_eq!(school_year_of("2021"), None);
    }

    #[test]
    fn pupils_numbers() {
        let num = |t: &str| RawCell { text: t.to_owned(), kind: Kind::Number };
        let txt = |t: &str| RawCell { text: t.to_owned(), kind: Kind::Text };
        assert_eq!(parse_pupils(None), Ok(0.0));
        assert_eq!(parse_pupils(Some(&num(""))), Ok(0.0));
        assert_eq!(parse_pupils(Some(&num("420.40629999999999"))), Ok(420.4063));
        assert_eq!(parse_pupils(Some(&num("4.5E-2"))), Ok(0.045));
        assert_eq!(parse_pupils(Some(&txt("12,5"))), Ok(12.5));
        for bad in ["NaN", "inf", "-inf", "infinity", "1e400", "abc", "1,5", "."] {
            assert!(parse_pupils(Some(&num(bad))).is_err(), "{bad}");
        }
        assert!(parse_pupils(Some(&txt("-1"))).expect_err("negative").contains("ujemna"));
        assert_eq!(parse_pupils(Some(&num("-0"))), Ok(0.0));
        for big in [num("1e20"), txt("10 000 000 000 000 000")] {
            assert!(parse_pupils(Some(&big)).expect_err("beyond 10^15").contains("10^15"));
        }
        assert!(parse_pupils(Some(&num("1234,56"))).expect_err("comma").contains("kropką"));
    }
}
