//! Edits of a strategy's definition made in the window (DESIGN §4.1, §12 "tree and editor"):
//! nodes and their indicators added, changed, moved and removed, one transaction and one audit
//! line each. Before every edit the definition is copied to the undo stack (`strategy_edits`);
//! undo puts the newest copy back. Values and notes are keyed by indicator and node codes and
//! never touched here, so removing an indicator keeps them and undo shows them again.

use jst_domain::strategy::{Direction, NodeIndicator, NodeLevel};
use jst_text::t;
use rusqlite::{OptionalExtension, Transaction};

use super::catalogue::upsert_indicators;
use super::{IndicatorRecord, LocalStore};
use crate::{Error, Result, Stamp};

/// How many edits of one strategy can be undone; older copies are dropped.
pub const UNDO_DEPTH: i64 = 50;

/// The edit "cofnij" would undo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StrategyEditRecord {
    /// What the edit did, in Polish.
    pub label: String,
    pub at: String,
    pub by: String,
    /// How many edits can be undone one after another, this one included.
    pub depth: u32,
}

/// A node as the editor adds it (without indicators).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NewNode<'a> {
    pub code: &'a str,
    pub parent_code: Option<&'a str>,
    pub level: NodeLevel,
    pub title: &'a str,
    pub weight: f64,
}

impl LocalStore {
    /// Runs one edit of strategy `strategy_id`: the definition is copied to the undo stack
    /// under `label`, then `f` changes it, all in one audited transaction.
    fn edit_strategy(
        &mut self,
        stamp: &Stamp,
        strategy_id: i64,
        label: &str,
        f: impl FnOnce(&Transaction<'_>) -> Result<()>,
    ) -> Result<()> {
        self.write(stamp, "edycja strategii", |tx| {
            save_copy(tx, stamp, strategy_id, label)?;
            f(tx)?;
            tx.execute(
                "UPDATE strategies SET updated_at = ?2 WHERE id = ?1",
                rusqlite::params![strategy_id, stamp.at],
            )?;
            Ok(((), label.to_owned()))
        })
    }

    /// Adds a node as the last child of its parent (or the last top-level node).
    pub fn add_strategy_node(
        &mut self,
        stamp: &Stamp,
        strategy_id: i64,
        node: &NewNode<'_>,
        label: &str,
    ) -> Result<()> {
        self.edit_strategy(stamp, strategy_id, label, |tx| {
            tx.execute(
                "INSERT INTO strategy_nodes (strategy_id, code, parent_code, level, title, weight,
                                             position)
                 SELECT ?1, ?2, ?3, ?4, ?5, ?6, coalesce(max(position), -1) + 1
                 FROM strategy_nodes WHERE strategy_id = ?1",
                rusqlite::params![
                    strategy_id,
                    node.code,
                    node.parent_code,
                    node.level.code(),
                    node.title,
                    node.weight
                ],
            )?;
            Ok(())
        })
    }

    /// Sets a node's title and its weight in its parent.
    pub fn update_strategy_node(
        &mut self,
        stamp: &Stamp,
        strategy_id: i64,
        code: &str,
        title: &str,
        weight: f64,
        label: &str,
    ) -> Result<()> {
        self.edit_strategy(stamp, strategy_id, label, |tx| {
            let changed = tx.execute(
                "UPDATE strategy_nodes SET title = ?3, weight = ?4
                 WHERE strategy_id = ?1 AND code = ?2",
                rusqlite::params![strategy_id, code, title, weight],
            )?;
            one_row(changed, code)
        })
    }

    /// Gives node `code` a new parent (`None`: the top level) and puts every node of the
    /// strategy in `order` (codes, each once).
    pub fn move_strategy_node(
        &mut self,
        stamp: &Stamp,
        strategy_id: i64,
        code: &str,
        parent_code: Option<&str>,
        order: &[String],
        label: &str,
    ) -> Result<()> {
        self.edit_strategy(stamp, strategy_id, label, |tx| {
            let changed = tx.execute(
                "UPDATE strategy_nodes SET parent_code = ?3 WHERE strategy_id = ?1 AND code = ?2",
                rusqlite::params![strategy_id, code, parent_code],
            )?;
            one_row(changed, code)?;
            let mut stmt = tx.prepare(
                "UPDATE strategy_nodes SET position = ?3 WHERE strategy_id = ?1 AND code = ?2",
            )?;
            for (position, code) in order.iter().enumerate() {
                one_row(
                    stmt.execute(rusqlite::params![strategy_id, code, position as i64])?,
                    code,
                )?;
            }
            Ok(())
        })
    }

