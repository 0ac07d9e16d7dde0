use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(
        "baza {path} ma schemat w wersji {found}, nowszej niż obsługiwana przez ten program \
         ({supported}); zainstaluj nowszą wersję Monitora JST. Plik nie został zmieniony."
    )]
    SchemaTooNew { path: PathBuf, found: i64, supported: i64 },
    #[error("nie można utworzyć kopii bazy {path} przed migracją: {source}")]
    Backup { path: PathBuf, source: rusqlite::Error },
    #[error("błąd bazy danych: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("nie ma jednostki o kodzie TERYT {0} w rejestrze")]
    UnknownUnit(String),
    #[error(
        "rejestr ze stanem na {offered} jest starszy niż już wczytany (stan na {current}); \
         wczytaj aktualny plik TERC"
    )]
    OlderRegister { offered: String, current: String },
    #[error("baza zawiera niepoprawne dane: {0}")]
    Corrupt(String),
}
