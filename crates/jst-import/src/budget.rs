//! Own budget execution, DESIGN §6: `rok;sprawozdanie;dzial;rozdzial;paragraf;plan;wykonanie`,
//! lines of the Rb-27S (revenue) and Rb-28S (expenditure) reports.

use jst_text::t;

use crate::cells::{header_problem, value, year};
use crate::error::RowProgress;
use crate::workbook::read_tabular;
use crate::{ImportError, Problem};

/// Which budget report a line belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BudgetReport {
    /// Rb-27S: revenue.
    Rb27S,
    /// Rb-28S: expenditure.
    Rb28S,
}

impl BudgetReport {
    pub fn code(self) -> &'static str {
        match self {
            Self::Rb27S => "Rb-27S",
            Self::Rb28S => "Rb-28S",
        }
    }

    /// Accepts `Rb-28S`, `RB28S`, `rb-28s` and the like.
    pub fn parse(raw: &str) -> Option<Self> {
        let folded: String = raw
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_uppercase();
        match folded.as_str() {
            "RB27S" => Some(Self::Rb27S),
            "RB28S" => Some(Self::Rb28S),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct BudgetLine {
    pub line: usize,
    pub year: i32,
    pub report: BudgetReport,
    pub dzial: String,
    pub rozdzial: String,
    pub paragraf: String,
    pub plan: f64,
    pub execution: f64,
}

const COLUMNS: [&str; 7] =
    ["rok", "sprawozdanie", "dzial", "rozdzial", "paragraf", "plan", "wykonanie"];

fn digits(raw: &str, n: usize) -> bool {
    raw.len() == n && raw.bytes().all(|b| b.is_ascii_digit())
}

pub fn parse_budget(bytes: &[u8], file: &str) -> Result<Vec<BudgetLine>, ImportError> {
    parse_budget_with(bytes, file, &mut |_, _| true)
}

/// [`parse_budget`] with the warnings to show a person: amounts such as `1.234` that may be a
/// thousand times off.
pub fn parse_budget_checked(
    bytes: &[u8],
    file: &str,
) -> Result<(Vec<BudgetLine>, Vec<Problem>), ImportError> {
    read_budget(bytes, file, &mut |_, _| true)
}

/// [`parse_budget`] reporting progress by rows (and stopping when told to).
pub fn parse_budget_with(
    bytes: &[u8],
    file: &str,
    progress: RowProgress<'_>,
) -> Result<Vec<BudgetLine>, ImportError> {
    read_budget(bytes, file, progress).map(|(lines, _)| lines)
}

fn read_budget(
    bytes: &[u8],
    file: &str,
    progress: RowProgress<'_>,
) -> Result<(Vec<BudgetLine>, Vec<Problem>), ImportError> {
    let header_ok = |t: &str| t.lines().next().is_some_and(|l| l.trim_start().starts_with("rok"));
    let (table, _) = read_tabular(bytes, file, &["sprawozdania", "budzet"], header_ok)?;
    let idx: Vec<Option<usize>> = COLUMNS.iter().map(|c| table.column(&[c])).collect();
    let [Some(r), Some(s), Some(d), Some(z), Some(p), Some(pl), Some(w)] = idx[..] else {
        return Err(ImportError::single(file, header_problem(&table.header, &COLUMNS.join(";"))));
    };
    let lines = table.map_rows(file, progress, |line, cell| {
        let mut problems = Vec::new();
        let year = year(line, COLUMNS[0], &cell(r)).map_err(|e| problems.push(e)).ok();
        let report = BudgetReport::parse(&cell(s));
        if report.is_none() {
            problems.push(Problem::at(
                line,
                Some(COLUMNS[1]),
                t!("import-budget-report", report = cell(s)),
            ));
        }
        let dzial = cell(d);
        if !digits(&dzial, 3) {
            problems.push(Problem::at(
                line,
                Some(COLUMNS[2]),
                t!("import-budget-dzial", dzial = &dzial),
            ));
        }
        let rozdzial = cell(z);
        if !digits(&rozdzial, 5) {
            problems.push(Problem::at(
                line,
                Some(COLUMNS[3]),
                t!("import-budget-rozdzial", rozdzial = &rozdzial),
            ));
        } else if digits(&dzial, 3) && !rozdzial.starts_with(&dzial) {
            problems.push(Problem::at(
                line,
                Some(COLUMNS[3]),
                t!("import-budget-rozdzial-outside", rozdzial = &rozdzial, dzial = &dzial),
            ));
        }
        let paragraf = cell(p);
        if !digits(&paragraf, 4) {
            problems.push(Problem::at(
                line,
                Some(COLUMNS[4]),
                t!("import-budget-paragraf", paragraf = &paragraf),
            ));
        }
        let plan = value(line, COLUMNS[5], &cell(pl)).map_err(|e| problems.push(e)).ok();
        let execution = value(line, COLUMNS[6], &cell(w)).map_err(|e| problems.push(e)).ok();
        match (year, report, plan, execution) {
            (Some(year), Some(report), Some(plan), Some(execution)) if problems.is_empty() => {
                Ok(BudgetLine { line, year, report, dzial, rozdzial, paragraf, plan, execution })
            }
            _ => Err(problems),
        }
    })?;
    let mut warnings = table.ambiguous_points(COLUMNS[5], pl);
    warnings.extend(table.ambiguous_points(COLUMNS[6], w));
    Ok((lines, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_amount_that_may_be_a_thousand_times_off_is_a_warning() {
        let text = "rok;sprawozdanie;dzial;rozdzial;paragraf;plan;wykonanie\n2024;Rb-28S;801;80101;4010;1.250;1 198\n";
        let (lines, warnings) = parse_budget_checked(text.as_bytes(), "b.csv").expect("valid");
        assert_eq!(lines[0].plan, 1.25);
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].column.as_deref(), Some("plan"));
    }

    #[test]
    fn reads_lines_and_reports_bad_cells() {
        let text = "rok;sprawozdanie;dzial;rozdzial;paragraf;plan;wykonanie\n2024;Rb-28S;801;80101;4010;1 250 000,00;1 198 432,17\n2024;RB27S;756;75601;0350;10;9,5\n";
        let lines = parse_budget(text.as_bytes(), "b.csv").expect("valid");
        assert_eq!(lines[0].report, BudgetReport::Rb28S);
        assert_eq!(lines[0].execution, 1_198_432.17);
        assert_eq!(lines[1].report, BudgetReport::Rb27S);
        let bad = "rok;sprawozdanie;dzial;rozdzial;paragraf;plan;wykonanie\n2024;Rb-29;801;90002;401;x;1\n";
        let err = parse_budget(bad.as_bytes(), "b.csv").expect_err("bad");
        let columns: Vec<&str> = err.problems.iter().filter_map(|p| p.column.as_deref()).collect();
        assert_eq!(columns, ["sprawozdanie", "rozdzial", "paragraf", "plan"]);
    }
}
