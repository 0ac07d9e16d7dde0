//! Saved comparison groups (`custom:NAME`): a name and the identities of its units.

use rusqlite::OptionalExtension;

use super::LocalStore;
use crate::{Result, Stamp};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeerGroupRecord {
    pub name: String,
    /// Unit identities, sorted.
    pub members: Vec<String>,
    pub saved_at: String,
    pub saved_by: String,
}

impl LocalStore {
    /// Creates or replaces the group `name` with exactly `members`.
    pub fn save_peer_group(&mut self, stamp: &Stamp, name: &str, members: &[String]) -> Result<()> {
        self.write(stamp, "grupa porównawcza", |tx| {
            let existed: bool = tx
                .query_row("SELECT 1 FROM peer_groups WHERE name = ?1", [name], |_| Ok(true))
                .optional()?
                .unwrap_or(false);
            tx.execute(
                "INSERT INTO peer_groups (name, saved_at, saved_by) VALUES (?1, ?2, ?3)
                 ON CONFLICT (name) DO UPDATE SET saved_at = excluded.saved_at,
                                                  saved_by = excluded.saved_by",
                (name, &stamp.at, &stamp.by),
            )?;
            tx.execute("DELETE FROM peer_group_members WHERE group_name = ?1", [name])?;
            let mut stmt = tx.prepare(
                "INSERT OR IGNORE INTO peer_group_members (group_name, identity) VALUES (?1, ?2)",
            )?;
            for m in members {
                stmt.execute((name, m))?;
            }
            let verb = if existed { "zmieniono" } else { "zapisano" };
            Ok(((), format!("{verb} „{name}”: {}", members.join(", "))))
        })
    }

    /// Deletes a saved group; `false` when there was none of that name.
    pub fn delete_peer_group(&mut self, stamp: &Stamp, name: &str) -> Result<bool> {
        self.write(stamp, "grupa porównawcza", |tx| {
            let members: Vec<String> = {
                let mut stmt = tx.prepare(
                    "SELECT identity FROM peer_group_members WHERE group_name = ?1 ORDER BY 1",
                )?;
                let rows = stmt.query_map([name], |r| r.get(0))?;
                rows.collect::<Result<_, _>>()?
            };
            let deleted = tx.execute("DELETE FROM peer_groups WHERE name = ?1", [name])? > 0;
            // The audit line keeps the members, so a deleted group can be rebuilt by hand.
            Ok((deleted, format!("usunięto „{name}”: {}", members.join(", "))))
        })
    }

    pub fn peer_group(&self, name: &str) -> Result<Option<PeerGroupRecord>> {
        Ok(self.peer_groups()?.into_iter().find(|g| g.name == name))
    }

    /// Every saved group, by name.
    pub fn peer_groups(&self) -> Result<Vec<PeerGroupRecord>> {
        let mut stmt = self.conn.prepare(
            "SELECT g.name, g.saved_at, g.saved_by, m.identity
             FROM peer_groups g LEFT JOIN peer_group_members m ON m.group_name = g.name
             ORDER BY g.name, m.identity",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
            ))
        })?;
        let mut groups: Vec<PeerGroupRecord> = Vec::new();
        for row in rows {
            let (name, saved_at, saved_by, identity) = row?;
            if groups.last().is_none_or(|g| g.name != name) {
                groups.push(PeerGroupRecord { name, members: Vec::new(), saved_at, saved_by });
            }
            if let (Some(g), Some(identity)) = (groups.last_mut(), identity) {
                g.members.push(identity);
            }
        }
        Ok(groups)
    }
}
