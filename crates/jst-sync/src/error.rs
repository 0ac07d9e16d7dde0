use crate::{Rejection, RejectionCode};

/// Why a release was not applied. `Rejected` carries a machine-readable code (the sync log,
/// `jst sync`'s stderr and exit code 4); `Offline` is normal and never an error dialog.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}", jst_text::t!("sync-rejected", code = .0.code.as_str(), message = &.0.message))]
    Rejected(Rejection),
    #[error("{}", jst_text::t!("sync-offline", reason = .0))]
    Offline(String),
    #[error("{}", jst_text::t!("sync-cancelled"))]
    Cancelled,
    #[error("{context}: {source}")]
    Io { context: String, source: std::io::Error },
}

impl Error {
    pub(crate) fn reject(code: RejectionCode, message: impl Into<String>) -> Self {
        Self::Rejected(Rejection { code, message: message.into() })
    }

    pub(crate) fn io(context: impl Into<String>) -> impl FnOnce(std::io::Error) -> Self {
        let context = context.into();
        move |source| Self::Io { context, source }
    }
}

impl From<jst_release::Error> for Error {
    fn from(e: jst_release::Error) -> Self {
        Self::reject(RejectionCode::from(&e), e.to_string())
    }
}
