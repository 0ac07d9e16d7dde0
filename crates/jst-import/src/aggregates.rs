//! Contributed aggregates as a release carries them (DESIGN §8): the row and header of
//! `jst_release`'s aggregates chunk, read strictly; empty cells are figures the policy withholds.

use jst_release::{AggregateRow, AGGREGATES_HEADER};
use jst_text::t;

use crate::cells::{header_problem, indicator_code, value, year};
use crate::table::read_table;
use crate::text::decode;
use crate::{ImportError, Problem};

pub fn parse_aggregates(bytes: &[u8], file: &str) -> Result<Vec<AggregateRow>, ImportError> {
    let header_ok = |t: &str| t.lines().next().is_some_and(|l| l.starts_with("grupa"));
    let text = decode(bytes, file, header_ok)?;
    let table = read_table(&text, file)?;
    let columns: Vec<&'static str> = AGGREGATES_HEADER.split(';').collect();
    let idx: Vec<Option<usize>> = columns.iter().map(|c| table.column(&[c])).collect();
    let Some(idx) = idx.into_iter().collect::<Option<Vec<usize>>>() else {
        return Err(ImportError::single(file, header_problem(&table.header, AGGREGATES_HEADER)));
    };
    table.map_rows(file, &mut |_, _| true, |line, cell| {
        let mut problems = Vec::new();
        let group = cell(idx[0]);
        if !group.starts_with("type_size:") {
            problems.push(Problem::at(
                line,
                Some(columns[0]),
                t!("import-aggregates-group", group = &group),
            ));
        }
        let optional = |i: usize, problems: &mut Vec<Problem>| {
            let raw = cell(idx[i]);
            if raw.is_empty() {
                None
            } else {
                value(line, columns[i], &raw).map_err(|p| problems.push(p)).ok()
            }
        };
        let n = cell(idx[3]).parse::<u32>().map_err(|_| {
            problems.push(Problem::at(line, Some(columns[3]), t!("import-aggregates-count")))
        });
        let indicator =
            indicator_code(line, columns[1], &cell(idx[1])).map_err(|p| problems.push(p));
        let y = year(line, columns[2], &cell(idx[2])).map_err(|p| problems.push(p));
        let (q1, median, q3) =
            (optional(4, &mut problems), optional(5, &mut problems), optional(6, &mut problems));
        let (p10, p90, mean) =
            (optional(7, &mut problems), optional(8, &mut problems), optional(9, &mut problems));
        let note = Some(cell(idx[10])).filter(|n| !n.is_empty());
        match (indicator, y, n) {
            (Ok(indicator), Ok(year), Ok(n)) if problems.is_empty() => {
                Ok(AggregateRow { group, indicator, year, n, q1, median, q3, p10, p90, mean, note })
            }
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

    fn figure() -> impl proptest::strategy::Strategy<Value = Option<f64>> {
        proptest::option::of(-1e9f64..1e9)
    }

    proptest::proptest! {
        /// What the server renders with `jst_release` is what the desktop reads back, exactly.
        #[test]
        fn rendered_rows_read_back_unchanged(
            rows in proptest::collection::vec(
                (
                    "type_size:[a-z_]{1,20}:[0-9]{1,5}-[0-9]{1,6}",
                    "[A-Z][A-Z0-9_]{0,15}",
                    1990i32..=2100,
                    proptest::num::u32::ANY,
                    (figure(), figure(), figure()),
                    (figure(), figure(), figure()),
                    proptest::option::of("[a-ząęół]{1,10}( [a-ząęół]{1,10}){0,2}"),
                ),
                1..8,
            )
        ) {
            let rows: Vec<AggregateRow> = rows
                .into_iter()
                .map(|(group, indicator, year, n, (q1, median, q3), (p10, p90, mean), note)| {
                    AggregateRow { group, indicator, year, n, q1, median, q3, p10, p90, mean, note }
                })
                .collect();
            let text = jst_release::aggregates_csv(&rows);
            let read = parse_aggregates(text.as_bytes(), "a.csv");
            proptest::prop_assert_eq!(read.ok(), Some(rows));
        }
    }
}
