//! Databases for the server's tests, on both engines: one test body runs on SQLite or on a real
//! PostgreSQL, as the environment chooses. With [`POSTGRES_ENV`] naming a running PostgreSQL
//! (`cargo xtask test` starts a throwaway cluster and sets it), every [`TestDatabase`] is a
//! fresh database of its own there, dropped when the test ends; without it, the test's folder
//! holds SQLite's `serwer.db`. A test never picks the engine itself, so both keep one set of
//! assertions.
//!
//! For tests only: failures here panic with what went wrong, as a test fixture does.

use std::ffi::OsString;
use std::hash::{BuildHasher, Hasher};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use crate::audit::Actor;
use crate::database::{Database, Location, DATABASE_ENV};
use crate::storage::Storage;
use crate::Result;

/// The URL of a running PostgreSQL (of a role that may create databases) the tests use instead
/// of SQLite, e.g. `postgres://postgres@127.0.0.1:55432/postgres`.
pub const POSTGRES_ENV: &str = "JST_SERVER_TEST_POSTGRES";
/// Set (to anything but `0`) when the tests must run on PostgreSQL: a missing
/// [`POSTGRES_ENV`] then fails the test instead of quietly testing SQLite again.
pub const REQUIRE_POSTGRES_ENV: &str = "JST_REQUIRE_POSTGRES";

/// `"postgres"` when [`POSTGRES_ENV`] is set, else `"sqlite"`.
pub fn engine_under_test() -> &'static str {
    match admin_url() {
        Some(_) => "postgres",
        None => "sqlite",
    }
}

fn admin_url() -> Option<String> {
    let url =
        std::env::var(POSTGRES_ENV).ok().map(|u| u.trim().to_owned()).filter(|u| !u.is_empty());
    let required = std::env::var(REQUIRE_POSTGRES_ENV).is_ok_and(|v| !v.is_empty() && v != "0");
    assert!(
        url.is_some() || !required,
        "{REQUIRE_POSTGRES_ENV} is set but {POSTGRES_ENV} names no PostgreSQL: the tests would run \
         on SQLite only"
    );
    url
}

impl Location {
    /// The arguments of `jst-server` naming this database: `--data-dir DIR` for SQLite,
    /// `--database URL` for PostgreSQL (the binary still wants `--data-dir` beside for its other
    /// files; [`TestDatabase::cli_args`] gives both).
    pub fn cli_args(&self) -> Vec<OsString> {
        match self {
            Self::Folder(dir) => vec!["--data-dir".into(), dir.clone().into()],
            Self::Postgres(url) => vec!["--database".into(), url.into()],
        }
    }
}

/// A database for one test, on the engine under test. The folder it is made for is the
/// server's data folder in either case (keys, the BDL page cache); with SQLite it also holds
/// `serwer.db`. A PostgreSQL database is dropped with this value, even when its test failed.
pub struct TestDatabase {
    dir: PathBuf,
    location: Location,
    /// Dropped with the test's database value, after the fields above.
    _postgres: Option<Throwaway>,
}

impl TestDatabase {
    /// A database for the data folder `dir` (which need not exist yet): SQLite in it, or a new
    /// empty PostgreSQL database `jst_t_<random hex>` when [`POSTGRES_ENV`] is set. Panics when
    /// that PostgreSQL cannot be reached.
    pub fn new(dir: &Path) -> Self {
        match admin_url() {
            None => Self::sqlite(dir),
            Some(admin) => Self::postgres_at(dir, &admin),
        }
    }

    /// SQLite in `dir`, whatever the environment says (a test of both engines side by side).
    pub fn sqlite(dir: &Path) -> Self {
        Self { dir: dir.to_owned(), location: Location::Folder(dir.to_owned()), _postgres: None }
    }

    /// A new PostgreSQL database when [`POSTGRES_ENV`] names a server, else `None` (which
    /// panics instead under [`REQUIRE_POSTGRES_ENV`]).
    pub fn postgres(dir: &Path) -> Option<Self> {
        admin_url().map(|admin| Self::postgres_at(dir, &admin))
    }

    fn postgres_at(dir: &Path, admin: &str) -> Self {
        let admin = admin.to_owned();
        let name = format!("jst_t_{:016x}", random());
        simple_query(&admin, &format!("CREATE DATABASE {name}")).unwrap_or_else(|e| {
            panic!("cannot create the test database {name} ({POSTGRES_ENV}): {e}")
        });
        Self {
            dir: dir.to_owned(),
            location: Location::Postgres(with_database(&admin, &name)),
            _postgres: Some(Throwaway { admin, name }),
        }
    }

    pub fn location(&self) -> &Location {
        &self.location
    }

