//! Experience-exchange groups (GWD, DESIGN §5.5, §8): the unit's groups and their members'
//! values, named because every member consented, fetched with the unit token from the
//! association's API — never from the public release. Like sync, a refresh is prepared under the
//! monitor ([`GwdJob`]), runs without it and is recorded under it again. Offline is normal: the
//! last copy stays, with the date it was fetched. Also: what the unit shares with which group,
//! and the officer's meeting notes.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use jst_store::{
    GwdGroupRecord, GwdMemberRecord, GwdRefresh, GwdValueRecord, GwdYearUpdate, LocalStore, Stamp,
};
use jst_sync::{fetch_group_values, fetch_groups, GroupValues, GroupsError, Limits};
use jst_text::t;
use serde::Serialize;

use super::sync_settings::SERVER_SETTING;
use super::unit_token::{TokenPlace, UnitToken};
use crate::{Error, Result};

/// Years of values a refresh asks for: the last complete ones a meeting compares.
const YEARS_BACK: i32 = 5;

/// How a refresh of the groups ended; the codes are the contract of `--format json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum GwdRefreshOutcome {
    /// The server answered; the copy is current.
    Fetched,
    /// No answer: the last copy stays.
    Offline,
    /// The token was not accepted (401): the last copy stays.
    Unauthorized,
    /// The answer was not the API's: the last copy stays.
    Refused,
    /// No server address or no unit token: nothing to ask.
    NotConfigured,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct GwdRefreshView {
    pub outcome: GwdRefreshOutcome,
    /// Groups held after the refresh.
    pub groups: u32,
    /// Why it did not fetch, for people.
    pub message: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct GwdMemberView {
    pub teryt: String,
    pub name: String,
    /// The own unit.
    pub own: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct GwdIndicatorView {
    pub code: String,
    /// The catalogue's name, the code when the catalogue lacks it.
    pub name: String,
    pub unit: String,
}

/// A group as last fetched: its definition, named members and what the copy holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct GwdGroupView {
    pub id: String,
    pub name: String,
    pub area: String,
    /// What the group is and on what basis its members' values are shown.
    pub description: String,
    pub indicators: Vec<GwdIndicatorView>,
    pub members: Vec<GwdMemberView>,
    /// When the server last listed the group (RFC 3339 UTC).
    pub fetched_at: String,
    /// Years whose values are held, oldest first.
    pub years: Vec<i32>,
}

/// A group that sees one of the unit's values.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct GwdGroupRefView {
    pub id: String,
    pub name: String,
}

/// One indicator: whether the unit shares it and which groups see it (DESIGN §8: a member's
/// opted-in values for the group's indicators go to the group's members).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct GwdShareView {
    pub indicator: String,
    pub name: String,
    /// Opted in to contributing (`jst contribute`): the groups below see its own values.
    pub shared: bool,
    /// Groups having the indicator; they see the unit's own values only while `shared`.
    pub groups: Vec<GwdGroupRefView>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct GwdNoteView {
    pub year: Option<i32>,
    pub text: String,
    pub written_at: String,
    pub written_by: String,
}

/// A refresh prepared under the monitor; [`GwdJob::fetch`] runs without it.
pub struct GwdJob {
    server: String,
    token: String,
    years: Vec<i32>,
    etags: HashMap<(String, i32), Option<String>>,
    limits: Limits,
    /// When the refresh was prepared: the date its copy carries.
    at: String,
}

/// What the server said, for [`record_gwd`].
pub struct GwdFetched {
    refresh: Option<GwdRefresh>,
    outcome: GwdRefreshOutcome,
    message: Option<String>,
}

