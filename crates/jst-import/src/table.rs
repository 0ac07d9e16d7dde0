//! Delimited text as users bring it: `;`, `,` or tab, quotes allowed, CRLF or LF.

use std::collections::VecDeque;
use std::io::Read;

use jst_text::t;

use crate::error::{RowProgress, MAX_PROBLEMS, PROGRESS_EVERY};
use crate::{ImportError, Problem};

/// A header and its data rows, each row with its 1-based line number in the file.
pub(crate) struct Table {
    // Fields are filled by the CSV and XLSX readers.
    pub header: Vec<String>,
    pub rows: Vec<(usize, Vec<String>)>,
    /// The field separator of a delimited text file; `None` for a spreadsheet, whose cells
    /// right of the header are notes, not fields split off a value.
    pub delimiter: Option<u8>,
}

impl Table {
    /// Values of column `index` that may be a thousand times off (`1.234`), as warnings named
    /// `column`; a spreadsheet's cells hold numbers, so only delimited text is checked.
    pub fn ambiguous_points(&self, column: &str, index: usize) -> Vec<Problem> {
        if self.delimiter.is_none() {
            return Vec::new();
        }
        crate::number::ambiguous_points(
            column,
            self.rows
                .iter()
                .map(|(line, fields)| (*line, fields.get(index).cloned().unwrap_or_default())),
        )
    }

    /// Converts every data row with `f`, collecting the problems of all rows (up to
    /// [`MAX_PROBLEMS`]); any problem fails the whole table, so nothing partial is returned.
    pub fn map_rows<T>(
        &self,
        file: &str,
        progress: RowProgress<'_>,
        mut f: impl FnMut(usize, &dyn Fn(usize) -> String) -> Result<T, Vec<Problem>>,
    ) -> Result<Vec<T>, ImportError> {
        let mut out = Vec::with_capacity(self.rows.len());
        let mut problems = Vec::new();
        let total = self.rows.len();
        for (index, (line, fields)) in self.rows.iter().enumerate() {
            if index % PROGRESS_EVERY == 0 && !progress(index, total) {
                return Err(ImportError::cancelled(file));
            }
            if let Some(problem) = self.extra_fields(*line, fields) {
                problems.push(problem);
            } else {
                let cell = |k: usize| fields.get(k).cloned().unwrap_or_default();
                match f(*line, &cell) {
                    Ok(row) => out.push(row),
                    Err(found) => problems.extend(found),
                }
            }
            if problems.len() >= MAX_PROBLEMS {
                break;
            }
        }
        progress(total, total);
        if problems.is_empty() {
            Ok(out)
        } else {
            problems.truncate(MAX_PROBLEMS);
            Err(ImportError::new(file, problems))
        }
    }

    /// A delimited row with more non-empty fields than the header has columns: a value split in
    /// two (`1234,56` in a file separated by commas) would otherwise be read as its first part.
    fn extra_fields(&self, line: usize, fields: &[String]) -> Option<Problem> {
        let delimiter = self.delimiter?;
        extra_fields(
            self.header.len(),
            delimiter,
            line,
            fields.len(),
            fields.iter().map(String::as_str),
        )
    }

    /// Index of a column by any of its accepted names.
    pub fn column(&self, names: &[&str]) -> Option<usize> {
        self.header.iter().position(|h| names.iter().any(|n| h.eq_ignore_ascii_case(n)))
    }
}

/// [`Table::extra_fields`] of a row read from a stream.
pub(crate) fn extra_fields<'f>(
    width: usize,
    delimiter: u8,
    line: usize,
    count: usize,
    fields: impl Iterator<Item = &'f str>,
) -> Option<Problem> {
    let extra: Vec<&str> = fields.skip(width).filter(|f| !f.is_empty()).collect();
    if extra.is_empty() {
        return None;
    }
    let hint = if delimiter == b',' {
        t!("import-extra-fields-comma")
    } else {
        t!("import-extra-fields-check")
    };
    Some(Problem::at(
        line,
        None,
        t!(
            "import-extra-fields",
            fields = count,
            width = width,
            extra = crate::cells::quoted(&extra.join(&char::from(delimiter).to_string())),
            hint = hint
        ),
    ))
}

