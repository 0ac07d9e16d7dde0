//! The rules a strategy definition obeys (DESIGN §4.1, §5.1, §6), shared by the template
//! importer and the strategy editor of the window, so both refuse the same things with the
//! same Polish words. Each rule answers with the message, or `None` when the input is fine;
//! the caller says where (a file's row and column, or a field of a form).

use std::collections::{HashMap, HashSet};

use jst_domain::strategy::{
    format_number, Direction, NodeIndicator, NodeLevel, StrategyNode, YearValue,
};

use jst_text::t;

use crate::Severity;

/// Years a strategy may name (baseline, target, milestones).
pub const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

/// An indicator code is one namespace of `[A-Z0-9_]+` (DESIGN §4.1).
pub fn indicator_code_problem(code: &str) -> Option<String> {
    let valid = !code.is_empty()
        && code.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
    (!valid).then(|| t!("import-rule-indicator-code", code = code))
}

/// A year within [`YEARS`].
pub fn year_problem(year: i32) -> Option<String> {
    (!YEARS.contains(&year)).then(|| year_message(&year.to_string()))
}

/// The message for a year outside [`YEARS`] (or not a year), as the user wrote it.
pub fn year_message(raw: &str) -> String {
    t!("import-rule-year", year = raw)
}

/// A typed value under the limit every reader holds files to: finite, |x| ≤ 10^15.
pub fn value_problem(value: f64) -> Option<String> {
    if !value.is_finite() {
        return Some(t!("import-rule-value-not-a-number"));
    }
    (value.abs() > crate::MAX_ABS_VALUE)
        .then(|| t!("import-rule-value-too-large", value = value.to_string()))
}

/// A weight (of a node in its parent, of an indicator in its node) is a number ≥ 0; 0 leaves
/// the item out of the roll-up.
pub fn weight_problem(weight: f64) -> Option<String> {
    let valid = weight.is_finite() && (0.0..=crate::MAX_ABS_VALUE).contains(&weight);
    (!valid).then(|| weight_message(&format_number(weight)))
}

/// The message of [`weight_problem`] for a weight as the user wrote it.
pub fn weight_message(shown: &str) -> String {
    t!("import-rule-weight", weight = shown)
}

/// The target year comes after the baseline year.
pub fn target_year_problem(baseline_year: i32, target_year: i32) -> Option<String> {
    (target_year <= baseline_year)
        .then(|| t!("import-rule-target-year", target = target_year, baseline = baseline_year))
}

/// A given direction that contradicts the sign of target − baseline (DESIGN §5.1).
pub fn direction_problem(given: Option<Direction>, baseline: f64, target: f64) -> Option<String> {
    Direction::resolve(given, baseline, target).err().map(|conflict| {
        t!(
            "import-rule-direction",
            given = conflict.given.code_pl(),
            baseline = baseline.to_string(),
            target = target.to_string(),
            implied = conflict.implied.code_pl()
        )
    })
}

/// A given `utrzymanie` with target ≠ baseline: allowed, but worth saying how it is evaluated.
pub fn maintain_note(
    code: &str,
    given: Option<Direction>,
    baseline: f64,
    target: f64,
) -> Option<String> {
    (given == Some(Direction::Maintain) && baseline != target)
        .then(|| t!("import-rule-maintain", code = code))
}

/// A node's title is required.
pub fn title_problem(node_code: &str, title: &str) -> Option<String> {
    title.trim().is_empty().then(|| t!("import-rule-node-title", node = node_code))
}

/// An indicator's name is required.
pub fn indicator_name_problem(code: &str, name: &str) -> Option<String> {
    name.trim().is_empty().then(|| t!("import-rule-indicator-name", code = code))
}

/// A missing unit of measure is a warning: the value still reads, its unit does not.
pub fn unit_warning(code: &str, unit: &str) -> Option<String> {
    unit.trim().is_empty().then(|| t!("import-rule-indicator-unit", code = code))
}

