//! `cargo xtask run|test|codegen|e2e|tidy|demo-data|bench|bundle`: the project's two commands and their helpers. They install
//! what a fresh Debian 12 machine lacks (system packages, tauri-driver, npm packages), so the
//! README's commands work from a clean clone. Invariant checks live in `tidy.rs` as tests.

mod bench_duckdb;
mod bench_mf;
mod bench_release;
mod bench_server;
mod bench_start;
mod bundle;
mod deps;
mod e2e;
mod postgres;
mod shell;
#[cfg(test)]
mod tidy;

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use shell::{cargo, npm};

const USAGE: &str = "użycie: cargo xtask <run|test|codegen|e2e|tidy|demo-data|bench|bundle>
  run        buduje interfejs i uruchamia aplikację (bez wybranej jednostki proponuje demo)
  test       wszystkie testy: Rust, interfejs (vitest), end-to-end w prawdziwym oknie
  codegen    generuje ui/src/ipc/bindings.ts z komend Rust
  e2e        tylko testy end-to-end (po zbudowaniu aplikacji)
  tidy       tylko testy niezmienników architektury (xtask/src/tidy.rs)
  demo-data --national [--out FOLDER]
             zapisuje krajowy zbiór syntetyczny (2791 jednostek × 300 wskaźników × 2010–2024)
             do FOLDER (domyślnie target/national): folder danych, katalog i dane CSV
  bench [--out FOLDER] [--only analytics|releases|mf|server|start] [--seconds N] [--engine sqlite|postgres|both]
             pomiary wydajności (DESIGN §11) w trybie release na zbiorze krajowym: analizy
             (obok DuckDB, gdy JST_DUCKDB_PYTHON albo python3 ma pakiet duckdb),
             wydania (budowa, rozmiar, wczytanie, aktualizacja roczna), import MF
             (krajowe Rb-28S w formacie dBase, pierwszy i powtórny) oraz serwer pod
             obciążeniem (2500 tokenów, 500 klientów przez N s, domyślnie 60; kill -9,
             pełny dysk, limit na token; wymaga roota do tmpfs), start aplikacji do
             pierwszego ekranu z danymi (pusty folder, demo, folder krajowy)
  bundle [--install-test]
             pakiety .deb i .rpm (aplikacja release z jst, bundler Tauri) w
             target/release/bundle/; --install-test instaluje .deb (apt-get, root albo
             sudo), uruchamia zainstalowaną aplikację pod Xvfb i jst, po czym usuwa pakiet";

fn main() -> Result<()> {
    let task = std::env::args().nth(1).unwrap_or_default();
    let root = project_root();
    match task.as_str() {
        "run" => run(&root),
        "test" => test(&root),
        "codegen" => codegen(&root),
        "tidy" => cargo(&root, &["test", "-p", "xtask", "--", "tidy::"]),
        "demo-data" => {
            let args: Vec<String> = std::env::args().skip(2).collect();
            if !args.iter().any(|a| a == "--national") {
                eprintln!("{USAGE}");
                std::process::exit(2);
            }
            national(&root, "generate", &national_dir(&root, &args))
        }
        "bench" => {
            let args: Vec<String> = std::env::args().skip(2).collect();
            let dir = national_dir(&root, &args);
            let only = args.iter().position(|a| a == "--only").and_then(|i| args.get(i + 1));
            let seconds = match args.iter().position(|a| a == "--seconds") {
                None => 60,
                Some(i) => match args.get(i + 1).and_then(|s| s.parse::<u64>().ok()) {
                    Some(n) if n >= 6 => n,
                    _ => {
                        eprintln!("--seconds wymaga liczby sekund, co najmniej 6\n{USAGE}");
                        std::process::exit(2);
                    }
                },
            };
            let known = ["analytics", "releases", "mf", "server", "start"];
            if only.is_some_and(|o| !known.contains(&o.as_str())) {
                eprintln!("{USAGE}");
                std::process::exit(2);
            }
            // The MF import and the server load generate their own data; only the other parts
            // need the national set.
            let own_data = only.is_some_and(|o| o == "mf" || o == "server" || o == "start");
            if !own_data && !dir.join("dane/peers.db").exists() {
                national(&root, "generate", &dir)?;
            }
            if only.is_none_or(|o| o == "analytics") {
                national(&root, "run", &dir)?;
                bench_duckdb::compare(&root, &dir)?;
            }
            if only.is_none_or(|o| o == "releases") {
                if !dir.join("surowe-wczytanie.txt").exists() {
                    national(&root, "raw", &dir)?;
                }
                bench_release::run(&root, &dir, &target_dir(&root))?;
            }
            if only.is_none_or(|o| o == "mf") {
                bench_mf::run(&root, &dir, &target_dir(&root))?;
            }
            if only.is_none_or(|o| o == "server") {
                let engines =
                    match args.iter().position(|a| a == "--engine").map(|i| args.get(i + 1)) {
                        None => vec![bench_server::Engine::Sqlite, bench_server::Engine::Postgres],
                        Some(Some(e)) if e == "both" => {
                            vec![bench_server::Engine::Sqlite, bench_server::Engine::Postgres]
                        }
                        Some(Some(e)) if e == "sqlite" => vec![bench_server::Engine::Sqlite],
                        Some(Some(e)) if e == "postgres" => vec![bench_server::Engine::Postgres],
                        _ => {
                            eprintln!("--engine przyjmuje sqlite, postgres albo both\n{USAGE}");
                            std::process::exit(2);
                        }
                    };
                for engine in engines {
                    bench_server::run(&root, &target_dir(&root), seconds, engine)?;
                }
            }
            if only.is_none_or(|o| o == "start") {
                bench_start::run(&root, &dir)?;
            }
            Ok(())
        }
        "bundle" => {
            let args: Vec<String> = std::env::args().skip(2).collect();
            if args.iter().any(|a| a != "--install-test") {
                eprintln!("{USAGE}");
                std::process::exit(2);
            }
            let deb = bundle::build(&root)?;
            if args.iter().any(|a| a == "--install-test") {
                bundle::install_test(&root, &deb)?;
            }
            Ok(())
        }
        "e2e" => {
            deps::ensure_all(&root)?;
            build_app(&root)?;
            e2e::run(&root)
        }
        _ => {
            eprintln!("{USAGE}");
            std::process::exit(2);
        }
    }
}

