//! Own values: one row per value (the first five columns are the own-values import format, so
//! the file reads back with `jst import values`), every change of them, and the strategies'
//! notes. Demo sample values say so in a column of their own.

use std::collections::HashMap;

use jst_report::NumberStyle::{General, Whole};
use jst_store::LocalStore;

use super::table::{number, optional_number, optional_text, text, yes_no, Column, Table};
use crate::Result;

/// `wskaznik_kod;rok;wartosc;status;uwagi` first: the own-values import format.
pub(super) const VALUE_COLUMNS: &[Column] = &[
    ("wskaznik_kod", 22.0, General),
    ("rok", 7.0, Whole),
    ("wartosc", 14.0, General),
    ("status", 12.0, General),
    ("uwagi", 40.0, General),
    ("wskaznik_nazwa", 48.0, General),
    ("jednostka", 12.0, General),
    ("zrodlo", 30.0, General),
    ("przykladowe", 12.0, General),
    ("zmieniono", 22.0, General),
    ("zmienil", 14.0, General),
];

pub(super) const HISTORY_COLUMNS: &[Column] = &[
    ("wskaznik_kod", 22.0, General),
    ("rok", 7.0, Whole),
    ("wartosc_poprzednia", 16.0, General),
    ("wartosc_nowa", 16.0, General),
    ("status_poprzedni", 16.0, General),
    ("status_nowy", 16.0, General),
    ("zmieniono", 22.0, General),
    ("zmienil", 14.0, General),
];

pub(super) const NOTE_COLUMNS: &[Column] = &[
    ("strategia", 40.0, General),
    ("kod_celu", 10.0, General),
    ("wskaznik_kod", 22.0, General),
    ("rok", 7.0, Whole),
    ("tresc", 60.0, General),
    ("dodano", 22.0, General),
    ("dodal", 14.0, General),
];

/// The values, their history and the notes; whether any value is a demo sample.
pub(super) struct ValueTables {
    pub values: Table,
    pub history: Table,
    pub notes: Table,
    pub sample: bool,
}

pub(super) fn value_tables(local: &LocalStore) -> Result<ValueTables> {
    let catalogue: HashMap<String, (String, String)> =
        local.catalogue()?.into_iter().map(|i| (i.code, (i.name_pl, i.unit))).collect();
    let mut sample = false;
    let values = local
        .observations_stamped()?
        .into_iter()
        .map(|(o, stamp)| {
            sample |= o.sample;
            let (name, unit) = catalogue.get(&o.indicator).cloned().unwrap_or_default();
            vec![
                text(&o.indicator),
                number(f64::from(o.year)),
                number(o.value),
                text(&o.status),
                optional_text(o.note.as_deref()),
                text(&name),
                text(&unit),
                optional_text(o.source.as_deref()),
                yes_no(o.sample),
                text(&stamp.at),
                text(&stamp.by),
            ]
        })
        .collect();
    let history = local
        .observation_history()?
        .into_iter()
        .map(|(code, h)| {
            vec![
                text(&code),
                number(f64::from(h.year)),
                optional_number(h.old_value),
                optional_number(h.new_value),
                optional_text(h.old_status.as_deref()),
                optional_text(h.new_status.as_deref()),
                text(&h.changed_at),
                text(&h.changed_by),
            ]
        })
        .collect();
    let notes = local
        .all_notes()?
        .into_iter()
        .map(|(strategy, n)| {
            vec![
                text(&strategy),
                optional_text(n.node_code.as_deref()),
                optional_text(n.indicator.as_deref()),
                optional_number(n.year.map(f64::from)),
                text(&n.text),
                text(&n.created_at),
                text(&n.created_by),
            ]
        })
        .collect();
    Ok(ValueTables {
        values: Table { columns: VALUE_COLUMNS, rows: values },
        history: Table { columns: HISTORY_COLUMNS, rows: history },
        notes: Table { columns: NOTE_COLUMNS, rows: notes },
        sample,
    })
}
