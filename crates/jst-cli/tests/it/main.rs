//! The `jst` binary as scripts use it: arguments, exit codes, JSON contracts.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::{json, Value};

mod audit;
mod backup;
mod backup_crash;
mod bad_input;
mod export;
mod gwd;
mod hostile;
mod lang;
mod practice_exchange;
mod practices;
mod report;
mod submit;
mod sync;
mod trust;

fn jst(data_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jst"))
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env_remove("JST_DATA_DIR")
        .env_remove("JST_LANG")
        // Tests never touch the developer's keyring; `submit::keyring` tests the keyring itself.
        .env("JST_TOKEN_STORE", "file")
        .output()
        .expect("run jst")
}

fn json_of(output: &Output) -> Value {
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("json")
}

#[test]
fn demo_status_follows_the_contract() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("dane");
    let init = jst(&data, &["init", "--demo"]);
    assert_eq!(init.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&init.stdout).contains("69\u{a0}791"));
    let status = json_of(&jst(&data, &["status", "--format", "json"]));
    assert_eq!(
        status,
        json!({
            "unit": {"teryt": "1219053", "name": "Wieliczka", "kind": "gmina_miejsko_wiejska",
                     "powiat": "wielicki", "voivodeship": "małopolskie",
                     "population": {"year": 2024, "value": 69791}},
            "data_dir": data.display().to_string(),
            "schema_version": 13,
            "demo": true
        })
    );
}

#[test]
fn data_dir_comes_from_the_environment_too() {
    let dir = tempfile::tempdir().expect("tempdir");
    let output = Command::new(env!("CARGO_BIN_EXE_jst"))
        .args(["status", "--format", "json"])
        .env("JST_DATA_DIR", dir.path())
        .output()
        .expect("run");
    let status = json_of(&output);
    assert_eq!(status["data_dir"], json!(dir.path().display().to_string()));
    assert_eq!(status["unit"], Value::Null);
    assert_eq!(status["demo"], json!(false));
}

#[test]
fn search_is_case_and_diacritics_insensitive() {
    let dir = tempfile::tempdir().expect("tempdir");
    let lodz = json_of(&jst(dir.path(), &["units", "search", "lodz", "--format", "json"]));
    assert_eq!(
        lodz[0],
        json!({"teryt": "1061011", "name": "Łódź", "kind": "miasto_na_prawach_powiatu",
               "powiat": null, "voivodeship": "łódzkie"})
    );
    let wieliczka =
        json_of(&jst(dir.path(), &["units", "search", "wieliczka", "--format", "json"]));
    assert_eq!(wieliczka[0]["teryt"], json!("1219053"));
    assert_eq!(wieliczka[0]["powiat"], json!("wielicki"));
    let table = jst(dir.path(), &["units", "search", "WIELICZKA"]);
    assert!(String::from_utf8_lossy(&table.stdout).contains("gmina miejsko-wiejska"));
    let voivodeship =
        json_of(&jst(dir.path(), &["units", "search", "małopolskie", "--format", "json"]));
    assert_eq!(
        voivodeship[0],
        json!({"teryt": "12", "name": "małopolskie", "kind": "wojewodztwo", "powiat": null, "voivodeship": "małopolskie"})
    );
}

#[test]
fn exit_codes() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert_eq!(jst(dir.path(), &["init"]).status.code(), Some(2));
    assert_eq!(jst(dir.path(), &["status", "--format", "xml"]).status.code(), Some(2));
    assert_eq!(jst(dir.path(), &["init", "--unit", "9999999"]).status.code(), Some(3));
    assert_eq!(jst(dir.path(), &["init", "--unit", "12x"]).status.code(), Some(3));
    assert_eq!(jst(dir.path(), &["init", "--unit", "1261011"]).status.code(), Some(0));
    let blocker = dir.path().join("plik");
    std::fs::write(&blocker, "").expect("file");
    let not_a_folder = jst(&blocker, &["status"]);
    assert_eq!(not_a_folder.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&not_a_folder.stderr).starts_with("Błąd: "));
}

