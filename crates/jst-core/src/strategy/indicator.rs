//! One indicator of the active strategy: everything its screen shows (the path to the target,
//! values, status, history, notes), a value typed in by hand and a note.

use jst_domain::strategy::{NodeIndicator, Status, YearValue};
use jst_domain::ObservationStatus;
use jst_store::{LocalStore, ObservationRecord, Stamp};
use jst_text::t;
use serde::Serialize;

use super::status::{
    active_tree, indicator_status, year_value, IndicatorStatusView, YearValueView,
};
use super::thresholds::stored_thresholds;
use crate::{Error, Result};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ObservationView {
    pub year: i32,
    pub value: f64,
    pub status: ObservationStatus,
    pub source: Option<String>,
    pub note: Option<String>,
    /// Demo sample value ("dane przykładowe").
    pub sample: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct HistoryEntryView {
    pub year: i32,
    pub old_value: Option<f64>,
    pub new_value: Option<f64>,
    pub old_status: Option<ObservationStatus>,
    pub new_status: Option<ObservationStatus>,
    pub changed_at: String,
    pub changed_by: String,
}

/// Everything the indicator screen shows: the target path, values, status and history.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct IndicatorDetailView {
    pub status: IndicatorStatusView,
    pub department: Option<String>,
    pub source: Option<String>,
    pub milestones: Vec<YearValueView>,
    pub values: Vec<ObservationView>,
    pub history: Vec<HistoryEntryView>,
    /// Notes of the officer on this indicator, newest first.
    pub notes: Vec<NoteView>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NoteView {
    pub year: Option<i32>,
    pub text: String,
    pub created_at: String,
    pub created_by: String,
}

/// A value typed in by the officer.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ValueInput {
    pub indicator: String,
    pub year: i32,
    pub value: f64,
    pub status: ObservationStatus,
    /// Explanation; required when the value leaves the indicator with limited progress or
    /// deterioration.
    pub note: Option<String>,
}

/// The database admits only the two codes (a CHECK constraint); anything else is corruption.
pub(super) fn stored_status(code: &str) -> Result<ObservationStatus> {
    ObservationStatus::from_code(code)
        .ok_or_else(|| Error::fault(t!("core-unknown-stored-status", code = code)))
}

/// The active strategy's id, and the first node `code` is attached to with its target.
fn attached_indicator(local: &LocalStore, code: &str) -> Result<(i64, String, NodeIndicator)> {
    let (strategy, tree) = active_tree(local)?;
    tree.nodes
        .into_iter()
        .find_map(|n| {
            let indicator = n.indicators.into_iter().find(|i| i.code == code)?;
            Some((strategy.id, n.code, indicator))
        })
        .ok_or_else(|| Error::UnknownIndicator(code.to_owned()))
}

/// The indicator `code` of the active strategy as evaluated in `year`.
pub(crate) fn indicator_detail(
    local: &LocalStore,
    code: &str,
    year: i32,
) -> Result<IndicatorDetailView> {
    let (strategy_id, node_code, indicator) = attached_indicator(local, code)?;
    let values = local.observations_of(code)?;
    let series: Vec<YearValue> =
        values.iter().map(|o| YearValue { year: o.year, value: o.value }).collect();
    let thresholds = stored_thresholds(local)?;
    let (status, _) = indicator_status(&node_code, &indicator, &series, year, &thresholds);
    let status_of = |code: Option<String>| code.as_deref().map(stored_status).transpose();
    let history = local
        .history_of(code)?
        .into_iter()
        .map(|h| {
            Ok(HistoryEntryView {
                year: h.year,
                old_value: h.old_value,
                new_value: h.new_value,
                old_status: status_of(h.old_status)?,
                new_status: status_of(h.new_status)?,
                changed_at: h.changed_at,
                changed_by: h.changed_by,
            })
        })
        .collect::<Result<_>>()?;
    let values = values
        .into_iter()
        .map(|o| {
            Ok(ObservationView {
                year: o.year,
                value: o.value,
                status: stored_status(&o.status)?,
                source: o.source,
                note: o.note,
                sample: o.sample,
            })
        })
        .collect::<Result<_>>()?;
    Ok(IndicatorDetailView {
        status,
        department: indicator.department.clone(),
        source: indicator.source.clone(),
        milestones: indicator.milestones.iter().copied().map(year_value).collect(),
        values,
        history,
        notes: local
            .notes_of_indicator(strategy_id, code)?
            .into_iter()
            .map(|n| NoteView {
                year: n.year,
                text: n.text,
                created_at: n.created_at,
                created_by: n.created_by,
            })
            .collect(),
    })
}

