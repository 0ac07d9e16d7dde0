//! The demo: Wieliczka with clearly labelled sample values ("dane przykładowe").

use jst_import::parse_own_values;
use jst_store::{IndicatorRecord, ObservationRecord};

use crate::Result;

/// Gmina Wieliczka (gmina miejsko-wiejska), TERYT 1219053.
pub(crate) const DEMO_IDENTITY: &str = "121905";

pub(crate) const SAMPLE_SOURCE: &str = "dane przykładowe (nie są to dane urzędowe)";

const VALUES_FILE: &str = "wieliczka_dane_przykladowe.csv";
const VALUES: &[u8] = include_bytes!("../../../assets/demo/wieliczka_dane_przykladowe.csv");

/// (code, Polish name, English name, unit, polarity, area)
const SAMPLE_INDICATORS: [(&str, &str, &str, &str, &str, &str); 4] = [
    (
        "WSK_PRZEDSZKOLA",
        "Odsetek dzieci w wieku 3–5 lat objętych wychowaniem przedszkolnym",
        "Share of children aged 3–5 in pre-school education",
        "%",
        "higher_is_better",
        "edukacja",
    ),
    (
        "WSK_BEZROBOCIE",
        "Udział bezrobotnych zarejestrowanych w liczbie ludności w wieku produkcyjnym",
        "Registered unemployed as a share of the working-age population",
        "%",
        "lower_is_better",
        "rynek pracy",
    ),
    (
        "WSK_KANALIZACJA",
        "Odsetek ludności korzystającej z sieci kanalizacyjnej",
        "Share of population connected to the sewerage network",
        "%",
        "higher_is_better",
        "gospodarka komunalna",
    ),
    (
        "WSK_DOCHODY_WLASNE_PC",
        "Dochody własne na 1 mieszkańca",
        "Own revenue per resident",
        "zł",
        "higher_is_better",
        "finanse",
    ),
];

pub(crate) fn sample_indicators() -> Vec<IndicatorRecord> {
    SAMPLE_INDICATORS
        .iter()
        .map(|(code, name_pl, name_en, unit, polarity, area)| IndicatorRecord {
            code: (*code).to_owned(),
            name_pl: format!("{name_pl} (dane przykładowe)"),
            name_en: Some(format!("{name_en} (sample data)")),
            unit: (*unit).to_owned(),
            polarity: (*polarity).to_owned(),
            area: Some((*area).to_owned()),
            definition: None,
            source: Some(SAMPLE_SOURCE.to_owned()),
            structural: false,
            person_count: false,
            origin: "sample".to_owned(),
        })
        .collect()
}

pub(crate) fn sample_values() -> Result<Vec<ObservationRecord>> {
    Ok(parse_own_values(VALUES, VALUES_FILE)?
        .into_iter()
        .map(|row| ObservationRecord {
            indicator: row.indicator,
            year: row.year,
            value: row.value,
            status: row.status,
            source: Some(SAMPLE_SOURCE.to_owned()),
            note: row.note,
            sample: true,
        })
        .collect())
}
