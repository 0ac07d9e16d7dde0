//! Per-unit public values, DESIGN §6: `teryt;wskaznik_kod;rok;wartosc`.

use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};

use crate::cells::{header_problem, indicator_code, value, year};
use crate::error::{RowProgress, MAX_PROBLEMS};
use crate::number::AmbiguousPoints;
use crate::table::{control_characters, detect_delimiter, extra_fields, read_table, RecordStream};
use crate::text::{decode, detect_encoding, TextEncoding};
use crate::{ImportError, Problem};
use jst_domain::Teryt;

#[derive(Debug, Clone, PartialEq)]
pub struct PublicValueRow {
    pub line: usize,
    pub teryt: Teryt,
    pub indicator: String,
    pub year: i32,
    pub value: f64,
}

const COLUMNS: [&str; 4] = ["teryt", "wskaznik_kod", "rok", "wartosc"];

/// The values of a file and its warnings (a `1.234` that may be a thousand times off).
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedPublicValues {
    pub rows: Vec<PublicValueRow>,
    pub warnings: Vec<Problem>,
}

/// The values alone: for files a program wrote (release chunks, shipped data), where a point is
/// always decimal.
pub fn parse_public_values(bytes: &[u8], file: &str) -> Result<Vec<PublicValueRow>, ImportError> {
    parse_public_values_checked(bytes, file).map(|parsed| parsed.rows)
}

/// The values of a file a person brought, with the warnings to show them.
pub fn parse_public_values_checked(
    bytes: &[u8],
    file: &str,
) -> Result<ParsedPublicValues, ImportError> {
    parse_public_values_with(bytes, file, &mut |_, _| true)
}

/// [`parse_public_values_checked`] reporting progress by rows (and stopping when told to).
pub fn parse_public_values_with(
    bytes: &[u8],
    file: &str,
    progress: RowProgress<'_>,
) -> Result<ParsedPublicValues, ImportError> {
    let text = decode(bytes, file, header_ok)?;
    let table = read_table(&text, file)?;
    let idx: Vec<Option<usize>> = COLUMNS.iter().map(|c| table.column(&[c])).collect();
    let [Some(t), Some(i), Some(y), Some(v)] = idx[..] else {
        return Err(ImportError::single(file, header_problem(&table.header, &COLUMNS.join(";"))));
    };
    let columns = [t, i, y, v];
    let rows = table.map_rows(file, progress, |line, cell| value_row(line, columns, cell))?;
    let warnings = table.ambiguous_points(COLUMNS[3], v);
    Ok(ParsedPublicValues { rows, warnings })
}

fn header_ok(text: &str) -> bool {
    text.lines().next().is_some_and(|l| l.to_ascii_lowercase().starts_with("teryt"))
}

/// One row's value from its cells (by the columns' positions `[teryt, code, year, value]`).
fn value_row(
    line: usize,
    [t, i, y, v]: [usize; 4],
    cell: &dyn Fn(usize) -> String,
) -> Result<PublicValueRow, Vec<Problem>> {
    let teryt =
        Teryt::parse(&cell(t)).map_err(|e| Problem::at(line, Some(COLUMNS[0]), e.to_string()));
    match (
        teryt,
        indicator_code(line, COLUMNS[1], &cell(i)),
        year(line, COLUMNS[2], &cell(y)),
        value(line, COLUMNS[3], &cell(v)),
    ) {
        (Ok(teryt), Ok(indicator), Ok(year), Ok(value)) => {
            Ok(PublicValueRow { line, teryt, indicator, year, value })
        }
        (a, b, c, d) => Err([a.err(), b.err(), c.err(), d.err()].into_iter().flatten().collect()),
    }
}

