//! `jst backup`, `jst backup list`, `jst restore` and the daily copy made on opening.

use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use crate::{json_of, jst, keys};

/// A data folder of Wieliczka with the own value LUD_OGOLEM 2022 = `value`.
pub(crate) fn folder_with_value(dir: &Path, value: u32) -> PathBuf {
    let data = dir.join("dane");
    assert_eq!(jst(&data, &["init", "--unit", "1219053"]).status.code(), Some(0));
    set_value(dir, &data, value);
    data
}

pub(crate) fn set_value(dir: &Path, data: &Path, value: u32) {
    let file = dir.join(format!("wartosc-{value}.csv"));
    std::fs::write(&file, format!("wskaznik_kod;rok;wartosc\nLUD_OGOLEM;2022;{value}\n"))
        .expect("write");
    let out = jst(data, &["import", "values", file.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}

/// The own value LUD_OGOLEM 2022 as the program reads it.
fn value_of(data: &Path) -> Value {
    let values = json_of(&jst(data, &["values", "list", "--format", "json"]));
    values[0]["value"].clone()
}

/// The value LUD_OGOLEM 2022 in a database file, after checking the file is sound.
pub(crate) fn value_in(db: &Path) -> f64 {
    let conn = rusqlite::Connection::open(db).expect("open");
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).expect("check");
    assert_eq!(check, "ok", "{}", db.display());
    conn.query_row(
        "SELECT value FROM observations WHERE indicator = 'LUD_OGOLEM' AND year = 2022",
        [],
        |r| r.get(0),
    )
    .expect("value")
}

pub(crate) fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    names.sort();
    names
}

fn list(data: &Path) -> Vec<Value> {
    json_of(&jst(data, &["backup", "list", "--format", "json"])).as_array().expect("list").clone()
}

fn schema_version(data: &Path) -> Value {
    json_of(&jst(data, &["status", "--format", "json"]))["schema_version"].clone()
}

#[test]
fn backup_writes_a_verified_copy_that_the_list_shows() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = folder_with_value(dir.path(), 100);
    let kopie = data.join("kopie");
    // The daily copy was made when `import values` opened the folder `init` created.
    assert_eq!(names_in(&kopie).len(), 1);
    let out = jst(&data, &["backup"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("Zapisano sprawdzoną kopię bazy: "), "{stdout}");
    assert_eq!(names_in(&kopie).len(), 2, "`jst backup` makes its own copy only");
    let names: Vec<String> =
        names_in(&kopie).into_iter().filter(|n| n.ends_with("-reczna.db")).collect();
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(names[0].starts_with("local-") && names[0].ends_with("Z-reczna.db"), "{names:?}");
    let file = kopie.join(&names[0]);
    assert!(stdout.contains(&file.display().to_string()), "{stdout}");
    assert_eq!(value_in(&file), 100.0);

    let listed = list(&data);
    assert_eq!(listed.len(), 2);
    let copy = listed.iter().find(|c| c["kind"] == json!("manual")).expect("the manual copy");
    assert!(listed.iter().any(|c| c["kind"] == json!("daily")), "{listed:?}");
    for key in ["file", "created", "size", "schema_version", "verified"] {
        assert!(keys(copy).contains(&key), "{key} missing in {copy}");
    }
    assert_eq!(copy["file"], json!(file.display().to_string()));
    assert_eq!(copy["size"], json!(std::fs::metadata(&file).expect("size").len()), "size in bytes");
    assert_eq!(copy["schema_version"], schema_version(&data));
    assert_eq!(copy["verified"], json!(true));
    assert_eq!(copy["kind"], json!("manual"));
    let created = copy["created"].as_str().expect("created");
    // 2026-12-01T21:40:00Z from local-20261201T214000Z-reczna.db
    let digits: String = created.chars().filter(char::is_ascii_digit).collect();
    assert!(names[0].contains(&format!("{}T{}Z", &digits[..8], &digits[8..])), "{created}");
    assert_eq!(created.len(), "2026-12-01T21:40:00Z".len(), "{created}");
    assert!(created.ends_with('Z') && created.as_bytes()[10] == b'T', "{created}");

    let table = jst(&data, &["backup", "list"]);
    let table = String::from_utf8_lossy(&table.stdout);
    assert!(table.contains("ręczna") && table.contains(&names[0]), "{table}");
}

