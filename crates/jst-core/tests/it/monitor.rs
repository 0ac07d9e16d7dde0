use jst_core::{ErrorKind, Monitor};
use serde_json::json;

fn folder() -> tempfile::TempDir {
    tempfile::tempdir().expect("tempdir")
}

#[test]
fn first_run_loads_register_and_has_no_unit() {
    let dir = folder();
    let monitor = Monitor::open(dir.path()).expect("open");
    let status = monitor.status().expect("status");
    assert_eq!(status.unit, None);
    assert!(!status.demo);
    assert_eq!(i64::from(status.schema_version), jst_store::LOCAL_SCHEMA_VERSION);
    let lodz = monitor.search_units("lodz", 20).expect("search");
    assert!(lodz.iter().any(|u| u.teryt == "1061011" && u.name == "Łódź"), "{lodz:?}");
}

#[test]
fn demo_is_wieliczka_with_real_population() {
    let dir = folder();
    let mut monitor = Monitor::open(dir.path()).expect("open");
    let status = monitor.open_demo().expect("demo");
    let value = serde_json::to_value(&status).expect("json");
    assert_eq!(
        value,
        json!({
            "unit": {
                "teryt": "1219053",
                "name": "Wieliczka",
                "kind": "gmina_miejsko_wiejska",
                "powiat": "wielicki",
                "voivodeship": "małopolskie",
                "population": {"year": 2024, "value": 69791}
            },
            "data_dir": dir.path().display().to_string(),
            "schema_version": 13,
            "demo": true
        })
    );
    // Reopening the folder keeps the choice and loads nothing twice.
    drop(monitor);
    let monitor = Monitor::open(dir.path()).expect("reopen");
    assert!(monitor.status().expect("status").demo);
}

#[test]
fn choosing_a_real_unit_leaves_the_demo_and_its_samples() {
    let dir = folder();
    let mut monitor = Monitor::open(dir.path()).expect("open");
    monitor.open_demo().expect("demo");
    let status = monitor.choose_unit("1261").expect("Kraków by its powiat alias");
    let unit = status.unit.expect("unit");
    assert_eq!((unit.teryt.as_str(), unit.kind.code()), ("1261011", "miasto_na_prawach_powiatu"));
    assert_eq!(unit.powiat, None);
    assert_eq!(unit.population.map(|p| p.value), Some(809_168));
    assert!(!status.demo);
    drop(monitor);
    let store = jst_store::LocalStore::open(
        &dir.path().join("local.db"),
        &jst_store::Stamp { at: "t".into(), by: "t".into() },
    )
    .expect("store");
    assert!(store.observations().expect("values").is_empty(), "sample values removed");
}

#[test]
fn a_unit_outside_malopolska_has_the_shipped_2020_population() {
    let dir = folder();
    let mut monitor = Monitor::open(dir.path()).expect("open");
    let status = monitor.choose_unit("1465011").expect("Warszawa");
    let unit = status.unit.expect("unit");
    assert_eq!(unit.name, "Warszawa");
    assert_eq!(unit.voivodeship, "mazowieckie");
    let population = unit.population.expect("population");
    assert_eq!((population.value, population.year), (1_794_166, 2020));
}

#[test]
fn bad_codes_are_invalid_or_unknown() {
    let dir = folder();
    let mut monitor = Monitor::open(dir.path()).expect("open");
    assert_eq!(
        monitor.choose_unit("12a").map(|_| ()).map_err(|e| e.kind()),
        Err(ErrorKind::InvalidInput)
    );
    assert_eq!(
        monitor.choose_unit("9999999").map(|_| ()).map_err(|e| e.kind()),
        Err(ErrorKind::NotFound)
    );
    assert_eq!(monitor.status().expect("status").unit, None);
}

