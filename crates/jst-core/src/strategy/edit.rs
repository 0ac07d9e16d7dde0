//! The strategy editor of the window (DESIGN §4.1, §12): the active strategy's nodes and their
//! indicators added, changed, moved and removed one edit at a time. Every edit is checked by
//! the rules the template import applies (`jst_import::strategy_rules`: each field, then the
//! whole tree as it would be after the edit); a refused edit writes nothing and names the
//! field. An accepted one is written in one audited transaction that first copies the
//! definition to the undo stack (`undo.rs` takes it back).

use std::collections::{HashMap, HashSet};

use jst_domain::strategy::{
    Direction, NodeIndicator, NodeLevel, StrategyNode, StrategyTree, YearValue,
};
use jst_import::strategy_rules as rules;
use jst_import::Severity;
use jst_store::{IndicatorRecord, LocalStore, NewNode, Stamp, StrategyEditRecord};
use jst_text::t;
use serde::{Deserialize, Serialize};

use super::status::{active_tree, year_value, StrategyHeadView, YearValueView};
use super::template::strategy_catalogue_entry;
use crate::{Error, Result};

/// The indicator columns of a template row: what the editor shows of an attached indicator
/// and sends back when adding or changing one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct IndicatorFields {
    /// A catalogue code, or a new one (`[A-Z0-9_]+`) that becomes a `local` catalogue entry.
    pub code: String,
    pub name: String,
    pub unit: String,
    /// As given; null follows the sign of target − baseline (DESIGN §5.1).
    pub direction: Option<Direction>,
    pub baseline: YearValueView,
    pub target: YearValueView,
    /// The indicator's weight in its node (≥ 0).
    pub weight: f64,
    /// Responsible department (`komorka`).
    pub department: Option<String>,
    pub source: Option<String>,
    pub milestones: Vec<YearValueView>,
}

/// One change to the active strategy's definition.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum StrategyEdit {
    /// A node as the last child of `parent_code` (null: at the top). Without a `code` the
    /// next free one is made from the parent's (`1.2` → `1.2.3`).
    AddNode {
        parent_code: Option<String>,
        code: Option<String>,
        level: NodeLevel,
        title: String,
        weight: f64,
    },
    /// A node's title (renaming) and its weight in its parent.
    UpdateNode {
        code: String,
        title: String,
        weight: f64,
    },
    /// A node (with its subtree) under another parent (null: the top level), at `position`
    /// among its new siblings (0 first; past the end: last).
    MoveNode {
        code: String,
        parent_code: Option<String>,
        position: u32,
    },
    /// A node with its whole subtree and their indicators; values and notes stay by code.
    RemoveNode {
        code: String,
    },
    AddIndicator {
        node_code: String,
        indicator: IndicatorFields,
    },
    /// Every field of the indicator `indicator.code` attached to `node_code`.
    UpdateIndicator {
        node_code: String,
        indicator: IndicatorFields,
    },
    /// Detaches an indicator from a node; its values and notes stay by code.
    RemoveIndicator {
        node_code: String,
        code: String,
    },
}

/// The field of the editor's forms a problem is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum EditField {
    NodeCode,
    ParentCode,
    Level,
    Title,
    NodeWeight,
    IndicatorCode,
    IndicatorName,
    Unit,
    Direction,
    BaselineYear,
    BaselineValue,
    TargetYear,
    TargetValue,
    IndicatorWeight,
    Department,
    Source,
    Milestones,
}

impl EditField {
    /// The field's name in messages (the CLI's and the error's text), in the user's language.
    pub fn label(self) -> String {
        match self {
            Self::NodeCode => t!("core-edit-field-node-code"),
            Self::ParentCode => t!("core-edit-field-parent-code"),
            Self::Level => t!("core-edit-field-level"),
            Self::Title => t!("core-edit-field-title"),
            Self::NodeWeight => t!("core-edit-field-node-weight"),
            Self::IndicatorCode => t!("core-edit-field-indicator-code"),
            Self::IndicatorName => t!("core-edit-field-indicator-name"),
            Self::Unit => t!("core-edit-field-unit"),
            Self::Direction => t!("core-edit-field-direction"),
            Self::BaselineYear => t!("core-edit-field-baseline-year"),
            Self::BaselineValue => t!("core-edit-field-baseline-value"),
            Self::TargetYear => t!("core-edit-field-target-year"),
            Self::TargetValue => t!("core-edit-field-target-value"),
            Self::IndicatorWeight => t!("core-edit-field-indicator-weight"),
            Self::Department => t!("core-edit-field-department"),
            Self::Source => t!("core-edit-field-source"),
            Self::Milestones => t!("core-edit-field-milestones"),
        }
    }