#[test]
fn bad_register_files_are_refused_with_location_and_write_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("dane");
    assert_eq!(jst(&data, &["init", "--demo"]).status.code(), Some(0));
    let header = "WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA\n";
    let good_rows =
        "12;;;;MAŁOPOLSKIE;województwo;2025-01-01\n12;19;;;wielicki;powiat;2025-01-01\n";
    let mut undefined_bytes = format!("{header}{good_rows}").into_bytes();
    undefined_bytes.extend_from_slice(b"12;19;05;3;Wieliczka;gmina \x81\x98;2025-01-01\n");
    let cases: Vec<(&str, Vec<u8>, &[&str])> = vec![
        (
            "zepsuty.csv",
            format!("{header}{good_rows}12;19;05;7;Wieliczka;gmina;2025-01-01\n").into_bytes(),
            &["zepsuty.csv", "wiersz 4", "RODZ"],
        ),
        (
            "krotki.csv",
            format!("{header}{good_rows}12;19;05;3;Wieliczka\n").into_bytes(),
            &["krotki.csv", "wiersz 4", "pól"],
        ),
        ("kodowanie.csv", undefined_bytes, &["kodowanie.csv", "wiersz 4", "kodowania"]),
        (
            "naglowek.csv",
            b"KOD;NAZWA;TYP\n12;MALOPOLSKIE;woj\n".to_vec(),
            &["naglowek.csv", "wiersz 1", "TERC"],
        ),
        ("pusty.csv", Vec::new(), &["pusty.csv", "pusty"]),
    ];
    let db = data.join("local.db");
    for (name, bytes, expected) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("write");
        let before = std::fs::read(&db).expect("db");
        let output = jst(&data, &["import", "register", path.to_str().expect("path")]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(3), "{name}: {stderr}");
        for needle in expected {
            assert!(stderr.contains(needle), "{name}: {needle:?} not in {stderr}");
        }
        assert_eq!(std::fs::read(&db).expect("db"), before, "{name} changed the database");
    }
    let status = json_of(&jst(&data, &["status", "--format", "json"]));
    assert_eq!(status["unit"]["name"], json!("Wieliczka"));
}

#[test]
fn a_newer_register_in_xml_and_cp1250_csv_loads() {
    let dir = tempfile::tempdir().expect("tempdir");
    let rows = [
        ("12", "", "", "", "MAŁOPOLSKIE", "województwo"),
        ("12", "19", "", "", "wielicki", "powiat"),
        ("12", "19", "05", "3", "Wieliczka", "gmina miejsko-wiejska"),
    ];
    let xml_rows: String = rows
        .iter()
        .map(|(w, p, g, r, n, d)| format!("<row><WOJ>{w}</WOJ><POW>{p}</POW><GMI>{g}</GMI><RODZ>{r}</RODZ><NAZWA>{n}</NAZWA><NAZWA_DOD>{d}</NAZWA_DOD><STAN_NA>2025-01-01</STAN_NA></row>\n"))
        .collect();
    let xml = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<teryt><catalog name=\"TERC\" type=\"ALL\" date=\"2025-01-01\">\n{xml_rows}</catalog></teryt>\n");
    let path = dir.path().join("TERC_2025.xml");
    std::fs::write(&path, xml).expect("write");
    let data = dir.path().join("dane");
    // Three rows as a full snapshot would end 2804 units: refused unless the user consents.
    let output = jst(&data, &["import", "register", path.to_str().expect("path")]);
    assert_eq!(output.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("zakończyłby ważność 2804 jednostek") && stderr.contains("--allow-shrink"),
        "{stderr}"
    );
    let found = json_of(&jst(&data, &["units", "search", "krakow", "--format", "json"]));
    assert_eq!(found[0]["teryt"], json!("1261011"), "nothing ended without consent");
    let output =
        jst(&data, &["import", "register", path.to_str().expect("path"), "--allow-shrink"]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("stan na 2025-01-01") && stdout.contains("wygaszone: 2804"),
        "{stdout}"
    );
    let found = json_of(&jst(&data, &["units", "search", "krakow", "--format", "json"]));
    assert_eq!(found, json!([]), "units absent from a full snapshot are ended");

    // Windows-1250 CSV with the older NAZDOD header and CRLF, one day newer.
    let csv: String = std::iter::once("WOJ;POW;GMI;RODZ;NAZWA;NAZDOD;STAN_NA\r\n".to_owned())
        .chain(
            rows.iter().map(|(w, p, g, r, n, d)| format!("{w};{p};{g};{r};{n};{d};2025-01-02\r\n")),
        )
        .collect();
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1250.encode(&csv);
    assert!(!unmappable);
    let path = dir.path().join("terc_cp1250.csv");
    std::fs::write(&path, &bytes).expect("write");
    let output = jst(&data, &["import", "register", path.to_str().expect("path"), "--strict"]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let found = json_of(&jst(&data, &["units", "search", "wieliczka", "--format", "json"]));
    assert_eq!(found[0]["voivodeship"], json!("małopolskie"));
}

