//! Experience-exchange groups (GWD): the server's last word on the unit's groups, their members
//! and values of the years fetched, replaced in one transaction per refresh; and the officer's
//! meeting notes, kept whatever becomes of the group.

use rusqlite::params;

use super::LocalStore;
use crate::{Result, Stamp};

#[derive(Debug, Clone, PartialEq)]
pub struct GwdGroupRecord {
    pub id: String,
    pub name: String,
    pub area: String,
    /// The group's indicators, in the server's order.
    pub indicators: Vec<String>,
    /// Members as the server names them, by TERYT.
    pub members: Vec<GwdMemberRecord>,
    /// When the server last listed the group (RFC 3339 UTC).
    pub fetched_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GwdMemberRecord {
    pub teryt: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GwdValueRecord {
    pub teryt: String,
    pub name: String,
    pub indicator: String,
    pub year: i32,
    pub value: f64,
    /// `contributed` or `public`.
    pub source: String,
}

/// One year of a group's values as a refresh found it.
#[derive(Debug, Clone, PartialEq)]
pub enum GwdYearUpdate {
    /// New values replace the year's copy.
    Fresh { values: Vec<GwdValueRecord>, etag: Option<String> },
    /// The copy is current (`304`): only its date moves.
    Unchanged,
}

/// What one refresh learnt, written whole or not at all.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GwdRefresh {
    /// The groups listed, replacing every stored one (a group not listed is deleted).
    pub groups: Vec<GwdGroupRecord>,
    /// `(group, year, update)` for listed groups.
    pub years: Vec<(String, i32, GwdYearUpdate)>,
    /// Groups whose values the server refused (`403`): deleted although listed.
    pub refused: Vec<String>,
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GwdNoteRecord {
    pub id: i64,
    pub group_id: String,
    pub year: Option<i32>,
    pub text: String,
    pub written_at: String,
    pub written_by: String,
}

impl LocalStore {
    /// Writes a refresh: the listed groups replace the stored ones; a member no longer listed
    /// takes its values with it (consent withdrawn is never shown again).
    pub fn record_gwd_refresh(&mut self, stamp: &Stamp, refresh: &GwdRefresh) -> Result<()> {
        self.write(stamp, "grupy wymiany doświadczeń", |tx| {
            let before: Vec<String> = {
                let mut stmt = tx.prepare("SELECT id FROM gwd_groups ORDER BY id")?;
                let rows = stmt.query_map([], |r| r.get(0))?;
                rows.collect::<Result<_, _>>()?
            };
            let kept: Vec<&GwdGroupRecord> =
                refresh.groups.iter().filter(|g| !refresh.refused.contains(&g.id)).collect();
            let gone: Vec<&String> =
                before.iter().filter(|id| !kept.iter().any(|g| &g.id == *id)).collect();
            for id in &gone {
                tx.execute("DELETE FROM gwd_values WHERE group_id = ?1", [id])?;
                tx.execute("DELETE FROM gwd_groups WHERE id = ?1", [id])?;
            }
            for g in &kept {
                tx.execute(
                    "INSERT INTO gwd_groups (id, name, area, fetched_at) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (id) DO UPDATE SET name = excluded.name, area = excluded.area,
                                                    fetched_at = excluded.fetched_at",
                    (&g.id, &g.name, &g.area, &g.fetched_at),
                )?;
                tx.execute("DELETE FROM gwd_group_indicators WHERE group_id = ?1", [&g.id])?;
                tx.execute("DELETE FROM gwd_group_members WHERE group_id = ?1", [&g.id])?;
                for (i, code) in g.indicators.iter().enumerate() {
                    tx.execute(
                        "INSERT OR IGNORE INTO gwd_group_indicators (group_id, position, indicator)
                         VALUES (?1, ?2, ?3)",
                        params![g.id, i as i64, code],
                    )?;
                }
                for m in &g.members {
                    tx.execute(
                        "INSERT OR REPLACE INTO gwd_group_members (group_id, teryt, name)
                         VALUES (?1, ?2, ?3)",
                        (&g.id, &m.teryt, &m.name),
                    )?;
                }
                tx.execute(
                    "DELETE FROM gwd_values WHERE group_id = ?1 AND teryt NOT IN
                       (SELECT teryt FROM gwd_group_members WHERE group_id = ?1)",
                    [&g.id],
                )?;
            }
            let listed = |id: &str| kept.iter().any(|g| g.id == id);
            for (group, year, update) in refresh.years.iter().filter(|(g, _, _)| listed(g)) {
                match update {
                    GwdYearUpdate::Unchanged => {
                        tx.execute(
                            "UPDATE gwd_value_years SET fetched_at = ?3
                             WHERE group_id = ?1 AND year = ?2",
                            params![group, year, refresh.at],
                        )?;
                    }
                    GwdYearUpdate::Fresh { values, etag } => {
                        tx.execute(
                            "DELETE FROM gwd_values WHERE group_id = ?1 AND year = ?2",
                            params![group, year],
                        )?;
                        tx.execute(
                            "INSERT INTO gwd_value_years (group_id, year, etag, fetched_at)
                             VALUES (?1, ?2, ?3, ?4)
                             ON CONFLICT (group_id, year) DO UPDATE
                             SET etag = excluded.etag, fetched_at = excluded.fetched_at",
                            params![group, year, etag, refresh.at],
                        )?;
                        let mut stmt = tx.prepare(
                            "INSERT OR REPLACE INTO gwd_values
                               (group_id, year, teryt, name, indicator, value, source)
                             SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7
                             WHERE EXISTS (SELECT 1 FROM gwd_group_members
                                           WHERE group_id = ?1 AND teryt = ?3)",
                        )?;
                        for v in values.iter().filter(|v| v.year == *year) {
                            stmt.execute(params![
                                group,
                                year,
                                v.teryt,
                                v.name,
                                v.indicator,
                                v.value,
                                v.source
                            ])?;
                        }
                    }
                }
            }
            let names: Vec<&str> = kept.iter().map(|g| g.id.as_str()).collect();
            let mut detail = format!("grupy: {}", names.join(", "));
            if !gone.is_empty() {
                let gone: Vec<&str> = gone.iter().map(|s| s.as_str()).collect();
                detail.push_str(&format!("; usunięte: {}", gone.join(", ")));
            }
            Ok(((), detail))
        })
    }

    /// Every stored group, by name.
    pub fn gwd_groups(&self) -> Result<Vec<GwdGroupRecord>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, name, area, fetched_at FROM gwd_groups ORDER BY name, id")?;
        let rows = stmt.query_map([], |r| {
            Ok(GwdGroupRecord {
                id: r.get(0)?,
                name: r.get(1)?,
                area: r.get(2)?,
                fetched_at: r.get(3)?,
                indicators: Vec::new(),
                members: Vec::new(),
            })
        })?;
        let mut groups: Vec<GwdGroupRecord> = rows.collect::<Result<_, _>>()?;
        for g in &mut groups {
            let mut stmt = self.conn.prepare(
                "SELECT indicator FROM gwd_group_indicators WHERE group_id = ?1 ORDER BY position",
            )?;
            g.indicators = stmt.query_map([&g.id], |r| r.get(0))?.collect::<Result<_, _>>()?;
            let mut stmt = self.conn.prepare(
                "SELECT teryt, name FROM gwd_group_members WHERE group_id = ?1 ORDER BY name, teryt",
            )?;
            g.members = stmt
                .query_map([&g.id], |r| Ok(GwdMemberRecord { teryt: r.get(0)?, name: r.get(1)? }))?
                .collect::<Result<_, _>>()?;
        }
        Ok(groups)
    }

    pub fn gwd_group(&self, id: &str) -> Result<Option<GwdGroupRecord>> {
        Ok(self.gwd_groups()?.into_iter().find(|g| g.id == id))
    }

    /// The years held of a group: `(year, etag, fetched_at)`, oldest first.
    pub fn gwd_years(&self, id: &str) -> Result<Vec<(i32, Option<String>, String)>> {
        let mut stmt = self.conn.prepare(
            "SELECT year, etag, fetched_at FROM gwd_value_years WHERE group_id = ?1 ORDER BY year",
        )?;
        let rows = stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// A group's values of one year, by indicator then TERYT.
    pub fn gwd_values(&self, id: &str, year: i32) -> Result<Vec<GwdValueRecord>> {
        let mut stmt = self.conn.prepare(
            "SELECT teryt, name, indicator, year, value, source FROM gwd_values
             WHERE group_id = ?1 AND year = ?2 ORDER BY indicator, teryt",
        )?;
        let rows = stmt.query_map(params![id, year], |r| {
            Ok(GwdValueRecord {
                teryt: r.get(0)?,
                name: r.get(1)?,
                indicator: r.get(2)?,
                year: r.get(3)?,
                value: r.get(4)?,
                source: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Adds a meeting note to a group; its id.
    pub fn add_gwd_note(
        &mut self,
        stamp: &Stamp,
        group: &str,
        year: Option<i32>,
        text: &str,
    ) -> Result<i64> {
        self.write(stamp, "notatka ze spotkania grupy", |tx| {
            tx.execute(
                "INSERT INTO gwd_notes (group_id, year, text, written_at, written_by)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![group, year, text, stamp.at, stamp.by],
            )?;
            Ok((tx.last_insert_rowid(), format!("grupa {group}")))
        })
    }

    /// A group's meeting notes, oldest first.
    pub fn gwd_notes(&self, group: &str) -> Result<Vec<GwdNoteRecord>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, group_id, year, text, written_at, written_by FROM gwd_notes
             WHERE group_id = ?1 ORDER BY written_at, id",
        )?;
        let rows = stmt.query_map([group], |r| {
            Ok(GwdNoteRecord {
                id: r.get(0)?,
                group_id: r.get(1)?,
                year: r.get(2)?,
                text: r.get(3)?,
                written_at: r.get(4)?,
                written_by: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