    /// The Polish name, whatever the user's language.
    pub fn label_pl(self) -> String {
        jst_text::with_language(jst_text::Lang::Pl, || self.label())
    }

    /// The field a template column's problem belongs to.
    fn of_column(column: &str) -> Self {
        match column {
            "kod_nadrzedny" => Self::ParentCode,
            "poziom" => Self::Level,
            "wskaznik_kod" => Self::IndicatorCode,
            _ => Self::NodeCode,
        }
    }
}

/// Why an edit cannot be made, beside the field it is about.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct EditProblemView {
    pub field: EditField,
    pub message: String,
}

/// What "cofnij" would undo.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct UndoStateView {
    /// What the edit did, in Polish („dodano wskaźnik WSK_A do węzła 1.1”).
    pub label: String,
    /// When (RFC 3339, UTC) and by whom it was made.
    pub at: String,
    pub by: String,
    /// How many edits can be undone one after another (at most 50).
    pub depth: u32,
}

/// A node of the active strategy as the editor shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DefinitionNodeView {
    pub code: String,
    pub parent_code: Option<String>,
    pub level: NodeLevel,
    pub title: String,
    /// The node's weight in its parent.
    pub weight: f64,
    pub indicators: Vec<IndicatorFields>,
}

/// The active strategy's definition (what the template holds), for the editor.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StrategyDefinitionView {
    pub strategy: StrategyHeadView,
    /// Demo sample strategy ("dane przykładowe").
    pub sample: bool,
    /// In saved order: a parent's children in their order among themselves.
    pub nodes: Vec<DefinitionNodeView>,
    pub undo: Option<UndoStateView>,
}

/// What an edit (or its undo) did, with the definition after it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StrategyEditView {
    /// In Polish: „dodano wskaźnik WSK_A do węzła 1.1”, „cofnięto: …”, „bez zmian”.
    pub done: String,
    /// False when the edit changed nothing (nothing was written).
    pub changed: bool,
    /// Findings that do not stop the edit, as the import's warnings (a missing unit, the same
    /// indicator with another baseline or target elsewhere).
    pub warnings: Vec<String>,
    pub definition: StrategyDefinitionView,
}

/// The active strategy's definition and what "cofnij" would undo.
pub(crate) fn strategy_definition(local: &LocalStore) -> Result<StrategyDefinitionView> {
    let (strategy, tree) = active_tree(local)?;
    let undo = local.last_strategy_edit(strategy.id)?.map(undo_state);
    let nodes = tree
        .nodes
        .into_iter()
        .map(|n| DefinitionNodeView {
            indicators: n.indicators.iter().map(fields_of).collect(),
            code: n.code,
            parent_code: n.parent_code,
            level: n.level,
            title: n.title,
            weight: n.weight,
        })
        .collect();
    Ok(StrategyDefinitionView {
        strategy: (&strategy).into(),
        sample: strategy.sample,
        nodes,
        undo,
    })
}

pub(super) fn undo_state(r: StrategyEditRecord) -> UndoStateView {
    UndoStateView { label: r.label, at: r.at, by: r.by, depth: r.depth }
}

fn fields_of(i: &NodeIndicator) -> IndicatorFields {
    IndicatorFields {
        code: i.code.clone(),
        name: i.name.clone(),
        unit: i.unit.clone(),
        direction: i.direction,
        baseline: year_value(i.baseline),
        target: year_value(i.target),
        weight: i.weight,
        department: i.department.clone(),
        source: i.source.clone(),
        milestones: i.milestones.iter().copied().map(year_value).collect(),
    }
}

