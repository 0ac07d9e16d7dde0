//! An import that fails leaves nothing: a refused value anywhere, or a read error midway.

use jst_server_store::*;

use crate::fixture::Fixture;

crate::on_both_engines!(
    a_refused_value_in_the_middle_keeps_nothing,
    many_refused_rows_are_named_as_check_rows_names_them,
    a_read_error_in_the_middle_keeps_nothing,
    a_cell_named_twice_keeps_its_last_value,
);

fn row(teryt: &str, indicator: &str, year: i32, value: f64) -> DataRow {
    DataRow { teryt: teryt.into(), indicator: indicator.into(), year, value }
}

const TABLES: [&str; 4] = ["public_values", "value_history", "budget_plans", "audit"];

fn counts(fixture: &Fixture) -> Vec<i64> {
    TABLES.iter().map(|t| fixture.count(t)).collect()
}

/// A database holding two values (one revised once) and a plan.
fn seeded(fixture: &Fixture) -> Database {
    let db = fixture.open();
    let mut s = db.lease().expect("storage answers");
    s.upsert_values(&[row("0201011", "A_1", 2022, 1.0)], "2024-01-01").expect("storage answers");
    s.upsert_budget(
        &[row("0201011", "A_1", 2022, 2.0), row("0201022", "A_1", 2022, 3.0)],
        &[row("0201011", "A_1", 2022, 4.0)],
        "mf",
        "2024-01-02",
    )
    .expect("storage answers");
    drop(s);
    assert_eq!(counts(fixture), [2, 1, 1, 2]);
    db
}

fn a_refused_value_in_the_middle_keeps_nothing(fixture: &Fixture) {
    let db = seeded(fixture);
    let mut s = db.lease().expect("storage answers");
    let rows = [
        row("0201011", "A_1", 2022, 5.0),
        row("0201033", "A_1", 2022, f64::NAN),
        row("0201044", "A_1", 2022, 6.0),
    ];
    let err = s.upsert_values_from(&rows, "plik.csv", "2024-01-03").expect_err("refused");
    assert!(matches!(err, Error::Invalid(_)), "{err:?}");
    assert_eq!(
        err.to_string(),
        "plik.csv: nic nie zapisano; wiersz 0201033;A_1;2022: wartość NaN nie jest liczbą \
         skończoną o wartości bezwzględnej do 10^15"
    );
    assert_eq!(counts(fixture), [2, 1, 1, 2]);
    // The same storage goes on working: the failed import left no transaction open.
    let done = s.upsert_values_from(&rows[..1], "plik.csv", "2024-01-04").expect("storage answers");
    assert_eq!(done, DataImport { inserted: 0, updated: 1, unchanged: 0 });
    assert_eq!(counts(fixture), [2, 2, 1, 3]);
}

fn many_refused_rows_are_named_as_check_rows_names_them(fixture: &Fixture) {
    let db = seeded(fixture);
    let mut s = db.lease().expect("storage answers");
    let mut stream = Vec::new();
    let (mut values, mut plans) = (Vec::new(), Vec::new());
    for i in 0..5 {
        let bad = row(&format!("02010{i}1"), "B", 2022, 1e16 * f64::from(i + 1));
        let plan = row(&format!("02010{i}1"), "B", 2022, f64::INFINITY);
        let good = row(&format!("02010{i}1"), "C", 2022, 1.0);
        stream.extend([
            ImportRow::Plan(plan.clone()),
            ImportRow::Value(good),
            ImportRow::Value(bad.clone()),
        ]);
        plans.push(plan);
        values.push(bad);
    }
    values.truncate(4);
    let expected = check_rows(&values, &plans, "mf").expect_err("refused").to_string();
    assert!(expected.ends_with(" (i 4 innych wierszy)"), "{expected}");
    let mut rows = stream.into_iter().filter(|r| match r {
        ImportRow::Value(v) => v.indicator != "B" || values.contains(v),
        ImportRow::Plan(_) => true,
    });
    let mut rows = rows.by_ref().map(Ok);
    let err = s.import(ImportKind::Budget, &mut rows, "mf", "2024-01-03").expect_err("refused");
    assert_eq!(err.to_string(), expected);
    assert_eq!(counts(fixture), [2, 1, 1, 2]);
}

fn a_read_error_in_the_middle_keeps_nothing(fixture: &Fixture) {
    let db = seeded(fixture);
    let mut s = db.lease().expect("storage answers");
    let mut rows = (0..10).map(|i| {
        if i == 6 {
            Err(Error::Invalid("plik.csv: wiersz 7: nieczytelna liczba".into()))
        } else {
            Ok(ImportRow::Value(row(&format!("02{i:02}011"), "A_1", 2022, f64::from(i))))
        }
    });
    let err =
        s.import(ImportKind::Values, &mut rows, "plik.csv", "2024-01-03").expect_err("refused");
    assert_eq!(err.to_string(), "plik.csv: wiersz 7: nieczytelna liczba");
    assert_eq!(counts(fixture), [2, 1, 1, 2]);
    assert_eq!(rows.next().map(|r| r.is_ok()), Some(true), "the import stopped at the error");
    let values = s.all_values().expect("storage answers");
    assert_eq!(values.iter().map(|v| v.value).collect::<Vec<_>>(), [2.0, 3.0]);
}

fn a_cell_named_twice_keeps_its_last_value(fixture: &Fixture) {
    let db = fixture.open();
    let mut s = db.lease().expect("storage answers");
    let rows = [row("0201011", "A_1", 2022, 1.0), row("0201011", "A_1", 2022, 2.0)];
    s.upsert_values(&rows, "2024-01-01").expect("storage answers");
    assert_eq!(s.all_values().expect("storage answers"), [row("0201011", "A_1", 2022, 2.0)]);
}