#[test]
fn own_values_pin_the_data_folder_to_its_unit() {
    let dir = folder();
    let mut monitor = Monitor::open(dir.path()).expect("open");
    monitor.choose_unit("1219053").expect("Wieliczka");
    drop(monitor);
    {
        let stamp = jst_store::Stamp { at: "t".into(), by: "t".into() };
        let mut store =
            jst_store::LocalStore::open(&dir.path().join("local.db"), &stamp).expect("store");
        let value = jst_store::ObservationRecord {
            indicator: "LUD_OGOLEM".into(),
            year: 2024,
            value: 69791.0,
            status: "ostateczne".into(),
            source: None,
            note: None,
            sample: false,
        };
        store.upsert_observations(&stamp, "test", &[value]).expect("own value");
    }
    let mut monitor = Monitor::open(dir.path()).expect("reopen");
    let err = monitor.choose_unit("1261011").expect_err("refused");
    assert_eq!(err.kind(), ErrorKind::Conflict);
    assert_eq!(monitor.open_demo().map(|_| ()).map_err(|e| e.kind()), Err(ErrorKind::Conflict));
    assert_eq!(monitor.status().expect("status").unit.map(|u| u.teryt), Some("1219053".into()));
}

#[test]
fn a_broken_register_file_writes_nothing() {
    let dir = folder();
    let mut monitor = Monitor::open(dir.path()).expect("open");
    let files = dir.path().join("in");
    std::fs::create_dir_all(&files).expect("dir");
    let broken = files.join("terc.csv");
    std::fs::write(&broken, "WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA\n12;;;;MAŁOPOLSKIE;województwo;2025-01-01\n12;19;05;X;Wieliczka;gmina;2025-01-01\n").expect("write");
    let before = std::fs::read(dir.path().join("local.db")).expect("db");
    let err = monitor.import_register(&broken, Default::default()).expect_err("broken row");
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let message = err.to_string();
    assert!(
        message.contains("terc.csv") && message.contains("wiersz 3") && message.contains("RODZ"),
        "{message}"
    );
    assert_eq!(std::fs::read(dir.path().join("local.db")).expect("db"), before);
    assert_eq!(monitor.search_units("wieliczka", 5).expect("search")[0].teryt, "1219053");

    let missing = monitor
        .import_register(&files.join("nie-ma.csv"), Default::default())
        .expect_err("missing file");
    assert_eq!(missing.kind(), ErrorKind::InvalidInput);
    assert!(missing.to_string().contains("nie-ma.csv"), "{missing}");
}

#[test]
fn a_register_that_would_end_more_than_three_units_needs_consent() {
    let dir = folder();
    let mut monitor = Monitor::open(dir.path()).expect("open");
    let shipped = include_str!("../../../../assets/register/TERC_2024-01-01.csv");
    // The whole register less four gminy of powiat wielicki: a file cut at a line end looks
    // like this, and loading it as a full snapshot would end the four.
    let dropped = ["12;19;01;", "12;19;02;", "12;19;03;", "12;19;04;"];
    let shrunk: String = shipped
        .lines()
        .filter(|l| !dropped.iter().any(|d| l.starts_with(d)))
        .map(|l| format!("{l}\n"))
        .collect();
    let file = dir.path().join("TERC_niepelny.csv");
    std::fs::write(&file, &shrunk).expect("write");
    let before = std::fs::read(dir.path().join("local.db")).expect("db");
    let err = monitor.import_register(&file, Default::default()).expect_err("refused");
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let message = err.to_string();
    assert!(
        message.contains("zakończyłby ważność 4 jednostek")
            && message.contains("Biskupice")
            && message.contains("--allow-shrink"),
        "{message}"
    );
    assert_eq!(std::fs::read(dir.path().join("local.db")).expect("db"), before, "nothing written");

    // Three ended units are a real year's change: no consent needed.
    let three: String = shipped
        .lines()
        .filter(|l| !dropped[..3].iter().any(|d| l.starts_with(d)))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&file, &three).expect("write");
    let report = monitor.import_register(&file, Default::default()).expect("three may end");
    assert_eq!(report.ended, 3);

    std::fs::write(&file, &shrunk).expect("write");
    let consent = jst_core::RegisterImportOptions { allow_shrink: true, ..Default::default() };
    let report = monitor.import_register(&file, consent).expect("consented");
    assert_eq!(report.ended, 1, "the fourth; the other three ended before");
    assert!(monitor.search_units("biskupice", 5).expect("search").is_empty());
}

