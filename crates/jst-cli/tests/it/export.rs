//! `jst export values|budget|strategy --format csv|xlsx --out PLIK` (a public contract): each kind
//! in each format read back (CSV as text, XLSX with calamine), the round trips through the
//! program's own importers, and the exit codes.

use std::path::Path;
use std::process::Command;

use calamine::{open_workbook, Data, Reader, Xlsx};

use super::jst;

const VALUES_HEADER: &str = "wskaznik_kod;rok;wartosc;status;uwagi;wskaznik_nazwa;jednostka;zrodlo;przykladowe;zmieniono;zmienil";
const HISTORY_HEADER: &str = "wskaznik_kod;rok;wartosc_poprzednia;wartosc_nowa;status_poprzedni;status_nowy;zmieniono;zmienil";
const NOTES_HEADER: &str = "strategia;kod_celu;wskaznik_kod;rok;tresc;dodano;dodal";
const BUDGET_HEADER: &str = "rok;sprawozdanie;okres;dzial;rozdzial;paragraf;plan;wykonanie;zrodlo";

fn demo(dir: &Path) -> std::path::PathBuf {
    let data = dir.join("dane");
    let init = jst(&data, &["init", "--demo"]);
    assert_eq!(init.status.code(), Some(0), "{}", String::from_utf8_lossy(&init.stderr));
    data
}

/// Runs `jst export …` and returns its stderr; it must succeed.
fn export(data: &Path, args: &[&str]) -> String {
    let output = jst(data, &[&["export"], args].concat());
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    stderr
}

fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn first_five_columns(csv: &str) -> Vec<String> {
    csv.lines().map(|l| l.split(';').take(5).collect::<Vec<_>>().join(";")).collect()
}

#[test]
fn values_as_csv_keep_the_import_columns_label_samples_and_re_import() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = demo(dir.path());
    // A changed value, so the history has more than the first entries.
    let change = dir.path().join("zmiana.csv");
    std::fs::write(
        &change,
        "wskaznik_kod;rok;wartosc;status;uwagi\nWSK_PRZEDSZKOLA;2019;86,5;wstepne;korekta SIO\n",
    )
    .expect("write");
    assert_eq!(jst(&data, &["import", "values", path(&change)]).status.code(), Some(0));

    let out = dir.path().join("wartosci.csv");
    let stderr = export(&data, &["values", "--format", "csv", "--out", path(&out)]);
    assert!(stderr.contains(&format!("Zapisano {} (174 wiersze).", out.display())), "{stderr}");
    assert!(stderr.contains("dane przykładowe"), "{stderr}");
    let text = std::fs::read_to_string(&out).expect("values");
    assert_eq!(text.lines().next(), Some(VALUES_HEADER));
    assert_eq!(text.lines().count(), 175);
    let sample = text.lines().find(|l| l.starts_with("WSK_PRZEDSZKOLA;2020;")).expect("2020");
    assert!(
        sample.starts_with("WSK_PRZEDSZKOLA;2020;86,6;ostateczne;dane przykładowe;Odsetek dzieci"),
        "{sample}"
    );
    assert!(sample.contains(";%;dane przykładowe (nie są to dane urzędowe);tak;"), "{sample}");
    let imported = text.lines().find(|l| l.starts_with("WSK_PRZEDSZKOLA;2019;")).expect("2019");
    assert!(imported.starts_with("WSK_PRZEDSZKOLA;2019;86,5;wstepne;korekta SIO;"), "{imported}");
    assert!(
        imported.contains(";%;import z pliku zmiana.csv;nie;"),
        "imported, not a sample: {imported}"
    );

    let history =
        std::fs::read_to_string(dir.path().join("wartosci-historia.csv")).expect("history");
    assert_eq!(history.lines().next(), Some(HISTORY_HEADER));
    let changes: Vec<&str> =
        history.lines().filter(|l| l.starts_with("WSK_PRZEDSZKOLA;2019;")).collect();
    assert_eq!(changes.len(), 2, "{history}");
    assert!(changes[0].starts_with("WSK_PRZEDSZKOLA;2019;;86,1;;ostateczne;"), "{}", changes[0]);
    assert!(
        changes[1].starts_with("WSK_PRZEDSZKOLA;2019;86,1;86,5;ostateczne;wstepne;"),
        "{}",
        changes[1]
    );
    let notes = std::fs::read_to_string(dir.path().join("wartosci-notatki.csv")).expect("notes");
    assert_eq!(notes, format!("{NOTES_HEADER}\n"));

    // The export reads back with `jst import values`: the same values, statuses and notes.
    let reimport = jst(&data, &["import", "values", path(&out)]);
    assert_eq!(reimport.status.code(), Some(0), "{}", String::from_utf8_lossy(&reimport.stderr));
    assert!(String::from_utf8_lossy(&reimport.stdout).contains("Wczytano 174 wartości"));
    let again = dir.path().join("znowu.csv");
    export(&data, &["values", "--out", path(&again)]);
    let again = std::fs::read_to_string(&again).expect("again");
    assert_eq!(first_five_columns(&again), first_five_columns(&text));
}