#[test]
fn strict_import_refuses_warnings() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("czesciowy.csv");
    std::fs::write(
        &path,
        "WOJ;POW;GMI;RODZ;NAZWA;NAZDOD;STAN_NA\n24;01;01;2;Dąbrowa;gmina wiejska;2026-01-01\n",
    )
    .expect("write");
    let output = jst(
        &dir.path().join("dane"),
        &["import", "register", path.to_str().expect("path"), "--strict"],
    );
    assert_eq!(output.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("brak wiersza powiatu 2401"), "{stderr}");
    assert!(stderr.contains("liczba jednostek w pliku (1)"), "{stderr}");
    let found =
        json_of(&jst(&dir.path().join("dane"), &["units", "search", "bedzin", "--format", "json"]));
    assert_eq!(found[0]["teryt"], json!("2401011"), "nothing written with --strict");
}

#[test]
fn strategy_status_follows_the_json_contract() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("dane");
    assert_eq!(jst(&data, &["init", "--unit", "1219053"]).status.code(), Some(0));
    let none = jst(&data, &["strategy", "status", "--format", "json"]);
    assert_eq!(none.status.code(), Some(1), "no strategy yet");
    assert!(String::from_utf8_lossy(&none.stderr).contains("brak aktywnej strategii"));

    let template = dir.path().join("strategia.csv");
    std::fs::write(&template, "kod;kod_nadrzedny;poziom;nazwa;waga_wezla;wskaznik_kod;wskaznik_nazwa;jednostka;kierunek;rok_bazowy;wartosc_bazowa;rok_docelowy;wartosc_docelowa;waga_wskaznika\n1;;cel_strategiczny;Środowisko;;WSK_A;Wskaźnik A;%;;2019;10;2030;20;\n").expect("write");
    let imported = jst(
        &data,
        &[
            "import",
            "strategy",
            template.to_str().expect("path"),
            "--name",
            "Strategia testowa",
            "--period",
            "2021-2030",
        ],
    );
    assert_eq!(imported.status.code(), Some(0), "{}", String::from_utf8_lossy(&imported.stderr));
    let values = dir.path().join("wartosci.csv");
    std::fs::write(&values, "wskaznik_kod;rok;wartosc\nWSK_A;2022;12\n").expect("write");
    assert_eq!(
        jst(&data, &["import", "values", values.to_str().expect("path")]).status.code(),
        Some(0)
    );

    let status =
        json_of(&jst(&data, &["strategy", "status", "--year", "2023", "--format", "json"]));
    assert_eq!(
        status["strategy"],
        json!({"name": "Strategia testowa", "period_from": 2021, "period_to": 2030})
    );
    assert_eq!(status["year"], json!(2023));
    let indicator = &status["indicators"][0];
    let keys: Vec<&str> =
        indicator.as_object().expect("object").keys().map(String::as_str).collect();
    let mut expected = vec![
        "node_code",
        "code",
        "name",
        "unit",
        "direction",
        "baseline",
        "target",
        "latest",
        "progress_pct",
        "r_observed",
        "r_required",
        "ratio",
        "status",
        "target_missed",
        "projection",
    ];
    expected.sort_unstable();
    let mut keys = keys;
    keys.sort_unstable();
    assert_eq!(keys, expected);
    assert_eq!(indicator["direction"], json!("increase"));
    assert_eq!(indicator["latest"], json!({"year": 2022, "value": 12.0}));
    assert_eq!(indicator["progress_pct"], json!(20.0));
    assert_eq!(indicator["projection"]["interval"], Value::Null, "fewer than four points");
    assert_eq!(
        status["nodes"][0],
        json!({"code": "1", "parent_code": null, "level": "cel_strategiczny", "title": "Środowisko", "score": indicator["ratio"].as_f64().map(|r| r.clamp(0.0, 1.0)), "status": status["nodes"][0]["status"]})
    );

    let exported = dir.path().join("eksport.csv");
    assert_eq!(
        jst(&data, &["strategy", "export", exported.to_str().expect("path")]).status.code(),
        Some(0)
    );
    assert!(std::fs::read_to_string(&exported)
        .expect("export")
        .contains("WSK_A;Wskaźnik A;%;;2019;10;2030;20;1"));

    let bad_period = jst(
        &data,
        &["import", "strategy", template.to_str().expect("path"), "--period", "2030-2021"],
    );
    assert_eq!(bad_period.status.code(), Some(2));
    let bad_values = dir.path().join("zle.csv");
    std::fs::write(&bad_values, "wskaznik_kod;rok;wartosc\nWSK_A;2022;dużo\n").expect("write");
    let refused = jst(&data, &["import", "values", bad_values.to_str().expect("path")]);
    assert_eq!(refused.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("wiersz 2, kolumna wartosc"));
}

