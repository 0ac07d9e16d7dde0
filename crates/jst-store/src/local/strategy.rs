//! Strategies: the tree of the active strategy and its re-import by codes (DESIGN §4.1).

use jst_domain::strategy::{
    Direction, NodeIndicator, NodeLevel, StrategyNode, StrategyTree, YearValue,
};
use jst_text::t;
use rusqlite::{OptionalExtension, Transaction};

use super::catalogue::upsert_indicators;
use super::strategy_edits::{clear_undo, insert_indicator};
use super::{IndicatorRecord, LocalStore};
use crate::{Error, Result, Stamp};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StrategyRecord {
    pub id: i64,
    pub name: String,
    pub period_from: i32,
    pub period_to: i32,
    pub resolution_number: Option<String>,
    pub resolution_date: Option<String>,
    pub sample: bool,
}

/// What a template import writes: the strategy's own fields and its tree.
#[derive(Debug, Clone, PartialEq)]
pub struct StrategyDraft {
    pub name: String,
    pub period_from: i32,
    pub period_to: i32,
    pub resolution_number: Option<String>,
    pub resolution_date: Option<String>,
    pub sample: bool,
    pub tree: StrategyTree,
}

/// Whether an import replaces the active strategy's tree or adds a separate strategy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveMode {
    UpdateActive,
    New,
}

impl LocalStore {
    pub fn active_strategy(&self) -> Result<Option<StrategyRecord>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, name, period_from, period_to, resolution_number, resolution_date,
                        sample
                 FROM strategies WHERE active = 1",
                [],
                |r| {
                    Ok(StrategyRecord {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        period_from: r.get(2)?,
                        period_to: r.get(3)?,
                        resolution_number: r.get(4)?,
                        resolution_date: r.get(5)?,
                        sample: r.get(6)?,
                    })
                },
            )
            .optional()?)
    }

    /// The tree of a strategy in its saved order.
    pub fn strategy_tree(&self, strategy_id: i64) -> Result<StrategyTree> {
        let mut nodes_stmt = self.conn.prepare(
            "SELECT id, code, parent_code, level, title, weight FROM strategy_nodes
             WHERE strategy_id = ?1 ORDER BY position",
        )?;
        let mut indicators_stmt = self.conn.prepare(
            "SELECT id, indicator, name, unit, direction, baseline_year, baseline_value,
                    target_year, target_value, weight, department, source
             FROM strategy_indicators WHERE node_id = ?1 ORDER BY position",
        )?;
        let mut milestones_stmt = self.conn.prepare(
            "SELECT year, value FROM strategy_milestones WHERE strategy_indicator_id = ?1
             ORDER BY year",
        )?;
        let rows: Vec<(i64, String, Option<String>, String, String, f64)> = nodes_stmt
            .query_map([strategy_id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
            })?
            .collect::<Result<_, _>>()?;
        let mut nodes = Vec::with_capacity(rows.len());
        for (id, code, parent_code, level, title, weight) in rows {
            let level = NodeLevel::from_code(&level)
                .ok_or_else(|| Error::Corrupt(t!("store-unknown-node-level", level = &level)))?;
            let indicator_rows: Vec<(i64, NodeIndicator)> = indicators_stmt
                .query_map([id], |r| {
                    let direction: Option<String> = r.get(4)?;
                    Ok((
                        r.get(0)?,
                        NodeIndicator {
                            code: r.get(1)?,
                            name: r.get(2)?,
                            unit: r.get(3)?,
                            direction: direction.as_deref().and_then(Direction::from_code_pl),
                            baseline: YearValue { year: r.get(5)?, value: r.get(6)? },
                            target: YearValue { year: r.get(7)?, value: r.get(8)? },
                            weight: r.get(9)?,
                            department: r.get(10)?,
                            source: r.get(11)?,
                            milestones: Vec::new(),
                        },
                    ))
                })?
                .collect::<Result<_, _>>()?;
            let mut indicators = Vec::with_capacity(indicator_rows.len());
            for (indicator_id, mut indicator) in indicator_rows {
                indicator.milestones = milestones_stmt
                    .query_map([indicator_id], |r| {
                        Ok(YearValue { year: r.get(0)?, value: r.get(1)? })
                    })?
                    .collect::<Result<_, _>>()?;
                indicators.push(indicator);
            }
            nodes.push(StrategyNode { code, parent_code, level, title, weight, indicators });
        }
        Ok(StrategyTree { nodes })
    }

    /// Saves an imported strategy in one transaction. Indicator codes missing from the
    /// catalogue become `local` entries (`local_indicators`). With `UpdateActive` and an active
    /// strategy, its fields and tree are replaced by codes; notes and values stay.
    pub fn save_strategy(
        &mut self,
        stamp: &Stamp,
        draft: &StrategyDraft,
        local_indicators: &[IndicatorRecord],
        mode: SaveMode,
    ) -> Result<i64> {
        let active = self.active_strategy()?;
        self.write(stamp, "import strategii", |tx| {
            upsert_indicators(tx, local_indicators)?;
            let id = match (mode, active) {
                // A demo strategy is never updated into a real one: a real import starts anew.
                (SaveMode::UpdateActive, Some(active)) if !active.sample => {
                    tx.execute(
                        "UPDATE strategies SET name = ?2, period_from = ?3, period_to = ?4,
                             resolution_number = ?5, resolution_date = ?6, sample = ?7,
                             updated_at = ?8
                         WHERE id = ?1",
                        rusqlite::params![
                            active.id,
                            draft.name,
                            draft.period_from,
                            draft.period_to,
                            draft.resolution_number,
                            draft.resolution_date,
                            draft.sample,
                            stamp.at
                        ],
                    )?;
                    tx.execute("DELETE FROM strategy_nodes WHERE strategy_id = ?1", [active.id])?;
                    insert_tree(tx, active.id, &draft.tree)?;
                    clear_undo(tx, active.id)?;
                    active.id
                }
                _ => insert_strategy(tx, stamp, draft)?,
            };
            let indicators: usize = draft.tree.nodes.iter().map(|n| n.indicators.len()).sum();
            let detail = format!(
                "{} ({}–{}): węzły {}, wskaźniki {indicators}, nowe w katalogu {}",
                draft.name,
                draft.period_from,
                draft.period_to,
                draft.tree.nodes.len(),
                local_indicators.len()
            );
            Ok((id, detail))
        })
    }
}

