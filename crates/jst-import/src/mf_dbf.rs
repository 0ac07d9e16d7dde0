//! The Ministry of Finance's bulk files of local-government budget reports (the „bazy danych”
//! of sprawozdania budżetowe JST): one dBase III file per report and quarter, text in
//! Windows-1250 (language-driver byte 0xC8), one record per unit and budget line with the
//! fields `WK PK GK GT PT KODMSWIA ROK KWARTAL DAT_SKW DZIAL ROZDZIAL PAR PAR4` and the amounts
//! `R1` (plan) and `R4` (execution: expenditure in Rb-28S, revenue in Rb-27S). The other amount
//! fields (R2, R3, R9–R13, …) are ignored. Codes may be Character (`02`) or Numeric (`2`)
//! fields; they are returned zero-padded to their width.
//!
//! A national Rb-28S has about 1.3 million records, so the file is streamed: every record is
//! checked and handed to a callback, nothing is collected. Any problem fails the whole file and
//! the caller writes only after `Ok`.
//!
//! The `dbase` crate reads the header and the field descriptors. Records are read here from
//! their raw bytes, because its record reader cannot be strict enough: it parses numbers with
//! Rust's float parser (which takes `NaN`, `inf` and `1e5`), reads any deletion flag other than
//! `*` as a live record and does not count deleted records; and its `Encoding` trait cannot be
//! implemented outside the crate (the trait's error types are not exported), so the
//! Windows-1250 checks live here.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::io::{self, BufReader, Read, Seek, SeekFrom};

use dbase::{CodePageMark, FieldType};
use jst_text::t;

use crate::error::MAX_PROBLEMS;
use crate::{BudgetReport, ImportError, Problem};

/// The language-driver byte of Windows-1250, which MF files carry at offset 29.
const CP1250_DRIVER: u8 = 0xC8;
const LANGUAGE_BYTE_AT: usize = 29;
const HEADER_SIZE: usize = 32;
const DESCRIPTOR_SIZE: usize = 32;
const HEADER_TERMINATOR: u8 = 0x0D;
const END_OF_FILE: u8 = 0x1A;
const LIVE: u8 = b' ';
const DELETED: u8 = b'*';
/// dBase III without and with a memo file (MF publishes the former; memo fields are never read).
const DBASE3_VERSIONS: [u8; 2] = [0x03, 0x83];
/// Bytes that Windows-1250 leaves undefined (as in `text.rs`): text with them is not cp1250.
const CP1250_UNDEFINED: [u8; 5] = [0x81, 0x83, 0x88, 0x90, 0x98];
/// DESIGN §6: every reader accepts only finite values with |x| ≤ 1e15.
const MAX_AMOUNT: f64 = 1e15;
/// When the header is refused, this many records are looked at to tell the user the text is
/// UTF-8 (the usual reason a dBase file is not what MF publishes).
const SNIFF_RECORDS: usize = 1000;
/// Read buffer: large enough for sequential reading, small enough that a 30 MB file is never
/// held in memory.
const BUFFER_BYTES: usize = 64 * 1024;

const WK: &str = "WK";
const PK: &str = "PK";
const GK: &str = "GK";
const GT: &str = "GT";
const PT: &str = "PT";
const KODMSWIA: &str = "KODMSWIA";
const ROK: &str = "ROK";
const KWARTAL: &str = "KWARTAL";
const DZIAL: &str = "DZIAL";
const ROZDZIAL: &str = "ROZDZIAL";
const PAR: &str = "PAR";
const PAR4: &str = "PAR4";
const PLAN: &str = "R1";
const EXECUTION: &str = "R4";
const CODE_FIELDS: [&str; 12] =
    [WK, PK, GK, GT, PT, KODMSWIA, ROK, KWARTAL, DZIAL, ROZDZIAL, PAR, PAR4];
const AMOUNT_FIELDS: [&str; 2] = [PLAN, EXECUTION];

/// Amount fields only one of the two reports has (the MF field maps in `shared/data/mf`). R1
/// and R4 look alike in both, so these are what tells revenue from expenditure.
const ONLY_RB27S: [&str; 8] = ["R2", "R3", "R5", "R6", "R7", "R8", "R11Z", "R11R"];
const ONLY_RB28S: [&str; 4] = ["R12", "R12U", "R12B", "R13"];

