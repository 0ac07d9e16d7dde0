//! Unit tokens (DESIGN §9): 256 random bits, shown once; the server keeps only their SHA-256.

use rand_core::{OsRng, RngCore};
use sha2::{Digest, Sha256};

use crate::{Result, Storage};

#[derive(Debug)]
pub struct IssuedToken {
    pub id: i64,
    /// The token itself: give it to the unit now, it cannot be shown again.
    pub token: String,
}

pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

pub fn issue_token(storage: &mut dyn Storage, teryt: &str, at: &str) -> Result<IssuedToken> {
    let mut raw = [0u8; 32];
    OsRng.fill_bytes(&mut raw);
    let token = format!("jst_{}", hex::encode(raw));
    let id = storage.add_token(teryt, &token_hash(&token), at)?;
    Ok(IssuedToken { id, token })
}