/// A note typed in by hand, trimmed: refused when it holds a control character other than tab
/// and line breaks (NUL would cut the stored text short, ESC drive a terminal) or runs past
/// [`jst_import::MAX_NOTE_CHARS`] characters. The same rule as notes read from files.
fn typed_note(text: &str) -> Result<&str> {
    let text = text.trim();
    match jst_import::note_problem(text) {
        Some(message) => Err(Error::InvalidValue(message)),
        None => Ok(text),
    }
}

/// A value typed in by hand under the limit every reader holds files to (DESIGN §6): finite,
/// |x| ≤ 10^15; `-0` is 0.
fn typed_value(value: f64) -> Result<f64> {
    if !value.is_finite() {
        return Err(Error::InvalidValue(t!("core-value-not-a-number")));
    }
    if value.abs() > jst_import::MAX_ABS_VALUE {
        return Err(Error::InvalidValue(t!("core-value-too-large", value = value.to_string())));
    }
    Ok(value + 0.0)
}

/// Adds a note to an indicator of the active strategy.
pub(crate) fn add_indicator_note(
    local: &mut LocalStore,
    stamp: &Stamp,
    code: &str,
    year: Option<i32>,
    text: &str,
) -> Result<()> {
    let text = typed_note(text)?;
    if text.is_empty() {
        return Err(Error::InvalidValue(t!("core-note-empty")));
    }
    let (strategy_id, node_code, _) = attached_indicator(local, code)?;
    local.add_note(stamp, strategy_id, Some(&node_code), Some(code), year, text)?;
    Ok(())
}

/// Records a value typed in by hand (history keeps the old one). When the indicator would
/// show limited progress or deterioration in that year, an explanation note is required.
pub(crate) fn record_value(
    local: &mut LocalStore,
    stamp: &Stamp,
    input: &ValueInput,
) -> Result<()> {
    let invalid = |message: String| Error::InvalidValue(message);
    if !(1990..=2100).contains(&input.year) {
        return Err(invalid(t!("core-year-out-of-range", year = input.year)));
    }
    let value = typed_value(input.value)?;
    let note = input.note.as_deref().map(typed_note).transpose()?.filter(|n| !n.is_empty());
    let (_, node_code, indicator) = attached_indicator(local, &input.indicator)?;
    let baseline_year = indicator.baseline.year;
    if input.year < baseline_year {
        return Err(invalid(t!(
            "core-year-before-baseline",
            year = input.year,
            baseline = baseline_year
        )));
    }
    // The status the indicator would have in the value's year, with the value in place.
    let mut series: Vec<YearValue> = local
        .observations_of(&input.indicator)?
        .iter()
        .filter(|o| o.year != input.year)
        .map(|o| YearValue { year: o.year, value: o.value })
        .collect();
    series.push(YearValue { year: input.year, value });
    let thresholds = stored_thresholds(local)?;
    let (after, _) = indicator_status(&node_code, &indicator, &series, input.year, &thresholds);
    let needs_note = matches!(after.status, Status::LimitedProgress | Status::Deterioration);
    if needs_note && note.is_none() {
        return Err(Error::NoteRequired(after.status));
    }
    // Values typed into the demo are part of the demo: they leave with it.
    let demo = local.own_unit()?.is_some_and(|o| o.demo);
    let record = ObservationRecord {
        indicator: input.indicator.clone(),
        year: input.year,
        value,
        status: input.status.code().to_owned(),
        source: Some("wprowadzono ręcznie".to_owned()),
        note: note.map(str::to_owned),
        sample: demo,
    };
    local.upsert_observations(
        stamp,
        &format!("wartość {} za {}", input.indicator, input.year),
        &[record],
    )?;
    Ok(())
}
