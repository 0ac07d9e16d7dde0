//! The latent description of one unit (size, growth, area, urbanity, wealth) and the indicator
//! values that follow from it. Money grows with prices; shares stay within 0–100 %.

use jst_domain::UnitKind;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, LogNormal, Normal};

/// Codes generated, all in the shipped catalogue.
pub const INDICATORS: [&str; 33] = [
    "LUD_OGOLEM",
    "POW_KM2",
    "LUD_PRZEDPROD_PROC",
    "LUD_POPROD_PROC",
    "DOCH_OGOLEM_PC",
    "DOCH_WLASNE_PC",
    "WYD_OGOLEM_PC",
    "WYD_MAJ_UDZIAL",
    "ZADLUZENIE_UDZIAL",
    "BEZROBOCIE_UDZIAL",
    "PODMIOTY_REGON_1000",
    "UCZ_SP",
    "DZIECI_PRZEDSZK",
    "WYCH_PRZEDSZK_3_5",
    "BENEF_PS",
    "DROGI_GM_KM",
    "KANALIZACJA_PROC",
    "WODOCIAG_PROC",
    "ODPADY_SELEKT_PROC",
    "CZYTELNICY_1000",
    "WYD_75022",
    "WYD_75023",
    "WYD_80101",
    "WYD_80104",
    "WYD_85219",
    "WYD_92109",
    "WYD_92116",
    "WYD_90002",
    "WYD_90015",
    "WYD_60016",
    "WYD_60004",
    "WYD_75412",
    "DROGI_TWARDE_PROC",
];

/// The indicators powiaty also have; the rest are gmina tasks (primary schools, municipal
/// roads, waste collection, …).
const POWIAT_INDICATORS: [&str; 10] = [
    "LUD_OGOLEM",
    "POW_KM2",
    "LUD_PRZEDPROD_PROC",
    "LUD_POPROD_PROC",
    "DOCH_OGOLEM_PC",
    "DOCH_WLASNE_PC",
    "WYD_OGOLEM_PC",
    "WYD_MAJ_UDZIAL",
    "ZADLUZENIE_UDZIAL",
    "BEZROBOCIE_UDZIAL",
];

/// Price level relative to 2024 (GUS CPI, annual averages), so money values move with prices.
fn price_level(year: i32) -> f64 {
    const CPI: [(i32, f64); 15] = [
        (2010, 102.6),
        (2011, 104.3),
        (2012, 103.7),
        (2013, 100.9),
        (2014, 100.0),
        (2015, 99.1),
        (2016, 99.4),
        (2017, 102.0),
        (2018, 101.6),
        (2019, 102.3),
        (2020, 103.4),
        (2021, 105.1),
        (2022, 114.4),
        (2023, 111.4),
        (2024, 103.6),
    ];
    let mut level = 1.0;
    for (y, index) in CPI.iter().rev() {
        if *y <= year {
            break;
        }
        level /= index / 100.0;
    }
    level
}

