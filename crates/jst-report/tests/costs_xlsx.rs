//! The cost workbook read back with a spreadsheet reader: sheets, headers, numbers, marks.

use calamine::{open_workbook, Data, Reader, Xlsx};
use jst_report::{write_costs_xlsx, CostLine, CostSheet, CostWorkbook, COST_COLUMNS};

fn line(code: &str, own: Option<f64>, q3: f64) -> CostLine {
    CostLine {
        code: code.into(),
        name: format!("Wydatki {code}"),
        unit: "zł".into(),
        own,
        n: 15,
        q1: Some(q3 / 2.0),
        median: Some(q3 * 0.75),
        q3: Some(q3),
        above_q3: own.map(|v| v > q3),
    }
}

#[test]
fn reads_back_with_the_numbers_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("koszty.xlsx");
    std::fs::write(&path, b"an older file that must be replaced whole").expect("old");
    let book = CostWorkbook {
        title: "Koszty jednostkowe – Wieliczka (1219053), 2024".into(),
        notes: vec!["Grupa: gminy miejsko-wiejskie, 50–100 tys. mieszkańców (n = 15)".into()],
        sheets: vec![
            CostSheet {
                service: "edukacja".into(),
                lines: vec![
                    line("WYD_SP_NA_UCZNIA", Some(15_234.567), 14_000.0),
                    line("WYD_PRZEDSZK", None, 9_000.0),
                ],
            },
            CostSheet {
                service: "kultura".into(),
                lines: vec![line("WYD_BIBLIOTEKI_PC", Some(40.5), 52.25)],
            },
        ],
    };
    write_costs_xlsx(&book, &path).expect("write");

    let mut xlsx: Xlsx<_> = open_workbook(&path).expect("a valid xlsx");
    assert_eq!(xlsx.sheet_names(), ["Edukacja", "Kultura"]);
    let edu = xlsx.worksheet_range("Edukacja").expect("sheet");
    assert_eq!(edu.get_value((0, 0)), Some(&Data::String(book.title.clone())));
    let header: Vec<String> =
        (0..9).map(|c| edu.get_value((5, c)).map(|d| d.to_string()).unwrap_or_default()).collect();
    assert_eq!(header, COST_COLUMNS);
    assert_eq!(edu.get_value((6, 1)), Some(&Data::String("WYD_SP_NA_UCZNIA".into())));
    assert_eq!(edu.get_value((6, 3)), Some(&Data::Float(15_234.567)));
    assert_eq!(edu.get_value((6, 4)), Some(&Data::Float(15.0)));
    assert_eq!(edu.get_value((6, 7)), Some(&Data::Float(14_000.0)));
    assert_eq!(edu.get_value((6, 8)), Some(&Data::String("tak".into())));
    assert_eq!(edu.get_value((7, 3)), Some(&Data::String("brak danych".into())));
    let culture = xlsx.worksheet_range("Kultura").expect("sheet");
    assert_eq!(culture.get_value((6, 3)), Some(&Data::Float(40.5)));
    assert_eq!(culture.get_value((6, 8)), Some(&Data::String("nie".into())));

    let bytes = std::fs::read(&path).expect("read");
    let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    assert!(has(b"xl/charts/chart1.xml") && has(b"xl/charts/chart2.xml"), "one chart per sheet");
    let leftovers = std::fs::read_dir(dir.path()).expect("dir").count();
    assert_eq!(leftovers, 1, "no temporary file is left beside the workbook");
}

#[test]
fn an_unwritable_place_is_a_clear_error_and_leaves_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("brak-folderu").join("koszty.xlsx");
    let book = CostWorkbook { title: "t".into(), notes: vec![], sheets: vec![] };
    let err = write_costs_xlsx(&book, &path).expect_err("no such folder");
    assert!(err.to_string().contains("nie udało się zapisać pliku"), "{err}");
    assert!(!path.exists());
}