/// The values of a file read as a stream, row by row, in memory that does not grow with the
/// file (the association's national file holds millions): the same checks and the same
/// messages as [`parse_public_values_checked`]. Rows come as they are read and checked; once
/// any problem is found no more rows come, the rest of the file is read for the other problems
/// the whole-file parse would report, and the stream ends with the error (an importer that
/// stages what it received keeps nothing). After the last row, [`PublicValueStream::warnings`]
/// holds the warnings.
pub struct PublicValueStream<R: Read> {
    file: String,
    records: RecordStream<std::io::Chain<std::io::Cursor<Vec<u8>>, Decoded<R>>>,
    delimiter: u8,
    header: Option<Vec<String>>,
    /// `[teryt, code, year, value]` positions, once the header has them all.
    columns: Option<[usize; 4]>,
    header_problem: Option<Problem>,
    /// Control characters anywhere in the file: they refuse it before any row's cells do.
    control: Vec<Problem>,
    problems: Vec<Problem>,
    points: AmbiguousPoints,
    warnings: Vec<Problem>,
    done: bool,
}

impl<R: Read + Seek> PublicValueStream<R> {
    /// Reads the file once to learn its encoding (twice when it is not UTF-8), then rewinds it
    /// and stands before the header.
    pub fn open(mut source: R, file: &str) -> Result<Self, ImportError> {
        let encoding = detect_encoding(&mut source, file)?;
        let unreadable = |e: std::io::Error| {
            ImportError::single(
                file,
                Problem::file(jst_text::t!("import-unreadable-row", error = e.to_string())),
            )
        };
        let (skip, decoded) = match &encoding {
            TextEncoding::Utf8 { bom } => (if *bom { 3 } else { 0 }, None),
            TextEncoding::Single { encoding, .. } => (0, Some(*encoding)),
        };
        source.seek(SeekFrom::Start(skip)).map_err(unreadable)?;
        let mut text = match decoded {
            None => Decoded::Utf8(BufReader::with_capacity(1 << 16, source)),
            Some(encoding) => Decoded::Single(SingleByte::new(source, encoding)),
        };
        let mut first = Vec::new();
        text.read_until(b'\n', &mut first).map_err(unreadable)?;
        let first_text = String::from_utf8_lossy(&first).into_owned();
        if let TextEncoding::Single { not_utf8, .. } = &encoding {
            // Windows-1250 and ISO-8859-2 map every byte a file of them may hold (the scan
            // refused the others), so decoding has no errors; the header is the last test.
            if !header_ok(&first_text) {
                return Err(not_utf8.error(file));
            }
        }
        let delimiter = detect_delimiter(first_text.lines().next().unwrap_or_default());
        let records = RecordStream::new(std::io::Cursor::new(first).chain(text), delimiter);
        Ok(Self {
            file: file.to_owned(),
            records,
            delimiter,
            header: None,
            columns: None,
            header_problem: None,
            control: Vec::new(),
            problems: Vec::new(),
            points: AmbiguousPoints::default(),
            warnings: Vec::new(),
            done: false,
        })
    }
}

impl<R: Read> PublicValueStream<R> {
    /// The warnings of the file (a `1.234` that may be a thousand times off), once every row
    /// has been read.
    pub fn warnings(&self) -> &[Problem] {
        &self.warnings
    }

    fn fail(&mut self, error: ImportError) -> Option<Result<PublicValueRow, ImportError>> {
        self.done = true;
        Some(Err(error))
    }

    /// The end of the file: the first kind of problem the whole-file parse reports, if any.
    fn finish(&mut self) -> Option<Result<PublicValueRow, ImportError>> {
        let file = self.file.clone();
        let fail = |mut problems: Vec<Problem>| {
            problems.truncate(MAX_PROBLEMS);
            Some(Err(ImportError::new(&file, problems)))
        };
        self.done = true;
        if !self.control.is_empty() {
            return fail(std::mem::take(&mut self.control));
        }
        if self.header.is_none() {
            return fail(vec![Problem::file(jst_text::t!("import-empty-file"))]);
        }
        if let Some(problem) = self.header_problem.take() {
            return fail(vec![problem]);
        }
        if !self.problems.is_empty() {
            return fail(std::mem::take(&mut self.problems));
        }
        self.warnings = std::mem::take(&mut self.points).warnings(COLUMNS[3]);
        None
    }
}

