//! Human-readable tables in Polish, numbers formatted as `pl-PL` (non-breaking space groups
//! from five digits up: `69 791`, but `1234`).

use jst_core::{RegisterImportView, StatusView, UnitView};

fn kind_label(code: &str) -> &str {
    match code {
        "gmina_miejska" => "gmina miejska",
        "gmina_wiejska" => "gmina wiejska",
        "gmina_miejsko_wiejska" => "gmina miejsko-wiejska",
        "miasto_na_prawach_powiatu" => "miasto na prawach powiatu",
        "powiat" => "powiat",
        "wojewodztwo" => "województwo",
        other => other,
    }
}

/// Integer in the `pl-PL` format of `Intl.NumberFormat`.
pub fn format_integer(value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let grouped = if digits.len() < 5 {
        digits
    } else {
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push('\u{a0}');
            }
            out.push(c);
        }
        out
    };
    if value < 0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

pub fn status_table(status: &StatusView) -> String {
    let mut rows: Vec<(&str, String)> = Vec::new();
    match &status.unit {
        Some(unit) => {
            rows.push(("Jednostka", format!("{} ({})", unit.name, kind_label(&unit.kind))));
            rows.push(("TERYT", unit.teryt.clone()));
            rows.push(("Powiat", unit.powiat.clone().unwrap_or_else(|| "—".to_owned())));
            rows.push(("Województwo", unit.voivodeship.clone()));
            rows.push((
                "Ludność",
                unit.population
                    .as_ref()
                    .map(|p| format!("{} (31.12.{})", format_integer(i64::from(p.value)), p.year))
                    .unwrap_or_else(|| "brak danych".to_owned()),
            ));
        }
        None => rows.push((
            "Jednostka",
            "nie wybrano (jst init --unit TERYT albo jst init --demo)".to_owned(),
        )),
    }
    rows.push(("Folder danych", status.data_dir.clone()));
    rows.push(("Wersja schematu", status.schema_version.to_string()));
    rows.push((
        "Demo",
        if status.demo { "tak — dane przykładowe".to_owned() } else { "nie".to_owned() },
    ));
    let width = rows.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0) + 2;
    rows.iter().map(|(k, v)| format!("{:<width$}{v}\n", format!("{k}:"))).collect()
}

pub fn units_table(units: &[UnitView]) -> String {
    if units.is_empty() {
        return "Nie znaleziono jednostek.\n".to_owned();
    }
    let header = ["TERYT", "Nazwa", "Rodzaj", "Powiat", "Województwo"].map(str::to_owned);
    let rows: Vec<[String; 5]> = units
        .iter()
        .map(|u| {
            [
                u.teryt.clone(),
                u.name.clone(),
                kind_label(&u.kind).to_owned(),
                u.powiat.clone().unwrap_or_else(|| "—".to_owned()),
                u.voivodeship.clone(),
            ]
        })
        .collect();
    let mut widths = header.clone().map(|h| h.chars().count());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &[String; 5]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
            .collect();
        format!("{}\n", padded.join("  ").trim_end())
    };
    std::iter::once(line(&header)).chain(rows.iter().map(line)).collect()
}

pub fn register_import(report: &RegisterImportView) -> String {
    format!(
        "Wczytano rejestr TERYT z pliku {} (stan na {}): {} jednostek.\n\
         Nowe: {}, zmiany nazw: {}, zmiany kodu: {}, wygaszone: {}, przywrócone: {}, ostrzeżenia: {}.\n",
        report.file,
        report.as_of,
        format_integer(i64::from(report.units)),
        report.created,
        report.renamed,
        report.recoded,
        report.ended,
        report.restored,
        report.warnings.len()
    )
}

#[cfg(test)]
mod tests {
    use super::format_integer;

    #[test]
    fn polish_integer_format() {
        for (value, text) in [
            (69791, "69\u{a0}791"),
            (1234, "1234"),
            (809168, "809\u{a0}168"),
            (-12345, "-12\u{a0}345"),
            (0, "0"),
        ] {
            assert_eq!(format_integer(value), text);
        }
    }
}
