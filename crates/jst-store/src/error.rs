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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backup::Defect;
    use jst_text::{with_language, Lang};

    #[test]
    fn a_refused_restore_is_explained_in_the_users_language() {
        let refused = || Error::NotRestorable {
            path: PathBuf::from("kopia.db"),
            defect: Defect::TooNew { found: 12, supported: 11 },
        };
        assert_eq!(
            refused().to_string(),
            "plik kopia.db nie nadaje się do przywrócenia: ma schemat w wersji 12, nowszej niż \
             obsługiwana przez ten program (11); przywróć ją nowszą wersją Monitora JST. Nic nie \
             zmieniono."
        );
        assert_eq!(
            with_language(Lang::En, || refused().to_string()),
            "the file kopia.db cannot be restored: it has schema version 12, newer than this \
             program supports (11); restore it with a newer version of Monitor JST. Nothing was \
             changed."
        );
        assert_eq!(
            with_language(Lang::En, || Error::InUse(PathBuf::from("local.db")).to_string()),
            "the database local.db is open in another program (e.g. in a Monitor JST window); \
             close it and try again. Nothing was changed."
        );
    }
}
