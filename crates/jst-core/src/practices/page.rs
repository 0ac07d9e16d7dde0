//! A practice's page: its metryka, the texts, the attachments and the indicators it improved,
//! read from the practice object the release carried. The presentation stays the raw text of
//! the Markdown subset (`docs/practices-format.md`): the window shows it as text nodes, never
//! as HTML.

use jst_domain::{
    AttachmentKind, Practice, PracticeArea, PracticeMeasure, PracticeSubArea, UnitKind,
};
use jst_store::{LocalStore, PeerStore};
use jst_text::t;
use serde::Serialize;

use super::search::view_id;
use crate::{Error, Result, YearValueView};

/// Everything a practice's page shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PracticeDetailView {
    /// The association's number (negative: the demo's invented practices).
    pub id: i32,
    pub title: String,
    pub area: PracticeArea,
    /// Only "Rozwój instytucjonalny" has sub-areas.
    pub sub_area: Option<PracticeSubArea>,
    /// TERYT of the unit that implemented it.
    pub teryt: String,
    pub unit_name: String,
    pub unit_kind: UnitKind,
    /// Population when the practice was entered.
    pub population: Option<u32>,
    /// Jednostka wdrażająca.
    pub implementing_body: String,
    pub contacts: Vec<PracticeContactView>,
    /// When it entered the base, `YYYY-MM-DD`.
    pub entered: String,
    /// Years of implementation; `years_to` is absent while it lasts.
    pub years_from: i32,
    pub years_to: Option<i32>,
    /// Skrót: plain text.
    pub summary: String,
    /// Pełna prezentacja: the Markdown subset as text (paragraphs, `##`/`###` headings, `- `
    /// and `1. ` lists, `**bold**`, `*italic*`, `[text](https://…)` links); never HTML.
    pub presentation: String,
    /// Attachments of a kind this version knows, fetched by hash when opened.
    pub attachments: Vec<PracticeAttachmentView>,
    pub indicators: Vec<PracticeIndicatorView>,
    pub keywords: Vec<String>,
    /// Where the description comes from.
    pub source: Option<String>,
    /// Part of the starter base shipped with the program ("baza startowa").
    pub starter: bool,
    /// Invented for the demo: no real unit did this.
    pub sample: bool,
}

/// A contact person or office as the practice names it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PracticeContactView {
    pub name: String,
    pub role: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PracticeAttachmentView {
    pub title: Option<String>,
    pub kind: AttachmentKind,
    /// The file's SHA-256 (hex), by which the release names it.
    pub sha256: String,
    /// Bytes.
    pub size: u32,
}

/// An indicator the practice improved.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PracticeIndicatorView {
    pub code: String,
    /// The catalogue's name in the user's language; `None` when the local catalogue lacks it.
    pub name: Option<String>,
    /// The catalogue's unit of measure.
    pub unit: Option<String>,
    pub before: Option<YearValueView>,
    pub after: Option<YearValueView>,
}

/// The page of practice `id`; `not_found` when the base has none.
pub(crate) fn practice_detail(
    local: &LocalStore,
    peers: &PeerStore,
    id: i64,
) -> Result<PracticeDetailView> {
    let json = peers.practice_json(id)?.ok_or(Error::UnknownPractice(id))?;
    let practice: Practice = serde_json::from_str(&json)
        .map_err(|e| Error::internal(t!("core-practice-unreadable", id = id), e))?;
    let mut indicators = Vec::with_capacity(practice.indicators.len());
    for i in &practice.indicators {
        let known = local.indicator(&i.code)?;
        indicators.push(PracticeIndicatorView {
            code: i.code.clone(),
            name: known.as_ref().map(|k| k.name().to_owned()),
            unit: known.map(|k| k.unit).filter(|u| !u.trim().is_empty()),
            before: i.before.map(year_value),
            after: i.after.map(year_value),
        });
    }
    Ok(detail(practice, indicators))
}

fn detail(p: Practice, indicators: Vec<PracticeIndicatorView>) -> PracticeDetailView {
    PracticeDetailView {
        id: view_id(p.id),
        title: p.title,
        area: p.area,
        sub_area: p.sub_area,
        teryt: p.teryt,
        unit_name: p.unit_name,
        unit_kind: p.unit_kind,
        population: p.population.map(|n| u32::try_from(n).unwrap_or(u32::MAX)),
        implementing_body: p.implementing_body,
        contacts: p
            .contacts
            .into_iter()
            .map(|c| PracticeContactView {
                name: c.name,
                role: c.role,
                phone: c.phone,
                email: c.email,
            })
            .collect(),
        entered: p.entered,
        years_from: p.years.from,
        years_to: p.years.to,
        summary: p.summary,
        presentation: p.presentation,
        attachments: p
            .attachments
            .into_iter()
            .filter_map(|a| {
                Some(PracticeAttachmentView {
                    title: a.title,
                    kind: a.kind?,
                    sha256: a.sha256,
                    size: u32::try_from(a.size).unwrap_or(u32::MAX),
                })
            })
            .collect(),
        indicators,
        keywords: p.keywords,
        source: p.source,
        starter: p.starter,
        sample: p.sample,
    }
}

fn year_value(m: PracticeMeasure) -> YearValueView {
    YearValueView { year: m.year, value: m.value }
}
