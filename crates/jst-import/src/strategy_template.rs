//! The strategy template of DESIGN §6, from CSV (any encoding and delimiter of §6) or XLSX.
//! One row per node; a row may attach one indicator, and repeating a node's columns attaches
//! more. An XLSX may carry the strategy's name, period and resolution in a sheet `strategia`.

use std::collections::HashMap;

use jst_domain::strategy::{
    Direction, NodeIndicator, NodeLevel, StrategyNode, StrategyTree, YearValue,
};
use jst_text::t;

use crate::cells::{indicator_code, value, year};
use crate::error::{RowProgress, MAX_PROBLEMS, PROGRESS_EVERY};
use crate::number::{ambiguous_points, parse_decimal};
use crate::strategy_rules as rules;
use crate::table::Table;
use crate::workbook::read_tabular;
use crate::{ImportError, Problem, Severity};

/// Column names in template order; the last three are optional.
pub const TEMPLATE_COLUMNS: [&str; 17] = [
    "kod",
    "kod_nadrzedny",
    "poziom",
    "nazwa",
    "waga_wezla",
    "wskaznik_kod",
    "wskaznik_nazwa",
    "jednostka",
    "kierunek",
    "rok_bazowy",
    "wartosc_bazowa",
    "rok_docelowy",
    "wartosc_docelowa",
    "waga_wskaznika",
    "komorka",
    "zrodlo",
    "kamienie_milowe",
];
const REQUIRED_COLUMNS: usize = 14;

/// What the `strategia` sheet says about the strategy.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StrategyMeta {
    pub name: Option<String>,
    pub period_from: Option<i32>,
    pub period_to: Option<i32>,
    pub resolution: Option<String>,
}

/// A valid template: the tree, the metadata and the findings that did not stop the import
/// (warnings and information).
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedStrategy {
    pub tree: StrategyTree,
    pub meta: StrategyMeta,
    pub findings: Vec<Problem>,
}

pub fn parse_strategy_template(bytes: &[u8], file: &str) -> Result<ParsedStrategy, ImportError> {
    parse_strategy_template_with(bytes, file, &mut |_, _| true)
}

/// [`parse_strategy_template`] reporting progress by rows (and stopping when told to).
pub fn parse_strategy_template_with(
    bytes: &[u8],
    file: &str,
    progress: RowProgress<'_>,
) -> Result<ParsedStrategy, ImportError> {
    let header_ok = |t: &str| t.lines().next().is_some_and(|l| l.trim_start().starts_with("kod"));
    let (table, workbook) = read_tabular(bytes, file, &["szablon", "wezly", "węzły"], header_ok)?;
    let meta = match workbook {
        Some(mut wb) => match wb.table("strategia")? {
            Some(sheet) => read_meta(&sheet, file)?,
            None => StrategyMeta::default(),
        },
        None => StrategyMeta::default(),
    };
    let columns = Columns::find(&table, file)?;
    let mut builder = TreeBuilder::default();
    let total = table.rows.len();
    for (index, (line, fields)) in table.rows.iter().enumerate() {
        if index % PROGRESS_EVERY == 0 && !progress(index, total) {
            return Err(ImportError::cancelled(file));
        }
        builder.row(*line, &|k: usize| columns.cell(fields, k));
        if builder.errors() >= MAX_PROBLEMS {
            break;
        }
    }
    progress(total, total);
    let (tree, mut findings) = builder.finish();
    if table.delimiter.is_some() {
        for column in [col::WAGA_WEZLA, col::WART_BAZOWA, col::WART_DOCELOWA, col::WAGA_WSK] {
            let cells =
                table.rows.iter().map(|(line, fields)| (*line, columns.cell(fields, column)));
            findings.extend(ambiguous_points(name(column), cells));
        }
    }
    findings.sort_by_key(|p| (p.severity, p.row));
    if findings.iter().any(|p| p.severity.stops_import()) {
        return Err(ImportError::new(file, findings));
    }
    Ok(ParsedStrategy { tree, meta, findings })
}

