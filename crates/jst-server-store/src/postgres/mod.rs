//! PostgreSQL, for an association that runs the server as a production service: a pool of
//! `tokio-postgres` connections (deadpool) driven by the pool's own small runtime, so the
//! [`Storage`](crate::Storage) methods stay blocking like SQLite's and run on the API's
//! blocking threads. Every timeout is bounded: when PostgreSQL is down or restarting, a lease
//! fails with [`Error::Unavailable`](crate::Error::Unavailable) within seconds, and the pool
//! reconnects by itself once it is back.

mod groups;
mod migrate;
mod practices;
mod storage;
mod submissions;
mod values;

use std::sync::Arc;
use std::time::Duration;

use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use tokio_postgres::NoTls;

use crate::audit::Actor;
use crate::{Error, Result};

pub use storage::PgStorage;

/// The class of the advisory lock between `period close` (exclusive) and the submissions
/// being decided (shared).
const PERIOD_LOCK_CLASS: i32 = 0x6a73_7401; // "jst\x01"

/// How long a request waits for a connection, and for a new one to be made.
const WAIT: Duration = Duration::from_secs(5);
const CONNECT: Duration = Duration::from_secs(3);
/// Connections the pool keeps at most: the API's blocking threads beyond this wait.
const MAX_CONNECTIONS: usize = 16;

/// An open PostgreSQL database: migrated, with its pool.
pub struct PgPool {
    pool: Pool,
    runtime: Arc<PoolRuntime>,
    actor: Actor,
}

impl PgPool {
    /// Connects to `url`, applies the migrations this program has and the database lacks, and
    /// refuses a database with a newer schema.
    pub fn open(url: &str, actor: Actor) -> Result<Self> {
        let mut config: tokio_postgres::Config = url
            .parse()
            .map_err(|e| Error::Usage(format!("nieprawidłowy adres bazy {}: {e}", redact(url))))?;
        config.connect_timeout(CONNECT);
        config.application_name("jst-server");
        // Notices ("already exists, skipping" at every start) are no news for an operator.
        config.options("-c client_min_messages=warning");
        // Verified: a connection goes back to work only after an empty query succeeded on it.
        // Fast recycling trusts `is_closed`, which lags behind a server that has just ended the
        // connection (a restart mid-request): the next request would get a second 503.
        let manager = Manager::from_config(
            config,
            NoTls,
            ManagerConfig { recycling_method: RecyclingMethod::Verified },
        );
        let pool = Pool::builder(manager)
            .max_size(MAX_CONNECTIONS)
            .runtime(deadpool_postgres::Runtime::Tokio1)
            .wait_timeout(Some(WAIT))
            .create_timeout(Some(CONNECT))
            .recycle_timeout(Some(CONNECT))
            .build()
            .map_err(|e| Error::Usage(format!("pula połączeń PostgreSQL: {e}")))?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("jst-server-pg")
            .enable_all()
            .build()
            .map_err(Error::io("nie można uruchomić środowiska połączeń PostgreSQL"))?;
        let pg = Self { pool, runtime: Arc::new(PoolRuntime(Some(runtime))), actor };
        migrate::apply(&mut pg.storage()?)?;
        Ok(pg)
    }

    /// A storage holding one pooled connection until it is dropped.
    pub fn storage(&self) -> Result<PgStorage> {
        let client = self.runtime.block_on(self.pool.get()).map_err(|e| {
            Error::Unavailable(format!("nie można połączyć się z PostgreSQL ({e})"))
        })?;
        Ok(PgStorage::new(client, self.runtime.clone(), self.actor.clone()))
    }
}

/// The pool's runtime. The last storage may be dropped where blocking is not allowed (a server
/// shutting down inside its own async runtime), so it is shut down in the background rather
/// than waited for: nothing is left to finish once every storage is gone.
pub struct PoolRuntime(Option<tokio::runtime::Runtime>);

impl std::ops::Deref for PoolRuntime {
    type Target = tokio::runtime::Runtime;

    fn deref(&self) -> &Self::Target {
        self.0.as_ref().expect("the runtime lives until the pool is dropped")
    }
}

impl Drop for PoolRuntime {
    fn drop(&mut self) {
        if let Some(runtime) = self.0.take() {
            runtime.shutdown_background();
        }
    }
}

/// `url` without its password, for messages and logs.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &url[scheme + 3..at];
            match userinfo.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_password_never_leaves_redact() {
        assert_eq!(
            super::redact("postgres://jst:tajne@db.example:5432/jst"),
            "postgres://jst:***@db.example:5432/jst"
        );
        assert_eq!(super::redact("postgres://jst@db/jst"), "postgres://jst@db/jst");
        assert_eq!(super::redact("postgres://db/jst"), "postgres://db/jst");
    }
}