impl<R: Read> Iterator for PublicValueStream<R> {
    type Item = Result<PublicValueRow, ImportError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        loop {
            let line = match self.records.next_record() {
                Err(e) => {
                    let error = e.into_import_error(&self.file);
                    return self.fail(error);
                }
                Ok(None) => return self.finish(),
                Ok(Some(line)) => line,
            };
            let record = self.records.record();
            if record.iter().all(str::is_empty) {
                continue;
            }
            if self.control.len() < MAX_PROBLEMS {
                self.control.extend(control_characters(line, self.header.as_deref(), record));
            }
            let Some(header) = &self.header else {
                let header: Vec<String> = record.iter().map(str::to_owned).collect();
                let find = |name: &str| header.iter().position(|h| h.eq_ignore_ascii_case(name));
                match COLUMNS.map(find) {
                    [Some(t), Some(i), Some(y), Some(v)] => self.columns = Some([t, i, y, v]),
                    _ => self.header_problem = Some(header_problem(&header, &COLUMNS.join(";"))),
                }
                self.header = Some(header);
                continue;
            };
            // As the whole-file parse, rows are looked at until the problems fill a report.
            let Some(columns) = self.columns else { continue };
            if self.problems.len() >= MAX_PROBLEMS {
                continue;
            }
            if let Some(problem) =
                extra_fields(header.len(), self.delimiter, line, record.len(), record.iter())
            {
                self.problems.push(problem);
                continue;
            }
            let cell = |k: usize| record.get(k).unwrap_or_default().to_owned();
            self.points.see(line, record.get(columns[3]).unwrap_or_default());
            match value_row(line, columns, &cell) {
                Ok(row) if self.control.is_empty() && self.problems.is_empty() => {
                    return Some(Ok(row))
                }
                Ok(_) => {}
                Err(found) => self.problems.extend(found),
            }
        }
    }
}

/// A file's text as UTF-8: as it is, or decoded from a single-byte encoding piece by piece.
pub enum Decoded<R> {
    Utf8(BufReader<R>),
    Single(SingleByte<R>),
}

impl<R: Read> Read for Decoded<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self {
            Self::Utf8(r) => r.read(buf),
            Self::Single(r) => r.read(buf),
        }
    }
}

impl<R: Read> BufRead for Decoded<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        match self {
            Self::Utf8(r) => r.fill_buf(),
            Self::Single(r) => r.fill_buf(),
        }
    }

    fn consume(&mut self, amount: usize) {
        match self {
            Self::Utf8(r) => r.consume(amount),
            Self::Single(r) => r.consume(amount),
        }
    }
}

/// Windows-1250 or ISO-8859-2 bytes read as UTF-8.
pub struct SingleByte<R> {
    source: R,
    decoder: encoding_rs::Decoder,
    raw: Vec<u8>,
    text: Vec<u8>,
    at: usize,
    /// The decoder was told the input ended; it may not be used again.
    ended: bool,
}

impl<R: Read> SingleByte<R> {
    fn new(source: R, encoding: &'static encoding_rs::Encoding) -> Self {
        Self {
            source,
            decoder: encoding.new_decoder_without_bom_handling(),
            raw: vec![0; 1 << 16],
            text: Vec::new(),
            at: 0,
            ended: false,
        }
    }
}

impl<R: Read> BufRead for SingleByte<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        if self.at == self.text.len() && !self.ended {
            let n = self.source.read(&mut self.raw)?;
            self.ended = n == 0;
            let room = self.decoder.max_utf8_buffer_length(n).unwrap_or(3 * n + 16);
            self.text.resize(room, 0);
            let (_, _, written, _) =
                self.decoder.decode_to_utf8(&self.raw[..n], &mut self.text, n == 0);
            self.text.truncate(written);
            self.at = 0;
        }
        Ok(&self.text[self.at..])
    }

    fn consume(&mut self, amount: usize) {
        self.at = (self.at + amount).min(self.text.len());
    }
}