#[test]
fn catalogue_import_checks_formulas_and_writes_nothing_on_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("dane");
    let header = "kod;nazwa;jednostka;kierunek;obszar;opis;strukturalny;nazwa_en;wzor;liczba_osob";
    let bad = dir.path().join("zly.csv");
    std::fs::write(&bad, format!("{header}\nKOSZT_X;Koszt X na mieszkańca;zł;mniej_lepiej;finanse;;;;WYD_99999 / LUD_OGOLEM;\n")).expect("write");
    assert_eq!(jst(&data, &["status"]).status.code(), Some(0));
    let db = data.join("local.db");
    let before = std::fs::read(&db).expect("db");
    let refused = jst(&data, &["import", "catalogue", bad.to_str().expect("path")]);
    assert_eq!(refused.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("wiersz 2, kolumna wzor") && stderr.contains("WYD_99999"), "{stderr}");
    assert_eq!(std::fs::read(&db).expect("db"), before);

    let good = dir.path().join("katalog.csv");
    std::fs::write(&good, format!("{header}\nWYD_99999;Wydatki w rozdziale 99999;zł;neutralny;finanse;;;;;\nKOSZT_X;Koszt X na mieszkańca;zł;mniej_lepiej;finanse;;;;WYD_99999 / LUD_OGOLEM;\n")).expect("write");
    let loaded = jst(&data, &["import", "catalogue", good.to_str().expect("path")]);
    assert_eq!(loaded.status.code(), Some(0), "{}", String::from_utf8_lossy(&loaded.stderr));
    assert!(String::from_utf8_lossy(&loaded.stdout).contains("liczba wskaźników: 2"));
}

#[test]
fn peer_data_import_matches_codes_and_skips_unknown_units() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("dane");
    let file = dir.path().join("dane_publiczne.csv");
    std::fs::write(
        &file,
        "teryt;wskaznik_kod;rok;wartosc\n1219052;KANALIZACJA_PROC;2023;78,5\n1261;KANALIZACJA_PROC;2023;98,1\n9999999;KANALIZACJA_PROC;2023;50\n",
    )
    .expect("write");
    let strict = jst(&data, &["import", "peers", file.to_str().expect("path"), "--strict"]);
    assert_eq!(
        strict.status.code(),
        Some(3),
        "an unknown unit is a warning, refused with --strict"
    );
    let loaded = jst(&data, &["import", "peers", file.to_str().expect("path")]);
    assert_eq!(loaded.status.code(), Some(0), "{}", String::from_utf8_lossy(&loaded.stderr));
    let stdout = String::from_utf8_lossy(&loaded.stdout);
    assert!(stdout.contains("wartości: 2, pominięte wiersze: 1"), "{stdout}");
    assert!(String::from_utf8_lossy(&loaded.stderr).contains("wiersz 4, kolumna teryt"));

    let unknown = dir.path().join("nieznany.csv");
    std::fs::write(&unknown, "teryt;wskaznik_kod;rok;wartosc\n1219053;NIE_MA_GO;2023;1\n")
        .expect("write");
    let refused = jst(&data, &["import", "peers", unknown.to_str().expect("path")]);
    assert_eq!(refused.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("nie ma w katalogu"));
}

#[test]
fn own_budget_lines_replace_their_report_and_year() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("dane");
    let file = dir.path().join("rb28s_2024.csv");
    std::fs::write(
        &file,
        "rok;sprawozdanie;dzial;rozdzial;paragraf;plan;wykonanie\n2024;Rb-28S;801;80101;4010;1 000 000,00;990 000,50\n2024;Rb-28S;801;80101;4210;20 000;19 500\n2024;Rb-27S;756;75601;0350;5000;4800\n",
    )
    .expect("write");
    let output = jst(&data, &["import", "budget", file.to_str().expect("path")]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("Rb-28S 2024: pozycje 2, plan 1\u{a0}020\u{a0}000 zł, wykonanie 1\u{a0}009\u{a0}500,5 zł"), "{stdout}");
    let bad = dir.path().join("zly.csv");
    std::fs::write(
        &bad,
        "rok;sprawozdanie;dzial;rozdzial;paragraf;plan;wykonanie\n2024;Rb-28S;801;90002;4010;1;1\n",
    )
    .expect("write");
    let refused = jst(&data, &["import", "budget", bad.to_str().expect("path")]);
    assert_eq!(refused.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("wiersz 2, kolumna rozdzial"));
}

