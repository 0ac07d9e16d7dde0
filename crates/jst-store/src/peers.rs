//! `peers.db`: public per-unit values and reference data (population). Disposable: it can be
//! rebuilt from shipped files and releases. A dataset is replaced all or nothing, its year-major
//! blocks (`peer_blocks.rs`) with it.

use std::collections::HashMap;
use std::path::Path;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior};

use crate::migrate::{open_migrated, schema_version, PEERS_MIGRATIONS};
use crate::peer_blocks::{self, Touched};
use jst_domain::PackedValues;

use crate::{Result, Stamp};

/// A contributed aggregate of one `type_size` group, stored as the release carries it (the one
/// row type of the aggregates chunk, shared with the server and the parser).
pub use jst_release::AggregateRow as ContributedAggregate;

#[derive(Debug, Clone, PartialEq)]
pub struct PublicValue {
    /// Register identity of the unit (6 digits for a gmina).
    pub unit: String,
    pub indicator: String,
    pub year: i32,
    pub value: f64,
}

pub struct PeerStore {
    pub(crate) conn: Connection,
}

impl PeerStore {
    pub fn open(path: &Path, stamp: &Stamp) -> Result<Self> {
        let mut conn = open_migrated(path, PEERS_MIGRATIONS, &stamp.at)?;
        peer_blocks::fill_if_missing(&mut conn)?;
        Ok(Self { conn })
    }

    pub fn schema_version(&self) -> Result<i64> {
        schema_version(&self.conn)
    }

    pub fn has_dataset(&self, name: &str) -> Result<bool> {
        Ok(self
            .conn
            .query_row("SELECT 1 FROM datasets WHERE name = ?1", [name], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// Starts replacing a release: the previous one's values go, the new ones come block by
    /// block ([`ReleaseLoad::insert_block`]), and [`ReleaseLoad::finish`] commits — all in one
    /// transaction, so a crash or an error (the load dropped unfinished) leaves the previous
    /// release whole.
    pub fn begin_release(
        &mut self,
        stamp: &Stamp,
        name: &str,
        label: &str,
    ) -> Result<ReleaseLoad<'_>> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (dataset, touched) = replace_values(&tx, stamp, name, "release", label, &[])?;
        Ok(ReleaseLoad { tx, dataset, touched })
    }

    /// The contributed aggregate of a group, indicator and year.
    pub fn aggregate(
        &self,
        group: &str,
        indicator: &str,
        year: i32,
    ) -> Result<Option<ContributedAggregate>> {
        Ok(self
            .conn
            .query_row(
                "SELECT grp, indicator, year, n, q1, median, q3, p10, p90, mean, note
                 FROM contributed_aggregates WHERE grp = ?1 AND indicator = ?2 AND year = ?3",
                (group, indicator, year),
                |r| {
                    Ok(ContributedAggregate {
                        group: r.get(0)?,
                        indicator: r.get(1)?,
                        year: r.get(2)?,
                        n: r.get(3)?,
                        q1: r.get(4)?,
                        median: r.get(5)?,
                        q3: r.get(6)?,
                        p10: r.get(7)?,
                        p90: r.get(8)?,
                        mean: r.get(9)?,
                        note: r.get(10)?,
                    })
                },
            )
            .optional()?)
    }

    /// Replaces every value of dataset `name` in one transaction. A value for the same
    /// (indicator, year, unit) as another dataset's is taken over by this one.
    ///
    /// Rows are inserted in key order with interned ids, so a national set loads in about the
    /// time of a raw bulk load (DESIGN §11, docs/benchmarks.md).
    pub fn replace_dataset(
        &mut self,
        stamp: &Stamp,
        name: &str,
        origin: &str,
        label: &str,
        values: &[PublicValue],
    ) -> Result<()> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (_, touched) = replace_values(&tx, stamp, name, origin, label, values)?;
        peer_blocks::rebuild(&tx, &touched)?;
        tx.commit()?;
        Ok(())
    }

    /// Removes a dataset and its values.
    pub fn remove_dataset(&mut self, name: &str) -> Result<()> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let touched = delete_values(
            &tx,
            "DELETE FROM peer_values WHERE dataset = (SELECT id FROM datasets WHERE name = ?1)
             RETURNING indicator, year",
            name,
        )?;
        tx.execute("DELETE FROM datasets WHERE name = ?1", [name])?;
        peer_blocks::rebuild(&tx, &touched)?;
        tx.commit()?;
        Ok(())
    }

