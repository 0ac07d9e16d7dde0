//! Chunks: gzip-compressed CSV text, named by the SHA-256 of the compressed bytes
//! (`chunks/<sha256>`), so an unchanged chunk is the same file in every release.

use std::io::{Read, Write};

use flate2::read::GzDecoder;
use flate2::Compression;
use sha2::{Digest, Sha256};

use crate::Error;

/// Largest chunk file a manifest may declare.
pub const MAX_CHUNK_BYTES: u64 = 64 * 1024 * 1024;
/// Largest text a chunk may decompress to (a zip bomb stops here).
pub const MAX_CHUNK_ROWS_BYTES: u64 = 256 * 1024 * 1024;

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Compresses CSV text deterministically (no file name, no time in the gzip header), so the same
/// rows always give the same chunk and its hash.
pub fn encode_chunk(text: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::GzBuilder::new().mtime(0).write(Vec::new(), Compression::new(6));
    let _ = encoder.write_all(text);
    encoder.finish().unwrap_or_default()
}

/// Checks the hash of a downloaded chunk, then decompresses it within the cap.
pub fn decode_chunk(name: &str, bytes: &[u8], sha256: &str) -> Result<Vec<u8>, Error> {
    if sha256_hex(bytes) != sha256 {
        return Err(Error::HashMismatch { file: format!("chunks/{name}") });
    }
    let mut text = Vec::new();
    GzDecoder::new(bytes)
        .take(MAX_CHUNK_ROWS_BYTES + 1)
        .read_to_end(&mut text)
        .map_err(|e| Error::Malformed { file: format!("chunks/{name}"), reason: e.to_string() })?;
    if text.len() as u64 > MAX_CHUNK_ROWS_BYTES {
        return Err(Error::TooLarge {
            file: format!("chunks/{name}"),
            size: text.len() as u64,
            limit: MAX_CHUNK_ROWS_BYTES,
        });
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn chunks_are_deterministic_and_checked() {
        let text = b"teryt;wskaznik_kod;rok;wartosc\n1219053;LUD_OGOLEM;2024;69791\n";
        let a = encode_chunk(text);
        assert_eq!(a, encode_chunk(text), "same rows, same bytes");
        let hash = sha256_hex(&a);
        assert_eq!(decode_chunk("x", &a, &hash).ok().as_deref(), Some(&text[..]));
        let mut tampered = a.clone();
        tampered[a.len() / 2] ^= 1;
        assert_eq!(decode_chunk("x", &tampered, &hash).map_err(|e| e.code()), Err("hash_mismatch"));
    }

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let hash = sha256_hex(&bytes);
            let _ = decode_chunk("x", &bytes, &hash);
        }
    }
}
