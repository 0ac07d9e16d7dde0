//! The good-practice base (Baza Dobrych Praktyk): its closed sets (areas, sub-areas, kinds of
//! attachment), whose codes are the public contract of the release's practice chunks, the
//! CLI's JSON and `--area`, and a practice object as a release carries it ([`Practice`]).

mod object;
mod record;

pub use object::{
    Practice, PracticeAttachment, PracticeContact, PracticeIndicator, PracticeMeasure,
    PracticeYears,
};
pub use record::PracticeRecord;

/// An area of the good-practice base, a closed set with public codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum PracticeArea {
    RozwojInstytucjonalny,
    UslugiSpoleczne,
    UslugiTechniczne,
    EfektywnoscEnergetyczna,
    WspolpracaJstNgo,
    WspolpracaMiedzyJst,
    DialogSpoleczny,
}

impl PracticeArea {
    pub const ALL: [PracticeArea; 7] = [
        Self::RozwojInstytucjonalny,
        Self::UslugiSpoleczne,
        Self::UslugiTechniczne,
        Self::EfektywnoscEnergetyczna,
        Self::WspolpracaJstNgo,
        Self::WspolpracaMiedzyJst,
        Self::DialogSpoleczny,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::RozwojInstytucjonalny => "rozwoj_instytucjonalny",
            Self::UslugiSpoleczne => "uslugi_spoleczne",
            Self::UslugiTechniczne => "uslugi_techniczne",
            Self::EfektywnoscEnergetyczna => "efektywnosc_energetyczna",
            Self::WspolpracaJstNgo => "wspolpraca_jst_ngo",
            Self::WspolpracaMiedzyJst => "wspolpraca_miedzy_jst",
            Self::DialogSpoleczny => "dialog_spoleczny",
        }
    }

    /// The area's name in the user's language.
    pub fn label(self) -> String {
        match self {
            Self::RozwojInstytucjonalny => jst_text::t!("practice-area-rozwoj-instytucjonalny"),
            Self::UslugiSpoleczne => jst_text::t!("practice-area-uslugi-spoleczne"),
            Self::UslugiTechniczne => jst_text::t!("practice-area-uslugi-techniczne"),
            Self::EfektywnoscEnergetyczna => jst_text::t!("practice-area-efektywnosc-energetyczna"),
            Self::WspolpracaJstNgo => jst_text::t!("practice-area-wspolpraca-jst-ngo"),
            Self::WspolpracaMiedzyJst => jst_text::t!("practice-area-wspolpraca-miedzy-jst"),
            Self::DialogSpoleczny => jst_text::t!("practice-area-dialog-spoleczny"),
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.code() == code)
    }
}

/// A sub-area of the base; only "Rozwój instytucjonalny" has them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum PracticeSubArea {
    ZarzadzanieStrategiczne,
    ZarzadzanieZasobami,
    ZarzadzaniePersonelem,
    Partnerstwo,
    ZarzadzanieUslugami,
}

impl PracticeSubArea {
    pub const ALL: [PracticeSubArea; 5] = [
        Self::ZarzadzanieStrategiczne,
        Self::ZarzadzanieZasobami,
        Self::ZarzadzaniePersonelem,
        Self::Partnerstwo,
        Self::ZarzadzanieUslugami,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::ZarzadzanieStrategiczne => "zarzadzanie_strategiczne",
            Self::ZarzadzanieZasobami => "zarzadzanie_zasobami",
            Self::ZarzadzaniePersonelem => "zarzadzanie_personelem",
            Self::Partnerstwo => "partnerstwo",
            Self::ZarzadzanieUslugami => "zarzadzanie_uslugami",
        }
    }

    /// The sub-area's name in the user's language.
    pub fn label(self) -> String {
        match self {
            Self::ZarzadzanieStrategiczne => {
                jst_text::t!("practice-sub-area-zarzadzanie-strategiczne")
            }
            Self::ZarzadzanieZasobami => jst_text::t!("practice-sub-area-zarzadzanie-zasobami"),
            Self::ZarzadzaniePersonelem => {
                jst_text::t!("practice-sub-area-zarzadzanie-personelem")
            }
            Self::Partnerstwo => jst_text::t!("practice-sub-area-partnerstwo"),
            Self::ZarzadzanieUslugami => jst_text::t!("practice-sub-area-zarzadzanie-uslugami"),
        }
    }

    /// The area a sub-area belongs to.
    pub fn area(self) -> PracticeArea {
        PracticeArea::RozwojInstytucjonalny
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// The size class of a unit as a practice filter names it, e.g. `20000-50000` or
/// `100000-inf`: the tail of [`crate::type_size_key`], so the classes are the comparison's.
pub fn size_class_code(kind: crate::UnitKind, population: f64) -> String {
    let (lower, upper) = crate::size_class(kind, population);
    let upper = upper.map_or("inf".to_owned(), |u| format!("{u:.0}"));
    format!("{lower:.0}-{upper}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::AttachmentKind;

    #[test]
    fn a_size_class_code_is_the_tail_of_the_type_size_key() {
        let kind = crate::UnitKind::GminaMiejskoWiejska;
        let code = size_class_code(kind, 69791.0);
        assert!(crate::type_size_key(kind, 69791.0).ends_with(&format!(":{code}")), "{code}");
    }

    #[test]
    fn codes_read_back_and_match_serde() {
        for area in PracticeArea::ALL {
            assert_eq!(PracticeArea::from_code(area.code()), Some(area));
            assert_eq!(serde_json::to_string(&area).ok(), Some(format!("\"{}\"", area.code())));
        }
        assert_eq!(PracticeArea::from_code("oswiata"), None);
        for sub in PracticeSubArea::ALL {
            assert_eq!(PracticeSubArea::from_code(sub.code()), Some(sub));
            assert_eq!(serde_json::to_string(&sub).ok(), Some(format!("\"{}\"", sub.code())));
            assert_eq!(sub.area(), PracticeArea::RozwojInstytucjonalny);
        }
        for kind in AttachmentKind::ALL {
            assert_eq!(AttachmentKind::from_media_type(kind.media_type()), Some(kind));
        }
        assert_eq!(AttachmentKind::from_media_type("image/webp"), None);
    }
}
