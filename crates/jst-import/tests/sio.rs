//! `parse_school_list` on the real SIO list of `tests/data/sio` (see its README) and on a small
//! hand-written SpreadsheetML sheet with the format's quirks and every way a file must be refused.

use jst_import::{
    looks_like_school_list, parse_school_list, parse_school_list_xlsx, ImportError, SchoolList,
};

const KUTNO: &[u8] = include_bytes!("data/sio/kutno-2021-09-30-wykaz-szkol.xml");

/// Title rows, a group row with `ss:MergeAcross`, a header whose `Woj` repeats, `ss:Index` gaps
/// and a short row. Columns: 1 Numer RSPO, 2 Woj, 3 Pow, 4 Gmi, 5 Typ szkoły/placówki,
/// 6 Nazwa szkoły/placówki, 7 Woj (location), 8 Typ organu prowadzącego, 9 Liczba uczniów,
/// 10 P1.
const SMALL: &str = r#"<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Worksheet ss:Name="Inny">
  <Table><Row><Cell><Data ss:Type="String">nie ten arkusz</Data></Cell></Row></Table>
 </Worksheet>
 <Worksheet ss:Name="Szkoły i placówki">
  <Table>
   <Row><Cell><Data ss:Type="String">GMINA PRÓBNA</Data></Cell></Row>
   <Row><Cell><Data ss:Type="String">Wykaz szkół i placówek prowadzonych/dotowanych przez JST</Data></Cell></Row>
   <Row ss:Index="4"><Cell><Data ss:Type="String">opracowano w MEN na podstawie SIO, stan na 30IX</Data></Cell></Row>
   <Row><Cell><Data ss:Type="String">rok szkolny 2023/2024</Data></Cell></Row>
   <Row><Cell ss:Index="2" ss:MergeAcross="2"><Data ss:Type="String">Organ rejestrujący</Data></Cell><Cell><Data ss:Type="String">Typ szkoły/placówki</Data></Cell></Row>
   <Row>
    <Cell><Data ss:Type="String">Numer RSPO</Data></Cell>
    <Cell><Data ss:Type="String">Woj</Data></Cell>
    <Cell><Data ss:Type="String">Pow</Data></Cell>
    <Cell><Data ss:Type="String">Gmi</Data></Cell>
    <Cell><Data ss:Type="String">Typ szkoły/placówki</Data></Cell>
    <Cell><Data ss:Type="String">Nazwa szkoły/placówki</Data></Cell>
    <Cell><Data ss:Type="String">Woj</Data></Cell>
    <Cell><Data ss:Type="String">Typ organu prowadzącego</Data></Cell>
    <Cell><Data ss:Type="String">Liczba uczniów</Data></Cell>
    <Cell><Data ss:Type="String">P1</Data></Cell>
   </Row>
   <Row>
    <Cell><Data ss:Type="Number">111</Data></Cell>
    <Cell><Data ss:Type="String">10</Data></Cell><Cell><Data ss:Type="String">02</Data></Cell><Cell><Data ss:Type="String">01</Data></Cell>
    <Cell><Data ss:Type="String">Szkoła podstawowa</Data></Cell>
    <Cell><Data ss:Type="String">SZKOŁA &quot;A&quot;</Data></Cell>
    <Cell><Data ss:Type="String">99</Data></Cell>
    <Cell><Data ss:Type="String">Gmina</Data></Cell>
    <Cell><Data ss:Type="Number">420.40629999999999</Data></Cell>
    <Cell><Data ss:Type="Number">7</Data></Cell>
   </Row>
   <Row>
    <Cell><Data ss:Type="Number">222</Data></Cell>
    <Cell ss:Index="5"><Data ss:Type="String">Przedszkole</Data></Cell>
    <Cell><Data ss:Type="String">PRZEDSZKOLE B</Data></Cell>
    <Cell ss:Index="8"><Data ss:Type="String">Organizacje Wyznaniowe</Data></Cell>
   </Row>
   <Row ss:Index="10"/>
   <Row>
    <Cell><Data ss:Type="Number">333</Data></Cell>
    <Cell ss:Index="5"><Data ss:Type="String">Szkoła podstawowa</Data></Cell>
    <Cell><Data ss:Type="String">SZKOŁA C</Data></Cell>
    <Cell ss:Index="8"><Data ss:Type="String">Gmina</Data></Cell>
    <Cell><Data ss:Type="String">12,5</Data></Cell>
    <Cell ss:Index="10"><Data ss:Type="Number">1</Data></Cell>
   </Row>
   <Row>
    <Cell><Data ss:Type="Number">666</Data></Cell>
    <Cell ss:Index="9"><Data ss:Type="Number">432.90629999999999</Data></Cell>
   </Row>
  </Table>
 </Worksheet>
