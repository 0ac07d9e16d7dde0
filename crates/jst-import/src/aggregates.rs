//! Contributed aggregates as a release carries them (DESIGN §8):
//! `grupa;wskaznik_kod;rok;n;q1;mediana;q3;p10;p90;srednia;uwaga`, empty cells where the policy
//! withholds a figure.

use crate::cells::{header_problem, indicator_code, value, year};
use crate::table::read_table;
use crate::text::decode;
use crate::{ImportError, Problem};

#[derive(Debug, Clone, PartialEq)]
pub struct AggregateRow {
    pub line: usize,
    pub group: String,
    pub indicator: String,
    pub year: i32,
    pub n: u32,
    pub q1: Option<f64>,
    pub median: Option<f64>,
    pub q3: Option<f64>,
    pub p10: Option<f64>,
    pub p90: Option<f64>,
    pub mean: Option<f64>,
    pub note: Option<String>,
}

const COLUMNS: [&str; 11] =
    ["grupa", "wskaznik_kod", "rok", "n", "q1", "mediana", "q3", "p10", "p90", "srednia", "uwaga"];

pub fn parse_aggregates(bytes: &[u8], file: &str) -> Result<Vec<AggregateRow>, ImportError> {
    let header_ok = |t: &str| t.lines().next().is_some_and(|l| l.starts_with("grupa"));
    let text = decode(bytes, file, header_ok)?;
    let table = read_table(&text, file)?;
    let idx: Vec<Option<usize>> = COLUMNS.iter().map(|c| table.column(&[c])).collect();
    let Some(idx) = idx.into_iter().collect::<Option<Vec<usize>>>() else {
        return Err(ImportError::single(file, header_problem(&table.header, &COLUMNS.join(";"))));
    };
    table.map_rows(file, &mut |_, _| true, |line, cell| {
        let mut problems = Vec::new();
        let group = cell(idx[0]);
        if !group.starts_with("type_size:") {
            problems.push(Problem::at(
                line,
                Some(COLUMNS[0]),
                format!("„{group}” nie jest grupą type_size"),
            ));
        }
        let optional = |i: usize, problems: &mut Vec<Problem>| {
            let raw = cell(idx[i]);
            if raw.is_empty() {
                None
            } else {
                value(line, COLUMNS[i], &raw).map_err(|p| problems.push(p)).ok()
            }
        };
        let n = cell(idx[3]).parse::<u32>().map_err(|_| {
            problems.push(Problem::at(
                line,
                Some(COLUMNS[3]),
                "liczba jednostek musi być liczbą całkowitą",
            ))
        });
        let indicator =
            indicator_code(line, COLUMNS[1], &cell(idx[1])).map_err(|p| problems.push(p));
        let y = year(line, COLUMNS[2], &cell(idx[2])).map_err(|p| problems.push(p));
        let (q1, median, q3) =
            (optional(4, &mut problems), optional(5, &mut problems), optional(6, &mut problems));
        let (p10, p90, mean) =
            (optional(7, &mut problems), optional(8, &mut problems), optional(9, &mut problems));
        let note = Some(cell(idx[10])).filter(|n| !n.is_empty());
        match (indicator, y, n) {
            (Ok(indicator), Ok(year), Ok(n)) if problems.is_empty() => Ok(AggregateRow {
                line,
                group,
                indicator,
                year,
                n,
                q1,
                median,
                q3,
                p10,
                p90,
                mean,
                note,
            }),
            _ => Err(problems),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_withheld_cells_as_missing_and_refuses_other_groups() {
        let text = "grupa;wskaznik_kod;rok;n;q1;mediana;q3;p10;p90;srednia;uwaga\n\
                    type_size:gmina_wiejska:0-5000;WSK;2024;12;1.5;2;2.5;;;2.1;\n\
                    type_size:gmina_wiejska:5000-10000;WSK;2024;3;;;;;;;za mało danych w grupie\n";
        let rows = parse_aggregates(text.as_bytes(), "a.csv").expect("valid");
        assert_eq!((rows[0].n, rows[0].median, rows[0].p10), (12, Some(2.0), None));
        assert_eq!(rows[1].note.as_deref(), Some("za mało danych w grupie"));
        let bad = "grupa;wskaznik_kod;rok;n;q1;mediana;q3;p10;p90;srednia;uwaga\n1219053;WSK;2024;1;;;;;;5;\n";
        assert!(parse_aggregates(bad.as_bytes(), "a.csv").is_err());
    }
}
