//! National-scale benchmarks of DESIGN §11 on the deterministic synthetic set (2,791 units,
//! 300 indicators, 2010–2024), run in release mode by `cargo xtask demo-data --national` and
//! `cargo xtask bench`; never part of CI.
//!
//! `national generate DIR`: writes `DIR/dane` (a data folder with the national peer store),
//! `DIR/katalog_krajowy.csv` and `DIR/dane_krajowe.csv`, timing the peer-store load against a raw
//! bulk load of the same rows. `national run DIR`: times the analytics on that folder.
//! `national raw DIR`: only the raw bulk loads (for the release benchmark's ratio).

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use jst_core::Monitor;
use jst_store::{LocalStore, PeerStore, PublicValue, Stamp};
use jst_synth::{for_each_value, generic_indicators, Scope, SynthUnit};

const DATASET: &str = "syntetyczne:krajowe";
const LABEL: &str =
    "Krajowy zbiór syntetyczny do testów wydajności (2010–2024) — nie są to dane urzędowe";
const OWN_UNIT: &str = "1219053";
const YEAR: i32 = 2024;

type Failure = Box<dyn std::error::Error>;

fn main() -> Result<(), Failure> {
    // `cargo bench` passes `--bench`; only the mode and the folder matter here.
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    match args.as_slice() {
        [mode, dir] if mode == "generate" => generate(Path::new(dir)),
        [mode, dir] if mode == "run" => run(Path::new(dir)),
        [mode, dir] if mode == "profile" => profile(Path::new(dir)),
        [mode, dir] if mode == "raw" => raw(Path::new(dir)),
        // `cargo test --all-targets` runs this binary without arguments: nothing to measure.
        [] => {
            println!("pomiary krajowe: cargo xtask demo-data --national, potem cargo xtask bench");
            Ok(())
        }
        _ => Err("użycie: national generate|run FOLDER".into()),
    }
}

fn stamp() -> Stamp {
    Stamp { at: "2026-11-22T00:00:00Z".to_owned(), by: "benchmark".to_owned() }
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn file_mb(path: &Path) -> f64 {
    std::fs::metadata(path).map(|m| m.len() as f64 / 1e6).unwrap_or(0.0)
}

fn generate(dir: &Path) -> Result<(), Failure> {
    std::fs::create_dir_all(dir)?;
    let data = dir.join("dane");
    if data.exists() {
        std::fs::remove_dir_all(&data)?;
    }
    {
        let mut monitor = Monitor::open(&data)?;
        monitor.choose_unit(OWN_UNIT)?;
        let catalogue = dir.join("katalog_krajowy.csv");
        let mut csv = String::from("kod;nazwa;jednostka;kierunek;obszar;opis;strukturalny\n");
        for g in generic_indicators() {
            csv.push_str(&format!(
                "{};{};{};{};{};Dane syntetyczne do testów wydajności.;{}\n",
                g.code,
                g.name,
                g.unit,
                g.polarity,
                g.area,
                if g.structural { "tak" } else { "nie" }
            ));
        }
        std::fs::write(&catalogue, csv)?;
        monitor.import_catalogue(&catalogue, false)?;
    }
    let values = synth_values(&data)?;
    let mut peers = PeerStore::open(&data.join("peers.db"), &stamp())?;

    let started = Instant::now();
    let csv_path = dir.join("dane_krajowe.csv");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&csv_path)?);
    writeln!(out, "teryt;wskaznik_kod;rok;wartosc")?;
    let teryt_of: HashMap<String, String> = LocalStore::open(&data.join("local.db"), &stamp())?
        .active_units()?
        .into_iter()
        .map(|u| (u.identity, u.teryt))
        .collect();
    for v in &values {
        writeln!(
            out,
            "{};{};{};{}",
            teryt_of.get(&v.unit).unwrap_or(&v.unit),
            v.indicator,
            v.year,
            v.value
        )?;
    }
    out.flush()?;
    println!(
        "zapisano {} ({:.0} MB) w {}",
        csv_path.display(),
        file_mb(&csv_path),
        ms(started.elapsed())
    );

    let started = Instant::now();
    peers.replace_dataset(&stamp(), DATASET, "shipped", LABEL, &values)?;
    let store_load = started.elapsed();
    drop(peers);

    let (raw_load, raw_sorted_load) = raw_loads(dir, values)?;
    println!("wczytanie do bazy porównawczej (peers.db): {}", ms(store_load));
    println!(
        "surowe wczytanie tych samych wierszy w kolejności generowania: {}; stosunek {:.2} (cel ≤ 1,5)",
        ms(raw_load),
        store_load.as_secs_f64() / raw_load.as_secs_f64()
    );
    println!(
        "surowe wczytanie tych samych wierszy posortowanych wg klucza: {}; stosunek {:.2}",
        ms(raw_sorted_load),
        store_load.as_secs_f64() / raw_sorted_load.as_secs_f64()
    );
    println!(
        "peers.db: {:.0} MB; raw.db: {:.0} MB; raw-sorted.db: {:.0} MB",
        file_mb(&data.join("peers.db")),
        file_mb(&dir.join("raw.db")),
        file_mb(&dir.join("raw-sorted.db"))
    );
    Ok(())
}

