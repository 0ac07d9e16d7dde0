//! [`Storage`] on one pooled PostgreSQL connection. Each method runs its statements on the
//! pool's runtime (`block_on`): the storage is used from blocking threads only, as SQLite's is.
//! The larger pieces live beside: values (import, each_value), submissions, groups, practices.

use std::future::Future;
use std::sync::Arc;

use deadpool_postgres::Transaction;
use serde_json::json;
use tokio::runtime::Runtime;

use crate::audit::{Actor, AuditAction, AuditFilter, AuditRecord};
use crate::records::*;
use crate::storage::Storage;
use crate::{Error, Result};

pub struct PgStorage {
    pub(super) client: deadpool_postgres::Object,
    pub(super) runtime: Arc<super::PoolRuntime>,
    /// Who the audit names for this storage's writes.
    pub(super) actor: Actor,
}

/// A connection-level failure (PostgreSQL down, restarting, unreachable, refusing connections)
/// is [`Error::Unavailable`], which the API answers with 503 and a caller may wait out; any
/// other failure is [`Error::Postgres`] with the server's message.
pub(super) fn db_error(e: tokio_postgres::Error) -> Error {
    let code = e.code().map(|c| c.code().to_owned());
    let io = std::error::Error::source(&e).is_some_and(|s| s.is::<std::io::Error>());
    let unavailable = e.is_closed()
        || io
        || code.as_deref().is_some_and(|c| {
            c.starts_with("08") || matches!(c, "57P01" | "57P02" | "57P03" | "53300")
        })
        // tokio-postgres keeps its error kinds private; a timeout shows only in its text.
        || (e.as_db_error().is_none() && e.to_string().starts_with("timeout"));
    let message = match (e.as_db_error(), std::error::Error::source(&e)) {
        (Some(db), _) => db.to_string(),
        (None, Some(source)) => format!("{e}: {source}"),
        (None, None) => e.to_string(),
    };
    if unavailable {
        Error::Unavailable(message)
    } else {
        Error::Postgres(message)
    }
}

impl From<tokio_postgres::Error> for Error {
    fn from(e: tokio_postgres::Error) -> Self {
        db_error(e)
    }
}

/// Runs `work` to its end on the pool's runtime.
pub(super) fn wait<T>(runtime: &Runtime, work: impl Future<Output = Result<T>>) -> Result<T> {
    runtime.block_on(work)
}

/// Records one audit entry in `tx`, the transaction of the change it describes.
pub(super) async fn record(
    tx: &Transaction<'_>,
    at: &str,
    actor: &Actor,
    action: AuditAction,
    details: serde_json::Value,
) -> Result<()> {
    let insert = tx
        .prepare_cached("INSERT INTO audit (at, actor, action, details) VALUES ($1, $2, $3, $4)")
        .await?;
    tx.execute(&insert, &[&at, &actor.label(), &action.code(), &details.to_string()]).await?;
    Ok(())
}

impl PgStorage {
    pub(super) fn new(
        client: deadpool_postgres::Object,
        runtime: Arc<super::PoolRuntime>,
        actor: Actor,
    ) -> Self {
        Self { client, runtime, actor }
    }

    /// One statement's rows, read outside any transaction.
    pub(super) fn rows(
        &self,
        sql: &str,
        params: &[&(dyn tokio_postgres::types::ToSql + Sync)],
    ) -> Result<Vec<tokio_postgres::Row>> {
        let client = &self.client;
        wait(&self.runtime, async {
            let statement = client.prepare_cached(sql).await?;
            Ok(client.query(&statement, params).await?)
        })
    }

    /// At most one row of one statement, read outside any transaction.
    pub(super) fn row(
        &self,
        sql: &str,
        params: &[&(dyn tokio_postgres::types::ToSql + Sync)],
    ) -> Result<Option<tokio_postgres::Row>> {
        let client = &self.client;
        wait(&self.runtime, async {
            let statement = client.prepare_cached(sql).await?;
            Ok(client.query_opt(&statement, params).await?)
        })
    }
}

impl Storage for PgStorage {
    fn save_catalogue(&mut self, csv: &[u8], rows: usize, version: &str, at: &str) -> Result<()> {
        let Self { client, runtime, actor } = self;
        wait(runtime, async {
            let tx = client.transaction().await?;
            tx.execute(
                "INSERT INTO catalogue (id, csv, rows, version, imported_at)
                 VALUES (1, $1, $2, $3, $4)
                 ON CONFLICT (id) DO UPDATE SET csv = excluded.csv, rows = excluded.rows,
                     version = excluded.version, imported_at = excluded.imported_at",
                &[&csv, &(rows as i64), &version, &at],
            )
            .await?;
            let details = json!({"version": version, "indicators": rows});
            record(&tx, at, actor, AuditAction::ImportCatalogue, details).await?;
            Ok(tx.commit().await?)
        })
    }

