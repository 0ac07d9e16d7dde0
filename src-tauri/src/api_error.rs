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
        Self { kind: err.kind(), message: err.to_string() }
    }
}