/// The problems that would refuse `edit` (none: it can be made). Writes nothing.
pub(crate) fn check_strategy_edit(
    local: &LocalStore,
    edit: &StrategyEdit,
) -> Result<Vec<EditProblemView>> {
    let (_, tree) = active_tree(local)?;
    Ok(plan(local, &tree, edit)?.err().unwrap_or_default())
}

/// Makes one edit of the active strategy, or refuses it (`invalid_input`, naming the fields)
/// writing nothing.
pub(crate) fn edit_strategy(
    local: &mut LocalStore,
    stamp: &Stamp,
    edit: &StrategyEdit,
) -> Result<StrategyEditView> {
    let (strategy, tree) = active_tree(local)?;
    let plan = plan(local, &tree, edit)?.map_err(|problems| refusal(&problems))?;
    if plan.changed {
        write(local, stamp, strategy.id, edit, &plan)?;
    }
    Ok(StrategyEditView {
        done: plan.label,
        changed: plan.changed,
        warnings: plan.warnings,
        definition: strategy_definition(local)?,
    })
}

/// The error of a refused edit: every problem with its field.
fn refusal(problems: &[EditProblemView]) -> Error {
    let text: Vec<String> =
        problems.iter().map(|p| format!("{}: {}", p.field.label(), p.message)).collect();
    Error::InvalidValue(text.join("; "))
}

/// A checked edit: what it does, the resolved values the store needs, and what to say.
struct Plan {
    label: String,
    changed: bool,
    warnings: Vec<String>,
    /// The node added (its code may have been made up) or the indicator added or changed.
    node: Option<StrategyNode>,
    indicator: Option<NodeIndicator>,
    new_entry: Option<IndicatorRecord>,
    /// Every node code in its new order (a move); the codes removed (a removal).
    codes: Vec<String>,
}

impl Plan {
    fn new(label: String) -> Self {
        Self {
            label,
            changed: true,
            warnings: Vec::new(),
            node: None,
            indicator: None,
            new_entry: None,
            codes: Vec::new(),
        }
    }
}

/// Problems gathered field by field.
#[derive(Default)]
struct Problems(Vec<EditProblemView>);

impl Problems {
    fn add(&mut self, field: EditField, message: Option<String>) {
        if let Some(message) = message {
            self.0.push(EditProblemView { field, message });
        }
    }

    fn text(&mut self, field: EditField, text: &str) {
        let problem = jst_import::forbidden_control(text)
            .map(|c| jst_import::control_message(&field.label(), c));
        self.add(field, problem);
    }
}

/// A node of the tree by code.
fn find<'t>(tree: &'t StrategyTree, code: &str) -> Option<&'t StrategyNode> {
    tree.nodes.iter().find(|n| n.code == code)
}

fn no_node(code: &str) -> String {
    t!("core-edit-no-node", code = code)
}

