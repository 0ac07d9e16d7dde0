//! Invariants of DESIGN §3 checked as tests (`cargo test -p xtask`), in the manner of
//! rust-analyzer's tidy: they fail the build when the architecture drifts.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::project_root;

fn files_under(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name();
            if path.is_dir() {
                if name != "node_modules" && name != "target" && name != "dist" && name != "gen" {
                    stack.push(path);
                }
            } else if path.extension().is_some_and(|e| e == extension) {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

fn crate_dirs(root: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root.join("crates"))
        .expect("crates folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("Cargo.toml").exists())
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn only_src_tauri_depends_on_tauri() {
    let root = project_root();
    for dir in crate_dirs(&root) {
        let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).expect("manifest");
        for line in manifest.lines() {
            let key = line.split(['=', '.']).next().unwrap_or_default().trim();
            assert!(
                !(key == "tauri"
                    || key.starts_with("tauri-")
                    || line.contains("[dependencies.tauri")),
                "{} depends on tauri: only src-tauri may (DESIGN §3, invariant 1)",
                dir.display()
            );
        }
    }
}

#[test]
fn sql_and_polars_stay_in_their_crates() {
    let root = project_root();
    for dir in crate_dirs(&root).into_iter().chain([root.join("src-tauri")]) {
        let name = dir.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
        let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).expect("manifest");
        let deps = manifest.split("[dev-dependencies]").next().unwrap_or_default();
        let uses = |krate: &str| {
            deps.lines().any(|l| {
                l.trim_start().starts_with(&format!("{krate}."))
                    || l.trim_start().starts_with(&format!("{krate} ="))
            })
        };
        if name != "jst-store" && name != "jst-server" {
            assert!(
                !uses("rusqlite"),
                "{name} uses rusqlite: SQL lives in jst-store (DESIGN §3, invariant 2)"
            );
        }
        if name != "jst-analytics" {
            assert!(!uses("polars"), "{name} uses polars: only jst-analytics may");
        }
        if name != "jst-sync" && name != "jst-server" {
            assert!(!uses("reqwest"), "{name} uses reqwest: HTTP lives in jst-sync");
        }
    }
}

#[test]
fn every_lib_starts_with_a_purpose_paragraph() {
    let root = project_root();
    let mut roots: Vec<PathBuf> = crate_dirs(&root)
        .into_iter()
        .flat_map(|d| [d.join("src/lib.rs"), d.join("src/main.rs")])
        .collect();
    roots.push(root.join("src-tauri/src/lib.rs"));
    roots.push(root.join("xtask/src/main.rs"));
    for path in roots.into_iter().filter(|p| p.exists()) {
        let text = std::fs::read_to_string(&path).expect("source");
        let is_bin_of_lib = path.ends_with("main.rs") && path.with_file_name("lib.rs").exists();
        if is_bin_of_lib {
            continue;
        }
        assert!(
            text.starts_with("//!"),
            "{} must start with a //! paragraph on what the crate is for",
            path.display()
        );
    }
}

#[test]
fn migrations_are_numbered_and_never_edited() {
    let root = project_root();
    let migrations = root.join("crates/jst-store/migrations");
    for set in ["local", "peers"] {
        let files = files_under(&migrations.join(set), "sql");
        assert!(!files.is_empty(), "no migrations in {set}");
        for (index, file) in files.iter().enumerate() {
            let name = file.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            let expected = format!("{:04}_", index + 1);
            assert!(
                name.starts_with(&expected),
                "{set}/{name}: migrations are numbered 0001_, 0002_, … without gaps"
            );
        }
    }
    // Once committed, a migration file only ever gets added: neither history nor the working
    // tree may show an edit, rename or deletion. Outside a git checkout there is nothing to check.
    let checks = [
        (
            &["log", "--format=%h %s", "--diff-filter=MDR", "--"][..],
            "committed migrations were edited, renamed or deleted",
        ),
        (&["diff", "--name-only", "HEAD", "--"][..], "uncommitted edits of committed migrations"),
    ];
    for (args, problem) in checks {
        let output = Command::new("git")
            .args(args)
            .arg("crates/jst-store/migrations")
            .current_dir(&root)
            .output();
        if let Some(output) = output.ok().filter(|o| o.status.success()) {
            let found = String::from_utf8_lossy(&output.stdout);
            assert!(found.trim().is_empty(), "{problem}:\n{found}");
        }
    }
}

#[test]
fn the_webview_talks_to_tauri_only_through_ui_src_ipc() {
    let root = project_root();
    let src = root.join("ui/src");
    for file in files_under(&src, "ts").into_iter().chain(files_under(&src, "svelte")) {
        if file.starts_with(src.join("ipc")) || file.to_string_lossy().ends_with(".test.ts") {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("source");
        assert!(
            !text.contains("@tauri-apps/") && !text.contains("__TAURI"),
            "{} talks to Tauri directly: only ui/src/ipc/ may",
            file.display()
        );
    }
}

#[test]
fn csp_is_strict() {
    let root = project_root();
    let conf =
        std::fs::read_to_string(root.join("src-tauri/tauri.conf.json")).expect("tauri.conf.json");
    assert!(
        conf.contains(r#""connect-src": "ipc: http://ipc.localhost""#),
        "connect-src must allow IPC only"
    );
    assert!(conf.contains(r#""default-src": "'self'""#));
    assert!(!conf.contains("unsafe-eval"));
    assert!(
        !conf.contains("unsafe-inline"),
        "an 'unsafe-inline' needs a reason in ARCHITECTURE.md first"
    );
    let caps =
        std::fs::read_to_string(root.join("src-tauri/capabilities/main.json")).expect("capability");
    for plugin in ["\"fs:", "\"shell:", "\"http:", "\"sql:", "\"remote\""] {
        assert!(!caps.contains(plugin), "capability grants {plugin}");
    }
}