pub(crate) fn detect_delimiter(first_line: &str) -> u8 {
    [b';', b'\t', b',']
        .into_iter()
        .max_by_key(|d| first_line.bytes().filter(|b| b == d).count())
        .unwrap_or(b';')
}

/// The most fields a line (a record) may have; the formats of DESIGN §6 have at most 17
/// columns, and a line of a million empty fields would cost a gigabyte to hold.
pub(crate) const MAX_FIELDS: usize = 1_000;

/// The line of the first record with more than [`MAX_FIELDS`] fields, found before the csv
/// reader holds it.
fn too_wide(bytes: &[u8], delimiter: u8) -> Option<usize> {
    WidthWatch::new(delimiter).feed(bytes)
}

/// Finds the first record with more than [`MAX_FIELDS`] fields in text fed to it piece by
/// piece, before the csv reader holds it. Mirrors the reader's quoting (a quote opens a quoted
/// field only where a field starts; `""` inside is a quote; line breaks inside quotes belong
/// to the field).
pub(crate) struct WidthWatch {
    delimiter: u8,
    state: FieldState,
    fields: usize,
    line: usize,
    record_line: usize,
}

#[derive(Clone, Copy, PartialEq)]
enum FieldState {
    FieldStart,
    Unquoted,
    Quoted,
    QuoteInQuoted,
}

impl WidthWatch {
    pub fn new(delimiter: u8) -> Self {
        Self { delimiter, state: FieldState::FieldStart, fields: 1, line: 1, record_line: 1 }
    }

    /// The line of the too wide record, once the text fed so far shows one.
    pub fn feed(&mut self, bytes: &[u8]) -> Option<usize> {
        use FieldState::*;
        for &b in bytes {
            if b == b'\n' {
                self.line += 1;
            }
            self.state = match (self.state, b) {
                (Quoted, b'"') => QuoteInQuoted,
                (Quoted, _) => Quoted,
                (FieldStart, b'"') | (QuoteInQuoted, b'"') => Quoted,
                (_, b'\n' | b'\r') => {
                    self.fields = 1;
                    self.record_line = self.line;
                    FieldStart
                }
                (_, d) if d == self.delimiter => {
                    self.fields += 1;
                    if self.fields > MAX_FIELDS {
                        return Some(self.record_line);
                    }
                    FieldStart
                }
                _ => Unquoted,
            };
        }
        None
    }
}

pub(crate) fn read_table(text: &str, file: &str) -> Result<Table, ImportError> {
    let first_line = text.lines().next().unwrap_or_default();
    let delimiter = detect_delimiter(first_line);
    if let Some(line) = too_wide(text.as_bytes(), delimiter) {
        return Err(too_wide_error(file, line, delimiter));
    }
    let mut records = RecordStream::new(text.as_bytes(), delimiter);
    let mut header: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    while let Some(line) = records.next_record().map_err(|e| e.into_import_error(file))? {
        let fields: Vec<String> = records.record().iter().map(str::to_owned).collect();
        if fields.iter().all(String::is_empty) {
            continue;
        }
        if problems.len() < MAX_PROBLEMS {
            problems.extend(control_characters(
                line,
                header.as_deref(),
                fields.iter().map(String::as_str),
            ));
        }
        if header.is_none() {
            header = Some(fields);
        } else {
            rows.push((line, fields));
        }
    }
    if !problems.is_empty() {
        problems.truncate(MAX_PROBLEMS);
        return Err(ImportError::new(file, problems));
    }
    let header =
        header.ok_or_else(|| ImportError::single(file, Problem::file(t!("import-empty-file"))))?;
    Ok(Table { header, rows, delimiter: Some(delimiter) })
}