    /// Every unit's value of an indicator in a year, as (unit identity, value).
    pub fn values_of(&self, indicator: &str, year: i32) -> Result<Vec<(String, f64)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT u.identity, p.value FROM peer_values p JOIN peer_units u ON u.id = p.unit
             WHERE p.indicator = (SELECT id FROM peer_indicators WHERE code = ?1) AND p.year = ?2",
        )?;
        let rows = stmt.query_map((indicator, year), |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Values of `codes` in `year` at the units keyed `slots`: one column per code, its `j`-th
    /// entry the value of unit key `slots[j]` (`NaN`: none). Read from the year-major blocks, a
    /// column costs one read however many units it covers.
    pub fn year_columns(
        &self,
        codes: &[&str],
        year: i32,
        slots: &[usize],
    ) -> Result<Vec<Vec<f64>>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT block FROM peer_blocks
             WHERE indicator = (SELECT id FROM peer_indicators WHERE code = ?1) AND year = ?2",
        )?;
        let mut columns = Vec::with_capacity(codes.len());
        for code in codes {
            let mut column = vec![f64::NAN; slots.len()];
            let mut rows = stmt.query((code, year))?;
            if let Some(row) = rows.next()? {
                let block = row.get_ref(0)?.as_blob().map_err(|e| {
                    rusqlite::Error::FromSqlConversionFailure(
                        0,
                        rusqlite::types::Type::Blob,
                        e.into(),
                    )
                })?;
                peer_blocks::decode_into(block, slots, &mut column);
            }
            columns.push(column);
        }
        Ok(columns)
    }

    /// Years in which an indicator has values, newest first.
    pub fn years_of(&self, indicator: &str) -> Result<Vec<i32>> {
        // One index seek per year instead of reading every value of the indicator.
        let mut next = self.conn.prepare_cached(
            "SELECT year FROM peer_values
             WHERE indicator = (SELECT id FROM peer_indicators WHERE code = ?1) AND year > ?2
             ORDER BY year LIMIT 1",
        )?;
        let mut years = Vec::new();
        let mut after = i32::MIN;
        while let Some(year) =
            next.query_row((indicator, after), |r| r.get::<_, i32>(0)).optional()?
        {
            years.push(year);
            after = year;
        }
        years.reverse();
        Ok(years)
    }

    /// The latest value of an indicator for a unit, as (year, value).
    pub fn latest_value(&self, unit: &str, indicator: &str) -> Result<Option<(i32, f64)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT p.year, p.value FROM peer_values p
                 WHERE p.indicator = (SELECT id FROM peer_indicators WHERE code = ?2)
                   AND p.unit = (SELECT id FROM peer_units WHERE identity = ?1)
                 ORDER BY p.year DESC LIMIT 1",
                (unit, indicator),
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }
}

impl PeerStore {
    /// Changes when anything in the store changed, through this connection or another process
    /// (the CLI beside the app): the key of caches built from the store.
    pub fn version(&self) -> Result<(i64, u64)> {
        let data_version: i64 = self.conn.pragma_query_value(None, "data_version", |r| r.get(0))?;
        Ok((data_version, self.conn.total_changes()))
    }

