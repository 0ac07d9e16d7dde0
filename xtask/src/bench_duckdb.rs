//! The analyst's alternative in the same run (DESIGN §11): DuckDB answers the national
//! benchmark's questions over the same synthetic CSV (`xtask/scripts/duckdb_anchor.py`), and the
//! table printed here puts both sides and their ratio on one line per question. DuckDB gets its
//! best case: the better of its table as loaded and sorted by indicator, formulas precomputed.
//!
//! The script needs the `duckdb` Python package: `JST_DUCKDB_PYTHON` names the interpreter that
//! has it (e.g. a virtual environment's), else `python3`. Without it the comparison is skipped
//! and says how to get it.

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use anyhow::{bail, Context, Result};

use crate::shell::step;

/// The national bench's results, one `key<TAB>median ms` per line (benches/national.rs).
pub const RESULTS_FILE: &str = "pomiary-analiz.tsv";

/// (question, the national bench's key, the anchor's label).
const QUESTIONS: [(&str, &str, &str); 5] = [
    (
        "jeden wskaźnik, wszystkie lata, wszystkie gminy",
        "years_all",
        "one indicator all years, group all (KANALIZACJA_PROC)",
    ),
    (
        "jeden wskaźnik, wszystkie lata, województwo",
        "years_voivodeship",
        "one indicator all years, group voivodeship",
    ),
    (
        "wszystkie wskaźniki, jeden rok, wszystkie gminy",
        "overview_all",
        "all indicators one year, group all",
    ),
    (
        "wszystkie wskaźniki, jeden rok, województwo",
        "overview_voivodeship",
        "all indicators one year, group voivodeship",
    ),
    ("najbliżsi sąsiedzi, 20 zmiennych", "nearest", "nearest neighbours, 20 variables"),
];

pub fn compare(root: &Path, national: &Path) -> Result<()> {
    step("DuckDB na tych samych pytaniach (xtask/scripts/duckdb_anchor.py)");
    let python = std::env::var("JST_DUCKDB_PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let importable = Command::new(&python)
        .args(["-c", "import duckdb; print(duckdb.__version__)"])
        .output()
        .ok()
        .filter(|o| o.status.success());
    let Some(probe) = importable else {
        println!(
            "porównanie z DuckDB pominięte: {python} nie ma pakietu duckdb. Zainstaluj go w \
             środowisku wirtualnym (python3 -m venv ~/venv-duckdb && ~/venv-duckdb/bin/pip \
             install duckdb) i podaj JST_DUCKDB_PYTHON=~/venv-duckdb/bin/python"
        );
        return Ok(());
    };
    let version = String::from_utf8_lossy(&probe.stdout).trim().to_owned();
    let ours = read_results(&national.join(RESULTS_FILE))?;
    let script = root.join("xtask/scripts/duckdb_anchor.py");
    let terc = root.join("assets/register/TERC_2024-01-01.csv");
    let population = root.join("assets/reference/ludnosc_ogolem_malopolskie_2024.csv");
    // The anchor keeps its database beside the CSV; a fresh one loads what this run generated.
    let _ = std::fs::remove_file(national.join("anchor.duckdb"));
    let mut best: HashMap<String, f64> = HashMap::new();
    for table in ["v", "vs"] {
        let out = Command::new(&python)
            .arg(&script)
            .arg(national)
            .arg(&terc)
            .arg("15")
            .arg(&population)
            .arg(table)
            .output()
            .context("duckdb_anchor.py")?;
        if !out.status.success() {
            bail!("duckdb_anchor.py: {}", String::from_utf8_lossy(&out.stderr));
        }
        let text = String::from_utf8_lossy(&out.stdout);
        print!("{text}");
        for (label, ms) in text.lines().filter_map(anchor_line) {
            let entry = best.entry(label).or_insert(f64::INFINITY);
            *entry = entry.min(ms);
        }
    }
    println!("\nDuckDB {version} (lepsza z dwóch tabel) wobec programu, mediany w ms:");
    println!("| pytanie | program | DuckDB | stosunek |\n|---|---|---|---|");
    let mut worst: f64 = 0.0;
    for (question, key, label) in QUESTIONS {
        let (Some(project), Some(duck)) = (ours.get(key), best.get(label)) else {
            println!("| {question} | {} | {} | — |", show(ours.get(key)), show(best.get(label)));
            continue;
        };
        let ratio = project / duck;
        worst = worst.max(ratio);
        println!("| {question} | {project:.1} | {duck:.1} | {ratio:.2} |");
    }
    let verdict = if worst <= 1.0 { "spełnia" } else { "NIE SPEŁNIA" };
    println!("najgorszy stosunek: {worst:.2} (cel ≤ 1,0: {verdict})");
    Ok(())
}

fn show(ms: Option<&f64>) -> String {
    ms.map_or_else(|| "brak".to_owned(), |v| format!("{v:.1}"))
}

/// `label: 12.34 ms (max 15.00)` → (label, 12.34).
fn anchor_line(line: &str) -> Option<(String, f64)> {
    let (label, rest) = line.split_once(": ")?;
    let ms = rest.strip_suffix(')').and_then(|r| r.split_once(" ms (max"))?.0;
    Some((label.to_owned(), ms.trim().parse().ok()?))
}

fn read_results(path: &Path) -> Result<HashMap<String, f64>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("brak {} (pomiary programu)", path.display()))?;
    Ok(text
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .filter_map(|(k, v)| Some((k.to_owned(), v.trim().parse().ok()?)))
        .collect())
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_the_anchors_lines() {
        assert_eq!(
            super::anchor_line("nearest neighbours, 20 variables: 18.90 ms (max 21.02)"),
            Some(("nearest neighbours, 20 variables".to_owned(), 18.9))
        );
        assert_eq!(super::anchor_line("rows: 12538755"), None);
        assert_eq!(super::anchor_line("  indicators: 313"), None);
    }
}
