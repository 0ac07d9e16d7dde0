//! Invariants of DESIGN §3 checked as tests (`cargo test -p xtask`), in the manner of
//! rust-analyzer's tidy: they fail the build when the architecture drifts.

use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::project_root;

/// Folders that hold dependencies or build output, not code of the project.
fn is_generated(name: &OsStr) -> bool {
    name == "node_modules" || name == "target" || name == "dist" || name == "gen"
}

/// Every file and folder below `dir` (generated folders skipped), sorted.
fn paths_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                if !is_generated(&entry.file_name()) {
                    stack.push(path.clone());
                    found.push(path);
                }
            } else {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

fn files_under(dir: &Path, extension: &str) -> Vec<PathBuf> {
    paths_under(dir)
        .into_iter()
        .filter(|p| !p.is_dir() && p.extension().is_some_and(|e| e == extension))
        .collect()
}

/// The files with `extension` directly in `dir`, not in its subfolders.
fn files_in(dir: &Path, extension: &str) -> Vec<PathBuf> {
    files_under(dir, extension).into_iter().filter(|f| f.parent() == Some(dir)).collect()
}

fn dirs_named(dir: &Path, name: &str) -> Vec<PathBuf> {
    paths_under(dir)
        .into_iter()
        .filter(|p| p.is_dir() && p.file_name() == Some(name.as_ref()))
        .collect()
}

/// `path` relative to the project root, as messages name it.
fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root).unwrap_or(path).display().to_string()
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
        // One crate speaks SQL per program: jst-store on the desktop, jst-server-store on the
        // server (both engines).
        if name != "jst-store" && name != "jst-server-store" {
            for client in ["rusqlite", "tokio-postgres", "deadpool-postgres", "sqlx"] {
                assert!(
                    !uses(client),
                    "{name} uses {client}: SQL lives in jst-store and jst-server-store \
                     (DESIGN §3, invariant 2)"
                );
            }
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

/// Every folder of a crate's `migrations` directory that directly holds `.sql` files: each is one
/// numbered sequence (jst-store's `local` and `peers`, jst-server's own), and a set added later,
/// such as `migrations/postgres`, is checked without being named here.
fn migration_sets(root: &Path) -> BTreeSet<PathBuf> {
    dirs_named(&root.join("crates"), "migrations")
        .iter()
        .flat_map(|dir| files_under(dir, "sql"))
        .filter_map(|file| file.parent().map(Path::to_path_buf))
        .collect()
}

#[test]
fn migrations_are_numbered_and_never_edited() {
    let root = project_root();
    let sets = migration_sets(&root);
    // The sets that exist today must be found, or a broken walk would pass by checking nothing.
    for known in [
        "crates/jst-store/migrations/local",
        "crates/jst-store/migrations/peers",
        "crates/jst-server-store/migrations/sqlite",
        "crates/jst-server-store/migrations/postgres",
    ] {
        assert!(sets.contains(&root.join(known)), "no migrations in {known}");
    }
    for set in &sets {
        let set_name = relative(&root, set);
        for (index, file) in files_in(set, "sql").iter().enumerate() {
            let name = file.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            let expected = format!("{:04}_", index + 1);
            assert!(
                name.starts_with(&expected),
                "{set_name}/{name}: migrations are numbered 0001_, 0002_, … without gaps"
            );
        }
    }
    // Once committed, a migration file only ever gets added: neither history nor the working
    // tree may show an edit, rename or deletion. The pathspec is a glob rather than the folders
    // found on disk, so a whole set deleted from the working tree is still seen. The working-tree
    // check filters too, because a new migration already `git add`-ed is an addition, not an
    // edit. A set may move with its crate only unchanged: with `-M100%` an exact move is a
    // rename (R, allowed), while a move with any edit shows as a deletion (D, refused).
    // Outside a git checkout there is nothing to check.
    let checks = [
        (
            &["log", "--format=%h %s", "-M100%", "--diff-filter=MD", "--"][..],
            "committed migrations were edited, renamed or deleted",
        ),
        (
            &["diff", "--name-status", "-M100%", "--diff-filter=MD", "HEAD", "--"][..],
            "uncommitted edits of committed migrations",
        ),
    ];
    for (args, problem) in checks {
        let output = Command::new("git")
            .args(args)
            .arg(":(glob)crates/**/migrations/**")
            .current_dir(&root)
            .output();
        if let Some(output) = output.ok().filter(|o| o.status.success()) {
            let found = String::from_utf8_lossy(&output.stdout);
            assert!(found.trim().is_empty(), "{problem}:\n{found}");
        }
    }
}

/// Source lines without their `//` comments, so a commented-out entry does not count.
fn code_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(|line| line.split("//").next().unwrap_or_default())
}

