//! The window's check-then-import of the reference data the CLI loads too: the catalogue,
//! public values per unit and the TERYT register.

use std::path::{Path, PathBuf};

use jst_core::{ErrorKind, ImportKind, ImportStage, Monitor};

const SHIPPED_CATALOGUE: &str = include_str!("../../../../assets/catalogue/katalog_wskaznikow.csv");
const SHIPPED_REGISTER: &str = include_str!("../../../../assets/register/TERC_2024-01-01.csv");
const CATALOGUE_HEADER: &str =
    "kod;nazwa;jednostka;kierunek;obszar;opis;strukturalny;nazwa_en;wzor;liczba_osob";

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path
}

fn wieliczka(dir: &Path) -> Monitor {
    let mut monitor = Monitor::open(&dir.join("dane")).expect("open");
    monitor.choose_unit("1219053").expect("unit");
    monitor
}

/// Both databases, to show a check wrote nothing.
fn stores(dir: &Path) -> (Vec<u8>, Vec<u8>) {
    let read = |name: &str| std::fs::read(dir.join("dane").join(name)).expect("db");
    (read("local.db"), read("peers.db"))
}

fn severities(
    report: &jst_core::ImportCheckView,
) -> Vec<(jst_import::Severity, Option<u32>, Option<&str>)> {
    report.findings.iter().map(|f| (f.severity, f.row, f.column.as_deref())).collect()
}

#[test]
fn the_shipped_catalogue_checks_clean_and_a_new_indicator_is_added_after_the_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut monitor = wieliczka(dir.path());
    let before = stores(dir.path());

    let shipped = write(dir.path(), "katalog_wskaznikow.csv", SHIPPED_CATALOGUE);
    let report =
        monitor.check_import(ImportKind::Catalogue, &shipped, &mut |_| true).expect("check");
    assert!(report.ok, "{report:?}");
    assert_eq!(report.indicators, 54);
    assert_eq!(report.findings, vec![]);

    // A formula naming a code neither the file nor the catalogue has: an error at its cell.
    let bad = write(
        dir.path(),
        "katalog-zly.csv",
        &format!("{CATALOGUE_HEADER}\nBIBL_NA_MIESZK;Księgozbiór na mieszkańca;wol.;wiecej_lepiej;kultura;;;;KSIEGOZBIOR / LUD_OGOLEM;\n"),
    );
    let report = monitor.check_import(ImportKind::Catalogue, &bad, &mut |_| true).expect("check");
    assert!(!report.ok);
    assert_eq!(severities(&report), vec![(jst_import::Severity::Blad, Some(2), Some("wzor"))]);
    assert!(report.findings[0].message.contains("KSIEGOZBIOR"), "{:?}", report.findings);
    let refused =
        monitor.run_import(ImportKind::Catalogue, &bad, false, &mut |_| true).expect_err("refused");
    assert_eq!(refused.kind(), ErrorKind::InvalidInput);
    assert_eq!(stores(dir.path()), before, "checks and refusals write nothing");

    let good = write(
        dir.path(),
        "katalog.csv",
        &format!("{CATALOGUE_HEADER}\nBIBL_WOLUMINY;Księgozbiór bibliotek publicznych;wol.;wiecej_lepiej;kultura;;tak;;;\nBIBL_NA_MIESZK;Księgozbiór na mieszkańca;wol.;wiecej_lepiej;kultura;;;;BIBL_WOLUMINY / LUD_OGOLEM;\n"),
    );
    let report = monitor.check_import(ImportKind::Catalogue, &good, &mut |_| true).expect("check");
    assert!(report.ok && report.indicators == 2, "{report:?}");
    assert!(!monitor
        .comparable_indicators()
        .expect("list")
        .iter()
        .any(|i| i.code == "BIBL_NA_MIESZK"));
    let mut stages = Vec::new();
    let done = monitor
        .run_import(ImportKind::Catalogue, &good, false, &mut |p| {
            stages.push((p.stage, p.done, p.total));
            true
        })
        .expect("import");
    assert_eq!((done.ok, done.indicators, done.file.as_str()), (true, 2, "katalog.csv"));
    assert_eq!(stages.first(), Some(&(ImportStage::Checking, 0, 2)));
    assert_eq!(
        stages[stages.len() - 2..],
        [(ImportStage::Writing, 0, 1), (ImportStage::Writing, 1, 1)]
    );
    let listed = monitor.comparable_indicators().expect("list");
    let added = listed.iter().find(|i| i.code == "BIBL_NA_MIESZK").expect("in the catalogue");
    assert_eq!(added.name, "Księgozbiór na mieszkańca");
}