/// Checks `edit` against the tree as it is and as it would be after it. The outer error is
/// the store's; the inner one the edit's problems.
fn plan(
    local: &LocalStore,
    tree: &StrategyTree,
    edit: &StrategyEdit,
) -> Result<std::result::Result<Plan, Vec<EditProblemView>>> {
    let mut problems = Problems::default();
    let mut after = tree.clone();
    let plan = match edit {
        StrategyEdit::AddNode { parent_code, code, level, title, weight } => {
            let parent_code = parent_code.as_deref().map(str::trim).filter(|p| !p.is_empty());
            let code = match code.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
                Some(code) => code.to_owned(),
                None => next_code(tree, parent_code),
            };
            problems.text(EditField::NodeCode, &code);
            if find(tree, &code).is_some() {
                problems.add(EditField::NodeCode, Some(t!("core-edit-code-taken", code = &code)));
            }
            if let Some(parent) = parent_code {
                match find(tree, parent) {
                    None => problems.add(EditField::ParentCode, Some(no_node(parent))),
                    Some(p) if p.level.child().is_none() => problems.add(
                        EditField::ParentCode,
                        Some(t!(
                            "core-edit-lowest-level",
                            parent = parent,
                            level = p.level.label()
                        )),
                    ),
                    Some(p) => problems.add(
                        EditField::Level,
                        rules::level_problem(&code, *level, parent, p.level),
                    ),
                }
            }
            let title = title.trim();
            problems.add(EditField::Title, rules::title_problem(&code, title));
            problems.text(EditField::Title, title);
            problems.add(EditField::NodeWeight, rules::weight_problem(*weight));
            let node = StrategyNode {
                code: code.clone(),
                parent_code: parent_code.map(str::to_owned),
                level: *level,
                title: title.to_owned(),
                weight: *weight + 0.0,
                indicators: Vec::new(),
            };
            after.nodes.push(node.clone());
            let mut plan = Plan::new(t!(
                "core-edit-node-added",
                level = level.label(),
                code = &code,
                title = title
            ));
            plan.node = Some(node);
            plan
        }
        StrategyEdit::UpdateNode { code, title, weight } => {
            let Some(node) = find(tree, code) else {
                return Ok(Err(vec![EditProblemView {
                    field: EditField::NodeCode,
                    message: no_node(code),
                }]));
            };
            let title = title.trim();
            problems.add(EditField::Title, rules::title_problem(code, title));
            problems.text(EditField::Title, title);
            problems.add(EditField::NodeWeight, rules::weight_problem(*weight));
            let renamed = node.title != title;
            let reweighted = node.weight != *weight;
            let what = match (renamed, reweighted) {
                (true, true) => "title-weight",
                (true, false) => "title",
                _ => "weight",
            };
            let mut plan = Plan::new(t!("core-edit-node-changed", what = what, code = code));
            plan.changed = renamed || reweighted;
            plan.node = Some(StrategyNode {
                title: title.to_owned(),
                weight: *weight + 0.0,
                ..node.clone()
            });
            plan
        }
        StrategyEdit::MoveNode { code, parent_code, position } => {
            let Some(node) = find(tree, code) else {
                return Ok(Err(vec![EditProblemView {
                    field: EditField::NodeCode,
                    message: no_node(code),
                }]));
            };
            let parent_code = parent_code.as_deref().filter(|p| !p.is_empty());
            if let Some(parent) = parent_code {
                match find(tree, parent) {
                    None => problems.add(EditField::ParentCode, Some(no_node(parent))),
                    Some(_) if subtree(tree, code).contains(&parent.to_owned()) => problems.add(
                        EditField::ParentCode,
                        Some(t!("core-edit-move-into-itself", code = code, parent = parent)),
                    ),
                    Some(p) => problems.add(
                        EditField::ParentCode,
                        rules::level_problem(code, node.level, parent, p.level),
                    ),
                }
            }
            let order = moved_order(tree, code, parent_code, *position as usize);
            for n in after.nodes.iter_mut().filter(|n| n.code == *code) {
                n.parent_code = parent_code.map(str::to_owned);
            }
            reorder(&mut after, &order);
            let same_parent = node.parent_code.as_deref() == parent_code;
            let label = match parent_code {
                _ if same_parent => t!("core-edit-node-reordered", code = code),
                Some(parent) => t!("core-edit-node-moved", code = code, parent = parent),
                None => t!("core-edit-node-moved-to-top", code = code),
            };
            let mut plan = Plan::new(label);
            plan.changed = !same_parent || sibling_order(tree, code) != sibling_order(&after, code);
            plan.codes = order;
            plan
        }
        StrategyEdit::RemoveNode { code } => {
            let Some(node) = find(tree, code) else {
                return Ok(Err(vec![EditProblemView {
                    field: EditField::NodeCode,
                    message: no_node(code),
                }]));
            };
            let codes = subtree(tree, code);
            let indicators: usize = tree
                .nodes
                .iter()
                .filter(|n| codes.contains(&n.code))
                .map(|n| n.indicators.len())
                .sum();
            after.nodes.retain(|n| !codes.contains(&n.code));
            let label = if codes.len() > 1 || indicators > 0 {
                t!(
                    "core-edit-node-removed-with-children",
                    code = code,
                    title = &node.title,
                    nodes = codes.len() - 1,
                    indicators = indicators
                )
            } else {
                t!("core-edit-node-removed", code = code, title = &node.title)
            };
            let mut plan = Plan::new(label);
            plan.codes = codes;
            plan
        }
        StrategyEdit::AddIndicator { node_code, indicator }
        | StrategyEdit::UpdateIndicator { node_code, indicator } => {
            let adding = matches!(edit, StrategyEdit::AddIndicator { .. });
            let Some(node) = find(tree, node_code) else {
                return Ok(Err(vec![EditProblemView {
                    field: EditField::NodeCode,
                    message: no_node(node_code),
                }]));
            };
            let (checked, mut warnings) = checked_indicator(indicator, &mut problems);
            let attached = node.indicators.iter().find(|i| i.code == checked.code);
            match (adding, attached) {
                (true, Some(_)) => problems.add(
                    EditField::IndicatorCode,
                    Some(rules::attached_twice(&checked.code, node_code)),
                ),
                (false, None) => problems.add(
                    EditField::IndicatorCode,
                    Some(t!(
                        "core-edit-indicator-not-in-node",
                        code = &checked.code,
                        node = node_code
                    )),
                ),
                _ => {}
            }
            let new_entry = if adding
                && rules::indicator_code_problem(&checked.code).is_none()
                && !local.has_indicator(&checked.code)?
            {
                warnings.push(t!("core-edit-indicator-local", code = &checked.code));
                Some(strategy_catalogue_entry(&checked, "local"))
            } else {
                None
            };
            let target = after.nodes.iter_mut().find(|n| n.code == *node_code);
            if let Some(target) = target {
                match target.indicators.iter_mut().find(|i| i.code == checked.code) {
                    Some(existing) if !adding => *existing = checked.clone(),
                    _ => target.indicators.push(checked.clone()),
                }
            }
            let label = if adding {
                t!("core-edit-indicator-added", code = &checked.code, node = node_code)
            } else {
                t!("core-edit-indicator-changed", code = &checked.code, node = node_code)
            };
            let mut plan = Plan::new(label);
            plan.changed = adding || attached != Some(&checked);
            plan.warnings = warnings;
            plan.indicator = Some(checked);
            plan.new_entry = new_entry;
            plan
        }
        StrategyEdit::RemoveIndicator { node_code, code } => {
            let attached =
                find(tree, node_code).map(|n| n.indicators.iter().any(|i| i.code == *code));
            match attached {
                None => problems.add(EditField::NodeCode, Some(no_node(node_code))),
                Some(false) => problems.add(
                    EditField::IndicatorCode,
                    Some(t!("core-edit-indicator-not-in-node", code = code, node = node_code)),
                ),
                Some(true) => {}
            }
            for n in after.nodes.iter_mut().filter(|n| n.code == *node_code) {
                n.indicators.retain(|i| i.code != *code);
            }
            Plan::new(t!("core-edit-indicator-removed", code = code, node = node_code))
        }
    };
    // The whole tree after the edit, as the import checks it: its errors are a safety net
    // behind the field checks (said only when those found nothing, so nothing is said twice);
    // its warnings about the edited indicator are passed on.
    let edited_indicator = plan.indicator.as_ref().map(|i| i.code.clone());
    let mut plan = plan;
    let fields_refused = !problems.0.is_empty();
    for p in rules::tree_problems(&after.nodes, &|i| {
        t!("core-edit-in-node", code = &after.nodes[i].code)
    }) {
        if p.severity.stops_import() {
            if !fields_refused {
                problems.add(EditField::of_column(p.column), Some(p.message));
            }
        } else if p.severity == Severity::Ostrzezenie
            && p.indicator.is_some()
            && p.indicator == edited_indicator
        {
            plan.warnings.push(p.message);
        }
    }
    if !problems.0.is_empty() {
        return Ok(Err(problems.0));
    }
    Ok(Ok(plan))
}

