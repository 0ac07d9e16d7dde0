//! Why a release was refused: a closed set of codes that the sync log, `jst sync` (stderr, JSON,
//! exit code 4) and the window share, with a message for people in the user's language.

/// A refused release: the code for programs, the message for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    pub code: RejectionCode,
    pub message: String,
}

/// The reason a release was refused. The snake_case names are the public contract (the sync
/// log stores them, the window translates them), so a variant is never renamed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum RejectionCode {
    /// A signature does not verify against a trusted key, or it is not a signature.
    BadSignature,
    /// A key that is not a release key.
    BadKey,
    /// No release key is trusted yet, so nothing can be verified.
    UntrustedKey,
    /// A file's SHA-256 is not the one `latest.json` or the manifest declares.
    HashMismatch,
    /// A file is larger than its cap or than the size the manifest declares.
    TooLarge,
    /// `latest.json` or the manifest cannot be read, or the manifest describes another release
    /// than `latest.json`.
    Malformed,
    /// A file of the release is missing from its folder.
    MissingFile,
    /// A row of a chunk is not valid data (the whole release is refused).
    MalformedRows,
    /// Older than a release already applied.
    Rollback,
    /// Past its expiry (a frozen mirror), judged by the later of the clock and the newest
    /// release seen.
    Expired,
    /// The server refused a request (4xx); a 5xx is being offline, not a rejection.
    HttpStatus,
}

impl RejectionCode {
    const ALL: [Self; 11] = [
        Self::BadSignature,
        Self::BadKey,
        Self::UntrustedKey,
        Self::HashMismatch,
        Self::TooLarge,
        Self::Malformed,
        Self::MissingFile,
        Self::MalformedRows,
        Self::Rollback,
        Self::Expired,
        Self::HttpStatus,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::BadSignature => "bad_signature",
            Self::BadKey => "bad_key",
            Self::UntrustedKey => "untrusted_key",
            Self::HashMismatch => "hash_mismatch",
            Self::TooLarge => "too_large",
            Self::Malformed => "malformed",
            Self::MissingFile => "missing_file",
            Self::MalformedRows => "malformed_rows",
            Self::Rollback => "rollback",
            Self::Expired => "expired",
            Self::HttpStatus => "http_status",
        }
    }

    /// What the code means, for people, in the user's language.
    pub fn label(self) -> String {
        match self {
            Self::BadSignature => jst_text::t!("sync-code-bad-signature"),
            Self::BadKey => jst_text::t!("sync-code-bad-key"),
            Self::UntrustedKey => jst_text::t!("sync-code-untrusted-key"),
            Self::HashMismatch => jst_text::t!("sync-code-hash-mismatch"),
            Self::TooLarge => jst_text::t!("sync-code-too-large"),
            Self::Malformed => jst_text::t!("sync-code-malformed"),
            Self::MissingFile => jst_text::t!("sync-code-missing-file"),
            Self::MalformedRows => jst_text::t!("sync-code-malformed-rows"),
            Self::Rollback => jst_text::t!("sync-code-rollback"),
            Self::Expired => jst_text::t!("sync-code-expired"),
            Self::HttpStatus => jst_text::t!("sync-code-http-status"),
        }
    }

    /// The code of [`RejectionCode::as_str`] back, e.g. from a sync-log line.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == code)
    }
}

impl std::fmt::Display for RejectionCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<&jst_release::Error> for RejectionCode {
    fn from(e: &jst_release::Error) -> Self {
        use jst_release::Error as E;
        match e {
            E::BadSignature { .. } | E::MalformedSignature { .. } => Self::BadSignature,
            E::MalformedKey(_) => Self::BadKey,
            E::TooLarge { .. } => Self::TooLarge,
            E::Malformed { .. } => Self::Malformed,
            E::HashMismatch { .. } => Self::HashMismatch,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RejectionCode;

    #[test]
    fn codes_round_trip_and_match_serde() {
        for c in RejectionCode::ALL {
            assert_eq!(RejectionCode::from_code(c.as_str()), Some(c));
            assert_eq!(serde_json::to_value(c).expect("json"), serde_json::json!(c.as_str()));
            assert_eq!(
                serde_json::from_value::<RejectionCode>(serde_json::json!(c.as_str())).ok(),
                Some(c)
            );
            assert_eq!(c.to_string(), c.as_str());
        }
        assert_eq!(RejectionCode::from_code("unknown"), None);
    }

    #[test]
    fn codes_are_told_in_the_users_language() {
        use jst_text::{with_language, Lang};
        let code = RejectionCode::BadSignature;
        assert_eq!(code.label(), "podpis nie pochodzi z zaufanego klucza albo plik zmieniono");
        assert_eq!(
            with_language(Lang::En, || code.label()),
            "the signature is not from a trusted key, or the file was changed"
        );
        for c in RejectionCode::ALL {
            let english = with_language(Lang::En, || c.label());
            assert_ne!(english, c.label(), "{c}");
            assert!(!english.contains('_'), "{c} shows a code: {english}");
        }
        let error = crate::Error::reject(RejectionCode::Rollback, "x");
        assert_eq!(with_language(Lang::En, || error.to_string()), "release rejected (rollback): x");
        assert_eq!(error.to_string(), "wydanie odrzucone (rollback): x");
        let offline = || crate::http::past_sync_deadline(std::time::Duration::from_secs(90));
        assert_eq!(
            with_language(Lang::En, || offline().to_string()),
            "no connection to the server: the synchronisation's time limit (90 s) was exceeded; \
             peer data is unchanged, the chunks downloaded are kept for the next time"
        );
    }

    #[test]
    fn release_errors_keep_their_codes() {
        let file = || "latest.json".to_owned();
        for (e, code) in [
            (jst_release::Error::BadSignature { file: file() }, "bad_signature"),
            (jst_release::Error::MalformedSignature { file: file() }, "bad_signature"),
            (jst_release::Error::TooLarge { file: file(), size: 2, limit: 1 }, "too_large"),
            (jst_release::Error::Malformed { file: file(), reason: "x".into() }, "malformed"),
            (jst_release::Error::HashMismatch { file: file() }, "hash_mismatch"),
            (jst_release::Error::MalformedKey("x".into()), "bad_key"),
        ] {
            assert_eq!(e.code(), code);
            assert_eq!(RejectionCode::from(&e).as_str(), code);
        }
    }
}
