//! The server's storage: a trait with what the commands need, and SQLite as the embedded
//! default (a PostgreSQL backend implements the same trait). Migrations are numbered and never
//! edited; a newer database is refused.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior};

use serde_json::json;

use crate::audit::{Actor, AuditAction, AuditFilter, AuditRecord};
use crate::{Error, Result};

const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_initial.sql"),
    include_str!("../migrations/0002_submissions.sql"),
    include_str!("../migrations/0003_published_means.sql"),
    include_str!("../migrations/0004_register_and_sources.sql"),
    include_str!("../migrations/0005_budget_plans.sql"),
    include_str!("../migrations/0006_gwd.sql"),
    include_str!("../migrations/0007_practices.sql"),
    include_str!("../migrations/0008_operations.sql"),
];

/// One public value as imported or published: TERYT as in the file (7-digit gmina, 4-digit powiat).
#[derive(Debug, Clone, PartialEq)]
pub struct DataRow {
    pub teryt: String,
    pub indicator: String,
    pub year: i32,
    pub value: f64,
}

/// Why `value` cannot be stored, or `None` when it can: every number the server keeps (public
/// values, budget plans, contributions) is finite with |x| ≤ 10^15, the bound every reader of a
/// release accepts ([`jst_release::MAX_ABS`], DESIGN §6 and G10). Larger magnitudes are no
/// municipal quantity (the largest budget is ~10^11 zł, in grosze ~10^13), and they could
/// overflow a group's sum into `inf`.
pub(crate) fn value_problem(value: f64) -> Option<String> {
    (!jst_release::publishable(value)).then(|| {
        format!("wartość {value} nie jest liczbą skończoną o wartości bezwzględnej do 10^15")
    })
}

/// How many refused rows an error lists by name before it only counts the rest.
const LISTED_ROWS: usize = 5;

/// Every row's value checked before anything is written. All imports (`import data`,
/// `bdl-csv`, `bdl`, `mf`) reach the store through [`Storage::upsert_values_from`] or
/// [`Storage::upsert_budget`], and every backend calls this first: it is the one gate for
/// values from files and from the network. The error names the source and each row (TERYT,
/// indicator, year); nothing is written.
pub fn check_rows(rows: &[DataRow], plans: &[DataRow], source: &str) -> Result<()> {
    let bad: Vec<String> = rows
        .iter()
        .map(|r| ("", r))
        .chain(plans.iter().map(|r| ("plan ", r)))
        .filter_map(|(what, r)| {
            value_problem(r.value)
                .map(|why| format!("{what}wiersz {};{};{}: {why}", r.teryt, r.indicator, r.year))
        })
        .collect();
    if bad.is_empty() {
        return Ok(());
    }
    let mut message =
        format!("{source}: nic nie zapisano; {}", bad[..bad.len().min(LISTED_ROWS)].join("; "));
    if bad.len() > LISTED_ROWS {
        message.push_str(&format!(" (i {} innych wierszy)", bad.len() - LISTED_ROWS));
    }
    Err(Error::Invalid(message))
}

/// A TERC file the association imported, as it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRegister {
    pub data: Vec<u8>,
    /// `TERC YYYY-MM-DD`, as the release manifest names it.
    pub label: String,
    pub as_of: String,
    pub units: usize,
}

/// A unit token as listed: never the token itself nor its hash (the id tells tokens apart).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TokenRecord {
    pub id: i64,
    /// The unit's TERYT.
    pub unit: String,
    pub issued_at: String,
    pub revoked_at: Option<String>,
    /// The last day (`YYYY-MM-DD`, UTC) an API request authenticated with it.
    pub last_used_on: Option<String>,
}

/// An active token found by its hash: what the API needs to know of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenUse {
    pub id: i64,
    /// The unit's TERYT.
    pub unit: String,
    pub last_used_on: Option<String>,
}

/// What `revoke_token` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenRevocation {
    /// Revoked now; the unit it belonged to.
    Revoked { unit: String },
    /// It had been revoked already, at that time.
    AlreadyRevoked { unit: String, revoked_at: String },
    /// No token has this id.
    Unknown,
}