/// FNV-1a: a stable seed from the unit's identity, so values do not depend on unit order.
fn unit_seed(identity: &str) -> u64 {
    identity
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

pub(crate) struct UnitModel {
    kind: UnitKind,
    population: f64,
    anchor_year: i32,
    growth: f64,
    area: f64,
    urban: f64,
    wealth: f64,
    /// Per-unit multipliers of each indicator, drawn once.
    noise: Vec<f64>,
    /// Year-to-year wobble seeds.
    wobble: u64,
}

fn lognormal(rng: &mut ChaCha8Rng, median: f64, sigma: f64) -> f64 {
    LogNormal::new(median.ln(), sigma).map(|d| d.sample(rng)).unwrap_or(median)
}

fn normal(rng: &mut ChaCha8Rng, mean: f64, sd: f64) -> f64 {
    Normal::new(mean, sd).map(|d| d.sample(rng)).unwrap_or(mean)
}

impl UnitModel {
    pub fn new(
        identity: &str,
        kind: UnitKind,
        known_population: Option<f64>,
        anchor_year: i32,
    ) -> Self {
        let mut rng = ChaCha8Rng::seed_from_u64(unit_seed(identity));
        let (median_population, sigma, median_area, urban) = match kind {
            UnitKind::GminaMiejska => (14_000.0, 0.8, 30.0, 0.9),
            UnitKind::GminaWiejska => (7_000.0, 0.45, 110.0, 0.1),
            UnitKind::GminaMiejskoWiejska => (12_000.0, 0.55, 160.0, 0.5),
            UnitKind::MiastoNaPrawachPowiatu => (110_000.0, 0.7, 120.0, 0.97),
            UnitKind::Powiat | UnitKind::Wojewodztwo => (85_000.0, 0.45, 950.0, 0.4),
        };
        let synthetic_population = lognormal(&mut rng, median_population, sigma);
        let population = known_population.unwrap_or(synthetic_population).max(1_000.0);
        let urban = (urban + normal(&mut rng, 0.0, 0.08)).clamp(0.0, 1.0);
        let wealth = normal(&mut rng, 0.4 * (urban - 0.5), 1.0);
        let growth = normal(&mut rng, -0.001 + 0.004 * wealth.clamp(-2.0, 2.0), 0.004);
        let area = lognormal(&mut rng, median_area, 0.4);
        let noise = (0..INDICATORS.len()).map(|_| lognormal(&mut rng, 1.0, 0.12)).collect();
        Self {
            kind,
            population,
            anchor_year,
            growth,
            area,
            urban,
            wealth,
            noise,
            wobble: rng.random(),
        }
    }

    /// Urbanity (0–1) and wealth (standard normal-ish) of the unit.
    pub(crate) fn latent(&self) -> (f64, f64) {
        (self.urban, self.wealth)
    }

    pub(crate) fn seed(&self) -> u64 {
        self.wobble
    }

    fn population_in(&self, year: i32) -> f64 {
        (self.population * (1.0 + self.growth).powi(year - self.anchor_year)).round()
    }

    /// Every applicable indicator's value in `year`.
    pub fn values(&self, year: i32) -> Vec<(&'static str, f64)> {
        let mut wobble =
            ChaCha8Rng::seed_from_u64(self.wobble ^ (year as u64).wrapping_mul(0x9e37_79b9));
        let pop = self.population_in(year);
        let prices = price_level(year);
        let t = f64::from(year - 2010);
        let (u, w) = (self.urban, self.wealth);
        let share = |v: f64| v.clamp(0.0, 100.0);
        let gmina = self.kind != UnitKind::Powiat;
        let pupils = pop * (0.082 + 0.02 * (1.0 - u));
        let preschool = pop * 0.03;
        let beneficiaries = pop * (0.06 - 0.025 * u - 0.008 * w).clamp(0.01, 0.15);
        let roads = self.area
            * (0.45 + 1.1 * u)
            * if self.kind == UnitKind::MiastoNaPrawachPowiatu { 1.5 } else { 1.0 };
        let per_capita = |base: f64| pop * base * prices;
        let mut out = Vec::with_capacity(INDICATORS.len());
        for (i, code) in INDICATORS.iter().enumerate() {
            if !gmina && !POWIAT_INDICATORS.contains(code) {
                continue;
            }
            let jitter = self.noise[i] * (1.0 + 0.02 * wobble.random_range(-1.0..1.0));
            let value = match *code {
                "LUD_OGOLEM" => pop,
                "POW_KM2" => (self.area * 100.0).round() / 100.0,
                "LUD_PRZEDPROD_PROC" => {
                    share(18.0 + 1.5 * (1.0 - u) - 0.05 * t + 0.5 * w) * jitter.sqrt()
                }
                "LUD_POPROD_PROC" => share(17.0 + 3.0 * u + 0.45 * t - 0.5 * w),
                "DOCH_OGOLEM_PC" => {
                    2_600.0
                        * prices.recip().powf(-1.0)
                        * (1.0 + 0.15 * w).max(0.5)
                        * (1.0 + 0.03 * t)
                        * jitter
                        / prices
                        * prices
                }
                "DOCH_WLASNE_PC" => {
                    1_100.0 * (1.0 + 0.35 * w + 0.4 * u).max(0.3) * (1.0 + 0.035 * t) * jitter
                }
                "WYD_OGOLEM_PC" => 2_700.0 * (1.0 + 0.12 * w).max(0.5) * (1.0 + 0.03 * t) * jitter,
                "WYD_MAJ_UDZIAL" => share(14.0 + 4.0 * w * jitter),
                "ZADLUZENIE_UDZIAL" => share((25.0 - 5.0 * w).max(0.0) * jitter),
                "BEZROBOCIE_UDZIAL" => share((6.5 - 1.2 * w - 0.25 * t).max(0.8) * jitter),
                "PODMIOTY_REGON_1000" => (80.0 + 40.0 * u + 12.0 * w + 1.5 * t).max(30.0) * jitter,
                "UCZ_SP" => (pupils * jitter).round(),
                "DZIECI_PRZEDSZK" => (preschool * jitter).round(),
                "WYCH_PRZEDSZK_3_5" => share(70.0 + 10.0 * u + 1.2 * t + 3.0 * w),
                "BENEF_PS" => (beneficiaries * (1.0 - 0.02 * t).max(0.5) * jitter).round(),
                "DROGI_GM_KM" => (roads * jitter * 10.0).round() / 10.0,
                "KANALIZACJA_PROC" => share(35.0 + 55.0 * u + 4.0 * w + 1.2 * t),
                "WODOCIAG_PROC" => share(82.0 + 15.0 * u + 0.4 * t),
                "ODPADY_SELEKT_PROC" => share(10.0 + 2.8 * t + 3.0 * w),
                "CZYTELNICY_1000" => (140.0 - 2.5 * t + 20.0 * u).max(40.0) * jitter,
                "WYD_75022" => per_capita(14.0) * jitter,
                "WYD_75023" => per_capita(340.0 - 45.0 * (pop / 10_000.0).ln().max(0.0)) * jitter,
                "WYD_80101" => pupils * 8_500.0 * (1.0 + 0.25 * (1.0 - u)) * prices * jitter,
                "WYD_80104" => preschool * 11_000.0 * prices * jitter,
                "WYD_85219" => beneficiaries * 1_400.0 * prices * jitter,
                "WYD_92109" => per_capita(55.0 + 15.0 * w.max(-1.0)) * jitter,
                "WYD_92116" => per_capita(32.0) * jitter,
                "WYD_90002" => per_capita(150.0 + 12.0 * t) * jitter,
                "WYD_90015" => per_capita(38.0 + 10.0 * u) * jitter,
                "WYD_60016" => roads * 22_000.0 * prices * jitter,
                "WYD_60004" => per_capita(160.0 * u * u) * jitter,
                "WYD_75412" => per_capita(22.0 * (1.2 - u)) * jitter,
                "DROGI_TWARDE_PROC" => share(45.0 + 35.0 * u + 1.0 * t),
                _ => continue,
            };
            if value.is_finite() {
                out.push((*code, value.max(0.0)));
            }
        }
        out
    }
}
