//! The demo: Wieliczka with a sample development strategy and clearly labelled sample values
//! ("dane przykładowe"), invented good practices for what lags in it, all removed when a real
//! unit is chosen.

use std::collections::{HashMap, HashSet};

use jst_domain::{Practice, POPULATION};
use jst_import::{parse_own_values, parse_strategy_template};
use jst_store::{IndicatorRecord, ObservationRecord, PracticeRecord, StrategyDraft};
use jst_store::{LocalStore, PeerStore, PublicValue, Stamp};
use jst_synth::{generate, SynthUnit};
use jst_text::t;

use crate::strategy::strategy_catalogue_entry;
use crate::{Error, Result};

/// Peer-store dataset of the demo's synthetic peer data.
pub(crate) const SYNTHETIC_DATASET: &str = "syntetyczne:demo";
const SYNTHETIC_LABEL: &str =
    "Dane syntetyczne (przykładowe) dla wszystkich jednostek, 2019–2024 — nie są to dane urzędowe";
/// Years of the demo scope; the national benchmark set (cargo xtask) spans 2010–2024.
const DEMO_YEARS: std::ops::RangeInclusive<i32> = 2019..=2024;
/// The year of the real population shipped with the app, on which synthetic series are anchored.
const ANCHOR_YEAR: i32 = 2024;

/// Fills the peer store with synthetic values for every unit, anchored on the real population
/// where it is shipped, so the demo's comparisons have data to show.
pub(crate) fn load_synthetic_peers(
    local: &LocalStore,
    peers: &mut PeerStore,
    stamp: &Stamp,
) -> Result<()> {
    let units: Vec<SynthUnit> = local
        .active_units()?
        .into_iter()
        .map(|u| SynthUnit { identity: u.identity, kind: u.kind })
        .collect();
    let known: HashMap<String, f64> =
        peers.values_of(POPULATION, ANCHOR_YEAR)?.into_iter().collect();
    // A synthetic value would take over a real shipped one of the same unit and year, and
    // removing the demo would then take the real one with it.
    let real = crate::shipped::population_units_and_years()?;
    let values: Vec<PublicValue> = generate(&units, DEMO_YEARS, ANCHOR_YEAR, &known)
        .into_iter()
        .filter(|v| v.indicator != POPULATION || !real.contains(&(v.unit.clone(), v.year)))
        .map(|v| PublicValue { unit: v.unit, indicator: v.indicator, year: v.year, value: v.value })
        .collect();
    peers.replace_dataset(stamp, SYNTHETIC_DATASET, "shipped", SYNTHETIC_LABEL, &values)?;
    Ok(())
}

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
            name_pl: format!("{} (dane przykładowe)", i.name),
            source: Some(SAMPLE_SOURCE.to_owned()),
            ..strategy_catalogue_entry(i, "sample")
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

const PRACTICES: &[u8] = include_bytes!("../../../assets/demo/praktyki_przykladowe.json");

/// The demo's invented good practices ("Przykład: …", `sample: true`, negative ids), tagged
/// with what lags in the demo: its strategy's deteriorating and far-from-target indicators and
/// catalogue indicators where Wieliczka is in the weakest quartile of the synthetic peer data.
/// They sit beside a release's practices and leave with the demo (see
/// `PeerStore::replace_sample_practices`).
pub(crate) fn sample_practices() -> Result<Vec<PracticeRecord>> {
    let unreadable =
        |e: serde_json::Error| Error::internal(t!("core-demo-practices-unreadable"), e);
    let objects: Vec<serde_json::Value> = serde_json::from_slice(PRACTICES).map_err(unreadable)?;
    objects
        .into_iter()
        .map(|object| {
            let json = object.to_string();
            let practice: Practice = serde_json::from_value(object).map_err(unreadable)?;
            Ok(PracticeRecord::of(&practice, json))
        })
        .collect()
}
