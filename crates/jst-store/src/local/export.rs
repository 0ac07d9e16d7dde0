//! The own data read whole, for the files a unit exports (`jst export`): every value with who
//! changed it last, the whole history, every note, every budget line with its source.

use super::budget::budget_line_from_row;
use super::observations::{history_from_row, observation_from_row};
use super::strategy::note_from_row;
use super::{BudgetLineRecord, HistoryEntry, LocalStore, NoteRecord, ObservationRecord};
use crate::{Result, Stamp};

impl LocalStore {
    /// Every own value with its last change (`updated_at`, `updated_by`), by indicator and year.
    pub fn observations_stamped(&self) -> Result<Vec<(ObservationRecord, Stamp)>> {
        let mut stmt = self.conn.prepare(
            "SELECT indicator, year, value, status, source, note, sample, updated_at, updated_by
             FROM observations ORDER BY indicator, year",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((observation_from_row(r)?, Stamp { at: r.get(7)?, by: r.get(8)? }))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every change of every own value with its indicator code, by indicator and year, oldest
    /// change first (the order a reader follows a value's story in).
    pub fn observation_history(&self) -> Result<Vec<(String, HistoryEntry)>> {
        let mut stmt = self.conn.prepare(
            "SELECT indicator, year, old_value, new_value, old_status, new_status, changed_at,
                    changed_by
             FROM observation_history ORDER BY indicator, year, id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, history_from_row(r, 1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every note of every strategy with the strategy's name, the active strategy first, then
    /// each strategy's notes in the order they were written.
    pub fn all_notes(&self) -> Result<Vec<(String, NoteRecord)>> {
        let mut stmt = self.conn.prepare(
            "SELECT s.name, n.id, n.node_code, n.indicator, n.year, n.text, n.created_at,
                    n.created_by
             FROM strategy_notes n JOIN strategies s ON s.id = n.strategy_id
             ORDER BY s.active DESC, s.id, n.id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, note_from_row(r, 1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every stored budget line with the file it came from, by year, report (Rb-28S first, as
    /// `budget_lines` lists them), period and classification.
    pub fn all_budget_lines(&self) -> Result<Vec<(BudgetLineRecord, String)>> {
        let mut stmt = self.conn.prepare(
            "SELECT year, report, period, dzial, rozdzial, paragraf, plan, execution, source
             FROM budget_lines ORDER BY year, report DESC, period, dzial, rozdzial, paragraf",
        )?;
        let rows = stmt.query_map([], |r| Ok((budget_line_from_row(r)?, r.get(8)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
