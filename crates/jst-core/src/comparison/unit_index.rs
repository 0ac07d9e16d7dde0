//! What every comparison needs before it reads a single indicator: the current units, their
//! keys in the peer store and their population by year. Built once and kept until either store
//! changes (through this program or another process), so a comparison reads only the values it
//! asks for (DESIGN §11: one indicator over all years in 10 ms at national scale).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use jst_domain::POPULATION;
use jst_store::{LocalStore, PeerStore, UnitRecord};
use jst_text::t;

use crate::{Error, Result};

/// The index of the last comparison, kept by the opened data folder between comparisons.
pub(crate) type UnitIndexCache = Mutex<Option<Arc<UnitIndex>>>;

/// The current units of the register with their peer-store keys and population by year.
pub(crate) struct UnitIndex {
    version: ((i64, u64), (i64, u64)),
    /// Current units of the register.
    pub units: Vec<UnitRecord>,
    /// Peer-store key of each unit in `units` (same order); `None` without peer values.
    pub keys: Vec<Option<i64>>,
    /// Largest peer-store key, so value tables can be indexed by key.
    pub max_key: usize,
    /// Years with population data, newest first, and the population by identity for each.
    population_years: Vec<i32>,
    population: HashMap<i32, HashMap<String, f64>>,
    /// `population_near` by year, computed on first use.
    near: Mutex<HashMap<i32, Arc<HashMap<String, f64>>>>,
}

impl UnitIndex {
    /// Population for classing units in `year`: each unit's value of that year, else of the
    /// closest year it has one (the later of two equally close). Units have different latest
    /// years: the shipped reference covers every unit for 2020 but one województwo later.
    pub fn population_near(&self, year: i32) -> Arc<HashMap<String, f64>> {
        let mut cached = self.near.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let near = cached.entry(year).or_insert_with(|| {
            let mut years = self.population_years.clone();
            years.sort_by_key(|y| ((y - year).abs(), -y));
            let mut near: HashMap<String, f64> = HashMap::new();
            for y in years {
                for (identity, value) in &self.population[&y] {
                    near.entry(identity.clone()).or_insert(*value);
                }
            }
            Arc::new(near)
        });
        Arc::clone(near)
    }

    pub fn population_years(&self) -> &[i32] {
        &self.population_years
    }

    pub fn key_of(&self, unit: &UnitRecord) -> Option<i64> {
        self.units.iter().position(|u| u.id == unit.id).and_then(|i| self.keys[i])
    }
}

impl UnitIndex {
    /// The index for the stores as they are now: the cached one while neither store changed
    /// (through this program or another process), else rebuilt.
    pub(crate) fn current(
        local: &LocalStore,
        peers: &PeerStore,
        cache: &UnitIndexCache,
    ) -> Result<Arc<Self>> {
        let version = (local.version()?, peers.version()?);
        let mut cached =
            cache.lock().map_err(|_| Error::fault(t!("core-unit-index-unavailable")))?;
        if let Some(index) = cached.as_ref().filter(|i| i.version == version) {
            return Ok(Arc::clone(index));
        }
        let units = local.active_units()?;
        let key_of: HashMap<String, i64> =
            peers.unit_keys()?.into_iter().map(|(k, identity)| (identity, k)).collect();
        let keys: Vec<Option<i64>> =
            units.iter().map(|u| key_of.get(&u.identity).copied()).collect();
        let max_key = key_of.values().copied().max().unwrap_or(0).max(0) as usize;
        let identity_of: HashMap<i64, &str> =
            key_of.iter().map(|(i, k)| (*k, i.as_str())).collect();
        let mut population: HashMap<i32, HashMap<String, f64>> = HashMap::new();
        for (year, key, value) in peers.series(POPULATION)? {
            if let Some(identity) = identity_of.get(&key) {
                population.entry(year).or_default().insert((*identity).to_owned(), value);
            }
        }
        let mut population_years: Vec<i32> = population.keys().copied().collect();
        population_years.sort_unstable_by(|a, b| b.cmp(a));
        let index = Arc::new(Self {
            version,
            units,
            keys,
            max_key,
            population_years,
            population,
            near: Mutex::default(),
        });
        *cached = Some(Arc::clone(&index));
        Ok(index)
    }
}