#[test]
fn backup_to_a_folder_writes_there_and_leaves_kopie_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = folder_with_value(dir.path(), 100);
    let usb = dir.path().join("pendrive").join("kopie-gminy");
    let out = jst(&data, &["backup", "--to", usb.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let names = names_in(&usb);
    assert_eq!(names.len(), 1, "{names:?}");
    assert_eq!(value_in(&usb.join(&names[0])), 100.0);
    assert!(names_in(&data.join("kopie")).iter().all(|n| !n.ends_with("-reczna.db")));
    // A file from there is restored by its path.
    set_value(dir.path(), &data, 200);
    let restored = jst(&data, &["restore", usb.join(&names[0]).to_str().expect("path"), "--yes"]);
    assert_eq!(restored.status.code(), Some(0), "{}", String::from_utf8_lossy(&restored.stderr));
    assert_eq!(value_of(&data), json!(100.0));
}

#[test]
fn restore_brings_back_the_copy_and_keeps_the_current_database() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = folder_with_value(dir.path(), 100);
    assert_eq!(jst(&data, &["backup"]).status.code(), Some(0));
    let name = manual_copy(&data);
    set_value(dir.path(), &data, 200);
    assert_eq!(value_of(&data), json!(200.0));

    // Without --yes: the check and a hint, nothing changed.
    let db = data.join("local.db");
    let before = std::fs::read(&db).expect("db");
    let copies_before = names_in(&data.join("kopie"));
    let preview = jst(&data, &["restore", &name]);
    assert_eq!(preview.status.code(), Some(0), "{}", String::from_utf8_lossy(&preview.stderr));
    let stdout = String::from_utf8_lossy(&preview.stdout);
    assert!(stdout.contains("--yes") && stdout.contains("Nic nie zmieniono"), "{stdout}");
    assert!(stdout.contains("schemat") && stdout.contains("ręczna"), "{stdout}");
    assert_eq!(std::fs::read(&db).expect("db"), before);
    assert_eq!(names_in(&data.join("kopie")), copies_before);

    let out = jst(&data, &["restore", &name, "--yes"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Przywrócono bazę z kopii"), "{stdout}");
    assert_eq!(value_of(&data), json!(100.0));
    let aside: Vec<String> = names_in(&data.join("kopie"))
        .into_iter()
        .filter(|n| n.ends_with("-przed-przywroceniem.db"))
        .collect();
    assert_eq!(aside.len(), 1, "the current database copied aside");
    assert!(stdout.contains(&aside[0]), "{stdout}");
    assert_eq!(value_in(&data.join("kopie").join(&aside[0])), 200.0, "nothing lost");
    let kinds: Vec<Value> = list(&data).iter().map(|c| c["kind"].clone()).collect();
    assert!(kinds.contains(&json!("before_restore")), "{kinds:?}");
    // And back again: the copy made before the restore is a copy like any other.
    let back = jst(&data, &["restore", &aside[0], "--yes"]);
    assert_eq!(back.status.code(), Some(0), "{}", String::from_utf8_lossy(&back.stderr));
    assert_eq!(value_of(&data), json!(200.0));
}

#[test]
fn files_that_cannot_be_restored_are_refused_with_exit_3_and_nothing_changes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = folder_with_value(dir.path(), 100);
    assert_eq!(jst(&data, &["backup"]).status.code(), Some(0));
    let copy = data.join("kopie").join(manual_copy(&data));
    set_value(dir.path(), &data, 200);

    let newer = dir.path().join("nowsza.db");
    std::fs::copy(&copy, &newer).expect("copy");
    rusqlite::Connection::open(&newer)
        .and_then(|c| c.pragma_update(None, "user_version", 99))
        .expect("newer");
    let cut = dir.path().join("ucieta.db");
    let bytes = std::fs::read(&copy).expect("read");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).expect("write");
    let text = dir.path().join("wartosci.csv");
    std::fs::write(&text, "wskaznik_kod;rok;wartosc\nLUD_OGOLEM;2022;1\n").expect("write");
    let missing = dir.path().join("nie-ma.db");

    let db = data.join("local.db");
    let copies = names_in(&data.join("kopie"));
    for (file, expected) in [
        (&newer, "nowszej niż obsługiwana"),
        (&cut, "uszkodzona lub niepełna"),
        (&text, "nie jest baza danych SQLite"),
        (&missing, "plik nie istnieje"),
        (&db, "baza używana przez program"),
    ] {
        let before = std::fs::read(&db).expect("db");
        for yes in [false, true] {
            let mut args = vec!["restore", file.to_str().expect("path")];
            if yes {
                args.push("--yes");
            }
            let out = jst(&data, &args);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(3), "{}: {stderr}", file.display());
            assert!(
                stderr.starts_with("Błąd: plik ")
                    && stderr.contains(expected)
                    && stderr.contains("Nic nie zmieniono"),
                "{stderr}"
            );
            assert_eq!(std::fs::read(&db).expect("db"), before, "{}", file.display());
            assert_eq!(names_in(&data.join("kopie")), copies, "{}", file.display());
        }
    }
    assert_eq!(value_of(&data), json!(200.0));
}