/// The latest release as recorded: its version and when it was issued (RFC 3339).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReleaseStatus {
    pub version: u64,
    pub issued_at: String,
}

/// What an import of public data did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DataImport {
    pub inserted: usize,
    pub updated: usize,
    pub unchanged: usize,
}

/// One item of a submission as the server decided it (DESIGN §7).
#[derive(Debug, Clone, PartialEq)]
pub struct ItemOutcome {
    /// `imported | updated | unchanged | conflict | invalid | period_closed`
    pub result: &'static str,
    pub server_rev: Option<i64>,
    /// The server's value when it differs from what was sent (a conflict).
    pub server_value: Option<f64>,
    pub message: Option<String>,
}

/// Who sent a submission and what exactly: the idempotency key, the token and the body's hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubmissionKey {
    pub id: String,
    pub token_id: i64,
    pub teryt: String,
    pub body_sha256: String,
}

/// A submitted item as sent.
#[derive(Debug, Clone, PartialEq)]
pub struct SubmittedItem {
    pub indicator: String,
    pub year: i32,
    pub value: f64,
    pub status: Option<String>,
    pub base_server_rev: Option<i64>,
}

/// An experience-exchange group (GWD) with its current members.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct GwdGroup {
    pub id: i64,
    pub name: String,
    pub area: String,
    /// Catalogue codes, in the order the association gave them.
    pub indicators: Vec<String>,
    pub created_at: String,
    /// Current members by TERYT; units that left are not here.
    pub members: Vec<GwdMember>,
}

/// A member of a group and the signed consent its membership rests on.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct GwdMember {
    pub teryt: String,
    /// The consent document's reference as the association files it (e.g. a letter's number).
    pub consent_reference: String,
    /// The consent's date, `YYYY-MM-DD`.
    pub consent_date: String,
    pub added_at: String,
}

/// Where a value shown to a group comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GwdSource {
    /// The member sent it (a submission the server accepted).
    Contributed,
    /// The server's imported public data, used when the member sent nothing for that cell.
    Public,
}

/// One member's value of one of the group's indicators for a year.
#[derive(Debug, Clone, PartialEq)]
pub struct GwdValue {
    pub teryt: String,
    pub indicator: String,
    pub value: f64,
    pub source: GwdSource,
}

/// Where a practice stands: proposed by a unit (moderated, never in a release) or published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PracticeStatus {
    Proposed,
    Published,
}

impl PracticeStatus {
    pub fn code(self) -> &'static str {
        match self {
            Self::Proposed => "proposed",
            Self::Published => "published",
        }
    }
}

/// A checked practice and the bytes of its attachments, ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct NewPractice {
    pub practice: crate::practices::Practice,
    pub attachments: Vec<(crate::practices::Attachment, Vec<u8>)>,
}

/// A stored practice (its `id` set) with its moderation state.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredPractice {
    pub practice: crate::practices::Practice,
    pub status: PracticeStatus,
    pub proposed_by: Option<String>,
    pub created_at: String,
    pub published_at: Option<String>,
}

