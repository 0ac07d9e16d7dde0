use std::path::Path;
use std::process::Command;

use anyhow::{ensure, Context, Result};

pub fn step(what: &str) {
    println!("\n==> {what}");
}

pub fn run_in(dir: &Path, program: &str, args: &[&str], env: &[(&str, &str)]) -> Result<()> {
    let status = Command::new(program)
        .args(args)
        .current_dir(dir)
        .envs(env.iter().copied())
        .status()
        .with_context(|| format!("nie można uruchomić {program}"))?;
    ensure!(status.success(), "{program} {} zakończył się błędem ({status})", args.join(" "));
    Ok(())
}

pub fn cargo(root: &Path, args: &[&str]) -> Result<()> {
    run_in(root, "cargo", args, &[])
}

/// `cargo <args> --release` with the build day stamped as today's midnight (UTC): every release
/// build of the day shares one `SOURCE_DATE_EPOCH`, so the C crates (`cc` reruns on it) and all
/// above them are not rebuilt between the bundle and the benches, and both programs of a package
/// carry the same day.
pub fn cargo_release(root: &Path, args: &[&str]) -> Result<()> {
    let mut full = args.to_vec();
    full.push("--release");
    let epoch = build_day_epoch();
    run_in(root, "cargo", &full, &[("SOURCE_DATE_EPOCH", epoch.as_str())])
}

/// Today's midnight (UTC) in seconds since 1970, as `SOURCE_DATE_EPOCH` wants it.
pub fn build_day_epoch() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    (now - now % 86_400).to_string()
}

pub fn npm(root: &Path, args: &[&str]) -> Result<()> {
    run_in(&root.join("ui"), "npm", args, &[])
}

/// True when `program --version` runs.
pub fn available(program: &str) -> bool {
    Command::new(program).arg("--version").output().is_ok_and(|o| o.status.success())
}

/// True when this process runs as root (`id -u` says 0).
pub fn is_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.trim_ascii() == b"0")
}
