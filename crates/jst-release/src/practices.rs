//! `practices.json`: the signed index of the good-practice base published with a release
//! (DESIGN §8). It sits beside `manifest.json` rather than in it: the manifest's chunk kinds are
//! a closed set every installed desktop checks, so a new kind there would make them refuse the
//! whole release. The index names the release `version` it belongs to, so an older index
//! cannot be served with a newer manifest unnoticed.
//!
//! Practices travel as chunks (`chunks/<sha256>`, gzip of a JSON array, see
//! [`crate::encode_chunk`]); attachments as their own files `attachments/<sha256>` (the hash
//! of the bytes as they are), fetched only when someone opens one.

use serde::{Deserialize, Serialize};

use crate::Error;

pub const PRACTICES_FORMAT: &str = "monitor-jst-practices/1";
pub const MAX_PRACTICES_INDEX_BYTES: u64 = 4 * 1024 * 1024;
/// The folder of a release directory holding attachments by hash.
pub const ATTACHMENTS_DIR: &str = "attachments";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticesIndex {
    pub format: String,
    pub dataset: String,
    /// The release (manifest) version this index was built with.
    pub version: u64,
    pub issued_at: String,
    pub chunks: Vec<PracticesChunk>,
    pub attachments: Vec<AttachmentEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticesChunk {
    pub name: String,
    pub sha256: String,
    /// Bytes of the chunk file (compressed).
    pub size: u64,
    /// Practices in the chunk.
    pub rows: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttachmentEntry {
    pub sha256: String,
    pub size: u64,
    /// `application/pdf`, `image/png` or `image/jpeg`.
    pub media_type: String,
}

impl PracticesIndex {
    pub const FILE: &'static str = "practices.json";

    /// Parses bytes whose signature was already verified.
    pub fn parse(bytes: &[u8]) -> Result<Self, Error> {
        if bytes.len() as u64 > MAX_PRACTICES_INDEX_BYTES {
            return Err(Error::TooLarge {
                file: Self::FILE.to_owned(),
                size: bytes.len() as u64,
                limit: MAX_PRACTICES_INDEX_BYTES,
            });
        }
        let index: Self = serde_json::from_slice(bytes)
            .map_err(|e| Error::Malformed { file: Self::FILE.to_owned(), reason: e.to_string() })?;
        if index.format != PRACTICES_FORMAT {
            return Err(Error::Malformed {
                file: Self::FILE.to_owned(),
                reason: jst_text::t!("release-unknown-format", format = &index.format),
            });
        }
        let hashes = index
            .chunks
            .iter()
            .map(|c| c.sha256.as_str())
            .chain(index.attachments.iter().map(|a| a.sha256.as_str()));
        for hash in hashes {
            if !(hash.len() == 64
                && hash.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
            {
                return Err(Error::Malformed {
                    file: Self::FILE.to_owned(),
                    reason: jst_text::t!("release-chunk-hash-field", chunk = hash),
                });
            }
        }
        Ok(index)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec_pretty(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_index_reads_back_and_bad_hashes_or_formats_are_refused() {
        let index = PracticesIndex {
            format: PRACTICES_FORMAT.to_owned(),
            dataset: "krajowy".to_owned(),
            version: 3,
            issued_at: "2026-12-01T00:00:00Z".to_owned(),
            chunks: vec![PracticesChunk {
                name: "practices-00".to_owned(),
                sha256: "a".repeat(64),
                size: 10,
                rows: 1,
            }],
            attachments: vec![],
        };
        assert_eq!(PracticesIndex::parse(&index.to_bytes()).ok(), Some(index.clone()));
        let mut bad = index.clone();
        bad.chunks[0].sha256 = "../etc".to_owned();
        assert!(PracticesIndex::parse(&bad.to_bytes()).is_err());
        let mut other = index;
        other.format = "x".to_owned();
        assert!(PracticesIndex::parse(&other.to_bytes()).is_err());
    }
}
