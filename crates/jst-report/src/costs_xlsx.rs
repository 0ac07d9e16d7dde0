//! The unit-cost workbook: one sheet per service with the own unit against the group's quartiles,
//! the costs above the upper quartile marked, and a chart of own value against the median.

use std::path::Path;

use rust_xlsxwriter::{Chart, ChartType, Color, Format, FormatBorder, Workbook, Worksheet};

use crate::safe_write::write_whole;
use crate::Error;

#[derive(Debug, Clone, PartialEq)]
pub struct CostWorkbook {
    /// First line of every sheet, e.g. „Koszty jednostkowe – Wieliczka (1219053), 2024”.
    pub title: String,
    /// Lines under the title: the group and its size, prices, the data's origin.
    pub notes: Vec<String>,
    pub sheets: Vec<CostSheet>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CostSheet {
    /// The service, e.g. „edukacja”; the sheet's name (shortened to Excel's 31 characters).
    pub service: String,
    pub lines: Vec<CostLine>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CostLine {
    pub code: String,
    pub name: String,
    pub unit: String,
    pub own: Option<f64>,
    pub n: u32,
    pub q1: Option<f64>,
    pub median: Option<f64>,
    pub q3: Option<f64>,
    pub above_q3: Option<bool>,
}

/// Column headers, in sheet order; the readback test and users' macros rely on the order.
pub const COST_COLUMNS: [&str; 9] = [
    "Wskaźnik",
    "Kod",
    "Jednostka",
    "Wartość jednostki",
    "Liczba jednostek (n)",
    "Dolny kwartyl (Q1)",
    "Mediana",
    "Górny kwartyl (Q3)",
    "Powyżej górnego kwartyla",
];

/// First row of the table (0-based); the rows above hold the title and notes.
const HEADER_ROW: u32 = 5;

/// Writes the workbook to `path`, replacing it whole.
pub fn write_costs_xlsx(book: &CostWorkbook, path: &Path) -> Result<(), Error> {
    let mut workbook = Workbook::new();
    let mut used: Vec<String> = Vec::new();
    for sheet in &book.sheets {
        let name = sheet_name(&sheet.service, &used);
        used.push(name.clone());
        let worksheet = workbook.add_worksheet();
        worksheet.set_name(&name)?;
        write_sheet(worksheet, &name, book, sheet)?;
    }
    if book.sheets.is_empty() {
        let worksheet = workbook.add_worksheet();
        worksheet.set_name("Koszty")?;
        worksheet.write_string_with_format(0, 0, &book.title, &Format::new().set_bold())?;
        worksheet.write_string(2, 0, "Katalog nie zawiera wskaźników kosztów jednostkowych.")?;
    }
    let bytes = workbook.save_to_buffer()?;
    write_whole(path, &bytes)
}

/// Excel limits sheet names to 31 characters without `[]:*?/\` and unique in the workbook.
fn sheet_name(service: &str, used: &[String]) -> String {
    let mut base: String =
        service.chars().map(|c| if "[]:*?/\\".contains(c) { '-' } else { c }).collect();
    if let Some(first) = base.chars().next() {
        base = first.to_uppercase().chain(base.chars().skip(1)).collect();
    }
    if base.trim().is_empty() {
        base = "Koszty".to_owned();
    }
    let base: String = base.chars().take(28).collect();
    let mut name = base.clone();
    let mut i = 2;
    while used.iter().any(|u| u.eq_ignore_ascii_case(&name)) {
        name = format!("{base} {i}");
        i += 1;
    }
    name
}

/// `1 234,56 zł` in a Polish spreadsheet; the grouping and decimal marks follow the reader's
/// locale, so the format is written in Excel's neutral notation.
fn number_format(unit: &str) -> String {
    match unit {
        "zł" => "#,##0.00\\ \"zł\"".to_owned(),
        "%" => "0.00\\ \"%\"".to_owned(),
        _ => "#,##0.00".to_owned(),
    }
}

fn write_sheet(
    ws: &mut Worksheet,
    sheet_name: &str,
    book: &CostWorkbook,
    sheet: &CostSheet,
) -> Result<(), Error> {
    let title = Format::new().set_bold().set_font_size(14);
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color(Color::RGB(0xDCE6F2))
        .set_border_bottom(FormatBorder::Thin);
    let missing = Format::new().set_italic().set_font_color(Color::RGB(0x595959));
    // Above the upper quartile: bold on a light blue (the peer palette, never a status colour).
    let flagged = Format::new().set_bold().set_background_color(Color::RGB(0xC6DBEF));

    ws.write_string_with_format(0, 0, &book.title, &title)?;
    ws.write_string(1, 0, format!("Usługa: {}", sheet.service))?;
    for (i, note) in book.notes.iter().take(3).enumerate() {
        ws.write_string(2 + i as u32, 0, note)?;
    }
    for (col, name) in COST_COLUMNS.iter().enumerate() {
        ws.write_string_with_format(HEADER_ROW, col as u16, *name, &header)?;
    }
    for (i, line) in sheet.lines.iter().enumerate() {
        let row = HEADER_ROW + 1 + i as u32;
        let money = Format::new().set_num_format(number_format(&line.unit));
        let own_format = if line.above_q3 == Some(true) {
            flagged.clone().set_num_format(number_format(&line.unit))
        } else {
            money.clone()
        };
        ws.write_string(row, 0, &line.name)?;
        ws.write_string(row, 1, &line.code)?;
        ws.write_string(row, 2, &line.unit)?;
        let cells = [(3, line.own), (5, line.q1), (6, line.median), (7, line.q3)];
        for (col, value) in cells {
            let format = if col == 3 { &own_format } else { &money };
            match value {
                Some(v) => ws.write_number_with_format(row, col, v, format)?,
                None => ws.write_string_with_format(row, col, "brak danych", &missing)?,
            };
        }
        ws.write_number(row, 4, f64::from(line.n))?;
        let verdict = match line.above_q3 {
            Some(true) => "tak",
            Some(false) => "nie",
            None => "brak danych",
        };
        if line.above_q3 == Some(true) {
            ws.write_string_with_format(row, 8, verdict, &flagged)?;
        } else {
            ws.write_string(row, 8, verdict)?;
        }
    }
    for (col, width) in
        [48.0, 24.0, 10.0, 18.0, 12.0, 18.0, 18.0, 18.0, 14.0].into_iter().enumerate()
    {
        ws.set_column_width(col as u16, width)?;
    }
    ws.set_freeze_panes(HEADER_ROW + 1, 1)?;
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);

    if !sheet.lines.is_empty() {
        let first = HEADER_ROW + 1;
        let last = HEADER_ROW + sheet.lines.len() as u32;
        let mut chart = Chart::new(ChartType::Bar);
        chart.title().set_name(&format!("{} – jednostka i mediana grupy", sheet.service));
        chart
            .add_series()
            .set_name("Wartość jednostki")
            .set_categories((sheet_name, first, 0, last, 0))
            .set_values((sheet_name, first, 3, last, 3));
        chart
            .add_series()
            .set_name("Mediana grupy")
            .set_categories((sheet_name, first, 0, last, 0))
            .set_values((sheet_name, first, 6, last, 6));
        ws.insert_chart(last + 2, 0, &chart)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_fit_excel() {
        assert_eq!(sheet_name("edukacja", &[]), "Edukacja");
        assert_eq!(sheet_name("a/b", &[]), "A-b");
        assert_eq!(sheet_name("edukacja", &["Edukacja".into()]), "Edukacja 2");
        let long = "gospodarka komunalna i ochrona środowiska";
        assert!(sheet_name(long, &[]).chars().count() <= 31);
    }
}