#[test]
fn a_budget_package_imports_for_its_own_unit_and_is_refused_for_another() {
    let dir = tempfile::tempdir().expect("tempdir");
    let package = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../jst-import/tests/data/sprawozdania/kutno-2023-kwartal-2-wydatki-rb28s.xml"
    );
    let kutno = dir.path().join("kutno");
    assert_eq!(jst(&kutno, &["init", "--unit", "1002011"]).status.code(), Some(0));
    let output = jst(&kutno, &["import", "budget", package]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("jednostek budżetowych: 7") && stdout.contains("Rb-28S 2023 (I półrocze)"),
        "{stdout}"
    );

    // What was read, summed at each level; the keys are the contract.
    let by_dzial = json_of(&jst(
        &kutno,
        &["budget", "show", "--year", "2023", "--by", "dzial", "--format", "json"],
    ));
    let rows = by_dzial.as_array().expect("a list");
    assert_eq!(rows.len(), 3, "działy 801, 854, 926 of one report: {by_dzial}");
    assert_eq!(
        keys(&rows[0]),
        ["dzial", "okres", "paragraf", "plan", "rok", "rozdzial", "sprawozdanie", "wykonanie"]
    );
    assert_eq!(
        (&rows[0]["rok"], &rows[0]["sprawozdanie"], &rows[0]["okres"], &rows[0]["dzial"]),
        (&json!(2023), &json!("Rb-28S"), &json!(2), &json!("801"))
    );
    assert_eq!((&rows[0]["rozdzial"], &rows[0]["paragraf"]), (&Value::Null, &Value::Null));
    let by_paragraf = json_of(&jst(
        &kutno,
        &["budget", "show", "--year", "2023", "--by", "paragraf", "--format", "json"],
    ));
    let rows = by_paragraf.as_array().expect("a list");
    assert_eq!(rows.len(), 67);
    let wages = rows
        .iter()
        .find(|r| r["rozdzial"] == json!("80101") && r["paragraf"] == json!("4010"))
        .expect("wages of primary schools");
    assert_eq!((&wages["plan"], &wages["wykonanie"]), (&json!(5_920_373.0), &json!(2_741_439.01)));
    let sum = |rows: &Value, key: &str| -> f64 {
        rows.as_array().expect("list").iter().map(|r| r[key].as_f64().expect("number")).sum()
    };
    assert!((sum(&by_dzial, "wykonanie") - sum(&by_paragraf, "wykonanie")).abs() < 1e-6);
    assert_eq!(rows_of(&by_dzial)[0]["wykonanie"], json!(24_042_279.52), "summed to the grosz");
    let revenue =
        jst(&kutno, &["budget", "show", "--year", "2023", "--report", "rb27s", "--format", "json"]);
    assert_eq!(json_of(&revenue), json!([]), "no Rb-27S read");
    assert_eq!(
        json_of(&jst(&kutno, &["budget", "show", "--year", "2024", "--format", "json"])),
        json!([])
    );

    let other = dir.path().join("wieliczka");
    assert_eq!(jst(&other, &["init", "--unit", "1219053"]).status.code(), Some(0));
    let refused = jst(&other, &["import", "budget", package]);
    assert_eq!(refused.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("1002011") && stderr.contains("1219053"), "{stderr}");
}

#[test]
fn an_sio_list_imports_for_its_own_unit_and_is_refused_for_another() {
    let dir = tempfile::tempdir().expect("tempdir");
    let list = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../jst-import/tests/data/sio/kutno-2021-09-30-wykaz-szkol.xml"
    );
    let kutno = dir.path().join("kutno");
    assert_eq!(jst(&kutno, &["init", "--unit", "1002011"]).status.code(), Some(0));
    let output = jst(&kutno, &["import", "sio", list]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("UCZ_SP za 2021 = 3069,08") && stdout.contains("Pominięte"),
        "{stdout}"
    );
    let values =
        json_of(&jst(&kutno, &["values", "list", "--indicator", "UCZ_SP", "--format", "json"]));
    assert_eq!(values[0]["year"], json!(2021));

    let other = dir.path().join("wieliczka");
    assert_eq!(jst(&other, &["init", "--unit", "1219053"]).status.code(), Some(0));
    let refused = jst(&other, &["import", "sio", list]);
    assert_eq!(refused.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("100201"));
}

