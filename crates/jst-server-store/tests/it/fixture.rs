//! A fresh database of each engine for the store's own tests, over the crate's
//! [`throwaway`](jst_server_store::throwaway) databases: SQLite in a temporary folder, and
//! PostgreSQL when `JST_SERVER_TEST_POSTGRES` names a running server (skipped with a note
//! without it, unless `JST_REQUIRE_POSTGRES=1`, as in CI, makes that a failure).

use jst_server_store::throwaway::TestDatabase;
use jst_server_store::{Actor, Database};

pub struct Fixture {
    database: TestDatabase,
    _dir: tempfile::TempDir,
}

impl Fixture {
    pub fn sqlite() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        Self::of(TestDatabase::sqlite(dir.path()), dir)
    }

    /// A fresh PostgreSQL database, or `None` (with a note) when no server was named.
    pub fn postgres() -> Option<Self> {
        let dir = tempfile::tempdir().expect("tempdir");
        let Some(database) = TestDatabase::postgres(dir.path()) else {
            eprintln!("PostgreSQL skipped: JST_SERVER_TEST_POSTGRES is not set");
            return None;
        };
        Some(Self::of(database, dir))
    }

    fn of(database: TestDatabase, dir: tempfile::TempDir) -> Self {
        Self { database, _dir: dir }
    }

    pub fn is_postgres(&self) -> bool {
        self.database.engine() == "postgres"
    }

    /// The database, opened (and migrated) with writes audited as `test`.
    pub fn open(&self) -> Database {
        self.try_open().expect("open database")
    }

    pub fn try_open(&self) -> jst_server_store::Result<Database> {
        self.database.open_as(Actor::Operator("test".into()))
    }

    /// Rows of `table`, counted beside the storage.
    pub fn count(&self, table: &str) -> i64 {
        self.text(&format!("SELECT count(*) FROM {table}")).parse().expect("a count")
    }

    /// The one value `sql` returns, as text, read beside the storage.
    pub fn text(&self, sql: &str) -> String {
        let rows = self.database.query(sql);
        rows.first().and_then(|row| row.first().cloned().flatten()).unwrap_or_default()
    }

    /// Ends every other connection to the PostgreSQL database, as a restart would.
    pub fn terminate_connections(&self) {
        assert!(self.is_postgres(), "PostgreSQL only");
        self.database.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
             WHERE datname = current_database() AND pid <> pg_backend_pid()",
        );
    }

    /// Marks the database as one of a newer program: schema `version`.
    pub fn set_schema(&self, version: i64) {
        if self.is_postgres() {
            self.database.execute(&format!("INSERT INTO jst_schema (version) VALUES ({version})"));
        } else {
            self.database.execute(&format!("PRAGMA user_version = {version}"));
        }
    }
}
