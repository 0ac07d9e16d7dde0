use jst_store::{IndicatorRecord, LocalStore, ObservationRecord};

use crate::stamp;

fn indicator(code: &str, origin: &str) -> IndicatorRecord {
    IndicatorRecord {
        code: code.into(),
        name_pl: "Wskaźnik".into(),
        name_en: None,
        unit: "%".into(),
        polarity: "neutral".into(),
        area: None,
        definition: None,
        formula: None,
        source: None,
        structural: false,
        person_count: false,
        origin: origin.into(),
    }
}

fn value(code: &str, year: i32, value: f64) -> ObservationRecord {
    ObservationRecord {
        indicator: code.into(),
        year,
        value,
        status: "ostateczne".into(),
        source: None,
        note: None,
        sample: false,
    }
}

#[test]
fn every_change_of_a_value_is_kept_in_history() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = LocalStore::open(&dir.path().join("local.db"), &stamp("t0")).expect("open");
    store.upsert_indicators(&stamp("t0"), &[indicator("WSK_A", "local")]).expect("indicator");
    store
        .upsert_observations(&stamp("t1"), "wartości", &[value("WSK_A", 2023, 1.0)])
        .expect("insert");
    store
        .upsert_observations(&stamp("t2"), "wartości", &[value("WSK_A", 2023, 2.5)])
        .expect("update");
    store
        .upsert_observations(&stamp("t3"), "wartości", &[value("WSK_A", 2023, 2.5)])
        .expect("same");
    // Newest first; the unchanged third write leaves no entry.
    let history: Vec<(i32, Option<f64>, Option<f64>, String)> = store
        .history_of("WSK_A")
        .expect("history")
        .into_iter()
        .map(|h| (h.year, h.old_value, h.new_value, h.changed_by))
        .collect();
    assert_eq!(
        history,
        [
            (2023, Some(1.0), Some(2.5), "test".to_owned()),
            (2023, None, Some(1.0), "test".to_owned())
        ]
    );
    // A value for an indicator outside the catalogue is refused by the schema.
    assert!(store.upsert_observations(&stamp("t4"), "x", &[value("NIEZNANY", 2023, 1.0)]).is_err());
    assert_eq!(store.own_value_count().expect("count"), 1);
}

/// Defect (issue 13): a deleted value left no trace in its history (there was no DELETE
/// trigger). The history now says what was deleted, when and by whom; demo samples leave none.
#[test]
fn deleting_a_value_is_kept_in_history_with_who_and_when() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = LocalStore::open(&dir.path().join("local.db"), &stamp("t0")).expect("open");
    store.upsert_indicators(&stamp("t0"), &[indicator("WSK_A", "local")]).expect("indicator");
    store
        .upsert_observations(&stamp("t1"), "wartości", &[value("WSK_A", 2023, 4.0)])
        .expect("insert");
    let mut deleter = stamp("t2");
    deleter.by = "skarbnik".into();
    assert!(store.delete_observation(&deleter, "WSK_A", 2023).expect("delete"));
    assert!(!store.delete_observation(&deleter, "WSK_A", 2023).expect("again"), "nothing left");
    let newest = store.history_of("WSK_A").expect("history").remove(0);
    assert_eq!(
        (newest.old_value, newest.new_value, newest.old_status.as_deref(), newest.new_status),
        (Some(4.0), None, Some("ostateczne"), None)
    );
    assert_eq!((newest.changed_at.as_str(), newest.changed_by.as_str()), ("t2", "skarbnik"));
    assert_eq!(store.own_value_count().expect("count"), 0);

    let mut sample = value("WSK_A", 2022, 1.0);
    sample.sample = true;
    store.upsert_observations(&stamp("t3"), "demo", &[sample]).expect("sample");
    let before = store.history_of("WSK_A").expect("history").len();
    store.delete_observation(&stamp("t4"), "WSK_A", 2022).expect("delete sample");
    assert_eq!(store.history_of("WSK_A").expect("history").len(), before);
}

#[test]
fn an_export_reads_every_value_with_its_last_change_and_the_whole_history() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = LocalStore::open(&dir.path().join("local.db"), &stamp("t0")).expect("open");
    store
        .upsert_indicators(
            &stamp("t0"),
            &[indicator("WSK_B", "local"), indicator("WSK_A", "local")],
        )
        .expect("indicators");
    store
        .upsert_observations(
            &stamp("t1"),
            "wartości",
            &[value("WSK_B", 2022, 3.0), value("WSK_A", 2023, 1.0), value("WSK_A", 2022, 0.5)],
        )
        .expect("insert");
    store
        .upsert_observations(&stamp("t2"), "wartości", &[value("WSK_A", 2023, 2.5)])
        .expect("update");
    let values: Vec<(String, i32, f64, String)> = store
        .observations_stamped()
        .expect("values")
        .into_iter()
        .map(|(o, s)| (o.indicator, o.year, o.value, s.at))
        .collect();
    assert_eq!(
        values,
        [
            ("WSK_A".to_owned(), 2022, 0.5, "t1".to_owned()),
            ("WSK_A".to_owned(), 2023, 2.5, "t2".to_owned()),
            ("WSK_B".to_owned(), 2022, 3.0, "t1".to_owned()),
        ]
    );
    // By indicator and year, each value's changes oldest first.
    let history: Vec<String> = store
        .observation_history()
        .expect("history")
        .into_iter()
        .map(|(code, h)| {
            format!("{code} {} {:?}→{:?} {}", h.year, h.old_value, h.new_value, h.changed_at)
        })
        .collect();
    assert_eq!(
        history,
        [
            "WSK_A 2022 None→Some(0.5) t1",
            "WSK_A 2023 None→Some(1.0) t1",
            "WSK_A 2023 Some(1.0)→Some(2.5) t2",
            "WSK_B 2022 None→Some(3.0) t1",
        ]
    );
    assert!(store.all_budget_lines().expect("budget").is_empty());
    assert!(store.all_notes().expect("notes").is_empty());
}