/// One budget line of one unit, as the MF file has it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MfRecord {
    /// 1-based number of the record in the file, deleted records included (as dBase tools
    /// count); the row of every message about it.
    pub record: usize,
    /// Województwo code, 2 digits; may be empty only for an association.
    pub wk: String,
    /// Powiat code, 2 digits (`00` for a województwo); may be empty only for an association.
    pub pk: String,
    /// Gmina code, 2 digits (`00` for a powiat, a city county and a województwo); may be empty
    /// only for an association.
    pub gk: String,
    /// Kind of gmina: `1` urban, `2` rural, `3` urban-rural, `Z` an association (związek JST);
    /// another digit or empty for the other units.
    pub gt: String,
    /// Kind of powiat: `0` gmina, `1` powiat, `2` city county; other values only for
    /// associations; may be empty.
    pub pt: String,
    /// The association's code in the MSWiA register, decoded from Windows-1250; empty when the
    /// field is blank or only zeros.
    pub kodmswia: String,
    pub year: i32,
    /// 1–4; the amounts are cumulative from the start of the year to the quarter's end.
    pub quarter: u8,
    /// 3 digits.
    pub dzial: String,
    /// 5 digits, beginning with the dział.
    pub rozdzial: String,
    /// 4 digits: `PAR` (3 digits) followed by `PAR4`, e.g. `4010`.
    pub paragraf: String,
    /// `R1`, the plan; a blank field is 0.
    pub plan: f64,
    /// `R4`, the execution (expenditure in Rb-28S, revenue in Rb-27S); a blank field is 0.
    pub execution: f64,
}

/// The unit a record reports for, decided from its codes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum MfUnit {
    /// A gmina (PT 0, GT 1–3).
    Gmina {
        /// `WK PK GK`, 6 digits: the gmina's identity in the TERYT register.
        identity: String,
        /// `GT`: 1 urban, 2 rural, 3 urban-rural (the 7th TERYT digit).
        kind_digit: char,
    },
    /// A powiat (PT 1, GK 00).
    Powiat {
        /// `WK PK`, 4 digits.
        code: String,
    },
    /// A miasto na prawach powiatu (PT 2, GK 00), reporting as one unit for its gmina and powiat.
    CityCounty {
        /// `WK PK`, 4 digits.
        code: String,
    },
    /// A województwo (PK 00, GK 00).
    Wojewodztwo {
        /// `WK`, 2 digits.
        code: String,
    },
    /// An association of local governments (GT `Z` or a KODMSWIA).
    Association,
}

impl MfRecord {
    /// The unit the record belongs to. The rules, in order: GT `Z` or a KODMSWIA → association;
    /// PK 00 and GK 00 → województwo; PT 2 → city county and PT 1 → powiat (both with GK 00);
    /// PT 0 with GT 1–3 → gmina. Any other combination is a [`Problem`] at the record's row;
    /// [`read_mf_dbf`] refuses such records, so every record it hands out has a unit.
    pub fn unit(&self) -> Result<MfUnit, Problem> {
        if self.gt == "Z" || !self.kodmswia.is_empty() {
            return Ok(MfUnit::Association);
        }
        let codes = self.codes();
        let at = |column: &str, message: String| Problem::at(self.record, Some(column), message);
        for (column, value) in [(WK, &self.wk), (PK, &self.pk), (GK, &self.gk)] {
            if value.is_empty() {
                return Err(at(column, t!("import-mf-no-code", field = column, codes = &codes)));
            }
        }
        if self.wk == "00" {
            return Err(at(WK, t!("import-mf-wk-00", codes = &codes)));
        }
        let (wk, pk, gk) = (&self.wk, &self.pk, &self.gk);
        match (pk.as_str(), gk.as_str(), self.pt.as_str()) {
            ("00", "00", _) => Ok(MfUnit::Wojewodztwo { code: wk.clone() }),
            ("00", _, _) => Err(at(GK, t!("import-mf-pk-00", gk = gk, codes = &codes))),
            (_, "00", "2") => Ok(MfUnit::CityCounty { code: format!("{wk}{pk}") }),
            (_, "00", "1") => Ok(MfUnit::Powiat { code: format!("{wk}{pk}") }),
            (_, _, "1" | "2") => Err(at(GK, t!("import-mf-powiat-gk", gk = gk, codes = &codes))),
            (_, "00", "0") => Err(at(GK, t!("import-mf-gmina-gk", codes = &codes))),
            (_, _, "0") => match self.gt.chars().next() {
                Some(kind @ '1'..='3') if self.gt.len() == 1 => {
                    Ok(MfUnit::Gmina { identity: format!("{wk}{pk}{gk}"), kind_digit: kind })
                }
                _ => Err(at(GT, t!("import-mf-gmina-gt", codes = &codes))),
            },
            _ => Err(at(PT, t!("import-mf-unknown-unit", codes = &codes))),
        }
    }

    fn codes(&self) -> String {
        let shown = |v: &str| if v.is_empty() { t!("import-mf-empty-code") } else { v.to_owned() };
        format!(
            "WK {} PK {} GK {} GT {} PT {}",
            shown(&self.wk),
            shown(&self.pk),
            shown(&self.gk),
            shown(&self.gt),
            shown(&self.pt)
        )
    }
}

/// What a whole file held, returned once every record passed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MfDbfSummary {
    /// Records handed to the callback.
    pub records: usize,
    /// Records marked deleted (`*`), skipped.
    pub deleted: usize,
    pub years: BTreeSet<i32>,
    pub quarters: BTreeSet<u8>,
}