#[test]
fn values_as_xlsx_have_numbers_history_and_notes_sheets_and_re_import() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = demo(dir.path());
    let out = dir.path().join("wartosci.xlsx");
    let stderr = export(&data, &["values", "--format", "xlsx", "--out", path(&out)]);
    assert!(stderr.contains("(174 wiersze)") && stderr.contains("Historia"), "{stderr}");
    assert!(!dir.path().join("wartosci-historia.xlsx").exists());
    let mut book: Xlsx<_> = open_workbook(&out).expect("xlsx");
    assert_eq!(book.sheet_names(), ["Wartości", "Historia", "Notatki"]);
    let values = book.worksheet_range("Wartości").expect("values");
    let header: Vec<String> =
        values.rows().next().expect("header").iter().map(|c| c.to_string()).collect();
    assert_eq!(header.join(";"), VALUES_HEADER);
    let row = values
        .rows()
        .find(|r| r[0] == Data::String("WSK_PRZEDSZKOLA".into()) && r[1] == Data::Float(2019.0))
        .expect("row");
    assert_eq!(row[2], Data::Float(86.1));
    assert_eq!(row[3], Data::String("ostateczne".into()));
    assert_eq!(row[8], Data::String("tak".into()));
    let history = book.worksheet_range("Historia").expect("history");
    assert_eq!(history.height(), 175);
    assert_eq!(history.get((0, 3)), Some(&Data::String("wartosc_nowa".into())));

    let reimport = jst(&data, &["import", "values", path(&out)]);
    assert_eq!(reimport.status.code(), Some(0), "{}", String::from_utf8_lossy(&reimport.stderr));
    assert!(String::from_utf8_lossy(&reimport.stdout).contains("Wczytano 174 wartości"));
}

#[test]
fn budget_lines_in_both_formats_keep_codes_and_amounts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = demo(dir.path());
    let file = dir.path().join("rb_2024.csv");
    std::fs::write(
        &file,
        "rok;sprawozdanie;dzial;rozdzial;paragraf;plan;wykonanie\n2024;Rb-27S;756;75601;0350;5000;4800\n2024;Rb-28S;801;80101;4210;20 000;19 500\n2024;Rb-28S;801;80101;4010;1 000 000,00;990 000,50\n",
    )
    .expect("write");
    assert_eq!(jst(&data, &["import", "budget", path(&file)]).status.code(), Some(0));

    let csv = dir.path().join("budzet.csv");
    let stderr = export(&data, &["budget", "--out", path(&csv)]);
    assert!(stderr.contains("(3 wiersze)"), "{stderr}");
    assert!(!stderr.contains("przykładowe"), "budget lines are never samples: {stderr}");
    assert_eq!(
        std::fs::read_to_string(&csv).expect("csv"),
        format!(
            "{BUDGET_HEADER}\n\
             2024;Rb-28S;4;801;80101;4010;1000000;990000,5;rb_2024.csv\n\
             2024;Rb-28S;4;801;80101;4210;20000;19500;rb_2024.csv\n\
             2024;Rb-27S;4;756;75601;0350;5000;4800;rb_2024.csv\n"
        )
    );
    // The budget import reads it back (its columns by name).
    assert_eq!(jst(&data, &["import", "budget", path(&csv)]).status.code(), Some(0));

    let xlsx = dir.path().join("budzet.xlsx");
    export(&data, &["budget", "--format", "xlsx", "--out", path(&xlsx)]);
    let mut book: Xlsx<_> = open_workbook(&xlsx).expect("xlsx");
    assert_eq!(book.sheet_names(), ["Budżet"]);
    let sheet = book.worksheet_range("Budżet").expect("sheet");
    assert_eq!(sheet.get((0, 7)), Some(&Data::String("wykonanie".into())));
    assert_eq!(sheet.get((1, 7)), Some(&Data::Float(990_000.5)));
    // Codes stay text: the leading zero of a paragraf survives.
    assert_eq!(sheet.get((3, 5)), Some(&Data::String("0350".into())));
    assert_eq!(sheet.get((3, 0)), Some(&Data::Float(2024.0)));
}

