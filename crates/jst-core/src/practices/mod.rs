//! The good-practice base (Baza Dobrych Praktyk) on the desktop: it arrives with each release
//! (see `exchange::sync_apply`) and is searched offline, diacritics folded, with filters by
//! area, kind and size of unit and województwo.

mod attachments;
mod proposal;

pub use attachments::PracticeAttachmentFileView;
pub(crate) use attachments::{practice_attachment, save_practice_attachment};
pub(crate) use proposal::{
    check_proposal, practice_proposals, proposal_job, record_sent, save_proposal,
};
pub use proposal::{
    PracticeContactInput, PracticeProposalInput, PracticeProposalView, ProposalFailure,
    ProposalField, ProposalJob, ProposalProblemView, ProposalSent, ProposalStatus, SUB_AREA_CODES,
};

use jst_domain::{PracticeArea, UnitKind};
use jst_store::{PeerStore, PracticeQuery, PracticeRecord};
use jst_sync::ReleasePractice;
use jst_text::t;
use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// A practice found; the JSON contract of `jst practices search --format json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PracticeView {
    /// The association's id of the practice.
    pub id: i64,
    pub title: String,
    pub area: PracticeArea,
    /// TERYT of the unit that implemented it.
    pub teryt: String,
    pub unit_name: String,
    /// Catalogue codes of the indicators it improved.
    pub indicators: Vec<String>,
}

/// What to look for in the base: words (empty finds all) and optional filters.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PracticeFilter {
    pub text: String,
    pub area: Option<PracticeArea>,
    pub unit_kind: Option<UnitKind>,
    /// A size class as `20000-50000` or `100000-inf` (the comparison's classes).
    pub size_class: Option<String>,
    /// Two-digit code of the województwo.
    pub woj: Option<String>,
}

/// The release's practices as the peer store keeps them.
pub(crate) fn records(practices: &[ReleasePractice]) -> Vec<PracticeRecord> {
    practices
        .iter()
        .map(|p| PracticeRecord {
            id: p.id,
            title: p.title.clone(),
            area: p.area,
            teryt: p.teryt.clone(),
            unit_name: p.unit_name.clone(),
            unit_kind: p.unit_kind,
            population: p.population,
            summary: p.summary.clone(),
            presentation: p.presentation.clone(),
            keywords: p.keywords.clone(),
            indicators: p.indicators.clone(),
            json: p.json.clone(),
        })
        .collect()
}

/// Searches the base; a malformed filter is refused with what is wrong, before any search.
pub(crate) fn search(peers: &PeerStore, filter: &PracticeFilter) -> Result<Vec<PracticeView>> {
    if let Some(woj) = &filter.woj {
        if !(woj.len() == 2 && woj.bytes().all(|b| b.is_ascii_digit())) {
            return Err(Error::InvalidValue(t!("core-practices-bad-woj", woj = woj)));
        }
    }
    if let Some(size) = &filter.size_class {
        let sound = size.split_once('-').is_some_and(|(lower, upper)| {
            let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
            digits(lower) && (digits(upper) || upper == "inf")
        });
        if !sound {
            return Err(Error::InvalidValue(t!("core-practices-bad-size-class", size = size)));
        }
    }
    let query = PracticeQuery {
        text: filter.text.clone(),
        area: filter.area,
        unit_kind: filter.unit_kind,
        size_class: filter.size_class.clone(),
        woj: filter.woj.clone(),
    };
    Ok(peers
        .search_practices(&query)?
        .into_iter()
        .map(|h| PracticeView {
            id: h.id,
            title: h.title,
            area: h.area,
            teryt: h.teryt,
            unit_name: h.unit_name,
            indicators: h.indicators,
        })
        .collect())
}
