//! The national benchmark set (DESIGN §11): the modelled indicators plus generic synthetic ones
//! (`SYN_001`…), up to 300 indicators, so storage and analytics are measured at full scale.
//! The generic indicators follow the same latent unit description (size, urbanity, wealth), so
//! they correlate like real statistics do, and are labelled synthetic in their names.

use crate::unit_model::{UnitModel, INDICATORS};

/// Indicators of the national benchmark set, the modelled ones included.
pub const NATIONAL_INDICATORS: usize = 300;

/// A generic synthetic indicator of the national set, with its catalogue entry.
#[derive(Debug, Clone, PartialEq)]
pub struct GenericIndicator {
    pub code: String,
    pub name: String,
    pub unit: &'static str,
    /// Catalogue polarity code: `wiecej_lepiej | mniej_lepiej | neutralny`.
    pub polarity: &'static str,
    pub area: &'static str,
    /// Whether the indicator is structural (offered as a nearest-neighbour variable).
    pub structural: bool,
}

/// How a generic indicator depends on the unit: value = base · (1 + a·urban + b·wealth)
/// · (1 + growth)^(year − 2010) · per-unit noise · yearly wobble.
#[derive(Debug, Clone, Copy)]
pub(crate) struct GenericShape {
    pub base: f64,
    pub urban: f64,
    pub wealth: f64,
    pub growth: f64,
    pub spread: f64,
}

const AREAS: [&str; 8] = [
    "edukacja",
    "polityka społeczna",
    "kultura",
    "gospodarka komunalna",
    "transport i drogi",
    "administracja",
    "finanse",
    "demografia",
];

fn generic_count() -> usize {
    NATIONAL_INDICATORS - INDICATORS.len()
}

/// SplitMix64: cheap, stable pseudo-randomness from a key, so a value does not depend on the
/// order in which units, indicators or years are generated.
pub(crate) fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Uniform in [0, 1) from a key.
pub(crate) fn unit_interval(key: u64) -> f64 {
    (mix(key) >> 11) as f64 / (1u64 << 53) as f64
}

/// Standard normal from a key (Box–Muller).
pub(crate) fn standard_normal(key: u64) -> f64 {
    let u1 = unit_interval(key).max(f64::MIN_POSITIVE);
    let u2 = unit_interval(key ^ 0x5851_f42d_4c95_7f2d);
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

pub(crate) fn shape(i: usize) -> GenericShape {
    let k = 0x1000 + i as u64;
    GenericShape {
        base: (10.0 + 4.0 * standard_normal(k * 7)).exp2().clamp(1.0, 1e6),
        urban: 0.6 * standard_normal(k * 11),
        wealth: 0.3 * standard_normal(k * 13),
        growth: 0.01 + 0.015 * standard_normal(k * 17),
        spread: 0.1 + 0.2 * unit_interval(k * 19),
    }
}

/// The catalogue entries of the generic indicators, `SYN_001`…
pub fn generic_indicators() -> Vec<GenericIndicator> {
    (0..generic_count())
        .map(|i| {
            let n = i + 1;
            let k = 0x2000 + i as u64;
            let polarity = match mix(k) % 3 {
                0 => "wiecej_lepiej",
                1 => "mniej_lepiej",
                _ => "neutralny",
            };
            GenericIndicator {
                code: format!("SYN_{n:03}"),
                name: format!(
                    "Wskaźnik syntetyczny {n:03} (dane syntetyczne do testów wydajności)"
                ),
                unit: if mix(k ^ 1).is_multiple_of(2) { "zł" } else { "wskaźnik" },
                polarity,
                area: AREAS[(mix(k ^ 2) % AREAS.len() as u64) as usize],
                // 12 generic structural variables join the modelled ones (≈ 20 in all).
                structural: i < 12,
            }
        })
        .collect()
}

impl UnitModel {
    /// The value of generic indicator `i` in `year`.
    pub(crate) fn generic_value(&self, i: usize, shape: &GenericShape, year: i32) -> f64 {
        let (u, w) = self.latent();
        let unit_key = self.seed() ^ ((i as u64 + 1) << 32);
        let noise = (shape.spread * standard_normal(unit_key)).exp();
        let wobble = 1.0 + 0.02 * (2.0 * unit_interval(unit_key ^ year as u64) - 1.0);
        let level = (1.0 + shape.urban * u + shape.wealth * w).max(0.2);
        let trend = (1.0 + shape.growth).powi(year - 2010);
        shape.base * level * trend * noise * wobble
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_hundred_indicators_with_distinct_codes() {
        let generic = generic_indicators();
        assert_eq!(generic.len() + INDICATORS.len(), NATIONAL_INDICATORS);
        assert_eq!(generic[0].code, "SYN_001");
        let mut codes: Vec<&str> = generic.iter().map(|g| g.code.as_str()).collect();
        codes.dedup();
        assert_eq!(codes.len(), generic.len());
        assert!(generic.iter().all(|g| g.name.contains("syntetyczne")));
    }

    #[test]
    fn normal_draws_look_normal() {
        let draws: Vec<f64> = (0..20_000).map(standard_normal).collect();
        let mean = draws.iter().sum::<f64>() / draws.len() as f64;
        let var = draws.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / draws.len() as f64;
        assert!(mean.abs() < 0.03 && (var - 1.0).abs() < 0.05, "{mean} {var}");
    }
}
