//! The unit's own budget execution lines; a report for a year is replaced as a whole.

use super::LocalStore;
use crate::{Result, Stamp};

#[derive(Debug, Clone, PartialEq)]
pub struct BudgetLineRecord {
    pub year: i32,
    /// `Rb-27S | Rb-28S`
    pub report: String,
    pub dzial: String,
    pub rozdzial: String,
    pub paragraf: String,
    pub plan: f64,
    pub execution: f64,
}

impl LocalStore {
    /// Replaces, for every (year, report) present in `lines`, the stored lines by these.
    pub fn replace_budget_reports(
        &mut self,
        stamp: &Stamp,
        source: &str,
        lines: &[BudgetLineRecord],
    ) -> Result<()> {
        let mut reports: Vec<(i32, &str)> =
            lines.iter().map(|l| (l.year, l.report.as_str())).collect();
        reports.sort_unstable();
        reports.dedup();
        self.write(stamp, "sprawozdania budżetowe", |tx| {
            for (year, report) in &reports {
                tx.execute(
                    "DELETE FROM budget_lines WHERE year = ?1 AND report = ?2",
                    (year, report),
                )?;
            }
            let mut stmt = tx.prepare(
                "INSERT INTO budget_lines (year, report, dzial, rozdzial, paragraf, plan, execution,
                                           source, imported_at, imported_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?;
            for l in lines {
                stmt.execute(rusqlite::params![
                    l.year,
                    l.report,
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
            let names: Vec<String> = reports.iter().map(|(y, r)| format!("{r} {y}")).collect();
            Ok(((), format!("{source}: {} pozycji ({})", lines.len(), names.join(", "))))
        })
    }

    /// Execution summed by year and by rozdział (Rb-28S) or dział (Rb-27S): the own unit's
    /// `WYD_<rozdział>` and `DOCH_<dział>` series (DESIGN §4.2).
    pub fn budget_series(&self) -> Result<Vec<(String, i32, f64)>> {
        let mut stmt = self.conn.prepare(
            "SELECT 'WYD_' || rozdzial, year, sum(execution) FROM budget_lines
             WHERE report = 'Rb-28S' GROUP BY rozdzial, year
             UNION ALL
             SELECT 'DOCH_' || dzial, year, sum(execution) FROM budget_lines
             WHERE report = 'Rb-27S' GROUP BY dzial, year
             ORDER BY 1, 2",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
