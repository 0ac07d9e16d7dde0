/// One error type for the server; `code()` is the machine-readable code of HTTP answers and
/// the exit code group of the command line.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Import(#[from] jst_import::ImportError),
    #[error(transparent)]
    Release(#[from] jst_release::Error),
    #[error(transparent)]
    Store(#[from] jst_server_store::Error),
    #[error("{context}: {source}")]
    Io { context: String, source: std::io::Error },
    #[error("{0}")]
    Invalid(String),
    #[error("{0}")]
    Missing(String),
    /// The command line lacks what this input needs (exit 2, like clap's usage errors).
    #[error("{0}")]
    Usage(String),
}

impl Error {
    pub fn io(context: impl Into<String>) -> impl FnOnce(std::io::Error) -> Self {
        let context = context.into();
        move |source| Self::Io { context, source }
    }

    /// Exit code of the command line: 3 for input the user can fix, 1 otherwise.
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::Import(_) | Self::Invalid(_) | Self::Release(_) => 3,
            Self::Store(jst_server_store::Error::Invalid(_)) => 3,
            Self::Store(jst_server_store::Error::Usage(_)) | Self::Usage(_) => 2,
            Self::Missing(_) | Self::Store(_) | Self::Io { .. } => 1,
        }
    }
}