/// The national values, generated again from the data folder's register (deterministic).
fn synth_values(data: &Path) -> Result<Vec<PublicValue>, Failure> {
    let local = LocalStore::open(&data.join("local.db"), &stamp())?;
    let units: Vec<SynthUnit> = local
        .active_units()?
        .into_iter()
        .map(|u| SynthUnit { identity: u.identity, kind: u.kind })
        .collect();
    drop(local);
    let peers = PeerStore::open(&data.join("peers.db"), &stamp())?;
    let known: HashMap<String, f64> = peers.values_of("LUD_OGOLEM", 2024)?.into_iter().collect();

    let started = Instant::now();
    let mut values: Vec<PublicValue> = Vec::with_capacity(12_600_000);
    for_each_value(
        &units,
        2010..=2024,
        2024,
        &known,
        Scope::National,
        |unit, indicator, year, value| {
            // Six significant digits, as a release carries them (DESIGN §11).
            let value = format!("{value:.5e}").parse().unwrap_or(value);
            values.push(PublicValue {
                unit: unit.to_owned(),
                indicator: indicator.to_owned(),
                year,
                value,
            });
        },
    );
    println!(
        "wygenerowano {} wartości dla {} jednostek w {}",
        values.len(),
        units.len(),
        ms(started.elapsed())
    );

    Ok(values)
}

/// Raw bulk loads of the same rows (arrival order, key order), the floor of DESIGN §11; the
/// seconds go to `DIR/surowe-wczytanie.txt` for the release benchmark of `cargo xtask bench`.
fn raw_loads(dir: &Path, values: Vec<PublicValue>) -> Result<(Duration, Duration), Failure> {
    let raw = dir.join("raw.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(PathBuf::from(format!("{}{suffix}", raw.display())));
    }
    let started = Instant::now();
    jst_store::baseline::raw_bulk_load(&raw, &values)?;
    let raw_load = started.elapsed();
    // A fairer floor: the same raw load with the rows handed over already in key order.
    let mut sorted = values;
    sorted.sort_unstable_by(|a, b| {
        (&a.indicator, a.year, &a.unit).cmp(&(&b.indicator, b.year, &b.unit))
    });
    let raw_sorted = dir.join("raw-sorted.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(PathBuf::from(format!("{}{suffix}", raw_sorted.display())));
    }
    let started = Instant::now();
    jst_store::baseline::raw_bulk_load(&raw_sorted, &sorted)?;
    let raw_sorted_load = started.elapsed();
    std::fs::write(
        dir.join("surowe-wczytanie.txt"),
        format!("{:.3} {:.3}\n", raw_load.as_secs_f64(), raw_sorted_load.as_secs_f64()),
    )?;
    Ok((raw_load, raw_sorted_load))
}

fn raw(dir: &Path) -> Result<(), Failure> {
    let values = synth_values(&dir.join("dane"))?;
    let (arrival, sorted) = raw_loads(dir, values)?;
    println!(
        "surowe wczytanie: {} (kolejność generowania), {} (wg klucza)",
        ms(arrival),
        ms(sorted)
    );
    Ok(())
}

/// Median and maximum of `runs` timed calls after one warm-up call.
fn time<T>(
    label: &str,
    target_ms: f64,
    runs: usize,
    f: impl FnMut() -> Result<T, Failure>,
) -> Result<T, Failure> {
    Ok(timed(label, target_ms, runs, f)?.0)
}

