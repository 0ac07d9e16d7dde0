//! What the core hands over for the strategy reports: finished figures of the active strategy in
//! an evaluation year (computed by DESIGN §5.1–5.4 in `jst-core`), the officer's words and the
//! report header. The report crate arranges them; it computes nothing but formatting.

use jst_domain::strategy::{Direction, NodeLevel, Status, Thresholds};
use jst_domain::Polarity;

use crate::Image;

#[derive(Debug, Clone, PartialEq)]
pub struct StrategyFigures {
    pub header: ReportHeader,
    pub strategy: StrategyFacts,
    /// The evaluation year.
    pub year: i32,
    /// `dd.mm.rrrr`.
    pub prepared_on: String,
    /// The demo's sample data: every page says so.
    pub sample: bool,
    /// The officer's introduction, typed in the window.
    pub introduction: Option<String>,
    /// Every node in tree order (a parent before its children).
    pub goals: Vec<GoalFigures>,
    /// Every attached indicator, in tree order.
    pub indicators: Vec<IndicatorFigures>,
    /// The own unit against its comparison group, for the strategy's catalogue indicators.
    pub peers: PeerFigures,
    /// The thresholds the statuses were computed with (settings, DESIGN §5.1), told in the
    /// method and the status key.
    pub thresholds: Thresholds,
}

/// The report header set once in the settings.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReportHeader {
    /// The unit's full name ("Gmina Miejska Kutno"); the register's name when not set.
    pub unit_name: String,
    /// The coat of arms.
    pub emblem: Option<Image>,
    pub author: Option<String>,
    pub department: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StrategyFacts {
    pub name: String,
    /// "uchwała nr … z dnia …", as the template gave it.
    pub resolution: Option<String>,
    pub period_from: i32,
    pub period_to: i32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GoalFigures {
    pub code: String,
    pub parent_code: Option<String>,
    pub level: NodeLevel,
    pub title: String,
    pub score: Option<f64>,
    pub status: Status,
    /// The officer's commentary on this goal for the year, typed in the window.
    pub commentary: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorFigures {
    pub node_code: String,
    pub code: String,
    pub name: String,
    pub unit: String,
    pub direction: Direction,
    pub baseline: YearValue,
    pub target: YearValue,
    pub milestones: Vec<YearValue>,
    /// The latest value with `baseline year < year ≤ evaluation year`.
    pub latest: Option<YearValue>,
    /// The value before the latest one (the baseline when there is none), for what changed.
    pub previous: Option<YearValue>,
    pub trend: Option<Trend>,
    pub progress_pct: Option<f64>,
    pub status: Status,
    pub target_missed: bool,
    pub projection: Option<ProjectionFigures>,
    /// Every stored value up to the evaluation year, by year.
    pub values: Vec<YearValue>,
    pub source: Option<String>,
    pub department: Option<String>,
    /// The officer's notes on the indicator for the evaluation year or without a year, oldest first.
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct YearValue {
    pub year: i32,
    pub value: f64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ProjectionFigures {
    pub value_at_target_year: f64,
    pub year_target_reached: Option<i32>,
}

/// How the latest value moved against the previous one, judged by the indicator's direction
/// (for `maintain`: towards or away from the target).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    Improved,
    Worsened,
    Unchanged,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PeerFigures {
    /// "gminy miejsko-wiejskie 50–100 tys. mieszkańców".
    pub group_label: String,
    /// Units in the group, the own unit included.
    pub group_size: u32,
    pub rows: Vec<PeerRow>,
    /// Catalogue indicators of the strategy without peer values for the year.
    pub without_data: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PeerRow {
    pub code: String,
    pub name: String,
    pub unit: String,
    pub polarity: Polarity,
    pub year: i32,
    pub own: Option<f64>,
    /// Units with a value, the own unit included.
    pub n: u32,
    pub q1: f64,
    pub median: f64,
    pub q3: f64,
    /// Quartile of the group the own unit falls in, 1 = best (neutral: highest values).
    pub quartile: Option<u8>,
}