#[test]
fn budget_lines_become_wyd_and_doch_series() {
    let dir = folder();
    let mut monitor = Monitor::open(dir.path()).expect("open");
    let file = dir.path().join("b.csv");
    std::fs::write(&file, "rok;sprawozdanie;dzial;rozdzial;paragraf;plan;wykonanie\n2023;Rb-28S;900;90002;4300;10;8\n2023;Rb-28S;900;90002;4210;5;4\n2023;Rb-27S;756;75601;0350;3;2\n").expect("write");
    monitor.import_budget(&file).expect("import");
    let series = monitor.own_budget_series().expect("series");
    assert_eq!(series, [("DOCH_756".to_owned(), 2023, 2.0), ("WYD_90002".to_owned(), 2023, 12.0)]);
    // A second file for the same report and year replaces it.
    std::fs::write(&file, "rok;sprawozdanie;dzial;rozdzial;paragraf;plan;wykonanie\n2023;Rb-28S;900;90002;4300;10;9\n").expect("write");
    monitor.import_budget(&file).expect("import");
    let series = monitor.own_budget_series().expect("series");
    assert_eq!(series, [("DOCH_756".to_owned(), 2023, 2.0), ("WYD_90002".to_owned(), 2023, 9.0)]);
}

const KUTNO_RB28S: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../jst-import/tests/data/sprawozdania/kutno-2023-kwartal-2-wydatki-rb28s.xml"
);

#[test]
fn a_budget_package_of_the_own_unit_is_summed_kept_by_period_and_superseded_by_the_year() {
    let dir = folder();
    let mut monitor = Monitor::open(&dir.path().join("dane")).expect("open");
    let package = std::fs::read_to_string(KUTNO_RB28S).expect("real sample");

    // Another unit's package is refused, naming the budget unit; nothing written.
    monitor.choose_unit("1219053").expect("Wieliczka");
    let file = dir.path().join("paczka.xml");
    std::fs::write(&file, &package).expect("write");
    let err = monitor.import_budget(&file).expect_err("not Wieliczka's");
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("1002011") && err.to_string().contains("SZKOŁA"), "{err}");
    assert!(monitor.own_budget_series().expect("series").is_empty());

    let mut monitor = Monitor::open(&dir.path().join("kutno")).expect("open");
    monitor.choose_unit("1002011").expect("Kutno");
    let view = monitor.import_budget(&file).expect("Kutno's schools");
    assert_eq!(view.budget_units, 7);
    assert_eq!(view.reports.len(), 1);
    let report = &view.reports[0];
    assert_eq!((report.year, report.report.as_str(), report.period), (2023, "Rb-28S", 2));
    assert_eq!(report.lines, 67, "307 items of 7 units summed per (dział, rozdział, paragraf)");
    let half_year = monitor.own_budget_series().expect("series");
    let wyd_80101 = |series: &[(String, i32, f64)]| {
        series.iter().find(|(c, y, _)| c == "WYD_80101" && *y == 2023).map(|(_, _, v)| *v)
    };
    let first = wyd_80101(&half_year).expect("primary schools");
    assert!(first > 2_741_439.0, "includes 4010 wages of 2 741 439,01 zł: {first}");
    let partial = |m: &Monitor| {
        m.costs(Some(2023), "voivodeship", None).expect("costs").partial_budget_period
    };
    assert_eq!(partial(&monitor), Some(2), "costs say the half year is not the year");

    // The whole year (Okres 4) sits beside the half year and supersedes it in the series; the
    // half year stays stored.
    let whole_year = package
        .replace("<Okres>2</Okres>", "<Okres>4</Okres>")
        .replace("<WW>5439.95</WW>", "<WW>10879.90</WW>");
    std::fs::write(&file, whole_year).expect("write");
    let view = monitor.import_budget(&file).expect("year");
    assert_eq!(view.reports[0].period, 4);
    let year = wyd_80101(&monitor.own_budget_series().expect("series")).expect("year");
    assert!((year - first - 5_439.95).abs() < 1e-6, "{year} vs {first}");
    assert_eq!(partial(&monitor), None, "the whole year");

    // Re-importing the half year replaces only the half year.
    std::fs::write(&file, &package).expect("write");
    monitor.import_budget(&file).expect("half year again");
    let again = wyd_80101(&monitor.own_budget_series().expect("series")).expect("year");
    assert!((again - year).abs() < 1e-6, "the year still wins: {again}");

    // A package cut short writes nothing.
    let cut = &package.as_bytes()[..package.len() / 2];
    std::fs::write(&file, cut).expect("write");
    let err = monitor.import_budget(&file).expect_err("cut");
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("urwany"), "{err}");
}

