//! Boundaries of units for the Porównania map, from the shipped GeoJSON (`assets/geo`), joined
//! on the unit identity (first 6 digits of a gmina's code, DESIGN §4.2 and the asset's README).

use std::collections::HashMap;
use std::sync::OnceLock;

use jst_domain::Teryt;
use jst_import::{parse_boundaries, Boundary};
use serde::Serialize;

use crate::{Error, Result};

const GMINY: &[u8] = include_bytes!("../../../../assets/geo/gminy.geojson");
const POWIATY: &[u8] = include_bytes!("../../../../assets/geo/powiaty.geojson");
const WOJEWODZTWA: &[u8] = include_bytes!("../../../../assets/geo/wojewodztwa.geojson");

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BoundaryView {
    pub teryt: String,
    pub name: String,
    /// GeoJSON geometry (Polygon or MultiPolygon), WGS84 lon/lat, as JSON text.
    pub geometry: String,
}

type ByIdentity = HashMap<String, Boundary>;

/// Parsed once per process: the map is redrawn on every change of indicator or group.
fn shipped(
    file: &'static str,
    bytes: &'static [u8],
    cell: &'static OnceLock<ByIdentity>,
) -> Result<&'static ByIdentity> {
    if let Some(map) = cell.get() {
        return Ok(map);
    }
    let parsed = parse_boundaries(bytes, file)?;
    Ok(cell.get_or_init(|| parsed.into_iter().map(|b| (b.identity.clone(), b)).collect()))
}

/// Boundaries of the given units (TERYT codes as the register spells them: 7-digit gminy,
/// 4-digit powiaty, 2-digit województwa for a map's background); units without a boundary
/// (new since the map's vintage) are left out, and the map's table still lists them.
pub(crate) fn boundaries(teryts: &[String]) -> Result<Vec<BoundaryView>> {
    static GMINY_MAP: OnceLock<ByIdentity> = OnceLock::new();
    static POWIATY_MAP: OnceLock<ByIdentity> = OnceLock::new();
    static WOJEWODZTWA_MAP: OnceLock<ByIdentity> = OnceLock::new();
    let mut out = Vec::with_capacity(teryts.len());
    for teryt in teryts {
        let identity = Teryt::parse_lookup(teryt).map_err(Error::from)?;
        let map = match identity.len() {
            2 => shipped("wojewodztwa.geojson", WOJEWODZTWA, &WOJEWODZTWA_MAP)?,
            4 => shipped("powiaty.geojson", POWIATY, &POWIATY_MAP)?,
            _ => shipped("gminy.geojson", GMINY, &GMINY_MAP)?,
        };
        if let Some(b) = map.get(&identity) {
            out.push(BoundaryView {
                teryt: teryt.clone(),
                name: b.name.clone(),
                geometry: b.geometry.clone(),
            });
        }
    }
    Ok(out)
}
