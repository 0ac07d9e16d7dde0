//! A fresh database of each engine. SQLite lives in a temporary folder. PostgreSQL needs a
//! running server named by `JST_SERVER_TEST_POSTGRES` (a `postgres://` URL with the right to
//! create databases): each fixture creates `jst_t_<random hex>` there and drops it after.
//! Without the variable the PostgreSQL tests are skipped with a note, unless
//! `JST_REQUIRE_POSTGRES=1` (CI), which makes them fail instead.

use std::hash::{BuildHasher, Hasher};

use jst_server_store::{Actor, Database, Location};
use tokio_postgres::NoTls;

pub const POSTGRES_ENV: &str = "JST_SERVER_TEST_POSTGRES";
pub const REQUIRE_ENV: &str = "JST_REQUIRE_POSTGRES";

pub struct Fixture {
    pub location: Location,
    _dir: Option<tempfile::TempDir>,
    pg: Option<PgDatabase>,
}

impl Fixture {
    pub fn sqlite() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        Self { location: Location::Folder(dir.path().to_owned()), _dir: Some(dir), pg: None }
    }

    /// A fresh PostgreSQL database, or `None` (with a note) when no server was named.
    pub fn postgres() -> Option<Self> {
        let Some(admin) = std::env::var(POSTGRES_ENV).ok().filter(|u| !u.trim().is_empty()) else {
            assert!(
                std::env::var(REQUIRE_ENV).as_deref() != Ok("1"),
                "{REQUIRE_ENV}=1 but {POSTGRES_ENV} names no PostgreSQL server"
            );
            eprintln!("PostgreSQL skipped: {POSTGRES_ENV} is not set");
            return None;
        };
        let pg = PgDatabase::create(&admin);
        Some(Self { location: Location::Postgres(pg.url.clone()), _dir: None, pg: Some(pg) })
    }

    pub fn is_postgres(&self) -> bool {
        self.pg.is_some()
    }

    /// The database, opened (and migrated) with writes audited as `test`.
    pub fn open(&self) -> Database {
        self.try_open().expect("open database")
    }

    pub fn try_open(&self) -> jst_server_store::Result<Database> {
        Database::open(&self.location, Actor::Operator("test".into()))
    }

    /// Rows of `table`, counted beside the storage.
    pub fn count(&self, table: &str) -> i64 {
        let sql = format!("SELECT count(*) FROM {table}");
        match (&self.pg, &self.location) {
            (Some(pg), _) => pg.query_i64(&sql),
            (None, Location::Folder(dir)) => rusqlite::Connection::open(dir.join("serwer.db"))
                .expect("sqlite")
                .query_row(&sql, [], |r| r.get(0))
                .expect("count"),
            (None, Location::Postgres(_)) => unreachable!(),
        }
    }

    /// Ends every other connection to the PostgreSQL database, as a restart would.
    pub fn terminate_connections(&self) {
        let pg = self.pg.as_ref().expect("PostgreSQL");
        pg.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
             WHERE datname = current_database() AND pid <> pg_backend_pid()",
        );
    }

    /// Marks the database as one of a newer program: schema `version`.
    pub fn set_schema(&self, version: i64) {
        match (&self.pg, &self.location) {
            (Some(pg), _) => {
                pg.execute(&format!("INSERT INTO jst_schema (version) VALUES ({version})"))
            }
            (None, Location::Folder(dir)) => rusqlite::Connection::open(dir.join("serwer.db"))
                .expect("sqlite")
                .pragma_update(None, "user_version", version)
                .expect("user_version"),
            (None, Location::Postgres(_)) => unreachable!(),
        }
    }
}

/// A throwaway database on the test server, dropped with the fixture.
struct PgDatabase {
    admin: String,
    name: String,
    url: String,
}

impl PgDatabase {
    fn create(admin: &str) -> Self {
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .expect("clock")
                .as_nanos(),
        );
        hasher.write_u32(std::process::id());
        let name = format!("jst_t_{:016x}", hasher.finish());
        run(admin, &format!("CREATE DATABASE {name}"));
        let url = with_database(admin, &name);
        Self { admin: admin.to_owned(), name, url }
    }

    fn execute(&self, sql: &str) {
        run(&self.url, sql);
    }

    fn query_i64(&self, sql: &str) -> i64 {
        on_connection(&self.url, |client, rt| {
            rt.block_on(client.query_one(sql, &[])).expect("query").get(0)
        })
    }
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        run(&self.admin, &format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name));
    }
}

/// `url` naming database `name` instead of its own.
fn with_database(url: &str, name: &str) -> String {
    let host = url.find("://").map_or(0, |i| i + 3);
    let (base, rest) = match url[host..].find('/') {
        Some(slash) => url.split_at(host + slash),
        None => (url, ""),
    };
    let query = rest.find('?').map_or("", |q| &rest[q..]);
    format!("{base}/{name}{query}")
}

fn run(url: &str, sql: &str) {
    on_connection(url, |client, rt| rt.block_on(client.batch_execute(sql)).expect(sql));
}

fn on_connection<T>(
    url: &str,
    work: impl FnOnce(&tokio_postgres::Client, &tokio::runtime::Runtime) -> T,
) -> T {
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    let (client, connection) =
        rt.block_on(tokio_postgres::connect(url, NoTls)).expect("connect to the test server");
    let driver = rt.spawn(connection);
    let out = work(&client, &rt);
    drop(client);
    let _ = rt.block_on(driver);
    out
}

#[test]
fn a_database_name_replaces_the_path_only() {
    assert_eq!(
        with_database("postgres://u@127.0.0.1:5432/postgres", "jst_t_1"),
        "postgres://u@127.0.0.1:5432/jst_t_1"
    );
    assert_eq!(
        with_database("postgres://u@h/db?sslmode=disable", "x"),
        "postgres://u@h/x?sslmode=disable"
    );
    assert_eq!(with_database("postgresql://h", "x"), "postgresql://h/x");
}