#[test]
fn values_list_gives_every_own_value_with_its_source() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("dane");
    assert_eq!(jst(&data, &["init", "--unit", "1219053"]).status.code(), Some(0));
    let file = dir.path().join("w.csv");
    std::fs::write(
        &file,
        "wskaznik_kod;rok;wartosc;status;uwagi\nLUD_OGOLEM;2022;68500;ostateczne;\nLUD_OGOLEM;2023;69000;wstepne;szacunek\n",
    )
    .expect("write");
    let output = jst(&data, &["import", "values", file.to_str().expect("path")]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let all = json_of(&jst(&data, &["values", "list", "--format", "json"]));
    assert_eq!(
        all,
        json!([
            {"indicator": "LUD_OGOLEM", "year": 2022, "value": 68500.0, "status": "ostateczne",
             "source": "import z pliku w.csv", "note": null},
            {"indicator": "LUD_OGOLEM", "year": 2023, "value": 69000.0, "status": "wstepne",
             "source": "import z pliku w.csv", "note": "szacunek"}
        ])
    );
    let one = json_of(&jst(&data, &["values", "list", "--year", "2023", "--format", "json"]));
    assert_eq!(one.as_array().map(Vec::len), Some(1));
    let none = jst(&data, &["values", "list", "--indicator", "WSK_X", "--format", "json"]);
    assert_eq!(json_of(&none), json!([]));
}

fn rows_of(value: &Value) -> &Vec<Value> {
    value.as_array().expect("a JSON list")
}

/// The sorted keys of a JSON object: the shape of a contract, whatever the values.
fn keys(value: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {value}"))
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

fn is_number_or_null(value: &Value) -> bool {
    value.is_number() || value.is_null()
}

// The numbers themselves are the core's (jst-core tests/it/comparison.rs); here the binary's
// arguments, exit codes and JSON contract.
#[test]
fn benchmark_follows_the_json_contract() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("dane");
    wielicki_school_costs(dir.path(), &data);
    let view = json_of(&jst(
        &data,
        &[
            "benchmark",
            "WYD_SP_NA_UCZNIA",
            "--year",
            "2024",
            "--group",
            "powiat",
            "--format",
            "json",
        ],
    ));
    assert_eq!(
        keys(&view),
        [
            "group",
            "indicator",
            "members",
            "own",
            "percentile_rank",
            "rank",
            "source",
            "stats",
            "year"
        ]
    );
    assert_eq!(keys(&view["indicator"]), ["code", "name", "polarity", "unit"]);
    assert_eq!(keys(&view["group"]), ["kind", "label", "n"]);
    assert_eq!(keys(&view["own"]), ["teryt", "value"]);
    assert_eq!(
        keys(&view["stats"]),
        ["max", "mean", "median", "min", "n", "p10", "p90", "q1", "q3"]
    );
    assert_eq!(view["indicator"]["code"], json!("WYD_SP_NA_UCZNIA"));
    assert!(view["indicator"]["name"].is_string() && view["indicator"]["unit"].is_string());
    assert_eq!(view["indicator"]["polarity"], json!("lower_is_better"));
    assert_eq!(view["year"], json!(2024));
    assert_eq!(view["source"], json!("public"));
    assert_eq!(view["group"]["kind"], json!("powiat"));
    assert!(view["group"]["label"].is_string() && view["group"]["n"].is_u64());
    assert!(view["stats"]["n"].is_u64());
    for key in ["q1", "median", "q3", "mean", "min", "max", "p10", "p90"] {
        assert!(is_number_or_null(&view["stats"][key]), "{key}: {}", view["stats"][key]);
    }
    assert_eq!(view["stats"]["p10"], Value::Null, "too few values for tails: null, not absent");
    assert!(view["percentile_rank"].is_number() && view["rank"].is_u64(), "{view}");
    let members = view["members"].as_array().expect("members");
    assert!(!members.is_empty());
    for member in members {
        assert_eq!(keys(member), ["name", "teryt", "value"]);
        assert!(member["teryt"].is_string() && member["name"].is_string());
        assert!(member["value"].is_number());
    }
    // One value end to end: the binary reports what the core computes (a formula per unit).
    assert_eq!(view["own"], json!({"teryt": "1219053", "value": 10000.0}));

    let missing = json_of(&jst(
        &data,
        &[
            "benchmark",
            "WYD_SP_NA_UCZNIA",
            "--year",
            "2023",
            "--group",
            "powiat",
            "--format",
            "json",
        ],
    ));
    assert_eq!(missing["own"]["value"], Value::Null);
    assert_eq!(missing["percentile_rank"], Value::Null);
    assert_eq!(missing["rank"], Value::Null);
    assert_eq!(jst(&data, &["benchmark", "NIE_MA", "--year", "2024"]).status.code(), Some(3));
}

