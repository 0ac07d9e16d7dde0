//! The MF import at national scale, part of `cargo xtask bench` (`--only mf`): a synthetic
//! Rb-28S of the whole shipped register (`jst_synth::national_rb28s`, about 1.3 million records
//! in the Ministry of Finance's dBase layout) imported by the release `jst-server import mf` into
//! a fresh data folder, then the same file again (every value unchanged); then, each into a
//! fresh folder, a file of half the units (half the records and half the sums) and a file of
//! every other line of every unit (half the records, all the sums), so that the peak memory can
//! be told apart from the file's size. Each import is timed by `/usr/bin/time` (wall and CPU
//! seconds, peak resident memory of the process).

use std::path::Path;
use std::time::Instant;

use anyhow::{ensure, Context, Result};

use crate::bench_release::{with_data_dir, Measured};
use crate::shell::{cargo_release, step};

/// Seed of the synthetic amounts: the same file on every run.
const SEED: u64 = 2023;
const YEAR: i32 = 2023;
const REGISTER: &str = "assets/register/TERC_2024-01-01.csv";

/// A generated file: its size in bytes and records.
struct Generated {
    bytes: u64,
    records: u64,
    seconds: f64,
}

/// Writes the Rb-28S of the first `share` of the register's units (in register order), every
/// `step`-th line of each (a unit's lines run through its rozdziały with 8 paragrafy each, so
/// `step` 2 keeps every rozdział).
fn generate(root: &Path, out: &Path, share: f64, step: usize) -> Result<Generated> {
    let started = Instant::now();
    let bytes = std::fs::read(root.join(REGISTER))?;
    let register = jst_import::parse_terc(&bytes, "TERC_2024-01-01.csv")?.snapshot.entries;
    let units = &register[..(register.len() as f64 * share).round() as usize];
    let mut records = 0u64;
    let lines = jst_synth::national_rb28s(units, SEED).step_by(step).inspect(|_| records += 1);
    let file = std::fs::File::create(out).with_context(|| format!("{}", out.display()))?;
    jst_synth::write_rb28s(std::io::BufWriter::new(file), YEAR, 4, lines)?;
    Ok(Generated {
        bytes: std::fs::metadata(out)?.len(),
        records,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// `jst-server --data-dir DIR import mf FILE --report rb28s --year 2023`, measured.
fn import(server: &Path, data: &Path, file: &Path) -> Result<Measured> {
    let file = file.to_string_lossy();
    let year = YEAR.to_string();
    let done = with_data_dir(
        server,
        data,
        &["import", "mf", &file, "--report", "rb28s", "--year", &year],
    )?;
    ensure!(
        done.stdout.contains("Wczytano"),
        "import mf nie potwierdził wczytania: {}",
        done.stdout
    );
    Ok(done)
}

fn describe(what: &str, m: &Measured) {
    println!(
        "{what}: {:.1} s (procesor {:.1} s), szczyt {:.0} MB",
        m.seconds, m.cpu_seconds, m.peak_mb
    );
    println!("  {}", m.stdout.trim());
}

pub fn run(root: &Path, national: &Path, target: &Path) -> Result<()> {
    step("Import MF w skali kraju: jst-server import mf krajowego Rb-28S");
    cargo_release(root, &["build", "-p", "jst-server"])?;
    let server = target.join("release/jst-server");
    let work = national.join("mf-pomiar");
    if work.exists() {
        std::fs::remove_dir_all(&work)?;
    }
    std::fs::create_dir_all(&work)?;

    let full_file = work.join("RB28S_2023_4_krajowy.dbf");
    let half_file = work.join("RB28S_2023_4_polowa_jednostek.dbf");
    let sparse_file = work.join("RB28S_2023_4_co_drugi_wiersz.dbf");
    let full = generate(root, &full_file, 1.0, 1)?;
    let half = generate(root, &half_file, 0.5, 1)?;
    let sparse = generate(root, &sparse_file, 1.0, 2)?;

    let data = work.join("serwer");
    let first = import(&server, &data, &full_file)?;
    let again = import(&server, &data, &full_file)?;
    ensure!(
        again.stdout.contains("(nowe 0, zmienione 0,"),
        "powtórny import tego samego pliku coś zmienił: {}",
        again.stdout
    );
    let halved = import(&server, &work.join("serwer-polowa"), &half_file)?;
    let thinned = import(&server, &work.join("serwer-co-drugi"), &sparse_file)?;

    let mb = |bytes: u64| bytes as f64 / 1e6;
    println!("\nwyniki (import MF, krajowe Rb-28S {YEAR}, ziarno {SEED}):");
    println!(
        "plik: {:.1} MB, {} rekordów (wygenerowany w {:.1} s)",
        mb(full.bytes),
        full.records,
        full.seconds
    );
    describe("pierwszy import do pustego folderu", &first);
    describe("powtórny import tego samego pliku (bez zmian)", &again);
    println!(
        "\npamięć a rozmiar pliku (każdy do pustego folderu): połowa jednostek {:.1} MB, {} rekordów; \
         wszystkie jednostki, co drugi wiersz {:.1} MB, {} rekordów",
        mb(half.bytes),
        half.records,
        mb(sparse.bytes),
        sparse.records
    );
    describe("połowa jednostek (połowa sum)", &halved);
    describe("co drugi wiersz (wszystkie sumy)", &thinned);
    Ok(())
}
