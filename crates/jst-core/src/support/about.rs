//! What the program is: its version, build date, the schema versions it writes and the data
//! folder in use — what `jst --version` and the app's "O programie" show, so a helpdesk call can
//! start from the same four facts.

use std::path::Path;

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AboutView {
    pub version: String,
    /// `RRRR-MM-DD` (see `build.rs`).
    pub build_date: String,
    /// Schema of `local.db` this program writes (a newer folder is refused).
    pub local_schema: u32,
    /// Schema of `peers.db` this program writes.
    pub peers_schema: u32,
    /// The data folder in use; `None` when none could be found.
    pub data_dir: Option<String>,
}

pub fn about(data_dir: Option<&Path>) -> AboutView {
    AboutView {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        build_date: env!("JST_BUILD_DATE").to_owned(),
        local_schema: u32::try_from(jst_store::LOCAL_SCHEMA_VERSION).unwrap_or(u32::MAX),
        peers_schema: u32::try_from(jst_store::PEERS_SCHEMA_VERSION).unwrap_or(u32::MAX),
        data_dir: data_dir.map(|d| d.display().to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn about_names_the_version_the_build_day_and_both_schemas() {
        let view = about(Some(Path::new("/tmp/dane")));
        assert_eq!(view.version, env!("CARGO_PKG_VERSION"));
        let date = view.build_date.as_bytes();
        assert!(
            date.len() == 10
                && date[4] == b'-'
                && date[7] == b'-'
                && view.build_date[..4] >= *"2026",
            "{}",
            view.build_date
        );
        assert_eq!(i64::from(view.local_schema), jst_store::LOCAL_SCHEMA_VERSION);
        assert_eq!(i64::from(view.peers_schema), jst_store::PEERS_SCHEMA_VERSION);
        assert_eq!(view.data_dir.as_deref(), Some("/tmp/dane"));
    }
}
