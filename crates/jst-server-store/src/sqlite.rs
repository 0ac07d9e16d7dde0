//! SQLite, the embedded default: one file `serwer.db` in the data folder, WAL, every write in an
//! immediate transaction. Migrations are numbered and never edited; a newer database is refused.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior};

use serde_json::json;

use crate::audit::{import_entry, Actor, AuditAction, AuditFilter, AuditRecord};
use crate::records::*;
use crate::rules::RowCheck;
use crate::storage::Storage;
use crate::submission_rules::{decide, UnitCells};
use crate::{Error, Result};

const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/sqlite/0001_initial.sql"),
    include_str!("../migrations/sqlite/0002_submissions.sql"),
    include_str!("../migrations/sqlite/0003_published_means.sql"),
    include_str!("../migrations/sqlite/0004_register_and_sources.sql"),
    include_str!("../migrations/sqlite/0005_budget_plans.sql"),
    include_str!("../migrations/sqlite/0006_gwd.sql"),
    include_str!("../migrations/sqlite/0007_practices.sql"),
    include_str!("../migrations/sqlite/0008_operations.sql"),
];

pub struct SqliteStorage {
    conn: Connection,
    /// Who the audit names for this storage's writes.
    actor: Actor,
}

/// Replaces the remembered published means on `conn` (the transaction of a release).
fn replace_means(conn: &Connection, means: &Published) -> Result<()> {
    conn.execute("DELETE FROM published_means", [])?;
    let mut insert = conn.prepare(
        "INSERT INTO published_means (grp, indicator, year, mean, contributors) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for ((group, indicator, year), (mean, contributors)) in means {
        let list: Vec<&str> = contributors.iter().map(String::as_str).collect();
        insert.execute((group, indicator, year, mean, list.join(",")))?;
    }
    Ok(())
}

/// Records one audit entry on `conn` (the transaction of the change it describes).
fn record(
    conn: &Connection,
    at: &str,
    actor: &Actor,
    action: AuditAction,
    details: serde_json::Value,
) -> Result<()> {
    conn.execute(
        "INSERT INTO audit (at, actor, action, details) VALUES (?1, ?2, ?3, ?4)",
        (at, actor.label(), action.code(), details.to_string()),
    )?;
    Ok(())
}

impl SqliteStorage {
    /// [`SqliteStorage::open`], its writes audited as `actor`'s.
    pub fn open_as(dir: &Path, actor: Actor) -> Result<Self> {
        let mut storage = Self::open(dir)?;
        storage.actor = actor;
        Ok(storage)
    }

    /// Opens `DIR/serwer.db`, creating and migrating it; its writes are audited as the OS
    /// user's ([`Actor::os_user`]).
    pub fn open(dir: &Path) -> Result<Self> {
        std::fs::create_dir_all(dir)
            .map_err(Error::io(format!("nie można utworzyć {}", dir.display())))?;
        let mut conn = Connection::open(dir.join("serwer.db"))?;
        // A command run beside a serving server waits for the write lock rather than failing.
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let latest = MIGRATIONS.len() as i64;
        if found > latest {
            return Err(Error::SchemaTooNew { found, supported: latest });
        }
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", i as i64 + 1)?;
            tx.commit()?;
        }
        Ok(Self { conn, actor: Actor::os_user() })
    }
}

