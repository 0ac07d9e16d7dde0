use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(
        "baza {path} ma schemat w wersji {found}, nowszej niż obsługiwana przez ten program \
         ({supported}); zainstaluj nowszą wersję Monitora JST. Plik nie został zmieniony."
    )]
    SchemaTooNew { path: PathBuf, found: i64, supported: i64 },
    #[error("nie można utworzyć kopii bazy {path} przed migracją: {source}")]
    Backup { path: PathBuf, source: Box<Error> },
    #[error("plik {path} nie nadaje się do przywrócenia: {defect}. Nic nie zmieniono.")]
    NotRestorable { path: PathBuf, defect: crate::backup::Defect },
    #[error(
        "baza {0} jest otwarta w innym programie (np. w oknie Monitora JST); zamknij go i \
         spróbuj ponownie. Nic nie zmieniono."
    )]
    InUse(PathBuf),
    #[error("{context}: {source}")]
    Io { context: String, source: std::io::Error },
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