    /// Removes nodes (the caller passes a node with its whole subtree) with their indicators
    /// and milestones. Values and notes stay, keyed by codes.
    pub fn remove_strategy_nodes(
        &mut self,
        stamp: &Stamp,
        strategy_id: i64,
        codes: &[String],
        label: &str,
    ) -> Result<()> {
        self.edit_strategy(stamp, strategy_id, label, |tx| {
            let mut stmt =
                tx.prepare("DELETE FROM strategy_nodes WHERE strategy_id = ?1 AND code = ?2")?;
            for code in codes {
                one_row(stmt.execute(rusqlite::params![strategy_id, code])?, code)?;
            }
            Ok(())
        })
    }

    /// Attaches an indicator to a node, last in its order; `new_entry` is the catalogue entry
    /// of a code the catalogue does not know yet (a `local` one, as the import makes).
    pub fn add_node_indicator(
        &mut self,
        stamp: &Stamp,
        strategy_id: i64,
        node_code: &str,
        indicator: &NodeIndicator,
        new_entry: Option<&IndicatorRecord>,
        label: &str,
    ) -> Result<()> {
        self.edit_strategy(stamp, strategy_id, label, |tx| {
            if let Some(entry) = new_entry {
                upsert_indicators(tx, std::slice::from_ref(entry))?;
            }
            let node_id = node_id(tx, strategy_id, node_code)?;
            let position: i64 = tx.query_row(
                "SELECT coalesce(max(position), -1) + 1 FROM strategy_indicators WHERE node_id = ?1",
                [node_id],
                |r| r.get(0),
            )?;
            insert_indicator(tx, node_id, position, indicator)
        })
    }

    /// Sets every field of the indicator `indicator.code` attached to `node_code`, milestones
    /// included.
    pub fn update_node_indicator(
        &mut self,
        stamp: &Stamp,
        strategy_id: i64,
        node_code: &str,
        indicator: &NodeIndicator,
        label: &str,
    ) -> Result<()> {
        self.edit_strategy(stamp, strategy_id, label, |tx| {
            let node_id = node_id(tx, strategy_id, node_code)?;
            let i = indicator;
            let id: i64 = tx
                .query_row(
                    "UPDATE strategy_indicators SET name = ?3, unit = ?4, direction = ?5,
                         baseline_year = ?6, baseline_value = ?7, target_year = ?8,
                         target_value = ?9, weight = ?10, department = ?11, source = ?12
                     WHERE node_id = ?1 AND indicator = ?2
                     RETURNING id",
                    rusqlite::params![
                        node_id,
                        i.code,
                        i.name,
                        i.unit,
                        i.direction.map(Direction::code_pl),
                        i.baseline.year,
                        i.baseline.value,
                        i.target.year,
                        i.target.value,
                        i.weight,
                        i.department,
                        i.source
                    ],
                    |r| r.get(0),
                )
                .optional()?
                .ok_or_else(|| missing(&i.code))?;
            tx.execute("DELETE FROM strategy_milestones WHERE strategy_indicator_id = ?1", [id])?;
            insert_milestones(tx, id, indicator)
        })
    }

    /// Detaches an indicator from a node. Its values and notes stay, keyed by its code.
    pub fn remove_node_indicator(
        &mut self,
        stamp: &Stamp,
        strategy_id: i64,
        node_code: &str,
        code: &str,
        label: &str,
    ) -> Result<()> {
        self.edit_strategy(stamp, strategy_id, label, |tx| {
            let node_id = node_id(tx, strategy_id, node_code)?;
            let changed = tx.execute(
                "DELETE FROM strategy_indicators WHERE node_id = ?1 AND indicator = ?2",
                rusqlite::params![node_id, code],
            )?;
            one_row(changed, code)
        })
    }

