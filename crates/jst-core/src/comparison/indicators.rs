//! The catalogue indicators a comparison can be made on.

use jst_store::{IndicatorRecord, LocalStore};
use jst_text::t;
use serde::Serialize;

use crate::{Error, Result};

/// A catalogue indicator the Porównania screen can offer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ComparableIndicatorView {
    pub code: String,
    pub name: String,
    pub unit: String,
    pub area: Option<String>,
}

/// Catalogue indicators (not local or sample ones), by area then name.
pub(crate) fn comparable_indicators(local: &LocalStore) -> Result<Vec<ComparableIndicatorView>> {
    let mut list: Vec<ComparableIndicatorView> = local
        .catalogue()?
        .into_iter()
        .filter(|i| i.origin == "catalogue")
        .map(|i| ComparableIndicatorView {
            name: i.name().to_owned(),
            code: i.code,
            unit: i.unit,
            area: i.area,
        })
        .collect();
    list.sort_by(|a, b| (a.area.as_deref(), &a.name).cmp(&(b.area.as_deref(), &b.name)));
    Ok(list)
}

/// A catalogue entry by code, or a clear error naming the import that would bring it.
pub(crate) fn catalogue_indicator(local: &LocalStore, code: &str) -> Result<IndicatorRecord> {
    local
        .indicator(code)?
        .ok_or_else(|| Error::InvalidValue(t!("core-not-in-catalogue-hint", code = code)))
}
