//! The GUS annual consumer price index as shipped (`rok;wskaznik_rok_poprzedni_100`).

use jst_text::t;

use crate::cells::{header_problem, value, year};
use crate::table::read_table;
use crate::text::decode;
use crate::{ImportError, Problem};

const COLUMNS: [&str; 2] = ["rok", "wskaznik_rok_poprzedni_100"];

/// `(year, index with previous year = 100)` rows; an index must be positive.
pub fn parse_price_index(bytes: &[u8], file: &str) -> Result<Vec<(i32, f64)>, ImportError> {
    let header_ok =
        |t: &str| t.lines().next().is_some_and(|l| l.to_ascii_lowercase().starts_with("rok"));
    let text = decode(bytes, file, header_ok)?;
    let table = read_table(&text, file)?;
    let (Some(y), Some(v)) = (table.column(&[COLUMNS[0]]), table.column(&[COLUMNS[1]])) else {
        return Err(ImportError::single(file, header_problem(&table.header, &COLUMNS.join(";"))));
    };
    table.map_rows(file, &mut |_, _| true, |line, cell| {
        let index = value(line, COLUMNS[1], &cell(v)).and_then(|x| {
            if x > 0.0 {
                Ok(x)
            } else {
                Err(Problem::at(
                    line,
                    Some(COLUMNS[1]),
                    t!("import-price-index-positive", index = x.to_string()),
                ))
            }
        });
        match (year(line, COLUMNS[0], &cell(y)), index) {
            (Ok(year), Ok(index)) => Ok((year, index)),
            (a, b) => Err([a.err(), b.err()].into_iter().flatten().collect()),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_shipped_layout() {
        let rows =
            parse_price_index(b"rok;wskaznik_rok_poprzedni_100\n2023;111,4\n2024;103,6\n", "c.csv");
        assert_eq!(rows.ok(), Some(vec![(2023, 111.4), (2024, 103.6)]));
        let bad = parse_price_index(b"rok;wskaznik_rok_poprzedni_100\n2023;-1\n", "c.csv");
        assert_eq!(bad.map_err(|e| e.problems[0].row), Err(Some(2)));
    }
}
