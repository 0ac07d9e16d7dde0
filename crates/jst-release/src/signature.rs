//! Detached signatures (`<file>.sig`): raw Ed25519 over a domain-separated message
//! `monitor-jst-release/1 \0 <file name> \0 <bytes>`, so a signature for one file cannot be
//! replayed for another. The file holds the key id and the signature, one `key=value` per line.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use ed25519_dalek::{Signature, Signer, Verifier};

use crate::{Error, KeyPair, PublicKey};

pub const SIGNATURE_SUFFIX: &str = ".sig";
const DOMAIN: &[u8] = b"monitor-jst-release/1";
const MAX_SIGNATURE_BYTES: usize = 1024;

fn message(file: &str, bytes: &[u8]) -> Vec<u8> {
    let mut m = Vec::with_capacity(DOMAIN.len() + file.len() + bytes.len() + 2);
    m.extend_from_slice(DOMAIN);
    m.push(0);
    m.extend_from_slice(file.as_bytes());
    m.push(0);
    m.extend_from_slice(bytes);
    m
}

/// The text of `<file>.sig` for `bytes` named `file` (a base name such as `manifest.json`).
pub fn sign(key: &KeyPair, file: &str, bytes: &[u8]) -> String {
    let signature = key.signing.sign(&message(file, bytes));
    format!("key={}\nsignature={}\n", key.public().id(), STANDARD.encode(signature.to_bytes()))
}

/// Checks `signature_text` over the exact `bytes` against the trusted keys; returns the id of
/// the key that signed. Nothing of `bytes` is parsed.
pub fn verify(
    trusted: &[PublicKey],
    file: &str,
    bytes: &[u8],
    signature_text: &[u8],
) -> Result<String, Error> {
    let malformed = || Error::MalformedSignature { file: file.to_owned() };
    if signature_text.len() > MAX_SIGNATURE_BYTES {
        return Err(malformed());
    }
    let text = std::str::from_utf8(signature_text).map_err(|_| malformed())?;
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(name).and_then(|r| r.strip_prefix('=')))
            .map(str::trim)
    };
    let key_id = field("key").ok_or_else(malformed)?;
    let raw =
        STANDARD.decode(field("signature").ok_or_else(malformed)?).map_err(|_| malformed())?;
    let raw: [u8; 64] = raw.try_into().map_err(|_| malformed())?;
    let signature = Signature::from_bytes(&raw);
    let message = message(file, bytes);
    trusted
        .iter()
        .filter(|k| k.id() == key_id)
        .find(|k| k.verifying.verify(&message, &signature).is_ok())
        .map(PublicKey::id)
        .ok_or_else(|| Error::BadSignature { file: file.to_owned() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_signature_binds_the_bytes_the_name_and_the_key() {
        let key = KeyPair::generate();
        let other = KeyPair::generate();
        let sig = sign(&key, "latest.json", b"{\"version\":3}");
        let trusted = [other.public(), key.public()];
        assert_eq!(
            verify(&trusted, "latest.json", b"{\"version\":3}", sig.as_bytes()).ok(),
            Some(key.public().id())
        );
        assert!(
            verify(&trusted, "latest.json", b"{\"version\":4}", sig.as_bytes()).is_err(),
            "changed bytes"
        );
        assert!(
            verify(&trusted, "manifest.json", b"{\"version\":3}", sig.as_bytes()).is_err(),
            "another file"
        );
        assert!(
            verify(&[other.public()], "latest.json", b"{\"version\":3}", sig.as_bytes()).is_err(),
            "untrusted key"
        );
        assert_eq!(
            verify(&trusted, "latest.json", b"x", b"garbage").map_err(|e| e.code()),
            Err("bad_signature")
        );
    }

    proptest! {
        #[test]
        fn arbitrary_signature_files_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let key = KeyPair::generate();
            let verdict = verify(&[key.public()], "latest.json", b"{}", &bytes);
            prop_assert!(verdict.is_err());
        }
    }
}
