//! The aggregates chunk (DESIGN §8): one row per `type_size` group, indicator and year,
//! `grupa;wskaznik_kod;rok;n;q1;mediana;q3;p10;p90;srednia;uwaga`, an empty cell where the
//! disclosure policy withholds a figure. The server renders it, the desktop parses it strictly
//! (`jst-import`) and stores it (`jst-store`); all three share this type so the format cannot
//! drift between them.

/// The header line of an aggregates chunk; its cells are the column names, in order.
pub const AGGREGATES_HEADER: &str = "grupa;wskaznik_kod;rok;n;q1;mediana;q3;p10;p90;srednia;uwaga";

/// A contributed aggregate of one `type_size` group (figures withheld by DESIGN §8 are `None`).
#[derive(Debug, Clone, PartialEq)]
pub struct AggregateRow {
    pub group: String,
    pub indicator: String,
    pub year: i32,
    /// Contributors in the cell.
    pub n: u32,
    pub q1: Option<f64>,
    pub median: Option<f64>,
    pub q3: Option<f64>,
    pub p10: Option<f64>,
    pub p90: Option<f64>,
    pub mean: Option<f64>,
    /// Why figures are withheld, in Polish, as the reader sees it.
    pub note: Option<String>,
}

fn cell(v: Option<f64>) -> String {
    // `Display` of f64 is the shortest text that reads back to the same value and never uses
    // an exponent, so the strict parser reads exactly what was published.
    v.map(|v| format!("{v}")).unwrap_or_default()
}

impl AggregateRow {
    /// The published figures with their column names, withheld ones as `None`, in the order of
    /// the chunk's columns (so a check can name the cell it refuses).
    pub fn figures(&self) -> [(&'static str, Option<f64>); 6] {
        [
            ("q1", self.q1),
            ("mediana", self.median),
            ("q3", self.q3),
            ("p10", self.p10),
            ("p90", self.p90),
            ("srednia", self.mean),
        ]
    }

    /// The row as one CSV line, with its line break.
    pub fn to_csv_line(&self) -> String {
        format!(
            "{};{};{};{};{};{};{};{};{};{};{}\n",
            self.group,
            self.indicator,
            self.year,
            self.n,
            cell(self.q1),
            cell(self.median),
            cell(self.q3),
            cell(self.p10),
            cell(self.p90),
            cell(self.mean),
            self.note.as_deref().unwrap_or_default()
        )
    }
}

/// The CSV text of an aggregates chunk: the header, then one line per row.
pub fn aggregates_csv(rows: &[AggregateRow]) -> String {
    let mut text = format!("{AGGREGATES_HEADER}\n");
    for r in rows {
        text.push_str(&r.to_csv_line());
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn withheld_figures_are_empty_cells_and_numbers_keep_their_shortest_form() {
        let published = AggregateRow {
            group: "type_size:gmina_wiejska:0-5000".into(),
            indicator: "WSK".into(),
            year: 2024,
            n: 12,
            q1: Some(0.0161),
            median: Some(2.0),
            q3: Some(1230.0),
            p10: None,
            p90: None,
            mean: Some(-0.5),
            note: None,
        };
        let withheld = AggregateRow {
            n: 3,
            q1: None,
            median: None,
            q3: None,
            mean: None,
            note: Some("za mało danych w grupie".into()),
            ..published.clone()
        };
        assert_eq!(
            aggregates_csv(&[published, withheld]),
            "grupa;wskaznik_kod;rok;n;q1;mediana;q3;p10;p90;srednia;uwaga\n\
             type_size:gmina_wiejska:0-5000;WSK;2024;12;0.0161;2;1230;;;-0.5;\n\
             type_size:gmina_wiejska:0-5000;WSK;2024;3;;;;;;;za mało danych w grupie\n"
        );
        assert_eq!(aggregates_csv(&[]), format!("{AGGREGATES_HEADER}\n"));
    }

    #[test]
    fn figures_follow_the_columns_of_the_chunk() {
        let row = AggregateRow {
            group: "type_size:gmina_wiejska:0-5000".into(),
            indicator: "WSK".into(),
            year: 2024,
            n: 20,
            q1: Some(1.0),
            median: Some(2.0),
            q3: Some(3.0),
            p10: Some(0.5),
            p90: None,
            mean: Some(f64::INFINITY),
            note: None,
        };
        let names: Vec<&str> = row.figures().iter().map(|(n, _)| *n).collect();
        let header: Vec<&str> = AGGREGATES_HEADER.split(';').skip(4).take(6).collect();
        assert_eq!(names, header);
        let bad: Vec<&str> = row
            .figures()
            .iter()
            .filter(|(_, v)| v.is_some_and(|v| !crate::publishable(v)))
            .map(|(n, _)| *n)
            .collect();
        assert_eq!(bad, ["srednia"]);
        assert!(crate::publishable(-1e15) && !crate::publishable(1.000_000_000_000_1e15));
        assert!(!crate::publishable(f64::NAN));
    }
}