    fn catalogue(&self) -> Result<Option<(Vec<u8>, String)>> {
        let row = self.row("SELECT csv, version FROM catalogue WHERE id = 1", &[])?;
        Ok(row.map(|r| (r.get(0), r.get(1))))
    }

    fn import(
        &mut self,
        kind: ImportKind,
        rows: &mut dyn Iterator<Item = Result<ImportRow>>,
        source: &str,
        at: &str,
    ) -> Result<DataImport> {
        self.import_stream(kind, rows, source, at)
    }

    fn plan(&self, indicator: &str, year: i32, teryt: &str) -> Result<Option<f64>> {
        let row = self.row(
            "SELECT plan FROM budget_plans WHERE indicator = $1 AND year = $2 AND teryt = $3",
            &[&indicator, &year, &teryt],
        )?;
        Ok(row.map(|r| r.get(0)))
    }

    fn save_register(&mut self, register: &StoredRegister, at: &str) -> Result<()> {
        let Self { client, runtime, actor } = self;
        wait(runtime, async {
            let tx = client.transaction().await?;
            tx.execute(
                "INSERT INTO register (id, data, label, as_of, units, imported_at)
                 VALUES (1, $1, $2, $3, $4, $5)
                 ON CONFLICT (id) DO UPDATE SET data = excluded.data, label = excluded.label,
                     as_of = excluded.as_of, units = excluded.units,
                     imported_at = excluded.imported_at",
                &[&register.data, &register.label, &register.as_of, &(register.units as i64), &at],
            )
            .await?;
            let details = json!({"label": register.label, "units": register.units});
            record(&tx, at, actor, AuditAction::ImportRegister, details).await?;
            Ok(tx.commit().await?)
        })
    }

    fn register(&self) -> Result<Option<StoredRegister>> {
        let row = self.row("SELECT data, label, as_of, units FROM register WHERE id = 1", &[])?;
        Ok(row.map(|r| StoredRegister {
            data: r.get(0),
            label: r.get(1),
            as_of: r.get(2),
            units: r.get::<_, i64>(3) as usize,
        }))
    }

    fn each_value(&self, visit: &mut dyn FnMut(DataRow) -> Result<()>) -> Result<()> {
        self.each_value_in_batches(visit)
    }

    fn latest_release(&self) -> Result<Option<u64>> {
        let row = self.row("SELECT max(version) FROM releases", &[])?;
        Ok(row.and_then(|r| r.get::<_, Option<i64>>(0)).map(|v| v as u64))
    }

    fn record_release(
        &mut self,
        version: u64,
        issued_at: &str,
        expires_at: &str,
        manifest_sha256: &str,
        means: &Published,
    ) -> Result<()> {
        let Self { client, runtime, actor } = self;
        wait(runtime, async {
            let tx = client.transaction().await?;
            tx.execute(
                "INSERT INTO releases (version, issued_at, expires_at, manifest_sha256)
                 VALUES ($1, $2, $3, $4)",
                &[&(version as i64), &issued_at, &expires_at, &manifest_sha256],
            )
            .await?;
            replace_means(&tx, means).await?;
            let details = json!({
                "version": version, "expires_at": expires_at, "manifest_sha256": manifest_sha256,
            });
            record(&tx, issued_at, actor, AuditAction::ReleaseBuild, details).await?;
            Ok(tx.commit().await?)
        })
    }

    fn add_token(&mut self, teryt: &str, token_sha256: &str, at: &str) -> Result<i64> {
        let Self { client, runtime, actor } = self;
        wait(runtime, async {
            let tx = client.transaction().await?;
            let id: i64 = tx
                .query_one(
                    "INSERT INTO tokens (teryt, token_sha256, issued_at) VALUES ($1, $2, $3)
                     RETURNING id",
                    &[&teryt, &token_sha256, &at],
                )
                .await?
                .get(0);
            let details = json!({"unit": teryt, "id": id});
            record(&tx, at, actor, AuditAction::TokenIssue, details).await?;
            tx.commit().await?;
            Ok(id)
        })
    }