struct Columns {
    index: Vec<Option<usize>>,
}

impl Columns {
    fn find(table: &Table, file: &str) -> Result<Self, ImportError> {
        let index: Vec<Option<usize>> =
            TEMPLATE_COLUMNS.iter().map(|name| table.column(&[name])).collect();
        let missing: Vec<&str> = TEMPLATE_COLUMNS[..REQUIRED_COLUMNS]
            .iter()
            .zip(&index)
            .filter(|(_, i)| i.is_none())
            .map(|(name, _)| *name)
            .collect();
        if !missing.is_empty() {
            return Err(ImportError::single(
                file,
                Problem::at(
                    1,
                    None,
                    t!(
                        "import-strategy-not-template",
                        missing = missing.join(", "),
                        expected = TEMPLATE_COLUMNS.join(";")
                    ),
                )
                .with_severity(Severity::Krytyczny),
            ));
        }
        Ok(Self { index })
    }

    fn cell(&self, fields: &[String], column: usize) -> String {
        self.index[column]
            .and_then(|i| fields.get(i))
            .map(|c| crate::unguard_formula(c).to_owned())
            .unwrap_or_default()
    }
}

fn read_meta(sheet: &Table, file: &str) -> Result<StrategyMeta, ImportError> {
    let Some((line, fields)) = sheet.rows.first() else { return Ok(StrategyMeta::default()) };
    let cell = |name: &str| {
        sheet
            .column(&[name])
            .and_then(|i| fields.get(i))
            .map(|c| crate::unguard_formula(c).to_owned())
            .filter(|v| !v.is_empty())
    };
    let period = |name: &str| -> Result<Option<i32>, ImportError> {
        cell(name)
            .map(|raw| {
                year(*line, name, &raw).map_err(|p| {
                    ImportError::single(
                        &t!("import-file-sheet", file = file, sheet = "strategia"),
                        p,
                    )
                })
            })
            .transpose()
    };
    Ok(StrategyMeta {
        name: cell("nazwa"),
        period_from: period("okres_od")?,
        period_to: period("okres_do")?,
        resolution: cell("uchwala"),
    })
}

/// Accumulates nodes and findings row by row, then checks the tree as a whole.
#[derive(Default)]
struct TreeBuilder {
    nodes: Vec<StrategyNode>,
    /// For each node: the line that defined it.
    lines: Vec<usize>,
    by_code: HashMap<String, usize>,
    findings: Vec<Problem>,
}

/// Column positions in [`TEMPLATE_COLUMNS`].
mod col {
    pub const KOD: usize = 0;
    pub const NADRZEDNY: usize = 1;
    pub const POZIOM: usize = 2;
    pub const NAZWA: usize = 3;
    pub const WAGA_WEZLA: usize = 4;
    pub const WSK_KOD: usize = 5;
    pub const WSK_NAZWA: usize = 6;
    pub const JEDNOSTKA: usize = 7;
    pub const KIERUNEK: usize = 8;
    pub const ROK_BAZOWY: usize = 9;
    pub const WART_BAZOWA: usize = 10;
    pub const ROK_DOCELOWY: usize = 11;
    pub const WART_DOCELOWA: usize = 12;
    pub const WAGA_WSK: usize = 13;
    pub const KOMORKA: usize = 14;
    pub const ZRODLO: usize = 15;
    pub const KAMIENIE: usize = 16;
}

fn name(column: usize) -> &'static str {
    TEMPLATE_COLUMNS[column]
}

impl TreeBuilder {
    fn errors(&self) -> usize {
        self.findings.iter().filter(|p| p.severity.stops_import()).count()
    }

    fn error(&mut self, line: usize, column: usize, message: String) {
        self.findings.push(Problem::at(line, Some(name(column)), message));
    }

    fn weight(&mut self, line: usize, column: usize, raw: &str) -> f64 {
        if raw.is_empty() {
            return 1.0;
        }
        match parse_decimal(raw) {
            Some(w) if w >= 0.0 => w,
            _ => {
                let message = t!("import-strategy-weight", problem = rules::weight_message(raw));
                self.error(line, column, message);
                1.0
            }
        }
    }

