//! One indicator of the active strategy: its detail and the entry of a value by hand.

use jst_domain::strategy::{NodeIndicator, Status, Thresholds, YearValue};
use jst_store::ObservationRecord;

use crate::monitor::stamp;
use crate::strategy::{indicator_status, year_value};
use crate::strategy_views::NoteView;
use crate::strategy_views::{HistoryEntryView, IndicatorDetailView, ObservationView, ValueInput};
use crate::{Error, Monitor, Result};

impl Monitor {
    /// The active strategy's id, and the first node `code` is attached to with its target.
    fn attached_indicator(&self, code: &str) -> Result<(i64, String, NodeIndicator)> {
        let (strategy, tree) = self.active_tree()?;
        tree.nodes
            .into_iter()
            .find_map(|n| {
                let code_matches = |i: &NodeIndicator| i.code == code;
                let indicator = n.indicators.into_iter().find(code_matches)?;
                Some((strategy.id, n.code, indicator))
            })
            .ok_or_else(|| Error::UnknownIndicator(code.to_owned()))
    }

    /// The indicator `code` of the active strategy as evaluated in `year`.
    pub fn indicator_detail(&self, code: &str, year: i32) -> Result<IndicatorDetailView> {
        let (strategy_id, node_code, indicator) = self.attached_indicator(code)?;
        let values = self.local.observations_of(code)?;
        let series: Vec<YearValue> =
            values.iter().map(|o| YearValue { year: o.year, value: o.value }).collect();
        let (status, _) =
            indicator_status(&node_code, &indicator, &series, year, &Thresholds::default());
        let history = self
            .local
            .history_of(code)?
            .into_iter()
            .map(|h| HistoryEntryView {
                year: h.year,
                old_value: h.old_value,
                new_value: h.new_value,
                old_status: h.old_status,
                new_status: h.new_status,
                changed_at: h.changed_at,
                changed_by: h.changed_by,
            })
            .collect();
        Ok(IndicatorDetailView {
            status,
            department: indicator.department.clone(),
            source: indicator.source.clone(),
            milestones: indicator.milestones.iter().copied().map(year_value).collect(),
            values: values
                .into_iter()
                .map(|o| ObservationView {
                    year: o.year,
                    value: o.value,
                    status: o.status,
                    source: o.source,
                    note: o.note,
                    sample: o.sample,
                })
                .collect(),
            history,
            notes: self
                .local
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

    /// Adds a note to an indicator of the active strategy.
    pub fn add_indicator_note(
        &mut self,
        code: &str,
        year: Option<i32>,
        text: &str,
        evaluation_year: i32,
    ) -> Result<IndicatorDetailView> {
        let text = text.trim();
        if text.is_empty() {
            return Err(Error::InvalidValue("notatka jest pusta".to_owned()));
        }
        let (strategy_id, node_code, _) = self.attached_indicator(code)?;
        self.local.add_note(&stamp(), strategy_id, Some(&node_code), Some(code), year, text)?;
        self.indicator_detail(code, evaluation_year)
    }

    /// Records a value typed in by hand (history keeps the old one). When the indicator would
    /// show limited progress or deterioration in that year, an explanation note is required.
    pub fn record_value(&mut self, input: &ValueInput, year: i32) -> Result<IndicatorDetailView> {
        let invalid = |message: String| Error::InvalidValue(message);
        if !(1990..=2100).contains(&input.year) {
            return Err(invalid(format!("rok {} spoza zakresu 1990–2100", input.year)));
        }
        if !input.value.is_finite() {
            return Err(invalid("wartość musi być liczbą".to_owned()));
        }
        if input.status != "wstepne" && input.status != "ostateczne" {
            return Err(invalid(format!(
                "status „{}” musi być wstepne albo ostateczne",
                input.status
            )));
        }
        let (_, node_code, indicator) = self.attached_indicator(&input.indicator)?;
        let baseline_year = indicator.baseline.year;
        if input.year < baseline_year {
            return Err(invalid(format!(
                "rok {} jest wcześniejszy niż rok bazowy {baseline_year}",
                input.year
            )));
        }
        // The status the indicator would have in the value's year, with the value in place.
        let mut series: Vec<YearValue> = self
            .local
            .observations_of(&input.indicator)?
            .iter()
            .filter(|o| o.year != input.year)
            .map(|o| YearValue { year: o.year, value: o.value })
            .collect();
        series.push(YearValue { year: input.year, value: input.value });
        let (after, _) =
            indicator_status(&node_code, &indicator, &series, input.year, &Thresholds::default());
        let note = input.note.as_deref().map(str::trim).filter(|n| !n.is_empty());
        let needs_note = [Status::LimitedProgress.code(), Status::Deterioration.code()]
            .contains(&after.status.as_str());
        if needs_note && note.is_none() {
            return Err(Error::NoteRequired(after.status.clone()));
        }
        // Values typed into the demo are part of the demo: they leave with it.
        let demo = self.local.own_unit()?.is_some_and(|o| o.demo);
        let record = ObservationRecord {
            indicator: input.indicator.clone(),
            year: input.year,
            value: input.value,
            status: input.status.clone(),
            source: Some("wprowadzono ręcznie".to_owned()),
            note: note.map(str::to_owned),
            sample: demo,
        };
        self.local.upsert_observations(
            &stamp(),
            &format!("wartość {} za {}", input.indicator, input.year),
            &[record],
        )?;
        self.indicator_detail(&input.indicator, year)
    }
}
