//! Per-unit public values, DESIGN §6: `teryt;wskaznik_kod;rok;wartosc`.

use crate::cells::{header_problem, indicator_code, value, year};
use crate::error::RowProgress;
use crate::table::read_table;
use crate::text::decode;
use crate::{ImportError, Problem};
use jst_domain::Teryt;

#[derive(Debug, Clone, PartialEq)]
pub struct PublicValueRow {
    pub line: usize,
    pub teryt: Teryt,
    pub indicator: String,
    pub year: i32,
    pub value: f64,
}

const COLUMNS: [&str; 4] = ["teryt", "wskaznik_kod", "rok", "wartosc"];

/// The values of a file and its warnings (a `1.234` that may be a thousand times off).
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedPublicValues {
    pub rows: Vec<PublicValueRow>,
    pub warnings: Vec<Problem>,
}

/// The values alone: for files a program wrote (release chunks, shipped data), where a point is
/// always decimal.
pub fn parse_public_values(bytes: &[u8], file: &str) -> Result<Vec<PublicValueRow>, ImportError> {
    parse_public_values_checked(bytes, file).map(|parsed| parsed.rows)
}

/// The values of a file a person brought, with the warnings to show them.
pub fn parse_public_values_checked(
    bytes: &[u8],
    file: &str,
) -> Result<ParsedPublicValues, ImportError> {
    parse_public_values_with(bytes, file, &mut |_, _| true)
}

/// [`parse_public_values_checked`] reporting progress by rows (and stopping when told to).
pub fn parse_public_values_with(
    bytes: &[u8],
    file: &str,
    progress: RowProgress<'_>,
) -> Result<ParsedPublicValues, ImportError> {
    let header_ok =
        |t: &str| t.lines().next().is_some_and(|l| l.to_ascii_lowercase().starts_with("teryt"));
    let text = decode(bytes, file, header_ok)?;
    let table = read_table(&text, file)?;
    let idx: Vec<Option<usize>> = COLUMNS.iter().map(|c| table.column(&[c])).collect();
    let [Some(t), Some(i), Some(y), Some(v)] = idx[..] else {
        return Err(ImportError::single(file, header_problem(&table.header, &COLUMNS.join(";"))));
    };
    let rows = table.map_rows(file, progress, |line, cell| {
        let teryt =
            Teryt::parse(&cell(t)).map_err(|e| Problem::at(line, Some(COLUMNS[0]), e.to_string()));
        match (
            teryt,
            indicator_code(line, COLUMNS[1], &cell(i)),
            year(line, COLUMNS[2], &cell(y)),
            value(line, COLUMNS[3], &cell(v)),
        ) {
            (Ok(teryt), Ok(indicator), Ok(year), Ok(value)) => {
                Ok(PublicValueRow { line, teryt, indicator, year, value })
            }
            (a, b, c, d) => {
                Err([a.err(), b.err(), c.err(), d.err()].into_iter().flatten().collect())
            }
        }
    })?;
    let warnings = table.ambiguous_points(COLUMNS[3], v);
    Ok(ParsedPublicValues { rows, warnings })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_and_reports_bad_cells() {
        let ok = parse_public_values(
            b"teryt;wskaznik_kod;rok;wartosc\n1219053;LUD_OGOLEM;2024;69 791\n",
            "p.csv",
        );
        let rows = ok.expect("valid");
        assert_eq!(rows[0].teryt.as_str(), "1219053");
        assert_eq!(rows[0].value, 69791.0);

        let bad = parse_public_values(
            b"teryt;wskaznik_kod;rok;wartosc\n1219053;LUD_OGOLEM;2024;x\n12;lud;20;1\n",
            "p.csv",
        );
        let err = bad.expect_err("invalid");
        assert_eq!(err.problems.len(), 3);
        assert_eq!(err.problems[0].row, Some(2));
        assert_eq!(err.problems[0].column.as_deref(), Some("wartosc"));
        assert!(parse_public_values(b"a;b\n1;2\n", "p.csv").is_err());
    }

    #[test]
    fn a_point_before_three_digits_is_a_warning_unless_the_column_settles_it() {
        let text = b"teryt;wskaznik_kod;rok;wartosc\n1219053;WYD_80101;2024;1.234\n";
        let parsed = parse_public_values_checked(text, "p.csv").expect("valid");
        assert_eq!(parsed.rows[0].value, 1.234);
        assert_eq!(parsed.warnings.len(), 1);
        assert_eq!(
            (parsed.warnings[0].row, parsed.warnings[0].column.as_deref()),
            (Some(2), Some("wartosc"))
        );
        let settled = b"teryt;wskaznik_kod;rok;wartosc\n1219053;A;2024;1.234\n1219053;B;2024;1.5\n";
        assert!(parse_public_values_checked(settled, "p.csv").expect("valid").warnings.is_empty());
    }
}
