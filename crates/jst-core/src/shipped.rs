//! Data shipped inside the program and loaded on first run, so it works offline from the start.

use jst_import::{parse_catalogue, parse_public_values, parse_terc};
use jst_store::{IndicatorRecord, LocalStore, PeerStore, PublicValue, Stamp};

use crate::imports::catalogue_record;
use crate::{Error, Result};

const TERC_FILE: &str = "TERC_2024-01-01.csv";
const TERC: &[u8] = include_bytes!("../../../assets/register/TERC_2024-01-01.csv");

const POPULATION_FILE: &str = "ludnosc_ogolem_malopolskie_2024.csv";
const POPULATION_CSV: &[u8] =
    include_bytes!("../../../assets/reference/ludnosc_ogolem_malopolskie_2024.csv");
/// Dataset id in the peer store; a new shipped vintage gets a new id.
const POPULATION_DATASET: &str = "wbudowane:ludnosc-malopolskie-2024";
const POPULATION_LABEL: &str =
    "Ludność ogółem 31 XII 2024, woj. małopolskie (GUS BDL przez ROPS Kraków)";

/// Loads the shipped register when the database has none yet.
pub(crate) fn ensure_register(local: &mut LocalStore, stamp: &Stamp) -> Result<()> {
    if local.register_as_of()?.is_some() {
        return Ok(());
    }
    let parsed = parse_terc(TERC, TERC_FILE)?;
    local.load_register(stamp, &parsed.snapshot, &format!("wbudowany {TERC_FILE}"))?;
    Ok(())
}

const CATALOGUE_FILE: &str = "katalog_wskaznikow.csv";
const CATALOGUE: &[u8] = include_bytes!("../../../assets/catalogue/katalog_wskaznikow.csv");
/// Bumped whenever the shipped catalogue changes, so existing folders get the new entries.
const CATALOGUE_VERSION: &str = "2026-11-22";
const CATALOGUE_MARKER: &str = "katalog_wbudowany";

/// Loads the shipped indicator catalogue when this folder has not got this version yet.
pub(crate) fn ensure_catalogue(local: &mut LocalStore, stamp: &Stamp) -> Result<()> {
    if local.setting(CATALOGUE_MARKER)?.as_deref() == Some(CATALOGUE_VERSION) {
        return Ok(());
    }
    let rows = parse_catalogue(CATALOGUE, CATALOGUE_FILE)?;
    let records: Vec<IndicatorRecord> =
        rows.into_iter().map(|r| catalogue_record(r, "catalogue")).collect();
    local.load_catalogue(stamp, &records, Some((CATALOGUE_MARKER, CATALOGUE_VERSION)))?;
    Ok(())
}

/// Loads the shipped reference population into the peer store when it is not there yet.
pub(crate) fn ensure_reference_data(
    local: &LocalStore,
    peers: &mut PeerStore,
    stamp: &Stamp,
) -> Result<()> {
    if peers.has_dataset(POPULATION_DATASET)? {
        return Ok(());
    }
    let rows = parse_public_values(POPULATION_CSV, POPULATION_FILE)?;
    let mut values = Vec::with_capacity(rows.len());
    for row in rows {
        let unit = local.unit_by_identity(row.teryt.identity())?.ok_or_else(|| {
            Error::Internal(format!(
                "wbudowane dane ludności: brak jednostki {} w rejestrze",
                row.teryt
            ))
        })?;
        values.push(PublicValue {
            unit: unit.identity,
            indicator: row.indicator,
            year: row.year,
            value: row.value,
        });
    }
    peers.replace_dataset(stamp, POPULATION_DATASET, "shipped", POPULATION_LABEL, &values)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use jst_domain::RESERVED_CODES;

    #[test]
    fn the_shipped_catalogue_is_valid_and_has_every_reserved_code() {
        let rows =
            jst_import::parse_catalogue(super::CATALOGUE, super::CATALOGUE_FILE).expect("valid");
        for code in RESERVED_CODES {
            assert!(rows.iter().any(|r| r.code == code), "{code} missing");
        }
        // Every formula uses codes the catalogue defines.
        for row in &rows {
            for code in row.formula.iter().flat_map(|f| f.codes()) {
                assert!(rows.iter().any(|r| r.code == code), "{} uses unknown {code}", row.code);
            }
        }
        assert!(rows.len() >= 50, "{}", rows.len());
    }
}
