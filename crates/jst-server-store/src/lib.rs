//! `jst-server-store`: everything `jst-server` keeps, behind one [`Storage`] trait, and the only
//! crate of the server that speaks SQL. SQLite ([`SqliteStorage`]) is the embedded default;
//! PostgreSQL serves an association that runs the server as a production service. Both engines
//! apply their own numbered, never-edited migrations at start, check every value with the same
//! [`check_rows`] before writing, write each change and its audit entry in one transaction,
//! and never keep a token in clear text.

mod audit;
mod database;
mod error;
pub mod postgres;
pub mod practice;
mod records;
mod rules;
mod sqlite;
mod storage;
mod submission_rules;
pub mod throwaway;

pub use audit::{Actor, AuditAction, AuditFilter, AuditRecord};
pub use database::{Database, Lease, Location, DATABASE_ENV};
pub use error::Error;
pub use records::*;
pub use rules::{check_rows, RowCheck};
pub use sqlite::SqliteStorage;
pub use storage::Storage;

pub type Result<T, E = Error> = std::result::Result<T, E>;