/// Reads an MF bulk file of `report` to its end, handing every valid record to `each` in file
/// order. Any problem (header, encoding, a record) makes the result an error listing them all
/// (the first 20 and a count of the rest); `each` is not called after the first
/// problem, and nothing it received may be kept unless the result is `Ok`. `file` names the file
/// in messages. The reader is wrapped in a buffer: the file is never loaded whole.
pub fn read_mf_dbf<R: Read + Seek>(
    reader: R,
    file: &str,
    report: BudgetReport,
    mut each: impl FnMut(&MfRecord),
) -> Result<MfDbfSummary, ImportError> {
    let mut source = BufReader::with_capacity(BUFFER_BYTES, reader);
    let layout = Layout::open(&mut KeepBuffer(&mut source), file, report)?;
    let mut problems = Problems::default();
    let mut summary = MfDbfSummary::default();
    let mut raw = vec![0u8; layout.record_size];
    let mut record = MfRecord::default();
    let mut complete = true;
    for index in 0..layout.records {
        let number = index + 1;
        match read_full(&mut source, &mut raw) {
            Ok(true) => {}
            Ok(false) => {
                problems.push(Problem::file(t!(
                    "import-mf-cut",
                    records = layout.records,
                    size = layout.record_size,
                    record = number
                )));
                complete = false;
                break;
            }
            Err(e) => {
                problems.push(read_error(&e));
                complete = false;
                break;
            }
        }
        match raw[0] {
            LIVE => {}
            DELETED => {
                summary.deleted += 1;
                continue;
            }
            flag => {
                problems.push(Problem::at(
                    number,
                    None,
                    t!("import-mf-record-flag", flag = format!("0x{flag:02X}")),
                ));
                continue;
            }
        }
        record.record = number;
        if layout.read_record(&raw, &mut record, &mut problems) && problems.is_empty() {
            each(&record);
            summary.records += 1;
            summary.years.insert(record.year);
            summary.quarters.insert(record.quarter);
        }
    }
    if complete {
        match tail(&mut source) {
            Ok((first, length)) => {
                if let Some(problem) = tail_problem(first, length, &layout) {
                    problems.push(problem);
                }
            }
            Err(e) => problems.push(read_error(&e)),
        }
    }
    if problems.is_empty() && summary.records == 0 {
        problems.push(Problem::file(t!("import-mf-no-records", deleted = summary.deleted)));
    }
    if problems.is_empty() {
        Ok(summary)
    } else {
        Err(problems.into_error(file))
    }
}

/// Seeks to an absolute position inside the buffer when it holds it. `BufReader::seek` always
/// drops the buffer, and the header is visited several times (by this module and by the dbase
/// crate), which would read its first block again for each visit.
struct KeepBuffer<'a, R>(&'a mut BufReader<R>);

impl<R: Read> Read for KeepBuffer<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.read(buf)
    }
}

impl<R: Read + Seek> Seek for KeepBuffer<'_, R> {
    fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
        match pos {
            SeekFrom::Start(target) => {
                let here = self.0.stream_position()?;
                let delta = i64::try_from(i128::from(target) - i128::from(here))
                    .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "seek too far"))?;
                self.0.seek_relative(delta)?;
                Ok(target)
            }
            other => self.0.seek(other),
        }
    }
}

/// A field of the file: where its bytes lie in a record (the deletion flag is byte 0).
#[derive(Debug, Clone)]
struct Field {
    name: String,
    kind: FieldType,
    start: usize,
    len: usize,
}

impl Field {
    /// The field's bytes without the padding dBase writers put around values (spaces, NULs).
    fn bytes<'a>(&self, record: &'a [u8]) -> &'a [u8] {
        trim(&record[self.start..self.start + self.len])
    }

    fn is_number(&self) -> bool {
        matches!(self.kind, FieldType::Numeric | FieldType::Float)
    }
}

/// Indexes into [`Layout::fields`] of the fields a record is read from.
#[derive(Debug, Clone, Copy)]
struct Columns {
    wk: usize,
    pk: usize,
    gk: usize,
    gt: usize,
    pt: usize,
    kodmswia: usize,
    year: usize,
    quarter: usize,
    dzial: usize,
    rozdzial: usize,
    par: usize,
    par4: usize,
    plan: usize,
    execution: usize,
}

/// The checked header of a file: its fields and the size and number of its records.
#[derive(Debug)]
struct Layout {
    fields: Vec<Field>,
    columns: Columns,
    record_size: usize,
    records: usize,
}

