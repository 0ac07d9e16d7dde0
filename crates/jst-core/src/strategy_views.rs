//! View types of strategy monitoring; the JSON of [`StrategyStatusView`] is the contract of
//! `jst strategy status --format json` (issue 3): numbers unrounded, directions in English.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct YearValueView {
    pub year: i32,
    pub value: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StrategyHeadView {
    pub name: String,
    pub period_from: i32,
    pub period_to: i32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProjectionView {
    pub value_at_target_year: f64,
    pub year_target_reached: Option<i32>,
    /// 80 % prediction interval `[lo, hi]`, with four points or more.
    pub interval: Option<(f64, f64)>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct IndicatorStatusView {
    pub node_code: String,
    pub code: String,
    pub name: String,
    pub unit: String,
    /// `increase | decrease | maintain` (effective direction).
    pub direction: String,
    pub baseline: YearValueView,
    pub target: YearValueView,
    pub latest: Option<YearValueView>,
    pub progress_pct: Option<f64>,
    pub r_observed: Option<f64>,
    pub r_required: Option<f64>,
    pub ratio: Option<f64>,
    /// `achieved | on_track | acceleration_needed | limited_progress | deterioration | no_data`
    pub status: String,
    pub target_missed: bool,
    pub projection: Option<ProjectionView>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NodeStatusView {
    pub code: String,
    pub parent_code: Option<String>,
    /// `cel_strategiczny | cel_operacyjny | kierunek_dzialan | zadanie`
    pub level: String,
    pub title: String,
    pub score: Option<f64>,
    pub status: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StrategyStatusView {
    pub strategy: StrategyHeadView,
    pub year: i32,
    pub indicators: Vec<IndicatorStatusView>,
    pub nodes: Vec<NodeStatusView>,
}

/// One finding of a validation report (`krytyczny | błąd | ostrzeżenie | informacja`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FindingView {
    pub severity: String,
    pub row: Option<u32>,
    pub column: Option<String>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StrategyImportView {
    pub file: String,
    pub strategy: StrategyHeadView,
    pub nodes: u32,
    pub indicators: u32,
    /// Indicator codes added to the catalogue as `local` entries.
    pub new_catalogue_entries: Vec<String>,
    pub findings: Vec<FindingView>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ValuesImportView {
    pub file: String,
    pub values: u32,
    pub findings: Vec<FindingView>,
}

impl From<&jst_import::Problem> for FindingView {
    fn from(p: &jst_import::Problem) -> Self {
        Self {
            severity: p.severity.label_pl().to_owned(),
            row: p.row.and_then(|r| u32::try_from(r).ok()),
            column: p.column.clone(),
            message: p.message.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ObservationView {
    pub year: i32,
    pub value: f64,
    /// `wstepne | ostateczne`
    pub status: String,
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
    pub old_status: Option<String>,
    pub new_status: Option<String>,
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

/// A strategy of the unit; one is active.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StrategyListItemView {
    pub id: i64,
    pub name: String,
    pub period_from: i32,
    pub period_to: i32,
    pub resolution_number: Option<String>,
    pub resolution_date: Option<String>,
    pub active: bool,
    pub sample: bool,
}

/// A value typed in by the officer.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ValueInput {
    pub indicator: String,
    pub year: i32,
    pub value: f64,
    /// `wstepne | ostateczne`
    pub status: String,
    /// Explanation; required when the value leaves the indicator with limited progress or
    /// deterioration.
    pub note: Option<String>,
}

/// Department responsible for an indicator attached to a node (for the UI's filters).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct IndicatorDepartmentView {
    pub node_code: String,
    pub code: String,
    pub department: Option<String>,
}

/// The Strategia screen: the status contract plus what the screen filters by.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StrategyOverviewView {
    pub status: StrategyStatusView,
    pub departments: Vec<IndicatorDepartmentView>,
    /// Demo sample strategy ("dane przykładowe").
    pub sample: bool,
}

/// The validation report of a file, shown before anything is written.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ImportCheckView {
    pub file: String,
    /// No critical or error finding: the file can be imported.
    pub ok: bool,
    pub findings: Vec<FindingView>,
    /// What the import would do (strategy templates).
    pub strategy: Option<StrategyHeadView>,
    pub nodes: u32,
    pub indicators: u32,
    pub values: u32,
}

impl From<StrategyImportView> for ImportCheckView {
    fn from(v: StrategyImportView) -> Self {
        Self {
            file: v.file,
            ok: true,
            findings: v.findings,
            strategy: Some(v.strategy),
            nodes: v.nodes,
            indicators: v.indicators,
            values: 0,
        }
    }
}

impl From<ValuesImportView> for ImportCheckView {
    fn from(v: ValuesImportView) -> Self {
        Self {
            file: v.file,
            ok: true,
            findings: v.findings,
            strategy: None,
            nodes: 0,
            indicators: 0,
            values: v.values,
        }
    }
}

/// Which importer a file goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ImportKind {
    Strategy,
    Values,
}

/// Progress of a check or an import: `stage` is `sprawdzanie` (rows checked of all rows) or
/// `zapis` (writing, 0 of 1 then 1 of 1).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ImportProgress {
    pub stage: String,
    pub done: u32,
    pub total: u32,
}
