//! Where the unit token lives (DESIGN §9): the OS keyring where one answers (Secret Service,
//! Windows Credential Manager, macOS Keychain), otherwise a file of the data folder readable only
//! by the user — and the officer is told which. The token never goes back to the webview.

use std::io::Write;
use std::path::{Path, PathBuf};

use jst_text::t;
use serde::Serialize;

use crate::{Error, Result};

const TOKEN_FILE: &str = "token-jednostki";
const KEYRING_SERVICE: &str = "pl.monitorjst.app";
/// `file` keeps the token out of the keyring (tests, machines whose keyring asks questions
/// nobody is there to answer, e.g. scheduled `jst submit`).
pub const TOKEN_STORE_ENV: &str = "JST_TOKEN_STORE";

/// Where a token can be kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum TokenPlace {
    Keyring,
    File,
    None,
}

/// Where the token is kept, for the officer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TokenPlaceView {
    pub place: TokenPlace,
    /// The file's path, or the keyring entry's name.
    pub detail: Option<String>,
}

/// The unit token of one data folder.
pub(crate) struct UnitToken<'a> {
    data_dir: &'a Path,
    use_keyring: bool,
}

impl<'a> UnitToken<'a> {
    pub(crate) fn new(data_dir: &'a Path) -> Self {
        let use_keyring = std::env::var(TOKEN_STORE_ENV).map_or(true, |v| v != "file");
        Self { data_dir, use_keyring }
    }

    fn file(&self) -> PathBuf {
        self.data_dir.join(TOKEN_FILE)
    }

    /// One entry per data folder: two folders on one PC may belong to two units.
    fn entry_name(&self) -> String {
        let dir = self.data_dir.canonicalize().unwrap_or_else(|_| self.data_dir.to_path_buf());
        format!("token-jednostki:{}", dir.display())
    }

    fn keyring(&self) -> Option<keyring::Entry> {
        if !self.use_keyring {
            return None;
        }
        keyring::Entry::new(KEYRING_SERVICE, &self.entry_name()).ok()
    }

    /// Checks the token's shape, then keeps it in the keyring (read back to be sure) or, when
    /// no keyring answers, in the file. The other place is emptied so only one copy exists.
    pub(crate) fn save(&self, token: &str) -> Result<TokenPlaceView> {
        let token = token.trim();
        if !token.starts_with("jst_")
            || token.len() != 68
            || !token[4..].bytes().all(|b| b.is_ascii_hexdigit())
        {
            return Err(Error::InvalidValue(t!("core-token-shape")));
        }
        if let Some(entry) = self.keyring() {
            let kept = entry.set_password(token).is_ok()
                && entry.get_password().is_ok_and(|back| back == token);
            if kept {
                let file = self.file();
                if file.exists() {
                    std::fs::remove_file(&file).map_err(Error::io(t!(
                        "core-cannot-remove",
                        path = file.display().to_string()
                    )))?;
                }
                return Ok(self.keyring_view());
            }
        }
        self.write_file(token)?;
        Ok(self.file_view())
    }

    fn write_file(&self, token: &str) -> Result<()> {
        let path = self.file();
        let tmp = path.with_extension("tmp");
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        // Windows: the data folder lies in the user's profile (%APPDATA%), whose inherited ACL
        // already keeps the file to its user; there is no mode to set.
        #[cfg(not(unix))]
        {}
        let mut file = options
            .open(&tmp)
            .map_err(Error::io(t!("core-cannot-save", path = tmp.display().to_string())))?;
        file.write_all(token.as_bytes())
            .and_then(|_| file.sync_all())
            .and_then(|_| std::fs::rename(&tmp, &path))
            .map_err(Error::io(t!("core-cannot-save", path = path.display().to_string())))
    }

    /// The token, from the file when there is one (no keyring round trip), else the keyring.
    pub(crate) fn load(&self) -> Result<String> {
        if let Ok(text) = std::fs::read_to_string(self.file()) {
            return Ok(text.trim().to_owned());
        }
        self.keyring()
            .and_then(|entry| entry.get_password().ok())
            .ok_or_else(|| Error::MissingReference(t!("core-no-token")))
    }

    /// Where the token is, without reading it into anything the caller can show.
    pub(crate) fn place(&self) -> TokenPlaceView {
        if self.file().exists() {
            return self.file_view();
        }
        match self.keyring().map(|entry| entry.get_password()) {
            Some(Ok(_)) => self.keyring_view(),
            _ => TokenPlaceView { place: TokenPlace::None, detail: None },
        }
    }

    fn file_view(&self) -> TokenPlaceView {
        TokenPlaceView { place: TokenPlace::File, detail: Some(self.file().display().to_string()) }
    }

    fn keyring_view(&self) -> TokenPlaceView {
        TokenPlaceView {
            place: TokenPlace::Keyring,
            detail: Some(format!("{KEYRING_SERVICE} / {}", self.entry_name())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_without_a_keyring_goes_to_a_private_file_and_is_read_back() {
        let dir = tempfile::tempdir().expect("dir");
        let vault = UnitToken { data_dir: dir.path(), use_keyring: false };
        assert_eq!(vault.place().place, TokenPlace::None);
        assert!(vault.load().is_err());
        let token = format!("jst_{}", "ab".repeat(32));
        let view = vault.save(&format!("  {token}\n")).expect("save");
        assert_eq!(view.place, TokenPlace::File);
        assert_eq!(vault.load().expect("load"), token);
        assert_eq!(vault.place().place, TokenPlace::File);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join(TOKEN_FILE)).expect("meta").permissions();
            assert_eq!(mode.mode() & 0o777, 0o600);
        }
        // Windows keeps no mode bits; the profile's ACL is the operating system's to check.
        #[cfg(not(unix))]
        assert!(dir.path().join(TOKEN_FILE).is_file());
        for bad in ["jst_short", "xyz_", &format!("jst_{}", "zz".repeat(32))] {
            assert!(matches!(vault.save(bad), Err(Error::InvalidValue(_))), "{bad}");
        }
        assert_eq!(vault.load().expect("still there"), token);
    }
}
