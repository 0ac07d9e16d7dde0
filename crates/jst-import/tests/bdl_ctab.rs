//! The GUS BDL "CTAB" CSV export: the real sample, re-saved copies and broken files.

use jst_import::{ctab_column, parse_ctab, CtabTable};
use proptest::prelude::*;

const SAMPLE: &[u8] = include_bytes!("data/bdl/LUDN_2137_CTAB_20210625164329.csv");
const FILE: &str = "LUDN_2137_CTAB_20210625164329.csv";

fn value(table: &CtabTable, code: &str, column: &str) -> Option<f64> {
    let k = ctab_column(table, column).expect("column");
    table.rows.iter().find(|r| r.code == code).expect("row").values[k]
}

#[test]
fn real_sample_reads_every_unit() {
    let table = parse_ctab(SAMPLE, FILE).expect("the sample is valid");
    assert_eq!(table.rows.len(), 3779);
    assert_eq!(table.year, None);
    assert_eq!(table.columns.len(), 21);
    assert_eq!(table.columns[0], "ogółem");
    assert_eq!(table.columns[20], "0-14");
    assert_eq!(ctab_column(&table, "ogolem"), Some(0));
    assert_eq!(ctab_column(&table, "OGÓŁEM"), Some(0));
    assert_eq!(ctab_column(&table, "0-4"), Some(1));
    assert_eq!(ctab_column(&table, "85 i wiecej"), Some(19));
    assert_eq!(ctab_column(&table, "brak"), None);

    let first = &table.rows[0];
    assert_eq!((first.line, first.code.as_str()), (2, "0201011"));
    assert_eq!(first.name, "Bolesławiec (1)");

    let warszawa = table.rows.iter().find(|r| r.code == "1465011").expect("Warszawa");
    assert_eq!(warszawa.name, "M.st.Warszawa od 2002 (1)");
    assert_eq!(warszawa.line, 1848);
    assert_eq!(value(&table, "1465011", "ogółem"), Some(1_794_166.0));
    assert_eq!(value(&table, "1002011", "ogółem"), Some(43_332.0));
    assert_eq!(value(&table, "1002011", "0-4"), Some(1_917.0));

    let parts = table.rows.iter().filter(|r| r.code.ends_with('4') || r.code.ends_with('5'));
    assert_eq!(parts.count(), 1284);
    let districts = table.rows.iter().filter(|r| r.code.ends_with('8')).count();
    assert!(districts >= 18, "Warsaw districts: {districts}");
    assert!(table.rows.iter().all(|r| r.code.len() == 7 && r.values.len() == 21));
}

/// What a spreadsheet makes of the export: no BOM, no quotes, "ogolem", codes without their
/// leading zero.
fn resaved(bytes: &[u8]) -> Vec<u8> {
    let text = std::str::from_utf8(bytes).expect("UTF-8");
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = text.replace('"', "").replace("ogółem", "ogolem");
    let mut out = String::new();
    for line in text.split_inclusive('\n') {
        out.push_str(line.strip_prefix('0').unwrap_or(line));
    }
    out.into_bytes()
}

#[test]
fn resaved_copy_gives_the_same_codes_and_values() {
    let original = parse_ctab(SAMPLE, FILE).expect("sample");
    let copy_bytes = resaved(SAMPLE);
    assert!(copy_bytes.starts_with(b"Kod;Nazwa;ogolem;"));
    assert!(copy_bytes.windows(8).any(|w| w == b"\n201011;"));
    let copy = parse_ctab(&copy_bytes, "kopia.csv").expect("re-saved copy is accepted");
    assert_eq!(copy.rows.len(), original.rows.len());
    assert_eq!(copy.columns[0], "ogolem");
    assert_eq!(ctab_column(&copy, "ogółem"), ctab_column(&original, "ogółem"));
    for (a, b) in original.rows.iter().zip(&copy.rows) {
        assert_eq!((&a.code, &a.name, &a.values, a.line), (&b.code, &b.name, &b.values, b.line));
    }
    // With a BOM it reads too.
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(SAMPLE);
    assert_eq!(parse_ctab(&with_bom, FILE).expect("BOM").rows, original.rows);
}

#[test]
fn ambiguous_padded_code_is_refused_naming_both_rows() {
    let text = "Kod;Nazwa;ogółem;\n0201011;A (1);1;\n0201022;B (2);2;\n201011;C (1);3;\n";
    let err = parse_ctab(text.as_bytes(), "f.csv").expect_err("ambiguous");
    assert_eq!(err.problems.len(), 1);
    let p = &err.problems[0];
    assert_eq!((p.row, p.column.as_deref()), (Some(4), Some("Kod")));
    assert!(p.message.contains("0201011"), "{}", p.message);
    assert!(p.message.contains("„201011”"), "{}", p.message);
    assert!(p.message.contains("wiersz 2"), "{}", p.message);
    assert!(p.message.contains("niejednoznaczny"), "{}", p.message);
}

#[test]
fn bad_codes_are_errors_in_column_kod() {
    for code in ["1", "12345", "12345678", "02010a1", "", "0201O11"] {
        let text = format!("Kod;Nazwa;ogółem\n{code};A;1\n");
        let err = parse_ctab(text.as_bytes(), "f.csv").expect_err(code);
        let p = &err.problems[0];
        assert_eq!((p.row, p.column.as_deref()), (Some(2), Some("Kod")), "{code}");
        assert!(p.message.contains("7-cyfrowym"), "{}", p.message);
    }
}

