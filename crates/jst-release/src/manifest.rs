//! `latest.json` (what is the newest release) and `manifest.json` (what it is made of).

use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::chunk::MAX_CHUNK_BYTES;
use crate::Error;

pub const FORMAT: &str = "monitor-jst-release/1";
/// The disclosure-control policy of DESIGN §8 the builder applied (named in every manifest).
pub const POLICY_ID: &str = "sdc-type_size-v1";
pub const MAX_LATEST_BYTES: u64 = 64 * 1024;
pub const MAX_MANIFEST_BYTES: u64 = 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Latest {
    pub format: String,
    pub dataset: String,
    pub version: u64,
    pub issued_at: String,
    pub expires_at: String,
    pub manifest_sha256: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChunkKind {
    /// The TERC register the release was built with (TERC CSV).
    Register,
    /// The indicator catalogue (catalogue CSV of DESIGN §6).
    Catalogue,
    /// Public per-unit values (`teryt;wskaznik_kod;rok;wartosc`).
    Values,
    /// Aggregates of contributed values per `type_size` group (DESIGN §8), no unit named.
    Aggregates,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChunkEntry {
    pub name: String,
    pub kind: ChunkKind,
    pub sha256: String,
    /// Bytes of the chunk file as downloaded (compressed).
    pub size: u64,
    pub rows: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub format: String,
    pub dataset: String,
    pub version: u64,
    pub schema: u32,
    pub previous_version: Option<u64>,
    pub issued_at: String,
    /// The register snapshot the release was built with, e.g. `TERC 2024-01-01`.
    pub register: String,
    pub catalogue_version: String,
    pub policy: String,
    pub chunks: Vec<ChunkEntry>,
}

fn malformed(file: &str, reason: impl Into<String>) -> Error {
    Error::Malformed { file: file.to_owned(), reason: reason.into() }
}

fn parse_json<T: for<'de> Deserialize<'de>>(
    file: &str,
    bytes: &[u8],
    limit: u64,
) -> Result<T, Error> {
    if bytes.len() as u64 > limit {
        return Err(Error::TooLarge { file: file.to_owned(), size: bytes.len() as u64, limit });
    }
    serde_json::from_slice(bytes).map_err(|e| malformed(file, e.to_string()))
}

pub(crate) fn instant(file: &str, text: &str) -> Result<OffsetDateTime, Error> {
    OffsetDateTime::parse(text, &Rfc3339)
        .map_err(|_| malformed(file, jst_text::t!("release-not-a-date", text = text)))
}

fn is_sha256(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

impl Latest {
    pub const FILE: &'static str = "latest.json";

    /// Parses bytes whose signature was already verified.
    pub fn parse(bytes: &[u8]) -> Result<Self, Error> {
        let latest: Self = parse_json(Self::FILE, bytes, MAX_LATEST_BYTES)?;
        if latest.format != FORMAT {
            let reason = jst_text::t!("release-unknown-format", format = &latest.format);
            return Err(malformed(Self::FILE, reason));
        }
        if !is_sha256(&latest.manifest_sha256) {
            return Err(malformed(Self::FILE, jst_text::t!("release-manifest-hash-field")));
        }
        latest.issued()?;
        latest.expires()?;
        Ok(latest)
    }

    pub fn issued(&self) -> Result<OffsetDateTime, Error> {
        instant(Self::FILE, &self.issued_at)
    }

    pub fn expires(&self) -> Result<OffsetDateTime, Error> {
        instant(Self::FILE, &self.expires_at)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec_pretty(self).unwrap_or_default()
    }
}

impl Manifest {
    pub const FILE: &'static str = "manifest.json";

    /// Parses bytes whose hash and signature were already checked.
    pub fn parse(bytes: &[u8]) -> Result<Self, Error> {
        let m: Self = parse_json(Self::FILE, bytes, MAX_MANIFEST_BYTES)?;
        if m.format != FORMAT {
            let reason = jst_text::t!("release-unknown-format", format = &m.format);
            return Err(malformed(Self::FILE, reason));
        }
        instant(Self::FILE, &m.issued_at)?;
        for c in &m.chunks {
            let safe = !c.name.is_empty()
                && c.name.len() <= 64
                && c.name.bytes().all(|b| {
                    b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_'
                });
            if !safe {
                return Err(malformed(
                    Self::FILE,
                    jst_text::t!("release-chunk-name", chunk = &c.name),
                ));
            }
            if !is_sha256(&c.sha256) {
                return Err(malformed(
                    Self::FILE,
                    jst_text::t!("release-chunk-hash-field", chunk = &c.name),
                ));
            }
            if c.size > MAX_CHUNK_BYTES {
                return Err(malformed(
                    Self::FILE,
                    jst_text::t!("release-chunk-too-large", chunk = &c.name, size = c.size),
                ));
            }
        }
        for kind in [ChunkKind::Register, ChunkKind::Catalogue] {
            if m.chunks.iter().filter(|c| c.kind == kind).count() != 1 {
                return Err(malformed(
                    Self::FILE,
                    jst_text::t!("release-one-chunk-of-kind", kind = format!("{kind:?}")),
                ));
            }
        }
        Ok(m)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec_pretty(self).unwrap_or_default()
    }
}