    fn revoke_tokens(&mut self, teryt: &str, at: &str) -> Result<usize> {
        let Self { client, runtime, actor } = self;
        wait(runtime, async {
            let tx = client.transaction().await?;
            let mut ids: Vec<i64> = tx
                .query(
                    "UPDATE tokens SET revoked_at = $2 WHERE teryt = $1 AND revoked_at IS NULL
                     RETURNING id",
                    &[&teryt, &at],
                )
                .await?
                .iter()
                .map(|r| r.get(0))
                .collect();
            ids.sort_unstable();
            let details = json!({"unit": teryt, "ids": ids});
            record(&tx, at, actor, AuditAction::TokenRevoke, details).await?;
            tx.commit().await?;
            Ok(ids.len())
        })
    }

    fn revoke_token(&mut self, id: i64, at: &str) -> Result<TokenRevocation> {
        let Self { client, runtime, actor } = self;
        wait(runtime, async {
            let tx = client.transaction().await?;
            let found = tx
                .query_opt("SELECT teryt, revoked_at FROM tokens WHERE id = $1 FOR UPDATE", &[&id])
                .await?
                .map(|r| (r.get::<_, String>(0), r.get::<_, Option<String>>(1)));
            let outcome = match found {
                None => TokenRevocation::Unknown,
                Some((unit, Some(revoked_at))) => {
                    TokenRevocation::AlreadyRevoked { unit, revoked_at }
                }
                Some((unit, None)) => {
                    tx.execute("UPDATE tokens SET revoked_at = $2 WHERE id = $1", &[&id, &at])
                        .await?;
                    let details = json!({"unit": unit, "ids": [id]});
                    record(&tx, at, actor, AuditAction::TokenRevoke, details).await?;
                    TokenRevocation::Revoked { unit }
                }
            };
            tx.commit().await?;
            Ok(outcome)
        })
    }

    fn tokens(&self, unit: Option<&str>) -> Result<Vec<TokenRecord>> {
        let rows = self.rows(
            "SELECT id, teryt, issued_at, revoked_at, last_used_on FROM tokens
             WHERE $1::text IS NULL OR teryt = $1 ORDER BY id",
            &[&unit],
        )?;
        Ok(rows
            .iter()
            .map(|r| TokenRecord {
                id: r.get(0),
                unit: r.get(1),
                issued_at: r.get(2),
                revoked_at: r.get(3),
                last_used_on: r.get(4),
            })
            .collect())
    }

    fn touch_token(&mut self, id: i64, day: &str) -> Result<()> {
        let client = &self.client;
        wait(&self.runtime, async {
            let touch =
                client.prepare_cached("UPDATE tokens SET last_used_on = $2 WHERE id = $1").await?;
            client.execute(&touch, &[&id, &day]).await?;
            Ok(())
        })
    }

    fn close_period(&mut self, year: i32, at: &str) -> Result<bool> {
        let Self { client, runtime, actor } = self;
        wait(runtime, async {
            let tx = client.transaction().await?;
            // Waits for the submissions being decided and holds off new ones until the year is
            // closed: none can store a value for it after it was closed (see `submissions`).
            tx.execute("SELECT pg_advisory_xact_lock($1, 0)", &[&super::PERIOD_LOCK_CLASS]).await?;
            let closed = tx
                .execute(
                    "INSERT INTO closed_periods (year, closed_at) VALUES ($1, $2)
                     ON CONFLICT (year) DO NOTHING",
                    &[&year, &at],
                )
                .await?
                > 0;
            let details = json!({"year": year, "already_closed": !closed});
            record(&tx, at, actor, AuditAction::PeriodClose, details).await?;
            tx.commit().await?;
            Ok(closed)
        })
    }

