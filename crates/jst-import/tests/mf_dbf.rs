//! `read_mf_dbf` on dBase files written here with the dbase crate in the layout of the Ministry
//! of Finance's bulk report files (the real ones are too large to ship), and on the real UTF-8
//! `Gminy.dbf` of `tests/data/mf` (see its README), which must be refused.

use std::cell::Cell;
use std::collections::HashMap;
use std::io::{Cursor, Read, Seek, SeekFrom, Write};
use std::ops::Range;
use std::rc::Rc;
use std::sync::OnceLock;

use dbase::encoding::EncodingRs;
use dbase::{
    Date, Encoding, FieldError, FieldName, FieldWriter, TableWriterBuilder, WritableRecord,
};
use jst_import::{read_mf_dbf, BudgetReport, ImportError, MfDbfSummary, MfRecord, MfUnit};
use proptest::prelude::*;

const GMINY: &[u8] = include_bytes!("data/mf/Gminy.dbf");

#[derive(Debug, Clone, Copy)]
enum Kind {
    Text(u8),
    Number(u8, u8),
    Date,
}

#[derive(Debug, Clone, Copy)]
struct Spec {
    name: &'static str,
    kind: Kind,
}

const fn text(name: &'static str, len: u8) -> Spec {
    Spec { name, kind: Kind::Text(len) }
}

const fn number(name: &'static str, len: u8, decimals: u8) -> Spec {
    Spec { name, kind: Kind::Number(len, decimals) }
}

