//! Where the server keeps its data and how a request gets a [`Storage`] of it: SQLite is one
//! connection shared under a lock (the file allows one writer anyway), PostgreSQL a pool whose
//! connections serve requests side by side.

use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

use crate::audit::Actor;
use crate::postgres::{PgPool, PgStorage};
use crate::sqlite::SqliteStorage;
use crate::storage::Storage;
use crate::{Error, Result};

/// The environment variable that names the database when `--database` is not given.
pub const DATABASE_ENV: &str = "JST_SERVER_DATABASE";

/// The database as the command line names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// `serwer.db` in the data folder: the embedded default.
    Folder(PathBuf),
    /// A `postgres://` (or `postgresql://`) connection URL.
    Postgres(String),
}

impl Location {
    /// `--database` (else [`DATABASE_ENV`]) when given, else the data folder. Only PostgreSQL
    /// URLs are accepted there: SQLite is named by `--data-dir`.
    pub fn choose(database: Option<&str>, data_dir: &Path) -> Result<Self> {
        match database.map(str::trim).filter(|d| !d.is_empty()) {
            None => Ok(Self::Folder(data_dir.to_owned())),
            Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
                Ok(Self::Postgres(url.to_owned()))
            }
            Some(_) => Err(Error::Usage(format!(
                "--database / {DATABASE_ENV} przyjmuje adres postgres://…; baza SQLite leży w \
                 folderze --data-dir"
            ))),
        }
    }

    /// What the logs and `health` may show: the URL without its password.
    pub fn describe(&self) -> String {
        match self {
            Self::Folder(dir) => format!("SQLite {}", dir.join("serwer.db").display()),
            Self::Postgres(url) => format!("PostgreSQL {}", crate::postgres::redact(url)),
        }
    }
}

impl From<&Path> for Location {
    fn from(dir: &Path) -> Self {
        Self::Folder(dir.to_owned())
    }
}

impl From<PathBuf> for Location {
    fn from(dir: PathBuf) -> Self {
        Self::Folder(dir)
    }
}

impl From<&PathBuf> for Location {
    fn from(dir: &PathBuf) -> Self {
        Self::Folder(dir.clone())
    }
}

/// An open database: migrated, ready to lease storages to requests.
pub enum Database {
    Sqlite(Mutex<SqliteStorage>),
    Postgres(PgPool),
}

impl Database {
    /// Opens (creating and migrating) the database; its writes are audited as `actor`'s.
    pub fn open(location: &Location, actor: Actor) -> Result<Self> {
        Ok(match location {
            Location::Folder(dir) => Self::Sqlite(Mutex::new(SqliteStorage::open_as(dir, actor)?)),
            Location::Postgres(url) => Self::Postgres(PgPool::open(url, actor)?),
        })
    }

    /// A storage for one request or command. With PostgreSQL it holds a pooled connection, and
    /// fails with [`Error::Unavailable`] within the pool's timeout when the server is down.
    pub fn lease(&self) -> Result<Lease<'_>> {
        Ok(match self {
            // A panic mid-request dropped its transaction (rolled back): the connection is fine.
            Self::Sqlite(m) => Lease::Sqlite(m.lock().unwrap_or_else(PoisonError::into_inner)),
            Self::Postgres(pool) => Lease::Postgres(Box::new(pool.storage()?)),
        })
    }
}

impl From<SqliteStorage> for Database {
    fn from(storage: SqliteStorage) -> Self {
        Self::Sqlite(Mutex::new(storage))
    }
}

/// A storage leased from a [`Database`]; use it as `&mut dyn Storage`.
pub enum Lease<'a> {
    Sqlite(MutexGuard<'a, SqliteStorage>),
    /// Boxed: a pooled connection is far larger than a lock guard.
    Postgres(Box<PgStorage>),
}

impl Deref for Lease<'_> {
    type Target = dyn Storage;

    fn deref(&self) -> &Self::Target {
        match self {
            Self::Sqlite(s) => &**s,
            Self::Postgres(s) => &**s,
        }
    }
}

impl DerefMut for Lease<'_> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        match self {
            Self::Sqlite(s) => &mut **s,
            Self::Postgres(s) => &mut **s,
        }
    }
}
