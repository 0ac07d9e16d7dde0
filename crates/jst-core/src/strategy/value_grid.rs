//! The Dane screen's grid: the active strategy's indicators × years with the own values, their
//! status (wstępne/ostateczne) and notes, and deleting a value (kept in its history).

use std::collections::{BTreeMap, HashMap};

use jst_domain::ObservationStatus;
use jst_store::{LocalStore, Stamp};
use jst_text::t;
use serde::Serialize;

use super::indicator::stored_status;
use super::status::active_tree;
use crate::{Error, Result};

/// One cell: an own value of a year.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ValueCellView {
    pub year: i32,
    pub value: f64,
    pub status: ObservationStatus,
    pub note: Option<String>,
    /// Demo sample value ("dane przykładowe").
    pub sample: bool,
}

/// One indicator of the active strategy with its values by year.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ValueGridRowView {
    pub code: String,
    pub name: String,
    pub unit: String,
    /// The first node the indicator is attached to.
    pub node_code: String,
    pub baseline_year: i32,
    pub target_year: i32,
    /// Values of the grid's years only, oldest first.
    pub values: Vec<ValueCellView>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ValueGridView {
    pub strategy: String,
    /// From the earliest baseline year to the later of `until` and the newest own value.
    pub years: Vec<i32>,
    pub rows: Vec<ValueGridRowView>,
}

/// The grid of the active strategy up to `until` (the caller's "last full year").
pub(crate) fn value_grid(local: &LocalStore, until: i32) -> Result<ValueGridView> {
    let (strategy, tree) = active_tree(local)?;
    let mut values: HashMap<String, BTreeMap<i32, ValueCellView>> = HashMap::new();
    for o in local.observations()? {
        let cell = ValueCellView {
            year: o.year,
            value: o.value,
            status: stored_status(&o.status)?,
            note: o.note,
            sample: o.sample,
        };
        values.entry(o.indicator).or_default().insert(o.year, cell);
    }
    let mut rows: Vec<ValueGridRowView> = Vec::new();
    for node in &tree.nodes {
        for i in &node.indicators {
            if rows.iter().any(|r| r.code == i.code) {
                continue;
            }
            rows.push(ValueGridRowView {
                code: i.code.clone(),
                name: i.name.clone(),
                unit: i.unit.clone(),
                node_code: node.code.clone(),
                baseline_year: i.baseline.year,
                target_year: i.target.year,
                values: Vec::new(),
            });
        }
    }
    let first = rows.iter().map(|r| r.baseline_year).min().unwrap_or(until);
    let newest = rows
        .iter()
        .filter_map(|r| values.get(&r.code).and_then(|v| v.keys().next_back().copied()))
        .max()
        .unwrap_or(until);
    let last = until.max(newest);
    for row in &mut rows {
        if let Some(by_year) = values.remove(&row.code) {
            row.values =
                by_year.into_values().filter(|c| (first..=last).contains(&c.year)).collect();
        }
    }
    Ok(ValueGridView { strategy: strategy.name, years: (first..=last).collect(), rows })
}

/// Deletes an own value; its history keeps what it was, who deleted it and when.
pub(crate) fn delete_value(
    local: &mut LocalStore,
    stamp: &Stamp,
    code: &str,
    year: i32,
) -> Result<()> {
    if !local.delete_observation(stamp, code, year)? {
        return Err(Error::InvalidValue(t!("core-no-value-to-delete", code = code, year = year)));
    }
    Ok(())
}
