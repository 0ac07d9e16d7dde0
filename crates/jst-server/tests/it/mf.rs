//! `jst-server import mf` on dBase files in the Ministry of Finance's layout, written here (the
//! real national files are not shipped), and on the real UTF-8 `Gminy.dbf`, which is refused.

use std::path::Path;
use std::process::Output;

use jst_server_store::throwaway::TestDatabase;
use jst_synth::MfLine;

fn line(codes: [&str; 5], rozdzial: &str, par: &str, plan: f64, execution: f64) -> MfLine {
    let [wk, pk, gk, gt, pt] = codes.map(str::to_owned);
    MfLine {
        kodmswia: if gt == "Z" { "100201Z01".into() } else { String::new() },
        wk,
        pk,
        gk,
        gt,
        pt,
        dzial: rozdzial[..3].to_owned(),
        rozdzial: rozdzial.to_owned(),
        par: par.to_owned(),
        par4: "0".to_owned(),
        plan,
        execution,
    }
}

const KUTNO: [&str; 5] = ["10", "02", "01", "1", "0"];
const POWIAT_KUTNOWSKI: [&str; 5] = ["10", "02", "00", "0", "1"];
/// Kraków as MF codes it: its powiat code, GK 00, PT 2.
const KRAKOW: [&str; 5] = ["12", "61", "00", "0", "2"];
const MALOPOLSKIE: [&str; 5] = ["12", "00", "00", "0", "0"];
const ZWIAZEK: [&str; 5] = ["10", "02", "01", "Z", "0"];
const UNKNOWN: [&str; 5] = ["10", "02", "99", "2", "0"];

fn write(path: &Path, year: i32, lines: Vec<MfLine>) {
    let file = std::fs::File::create(path).expect("create");
    jst_synth::write_rb28s(std::io::BufWriter::new(file), year, 4, lines).expect("written");
}

fn run(data: &TestDatabase, args: &[&str]) -> Output {
    data.command(env!("CARGO_BIN_EXE_jst-server"))
        .args(args)
        .env("RUST_LOG", "off")
        .output()
        .expect("jst-server runs")
}

fn text(path: &Path) -> &str {
    path.to_str().expect("path")
}

#[test]
fn an_rb28s_file_is_summed_per_unit_and_rozdzial_with_the_plan_beside() {
    let dir = tempfile::tempdir().expect("tmp");
    let data = TestDatabase::new(&dir.path().join("baza"));
    let file = dir.path().join("RB28S_2023_4.dbf");
    write(
        &file,
        2023,
        vec![
            line(KUTNO, "80101", "401", 1_000_000.0, 900_000.55),
            line(KUTNO, "80101", "421", 200_000.0, 150_000.45),
            line(KUTNO, "90015", "426", 50_000.0, 48_000.0),
            line(POWIAT_KUTNOWSKI, "80120", "401", 300_000.0, 290_000.0),
            line(KRAKOW, "80101", "401", 90_000_000.0, 88_000_000.0),
            line(MALOPOLSKIE, "75018", "401", 10_000_000.0, 9_500_000.0),
            line(ZWIAZEK, "90002", "430", 10.0, 10.0),
            line(UNKNOWN, "80101", "401", 1.0, 1.0),
        ],
    );
    let dictionary =
        concat!(env!("CARGO_MANIFEST_DIR"), "/../jst-import/tests/data/mf/slownik_jst_2013.xls");
    let out = run(
        &data,
        &[
            "import",
            "mf",
            text(&file),
            "--report",
            "rb28s",
            "--year",
            "2023",
            "--dictionary",
            dictionary,
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("rekordów 8, jednostek 4, wartości 5"), "{stdout}");
    assert!(stdout.contains("związków JST: 1, jednostki spoza rejestru: 1"), "{stdout}");
    assert!(stderr.contains("WK 10 PK 02 GK 99 GT 2 PT 0"), "the unknown unit named: {stderr}");

    let storage = data.storage().expect("open");
    let values = storage.all_values().expect("values");
    let value = |teryt: &str, code: &str| {
        values.iter().find(|r| r.teryt == teryt && r.indicator == code).map(|r| r.value)
    };
    assert_eq!(value("1002011", "WYD_80101"), Some(1_050_001.0), "two paragrafy summed");
    assert_eq!(value("1002011", "WYD_90015"), Some(48_000.0));
    assert_eq!(value("1002", "WYD_80120"), Some(290_000.0));
    assert_eq!(value("1261011", "WYD_80101"), Some(88_000_000.0), "the city's gmina code");
    assert_eq!(value("12", "WYD_75018"), Some(9_500_000.0));
    assert_eq!(storage.plan("WYD_80101", 2023, "1002011").expect("plan"), Some(1_200_000.0));

    // The same file again changes nothing.
    let again = run(&data, &["import", "mf", text(&file), "--report", "rb28s", "--year", "2023"]);
    assert!(String::from_utf8_lossy(&again.stdout).contains("bez zmian 5"));
}

#[test]
fn a_file_of_another_year_report_or_encoding_writes_nothing() {
    let dir = tempfile::tempdir().expect("tmp");
    let data = TestDatabase::new(&dir.path().join("baza"));
    let file = dir.path().join("RB28S_2022_4.dbf");
    write(&file, 2022, vec![line(KUTNO, "80101", "401", 10.0, 9.0)]);

    let wrong_year =
        run(&data, &["import", "mf", text(&file), "--report", "rb28s", "--year", "2023"]);
    assert_eq!(wrong_year.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&wrong_year.stderr).contains("rok 2022"));

    // The Rb-28S fields read as an Rb-27S: refused by the reader.
    let wrong_report =
        run(&data, &["import", "mf", text(&file), "--report", "rb27s", "--year", "2022"]);
    assert_eq!(
        wrong_report.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&wrong_report.stderr)
    );

    // A real dBase file with UTF-8 text and language byte 0: refused, named.
    let utf8 = concat!(env!("CARGO_MANIFEST_DIR"), "/../jst-import/tests/data/mf/Gminy.dbf");
    let refused = run(&data, &["import", "mf", utf8, "--report", "rb28s", "--year", "2022"]);
    assert_eq!(refused.status.code(), Some(3));
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(message.contains("Gminy.dbf") && message.contains("0xC8"), "{message}");

    // A good file and a cut one in one run: nothing from either.
    let bytes = std::fs::read(&file).expect("read");
    let cut = dir.path().join("urwany.dbf");
    std::fs::write(&cut, &bytes[..bytes.len() - 40]).expect("write");
    let both = run(
        &data,
        &["import", "mf", text(&file), text(&cut), "--report", "rb28s", "--year", "2022"],
    );
    assert_eq!(both.status.code(), Some(3));
    let storage = data.storage().expect("open");
    assert!(storage.all_values().expect("values").is_empty(), "nothing written");
}