impl Layout {
    /// Reads and checks the header and field descriptors; on return the source is at the first
    /// record.
    fn open<S: Read + Seek>(
        source: &mut S,
        file: &str,
        report: BudgetReport,
    ) -> Result<Self, ImportError> {
        let refuse = |problem: Problem| ImportError::single(file, problem);
        let mut header = [0u8; HEADER_SIZE];
        match read_full(source, &mut header) {
            Ok(true) => {}
            Ok(false) => return Err(refuse(Problem::file(t!("import-mf-too-short")))),
            Err(e) => return Err(refuse(read_error(&e))),
        }
        let fields = descriptors(source).map_err(refuse)?;
        let record_size = 1 + fields.iter().map(|f| f.len).sum::<usize>();
        let records = u32::from_le_bytes([header[4], header[5], header[6], header[7]]) as usize;
        let first_record = u64::from(u16::from_le_bytes([header[8], header[9]]));
        let declared_size = usize::from(u16::from_le_bytes([header[10], header[11]]));

        // The dbase crate neither checks the terminator nor trusts the declared record size (it
        // recomputes it); a mismatch in either means the descriptors are not what the writer
        // meant, and every record would be read at the wrong offsets.
        let terminator_at = (HEADER_SIZE + DESCRIPTOR_SIZE * fields.len()) as u64;
        let mut terminator = [0u8; 1];
        let terminated = source
            .seek(SeekFrom::Start(terminator_at))
            .and_then(|_| read_full(source, &mut terminator))
            .map_err(|e| refuse(read_error(&e)))?;
        if !terminated || terminator[0] != HEADER_TERMINATOR {
            return Err(refuse(Problem::file(t!(
                "import-mf-no-terminator",
                fields = fields.len()
            ))));
        }
        if declared_size != record_size {
            return Err(refuse(Problem::file(t!(
                "import-mf-record-size",
                declared = declared_size,
                computed = record_size
            ))));
        }
        source.seek(SeekFrom::Start(first_record)).map_err(|e| refuse(read_error(&e)))?;

        let mut problems = Vec::new();
        if !DBASE3_VERSIONS.contains(&header[0]) {
            problems.push(Problem::file(t!(
                "import-mf-version",
                byte = format!("0x{:02X}", header[0])
            )));
        }
        let language = header[LANGUAGE_BYTE_AT];
        if language != CP1250_DRIVER {
            problems.push(Problem::file(t!(
                "import-mf-language",
                byte = format!("0x{language:02X}"),
                name = language_name(language)
            )));
        }
        let columns = match locate(&fields, report) {
            Ok(columns) => Some(columns),
            Err(found) => {
                problems.extend(found);
                None
            }
        };
        match columns {
            Some(columns) if problems.is_empty() => {
                Ok(Self { fields, columns, record_size, records })
            }
            _ => {
                if let Some(hint) = sniff_utf8(source, &fields, record_size, records) {
                    problems.push(hint);
                }
                Err(ImportError::new(file, problems))
            }
        }
    }

    /// Checks one live record and fills `out`; false (with the problems pushed) when it is not
    /// valid.
    fn read_record(&self, raw: &[u8], out: &mut MfRecord, problems: &mut Problems) -> bool {
        let number = out.record;
        let before = problems.total();
        let mut push = |field: &Field, message: String| {
            problems.push(Problem::at(number, Some(&field.name), message));
        };
        // Every text field is checked, read or not: a UTF-8 or foreign file must not pass only
        // because its text sits in fields this reader ignores.
        for field in self.fields.iter().filter(|f| f.kind == FieldType::Character) {
            if let Err(message) = cp1250_text(field.bytes(raw)) {
                push(field, message);
            }
        }
        let c = &self.columns;
        let f = |k: usize| &self.fields[k];
        for (k, width, target) in [
            (c.wk, 2, &mut out.wk),
            (c.pk, 2, &mut out.pk),
            (c.gk, 2, &mut out.gk),
            (c.dzial, 3, &mut out.dzial),
            (c.rozdzial, 5, &mut out.rozdzial),
        ] {
            if let Err(message) = fill_code(target, f(k), raw, width) {
                push(f(k), message);
            }
        }
        for (k, target) in [(c.gt, &mut out.gt), (c.pt, &mut out.pt)] {
            if let Err(message) = fill_kind(target, f(k), raw) {
                push(f(k), message);
            }
        }
        out.paragraf.clear();
        for (k, width) in [(c.par, 3), (c.par4, 1)] {
            let mut part = String::new();
            match fill_code(&mut part, f(k), raw, width) {
                Ok(()) => out.paragraf.push_str(&part),
                Err(message) => push(f(k), message),
            }
        }
        for k in [c.dzial, c.rozdzial, c.par, c.par4] {
            if f(k).bytes(raw).is_empty() {
                push(f(k), t!("import-mf-no-classification"));
            }
        }
        if out.dzial.len() == 3
            && out.rozdzial.len() == 5
            && !out.rozdzial.starts_with(out.dzial.as_str())
        {
            push(
                f(c.rozdzial),
                t!("import-budget-rozdzial-outside", rozdzial = &out.rozdzial, dzial = &out.dzial),
            );
        }
        out.kodmswia = association_code(f(c.kodmswia), raw);
        match whole_number(f(c.year), raw).filter(|y| (1990..=2100).contains(y)) {
            Some(year) => out.year = year as i32,
            None => {
                push(f(c.year), crate::strategy_rules::year_message(&shown(f(c.year).bytes(raw))))
            }
        }
        match whole_number(f(c.quarter), raw).filter(|q| (1..=4).contains(q)) {
            Some(quarter) => out.quarter = quarter as u8,
            None => push(
                f(c.quarter),
                t!("import-mf-quarter", quarter = shown(f(c.quarter).bytes(raw))),
            ),
        }
        for (k, target) in [(c.plan, &mut out.plan), (c.execution, &mut out.execution)] {
            match amount(f(k).bytes(raw)) {
                Ok(value) => *target = value,
                Err(message) => push(f(k), t!("import-mf-amount", why = message)),
            }
        }
        if problems.total() != before {
            return false;
        }
        match out.unit() {
            Ok(_) => true,
            Err(problem) => {
                problems.push(problem);
                false
            }
        }
    }
}