/// The text between the first `start` and the next `end` after it.
fn between<'a>(text: &'a str, start: &str, end: &str, file: &str) -> &'a str {
    let (_, rest) = text.split_once(start).unwrap_or_else(|| panic!("{file}: no `{start}`"));
    rest.split_once(end).map_or(rest, |(inside, _)| inside)
}

/// `COMMANDS` in src-tauri/build.rs: what tauri-build generates `allow-…` permissions for.
fn build_rs_commands(root: &Path) -> BTreeSet<String> {
    let text = std::fs::read_to_string(root.join("src-tauri/build.rs")).expect("build.rs");
    let code: String = code_lines(&text).collect::<Vec<_>>().join("\n");
    let list = between(&code, "const COMMANDS: &[&str] = &[", "];", "src-tauri/build.rs");
    list.split('"').skip(1).step_by(2).map(str::to_owned).collect()
}

/// `collect_commands![…]` in src-tauri/src/lib.rs: what the app registers and the bindings expose.
fn registered_commands(root: &Path) -> BTreeSet<String> {
    let text = std::fs::read_to_string(root.join("src-tauri/src/lib.rs")).expect("lib.rs");
    let code: String = code_lines(&text).collect::<Vec<_>>().join("\n");
    let list = between(&code, "collect_commands![", "]", "src-tauri/src/lib.rs");
    list.split(',')
        .map(|path| path.trim().rsplit("::").next().unwrap_or_default().to_owned())
        .filter(|name| !name.is_empty())
        .collect()
}

/// The `allow-<command>` permissions of the main window's capability, as command names.
fn permitted_commands(root: &Path) -> BTreeSet<String> {
    let text =
        std::fs::read_to_string(root.join("src-tauri/capabilities/main.json")).expect("capability");
    let capability: serde_json::Value = serde_json::from_str(&text).expect("capability is JSON");
    let permissions = capability["permissions"].as_array().cloned().unwrap_or_default();
    permissions
        .iter()
        // A permission is either its identifier or an object carrying one with a scope.
        .filter_map(|p| p.as_str().or_else(|| p["identifier"].as_str()))
        .filter_map(|id| id.strip_prefix("allow-"))
        .map(|command| command.replace('-', "_"))
        .collect()
}

/// The functions marked `#[tauri::command]` anywhere in src-tauri/src (today all in commands.rs).
fn defined_commands(root: &Path) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for file in files_under(&root.join("src-tauri/src"), "rs") {
        let text = std::fs::read_to_string(&file).expect("source");
        let mut marked = false;
        for line in code_lines(&text) {
            let line = line.trim();
            if line.starts_with("#[tauri::command") {
                marked = true;
            } else if let Some((_, rest)) = line.split_once("fn ").filter(|_| marked) {
                let name = rest.split(|c: char| !c.is_alphanumeric() && c != '_').next();
                found.insert(name.unwrap_or_default().to_owned());
                marked = false;
            }
        }
    }
    found
}

#[test]
fn command_lists_agree() {
    // A command missing from one list fails only at run time, and quietly: without its
    // permission the window's call is denied, without registration the binding calls nothing.
    let root = project_root();
    let lists = BTreeMap::from([
        ("COMMANDS in src-tauri/build.rs", build_rs_commands(&root)),
        ("collect_commands! in src-tauri/src/lib.rs", registered_commands(&root)),
        ("allow-… permissions in src-tauri/capabilities/main.json", permitted_commands(&root)),
        ("#[tauri::command] fns in src-tauri/src", defined_commands(&root)),
    ]);
    for (list, commands) in &lists {
        assert!(!commands.is_empty(), "found no commands in {list}: has its format changed?");
    }
    let all: BTreeSet<&String> = lists.values().flatten().collect();
    let mut missing = Vec::new();
    for command in all {
        let has: Vec<&str> =
            lists.iter().filter(|(_, c)| c.contains(command)).map(|(list, _)| *list).collect();
        for (list, commands) in &lists {
            if !commands.contains(command) {
                missing.push(format!(
                    "`{command}` is missing from {list} (it is in {})",
                    has.join("; ")
                ));
            }
        }
    }
    assert!(missing.is_empty(), "the command lists disagree:\n{}", missing.join("\n"));
}