impl<R: Read> Read for SingleByte<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_and_reports_bad_cells() {
        let ok = parse_public_values(
            b"teryt;wskaznik_kod;rok;wartosc\n1219053;LUD_OGOLEM;2024;69 791\n",
            "p.csv",
        );
        let rows = ok.expect("valid");
        assert_eq!(rows[0].teryt.as_str(), "1219053");
        assert_eq!(rows[0].value, 69791.0);

        let bad = parse_public_values(
            b"teryt;wskaznik_kod;rok;wartosc\n1219053;LUD_OGOLEM;2024;x\n12;lud;20;1\n",
            "p.csv",
        );
        let err = bad.expect_err("invalid");
        assert_eq!(err.problems.len(), 3);
        assert_eq!(err.problems[0].row, Some(2));
        assert_eq!(err.problems[0].column.as_deref(), Some("wartosc"));
        assert!(parse_public_values(b"a;b\n1;2\n", "p.csv").is_err());
    }

    #[test]
    fn a_point_before_three_digits_is_a_warning_unless_the_column_settles_it() {
        let text = b"teryt;wskaznik_kod;rok;wartosc\n1219053;WYD_80101;2024;1.234\n";
        let parsed = parse_public_values_checked(text, "p.csv").expect("valid");
        assert_eq!(parsed.rows[0].value, 1.234);
        assert_eq!(parsed.warnings.len(), 1);
        assert_eq!(
            (parsed.warnings[0].row, parsed.warnings[0].column.as_deref()),
            (Some(2), Some("wartosc"))
        );
        let settled = b"teryt;wskaznik_kod;rok;wartosc\n1219053;A;2024;1.234\n1219053;B;2024;1.5\n";
        assert!(parse_public_values_checked(settled, "p.csv").expect("valid").warnings.is_empty());
    }

    /// The stream's outcome as the whole-file parse gives it: every row and the warnings, or
    /// the error (rows streamed before it are dropped, as a staged import drops them).
    fn streamed(bytes: &[u8]) -> Result<ParsedPublicValues, ImportError> {
        let mut stream = PublicValueStream::open(std::io::Cursor::new(bytes.to_vec()), "p.csv")?;
        let rows = (&mut stream).collect::<Result<Vec<_>, _>>()?;
        Ok(ParsedPublicValues { rows, warnings: stream.warnings().to_vec() })
    }

    #[test]
    fn the_stream_reads_and_refuses_as_the_whole_file_parse() {
        let good = "1219053;LUD_OGOLEM;2024;69 791\n".repeat(3000);
        let wide = format!("1219053;A;2024;1{}\n", ";".repeat(1200));
        let cases: Vec<Vec<u8>> = vec![
            b"teryt;wskaznik_kod;rok;wartosc\n1219053;LUD_OGOLEM;2024;69 791\n".to_vec(),
            b"\xEF\xBB\xBFteryt;wskaznik_kod;rok;wartosc\r\n1219053;A;2024;1,5\r\n\r\n1219053;B;2024;2\r\n".to_vec(),
            b"teryt,wskaznik_kod,rok,wartosc\n1219053,A,2024,\"1,5\"\n".to_vec(),
            b"teryt;wskaznik_kod;rok;wartosc\n1219053;LUD_OGOLEM;2024;x\n12;lud;20;1\n".to_vec(),
            b"teryt;wskaznik_kod;rok;wartosc\n1219053;WYD_80101;2024;1.234\n".to_vec(),
            b"teryt;wskaznik_kod;rok;wartosc\n1219053;A;2024;1.234\n1219053;B;2024;1.5\n".to_vec(),
            b"teryt;wskaznik_kod;rok;wartosc\n1219053;A;2024;1.234\n1219053;B;2024;2,5\n".to_vec(),
            b"a;b\n1;2\n".to_vec(),
            b"".to_vec(),
            b"\n\n".to_vec(),
            b"teryt;wskaznik_kod;rok;wartosc\n1219053;A;2024;1;5\n".to_vec(),
            // A bad header and a control character further down: the control character first.
            b"a;b\n1;2\n3;\x1b[31m\n".to_vec(),
            // A bad cell early and a control character late: the control character only.
            format!("teryt;wskaznik_kod;rok;wartosc\n1219053;A;2024;x\n{good}1219053;A;2024;\x00\n")
                .into_bytes(),
            // Cut short: the last line ends inside the year.
            format!("teryt;wskaznik_kod;rok;wartosc\n{good}1219053;LUD_OGOLEM;20").into_bytes(),
            // A bad line late in the file, and more problems than a report lists.
            format!("teryt;wskaznik_kod;rok;wartosc\n{good}{}", "x;y;z;w\n".repeat(30))
                .into_bytes(),
            // A line wider than the cap, after thousands of good ones and a bad cell.
            format!("teryt;wskaznik_kod;rok;wartosc\n1219053;A;2024;x\n{good}{wide}").into_bytes(),
            // A quoted field across lines: the next record's line counts both.
            b"teryt;wskaznik_kod;rok;wartosc;uwagi\n1219053;A;2024;1;\"a\nb\"\n1219053;A;20x;1;\n"
                .to_vec(),
            // Windows-1250 (ą = 0xB9 in a word), ISO-8859-2 (ś = 0xB6), both, neither, UTF-16.
            b"teryt;wskaznik_kod;rok;wartosc;nazwa\n1219053;A;2024;1;Wi\xb9z\n".to_vec(),
            b"teryt;wskaznik_kod;rok;wartosc;nazwa\n1219053;A;2024;1;Ludno\xb6\xe6\n".to_vec(),
            b"teryt;wskaznik_kod;rok;wartosc;nazwa\n1219053;A;2024;1;Ludno\xb6\xe6 w\xb9s\n".to_vec(),
            b"teryt;wskaznik_kod;rok;wartosc\n1219053;A;2024;1\x81\n".to_vec(),
            b"nazwa;teryt\n\xb9;1\n".to_vec(),
            b"\xFF\xFEt\0e\0".to_vec(),
            // UTF-8 cut inside a character at the very end.
            b"teryt;wskaznik_kod;rok;wartosc\n1219053;A;2024;1;\xc5".to_vec(),
        ];
        for (i, bytes) in cases.iter().enumerate() {
            let whole = parse_public_values_checked(bytes, "p.csv");
            assert_eq!(streamed(bytes), whole, "case {i}");
        }
    }

    #[test]
    fn the_stream_hands_out_rows_before_a_late_error_and_then_the_error_with_its_line() {
        let good = "1219053;LUD_OGOLEM;2024;1\n".repeat(500);
        let text = format!("teryt;wskaznik_kod;rok;wartosc\n{good}1219053;LUD_OGOLEM;2024;1x\n");
        let mut stream = PublicValueStream::open(std::io::Cursor::new(text.into_bytes()), "p.csv")
            .expect("open");
        let rows = stream.by_ref().take_while(Result::is_ok).count();
        assert_eq!(rows, 500);
        let mut stream = PublicValueStream::open(
            std::io::Cursor::new(
                format!("teryt;wskaznik_kod;rok;wartosc\n{good}1219053;LUD_OGOLEM;2024;1x\n")
                    .into_bytes(),
            ),
            "p.csv",
        )
        .expect("open");
        let err = stream.by_ref().find_map(Result::err).expect("the bad line");
        assert_eq!(err.problems.len(), 1);
        assert_eq!(err.problems[0].row, Some(502));
        assert!(stream.next().is_none(), "nothing after the error");
    }
}