    /// Every unit the store has values for, as (key, identity); keys are what
    /// [`PeerStore::year_values`] and [`PeerStore::series`] return instead of identities.
    pub fn unit_keys(&self) -> Result<Vec<(i64, String)>> {
        let mut stmt = self.conn.prepare_cached("SELECT id, identity FROM peer_units")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Values of `codes` in `year` as (index into `codes`, unit key, value). With `units`, at
    /// least those units are read: by point lookups when they are few and scattered, else by
    /// one key range from the smallest to the largest (unit keys follow the register order of
    /// the first load, so a województwo's units lie close together). Callers pick their units
    /// from the result.
    pub fn year_values(
        &self,
        codes: &[&str],
        year: i32,
        units: Option<&[i64]>,
    ) -> Result<Vec<(usize, i64, f64)>> {
        // Measured at national scale: a point lookup costs about as much as reading 20 rows of
        // a range (2 µs against 94 ns).
        const POINT_COST_IN_ROWS: i64 = 20;
        let (lo, hi) = match units {
            Some(u) => {
                (u.iter().copied().min().unwrap_or(0), u.iter().copied().max().unwrap_or(-1))
            }
            None => (i64::MIN, i64::MAX),
        };
        let points = units.filter(|u| {
            let span = hi.saturating_sub(lo).saturating_add(1);
            POINT_COST_IN_ROWS.saturating_mul(u.len() as i64) < span
        });
        let mut out = Vec::new();
        let mut id_of =
            self.conn.prepare_cached("SELECT id FROM peer_indicators WHERE code = ?1")?;
        let mut range = self.conn.prepare_cached(
            "SELECT unit, value FROM peer_values
             WHERE indicator = ?1 AND year = ?2 AND unit BETWEEN ?3 AND ?4",
        )?;
        let mut point = self.conn.prepare_cached(
            "SELECT value FROM peer_values WHERE indicator = ?1 AND year = ?2 AND unit = ?3",
        )?;
        for (i, code) in codes.iter().enumerate() {
            let Some(indicator): Option<i64> = id_of.query_row([code], |r| r.get(0)).optional()?
            else {
                continue;
            };
            match points {
                None => {
                    let mut rows = range.query((indicator, year, lo, hi))?;
                    while let Some(row) = rows.next()? {
                        out.push((i, row.get::<_, i64>(0)?, row.get::<_, f64>(1)?));
                    }
                }
                Some(units) => {
                    for &unit in units {
                        if let Some(value) = point
                            .query_row((indicator, year, unit), |r| r.get::<_, f64>(0))
                            .optional()?
                        {
                            out.push((i, unit, value));
                        }
                    }
                }
            }
        }
        Ok(out)
    }

    /// (indicator code, year, number of values, sum of values) of one dataset: enough to tell
    /// new years, new indicators and revised series between two releases.
    pub fn dataset_profile(&self, name: &str) -> Result<Vec<(String, i32, i64, f64)>> {
        let mut stmt = self.conn.prepare(
            "SELECT i.code, p.year, count(*), total(p.value) FROM peer_values p
             JOIN peer_indicators i ON i.id = p.indicator
             WHERE p.dataset = (SELECT id FROM datasets WHERE name = ?1)
             GROUP BY p.indicator, p.year ORDER BY i.code, p.year",
        )?;
        let rows = stmt.query_map([name], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// (label, loaded_at) of a dataset.
    pub fn dataset_info(&self, name: &str) -> Result<Option<(String, String)>> {
        Ok(self
            .conn
            .query_row("SELECT label, loaded_at FROM datasets WHERE name = ?1", [name], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?)
    }

    /// Every year of one indicator as (year, unit key, value).
    pub fn series(&self, code: &str) -> Result<Vec<(i32, i64, f64)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT year, unit, value FROM peer_values
             WHERE indicator = (SELECT id FROM peer_indicators WHERE code = ?1)",
        )?;
        let rows = stmt.query_map([code], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// One value in, taking the (indicator, year, unit) over from any other dataset.
const INSERT_VALUE: &str = "INSERT INTO peer_values (indicator, year, unit, value, dataset)
     VALUES (?1, ?2, ?3, ?4, ?5)
     ON CONFLICT (indicator, year, unit) DO UPDATE SET value = excluded.value,
         dataset = excluded.dataset";

/// A release being loaded inside one open transaction (see [`PeerStore::begin_release`]).
pub struct ReleaseLoad<'a> {
    pub(crate) tx: rusqlite::Transaction<'a>,
    dataset: i64,
    /// Pairs whose blocks [`ReleaseLoad::finish`] rebuilds: the previous release's and this one's.
    touched: Touched,
}

impl ReleaseLoad<'_> {
    /// Inserts a block of values. `units[i]` is the identity of packed unit `i` (`None`: not in
    /// the register, skipped). The rows are sorted in place into key order; no other copy of
    /// them is made.
    pub fn insert_block(
        &mut self,
        units: &[Option<String>],
        values: &mut PackedValues,
    ) -> Result<()> {
        let tx = &self.tx;
        let unit_keys =
            intern(tx, "peer_units", "identity", units.iter().flatten().map(String::as_str))?;
        let indicator_keys =
            intern(tx, "peer_indicators", "code", values.indicators.iter().map(String::as_str))?;
        let unit_key: Vec<Option<i64>> =
            units.iter().map(|u| u.as_deref().map(|u| unit_keys[u])).collect();
        let indicator_key: Vec<i64> =
            values.indicators.iter().map(|c| indicator_keys[c.as_str()]).collect();
        values.rows.sort_unstable_by_key(|r| {
            (
                indicator_key[usize::from(r.indicator)],
                r.year,
                unit_key[r.unit as usize].unwrap_or(i64::MAX),
            )
        });
        let mut stmt = tx.prepare_cached(INSERT_VALUE)?;
        let mut last = None;
        for r in &values.rows {
            if let Some(unit) = unit_key[r.unit as usize] {
                let pair = (indicator_key[usize::from(r.indicator)], i32::from(r.year));
                stmt.execute((pair.0, r.year, unit, r.value, self.dataset))?;
                // Rows are in key order: a pair is recorded once per run of its rows.
                if last != Some(pair) {
                    last = Some(pair);
                    self.touched.insert(pair);
                }
            }
        }
        Ok(())
    }

    /// Stores the release's contributed aggregates and commits.
    pub fn finish(self, aggregates: &[ContributedAggregate]) -> Result<()> {
        let tx = self.tx;
        let dataset = self.dataset;
        peer_blocks::rebuild(&tx, &self.touched)?;
        tx.execute("DELETE FROM contributed_aggregates WHERE dataset = ?1", [dataset])?;
        {
            let mut insert = tx.prepare(
                "INSERT OR REPLACE INTO contributed_aggregates
                     (grp, indicator, year, n, q1, median, q3, p10, p90, mean, note, dataset)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )?;
            for a in aggregates {
                insert.execute(rusqlite::params![
                    a.group,
                    a.indicator,
                    a.year,
                    a.n,
                    a.q1,
                    a.median,
                    a.q3,
                    a.p10,
                    a.p90,
                    a.mean,
                    a.note,
                    dataset
                ])?;
            }
        }
        tx.commit()?;
        Ok(())
    }
}

/// Replaces the values of dataset `name` inside `tx`; returns the dataset's id and the
/// (indicator, year) pairs whose blocks must be rebuilt: those it had and those it has now.
fn replace_values(
    tx: &rusqlite::Transaction<'_>,
    stamp: &Stamp,
    name: &str,
    origin: &str,
    label: &str,
    values: &[PublicValue],
) -> Result<(i64, Touched)> {
    tx.execute(
        "INSERT INTO datasets (name, origin, label, loaded_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (name) DO UPDATE SET origin = excluded.origin, label = excluded.label,
             loaded_at = excluded.loaded_at",
        (name, origin, label, &stamp.at),
    )?;
    let dataset: i64 =
        tx.query_row("SELECT id FROM datasets WHERE name = ?1", [name], |r| r.get(0))?;
    let mut touched = delete_values(
        tx,
        "DELETE FROM peer_values WHERE dataset = ?1 RETURNING indicator, year",
        dataset,
    )?;
    let units = intern(tx, "peer_units", "identity", values.iter().map(|v| v.unit.as_str()))?;
    let indicators =
        intern(tx, "peer_indicators", "code", values.iter().map(|v| v.indicator.as_str()))?;
    let mut keyed: Vec<(i64, i32, i64, f64)> = values
        .iter()
        .map(|v| (indicators[v.indicator.as_str()], v.year, units[v.unit.as_str()], v.value))
        .collect();
    keyed.sort_unstable_by_key(|&(i, y, u, _)| (i, y, u));
    {
        let mut stmt = tx.prepare(INSERT_VALUE)?;
        let mut last = None;
        for (indicator, year, unit, value) in keyed {
            stmt.execute((indicator, year, unit, value, dataset))?;
            if last != Some((indicator, year)) {
                last = Some((indicator, year));
                touched.insert((indicator, year));
            }
        }
    }
    Ok((dataset, touched))
}

/// Runs a `DELETE … RETURNING indicator, year` and answers the distinct pairs it removed.
fn delete_values(
    tx: &rusqlite::Transaction<'_>,
    sql: &str,
    param: impl rusqlite::ToSql,
) -> Result<Touched> {
    let mut stmt = tx.prepare(sql)?;
    let mut rows = stmt.query([param])?;
    let mut touched = Touched::new();
    let mut last = None;
    while let Some(row) = rows.next()? {
        let pair: (i64, i32) = (row.get(0)?, row.get(1)?);
        // Rows leave in key order, so a pair's rows come together.
        if last != Some(pair) {
            last = Some(pair);
            touched.insert(pair);
        }
    }
    Ok(touched)
}

/// Ids of `keys` in an intern table (`id INTEGER PRIMARY KEY, <column> TEXT UNIQUE`), adding
/// the missing ones.
fn intern<'a>(
    tx: &rusqlite::Transaction<'_>,
    table: &str,
    column: &str,
    keys: impl Iterator<Item = &'a str>,
) -> Result<HashMap<&'a str, i64>> {
    let mut ids: HashMap<&'a str, i64> = HashMap::new();
    let mut lookup = tx.prepare(&format!("SELECT id FROM {table} WHERE {column} = ?1"))?;
    let mut insert = tx.prepare(&format!("INSERT INTO {table} ({column}) VALUES (?1)"))?;
    for key in keys {
        if ids.contains_key(key) {
            continue;
        }
        let id = match lookup.query_row([key], |r| r.get(0)).optional()? {
            Some(id) => id,
            None => {
                insert.execute([key])?;
                tx.last_insert_rowid()
            }
        };
        ids.insert(key, id);
    }
    Ok(ids)
}
