use std::fmt;
use std::str::FromStr;

/// Kind of a local government unit; the string codes are a public contract (CLI JSON, files).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    GminaMiejska,
    GminaWiejska,
    GminaMiejskoWiejska,
    /// One unit doing both gmina and powiat tasks; known by its 7-digit gmina code.
    MiastoNaPrawachPowiatu,
    Powiat,
    Wojewodztwo,
}

impl UnitKind {
    pub const ALL: [UnitKind; 6] = [
        Self::GminaMiejska,
        Self::GminaWiejska,
        Self::GminaMiejskoWiejska,
        Self::MiastoNaPrawachPowiatu,
        Self::Powiat,
        Self::Wojewodztwo,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::GminaMiejska => "gmina_miejska",
            Self::GminaWiejska => "gmina_wiejska",
            Self::GminaMiejskoWiejska => "gmina_miejsko_wiejska",
            Self::MiastoNaPrawachPowiatu => "miasto_na_prawach_powiatu",
            Self::Powiat => "powiat",
            Self::Wojewodztwo => "wojewodztwo",
        }
    }

    /// The label in the user's language (the Polish one as official registers use it).
    pub fn label(self) -> String {
        match self {
            Self::GminaMiejska => jst_text::t!("unit-kind-gmina-miejska"),
            Self::GminaWiejska => jst_text::t!("unit-kind-gmina-wiejska"),
            Self::GminaMiejskoWiejska => jst_text::t!("unit-kind-gmina-miejsko-wiejska"),
            Self::MiastoNaPrawachPowiatu => jst_text::t!("unit-kind-miasto-na-prawach-powiatu"),
            Self::Powiat => jst_text::t!("unit-kind-powiat"),
            Self::Wojewodztwo => jst_text::t!("unit-kind-wojewodztwo"),
        }
    }

    /// The Polish label, for documents that are Polish whatever the user's language.
    pub fn label_pl(self) -> String {
        jst_text::with_language(jst_text::Lang::Pl, || self.label())
    }

    /// Kind of a gmina from the TERC kind digit (RODZ); parts of gminy (4, 5) and districts (8, 9)
    /// are not units of their own.
    pub fn from_gmina_digit(digit: char) -> Option<Self> {
        match digit {
            '1' => Some(Self::GminaMiejska),
            '2' => Some(Self::GminaWiejska),
            '3' => Some(Self::GminaMiejskoWiejska),
            _ => None,
        }
    }
}

impl UnitKind {
    /// Comparison family (DESIGN §5.5): gminy and miasta na prawach powiatu compare together,
    /// powiaty together, województwa together.
    pub fn family(self) -> u8 {
        match self {
            Self::Powiat => 1,
            Self::Wojewodztwo => 2,
            _ => 0,
        }
    }

    /// A gmina lying in a powiat (not a city county).
    pub fn is_gmina_in_powiat(self) -> bool {
        matches!(self, Self::GminaMiejska | Self::GminaWiejska | Self::GminaMiejskoWiejska)
    }
}

impl fmt::Display for UnitKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for UnitKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|k| k.code() == s)
            .ok_or_else(|| format!("nieznany rodzaj jednostki „{s}”"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for kind in UnitKind::ALL {
            assert_eq!(kind.code().parse::<UnitKind>(), Ok(kind));
            // The serde name and the code must agree, or JSON and SQL would disagree.
            assert_eq!(serde_json::to_value(kind).ok(), Some(serde_json::json!(kind.code())));
        }
        assert!("gmina".parse::<UnitKind>().is_err());
    }

    #[test]
    fn gmina_digits() {
        assert_eq!(UnitKind::from_gmina_digit('3'), Some(UnitKind::GminaMiejskoWiejska));
        assert_eq!(UnitKind::from_gmina_digit('4'), None);
        assert_eq!(UnitKind::from_gmina_digit('9'), None);
    }
}
