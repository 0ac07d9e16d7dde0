//! The indicator catalogue, DESIGN §6:
//! `kod;nazwa;jednostka;kierunek;obszar[;opis][;strukturalny][;nazwa_en][;wzor][;liczba_osob]`,
//! `kierunek` being the polarity (`wiecej_lepiej | mniej_lepiej | neutralny`).

use std::collections::HashMap;

use jst_domain::{Formula, Polarity};
use jst_text::t;

use crate::cells::{header_problem, indicator_code};
use crate::error::RowProgress;
use crate::workbook::read_tabular;
use crate::{ImportError, Problem};

#[derive(Debug, Clone, PartialEq)]
pub struct CatalogueRow {
    pub line: usize,
    pub code: String,
    pub name_pl: String,
    pub name_en: Option<String>,
    pub unit: String,
    pub polarity: Polarity,
    pub area: String,
    pub definition: Option<String>,
    pub structural: bool,
    pub person_count: bool,
    pub formula: Option<Formula>,
}

const COLUMNS: [&str; 10] = [
    "kod",
    "nazwa",
    "jednostka",
    "kierunek",
    "obszar",
    "opis",
    "strukturalny",
    "nazwa_en",
    "wzor",
    "liczba_osob",
];
const REQUIRED: usize = 5;

pub fn parse_catalogue(bytes: &[u8], file: &str) -> Result<Vec<CatalogueRow>, ImportError> {
    parse_catalogue_with(bytes, file, &mut |_, _| true)
}

/// [`parse_catalogue`] reporting progress by rows (and stopping when told to).
pub fn parse_catalogue_with(
    bytes: &[u8],
    file: &str,
    progress: RowProgress<'_>,
) -> Result<Vec<CatalogueRow>, ImportError> {
    let header_ok = |t: &str| t.lines().next().is_some_and(|l| l.trim_start().starts_with("kod"));
    let (table, _) = read_tabular(bytes, file, &["katalog"], header_ok)?;
    let idx: Vec<Option<usize>> = COLUMNS.iter().map(|c| table.column(&[c])).collect();
    if idx[..REQUIRED].iter().any(Option::is_none) {
        return Err(ImportError::single(
            file,
            header_problem(&table.header, "kod;nazwa;jednostka;kierunek;obszar[;opis][;strukturalny][;nazwa_en][;wzor][;liczba_osob]"),
        ));
    }
    let mut first_line: HashMap<String, usize> = HashMap::new();
    table.map_rows(file, progress, |line, cell| {
        let get = |k: usize| idx[k].map(cell).unwrap_or_default();
        let optional = |k: usize| Some(get(k)).filter(|v| !v.is_empty());
        let mut problems = Vec::new();
        let code = indicator_code(line, COLUMNS[0], &get(0)).map_err(|p| problems.push(p)).ok();
        if let Some(code) = &code {
            if let Some(first) = first_line.insert(code.clone(), line) {
                problems.push(Problem::at(
                    line,
                    Some(COLUMNS[0]),
                    t!("import-catalogue-repeated", code = code, first = first),
                ));
            }
        }
        let name = get(1);
        if name.is_empty() {
            problems.push(Problem::at(line, Some(COLUMNS[1]), t!("import-catalogue-no-name")));
        }
        let unit = get(2);
        if unit.is_empty() {
            problems.push(Problem::at(line, Some(COLUMNS[2]), t!("import-catalogue-no-unit")));
        }
        let polarity = match get(3).as_str() {
            "wiecej_lepiej" => Some(Polarity::HigherIsBetter),
            "mniej_lepiej" => Some(Polarity::LowerIsBetter),
            "neutralny" => Some(Polarity::Neutral),
            other => {
                problems.push(Problem::at(
                    line,
                    Some(COLUMNS[3]),
                    t!("import-catalogue-polarity", polarity = other),
                ));
                None
            }
        };
        let area = get(4);
        if area.is_empty() {
            problems.push(Problem::at(line, Some(COLUMNS[4]), t!("import-catalogue-no-area")));
        }
        let mut flag = |k: usize| match get(k).as_str() {
            "" | "nie" => false,
            "tak" => true,
            other => {
                problems.push(Problem::at(
                    line,
                    Some(COLUMNS[k]),
                    t!("import-catalogue-flag", flag = other),
                ));
                false
            }
        };
        let structural = flag(6);
        let person_count = flag(9);
        let formula = optional(8).and_then(|f| {
            Formula::parse(&f)
                .map_err(|e| problems.push(Problem::at(line, Some(COLUMNS[8]), e.to_string())))
                .ok()
        });
        match (code, polarity) {
            (Some(code), Some(polarity)) if problems.is_empty() => Ok(CatalogueRow {
                line,
                code,
                name_pl: name,
                name_en: optional(7),
                unit,
                polarity,
                area,
                definition: optional(5),
                structural,
                person_count,
                formula,
            }),
            _ => Err(problems),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str =
        "kod;nazwa;jednostka;kierunek;obszar;opis;strukturalny;nazwa_en;wzor;liczba_osob";

    #[test]
    fn reads_entries_with_formulas() {
        let text = format!("{HEADER}\nKOSZT;Koszt na mieszkańca;zł;mniej_lepiej;finanse;;nie;Cost;WYD_1+WYD_2 / LUD_OGOLEM;\nLUD_OGOLEM;Ludność;osoby;neutralny;demografia;;tak;;;tak\n");
        let rows = parse_catalogue(text.as_bytes(), "k.csv").expect("valid");
        assert_eq!(
            rows[0].formula.as_ref().map(ToString::to_string).as_deref(),
            Some("WYD_1+WYD_2 / LUD_OGOLEM")
        );
        assert_eq!(rows[0].polarity, Polarity::LowerIsBetter);
        assert!(rows[1].structural && rows[1].person_count);
        let short =
            parse_catalogue(b"kod;nazwa;jednostka;kierunek;obszar\nA;A;%;neutralny;x\n", "k.csv")
                .expect("valid");
        assert_eq!(short[0].definition, None);
    }

    #[test]
    fn reports_bad_cells() {
        let text = format!("{HEADER}\nA;;%;lepiej;;;może;;A /;\nA;Nazwa;%;neutralny;x;;;;;\n");
        let err = parse_catalogue(text.as_bytes(), "k.csv").expect_err("bad");
        let columns: Vec<&str> = err.problems.iter().filter_map(|p| p.column.as_deref()).collect();
        for column in ["nazwa", "kierunek", "obszar", "strukturalny", "wzor", "kod"] {
            assert!(columns.contains(&column), "{column} in {err}");
        }
    }
}
