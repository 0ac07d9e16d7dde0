//! The own unit: the one whose data the folder keeps. Choosing another is refused while own
//! values exist, since they would be misattributed; the demo never mixes with real data.

use std::path::Path;

use jst_domain::{Teryt, POPULATION};
use jst_store::{LocalStore, PeerStore, Stamp, UnitRecord};
use jst_text::t;

use super::unit_view::{OwnUnitView, PopulationView, StatusView, UnitView};
use crate::{demo, Error, Result};

pub(crate) fn status(local: &LocalStore, peers: &PeerStore, data_dir: &Path) -> Result<StatusView> {
    let own = local.own_unit()?;
    let demo = own.as_ref().is_some_and(|o| o.demo);
    let unit = own.map(|o| own_unit_view(peers, o.unit)).transpose()?;
    Ok(StatusView {
        unit,
        data_dir: data_dir.display().to_string(),
        schema_version: u32::try_from(local.schema_version()?).unwrap_or(0),
        demo,
    })
}

/// Units whose name contains every word of `query` (any case, with or without Polish
/// letters), or whose code starts with `query` when it is made of digits.
pub(crate) fn search_units(local: &LocalStore, query: &str, limit: usize) -> Result<Vec<UnitView>> {
    Ok(local.search_units(query, limit)?.into_iter().map(UnitView::from).collect())
}

/// Chooses the own unit by TERYT code. Leaves the demo if it was open.
pub(crate) fn choose_unit(
    local: &mut LocalStore,
    peers: &mut PeerStore,
    stamp: &Stamp,
    teryt: &str,
) -> Result<()> {
    let unit = find_unit(local, teryt)?;
    guard_own_data(local, &unit)?;
    local.set_own_unit(stamp, &unit)?;
    // Synthetic peer data and invented practices belong to the demo.
    peers.remove_dataset(demo::SYNTHETIC_DATASET)?;
    peers.remove_sample_practices()?;
    Ok(())
}

/// Opens the demo unit (Wieliczka) with its sample values.
pub(crate) fn open_demo(
    local: &mut LocalStore,
    peers: &mut PeerStore,
    stamp: &Stamp,
) -> Result<()> {
    let unit = local
        .unit_by_identity(demo::DEMO_IDENTITY)?
        .ok_or_else(|| Error::UnknownUnit("1219053".to_owned()))?;
    // Sample data must never mix with real data, even of the same unit.
    let values = local.own_value_count()?;
    if values > 0 || local.has_own_strategy()? {
        return Err(Error::Conflict(t!(
            "core-demo-needs-empty-folder",
            values = values,
            strategy = if local.has_own_strategy()? { "yes" } else { "no" }
        )));
    }
    let demo = demo::demo()?;
    local.set_demo_unit(stamp, &unit, &demo.indicators, &demo.values, &demo.strategy)?;
    demo::load_synthetic_peers(local, peers, stamp)?;
    peers.replace_sample_practices(&demo::sample_practices()?)?;
    Ok(())
}

/// A current unit of the register by TERYT code (7-digit gmina, 6-digit gmina identity, 4-digit
/// powiat, 2-digit województwo).
pub(crate) fn find_unit(local: &LocalStore, teryt: &str) -> Result<UnitRecord> {
    let identity = Teryt::parse_lookup(teryt)?;
    match local.unit_by_identity(&identity)? {
        Some(unit) if unit.valid_to.is_none() => Ok(unit),
        Some(unit) => Err(Error::Conflict(t!(
            "core-unit-ended",
            teryt = &unit.teryt,
            name = &unit.name,
            date = unit.valid_to.unwrap_or_default()
        ))),
        None => Err(Error::UnknownUnit(teryt.trim().to_owned())),
    }
}

/// The own unit, or a clear error before one is chosen.
pub(crate) fn own_record(local: &LocalStore) -> Result<UnitRecord> {
    Ok(local.own_unit()?.ok_or_else(|| Error::MissingReference(t!("core-no-own-unit")))?.unit)
}

/// Own values belong to the own unit: switching to another unit would misattribute them.
fn guard_own_data(local: &LocalStore, target: &UnitRecord) -> Result<()> {
    let Some(current) = local.own_unit()? else { return Ok(()) };
    let values = local.own_value_count()?;
    if values > 0 && current.unit.id != target.id {
        return Err(Error::Conflict(t!(
            "core-folder-holds-other-unit",
            values = values,
            teryt = &current.unit.teryt,
            name = &current.unit.name
        )));
    }
    Ok(())
}

fn own_unit_view(peers: &PeerStore, unit: UnitRecord) -> Result<OwnUnitView> {
    let population = peers
        .latest_value(&unit.identity, POPULATION)?
        .map(|(year, value)| PopulationView { year, value: value.round() as u32 });
    let unit = UnitView::from(unit);
    Ok(OwnUnitView {
        teryt: unit.teryt,
        name: unit.name,
        kind: unit.kind,
        powiat: unit.powiat,
        voivodeship: unit.voivodeship,
        population,
    })
}