    fn row(&mut self, line: usize, cell: &dyn Fn(usize) -> String) {
        let code = cell(col::KOD);
        if code.is_empty() {
            self.error(line, col::KOD, t!("import-strategy-no-code"));
            return;
        }
        let parent = Some(cell(col::NADRZEDNY)).filter(|p| !p.is_empty());
        let level_raw = cell(col::POZIOM);
        let level = NodeLevel::from_code(&level_raw);
        if level.is_none() {
            self.error(line, col::POZIOM, t!("import-strategy-level", level = &level_raw));
        }
        let title = cell(col::NAZWA);
        if let Some(message) = rules::title_problem(&code, &title) {
            self.error(line, col::NAZWA, message);
        }
        let weight = self.weight(line, col::WAGA_WEZLA, &cell(col::WAGA_WEZLA));
        let indicator = self.indicator(line, cell);
        let Some(level) = level else { return };

        let index = match self.by_code.get(&code) {
            Some(&index) => {
                let first = &self.nodes[index];
                let first_line = self.lines[index];
                let mut disagreements = Vec::new();
                if first.parent_code != parent {
                    disagreements.push(col::NADRZEDNY);
                }
                if first.level != level {
                    disagreements.push(col::POZIOM);
                }
                if first.title != title {
                    disagreements.push(col::NAZWA);
                }
                if first.weight != weight {
                    disagreements.push(col::WAGA_WEZLA);
                }
                for column in disagreements {
                    self.error(
                        line,
                        column,
                        t!(
                            "import-strategy-node-disagrees",
                            code = &code,
                            column = name(column),
                            first = first_line
                        ),
                    );
                }
                index
            }
            None => {
                self.nodes.push(StrategyNode {
                    code: code.clone(),
                    parent_code: parent,
                    level,
                    title,
                    weight,
                    indicators: Vec::new(),
                });
                self.lines.push(line);
                self.by_code.insert(code.clone(), self.nodes.len() - 1);
                self.nodes.len() - 1
            }
        };
        if let Some(indicator) = indicator {
            if self.nodes[index].indicators.iter().any(|i| i.code == indicator.code) {
                self.error(line, col::WSK_KOD, rules::attached_twice(&indicator.code, &code));
            } else {
                self.nodes[index].indicators.push(indicator);
            }
        }
    }