#[test]
fn header_year_cell_gives_the_year() {
    let text =
        "\"Kod\";\"Nazwa\";\"ogółem;ogółem;2018;[osoba]\";\"mężczyźni;ogółem;2018;[osoba]\";\n\
                \"0201011\";\"Bolesławiec (1)\";\"38 486\";\"18000,5\";\n";
    let table = parse_ctab(text.as_bytes(), "f.csv").expect("valid");
    assert_eq!(table.year, Some(2018));
    assert_eq!(table.columns[0], "ogółem;ogółem;2018;[osoba]");
    assert_eq!(ctab_column(&table, "ogolem"), Some(0));
    assert_eq!(ctab_column(&table, "mezczyzni"), Some(1));
    assert_eq!(table.rows[0].values, vec![Some(38486.0), Some(18000.5)]);

    let none = "Kod;Nazwa;\"ogółem;ogółem;1800;[osoba]\"\n0201011;A;1\n";
    assert_eq!(parse_ctab(none.as_bytes(), "f.csv").expect("valid").year, None);
}

#[test]
fn empty_and_dash_cells_are_none_and_decimals_are_read() {
    let text = "Kod;Nazwa;a;b;c;d;\n0201011;A;-;;1,5;2.25;\n0201022;B;1 234;0;-3;4\n";
    let table = parse_ctab(text.as_bytes(), "f.csv").expect("valid");
    assert_eq!(table.columns, ["a", "b", "c", "d"]);
    assert_eq!(table.rows[0].values, vec![None, None, Some(1.5), Some(2.25)]);
    assert_eq!(table.rows[1].values, vec![Some(1234.0), Some(0.0), Some(-3.0), Some(4.0)]);
}

#[test]
fn bad_values_are_errors_with_row_and_column() {
    let text = "Kod;Nazwa;ogółem;0-4;\n0201011;A;NaN;1;\n0201022;B;2;inf;\n0201032;C;x;1e5;\n";
    let err = parse_ctab(text.as_bytes(), "f.csv").expect_err("bad values");
    let found: Vec<_> =
        err.problems.iter().map(|p| (p.row, p.column.clone().unwrap_or_default())).collect();
    assert_eq!(
        found,
        [
            (Some(2), "ogółem".to_owned()),
            (Some(3), "0-4".to_owned()),
            (Some(4), "ogółem".to_owned()),
            (Some(4), "0-4".to_owned())
        ]
    );
    assert!(err.problems[0].message.contains("„NaN” nie jest liczbą"));
    assert!(err.to_string().contains("wiersz 3, kolumna 0-4"));
}

#[test]
fn file_cut_mid_row_is_an_error_naming_the_row() {
    let mut cut = SAMPLE[..SAMPLE.len() - 40].to_vec();
    while cut.last().is_some_and(|b| *b != b';') {
        cut.pop();
    }
    cut.pop();
    let err = parse_ctab(&cut, FILE).expect_err("cut");
    assert_eq!(err.problems.len(), 1);
    assert_eq!(err.problems[0].row, Some(3780));
    assert!(err.problems[0].message.contains("ucięty"), "{}", err.problems[0].message);

    let short = "Kod;Nazwa;a;b;\n0201011;A;1;2;\n0201022;B;1\n";
    let err = parse_ctab(short.as_bytes(), "f.csv").expect_err("short row");
    assert_eq!(err.problems[0].row, Some(3));
    // A missing trailing `;` is not a cut row.
    assert!(parse_ctab(b"Kod;Nazwa;a;b;\n0201011;A;1;2\n", "f.csv").is_ok());
    // Extra non-empty cells are.
    assert!(parse_ctab(b"Kod;Nazwa;a\n0201011;A;1;2\n", "f.csv").is_err());
}

#[test]
fn wrong_header_and_empty_file_are_errors() {
    let err = parse_ctab(b"", "f.csv").expect_err("empty");
    assert!(err.problems[0].message.contains("pusty"));
    assert!(parse_ctab(b"\r\n\r\n", "f.csv").is_err());
    let err = parse_ctab(b"teryt;wartosc\n0201011;1\n", "f.csv").expect_err("header");
    assert_eq!(err.problems[0].row, Some(1));
    assert!(err.problems[0].message.contains("„Kod”"));
    // Header only: a file cut after its first line, with no unit to import.
    let err = parse_ctab(b"KOD;NAZWA;ogolem;\r\n", "f.csv").expect_err("header only");
    assert!(err.problems[0].message.contains("nie ma żadnego wiersza"), "{err}");
}

#[test]
fn windows_1250_copy_is_read() {
    let (bytes, _, _) =
        encoding_rs::WINDOWS_1250.encode("Kod;Nazwa;ogółem\n0201011;Bolesławiec (1);5\n");
    let table = parse_ctab(&bytes, "f.csv").expect("cp1250");
    assert_eq!(table.columns, ["ogółem"]);
    assert_eq!(table.rows[0].name, "Bolesławiec (1)");
}

#[test]
fn problems_are_capped() {
    let mut text = String::from("Kod;Nazwa;a\n");
    for i in 0..100 {
        text.push_str(&format!("x{i};A;1\n"));
    }
    let err = parse_ctab(text.as_bytes(), "f.csv").expect_err("many");
    assert_eq!(err.problems.len(), 20);
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = parse_ctab(&bytes, "f.csv");
    }

    #[test]
    fn mangled_headers_and_rows_never_panic(
        body in "(Kod|Nazwa|ogółem|[0-9]{0,8}|;|\"|\r?\n|-|,| ){0,60}",
    ) {
        let text = format!("Kod;Nazwa;ogółem;\n{body}");
        let _ = parse_ctab(text.as_bytes(), "f.csv");
    }
}
