//! Files built to hurt the readers: archives that expand without end, sheets whose cells lie
//! far apart, registers large enough to show a quadratic reader, ISO-8859-2 posing as
//! Windows-1250, numbers a thousand times off, control characters and overlong notes. Every one
//! must be refused (or read correctly) quickly, in Polish, and without echoing what it carries.

use std::io::{Cursor, Read, Write};

use jst_import::{
    parse_mf_dictionary, parse_own_values, parse_school_list, parse_strategy_template, parse_terc,
    ImportError, Severity,
};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

const SHEET: &str = "xl/worksheets/sheet1.xml";

/// A valid own-values workbook: the base the hostile ones are made from.
fn own_values_workbook() -> Vec<u8> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (c, h) in ["wskaznik_kod", "rok", "wartosc"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).expect("header");
    }
    sheet.write_string(1, 0, "WSK_A").expect("code");
    sheet.write_number(1, 1, 2024).expect("year");
    sheet.write_number(1, 2, 12.5).expect("value");
    workbook.save_to_buffer().expect("xlsx")
}

/// `base` with the named parts replaced (or added), stored uncompressed.
fn with_parts(base: &[u8], parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut archive = ZipArchive::new(Cursor::new(base.to_vec())).expect("zip");
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    for i in 0..archive.len() {
        let file = archive.by_index_raw(i).expect("entry");
        let name = file.name().expect("name").into_owned();
        if parts.iter().any(|(part, _)| *part == name) {
            continue;
        }
        out.raw_copy_file(file).expect("copy");
    }
    for (name, bytes) in parts {
        out.start_file(*name, stored).expect("part");
        out.write_all(bytes).expect("write");
    }
    out.finish().expect("finish").into_inner()
}

/// Sets the uncompressed size the central directory declares for `name`.
fn declare_size(bytes: &mut [u8], name: &str, size: u32) {
    let mut at = 0;
    while let Some(i) = bytes[at..].windows(4).position(|w| w == b"PK\x01\x02") {
        let start = at + i;
        let name_len = u16::from_le_bytes([bytes[start + 28], bytes[start + 29]]) as usize;
        if &bytes[start + 46..start + 46 + name_len] == name.as_bytes() {
            bytes[start + 24..start + 28].copy_from_slice(&size.to_le_bytes());
            return;
        }
        at = start + 4;
    }
    panic!("no central directory entry {name}");
}

fn sheet_xml(rows: &str) -> Vec<u8> {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet \
         xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>{rows}\
         </sheetData></worksheet>"
    )
    .into_bytes()
}

fn messages(err: &ImportError) -> String {
    err.problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n")
}

#[test]
fn an_xlsx_declaring_a_gigabyte_sheet_is_refused_before_it_is_read() {
    let base = own_values_workbook();
    assert!(parse_own_values(&base, "w.xlsx").is_ok(), "the base workbook is valid");
    // The sheet itself is small; its central directory entry says 1 GiB. An honest bomb (a few
    // megabytes of deflate expanding to a gigabyte) declares its size the same way, and the ZIP
    // reader never yields more than an entry declares.
    let mut bomb = with_parts(&base, &[]);
    declare_size(&mut bomb, SHEET, 1 << 30);
    let err = parse_own_values(&bomb, "bomba.xlsx").expect_err("refused");
    let text = messages(&err);
    assert!(text.contains("po rozpakowaniu"), "{text}");
    assert!(text.contains(SHEET), "{text}");
    assert_eq!(err.problems[0].severity, Severity::Krytyczny);
    // Every reader of XLSX goes through the same check.
    assert!(messages(&parse_strategy_template(&bomb, "s.xlsx").expect_err("template"))
        .contains("po rozpakowaniu"));
    assert!(messages(&parse_school_list(&bomb, "sio.xlsx").expect_err("school list"))
        .contains("po rozpakowaniu"));
    assert!(messages(&parse_mf_dictionary(&bomb, "slownik.xlsx").expect_err("dictionary"))
        .contains("po rozpakowaniu"));
}

#[test]
fn an_xlsx_whose_parts_add_up_past_the_limit_is_refused() {
    let base = own_values_workbook();
    let mut bomb = with_parts(
        &base,
        &[("xl/media/a.bin", b"a"), ("xl/media/b.bin", b"b"), ("xl/media/c.bin", b"c")],
    );
    for name in ["xl/media/a.bin", "xl/media/b.bin", "xl/media/c.bin"] {
        declare_size(&mut bomb, name, 60 << 20);
    }
    let err = parse_own_values(&bomb, "bomba.xlsx").expect_err("refused");
    assert!(messages(&err).contains("po rozpakowaniu"), "{err}");
}

