//! The indicator catalogue: one namespace of codes for catalogue, local and sample indicators.

use rusqlite::Transaction;

use super::LocalStore;
use crate::{Result, Stamp};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorRecord {
    pub code: String,
    pub name_pl: String,
    pub name_en: Option<String>,
    pub unit: String,
    /// `higher_is_better | lower_is_better | neutral`
    pub polarity: String,
    pub area: Option<String>,
    pub definition: Option<String>,
    /// Unit-cost formula (DESIGN §5.7), e.g. `WYD_80101 / UCZ_SP`.
    pub formula: Option<String>,
    pub source: Option<String>,
    pub structural: bool,
    pub person_count: bool,
    /// `catalogue | local | sample`
    pub origin: String,
}

impl IndicatorRecord {
    /// The name in the user's language: the catalogue's English name (`nazwa_en`) when English
    /// is chosen and the catalogue has one, the Polish name otherwise.
    pub fn name(&self) -> &str {
        match (jst_text::language(), self.name_en.as_deref()) {
            (jst_text::Lang::En, Some(en)) if !en.trim().is_empty() => en,
            _ => &self.name_pl,
        }
    }
}

impl LocalStore {
    /// Adds or updates indicators by code.
    pub fn upsert_indicators(
        &mut self,
        stamp: &Stamp,
        indicators: &[IndicatorRecord],
    ) -> Result<()> {
        self.write(stamp, "katalog wskaźników", |tx| {
            upsert_indicators(tx, indicators)?;
            let codes: Vec<&str> = indicators.iter().map(|i| i.code.as_str()).collect();
            Ok(((), codes.join(", ")))
        })
    }

    pub fn indicator(&self, code: &str) -> Result<Option<IndicatorRecord>> {
        use rusqlite::OptionalExtension;
        let sql = format!("{SELECT_INDICATOR} WHERE code = ?1");
        Ok(self.conn.query_row(&sql, [code], indicator_from_row).optional()?)
    }

    /// The whole catalogue, by code.
    pub fn catalogue(&self) -> Result<Vec<IndicatorRecord>> {
        let sql = format!("{SELECT_INDICATOR} ORDER BY code");
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([], indicator_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// `catalogue | local | sample`, or `None` for an unknown code.
    pub fn indicator_origin(&self, code: &str) -> Result<Option<String>> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .query_row("SELECT origin FROM indicators WHERE code = ?1", [code], |r| r.get(0))
            .optional()?)
    }

    pub fn has_indicator(&self, code: &str) -> Result<bool> {
        Ok(self.conn.query_row("SELECT count(*) FROM indicators WHERE code = ?1", [code], |r| {
            r.get::<_, i64>(0)
        })? > 0)
    }
}

pub(super) fn upsert_indicators(
    tx: &Transaction<'_>,
    indicators: &[IndicatorRecord],
) -> Result<()> {
    let mut stmt = tx.prepare(
        "INSERT INTO indicators (code, name_pl, name_en, unit, polarity, area, definition,
                                         source, structural, person_count, origin, formula)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
                 ON CONFLICT (code) DO UPDATE SET name_pl = excluded.name_pl,
                     name_en = excluded.name_en, unit = excluded.unit,
                     polarity = excluded.polarity, area = excluded.area,
                     definition = excluded.definition, source = excluded.source,
                     structural = excluded.structural, person_count = excluded.person_count,
                     origin = excluded.origin, formula = excluded.formula",
    )?;
    for i in indicators {
        stmt.execute(rusqlite::params![
            i.code,
            i.name_pl,
            i.name_en,
            i.unit,
            i.polarity,
            i.area,
            i.definition,
            i.source,
            i.structural,
            i.person_count,
            i.origin,
            i.formula
        ])?;
    }
    Ok(())
}

const SELECT_INDICATOR: &str = "SELECT code, name_pl, name_en, unit, polarity, area, definition,
        formula, source, structural, person_count, origin FROM indicators";

fn indicator_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<IndicatorRecord> {
    Ok(IndicatorRecord {
        code: r.get(0)?,
        name_pl: r.get(1)?,
        name_en: r.get(2)?,
        unit: r.get(3)?,
        polarity: r.get(4)?,
        area: r.get(5)?,
        definition: r.get(6)?,
        formula: r.get(7)?,
        source: r.get(8)?,
        structural: r.get(9)?,
        person_count: r.get(10)?,
        origin: r.get(11)?,
    })
}