/// Adds a strategy with its tree as the active one.
pub(super) fn insert_strategy(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    draft: &StrategyDraft,
) -> Result<i64> {
    tx.execute("UPDATE strategies SET active = 0 WHERE active = 1", [])?;
    tx.execute(
        "INSERT INTO strategies (name, period_from, period_to, resolution_number,
             resolution_date, active, sample, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?7, ?7)",
        rusqlite::params![
            draft.name,
            draft.period_from,
            draft.period_to,
            draft.resolution_number,
            draft.resolution_date,
            draft.sample,
            stamp.at
        ],
    )?;
    let id = tx.last_insert_rowid();
    insert_tree(tx, id, &draft.tree)?;
    Ok(id)
}

fn insert_tree(tx: &Transaction<'_>, strategy_id: i64, tree: &StrategyTree) -> Result<()> {
    let mut node_stmt = tx.prepare(
        "INSERT INTO strategy_nodes (strategy_id, code, parent_code, level, title, weight, position)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (position, node) in tree.nodes.iter().enumerate() {
        node_stmt.execute(rusqlite::params![
            strategy_id,
            node.code,
            node.parent_code,
            node.level.code(),
            node.title,
            node.weight,
            position as i64
        ])?;
        let node_id = tx.last_insert_rowid();
        for (position, i) in node.indicators.iter().enumerate() {
            insert_indicator(tx, node_id, position as i64, i)?;
        }
    }
    Ok(())
}

impl LocalStore {
    /// Whether any strategy that is not demo sample data exists.
    pub fn has_own_strategy(&self) -> Result<bool> {
        Ok(self.conn.query_row("SELECT count(*) FROM strategies WHERE sample = 0", [], |r| {
            r.get::<_, i64>(0)
        })? > 0)
    }
}

/// A note on a node or an indicator of a strategy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteRecord {
    pub id: i64,
    pub node_code: Option<String>,
    pub indicator: Option<String>,
    pub year: Option<i32>,
    pub text: String,
    pub created_at: String,
    pub created_by: String,
}

impl LocalStore {
    /// Every strategy, the active one first, then newest first.
    pub fn strategies(&self) -> Result<Vec<(StrategyRecord, bool)>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, name, period_from, period_to, resolution_number, resolution_date, sample,
                    active
             FROM strategies ORDER BY active DESC, id DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                StrategyRecord {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    period_from: r.get(2)?,
                    period_to: r.get(3)?,
                    resolution_number: r.get(4)?,
                    resolution_date: r.get(5)?,
                    sample: r.get(6)?,
                },
                r.get(7)?,
            ))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Makes strategy `id` the active one.
    pub fn activate_strategy(&mut self, stamp: &Stamp, id: i64) -> Result<()> {
        self.write(stamp, "aktywna strategia", |tx| {
            let name: Option<String> = tx
                .query_row("SELECT name FROM strategies WHERE id = ?1", [id], |r| r.get(0))
                .optional()?;
            let name = name.ok_or_else(|| Error::Corrupt(t!("store-missing-strategy", id = id)))?;
            tx.execute("UPDATE strategies SET active = 0 WHERE active = 1", [])?;
            tx.execute("UPDATE strategies SET active = 1 WHERE id = ?1", [id])?;
            Ok(((), format!("{id} {name}")))
        })
    }

    pub fn add_note(
        &mut self,
        stamp: &Stamp,
        strategy_id: i64,
        node_code: Option<&str>,
        indicator: Option<&str>,
        year: Option<i32>,
        text: &str,
    ) -> Result<()> {
        self.write(stamp, "notatka", |tx| {
            tx.execute(
                "INSERT INTO strategy_notes (strategy_id, node_code, indicator, year, text,
                                             created_at, created_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                rusqlite::params![
                    strategy_id,
                    node_code,
                    indicator,
                    year,
                    text,
                    stamp.at,
                    stamp.by
                ],
            )?;
            let target = indicator.or(node_code).unwrap_or("strategia");
            Ok(((), format!("{target}: {text}")))
        })
    }

    /// Notes of a strategy about one indicator, newest first.
    pub fn notes_of_indicator(&self, strategy_id: i64, indicator: &str) -> Result<Vec<NoteRecord>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, node_code, indicator, year, text, created_at, created_by
             FROM strategy_notes WHERE strategy_id = ?1 AND indicator = ?2 ORDER BY id DESC",
        )?;
        let rows =
            stmt.query_map(rusqlite::params![strategy_id, indicator], |r| note_from_row(r, 0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// Columns from `from`: id, node_code, indicator, year, text, created_at, created_by.
pub(super) fn note_from_row(r: &rusqlite::Row<'_>, from: usize) -> rusqlite::Result<NoteRecord> {
    Ok(NoteRecord {
        id: r.get(from)?,
        node_code: r.get(from + 1)?,
        indicator: r.get(from + 2)?,
        year: r.get(from + 3)?,
        text: r.get(from + 4)?,
        created_at: r.get(from + 5)?,
        created_by: r.get(from + 6)?,
    })
}