/// What the server keeps. Every method that writes records its entry of the audit
/// ([`crate::AuditAction`]) in the same transaction as the change: the actor is the one the
/// storage was opened for ([`Actor::os_user`] for a command), or `api:<teryt>` for a unit's
/// proposal; details never hold a token, its hash or a contributed value.
pub trait Storage {
    fn save_catalogue(&mut self, csv: &[u8], rows: usize, version: &str, at: &str) -> Result<()>;
    /// The catalogue CSV and its version.
    fn catalogue(&self) -> Result<Option<(Vec<u8>, String)>>;
    /// Upserts by (teryt, indicator, year); a changed value gets the next rev and its old value
    /// goes to the history. All or nothing.
    fn upsert_values_from(
        &mut self,
        rows: &[DataRow],
        source: &str,
        at: &str,
    ) -> Result<DataImport>;
    /// Values of a plain `import data` file.
    fn upsert_values(&mut self, rows: &[DataRow], at: &str) -> Result<DataImport> {
        self.upsert_values_from(rows, "import data", at)
    }
    /// Budget execution as public values and its plan beside, in one transaction.
    fn upsert_budget(
        &mut self,
        rows: &[DataRow],
        plans: &[DataRow],
        source: &str,
        at: &str,
    ) -> Result<DataImport>;
    /// The stored plan of a unit's indicator and year.
    fn plan(&self, indicator: &str, year: i32, teryt: &str) -> Result<Option<f64>>;
    /// Replaces the imported register (the raw TERC file, so releases carry it as imported).
    fn save_register(&mut self, register: &StoredRegister, at: &str) -> Result<()>;
    /// The imported register, when there is one.
    fn register(&self) -> Result<Option<StoredRegister>>;
    /// Every public value, ordered by year, indicator and TERYT.
    fn all_values(&self) -> Result<Vec<DataRow>>;
    fn latest_release(&self) -> Result<Option<u64>>;
    fn record_release(
        &mut self,
        version: u64,
        issued_at: &str,
        expires_at: &str,
        manifest_sha256: &str,
    ) -> Result<()>;
    fn add_token(&mut self, teryt: &str, token_sha256: &str, at: &str) -> Result<i64>;
    /// Revokes every active token of a unit; returns how many.
    fn revoke_tokens(&mut self, teryt: &str, at: &str) -> Result<usize>;
    /// Revokes one token by its id.
    fn revoke_token(&mut self, id: i64, at: &str) -> Result<TokenRevocation>;
    /// Every token (of one unit, when given), by id.
    fn tokens(&self, unit: Option<&str>) -> Result<Vec<TokenRecord>>;
    fn tokens_of(&self, teryt: &str) -> Result<Vec<TokenRecord>> {
        self.tokens(Some(teryt))
    }
    /// Notes that token `id` was used on `day` (`YYYY-MM-DD`). Not audited: it is no one's
    /// decision, and the API calls it at most once a day per token.
    fn touch_token(&mut self, id: i64, day: &str) -> Result<()>;
    fn close_period(&mut self, year: i32, at: &str) -> Result<bool>;
    /// Every contributed value: (TERYT, indicator, year, value).
    fn contributions(&self) -> Result<Vec<crate::aggregates::Contribution>>;
    fn published_means(&self) -> Result<crate::aggregates::Published>;
    /// Replaces the remembered published means.
    fn save_published_means(&mut self, means: &crate::aggregates::Published) -> Result<()>;
    /// The active token with this hash.
    fn token_unit(&self, token_sha256: &str) -> Result<Option<TokenUse>>;
    /// A stored submission: (unit TERYT, body hash, response JSON).
    fn submission(&self, id: &str) -> Result<Option<(String, String, String)>>;
    /// Decides every item against the stored contributions and stores the submission with the
    /// response `respond` builds from the outcomes, in one transaction.
    fn apply_submission(
        &mut self,
        key: &SubmissionKey,
        items: &[SubmittedItem],
        at: &str,
        respond: &dyn Fn(&[ItemOutcome]) -> String,
    ) -> Result<String>;
    /// Stores a new group (its name not yet taken) and returns its id.
    fn create_gwd(
        &mut self,
        name: &str,
        area: &str,
        indicators: &[String],
        at: &str,
    ) -> Result<i64>;
    /// Makes `member` a current member of group `group` (which exists and where it is not one).
    fn add_gwd_member(&mut self, group: i64, member: &GwdMember) -> Result<()>;
    /// Ends the current membership of `teryt` in `group`; false when it was no member.
    fn remove_gwd_member(&mut self, group: i64, teryt: &str, at: &str) -> Result<bool>;
    /// Every group with its current members, by id.
    fn gwd_groups(&self) -> Result<Vec<GwdGroup>>;
    /// The groups `teryt` is a current member of.
    fn gwd_groups_of(&self, teryt: &str) -> Result<Vec<GwdGroup>> {
        Ok(self
            .gwd_groups()?
            .into_iter()
            .filter(|g| g.members.iter().any(|m| m.teryt == teryt))
            .collect())
    }
    /// For every current member of `group` and each of its indicators: the member's accepted
    /// contribution for `year`, else the public value, else nothing. By TERYT, then by the
    /// group's order of indicators.
    fn gwd_values(&self, group: &GwdGroup, year: i32) -> Result<Vec<GwdValue>>;
    /// Stores checked practices with `status` and their attachments, all or nothing; returns
    /// their ids in order.
    fn save_practices(
        &mut self,
        practices: &[NewPractice],
        status: PracticeStatus,
        proposed_by: Option<&str>,
        at: &str,
    ) -> Result<Vec<i64>>;
    /// Every practice, by id.
    fn practices(&self) -> Result<Vec<StoredPractice>>;
    /// Publishes a proposed practice; false when there is none with this id.
    fn publish_practice(&mut self, id: i64, at: &str) -> Result<bool>;
    /// Removes a practice and the attachments no other practice uses; false when none had it.
    fn remove_practice(&mut self, id: i64, at: &str) -> Result<bool>;
    /// The bytes of an attachment.
    fn attachment(&self, sha256: &str) -> Result<Option<Vec<u8>>>;
    /// The latest release recorded. It is also the health check's question: a storage that
    /// cannot answer it is down.
    fn release_status(&self) -> Result<Option<ReleaseStatus>>;
    /// The audit, oldest first.
    fn audit(&self, filter: &AuditFilter) -> Result<Vec<AuditRecord>>;
}