</Workbook>
"#;

fn parse(text: &str) -> Result<SchoolList, ImportError> {
    parse_school_list(text.as_bytes(), "wykaz.xml")
}

/// Replaces exactly one occurrence, so a typo in a case cannot silently test the valid file.
fn with(from: &str, to: &str) -> String {
    assert_eq!(SMALL.matches(from).count(), 1, "{from:?} must occur once");
    SMALL.replacen(from, to, 1)
}

fn messages(err: &ImportError) -> String {
    err.problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
}

#[test]
fn real_kutno_list_2021() {
    let list = parse_school_list(KUTNO, "SIO 30.09.2021.xml").expect("valid sample");
    assert_eq!(list.school_year, 2021);
    assert_eq!(list.state_date, "30IX/10X");
    assert_eq!(list.unit_name.as_deref(), Some("MIASTO KUTNO"));
    assert_eq!(list.registering, Some(("10".into(), "02".into(), "01".into())));
    // 21 schools; the totals row under them (RSPO 1995058, no name) is not one.
    assert_eq!(list.rows.len(), 21);
    assert!(list.rows.iter().all(|r| r.rspo != "1995058" && !r.name.is_empty()));

    let primary: Vec<_> = list
        .rows
        .iter()
        .filter(|r| r.school_type == "Szkoła podstawowa" && r.organ_type == "Gmina")
        .collect();
    assert_eq!(primary.len(), 7);
    let sum: f64 = primary.iter().map(|r| r.pupils).sum();
    assert!((sum - 3069.0785).abs() < 1e-6, "{sum}");
    let all: f64 = list.rows.iter().map(|r| r.pupils).sum();
    assert!((all - 3209.0785).abs() < 1e-6, "{all}");

    let first = &list.rows[0];
    assert_eq!(first.rspo, "30989");
    assert_eq!(first.school_type, "Przedszkole");
    assert_eq!(first.name, "PRZEDSZKOLE MIEJSKIE NR 15 \"BAJKA\"");
    assert_eq!(first.pupils, 0.0);
    let sp6 = list.rows.iter().find(|r| r.rspo == "31727").expect("SP 6");
    assert_eq!(sp6.pupils, 456.736);

    // Schools the city only subsidises are listed with their own organ type.
    let catholic = list.rows.iter().find(|r| r.rspo == "31728").expect("catholic school");
    assert_eq!(catholic.organ_type, "Organizacje Wyznaniowe");
    assert_eq!(catholic.school_type, "Szkoła podstawowa");
    assert_eq!(catholic.pupils, 140.0);
    let mut organs: Vec<&str> = list.rows.iter().map(|r| r.organ_type.as_str()).collect();
    organs.sort_unstable();
    organs.dedup();
    assert_eq!(
        organs,
        ["Fundacje", "Gmina", "Organizacje Wyznaniowe", "Osoba fizyczna", "Spółdzielnia"]
    );
    let mut types: Vec<&str> = list.rows.iter().map(|r| r.school_type.as_str()).collect();
    types.sort_unstable();
    types.dedup();
    assert_eq!(types, ["Przedszkole", "Punkt przedszkolny", "Szkoła podstawowa"]);
    // Lines of the XML file, growing.
    assert!(list.rows.windows(2).all(|w| w[0].line < w[1].line));
    assert_eq!(list.rows[0].line, 767);
}

