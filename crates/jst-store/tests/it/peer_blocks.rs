//! The year-major blocks (peers schema 6) always say what `peer_values` says: after every way a
//! dataset changes, and after an open that finds values without blocks.

use std::collections::HashMap;

use jst_domain::PackedValues;
use jst_store::{PeerStore, PublicValue};

use crate::stamp;

fn value(unit: &str, indicator: &str, year: i32, value: f64) -> PublicValue {
    PublicValue { unit: unit.into(), indicator: indicator.into(), year, value }
}

/// Every (indicator, year) read through the blocks equals the row-by-row read, at every unit
/// key the store has, and a pair without values reads as all `NaN`.
fn assert_blocks_match(store: &PeerStore, pairs: &[(&str, i32)]) {
    let keys = store.unit_keys().expect("keys");
    let slots: Vec<usize> = keys.iter().map(|(k, _)| usize::try_from(*k).expect("key")).collect();
    for &(code, year) in pairs {
        let rows: HashMap<String, f64> =
            store.values_of(code, year).expect("rows").into_iter().collect();
        let columns = store.year_columns(&[code], year, &slots).expect("blocks");
        for ((_, identity), got) in keys.iter().zip(&columns[0]) {
            match rows.get(identity) {
                Some(want) => assert_eq!(got.to_bits(), want.to_bits(), "{code} {year} {identity}"),
                None => assert!(got.is_nan(), "{code} {year} {identity}: {got}"),
            }
        }
    }
}

const PAIRS: [(&str, i32); 5] = [("A", 2023), ("A", 2024), ("B", 2024), ("B", 2025), ("C", 2024)];

#[test]
fn blocks_follow_every_change_of_the_values() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = PeerStore::open(&dir.path().join("peers.db"), &stamp("2026-12-02T10:00:00Z"))
        .expect("open");
    let at = stamp("2026-12-02T10:00:00Z");
    let first = [
        value("121905", "A", 2023, 1.5),
        value("121906", "A", 2023, -2.0),
        value("121905", "A", 2024, 3.25),
        value("020101", "B", 2024, 0.0),
        value("121906", "B", 2024, 1e12),
    ];
    store.replace_dataset(&at, "pierwszy", "import", "pierwszy", &first).expect("first");
    assert_blocks_match(&store, &PAIRS);

    // Another dataset takes one value over, adds a year and a unit the store did not know.
    let second = [value("121906", "A", 2023, 7.0), value("146501", "B", 2025, 4.0)];
    store.replace_dataset(&at, "drugi", "import", "drugi", &second).expect("second");
    assert_blocks_match(&store, &PAIRS);
    assert_eq!(store.year_columns(&["A"], 2023, &[0, 1, 2, 3]).expect("read")[0][2], 7.0);

    // The first dataset again, smaller: A 2024 loses its only value, C 2024 appears.
    let third = [value("121905", "A", 2023, 1.5), value("121905", "C", 2024, 9.0)];
    store.replace_dataset(&at, "pierwszy", "import", "pierwszy", &third).expect("third");
    assert_blocks_match(&store, &PAIRS);

    store.remove_dataset("drugi").expect("remove");
    assert_blocks_match(&store, &PAIRS);
    let gone = store.year_columns(&["A", "B", "nieznany"], 2024, &[1, 2, 3, 500]).expect("read");
    assert!(gone.iter().flatten().all(|v| v.is_nan()), "{gone:?}");
}

#[test]
fn a_release_load_rebuilds_the_blocks_of_the_release_it_replaces_and_its_own() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = PeerStore::open(&dir.path().join("peers.db"), &stamp("2026-12-02T10:00:00Z"))
        .expect("open");
    let at = stamp("2026-12-02T10:00:00Z");
    let load = |store: &mut PeerStore, rows: &[(&str, &str, i32, f64)]| {
        let mut packed = PackedValues::default();
        let (mut units, mut indicators) = (HashMap::new(), HashMap::new());
        for (unit, indicator, year, v) in rows {
            packed.push(&mut units, &mut indicators, unit, indicator, *year, *v).expect("push");
        }
        let identities: Vec<Option<String>> = packed.units.iter().cloned().map(Some).collect();
        let mut release = store.begin_release(&at, "wydanie", "wydanie").expect("begin");
        release.insert_block(&identities, &mut packed).expect("block");
        release.finish(&[]).expect("finish");
    };
    load(
        &mut store,
        &[("121905", "A", 2023, 1.0), ("121906", "A", 2024, 2.0), ("020101", "B", 2024, 3.0)],
    );
    assert_blocks_match(&store, &PAIRS);
    // The next release drops A 2024 and revises A 2023.
    load(&mut store, &[("121905", "A", 2023, 1.5), ("020101", "B", 2025, 4.0)]);
    assert_blocks_match(&store, &PAIRS);
    assert!(store.values_of("A", 2024).expect("rows").is_empty());
}

#[test]
fn an_open_that_finds_values_without_blocks_builds_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("peers.db");
    let at = stamp("2026-12-02T10:00:00Z");
    {
        let mut store = PeerStore::open(&path, &at).expect("open");
        let values = [value("121905", "A", 2023, 1.5), value("121906", "B", 2024, 2.5)];
        store.replace_dataset(&at, "zbior", "import", "zbior", &values).expect("load");
    }
    // As a schema 5 folder migrated to 6 looks: values, no blocks.
    rusqlite::Connection::open(&path)
        .expect("raw")
        .execute("DELETE FROM peer_blocks", [])
        .expect("clear");
    let store = PeerStore::open(&path, &at).expect("reopen");
    assert_blocks_match(&store, &PAIRS);
    let keys = store.unit_keys().expect("keys");
    let slots: Vec<usize> = keys.iter().map(|(k, _)| *k as usize).collect();
    let b = store.year_columns(&["B"], 2024, &slots).expect("read");
    assert_eq!(b[0].iter().filter(|v| !v.is_nan()).count(), 1);
}
