//! A practice of the good-practice base as stored and published (the release's chunk is a JSON
//! array of these); [`jst_server::practices`] checks what it accepts.

use jst_domain::UnitKind;
use serde::{Deserialize, Serialize};

pub use jst_domain::PracticeArea as Area;
pub use jst_domain::PracticeSubArea as SubArea;

/// The kinds of attachment the base keeps, told by their first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MediaType {
    #[serde(rename = "application/pdf")]
    Pdf,
    #[serde(rename = "image/png")]
    Png,
    #[serde(rename = "image/jpeg")]
    Jpeg,
}

/// The stored and served form keeps media-type strings; the kinds and their first bytes are
/// the domain's, shared with the desktop that checks a fetched attachment the same way.
impl From<jst_domain::AttachmentKind> for MediaType {
    fn from(kind: jst_domain::AttachmentKind) -> Self {
        match kind {
            jst_domain::AttachmentKind::Pdf => Self::Pdf,
            jst_domain::AttachmentKind::Png => Self::Png,
            jst_domain::AttachmentKind::Jpeg => Self::Jpeg,
        }
    }
}

impl MediaType {
    pub fn kind(self) -> jst_domain::AttachmentKind {
        match self {
            Self::Pdf => jst_domain::AttachmentKind::Pdf,
            Self::Png => jst_domain::AttachmentKind::Png,
            Self::Jpeg => jst_domain::AttachmentKind::Jpeg,
        }
    }

    pub fn code(self) -> &'static str {
        self.kind().media_type()
    }

    pub fn sniff(bytes: &[u8]) -> Option<Self> {
        jst_domain::AttachmentKind::from_magic(bytes).map(Self::from)
    }

    pub fn of_extension(name: &str) -> Option<Self> {
        let lower = name.to_lowercase();
        let ext = lower.rsplit_once('.').map(|(_, e)| e)?;
        match ext {
            "pdf" => Some(Self::Pdf),
            "png" => Some(Self::Png),
            "jpg" | "jpeg" => Some(Self::Jpeg),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// Years of implementation: from, and to when it ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Years {
    pub from: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<i32>,
}

/// One value of an indicator in one year.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    pub year: i32,
    pub value: f64,
}

/// A catalogue indicator the practice improved, with the values before and after when known.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorEffect {
    pub code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<Measure>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<Measure>,
}

/// An attachment as a practice names it: fetched by its hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    pub title: String,
    pub media_type: MediaType,
    pub sha256: String,
    pub size: u64,
}

/// A practice as stored and published (the release's chunk is a JSON array of these).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Practice {
    /// The server's number (0 before it is stored).
    #[serde(default)]
    pub id: i64,
    pub title: String,
    pub area: Area,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_area: Option<SubArea>,
    pub teryt: String,
    pub unit_name: String,
    pub unit_kind: UnitKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<u64>,
    pub implementing_body: String,
    pub contacts: Vec<Contact>,
    /// `YYYY-MM-DD`: when it entered the base.
    pub entered: String,
    pub years: Years,
    /// Skrót: plain text.
    pub summary: String,
    /// Pełna prezentacja: the safe Markdown subset of `docs/practices-format.md`.
    pub presentation: String,
    pub attachments: Vec<Attachment>,
    pub indicators: Vec<IndicatorEffect>,
    pub keywords: Vec<String>,
    /// Where the description comes from (a publication, the unit's own words).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Part of the starter base shipped with the program, written from public sources.
    #[serde(default)]
    pub starter: bool,
}