#[test]
fn public_values_are_checked_against_the_catalogue_and_register_then_loaded() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut monitor = wieliczka(dir.path());
    let before = stores(dir.path());

    // Gdów (1219022) and Wieliczka by its gmina code; 1299012 is no unit of the register.
    let file = write(
        dir.path(),
        "powierzchnia.csv",
        "teryt;wskaznik_kod;rok;wartosc\n1219053;POW_KM2;2019;100,5\n1219022;POW_KM2;2019;108,2\n1299012;POW_KM2;2019;50\n",
    );
    let report =
        monitor.check_import(ImportKind::PublicValues, &file, &mut |_| true).expect("check");
    assert!(report.ok, "{report:?}");
    assert_eq!((report.values, report.units), (2, 2));
    assert_eq!(
        severities(&report),
        vec![(jst_import::Severity::Ostrzezenie, Some(4), Some("teryt"))]
    );
    assert!(report.findings[0].message.contains("wiersz pominięto"), "{:?}", report.findings);

    let unknown = write(
        dir.path(),
        "nieznany.csv",
        "teryt;wskaznik_kod;rok;wartosc\n1219053;NIE_MA_TAKIEGO;2019;1\n",
    );
    let report =
        monitor.check_import(ImportKind::PublicValues, &unknown, &mut |_| true).expect("check");
    assert!(!report.ok);
    assert_eq!(
        severities(&report),
        vec![(jst_import::Severity::Blad, Some(2), Some("wskaznik_kod"))]
    );
    assert_eq!(stores(dir.path()), before, "checks write nothing");

    let stopped = monitor
        .run_import(ImportKind::PublicValues, &file, false, &mut |p| {
            p.stage != ImportStage::Writing
        })
        .expect_err("cancelled before writing");
    assert_eq!(stopped.kind(), ErrorKind::Cancelled);
    assert_eq!(stores(dir.path()), before);

    let done =
        monitor.run_import(ImportKind::PublicValues, &file, false, &mut |_| true).expect("import");
    assert_eq!((done.values, done.units, done.findings.len()), (2, 2, 1));
    let view = monitor.benchmark("POW_KM2", 2019, "powiat").expect("benchmark");
    assert_eq!(view.own.value, Some(100.5));
    assert_eq!(view.stats.n, 2);
}

#[test]
fn a_register_that_would_end_many_units_is_reported_and_loaded_only_with_consent() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut monitor = wieliczka(dir.path());
    let active = monitor.check_import(
        ImportKind::Register,
        &write(dir.path(), "TERC_2024-01-01.csv", SHIPPED_REGISTER),
        &mut |_| true,
    );
    let same = active.expect("check").register.expect("register");
    assert_eq!((same.ending, same.needs_consent, same.as_of.as_str()), (0, false, "2024-01-01"));
    assert_eq!(same.units, same.active);

    // The whole register less four gminy of powiat wielicki.
    let dropped = ["12;19;01;", "12;19;02;", "12;19;03;", "12;19;04;"];
    let shrunk: String = SHIPPED_REGISTER
        .lines()
        .filter(|l| !dropped.iter().any(|d| l.starts_with(d)))
        .map(|l| format!("{l}\n"))
        .collect();
    let file = write(dir.path(), "TERC_niepelny.csv", &shrunk);
    let before = stores(dir.path());
    let mut seen = Vec::new();
    let report = monitor
        .check_import(ImportKind::Register, &file, &mut |p| {
            seen.push((p.stage, p.done, p.total));
            true
        })
        .expect("check");
    assert_eq!(seen, [(ImportStage::Checking, 0, 1), (ImportStage::Checking, 1, 1)]);
    assert!(report.ok, "the file itself is valid: {report:?}");
    let register = report.register.expect("register");
    assert_eq!((register.ending, register.needs_consent), (4, true));
    assert_eq!(register.active - register.units, 4);
    assert!(register.ending_examples.iter().any(|e| e == "1219012 Biskupice"), "{register:?}");
    assert_eq!(register.loaded, None);

    let refused = monitor
        .run_import(ImportKind::Register, &file, false, &mut |_| true)
        .expect_err("refused without consent");
    assert_eq!(refused.kind(), ErrorKind::InvalidInput);
    assert!(refused.to_string().contains("zakończyłby ważność 4 jednostek"), "{refused}");
    assert_eq!(stores(dir.path()), before, "nothing written");

    let done =
        monitor.run_import(ImportKind::Register, &file, true, &mut |_| true).expect("consented");
    let loaded = done.register.and_then(|r| r.loaded).expect("loaded");
    assert_eq!((loaded.ended, loaded.created, loaded.as_of.as_str()), (4, 0, "2024-01-01"));
    assert!(monitor.search_units("biskupice", 5).expect("search").is_empty());
}

#[test]
fn a_file_that_is_no_register_is_a_report_with_its_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let monitor = wieliczka(dir.path());
    let file = write(dir.path(), "terc.csv", "kod;nazwa\n12;MAŁOPOLSKIE\n");
    let report = monitor.check_import(ImportKind::Register, &file, &mut |_| true).expect("check");
    assert!(!report.ok);
    assert_eq!(report.register, None);
    assert_eq!(severities(&report)[0].0, jst_import::Severity::Blad);
    assert!(report.findings[0].message.contains("to nie jest plik TERC"), "{:?}", report.findings);
}
