//! `jst budget show`: the own budget lines of a year as imported, summed at the level asked for
//! (dział, rozdział or paragraf), each report and period apart.

use std::collections::BTreeMap;

use jst_store::LocalStore;
use serde::Serialize;

use crate::Result;

/// How finely the lines are summed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum BudgetLevel {
    Dzial,
    #[default]
    Rozdzial,
    Paragraf,
}

/// One summed line: the JSON contract of `jst budget show --format json` (issue 10).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BudgetLineView {
    #[serde(rename = "rok")]
    pub year: i32,
    /// `Rb-28S | Rb-27S`
    #[serde(rename = "sprawozdanie")]
    pub report: String,
    /// 1–4, cumulative to the end of that quarter; 4 is the whole year.
    #[serde(rename = "okres")]
    pub period: u8,
    pub dzial: String,
    /// Null when summed by dział.
    pub rozdzial: Option<String>,
    /// Null unless summed by paragraf.
    pub paragraf: Option<String>,
    pub plan: f64,
    #[serde(rename = "wykonanie")]
    pub execution: f64,
}

/// The lines of `year`, of one report (`Rb-28S` / `Rb-27S`) or both, summed at `level`.
pub(crate) fn budget_lines(
    local: &LocalStore,
    year: i32,
    report: Option<&str>,
    level: BudgetLevel,
) -> Result<Vec<BudgetLineView>> {
    type Key = (std::cmp::Reverse<String>, u8, String, Option<String>, Option<String>);
    let mut summed: BTreeMap<Key, (f64, f64)> = BTreeMap::new();
    for line in local.budget_lines(year)? {
        if report.is_some_and(|r| r != line.report) {
            continue;
        }
        let rozdzial = (level != BudgetLevel::Dzial).then_some(line.rozdzial);
        let paragraf = (level == BudgetLevel::Paragraf).then_some(line.paragraf);
        let key = (std::cmp::Reverse(line.report), line.period, line.dzial, rozdzial, paragraf);
        let sum = summed.entry(key).or_default();
        sum.0 += line.plan;
        sum.1 += line.execution;
    }
    Ok(summed
        .into_iter()
        .map(|((report, period, dzial, rozdzial, paragraf), (plan, execution))| BudgetLineView {
            year,
            report: report.0,
            period,
            dzial,
            rozdzial,
            paragraf,
            plan: to_grosz(plan),
            execution: to_grosz(execution),
        })
        .collect())
}

/// Amounts are in złoty with grosze; summing binary fractions leaves noise below the grosz.
fn to_grosz(amount: f64) -> f64 {
    (amount * 100.0).round() / 100.0
}