/// Field descriptors through the dbase crate (names must be ASCII, types known to dBase).
fn descriptors<S: Read + Seek>(source: &mut S) -> Result<Vec<Field>, Problem> {
    source.seek(SeekFrom::Start(0)).map_err(|e| read_error(&e))?;
    let reader = dbase::ReaderBuilder::new()
        .with_encoding(dbase::encoding::Ascii)
        .build(&mut *source)
        .map_err(|e| Problem::file(t!("import-mf-not-dbase", error = e.to_string())))?;
    let mut start = 1;
    Ok(reader
        .fields()
        .iter()
        .map(|info| {
            let field = Field {
                name: info.name().trim().to_owned(),
                kind: info.field_type(),
                start,
                len: usize::from(info.length()),
            };
            start += field.len;
            field
        })
        .collect())
}

/// Finds the fields records are read from; problems name what is missing and what is there.
fn locate(fields: &[Field], report: BudgetReport) -> Result<Columns, Vec<Problem>> {
    let position = |name: &str| fields.iter().position(|f| f.name.eq_ignore_ascii_case(name));
    let present = || {
        let mut names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).take(60).collect();
        if fields.len() > 60 {
            names.push("…");
        }
        if names.is_empty() {
            t!("import-mf-no-fields")
        } else {
            t!("import-mf-fields", fields = names.join(", "))
        }
    };
    let mut problems = Vec::new();
    let missing: Vec<&str> = CODE_FIELDS
        .iter()
        .chain(&AMOUNT_FIELDS)
        .copied()
        .filter(|n| position(n).is_none())
        .collect();
    if !missing.is_empty() {
        problems.push(Problem::file(t!(
            "import-mf-missing-fields",
            missing = missing.join(", "),
            report = report.code(),
            required =
                CODE_FIELDS.iter().chain(&AMOUNT_FIELDS).copied().collect::<Vec<_>>().join(", "),
            present = present()
        )));
    }
    for name in CODE_FIELDS.iter().chain(&AMOUNT_FIELDS) {
        if fields.iter().filter(|f| f.name.eq_ignore_ascii_case(name)).count() > 1 {
            problems.push(Problem::file(t!("import-mf-field-twice", field = *name)));
        }
    }
    for field in fields {
        let is_code = CODE_FIELDS.iter().any(|n| field.name.eq_ignore_ascii_case(n));
        let is_amount = AMOUNT_FIELDS.iter().any(|n| field.name.eq_ignore_ascii_case(n));
        let fits = if is_amount {
            field.is_number()
        } else {
            field.is_number() || field.kind == FieldType::Character
        };
        if (is_code || is_amount) && !fits {
            let expected = if is_amount {
                t!("import-mf-expected-numeric")
            } else {
                t!("import-mf-expected-text-or-numeric")
            };
            problems.push(Problem::file(t!(
                "import-mf-field-type",
                field = &field.name,
                kind = type_name(field.kind),
                expected = expected
            )));
        }
    }
    let has = |names: &[&str]| names.iter().any(|n| position(n).is_some());
    let (own, other, other_report) = match report {
        BudgetReport::Rb27S => (&ONLY_RB27S[..], &ONLY_RB28S[..], BudgetReport::Rb28S),
        BudgetReport::Rb28S => (&ONLY_RB28S[..], &ONLY_RB27S[..], BudgetReport::Rb27S),
    };
    if has(other) && !has(own) {
        let theirs: Vec<&str> = other.iter().copied().filter(|n| position(n).is_some()).collect();
        problems.push(Problem::file(t!(
            "import-mf-other-report",
            fields = theirs.join(", "),
            other = other_report.code(),
            report = report.code()
        )));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let at = |name: &str| position(name).unwrap_or_default();
    Ok(Columns {
        wk: at(WK),
        pk: at(PK),
        gk: at(GK),
        gt: at(GT),
        pt: at(PT),
        kodmswia: at(KODMSWIA),
        year: at(ROK),
        quarter: at(KWARTAL),
        dzial: at(DZIAL),
        rozdzial: at(ROZDZIAL),
        par: at(PAR),
        par4: at(PAR4),
        plan: at(PLAN),
        execution: at(EXECUTION),
    })
}

