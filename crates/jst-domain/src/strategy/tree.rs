//! The strategy tree as the template describes it (DESIGN §4.1, §6).

use super::{Direction, YearValue};

/// Level of a node; a child is always of a deeper level than its parent.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum NodeLevel {
    CelStrategiczny,
    CelOperacyjny,
    KierunekDzialan,
    Zadanie,
}

impl NodeLevel {
    pub const ALL: [NodeLevel; 4] =
        [Self::CelStrategiczny, Self::CelOperacyjny, Self::KierunekDzialan, Self::Zadanie];

    pub fn code(self) -> &'static str {
        match self {
            Self::CelStrategiczny => "cel_strategiczny",
            Self::CelOperacyjny => "cel_operacyjny",
            Self::KierunekDzialan => "kierunek_dzialan",
            Self::Zadanie => "zadanie",
        }
    }

    pub fn label(self) -> String {
        match self {
            Self::CelStrategiczny => jst_text::t!("level-cel-strategiczny"),
            Self::CelOperacyjny => jst_text::t!("level-cel-operacyjny"),
            Self::KierunekDzialan => jst_text::t!("level-kierunek-dzialan"),
            Self::Zadanie => jst_text::t!("level-zadanie"),
        }
    }

    /// The Polish label, for documents that are Polish whatever the user's language.
    pub fn label_pl(self) -> String {
        jst_text::with_language(jst_text::Lang::Pl, || self.label())
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The next level down; a task (`zadanie`), the fourth level, has none.
    pub fn child(self) -> Option<Self> {
        Self::ALL.into_iter().find(|l| *l > self)
    }
}

/// An indicator attached to a node, with what the strategy wants of it.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeIndicator {
    pub code: String,
    pub name: String,
    pub unit: String,
    /// As given in the file; `None` follows the sign of target − baseline.
    pub direction: Option<Direction>,
    pub baseline: YearValue,
    pub target: YearValue,
    pub weight: f64,
    pub department: Option<String>,
    pub source: Option<String>,
    pub milestones: Vec<YearValue>,
}

impl NodeIndicator {
    /// The effective direction (a conflict was refused at import, so it falls back to the
    /// implied one here).
    pub fn direction(&self) -> Direction {
        Direction::resolve(self.direction, self.baseline.value, self.target.value)
            .unwrap_or_else(|c| c.implied)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct StrategyNode {
    pub code: String,
    pub parent_code: Option<String>,
    pub level: NodeLevel,
    pub title: String,
    pub weight: f64,
    pub indicators: Vec<NodeIndicator>,
}

/// A whole strategy tree in file order (parents before or after children, as the file has it).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StrategyTree {
    pub nodes: Vec<StrategyNode>,
}

impl StrategyTree {
    /// Earliest baseline year and latest target year: the default period of a strategy.
    pub fn span(&self) -> Option<(i32, i32)> {
        let indicators = self.nodes.iter().flat_map(|n| &n.indicators);
        let from = indicators.clone().map(|i| i.baseline.year).min()?;
        let to = indicators.map(|i| i.target.year).max()?;
        Some((from, to))
    }
}

/// Milestones as the template writes them: `2022=50|2025=70` (decimal comma or point).
pub fn format_milestones(milestones: &[YearValue]) -> String {
    milestones
        .iter()
        .map(|m| format!("{}={}", m.year, format_number(m.value)))
        .collect::<Vec<_>>()
        .join("|")
}

/// A number in the shortest form that reads back to the same `f64`, with a decimal comma as
/// Polish files use.
pub fn format_number(value: f64) -> String {
    format!("{value}").replace('.', ",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_ordered_from_goal_to_task() {
        assert!(NodeLevel::CelStrategiczny < NodeLevel::CelOperacyjny);
        assert!(NodeLevel::KierunekDzialan < NodeLevel::Zadanie);
        for level in NodeLevel::ALL {
            assert_eq!(NodeLevel::from_code(level.code()), Some(level));
        }
    }

    #[test]
    fn numbers_and_milestones_in_polish_form() {
        assert_eq!(format_number(12.5), "12,5");
        assert_eq!(format_number(70.0), "70");
        assert_eq!(format_number(0.1 + 0.2), "0,30000000000000004");
        let m = [YearValue { year: 2022, value: 50.0 }, YearValue { year: 2025, value: 70.5 }];
        assert_eq!(format_milestones(&m), "2022=50|2025=70,5");
    }
}