#[test]
fn rotation_keeps_the_last_seven_and_every_pre_migration_and_pre_restore_copy() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = folder_with_value(dir.path(), 100);
    let kopie = data.join("kopie");
    assert_eq!(jst(&data, &["backup"]).status.code(), Some(0));
    let real = manual_copy(&data);
    let older: Vec<String> = (1..=8).map(|d| format!("local-202001{d:02}T000000Z.db")).collect();
    let kept_anyway = [
        "local-20190101T000000Z-przed-migracja-v8.db",
        "local-20190101T000000Z-przed-przywroceniem.db",
    ];
    for name in older.iter().map(String::as_str).chain(kept_anyway) {
        std::fs::copy(kopie.join(&real), kopie.join(name)).expect("copy");
    }
    std::fs::write(kopie.join("notatki.txt"), "nie moje").expect("write");
    let out = jst(&data, &["backup"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let names = names_in(&kopie);
    let rotating: Vec<&String> =
        names.iter().filter(|n| n.ends_with(".db") && !n.contains("-przed-")).collect();
    assert_eq!(rotating.len(), 7, "{names:?}");
    // The three real copies (daily, manual, manual) and the four newest of the older ones.
    for name in &older[4..] {
        assert!(names.contains(name), "{name} kept: {names:?}");
    }
    for name in &older[..4] {
        assert!(!names.contains(name), "{name} rotated out: {names:?}");
    }
    for name in kept_anyway.into_iter().chain(["notatki.txt"]) {
        assert!(names.iter().any(|n| n == name), "{name} kept: {names:?}");
    }
    let listed = list(&data);
    assert_eq!(listed.len(), 9, "seven rotating copies and the two kept apart");
    let created: Vec<&str> = listed.iter().map(|c| c["created"].as_str().expect("at")).collect();
    let mut newest_first = created.clone();
    newest_first.sort_unstable_by(|a, b| b.cmp(a));
    assert_eq!(created, newest_first);
    assert_eq!(created[8], "2019-01-01T00:00:00Z");
}

#[test]
fn the_daily_copy_is_made_on_opening_when_the_last_is_a_day_old() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = folder_with_value(dir.path(), 100);
    let kopie = data.join("kopie");
    // `folder_with_value` opened the folder again after creating it: one daily copy.
    let daily = names_in(&kopie);
    assert_eq!(daily.len(), 1, "{daily:?}");
    assert!(daily[0].ends_with("Z.db"), "{daily:?}");
    assert_eq!(list(&data)[0]["kind"], json!("daily"));
    assert_eq!(jst(&data, &["status"]).status.code(), Some(0));
    assert_eq!(names_in(&kopie), daily, "not again within a day");

    // The time in the name is the copy's age: renamed to an old date, a new one is due.
    std::fs::rename(kopie.join(&daily[0]), kopie.join("local-20200101T000000Z.db")).expect("mv");
    assert_eq!(jst(&data, &["status"]).status.code(), Some(0));
    let names = names_in(&kopie);
    assert_eq!(names.len(), 2, "{names:?}");
    let fresh = names.iter().find(|n| !n.starts_with("local-2020")).expect("a new daily copy");
    assert_eq!(value_in(&kopie.join(fresh)), 100.0);

    // A copy dated in the future (a clock set wrong once) does not stop the daily copies.
    std::fs::rename(kopie.join(fresh), kopie.join("local-29991231T000000Z.db")).expect("mv");
    assert_eq!(jst(&data, &["status"]).status.code(), Some(0));
    assert_eq!(names_in(&kopie).len(), 3, "{:?}", names_in(&kopie));
    // Files that only look old (their modification time) do not make one.
    let long_ago = std::time::UNIX_EPOCH + std::time::Duration::from_secs(946_684_800);
    for name in names_in(&kopie) {
        std::fs::File::options()
            .write(true)
            .open(kopie.join(name))
            .and_then(|f| f.set_modified(long_ago))
            .expect("mtime");
    }
    assert_eq!(jst(&data, &["status"]).status.code(), Some(0));
    assert_eq!(names_in(&kopie).len(), 3);
}

/// The name of the one manual copy in `kopie/`.
fn manual_copy(data: &Path) -> String {
    let manual: Vec<String> =
        names_in(&data.join("kopie")).into_iter().filter(|n| n.ends_with("-reczna.db")).collect();
    assert_eq!(manual.len(), 1, "{manual:?}");
    manual[0].clone()
}