/// [`time`], answering the median (ms) too.
fn timed<T>(
    label: &str,
    target_ms: f64,
    runs: usize,
    mut f: impl FnMut() -> Result<T, Failure>,
) -> Result<(T, f64), Failure> {
    let mut result = f()?;
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        result = f()?;
        times.push(started.elapsed());
    }
    times.sort();
    let median = times[times.len() / 2];
    let verdict =
        if median.as_secs_f64() * 1000.0 <= target_ms { "spełnia" } else { "NIE SPEŁNIA" };
    println!(
        "{label}: mediana {}, maks. {} (cel ≤ {target_ms} ms: {verdict}; {runs} powtórzeń)",
        ms(median),
        ms(times[times.len() - 1]),
    );
    Ok((result, median.as_secs_f64() * 1000.0))
}

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn run(dir: &Path) -> Result<(), Failure> {
    let data = dir.join("dane");
    if !data.join("peers.db").exists() {
        return Err(format!(
            "brak zbioru krajowego w {}; najpierw: cargo xtask demo-data --national",
            data.display()
        )
        .into());
    }
    let started = Instant::now();
    let monitor = Monitor::open(&data)?;
    println!("otwarcie folderu danych: {}", ms(started.elapsed()));

    // Medians by key, for the side-by-side table with DuckDB (xtask/src/bench_duckdb.rs).
    let mut results: Vec<(&str, f64)> = Vec::new();
    for (key, code, group) in [
        ("years_type_size", "KANALIZACJA_PROC", "type_size"),
        ("years_type_size_cost", "WYD_SP_NA_UCZNIA", "type_size"),
        ("years_voivodeship", "KANALIZACJA_PROC", "voivodeship"),
        ("years_all", "KANALIZACJA_PROC", "all"),
    ] {
        let (years, median) = timed(
            &format!("rozkład jednego wskaźnika we wszystkich latach ({code}, grupa {group})"),
            10.0,
            20,
            || Ok(monitor.position_over_years(code, group)?),
        )?;
        results.push((key, median));
        println!("  lat: {}", years.len());
    }
    for (key, group) in [
        ("overview_type_size", "type_size"),
        ("overview_voivodeship", "voivodeship"),
        ("overview_all", "all"),
    ] {
        let (overview, median) = timed(
            &format!("pozycja jednostki na wszystkich wskaźnikach, rok {YEAR} (grupa {group})"),
            100.0,
            10,
            || Ok(monitor.peer_overview(YEAR, group)?),
        )?;
        results.push((key, median));
        println!("  wskaźników: {}", overview.len());
        if let Some(first) = overview.first() {
            println!("  jednostek z wartością ({}): {}", first.code, first.n);
        }
    }
    let mut variables: Vec<String> = [
        "LUD_OGOLEM",
        "POW_KM2",
        "GESTOSC",
        "LUD_PRZEDPROD_PROC",
        "LUD_POPROD_PROC",
        "DOCH_WLASNE_PC",
        "BEZROBOCIE_UDZIAL",
        "PODMIOTY_REGON_1000",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    variables.extend(generic_indicators().into_iter().filter(|g| g.structural).map(|g| g.code));
    variables.truncate(20);
    let (near, median) = timed(
        &format!("najbliżsi sąsiedzi wśród gmin, {} zmiennych", variables.len()),
        20.0,
        20,
        || Ok(monitor.nearest_peers(15, Some(YEAR), Some(variables.clone()), None)?),
    )?;
    results.push(("nearest", median));
    println!("  sąsiadów: {}", near.len());
    let table: String = results.iter().map(|(k, ms)| format!("{k}\t{ms:.3}\n")).collect();
    std::fs::write(dir.join("pomiary-analiz.tsv"), table)?;
    if let Some(peak) = peak_rss_mb() {
        println!("szczytowa pamięć procesu (VmHWM): {peak:.0} MB (cel ≤ 250 MB)");
    }
    Ok(())
}

/// Where the time of one benchmark call goes: the building blocks, each timed alone.
fn profile(dir: &Path) -> Result<(), Failure> {
    let data = dir.join("dane");
    let local = LocalStore::open(&data.join("local.db"), &stamp())?;
    let peers = PeerStore::open(&data.join("peers.db"), &stamp())?;
    let monitor = Monitor::open(&data)?;
    time("local.active_units", 1.0, 20, || Ok(local.active_units()?))?;
    time("local.catalogue", 1.0, 20, || Ok(local.catalogue()?))?;
    time("local.budget_series", 1.0, 20, || Ok(local.budget_series()?))?;
    time("peers.years_of(LUD_OGOLEM)", 1.0, 20, || Ok(peers.years_of("LUD_OGOLEM")?))?;
    time("peers.values_of(KANALIZACJA_PROC, 2024)", 1.0, 20, || {
        Ok(peers.values_of("KANALIZACJA_PROC", 2024)?)
    })?;
    let values: Vec<f64> =
        peers.values_of("KANALIZACJA_PROC", 2024)?.into_iter().map(|(_, v)| v).collect();
    time("group_stats(2791 wartości)", 1.0, 50, || Ok(jst_analytics::group_stats(&values)?))?;
    time("group_stats(40 wartości)", 1.0, 50, || Ok(jst_analytics::group_stats(&values[..40])?))?;
    let catalogue = local.catalogue()?;
    let codes: Vec<&str> = catalogue.iter().map(|i| i.code.as_str()).collect();
    time("peers.year_values(cały katalog, 2024, wszystkie jednostki)", 1.0, 10, || {
        Ok(peers.year_values(&codes, 2024, None)?.len())
    })?;
    let every: Vec<usize> = (0..=2808).collect();
    time("peers.year_columns(cały katalog, 2024, wszystkie jednostki)", 1.0, 10, || {
        Ok(peers.year_columns(&codes, 2024, &every)?.len())
    })?;
    time("peers.year_columns(cały katalog, 2024, 182 jednostki)", 1.0, 10, || {
        Ok(peers.year_columns(&codes, 2024, &every[1000..1182])?.len())
    })?;
    let lists: Vec<Vec<f64>> = (0..313).map(|_| values[..2477].to_vec()).collect();
    time("group_stats_many(313 × 2477)", 1.0, 10, || {
        Ok(jst_analytics::group_stats_many(&lists)?)
    })?;
    time("benchmark(KANALIZACJA_PROC, 2024, type_size)", 1.0, 20, || {
        Ok(monitor.benchmark("KANALIZACJA_PROC", 2024, "type_size")?)
    })?;
    time("benchmark(KANALIZACJA_PROC, 2024, all)", 1.0, 20, || {
        Ok(monitor.benchmark("KANALIZACJA_PROC", 2024, "all")?)
    })?;
    Ok(())
}
