//! The good-practice base in `peers.db`: replaced with the release that carries it, searched
//! offline through FTS5 with Polish diacritics folded (`oswiata` finds "oświata", `lodz`
//! "Łódź"). The texts are folded by [`fold_for_search`] before indexing as well, because the
//! tokenizer's `remove_diacritics` leaves ł alone (it does not decompose in Unicode).

pub use jst_domain::PracticeRecord;
use jst_domain::{fold_for_search, size_class_code, PracticeArea, UnitKind};
use rusqlite::{OptionalExtension, TransactionBehavior};

use crate::{PeerStore, ReleaseLoad, Result};

/// What to look for: `text` (any words, each a prefix; empty finds all) and the filters.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PracticeQuery {
    pub text: String,
    pub area: Option<PracticeArea>,
    pub unit_kind: Option<UnitKind>,
    /// A [`size_class_code`], e.g. `20000-50000`.
    pub size_class: Option<String>,
    /// Two-digit województwo code.
    pub woj: Option<String>,
}

/// A practice found, best match first.
#[derive(Debug, Clone, PartialEq)]
pub struct PracticeHit {
    pub id: i64,
    pub title: String,
    pub area: PracticeArea,
    pub teryt: String,
    pub unit_name: String,
    pub unit_kind: UnitKind,
    /// Population when the practice was entered.
    pub population: Option<u64>,
    pub indicators: Vec<String>,
}

impl PeerStore {
    /// Replaces the whole base in one transaction (a sync applies it inside the release's,
    /// see [`ReleaseLoad::replace_practices`]).
    pub fn replace_practices(&mut self, practices: &[PracticeRecord]) -> Result<()> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        replace(&tx, practices)?;
        tx.commit()?;
        Ok(())
    }

    pub fn search_practices(&self, query: &PracticeQuery) -> Result<Vec<PracticeHit>> {
        let words = match_expression(&query.text);
        let (from, order) = if words.is_empty() {
            ("practices p WHERE 1", "p.title")
        } else {
            (
                "practices_fts f JOIN practices p ON p.id = f.rowid WHERE practices_fts MATCH ?1",
                "f.rank, p.title",
            )
        };
        let sql = format!(
            "SELECT p.id, p.title, p.area, p.teryt, p.unit_name, p.unit_kind, p.indicators,
                    p.population
             FROM {from}
               AND (?2 IS NULL OR p.area = ?2) AND (?3 IS NULL OR p.unit_kind = ?3)
               AND (?4 IS NULL OR p.size_class = ?4) AND (?5 IS NULL OR p.woj = ?5)
             ORDER BY {order}"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(
            (
                &words,
                query.area.map(PracticeArea::code),
                query.unit_kind.map(UnitKind::code),
                query.size_class.as_deref(),
                query.woj.as_deref(),
            ),
            |r| {
                Ok(PracticeHit {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    area: area(r, 2)?,
                    teryt: r.get(3)?,
                    unit_name: r.get(4)?,
                    unit_kind: kind(r, 5)?,
                    indicators: r
                        .get::<_, String>(6)?
                        .split_whitespace()
                        .map(str::to_owned)
                        .collect(),
                    population: r.get::<_, Option<i64>>(7)?.and_then(|n| u64::try_from(n).ok()),
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The practice's JSON as the release carried it.
    pub fn practice_json(&self, id: i64) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT json FROM practices WHERE id = ?1", [id], |r| r.get(0))
            .optional()?)
    }

    /// Puts the demo's invented practices beside the release's, replacing earlier ones. They
    /// carry negative ids, which the association's numbers never are, so leaving the demo
    /// removes exactly them and a release's practices survive the demo; a release replaces
    /// the whole base, samples included.
    pub fn replace_sample_practices(&mut self, practices: &[PracticeRecord]) -> Result<()> {
        debug_assert!(practices.iter().all(|p| p.id < 0), "sample practices have negative ids");
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        delete_samples(&tx)?;
        insert(&tx, practices)?;
        tx.commit()?;
        Ok(())
    }

    /// Removes the demo's invented practices (see [`PeerStore::replace_sample_practices`]).
    pub fn remove_sample_practices(&mut self) -> Result<()> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        delete_samples(&tx)?;
        tx.commit()?;
        Ok(())
    }

    pub fn practice_count(&self) -> Result<u64> {
        Ok(self.conn.query_row("SELECT count(*) FROM practices", [], |r| r.get(0))?)
    }
}

impl ReleaseLoad<'_> {
    /// Replaces the good-practice base inside the release's transaction, so the values and
    /// the practices of one release arrive together or not at all.
    pub fn replace_practices(&mut self, practices: &[PracticeRecord]) -> Result<()> {
        replace(&self.tx, practices)
    }
}

fn replace(tx: &rusqlite::Transaction<'_>, practices: &[PracticeRecord]) -> Result<()> {
    tx.execute("DELETE FROM practices", [])?;
    tx.execute("DELETE FROM practices_fts", [])?;
    insert(tx, practices)
}

fn delete_samples(tx: &rusqlite::Transaction<'_>) -> Result<()> {
    tx.execute("DELETE FROM practices WHERE id < 0", [])?;
    tx.execute("DELETE FROM practices_fts WHERE rowid < 0", [])?;
    Ok(())
}

fn insert(tx: &rusqlite::Transaction<'_>, practices: &[PracticeRecord]) -> Result<()> {
    let mut insert = tx.prepare(
        "INSERT INTO practices (id, title, area, teryt, unit_name, unit_kind, woj, population,
             size_class, indicators, json)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    let mut index = tx.prepare(
        "INSERT INTO practices_fts (rowid, title, unit_name, summary, presentation, keywords)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for p in practices {
        let woj: String = p.teryt.chars().take(2).collect();
        let size = p.population.map(|n| size_class_code(p.unit_kind, n as f64));
        insert.execute(rusqlite::params![
            p.id,
            p.title,
            p.area.code(),
            p.teryt,
            p.unit_name,
            p.unit_kind.code(),
            woj,
            p.population.map(|n| n as i64),
            size,
            p.indicators.join(" "),
            p.json,
        ])?;
        index.execute(rusqlite::params![
            p.id,
            fold_for_search(&p.title),
            fold_for_search(&p.unit_name),
            fold_for_search(&p.summary),
            fold_for_search(&p.presentation),
            fold_for_search(&p.keywords.join(" ")),
        ])?;
    }
    Ok(())
}

/// The user's words as an FTS5 expression: folded, split on anything but letters and digits,
/// each quoted (so no word is FTS syntax) and a prefix (`oswiat` finds "oświatowy"); all must
/// match. Empty when there are no words.
fn match_expression(text: &str) -> String {
    fold_for_search(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\"*"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn unknown_code(i: usize, code: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        i,
        rusqlite::types::Type::Text,
        format!("unknown code {code}").into(),
    )
}

fn area(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<PracticeArea> {
    let code: String = r.get(i)?;
    PracticeArea::from_code(&code).ok_or_else(|| unknown_code(i, &code))
}

fn kind(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<UnitKind> {
    let code: String = r.get(i)?;
    UnitKind::ALL.into_iter().find(|k| k.code() == code).ok_or_else(|| unknown_code(i, &code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_become_quoted_folded_prefixes() {
        assert_eq!(match_expression("Oświata  ŁÓDŹ"), "\"oswiata\"* \"lodz\"*");
        assert_eq!(match_expression("a\" OR b*"), "\"a\"* \"or\"* \"b\"*");
        assert_eq!(match_expression(" -\"* "), "");
    }
}