    fn contributions(&self) -> Result<Vec<Contribution>> {
        let rows = self.rows(
            "SELECT teryt, indicator, year, value FROM contributions
             ORDER BY indicator, year, teryt",
            &[],
        )?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1), r.get(2), r.get(3))).collect())
    }

    fn published_means(&self) -> Result<Published> {
        let rows =
            self.rows("SELECT grp, indicator, year, mean, contributors FROM published_means", &[])?;
        Ok(rows
            .iter()
            .map(|r| {
                let contributors: String = r.get(4);
                (
                    (r.get(0), r.get(1), r.get(2)),
                    (
                        r.get(3),
                        contributors
                            .split(',')
                            .filter(|c| !c.is_empty())
                            .map(str::to_owned)
                            .collect(),
                    ),
                )
            })
            .collect())
    }

    fn save_published_means(&mut self, means: &Published) -> Result<()> {
        let Self { client, runtime, .. } = self;
        wait(runtime, async {
            let tx = client.transaction().await?;
            replace_means(&tx, means).await?;
            Ok(tx.commit().await?)
        })
    }

    fn token_unit(&self, token_sha256: &str) -> Result<Option<TokenUse>> {
        let row = self.row(
            "SELECT id, teryt, last_used_on FROM tokens
             WHERE token_sha256 = $1 AND revoked_at IS NULL",
            &[&token_sha256],
        )?;
        Ok(row.map(|r| TokenUse { id: r.get(0), unit: r.get(1), last_used_on: r.get(2) }))
    }

    fn submission(&self, id: &str) -> Result<Option<(String, String, String)>> {
        let row =
            self.row("SELECT teryt, body_sha256, response FROM submissions WHERE id = $1", &[&id])?;
        Ok(row.map(|r| (r.get(0), r.get(1), r.get(2))))
    }

    fn apply_submission(
        &mut self,
        key: &SubmissionKey,
        items: &[SubmittedItem],
        at: &str,
        respond: &dyn Fn(&[ItemOutcome]) -> String,
    ) -> Result<Applied> {
        self.apply(key, items, at, respond)
    }

    fn create_gwd(
        &mut self,
        name: &str,
        area: &str,
        indicators: &[String],
        at: &str,
    ) -> Result<i64> {
        self.create_group(name, area, indicators, at)
    }

    fn add_gwd_member(&mut self, group: i64, member: &GwdMember) -> Result<()> {
        self.add_member(group, member)
    }

    fn remove_gwd_member(&mut self, group: i64, teryt: &str, at: &str) -> Result<bool> {
        self.remove_member(group, teryt, at)
    }

    fn gwd_groups(&self) -> Result<Vec<GwdGroup>> {
        self.groups()
    }

    fn gwd_values(&self, group: &GwdGroup, year: i32) -> Result<Vec<GwdValue>> {
        self.group_values(group, year)
    }

    fn save_practices(
        &mut self,
        practices: &[NewPractice],
        status: PracticeStatus,
        proposed_by: Option<&str>,
        at: &str,
    ) -> Result<Vec<i64>> {
        self.store_practices(practices, status, proposed_by, at)
    }

    fn practices(&self) -> Result<Vec<StoredPractice>> {
        self.stored_practices()
    }

    fn publish_practice(&mut self, id: i64, at: &str) -> Result<bool> {
        self.publish(id, at)
    }

    fn remove_practice(&mut self, id: i64, at: &str) -> Result<bool> {
        self.remove(id, at)
    }

    fn attachment(&self, sha256: &str) -> Result<Option<Vec<u8>>> {
        let row =
            self.row("SELECT bytes FROM practice_attachments WHERE sha256 = $1", &[&sha256])?;
        Ok(row.map(|r| r.get(0)))
    }

    fn release_status(&self) -> Result<Option<ReleaseStatus>> {
        let row =
            self.row("SELECT version, issued_at FROM releases ORDER BY version DESC LIMIT 1", &[])?;
        Ok(row.map(|r| ReleaseStatus { version: r.get::<_, i64>(0) as u64, issued_at: r.get(1) }))
    }

    fn audit(&self, filter: &AuditFilter) -> Result<Vec<AuditRecord>> {
        let action = filter.action.map(AuditAction::code);
        let rows = self.rows(
            "SELECT id, at, actor, action, details FROM audit
             WHERE ($1::text IS NULL OR at >= $1) AND ($2::text IS NULL OR action = $2)
             ORDER BY id",
            &[&filter.since, &action],
        )?;
        rows.iter()
            .map(|r| {
                let (id, action): (i64, String) = (r.get(0), r.get(3));
                let action = AuditAction::from_code(&action).ok_or_else(|| {
                    Error::Invalid(format!("wpis audytu nr {id}: nieznana czynność „{action}”"))
                })?;
                let details: String = r.get(4);
                let details = serde_json::from_str(&details).unwrap_or(serde_json::Value::Null);
                Ok(AuditRecord { id, at: r.get(1), actor: r.get(2), action, details })
            })
            .collect()
    }
}

/// Replaces the remembered published means within `tx` (the transaction of a release).
async fn replace_means(tx: &Transaction<'_>, means: &Published) -> Result<()> {
    tx.execute("DELETE FROM published_means", &[]).await?;
    let insert = tx
        .prepare_cached(
            "INSERT INTO published_means (grp, indicator, year, mean, contributors)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .await?;
    for ((group, indicator, year), (mean, contributors)) in means {
        let list: Vec<&str> = contributors.iter().map(String::as_str).collect();
        tx.execute(&insert, &[group, indicator, year, mean, &list.join(",")]).await?;
    }
    Ok(())
}
