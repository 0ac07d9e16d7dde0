/// Whether an own value is final: statistics are often published first as preliminary figures
/// (`wstepne`) and revised later (`ostateczne`). The codes are those of the value files (DESIGN §6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ObservationStatus {
    Wstepne,
    Ostateczne,
}

impl ObservationStatus {
    pub fn code(self) -> &'static str {
        match self {
            Self::Wstepne => "wstepne",
            Self::Ostateczne => "ostateczne",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [Self::Wstepne, Self::Ostateczne].into_iter().find(|s| s.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::ObservationStatus;

    #[test]
    fn codes_round_trip_and_match_serde() {
        for s in [ObservationStatus::Wstepne, ObservationStatus::Ostateczne] {
            assert_eq!(ObservationStatus::from_code(s.code()), Some(s));
            assert_eq!(serde_json::to_value(s).expect("json"), serde_json::json!(s.code()));
        }
        assert_eq!(ObservationStatus::from_code("prawie"), None);
    }
}