/// One indicator is attached to a node once.
pub fn attached_twice(code: &str, node_code: &str) -> String {
    t!("import-rule-attached-twice", code = code, node = node_code)
}

/// A child is of a deeper level than its parent (DESIGN §4.1), so a task has no children.
pub fn level_problem(
    code: &str,
    level: NodeLevel,
    parent_code: &str,
    parent_level: NodeLevel,
) -> Option<String> {
    (parent_level >= level).then(|| {
        t!(
            "import-rule-level",
            code = code,
            level = level.code(),
            parent = parent_code,
            parent_level = parent_level.code()
        )
    })
}

/// A milestone repeats a year of the same indicator.
pub fn milestone_repeated(year: i32) -> String {
    t!("import-rule-milestone-repeated", year = year)
}

/// A milestone lies after the baseline year and no later than the target year.
pub fn milestone_period_problem(year: i32, baseline_year: i32, target_year: i32) -> Option<String> {
    (year <= baseline_year || year > target_year)
        .then(|| t!("import-rule-milestone-period", year = year))
}

/// What the whole tree check finds, by node (its index in the tree).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeProblem {
    pub node: usize,
    /// The template column the problem is in (`kod_nadrzedny`, `poziom`, `wskaznik_kod`).
    pub column: &'static str,
    /// The indicator the problem is about, if any.
    pub indicator: Option<String>,
    pub message: String,
    pub severity: Severity,
}

/// The checks that need the whole tree: parents exist and are of a shallower level, no cycles,
/// and one indicator code means one indicator (the same baseline and target wherever attached;
/// values are shared by code). `line` names a node in messages (a row of a file).
pub fn tree_problems(nodes: &[StrategyNode], line: &dyn Fn(usize) -> String) -> Vec<TreeProblem> {
    let by_code: HashMap<&str, usize> =
        nodes.iter().enumerate().map(|(i, n)| (n.code.as_str(), i)).collect();
    let mut out = Vec::new();
    let error = |node: usize, column: &'static str, message: String| TreeProblem {
        node,
        column,
        indicator: None,
        message,
        severity: Severity::Blad,
    };
    for (index, node) in nodes.iter().enumerate() {
        let Some(parent_code) = &node.parent_code else { continue };
        match by_code.get(parent_code.as_str()) {
            None => out.push(error(
                index,
                "kod_nadrzedny",
                t!("import-rule-unknown-parent", parent = parent_code, node = &node.code),
            )),
            Some(&p) => {
                if let Some(message) =
                    level_problem(&node.code, node.level, parent_code, nodes[p].level)
                {
                    out.push(error(index, "poziom", message));
                }
            }
        }
    }
    // Cycles: follow parents from every node; a chain that meets itself loops.
    let mut reported: HashSet<usize> = HashSet::new();
    for start in 0..nodes.len() {
        let mut path = vec![start];
        let mut current = start;
        while let Some(&parent) = nodes[current].parent_code.as_deref().and_then(|c| by_code.get(c))
        {
            if let Some(pos) = path.iter().position(|&p| p == parent) {
                let cycle: Vec<usize> = path[pos..].to_vec();
                if cycle.iter().all(|c| !reported.contains(c)) {
                    let codes: Vec<&str> =
                        cycle.iter().chain([&parent]).map(|&i| nodes[i].code.as_str()).collect();
                    out.push(error(
                        parent,
                        "kod_nadrzedny",
                        t!("import-rule-cycle", codes = codes.join(" → ")),
                    ));
                    reported.extend(cycle);
                }
                break;
            }
            path.push(parent);
            current = parent;
        }
    }
    let mut seen: HashMap<&str, (usize, &NodeIndicator)> = HashMap::new();
    for (index, node) in nodes.iter().enumerate() {
        for indicator in &node.indicators {
            match seen.get(indicator.code.as_str()) {
                Some((first_node, first))
                    if first.baseline != indicator.baseline || first.target != indicator.target =>
                {
                    out.push(TreeProblem {
                        node: index,
                        column: "wskaznik_kod",
                        indicator: Some(indicator.code.clone()),
                        message: t!(
                            "import-rule-indicator-differs",
                            code = &indicator.code,
                            first = line(*first_node)
                        ),
                        severity: Severity::Ostrzezenie,
                    });
                }
                Some(_) => {}
                None => {
                    seen.insert(&indicator.code, (index, indicator));
                }
            }
        }
    }
    out
}