/// `--out FOLDER`, else `target/national` (beside the build, never committed).
fn national_dir(root: &Path, args: &[String]) -> PathBuf {
    args.iter()
        .position(|a| a == "--out")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from)
        .unwrap_or_else(|| target_dir(root).join("national"))
}

/// The national benchmark binary (crates/jst-core/benches/national.rs), in release mode.
fn national(root: &Path, mode: &str, dir: &Path) -> Result<()> {
    shell::step(&format!("Zbiór krajowy: {mode} ({})", dir.display()));
    let dir = dir.to_string_lossy().into_owned();
    cargo(root, &["bench", "-p", "jst-core", "--bench", "national", "--", mode, &dir])
}

fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

/// Where cargo puts binaries: `CARGO_TARGET_DIR` when set (CI keeps one outside the clone).
pub fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| root.join("target"))
}

pub(crate) fn build_ui(root: &Path) -> Result<()> {
    shell::step("Budowanie interfejsu (vite build)");
    npm(root, &["run", "build"])
}

fn build_app(root: &Path) -> Result<()> {
    build_ui(root)?;
    shell::step("Budowanie aplikacji (cargo build -p monitor-jst -p jst-cli -p jst-server)");
    cargo(root, &["build", "-p", "monitor-jst", "-p", "jst-cli", "-p", "jst-server"])
}

fn run(root: &Path) -> Result<()> {
    deps::ensure_all(root)?;
    build_app(root)?;
    let display = e2e::Display::ensure()?;
    shell::step("Uruchamianie Monitora JST");
    let status = std::process::Command::new(target_dir(root).join("debug/monitor-jst"))
        .envs(display.env())
        .status()?;
    anyhow::ensure!(status.success(), "aplikacja zakończyła się błędem: {status}");
    Ok(())
}

fn codegen(root: &Path) -> Result<()> {
    deps::ensure_all(root)?;
    build_ui(root)?;
    shell::step("Generowanie ui/src/ipc/bindings.ts");
    shell::run_in(
        root,
        "cargo",
        &["test", "-p", "monitor-jst", "--test", "it", "committed_bindings_are_fresh"],
        &[("UPDATE_BINDINGS", "1")],
    )
}

/// The server's tests once more, every one on a real PostgreSQL: a throwaway cluster, where each
/// test makes and drops a database of its own (`jst_server_store::throwaway`). The cluster is
/// stopped and removed when this returns, failed tests or not.
fn server_tests_on_postgres(root: &Path) -> Result<()> {
    let cluster = postgres::Cluster::start().context("klaster PostgreSQL do testów")?;
    shell::step(&format!(
        "Testy serwera na PostgreSQL {} (klaster tymczasowy, port {})",
        cluster.version(),
        cluster.port()
    ));
    let url = cluster.url();
    shell::run_in(
        root,
        "cargo",
        &["test", "-p", "jst-server", "-p", "jst-server-store"],
        &[("JST_SERVER_TEST_POSTGRES", url.as_str()), ("JST_REQUIRE_POSTGRES", "1")],
    )
}

fn test(root: &Path) -> Result<()> {
    let started = std::time::Instant::now();
    deps::ensure_all(root)?;
    // The app embeds ui/dist at compile time, so the UI is built before any Rust test.
    build_ui(root)?;
    shell::step("Formatowanie (cargo fmt --check) i lint (cargo clippy -D warnings)");
    cargo(root, &["fmt", "--all", "--check"])?;
    cargo(root, &["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"])?;
    shell::step("Testy Rust (cargo test --workspace), w tym tidy i świeżość powiązań IPC");
    // The sync tests run against nginx and the token test against gnome-keyring; under the test
    // command both must be there.
    shell::run_in(
        root,
        "cargo",
        &["test", "--workspace", "--all-targets"],
        &[("JST_REQUIRE_NGINX", "1"), ("JST_REQUIRE_KEYRING", "1")],
    )?;
    server_tests_on_postgres(root)?;
    shell::step("Sprawdzenie typów interfejsu (svelte-check)");
    npm(root, &["run", "check"])?;
    shell::step("Testy interfejsu (vitest)");
    npm(root, &["test"])?;
    shell::step("Budowanie aplikacji do testów end-to-end");
    cargo(root, &["build", "-p", "monitor-jst", "-p", "jst-cli", "-p", "jst-server"])?;
    e2e::run(root)?;
    println!("\nWszystkie testy przeszły w {:.0} s.", started.elapsed().as_secs_f64());
    Ok(())
}