#[test]
fn an_xlsx_part_longer_than_it_declares_is_refused() {
    // A bomb that declares a small size is cut off by the ZIP reader where the size ends.
    let mut lying = with_parts(&own_values_workbook(), &[]);
    declare_size(&mut lying, SHEET, 16);
    assert!(parse_own_values(&lying, "w.xlsx").is_err());
}

#[test]
fn an_xlsx_with_more_cells_than_the_limit_is_refused() {
    // 2,000 rows of 600 cells: 1.2 million cells in 19 MB of XML, under the size limits.
    let row: String = "<c><v>1</v></c>".repeat(600);
    let rows: String = (1..=2_000).map(|r| format!("<row r=\"{r}\">{row}</row>")).collect();
    let big = with_parts(&own_values_workbook(), &[(SHEET, &sheet_xml(&rows))]);
    let err = parse_own_values(&big, "duzy.xlsx").expect_err("refused");
    let text = messages(&err);
    assert!(text.contains("komórek"), "{text}");
    assert!(text.contains("1 000 000"), "{text}");
}

#[test]
fn cells_far_apart_are_read_without_filling_the_gap() {
    // A1 and the last cell Excel has: a dense range would be 17 billion cells.
    let rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>wskaznik_kod</t></is></c></row>\
                <row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>";
    let wide = with_parts(&own_values_workbook(), &[(SHEET, &sheet_xml(rows))]);
    let err = parse_own_values(&wide, "szeroki.xlsx").expect_err("refused");
    let text = messages(&err);
    assert!(text.contains("kolumn"), "{text}");
    // Far down but narrow is only a sparse sheet: read, and the gap costs nothing.
    let rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>wskaznik_kod</t></is></c>\
                <c r=\"B1\" t=\"inlineStr\"><is><t>rok</t></is></c>\
                <c r=\"C1\" t=\"inlineStr\"><is><t>wartosc</t></is></c></row>\
                <row r=\"1048576\"><c r=\"A1048576\" t=\"inlineStr\"><is><t>WSK_A</t></is></c>\
                <c r=\"B1048576\"><v>2024</v></c><c r=\"C1048576\"><v>3</v></c></row>";
    let tall = with_parts(&own_values_workbook(), &[(SHEET, &sheet_xml(rows))]);
    let values = parse_own_values(&tall, "wysoki.xlsx").expect("valid");
    assert_eq!((values[0].line, values[0].value), (1_048_576, 3.0));
}

#[test]
fn an_xlsx_announcing_a_trillion_shared_strings_is_refused() {
    let sst = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sst \
        xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1\" \
        uniqueCount=\"1000000000000\"><si><t>x</t></si></sst>";
    let bomb = with_parts(&own_values_workbook(), &[("xl/sharedStrings.xml", sst)]);
    let err = parse_own_values(&bomb, "napisy.xlsx").expect_err("refused");
    assert!(messages(&err).contains("napisów"), "{err}");
}

#[test]
fn an_xlsx_with_more_shared_strings_than_the_limit_is_refused() {
    // Five bytes a string, each kept by the reader: counted, not only announced.
    let sst = format!(
        "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">{}</sst>",
        "<si/>".repeat(1_000_001)
    );
    let bomb = with_parts(&own_values_workbook(), &[("xl/sharedStrings.xml", sst.as_bytes())]);
    let err = parse_own_values(&bomb, "napisy.xlsx").expect_err("refused");
    assert!(messages(&err).contains("napisów"), "{err}");
}

/// A TERC XML register of at least `bytes` bytes with distinct valid units.
fn large_terc_xml(bytes: usize) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<teryt>\n<catalog name=\"TERC\" \
         type=\"all\" date=\"2025-01-01\">\n",
    );
    let row = |woj: u32, pow: Option<u32>, gmi: Option<u32>, name: &str| {
        let code = |c: Option<u32>| c.map_or_else(String::new, |c| format!("{c:02}"));
        let rodz = if gmi.is_some() { "2" } else { "" };
        format!(
            "<row>\n  <WOJ>{woj:02}</WOJ>\n  <POW>{}</POW>\n  <GMI>{}</GMI>\n  <RODZ>{rodz}</RODZ>\n  \
             <NAZWA>{name}</NAZWA>\n  <NAZWA_DOD>jednostka</NAZWA_DOD>\n  \
             <STAN_NA>2025-01-01</STAN_NA>\n</row>\n",
            code(pow),
            code(gmi)
        )
    };
    'all: for woj in (2..=32).step_by(2) {
        xml.push_str(&row(woj, None, None, "WOJEWÓDZTWO"));
        for pow in 1..=60 {
            xml.push_str(&row(woj, Some(pow), None, "powiat"));
            for gmi in 1..=99 {
                xml.push_str(&row(woj, Some(pow), Some(gmi), "Gmina Łąka"));
                if xml.len() >= bytes {
                    break 'all;
                }
            }
        }
    }
    xml.push_str("</catalog>\n</teryt>\n");
    xml
}

