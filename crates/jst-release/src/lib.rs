//! The release format of Monitor JST's peer-data sync (DESIGN §7): `latest.json` and
//! `manifest.json` with detached Ed25519 signatures, content-addressed chunks of rows, and the
//! row of the aggregates chunk.
//! Shared by the association server (which writes releases) and the desktop client (which
//! verifies and applies them).
//!
//! Bytes in, bytes out: no files, no network, no clock. A signature is checked over the exact
//! bytes before anything is parsed, and every parser has a size cap.

mod aggregates;
mod chunk;
mod error;
mod keys;
mod manifest;
mod practices;
mod signature;

pub use aggregates::{aggregates_csv, AggregateRow, AGGREGATES_HEADER};
pub use chunk::{decode_chunk, encode_chunk, sha256_hex, MAX_CHUNK_BYTES, MAX_CHUNK_ROWS_BYTES};
pub use error::Error;
pub use keys::{KeyPair, PublicKey};
pub use manifest::{
    ChunkEntry, ChunkKind, Latest, Manifest, FORMAT, MAX_LATEST_BYTES, MAX_MANIFEST_BYTES,
    POLICY_ID,
};
pub use practices::{
    AttachmentEntry, PracticesChunk, PracticesIndex, ATTACHMENTS_DIR, MAX_PRACTICES_INDEX_BYTES,
    PRACTICES_FORMAT,
};
pub use signature::{sign, verify, SIGNATURE_SUFFIX};

/// The largest magnitude of a number in a release (values and aggregates): what every reader of
/// the desktop accepts (DESIGN §6, G10). A builder must not sign a number beyond it, nor one
/// that is not finite.
pub const MAX_ABS: f64 = 1e15;

/// Whether a release may carry `value`: finite and within ±[`MAX_ABS`].
pub fn publishable(value: f64) -> bool {
    value.is_finite() && value.abs() <= MAX_ABS
}
