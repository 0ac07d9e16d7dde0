//! Deterministic synthetic peer data on the real TERYT register, for the demo's Porównania and
//! Koszty screens and for benchmarks. The values are plausible and correlated (driven by
//! population, urbanity and wealth), and they are **not** official statistics: every dataset
//! built from them must be labelled synthetic.
//!
//! Pure: units in, values out. It writes only to a writer it is handed (`mf_file`: files in
//! the Ministry of Finance's layout), never reads the clock, and the same input always gives the
//! same output, whatever the order of units.

mod mf_file;
mod national;
mod unit_model;

use std::collections::HashMap;
use std::ops::RangeInclusive;

use jst_domain::UnitKind;

pub use mf_file::{national_rb28s, write_rb28s, MfLine};
pub use national::{generic_indicators, GenericIndicator, NATIONAL_INDICATORS};
pub use unit_model::INDICATORS;

/// A unit to generate values for.
#[derive(Debug, Clone, PartialEq)]
pub struct SynthUnit {
    /// Register identity (6 digits for a gmina).
    pub identity: String,
    pub kind: UnitKind,
}

/// One generated value.
#[derive(Debug, Clone, PartialEq)]
pub struct SynthValue {
    pub unit: String,
    pub indicator: String,
    pub year: i32,
    pub value: f64,
}

/// Values of `INDICATORS` for `years` and every unit. `known_population` (unit → population
/// in `anchor_year`) replaces the synthetic population where real figures exist, so the
/// shipped real data and the synthetic series agree; those real values are not emitted.
pub fn generate(
    units: &[SynthUnit],
    years: RangeInclusive<i32>,
    anchor_year: i32,
    known_population: &HashMap<String, f64>,
) -> Vec<SynthValue> {
    let mut out = Vec::new();
    for_each_value(
        units,
        years,
        anchor_year,
        known_population,
        Scope::Modelled,
        |unit, indicator, year, value| {
            out.push(SynthValue {
                unit: unit.to_owned(),
                indicator: indicator.to_owned(),
                year,
                value,
            });
        },
    );
    out
}

/// Which indicators to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The modelled indicators of the shipped catalogue (the demo scope).
    Modelled,
    /// All [`NATIONAL_INDICATORS`]: the modelled ones and the generic `SYN_…` ones.
    National,
}

/// Streams every value to `emit(unit, indicator, year, value)` without collecting them: the
/// national set has about 12.5 million values.
pub fn for_each_value(
    units: &[SynthUnit],
    years: RangeInclusive<i32>,
    anchor_year: i32,
    known_population: &HashMap<String, f64>,
    scope: Scope,
    mut emit: impl FnMut(&str, &str, i32, f64),
) {
    let generic = match scope {
        Scope::Modelled => Vec::new(),
        Scope::National => generic_indicators(),
    };
    let shapes: Vec<_> = (0..generic.len()).map(national::shape).collect();
    for unit in units.iter().filter(|u| u.kind != UnitKind::Wojewodztwo) {
        let known = known_population.get(&unit.identity).copied();
        let model = unit_model::UnitModel::new(&unit.identity, unit.kind, known, anchor_year);
        for year in years.clone() {
            for (indicator, value) in model.values(year) {
                if known.is_some() && indicator == jst_domain::POPULATION && year == anchor_year {
                    continue;
                }
                emit(&unit.identity, indicator, year, value);
            }
            for (i, g) in generic.iter().enumerate() {
                emit(&unit.identity, &g.code, year, model.generic_value(i, &shapes[i], year));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units() -> Vec<SynthUnit> {
        vec![
            SynthUnit { identity: "121905".into(), kind: UnitKind::GminaMiejskoWiejska },
            SynthUnit { identity: "146501".into(), kind: UnitKind::MiastoNaPrawachPowiatu },
            SynthUnit { identity: "1219".into(), kind: UnitKind::Powiat },
            SynthUnit { identity: "020102".into(), kind: UnitKind::GminaWiejska },
        ]
    }

    #[test]
    fn deterministic_and_order_independent() {
        let known = HashMap::from([("121905".to_owned(), 69791.0)]);
        let a = generate(&units(), 2019..=2024, 2024, &known);
        let mut reversed = units();
        reversed.reverse();
        let mut b = generate(&reversed, 2019..=2024, 2024, &known);
        b.sort_by(|x, y| (&x.unit, &x.indicator, x.year).cmp(&(&y.unit, &y.indicator, y.year)));
        let mut a_sorted = a.clone();
        a_sorted
            .sort_by(|x, y| (&x.unit, &x.indicator, x.year).cmp(&(&y.unit, &y.indicator, y.year)));
        assert_eq!(a_sorted, b);
        assert_eq!(a, generate(&units(), 2019..=2024, 2024, &known));
    }

    #[test]
    fn the_national_scope_adds_the_generic_indicators() {
        let mut count = 0;
        let mut codes = std::collections::HashSet::new();
        for_each_value(
            &units()[..1],
            2010..=2024,
            2024,
            &HashMap::new(),
            Scope::National,
            |_, code, _, v| {
                assert!(v.is_finite() && v >= 0.0, "{code} {v}");
                codes.insert(code.to_owned());
                count += 1;
            },
        );
        assert_eq!(codes.len(), NATIONAL_INDICATORS, "a gmina has every indicator");
        assert_eq!(count, NATIONAL_INDICATORS * 15);
    }

    #[test]
    fn plausible_and_anchored_on_real_population() {
        let known = HashMap::from([("121905".to_owned(), 69791.0)]);
        let values = generate(&units(), 2019..=2024, 2024, &known);
        assert!(values.iter().all(|v| v.value.is_finite() && v.value >= 0.0), "non-negative");
        assert!(
            !values
                .iter()
                .any(|v| v.unit == "121905" && v.indicator == "LUD_OGOLEM" && v.year == 2024),
            "real value kept"
        );
        let pop_2023 = values
            .iter()
            .find(|v| v.unit == "121905" && v.indicator == "LUD_OGOLEM" && v.year == 2023)
            .expect("2023");
        assert!((pop_2023.value - 69791.0).abs() / 69791.0 < 0.05, "{pop_2023:?}");
        let pupils = values
            .iter()
            .find(|v| v.unit == "121905" && v.indicator == "UCZ_SP" && v.year == 2024)
            .expect("pupils");
        assert!((0.06..0.13).contains(&(pupils.value / 69791.0)), "{pupils:?}");
        for v in values.iter().filter(|v| v.indicator.ends_with("_PROC")) {
            assert!((0.0..=100.0).contains(&v.value), "{v:?}");
        }
        assert!(
            !values.iter().any(|v| v.unit == "1219" && v.indicator == "UCZ_SP"),
            "powiaty run no primary schools"
        );
    }
}
