//! Data shipped inside the program and loaded on first run, so it works offline from the start.

use std::collections::HashSet;

use jst_import::{parse_catalogue, parse_public_values, parse_terc};
use jst_store::{IndicatorRecord, LocalStore, PeerStore, PublicValue, Stamp};
use jst_text::t;

use crate::imports::catalogue_record;
use crate::{Error, Result};

const TERC_FILE: &str = "TERC_2024-01-01.csv";
const TERC: &[u8] = include_bytes!("../../../assets/register/TERC_2024-01-01.csv");

/// Reference population shipped with the program: one peer-store dataset each (a new vintage
/// gets a new id, so existing folders load it on their next open).
struct ShippedPopulation {
    file: &'static str,
    csv: &'static [u8],
    dataset: &'static str,
    label: &'static str,
}

const POPULATION: [ShippedPopulation; 2] = [
    ShippedPopulation {
        file: "ludnosc_ogolem_2020.csv",
        csv: include_bytes!("../../../assets/reference/ludnosc_ogolem_2020.csv"),
        dataset: "wbudowane:ludnosc-2020",
        label: "Ludność ogółem 31 XII 2020, wszystkie jednostki (GUS BDL; powiaty i województwa \
                jako suma gmin)",
    },
    ShippedPopulation {
        file: "ludnosc_ogolem_malopolskie_2024.csv",
        csv: include_bytes!("../../../assets/reference/ludnosc_ogolem_malopolskie_2024.csv"),
        dataset: "wbudowane:ludnosc-malopolskie-2024",
        label: "Ludność ogółem 31 XII 2024, woj. małopolskie (GUS BDL przez ROPS Kraków)",
    },
];

/// Every (unit identity, year) the shipped reference population has a value for.
pub(crate) fn population_units_and_years() -> Result<HashSet<(String, i32)>> {
    let mut found = HashSet::new();
    for shipped in &POPULATION {
        for row in parse_public_values(shipped.csv, shipped.file)? {
            found.insert((row.teryt.identity().to_owned(), row.year));
        }
    }
    Ok(found)
}

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

/// Loads the shipped reference population into the peer store, each vintage once.
pub(crate) fn ensure_reference_data(
    local: &LocalStore,
    peers: &mut PeerStore,
    stamp: &Stamp,
) -> Result<()> {
    for shipped in &POPULATION {
        if peers.has_dataset(shipped.dataset)? {
            continue;
        }
        let rows = parse_public_values(shipped.csv, shipped.file)?;
        let mut values = Vec::with_capacity(rows.len());
        for row in rows {
            let unit = local.unit_by_identity(row.teryt.identity())?.ok_or_else(|| {
                Error::fault(t!(
                    "core-shipped-population-unknown-unit",
                    file = shipped.file,
                    teryt = row.teryt.to_string()
                ))
            })?;
            values.push(PublicValue {
                unit: unit.identity,
                indicator: row.indicator,
                year: row.year,
                value: row.value,
            });
        }
        peers.replace_dataset(stamp, shipped.dataset, "shipped", shipped.label, &values)?;
    }
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

    #[test]
    fn the_shipped_2020_population_covers_every_unit_of_the_register_and_adds_up() {
        let register = jst_import::parse_terc(super::TERC, super::TERC_FILE).expect("register");
        let shipped = &super::POPULATION[0];
        let rows = jst_import::parse_public_values(shipped.csv, shipped.file).expect("valid");
        let by_identity: std::collections::HashMap<&str, f64> =
            rows.iter().map(|r| (r.teryt.identity(), r.value)).collect();
        assert_eq!(rows.len(), by_identity.len(), "one value per unit");
        assert!(rows.iter().all(|r| r.year == 2020 && r.indicator == jst_domain::POPULATION));
        for unit in &register.snapshot.entries {
            assert!(by_identity.contains_key(unit.identity()), "{} has no population", unit.teryt);
        }
        // GUS: Poland 38 265 013 at 31 XII 2020; Warszawa 1 794 166; Kutno 43 332.
        let total: f64 = rows.iter().filter(|r| r.teryt.as_str().len() == 2).map(|r| r.value).sum();
        assert_eq!(total, 38_265_013.0);
        assert_eq!(by_identity["146501"], 1_794_166.0);
        assert_eq!(by_identity["100201"], 43_332.0);
        // A powiat is the sum of its gminy (cities with powiat rights are gminy of their own).
        let wielicki: f64 = rows
            .iter()
            .filter(|r| r.teryt.as_str().len() == 7 && r.teryt.as_str().starts_with("1219"))
            .map(|r| r.value)
            .sum();
        assert_eq!(by_identity["1219"], wielicki);
    }
}