#[test]
fn recognised_by_content() {
    assert!(looks_like_school_list(KUTNO));
    assert!(looks_like_school_list(SMALL.as_bytes()));
    assert!(!looks_like_school_list(b"<?xml version=\"1.0\"?><PaczkaSprawozdan/>"));
    let other_workbook = with("Liczba uczniów", "Liczba").replace("Wykaz szkół", "Wykaz");
    assert!(!looks_like_school_list(other_workbook.as_bytes()));
    let no_namespace = SMALL
        .replace(" xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"", "")
        .replace(" xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\"", "");
    assert!(!looks_like_school_list(no_namespace.as_bytes()));
    assert!(!looks_like_school_list(b""));
}

#[test]
fn small_sheet_honours_index_gaps_merges_and_short_rows() {
    let list = parse(SMALL).expect("valid");
    assert_eq!(list.school_year, 2023);
    assert_eq!(list.state_date, "30IX");
    assert_eq!(list.unit_name.as_deref(), Some("GMINA PRÓBNA"));
    // The first Woj (column 2), not the location's (column 7).
    assert_eq!(list.registering, Some(("10".into(), "02".into(), "01".into())));
    let got: Vec<(&str, &str, &str, &str, f64)> = list
        .rows
        .iter()
        .map(|r| {
            (
                r.rspo.as_str(),
                r.school_type.as_str(),
                r.name.as_str(),
                r.organ_type.as_str(),
                r.pupils,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("111", "Szkoła podstawowa", "SZKOŁA \"A\"", "Gmina", 420.4063),
            // Short row: no „Liczba uczniów” cell at all is 0.
            ("222", "Przedszkole", "PRZEDSZKOLE B", "Organizacje Wyznaniowe", 0.0),
            // A text cell with a decimal comma, after gaps made with ss:Index.
            ("333", "Szkoła podstawowa", "SZKOŁA C", "Gmina", 12.5),
        ]
    );
    let line_of =
        |needle: &str| SMALL[..SMALL.find(needle).expect("test data")].matches('\n').count() + 1;
    assert_eq!(list.rows[1].line, line_of("<Cell><Data ss:Type=\"Number\">222") - 1);
}

#[test]
fn bad_cells_name_the_line_and_column_in_polish() {
    for (from, to, column, needle) in [
        ("420.40629999999999", "NaN", "Liczba uczniów", "„NaN” nie jest liczbą uczniów"),
        ("420.40629999999999", "inf", "Liczba uczniów", "„inf” nie jest liczbą uczniów"),
        ("420.40629999999999", "1e999", "Liczba uczniów", "nie jest liczbą uczniów"),
        ("420.40629999999999", "dużo", "Liczba uczniów", "„dużo” nie jest liczbą uczniów"),
        ("420.40629999999999", "-3.5", "Liczba uczniów", "nie może być ujemna"),
        (
            "<Data ss:Type=\"Number\">111</Data>",
            "<Data ss:Type=\"String\">11a</Data>",
            "Numer RSPO",
            "nie jest liczbą całkowitą",
        ),
        (
            "<Data ss:Type=\"String\">PRZEDSZKOLE B</Data>",
            "<Data ss:Type=\"String\"> </Data>",
            "Nazwa szkoły/placówki",
            "pusta komórka",
        ),
    ] {
        let err = parse(&with(from, to)).expect_err(to);
        assert_eq!(err.problems.len(), 1, "{err}");
        let problem = &err.problems[0];
        assert_eq!(problem.column.as_deref(), Some(column), "{err}");
        assert!(problem.row.is_some(), "{err}");
        assert!(problem.message.contains(needle), "{to}: {err}");
        assert!(problem.message.contains("wiersz arkusza"), "{err}");
    }
    // The row is named by its XML line and its spreadsheet row.
    let err = parse(&with("12,5", "x")).expect_err("text");
    assert_eq!(
        err.problems[0].row,
        // The line where the row's <Row> starts.
        Some(SMALL.lines().position(|l| l.contains(">333<")).expect("test data"))
    );
    assert!(err.problems[0].message.contains("wiersz arkusza 11"), "{err}");
}

#[test]
fn all_row_problems_are_collected() {
    let text = with("420.40629999999999", "NaN")
        .replace("<Data ss:Type=\"Number\">222", "<Data ss:Type=\"String\">x");
    let text = text.replacen("<Data ss:Type=\"String\">12,5", "<Data ss:Type=\"String\">-1", 1);
    let err = parse(&text).expect_err("three bad rows");
    assert_eq!(err.problems.len(), 3, "{err}");
    assert!(err.to_string().starts_with("Nie wczytano pliku wykaz.xml"), "{err}");

    let mut many = SMALL.to_owned();
    let bad_row = "<Row><Cell><Data ss:Type=\"Number\">5</Data></Cell><Cell ss:Index=\"5\"><Data ss:Type=\"String\">S</Data></Cell><Cell><Data ss:Type=\"String\">N</Data></Cell><Cell ss:Index=\"8\"><Data ss:Type=\"String\">Gmina</Data></Cell><Cell><Data ss:Type=\"Number\">NaN</Data></Cell></Row>\n";
    many = many.replace(
        "   <Row>\n    <Cell><Data ss:Type=\"Number\">666",
        &format!("{}   <Row>\n    <Cell><Data ss:Type=\"Number\">666", bad_row.repeat(30)),
    );
    let err = parse(&many).expect_err("many");
    assert_eq!(err.problems.len(), 20, "capped");
}

#[test]
fn rows_under_the_totals_row_are_refused() {
    let text = with(
        "  </Table>\n </Worksheet>\n</Workbook>",
        "   <Row><Cell><Data ss:Type=\"Number\">777</Data></Cell><Cell ss:Index=\"6\"><Data ss:Type=\"String\">DOPISANA</Data></Cell></Row>\n  </Table>\n </Worksheet>\n</Workbook>",
    );
    let err = parse(&text).expect_err("row after the sum");
    assert!(messages(&err).contains("pod wierszem sumy"), "{err}");
    // A note under the sum is not a school.
    let text = with(
        "  </Table>\n </Worksheet>\n</Workbook>",
        "   <Row><Cell ss:Index=\"2\"><Data ss:Type=\"String\">Uwaga: dane wstępne</Data></Cell></Row>\n  </Table>\n </Worksheet>\n</Workbook>",
    );
    assert_eq!(parse(&text).expect("note").rows.len(), 3);
}

#[test]
fn bad_files_are_refused_whole() {
    let cases: Vec<(String, &str)> = vec![
        (with("rok szkolny 2023/2024", "rok 2023"), "rok szkolny RRRR/RRRR"),
        (with("rok szkolny 2023/2024", "rok szkolny 2023/2025"), "nie rozpoznano roku szkolnego"),
        (with("stan na 30IX", "stan"), "stan na"),
        (
            with("<Cell><Data ss:Type=\"String\">Numer RSPO</Data></Cell>", "<Cell><Data ss:Type=\"String\">RSPO</Data></Cell>"),
            "nie znaleziono wiersza nagłówka: szukano wiersza z kolumnami „Numer RSPO” i „Liczba uczniów”",
        ),
        (
            with("<Cell><Data ss:Type=\"String\">Typ organu prowadzącego</Data></Cell>", "<Cell><Data ss:Type=\"String\">Organ</Data></Cell>"),
            "brak kolumn: „Typ organu prowadzącego”",
        ),
        (with("<Workbook xmlns=", "<Zeszyt xmlns=").replace("</Workbook>", "</Zeszyt>"), "nie jest arkusz XML"),
        (with("</Workbook>", "</Workbook><Workbook/>"), "kolejny element"),
        (with("</Workbook>", "</Workbook>tekst"), "dalszy tekst"),
        (with("SZKOŁA &quot;A&quot;", "SZKOŁA & A"), "niepoprawny XML"),
        (with("</Table>\n </Worksheet>\n</Workbook>", "</Tabel>\n </Worksheet>\n</Workbook>"), "zamyka element"),
        (with("<?xml version=\"1.0\"?>", "<?xml version=\"1.0\" encoding=\"windows-1250\"?>"), "windows-1250"),
        (with("<Cell ss:Index=\"10\">", "<Cell ss:Index=\"4\">"), "cofa się"),
        (with("<Cell ss:Index=\"10\">", "<Cell ss:Index=\"abc\">"), "ss:Index"),
        (with("<Row ss:Index=\"10\"/>", "<Row ss:Index=\"2\"/>"), "cofa się"),
        (String::new(), "pusty"),
        (
            with("   <Row>\n    <Cell><Data ss:Type=\"Number\">111", "   <Row ss:Index=\"99\"/>\n   <Row>\n    <Cell><Data ss:Type=\"Number\">111")
                .replace("<Row ss:Index=\"10\"/>", ""),
            "",
        ),
    ];
    for (text, needle) in cases {
        if needle.is_empty() {
            // Skipping rows forward is fine.
            assert_eq!(parse(&text).expect("rows skipped forward").rows.len(), 3);
            continue;
        }
        let err = parse(&text).expect_err(needle);
        assert!(messages(&err).contains(needle), "{needle}: {err}");
    }
    // Not UTF-8: „Ł” in Windows-1250.
    let mut bytes = SMALL.as_bytes().to_vec();
    let at = SMALL.find("SZKOŁA C").expect("test data") + "SZKO".len();
    bytes.splice(at..at + "Ł".len(), [0xA3]);
    let err = parse_school_list(&bytes, "wykaz.xml").expect_err("cp1250");
    assert!(messages(&err).contains("nie jest zapisany w kodowaniu UTF-8"), "{err}");
    // No rows under the header.
    let start = SMALL.find("   <Row>\n    <Cell><Data ss:Type=\"Number\">111").expect("test data");
    let end = SMALL.find("  </Table>\n </Worksheet>\n</Workbook>").expect("test data");
    let empty = format!("{}{}", &SMALL[..start], &SMALL[end..]);
    assert!(messages(&parse(&empty).expect_err("no rows")).contains("żadnej szkoły"));
}

#[test]
fn the_first_sheet_is_read_when_none_has_the_name() {
    let text = with("ss:Name=\"Szkoły i placówki\"", "ss:Name=\"Arkusz1\"")
        .replace("<Worksheet ss:Name=\"Inny\">\n  <Table><Row><Cell><Data ss:Type=\"String\">nie ten arkusz</Data></Cell></Row></Table>\n </Worksheet>\n", "");
    assert_eq!(parse(&text).expect("first sheet").rows.len(), 3);
    // With the other sheet first, that one is read and has no header.
    let text = with("ss:Name=\"Szkoły i placówki\"", "ss:Name=\"Arkusz1\"");
    assert!(messages(&parse(&text).expect_err("wrong first sheet")).contains("„Inny”"));
}

#[test]
fn a_file_cut_short_is_refused_with_where_it_ends() {
    let cut = |marker: &str, keep: usize| {
        let at = SMALL.find(marker).expect("marker") + keep;
        parse(&SMALL[..at]).expect_err("cut short")
    };
    for (marker, keep) in [
        ("</Row>", 6),
        ("<Data ss:Type=\"Number\">420.4", 28),
        ("<Cell ss:Ind", 5),
        ("</Workbook>", 0),
        ("</Table>\n </Worksheet>\n</Workbook>", 0),
    ] {
        let err = cut(marker, keep);
        assert!(messages(&err).contains("plik jest urwany"), "{marker}: {err}");
    }
    let at = SMALL.find("SZKOŁA C").expect("test data") + "SZKO".len() + 1;
    let err = parse_school_list(&SMALL.as_bytes()[..at], "wykaz.xml").expect_err("in a letter");
    assert!(messages(&err).contains("urwany"), "{err}");
}

#[test]
fn real_sample_cut_anywhere_is_an_error() {
    // The file ends with a line break; cutting only that leaves it whole.
    let end = KUTNO.trim_ascii_end().len();
    let cuts = (0..KUTNO.len()).step_by(997).chain([end - 1, end - 12]);
    for cut in cuts {
        let err = parse_school_list(&KUTNO[..cut], "SIO.xml")
            .expect_err(&format!("a file cut at byte {cut} must be refused"));
        let message = err.to_string();
        assert!(message.contains("urwany") || message.contains("pusty"), "cut at {cut}: {err}");
    }
}

#[test]
fn the_sheet_saved_as_xlsx_gives_the_same_list() {
    let list = parse_school_list(KUTNO, "SIO.xml").expect("valid sample");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Szkoły i placówki").expect("test data");
    sheet.write_string(0, 0, "MIASTO KUTNO").expect("test data");
    sheet
        .write_string(1, 0, "Wykaz szkół i placówek prowadzonych/dotowanych przez JST")
        .expect("test data");
    sheet
        .write_string(2, 0, "opracowano w MEN na podstawie SIO, stan na 30IX/10X")
        .expect("test data");
    sheet.write_string(3, 0, "rok szkolny 2021/2022").expect("test data");
    sheet.write_string(4, 1, "Organ rejestrujący").expect("test data");
    let header = [
        "Numer RSPO",
        "Typ organu rejestrującego",
        "Woj",
        "Pow",
        "Gmi",
        "Typ szkoły/placówki",
        "Nazwa szkoły/placówki",
        "Woj",
        "Typ organu prowadzącego",
        "Liczba uczniów",
    ];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(5, c as u16, *h).expect("test data");
    }
    let mut total = 0.0;
    for (i, r) in list.rows.iter().enumerate() {
        let row = 6 + i as u32;
        sheet.write_number(row, 0, r.rspo.parse::<f64>().expect("test data")).expect("test data");
        sheet.write_string(row, 1, "Gmina").expect("test data");
        for (c, v) in [(2, "10"), (3, "02"), (4, "01"), (7, "99")] {
            sheet.write_string(row, c, v).expect("test data");
        }
        sheet.write_string(row, 5, &r.school_type).expect("test data");
        sheet.write_string(row, 6, &r.name).expect("test data");
        sheet.write_string(row, 8, &r.organ_type).expect("test data");
        // Pre-schools' zero cells are left empty, as a user's re-save may do.
        if r.pupils != 0.0 {
            sheet.write_number(row, 9, r.pupils).expect("test data");
        }
        total += r.pupils;
    }
    let totals = 6 + list.rows.len() as u32;
    sheet.write_number(totals, 0, 1_995_058.0).expect("test data");
    sheet.write_number(totals, 9, total).expect("test data");
    book.add_worksheet().set_name("Nauczyciele").expect("test data");
    let bytes = book.save_to_buffer().expect("test data");

    let from_xlsx = parse_school_list_xlsx(&bytes, "SIO.xlsx").expect("xlsx");
    // The ordinary entry point passes XLSX on.
    assert_eq!(parse_school_list(&bytes, "SIO.xlsx").as_ref(), Ok(&from_xlsx));
    assert_eq!(from_xlsx.school_year, list.school_year);
    assert_eq!(from_xlsx.state_date, list.state_date);
    assert_eq!(from_xlsx.unit_name, list.unit_name);
    assert_eq!(from_xlsx.registering, list.registering);
    assert_eq!(from_xlsx.rows.len(), list.rows.len());
    for (i, (x, r)) in from_xlsx.rows.iter().zip(&list.rows).enumerate() {
        assert_eq!(x.line, 7 + i, "spreadsheet rows");
        assert_eq!(
            (&x.rspo, &x.school_type, &x.name, &x.organ_type),
            (&r.rspo, &r.school_type, &r.name, &r.organ_type)
        );
        assert_eq!(x.pupils, r.pupils);
    }
    assert!(parse_school_list_xlsx(b"PK\x03\x04garbage", "x.xlsx").is_err());
}

proptest::proptest! {
    // Failure files cannot be kept for an integration test (proptest looks for lib.rs); a
    // failure prints its minimal input instead.
    #![proptest_config(proptest::test_runner::Config {
        failure_persistence: None,
        ..proptest::test_runner::Config::default()
    })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..1024)) {
        let _ = looks_like_school_list(&bytes);
        let _ = parse_school_list(&bytes, "x.xml");
        let _ = parse_school_list_xlsx(&bytes, "x.xlsx");
    }

    #[test]
    fn every_truncation_of_a_valid_sheet_is_refused(cut in 0..SMALL.trim_end().len()) {
        proptest::prop_assert!(parse_school_list(&SMALL.as_bytes()[..cut], "x.xml").is_err());
    }

    #[test]
    fn mutated_sheets_never_panic(at in 0..SMALL.len(), byte in proptest::num::u8::ANY) {
        let mut bytes = SMALL.as_bytes().to_vec();
        bytes[at] = byte;
        let _ = parse_school_list(&bytes, "x.xml");
    }
}
