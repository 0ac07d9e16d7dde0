use std::path::PathBuf;

/// Environment variable naming the data folder; honoured by the CLI and the desktop app.
pub const DATA_DIR_ENV: &str = "JST_DATA_DIR";

/// The bundle identifier of the desktop app; the data folder is named after it so that the app
/// and the CLI share one folder.
const BUNDLE_ID: &str = "pl.monitorjst.app";

/// The platform's app-data folder for the bundle identifier (on Linux
/// `~/.local/share/pl.monitorjst.app`, on Windows `%APPDATA%\pl.monitorjst.app`), which is where
/// Tauri's `app_data_dir` points too.
pub fn default_data_dir() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join(BUNDLE_ID))
}

#[cfg(test)]
mod tests {
    #[test]
    fn default_folder_is_named_after_the_bundle_identifier() {
        let dir = super::default_data_dir().expect("a data folder on this platform");
        assert!(dir.ends_with("pl.monitorjst.app"), "{}", dir.display());
    }
}
