//! End-to-end tests in the real app window: tauri-driver + WebKitWebDriver under Xvfb. The
//! scenarios are in `tests/e2e/*.mjs`; screenshots go to `artifacts/e2e/`.

use std::path::Path;
use std::process::{Child, Command};

use anyhow::{Context, Result};

use crate::deps::cargo_bin;
use crate::shell::{run_in, step};

/// A display for the window: the user's own, or an Xvfb started for the test and stopped after.
pub struct Display {
    name: String,
    xvfb: Option<Child>,
}

impl Display {
    pub fn ensure() -> Result<Self> {
        if let Some(name) = std::env::var_os("DISPLAY").filter(|d| !d.is_empty()) {
            return Ok(Self { name: name.to_string_lossy().into_owned(), xvfb: None });
        }
        let number = (99..200)
            .find(|n| !Path::new(&format!("/tmp/.X{n}-lock")).exists())
            .context("brak wolnego numeru ekranu dla Xvfb")?;
        let name = format!(":{number}");
        println!("(brak DISPLAY: uruchamiam Xvfb {name})");
        let child = Command::new("Xvfb")
            .args([name.as_str(), "-screen", "0", "1366x900x24", "-nolisten", "tcp"])
            .spawn()
            .context("nie można uruchomić Xvfb")?;
        let socket = format!("/tmp/.X11-unix/X{number}");
        for _ in 0..100 {
            if Path::new(&socket).exists() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        Ok(Self { name, xvfb: Some(child) })
    }

    pub fn env(&self) -> [(&str, &str); 1] {
        [("DISPLAY", self.name.as_str())]
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        if let Some(child) = &mut self.xvfb {
            // SIGTERM lets Xvfb remove its lock file; SIGKILL would leave /tmp/.X<n>-lock behind.
            let terminated = Command::new("kill")
                .arg(child.id().to_string())
                .status()
                .is_ok_and(|s| s.success());
            if !terminated {
                let _ = child.kill();
            }
            let _ = child.wait();
        }
    }
}

pub fn run(root: &Path) -> Result<()> {
    step("Testy end-to-end w prawdziwym oknie (tauri-driver + WebKitWebDriver, Xvfb)");
    let display = Display::ensure()?;
    let artifacts = root.join("artifacts/e2e");
    let _ = std::fs::remove_dir_all(&artifacts);
    std::fs::create_dir_all(&artifacts)?;
    let driver = cargo_bin("tauri-driver")
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "tauri-driver".to_owned());
    let app = crate::target_dir(root).join("debug/monitor-jst").display().to_string();
    let jst = crate::target_dir(root).join("debug/jst").display().to_string();
    let server = crate::target_dir(root).join("debug/jst-server").display().to_string();
    let axe = root.join("ui/node_modules/axe-core/axe.min.js").display().to_string();
    let artifacts_text = artifacts.display().to_string();
    let mut env = vec![
        ("APP_BINARY", app.as_str()),
        ("JST_BINARY", jst.as_str()),
        ("JST_SERVER_BINARY", server.as_str()),
        ("TAURI_DRIVER", driver.as_str()),
        ("AXE_SCRIPT", axe.as_str()),
        ("ARTIFACTS", artifacts_text.as_str()),
    ];
    env.extend(display.env());
    run_in(root, "node", &["tests/e2e/run.mjs"], &env)?;
    println!("Zrzuty ekranu: {}", artifacts.display());
    Ok(())
}
