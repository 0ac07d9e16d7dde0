use std::fmt;

/// Status of an indicator or a node; the codes are a public contract (CLI JSON, UI).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Achieved,
    OnTrack,
    AccelerationNeeded,
    LimitedProgress,
    Deterioration,
    NoData,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Self::Achieved,
        Self::OnTrack,
        Self::AccelerationNeeded,
        Self::LimitedProgress,
        Self::Deterioration,
        Self::NoData,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Achieved => "achieved",
            Self::OnTrack => "on_track",
            Self::AccelerationNeeded => "acceleration_needed",
            Self::LimitedProgress => "limited_progress",
            Self::Deterioration => "deterioration",
            Self::NoData => "no_data",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The label DESIGN §12 names, in the user's language.
    pub fn label(self) -> String {
        match self {
            Self::Achieved => jst_text::t!("status-achieved"),
            Self::OnTrack => jst_text::t!("status-on-track"),
            Self::AccelerationNeeded => jst_text::t!("status-acceleration-needed"),
            Self::LimitedProgress => jst_text::t!("status-limited-progress"),
            Self::Deterioration => jst_text::t!("status-deterioration"),
            Self::NoData => jst_text::t!("status-no-data"),
        }
    }

    /// The Polish label, for documents that are Polish whatever the user's language.
    pub fn label_pl(self) -> String {
        jst_text::with_language(jst_text::Lang::Pl, || self.label())
    }

    /// The mark shown with the label, so status is never told by colour alone.
    pub fn mark(self) -> &'static str {
        match self {
            Self::Achieved => "✓",
            Self::OnTrack => "●",
            Self::AccelerationNeeded => "▲",
            Self::LimitedProgress => "◆",
            Self::Deterioration => "▼",
            Self::NoData => "–",
        }
    }

    /// Status of an observed-to-required rate ratio (DESIGN §5.1).
    pub fn from_ratio(ratio: f64, t: &Thresholds) -> Self {
        if ratio >= t.on_track {
            Self::OnTrack
        } else if ratio >= t.acceleration_needed {
            Self::AccelerationNeeded
        } else if ratio >= 0.0 {
            Self::LimitedProgress
        } else {
            Self::Deterioration
        }
    }

    /// Status of a node score (DESIGN §5.2); a node with nothing scored has no data.
    pub fn from_node_score(score: Option<f64>, t: &Thresholds) -> Self {
        match score {
            None => Self::NoData,
            Some(s) if s >= t.on_track => Self::OnTrack,
            Some(s) if s >= t.acceleration_needed => Self::AccelerationNeeded,
            Some(_) => Self::LimitedProgress,
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The thresholds of DESIGN §5.1–5.2; settings with these defaults.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    pub on_track: f64,
    pub acceleration_needed: f64,
    /// Tolerance of `maintain` indicators as a fraction of |target|.
    pub maintain_tolerance: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Self { on_track: 0.95, acceleration_needed: 0.6, maintain_tolerance: 0.05 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratio_bands() {
        let t = Thresholds::default();
        for (ratio, status) in [
            (1.3, Status::OnTrack),
            (0.95, Status::OnTrack),
            (0.9499, Status::AccelerationNeeded),
            (0.6, Status::AccelerationNeeded),
            (0.5999, Status::LimitedProgress),
            (0.0, Status::LimitedProgress),
            (-0.0001, Status::Deterioration),
        ] {
            assert_eq!(Status::from_ratio(ratio, &t), status, "{ratio}");
        }
    }

    #[test]
    fn node_bands() {
        let t = Thresholds::default();
        for (score, status) in [
            (None, Status::NoData),
            (Some(1.0), Status::OnTrack),
            (Some(0.95), Status::OnTrack),
            (Some(0.7), Status::AccelerationNeeded),
            (Some(0.0), Status::LimitedProgress),
        ] {
            assert_eq!(Status::from_node_score(score, &t), status, "{score:?}");
        }
    }

    #[test]
    fn serde_codes_match() {
        for s in Status::ALL {
            assert_eq!(serde_json::to_value(s).ok(), Some(serde_json::json!(s.code())));
        }
    }
}