/// Looks at the first records for text that is UTF-8: the clearest thing to tell a user whose
/// file was refused by its header.
fn sniff_utf8<S: Read>(
    source: &mut S,
    fields: &[Field],
    record_size: usize,
    records: usize,
) -> Option<Problem> {
    let text: Vec<&Field> = fields.iter().filter(|f| f.kind == FieldType::Character).collect();
    if text.is_empty() {
        return None;
    }
    let mut raw = vec![0u8; record_size];
    for index in 0..records.min(SNIFF_RECORDS) {
        if !read_full(source, &mut raw).ok()? {
            return None;
        }
        for field in &text {
            if let Some(utf8) = utf8_text(field.bytes(&raw)) {
                return Some(Problem::file(t!(
                    "import-mf-utf8-file",
                    field = &field.name,
                    record = index + 1,
                    text = utf8
                )));
            }
        }
    }
    None
}

/// The problems of a file: the first `MAX_PROBLEMS` kept, the rest counted, so that a file
/// read to its end still gives a short report.
#[derive(Debug, Default)]
struct Problems {
    kept: Vec<Problem>,
    more: usize,
}

impl Problems {
    fn push(&mut self, problem: Problem) {
        if self.kept.len() < MAX_PROBLEMS {
            self.kept.push(problem);
        } else {
            self.more += 1;
        }
    }

    fn total(&self) -> usize {
        self.kept.len() + self.more
    }

    fn is_empty(&self) -> bool {
        self.kept.is_empty()
    }

    fn into_error(self, file: &str) -> ImportError {
        let mut kept = self.kept;
        if self.more > 0 {
            kept.push(Problem::file(t!("import-mf-more-problems", more = self.more)));
        }
        ImportError::new(file, kept)
    }
}

/// Fills `buf` from `source`; false when the source ends first.
fn read_full<S: Read>(source: &mut S, buf: &mut [u8]) -> io::Result<bool> {
    match source.read_exact(buf) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => Ok(false),
        Err(e) => Err(e),
    }
}

/// The first byte after the last record and how many bytes follow it in all.
fn tail<S: Read>(source: &mut S) -> io::Result<(Option<u8>, u64)> {
    let mut chunk = [0u8; 8192];
    let mut first = None;
    let mut length = 0u64;
    loop {
        let n = match source.read(&mut chunk) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if n == 0 {
            return Ok((first, length));
        }
        first = first.or(Some(chunk[0]));
        length += n as u64;
    }
}

/// After the records a file may end, or hold the end-of-file mark and padding; bytes that could
/// be further records mean the header's record count is too small and records would be lost.
fn tail_problem(first: Option<u8>, length: u64, layout: &Layout) -> Option<Problem> {
    let beyond_mark = match first {
        None => return None,
        Some(END_OF_FILE) => length - 1,
        Some(_) => length,
    };
    let record_next = matches!(first, Some(LIVE | DELETED));
    (record_next && beyond_mark >= layout.record_size as u64)
        .then(|| Problem::file(t!("import-mf-tail", records = layout.records, bytes = beyond_mark)))
}

fn read_error(e: &io::Error) -> Problem {
    Problem::file(t!("import-read-error", error = e.to_string()))
}

/// Strips the spaces and NULs dBase writers pad fields with.
fn trim(bytes: &[u8]) -> &[u8] {
    let pad = |b: &u8| *b == b' ' || *b == 0;
    let start = bytes.iter().position(|b| !pad(b)).unwrap_or(bytes.len());
    let end = bytes.iter().rposition(|b| !pad(b)).map_or(start, |i| i + 1);
    &bytes[start..end]
}

/// Bytes as Windows-1250 text, for messages only (never for values).
fn shown(bytes: &[u8]) -> Cow<'_, str> {
    encoding_rs::WINDOWS_1250.decode_without_bom_handling(bytes).0
}

/// The text of a field of a file that declares Windows-1250; refused when it is UTF-8 or has
/// bytes Windows-1250 does not define.
fn cp1250_text(bytes: &[u8]) -> Result<Cow<'_, str>, String> {
    // A NUL or ESC inside a field is not text (writers pad fields with spaces or NULs; the
    // padding is not inside).
    let control = |b: &&u8| b.is_ascii_control() && !matches!(b, b'\t' | b'\n' | b'\r');
    if let Some(b) = trim(bytes).iter().find(control) {
        return Err(crate::control_message(&t!("import-subject-text"), char::from(*b)));
    }
    if bytes.is_ascii() {
        return Ok(String::from_utf8_lossy(bytes));
    }
    if let Some(utf8) = utf8_text(bytes) {
        return Err(t!("import-mf-utf8-text", text = utf8, cp1250 = shown(bytes)));
    }
    if let Some(b) = bytes.iter().find(|b| CP1250_UNDEFINED.contains(b)) {
        return Err(t!("import-mf-undefined-byte", byte = format!("0x{b:02X}")));
    }
    Ok(shown(bytes))
}