const KUTNO_SIO: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../jst-import/tests/data/sio/kutno-2021-09-30-wykaz-szkol.xml"
);

#[test]
fn an_sio_list_gives_the_pupils_of_the_primary_schools_the_unit_runs() {
    let dir = folder();
    let mut monitor = Monitor::open(&dir.path().join("kutno")).expect("open");
    monitor.choose_unit("1002011").expect("Kutno");
    let view = monitor.import_sio(std::path::Path::new(KUTNO_SIO)).expect("Kutno's list");
    assert_eq!((view.year, view.indicator.as_str()), (2021, "UCZ_SP"));
    assert!((view.pupils - 3069.0785).abs() < 1e-9, "{}", view.pupils);
    assert_eq!(view.counted.len(), 7);
    assert_eq!(view.counted.len() + view.left_out.len(), 21);
    let catholic = view.left_out.iter().find(|s| s.rspo == "31728").expect("listed as left out");
    assert_eq!(
        (catholic.school_type.as_str(), catholic.organ_type.as_str()),
        ("Szkoła podstawowa", "Organizacje Wyznaniowe")
    );
    let stored = monitor.own_values(Some("UCZ_SP"), Some(2021)).expect("values");
    assert_eq!(stored.len(), 1);
    assert!((stored[0].value - 3069.0785).abs() < 1e-9);
    assert!(stored[0].source.as_deref().is_some_and(|s| s.contains("SIO")), "{stored:?}");

    // Another unit's folder refuses the list and writes nothing.
    let mut other = Monitor::open(&dir.path().join("wieliczka")).expect("open");
    other.choose_unit("1219053").expect("Wieliczka");
    let err = other.import_sio(std::path::Path::new(KUTNO_SIO)).expect_err("not Wieliczka's");
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("100201") && err.to_string().contains("1219053"), "{err}");
    assert!(other.own_values(None, None).expect("values").is_empty());
}

#[test]
fn the_demo_brings_synthetic_peer_data_that_leaves_with_it() {
    let dir = folder();
    let mut monitor = Monitor::open(dir.path()).expect("open");
    monitor.open_demo().expect("demo");
    let view = monitor.benchmark("KANALIZACJA_PROC", 2024, "voivodeship").expect("benchmark");
    assert_eq!(view.group.n, 182, "all gminy of małopolskie");
    assert_eq!(view.stats.n, 182);
    assert!(view.own.value.is_some());
    // The real population stays real.
    assert_eq!(
        monitor.status().expect("status").unit.and_then(|u| u.population).map(|p| p.value),
        Some(69_791)
    );
    monitor.choose_unit("1219053").expect("real unit");
    let after = monitor.benchmark("KANALIZACJA_PROC", 2024, "voivodeship").expect("benchmark");
    assert_eq!(after.stats.n, 0, "synthetic data left with the demo");
    assert_eq!(
        monitor.benchmark("LUD_OGOLEM", 2024, "voivodeship").expect("benchmark").stats.n,
        182
    );
}

