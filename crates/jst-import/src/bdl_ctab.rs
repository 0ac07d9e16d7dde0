//! The "CTAB" CSV of the GUS BDL web export: `"Kod";"Nazwa";"ogółem";"0-4";…;` with one row per
//! unit (7-digit `WWPPGGR` codes, gmina parts and Warsaw districts included). Copies re-saved by a
//! spreadsheet are accepted: no BOM, no quotes, no diacritics, codes without their leading zero.

use jst_text::t;

use crate::cells::quoted;
use crate::error::MAX_PROBLEMS;
use crate::number::decimal;
use crate::table::read_table;
use crate::text::decode;
use crate::{ImportError, Problem};
use std::collections::HashMap;

/// A whole CTAB export.
#[derive(Debug, Clone, PartialEq)]
pub struct CtabTable {
    /// The year named in a value header cell such as `ogółem;ogółem;2018;[osoba]`, if any.
    pub year: Option<i32>,
    /// Value columns (all but "Kod" and "Nazwa"), as written: trimmed, without quotes.
    pub columns: Vec<String>,
    pub rows: Vec<CtabRow>,
    /// Values such as `1.234` that may be a thousand times off (read as written).
    pub warnings: Vec<Problem>,
}

/// One unit of a CTAB export.
#[derive(Debug, Clone, PartialEq)]
pub struct CtabRow {
    /// 1-based line of the file (the header is line 1).
    pub line: usize,
    /// Exactly 7 digits (left-padded with zeros when a spreadsheet dropped them).
    pub code: String,
    pub name: String,
    /// One per column; an empty or `-` cell is `None`.
    pub values: Vec<Option<f64>>,
}

const KOD: &str = "Kod";
const NAZWA: &str = "Nazwa";

pub fn parse_ctab(bytes: &[u8], file: &str) -> Result<CtabTable, ImportError> {
    let header_ok = |t: &str| {
        t.lines().next().is_some_and(|l| {
            let l = l.to_lowercase();
            l.contains("kod") && l.contains("nazwa")
        })
    };
    let text = decode(bytes, file, header_ok)?;
    if text.trim_start().starts_with('<') {
        return Err(ImportError::single(file, Problem::file(t!("import-ctab-xml"))));
    }
    let table = read_table(&text, file)?;
    let mut header = table.header.clone();
    while header.last().is_some_and(String::is_empty) {
        header.pop();
    }
    let find = |name: &str| header.iter().position(|h| h.eq_ignore_ascii_case(name));
    let (Some(kod), Some(nazwa)) = (find(KOD), find(NAZWA)) else {
        return Err(ImportError::single(
            file,
            Problem::at(1, None, t!("import-ctab-header", header = quoted(&header.join(";")))),
        ));
    };
    let value_columns: Vec<usize> = (0..header.len()).filter(|&k| k != kod && k != nazwa).collect();
    if value_columns.is_empty() {
        return Err(ImportError::single(file, Problem::at(1, None, t!("import-ctab-no-values"))));
    }
    let columns: Vec<String> = value_columns.iter().map(|&k| header[k].clone()).collect();
    let width = header.len();
    // The web export ends the header and every row with `;`. A copy may drop it from rows, but
    // when the file ends without a line break, its last row lacking it was cut inside its last
    // value (`5168` read as `516`).
    let cut_short = !text.ends_with(['\n', '\r']);
    let last_line = table.rows.last().map(|(line, _)| *line);

    let mut rows = Vec::with_capacity(table.rows.len());
    let mut problems = Vec::new();
    for (line, fields) in &table.rows {
        let line = *line;
        let required =
            if cut_short && Some(line) == last_line { table.header.len() } else { width };
        match parse_row(line, fields, (width, required), kod, nazwa, &value_columns, &columns) {
            Ok(row) => rows.push(row),
            Err(found) => problems.extend(found),
        }
        if problems.len() >= MAX_PROBLEMS {
            break;
        }
    }

    if problems.is_empty() {
        let mut seen: HashMap<&str, &CtabRow> = HashMap::new();
        for row in &rows {
            if let Some(first) = seen.get(row.code.as_str()) {
                problems.push(Problem::at(
                    row.line,
                    Some(KOD),
                    t!(
                        "import-ctab-ambiguous-code",
                        code = &row.code,
                        written = raw_code(&table.rows, row.line, kod),
                        first = first.line,
                        first_written = raw_code(&table.rows, first.line, kod),
                    ),
                ));
                if problems.len() >= MAX_PROBLEMS {
                    break;
                }
            } else {
                seen.insert(&row.code, row);
            }
        }
    }

    if problems.is_empty() && rows.is_empty() {
        problems.push(Problem::file(t!("import-ctab-no-rows")));
    }
    if !problems.is_empty() {
        problems.truncate(MAX_PROBLEMS);
        return Err(ImportError::new(file, problems));
    }
    let year = columns.iter().find_map(|c| header_year(c));
    let warnings = value_columns
        .iter()
        .zip(&columns)
        .flat_map(|(&k, column)| table.ambiguous_points(column, k))
        .collect();
    Ok(CtabTable { year, columns, rows, warnings })
}

