//! PostgreSQL's numbered migrations (`migrations/postgres/`), never edited: the same schema
//! versions as SQLite's, so one number tells an operator what a database holds. The versions
//! applied are rows of `jst_schema`.

use super::PgStorage;
use crate::{Error, Result};

pub(super) const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/postgres/0001_initial.sql"),
    include_str!("../../migrations/postgres/0002_submissions.sql"),
    include_str!("../../migrations/postgres/0003_published_means.sql"),
    include_str!("../../migrations/postgres/0004_register_and_sources.sql"),
    include_str!("../../migrations/postgres/0005_budget_plans.sql"),
    include_str!("../../migrations/postgres/0006_gwd.sql"),
    include_str!("../../migrations/postgres/0007_practices.sql"),
    include_str!("../../migrations/postgres/0008_operations.sql"),
];

/// The advisory lock that queues migrations of one database ("jst_sche").
const MIGRATION_LOCK: i64 = 0x6a73_745f_7363_6865;

/// Applies what the database lacks, under an advisory lock so two servers starting together
/// do not both migrate; refuses a newer schema.
pub(super) fn apply(storage: &mut PgStorage) -> Result<()> {
    storage.migrate(MIGRATIONS)
}

impl PgStorage {
    /// Each missing migration in its own transaction, which first takes the lock and then
    /// reads the version: a server that waited for another one sees what that one applied.
    pub(super) fn migrate(&mut self, migrations: &[&str]) -> Result<()> {
        let Self { client, runtime, .. } = self;
        let supported = migrations.len() as i64;
        runtime.block_on(async {
            loop {
                let tx = client.transaction().await?;
                tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK]).await?;
                tx.batch_execute(
                    "CREATE TABLE IF NOT EXISTS jst_schema (
                         version     BIGINT PRIMARY KEY,
                         applied_at  TIMESTAMPTZ NOT NULL DEFAULT now()
                     )",
                )
                .await?;
                let found: i64 = tx
                    .query_one("SELECT coalesce(max(version), 0)::bigint FROM jst_schema", &[])
                    .await?
                    .get(0);
                if found > supported {
                    return Err(Error::SchemaTooNew { found, supported });
                }
                if found == supported {
                    tx.commit().await?;
                    return Ok(());
                }
                tx.batch_execute(migrations[found as usize]).await?;
                tx.execute("INSERT INTO jst_schema (version) VALUES ($1)", &[&(found + 1)]).await?;
                tx.commit().await?;
            }
        })
    }
}
