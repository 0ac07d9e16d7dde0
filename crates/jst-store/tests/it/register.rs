use jst_domain::UnitKind;
use jst_import::parse_terc;
use jst_store::{Error, LocalStore};

use crate::{shipped_terc, stamp};

fn store() -> (tempfile::TempDir, LocalStore) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = LocalStore::open(&dir.path().join("local.db"), &stamp("2026-01-01T00:00:00Z"))
        .expect("open");
    (dir, store)
}

#[test]
fn real_register_loads_with_expected_counts_and_search() {
    let (_dir, mut store) = store();
    let parsed = parse_terc(shipped_terc(), "TERC_2024-01-01.csv").expect("parse");
    let s = &parsed.snapshot;
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    assert_eq!(s.count(UnitKind::Wojewodztwo), 16);
    assert_eq!(s.count(UnitKind::Powiat), 314);
    assert_eq!(s.count(UnitKind::MiastoNaPrawachPowiatu), 66);
    let gminy = s.count(UnitKind::GminaMiejska)
        + s.count(UnitKind::GminaWiejska)
        + s.count(UnitKind::GminaMiejskoWiejska);
    assert_eq!(gminy + 66, 2477);
    let summary = store
        .load_register(&stamp("2026-01-01T00:00:00Z"), s, "TERC_2024-01-01.csv")
        .expect("load");
    assert_eq!((summary.units, summary.created, summary.ended), (2807, 2807, 0));

    let lodz = store.search_units("lodz", 10).expect("search");
    assert_eq!(lodz[0].teryt, "1061011");
    assert_eq!(lodz[0].name, "Łódź");
    assert_eq!(lodz[0].kind, UnitKind::MiastoNaPrawachPowiatu);
    assert_eq!(lodz[0].powiat_name, None);
    assert_eq!(lodz[0].voivodeship_name.as_deref(), Some("łódzkie"));

    let wieliczka = store.search_units("WIELICZKA", 10).expect("search");
    assert_eq!(wieliczka[0].teryt, "1219053");
    assert_eq!(wieliczka[0].kind, UnitKind::GminaMiejskoWiejska);
    assert_eq!(wieliczka[0].powiat_name.as_deref(), Some("wielicki"));
    assert_eq!(wieliczka[0].voivodeship_name.as_deref(), Some("małopolskie"));

    let by_code = store.search_units("1219", 5).expect("search");
    assert_eq!(by_code[0].teryt, "1219");
    assert_eq!(by_code[0].kind, UnitKind::Powiat);
    assert!(store.search_units("  ", 5).expect("search").is_empty());
    assert!(store.search_units("%", 5).expect("search").is_empty());

    // The powiat code of a city county is an alias of the city.
    let krakow = store.unit_by_identity("1261").expect("lookup").expect("found");
    assert_eq!(krakow.teryt, "1261011");
    // Reloading the same snapshot changes nothing.
    let again = store.load_register(&stamp("2026-01-02T00:00:00Z"), s, "again").expect("reload");
    assert_eq!((again.created, again.renamed, again.recoded, again.ended), (0, 0, 0, 0));
}

const V2020: &str = "WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA\n\
    12;;;;MAŁOPOLSKIE;województwo;2020-01-01\n\
    12;08;;;miechowski;powiat;2020-01-01\n\
    12;08;04;2;Książ Wielki;gmina wiejska;2020-01-01\n\
    12;08;05;2;Miechów;gmina wiejska;2020-01-01\n\
    26;;;;ŚWIĘTOKRZYSKIE;województwo;2020-01-01\n\
    26;04;;;kielecki;powiat;2020-01-01\n\
    26;04;17;2;Sitkówka-Nowiny;gmina wiejska;2020-01-01\n";

const V2024: &str = "WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA\n\
    12;;;;MAŁOPOLSKIE;województwo;2024-01-01\n\
    12;08;;;miechowski;powiat;2024-01-01\n\
    12;08;04;3;Książ Wielki;gmina miejsko-wiejska;2024-01-01\n\
    26;;;;ŚWIĘTOKRZYSKIE;województwo;2024-01-01\n\
    26;04;;;kielecki;powiat;2024-01-01\n\
    26;04;17;2;Nowiny;gmina wiejska;2024-01-01\n";

#[test]
fn a_newer_register_keeps_identity_records_changes_and_never_deletes() {
    let (_dir, mut store) = store();
    let v2020 = parse_terc(V2020.as_bytes(), "terc2020.csv").expect("2020").snapshot;
    let v2024 = parse_terc(V2024.as_bytes(), "terc2024.csv").expect("2024").snapshot;
    store.load_register(&stamp("2026-01-01T00:00:00Z"), &v2020, "terc2020.csv").expect("load 2020");
    let before = store.unit_by_identity("120804").expect("lookup").expect("found");
    assert_eq!((before.teryt.as_str(), before.kind), ("1208042", UnitKind::GminaWiejska));

    let summary = store
        .load_register(&stamp("2026-01-02T00:00:00Z"), &v2024, "terc2024.csv")
        .expect("load 2024");
    assert_eq!((summary.recoded, summary.renamed, summary.ended, summary.created), (1, 1, 1, 0));

    let after = store.unit_by_identity("120804").expect("lookup").expect("found");
    assert_eq!(after.id, before.id, "identity kept across the kind-digit change");
    assert_eq!((after.teryt.as_str(), after.kind), ("1208043", UnitKind::GminaMiejskoWiejska));
    assert_eq!(
        store.unit_by_identity("260417").expect("lookup").map(|u| u.name),
        Some("Nowiny".into())
    );
    let ended = store.unit_by_identity("120805").expect("lookup").expect("kept, not deleted");
    assert_eq!(ended.valid_to.as_deref(), Some("2024-01-01"));
    let found = store.search_units("miechow", 5).expect("search");
    assert!(found.iter().all(|u| u.identity != "120805"), "ended units are not offered: {found:?}");
    assert_eq!(store.unit_count(false).expect("count"), 7);

    let err = store
        .load_register(&stamp("2026-01-03T00:00:00Z"), &v2020, "old")
        .expect_err("older refused");
    assert!(matches!(err, Error::OlderRegister { .. }));

    let log = store.audit_log(10).expect("audit");
    assert_eq!(log.len(), 2);
    assert!(log[0].3.contains("zmiany nazw 1"), "{:?}", log[0]);
}