#[test]
fn nearest_peers_follow_the_json_contract() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("dane");
    assert_eq!(jst(&data, &["init", "--unit", "1219053"]).status.code(), Some(0));
    let list = json_of(&jst(
        &data,
        &[
            "peers",
            "nearest",
            "--k",
            "3",
            "--variables",
            "LUD_OGOLEM",
            "--year",
            "2024",
            "--format",
            "json",
        ],
    ));
    let list = list.as_array().expect("array");
    assert_eq!(list.len(), 3, "--k 3");
    for near in list {
        assert_eq!(keys(near), ["distance", "name", "shares", "teryt"]);
        assert!(near["teryt"].is_string() && near["name"].is_string());
        assert!(near["distance"].is_number());
        assert_eq!(keys(&near["shares"]), ["LUD_OGOLEM"], "one share per --variables code");
        assert!(near["shares"]["LUD_OGOLEM"].is_number());
    }
    // One value end to end: the nearest unit by population is Nowy Sącz.
    assert_eq!(list[0]["teryt"], json!("1262011"));
    assert_eq!(
        jst(&data, &["peers", "nearest", "--variables", "LUD_OGOLEM", "--weights", "1,2"])
            .status
            .code(),
        Some(3)
    );
}

/// Powiat wielicki's gminy with primary-school spending and pupils: per pupil Biskupice 10 000,
/// Gdów 9 000, Niepołomice 12 000, Wieliczka 10 000 (Kłaj has no data).
fn wielicki_school_costs(dir: &Path, data: &Path) {
    assert_eq!(jst(data, &["init", "--unit", "1219053"]).status.code(), Some(0));
    let peers = dir.join("peers.csv");
    std::fs::write(
        &peers,
        "teryt;wskaznik_kod;rok;wartosc\n\
         1219012;WYD_80101;2024;12000000\n1219012;UCZ_SP;2024;1200\n\
         1219022;WYD_80101;2024;9000000\n1219022;UCZ_SP;2024;1000\n\
         1219043;WYD_80101;2024;30000000\n1219043;UCZ_SP;2024;2500\n\
         1219053;WYD_80101;2024;60000000\n1219053;UCZ_SP;2024;6000\n",
    )
    .expect("write");
    assert_eq!(
        jst(data, &["import", "peers", peers.to_str().expect("path")]).status.code(),
        Some(0)
    );
}

fn cost_row<'a>(rows: &'a Value, code: &str) -> &'a Value {
    rows.as_array()
        .expect("array")
        .iter()
        .find(|r| r["indicator"] == json!(code))
        .unwrap_or_else(|| panic!("{code} missing in {rows}"))
}

