//! Delimited text as users bring it: `;`, `,` or tab, quotes allowed, CRLF or LF.

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
        let width = self.header.len();
        let extra: Vec<&str> =
            fields.iter().skip(width).map(String::as_str).filter(|f| !f.is_empty()).collect();
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
                fields = fields.len(),
                width = width,
                extra = crate::cells::quoted(&extra.join(&char::from(delimiter).to_string())),
                hint = hint
            ),
        ))
    }

    /// Index of a column by any of its accepted names.
    pub fn column(&self, names: &[&str]) -> Option<usize> {
        self.header.iter().position(|h| names.iter().any(|n| h.eq_ignore_ascii_case(n)))
    }
}

pub(crate) fn detect_delimiter(first_line: &str) -> u8 {
    [b';', b'\t', b',']
        .into_iter()
        .max_by_key(|d| first_line.bytes().filter(|b| b == d).count())
        .unwrap_or(b';')
}

/// Counts lines up to record starts; records come in file order, so counting resumes where the
/// previous record left off instead of rescanning the file.
struct LineCounter<'a> {
    bytes: &'a [u8],
    at: usize,
    line: usize,
}

impl LineCounter<'_> {
    /// 1-based line of the record starting at `byte`; the csv reader may report the position
    /// just before the previous record's line break, so breaks at that spot are skipped first.
    fn line_of(&mut self, byte: u64) -> usize {
        let mut start = (byte as usize).min(self.bytes.len());
        while start < self.bytes.len() && matches!(self.bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        if start >= self.at {
            self.line += self.bytes[self.at..start].iter().filter(|b| **b == b'\n').count();
            self.at = start;
        }
        self.line
    }
}

/// The most fields a line (a record) may have; the formats of DESIGN §6 have at most 17
/// columns, and a line of a million empty fields would cost a gigabyte to hold.
pub(crate) const MAX_FIELDS: usize = 1_000;

/// The line of the first record with more than [`MAX_FIELDS`] fields, found before the csv
/// reader holds it. Mirrors the reader's quoting (a quote opens a quoted field only where a
/// field starts; `""` inside is a quote; line breaks inside quotes belong to the field).
fn too_wide(bytes: &[u8], delimiter: u8) -> Option<usize> {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let mut state = State::FieldStart;
    let mut fields = 1;
    let mut line = 1;
    let mut record_line = 1;
    for &b in bytes {
        if b == b'\n' {
            line += 1;
        }
        state = match (state, b) {
            (State::Quoted, b'"') => State::QuoteInQuoted,
            (State::Quoted, _) => State::Quoted,
            (State::FieldStart, b'"') | (State::QuoteInQuoted, b'"') => State::Quoted,
            (_, b'\n' | b'\r') => {
                fields = 1;
                record_line = line;
                State::FieldStart
            }
            (_, d) if d == delimiter => {
                fields += 1;
                if fields > MAX_FIELDS {
                    return Some(record_line);
                }
                State::FieldStart
            }
            _ => State::Unquoted,
        };
    }
    None
}

pub(crate) fn read_table(text: &str, file: &str) -> Result<Table, ImportError> {
    let first_line = text.lines().next().unwrap_or_default();
    let delimiter = detect_delimiter(first_line);
    if let Some(line) = too_wide(text.as_bytes(), delimiter) {
        return Err(ImportError::single(
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
        ));
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut lines = LineCounter { bytes: text.as_bytes(), at: 0, line: 1 };
    let mut header: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let row = e.position().map(|p| p.line() as usize).unwrap_or(0);
            ImportError::single(
                file,
                Problem::at(row, None, t!("import-unreadable-row", error = e.to_string())),
            )
        })?;
        let line = record.position().map(|p| lines.line_of(p.byte())).unwrap_or(0);
        let fields: Vec<String> = record.iter().map(str::to_owned).collect();
        if fields.iter().all(String::is_empty) {
            continue;
        }
        if problems.len() < MAX_PROBLEMS {
            problems.extend(control_characters(line, header.as_deref(), &fields));
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

/// A problem for each field of a row that holds a control character (tab and line breaks
/// inside a quoted field are text): NUL would cut a stored text short, ESC and its kin would
/// drive a terminal. Columns are named by the header (`header` is `None` for the header).
pub(crate) fn control_characters(
    line: usize,
    header: Option<&[String]>,
    fields: &[String],
) -> Vec<Problem> {
    fields
        .iter()
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
