//! `cargo xtask bundle [--install-test]`: the release app packaged by Tauri's bundler as a `.deb`
//! and an `.rpm`, with `jst` beside it, and the test that installs the `.deb` on this machine.
//!
//! `jst` travels as Tauri's sidecar (`externalBin`), named for the target triple. The sidecar is
//! declared only in `src-tauri/tauri.bundle.conf.json`, merged at bundle time: in
//! `tauri.conf.json` it would make every plain `cargo build` of the app fail while the file is
//! missing.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, ensure, Context, Result};

use crate::shell::{build_day_epoch, cargo_release, is_root, run_in, step};

/// Builds the packages; answers the `.deb`.
pub fn build(root: &Path) -> Result<PathBuf> {
    crate::deps::ensure_all(root)?;
    crate::build_ui(root)?;
    step("jst (release), program wiersza poleceń w pakiecie");
    cargo_release(root, &["build", "-p", "jst-cli"])?;
    let triple = host_triple()?;
    let release = crate::target_dir(root).join("release");
    let sidecars = root.join("src-tauri/binaries");
    std::fs::create_dir_all(&sidecars)?;
    let sidecar = sidecars.join(format!("jst-{triple}"));
    std::fs::copy(release.join("jst"), &sidecar)
        .with_context(|| format!("kopiowanie jst do {}", sidecar.display()))?;

    step("Pakiety .deb i .rpm (tauri build)");
    let bundles = release.join("bundle");
    let _ = std::fs::remove_dir_all(&bundles);
    let tauri = root.join("ui/node_modules/.bin/tauri");
    ensure!(tauri.exists(), "brak {}: npm install w ui/", tauri.display());
    // The build day stamped into the program (`jst --version`, "O programie") is today's, the
    // same as the sidecar's.
    let epoch = build_day_epoch();
    run_in(
        root,
        &tauri.display().to_string(),
        &["build", "--ci", "--bundles", "deb,rpm", "--config", "src-tauri/tauri.bundle.conf.json"],
        &[("SOURCE_DATE_EPOCH", epoch.as_str())],
    )?;
    let deb = only_file(&bundles.join("deb"), "deb")?;
    let rpm = only_file(&bundles.join("rpm"), "rpm")?;
    check_deb(&deb)?;
    for file in [&deb, &rpm] {
        let size = std::fs::metadata(file)?.len();
        println!("{} ({:.1} MB)", file.display(), size as f64 / 1e6);
    }
    Ok(deb)
}

/// `rustc -vV`'s host: the suffix Tauri looks for on a sidecar's name.
fn host_triple() -> Result<String> {
    let out = Command::new("rustc").arg("-vV").output().context("rustc -vV")?;
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("host: "))
        .map(str::to_owned)
        .context("rustc -vV nie podał platformy (host)")
}

