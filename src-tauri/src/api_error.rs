use jst_core::ErrorKind;
use serde::Serialize;

/// The one error the UI receives: it branches on `kind`; `message` is Polish text for people.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ApiError {
    pub kind: ErrorKind,
    pub message: String,
}

impl From<jst_core::Error> for ApiError {
    fn from(err: jst_core::Error) -> Self {
        let error = Self { kind: err.kind(), message: err.to_string() };
        // What the user was shown, for the log a bug report carries; internal errors with
        // their whole chain of causes.
        match error.kind {
            ErrorKind::Internal | ErrorKind::Io => {
                tracing::error!(kind = ?error.kind, error = ?err, "{}", error.message)
            }
            _ => tracing::warn!(kind = ?error.kind, "{}", error.message),
        }
        error
    }
}