    fn indicator(&mut self, line: usize, cell: &dyn Fn(usize) -> String) -> Option<NodeIndicator> {
        let raw_code = cell(col::WSK_KOD);
        if raw_code.is_empty() {
            let stray = (col::WSK_NAZWA..=col::WAGA_WSK).any(|c| !cell(c).is_empty());
            if stray {
                self.findings.push(
                    Problem::at(
                        line,
                        Some(name(col::WSK_KOD)),
                        t!("import-strategy-stray-indicator"),
                    )
                    .with_severity(Severity::Ostrzezenie),
                );
            }
            return None;
        }
        let before = self.errors();
        let code = indicator_code(line, name(col::WSK_KOD), &raw_code)
            .map_err(|p| self.findings.push(p))
            .ok();
        let indicator_name = cell(col::WSK_NAZWA);
        if let Some(message) = rules::indicator_name_problem(&raw_code, &indicator_name) {
            self.error(line, col::WSK_NAZWA, message);
        }
        let unit = cell(col::JEDNOSTKA);
        if let Some(message) = rules::unit_warning(&raw_code, &unit) {
            self.findings.push(
                Problem::at(line, Some(name(col::JEDNOSTKA)), message)
                    .with_severity(Severity::Ostrzezenie),
            );
        }
        let direction_raw = cell(col::KIERUNEK);
        let given = if direction_raw.is_empty() {
            None
        } else {
            let parsed = Direction::from_code_pl(&direction_raw);
            if parsed.is_none() {
                self.error(
                    line,
                    col::KIERUNEK,
                    t!("import-strategy-direction", direction = &direction_raw),
                );
            }
            parsed
        };
        let mut number = |column: usize, is_year: bool| -> Option<f64> {
            let raw = cell(column);
            if raw.is_empty() {
                let message = if column == col::ROK_DOCELOWY {
                    t!("import-strategy-no-target-year", code = &raw_code)
                } else {
                    t!("import-strategy-no-value", code = &raw_code)
                };
                self.error(line, column, message);
                return None;
            }
            let parsed = if is_year {
                year(line, name(column), &raw).map(f64::from)
            } else {
                value(line, name(column), &raw)
            };
            parsed.map_err(|p| self.findings.push(p)).ok()
        };
        let baseline_year = number(col::ROK_BAZOWY, true);
        let baseline_value = number(col::WART_BAZOWA, false);
        let target_year = number(col::ROK_DOCELOWY, true);
        let target_value = number(col::WART_DOCELOWA, false);
        let weight = self.weight(line, col::WAGA_WSK, &cell(col::WAGA_WSK));
        if let (Some(t0), Some(t)) = (baseline_year, target_year) {
            if let Some(message) = rules::target_year_problem(t0 as i32, t as i32) {
                self.error(line, col::ROK_DOCELOWY, message);
            }
        }
        if let (Some(b), Some(g)) = (baseline_value, target_value) {
            if let Some(message) = rules::direction_problem(given, b, g) {
                self.error(line, col::KIERUNEK, message);
            } else if let Some(message) = rules::maintain_note(&raw_code, given, b, g) {
                self.findings.push(
                    Problem::at(line, Some(name(col::KIERUNEK)), message)
                        .with_severity(Severity::Informacja),
                );
            }
        }
        let milestones = self.milestones(line, &cell(col::KAMIENIE), baseline_year, target_year);
        if self.errors() > before {
            return None;
        }
        let optional = |column: usize| Some(cell(column)).filter(|v| !v.is_empty());
        Some(NodeIndicator {
            code: code?,
            name: indicator_name,
            unit,
            direction: given,
            baseline: YearValue { year: baseline_year? as i32, value: baseline_value? },
            target: YearValue { year: target_year? as i32, value: target_value? },
            weight,
            department: optional(col::KOMORKA),
            source: optional(col::ZRODLO),
            milestones,
        })
    }

    fn milestones(
        &mut self,
        line: usize,
        raw: &str,
        from: Option<f64>,
        to: Option<f64>,
    ) -> Vec<YearValue> {
        let mut out: Vec<YearValue> = Vec::new();
        for part in raw.split('|').map(str::trim).filter(|p| !p.is_empty()) {
            let parsed = part.split_once('=').and_then(|(y, v)| {
                let y = y.trim().parse::<i32>().ok().filter(|y| (1990..=2100).contains(y))?;
                Some(YearValue { year: y, value: parse_decimal(v)? })
            });
            match parsed {
                Some(m) if out.iter().any(|o| o.year == m.year) => {
                    self.error(line, col::KAMIENIE, rules::milestone_repeated(m.year))
                }
                Some(m) => {
                    // A year the file did not give cannot bound the period.
                    let from = from.map_or(i32::MIN, |f| f as i32);
                    let to = to.map_or(i32::MAX, |t| t as i32);
                    if let Some(message) = rules::milestone_period_problem(m.year, from, to) {
                        self.findings.push(
                            Problem::at(line, Some(name(col::KAMIENIE)), message)
                                .with_severity(Severity::Ostrzezenie),
                        );
                    }
                    out.push(m);
                }
                None => self.error(
                    line,
                    col::KAMIENIE,
                    t!("import-strategy-milestone", milestone = part),
                ),
            }
        }
        out.sort_by_key(|m| m.year);
        out
    }