    /// The server's data folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// `"sqlite"` or `"postgres"`.
    pub fn engine(&self) -> &'static str {
        match self.location {
            Location::Folder(_) => "sqlite",
            Location::Postgres(_) => "postgres",
        }
    }

    /// The database opened (created and migrated) as a server opens it, audited as the OS user's.
    pub fn open(&self) -> Result<Database> {
        self.open_as(Actor::os_user())
    }

    pub fn open_as(&self, actor: Actor) -> Result<Database> {
        Database::open(&self.location, actor)
    }

    /// One storage of the database, owned, as a command uses it; audited as the OS user's.
    pub fn storage(&self) -> Result<Box<dyn Storage + Send>> {
        self.storage_as(Actor::os_user())
    }

    pub fn storage_as(&self, actor: Actor) -> Result<Box<dyn Storage + Send>> {
        Ok(match Database::open(&self.location, actor)? {
            Database::Sqlite(storage) => {
                Box::new(storage.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner))
            }
            // The storage keeps its connection and the pool's runtime after the pool is gone.
            Database::Postgres(pool) => Box::new(pool.storage()?),
        })
    }

    /// `jst-server`'s arguments for this database: `--data-dir DIR`, and `--database URL` with
    /// PostgreSQL.
    pub fn cli_args(&self) -> Vec<OsString> {
        let mut args = Location::Folder(self.dir.clone()).cli_args();
        if let Location::Postgres(_) = self.location {
            args.extend(self.location.cli_args());
        }
        args
    }

    /// `program` (the `jst-server` binary) with [`TestDatabase::cli_args`], and without a
    /// [`DATABASE_ENV`] of the caller's environment that would take it elsewhere.
    pub fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut command = Command::new(program);
        command.args(self.cli_args()).env_remove(DATABASE_ENV);
        command
    }

    /// Runs `sql` (one or more statements) straight on the database, past the storage: how a
    /// test breaks or inspects it. The SQL is the engine's own: see [`TestDatabase::engine`].
    pub fn execute(&self, sql: &str) {
        self.query(sql);
    }

    /// The rows `sql` returns, every value as text (`None` for NULL), straight from the
    /// database.
    pub fn query(&self, sql: &str) -> Vec<Vec<Option<String>>> {
        match &self.location {
            Location::Folder(dir) => sqlite_query(&dir.join("serwer.db"), sql),
            Location::Postgres(url) => simple_query(url, sql),
        }
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    /// Everything the database holds, as bytes a test can search for what must never be
    /// stored: SQLite's file and its write-ahead log as they lie on disk; PostgreSQL's every
    /// row of every table as text (`bytea` as its bytes, not hex).
    pub fn dump(&self) -> Vec<u8> {
        match &self.location {
            Location::Folder(dir) => {
                let mut bytes = std::fs::read(dir.join("serwer.db")).unwrap_or_default();
                bytes.extend(std::fs::read(dir.join("serwer.db-wal")).unwrap_or_default());
                bytes
            }
            Location::Postgres(_) => {
                let tables = self.query(
                    "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) \
                     FROM information_schema.tables \
                     WHERE table_type = 'BASE TABLE' \
                     AND table_schema NOT IN ('pg_catalog', 'information_schema')",
                );
                let mut text = String::new();
                for table in tables.into_iter().filter_map(|mut row| row.swap_remove(0)) {
                    let sql = format!("SET bytea_output = 'escape'; SELECT t::text FROM {table} t");
                    for row in self.query(&sql) {
                        text.push_str(&format!("{table}: {}\n", row[0].as_deref().unwrap_or("")));
                    }
                }
                text.into_bytes()
            }
        }
    }
}

/// A PostgreSQL database made for one test, dropped with it.
struct Throwaway {
    admin: String,
    name: String,
}

impl Drop for Throwaway {
    fn drop(&mut self) {
        // FORCE: a server a test left serving still holds pooled connections to it.
        let sql = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        if let Err(e) = simple_query(&self.admin, &sql) {
            // No panic in a drop (the test may be unwinding already): the cluster is a
            // throwaway too.
            eprintln!("the test database {} was not dropped: {e}", self.name);
        }
    }
}

/// 64 random bits: the standard library's per-process random hash keys, mixed with a counter
/// so two databases of one process differ.
fn random() -> u64 {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    hasher.write_u32(std::process::id());
    hasher.finish()
}

/// `url` naming database `name` instead of its own (the path of the URL; its query stays).
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let host = base.find("://").map_or(0, |i| i + 3);
    let path = base[host..].find('/').map_or(base.len(), |i| host + i);
    let mut out = format!("{}/{name}", &base[..path]);
    if let Some(query) = query {
        out.push('?');
        out.push_str(query);
    }
    out
}

type Rows = Vec<Vec<Option<String>>>;