impl Storage for SqliteStorage {
    fn save_catalogue(&mut self, csv: &[u8], rows: usize, version: &str, at: &str) -> Result<()> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO catalogue (id, csv, rows, version, imported_at) VALUES (1, ?1, ?2, ?3, ?4)
             ON CONFLICT (id) DO UPDATE SET csv = excluded.csv, rows = excluded.rows,
                 version = excluded.version, imported_at = excluded.imported_at",
            (csv, rows as i64, version, at),
        )?;
        let details = json!({"version": version, "indicators": rows});
        record(&tx, at, &self.actor, AuditAction::ImportCatalogue, details)?;
        tx.commit()?;
        Ok(())
    }

    fn catalogue(&self) -> Result<Option<(Vec<u8>, String)>> {
        Ok(self
            .conn
            .query_row("SELECT csv, version FROM catalogue WHERE id = 1", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?)
    }

    fn save_register(&mut self, register: &StoredRegister, at: &str) -> Result<()> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO register (id, data, label, as_of, units, imported_at)
             VALUES (1, ?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (id) DO UPDATE SET data = excluded.data, label = excluded.label,
                 as_of = excluded.as_of, units = excluded.units, imported_at = excluded.imported_at",
            (&register.data, &register.label, &register.as_of, register.units as i64, at),
        )?;
        let details = json!({"label": register.label, "units": register.units});
        record(&tx, at, &self.actor, AuditAction::ImportRegister, details)?;
        tx.commit()?;
        Ok(())
    }

    fn register(&self) -> Result<Option<StoredRegister>> {
        Ok(self
            .conn
            .query_row("SELECT data, label, as_of, units FROM register WHERE id = 1", [], |r| {
                Ok(StoredRegister {
                    data: r.get(0)?,
                    label: r.get(1)?,
                    as_of: r.get(2)?,
                    units: r.get::<_, i64>(3)? as usize,
                })
            })
            .optional()?)
    }

    fn import(
        &mut self,
        kind: ImportKind,
        rows: &mut dyn Iterator<Item = Result<ImportRow>>,
        source: &str,
        at: &str,
    ) -> Result<DataImport> {
        let result = (|| {
            let (values, plans) = stage(&self.conn, rows, source)?;
            let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let done = merge_staged(&tx, source, at)?;
            let (action, details) = import_entry(kind, source, values, plans, &done);
            record(&tx, at, &self.actor, action, details)?;
            tx.commit()?;
            Ok(done)
        })();
        // The staging tables go whatever happened; a failure to drop them (the connection
        // is going away) must not hide the import's own outcome.
        let _ = self.conn.execute_batch(DROP_STAGING);
        result
    }

    fn plan(&self, indicator: &str, year: i32, teryt: &str) -> Result<Option<f64>> {
        Ok(self
            .conn
            .query_row(
                "SELECT plan FROM budget_plans WHERE indicator = ?1 AND year = ?2 AND teryt = ?3",
                (indicator, year, teryt),
                |r| r.get(0),
            )
            .optional()?)
    }

    fn each_value(&self, visit: &mut dyn FnMut(DataRow) -> Result<()>) -> Result<()> {
        let mut stmt = self.conn.prepare(
            "SELECT teryt, indicator, year, value FROM public_values ORDER BY year, indicator, teryt",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            visit(DataRow {
                teryt: r.get(0)?,
                indicator: r.get(1)?,
                year: r.get(2)?,
                value: r.get(3)?,
            })?;
        }
        Ok(())
    }

    fn latest_release(&self) -> Result<Option<u64>> {
        let v: Option<i64> =
            self.conn.query_row("SELECT max(version) FROM releases", [], |r| r.get(0))?;
        Ok(v.map(|v| v as u64))
    }

    fn record_release(
        &mut self,
        version: u64,
        issued_at: &str,
        expires_at: &str,
        manifest_sha256: &str,
        means: &Published,
    ) -> Result<()> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO releases (version, issued_at, expires_at, manifest_sha256) VALUES (?1, ?2, ?3, ?4)",
            (version as i64, issued_at, expires_at, manifest_sha256),
        )?;
        replace_means(&tx, means)?;
        let details = json!({
            "version": version, "expires_at": expires_at, "manifest_sha256": manifest_sha256,
        });
        record(&tx, issued_at, &self.actor, AuditAction::ReleaseBuild, details)?;
        tx.commit()?;
        Ok(())
    }

    fn add_token(&mut self, teryt: &str, token_sha256: &str, at: &str) -> Result<i64> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO tokens (teryt, token_sha256, issued_at) VALUES (?1, ?2, ?3)",
            (teryt, token_sha256, at),
        )?;
        let id = tx.last_insert_rowid();
        record(&tx, at, &self.actor, AuditAction::TokenIssue, json!({"unit": teryt, "id": id}))?;
        tx.commit()?;
        Ok(id)
    }

    fn revoke_tokens(&mut self, teryt: &str, at: &str) -> Result<usize> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let ids: Vec<i64> = {
            let mut stmt = tx.prepare(
                "UPDATE tokens SET revoked_at = ?2 WHERE teryt = ?1 AND revoked_at IS NULL
                 RETURNING id",
            )?;
            let rows = stmt.query_map((teryt, at), |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        let mut ids = ids;
        ids.sort_unstable();
        let details = json!({"unit": teryt, "ids": ids});
        record(&tx, at, &self.actor, AuditAction::TokenRevoke, details)?;
        tx.commit()?;
        Ok(ids.len())
    }

    fn revoke_token(&mut self, id: i64, at: &str) -> Result<TokenRevocation> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let found = tx
            .query_row("SELECT teryt, revoked_at FROM tokens WHERE id = ?1", [id], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
            })
            .optional()?;
        let outcome = match found {
            None => TokenRevocation::Unknown,
            Some((unit, Some(revoked_at))) => TokenRevocation::AlreadyRevoked { unit, revoked_at },
            Some((unit, None)) => {
                tx.execute("UPDATE tokens SET revoked_at = ?2 WHERE id = ?1", (id, at))?;
                let details = json!({"unit": unit, "ids": [id]});
                record(&tx, at, &self.actor, AuditAction::TokenRevoke, details)?;
                TokenRevocation::Revoked { unit }
            }
        };
        tx.commit()?;
        Ok(outcome)
    }

    fn tokens(&self, unit: Option<&str>) -> Result<Vec<TokenRecord>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, teryt, issued_at, revoked_at, last_used_on FROM tokens
             WHERE ?1 IS NULL OR teryt = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([unit], |r| {
            Ok(TokenRecord {
                id: r.get(0)?,
                unit: r.get(1)?,
                issued_at: r.get(2)?,
                revoked_at: r.get(3)?,
                last_used_on: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn touch_token(&mut self, id: i64, day: &str) -> Result<()> {
        self.conn.execute("UPDATE tokens SET last_used_on = ?2 WHERE id = ?1", (id, day))?;
        Ok(())
    }

    fn close_period(&mut self, year: i32, at: &str) -> Result<bool> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let closed = tx.execute(
            "INSERT OR IGNORE INTO closed_periods (year, closed_at) VALUES (?1, ?2)",
            (year, at),
        )? > 0;
        let details = json!({"year": year, "already_closed": !closed});
        record(&tx, at, &self.actor, AuditAction::PeriodClose, details)?;
        tx.commit()?;
        Ok(closed)
    }

    fn contributions(&self) -> Result<Vec<Contribution>> {
        let mut stmt = self.conn.prepare(
            "SELECT teryt, indicator, year, value FROM contributions ORDER BY indicator, year, teryt",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn published_means(&self) -> Result<Published> {
        let mut stmt = self
            .conn
            .prepare("SELECT grp, indicator, year, mean, contributors FROM published_means")?;
        let rows = stmt.query_map([], |r| {
            let contributors: String = r.get(4)?;
            Ok((
                (r.get(0)?, r.get(1)?, r.get(2)?),
                (
                    r.get(3)?,
                    contributors.split(',').filter(|c| !c.is_empty()).map(str::to_owned).collect(),
                ),
            ))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn save_published_means(&mut self, means: &Published) -> Result<()> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        replace_means(&tx, means)?;
        tx.commit()?;
        Ok(())
    }

    fn token_unit(&self, token_sha256: &str) -> Result<Option<TokenUse>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, teryt, last_used_on FROM tokens
                 WHERE token_sha256 = ?1 AND revoked_at IS NULL",
                [token_sha256],
                |r| Ok(TokenUse { id: r.get(0)?, unit: r.get(1)?, last_used_on: r.get(2)? }),
            )
            .optional()?)
    }

    fn submission(&self, id: &str) -> Result<Option<(String, String, String)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT teryt, body_sha256, response FROM submissions WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?)
    }

    fn apply_submission(
        &mut self,
        key: &SubmissionKey,
        items: &[SubmittedItem],
        at: &str,
        respond: &dyn Fn(&[ItemOutcome]) -> String,
    ) -> Result<Applied> {
        let SubmissionKey { id, token_id, teryt, body_sha256 } = key;
        let (id, teryt, body_sha256) = (id.as_str(), teryt.as_str(), body_sha256.as_str());
        // An immediate transaction holds the one write lock of the file from here: no other
        // connection can store this id between the look and the insert.
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let existing = tx
            .query_row(
                "SELECT teryt, body_sha256, response FROM submissions WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        if let Some((teryt, body_sha256, response)) = existing {
            return Ok(Applied::Existing { teryt, body_sha256, response });
        }
        let catalogue: Option<Vec<u8>> =
            tx.query_row("SELECT csv FROM catalogue WHERE id = 1", [], |r| r.get(0)).optional()?;
        let outcomes = {
            let mut cells = SqliteCells {
                tx: &tx,
                teryt,
                at,
                closed: tx.prepare("SELECT 1 FROM closed_periods WHERE year = ?1")?,
                known: tx.prepare("SELECT 1 FROM public_values WHERE indicator = ?1 LIMIT 1")?,
                find: tx.prepare(
                    "SELECT value, rev FROM contributions WHERE teryt = ?1 AND indicator = ?2 AND year = ?3",
                )?,
            };
            decide(items, catalogue.as_deref(), &mut cells)?
        };
        let response = respond(&outcomes);
        tx.execute(
            "INSERT INTO submissions (id, token_id, teryt, body_sha256, response, received_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            (id, token_id, teryt, body_sha256, &response, at),
        )?;
        tx.commit()?;
        Ok(Applied::Stored(response))
    }

    fn create_gwd(
        &mut self,
        name: &str,
        area: &str,
        indicators: &[String],
        at: &str,
    ) -> Result<i64> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let taken = tx
            .query_row("SELECT id FROM gwd_groups WHERE name = ?1", [name], |r| r.get::<_, i64>(0))
            .optional()?;
        if let Some(id) = taken {
            return Err(Error::Invalid(format!(
                "grupa o nazwie „{name}” już istnieje (nr {id}); nic nie zapisano"
            )));
        }
        tx.execute(
            "INSERT INTO gwd_groups (name, area, created_at) VALUES (?1, ?2, ?3)",
            (name, area, at),
        )?;
        let id = tx.last_insert_rowid();
        {
            let mut insert = tx.prepare(
                "INSERT INTO gwd_indicators (group_id, position, indicator) VALUES (?1, ?2, ?3)",
            )?;
            for (position, code) in indicators.iter().enumerate() {
                insert.execute((id, position as i64, code))?;
            }
        }
        let details = json!({"group": id, "name": name, "area": area, "indicators": indicators});
        record(&tx, at, &self.actor, AuditAction::GwdCreate, details)?;
        tx.commit()?;
        Ok(id)
    }

    fn add_gwd_member(&mut self, group: i64, member: &GwdMember) -> Result<()> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let current = tx
            .query_row(
                "SELECT consent_reference FROM gwd_members
                 WHERE group_id = ?1 AND teryt = ?2 AND removed_at IS NULL",
                (group, &member.teryt),
                |r| r.get::<_, String>(0),
            )
            .optional()?;
        if let Some(reference) = current {
            return Err(Error::Invalid(format!(
                "jednostka {} już należy do grupy {group} (zgoda „{reference}”); nic nie zapisano",
                member.teryt
            )));
        }
        tx.execute(
            "INSERT INTO gwd_members (group_id, teryt, consent_reference, consent_date, added_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            (
                group,
                &member.teryt,
                &member.consent_reference,
                &member.consent_date,
                &member.added_at,
            ),
        )?;
        let details = json!({
            "group": group, "unit": member.teryt, "consent_reference": member.consent_reference,
            "consent_date": member.consent_date,
        });
        record(&tx, &member.added_at, &self.actor, AuditAction::GwdAdd, details)?;
        tx.commit()?;
        Ok(())
    }

    fn remove_gwd_member(&mut self, group: i64, teryt: &str, at: &str) -> Result<bool> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let removed = tx.execute(
            "UPDATE gwd_members SET removed_at = ?3
             WHERE group_id = ?1 AND teryt = ?2 AND removed_at IS NULL",
            (group, teryt, at),
        )? > 0;
        if removed {
            let details = json!({"group": group, "unit": teryt});
            record(&tx, at, &self.actor, AuditAction::GwdRemove, details)?;
        }
        tx.commit()?;
        Ok(removed)
    }

    fn gwd_groups(&self) -> Result<Vec<GwdGroup>> {
        let mut groups: Vec<GwdGroup> = {
            let mut stmt = self
                .conn
                .prepare("SELECT id, name, area, created_at FROM gwd_groups ORDER BY id")?;
            let rows = stmt.query_map([], |r| {
                Ok(GwdGroup {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    area: r.get(2)?,
                    indicators: Vec::new(),
                    created_at: r.get(3)?,
                    members: Vec::new(),
                })
            })?;
            rows.collect::<Result<_, _>>()?
        };
        let mut codes = self.conn.prepare(
            "SELECT indicator FROM gwd_indicators WHERE group_id = ?1 ORDER BY position",
        )?;
        for group in &mut groups {
            group.indicators =
                codes.query_map([group.id], |r| r.get(0))?.collect::<Result<_, _>>()?;
            group.members = self.gwd_members(group.id)?;
        }
        Ok(groups)
    }

    fn gwd_values(&self, group: &GwdGroup, year: i32) -> Result<Vec<GwdValue>> {
        let mut contributed = self.conn.prepare(
            "SELECT value FROM contributions WHERE teryt = ?1 AND indicator = ?2 AND year = ?3",
        )?;
        let mut public = self.conn.prepare(
            "SELECT value FROM public_values WHERE indicator = ?1 AND year = ?2 AND teryt = ?3",
        )?;
        let mut out = Vec::new();
        for member in &group.members {
            for indicator in &group.indicators {
                let teryt = member.teryt.as_str();
                let own = contributed
                    .query_row((teryt, indicator, year), |r| r.get::<_, f64>(0))
                    .optional()?;
                let found = match own {
                    Some(value) => Some((value, GwdSource::Contributed)),
                    None => public
                        .query_row((indicator, year, teryt), |r| r.get::<_, f64>(0))
                        .optional()?
                        .map(|value| (value, GwdSource::Public)),
                };
                if let Some((value, source)) = found {
                    out.push(GwdValue {
                        teryt: teryt.to_owned(),
                        indicator: indicator.clone(),
                        value,
                        source,
                    });
                }
            }
        }
        Ok(out)
    }
    fn save_practices(
        &mut self,
        practices: &[NewPractice],
        status: PracticeStatus,
        proposed_by: Option<&str>,
        at: &str,
    ) -> Result<Vec<i64>> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut ids = Vec::with_capacity(practices.len());
        {
            let mut attach = tx.prepare(
                "INSERT INTO practice_attachments (sha256, media_type, size, bytes)
                 VALUES (?1, ?2, ?3, ?4) ON CONFLICT (sha256) DO NOTHING",
            )?;
            let mut insert = tx.prepare(
                "INSERT INTO practices (status, document, proposed_by, created_at, published_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            let published_at = (status == PracticeStatus::Published).then_some(at);
            for new in practices {
                for (meta, bytes) in &new.attachments {
                    attach.execute((
                        &meta.sha256,
                        meta.media_type.code(),
                        meta.size as i64,
                        bytes,
                    ))?;
                }
                let document = serde_json::to_string(&new.practice)
                    .map_err(|e| Error::Invalid(format!("praktyka: {e}")))?;
                insert.execute((status.code(), &document, proposed_by, at, published_at))?;
                ids.push(tx.last_insert_rowid());
            }
        }
        let attachments: usize = practices.iter().map(|p| p.attachments.len()).sum();
        match proposed_by {
            Some(unit) => {
                let details = json!({"ids": ids, "unit": unit, "status": status.code()});
                let actor = Actor::Unit(unit.to_owned());
                record(&tx, at, &actor, AuditAction::PracticePropose, details)?;
            }
            None => {
                let details =
                    json!({"ids": ids, "status": status.code(), "attachments": attachments});
                record(&tx, at, &self.actor, AuditAction::PracticesImport, details)?;
            }
        }
        tx.commit()?;
        Ok(ids)
    }

    fn practices(&self) -> Result<Vec<StoredPractice>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, status, document, proposed_by, created_at, published_at
             FROM practices ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, Option<String>>(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, status, document, proposed_by, created_at, published_at) = row?;
            let stored = (id, status.as_str(), document.as_str());
            out.push(StoredPractice::decode(stored, proposed_by, created_at, published_at)?);
        }
        Ok(out)
    }

    fn publish_practice(&mut self, id: i64, at: &str) -> Result<bool> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let published = tx.execute(
            "UPDATE practices SET status = 'published', published_at = ?2
             WHERE id = ?1 AND status = 'proposed'",
            (id, at),
        )? > 0;
        if published {
            record(&tx, at, &self.actor, AuditAction::PracticesPublish, json!({"id": id}))?;
        }
        tx.commit()?;
        Ok(published)
    }

    fn remove_practice(&mut self, id: i64, at: &str) -> Result<bool> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let removed = tx.execute("DELETE FROM practices WHERE id = ?1", [id])? > 0;
        if removed {
            record(&tx, at, &self.actor, AuditAction::PracticesRemove, json!({"id": id}))?;
            // An attachment stays while any practice still names its hash.
            tx.execute(
                "DELETE FROM practice_attachments WHERE NOT EXISTS (
                     SELECT 1 FROM practices
                     WHERE instr(document, '\"' || practice_attachments.sha256 || '\"') > 0)",
                [],
            )?;
        }
        tx.commit()?;
        Ok(removed)
    }

    fn attachment(&self, sha256: &str) -> Result<Option<Vec<u8>>> {
        Ok(self
            .conn
            .query_row("SELECT bytes FROM practice_attachments WHERE sha256 = ?1", [sha256], |r| {
                r.get(0)
            })
            .optional()?)
    }

    fn release_status(&self) -> Result<Option<ReleaseStatus>> {
        Ok(self
            .conn
            .query_row(
                "SELECT version, issued_at FROM releases ORDER BY version DESC LIMIT 1",
                [],
                |r| Ok(ReleaseStatus { version: r.get::<_, i64>(0)? as u64, issued_at: r.get(1)? }),
            )
            .optional()?)
    }

    fn audit(&self, filter: &AuditFilter) -> Result<Vec<AuditRecord>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, at, actor, action, details FROM audit
             WHERE (?1 IS NULL OR at >= ?1) AND (?2 IS NULL OR action = ?2) ORDER BY id",
        )?;
        let action = filter.action.map(AuditAction::code);
        let rows = stmt.query_map((filter.since.as_deref(), action), |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, at, actor, action, details) = row?;
            let action = AuditAction::from_code(&action).ok_or_else(|| {
                Error::Invalid(format!("wpis audytu nr {id}: nieznana czynność „{action}”"))
            })?;
            let details = serde_json::from_str(&details).unwrap_or(serde_json::Value::Null);
            out.push(AuditRecord { id, at, actor, action, details });
        }
        Ok(out)
    }
}