pub(crate) fn too_wide_error(file: &str, line: usize, delimiter: u8) -> ImportError {
    ImportError::single(
        file,
        Problem::at(
            line,
            None,
            t!(
                "import-too-many-fields",
                max = MAX_FIELDS,
                delimiter = char::from(delimiter).escape_default().to_string()
            ),
        ),
    )
}

/// The records of delimited text read from a stream one at a time, each with its 1-based line
/// in the file, holding no more than a record and the reader's buffer: the one reader of
/// [`read_table`] and of files too large to hold.
pub(crate) struct RecordStream<R: Read> {
    reader: csv::Reader<Watched<R>>,
    record: csv::StringRecord,
}

/// Why [`RecordStream::next_record`] stopped.
pub(crate) enum RecordError {
    /// A record wider than [`MAX_FIELDS`] starts on this line (it was never read whole).
    TooWide {
        line: usize,
        delimiter: u8,
    },
    Csv(csv::Error),
}

impl RecordError {
    pub fn into_import_error(self, file: &str) -> ImportError {
        match self {
            Self::TooWide { line, delimiter } => too_wide_error(file, line, delimiter),
            Self::Csv(e) => {
                let row = e.position().map(|p| p.line() as usize).unwrap_or(0);
                ImportError::single(
                    file,
                    Problem::at(row, None, t!("import-unreadable-row", error = e.to_string())),
                )
            }
        }
    }
}

impl<R: Read> RecordStream<R> {
    pub fn new(source: R, delimiter: u8) -> Self {
        let watched = Watched {
            source,
            watch: WidthWatch::new(delimiter),
            too_wide: None,
            unread: VecDeque::new(),
            unread_at: 0,
            line: 1,
        };
        let reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .trim(csv::Trim::All)
            .buffer_capacity(1 << 16)
            .from_reader(watched);
        Self { reader, record: csv::StringRecord::new() }
    }

    /// Reads the next record ([`RecordStream::record`]) and returns its line; `None` at the
    /// end of the text.
    pub fn next_record(&mut self) -> Result<Option<usize>, RecordError> {
        match self.reader.read_record(&mut self.record) {
            Ok(true) => {}
            Ok(false) => return Ok(None),
            Err(e) => {
                let watched = self.reader.get_ref();
                return Err(match watched.too_wide {
                    Some(line) => RecordError::TooWide { line, delimiter: watched.watch.delimiter },
                    None => RecordError::Csv(e),
                });
            }
        }
        let byte = self.record.position().map(|p| p.byte());
        Ok(Some(byte.map(|b| self.reader.get_mut().line_of(b)).unwrap_or(0)))
    }

    pub fn record(&self) -> &csv::StringRecord {
        &self.record
    }
}

/// The text under the csv reader: watched for a too wide record before the reader holds it,
/// and kept from the last record's start on, to count the lines up to the next one.
struct Watched<R> {
    source: R,
    watch: WidthWatch,
    too_wide: Option<usize>,
    /// Bytes read from `unread_at` on, whose line breaks are not yet counted into `line`.
    unread: VecDeque<u8>,
    unread_at: u64,
    line: usize,
}

impl<R> Watched<R> {
    /// 1-based line of the record starting at `byte`; the csv reader may report the position
    /// just before the previous record's line break, so breaks at that spot are skipped first.
    /// Records come in file order, so counting resumes where the previous record left off.
    fn line_of(&mut self, byte: u64) -> usize {
        let end = self.unread_at + self.unread.len() as u64;
        if byte < self.unread_at {
            return self.line;
        }
        let mut start = byte.min(end);
        while start < end && matches!(self.unread[(start - self.unread_at) as usize], b'\r' | b'\n')
        {
            start += 1;
        }
        let counted = (start - self.unread_at) as usize;
        self.line += self.unread.drain(..counted).filter(|b| *b == b'\n').count();
        self.unread_at = start;
        self.line
    }
}