impl GwdJob {
    /// Asks for the groups, then each group's values of each year (network only). A failure
    /// after the list keeps what came so far; the rest stays as held.
    pub fn fetch(&self) -> GwdFetched {
        let at = self.at.as_str();
        let stopped = |e: GroupsError| match e {
            GroupsError::Unauthorized => (GwdRefreshOutcome::Unauthorized, e.to_string()),
            GroupsError::Sync(jst_sync::Error::Rejected(r)) => {
                (GwdRefreshOutcome::Refused, r.message)
            }
            GroupsError::Sync(e) => (GwdRefreshOutcome::Offline, e.to_string()),
        };
        let listed = match fetch_groups(&self.server, &self.token, &self.limits) {
            Ok(groups) => groups,
            Err(e) => {
                let (outcome, message) = stopped(e);
                return GwdFetched { refresh: None, outcome, message: Some(message) };
            }
        };
        let mut refresh = GwdRefresh { at: at.to_owned(), ..GwdRefresh::default() };
        let (mut outcome, mut message) = (GwdRefreshOutcome::Fetched, None);
        'groups: for g in &listed {
            for &year in &self.years {
                let etag = self.etags.get(&(g.id.clone(), year)).cloned().flatten();
                let answer = fetch_group_values(
                    &self.server,
                    &self.token,
                    &g.id,
                    year,
                    etag.as_deref(),
                    &self.limits,
                );
                match answer {
                    Ok(GroupValues::NotMember) => {
                        refresh.refused.push(g.id.clone());
                        continue 'groups;
                    }
                    Ok(GroupValues::NotModified) => {
                        refresh.years.push((g.id.clone(), year, GwdYearUpdate::Unchanged));
                    }
                    Ok(GroupValues::Fresh { values, etag }) => {
                        let values = values
                            .into_iter()
                            .map(|v| GwdValueRecord {
                                teryt: v.teryt,
                                name: v.name,
                                indicator: v.indicator,
                                year: v.year,
                                value: v.value,
                                source: if v.source == "contributed" {
                                    "contributed".into()
                                } else {
                                    "public".into()
                                },
                            })
                            .collect();
                        refresh.years.push((
                            g.id.clone(),
                            year,
                            GwdYearUpdate::Fresh { values, etag },
                        ));
                    }
                    Err(e) => {
                        (outcome, message) = {
                            let (o, m) = stopped(e);
                            (o, Some(m))
                        };
                        break 'groups;
                    }
                }
            }
        }
        refresh.groups = listed
            .into_iter()
            .map(|g| GwdGroupRecord {
                id: g.id,
                name: g.name,
                area: g.area,
                indicators: g.indicators,
                members: g
                    .members
                    .into_iter()
                    .map(|m| GwdMemberRecord { teryt: m.teryt, name: m.name })
                    .collect(),
                fetched_at: at.to_owned(),
            })
            .collect();
        GwdFetched { refresh: Some(refresh), outcome, message }
    }
}

/// What a refresh needs: the server, the token, the years and the ETags held. `None` when no
/// server address or no token is set (a unit outside the exchange: nothing to ask).
pub(crate) fn gwd_job(
    local: &LocalStore,
    data_dir: &Path,
    stamp: &Stamp,
) -> Result<Option<GwdJob>> {
    let this_year: i32 = stamp.at.get(..4).and_then(|y| y.parse().ok()).unwrap_or(2026);
    let Some(server) = local.setting(SERVER_SETTING)? else { return Ok(None) };
    let vault = UnitToken::new(data_dir);
    if vault.place().place == TokenPlace::None {
        return Ok(None);
    }
    let token = vault.load()?;
    let mut years: Vec<i32> = (this_year - YEARS_BACK..this_year).collect();
    let mut etags = HashMap::new();
    for g in local.gwd_groups()? {
        for (year, etag, _) in local.gwd_years(&g.id)? {
            etags.insert((g.id.clone(), year), etag);
            if !years.contains(&year) {
                years.push(year);
            }
        }
    }
    years.sort_unstable();
    Ok(Some(GwdJob {
        server,
        token,
        years,
        etags,
        limits: Limits::default(),
        at: stamp.at.clone(),
    }))
}

/// Records what a refresh fetched (nothing when it fetched nothing) and says how it ended.
pub(crate) fn record_gwd(
    local: &mut LocalStore,
    stamp: &Stamp,
    fetched: GwdFetched,
) -> Result<GwdRefreshView> {
    if let Some(refresh) = &fetched.refresh {
        local.record_gwd_refresh(stamp, refresh)?;
    }
    Ok(GwdRefreshView {
        outcome: fetched.outcome,
        groups: crate::support::count(local.gwd_groups()?.len()),
        message: fetched.message,
    })
}

/// The refresh's view when there is nothing to ask.
pub(crate) fn not_configured(local: &LocalStore) -> Result<GwdRefreshView> {
    Ok(GwdRefreshView {
        outcome: GwdRefreshOutcome::NotConfigured,
        groups: crate::support::count(local.gwd_groups()?.len()),
        message: Some(t!("core-gwd-not-configured")),
    })
}

