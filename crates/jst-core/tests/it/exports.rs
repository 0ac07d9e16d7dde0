//! Export of own data: what the files hold beyond what the CLI can put in (typed values, notes),
//! and that an export that cannot be written leaves nothing behind.

use calamine::{open_workbook, Data, Reader, Xlsx};
use jst_core::{ErrorKind, ExportFormat, ExportKind, Monitor, ValueInput};
use jst_domain::ObservationStatus;

#[test]
fn typed_values_their_history_and_notes_are_exported_in_both_formats() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut monitor = Monitor::open(&dir.path().join("dane")).expect("open");
    monitor.open_demo().expect("demo");
    let input = ValueInput {
        indicator: "WSK_PRZEDSZKOLA".into(),
        year: 2025,
        value: 80.0,
        status: ObservationStatus::Wstepne,
        // A note a spreadsheet would run as a formula, with the separator inside.
        note: Some("=spadek; zamknięcie oddziału".into()),
    };
    monitor.record_value(&input, 2025).expect("typed in");
    monitor.record_value(&ValueInput { value: 93.0, ..input }, 2025).expect("raised");
    monitor
        .add_indicator_note("WSK_PRZEDSZKOLA", Some(2025), "Remont zakończony w maju.", 2025)
        .expect("note");

    let out = dir.path().join("wartosci.csv");
    let view = monitor.export_own_data(ExportKind::Values, ExportFormat::Csv, &out).expect("csv");
    assert_eq!((view.rows, view.history_rows, view.note_rows, view.sample), (175, 176, 1, true));
    let history_path = dir.path().join("wartosci-historia.csv");
    let notes_path = dir.path().join("wartosci-notatki.csv");
    assert_eq!(
        view.companion_files,
        [history_path.display().to_string(), notes_path.display().to_string()]
    );
    let values = std::fs::read_to_string(&out).expect("values");
    assert_eq!(view.bytes as usize, values.len());
    // The last change, its note guarded and quoted.
    let row = values.lines().find(|l| l.starts_with("WSK_PRZEDSZKOLA;2025;")).expect("row");
    assert!(
        row.starts_with("WSK_PRZEDSZKOLA;2025;93;wstepne;\"'=spadek; zamknięcie oddziału\";"),
        "{row}"
    );
    assert!(row.contains(";tak;"), "typed into the demo, so a sample too: {row}");
    let history = std::fs::read_to_string(&history_path).expect("history");
    let changes: Vec<&str> =
        history.lines().filter(|l| l.starts_with("WSK_PRZEDSZKOLA;2025;")).collect();
    assert_eq!(changes.len(), 2, "{history}");
    assert!(changes[0].starts_with("WSK_PRZEDSZKOLA;2025;;80;;wstepne;"), "{}", changes[0]);
    assert!(
        changes[1].starts_with("WSK_PRZEDSZKOLA;2025;80;93;wstepne;wstepne;"),
        "{}",
        changes[1]
    );
    let notes = std::fs::read_to_string(&notes_path).expect("notes");
    let note = notes.lines().nth(1).expect("one note");
    assert!(
        note.starts_with(
            "Strategia Rozwoju Gminy Wieliczka 2021–2030 (dane przykładowe);1.1;WSK_PRZEDSZKOLA;2025;Remont zakończony w maju.;"
        ),
        "{note}"
    );

    // The note reads back without its guard.
    let parsed = jst_import::parse_own_values(values.as_bytes(), "w.csv").expect("re-readable");
    let typed = parsed.iter().find(|r| r.indicator == "WSK_PRZEDSZKOLA" && r.year == 2025);
    assert_eq!(typed.and_then(|r| r.note.as_deref()), Some("=spadek; zamknięcie oddziału"));

    let xlsx = dir.path().join("wartosci.xlsx");
    let view =
        monitor.export_own_data(ExportKind::Values, ExportFormat::Xlsx, &xlsx).expect("xlsx");
    assert!(view.companion_files.is_empty());
    let mut book: Xlsx<_> = open_workbook(&xlsx).expect("workbook");
    assert_eq!(book.sheet_names(), ["Wartości", "Historia", "Notatki"]);
    let notes = book.worksheet_range("Notatki").expect("notes");
    assert_eq!(notes.get((1, 4)), Some(&Data::String("Remont zakończony w maju.".into())));
    assert_eq!(notes.get((1, 3)), Some(&Data::Float(2025.0)));
    let values = book.worksheet_range("Wartości").expect("values");
    let typed = values
        .rows()
        .find(|r| r[0] == Data::String("WSK_PRZEDSZKOLA".into()) && r[1] == Data::Float(2025.0))
        .expect("typed row");
    assert_eq!(typed[2], Data::Float(93.0));
    assert_eq!(typed[4], Data::String("=spadek; zamknięcie oddziału".into()));
}

#[test]
fn an_export_that_cannot_be_written_leaves_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut monitor = Monitor::open(&dir.path().join("dane")).expect("open");
    let out = dir.path().join("wartosci.csv");
    let err =
        monitor.export_own_data(ExportKind::Values, ExportFormat::Csv, &out).expect_err("no unit");
    assert_eq!(err.kind(), ErrorKind::MissingData);
    assert_eq!(
        monitor.export_file_name(ExportKind::Values, ExportFormat::Csv).map_err(|e| e.kind()),
        Err(ErrorKind::MissingData)
    );
    monitor.open_demo().expect("demo");
    assert_eq!(
        monitor.export_file_name(ExportKind::Budget, ExportFormat::Xlsx).expect("name"),
        "budzet-1219053.xlsx"
    );
    let err = monitor
        .export_own_data(ExportKind::Values, ExportFormat::Xlsx, &out)
        .expect_err("a workbook named .csv");
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let missing = dir.path().join("nie-ma-takiego-folderu").join("w.csv");
    let err = monitor
        .export_own_data(ExportKind::Strategy, ExportFormat::Csv, &missing)
        .expect_err("no folder");
    assert_eq!(err.kind(), ErrorKind::Io);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["dane"], "nothing written beside the data folder");
}
