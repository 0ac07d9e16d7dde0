//! The staged import on both engines, read as a stream: a bad value or a read error late in a
//! long stream keeps nothing, the last value of a key in one import wins, and the counts,
//! history and audit say what changed.

use jst_server_store::{AuditFilter, DataImport, DataRow, Error, ImportKind, ImportRow};

use crate::fixture::Fixture;

crate::on_both_engines!(
    a_bad_value_at_the_end_of_a_long_stream_keeps_nothing,
    an_error_of_the_stream_itself_keeps_nothing,
    the_last_value_of_a_key_in_one_import_wins,
    a_mixed_import_counts_new_changed_and_unchanged_and_keeps_the_history,
    plans_of_a_budget_import_replace_the_stored_plan_the_last_one_winning,
);

const AT: &str = "2026-11-22T00:00:00Z";

fn row(teryt: &str, indicator: &str, year: i32, value: f64) -> DataRow {
    DataRow { teryt: teryt.into(), indicator: indicator.into(), year, value }
}

/// Rows of public_values, value_history and audit, read beside the storage.
fn counts(fixture: &Fixture) -> (i64, i64, i64) {
    (fixture.count("public_values"), fixture.count("value_history"), fixture.count("audit"))
}

fn seeded(fixture: &Fixture) -> jst_server_store::Database {
    let db = fixture.open();
    let seed = [row("1219053", "A", 2024, 1.0), row("1219053", "B", 2024, 2.0)];
    db.lease().expect("storage").upsert_values(&seed, AT).expect("seed");
    db
}

fn many(n: usize) -> impl Iterator<Item = DataRow> {
    (0..n).map(|i| row(&format!("{:07}", 1_000_000 + i), "A", 2023, i as f64))
}

fn a_bad_value_at_the_end_of_a_long_stream_keeps_nothing(fixture: &Fixture) {
    let db = seeded(fixture);
    let mut storage = db.lease().expect("storage");
    let before = counts(fixture);
    let mut rows = many(5_000)
        .chain([row("1219053", "A", 2024, 9.0), row("1219053", "C", 2024, f64::NAN)])
        .map(|r| Ok(ImportRow::Value(r)));
    let err = storage.import(ImportKind::Values, &mut rows, "dane.csv", AT).expect_err("NaN");
    let text = err.to_string();
    assert!(text.starts_with("dane.csv: nic nie zapisano; wiersz 1219053;C;2024: "), "{text}");
    assert_eq!(counts(fixture), before, "public values, history and audit untouched");
    let values = storage.all_values().expect("values");
    assert_eq!(values, [row("1219053", "A", 2024, 1.0), row("1219053", "B", 2024, 2.0)]);
}

fn an_error_of_the_stream_itself_keeps_nothing(fixture: &Fixture) {
    let db = seeded(fixture);
    let mut storage = db.lease().expect("storage");
    let before = counts(fixture);
    let mut rows = many(1_000)
        .map(|r| Ok(ImportRow::Value(r)))
        .chain([Err(Error::Invalid("wiersz 1002: ucięty".into()))])
        .chain(many(10).map(|r| Ok(ImportRow::Value(r))));
    let err = storage.import(ImportKind::Values, &mut rows, "dane.csv", AT).expect_err("cut");
    assert_eq!(err.to_string(), "wiersz 1002: ucięty");
    assert_eq!(counts(fixture), before);
    // The storage is usable after it: the staging tables went with the failure.
    let done = storage.upsert_values(&[row("1219053", "A", 2024, 1.5)], AT).expect("next");
    assert_eq!(done, DataImport { inserted: 0, updated: 1, unchanged: 0 });
}