    /// The edit "cofnij" would undo for strategy `strategy_id`, if any.
    pub fn last_strategy_edit(&self, strategy_id: i64) -> Result<Option<StrategyEditRecord>> {
        let depth: i64 = self.conn.query_row(
            "SELECT count(*) FROM strategy_edits WHERE strategy_id = ?1",
            [strategy_id],
            |r| r.get(0),
        )?;
        Ok(self
            .conn
            .query_row(
                "SELECT label, created_at, created_by FROM strategy_edits WHERE strategy_id = ?1
                 ORDER BY id DESC LIMIT 1",
                [strategy_id],
                |r| {
                    Ok(StrategyEditRecord {
                        label: r.get(0)?,
                        at: r.get(1)?,
                        by: r.get(2)?,
                        depth: u32::try_from(depth).unwrap_or(u32::MAX),
                    })
                },
            )
            .optional()?)
    }

    /// Puts back the definition copied before the last edit of strategy `strategy_id` and
    /// removes the copy, in one audited transaction („cofnięto: …”). Returns the label of the
    /// edit undone, or `None` when there is nothing to undo.
    pub fn undo_strategy_edit(
        &mut self,
        stamp: &Stamp,
        strategy_id: i64,
    ) -> Result<Option<String>> {
        let Some(last) = self.last_strategy_edit(strategy_id)? else { return Ok(None) };
        self.write(stamp, "edycja strategii", |tx| {
            let edit: i64 = tx.query_row(
                "SELECT id FROM strategy_edits WHERE strategy_id = ?1 ORDER BY id DESC LIMIT 1",
                [strategy_id],
                |r| r.get(0),
            )?;
            restore_copy(tx, strategy_id, edit)?;
            tx.execute("DELETE FROM strategy_edits WHERE id = ?1", [edit])?;
            tx.execute(
                "UPDATE strategies SET updated_at = ?2 WHERE id = ?1",
                rusqlite::params![strategy_id, stamp.at],
            )?;
            Ok((Some(last.label.clone()), format!("cofnięto: {}", last.label)))
        })
    }
}

/// Drops the undo stack of a strategy: a re-imported template is a new starting point, and a
/// copy from before it would mix two definitions.
pub(super) fn clear_undo(tx: &Transaction<'_>, strategy_id: i64) -> Result<()> {
    tx.execute("DELETE FROM strategy_edits WHERE strategy_id = ?1", [strategy_id])?;
    Ok(())
}

fn one_row(changed: usize, code: &str) -> Result<()> {
    if changed == 1 {
        Ok(())
    } else {
        Err(missing(code))
    }
}

fn missing(code: &str) -> Error {
    Error::Corrupt(t!("store-missing-in-edited-strategy", code = code))
}

fn node_id(tx: &Transaction<'_>, strategy_id: i64, code: &str) -> Result<i64> {
    tx.query_row(
        "SELECT id FROM strategy_nodes WHERE strategy_id = ?1 AND code = ?2",
        rusqlite::params![strategy_id, code],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| missing(code))
}

/// Inserts an indicator attached to node `node_id` at `position`, with its milestones.
pub(super) fn insert_indicator(
    tx: &Transaction<'_>,
    node_id: i64,
    position: i64,
    i: &NodeIndicator,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO strategy_indicators (node_id, indicator, name, unit, direction,
             baseline_year, baseline_value, target_year, target_value, weight, department,
             source, position)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .execute(rusqlite::params![
        node_id,
        i.code,
        i.name,
        i.unit,
        i.direction.map(Direction::code_pl),
        i.baseline.year,
        i.baseline.value,
        i.target.year,
        i.target.value,
        i.weight,
        i.department,
        i.source,
        position
    ])?;
    let id = tx.last_insert_rowid();
    insert_milestones(tx, id, i)
}

fn insert_milestones(tx: &Transaction<'_>, indicator_id: i64, i: &NodeIndicator) -> Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO strategy_milestones (strategy_indicator_id, year, value) VALUES (?1, ?2, ?3)",
    )?;
    for m in &i.milestones {
        stmt.execute(rusqlite::params![indicator_id, m.year, m.value])?;
    }
    Ok(())
}

