//! The active strategy as its template (DESIGN §6): CSV exactly as `jst strategy export` writes
//! it, XLSX with the same columns in a sheet `szablon` and the strategy's name, period and
//! resolution in a sheet `strategia`, as the template importer reads them.

use jst_domain::strategy::{format_milestones, StrategyTree};
use jst_report::NumberStyle::{General, Whole};
use jst_store::StrategyRecord;

use super::table::{number, optional_text, text, Column, Table};

/// [`jst_import::TEMPLATE_COLUMNS`] with the widths and number styles of a sheet.
pub(super) const TEMPLATE_COLUMNS: &[Column] = &[
    ("kod", 8.0, General),
    ("kod_nadrzedny", 10.0, General),
    ("poziom", 18.0, General),
    ("nazwa", 40.0, General),
    ("waga_wezla", 8.0, General),
    ("wskaznik_kod", 22.0, General),
    ("wskaznik_nazwa", 48.0, General),
    ("jednostka", 12.0, General),
    ("kierunek", 10.0, General),
    ("rok_bazowy", 8.0, Whole),
    ("wartosc_bazowa", 12.0, General),
    ("rok_docelowy", 8.0, Whole),
    ("wartosc_docelowa", 12.0, General),
    ("waga_wskaznika", 8.0, General),
    ("komorka", 24.0, General),
    ("zrodlo", 24.0, General),
    ("kamienie_milowe", 24.0, General),
];

const META_COLUMNS: &[Column] = &[
    ("nazwa", 60.0, General),
    ("okres_od", 10.0, Whole),
    ("okres_do", 10.0, Whole),
    ("uchwala", 30.0, General),
];

/// One row per node, and one more per further indicator attached to it.
pub(super) fn template_table(tree: &StrategyTree) -> Table {
    let mut rows = Vec::new();
    for node in &tree.nodes {
        let node_cells = [
            text(&node.code),
            optional_text(node.parent_code.as_deref()),
            text(node.level.code()),
            text(&node.title),
            number(node.weight),
        ];
        if node.indicators.is_empty() {
            let mut row = node_cells.to_vec();
            row.resize(TEMPLATE_COLUMNS.len(), jst_report::DataCell::Empty);
            rows.push(row);
        }
        for i in &node.indicators {
            let mut row = node_cells.to_vec();
            row.extend([
                text(&i.code),
                text(&i.name),
                text(&i.unit),
                optional_text(i.direction.map(|d| d.code_pl())),
                number(f64::from(i.baseline.year)),
                number(i.baseline.value),
                number(f64::from(i.target.year)),
                number(i.target.value),
                number(i.weight),
                optional_text(i.department.as_deref()),
                optional_text(i.source.as_deref()),
                optional_text(
                    Some(format_milestones(&i.milestones)).filter(|m| !m.is_empty()).as_deref(),
                ),
            ]);
            rows.push(row);
        }
    }
    Table { columns: TEMPLATE_COLUMNS, rows }
}

/// The `strategia` sheet: what the template's rows do not say.
pub(super) fn meta_table(strategy: &StrategyRecord) -> Table {
    // The importer reads „NUMER z RRRR-MM-DD” back as the number and the date.
    let resolution = match (&strategy.resolution_number, &strategy.resolution_date) {
        (Some(number), Some(date)) => Some(format!("{number} z {date}")),
        (Some(number), None) => Some(number.clone()),
        (None, _) => None,
    };
    Table {
        columns: META_COLUMNS,
        rows: vec![vec![
            text(&strategy.name),
            number(f64::from(strategy.period_from)),
            number(f64::from(strategy.period_to)),
            optional_text(resolution.as_deref()),
        ]],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_the_template_the_importer_reads() {
        let csv = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../assets/demo/wieliczka_strategia_przykladowa.csv"
        ))
        .expect("demo template");
        let parsed = jst_import::parse_strategy_template(&csv, "s.csv").expect("valid");
        let names: Vec<&str> = TEMPLATE_COLUMNS.iter().map(|c| c.0).collect();
        assert_eq!(names, jst_import::TEMPLATE_COLUMNS);
        // Rendered as CSV, the table is what `jst strategy export` writes, byte for byte.
        assert_eq!(
            template_table(&parsed.tree).to_csv(),
            jst_import::render_strategy_template(&parsed.tree)
        );
    }
}