#[test]
fn the_webview_talks_to_tauri_only_through_ui_src_ipc() {
    let root = project_root();
    let src = root.join("ui/src");
    for file in files_under(&src, "ts").into_iter().chain(files_under(&src, "svelte")) {
        // Tests and their shared set-up (ui/src/test/) mock Tauri's IPC; the app never ships them.
        let test_only =
            file.starts_with(src.join("test")) || file.to_string_lossy().ends_with(".test.ts");
        if file.starts_with(src.join("ipc")) || test_only {
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

/// How many `.rs` files may sit directly in crates/jst-core/src: lib.rs, monitor.rs and a few
/// shared ones. Everything else belongs in a folder by domain, so the crate reads by subject.
const CORE_TOP_LEVEL_FILES: usize = 8;

fn is_identifier_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Whether `text` holds `word` as a whole identifier or path, not as part of a longer one.
fn mentions(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(is_identifier_char) && !after.is_some_and(is_identifier_char)
    })
}

#[test]
fn jst_core_is_folders_by_domain_under_monitor() {
    // Use cases are functions taking only the stores they need, so they can be tested and reused
    // without the whole facade; only the top level (monitor.rs, lib.rs) may know `Monitor`.
    let root = project_root();
    let src = root.join("crates/jst-core/src");
    let mut problems = Vec::new();
    let top_level = files_in(&src, "rs");
    if top_level.len() > CORE_TOP_LEVEL_FILES {
        let names: Vec<String> = top_level
            .iter()
            .filter_map(|f| f.file_name().and_then(|n| n.to_str()).map(str::to_owned))
            .collect();
        problems.push(format!(
            "{} .rs files directly in crates/jst-core/src, at most {CORE_TOP_LEVEL_FILES}: \
             move the rest into folders by domain:\n  {}",
            top_level.len(),
            names.join(", ")
        ));
    }
    for file in files_under(&src, "rs").into_iter().filter(|f| f.parent() != Some(src.as_path())) {
        let text = std::fs::read_to_string(&file).expect("source");
        let lines: Vec<String> = text
            .lines()
            .enumerate()
            .filter(|(_, line)| mentions(line, "Monitor") || mentions(line, "crate::monitor"))
            .map(|(index, _)| (index + 1).to_string())
            .collect();
        if !lines.is_empty() {
            problems.push(format!(
                "{} (line {}) mentions Monitor or crate::monitor: a use case takes the stores \
                 it needs, only top-level files know Monitor",
                relative(&root, &file),
                lines.join(", ")
            ));
        }
    }
    assert!(problems.is_empty(), "jst-core layout:\n{}", problems.join("\n"));
}

/// The modules of `crate::` paths in `text`: `crate::a::b` gives `a`, `crate::{a, b::c, Error}`
/// gives `a` and `b` (items starting with a capital are types of the crate root, not modules).
fn crate_modules(text: &str) -> BTreeSet<String> {
    let ident = |s: &str| -> String {
        s.trim_start().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect()
    };
    let mut found = BTreeSet::new();
    for (at, _) in text.match_indices("crate::") {
        let rest = &text[at + "crate::".len()..];
        let items: Vec<String> = match rest.strip_prefix('{') {
            Some(group) => group.split('}').next().unwrap_or("").split(',').map(ident).collect(),
            None => vec![ident(rest)],
        };
        found.extend(items.into_iter().filter(|m| m.starts_with(|c: char| c.is_ascii_lowercase())));
    }
    found
}

/// A cycle in `edges`, as the nodes on it, if there is one.
fn find_cycle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|n| n == node) {
            let mut cycle = path[start..].to_vec();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if !done.insert(node.to_owned()) {
            return None;
        }
        path.push(node.to_owned());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, edges, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    edges.keys().find_map(|node| visit(node, edges, &mut Vec::new(), &mut done))
}

