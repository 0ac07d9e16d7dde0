//! Release keys: Ed25519, stored as one line of text each — `monitor-jst-ed25519-secret:<base64>`
//! and `monitor-jst-ed25519-public:<base64>` — so a key file says what it is and a secret key
//! pasted where a public one belongs is refused.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use ed25519_dalek::{SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};

use crate::Error;

const SECRET_PREFIX: &str = "monitor-jst-ed25519-secret:";
const PUBLIC_PREFIX: &str = "monitor-jst-ed25519-public:";

#[derive(Clone)]
pub struct KeyPair {
    pub(crate) signing: SigningKey,
}

impl std::fmt::Debug for KeyPair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print the secret half.
        write!(f, "KeyPair({})", self.public().id())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicKey {
    pub(crate) verifying: VerifyingKey,
}

impl KeyPair {
    pub fn generate() -> Self {
        Self { signing: SigningKey::generate(&mut rand_core::OsRng) }
    }

    pub fn public(&self) -> PublicKey {
        PublicKey { verifying: self.signing.verifying_key() }
    }

    pub fn to_text(&self) -> String {
        format!("{SECRET_PREFIX}{}\n", STANDARD.encode(self.signing.to_bytes()))
    }

    pub fn from_text(text: &str) -> Result<Self, Error> {
        let bytes = decode(text, SECRET_PREFIX)?;
        Ok(Self { signing: SigningKey::from_bytes(&bytes) })
    }
}

impl PublicKey {
    pub fn to_text(&self) -> String {
        format!("{PUBLIC_PREFIX}{}\n", STANDARD.encode(self.verifying.to_bytes()))
    }

    pub fn from_text(text: &str) -> Result<Self, Error> {
        let bytes = decode(text, PUBLIC_PREFIX)?;
        VerifyingKey::from_bytes(&bytes)
            .map(|verifying| Self { verifying })
            .map_err(|_| Error::MalformedKey(jst_text::t!("release-key-not-a-point")))
    }

    /// Short id: the first 8 bytes of SHA-256 of the public key, in hex.
    pub fn id(&self) -> String {
        hex::encode(&Sha256::digest(self.verifying.to_bytes())[..8])
    }
}

fn decode(text: &str, prefix: &str) -> Result<[u8; 32], Error> {
    let body = text
        .trim()
        .strip_prefix(prefix)
        .ok_or_else(|| Error::MalformedKey(jst_text::t!("release-key-prefix", prefix = prefix)))?;
    let bytes = STANDARD
        .decode(body.trim())
        .map_err(|_| Error::MalformedKey(jst_text::t!("release-key-base64")))?;
    bytes.try_into().map_err(|_| Error::MalformedKey(jst_text::t!("release-key-length")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_halves_are_not_confused() {
        let pair = KeyPair::generate();
        let again = KeyPair::from_text(&pair.to_text()).expect("secret");
        assert_eq!(again.public(), pair.public());
        let public = PublicKey::from_text(&pair.public().to_text()).expect("public");
        assert_eq!(public.id().len(), 16);
        assert!(PublicKey::from_text(&pair.to_text()).is_err(), "a secret key is not a public key");
        assert!(KeyPair::from_text(&pair.public().to_text()).is_err());
        assert!(format!("{pair:?}").starts_with("KeyPair("));
        assert!(!format!("{pair:?}").contains(pair.to_text().trim()));
    }
}