fn sqlite_query(file: &Path, sql: &str) -> std::result::Result<Rows, String> {
    use rusqlite::fallible_iterator::FallibleIterator;
    let conn = rusqlite::Connection::open(file).map_err(|e| e.to_string())?;
    let text = |v: rusqlite::types::ValueRef<'_>| match v {
        rusqlite::types::ValueRef::Null => None,
        rusqlite::types::ValueRef::Integer(i) => Some(i.to_string()),
        rusqlite::types::ValueRef::Real(f) => Some(f.to_string()),
        rusqlite::types::ValueRef::Text(t) | rusqlite::types::ValueRef::Blob(t) => {
            Some(String::from_utf8_lossy(t).into_owned())
        }
    };
    let mut rows = Vec::new();
    // Statement by statement, as `execute_batch` would, keeping the rows of each.
    let mut batch = rusqlite::Batch::new(&conn, sql);
    while let Some(mut statement) = batch.next().map_err(|e| e.to_string())? {
        let columns = statement.column_count();
        let mut result = statement.raw_query();
        while let Some(row) = result.next().map_err(|e| e.to_string())? {
            let mut values = Vec::with_capacity(columns);
            for i in 0..columns {
                values.push(text(row.get_ref(i).map_err(|e| e.to_string())?));
            }
            rows.push(values);
        }
    }
    Ok(rows)
}

/// Runs `sql` (the simple query protocol: several statements, every value as text) on its own
/// connection, on a thread of its own so a caller inside a runtime is no matter.
fn simple_query(url: &str, sql: &str) -> std::result::Result<Rows, String> {
    let (url, sql) = (url.to_owned(), sql.to_owned());
    let work = move || -> std::result::Result<Rows, String> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| e.to_string())?;
        runtime.block_on(async move {
            let mut config: tokio_postgres::Config = url.parse().map_err(|e| format!("{e}"))?;
            config.connect_timeout(Duration::from_secs(5));
            let (client, connection) =
                config.connect(tokio_postgres::NoTls).await.map_err(|e| e.to_string())?;
            let driver = tokio::spawn(connection);
            let messages = client.simple_query(&sql).await.map_err(|e| e.to_string());
            drop(client);
            let _ = driver.await;
            Ok(messages?
                .into_iter()
                .filter_map(|m| match m {
                    tokio_postgres::SimpleQueryMessage::Row(row) => {
                        Some((0..row.len()).map(|i| row.get(i).map(str::to_owned)).collect())
                    }
                    _ => None,
                })
                .collect())
        })
    };
    std::thread::spawn(work).join().unwrap_or_else(|_| Err("the query's thread panicked".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_url_names_the_new_database_and_keeps_the_rest() {
        assert_eq!(
            with_database("postgres://postgres@127.0.0.1:5432/postgres", "jst_t_1"),
            "postgres://postgres@127.0.0.1:5432/jst_t_1"
        );
        assert_eq!(
            with_database("postgresql://u:p@h/db?sslmode=disable", "x"),
            "postgresql://u:p@h/x?sslmode=disable"
        );
        assert_eq!(with_database("postgres://h:5432", "x"), "postgres://h:5432/x");
    }

    #[test]
    fn a_test_database_is_of_the_engine_under_test_its_own_and_gone_after_the_test() {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = TestDatabase::new(dir.path());
        assert_eq!(db.engine(), engine_under_test());
        let other = TestDatabase::new(&dir.path().join("inna"));
        assert_ne!(db.location(), other.location());

        db.execute("CREATE TABLE probe (x TEXT, y BIGINT); INSERT INTO probe VALUES ('tajne', 7)");
        db.execute("INSERT INTO probe VALUES (NULL, 8)");
        let some = |s: &str| Some(s.to_owned());
        assert_eq!(
            db.query("SELECT x, y FROM probe ORDER BY y"),
            [[some("tajne"), some("7")], [None, some("8")]]
        );
        let dump = db.dump();
        assert!(dump.windows(5).any(|w| w == b"tajne"), "the dump holds every row");

        let args: Vec<String> =
            db.cli_args().iter().map(|a| a.to_string_lossy().into_owned()).collect();
        let dir_arg = dir.path().to_string_lossy().into_owned();
        match db.location().clone() {
            Location::Folder(folder) => {
                assert_eq!(folder, dir.path());
                assert_eq!(args, ["--data-dir", dir_arg.as_str()]);
            }
            Location::Postgres(url) => {
                assert_eq!(args, ["--data-dir", dir_arg.as_str(), "--database", url.as_str()]);
                let name = url.rsplit('/').next().expect("name").to_owned();
                assert!(name.starts_with("jst_t_") && name.len() == 6 + 16, "{name}");
                let admin = admin_url().expect("admin");
                let count = format!("SELECT count(*) FROM pg_database WHERE datname = '{name}'");
                assert_eq!(simple_query(&admin, &count).expect("count"), [[some("1")]]);
                drop(db);
                assert_eq!(simple_query(&admin, &count).expect("count"), [[some("0")]]);
            }
        }
    }
}