#[test]
fn jst_core_modules_have_no_cycle() {
    // A module graph without cycles is what lets a newcomer read a folder on its own: between the
    // domain folders (and top-level files) through `crate::` paths, and between the files of one
    // folder through `super::file` paths. `monitor` and `lib` sit above everything and are left
    // out; a folder's mod.rs only declares and re-exports.
    let src = project_root().join("crates/jst-core/src");
    let mut between_folders: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut within: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files_under(&src, "rs") {
        let relative = file.strip_prefix(&src).expect("under src");
        let parts: Vec<String> = relative
            .iter()
            .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
            .collect();
        let top = parts[0].clone();
        if top == "lib" || top == "monitor" {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("source");
        let targets = crate_modules(&text);
        between_folders
            .entry(top.clone())
            .or_default()
            .extend(targets.into_iter().filter(|t| *t != top && t != "monitor"));
        if parts.len() == 2 && parts[1] != "mod" {
            let me = format!("{top}::{}", parts[1]);
            let siblings = text
                .match_indices("super::")
                .map(|(at, _)| {
                    text[at + "super::".len()..]
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect::<String>()
                })
                .filter(|name| name.starts_with(|c: char| c.is_ascii_lowercase()))
                .filter(|name| src.join(&top).join(format!("{name}.rs")).exists())
                .map(|name| format!("{top}::{name}"));
            within.entry(me).or_default().extend(siblings);
        }
    }
    for (level, edges) in [("between folders", &between_folders), ("within a folder", &within)] {
        if let Some(cycle) = find_cycle(edges) {
            panic!("jst-core has a module cycle {level}: {}", cycle.join(" → "));
        }
    }
    // The check must see the edges it is about, or it passes by reading nothing.
    assert!(between_folders.get("comparison").is_some_and(|t| t.contains("units")));
    assert!(within.get("comparison::group").is_some_and(|t| t.contains("comparison::nearest")));
}

/// Most town halls run Windows (issue 16): Unix-only calls sit in `#[cfg(unix)]` blocks, and a
/// file with such a block says what Windows does instead (a `#[cfg(not(unix))]` or
/// `#[cfg(windows)]` branch, if only a comment on why nothing is needed).
#[test]
fn unix_only_calls_sit_in_cfg_unix_blocks_with_a_windows_branch() {
    let root = project_root();
    let mut sources: Vec<PathBuf> =
        crate_dirs(&root).iter().flat_map(|d| files_under(d, "rs")).collect();
    sources.extend(files_under(&root.join("src-tauri/src"), "rs"));
    sources.extend(files_under(&root.join("xtask/src"), "rs"));
    let needle = ["std", "os", "unix"].join("::");
    let mut problems = Vec::new();
    let mut seen = 0;
    for path in &sources {
        let text = std::fs::read_to_string(path).expect("source");
        let lines: Vec<&str> = text.lines().collect();
        let mut in_file = false;
        for (i, line) in lines.iter().enumerate() {
            if !line.contains(&needle) || line.trim_start().starts_with("//") {
                continue;
            }
            in_file = true;
            seen += 1;
            // The nearest attribute above, within the few lines a block opens in.
            let guarded = lines[i.saturating_sub(4)..i]
                .iter()
                .rev()
                .find(|l| l.trim_start().starts_with("#[cfg("))
                .is_some_and(|l| l.trim() == "#[cfg(unix)]");
            if !guarded {
                problems.push(format!("{}:{}: outside #[cfg(unix)]", relative(&root, path), i + 1));
            }
        }
        let other = text.contains("#[cfg(not(unix))]") || text.contains("#[cfg(windows)]");
        if in_file && !other {
            problems.push(format!("{}: no #[cfg(not(unix))] branch", relative(&root, path)));
        }
    }
    // The walk must have found the known uses, or it checked nothing.
    assert!(seen >= 4, "only {seen} uses of {needle} found");
    assert!(
        problems.is_empty(),
        "Unix-only code without a Windows branch:\n{}",
        problems.join("\n")
    );
}