/// Milestones as the editor receives them, checked: years in range and within the period,
/// none repeated, values finite. Returns the problems (an empty list when all are fine).
pub fn milestones_problems(
    milestones: &[YearValue],
    baseline_year: i32,
    target_year: i32,
) -> Vec<String> {
    let mut out = Vec::new();
    let mut years = HashSet::new();
    for m in milestones {
        if !YEARS.contains(&m.year) {
            out.push(year_message(&m.year.to_string()));
        } else if !years.insert(m.year) {
            out.push(milestone_repeated(m.year));
        } else if let Some(p) = milestone_period_problem(m.year, baseline_year, target_year) {
            out.push(p);
        }
        if let Some(p) = value_problem(m.value) {
            out.push(t!("import-rule-milestone-value", year = m.year, problem = p));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(code: &str, parent: Option<&str>, level: NodeLevel) -> StrategyNode {
        StrategyNode {
            code: code.into(),
            parent_code: parent.map(Into::into),
            level,
            title: code.into(),
            weight: 1.0,
            indicators: Vec::new(),
        }
    }

    #[test]
    fn single_rules() {
        assert!(indicator_code_problem("WSK_1").is_none());
        assert!(indicator_code_problem("wsk").is_some_and(|m| m.contains("wielkie litery")));
        assert!(year_problem(2030).is_none() && year_problem(1989).is_some());
        assert!(target_year_problem(2020, 2020).is_some_and(|m| m.contains("późniejszy")));
        assert!(direction_problem(Some(Direction::Decrease), 1.0, 2.0)
            .is_some_and(|m| m.contains("przeczy") && m.contains("wzrost")));
        assert!(direction_problem(None, 1.0, 2.0).is_none());
        assert!(weight_problem(0.0).is_none() && weight_problem(-1.0).is_some());
        assert!(weight_problem(f64::NAN).is_some());
        assert!(value_problem(2e15).is_some() && value_problem(f64::INFINITY).is_some());
        assert!(level_problem("1.1", NodeLevel::Zadanie, "1", NodeLevel::Zadanie).is_some());
        assert_eq!(
            milestones_problems(
                &[
                    YearValue { year: 2025, value: 1.0 },
                    YearValue { year: 2025, value: 2.0 },
                    YearValue { year: 2019, value: 2.0 }
                ],
                2019,
                2030
            )
            .len(),
            2
        );
    }

    #[test]
    fn tree_checks_parents_levels_and_cycles() {
        let nodes = vec![
            node("1", None, NodeLevel::CelStrategiczny),
            node("1.1", Some("1"), NodeLevel::CelOperacyjny),
            node("2", Some("9"), NodeLevel::CelOperacyjny),
            node("3", Some("4"), NodeLevel::Zadanie),
            node("4", Some("3"), NodeLevel::KierunekDzialan),
        ];
        let problems = tree_problems(&nodes, &|i| format!("w wierszu {i}"));
        let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        assert!(messages.iter().any(|m| m.contains("nieznany kod nadrzędny „9”")), "{messages:?}");
        assert!(messages.iter().any(|m| m.contains("cykl")), "{messages:?}");
        assert!(messages.iter().any(|m| m.contains("niższy poziom")), "{messages:?}");
        assert!(tree_problems(&nodes[..2], &|_| String::new()).is_empty());
    }
}