/// The indicator the fields describe, trimmed, with the problems of each field and the
/// warnings (as the import gives them).
fn checked_indicator(f: &IndicatorFields, problems: &mut Problems) -> (NodeIndicator, Vec<String>) {
    let code = f.code.trim().to_owned();
    let text = |t: &str| t.trim().to_owned();
    let optional = |t: &Option<String>| {
        t.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned)
    };
    let indicator = NodeIndicator {
        name: text(&f.name),
        unit: text(&f.unit),
        direction: f.direction,
        baseline: YearValue { year: f.baseline.year, value: f.baseline.value + 0.0 },
        target: YearValue { year: f.target.year, value: f.target.value + 0.0 },
        weight: f.weight + 0.0,
        department: optional(&f.department),
        source: optional(&f.source),
        milestones: {
            let mut m: Vec<YearValue> = f
                .milestones
                .iter()
                .map(|m| YearValue { year: m.year, value: m.value + 0.0 })
                .collect();
            m.sort_by_key(|m| m.year);
            m
        },
        code,
    };
    let i = &indicator;
    problems.add(EditField::IndicatorCode, rules::indicator_code_problem(&i.code));
    problems.add(EditField::IndicatorName, rules::indicator_name_problem(&i.code, &i.name));
    problems.text(EditField::IndicatorName, &i.name);
    problems.text(EditField::Unit, &i.unit);
    problems.add(EditField::BaselineYear, rules::year_problem(i.baseline.year));
    problems.add(EditField::TargetYear, rules::year_problem(i.target.year));
    problems.add(EditField::TargetYear, rules::target_year_problem(i.baseline.year, i.target.year));
    let baseline = rules::value_problem(i.baseline.value);
    let target = rules::value_problem(i.target.value);
    let values_ok = baseline.is_none() && target.is_none();
    problems.add(EditField::BaselineValue, baseline);
    problems.add(EditField::TargetValue, target);
    if values_ok {
        problems.add(
            EditField::Direction,
            rules::direction_problem(i.direction, i.baseline.value, i.target.value),
        );
    }
    problems.add(EditField::IndicatorWeight, rules::weight_problem(i.weight));
    for (field, text) in [(EditField::Department, &i.department), (EditField::Source, &i.source)] {
        problems.text(field, text.as_deref().unwrap_or_default());
    }
    for message in rules::milestones_problems(&i.milestones, i.baseline.year, i.target.year) {
        problems.add(EditField::Milestones, Some(message));
    }
    let mut warnings: Vec<String> = rules::unit_warning(&i.code, &i.unit).into_iter().collect();
    if values_ok {
        warnings.extend(rules::maintain_note(
            &i.code,
            i.direction,
            i.baseline.value,
            i.target.value,
        ));
    }
    (indicator, warnings)
}