fn the_last_value_of_a_key_in_one_import_wins(fixture: &Fixture) {
    let db = seeded(fixture);
    let mut storage = db.lease().expect("storage");
    let twice = [row("1219053", "C", 2024, 1.0), row("1219053", "C", 2024, 2.0)];
    let done = storage.upsert_values(&twice, AT).expect("import");
    assert_eq!(done, DataImport { inserted: 1, updated: 0, unchanged: 0 });
    // A key changed and changed back within one import: equal to what is stored, no history.
    let back = [row("1219053", "A", 2024, 5.0), row("1219053", "A", 2024, 1.0)];
    let done = storage.upsert_values(&back, AT).expect("import");
    assert_eq!(done, DataImport { inserted: 0, updated: 0, unchanged: 1 });
    let values = storage.all_values().expect("values");
    assert!(values.contains(&row("1219053", "C", 2024, 2.0)), "{values:?}");
    assert!(values.contains(&row("1219053", "A", 2024, 1.0)), "{values:?}");
    assert_eq!(counts(fixture).1, 0, "no history between two values of one import");
}

fn a_mixed_import_counts_new_changed_and_unchanged_and_keeps_the_history(fixture: &Fixture) {
    let db = seeded(fixture);
    let mut storage = db.lease().expect("storage");
    let rows = [
        row("1219053", "A", 2024, 1.0),
        row("1219053", "B", 2024, 5.0),
        row("1219053", "C", 2024, 7.0),
    ];
    let done = storage.upsert_values_from(&rows, "GUS BDL, API v1", "2026-11-23T00:00:00Z");
    assert_eq!(done.expect("import"), DataImport { inserted: 1, updated: 1, unchanged: 1 });
    let b = "SELECT rev || ' ' || source FROM public_values WHERE indicator = 'B'";
    assert_eq!(fixture.text(b), "2 GUS BDL, API v1");
    let history =
        "SELECT CAST(value AS INTEGER) || ' ' || rev || ' ' || replaced_at || ' ' || source FROM value_history";
    assert_eq!(fixture.text(history), "2 1 2026-11-23T00:00:00Z import data");
    assert_eq!(fixture.count("value_history"), 1);
    assert_eq!(fixture.text("SELECT rev FROM public_values WHERE indicator = 'C'"), "1");
    let audit = storage.audit(&AuditFilter::default()).expect("audit");
    let last = audit.last().expect("entry");
    assert_eq!(
        last.details,
        serde_json::json!({"source": "GUS BDL, API v1", "rows": 3, "inserted": 1,
            "updated": 1, "unchanged": 1})
    );
}

fn plans_of_a_budget_import_replace_the_stored_plan_the_last_one_winning(fixture: &Fixture) {
    let db = fixture.open();
    let mut storage = db.lease().expect("storage");
    let values = [row("1219053", "WYD", 2023, 10.0), row("1219053", "WYD", 2023, 11.0)];
    let plans = [row("1219053", "WYD", 2023, 12.0), row("1219053", "WYD", 2023, 13.0)];
    let done = storage.upsert_budget(&values, &plans, "MF Rb-28S 2023", AT).expect("budget");
    assert_eq!(done, DataImport { inserted: 1, updated: 0, unchanged: 0 });
    assert_eq!(storage.plan("WYD", 2023, "1219053").expect("plan"), Some(13.0));
    assert_eq!(storage.all_values().expect("values")[0].value, 11.0);
    let audit = storage.audit(&AuditFilter::default()).expect("audit");
    assert_eq!(
        audit.last().expect("entry").details,
        serde_json::json!({"source": "MF Rb-28S 2023", "rows": 2, "plans": 2, "inserted": 1,
            "updated": 0, "unchanged": 0})
    );
}

#[test]
fn the_streamed_check_names_rows_as_the_whole_slice_check() {
    let bad = |i: usize| row(&format!("{:07}", 1_000_000 + i), "X", 2024, f64::INFINITY);
    let values: Vec<DataRow> = (0..4).map(bad).collect();
    let plans: Vec<DataRow> = (4..8).map(bad).collect();
    let whole = jst_server_store::check_rows(&values, &plans, "MF").expect_err("bad");
    // Interleaved as a stream may bring them: the same message.
    let mut check = jst_server_store::RowCheck::default();
    for (v, p) in values.iter().zip(&plans) {
        check.plan(p);
        check.value(v);
    }
    let streamed = check.finish("MF").expect_err("bad");
    assert_eq!(streamed.to_string(), whole.to_string());
    assert!(whole.to_string().ends_with("(i 3 innych wierszy)"), "{whole}");
}