#[test]
fn a_large_terc_xml_is_read_in_linear_time() {
    // 8 MB: a reader that recounts lines from the start for every row needs many minutes for
    // this (3.7 MB took 213 s); a linear one a few seconds in a debug build.
    let xml = large_terc_xml(8 << 20);
    let rows = xml.matches("<row>").count();
    let parsed = parse_terc(xml.as_bytes(), "TERC.xml").expect("valid");
    assert_eq!(parsed.snapshot.entries.len(), rows);
    assert!(parsed.warnings.is_empty(), "{:?}", &parsed.warnings[..3.min(parsed.warnings.len())]);
    // Line numbers are still right at the end of the file.
    let mut cut = xml.clone();
    let last_row = cut.rfind("<row>").expect("row");
    let woj = last_row + cut[last_row..].find("<WOJ>").expect("WOJ") + "<WOJ>".len();
    cut.replace_range(woj..woj + 2, "x");
    let err = parse_terc(cut.as_bytes(), "TERC.xml").expect_err("bad WOJ");
    let line = xml[..last_row].matches('\n').count() + 1;
    assert_eq!(err.problems[0].row, Some(line), "{err}");
}

const OWN_HEADER: &str = "wskaznik_kod;rok;wartosc;status;uwagi\n";

fn own_values_csv(note: &[u8]) -> Vec<u8> {
    let mut bytes = format!("{OWN_HEADER}WSK_A;2024;1;;").into_bytes();
    bytes.extend_from_slice(note);
    bytes.push(b'\n');
    bytes
}

#[test]
fn iso_8859_2_is_told_from_windows_1250() {
    // „Ludność”: ś is 0xB6 in ISO-8859-2 (¶ in Windows-1250) and 0x9C in Windows-1250.
    let note = |bytes: &[u8]| {
        parse_own_values(&own_values_csv(bytes), "w.csv").map(|rows| rows[0].note.clone())
    };
    assert_eq!(note(b"Ludno\xB6\xE6").expect("ISO-8859-2").as_deref(), Some("Ludność"));
    assert_eq!(note(b"Ludno\x9C\xE6").expect("Windows-1250").as_deref(), Some("Ludność"));
    // All six letters that differ, both ways.
    assert_eq!(
        note(b"\xA1\xB1 \xA6\xB6 \xAC\xBC w\xB1sie").expect("ISO-8859-2").as_deref(),
        Some("Ąą Śś Źź wąsie")
    );
    assert_eq!(
        note(b"\xA5\xB9 \x8C\x9C \x8F\x9F w\xB9sie").expect("Windows-1250").as_deref(),
        Some("Ąą Śś Źź wąsie")
    );
    // Windows-1250 symbols that are ISO-8859-2 letters stay symbols when they stand alone.
    assert_eq!(note(b"\xB1 5 \xB6 3").expect("Windows-1250").as_deref(), Some("± 5 ¶ 3"));
    // ś of ISO-8859-2 beside ą of Windows-1250: either reading garbles one of them.
    let err = note(b"Ludno\xB6\xE6 w\xB9sie").expect_err("ambiguous");
    let text = messages(&err);
    assert!(text.contains("Windows-1250") && text.contains("ISO-8859-2"), "{text}");
}

#[test]
fn a_point_before_three_digits_is_reported_as_ambiguous() {
    const HEADER: &str = "kod;kod_nadrzedny;poziom;nazwa;waga_wezla;wskaznik_kod;wskaznik_nazwa;jednostka;kierunek;rok_bazowy;wartosc_bazowa;rok_docelowy;wartosc_docelowa;waga_wskaznika;komorka;zrodlo;kamienie_milowe";
    let template = |baseline: &str, target: &str| {
        format!(
            "{HEADER}\n1;;cel_strategiczny;Cel;;;;;;;;;;;;;\n\
             1.1;1;cel_operacyjny;Edukacja;;WSK_A;Dzieci;%;wzrost;2019;{baseline};2030;{target};;;;\n"
        )
    };
    let ambiguous = |baseline: &str, target: &str| {
        let parsed =
            parse_strategy_template(template(baseline, target).as_bytes(), "s.csv").expect("valid");
        parsed
            .findings
            .into_iter()
            .filter(|p| p.message.contains("niejednoznaczn"))
            .map(|p| (p.severity, p.row, p.column))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        ambiguous("1.234", "2000"),
        [(Severity::Ostrzezenie, Some(3), Some("wartosc_bazowa".to_owned()))]
    );
    assert!(ambiguous("1.5", "1234.56").is_empty());
    assert!(ambiguous("1,234", "2,5").is_empty());
    assert!(ambiguous("0.125", "1234.567").is_empty());
    // A column that shows its decimal point elsewhere is not ambiguous.
    let two = format!(
        "{}1.2;1;cel_operacyjny;Zdrowie;;WSK_B;Lekarze;%;wzrost;2019;1.5;2030;3.25;;;;\n",
        template("1.234", "2.5")
    );
    let parsed = parse_strategy_template(two.as_bytes(), "s.csv").expect("valid");
    assert!(!parsed.findings.iter().any(|p| p.message.contains("niejednoznaczn")));
}