fn only_file(dir: &Path, extension: &str) -> Result<PathBuf> {
    let files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("brak {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .collect();
    match files.as_slice() {
        [one] => Ok(one.clone()),
        _ => bail!("w {} spodziewano się jednego pliku .{extension}: {files:?}", dir.display()),
    }
}

fn output(program: &str, args: &[&str]) -> Result<String> {
    let out = Command::new(program)
        .args(args)
        .output()
        .with_context(|| format!("nie można uruchomić {program}"))?;
    ensure!(
        out.status.success(),
        "{program} {} zakończył się błędem: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// What the `.deb` must hold: both programs in /usr/bin, the menu entry and its icon, and the
/// libraries the window needs declared.
fn check_deb(deb: &Path) -> Result<()> {
    let deb = deb.display().to_string();
    let files = output("dpkg-deb", &["--contents", &deb])?;
    // `dpkg-deb --contents` lists `usr/bin/jst` (Tauri's archives) or `./usr/bin/jst` (dpkg's).
    for wanted in [
        "usr/bin/monitor-jst",
        "usr/bin/jst",
        "usr/share/applications/Monitor JST.desktop",
        "usr/share/icons/hicolor/128x128/apps/monitor-jst.png",
    ] {
        ensure!(
            files.lines().any(|l| l.ends_with(&format!(" {wanted}"))
                || l.ends_with(&format!(" ./{wanted}"))),
            "pakiet {deb} nie zawiera {wanted}:\n{files}"
        );
    }
    let depends = output("dpkg-deb", &["--field", &deb, "Depends"])?;
    for library in ["libwebkit2gtk-4.1-0", "libgtk-3-0"] {
        ensure!(depends.contains(library), "pakiet nie deklaruje zależności {library}: {depends}");
    }
    println!("zawartość pakietu sprawdzona; zależności: {}", depends.trim());
    Ok(())
}

/// Installs the `.deb` with apt, starts the installed app under Xvfb and sees the unit chooser,
/// runs the installed `jst`, then removes the package and checks user data is untouched.
pub fn install_test(root: &Path, deb: &Path) -> Result<()> {
    step(&format!("Test instalacji pakietu {}", deb.display()));
    let sudo: &[&str] = if is_root() { &[] } else { &["sudo"] };
    let package =
        output("dpkg-deb", &["--field", &deb.display().to_string(), "Package"])?.trim().to_owned();
    let apt = |args: &[&str]| -> Result<()> {
        let mut full: Vec<&str> = sudo.to_vec();
        full.push("apt-get");
        full.extend(args);
        run_in(Path::new("/"), full[0], &full[1..], &[("DEBIAN_FRONTEND", "noninteractive")])
    };
    let deb_path = std::fs::canonicalize(deb)?.display().to_string();
    apt(&["install", "-y", "-qq", &deb_path])?;
    let installed = Installed { package: &package, sudo };
    let scratch = tempfile_dir("jst-install-test")?;
    let result = exercise(root, &scratch);
    let removed = installed.remove();
    let after = result.and_then(|user_data| {
        removed?;
        for program in ["/usr/bin/jst", "/usr/bin/monitor-jst"] {
            ensure!(!Path::new(program).exists(), "{program} został po usunięciu pakietu");
        }
        let (file, before) = user_data;
        let now = std::fs::read(&file).with_context(|| format!("{} zniknął", file.display()))?;
        ensure!(now == before, "usunięcie pakietu zmieniło dane użytkownika ({})", file.display());
        println!("pakiet usunięty; dane użytkownika nietknięte ({})", file.display());
        Ok(())
    });
    let _ = std::fs::remove_dir_all(&scratch);
    after
}

/// The checks while the package is installed; answers the user's database and its bytes.
fn exercise(root: &Path, scratch: &Path) -> Result<(PathBuf, Vec<u8>)> {
    let version = output("/usr/bin/jst", &["--version"])?;
    println!("/usr/bin/jst --version:\n{version}");
    ensure!(
        version.starts_with(&format!("jst {}\n", env!("CARGO_PKG_VERSION"))),
        "jst --version: {version}"
    );
    let demo = scratch.join("dane-demo");
    let demo_text = demo.display().to_string();
    let init = output("/usr/bin/jst", &["--data-dir", &demo_text, "init", "--demo"])?;
    println!("/usr/bin/jst init --demo:\n{init}");
    let local = demo.join("local.db");
    ensure!(local.exists(), "jst init --demo nie utworzył {}", local.display());
    let desktop = std::fs::read_to_string("/usr/share/applications/Monitor JST.desktop")
        .context("brak pozycji menu /usr/share/applications/Monitor JST.desktop")?;
    ensure!(
        desktop.contains("Exec=monitor-jst") && desktop.contains("Icon=monitor-jst"),
        "pozycja menu: {desktop}"
    );

    let display = crate::e2e::Display::ensure()?;
    let artifacts = root.join("artifacts/bundle");
    std::fs::create_dir_all(&artifacts)?;
    let driver = crate::deps::cargo_bin("tauri-driver")
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "tauri-driver".to_owned());
    let empty = scratch.join("dane-puste").display().to_string();
    let artifacts_text = artifacts.display().to_string();
    let mut env = vec![
        ("APP_BINARY", "/usr/bin/monitor-jst"),
        ("TAURI_DRIVER", driver.as_str()),
        ("ARTIFACTS", artifacts_text.as_str()),
        ("JST_DATA_DIR", empty.as_str()),
    ];
    env.extend(display.env());
    run_in(root, "node", &["tests/e2e/installed.mjs"], &env)?;
    let bytes = std::fs::read(&local)?;
    Ok((local, bytes))
}

/// Removes the package when the test ends, also when a check failed.
struct Installed<'a> {
    package: &'a str,
    sudo: &'a [&'a str],
}

impl Installed<'_> {
    fn remove(self) -> Result<()> {
        let mut full: Vec<&str> = self.sudo.to_vec();
        full.extend(["apt-get", "remove", "-y", "-qq", self.package]);
        run_in(Path::new("/"), full[0], &full[1..], &[("DEBIAN_FRONTEND", "noninteractive")])
    }
}

fn tempfile_dir(prefix: &str) -> Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!("{prefix}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
