//! `cargo xtask bench --only start`: app start to the first screen with data (DESIGN §11:
//! ≤ 1.5 s), release build, no WebDriver. The window tells the app when its first screen has its
//! data (`first_screen_ready`); the app prints one line on stderr then, and the time here runs
//! from spawning the process to that line. Three folders: empty (a first start, which loads the
//! shipped register), the demo, and the national folder a sync filled (left by `--only releases`).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

use crate::e2e::Display;
use crate::shell::{cargo_release, step};

const RUNS: usize = 5;
const TARGET_MS: f64 = 1500.0;
const MARK: &str = "pierwszy ekran z danymi";

pub fn run(root: &Path, national: &Path) -> Result<()> {
    crate::deps::ensure_all(root)?;
    crate::build_ui(root)?;
    step("Aplikacja i jst w trybie release");
    // The app as `tauri build` makes it (assets served by the custom protocol), so the figure is
    // the shipped program's and the build reuses the dependencies `cargo xtask bundle` built.
    cargo_release(root, &["build", "-p", "monitor-jst", "--features", "tauri/custom-protocol"])?;
    cargo_release(root, &["build", "-p", "jst-cli"])?;
    let release = crate::target_dir(root).join("release");
    let app = release.join("monitor-jst");
    let display = Display::ensure()?;
    let scratch = std::env::temp_dir().join(format!("jst-start-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(&scratch)?;

    step(&format!("Start aplikacji do pierwszego ekranu z danymi ({RUNS} uruchomień + 1 wstępne)"));
    // A new folder each time: every run is a true first start (register loaded from the program).
    let mut n = 0;
    measure("pusty folder (pierwsze uruchomienie)", &app, &display, || {
        n += 1;
        scratch.join(format!("pusty-{n}"))
    })?;

    let demo = scratch.join("demo");
    let status = Command::new(release.join("jst"))
        .arg("--data-dir")
        .arg(&demo)
        .args(["init", "--demo"])
        .stdout(Stdio::null())
        .status()
        .context("jst init --demo")?;
    anyhow::ensure!(status.success(), "jst init --demo: {status}");
    measure("demo (Wieliczka)", &app, &display, || demo.clone())?;

    let synced = national.join("wydania-pomiar/urzad");
    if synced.join("peers.db").exists() {
        measure("folder krajowy po synchronizacji", &app, &display, || synced.clone())?;
    } else {
        println!(
            "folder krajowy po synchronizacji: pominięty — brak {} (najpierw cargo xtask bench \
             --only releases)",
            synced.display()
        );
    }
    let _ = std::fs::remove_dir_all(&scratch);
    Ok(())
}

fn measure(
    label: &str,
    app: &Path,
    display: &Display,
    mut folder: impl FnMut() -> PathBuf,
) -> Result<()> {
    let mut times = Vec::new();
    let mut reported = Vec::new();
    let mut rust_mb = 0.0_f64;
    for run in 0..=RUNS {
        let (elapsed, own_ms, rss) = start_once(app, display, &folder())?;
        // The first run warms the disk cache and the webview's own caches.
        if run > 0 {
            times.push(elapsed);
            reported.push(own_ms);
            rust_mb = rust_mb.max(rss);
        }
    }
    times.sort();
    reported.sort_unstable();
    let median = times[times.len() / 2].as_secs_f64() * 1000.0;
    let max = times[times.len() - 1].as_secs_f64() * 1000.0;
    let verdict = if median <= TARGET_MS { "spełnia" } else { "NIE SPEŁNIA" };
    println!(
        "{label}: mediana {median:.0} ms, maks. {max:.0} ms od uruchomienia procesu (według \
         aplikacji: mediana {} ms od startu `run`); pamięć procesu aplikacji (VmHWM) do {rust_mb:.0} \
         MB (cel ≤ {TARGET_MS} ms: {verdict}; {RUNS} uruchomień)",
        reported[reported.len() / 2]
    );
    Ok(())
}

/// Starts the app on `folder` and waits for its line; answers the time from spawning, the time
/// the app counted itself, and its peak resident memory (MB) at that moment.
fn start_once(app: &Path, display: &Display, folder: &Path) -> Result<(Duration, u64, f64)> {
    let started = Instant::now();
    let mut child = Command::new(app)
        .env("JST_DATA_DIR", folder)
        .envs(display.env())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("nie można uruchomić {}", app.display()))?;
    let stderr = child.stderr.take().context("stderr aplikacji")?;
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if line.contains(MARK) {
                let _ = tx.send((started.elapsed(), line));
            }
        }
    });
    let outcome = rx.recv_timeout(Duration::from_secs(60));
    let rss = peak_rss_mb(child.id()).unwrap_or(0.0);
    let _ = child.kill();
    let _ = child.wait();
    let (elapsed, line) = match outcome {
        Ok(got) => got,
        Err(_) => bail!("aplikacja nie pokazała pierwszego ekranu w 60 s ({})", folder.display()),
    };
    // "… po 812 ms"
    let own_ms = line
        .rsplit_once(" po ")
        .and_then(|(_, rest)| rest.trim_end_matches(" ms").trim().parse().ok())
        .unwrap_or(0);
    Ok((elapsed, own_ms, rss))
}

fn peak_rss_mb(pid: u32) -> Option<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}