#[test]
fn control_characters_in_fields_are_refused_and_never_echoed() {
    let err = parse_own_values(&own_values_csv(b"przed\0po"), "w.csv").expect_err("NUL");
    assert_eq!(err.problems[0].row, Some(2), "{err}");
    assert_eq!(err.problems[0].column.as_deref(), Some("uwagi"), "{err}");
    assert!(messages(&err).contains("U+0000"), "{err}");
    let err =
        parse_own_values(&own_values_csv(b"\x1b[2J\x1b]0;x\x07"), "w.csv").expect_err("escape");
    assert!(!err.to_string().contains('\x1b'), "{err:?}");
    // A value carrying an escape sequence: refused, and the message shows it defused.
    let csv = format!("{OWN_HEADER}WSK_A;2024;\x1b[31m1\u{9b}2J;;\n");
    let err = parse_own_values(csv.as_bytes(), "w.csv").expect_err("escape");
    let shown = err.to_string();
    assert!(!shown.contains('\x1b') && !shown.contains('\u{9b}'), "{shown:?}");
    // Nor is the name of the file echoed raw.
    let err = parse_own_values(b"nic", "zly\x1b[2J\0.csv").expect_err("not a file of values");
    let shown = err.to_string();
    assert!(!shown.contains('\x1b') && !shown.contains('\0'), "{shown:?}");
    // Tabs and line breaks inside a quoted note are text, not control.
    let rows = parse_own_values(
        format!("{OWN_HEADER}WSK_A;2024;1;;\"dwa\r\nwiersze\tz tabulatorem\"\n").as_bytes(),
        "w.csv",
    )
    .expect("valid");
    assert_eq!(rows[0].note.as_deref(), Some("dwa\r\nwiersze\tz tabulatorem"));
}

#[test]
fn notes_are_capped_at_ten_thousand_characters() {
    let fits = "ż".repeat(10_000);
    let rows = parse_own_values(&own_values_csv(fits.as_bytes()), "w.csv").expect("fits");
    assert_eq!(rows[0].note.as_deref().map(|n| n.chars().count()), Some(10_000));
    let long = "ż".repeat(10_001);
    let err = parse_own_values(&own_values_csv(long.as_bytes()), "w.csv").expect_err("too long");
    assert!(messages(&err).contains("10 000"), "{err}");
    assert!(err.to_string().len() < 2_000, "the note is not echoed whole");
}

#[test]
fn lines_of_more_than_a_thousand_fields_are_refused() {
    let mut csv = String::from("wskaznik_kod;rok;wartosc\nWSK_A;2024;1");
    csv.push_str(&";".repeat(1_000_000));
    csv.push('\n');
    let err = parse_own_values(csv.as_bytes(), "w.csv").expect_err("too wide");
    let text = messages(&err);
    assert!(text.contains("1000 pól"), "{text}");
    assert_eq!(err.problems[0].row, Some(2));
    // A thousand fields are still read.
    let mut csv = String::from("wskaznik_kod;rok;wartosc\nWSK_A;2024;1");
    csv.push_str(&";".repeat(997));
    csv.push('\n');
    assert!(parse_own_values(csv.as_bytes(), "w.csv").is_ok());
}

#[test]
fn tests_read_their_fixtures_whole() {
    // Guard for the helpers above: the rebuilt archive keeps its parts readable.
    let rebuilt = with_parts(&own_values_workbook(), &[("xl/media/x.bin", b"abc")]);
    let mut archive = ZipArchive::new(Cursor::new(rebuilt)).expect("zip");
    let mut text = String::new();
    archive.by_name("xl/media/x.bin").expect("part").read_to_string(&mut text).expect("read");
    assert_eq!(text, "abc");
}