#[test]
fn a_unit_anywhere_has_a_national_size_group_before_its_first_sync() {
    let dir = folder();
    let mut monitor = Monitor::open(dir.path()).expect("open");
    monitor.choose_unit("1002011").expect("Kutno");
    // Kutno, gmina miejska of 43 332 (2020): the gminy miejskie of 20–50 thousand, nationwide,
    // from the shipped population alone.
    let view = monitor.benchmark("LUD_OGOLEM", 2020, "type_size").expect("benchmark");
    assert!(view.group.n > 50, "{}", view.group.n);
    let voivodeships: std::collections::HashSet<&str> =
        view.members.iter().map(|m| &m.teryt[..2]).collect();
    assert_eq!(voivodeships.len(), 16, "{voivodeships:?}");
    assert!(view.members.iter().all(|m| (20_000.0..50_000.0).contains(&m.value)));
    // 2024: each unit is classed by its closest year (2024 in małopolskie, 2020 elsewhere), so
    // the group stays national; only małopolskie has 2024 values to show.
    let later = monitor.benchmark("LUD_OGOLEM", 2024, "type_size").expect("benchmark");
    assert!(later.group.n.abs_diff(view.group.n) <= 3, "{} vs {}", later.group.n, view.group.n);
    assert!(later.members.iter().all(|m| m.teryt.starts_with("12")));
}

#[test]
fn the_costs_panel_recognises_a_package_and_a_school_list_reports_first_and_can_be_cancelled() {
    let dir = folder();
    let mut monitor = Monitor::open(&dir.path().join("kutno")).expect("open");
    monitor.choose_unit("1002011").expect("Kutno");
    let mut stages = Vec::new();
    let package = std::path::Path::new(KUTNO_RB28S);
    let report = monitor
        .check_official_import(package, &mut |p| {
            stages.push((p.stage, p.done));
            true
        })
        .expect("check");
    assert_eq!(
        stages,
        [(jst_core::ImportStage::Checking, 0), (jst_core::ImportStage::Checking, 1)]
    );
    assert!(report.ok && !report.written);
    assert_eq!(report.kind, Some(jst_core::OfficialFileKind::Budget));
    let budget = report.budget.as_ref().expect("budget");
    assert_eq!((budget.budget_units, budget.reports[0].period), (7, 2));
    assert!(monitor.own_budget_series().expect("series").is_empty(), "the report writes nothing");

    let sio = monitor
        .check_official_import(std::path::Path::new(KUTNO_SIO), &mut |_| true)
        .expect("check");
    assert_eq!(sio.kind, Some(jst_core::OfficialFileKind::Sio));
    assert_eq!(sio.sio.as_ref().map(|s| s.counted.len()), Some(7));
    assert!(monitor.own_values(Some("UCZ_SP"), None).expect("values").is_empty());

    // Cancelled before writing: nothing written.
    let cancelled =
        monitor.run_official_import(package, &mut |p| p.stage != jst_core::ImportStage::Writing);
    assert_eq!(cancelled.map(|_| ()).map_err(|e| e.kind()), Err(ErrorKind::Cancelled));
    assert!(monitor.own_budget_series().expect("series").is_empty());

    let done = monitor.run_official_import(package, &mut |_| true).expect("import");
    assert!(done.written);
    assert!(!monitor.own_budget_series().expect("series").is_empty());

    // Neither kind: a report with findings, not an error; another unit's list: findings too.
    let text = dir.path().join("notatka.csv");
    std::fs::write(&text, "co;to\n1;2\n").expect("write");
    let neither = monitor.check_official_import(&text, &mut |_| true).expect("report");
    assert!(!neither.ok && neither.kind.is_none() && !neither.findings.is_empty());
    let mut other = Monitor::open(&dir.path().join("wieliczka")).expect("open");
    other.choose_unit("1219053").expect("Wieliczka");
    let refused = other
        .check_official_import(std::path::Path::new(KUTNO_SIO), &mut |_| true)
        .expect("report");
    assert!(!refused.ok);
    assert!(refused.findings.iter().any(|f| f.message.contains("1219053")), "{refused:?}");
}