fn amounts(names: &[&'static str]) -> Vec<Spec> {
    names.iter().map(|n| number(n, 16, 2)).collect()
}

/// The common fields of an MF report file with the codes as Character fields, as most years
/// have them, plus an ignored name field to carry Polish text.
fn common_text_codes() -> Vec<Spec> {
    vec![
        text("WK", 2),
        text("PK", 2),
        text("GK", 2),
        text("GT", 1),
        text("PT", 1),
        text("KODMSWIA", 12),
        number("ROK", 4, 0),
        number("KWARTAL", 1, 0),
        Spec { name: "DAT_SKW", kind: Kind::Date },
        text("DZIAL", 3),
        text("ROZDZIAL", 5),
        text("PAR", 3),
        text("PAR4", 1),
        text("NAZWA", 40),
    ]
}

/// The same with the codes as Numeric fields, which lose their leading zeros.
fn common_numeric_codes() -> Vec<Spec> {
    vec![
        number("WK", 2, 0),
        number("PK", 2, 0),
        number("GK", 2, 0),
        text("GT", 1),
        number("PT", 1, 0),
        text("KODMSWIA", 12),
        number("ROK", 4, 0),
        number("KWARTAL", 1, 0),
        Spec { name: "DAT_SKW", kind: Kind::Date },
        number("DZIAL", 3, 0),
        number("ROZDZIAL", 5, 0),
        number("PAR", 3, 0),
        number("PAR4", 1, 0),
    ]
}

/// Rb-28S amounts in the order of the MF field map.
const RB28S: [&str; 8] = ["R1", "R10", "R4", "R11", "R12U", "R12B", "R9", "R13"];
/// Rb-27S amounts in the order of the MF field map.
const RB27S: [&str; 10] = ["R1", "R2", "R3", "R4", "R9", "R10", "R5", "R6", "R7", "R8"];

fn layout(common: Vec<Spec>, amount_names: &[&'static str]) -> Vec<Spec> {
    let mut specs = common;
    specs.extend(amounts(amount_names));
    specs
}

/// One record's values as text; numbers are parsed when written, an empty number is blank.
#[derive(Debug, Clone)]
struct Line(HashMap<&'static str, String>);

impl Line {
    fn unit(wk: &str, pk: &str, gk: &str, gt: &str, pt: &str) -> Self {
        let mut values = HashMap::new();
        for (name, value) in [
            ("WK", wk),
            ("PK", pk),
            ("GK", gk),
            ("GT", gt),
            ("PT", pt),
            ("ROK", "2023"),
            ("KWARTAL", "4"),
            ("DZIAL", "801"),
            ("ROZDZIAL", "80101"),
            ("PAR", "401"),
            ("PAR4", "0"),
            ("R1", "1000.00"),
            ("R4", "900.50"),
        ] {
            values.insert(name, value.to_owned());
        }
        Self(values)
    }

    fn with(mut self, name: &'static str, value: &str) -> Self {
        self.0.insert(name, value.to_owned());
        self
    }
}

struct Row<'a> {
    specs: &'a [Spec],
    line: &'a Line,
}

impl WritableRecord for Row<'_> {
    fn write_using<W: Write>(&self, writer: &mut FieldWriter<'_, W>) -> Result<(), FieldError> {
        for spec in self.specs {
            let value = self.line.0.get(spec.name).cloned().unwrap_or_default();
            match spec.kind {
                Kind::Text(_) => writer.write_next_field_value(&value)?,
                Kind::Number(..) => {
                    let number: Option<f64> =
                        (!value.is_empty()).then(|| value.parse().expect("a test number"));
                    writer.write_next_field_value(&number)?;
                }
                Kind::Date => {
                    writer.write_next_field_value(&Date::new(31, 12, 2023).expect("a date"))?;
                }
            }
        }
        Ok(())
    }
}

/// A dBase III file written by the dbase crate; Windows-1250 sets the language byte to 0xC8.
fn write_dbf(specs: &[Spec], lines: &[Line], encoding: impl Encoding + 'static) -> Vec<u8> {
    let mut builder = TableWriterBuilder::with_encoding(encoding);
    for spec in specs {
        let name = FieldName::try_from(spec.name).expect("a field name");
        builder = match spec.kind {
            Kind::Text(len) => builder.add_character_field(name, len),
            Kind::Number(len, decimals) => builder.add_numeric_field(name, len, decimals),
            Kind::Date => builder.add_date_field(name),
        };
    }
    let mut cursor = Cursor::new(Vec::new());
    {
        let mut writer = builder.build_with_dest(&mut cursor);
        for line in lines {
            writer.write_record(&Row { specs, line }).expect("record written");
        }
        writer.finalize().expect("file finished");
    }
    cursor.into_inner()
}

fn cp1250() -> EncodingRs {
    EncodingRs::from(encoding_rs::WINDOWS_1250)
}

fn mf_file(specs: &[Spec], lines: &[Line]) -> Vec<u8> {
    let bytes = write_dbf(specs, lines, cp1250());
    assert_eq!(bytes[29], 0xC8, "the writer marks Windows-1250");
    bytes
}

/// Where a field of a record lies in the file, from the header's own numbers.
fn field_range(bytes: &[u8], record: usize, field: &str) -> Range<usize> {
    let header = usize::from(u16::from_le_bytes([bytes[8], bytes[9]]));
    let size = usize::from(u16::from_le_bytes([bytes[10], bytes[11]]));
    let mut offset = 1;
    let mut at = 32;
    while bytes[at] != 0x0D {
        let name: Vec<u8> = bytes[at..at + 11].iter().copied().take_while(|b| *b != 0).collect();
        let len = usize::from(bytes[at + 16]);
        if name == field.as_bytes() {
            let start = header + (record - 1) * size + offset;
            return start..start + len;
        }
        offset += len;
        at += 32;
    }
    panic!("no field {field}");
}

/// Overwrites a field with `value`, right-aligned as dBase writes numbers.
fn patch(bytes: &mut [u8], record: usize, field: &str, value: &[u8]) {
    let range = field_range(bytes, record, field);
    let target = &mut bytes[range];
    assert!(value.len() <= target.len(), "{field} too short for the value");
    target.fill(b' ');
    let start = target.len() - value.len();
    target[start..].copy_from_slice(value);
}

fn record_start(bytes: &[u8], record: usize) -> usize {
    let header = usize::from(u16::from_le_bytes([bytes[8], bytes[9]]));
    let size = usize::from(u16::from_le_bytes([bytes[10], bytes[11]]));
    header + (record - 1) * size
}

fn read(bytes: &[u8], report: BudgetReport) -> Result<(MfDbfSummary, Vec<MfRecord>), ImportError> {
    let mut records = Vec::new();
    let summary = read_mf_dbf(Cursor::new(bytes), "baza.dbf", report, |r| records.push(r.clone()))?;
    Ok((summary, records))
}

fn refused(bytes: &[u8], report: BudgetReport) -> ImportError {
    match read(bytes, report) {
        Ok((summary, _)) => panic!("accepted: {summary:?}"),
        Err(e) => e,
    }
}

/// (row, column, message) of every problem.
fn problems(e: &ImportError) -> Vec<(Option<usize>, Option<String>, String)> {
    e.problems.iter().map(|p| (p.row, p.column.clone(), p.message.clone())).collect()
}

fn has_problem(e: &ImportError, row: usize, column: &str, needle: &str) -> bool {
    e.problems.iter().any(|p| {
        p.row == Some(row) && p.column.as_deref() == Some(column) && p.message.contains(needle)
    })
}

fn units() -> Vec<Line> {
    vec![
        // Gmina Miasto Kutno, 1002011, with the Polish name in the ignored text field.
        Line::unit("10", "02", "01", "1", "0").with("NAZWA", "Gmina Miasto Kutno – Śródmieście"),
        // Powiat kutnowski.
        Line::unit("10", "02", "00", "", "1").with("NAZWA", "Powiat kutnowski"),
        // A record the MF file marks deleted.
        Line::unit("10", "02", "06", "2", "0").with("R4", "123.45"),
        // Kraków, a city county (PT 2, GK 00).
        Line::unit("12", "61", "00", "", "2")
            .with("NAZWA", "Gmina Miejska Kraków")
            .with("R1", "")
            .with("R4", "-12.5"),
        // Województwo małopolskie (PK 00, GK 00).
        Line::unit("12", "00", "00", "", "0").with("PAR", "085").with("PAR4", "9"),
        // Związek Gmin Regionu Kutnowskiego (GT Z); its KODMSWIA carries Polish letters here to
        // show the text is decoded from Windows-1250.
        Line::unit("10", "02", "01", "Z", "8")
            .with("KODMSWIA", "ŁÓDŹ-0213")
            .with("NAZWA", "Związek Gmin Regionu Kutnowskiego"),
    ]
}

#[test]
fn reads_every_kind_of_unit_with_leading_zeros() {
    let specs = layout(common_text_codes(), &RB28S);
    let mut bytes = mf_file(&specs, &units());
    let deleted = record_start(&bytes, 3);
    bytes[deleted] = b'*';
    let (summary, records) = read(&bytes, BudgetReport::Rb28S).expect("a valid file");

    assert_eq!(summary.records, 5);
    assert_eq!(summary.deleted, 1);
    assert_eq!(summary.years.iter().copied().collect::<Vec<_>>(), [2023]);
    assert_eq!(summary.quarters.iter().copied().collect::<Vec<_>>(), [4]);
    assert_eq!(records.iter().map(|r| r.record).collect::<Vec<_>>(), [1, 2, 4, 5, 6]);

    let kutno = &records[0];
    assert_eq!(
        (kutno.wk.as_str(), kutno.pk.as_str(), kutno.gk.as_str(), kutno.gt.as_str()),
        ("10", "02", "01", "1")
    );
    assert_eq!(kutno.pt, "0");
    assert_eq!(kutno.kodmswia, "");
    assert_eq!((kutno.year, kutno.quarter), (2023, 4));
    assert_eq!(
        (kutno.dzial.as_str(), kutno.rozdzial.as_str(), kutno.paragraf.as_str()),
        ("801", "80101", "4010")
    );
    assert_eq!((kutno.plan, kutno.execution), (1000.0, 900.5));
    assert_eq!(kutno.unit(), Ok(MfUnit::Gmina { identity: "100201".to_owned(), kind_digit: '1' }));
    assert_eq!(records[1].unit(), Ok(MfUnit::Powiat { code: "1002".to_owned() }));

    let krakow = &records[2];
    assert_eq!(krakow.unit(), Ok(MfUnit::CityCounty { code: "1261".to_owned() }));
    assert_eq!((krakow.plan, krakow.execution), (0.0, -12.5), "a blank R1 is 0");

    let wojewodztwo = &records[3];
    assert_eq!(wojewodztwo.unit(), Ok(MfUnit::Wojewodztwo { code: "12".to_owned() }));
    assert_eq!(wojewodztwo.paragraf, "0859", "PAR keeps its leading zero");

    let association = &records[4];
    assert_eq!(association.unit(), Ok(MfUnit::Association));
    assert_eq!(association.gt, "Z");
    assert_eq!(association.kodmswia, "ŁÓDŹ-0213");
}

#[test]
fn numeric_code_fields_are_zero_padded() {
    let specs = layout(common_numeric_codes(), &RB27S);
    let lines = [
        // Bolesławiec (gmina miejska 0201011): dochody 756, 75616, 0010 (PIT share).
        Line::unit("02", "01", "01", "1", "0")
            .with("DZIAL", "756")
            .with("ROZDZIAL", "75621")
            .with("PAR", "001")
            .with("PAR4", "0")
            .with("R4", "15000000.99"),
        // Dział 010 (rolnictwo), rozdział 01095, paragraf 0690.
        Line::unit("02", "01", "02", "2", "0")
            .with("DZIAL", "010")
            .with("ROZDZIAL", "01095")
            .with("PAR", "069")
            .with("PAR4", "0"),
    ];
    let bytes = mf_file(&specs, &lines);
    // The writer stores Numeric codes without their zeros.
    assert_eq!(&bytes[field_range(&bytes, 1, "WK")], b" 2");
    assert_eq!(&bytes[field_range(&bytes, 2, "DZIAL")], b" 10");
    let (summary, records) = read(&bytes, BudgetReport::Rb27S).expect("a valid Rb-27S");
    assert_eq!(summary.records, 2);
    let first = &records[0];
    assert_eq!((first.wk.as_str(), first.pk.as_str(), first.gk.as_str()), ("02", "01", "01"));
    assert_eq!(first.paragraf, "0010");
    assert_eq!(first.execution, 15_000_000.99);
    assert_eq!(first.unit(), Ok(MfUnit::Gmina { identity: "020101".to_owned(), kind_digit: '1' }));
    let second = &records[1];
    assert_eq!(
        (second.dzial.as_str(), second.rozdzial.as_str(), second.paragraf.as_str()),
        ("010", "01095", "0690")
    );
}

#[test]
fn truncated_files_are_refused() {
    let specs = layout(common_text_codes(), &RB28S);
    let bytes = mf_file(&specs, &units());
    // Cut inside the last record (the end-of-file mark goes too).
    let cut = &bytes[..bytes.len() - 10];
    let e = refused(cut, BudgetReport::Rb28S);
    assert!(e.to_string().contains("plik jest ucięty"), "{e}");
    assert!(e.to_string().contains("rekordzie 6"), "{e}");
    // Cut after a few records.
    let e = refused(&bytes[..record_start(&bytes, 3) + 5], BudgetReport::Rb28S);
    assert!(e.to_string().contains("rekordzie 3"), "{e}");
    // Cut inside the field descriptors: no header terminator.
    let e = refused(&bytes[..200], BudgetReport::Rb28S);
    assert!(e.to_string().contains("0x0D") || e.to_string().contains("dBase"), "{e}");
    // Cut inside the 32-byte header.
    let e = refused(&bytes[..20], BudgetReport::Rb28S);
    assert!(e.to_string().contains("32 bajty"), "{e}");
    assert!(refused(b"", BudgetReport::Rb28S).to_string().contains("32 bajty"));
}

#[test]
fn missing_header_terminator_is_refused() {
    let specs = layout(common_text_codes(), &RB28S);
    let mut bytes = mf_file(&specs, &units());
    let terminator = 32 + 32 * specs.len();
    assert_eq!(bytes[terminator], 0x0D);
    bytes[terminator] = b' ';
    let e = refused(&bytes, BudgetReport::Rb28S);
    assert!(e.to_string().contains("0x0D"), "{e}");
}

#[test]
fn more_data_than_the_header_counts_is_refused() {
    let specs = layout(common_text_codes(), &RB28S);
    let mut bytes = mf_file(&specs, &units());
    bytes[4..8].copy_from_slice(&4u32.to_le_bytes());
    let e = refused(&bytes, BudgetReport::Rb28S);
    assert!(e.to_string().contains("za małą liczbę rekordów"), "{e}");
}

#[test]
fn wrong_language_byte_is_refused() {
    let specs = layout(common_text_codes(), &RB28S);
    let good = mf_file(&specs, &units());
    for (byte, named) in [(0x00, "nieokreślone"), (0x03, "1252"), (0x64, "852"), (0xF0, "UTF-8")] {
        let mut bytes = good.clone();
        bytes[29] = byte;
        let e = refused(&bytes, BudgetReport::Rb28S);
        let text = e.to_string();
        assert!(text.contains(&format!("0x{byte:02X}")), "{text}");
        assert!(text.contains(named), "{text}");
        assert!(text.contains("0xC8") && text.contains("Windows-1250"), "{text}");
        assert_eq!(e.problems.len(), 1, "{text}");
    }
}

#[test]
fn real_utf8_dbf_is_refused_not_garbled() {
    let e = refused(GMINY, BudgetReport::Rb28S);
    let text = e.to_string();
    assert!(text.starts_with("Nie wczytano pliku baza.dbf"), "{text}");
    assert!(text.contains("0x00") && text.contains("0xC8"), "{text}");
    assert!(text.contains("UTF-8") && text.contains("JPT_NAZWA_"), "{text}");
    assert!(text.contains("rekordu 1 zawiera „Nagłowice”"), "the UTF-8 text read right: {text}");
    assert!(text.contains("JPT_KOD_JE") && text.contains("R4"), "fields listed: {text}");
    assert!(!text.contains("Ĺ‚"), "no mojibake: {text}");
    assert!(text.contains("0x00 (kodowanie nieokreślone)"), "{text}");

    // Claiming Windows-1250 does not make it readable.
    let mut claimed = GMINY.to_vec();
    claimed[29] = 0xC8;
    let e = refused(&claimed, BudgetReport::Rb28S);
    let text = e.to_string();
    assert!(text.contains("brak pól") && text.contains("UTF-8"), "{text}");
}

#[test]
fn utf8_text_in_a_cp1250_file_is_refused_with_row_and_field() {
    let specs = layout(common_text_codes(), &RB28S);
    let mut bytes = write_dbf(&specs, &units(), EncodingRs::from(encoding_rs::UTF_8));
    bytes[29] = 0xC8;
    let e = refused(&bytes, BudgetReport::Rb28S);
    assert!(has_problem(&e, 1, "NAZWA", "UTF-8"), "{:?}", problems(&e));
    assert!(has_problem(&e, 4, "NAZWA", "Gmina Miejska Kraków"), "{:?}", problems(&e));
    assert!(has_problem(&e, 6, "KODMSWIA", "UTF-8"), "{:?}", problems(&e));
    // The message shows what Windows-1250 would have made of it.
    assert!(has_problem(&e, 4, "NAZWA", "KrakĂłw"), "{:?}", problems(&e));
    // ASCII-only records pass the check.
    assert!(!e.problems.iter().any(|p| p.row == Some(2)), "{:?}", problems(&e));
}

#[test]
fn bytes_undefined_in_cp1250_are_refused() {
    let specs = layout(common_text_codes(), &RB28S);
    let mut bytes = mf_file(&specs, &units());
    let name = field_range(&bytes, 2, "NAZWA");
    bytes[name.start] = 0x81;
    let e = refused(&bytes, BudgetReport::Rb28S);
    assert!(has_problem(&e, 2, "NAZWA", "0x81"), "{:?}", problems(&e));
}

#[test]
fn bad_amounts_are_refused_with_row_and_field() {
    let specs = layout(common_text_codes(), &RB28S);
    let lines: Vec<Line> = (0..6).map(|_| Line::unit("10", "02", "01", "1", "0")).collect();
    let mut bytes = mf_file(&specs, &lines);
    patch(&mut bytes, 2, "R4", b"1234,50");
    patch(&mut bytes, 3, "R1", b"NaN");
    patch(&mut bytes, 4, "R4", b"inf");
    patch(&mut bytes, 5, "R1", b"12a");
    patch(&mut bytes, 6, "R4", b"1e5");
    let mut seen = Vec::new();
    let e = read_mf_dbf(Cursor::new(&bytes), "baza.dbf", BudgetReport::Rb28S, |r| {
        seen.push(r.record);
    })
    .expect_err("bad amounts");
    assert!(has_problem(&e, 2, "R4", "przecinek"), "{:?}", problems(&e));
    assert!(has_problem(&e, 3, "R1", "skończoną"), "{:?}", problems(&e));
    assert!(has_problem(&e, 4, "R4", "„inf”"), "{:?}", problems(&e));
    assert!(has_problem(&e, 5, "R1", "„12a” nie jest liczbą"), "{:?}", problems(&e));
    assert!(has_problem(&e, 6, "R4", "1e5"), "{:?}", problems(&e));
    assert_eq!(e.problems.len(), 5);
    assert_eq!(seen, [1], "no record is handed out after the first problem");
    let text = e.to_string();
    assert!(text.starts_with("Nie wczytano pliku baza.dbf"), "{text}");
    assert!(text.contains("wiersz 2, kolumna R4"), "{text}");
}

#[test]
fn bad_codes_and_units_are_refused() {
    let specs = layout(common_text_codes(), &RB28S);
    let lines = [
        Line::unit("10", "02", "01", "5", "0"),
        Line::unit("10", "02", "05", "", "1"),
        Line::unit("10", "02", "01", "1", "7"),
        Line::unit("1A", "02", "01", "1", "0"),
        Line::unit("10", "02", "01", "1", "0").with("ROZDZIAL", "80201"),
        Line::unit("10", "02", "01", "1", "0").with("KWARTAL", "5"),
        Line::unit("10", "", "01", "1", "0"),
        Line::unit("10", "02", "01", "1", "0").with("PAR4", ""),
    ];
    let bytes = mf_file(&specs, &lines);
    let e = refused(&bytes, BudgetReport::Rb28S);
    assert!(has_problem(&e, 1, "GT", "GT 1 (miejska)"), "{:?}", problems(&e));
    assert!(has_problem(&e, 2, "GK", "GK 00"), "{:?}", problems(&e));
    assert!(has_problem(&e, 3, "PT", "nie rozpoznano jednostki"), "{:?}", problems(&e));
    assert!(has_problem(&e, 4, "WK", "„1A”"), "{:?}", problems(&e));
    assert!(has_problem(&e, 5, "ROZDZIAL", "nie należy do działu 801"), "{:?}", problems(&e));
    assert!(has_problem(&e, 6, "KWARTAL", "1–4"), "{:?}", problems(&e));
    assert!(has_problem(&e, 7, "PK", "brak kodu PK"), "{:?}", problems(&e));
    assert!(has_problem(&e, 8, "PAR4", "brak kodu"), "{:?}", problems(&e));
}

#[test]
fn missing_r4_is_refused_listing_the_fields() {
    let specs = layout(common_text_codes(), &["R1", "R10", "R11", "R12U", "R12B", "R9", "R13"]);
    let bytes = mf_file(&specs, &units());
    let e = refused(&bytes, BudgetReport::Rb28S);
    assert_eq!(e.problems.len(), 1, "{e}");
    let message = &e.problems[0].message;
    assert!(message.contains("brak pól R4"), "{message}");
    assert!(message.contains("plik ma pola: WK, PK, GK, GT, PT, KODMSWIA"), "{message}");
    assert!(message.contains("R12B, R9, R13"), "{message}");
}

#[test]
fn the_other_report_is_refused() {
    let specs = layout(common_text_codes(), &RB27S);
    let bytes = mf_file(&specs, &units());
    let e = refused(&bytes, BudgetReport::Rb28S);
    assert!(e.to_string().contains("sprawozdania Rb-27S"), "{e}");
    assert!(read(&bytes, BudgetReport::Rb27S).is_ok());
}

#[test]
fn amount_field_of_a_wrong_type_is_refused() {
    let mut specs = layout(common_text_codes(), &RB28S);
    let r4 = specs.iter_mut().find(|s| s.name == "R4").expect("R4");
    *r4 = text("R4", 16);
    let bytes = mf_file(&specs, &units());
    let e = refused(&bytes, BudgetReport::Rb28S);
    assert!(e.to_string().contains("pole R4 ma typ znakowy (C)"), "{e}");
}

#[test]
fn many_problems_are_capped_and_counted() {
    let specs = layout(common_text_codes(), &RB28S);
    let lines: Vec<Line> =
        (0..35).map(|_| Line::unit("10", "02", "01", "1", "0").with("KWARTAL", "9")).collect();
    let bytes = mf_file(&specs, &lines);
    let e = refused(&bytes, BudgetReport::Rb28S);
    assert_eq!(e.problems.len(), 21, "{e}");
    assert_eq!(e.problems[19].row, Some(20));
    assert!(e.problems[20].message.contains("15 dalszych problemów"), "{e}");
}

#[test]
fn only_deleted_records_is_an_error() {
    let specs = layout(common_text_codes(), &RB28S);
    let mut bytes = mf_file(&specs, &units()[..1]);
    let deleted = record_start(&bytes, 1);
    bytes[deleted] = b'*';
    let e = refused(&bytes, BudgetReport::Rb28S);
    assert!(e.to_string().contains("żadnego ważnego rekordu"), "{e}");
}

/// Counts what the parser pulls from the file.
struct Counting<R> {
    inner: R,
    read: Rc<Cell<u64>>,
    largest_request: Rc<Cell<usize>>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.largest_request.set(self.largest_request.get().max(buf.len()));
        let n = self.inner.read(buf)?;
        self.read.set(self.read.get() + n as u64);
        Ok(n)
    }
}

