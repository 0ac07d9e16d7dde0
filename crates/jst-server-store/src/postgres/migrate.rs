//! PostgreSQL's numbered migrations (`migrations/postgres/`), never edited: the same schema
//! versions as SQLite's, so one number tells an operator what a database holds.

use super::PgStorage;
use crate::Result;

pub(super) const MIGRATIONS: &[&str] = &[];

/// Applies what the database lacks, under an advisory lock so two servers starting together
/// do not both migrate; refuses a newer schema.
pub(super) fn apply(storage: &mut PgStorage) -> Result<()> {
    storage.migrate(MIGRATIONS)
}
