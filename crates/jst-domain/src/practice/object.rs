//! A practice as a release carries it (`docs/practices-format.md`, "In a release"): the
//! metryka, the texts, the attachments by hash and the indicators it improved. Read leniently:
//! unknown fields are ignored, and a sub-area or attachment kind this version does not know
//! reads as none, so a newer server's additions never hide a practice from an older desktop.

use serde::{Deserialize, Deserializer};

use super::{PracticeArea, PracticeSubArea};
use crate::AttachmentKind;
use crate::UnitKind;

/// One practice of the base.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Practice {
    /// The association's number; the demo's invented practices have negative ones.
    #[serde(default)]
    pub id: i64,
    pub title: String,
    pub area: PracticeArea,
    #[serde(default, deserialize_with = "known_sub_area")]
    pub sub_area: Option<PracticeSubArea>,
    pub teryt: String,
    pub unit_name: String,
    pub unit_kind: UnitKind,
    /// Population when the practice was entered.
    #[serde(default)]
    pub population: Option<u64>,
    #[serde(default)]
    pub implementing_body: String,
    #[serde(default)]
    pub contacts: Vec<PracticeContact>,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub entered: String,
    pub years: PracticeYears,
    pub summary: String,
    pub presentation: String,
    #[serde(default)]
    pub attachments: Vec<PracticeAttachment>,
    #[serde(default)]
    pub indicators: Vec<PracticeIndicator>,
    #[serde(default)]
    pub keywords: Vec<String>,
    #[serde(default)]
    pub source: Option<String>,
    /// Part of the starter base shipped with the program.
    #[serde(default)]
    pub starter: bool,
    /// Invented for the demo, never a real unit's practice.
    #[serde(default)]
    pub sample: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct PracticeContact {
    pub name: String,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
}

/// Years of implementation; `to` is absent while it lasts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct PracticeYears {
    pub from: i32,
    #[serde(default)]
    pub to: Option<i32>,
}

/// A value of an indicator in one year.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
pub struct PracticeMeasure {
    pub year: i32,
    pub value: f64,
}

/// A catalogue indicator the practice improved, with the values before and after when known.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PracticeIndicator {
    pub code: String,
    #[serde(default)]
    pub before: Option<PracticeMeasure>,
    #[serde(default)]
    pub after: Option<PracticeMeasure>,
}

/// An attachment, fetched by its hash; `kind` is `None` for a media type this version does
/// not know.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct PracticeAttachment {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(rename = "media_type", deserialize_with = "known_media_type")]
    pub kind: Option<AttachmentKind>,
    pub sha256: String,
    #[serde(default)]
    pub size: u64,
}

impl Practice {
    /// Catalogue codes of the indicators it improved, in the practice's order.
    pub fn indicator_codes(&self) -> Vec<String> {
        self.indicators.iter().map(|i| i.code.clone()).collect()
    }
}

fn known_sub_area<'de, D: Deserializer<'de>>(d: D) -> Result<Option<PracticeSubArea>, D::Error> {
    let code: Option<String> = Option::deserialize(d)?;
    Ok(code.as_deref().and_then(PracticeSubArea::from_code))
}

fn known_media_type<'de, D: Deserializer<'de>>(d: D) -> Result<Option<AttachmentKind>, D::Error> {
    let media_type = String::deserialize(d)?;
    Ok(AttachmentKind::from_media_type(&media_type))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_release_object_reads_with_every_field_and_unknown_ones_ignored() {
        let json = r###"{
            "id": 7, "title": "T", "area": "rozwoj_instytucjonalny", "sub_area": "partnerstwo",
            "teryt": "1219053", "unit_name": "Wieliczka", "unit_kind": "gmina_miejsko_wiejska",
            "population": 69791, "implementing_body": "Urząd", "entered": "2026-01-02",
            "contacts": [{"name": "Referat", "phone": "12 000", "fax": "x"}],
            "years": {"from": 2024}, "summary": "S", "presentation": "## P",
            "attachments": [
                {"title": "Prezentacja", "media_type": "application/pdf", "sha256": "ab", "size": 3},
                {"media_type": "image/webp", "sha256": "cd", "size": 4}
            ],
            "indicators": [{"code": "A", "before": {"year": 2023, "value": 1.5}}, {"code": "B"}],
            "keywords": ["k"], "source": "src", "starter": true, "added_later": {"x": 1}
        }"###;
        let p: Practice = serde_json::from_str(json).expect("parses");
        assert_eq!(p.sub_area, Some(PracticeSubArea::Partnerstwo));
        assert_eq!(p.unit_kind, UnitKind::GminaMiejskoWiejska);
        assert_eq!(p.years, PracticeYears { from: 2024, to: None });
        assert_eq!(p.contacts[0].phone.as_deref(), Some("12 000"));
        assert_eq!(p.contacts[0].role, None);
        assert_eq!(p.attachments[0].kind, Some(AttachmentKind::Pdf));
        assert_eq!(p.attachments[1].kind, None);
        assert_eq!(p.attachments[1].title, None);
        assert_eq!(p.indicators[0].before, Some(PracticeMeasure { year: 2023, value: 1.5 }));
        assert_eq!(p.indicator_codes(), ["A", "B"]);
        assert!(p.starter && !p.sample);

        let unknown_sub = json.replace("\"partnerstwo\"", "\"nowy_podobszar\"");
        let p: Practice = serde_json::from_str(&unknown_sub).expect("parses");
        assert_eq!(p.sub_area, None);
    }
}