#[test]
fn the_strategy_exports_as_its_template_and_both_formats_re_import_to_the_same_strategy() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = demo(dir.path());
    let csv = dir.path().join("strategia.csv");
    let stderr = export(&data, &["strategy", "--format", "csv", "--out", path(&csv)]);
    assert!(stderr.contains("(33 wiersze)") && stderr.contains("dane przykładowe"), "{stderr}");
    let template = std::fs::read_to_string(&csv).expect("csv");
    // The same file `jst strategy export` writes.
    let legacy = dir.path().join("szablon.csv");
    assert_eq!(jst(&data, &["strategy", "export", path(&legacy)]).status.code(), Some(0));
    assert_eq!(template, std::fs::read_to_string(&legacy).expect("legacy"));
    assert!(template.starts_with("kod;kod_nadrzedny;poziom;nazwa;waga_wezla;wskaznik_kod;"));

    let xlsx = dir.path().join("strategia.xlsx");
    export(&data, &["strategy", "--format", "xlsx", "--out", path(&xlsx)]);
    let mut book: Xlsx<_> = open_workbook(&xlsx).expect("xlsx");
    assert_eq!(book.sheet_names(), ["szablon", "strategia"]);
    let sheet = book.worksheet_range("szablon").expect("template");
    let row = sheet
        .rows()
        .find(|r| r[5] == Data::String("WSK_PRZEDSZKOLA".into()))
        .expect("indicator row");
    assert_eq!(
        (&row[0], &row[9], &row[10]),
        (&Data::String("1.1".into()), &Data::Float(2019.0), &Data::Float(86.1))
    );
    assert_eq!(row[16], Data::String("2025=90|2028=93".into()));
    let meta = book.worksheet_range("strategia").expect("meta");
    assert_eq!(
        meta.get((1, 0)),
        Some(&Data::String(
            "Strategia Rozwoju Gminy Wieliczka 2021–2030 (dane przykładowe)".into()
        ))
    );

    // Each file imported as a new strategy exports to the same template.
    for file in [&csv, &xlsx] {
        let import = jst(&data, &["import", "strategy", path(file), "--new"]);
        assert_eq!(import.status.code(), Some(0), "{}", String::from_utf8_lossy(&import.stderr));
        let again = dir.path().join("znowu.csv");
        export(&data, &["strategy", "--out", path(&again)]);
        assert_eq!(std::fs::read_to_string(&again).expect("again"), template, "{}", file.display());
    }
    // The workbook carried the name, period and resolution; the CSV has none of them.
    let list = super::json_of(&jst(&data, &["strategy", "list", "--format", "json"]));
    let heads: Vec<(String, String, String, String)> = list
        .as_array()
        .expect("list")
        .iter()
        .map(|s| {
            let field = |k: &str| s[k].to_string();
            (field("name"), field("period_from"), field("period_to"), field("resolution_number"))
        })
        .collect();
    assert_eq!(heads.len(), 3);
    // Active first (the XLSX import), then the CSV import, then the demo's own.
    assert_eq!(heads[0], heads[2], "{heads:?}");
    assert_eq!(heads[1].0, "\"strategia\"", "named for its file: {heads:?}");
}

#[test]
fn the_file_is_named_for_the_unit_in_the_current_folder_by_default() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = demo(dir.path());
    let output = Command::new(env!("CARGO_BIN_EXE_jst"))
        .args(["--data-dir", path(&data), "export", "strategy", "--format", "xlsx"])
        .current_dir(dir.path())
        .env_remove("JST_DATA_DIR")
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(dir.path().join("strategia-1219053.xlsx").is_file());
    assert!(String::from_utf8_lossy(&output.stderr).contains("Zapisano strategia-1219053.xlsx"));
}

#[test]
fn exit_codes_of_the_contract() {
    let dir = tempfile::tempdir().expect("tempdir");
    let empty = dir.path().join("pusty");
    // No unit chosen: nothing to export (1), nothing written.
    let out = dir.path().join("w.csv");
    let none = jst(&empty, &["export", "values", "--out", path(&out)]);
    assert_eq!(none.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&none.stderr).contains("nie wybrano jednostki"));
    assert!(!out.exists());

    let data = demo(dir.path());
    // A format or a kind the contract does not know is a usage error (2).
    for args in [
        &["export", "values", "--format", "pdf", "--out", path(&out)][..],
        &["export", "wszystko", "--out", path(&out)],
        &["export", "values", "--out"],
    ] {
        assert_eq!(jst(&data, args).status.code(), Some(2), "{args:?}");
    }
    // A workbook asked for under a .csv name is refused (3), nothing written.
    let wrong = jst(&data, &["export", "budget", "--format", "xlsx", "--out", path(&out)]);
    assert_eq!(wrong.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&wrong.stderr).contains(".csv"));
    assert!(!out.exists());
}