pub struct SqliteStorage {
    conn: Connection,
    /// Who the audit names for this storage's writes.
    actor: Actor,
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

    fn upsert_values_from(
        &mut self,
        rows: &[DataRow],
        source: &str,
        at: &str,
    ) -> Result<DataImport> {
        check_rows(rows, &[], source)?;
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let done = upsert_in(&tx, rows, source, at)?;
        let details = json!({
            "source": source, "rows": rows.len(), "inserted": done.inserted,
            "updated": done.updated, "unchanged": done.unchanged,
        });
        record(&tx, at, &self.actor, AuditAction::ImportValues, details)?;
        tx.commit()?;
        Ok(done)
    }

    fn upsert_budget(
        &mut self,
        rows: &[DataRow],
        plans: &[DataRow],
        source: &str,
        at: &str,
    ) -> Result<DataImport> {
        check_rows(rows, plans, source)?;
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let done = upsert_in(&tx, rows, source, at)?;
        {
            let mut plan = tx.prepare(
                "INSERT INTO budget_plans (indicator, year, teryt, plan, source, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (indicator, year, teryt) DO UPDATE SET plan = excluded.plan,
                     source = excluded.source, updated_at = excluded.updated_at",
            )?;
            for p in plans {
                // `+ 0.0` stores -0 as 0.
                plan.execute((&p.indicator, p.year, &p.teryt, p.value + 0.0, source, at))?;
            }
        }
        let details = json!({
            "source": source, "rows": rows.len(), "plans": plans.len(),
            "inserted": done.inserted, "updated": done.updated, "unchanged": done.unchanged,
        });
        record(&tx, at, &self.actor, AuditAction::ImportBudget, details)?;
        tx.commit()?;
        Ok(done)
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

    fn all_values(&self) -> Result<Vec<DataRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT teryt, indicator, year, value FROM public_values ORDER BY year, indicator, teryt",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(DataRow {
                teryt: r.get(0)?,
                indicator: r.get(1)?,
                year: r.get(2)?,
                value: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
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
    ) -> Result<()> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO releases (version, issued_at, expires_at, manifest_sha256) VALUES (?1, ?2, ?3, ?4)",
            (version as i64, issued_at, expires_at, manifest_sha256),
        )?;
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

    fn contributions(&self) -> Result<Vec<crate::aggregates::Contribution>> {
        let mut stmt = self.conn.prepare(
            "SELECT teryt, indicator, year, value FROM contributions ORDER BY indicator, year, teryt",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn published_means(&self) -> Result<crate::aggregates::Published> {
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

    fn save_published_means(&mut self, means: &crate::aggregates::Published) -> Result<()> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute("DELETE FROM published_means", [])?;
        {
            let mut insert = tx.prepare(
                "INSERT INTO published_means (grp, indicator, year, mean, contributors) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for ((group, indicator, year), (mean, contributors)) in means {
                let list: Vec<&str> = contributors.iter().map(String::as_str).collect();
                insert.execute((group, indicator, year, mean, list.join(",")))?;
            }
        }
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
    ) -> Result<String> {
        let SubmissionKey { id, token_id, teryt, body_sha256 } = key;
        let (id, teryt, body_sha256) = (id.as_str(), teryt.as_str(), body_sha256.as_str());
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut outcomes = Vec::with_capacity(items.len());
        {
            let mut closed = tx.prepare("SELECT 1 FROM closed_periods WHERE year = ?1")?;
            let mut known =
                tx.prepare("SELECT 1 FROM public_values WHERE indicator = ?1 LIMIT 1")?;
            let catalogue: Option<Vec<u8>> = tx
                .query_row("SELECT csv FROM catalogue WHERE id = 1", [], |r| r.get(0))
                .optional()?;
            let in_catalogue = |code: &str| {
                catalogue.as_ref().is_some_and(|csv| {
                    csv.split(|b| *b == b'\n')
                        .any(|line| line.starts_with(format!("{code};").as_bytes()))
                })
            };
            let mut find = tx.prepare(
                "SELECT value, rev FROM contributions WHERE teryt = ?1 AND indicator = ?2 AND year = ?3",
            )?;
            for item in items {
                let outcome = |result, server_rev, server_value, message: Option<String>| {
                    ItemOutcome { result, server_rev, server_value, message }
                };
                if let Some(why) = item_problem(item) {
                    outcomes.push(outcome("invalid", None, None, Some(why)));
                    continue;
                }
                let value = item.value + 0.0; // -0 is stored as 0
                if !in_catalogue(&item.indicator)
                    && known.query_row([&item.indicator], |_| Ok(())).optional()?.is_none()
                {
                    outcomes.push(outcome(
                        "invalid",
                        None,
                        None,
                        Some(format!("wskaźnika {} nie ma w katalogu", item.indicator)),
                    ));
                    continue;
                }
                if closed.query_row([item.year], |_| Ok(())).optional()?.is_some() {
                    outcomes.push(outcome(
                        "period_closed",
                        None,
                        None,
                        Some(format!("rok {} jest zamknięty", item.year)),
                    ));
                    continue;
                }
                let current = find
                    .query_row((teryt, &item.indicator, item.year), |r| {
                        Ok((r.get::<_, f64>(0)?, r.get::<_, i64>(1)?))
                    })
                    .optional()?;
                match current {
                    None if item.base_server_rev.is_none() => {
                        tx.execute(
                            "INSERT INTO contributions (teryt, indicator, year, value, status, rev, updated_at)
                             VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6)",
                            (teryt, &item.indicator, item.year, value, &item.status, at),
                        )?;
                        outcomes.push(outcome("imported", Some(1), None, None));
                    }
                    None => outcomes.push(outcome(
                        "conflict",
                        None,
                        None,
                        Some("serwer nie ma tej wartości".to_owned()),
                    )),
                    Some((server, rev)) if item.base_server_rev != Some(rev) => {
                        outcomes.push(outcome("conflict", Some(rev), Some(server), None));
                    }
                    Some((old, rev)) if old == value => {
                        outcomes.push(outcome("unchanged", Some(rev), None, None))
                    }
                    Some((old, rev)) => {
                        tx.execute(
                            "INSERT INTO contribution_history (teryt, indicator, year, value, rev, replaced_at)
                             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                            (teryt, &item.indicator, item.year, old, rev, at),
                        )?;
                        tx.execute(
                            "UPDATE contributions SET value = ?4, status = ?5, rev = rev + 1, updated_at = ?6
                             WHERE teryt = ?1 AND indicator = ?2 AND year = ?3",
                            (teryt, &item.indicator, item.year, value, &item.status, at),
                        )?;
                        outcomes.push(outcome("updated", Some(rev + 1), None, None));
                    }
                }
            }
        }
        let response = respond(&outcomes);
        tx.execute(
            "INSERT INTO submissions (id, token_id, teryt, body_sha256, response, received_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            (id, token_id, teryt, body_sha256, &response, at),
        )?;
        tx.commit()?;
        Ok(response)
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
            let mut practice: crate::practices::Practice = serde_json::from_str(&document)
                .map_err(|e| Error::Invalid(format!("praktyka nr {id} w bazie: {e}")))?;
            practice.id = id;
            let status = if status == "published" {
                PracticeStatus::Published
            } else {
                PracticeStatus::Proposed
            };
            out.push(StoredPractice { practice, status, proposed_by, created_at, published_at });
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

/// Why a submitted item is `invalid`, in Polish for the person who sent it; `None` when its
/// shape is right. The message never echoes the field itself (it may be 1 MiB long).
fn item_problem(item: &SubmittedItem) -> Option<String> {
    let code = &item.indicator;
    if code.is_empty()
        || code.len() > 64
        || !code.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
    {
        return Some(
            "nieprawidłowy kod wskaźnika (do 64 wielkich liter, cyfr i podkreśleń)".to_owned(),
        );
    }
    if !(1990..=2100).contains(&item.year) {
        return Some(format!("rok {} spoza zakresu 1990–2100", item.year));
    }
    if let Some(why) = value_problem(item.value) {
        return Some(why);
    }
    match item.status.as_deref() {
        None => None,
        Some(code) if jst_domain::ObservationStatus::from_code(code).is_some() => None,
        Some(_) => Some("status musi mieć wartość „wstepne”, „ostateczne” albo null".to_owned()),
    }
}

/// Values with their revision history: new ones inserted, changed ones put into the history
/// first, equal ones left as they are.
fn upsert_in(
    tx: &rusqlite::Transaction<'_>,
    rows: &[DataRow],
    source: &str,
    at: &str,
) -> Result<DataImport> {
    let mut done = DataImport::default();
    {
        let mut find = tx.prepare(
            "SELECT value, rev, source FROM public_values
             WHERE indicator = ?1 AND year = ?2 AND teryt = ?3",
        )?;
        let mut insert = tx.prepare(
            "INSERT INTO public_values (indicator, year, teryt, value, rev, updated_at, source)
             VALUES (?1, ?2, ?3, ?4, 1, ?5, ?6)",
        )?;
        let mut history = tx.prepare(
            "INSERT INTO value_history (indicator, year, teryt, value, rev, replaced_at, source)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        let mut update = tx.prepare(
            "UPDATE public_values SET value = ?4, rev = rev + 1, updated_at = ?5, source = ?6
             WHERE indicator = ?1 AND year = ?2 AND teryt = ?3",
        )?;
        for r in rows {
            let value = r.value + 0.0; // -0 is stored as 0
            let key = (&r.indicator, r.year, &r.teryt);
            let found = find
                .query_row(key, |row| {
                    Ok((row.get::<_, f64>(0)?, row.get::<_, i64>(1)?, row.get(2)?))
                })
                .optional()?;
            match found {
                None => {
                    insert.execute((&r.indicator, r.year, &r.teryt, value, at, source))?;
                    done.inserted += 1;
                }
                Some((old, _, _)) if old == value => done.unchanged += 1,
                Some((old, rev, old_source)) => {
                    let old_source: Option<String> = old_source;
                    history.execute((&r.indicator, r.year, &r.teryt, old, rev, at, old_source))?;
                    update.execute((&r.indicator, r.year, &r.teryt, value, at, source))?;
                    done.updated += 1;
                }
            }
        }
    }
    Ok(done)
}
