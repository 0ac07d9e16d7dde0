//! Saved comparison groups (`custom:NAME`, DESIGN §5.5): the officer's own list of units.

use jst_store::{LocalStore, Stamp};
use jst_text::t;
use serde::Serialize;

use crate::units::{find_unit, own_record};
use crate::{Error, Result};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PeerGroupMemberView {
    pub teryt: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PeerGroupView {
    pub name: String,
    /// The name to pass as a group: `custom:NAME`.
    pub group: String,
    pub members: Vec<PeerGroupMemberView>,
    pub saved_at: String,
}

const MAX_NAME: usize = 80;

/// Saves (or replaces) a group of units under `name`. Every code must be a current unit of
/// the register; the own unit is left out, since every comparison adds it anyway.
pub(crate) fn save_peer_group(
    local: &mut LocalStore,
    stamp: &Stamp,
    name: &str,
    teryts: &[String],
) -> Result<PeerGroupView> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME {
        return Err(Error::InvalidValue(t!("core-group-name-length", max = MAX_NAME)));
    }
    if teryts.is_empty() {
        return Err(Error::InvalidValue(t!("core-group-empty")));
    }
    let own = own_record(local)?;
    let mut identities = Vec::new();
    for code in teryts {
        let unit = find_unit(local, code)?;
        if unit.kind.family() != own.kind.family() {
            return Err(Error::InvalidValue(t!(
                "core-group-other-kind",
                teryt = &unit.teryt,
                name = &unit.name,
                own = &own.name
            )));
        }
        if unit.id != own.id {
            identities.push(unit.identity);
        }
    }
    identities.sort_unstable();
    identities.dedup();
    local.save_peer_group(stamp, name, &identities)?;
    peer_groups(local)?
        .into_iter()
        .find(|g| g.name == name)
        .ok_or_else(|| Error::fault(t!("core-group-not-read-back", name = name)))
}

pub(crate) fn delete_peer_group(local: &mut LocalStore, stamp: &Stamp, name: &str) -> Result<()> {
    if local.delete_peer_group(stamp, name.trim())? {
        Ok(())
    } else {
        Err(Error::UnknownGroup(name.trim().to_owned()))
    }
}

/// Saved groups by name, members with their current names.
pub(crate) fn peer_groups(local: &LocalStore) -> Result<Vec<PeerGroupView>> {
    let mut out = Vec::new();
    for g in local.peer_groups()? {
        let mut members = Vec::new();
        for identity in &g.members {
            if let Some(u) = local.unit_by_identity(identity)? {
                members.push(PeerGroupMemberView { teryt: u.teryt, name: u.name });
            }
        }
        out.push(PeerGroupView {
            group: format!("custom:{}", g.name),
            name: g.name,
            members,
            saved_at: g.saved_at,
        });
    }
    Ok(out)
}