/// The next free code under `parent` (`1.2` → `1.2.1`, `1.2.2`, …; at the top `1`, `2`, …).
fn next_code(tree: &StrategyTree, parent: Option<&str>) -> String {
    let siblings = tree.nodes.iter().filter(|n| n.parent_code.as_deref() == parent).count();
    (siblings + 1..)
        .map(|k| match parent {
            Some(p) => format!("{p}.{k}"),
            None => k.to_string(),
        })
        .find(|c| find(tree, c).is_none())
        .unwrap_or_default()
}

/// A node's code and the codes of every node below it.
fn subtree(tree: &StrategyTree, code: &str) -> Vec<String> {
    let mut out = vec![code.to_owned()];
    let mut index = 0;
    while index < out.len() {
        let parent = out[index].clone();
        out.extend(
            tree.nodes
                .iter()
                .filter(|n| n.parent_code.as_deref() == Some(parent.as_str()))
                .map(|n| n.code.clone()),
        );
        index += 1;
    }
    out
}

/// The codes of a node's siblings (itself included) in their order.
fn sibling_order(tree: &StrategyTree, code: &str) -> Vec<String> {
    let parent = find(tree, code).and_then(|n| n.parent_code.clone());
    tree.nodes.iter().filter(|n| n.parent_code == parent).map(|n| n.code.clone()).collect()
}

