//! The unit's own budget execution lines; a report for a year and period is replaced as a whole,
//! and the series use the latest period of each year.

use super::LocalStore;
use crate::{Result, Stamp};

#[derive(Debug, Clone, PartialEq)]
pub struct BudgetLineRecord {
    pub year: i32,
    /// `Rb-27S | Rb-28S`
    pub report: String,
    /// Okres 1–4 of the year; 4 is the whole year.
    pub period: u8,
    pub dzial: String,
    pub rozdzial: String,
    pub paragraf: String,
    pub plan: f64,
    pub execution: f64,
}

impl LocalStore {
    /// Replaces, for every (year, report, period) present in `lines`, the stored lines by these.
    pub fn replace_budget_reports(
        &mut self,
        stamp: &Stamp,
        source: &str,
        lines: &[BudgetLineRecord],
    ) -> Result<()> {
        let mut reports: Vec<(i32, &str, u8)> =
            lines.iter().map(|l| (l.year, l.report.as_str(), l.period)).collect();
        reports.sort_unstable();
        reports.dedup();
        self.write(stamp, "sprawozdania budżetowe", |tx| {
            for (year, report, period) in &reports {
                tx.execute(
                    "DELETE FROM budget_lines WHERE year = ?1 AND report = ?2 AND period = ?3",
                    (year, report, period),
                )?;
            }
            let mut stmt = tx.prepare(
                "INSERT INTO budget_lines (year, report, period, dzial, rozdzial, paragraf, plan,
                                           execution, source, imported_at, imported_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?;
            for l in lines {
                stmt.execute(rusqlite::params![
                    l.year,
                    l.report,
                    l.period,
                    l.dzial,
                    l.rozdzial,
                    l.paragraf,
                    l.plan,
                    l.execution,
                    source,
                    stamp.at,
                    stamp.by
                ])?;
            }
            let names: Vec<String> =
                reports.iter().map(|(y, r, p)| format!("{r} {y} okres {p}")).collect();
            Ok(((), format!("{source}: {} pozycji ({})", lines.len(), names.join(", "))))
        })
    }

    /// Execution summed by year and by rozdział (Rb-28S) or dział (Rb-27S): the own unit's
    /// `WYD_<rozdział>` and `DOCH_<dział>` series (DESIGN §4.2), each year from the latest
    /// period of that report (a year's report supersedes its half-year one).
    pub fn budget_series(&self) -> Result<Vec<(String, i32, f64)>> {
        let mut stmt = self.conn.prepare(
            "WITH latest AS (SELECT year, report, max(period) AS period FROM budget_lines
                             GROUP BY year, report),
                  lines AS (SELECT b.* FROM budget_lines b
                            JOIN latest l USING (year, report, period))
             SELECT 'WYD_' || rozdzial, year, sum(execution) FROM lines
             WHERE report = 'Rb-28S' GROUP BY rozdzial, year
             UNION ALL
             SELECT 'DOCH_' || dzial, year, sum(execution) FROM lines
             WHERE report = 'Rb-27S' GROUP BY dzial, year
             ORDER BY 1, 2",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

impl LocalStore {
    /// The latest period of each (year, report) stored: what the series of that year are made
    /// of, so a caller can say when it is not the whole year.
    pub fn budget_periods(&self) -> Result<Vec<(i32, String, u8)>> {
        let mut stmt = self.conn.prepare(
            "SELECT year, report, max(period) FROM budget_lines GROUP BY year, report
             ORDER BY year, report",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

impl LocalStore {
    /// The stored lines of `year` (every report and period), in classification order.
    pub fn budget_lines(&self, year: i32) -> Result<Vec<BudgetLineRecord>> {
        let mut stmt = self.conn.prepare(
            "SELECT year, report, period, dzial, rozdzial, paragraf, plan, execution
             FROM budget_lines WHERE year = ?1
             ORDER BY report DESC, period, dzial, rozdzial, paragraf",
        )?;
        let rows = stmt.query_map([year], budget_line_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// Columns: year, report, period, dzial, rozdzial, paragraf, plan, execution.
pub(super) fn budget_line_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<BudgetLineRecord> {
    Ok(BudgetLineRecord {
        year: r.get(0)?,
        report: r.get(1)?,
        period: r.get(2)?,
        dzial: r.get(3)?,
        rozdzial: r.get(4)?,
        paragraf: r.get(5)?,
        plan: r.get(6)?,
        execution: r.get(7)?,
    })
}
