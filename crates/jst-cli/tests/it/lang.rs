//! `--lang en` / `JST_LANG=en`: every word the CLI itself prints in English, the exit codes and
//! JSON unchanged, Polish by default.

use std::path::Path;
use std::process::{Command, Output};

use super::{json_of, jst};

/// `jst` with `JST_LANG` set (and no `--lang`).
fn jst_env(data_dir: &Path, lang: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jst"))
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env_remove("JST_DATA_DIR")
        .env("JST_LANG", lang)
        .env("JST_TOKEN_STORE", "file")
        .output()
        .expect("run jst")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn demo() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("dane");
    assert_eq!(jst(&data, &["init", "--demo"]).status.code(), Some(0));
    (dir, data)
}

#[test]
fn the_status_table_speaks_english_when_asked_and_polish_by_default() {
    let (_dir, data) = demo();
    let english = text(&jst(&data, &["--lang", "en", "status"]).stdout);
    let lines: Vec<&str> = english.lines().collect();
    assert_eq!(lines[0], "Unit:           Wieliczka (urban-rural gmina)");
    assert_eq!(lines[4], "Population:     69\u{a0}791 (31.12.2024)");
    assert_eq!(lines[6], "Schema version: 13");
    assert_eq!(lines[7], "Demo:           yes — sample data");
    let from_env = jst_env(&data, "en", &["status"]);
    assert_eq!(text(&from_env.stdout), english);
    // `--lang` wins over the environment.
    let polish_over_env = jst_env(&data, "en", &["status", "--lang", "pl"]);
    assert!(text(&polish_over_env.stdout).starts_with("Jednostka:"));

    let polish = text(&jst(&data, &["status"]).stdout);
    let lines: Vec<&str> = polish.lines().collect();
    assert_eq!(lines[0], "Jednostka:       Wieliczka (gmina miejsko-wiejska)");
    assert_eq!(lines[4], "Ludność:         69\u{a0}791 (31.12.2024)");
    assert_eq!(lines[7], "Demo:            tak — dane przykładowe");
}

#[test]
fn strategy_status_in_english_names_statuses_in_english() {
    let (_dir, data) = demo();
    let english =
        text(&jst(&data, &["--lang", "en", "strategy", "status", "--year", "2025"]).stdout);
    assert!(english.contains("assessment for 2025"), "{english}");
    assert!(english.contains("Acceleration needed"), "{english}");
    assert!(english.contains("→ target "), "{english}");
    assert!(!english.contains("ocena za rok") && !english.contains("Wymaga"), "{english}");
    let polish = text(&jst(&data, &["strategy", "status", "--year", "2025"]).stdout);
    assert!(polish.contains("ocena za rok 2025") && polish.contains("→ cel "), "{polish}");
}

#[test]
fn an_error_speaks_english_with_the_same_exit_code() {
    let dir = tempfile::tempdir().expect("tempdir");
    let key = dir.path().join("release.pub");
    std::fs::write(&key, "jst-release-public-key:AAAA\n").expect("write");
    let key = key.display().to_string();
    let english = jst(dir.path(), &["--lang", "en", "trust", "add", &key]);
    let polish = jst(dir.path(), &["trust", "add", &key]);
    assert_eq!(english.status.code(), Some(3));
    assert_eq!(polish.status.code(), Some(3));
    let english = text(&english.stderr);
    assert!(english.starts_with("Error: "), "{english}");
    assert!(
        english.contains(&format!("the key from {key} (28 B) was not added; check where it comes from and confirm: jst trust add {key} --yes")),
        "{english}"
    );
    let polish = text(&polish.stderr);
    assert!(polish.starts_with("Błąd: "), "{polish}");
    assert!(polish.contains("nie został dodany; sprawdź jego pochodzenie"), "{polish}");
}