/// The text, when `bytes` are UTF-8 with at least one multi-byte character and every such
/// character is a Latin letter or common punctuation. Polish letters in UTF-8 (two bytes led by
/// C3–C5) read as Windows-1250 give „Ä…”, „Ĺ‚” and the like, which no Polish text contains; the
/// rare cp1250 byte pairs that are also valid UTF-8 (`ÓŁ` in capitals is D3 A3) decode to
/// Cyrillic or other scripts, so limiting the check to Latin characters keeps them readable.
fn utf8_text(bytes: &[u8]) -> Option<&str> {
    let text = std::str::from_utf8(bytes).ok()?;
    let mut multi_byte = false;
    for c in text.chars().filter(|c| !c.is_ascii()) {
        multi_byte = true;
        let latin = ('\u{80}'..='\u{24F}').contains(&c);
        let punctuation = ('\u{2000}'..='\u{206F}').contains(&c) || c == '\u{20AC}';
        if !latin && !punctuation {
            return None;
        }
    }
    multi_byte.then_some(text)
}

/// The digits of a whole number: `02` in a Character field; `2` or `2.00` in a Numeric one.
fn digits<'a>(field: &Field, bytes: &'a [u8]) -> Option<&'a str> {
    let text = std::str::from_utf8(bytes).ok()?;
    let whole = match (field.is_number(), text.split_once('.')) {
        (true, Some((whole, fraction))) if fraction.bytes().all(|b| b == b'0') => whole,
        (_, Some(_)) => return None,
        (_, None) => text,
    };
    (!whole.is_empty() && whole.bytes().all(|b| b.is_ascii_digit())).then_some(whole)
}

/// A code of at most `width` digits, zero-padded to `width`; a blank field leaves it empty.
fn fill_code(target: &mut String, field: &Field, raw: &[u8], width: usize) -> Result<(), String> {
    target.clear();
    let bytes = field.bytes(raw);
    if bytes.is_empty() {
        return Ok(());
    }
    match digits(field, bytes) {
        Some(d) if d.len() <= width => {
            target.extend(std::iter::repeat_n('0', width - d.len()));
            target.push_str(d);
            Ok(())
        }
        _ => Err(t!("import-mf-code", code = shown(bytes), width = width)),
    }
}

/// GT or PT: one digit, or `Z` (an association) in GT; a blank field leaves it empty.
fn fill_kind(target: &mut String, field: &Field, raw: &[u8]) -> Result<(), String> {
    target.clear();
    let bytes = field.bytes(raw);
    if bytes.is_empty() {
        return Ok(());
    }
    let association = field.name.eq_ignore_ascii_case(GT) && bytes.eq_ignore_ascii_case(b"Z");
    match digits(field, bytes) {
        Some(d) if d.len() == 1 => {
            target.push_str(d);
            Ok(())
        }
        _ if association => {
            target.push('Z');
            Ok(())
        }
        _ if field.name.eq_ignore_ascii_case(GT) => Err(t!("import-mf-gt", code = shown(bytes))),
        _ => Err(t!("import-mf-pt", code = shown(bytes))),
    }
}

/// KODMSWIA as text; blank or only zeros means the record is not an association's.
fn association_code(field: &Field, raw: &[u8]) -> String {
    let bytes = field.bytes(raw);
    if bytes.iter().all(|b| *b == b'0') {
        return String::new();
    }
    match (field.is_number(), digits(field, bytes)) {
        (true, Some(d)) => d.to_owned(),
        // Text already refused by the encoding check is not a value anyone will see.
        _ => cp1250_text(bytes).map(|t| t.trim().to_owned()).unwrap_or_default(),
    }
}

fn whole_number(field: &Field, raw: &[u8]) -> Option<u32> {
    let d = digits(field, field.bytes(raw))?;
    if d.len() > 9 {
        return None;
    }
    d.parse().ok()
}

/// An amount from its raw ASCII: optional minus, digits, optional point and digits; blank is 0.
fn amount(bytes: &[u8]) -> Result<f64, String> {
    if bytes.is_empty() {
        return Ok(0.0);
    }
    let raw = shown(bytes);
    if bytes.iter().all(|b| *b == b'*') {
        return Err(t!("import-mf-overflow", amount = raw.as_ref()));
    }
    let unsigned = bytes.strip_prefix(b"-").unwrap_or(bytes);
    let (whole, fraction) = match unsigned.iter().position(|b| *b == b'.') {
        Some(dot) => (&unsigned[..dot], &unsigned[dot + 1..]),
        None => (unsigned, &[][..]),
    };
    let all_digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    let well_formed =
        all_digits(whole) && all_digits(fraction) && !(whole.is_empty() && fraction.is_empty());
    if !well_formed {
        let lower = raw.to_lowercase();
        return Err(if bytes.contains(&b',') {
            t!("import-mf-amount-comma", amount = raw.as_ref())
        } else if lower.contains("nan") || lower.contains("inf") {
            t!("import-mf-amount-infinite", amount = raw.as_ref())
        } else {
            t!("import-amount-not-a-number", amount = raw.as_ref())
        });
    }
    let value: f64 =
        raw.parse().map_err(|_| t!("import-amount-not-a-number", amount = raw.as_ref()))?;
    if !value.is_finite() || value.abs() > MAX_AMOUNT {
        return Err(t!("import-mf-amount-too-large", amount = raw.as_ref()));
    }
    // -0 is 0.
    Ok(value + 0.0)
}

