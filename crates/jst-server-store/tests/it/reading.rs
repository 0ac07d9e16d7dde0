//! Every value read back in order, one by one.

use jst_server_store::*;

use crate::fixture::Fixture;

crate::on_both_engines!(
    each_value_comes_by_year_indicator_and_teryt,
    a_visitor_can_stop_the_reading
);

/// Codes whose byte order differs from a locale's (digits, capitals and `_`).
const INDICATORS: [&str; 4] = ["A_B", "AB", "A1", "B"];

fn values() -> Vec<DataRow> {
    let mut rows = Vec::new();
    for year in (2019..2022).rev() {
        for indicator in INDICATORS {
            for unit in (0..1800).rev() {
                rows.push(DataRow {
                    teryt: format!("{:07}", 201_011 + unit * 10),
                    indicator: indicator.into(),
                    year,
                    value: f64::from(unit) + f64::from(year) / 10_000.0,
                });
            }
        }
    }
    rows
}

fn each_value_comes_by_year_indicator_and_teryt(fixture: &Fixture) {
    let db = fixture.open();
    let mut s = db.lease().expect("storage answers");
    let mut rows = values();
    s.upsert_values(&rows, "2024-01-01").expect("storage answers");
    rows.sort_by(|a, b| (a.year, &a.indicator, &a.teryt).cmp(&(b.year, &b.indicator, &b.teryt)));
    // Each row is compared as it comes, none kept.
    let mut seen = 0;
    s.each_value(&mut |row| {
        assert_eq!(row, rows[seen], "row {seen}");
        seen += 1;
        Ok(())
    })
    .expect("storage answers");
    assert_eq!(seen, rows.len());
    assert_eq!(seen, 3 * 4 * 1800);
    assert_eq!(rows[0].indicator, "A1");
    assert_eq!(rows[1800].indicator, "AB");
    assert_eq!(rows[3600].indicator, "A_B");
}

fn a_visitor_can_stop_the_reading(fixture: &Fixture) {
    let db = fixture.open();
    let mut s = db.lease().expect("storage answers");
    s.upsert_values(&values(), "2024-01-01").expect("storage answers");
    let mut seen = 0;
    let err = s
        .each_value(&mut |_| {
            seen += 1;
            if seen == 12_345 {
                return Err(Error::Invalid("dość".into()));
            }
            Ok(())
        })
        .expect_err("refused");
    assert_eq!(err.to_string(), "dość");
    assert_eq!(seen, 12_345);
    // The reading left nothing open: the storage writes and reads again.
    let one = DataRow { teryt: "0201011".into(), indicator: "A1".into(), year: 2019, value: -1.0 };
    let done = s.upsert_values(&[one], "2024-01-02").expect("storage answers");
    assert_eq!(done, DataImport { inserted: 0, updated: 1, unchanged: 0 });
    assert_eq!(s.all_values().expect("storage answers").len(), 3 * 4 * 1800);
}