impl<R: Read> Read for Watched<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.too_wide.is_some() {
            return Err(std::io::Error::other("too many fields"));
        }
        let n = self.source.read(buf)?;
        if let Some(line) = self.watch.feed(&buf[..n]) {
            self.too_wide = Some(line);
            return Err(std::io::Error::other("too many fields"));
        }
        self.unread.extend(&buf[..n]);
        Ok(n)
    }
}

/// A problem for each field of a row that holds a control character (tab and line breaks
/// inside a quoted field are text): NUL would cut a stored text short, ESC and its kin would
/// drive a terminal. Columns are named by the header (`header` is `None` for the header).
pub(crate) fn control_characters<'f>(
    line: usize,
    header: Option<&[String]>,
    fields: impl IntoIterator<Item = &'f str>,
) -> Vec<Problem> {
    fields
        .into_iter()
        .enumerate()
        .filter_map(|(k, field)| {
            let c = crate::forbidden_control(field)?;
            let column = match header {
                Some(header) => header.get(k).cloned().unwrap_or_else(|| format!("{}", k + 1)),
                None => t!("import-header-column", column = k + 1),
            };
            Some(Problem::at(line, Some(&column), crate::error::control_in_field(c)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters_and_line_numbers() {
        for text in ["a;b\r\n1;2\r\n\r\n3;4\r\n", "a\tb\n1\t2\n\n3\t4", "a,b\n1,2\n\n\"3\",4\n"] {
            let table = read_table(text, "f").expect("readable");
            assert_eq!(table.header, ["a", "b"]);
            assert_eq!(table.rows[0], (2, vec!["1".to_owned(), "2".to_owned()]));
            assert_eq!(table.rows[1], (4, vec!["3".to_owned(), "4".to_owned()]));
        }
    }

    #[test]
    fn a_value_split_by_the_delimiter_is_refused() {
        let table = read_table("a,b\n1,2,5\n3,4,\n", "f").expect("readable");
        let err = table
            .map_rows("f", &mut |_, _| true, |_, cell| Ok::<_, Vec<Problem>>(cell(1)))
            .expect_err("1,2,5 has a field more than the header");
        assert_eq!(err.problems.len(), 1, "{err}");
        assert_eq!(err.problems[0].row, Some(2));
        assert!(err.problems[0].message.contains("przecinkiem dziesiętnym"), "{err}");
        let table = read_table("a;b\n1;2;;\n", "f").expect("readable");
        assert!(table
            .map_rows("f", &mut |_, _| true, |_, cell| Ok::<_, Vec<Problem>>(cell(1)))
            .is_ok());
    }

    #[test]
    fn a_line_wider_than_the_cap_is_found_outside_quotes_only() {
        let wide = |fields: usize| ";".repeat(fields - 1);
        assert_eq!(too_wide(wide(MAX_FIELDS).as_bytes(), b';'), None);
        assert_eq!(too_wide(format!("a;b\n{}", wide(MAX_FIELDS + 1)).as_bytes(), b';'), Some(2));
        // Delimiters inside quotes (even across lines, even after "") are text.
        let quoted = format!("a;\"x\"\"\n{}\"\n", wide(MAX_FIELDS + 5));
        assert_eq!(too_wide(quoted.as_bytes(), b';'), None);
        // A quote inside an unquoted field is a character, not the start of quoting.
        let literal = format!("a\"{}\"\n", wide(MAX_FIELDS + 5));
        assert_eq!(too_wide(literal.as_bytes(), b';'), Some(1));
        // A line break after a record starts the count again.
        let many = format!("{0}\r\n{0}\n", wide(MAX_FIELDS));
        assert_eq!(too_wide(many.as_bytes(), b';'), None);
    }

    #[test]
    fn empty_file_is_an_error() {
        assert!(read_table("", "f").is_err());
        assert!(read_table("\n\n", "f").is_err());
    }
}
