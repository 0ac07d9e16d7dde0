//! The officer's view of contributing (DESIGN §7, §12): which indicators are shared, where the
//! token is, what waits in the outbox and the server's last word on every value — a conflict
//! shows both values side by side and is resolved only by the officer.

use std::collections::BTreeMap;
use std::path::Path;

use jst_store::{LocalStore, Stamp};
use jst_text::t;
use serde::Serialize;

use super::submission_result::{is_synced, SubmissionResult};
use super::sync_settings::SERVER_SETTING;
use super::unit_token::{TokenPlaceView, UnitToken};
use crate::support::count;
use crate::{Error, Result};

/// An indicator the unit can share: it has own values, or it is shared already.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ContributableIndicatorView {
    pub code: String,
    pub name: String,
    pub unit: String,
    pub own_values: u32,
    pub contributed: bool,
}

/// The server's last answer for one value, beside the value as it is now.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ContributionItemView {
    pub indicator: String,
    pub name: String,
    pub year: i32,
    /// The own value now (`None` when it was deleted since).
    pub own_value: Option<f64>,
    pub sent_value: f64,
    pub result: SubmissionResult,
    pub server_rev: Option<u32>,
    /// The server's value in a conflict, shown beside the own one.
    pub server_value: Option<f64>,
    /// Accepted by the server and unchanged since.
    pub synced: bool,
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ContributionsView {
    pub token: TokenPlaceView,
    pub server: Option<String>,
    /// Submissions stored and not yet answered (sent first next time, same bytes and id).
    pub pending_submissions: u32,
    pub indicators: Vec<ContributableIndicatorView>,
    pub items: Vec<ContributionItemView>,
}

/// Opt-ins, where the token is, the outbox and the server's last word on every value.
pub(crate) fn contributions(local: &LocalStore, data_dir: &Path) -> Result<ContributionsView> {
    let contributed = local.contributed_indicators()?;
    let mut own: BTreeMap<String, BTreeMap<i32, f64>> = BTreeMap::new();
    for o in local.observations()?.into_iter().filter(|o| !o.sample) {
        own.entry(o.indicator).or_default().insert(o.year, o.value);
    }
    let catalogue: BTreeMap<String, (String, String)> = local
        .catalogue()?
        .into_iter()
        .map(|i| (i.code.clone(), (i.name().to_owned(), i.unit)))
        .collect();
    let name = |code: &str| catalogue.get(code).map_or_else(|| code.to_owned(), |c| c.0.clone());
    let indicators = catalogue
        .iter()
        .filter(|(code, _)| own.contains_key(*code) || contributed.contains(code))
        .map(|(code, (name, unit))| ContributableIndicatorView {
            code: code.clone(),
            name: name.clone(),
            unit: unit.clone(),
            own_values: own.get(code).map_or(0, |v| count(v.len())),
            contributed: contributed.contains(code),
        })
        .collect();
    let items = local
        .contribution_states()?
        .into_iter()
        // Only this program writes the states, with these codes; a line it cannot read is left
        // out rather than shown as something it is not.
        .filter_map(|s| {
            let result = SubmissionResult::from_code(&s.result)?;
            let own_value = own.get(&s.indicator).and_then(|v| v.get(&s.year)).copied();
            Some(ContributionItemView {
                name: name(&s.indicator),
                synced: is_synced(result, s.sent_value, own_value),
                own_value,
                sent_value: s.sent_value,
                server_rev: s.server_rev.and_then(|r| u32::try_from(r).ok()),
                server_value: s.server_value,
                result,
                year: s.year,
                indicator: s.indicator,
                at: s.at,
            })
        })
        .collect();
    Ok(ContributionsView {
        token: UnitToken::new(data_dir).place(),
        server: local.setting(SERVER_SETTING)?,
        pending_submissions: local.pending_submission_count()?,
        indicators,
        items,
    })
}

/// The officer keeps the own value of a conflict; the next submission sends it against the
/// server's rev, so it replaces the server's value there (never ours here).
pub(crate) fn keep_own_value(
    local: &mut LocalStore,
    stamp: &Stamp,
    indicator: &str,
    year: i32,
) -> Result<()> {
    if !local.keep_own_in_conflict(stamp, indicator, year)? {
        return Err(Error::InvalidValue(t!("core-no-conflict", code = indicator, year = year)));
    }
    Ok(())
}

/// The officer takes the server's value of a conflict as the own value.
pub(crate) fn accept_server_value(
    local: &mut LocalStore,
    stamp: &Stamp,
    indicator: &str,
    year: i32,
) -> Result<f64> {
    local
        .accept_server_in_conflict(stamp, indicator, year)?
        .ok_or_else(|| Error::InvalidValue(t!("core-no-conflict", code = indicator, year = year)))
}

/// Opts indicators in or out of contributing; they must be in the catalogue.
pub(crate) fn set_contributed(
    local: &mut LocalStore,
    stamp: &Stamp,
    codes: &[String],
    on: bool,
) -> Result<()> {
    for code in codes {
        if !local.has_indicator(code)? {
            return Err(Error::InvalidValue(t!("core-not-in-catalogue", code = code)));
        }
    }
    local.set_contributed(stamp, codes, on)?;
    Ok(())
}
