use std::path::PathBuf;

use jst_text::t;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(
        "{}",
        t!(
            "store-schema-too-new",
            path = .path.display().to_string(),
            found = .found,
            supported = .supported
        )
    )]
    SchemaTooNew { path: PathBuf, found: i64, supported: i64 },
    #[error(
        "{}",
        t!("store-backup-before-migration", path = .path.display().to_string(), reason = .source.to_string())
    )]
    Backup { path: PathBuf, source: Box<Error> },
    #[error(
        "{}",
        t!("store-not-restorable", path = .path.display().to_string(), defect = .defect.to_string())
    )]
    NotRestorable { path: PathBuf, defect: crate::backup::Defect },
    #[error("{}", t!("store-in-use", path = .0.display().to_string()))]
    InUse(PathBuf),
    #[error("{context}: {source}")]
    Io { context: String, source: std::io::Error },
    #[error("{}", t!("store-database-error", reason = .0.to_string()))]
    Sqlite(#[from] rusqlite::Error),
    #[error("{}", t!("store-unknown-unit", teryt = .0))]
    UnknownUnit(String),
    #[error("{}", t!("store-older-register", offered = .offered, current = .current))]
    OlderRegister { offered: String, current: String },
    #[error("{}", t!("store-corrupt", detail = .0))]
    Corrupt(String),
}
