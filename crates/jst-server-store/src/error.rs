/// The storage's one error type. [`Error::Unavailable`] is the one a caller may wait out: the
/// database could not be reached (PostgreSQL down or restarting), so the API answers 503.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("błąd bazy serwera: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("błąd bazy serwera (PostgreSQL): {0}")]
    Postgres(String),
    #[error("baza serwera jest niedostępna: {0}")]
    Unavailable(String),
    #[error("{context}: {source}")]
    Io { context: String, source: std::io::Error },
    /// A value or document the storage refuses; nothing was written.
    #[error("{0}")]
    Invalid(String),
    /// The database address is not one this program can open.
    #[error("{0}")]
    Usage(String),
    #[error("baza serwera ma schemat {found}, a ten program obsługuje do {supported}; użyj nowszego jst-server")]
    SchemaTooNew { found: i64, supported: i64 },
}

impl Error {
    pub fn io(context: impl Into<String>) -> impl FnOnce(std::io::Error) -> Self {
        let context = context.into();
        move |source| Self::Io { context, source }
    }
}