/// Every node code after moving `code` under `parent` at `position` among its siblings: the
/// tree walked depth first, parents before their children, so an exported template reads top
/// down. Siblings keep their order.
fn moved_order(
    tree: &StrategyTree,
    code: &str,
    parent: Option<&str>,
    position: usize,
) -> Vec<String> {
    let mut children: HashMap<Option<&str>, Vec<&str>> = HashMap::new();
    let known: HashSet<&str> = tree.nodes.iter().map(|n| n.code.as_str()).collect();
    for n in tree.nodes.iter().filter(|n| n.code != code) {
        // A node whose parent is unknown is walked from the top, as the screen shows it.
        let p = n.parent_code.as_deref().filter(|p| known.contains(p));
        children.entry(p).or_default().push(&n.code);
    }
    let list = children.entry(parent).or_default();
    list.insert(position.min(list.len()), code);
    let mut out = Vec::with_capacity(tree.nodes.len());
    let mut seen = HashSet::new();
    let mut stack: Vec<&str> =
        children.get(&None).map(|c| c.iter().rev().copied().collect()).unwrap_or_default();
    while let Some(next) = stack.pop() {
        if !seen.insert(next) {
            continue;
        }
        out.push(next.to_owned());
        if let Some(c) = children.get(&Some(next)) {
            stack.extend(c.iter().rev().copied());
        }
    }
    // A node the walk cannot reach (a refused move into its own subtree) keeps its place last.
    out.extend(
        tree.nodes.iter().filter(|n| !seen.contains(n.code.as_str())).map(|n| n.code.clone()),
    );
    out
}

/// Puts the nodes of `tree` in `order`.
fn reorder(tree: &mut StrategyTree, order: &[String]) {
    let rank: HashMap<&str, usize> =
        order.iter().enumerate().map(|(i, c)| (c.as_str(), i)).collect();
    tree.nodes.sort_by_key(|n| rank.get(n.code.as_str()).copied().unwrap_or(usize::MAX));
}

/// Writes a checked edit.
fn write(
    local: &mut LocalStore,
    stamp: &Stamp,
    strategy_id: i64,
    edit: &StrategyEdit,
    plan: &Plan,
) -> Result<()> {
    let label = plan.label.as_str();
    let missing = || Error::fault(t!("core-edit-unchecked"));
    match edit {
        StrategyEdit::AddNode { .. } => {
            let node = plan.node.as_ref().ok_or_else(missing)?;
            let new = NewNode {
                code: &node.code,
                parent_code: node.parent_code.as_deref(),
                level: node.level,
                title: &node.title,
                weight: node.weight,
            };
            local.add_strategy_node(stamp, strategy_id, &new, label)?;
        }
        StrategyEdit::UpdateNode { code, .. } => {
            let node = plan.node.as_ref().ok_or_else(missing)?;
            local.update_strategy_node(
                stamp,
                strategy_id,
                code,
                &node.title,
                node.weight,
                label,
            )?;
        }
        StrategyEdit::MoveNode { code, parent_code, .. } => {
            let parent = parent_code.as_deref().filter(|p| !p.is_empty());
            local.move_strategy_node(stamp, strategy_id, code, parent, &plan.codes, label)?;
        }
        StrategyEdit::RemoveNode { .. } => {
            local.remove_strategy_nodes(stamp, strategy_id, &plan.codes, label)?;
        }
        StrategyEdit::AddIndicator { node_code, .. } => {
            let indicator = plan.indicator.as_ref().ok_or_else(missing)?;
            let entry = plan.new_entry.as_ref();
            local.add_node_indicator(stamp, strategy_id, node_code, indicator, entry, label)?;
        }
        StrategyEdit::UpdateIndicator { node_code, .. } => {
            let indicator = plan.indicator.as_ref().ok_or_else(missing)?;
            local.update_node_indicator(stamp, strategy_id, node_code, indicator, label)?;
        }
        StrategyEdit::RemoveIndicator { node_code, code } => {
            local.remove_node_indicator(stamp, strategy_id, node_code, code, label)?;
        }
    }
    Ok(())
}