impl<R: Seek> Seek for Counting<R> {
    fn seek(&mut self, pos: SeekFrom) -> std::io::Result<u64> {
        self.inner.seek(pos)
    }
}

#[test]
fn records_are_streamed_not_loaded() {
    let specs = layout(common_text_codes(), &RB28S);
    let lines: Vec<Line> = (0..4000)
        .map(|i| Line::unit("10", "02", "01", "1", "0").with("R4", &format!("{i}.25")))
        .collect();
    let bytes = mf_file(&specs, &lines);
    let total = bytes.len() as u64;
    assert!(total > 600_000, "{total}");
    let read = Rc::new(Cell::new(0));
    let largest_request = Rc::new(Cell::new(0));
    let source = Counting {
        inner: Cursor::new(&bytes),
        read: Rc::clone(&read),
        largest_request: Rc::clone(&largest_request),
    };
    let mut read_at_first = None;
    let mut sum = 0.0;
    let summary = read_mf_dbf(source, "baza.dbf", BudgetReport::Rb28S, |r| {
        read_at_first.get_or_insert(read.get());
        sum += r.execution;
    })
    .expect("valid");
    assert_eq!(summary.records, 4000);
    assert_eq!(sum, (0..4000).map(|i| f64::from(i) + 0.25).sum::<f64>());
    let first = read_at_first.expect("a record");
    assert!(
        first <= 2 * 64 * 1024,
        "first record handed out after reading {first} of {total} bytes"
    );
    assert_eq!(read.get(), total, "the file is read once");
    assert!(largest_request.get() <= 64 * 1024, "reads of {} bytes", largest_request.get());
}

fn valid_file() -> Vec<u8> {
    static FILE: OnceLock<Vec<u8>> = OnceLock::new();
    FILE.get_or_init(|| mf_file(&layout(common_text_codes(), &RB28S), &units())).clone()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = read(&bytes, BudgetReport::Rb28S);
    }

    #[test]
    fn mutated_files_never_panic(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        cut in any::<prop::sample::Index>(),
        truncate in any::<bool>(),
    ) {
        let mut bytes = valid_file();
        for (at, byte) in edits {
            let at = at.index(bytes.len());
            bytes[at] = byte;
        }
        if truncate {
            bytes.truncate(cut.index(bytes.len()));
        }
        let _ = read(&bytes, BudgetReport::Rb28S);
    }

    #[test]
    fn header_mutations_never_panic(
        edits in proptest::collection::vec((0usize..600, any::<u8>()), 1..6),
    ) {
        let mut bytes = valid_file();
        for (at, byte) in edits {
            let at = at.min(bytes.len() - 1);
            bytes[at] = byte;
        }
        let _ = read(&bytes, BudgetReport::Rb28S);
    }
}