/// What a group is and on what basis its members' values are shown — the label of `gwd:ID`.
pub(crate) fn gwd_description(group: &GwdGroupRecord) -> String {
    t!("core-group-label-gwd", name = &group.name, area = &group.area, count = group.members.len())
}

/// The unit's groups as last fetched, by name.
pub(crate) fn gwd_groups(local: &LocalStore) -> Result<Vec<GwdGroupView>> {
    let own = local.own_unit()?.map(|u| u.unit.teryt);
    let catalogue: BTreeMap<String, (String, String)> = local
        .catalogue()?
        .into_iter()
        .map(|i| (i.code.clone(), (i.name().to_owned(), i.unit)))
        .collect();
    local
        .gwd_groups()?
        .into_iter()
        .map(|g| {
            Ok(GwdGroupView {
                description: gwd_description(&g),
                indicators: g
                    .indicators
                    .iter()
                    .map(|code| {
                        let (name, unit) = catalogue
                            .get(code)
                            .cloned()
                            .unwrap_or_else(|| (code.clone(), String::new()));
                        GwdIndicatorView { code: code.clone(), name, unit }
                    })
                    .collect(),
                members: g
                    .members
                    .iter()
                    .map(|m| GwdMemberView {
                        own: own.as_deref().is_some_and(|o| same_unit(o, &m.teryt)),
                        teryt: m.teryt.clone(),
                        name: m.name.clone(),
                    })
                    .collect(),
                years: local.gwd_years(&g.id)?.into_iter().map(|(y, _, _)| y).collect(),
                id: g.id,
                name: g.name,
                area: g.area,
                fetched_at: g.fetched_at,
            })
        })
        .collect()
}

/// One group as last fetched.
pub(crate) fn gwd_group(local: &LocalStore, id: &str) -> Result<GwdGroupView> {
    gwd_groups(local)?
        .into_iter()
        .find(|g| g.id == id)
        .ok_or_else(|| Error::UnknownGroup(format!("gwd:{id}")))
}

/// Two TERYT codes of one unit: a gmina keeps its first 6 digits across a kind change.
pub(crate) fn same_unit(a: &str, b: &str) -> bool {
    let identity = |c: &str| jst_domain::Teryt::parse_lookup(c).unwrap_or_else(|_| c.to_owned());
    identity(a) == identity(b)
}

/// What the unit shares with whom, per indicator: every indicator it contributes or any of its
/// groups compares, with the groups that see it.
pub(crate) fn gwd_shares(local: &LocalStore) -> Result<Vec<GwdShareView>> {
    let contributed = local.contributed_indicators()?;
    let groups = local.gwd_groups()?;
    let mut codes: Vec<String> = contributed.clone();
    codes.extend(groups.iter().flat_map(|g| g.indicators.iter().cloned()));
    codes.sort();
    codes.dedup();
    let names: HashMap<String, String> =
        local.catalogue()?.into_iter().map(|i| (i.code.clone(), i.name().to_owned())).collect();
    Ok(codes
        .into_iter()
        .map(|code| GwdShareView {
            name: names.get(&code).cloned().unwrap_or_else(|| code.clone()),
            shared: contributed.contains(&code),
            groups: groups
                .iter()
                .filter(|g| g.indicators.contains(&code))
                .map(|g| GwdGroupRefView { id: g.id.clone(), name: g.name.clone() })
                .collect(),
            indicator: code,
        })
        .collect())
}

/// Adds a meeting note to a group held (or once held) by the unit.
pub(crate) fn add_gwd_note(
    local: &mut LocalStore,
    stamp: &Stamp,
    group: &str,
    year: Option<i32>,
    text: &str,
) -> Result<Vec<GwdNoteView>> {
    let text = text.trim();
    if text.is_empty() || text.chars().count() > 10_000 {
        return Err(Error::InvalidValue(t!("core-gwd-note-length")));
    }
    if local.gwd_group(group)?.is_none() && local.gwd_notes(group)?.is_empty() {
        return Err(Error::UnknownGroup(format!("gwd:{group}")));
    }
    local.add_gwd_note(stamp, group, year, text)?;
    gwd_notes(local, group)
}

pub(crate) fn gwd_notes(local: &LocalStore, group: &str) -> Result<Vec<GwdNoteView>> {
    Ok(local
        .gwd_notes(group)?
        .into_iter()
        .map(|n| GwdNoteView {
            year: n.year,
            text: n.text,
            written_at: n.written_at,
            written_by: n.written_by,
        })
        .collect())
}
