//! Data shipped inside the program and loaded on first run, so it works offline from the start.

use jst_domain::{POPULATION, RESERVED_INDICATORS};
use jst_import::{parse_public_values, parse_terc};
use jst_store::{IndicatorRecord, LocalStore, PeerStore, PublicValue, Stamp};

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

/// Adds the reserved indicator codes to the catalogue when they are missing.
pub(crate) fn ensure_reserved_indicators(local: &mut LocalStore, stamp: &Stamp) -> Result<()> {
    if local.has_indicator(POPULATION)? {
        return Ok(());
    }
    let records: Vec<IndicatorRecord> = RESERVED_INDICATORS
        .iter()
        .map(|r| IndicatorRecord {
            code: r.code.to_owned(),
            name_pl: r.name_pl.to_owned(),
            name_en: Some(r.name_en.to_owned()),
            unit: r.unit.to_owned(),
            polarity: r.polarity.code().to_owned(),
            area: Some(r.area.to_owned()),
            definition: Some(r.definition.to_owned()),
            source: Some(r.source.to_owned()),
            structural: r.structural,
            person_count: r.person_count,
            origin: "catalogue".to_owned(),
        })
        .collect();
    local.upsert_indicators(stamp, &records)?;
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
