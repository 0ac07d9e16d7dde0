//! The demo: Wieliczka with a sample development strategy and clearly labelled sample values
//! ("dane przykładowe"), all removed when a real unit is chosen.

use std::collections::HashSet;

use jst_import::{parse_own_values, parse_strategy_template};
use jst_store::{IndicatorRecord, ObservationRecord, StrategyDraft};

use crate::Result;

/// Gmina Wieliczka (gmina miejsko-wiejska), TERYT 1219053.
pub(crate) const DEMO_IDENTITY: &str = "121905";

pub(crate) const SAMPLE_SOURCE: &str = "dane przykładowe (nie są to dane urzędowe)";

const STRATEGY_FILE: &str = "wieliczka_strategia_przykladowa.csv";
const STRATEGY: &[u8] = include_bytes!("../../../assets/demo/wieliczka_strategia_przykladowa.csv");
const VALUES_FILE: &str = "wieliczka_dane_przykladowe.csv";
const VALUES: &[u8] = include_bytes!("../../../assets/demo/wieliczka_dane_przykladowe.csv");

/// Everything the demo writes, in one piece.
pub(crate) struct Demo {
    pub indicators: Vec<IndicatorRecord>,
    pub values: Vec<ObservationRecord>,
    pub strategy: StrategyDraft,
}

pub(crate) fn demo() -> Result<Demo> {
    let parsed = parse_strategy_template(STRATEGY, STRATEGY_FILE)?;
    let mut seen = HashSet::new();
    let indicators = parsed
        .tree
        .nodes
        .iter()
        .flat_map(|n| &n.indicators)
        .filter(|i| seen.insert(i.code.clone()))
        .map(|i| IndicatorRecord {
            code: i.code.clone(),
            name_pl: format!("{} (dane przykładowe)", i.name),
            name_en: None,
            unit: i.unit.clone(),
            polarity: "neutral".to_owned(),
            area: None,
            definition: None,
            formula: None,
            source: Some(SAMPLE_SOURCE.to_owned()),
            structural: false,
            person_count: false,
            origin: "sample".to_owned(),
        })
        .collect();
    let values = parse_own_values(VALUES, VALUES_FILE)?
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
        .collect();
    let strategy = StrategyDraft {
        name: "Strategia Rozwoju Gminy Wieliczka 2021–2030 (dane przykładowe)".to_owned(),
        period_from: 2021,
        period_to: 2030,
        resolution_number: Some("przykładowa, bez uchwały".to_owned()),
        resolution_date: None,
        sample: true,
        tree: parsed.tree,
    };
    Ok(Demo { indicators, values, strategy })
}