#[test]
fn the_help_follows_the_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    let english = jst(dir.path(), &["--lang", "en", "--help"]);
    assert_eq!(english.status.code(), Some(0));
    let english = text(&english.stdout);
    assert!(english.starts_with(
        "Monitor JST — monitoring development strategies and comparing local government units"
    ));
    assert!(english.contains("  import      Loads a file\n"), "{english}");
    assert!(english.contains("--lang <LANGUAGE>"), "{english}");
    assert!(!english.contains("Wczytuje"), "{english}");

    let import = text(&jst_env(dir.path(), "en", &["import", "strategy", "--help"]).stdout);
    assert!(import.contains("--period <YYYY-YYYY>  Period of the strategy YYYY-YYYY"), "{import}");
    assert!(import.contains("Treats warnings as errors: saves nothing and exits with code 3"));

    let polish = text(&jst(dir.path(), &["--help"]).stdout);
    assert!(polish.contains("  import      Wczytuje plik\n"), "{polish}");
    assert!(polish.contains("--lang <JĘZYK>"), "{polish}");
    let polish = text(&jst(dir.path(), &["import", "strategy", "--help"]).stdout);
    assert!(polish.contains("--period <RRRR-RRRR>  Okres strategii RRRR-RRRR"), "{polish}");
}

#[test]
fn usage_errors_speak_english_with_exit_code_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    let unknown = jst(dir.path(), &["--lang", "en", "frobnicate"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(text(&unknown.stderr).starts_with("Usage error (help: jst --help):\n"));

    let period =
        jst_env(dir.path(), "en", &["import", "strategy", "x.csv", "--period", "2030-2020"]);
    assert_eq!(period.status.code(), Some(2));
    let period = text(&period.stderr);
    assert!(period.contains("the period 2030–2020 ends before it begins"), "{period}");

    let polish = jst(dir.path(), &["import", "strategy", "x.csv", "--period", "2030-2020"]);
    assert_eq!(polish.status.code(), Some(2));
    let polish = text(&polish.stderr);
    assert!(polish.starts_with("Błąd użycia (pomoc: jst --help):\n"), "{polish}");
    assert!(polish.contains("okres 2030–2020 kończy się przed początkiem"), "{polish}");
}

#[test]
fn an_unknown_language_is_a_usage_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    for output in
        [jst(dir.path(), &["--lang", "de", "status"]), jst_env(dir.path(), "de", &["status"])]
    {
        assert_eq!(output.status.code(), Some(2));
        let stderr = text(&output.stderr);
        assert!(stderr.starts_with("Błąd użycia (pomoc: jst --help):\n"), "{stderr}");
        assert!(stderr.contains("invalid value 'de'"), "{stderr}");
        assert!(output.stdout.is_empty());
    }
}

#[test]
fn json_is_the_same_in_both_languages() {
    let (_dir, data) = demo();
    for args in [
        &["status", "--format", "json"][..],
        &["strategy", "status", "--year", "2025", "--format", "json"],
        &["strategy", "list", "--format", "json"],
        &["benchmark", "WSK_PRZEDSZKOLA", "--year", "2024", "--format", "json"],
        &["costs", "--format", "json"],
        &["values", "list", "--format", "json"],
        &["settings", "thresholds", "--format", "json"],
        &["trust", "list", "--format", "json"],
        &["audit", "--format", "json"],
    ] {
        let polish = json_of(&jst(&data, args));
        let english = json_of(&jst(&data, &[&["--lang", "en"][..], args].concat()));
        assert_eq!(without_words(english), without_words(polish), "{args:?}");
    }
}

/// The JSON without the fields that are words for people (a group's label, an indicator's name
/// from the catalogue's `nazwa_en`, an audit action in
/// the user's language), which follow the language; keys, codes and numbers must not.
fn without_words(mut value: serde_json::Value) -> serde_json::Value {
    match &mut value {
        serde_json::Value::Object(map) => {
            for key in ["label", "action_label", "name"] {
                if map.get(key).is_some_and(serde_json::Value::is_string) {
                    map.insert(key.to_owned(), serde_json::Value::String("…".to_owned()));
                }
            }
            for (_, inner) in map.iter_mut() {
                *inner = without_words(inner.take());
            }
        }
        serde_json::Value::Array(items) => {
            for item in items.iter_mut() {
                *item = without_words(item.take());
            }
        }
        _ => {}
    }
    value
}
