//! Reading the register: lookup by code and name search.

use jst_domain::{fold_for_search, UnitKind};
use jst_text::t;
use rusqlite::{OptionalExtension, Row};

use super::LocalStore;
use crate::{Error, Result};

/// A unit with the names of its powiat and województwo resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitRecord {
    pub id: i64,
    pub identity: String,
    pub teryt: String,
    pub kind: UnitKind,
    pub name: String,
    pub powiat_name: Option<String>,
    pub voivodeship_name: Option<String>,
    pub voivodeship_code: String,
    pub alias: Option<String>,
    pub valid_to: Option<String>,
}

const SELECT_UNIT: &str = "
    SELECT u.id, u.identity, u.teryt, u.kind, u.name, p.name, w.name, u.voivodeship, u.alias,
           u.valid_to
    FROM units u
    LEFT JOIN units p ON p.teryt = u.powiat AND p.kind = 'powiat'
    LEFT JOIN units w ON w.teryt = u.voivodeship AND w.kind = 'wojewodztwo'";

fn unit_from_row(r: &Row<'_>) -> rusqlite::Result<UnitRecord> {
    let kind: String = r.get(3)?;
    let kind = kind.parse::<UnitKind>().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(3, rusqlite::types::Type::Text, e.into())
    })?;
    Ok(UnitRecord {
        id: r.get(0)?,
        identity: r.get(1)?,
        teryt: r.get(2)?,
        kind,
        name: r.get(4)?,
        powiat_name: r.get(5)?,
        voivodeship_name: r.get(6)?,
        voivodeship_code: r.get(7)?,
        alias: r.get(8)?,
        valid_to: r.get(9)?,
    })
}

/// Search results beyond this are not useful to a person choosing a unit.
const MAX_RESULTS: usize = 200;

impl LocalStore {
    pub fn unit_count(&self, active_only: bool) -> Result<usize> {
        let sql = if active_only {
            "SELECT count(*) FROM units WHERE valid_to IS NULL"
        } else {
            "SELECT count(*) FROM units"
        };
        Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as usize)
    }

    /// Every current unit of the register.
    pub fn active_units(&self) -> Result<Vec<UnitRecord>> {
        let sql = format!("{SELECT_UNIT} WHERE u.valid_to IS NULL ORDER BY u.teryt");
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([], unit_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Finds a unit by its identity (6 digits for a gmina) or by the powiat code under which a
    /// miasto na prawach powiatu also appears.
    pub fn unit_by_identity(&self, identity: &str) -> Result<Option<UnitRecord>> {
        let sql = format!(
            "{SELECT_UNIT} WHERE u.identity = ?1 OR u.alias = ?1 ORDER BY u.alias IS NOT NULL"
        );
        Ok(self.conn.query_row(&sql, [identity], unit_from_row).optional()?)
    }

    pub fn unit_by_id(&self, id: i64) -> Result<UnitRecord> {
        let sql = format!("{SELECT_UNIT} WHERE u.id = ?1");
        self.conn
            .query_row(&sql, [id], unit_from_row)
            .optional()?
            .ok_or_else(|| Error::Corrupt(t!("store-missing-unit-id", id = id)))
    }

    /// Case- and diacritics-insensitive search over current units by name, or by code when the
    /// query is made of digits. Best matches first: whole name, then name prefix, then the rest;
    /// gminy before powiaty before województwa.
    pub fn search_units(&self, query: &str, limit: usize) -> Result<Vec<UnitRecord>> {
        let query = query.trim();
        let limit = limit.clamp(1, MAX_RESULTS);
        if query.is_empty() {
            return Ok(Vec::new());
        }
        let mut units = if query.bytes().all(|b| b.is_ascii_digit()) {
            let sql = format!(
                "{SELECT_UNIT} WHERE u.valid_to IS NULL AND (u.teryt LIKE ?1 || '%' OR u.alias LIKE ?1 || '%')"
            );
            let mut stmt = self.conn.prepare(&sql)?;
            let rows = stmt.query_map([query], unit_from_row)?;
            rows.collect::<Result<Vec<_>, _>>()?
        } else {
            let folded = fold_for_search(query);
            let terms: Vec<&str> = folded.split(' ').filter(|t| !t.is_empty()).collect();
            if terms.is_empty() {
                return Ok(Vec::new());
            }
            let conditions: Vec<String> =
                (1..=terms.len()).map(|i| format!("instr(u.name_folded, ?{i}) > 0")).collect();
            let sql =
                format!("{SELECT_UNIT} WHERE u.valid_to IS NULL AND {}", conditions.join(" AND "));
            let mut stmt = self.conn.prepare(&sql)?;
            let rows = stmt.query_map(rusqlite::params_from_iter(terms.iter()), unit_from_row)?;
            let mut units = rows.collect::<Result<Vec<_>, _>>()?;
            units.sort_by_cached_key(|u| {
                let name = fold_for_search(&u.name);
                let closeness = if name == folded {
                    0
                } else if name.starts_with(&folded) {
                    1
                } else if name.split(' ').any(|w| w.starts_with(terms[0])) {
                    2
                } else {
                    3
                };
                (closeness, kind_order(u.kind), name, u.teryt.clone())
            });
            units
        };
        if query.bytes().all(|b| b.is_ascii_digit()) {
            units.sort_by(|a, b| {
                a.teryt.len().cmp(&b.teryt.len()).then_with(|| a.teryt.cmp(&b.teryt))
            });
        }
        units.truncate(limit);
        Ok(units)
    }
}

fn kind_order(kind: UnitKind) -> u8 {
    match kind {
        UnitKind::MiastoNaPrawachPowiatu
        | UnitKind::GminaMiejska
        | UnitKind::GminaMiejskoWiejska
        | UnitKind::GminaWiejska => 0,
        UnitKind::Powiat => 1,
        UnitKind::Wojewodztwo => 2,
    }
}
