//! Installs what the build and the tests need and a fresh Debian 12 machine lacks.

use std::path::Path;
use std::process::Command;

use anyhow::{bail, Context, Result};

use crate::shell::{available, is_root, run_in, step};

/// Debian packages for building Tauri 2 (webkit2gtk 4.1) and driving its window under Xvfb, and
/// nginx, which serves a release directory in the sync tests; D-Bus (headers for the keyring
/// crate, `dbus-run-session`) and gnome-keyring, a real Secret Service for the unit-token test;
/// poppler-utils reads the reports' PDFs back (pdftotext, pdfinfo, pdffonts, pdftoppm).
const PACKAGES: [&str; 16] = [
    "libwebkit2gtk-4.1-dev",
    "libayatana-appindicator3-dev",
    "librsvg2-dev",
    "libsoup-3.0-dev",
    "build-essential",
    "pkg-config",
    "libssl-dev",
    "xvfb",
    "webkit2gtk-driver",
    "imagemagick",
    "xauth",
    "nginx",
    "libdbus-1-dev",
    "dbus",
    "gnome-keyring",
    "poppler-utils",
];

pub fn ensure_all(root: &Path) -> Result<()> {
    ensure_system_packages()?;
    ensure_postgres()?;
    ensure_node()?;
    ensure_npm_packages(root)?;
    ensure_tauri_driver()
}

fn installed(package: &str) -> bool {
    Command::new("dpkg-query")
        .args(["-W", "-f=${Status}", package])
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("install ok installed"))
}

fn ensure_system_packages() -> Result<()> {
    if !available("dpkg-query") {
        println!(
            "(pomijam pakiety systemowe: to nie jest Debian; zainstaluj odpowiedniki: {})",
            PACKAGES.join(" ")
        );
        return Ok(());
    }
    let missing: Vec<&str> = PACKAGES.into_iter().filter(|p| !installed(p)).collect();
    if missing.is_empty() {
        return Ok(());
    }
    apt_install(&missing)
}

/// PostgreSQL for the server's tests on a real database (a throwaway cluster, see
/// `postgres.rs`): Debian's `postgresql`, unless its programs are there already (whichever
/// package brought them).
fn ensure_postgres() -> Result<()> {
    if crate::postgres::debian_bin().is_some() {
        return Ok(());
    }
    if !available("dpkg-query") {
        println!("(pomijam PostgreSQL: to nie jest Debian; zainstaluj PostgreSQL 15 lub nowszy)");
        return Ok(());
    }
    apt_install(&["postgresql"])
}

fn apt_install(missing: &[&str]) -> Result<()> {
    step(&format!("Instalowanie pakietów systemowych: {}", missing.join(" ")));
    let (program, prefix): (&str, Vec<&str>) =
        if is_root() { ("apt-get", vec![]) } else { ("sudo", vec!["apt-get"]) };
    let mut update = prefix.clone();
    update.extend(["update", "-qq"]);
    run_in(Path::new("/"), program, &update, &[])?;
    let mut install = prefix;
    install.extend(["install", "-y", "-qq", "--no-install-recommends"]);
    install.extend(missing.iter().copied());
    run_in(Path::new("/"), program, &install, &[("DEBIAN_FRONTEND", "noninteractive")])
}

fn ensure_node() -> Result<()> {
    let output = Command::new("node").arg("--version").output().context(
        "brak Node.js: zainstaluj Node.js 20.19 lub nowszy (https://nodejs.org) i uruchom ponownie",
    )?;
    let version = String::from_utf8_lossy(&output.stdout);
    let major: u32 = version
        .trim()
        .trim_start_matches('v')
        .split('.')
        .next()
        .and_then(|m| m.parse().ok())
        .unwrap_or(0);
    if major < 20 {
        bail!("Node.js {version} jest za stary: potrzebny 20.19 lub nowszy");
    }
    Ok(())
}

/// Installs the locked npm packages when node_modules is missing or older than the lock file.
/// `npm install --no-save` rather than `npm ci`: the registry mirror here serves only some of
/// rollup's platform packages, so the lock lists fewer optional packages than `npm ci` demands;
/// `--no-save` still installs the locked versions and leaves the lock file untouched.
fn ensure_npm_packages(root: &Path) -> Result<()> {
    let ui = root.join("ui");
    let lock = std::fs::metadata(ui.join("package-lock.json")).and_then(|m| m.modified()).ok();
    let installed = std::fs::metadata(ui.join("node_modules/.package-lock.json"))
        .and_then(|m| m.modified())
        .ok();
    if matches!((lock, installed), (Some(l), Some(i)) if i >= l) {
        return Ok(());
    }
    step("Instalowanie pakietów npm (npm install --no-save)");
    run_in(&ui, "npm", &["install", "--no-save", "--no-audit", "--no-fund"], &[])
}

fn ensure_tauri_driver() -> Result<()> {
    if available("tauri-driver") || cargo_bin("tauri-driver").is_some() {
        return Ok(());
    }
    step("Instalowanie tauri-driver (cargo install)");
    run_in(
        Path::new("."),
        "cargo",
        &["install", "tauri-driver", "--version", "^2", "--locked"],
        &[],
    )
}

/// A program installed by `cargo install`, which may not be on PATH yet.
pub fn cargo_bin(name: &str) -> Option<std::path::PathBuf> {
    let home = std::env::var_os("CARGO_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| std::path::PathBuf::from(h).join(".cargo")))?;
    let path = home.join("bin").join(name);
    path.exists().then_some(path)
}
