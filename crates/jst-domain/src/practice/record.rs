//! A practice as the desktop keeps it: the fields it searches and filters by, and the whole
//! object as the release carried it. One type from the release's reader (jst-sync) through the
//! demo to the peer store.

use super::{Practice, PracticeArea};
use crate::UnitKind;

/// A practice as kept: the searchable and filterable fields, and the whole JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct PracticeRecord {
    pub id: i64,
    pub title: String,
    pub area: PracticeArea,
    pub teryt: String,
    pub unit_name: String,
    pub unit_kind: UnitKind,
    pub population: Option<u64>,
    pub summary: String,
    pub presentation: String,
    pub keywords: Vec<String>,
    pub indicators: Vec<String>,
    pub json: String,
}

impl PracticeRecord {
    /// The record of a practice object read from `json` (its text as it came).
    pub fn of(practice: &Practice, json: String) -> Self {
        Self {
            id: practice.id,
            title: practice.title.clone(),
            area: practice.area,
            teryt: practice.teryt.clone(),
            unit_name: practice.unit_name.clone(),
            unit_kind: practice.unit_kind,
            population: practice.population,
            summary: practice.summary.clone(),
            presentation: practice.presentation.clone(),
            keywords: practice.keywords.clone(),
            indicators: practice.indicator_codes(),
            json,
        }
    }
}
