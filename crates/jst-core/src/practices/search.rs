//! The search of the base: offline, diacritics folded, with filters by area, kind and size of
//! unit and województwo.

use jst_domain::{PracticeArea, UnitKind};
use jst_store::{PeerStore, PracticeHit, PracticeQuery};
use jst_text::t;
use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// A practice found; the JSON contract of `jst practices search --format json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PracticeView {
    /// The association's number of the practice (negative: the demo's invented ones). `i32`
    /// since the window's bindings refuse 64-bit numbers.
    pub id: i32,
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
    Ok(peers.search_practices(&query)?.into_iter().map(view).collect())
}

pub(crate) fn view(h: PracticeHit) -> PracticeView {
    PracticeView {
        id: view_id(h.id),
        title: h.title,
        area: h.area,
        teryt: h.teryt,
        unit_name: h.unit_name,
        indicators: h.indicators,
    }
}

/// The association numbers its practices from 1 in one SQLite table; a number past `i32`
/// would take two billion practices, so it is clamped rather than failing the list.
pub(crate) fn view_id(id: i64) -> i32 {
    i32::try_from(id).unwrap_or(if id < 0 { i32::MIN } else { i32::MAX })
}
