use std::fmt;

/// The unit's intent for an indicator. Files use `wzrost|spadek|utrzymanie`, JSON the English
/// codes `increase|decrease|maintain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Increase,
    Decrease,
    Maintain,
}

/// A given direction that contradicts the sign of target − baseline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DirectionConflict {
    pub given: Direction,
    pub implied: Direction,
}

impl Direction {
    pub fn code(self) -> &'static str {
        match self {
            Self::Increase => "increase",
            Self::Decrease => "decrease",
            Self::Maintain => "maintain",
        }
    }

    pub fn code_pl(self) -> &'static str {
        match self {
            Self::Increase => "wzrost",
            Self::Decrease => "spadek",
            Self::Maintain => "utrzymanie",
        }
    }

    pub fn from_code_pl(code: &str) -> Option<Self> {
        match code {
            "wzrost" => Some(Self::Increase),
            "spadek" => Some(Self::Decrease),
            "utrzymanie" => Some(Self::Maintain),
            _ => None,
        }
    }

    /// The direction the numbers imply: the sign of target − baseline, `Maintain` when equal.
    pub fn implied(baseline: f64, target: f64) -> Self {
        if target > baseline {
            Self::Increase
        } else if target < baseline {
            Self::Decrease
        } else {
            Self::Maintain
        }
    }

    /// The effective direction (DESIGN §5.1): when not given it follows the sign of g − b;
    /// g = b is always `Maintain`; a given increase or decrease against the sign is an error.
    /// A given `Maintain` with g ≠ b is kept: it asks to hold the value near the target.
    pub fn resolve(
        given: Option<Direction>,
        baseline: f64,
        target: f64,
    ) -> Result<Self, DirectionConflict> {
        let implied = Self::implied(baseline, target);
        match given {
            _ if implied == Self::Maintain => Ok(Self::Maintain),
            None => Ok(implied),
            Some(Self::Maintain) => Ok(Self::Maintain),
            Some(given) if given == implied => Ok(given),
            Some(given) => Err(DirectionConflict { given, implied }),
        }
    }
}

impl fmt::Display for Direction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::Direction::{self, *};

    /// (given, baseline, target, effective direction or the given one in conflict)
    type Case = (Option<Direction>, f64, f64, Result<Direction, Direction>);

    #[test]
    fn resolution_table() {
        let cases: [Case; 10] = [
            (None, 10.0, 20.0, Ok(Increase)),
            (None, 20.0, 10.0, Ok(Decrease)),
            (None, 10.0, 10.0, Ok(Maintain)),
            (Some(Increase), 10.0, 20.0, Ok(Increase)),
            (Some(Decrease), 20.0, 10.0, Ok(Decrease)),
            (Some(Increase), 20.0, 10.0, Err(Increase)),
            (Some(Decrease), 10.0, 20.0, Err(Decrease)),
            // g = b is always maintain, whatever was given.
            (Some(Increase), 5.0, 5.0, Ok(Maintain)),
            (Some(Maintain), 10.0, 12.0, Ok(Maintain)),
            (Some(Maintain), 10.0, 10.0, Ok(Maintain)),
        ];
        for (given, b, g, expected) in cases {
            let got = Direction::resolve(given, b, g).map_err(|c| c.given);
            assert_eq!(got, expected, "{given:?} {b} → {g}");
        }
    }

    #[test]
    fn polish_codes() {
        for d in [Increase, Decrease, Maintain] {
            assert_eq!(Direction::from_code_pl(d.code_pl()), Some(d));
        }
        assert_eq!(Direction::from_code_pl("rosnie"), None);
    }
}
