//! One error type for the core, and the [`ErrorKind`] every shell branches on.

use jst_text::t;

/// What kind of failure happened; shells branch on this, never on message text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The user's input (a file, a code) cannot be used; nothing was written.
    InvalidInput,
    /// What was asked for does not exist (e.g. no such TERYT code); nothing was written.
    NotFound,
    /// The request clashes with data already there; nothing was written.
    Conflict,
    /// The user stopped the work; nothing was written.
    Cancelled,
    /// A value that needs an explanation note was given without one; nothing was written.
    NoteRequired,
    /// The data folder lacks what the request needs (e.g. no strategy yet).
    MissingData,
    /// The data folder belongs to a newer version of the program.
    SchemaTooNew,
    /// The data folder or a file cannot be read or written.
    Io,
    /// A fault of the program itself.
    Internal,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Import(#[from] jst_import::ImportError),
    #[error(transparent)]
    Store(#[from] jst_store::Error),
    #[error(transparent)]
    Report(#[from] jst_report::Error),
    #[error(transparent)]
    Teryt(#[from] jst_domain::TerytError),
    #[error("{}", t!("core-unknown-unit", teryt = .0))]
    UnknownUnit(String),
    #[error("{0}")]
    Conflict(String),
    #[error("{}", t!("core-no-active-strategy"))]
    NoActiveStrategy,
    #[error("{0}")]
    MissingReference(String),
    #[error("{}", t!("core-unknown-group", name = .0))]
    UnknownGroup(String),
    #[error("{}", t!("core-unknown-key", key = .0))]
    UnknownKey(String),
    #[error("{}", t!("core-pinned-key", key = .0))]
    PinnedKey(String),
    #[error("{}", t!("core-unknown-indicator", code = .0))]
    UnknownIndicator(String),
    #[error("{}", t!("core-unknown-practice", id = .0))]
    UnknownPractice(i64),
    #[error("{}", t!("core-invalid-value", detail = .0))]
    InvalidValue(String),
    #[error("{}", t!("core-note-required", status = .0.label()))]
    NoteRequired(jst_domain::strategy::Status),
    #[error("{context}: {source}")]
    Io { context: String, source: std::io::Error },
    #[error("{}", t!("core-cancelled"))]
    Cancelled,
    /// The association's server or a release folder is not reachable now; the work is done at
    /// the next connection (`jst` exits 5).
    #[error("{0}")]
    Offline(String),
    /// What the association's server or release sent was refused by a check (`jst` exits 4).
    #[error("{0}")]
    Refused(String),
    /// A fault of the program. `source` keeps the error that caused it (when there is one), so
    /// a log of the error's chain shows the cause; the message shows it too.
    #[error("{}", internal_message(context, source.as_deref()))]
    Internal {
        context: String,
        #[source]
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    },
}

/// The statistics failing is a fault of the program; its own message says what failed.
impl From<jst_analytics::Error> for Error {
    fn from(source: jst_analytics::Error) -> Self {
        Self::internal(String::new(), source)
    }
}

fn internal_message(
    context: &str,
    source: Option<&(dyn std::error::Error + Send + Sync)>,
) -> String {
    match source {
        Some(source) if context.is_empty() => source.to_string(),
        Some(source) => format!("{context}: {source}"),
        None => context.to_owned(),
    }
}

impl Error {
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::Import(e) if e.cancelled => ErrorKind::Cancelled,
            Self::Import(_) | Self::Teryt(_) => ErrorKind::InvalidInput,
            Self::UnknownUnit(_) => ErrorKind::NotFound,
            Self::Conflict(_) => ErrorKind::Conflict,
            Self::NoActiveStrategy => ErrorKind::MissingData,
            Self::UnknownIndicator(_) | Self::UnknownGroup(_) => ErrorKind::NotFound,
            Self::UnknownKey(_) | Self::UnknownPractice(_) => ErrorKind::NotFound,
            Self::PinnedKey(_) => ErrorKind::InvalidInput,
            Self::MissingReference(_) => ErrorKind::MissingData,
            Self::InvalidValue(_) => ErrorKind::InvalidInput,
            Self::NoteRequired(_) => ErrorKind::NoteRequired,
            Self::Io { .. } => ErrorKind::Io,
            Self::Report(jst_report::Error::Write { .. }) => ErrorKind::Io,
            Self::Report(_) => ErrorKind::Internal,
            Self::Internal { .. } => ErrorKind::Internal,
            Self::Cancelled => ErrorKind::Cancelled,
            Self::Offline(_) => ErrorKind::MissingData,
            Self::Refused(_) => ErrorKind::InvalidInput,
            Self::Store(e) => match e {
                jst_store::Error::SchemaTooNew { .. } => ErrorKind::SchemaTooNew,
                jst_store::Error::OlderRegister { .. } => ErrorKind::InvalidInput,
                jst_store::Error::UnknownUnit(_) => ErrorKind::NotFound,
                jst_store::Error::Backup { .. } | jst_store::Error::Io { .. } => ErrorKind::Io,
                jst_store::Error::NotRestorable { .. } => ErrorKind::InvalidInput,
                jst_store::Error::InUse(_) => ErrorKind::Conflict,
                jst_store::Error::Sqlite(_) | jst_store::Error::Corrupt(_) => ErrorKind::Internal,
            },
        }
    }

    /// A fault of the program caused by `source`: `context` says what was being done.
    pub fn internal(
        context: impl Into<String>,
        source: impl Into<Box<dyn std::error::Error + Send + Sync>>,
    ) -> Self {
        Self::Internal { context: context.into(), source: Some(source.into()) }
    }

    /// A fault of the program found by the program itself, with no error behind it.
    pub fn fault(message: impl Into<String>) -> Self {
        Self::Internal { context: message.into(), source: None }
    }

    pub(crate) fn io(context: impl Into<String>) -> impl FnOnce(std::io::Error) -> Self {
        let context = context.into();
        move |source| Self::Io { context, source }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_internal_error_keeps_its_cause_for_the_log() {
        let cause = serde_json::from_str::<u32>("{").expect_err("not JSON");
        let cause_text = cause.to_string();
        let err = Error::internal("nieczytelna odpowiedź serwera", cause);
        assert_eq!(err.kind(), ErrorKind::Internal);
        let source = std::error::Error::source(&err).expect("the cause is kept");
        assert!(source.is::<serde_json::Error>(), "{source:?}");
        assert_eq!(source.to_string(), cause_text);
        assert_eq!(err.to_string(), format!("nieczytelna odpowiedź serwera: {cause_text}"));
        // What a log prints with `?err` holds the cause itself, not only its text.
        assert!(format!("{err:?}").contains(&format!("Some({source:?})")), "{err:?}");
    }

    #[test]
    fn a_fault_without_a_cause_says_only_what_went_wrong() {
        let err = Error::fault("indeks porównań jest niedostępny");
        assert!(std::error::Error::source(&err).is_none());
        assert_eq!(err.to_string(), "indeks porównań jest niedostępny");
    }
}
