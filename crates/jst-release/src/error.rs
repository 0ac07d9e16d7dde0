/// Why a release file was refused. The `code` is what the sync log and `jst sync` report.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("podpis pliku {file} nie pochodzi z zaufanego klucza lub plik zmieniono")]
    BadSignature { file: String },
    #[error("plik podpisu {file} ma nieprawidłową postać")]
    MalformedSignature { file: String },
    #[error("klucz publiczny ma nieprawidłową postać: {0}")]
    MalformedKey(String),
    #[error("plik {file} jest za duży ({size} B, dopuszczalne {limit} B)")]
    TooLarge { file: String, size: u64, limit: u64 },
    #[error("plik {file} ma nieprawidłową postać: {reason}")]
    Malformed { file: String, reason: String },
    #[error("skrót SHA-256 pliku {file} nie zgadza się z manifestem")]
    HashMismatch { file: String },
}

impl Error {
    /// Machine-readable code (DESIGN §7: coded entries in the sync log).
    pub fn code(&self) -> &'static str {
        match self {
            Self::BadSignature { .. } => "bad_signature",
            Self::MalformedSignature { .. } => "bad_signature",
            Self::MalformedKey(_) => "bad_key",
            Self::TooLarge { .. } => "too_large",
            Self::Malformed { .. } => "malformed",
            Self::HashMismatch { .. } => "hash_mismatch",
        }
    }
}
