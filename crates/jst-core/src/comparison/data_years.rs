//! Which years a comparison can be asked for: read from the data, so a year published after
//! the program was built (2025 in 2026) is offered as soon as it arrives.

use jst_domain::{Formula, POPULATION};
use jst_store::{LocalStore, PeerStore};
use serde::Serialize;

use super::costs::price_index;
use super::indicators::catalogue_indicator;
use crate::Result;

/// The years of the Koszty screen.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CostYearsView {
    /// Years with population data (the size class and every per-capita cost need it) or own
    /// budget reports, newest first.
    pub years: Vec<i32>,
    /// Years whose prices can be the base of real terms (the shipped GUS CPI), newest first.
    pub price_base_years: Vec<i32>,
}

/// Years in which the indicator, or a component of its formula, has peer data; newest first.
pub(crate) fn indicator_years(
    local: &LocalStore,
    peers: &PeerStore,
    code: &str,
) -> Result<Vec<i32>> {
    let indicator = catalogue_indicator(local, code)?;
    let mut years = peers.years_of(code)?;
    if let Some(formula) = indicator.formula.as_deref().and_then(|f| Formula::parse(f).ok()) {
        for component in formula.codes() {
            years.extend(peers.years_of(component)?);
        }
    }
    Ok(newest_first(years))
}

pub(crate) fn cost_years(local: &LocalStore, peers: &PeerStore) -> Result<CostYearsView> {
    let mut years = peers.years_of(POPULATION)?;
    years.extend(local.budget_periods()?.into_iter().map(|(year, _, _)| year));
    let cpi = price_index()?;
    Ok(CostYearsView {
        years: newest_first(years),
        price_base_years: newest_first(cpi.years().collect()),
    })
}

fn newest_first(mut years: Vec<i32>) -> Vec<i32> {
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    years
}