impl SqliteStorage {
    fn gwd_members(&self, group: i64) -> Result<Vec<GwdMember>> {
        let mut stmt = self.conn.prepare(
            "SELECT teryt, consent_reference, consent_date, added_at FROM gwd_members
             WHERE group_id = ?1 AND removed_at IS NULL ORDER BY teryt",
        )?;
        let rows = stmt.query_map([group], |r| {
            Ok(GwdMember {
                teryt: r.get(0)?,
                consent_reference: r.get(1)?,
                consent_date: r.get(2)?,
                added_at: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// The submitting unit's contributions within the submission's immediate transaction.
struct SqliteCells<'t> {
    tx: &'t rusqlite::Transaction<'t>,
    teryt: &'t str,
    at: &'t str,
    closed: rusqlite::Statement<'t>,
    known: rusqlite::Statement<'t>,
    find: rusqlite::Statement<'t>,
}

impl UnitCells for SqliteCells<'_> {
    fn has_public_values(&mut self, indicator: &str) -> Result<bool> {
        Ok(self.known.query_row([indicator], |_| Ok(())).optional()?.is_some())
    }

    fn period_closed(&mut self, year: i32) -> Result<bool> {
        Ok(self.closed.query_row([year], |_| Ok(())).optional()?.is_some())
    }

    fn current(&mut self, indicator: &str, year: i32) -> Result<Option<(f64, i64)>> {
        Ok(self
            .find
            .query_row((self.teryt, indicator, year), |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    }

    fn insert(&mut self, item: &SubmittedItem, value: f64) -> Result<()> {
        self.tx.execute(
            "INSERT INTO contributions (teryt, indicator, year, value, status, rev, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6)",
            (self.teryt, &item.indicator, item.year, value, &item.status, self.at),
        )?;
        Ok(())
    }

    fn replace(&mut self, item: &SubmittedItem, value: f64, old: f64, rev: i64) -> Result<()> {
        let (teryt, at) = (self.teryt, self.at);
        self.tx.execute(
            "INSERT INTO contribution_history (teryt, indicator, year, value, rev, replaced_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            (teryt, &item.indicator, item.year, old, rev, at),
        )?;
        self.tx.execute(
            "UPDATE contributions SET value = ?4, status = ?5, rev = rev + 1, updated_at = ?6
             WHERE teryt = ?1 AND indicator = ?2 AND year = ?3",
            (teryt, &item.indicator, item.year, value, &item.status, at),
        )?;
        Ok(())
    }
}

/// Values with their revision history: new ones inserted, changed ones put into the history
/// first, equal ones left as they are.
/// The staging tables of an import, in the connection's TEMP database: rows land there as
/// they are read (never in memory all at once, never in the main file's WAL), and the public
/// tables change only in the one transaction of [`merge_staged`]. An error before that leaves
/// them as they were: all or nothing.
const CREATE_STAGING: &str = "
    DROP TABLE IF EXISTS temp.import_rows;
    DROP TABLE IF EXISTS temp.import_values;
    CREATE TEMP TABLE import_rows (
        seq        INTEGER PRIMARY KEY,
        plan       INTEGER NOT NULL,
        indicator  TEXT NOT NULL,
        year       INTEGER NOT NULL,
        teryt      TEXT NOT NULL,
        value      REAL NOT NULL
    );
    CREATE TEMP TABLE import_values (
        indicator  TEXT NOT NULL,
        year       INTEGER NOT NULL,
        teryt      TEXT NOT NULL,
        value      REAL NOT NULL,
        PRIMARY KEY (indicator, year, teryt)
    ) WITHOUT ROWID;
";

const DROP_STAGING: &str =
    "DROP TABLE IF EXISTS temp.import_rows; DROP TABLE IF EXISTS temp.import_values;";

/// Creates the staging tables and appends every row in arrival order, checking each value
/// as it comes; returns how many values and plans were read. Then keeps one value per key,
/// the last one read: a file that names a cell twice means its later line, as a person
/// reading it would (before staging, the second occurrence was applied as a revision of the
/// first, with a history row between two values of one import).
fn stage(
    conn: &Connection,
    rows: &mut dyn Iterator<Item = Result<ImportRow>>,
    source: &str,
) -> Result<(usize, usize)> {
    conn.execute_batch(CREATE_STAGING)?;
    let (mut values, mut plans) = (0usize, 0usize);
    let mut check = RowCheck::default();
    // The TEMP database is this connection's alone: its transaction locks nothing others
    // use, and batching the appends in it saves a commit per row.
    let tx = conn.unchecked_transaction()?;
    {
        let mut append = tx.prepare(
            "INSERT INTO temp.import_rows (plan, indicator, year, teryt, value)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for row in rows {
            let (plan, r) = match row? {
                ImportRow::Value(r) => {
                    check.value(&r);
                    values += 1;
                    (false, r)
                }
                ImportRow::Plan(r) => {
                    check.plan(&r);
                    plans += 1;
                    (true, r)
                }
            };
            // `+ 0.0` stores -0 as 0. A refused value is not appended: the import fails at
            // the end anyway, once every refused row has been counted.
            if jst_release::publishable(r.value) {
                append.execute((plan, &r.indicator, r.year, &r.teryt, r.value + 0.0))?;
            }
        }
    }
    check.finish(source)?;
    // Sorted by key, later rows replacing earlier ones: the last value of a key wins.
    tx.execute(
        "INSERT OR REPLACE INTO temp.import_values (indicator, year, teryt, value)
         SELECT indicator, year, teryt, value FROM temp.import_rows WHERE plan = 0
         ORDER BY indicator, year, teryt, seq",
        [],
    )?;
    tx.commit()?;
    Ok((values, plans))
}

/// Merges the staged import into the public tables, set by set: a changed value's old value
/// and rev go to the history and it takes the next rev; a new key gets rev 1; an equal value
/// stays as it is. Plans replace the stored plan, later rows over earlier ones.
fn merge_staged(tx: &rusqlite::Transaction<'_>, source: &str, at: &str) -> Result<DataImport> {
    let staged: i64 = tx.query_row("SELECT count(*) FROM temp.import_values", [], |r| r.get(0))?;
    let updated = tx.execute(
        "INSERT INTO value_history (indicator, year, teryt, value, rev, replaced_at, source)
         SELECT p.indicator, p.year, p.teryt, p.value, p.rev, ?1, p.source
         FROM temp.import_values s
         JOIN main.public_values p
           ON p.indicator = s.indicator AND p.year = s.year AND p.teryt = s.teryt
         WHERE p.value <> s.value",
        [at],
    )?;
    // Driven by the changed keys (a search of each by the primary key): as `UPDATE … FROM`,
    // SQLite's planner scans every public value to probe the staging, even for a few changes.
    tx.execute(
        "UPDATE main.public_values AS p
         SET value = (SELECT s.value FROM temp.import_values s
                      WHERE s.indicator = p.indicator AND s.year = p.year AND s.teryt = p.teryt),
             rev = p.rev + 1, updated_at = ?1, source = ?2
         WHERE (p.indicator, p.year, p.teryt) IN (
             SELECT s.indicator, s.year, s.teryt
             FROM temp.import_values s
             JOIN main.public_values q
               ON q.indicator = s.indicator AND q.year = s.year AND q.teryt = s.teryt
             WHERE q.value <> s.value)",
        (at, source),
    )?;
    let inserted = tx.execute(
        "INSERT INTO main.public_values (indicator, year, teryt, value, rev, updated_at, source)
         SELECT s.indicator, s.year, s.teryt, s.value, 1, ?1, ?2
         FROM temp.import_values s
         WHERE NOT EXISTS (
             SELECT 1 FROM main.public_values p
             WHERE p.indicator = s.indicator AND p.year = s.year AND p.teryt = s.teryt)",
        (at, source),
    )?;
    tx.execute(
        "INSERT INTO main.budget_plans (indicator, year, teryt, plan, source, updated_at)
         SELECT indicator, year, teryt, value, ?2, ?1 FROM temp.import_rows WHERE plan = 1
         ORDER BY seq
         ON CONFLICT (indicator, year, teryt) DO UPDATE SET plan = excluded.plan,
             source = excluded.source, updated_at = excluded.updated_at",
        (at, source),
    )?;
    Ok(DataImport { inserted, updated, unchanged: staged as usize - inserted - updated })
}