/// Index of the value column called `name`, ignoring case and Polish diacritics; a header cell
/// with `;`-separated parts (`ogółem;ogółem;2018;[osoba]`) also matches by its first part.
pub fn ctab_column(table: &CtabTable, name: &str) -> Option<usize> {
    let wanted = jst_domain::fold_for_search(name.trim());
    table.columns.iter().position(|c| {
        jst_domain::fold_for_search(c) == wanted
            || (c.contains(';')
                && c.split(';').next().is_some_and(|p| jst_domain::fold_for_search(p) == wanted))
    })
}

fn raw_code(rows: &[(usize, Vec<String>)], line: usize, kod: usize) -> String {
    rows.iter().find(|(l, _)| *l == line).and_then(|(_, f)| f.get(kod).cloned()).unwrap_or_default()
}

/// A 4-digit year 1990–2100 among the `;`-separated parts of a header cell.
fn header_year(cell: &str) -> Option<i32> {
    if !cell.contains(';') {
        return None;
    }
    cell.split(';').map(str::trim).find_map(|part| {
        (part.len() == 4 && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<i32>().ok())
            .flatten()
            .filter(|y| (1990..=2100).contains(y))
    })
}

fn parse_code(line: usize, raw: &str) -> Result<String, Problem> {
    let digits = !raw.is_empty() && raw.bytes().all(|b| b.is_ascii_digit());
    match raw.len() {
        7 if digits => Ok(raw.to_owned()),
        6 if digits => Ok(format!("0{raw}")),
        _ => Err(Problem::at(line, Some(KOD), t!("import-ctab-code", code = raw))),
    }
}

fn parse_row(
    line: usize,
    fields: &[String],
    (width, required): (usize, usize),
    kod: usize,
    nazwa: usize,
    value_columns: &[usize],
    columns: &[String],
) -> Result<CtabRow, Vec<Problem>> {
    if fields.len() < required {
        return Err(vec![Problem::at(
            line,
            None,
            t!("import-ctab-short-row", cells = fields.len(), header = required),
        )]);
    }
    if fields[width..].iter().any(|f| !f.is_empty()) {
        return Err(vec![Problem::at(
            line,
            None,
            t!("import-ctab-long-row", cells = fields.len(), header = width),
        )]);
    }
    let mut problems = Vec::new();
    let code = parse_code(line, &fields[kod]).map_err(|p| problems.push(p)).ok();
    let name = fields[nazwa].clone();
    if name.is_empty() {
        problems.push(Problem::at(line, Some(NAZWA), t!("import-no-unit-name")));
    }
    let mut values = Vec::with_capacity(value_columns.len());
    for (&k, column) in value_columns.iter().zip(columns) {
        let raw = fields[k].as_str();
        if raw.is_empty() || raw == "-" {
            values.push(None);
        } else {
            match decimal(raw) {
                Ok(v) => values.push(Some(v)),
                Err(why) => problems.push(Problem::at(
                    line,
                    Some(column),
                    t!("import-ctab-value", value = quoted(raw), why = why.describe()),
                )),
            }
        }
    }
    match code {
        Some(code) if problems.is_empty() => Ok(CtabRow { line, code, name, values }),
        _ => Err(problems),
    }
}
