/// Why a release file was refused. The `code` is what the sync log and `jst sync` report.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}", jst_text::t!("release-bad-signature", file = file))]
    BadSignature { file: String },
    #[error("{}", jst_text::t!("release-malformed-signature", file = file))]
    MalformedSignature { file: String },
    #[error("{}", jst_text::t!("release-malformed-key", reason = .0))]
    MalformedKey(String),
    #[error("{}", jst_text::t!("release-too-large", file = file, size = size, limit = limit))]
    TooLarge { file: String, size: u64, limit: u64 },
    #[error("{}", jst_text::t!("release-malformed", file = file, reason = reason))]
    Malformed { file: String, reason: String },
    #[error("{}", jst_text::t!("release-hash-mismatch", file = file))]
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

#[cfg(test)]
mod tests {
    use super::Error;
    use jst_text::{with_language, Lang};

    #[test]
    fn errors_speak_the_users_language() {
        let error = Error::TooLarge { file: "latest.json".into(), size: 70_000, limit: 65_536 };
        assert_eq!(
            error.to_string(),
            "plik latest.json jest za duży (70000 B, dopuszczalne 65536 B)"
        );
        assert_eq!(
            with_language(Lang::En, || error.to_string()),
            "the file latest.json is too large (70000 B, allowed 65536 B)"
        );
        let english = with_language(Lang::En, || {
            crate::PublicKey::from_text("nonsense").err().map(|e| e.to_string())
        });
        assert_eq!(
            english.as_deref(),
            Some("the public key is malformed: a line starting with “monitor-jst-ed25519-public:” was expected")
        );
    }
}
