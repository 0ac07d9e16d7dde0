//! Indicator codes the methods rely on (DESIGN §4.2) and catalogue polarity.

/// Polarity of a catalogue indicator: which way is better, independent of any strategy's intent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    HigherIsBetter,
    LowerIsBetter,
    Neutral,
}

impl Polarity {
    pub fn code(self) -> &'static str {
        match self {
            Self::HigherIsBetter => "higher_is_better",
            Self::LowerIsBetter => "lower_is_better",
            Self::Neutral => "neutral",
        }
    }

    /// The stored code back; anything unknown is neutral.
    pub fn from_code(code: &str) -> Self {
        match code {
            "higher_is_better" => Self::HigherIsBetter,
            "lower_is_better" => Self::LowerIsBetter,
            _ => Self::Neutral,
        }
    }
}

/// Population at 31 December, the denominator of per-resident indicators and the size of a unit.
pub const POPULATION: &str = "LUD_OGOLEM";

/// Codes every catalogue must define: population, area, pupils of primary schools, km of
/// municipal roads, social-assistance beneficiaries.
pub const RESERVED_CODES: [&str; 5] = [POPULATION, "POW_KM2", "UCZ_SP", "DROGI_GM_KM", "BENEF_PS"];
