//! A sync prepared under the monitor and run without it (DESIGN §7, invariant 6): the trusted
//! release keys and the watermark are read from own data first; the download and every check
//! then touch no store, so the window stays responsive and no transaction waits on the network.

use std::path::{Path, PathBuf};

use jst_release::PublicKey;
use jst_store::{LocalStore, Stamp};
use jst_sync::{plan, DirSource, Error as SyncError, HttpSource, Limits, PlanInput, Source};
use jst_text::t;
use serde::Serialize;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::sync_settings::{remember_server, SERVER_SETTING};
use crate::{Error, Result};

/// Where to sync from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncSource {
    Server(String),
    Folder(PathBuf),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TrustedKeyView {
    pub key_id: String,
    pub added: bool,
}

/// Where a trusted release key comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum KeyOrigin {
    /// Pinned in the program (`assets/keys/zaufane-klucze.txt`): cannot be removed.
    Pinned,
    /// Added by an administrator (`jst trust add`, audited): can be removed.
    Administrator,
}

/// One trusted release key.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TrustedKeyEntryView {
    /// 16 hex digits: the first 8 bytes of SHA-256 of the public key.
    pub key_id: String,
    /// The public key line (`monitor-jst-ed25519-public:…`).
    pub public_key: String,
    pub origin: KeyOrigin,
    /// When an administrator added it (RFC 3339 UTC); none for a pinned key.
    pub added_at: Option<String>,
    /// Who added it (operating-system user); none for a pinned key.
    pub added_by: Option<String>,
}

/// A sync prepared from the stores: it can run without the monitor.
#[derive(Debug, Clone)]
pub struct SyncJob {
    source: SyncSource,
    trusted: Vec<PublicKey>,
    highest_version: Option<u64>,
    highest_issued_at: Option<OffsetDateTime>,
    cache: PathBuf,
    limits: Limits,
}

/// The outcome of [`SyncJob::plan`], handed to the apply.
#[derive(Debug)]
pub struct PlannedSync(pub(crate) std::result::Result<jst_sync::Plan, SyncError>);

impl SyncJob {
    /// The source as the sync log names it.
    pub(crate) fn label(&self) -> String {
        match &self.source {
            SyncSource::Server(url) => url.clone(),
            SyncSource::Folder(dir) => dir.display().to_string(),
        }
    }

    /// The same job with another overall deadline for its requests (default
    /// [`jst_sync::DEFAULT_SYNC_DEADLINE`], 30 minutes). Past it the sync ends `offline`:
    /// nothing is applied and the chunks downloaded so far stay for the next run.
    pub fn with_deadline(mut self, deadline: std::time::Duration) -> Self {
        self.limits.sync = deadline;
        self
    }

    /// Downloads and verifies (network and files only; no store is touched).
    pub fn plan(&self, progress: &mut dyn FnMut(u32, u32) -> bool) -> PlannedSync {
        let mut fetcher: Box<dyn Source> = match &self.source {
            SyncSource::Server(url) => match HttpSource::with_limits(url, self.limits) {
                Ok(s) => Box::new(s),
                Err(e) => return PlannedSync(Err(e)),
            },
            SyncSource::Folder(dir) => Box::new(DirSource::new(dir)),
        };
        let input = PlanInput {
            trusted: &self.trusted,
            highest_version: self.highest_version,
            highest_issued_at: self.highest_issued_at,
            now: OffsetDateTime::now_utc(),
            cache: &self.cache,
        };
        PlannedSync(plan(fetcher.as_mut(), &input, progress))
    }
}

/// What a sync needs from own data, read under the monitor; the download that follows
/// ([`SyncJob::plan`]) runs without it.
pub(crate) fn sync_job(
    local: &mut LocalStore,
    stamp: &Stamp,
    data_dir: &Path,
    source: &SyncSource,
) -> Result<SyncJob> {
    if let SyncSource::Server(url) = source {
        remember_server(local, stamp, url)?;
    }
    let watermark = local.sync_watermark()?;
    Ok(SyncJob {
        source: source.clone(),
        trusted: trusted_keys(local)?,
        highest_version: watermark.as_ref().map(|(v, _)| *v),
        highest_issued_at: watermark
            .as_ref()
            .and_then(|(_, at)| OffsetDateTime::parse(at, &Rfc3339).ok()),
        cache: data_dir.join("wydania").join("fragmenty"),
        limits: Limits::default(),
    })
}

/// The configured server as a sync source, or a clear error when none is set.
pub(crate) fn configured_source(local: &LocalStore) -> Result<SyncSource> {
    local
        .setting(SERVER_SETTING)?
        .map(SyncSource::Server)
        .ok_or_else(|| Error::MissingReference(t!("core-no-server")))
}

/// The association's release keys compiled into the program (current and next).
const PINNED_KEYS: &str = include_str!("../../../../assets/keys/zaufane-klucze.txt");

fn pinned_keys() -> Result<Vec<PublicKey>> {
    PINNED_KEYS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            PublicKey::from_text(l)
                .map_err(|e| Error::internal(t!("core-pinned-key-unreadable"), e))
        })
        .collect()
}

