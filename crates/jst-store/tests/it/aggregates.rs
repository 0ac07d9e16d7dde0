use jst_store::{ContributedAggregate, PeerStore};

use crate::stamp;

#[test]
fn contributed_aggregates_read_back_as_the_release_carried_them_and_are_replaced_with_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = PeerStore::open(&dir.path().join("peers.db"), &stamp("2026-01-01T00:00:00Z"))
        .expect("open");
    let published = ContributedAggregate {
        group: "type_size:gmina_miejsko_wiejska:20000-50000".into(),
        indicator: "ODPADY_SELEKT_PROC".into(),
        year: 2024,
        n: 23,
        q1: Some(0.0161),
        median: Some(115.0),
        q3: Some(123.0),
        p10: Some(103.0),
        p90: Some(127.0),
        mean: Some(115.0),
        note: None,
    };
    let withheld = ContributedAggregate {
        group: "type_size:gmina_wiejska:0-5000".into(),
        n: 3,
        q1: None,
        median: None,
        q3: None,
        p10: None,
        p90: None,
        mean: None,
        note: Some("za mało danych w grupie".into()),
        ..published.clone()
    };
    let at = stamp("2026-11-22T10:00:00Z");
    let load = store.begin_release(&at, "wydanie", "Wydanie 1").expect("begin");
    load.finish(&[published.clone(), withheld.clone()]).expect("finish");
    let read = |store: &PeerStore, a: &ContributedAggregate| {
        store.aggregate(&a.group, &a.indicator, a.year).expect("read")
    };
    assert_eq!(read(&store, &published), Some(published.clone()));
    assert_eq!(read(&store, &withheld), Some(withheld.clone()));

    let load = store.begin_release(&at, "wydanie", "Wydanie 2").expect("begin");
    load.finish(std::slice::from_ref(&withheld)).expect("finish");
    assert_eq!(read(&store, &published), None, "the next release replaces the aggregates whole");
    assert_eq!(read(&store, &withheld), Some(withheld));
}
