//! A sync prepared under the monitor and run without it (DESIGN §7, invariant 6): the trusted
//! release keys and the watermark are read from own data first; the download and every check
//! then touch no store, so the window stays responsive and no transaction waits on the network.

use std::path::{Path, PathBuf};

use jst_release::PublicKey;
use jst_store::{LocalStore, Stamp};
use jst_sync::{plan, DirSource, Error as SyncError, HttpSource, Limits, PlanInput, Source};
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
    local.setting(SERVER_SETTING)?.map(SyncSource::Server).ok_or_else(|| {
        Error::MissingReference("podaj adres serwera stowarzyszenia w Synchronizacji".to_owned())
    })
}

/// The association's release keys compiled into the program (current and next).
const PINNED_KEYS: &str = include_str!("../../../../assets/keys/zaufane-klucze.txt");

fn pinned_keys() -> Result<Vec<PublicKey>> {
    PINNED_KEYS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| PublicKey::from_text(l).map_err(|e| Error::Internal(e.to_string())))
        .collect()
}

/// The keys pinned in the program, then those an administrator added (audited).
pub(crate) fn trusted_keys(local: &LocalStore) -> Result<Vec<PublicKey>> {
    let mut keys = pinned_keys()?;
    for text in local.trusted_keys()? {
        let key = PublicKey::from_text(&text).map_err(|e| Error::Internal(e.to_string()))?;
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

#[cfg(test)]
mod tests {
    #[test]
    fn pinned_keys_parse() {
        let keys = super::pinned_keys().expect("every pinned key line parses");
        assert!(keys.len() <= 2, "current and next key only");
    }
}