/// The keys pinned in the program, then those an administrator added (audited).
pub(crate) fn trusted_keys(local: &LocalStore) -> Result<Vec<PublicKey>> {
    let mut keys = pinned_keys()?;
    for text in local.trusted_keys()? {
        let key = PublicKey::from_text(&text)
            .map_err(|e| Error::internal(t!("core-trusted-key-unreadable"), e))?;
        if !keys.iter().any(|k| k.id() == key.id()) {
            keys.push(key);
        }
    }
    Ok(keys)
}

/// Trusts a release public key from a file (`monitor-jst-ed25519-public:…`), audited.
pub(crate) fn trust_key(
    local: &mut LocalStore,
    stamp: &Stamp,
    path: &Path,
) -> Result<TrustedKeyView> {
    // A key is one short line: the cap keeps a device or a huge file from being read whole.
    let bytes = crate::support::input::read_capped(path, 4096)?;
    let text = String::from_utf8_lossy(&bytes);
    let key = PublicKey::from_text(&text).map_err(|e| Error::InvalidValue(e.to_string()))?;
    let added = local.trust_key(stamp, &key.id(), key.to_text().trim())?;
    Ok(TrustedKeyView { key_id: key.id(), added })
}

/// The pinned keys first, then those an administrator added (a key both pinned and added is
/// listed once, as pinned).
pub(crate) fn trusted_key_list(local: &LocalStore) -> Result<Vec<TrustedKeyEntryView>> {
    key_list(local, &pinned_keys()?)
}

fn key_list(local: &LocalStore, pinned: &[PublicKey]) -> Result<Vec<TrustedKeyEntryView>> {
    let mut keys: Vec<TrustedKeyEntryView> = pinned
        .iter()
        .map(|k| TrustedKeyEntryView {
            key_id: k.id(),
            public_key: k.to_text().trim().to_owned(),
            origin: KeyOrigin::Pinned,
            added_at: None,
            added_by: None,
        })
        .collect();
    for r in local.trusted_key_records()? {
        if !keys.iter().any(|k| k.key_id == r.key_id) {
            keys.push(TrustedKeyEntryView {
                key_id: r.key_id,
                public_key: r.public_key,
                origin: KeyOrigin::Administrator,
                added_at: Some(r.added_at),
                added_by: Some(r.added_by),
            });
        }
    }
    Ok(keys)
}

/// Stops trusting a key an administrator added (audited); a pinned key cannot be removed and an
/// unknown one is an error. Returns the keys left.
pub(crate) fn remove_trusted_key(
    local: &mut LocalStore,
    stamp: &Stamp,
    key_id: &str,
) -> Result<Vec<TrustedKeyEntryView>> {
    remove_key(local, stamp, &pinned_keys()?, key_id)
}

fn remove_key(
    local: &mut LocalStore,
    stamp: &Stamp,
    pinned: &[PublicKey],
    key_id: &str,
) -> Result<Vec<TrustedKeyEntryView>> {
    let key_id = key_id.trim().to_ascii_lowercase();
    if pinned.iter().any(|k| k.id() == key_id) {
        return Err(Error::PinnedKey(key_id));
    }
    if !local.trusted_key_records()?.iter().any(|r| r.key_id == key_id) {
        return Err(Error::UnknownKey(key_id));
    }
    local.distrust_key(stamp, &key_id)?;
    key_list(local, pinned)
}

#[cfg(test)]
mod tests {
    use jst_release::KeyPair;
    use jst_store::{LocalStore, Stamp};

    use super::*;

    #[test]
    fn only_keys_an_administrator_added_can_be_removed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let stamp = Stamp { at: "2026-03-01T10:00:00Z".into(), by: "admin".into() };
        let mut local = LocalStore::open(&dir.path().join("local.db"), &stamp).expect("open");
        let pinned = KeyPair::generate().public();
        let added = KeyPair::generate().public();
        local.trust_key(&stamp, &added.id(), added.to_text().trim()).expect("trust");
        // The pinned key added by hand too is listed once, as pinned.
        local.trust_key(&stamp, &pinned.id(), pinned.to_text().trim()).expect("trust");
        let list = key_list(&local, std::slice::from_ref(&pinned)).expect("list");
        let origins: Vec<(String, KeyOrigin)> =
            list.iter().map(|k| (k.key_id.clone(), k.origin)).collect();
        let mut expected = vec![(pinned.id(), KeyOrigin::Pinned)];
        expected.push((added.id(), KeyOrigin::Administrator));
        assert_eq!(origins, expected);
        assert_eq!(list[1].added_by.as_deref(), Some("admin"));
        let refused = remove_key(&mut local, &stamp, std::slice::from_ref(&pinned), &pinned.id());
        assert!(matches!(refused, Err(Error::PinnedKey(id)) if id == pinned.id()));
        let unknown = remove_key(&mut local, &stamp, &[], "0011223344556677");
        assert!(matches!(unknown, Err(Error::UnknownKey(_))));
        let left = remove_key(&mut local, &stamp, std::slice::from_ref(&pinned), &added.id())
            .expect("remove");
        assert_eq!(left.len(), 1);
        let log = local.audit_log(1).expect("log");
        assert_eq!(log[0].3, format!("usunięto klucz {}", added.id()));
    }

    #[test]
    fn pinned_keys_parse() {
        let keys = super::pinned_keys().expect("every pinned key line parses");
        assert!(keys.len() <= 2, "current and next key only");
    }
}