/// Copies the definition of a strategy (nodes, indicators, milestones: every column, so a
/// restore is exact) to a new entry of its undo stack, and keeps the newest [`UNDO_DEPTH`].
fn save_copy(tx: &Transaction<'_>, stamp: &Stamp, strategy_id: i64, label: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO strategy_edits (strategy_id, label, created_at, created_by)
         VALUES (?1, ?2, ?3, ?4)",
        rusqlite::params![strategy_id, label, stamp.at, stamp.by],
    )?;
    let edit = tx.last_insert_rowid();
    tx.execute(
        "INSERT INTO strategy_edit_nodes (edit_id, code, parent_code, level, title, weight,
                                          position)
         SELECT ?1, code, parent_code, level, title, weight, position
         FROM strategy_nodes WHERE strategy_id = ?2",
        [edit, strategy_id],
    )?;
    tx.execute(
        "INSERT INTO strategy_edit_indicators (edit_id, node_code, indicator, name, unit,
             direction, baseline_year, baseline_value, target_year, target_value, weight,
             tolerance, department, source, position)
         SELECT ?1, n.code, i.indicator, i.name, i.unit, i.direction, i.baseline_year,
                i.baseline_value, i.target_year, i.target_value, i.weight, i.tolerance,
                i.department, i.source, i.position
         FROM strategy_indicators i JOIN strategy_nodes n ON n.id = i.node_id
         WHERE n.strategy_id = ?2",
        [edit, strategy_id],
    )?;
    tx.execute(
        "INSERT INTO strategy_edit_milestones (edit_id, node_code, indicator, year, value)
         SELECT ?1, n.code, i.indicator, m.year, m.value
         FROM strategy_milestones m
         JOIN strategy_indicators i ON i.id = m.strategy_indicator_id
         JOIN strategy_nodes n ON n.id = i.node_id
         WHERE n.strategy_id = ?2",
        [edit, strategy_id],
    )?;
    tx.execute(
        "DELETE FROM strategy_edits WHERE strategy_id = ?1 AND id <= (
             SELECT id FROM strategy_edits WHERE strategy_id = ?1
             ORDER BY id DESC LIMIT 1 OFFSET ?2)",
        [strategy_id, UNDO_DEPTH],
    )?;
    Ok(())
}

/// Replaces the definition of a strategy with the copy `edit`.
fn restore_copy(tx: &Transaction<'_>, strategy_id: i64, edit: i64) -> Result<()> {
    tx.execute("DELETE FROM strategy_nodes WHERE strategy_id = ?1", [strategy_id])?;
    tx.execute(
        "INSERT INTO strategy_nodes (strategy_id, code, parent_code, level, title, weight,
                                     position)
         SELECT ?1, code, parent_code, level, title, weight, position
         FROM strategy_edit_nodes WHERE edit_id = ?2",
        [strategy_id, edit],
    )?;
    tx.execute(
        "INSERT INTO strategy_indicators (node_id, indicator, name, unit, direction,
             baseline_year, baseline_value, target_year, target_value, weight, tolerance,
             department, source, position)
         SELECT n.id, c.indicator, c.name, c.unit, c.direction, c.baseline_year,
                c.baseline_value, c.target_year, c.target_value, c.weight, c.tolerance,
                c.department, c.source, c.position
         FROM strategy_edit_indicators c
         JOIN strategy_nodes n ON n.strategy_id = ?1 AND n.code = c.node_code
         WHERE c.edit_id = ?2",
        [strategy_id, edit],
    )?;
    tx.execute(
        "INSERT INTO strategy_milestones (strategy_indicator_id, year, value)
         SELECT i.id, c.year, c.value
         FROM strategy_edit_milestones c
         JOIN strategy_nodes n ON n.strategy_id = ?1 AND n.code = c.node_code
         JOIN strategy_indicators i ON i.node_id = n.id AND i.indicator = c.indicator
         WHERE c.edit_id = ?2",
        [strategy_id, edit],
    )?;
    Ok(())
}
