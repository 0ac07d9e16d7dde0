//! Release benchmarks of DESIGN §11 (issue 5), part of `cargo xtask bench`: build, size and
//! apply of the full national release against a raw bulk load, and the download size of the
//! typical annual update (a new year for every series plus revisions of 1 % of the previous
//! year). Runs the release binaries as a town hall and an association would, timed with
//! `/usr/bin/time` (wall and CPU seconds and peak resident memory of each process).

use std::collections::HashSet;
use std::io::{BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, ensure, Context, Result};

use crate::shell::{cargo_release, step};

const OWN_UNIT: &str = "1219053";

pub struct Measured {
    pub seconds: f64,
    /// User plus system CPU seconds: less disturbed than wall time when other work shares the
    /// machine.
    pub cpu_seconds: f64,
    pub peak_mb: f64,
    pub stdout: String,
}

/// Runs `program args` under `/usr/bin/time`, failing on a non-zero exit.
fn measured(program: &Path, args: &[&str]) -> Result<Measured> {
    let times = std::env::temp_dir().join(format!("jst-bench-time-{}", std::process::id()));
    let out = Command::new("/usr/bin/time")
        .args(["-f", "%e %U %S %M", "-o"])
        .arg(&times)
        .arg(program)
        .args(args)
        .env("JST_TOKEN_STORE", "file")
        .output()
        .context("nie można uruchomić /usr/bin/time (pakiet time)")?;
    ensure!(
        out.status.success(),
        "{} {} zakończył się błędem: {}",
        program.display(),
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&times)?;
    let mut fields = text.split_whitespace().rev().take(4);
    let mut next = |what: &str| -> Result<f64> {
        Ok(fields.next().with_context(|| format!("brak pomiaru: {what}"))?.parse()?)
    };
    let kb = next("pamięć")?;
    let system = next("czas systemu")?;
    let user = next("czas użytkownika")?;
    let seconds = next("czas")?;
    Ok(Measured {
        seconds,
        cpu_seconds: user + system,
        peak_mb: kb / 1024.0,
        stdout: String::from_utf8_lossy(&out.stdout).into(),
    })
}

/// `program --data-dir DIR args…`, measured.
pub fn with_data_dir(program: &Path, dir: &Path, args: &[&str]) -> Result<Measured> {
    let dir = dir.to_string_lossy();
    let mut all = vec!["--data-dir", &dir];
    all.extend_from_slice(args);
    measured(program, &all)
}

/// The chunks a manifest lists: (sha256, size).
fn chunks(release: &Path) -> Result<Vec<(String, u64)>> {
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(release.join("manifest.json"))?)?;
    let list = manifest["chunks"].as_array().context("manifest bez listy fragmentów")?;
    Ok(list
        .iter()
        .map(|c| {
            (c["sha256"].as_str().unwrap_or_default().to_owned(), c["size"].as_u64().unwrap_or(0))
        })
        .collect())
}

/// Bytes of latest.json, manifest.json and their signatures: fetched by every sync.
fn index_bytes(release: &Path) -> Result<u64> {
    ["latest.json", "latest.json.sig", "manifest.json", "manifest.json.sig"]
        .iter()
        .map(|f| Ok(std::fs::metadata(release.join(f))?.len()))
        .sum()
}

/// The annual update: 2025 for every (unit, indicator) that has 2024, and 1 % of the 2024
/// values revised (every hundredth), six significant digits as in a release.
fn write_update(national_csv: &Path, out: &Path) -> Result<(u64, u64)> {
    let input = std::io::BufReader::new(std::fs::File::open(national_csv)?);
    let mut w = BufWriter::new(std::fs::File::create(out)?);
    writeln!(w, "teryt;wskaznik_kod;rok;wartosc")?;
    let (mut new_year, mut revised, mut seen_2024) = (0u64, 0u64, 0u64);
    for line in input.lines().skip(1) {
        let line = line?;
        let mut f = line.split(';');
        let (Some(teryt), Some(code), Some(year), Some(value)) =
            (f.next(), f.next(), f.next(), f.next())
        else {
            bail!("nieczytelny wiersz {line}");
        };
        if year != "2024" {
            continue;
        }
        let value: f64 = value.parse()?;
        let next: f64 = format!("{:.5e}", value * 1.02).parse()?;
        writeln!(w, "{teryt};{code};2025;{next}")?;
        new_year += 1;
        if seen_2024 % 100 == 0 {
            let changed: f64 = format!("{:.5e}", value * 1.01 + 1.0).parse()?;
            writeln!(w, "{teryt};{code};2024;{changed}")?;
            revised += 1;
        }
        seen_2024 += 1;
    }
    w.flush()?;
    Ok((new_year, revised))
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}

