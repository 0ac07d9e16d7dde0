use std::fmt;

/// A TERYT (TERC) code of a unit: 2 digits for a województwo, 4 for a powiat, 7 for a gmina
/// (`WWPPGGR`, R = kind digit).
///
/// The kind digit of a gmina changes when a village gets town rights, so a gmina's identity across
/// register versions is its first 6 digits ([`Teryt::identity`]).
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Teryt(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TerytError {
    #[error("{}", jst_text::t!("domain-teryt-malformed", code = .0))]
    Malformed(String),
}

impl Teryt {
    /// Parses a code of 2, 4 or 7 digits. A 6-digit gmina identity is accepted by
    /// [`Teryt::parse_lookup`], not here, because it is not a complete code.
    pub fn parse(code: &str) -> Result<Self, TerytError> {
        let code = code.trim();
        if matches!(code.len(), 2 | 4 | 7) && code.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Self(code.to_owned()))
        } else {
            Err(TerytError::Malformed(code.to_owned()))
        }
    }

    /// The key a user may type to find a unit: a full code or a 6-digit gmina identity.
    /// Returns the identity to look up.
    pub fn parse_lookup(code: &str) -> Result<String, TerytError> {
        let code = code.trim();
        if code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()) {
            return Ok(code.to_owned());
        }
        Ok(Self::parse(code)?.identity().to_owned())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Identity that survives a change of the gmina kind digit: the first 6 digits of a gmina
    /// code, the whole code of a powiat or województwo.
    pub fn identity(&self) -> &str {
        if self.0.len() == 7 {
            &self.0[..6]
        } else {
            &self.0
        }
    }

    pub fn voivodeship_code(&self) -> &str {
        &self.0[..2]
    }

    /// Powiat codes 61–99 belong to miasta na prawach powiatu.
    pub fn is_city_county_code(&self) -> bool {
        self.0.len() >= 4 && self.0[2..4] >= *"61"
    }
}

impl fmt::Display for Teryt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Teryt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Teryt({})", self.0)
    }
}

impl TryFrom<String> for Teryt {
    type Error = TerytError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Teryt> for String {
    fn from(value: Teryt) -> Self {
        value.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects() {
        for (input, ok) in [
            ("12", true),
            ("1219", true),
            ("1219053", true),
            (" 1219053 ", true),
            ("121905", false),
            ("12190531", false),
            ("12a9053", false),
            ("", false),
        ] {
            assert_eq!(Teryt::parse(input).is_ok(), ok, "{input:?}");
        }
    }

    #[test]
    fn identity_drops_the_kind_digit_of_gminy_only() {
        let cases = [("1208042", "120804"), ("1219", "1219"), ("12", "12")];
        for (code, identity) in cases {
            assert_eq!(Teryt::parse(code).map(|t| t.identity().to_owned()), Ok(identity.into()));
        }
        assert_eq!(Teryt::parse_lookup("120804"), Ok("120804".into()));
        assert_eq!(Teryt::parse_lookup("1208043"), Ok("120804".into()));
    }

    #[test]
    fn city_county_codes() {
        assert!(Teryt::parse("1261").is_ok_and(|t| t.is_city_county_code()));
        assert!(Teryt::parse("1261011").is_ok_and(|t| t.is_city_county_code()));
        assert!(Teryt::parse("1219").is_ok_and(|t| !t.is_city_county_code()));
        assert!(Teryt::parse("12").is_ok_and(|t| !t.is_city_county_code()));
    }
}