#[test]
fn costs_follow_the_json_contract_and_write_the_workbook() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("dane");
    wielicki_school_costs(dir.path(), &data);
    let args = ["costs", "--year", "2024", "--group", "powiat", "--format", "json"];
    let rows = json_of(&jst(&data, &args));
    for row in rows.as_array().expect("array") {
        assert_eq!(
            keys(row),
            ["above_q3", "indicator", "median", "n", "name", "own", "q1", "q3", "unit"]
        );
        assert!(row["indicator"].is_string() && row["name"].is_string() && row["unit"].is_string());
        assert!(row["n"].is_u64(), "{row}");
        for key in ["own", "q1", "median", "q3"] {
            assert!(is_number_or_null(&row[key]), "{key}: {row}");
        }
        assert!(row["above_q3"].is_boolean() || row["above_q3"].is_null(), "{row}");
    }
    let school = cost_row(&rows, "WYD_SP_NA_UCZNIA");
    assert_eq!(school["name"], json!("Wydatki na szkoły podstawowe na 1 ucznia"));
    assert_eq!(school["unit"], json!("zł"));
    // A cost without any data: null, not zero.
    let roads = cost_row(&rows, "WYD_DROGI_NA_KM");
    assert_eq!((roads["own"].clone(), roads["above_q3"].clone()), (Value::Null, Value::Null));
    assert!(
        rows.as_array().expect("array").iter().all(|r| r["indicator"] != json!("BENEF_PS_PROC")),
        "a rate is not a unit cost"
    );

    let mut real = args.to_vec();
    real.extend(["--real", "2022"]);
    let rows = json_of(&jst(&data, &real));
    assert!(cost_row(&rows, "WYD_SP_NA_UCZNIA")["own"].is_number());
    let last = real.len() - 1;
    real[last] = "1995";
    let out = jst(&data, &real);
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("wskaźnika cen GUS"));

    // The own budget raises the own cost above the upper quartile: 78 mln / 6 000 = 13 000 against
    // 9 000, 10 000, 12 000 → Q3 12 250.
    let budget = dir.path().join("rb28s.csv");
    std::fs::write(&budget, "rok;sprawozdanie;dzial;rozdzial;paragraf;plan;wykonanie\n2024;Rb-28S;801;80101;4010;78000000;78000000\n").expect("write");
    assert_eq!(
        jst(&data, &["import", "budget", budget.to_str().expect("path")]).status.code(),
        Some(0)
    );

    // The workbook carries the same numbers, one sheet per service.
    let xlsx = dir.path().join("koszty.xlsx");
    let out = jst(
        &data,
        &[
            "costs",
            "--year",
            "2024",
            "--group",
            "powiat",
            "--format",
            "xlsx",
            "--out",
            xlsx.to_str().expect("path"),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let mut book: Xlsx<_> = open_workbook(&xlsx).expect("xlsx");
    let services = book.sheet_names();
    assert!(
        services.contains(&"Edukacja".to_owned()) && services.contains(&"Kultura".to_owned()),
        "{services:?}"
    );
    let edu = book.worksheet_range("Edukacja").expect("sheet");
    let row = (0..edu.height() as u32)
        .find(|r| edu.get_value((*r, 1)) == Some(&Data::String("WYD_SP_NA_UCZNIA".into())))
        .expect("school row");
    assert_eq!(edu.get_value((row, 3)), Some(&Data::Float(13000.0)));
    assert_eq!(edu.get_value((row, 7)), Some(&Data::Float(12250.0)));
    assert_eq!(edu.get_value((row, 8)), Some(&Data::String("tak".into())));
}

#[test]
fn saved_groups_are_used_by_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("dane");
    wielicki_school_costs(dir.path(), &data);
    let saved = jst(&data, &["groups", "save", "Sąsiedzi", "--units", "1219022,1219043,1219053"]);
    assert_eq!(saved.status.code(), Some(0), "{}", String::from_utf8_lossy(&saved.stderr));
    let groups = json_of(&jst(&data, &["groups", "list", "--format", "json"]));
    assert_eq!(keys(&groups[0]), ["group", "members", "name", "saved_at"]);
    assert_eq!(groups[0]["name"], json!("Sąsiedzi"));
    assert_eq!(groups[0]["group"], json!("custom:Sąsiedzi"));
    let members = groups[0]["members"].as_array().expect("members");
    assert!(!members.is_empty());
    for member in members {
        assert_eq!(keys(member), ["name", "teryt"]);
    }
    let view = json_of(&jst(
        &data,
        &[
            "benchmark",
            "WYD_SP_NA_UCZNIA",
            "--year",
            "2024",
            "--group",
            "custom:Sąsiedzi",
            "--format",
            "json",
        ],
    ));
    assert_eq!(view["group"]["kind"], json!("custom"));
    // Unknown units and units of another family are refused; nothing changes.
    assert_eq!(
        jst(&data, &["groups", "save", "Sąsiedzi", "--units", "1299999"]).status.code(),
        Some(3)
    );
    assert_eq!(
        jst(&data, &["groups", "save", "Sąsiedzi", "--units", "1219"]).status.code(),
        Some(3)
    );
    assert_eq!(json_of(&jst(&data, &["groups", "list", "--format", "json"])), groups);
    assert_eq!(jst(&data, &["groups", "delete", "Sąsiedzi"]).status.code(), Some(0));
    assert_eq!(jst(&data, &["groups", "delete", "Sąsiedzi"]).status.code(), Some(3));
    let gone = jst(
        &data,
        &["benchmark", "WYD_SP_NA_UCZNIA", "--year", "2024", "--group", "custom:Sąsiedzi"],
    );
    assert_eq!(gone.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&gone.stderr).contains("nie ma zapisanej grupy"));
    // nearest:K is accepted as a group.
    let near = json_of(&jst(
        &data,
        &["costs", "--year", "2024", "--group", "nearest:3", "--format", "json"],
    ));
    assert!(near.as_array().is_some_and(|a| !a.is_empty()));
}

#[test]
fn version_names_the_build_day_both_schemas_and_the_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("dane");
    let out = jst(&data, &["--version"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], concat!("jst ", env!("CARGO_PKG_VERSION")), "{text}");
    let built = lines[1].strip_prefix("zbudowano: ").expect("a build day");
    assert!(built.len() == 10 && built.starts_with("20"), "{text}");
    assert_eq!(lines[2], "schemat danych własnych (local.db): 13", "{text}");
    assert!(lines[3].starts_with("schemat danych porównawczych (peers.db): "), "{text}");
    assert_eq!(lines[4], format!("folder danych: {}", data.display()), "{text}");
    // Asking for the version touches nothing.
    assert!(!data.exists());
    let english = Command::new(env!("CARGO_BIN_EXE_jst"))
        .args(["--lang", "en", "-V"])
        .env("JST_DATA_DIR", &data)
        .output()
        .expect("run jst");
    let text = String::from_utf8_lossy(&english.stdout).into_owned();
    assert!(text.contains("\nown data schema (local.db): 13\n"), "{text}");
    assert!(text.ends_with(&format!("data folder: {}\n", data.display())), "{text}");
}