pub fn run(root: &Path, national: &Path, target: &Path) -> Result<()> {
    step("Wydania w skali kraju: budowa, rozmiar, wczytanie, aktualizacja roczna");
    cargo_release(root, &["build", "-p", "jst-server", "-p", "jst-cli"])?;
    let server_bin = target.join("release/jst-server");
    let jst_bin = target.join("release/jst");
    let work = national.join("wydania-pomiar");
    if work.exists() {
        std::fs::remove_dir_all(&work)?;
    }
    std::fs::create_dir_all(&work)?;
    let path = |p: &PathBuf| p.to_string_lossy().into_owned();
    let (db, keys, releases, pc) =
        (work.join("serwer"), work.join("klucze"), work.join("wydania"), work.join("urzad"));
    let server = |args: &[&str]| with_data_dir(&server_bin, &db, args);
    let jst = |args: &[&str]| with_data_dir(&jst_bin, &pc, args);

    server(&["keygen", "--out", &path(&keys)])?;
    let shipped = root.join("assets/catalogue/katalog_wskaznikow.csv");
    server(&["import", "catalogue", &path(&shipped)])?;
    server(&["import", "catalogue", &path(&national.join("katalog_krajowy.csv"))])?;
    let import = server(&["import", "data", &path(&national.join("dane_krajowe.csv"))])?;
    let key = path(&keys.join("release.key"));
    let build1 = server(&["release", "build", "--out", &path(&releases), "--key", &key])?;
    let v1 = chunks(&releases)?;
    let v1_bytes: u64 = v1.iter().map(|c| c.1).sum::<u64>() + index_bytes(&releases)?;

    jst(&["init", "--unit", OWN_UNIT])?;
    jst(&["trust", "add", &path(&keys.join("release.pub")), "--yes"])?;
    let apply1 = jst(&["sync", "--from", &path(&releases), "--format", "json"])?;
    ensure!(
        apply1.stdout.contains("\"applied\""),
        "wydanie 1 nie zostało wczytane: {}",
        apply1.stdout
    );

    let update_csv = work.join("aktualizacja.csv");
    let (new_year, revised) = write_update(&national.join("dane_krajowe.csv"), &update_csv)?;
    server(&["import", "data", &path(&update_csv)])?;
    let build2 = server(&["release", "build", "--out", &path(&releases), "--key", &key])?;
    let v2 = chunks(&releases)?;
    let old: HashSet<&String> = v1.iter().map(|c| &c.0).collect();
    let v2_bytes: u64 = v2.iter().map(|c| c.1).sum::<u64>() + index_bytes(&releases)?;
    let fresh: Vec<&(String, u64)> = v2.iter().filter(|c| !old.contains(&c.0)).collect();
    let update_bytes: u64 = fresh.iter().map(|c| c.1).sum::<u64>() + index_bytes(&releases)?;
    let apply2 = jst(&["sync", "--from", &path(&releases), "--format", "json"])?;
    ensure!(
        apply2.stdout.contains("\"applied\""),
        "wydanie 2 nie zostało wczytane: {}",
        apply2.stdout
    );

    let raw = std::fs::read_to_string(national.join("surowe-wczytanie.txt")).ok();
    let raw_seconds: Option<(f64, f64)> = raw.as_deref().and_then(|t| {
        let mut f = t.split_whitespace().map(|v| v.parse::<f64>().ok());
        Some((f.next()??, f.next()??))
    });

    println!("\nwyniki (wydania krajowe):");
    println!("import danych do serwera: {:.1} s, szczyt {:.0} MB", import.seconds, import.peak_mb);
    println!(
        "budowa wydania 1: {:.1} s, szczyt {:.0} MB; rozmiar {:.1} MB ({} fragmentów; cel ≤ 120 MB)",
        build1.seconds,
        build1.peak_mb,
        mb(v1_bytes),
        v1.len()
    );
    println!(
        "wczytanie wydania 1 (jst sync --from): {:.1} s, szczyt {:.0} MB (cel ≤ 250 MB)",
        apply1.seconds, apply1.peak_mb
    );
    match raw_seconds {
        Some((arrival, sorted)) => println!(
            "surowe wczytanie tych samych wierszy: {arrival:.1} s w kolejności generowania (stosunek {:.2}; cel ≤ 1,5), {sorted:.1} s posortowanych wg klucza (stosunek {:.2})",
            apply1.seconds / arrival,
            apply1.seconds / sorted
        ),
        None => println!("brak pomiaru surowego wczytania: cargo xtask demo-data --national go zapisuje"),
    }
    println!(
        "aktualizacja roczna ({new_year} wartości roku 2025, {revised} poprawek roku 2024): budowa {:.1} s; do pobrania {:.1} MB z {:.1} MB = {:.1} % ({} nowych fragmentów; cel ≤ 15 %)",
        build2.seconds,
        mb(update_bytes),
        mb(v2_bytes),
        100.0 * update_bytes as f64 / v2_bytes as f64,
        fresh.len()
    );
    println!("wczytanie wydania 2: {:.1} s, szczyt {:.0} MB", apply2.seconds, apply2.peak_mb);
    Ok(())
}