/// How the language byte is usually read, for the message that refuses it.
fn language_name(byte: u8) -> String {
    match CodePageMark::from(byte) {
        CodePageMark::Undefined => t!("import-mf-code-page-undefined"),
        CodePageMark::Utf8 => "UTF-8".to_owned(),
        CodePageMark::Invalid => t!("import-mf-code-page-invalid"),
        mark => t!(
            "import-mf-code-page",
            page = format!("{mark:?}").trim_start_matches("CP").to_owned()
        ),
    }
}

fn type_name(kind: FieldType) -> String {
    match kind {
        FieldType::Character => t!("import-mf-type-character"),
        FieldType::Numeric => t!("import-mf-type-numeric"),
        FieldType::Float => t!("import-mf-type-float"),
        FieldType::Date => t!("import-mf-type-date"),
        FieldType::Logical => t!("import-mf-type-logical"),
        FieldType::Memo => t!("import-mf-type-memo"),
        _ => t!("import-mf-type-binary"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_strict() {
        for (raw, value) in [
            (&b""[..], 0.0),
            (b"12345.67", 12345.67),
            (b"-0.50", -0.5),
            (b".5", 0.5),
            (b"7.", 7.0),
            (b"-0", 0.0),
            (b"1000000000000000", 1e15),
        ] {
            assert_eq!(amount(raw), Ok(value), "{raw:?}");
        }
        for raw in [
            &b"1,5"[..],
            b"NaN",
            b"inf",
            b"-inf",
            b"1e5",
            b"+5",
            b"--1",
            b"1.2.3",
            b".",
            b"-",
            b"****",
            b"1 000",
            b"10000000000000000",
            b"12a",
        ] {
            assert!(amount(raw).is_err(), "{raw:?}");
        }
        assert!(amount(b"1,5").expect_err("comma").contains("przecinek"));
        assert!(amount(b"NaN").expect_err("NaN").contains("skończoną"));
    }

    #[test]
    fn utf8_is_told_from_windows_1250() {
        // „Łódź” and „PÓŁNOC” in Windows-1250; the second pair of bytes is also valid UTF-8.
        assert_eq!(cp1250_text(b"\xA3\xF3d\x9F").as_deref(), Ok("Łódź"));
        assert_eq!(cp1250_text(b"P\xD3\xA3NOC").as_deref(), Ok("PÓŁNOC"));
        assert_eq!(utf8_text("Łódź".as_bytes()), Some("Łódź"));
        assert!(cp1250_text("Bolesławiec".as_bytes()).expect_err("UTF-8").contains("UTF-8"));
        assert!(cp1250_text(b"a\x81").expect_err("undefined byte").contains("0x81"));
        assert_eq!(cp1250_text(b"Gmina\0\0  ").as_deref(), Ok("Gmina\0\0  "), "padding");
        assert!(cp1250_text(b"Gmi\0na").expect_err("NUL").contains("U+0000"));
        assert!(cp1250_text(b"\x1b[2J").expect_err("ESC").contains("U+001B"));
        assert_eq!(utf8_text(b"plain"), None);
    }

    #[test]
    fn problem_counts_take_the_plural_form_of_the_language() {
        use jst_text::{with_language, Lang};
        let more = |lang, n: usize| {
            with_language(lang, || Problems { kept: Vec::new(), more: n }.into_error("f.dbf"))
                .problems[0]
                .message
                .clone()
        };
        let polish = [
            (1, "oraz 1 dalszy problem (plik sprawdzono do końca)"),
            (3, "oraz 3 dalsze problemy (plik sprawdzono do końca)"),
            (12, "oraz 12 dalszych problemów (plik sprawdzono do końca)"),
            (22, "oraz 22 dalsze problemy (plik sprawdzono do końca)"),
            (25, "oraz 25 dalszych problemów (plik sprawdzono do końca)"),
        ];
        for (n, text) in polish {
            assert_eq!(more(Lang::Pl, n), text);
        }
        assert_eq!(more(Lang::En, 1), "and 1 more problem (the file was checked to its end)");
        assert_eq!(more(Lang::En, 2), "and 2 more problems (the file was checked to its end)");
        assert_eq!(more(Lang::En, 5), "and 5 more problems (the file was checked to its end)");
    }
}
