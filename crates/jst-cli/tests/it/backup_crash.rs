//! `jst backup` and `jst restore` killed with SIGKILL (DESIGN §10 G1): the debug binary pauses
//! at the N-th crash point (`JST_CRASH_POINT`, see `jst_store::backup`) and the test kills it
//! there, so every step is hit on any machine, not where a timer happens to land. After every
//! kill `local.db` passes `integrity_check` and no committed value is lost; for a restore the
//! database is the old one or the restored one, whole.

use std::io::BufRead;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::backup::{folder_with_value, names_in, set_value, value_in};
use crate::jst;

/// The labels of the crash points `args` passes, in order.
fn crash_points(data: &Path, args: &[&str]) -> Vec<String> {
    let out = Command::new(env!("CARGO_BIN_EXE_jst"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env_remove("JST_DATA_DIR")
        .env("JST_TOKEN_STORE", "file")
        .env("JST_CRASH_POINT", "list")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter_map(|l| l.strip_prefix("crash point ")?.split_once(": ").map(|(_, l)| l.to_owned()))
        .collect()
}

/// Runs `args` until it pauses at crash point `n`, then kills it with SIGKILL.
fn kill_at(data: &Path, args: &[&str], n: usize) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_jst"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env_remove("JST_DATA_DIR")
        .env("JST_TOKEN_STORE", "file")
        .env("JST_CRASH_POINT", n.to_string())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let stderr = child.stderr.take().expect("stderr");
    let mark = format!("crash point {n}: ");
    let reached = std::io::BufReader::new(stderr)
        .lines()
        .map_while(Result::ok)
        .any(|line| line.starts_with(&mark));
    let _ = child.kill(); // SIGKILL
    let status = child.wait().expect("wait");
    assert!(reached, "never reached crash point {n} ({status})");
}

/// The first point of every step, and points spread inside the long ones (VACUUM INTO, the
/// integrity checks), at least 20 in all.
fn chosen(points: &[String]) -> Vec<usize> {
    let mut chosen: Vec<usize> = (0..points.len())
        .filter(|&i| i == 0 || points[i] != points[i - 1])
        .map(|i| i + 1)
        .collect();
    let extra = 20usize.saturating_sub(chosen.len()).max(6);
    for k in 1..=extra {
        chosen.push(k * points.len() / (extra + 1) + 1);
    }
    chosen.sort_unstable();
    chosen.dedup();
    chosen.retain(|&n| n <= points.len());
    assert!(chosen.len() >= 20, "{} points: {points:?}", chosen.len());
    chosen
}

/// A fresh copy of the folder `from` (the database and `kopie/`) at `to`.
fn copy_folder(from: &Path, to: &Path) {
    if to.exists() {
        std::fs::remove_dir_all(to).expect("clean");
    }
    for sub in ["", "kopie"] {
        std::fs::create_dir_all(to.join(sub)).expect("mkdir");
        for entry in std::fs::read_dir(from.join(sub)).expect("read").flatten() {
            if entry.file_type().expect("type").is_file() {
                std::fs::copy(entry.path(), to.join(sub).join(entry.file_name())).expect("copy");
            }
        }
    }
}

/// Every file under a copy's name in `kopie/` is whole and sound.
fn copies_are_sound(data: &Path) {
    for name in names_in(&data.join("kopie")).iter().filter(|n| n.ends_with(".db")) {
        let conn = rusqlite::Connection::open(data.join("kopie").join(name)).expect("open");
        let check: String =
            conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).expect("check");
        assert_eq!(check, "ok", "{name}");
    }
}

#[test]
fn a_backup_killed_at_any_point_leaves_the_database_and_every_named_copy_sound() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pristine = folder_with_value(dir.path(), 100);
    // Older copies beyond the seven kept, so the kills land in the rotation too.
    let kopie = pristine.join("kopie");
    let daily = names_in(&kopie).remove(0);
    for day in 1..=9 {
        std::fs::copy(kopie.join(&daily), kopie.join(format!("local-202001{day:02}T000000Z.db")))
            .expect("copy");
    }
    let work = dir.path().join("praca");
    copy_folder(&pristine, &work);
    let points = crash_points(&work, &["backup"]);
    assert!(points.iter().any(|p| p.starts_with("rotation")), "{points:?}");
    let chosen = chosen(&points);
    eprintln!("jst backup: {} crash points, killed at {chosen:?}", points.len());
    for n in chosen {
        copy_folder(&pristine, &work);
        kill_at(&work, &["backup"], n);
        assert_eq!(value_in(&work.join("local.db")), 100.0, "after a kill at {n}");
        copies_are_sound(&work);
    }
    // The next backup clears what the last kill left behind.
    let out = jst(&work, &["backup"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(names_in(&work.join("kopie")).iter().all(|n| !n.ends_with(".tmp")));
    copies_are_sound(&work);
}

#[test]
fn a_restore_killed_at_any_point_leaves_the_old_or_the_restored_database_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pristine = folder_with_value(dir.path(), 100);
    assert_eq!(jst(&pristine, &["backup"]).status.code(), Some(0));
    let copy = names_in(&pristine.join("kopie"))
        .into_iter()
        .find(|n| n.ends_with("-reczna.db"))
        .expect("manual copy");
    set_value(dir.path(), &pristine, 200);
    let work = dir.path().join("praca");
    copy_folder(&pristine, &work);
    let args = ["restore", copy.as_str(), "--yes"];
    let points = crash_points(&work, &args);
    assert!(points.iter().any(|p| p == "restore: renamed"), "{points:?}");
    let (mut old, mut restored) = (0, 0);
    let chosen = chosen(&points);
    eprintln!("jst restore: {} crash points, killed at {chosen:?}", points.len());
    for n in chosen {
        copy_folder(&pristine, &work);
        kill_at(&work, &args, n);
        match value_in(&work.join("local.db")) {
            200.0 => old += 1,
            100.0 => {
                restored += 1;
                // The database it replaced was kept first, whole.
                let aside = names_in(&work.join("kopie"))
                    .into_iter()
                    .find(|n| n.ends_with("-przed-przywroceniem.db"))
                    .unwrap_or_else(|| panic!("no copy of the replaced database after {n}"));
                assert_eq!(value_in(&work.join("kopie").join(aside)), 200.0);
            }
            other => panic!("after a kill at {n}: {other}"),
        }
        copies_are_sound(&work);
    }
    eprintln!("the old database after {old} kills, the restored one after {restored}");
    assert!(old > 0 && restored > 0, "kills before and after the swap: {old} {restored}");
    // The program opens what the last kill left, and a restore then goes through.
    let out = jst(&work, &args);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(value_in(&work.join("local.db")), 100.0);
}
