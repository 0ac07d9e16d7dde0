//! The strategy status workbook for those who rework the figures: one sheet per level of the
//! tree (each node with its status and score, and every indicator attached to it with its
//! values by year as numbers), plus the status key.

use std::collections::BTreeSet;

use rust_xlsxwriter::{Color, Format, FormatBorder, Workbook, Worksheet};

use jst_domain::strategy::{NodeLevel, Status};

use super::figures::{IndicatorFigures, StrategyFigures};
use super::parts;
use crate::{wording, Error};

/// Fixed columns of a level sheet, in order; the years follow. Readers and macros rely on it.
pub const STRATEGY_COLUMNS: [&str; 14] = [
    "Kod celu",
    "Cel",
    "Status celu",
    "Wynik celu",
    "Kod wskaźnika",
    "Wskaźnik",
    "Jednostka",
    "Rok bazowy",
    "Wartość bazowa",
    "Rok docelowy",
    "Wartość docelowa",
    "Postęp (%)",
    "Status wskaźnika",
    "Projekcja na rok docelowy",
];

/// Rows above the table: title, strategy, sample label.
const HEADER_ROW: u32 = 3;

/// The workbook's bytes.
pub fn strategy_workbook(f: &StrategyFigures) -> Result<Vec<u8>, Error> {
    let mut workbook = Workbook::new();
    let years: Vec<i32> = f
        .indicators
        .iter()
        .flat_map(|i| i.values.iter().map(|v| v.year))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    for level in NodeLevel::ALL {
        if !f.goals.iter().any(|g| g.level == level) {
            continue;
        }
        let ws = workbook.add_worksheet();
        ws.set_name(sheet_name(level))?;
        level_sheet(ws, f, level, &years)?;
    }
    let ws = workbook.add_worksheet();
    ws.set_name("Oznaczenia")?;
    ws.write_string_with_format(0, 0, "Oznaczenia statusów", &Format::new().set_bold())?;
    for (row, s) in Status::ALL.iter().enumerate() {
        let row = row as u32 + 1;
        ws.write_string(row, 0, format!("{} {}", s.mark(), s.label_pl()))?;
        ws.write_string(row, 1, wording::status_meaning(*s, &f.thresholds))?;
    }
    ws.set_column_width(0, 26)?;
    ws.set_column_width(1, 80)?;
    Ok(workbook.save_to_buffer()?)
}

fn sheet_name(level: NodeLevel) -> &'static str {
    match level {
        NodeLevel::CelStrategiczny => "Cele strategiczne",
        NodeLevel::CelOperacyjny => "Cele operacyjne",
        NodeLevel::KierunekDzialan => "Kierunki działań",
        NodeLevel::Zadanie => "Zadania",
    }
}

fn level_sheet(
    ws: &mut Worksheet,
    f: &StrategyFigures,
    level: NodeLevel,
    years: &[i32],
) -> Result<(), Error> {
    let bold = Format::new().set_bold();
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color(Color::RGB(0xDCE6F2))
        .set_border_bottom(FormatBorder::Thin);
    let number = Format::new().set_num_format("#,##0.##");
    ws.write_string_with_format(
        0,
        0,
        format!("{} — {} ({})", wording::MONITORING_TITLE, f.strategy.name, f.year),
        &bold.clone().set_font_size(14),
    )?;
    ws.write_string(
        1,
        0,
        format!(
            "{}: {}, ocena za rok {}",
            f.header.unit_name,
            sheet_name(level).to_lowercase(),
            f.year
        ),
    )?;
    if f.sample {
        ws.write_string(2, 0, wording::SAMPLE_LABEL)?;
    }
    for (col, title) in STRATEGY_COLUMNS.iter().enumerate() {
        ws.write_string_with_format(HEADER_ROW, col as u16, *title, &header)?;
    }
    let first_year_col = STRATEGY_COLUMNS.len() as u16;
    for (k, year) in years.iter().enumerate() {
        ws.write_number_with_format(HEADER_ROW, first_year_col + k as u16, *year as f64, &header)?;
    }
    let mut row = HEADER_ROW + 1;
    for goal in f.goals.iter().filter(|g| g.level == level) {
        let attached: Vec<&IndicatorFigures> =
            f.indicators.iter().filter(|i| i.node_code == goal.code).collect();
        let lines = attached.len().max(1);
        for k in 0..lines {
            ws.write_string(row, 0, &goal.code)?;
            ws.write_string(row, 1, &goal.title)?;
            ws.write_string(row, 2, format!("{} {}", goal.status.mark(), goal.status.label_pl()))?;
            if let Some(s) = goal.score {
                ws.write_number(row, 3, s)?;
            }
            if let Some(i) = attached.get(k) {
                indicator_cells(ws, row, i, years, first_year_col, &number)?;
            }
            row += 1;
        }
    }
    ws.set_freeze_panes(HEADER_ROW + 1, 2)?;
    ws.autofilter(
        HEADER_ROW,
        0,
        row.saturating_sub(1).max(HEADER_ROW),
        first_year_col + years.len().saturating_sub(1) as u16,
    )?;
    for (col, width) in
        [(0, 8), (1, 36), (2, 24), (3, 8), (4, 18), (5, 48), (6, 10), (12, 28), (13, 30)]
    {
        ws.set_column_width(col, width)?;
    }
    Ok(())
}

fn indicator_cells(
    ws: &mut Worksheet,
    row: u32,
    i: &IndicatorFigures,
    years: &[i32],
    first_year_col: u16,
    number: &Format,
) -> Result<(), Error> {
    ws.write_string(row, 4, &i.code)?;
    ws.write_string(row, 5, &i.name)?;
    ws.write_string(row, 6, &i.unit)?;
    ws.write_number(row, 7, i.baseline.year as f64)?;
    ws.write_number_with_format(row, 8, i.baseline.value, number)?;
    ws.write_number(row, 9, i.target.year as f64)?;
    ws.write_number_with_format(row, 10, i.target.value, number)?;
    if let Some(p) = i.progress_pct {
        ws.write_number_with_format(row, 11, p, number)?;
    }
    let mut status = format!("{} {}", i.status.mark(), i.status.label_pl());
    if i.target_missed {
        status.push_str(" (termin minął)");
    }
    ws.write_string(row, 12, status)?;
    ws.write_string(row, 13, parts::projection(i))?;
    for (k, year) in years.iter().enumerate() {
        if let Some(v) = i.values.iter().find(|v| v.year == *year) {
            ws.write_number_with_format(row, first_year_col + k as u16, v.value, number)?;
        }
    }
    Ok(())
}
