//! What every use case leans on and no domain owns: reading the files users name, writing files
//! crash-safely, the audit stamp, the data folder's default place and what the program is.

pub(crate) mod about;
pub(crate) mod data_dir;
pub(crate) mod input;
pub(crate) mod stamp;

/// Counts in views are `u32` (JavaScript numbers are exact only to 2^53, and specta refuses
/// 64-bit integers); no list of the program comes near 4 billion, so saturating is safe.
pub(crate) fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