    fn finish(mut self) -> (StrategyTree, Vec<Problem>) {
        let lines = &self.lines;
        let tree = rules::tree_problems(&self.nodes, &|i| t!("import-in-row", row = lines[i]));
        self.findings.extend(tree.into_iter().map(|p| {
            Problem::at(self.lines[p.node], Some(p.column), p.message).with_severity(p.severity)
        }));
        let indicators: usize = self.nodes.iter().map(|n| n.indicators.len()).sum();
        self.findings.push(
            Problem::file(t!(
                "import-strategy-summary",
                nodes = self.nodes.len(),
                indicators = indicators
            ))
            .with_severity(Severity::Informacja),
        );
        (StrategyTree { nodes: self.nodes }, self.findings)
    }
}

/// Writes a tree back as a template (UTF-8, `;`, decimal comma, all 17 columns): importing the
/// result gives the same tree. A node without indicators takes one row; a node with indicators
/// takes one row per indicator.
pub fn render_strategy_template(tree: &StrategyTree) -> String {
    use jst_domain::strategy::{format_milestones, format_number};
    let mut out = TEMPLATE_COLUMNS.join(";");
    out.push('\n');
    let quote = |text: &str| -> String {
        let text = crate::guard_formula(text);
        if text.contains([';', '"', '\n', '\r']) {
            format!("\"{}\"", text.replace('"', "\"\""))
        } else {
            text.into_owned()
        }
    };
    for node in &tree.nodes {
        let node_cells = [
            quote(&node.code),
            quote(node.parent_code.as_deref().unwrap_or_default()),
            node.level.code().to_owned(),
            quote(&node.title),
            format_number(node.weight),
        ];
        let indicator_rows: Vec<[String; 12]> = node
            .indicators
            .iter()
            .map(|i| {
                [
                    i.code.clone(),
                    quote(&i.name),
                    quote(&i.unit),
                    i.direction.map(|d| d.code_pl().to_owned()).unwrap_or_default(),
                    i.baseline.year.to_string(),
                    format_number(i.baseline.value),
                    i.target.year.to_string(),
                    format_number(i.target.value),
                    format_number(i.weight),
                    quote(i.department.as_deref().unwrap_or_default()),
                    quote(i.source.as_deref().unwrap_or_default()),
                    format_milestones(&i.milestones),
                ]
            })
            .collect();
        if indicator_rows.is_empty() {
            out.push_str(&node_cells.join(";"));
            out.push_str(&";".repeat(12));
            out.push('\n');
        }
        for row in indicator_rows {
            out.push_str(&node_cells.join(";"));
            out.push(';');
            out.push_str(&row.join(";"));
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "kod;kod_nadrzedny;poziom;nazwa;waga_wezla;wskaznik_kod;wskaznik_nazwa;jednostka;kierunek;rok_bazowy;wartosc_bazowa;rok_docelowy;wartosc_docelowa;waga_wskaznika;komorka;zrodlo;kamienie_milowe";

    fn template(rows: &[&str]) -> String {
        let mut text = format!("{HEADER}\n");
        for row in rows {
            text.push_str(row);
            text.push('\n');
        }
        text
    }

    const GOOD: [&str; 5] = [
        "1;;cel_strategiczny;Wysoka jakość życia;;;;;;;;;;;;;",
        "1.1;1;cel_operacyjny;Dostępna edukacja;2;WSK_PRZEDSZKOLA;Odsetek dzieci w przedszkolach;%;wzrost;2019;86,1;2030;95;;Wydział Edukacji;SIO;2025=90|2027=92",
        "1.1;1;cel_operacyjny;Dostępna edukacja;2;WSK_BEZROBOCIE;Udział bezrobotnych;%;spadek;2019;2,4;2030;1,5;0,5;;GUS;",
        "1.1.1;1.1;zadanie;Budowa przedszkola;;;;;;;;;;;;;",
        "2;;cel_strategiczny;Środowisko;;WSK_KANALIZACJA;Odsetek ludności z kanalizacją;%;;2019;71,5;2030;90;;;;",
    ];

    #[test]
    fn reads_a_valid_template() {
        let parsed = parse_strategy_template(template(&GOOD).as_bytes(), "s.csv").expect("valid");
        let nodes = &parsed.tree.nodes;
        assert_eq!(nodes.len(), 4);
        assert_eq!(nodes[1].code, "1.1");
        assert_eq!(nodes[1].weight, 2.0);
        assert_eq!(nodes[1].indicators.len(), 2);
        let przedszkola = &nodes[1].indicators[0];
        assert_eq!(przedszkola.baseline, YearValue { year: 2019, value: 86.1 });
        assert_eq!(przedszkola.department.as_deref(), Some("Wydział Edukacji"));
        assert_eq!(przedszkola.milestones.len(), 2);
        assert_eq!(nodes[1].indicators[1].weight, 0.5);
        assert_eq!(nodes[3].indicators[0].direction, None);
        assert_eq!(nodes[3].indicators[0].direction(), Direction::Increase);
        assert_eq!(parsed.tree.span(), Some((2019, 2030)));
        assert!(parsed.findings.iter().all(|f| !f.severity.stops_import()));
    }

    #[test]
    fn export_then_import_is_identical() {
        let first = parse_strategy_template(template(&GOOD).as_bytes(), "s.csv").expect("valid");
        let exported = render_strategy_template(&first.tree);
        let second = parse_strategy_template(exported.as_bytes(), "eksport.csv").expect("valid");
        assert_eq!(second.tree, first.tree);
        assert_eq!(render_strategy_template(&second.tree), exported);
    }

    #[test]
    fn formulas_in_text_cells_are_exported_as_text_and_read_back_unchanged() {
        let hostile = [
            "1;;cel_strategiczny;\"=HYPERLINK(\"\"http://x\"\";\"\"klik\"\")\";;;;;;;;;;;;;",
            "1.1;1;cel_operacyjny;@SUM(1+1);;WSK_A;+x;-2+3;wzrost;2019;1;2030;2;;''=z apostrofem;=1+1;",
        ];
        let first = parse_strategy_template(template(&hostile).as_bytes(), "s.csv").expect("valid");
        assert_eq!(first.tree.nodes[0].title, "=HYPERLINK(\"http://x\";\"klik\")");
        let exported = render_strategy_template(&first.tree);
        for line in exported.lines().skip(1) {
            for cell in line.split(';') {
                let cell = cell.trim_start_matches('"');
                assert!(!cell.starts_with(['=', '+', '@']), "a formula left in {line}");
            }
        }
        assert!(exported.contains("'@SUM(1+1)") && exported.contains("'-2+3"), "{exported}");
        // A text that itself begins with an apostrophe (guarded as `''=`) keeps it.
        assert_eq!(first.tree.nodes[1].indicators[0].department.as_deref(), Some("'=z apostrofem"));
        assert!(exported.contains("''=z apostrofem"), "{exported}");
        let second = parse_strategy_template(exported.as_bytes(), "eksport.csv").expect("valid");
        assert_eq!(second.tree, first.tree);
        assert_eq!(render_strategy_template(&second.tree), exported);
    }

    #[test]
    fn optional_columns_may_be_absent_and_other_encodings_work() {
        let short_header = HEADER.rsplitn(4, ';').last().expect("header");
        let text = format!("{short_header}\r\n1;;cel_strategiczny;Środowisko;;WSK_A;Wskaźnik;%;;2019;1;2030;2;\r\n");
        let (cp1250, _, _) = encoding_rs::WINDOWS_1250.encode(&text);
        let parsed = parse_strategy_template(&cp1250, "s.csv").expect("valid");
        assert_eq!(parsed.tree.nodes[0].title, "Środowisko");
        assert_eq!(parsed.tree.nodes[0].indicators[0].department, None);
        let tabbed = text.replace(';', "\t");
        assert!(parse_strategy_template(tabbed.as_bytes(), "s.tsv").is_ok());
    }

    /// (description, rows, line, column, words in the message)
    type Bad = (&'static str, Vec<&'static str>, usize, Option<&'static str>, &'static str);

    #[test]
    fn errors_are_reported_with_row_and_column() {
        let cases: Vec<Bad> = vec![
            (
                "unknown parent",
                vec!["1;;cel_strategiczny;A;;;;;;;;;;;;;", "1.1;9;cel_operacyjny;B;;;;;;;;;;;;;"],
                3,
                Some("kod_nadrzedny"),
                "nieznany kod nadrzędny",
            ),
            (
                "cycle",
                vec!["1;2;cel_operacyjny;A;;;;;;;;;;;;;", "2;1;zadanie;B;;;;;;;;;;;;;"],
                2,
                None,
                "cykl",
            ),
            (
                "duplicate code with other columns",
                vec![
                    "1;;cel_strategiczny;A;;;;;;;;;;;;;",
                    "1;;cel_strategiczny;Inna nazwa;;;;;;;;;;;;;",
                ],
                3,
                Some("nazwa"),
                "powtórzony kod",
            ),
            (
                "child not deeper",
                vec!["1;;cel_operacyjny;A;;;;;;;;;;;;;", "1.1;1;cel_strategiczny;B;;;;;;;;;;;;;"],
                3,
                Some("poziom"),
                "niższy poziom",
            ),
            ("bad level", vec!["1;;cel;A;;;;;;;;;;;;;"], 2, Some("poziom"), "poziom „cel”"),
            (
                "missing target year",
                vec!["1;;cel_strategiczny;A;;WSK_A;W;%;;2019;1;;2;;;;"],
                2,
                Some("rok_docelowy"),
                "brak roku docelowego",
            ),
            (
                "target year before baseline",
                vec!["1;;cel_strategiczny;A;;WSK_A;W;%;;2025;1;2020;2;;;;"],
                2,
                Some("rok_docelowy"),
                "późniejszy",
            ),
            (
                "non-numeric value",
                vec!["1;;cel_strategiczny;A;;WSK_A;W;%;;2019;dużo;2030;2;;;;"],
                2,
                Some("wartosc_bazowa"),
                "nie jest liczbą",
            ),
            (
                "direction against the numbers",
                vec!["1;;cel_strategiczny;A;;WSK_A;W;%;spadek;2019;1;2030;2;;;;"],
                2,
                Some("kierunek"),
                "przeczy",
            ),
            (
                "negative weight",
                vec!["1;;cel_strategiczny;A;-1;;;;;;;;;;;;"],
                2,
                Some("waga_wezla"),
                "nieujemną",
            ),
            (
                "bad milestone",
                vec!["1;;cel_strategiczny;A;;WSK_A;W;%;;2019;1;2030;2;;;;2025:5"],
                2,
                Some("kamienie_milowe"),
                "ROK=WARTOŚĆ",
            ),
            (
                "lower-case indicator code",
                vec!["1;;cel_strategiczny;A;;wsk_a;W;%;;2019;1;2030;2;;;;"],
                2,
                Some("wskaznik_kod"),
                "wielkie litery",
            ),
            (
                "indicator twice in a node",
                vec![
                    "1;;cel_strategiczny;A;;WSK_A;W;%;;2019;1;2030;2;;;;",
                    "1;;cel_strategiczny;A;;WSK_A;W;%;;2019;1;2030;2;;;;",
                ],
                3,
                Some("wskaznik_kod"),
                "już przypisany",
            ),
        ];
        for (what, rows, line, column, words) in cases {
            let err = parse_strategy_template(template(&rows).as_bytes(), "s.csv").expect_err(what);
            let found = err
                .problems
                .iter()
                .find(|p| p.severity.stops_import() && p.message.contains(words))
                .unwrap_or_else(|| panic!("{what}: no error with {words:?} in {err}"));
            assert_eq!(found.row, Some(line), "{what}: {err}");
            if let Some(column) = column {
                assert_eq!(found.column.as_deref(), Some(column), "{what}: {err}");
            }
        }
    }

    #[test]
    fn wrong_header_is_critical() {
        let err = parse_strategy_template(b"kod;nazwa\n1;A\n", "s.csv").expect_err("header");
        assert_eq!(err.problems[0].severity, Severity::Krytyczny);
        assert!(err.to_string().contains("rok_docelowy"), "{err}");
    }

    #[test]
    fn warnings_do_not_stop_the_import() {
        let rows = [
            "1;;cel_strategiczny;A;;WSK_A;W;;;2019;1;2030;2;;;;2035=3",
            "2;;cel_strategiczny;B;;WSK_A;W;%;;2018;1;2030;2;;;;",
        ];
        let parsed = parse_strategy_template(template(&rows).as_bytes(), "s.csv").expect("valid");
        let warnings: Vec<&Problem> =
            parsed.findings.iter().filter(|p| p.severity == Severity::Ostrzezenie).collect();
        assert_eq!(warnings.len(), 3, "{warnings:?}");
    }

    #[test]
    fn xlsx_with_a_strategia_sheet() {
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.set_name("szablon").expect("name");
        for (c, h) in TEMPLATE_COLUMNS.iter().enumerate() {
            sheet.write_string(0, c as u16, *h).expect("header");
        }
        let row =
            ["1", "", "cel_strategiczny", "Środowisko", "", "WSK_A", "Wskaźnik", "%", "wzrost"];
        for (c, v) in row.iter().enumerate() {
            sheet.write_string(1, c as u16, *v).expect("cell");
        }
        sheet.write_number(1, 9, 2019).expect("year");
        sheet.write_number(1, 10, 71.5).expect("value");
        sheet.write_number(1, 11, 2030).expect("year");
        sheet.write_number(1, 12, 90).expect("value");
        let meta = workbook.add_worksheet();
        meta.set_name("strategia").expect("name");
        for (c, h) in ["nazwa", "okres_od", "okres_do", "uchwala"].iter().enumerate() {
            meta.write_string(0, c as u16, *h).expect("header");
        }
        meta.write_string(1, 0, "Strategia Rozwoju Gminy 2021–2030").expect("name");
        meta.write_number(1, 1, 2021).expect("from");
        meta.write_number(1, 2, 2030).expect("to");
        meta.write_string(1, 3, "XXIV/312/2021").expect("resolution");
        let bytes = workbook.save_to_buffer().expect("xlsx");
        let parsed = parse_strategy_template(&bytes, "s.xlsx").expect("valid");
        assert_eq!(
            parsed.tree.nodes[0].indicators[0].baseline,
            YearValue { year: 2019, value: 71.5 }
        );
        assert_eq!(parsed.meta.name.as_deref(), Some("Strategia Rozwoju Gminy 2021–2030"));
        assert_eq!((parsed.meta.period_from, parsed.meta.period_to), (Some(2021), Some(2030)));
        assert_eq!(parsed.meta.resolution.as_deref(), Some("XXIV/312/2021"));
    }

    #[test]
    fn progress_is_reported_and_can_stop_the_parse() {
        let rows: Vec<String> =
            (0..200).map(|i| format!("N{i};;cel_strategiczny;Cel {i};;;;;;;;;;;;;")).collect();
        let text = template(&rows.iter().map(String::as_str).collect::<Vec<_>>());
        let mut seen = Vec::new();
        parse_strategy_template_with(text.as_bytes(), "s.csv", &mut |done, total| {
            seen.push((done, total));
            true
        })
        .expect("valid");
        assert_eq!(seen.first(), Some(&(0, 200)));
        assert_eq!(seen.last(), Some(&(200, 200)));
        let err = parse_strategy_template_with(text.as_bytes(), "s.csv", &mut |done, _| done < 100)
            .expect_err("stopped");
        assert!(err.cancelled);
    }

    proptest::proptest! {
        #[test]
        fn arbitrary_input_never_panics(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..600)) {
            let mut input = format!("{HEADER}\n").into_bytes();
            input.extend(bytes);
            let _ = parse_strategy_template(&input, "x");
        }
    }
}
