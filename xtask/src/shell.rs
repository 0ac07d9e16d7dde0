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
