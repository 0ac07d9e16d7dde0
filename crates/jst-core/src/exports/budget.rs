//! The own unit's budget lines as imported, every year, report and period. The columns of the
//! budget import format come with `okres` (1–4, cumulative to the end of that quarter; 4 is the
//! whole year) and `zrodlo` (the file the lines came from).

use jst_report::NumberStyle::{General, Money, Whole};
use jst_store::LocalStore;

use super::table::{number, text, Column, Table};
use crate::Result;

pub(super) const BUDGET_COLUMNS: &[Column] = &[
    ("rok", 7.0, Whole),
    ("sprawozdanie", 14.0, General),
    ("okres", 7.0, Whole),
    ("dzial", 7.0, General),
    ("rozdzial", 10.0, General),
    ("paragraf", 10.0, General),
    ("plan", 18.0, Money),
    ("wykonanie", 18.0, Money),
    ("zrodlo", 40.0, General),
];

pub(super) fn budget_table(local: &LocalStore) -> Result<Table> {
    let rows = local
        .all_budget_lines()?
        .into_iter()
        .map(|(l, source)| {
            vec![
                number(f64::from(l.year)),
                text(&l.report),
                number(f64::from(l.period)),
                text(&l.dzial),
                text(&l.rozdzial),
                text(&l.paragraf),
                number(l.plan),
                number(l.execution),
                text(&source),
            ]
        })
        .collect();
    Ok(Table { columns: BUDGET_COLUMNS, rows })
}
