//! A practice's attachments (PDF, PNG, JPEG), fetched when the officer opens one and kept in
//! `wydania/zalaczniki/` of the data folder by their SHA-256: disposable like `peers.db` and the
//! release's chunk cache beside it. Only a file the practice lists (as the applied release
//! carried it) is fetched, from where that release came from (the folder or the server of the
//! last applied sync, else the configured server); its hash, size and kind are checked before it
//! is kept (`jst_sync::fetch_attachment`). Offline, an attachment not yet cached is an error
//! saying so, not a fault.

use std::path::{Path, PathBuf};

use jst_domain::AttachmentKind;
use jst_store::{LocalStore, PeerStore};
use jst_sync::{DirSource, HttpSource, RejectionCode, Source};
use jst_text::t;
use serde::{Deserialize, Serialize};

use crate::exchange::{configured_source, SyncSource};
use crate::{Error, Result};

/// An attachment on this computer, ready to open.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PracticeAttachmentFileView {
    /// Where the verified file is (the cache, or where it was saved).
    pub path: String,
    pub kind: AttachmentKind,
    /// Bytes.
    pub size: u32,
    pub title: Option<String>,
}

/// An attachment as a release's practice lists it.
#[derive(Debug, Deserialize)]
struct Listed {
    #[serde(default)]
    title: Option<String>,
    media_type: String,
    sha256: String,
    size: u64,
}

#[derive(Debug, Deserialize)]
struct WithAttachments {
    #[serde(default)]
    attachments: Vec<Listed>,
}

/// The attachment cache, beside the release's chunk cache.
fn cache_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("wydania").join("zalaczniki")
}

/// The attachment `sha256` of practice `practice_id`, or why it is not one.
fn listed(peers: &PeerStore, practice_id: i64, sha256: &str) -> Result<(Listed, AttachmentKind)> {
    let json = peers
        .practice_json(practice_id)?
        .ok_or_else(|| Error::MissingReference(t!("core-practice-not-found", id = practice_id)))?;
    let practice: WithAttachments = serde_json::from_str(&json)
        .map_err(|e| Error::internal(t!("core-practice-unreadable", id = practice_id), e))?;
    let sha = sha256.trim().to_lowercase();
    let found = practice.attachments.into_iter().find(|a| a.sha256 == sha).ok_or_else(|| {
        Error::InvalidValue(t!("core-attachment-not-listed", sha = sha256, id = practice_id))
    })?;
    let kind = AttachmentKind::from_media_type(&found.media_type).ok_or_else(|| {
        Error::Refused(t!("core-attachment-kind-unknown", media_type = &found.media_type))
    })?;
    Ok((found, kind))
}

/// Where the attachments of the applied release are, most likely first: the source of the last
/// sync that applied (or found current) a release, then the configured server.
fn release_sources(local: &LocalStore) -> Result<Vec<SyncSource>> {
    let mut sources = Vec::new();
    let last = local
        .sync_log(100)?
        .into_iter()
        .find(|e| e.outcome == "applied" || e.outcome == "up_to_date");
    if let Some(entry) = last {
        sources.push(
            if entry.source.starts_with("http://") || entry.source.starts_with("https://") {
                SyncSource::Server(entry.source)
            } else {
                SyncSource::Folder(PathBuf::from(entry.source))
            },
        );
    }
    if let Ok(server) = configured_source(local) {
        if !sources.contains(&server) {
            sources.push(server);
        }
    }
    Ok(sources)
}

/// A sync error of an attachment in the core's terms: not reachable now is offline (fetched at
/// the next connection), a file that fails its checks is refused.
fn attachment_error(e: jst_sync::Error) -> Error {
    match e {
        jst_sync::Error::Offline(reason) => {
            Error::Offline(t!("core-attachment-offline", reason = reason))
        }
        jst_sync::Error::Rejected(r) if r.code == RejectionCode::MissingFile => {
            Error::Offline(t!("core-attachment-offline", reason = r.message))
        }
        jst_sync::Error::Rejected(r) => Error::Refused(r.message),
        jst_sync::Error::Cancelled => Error::Cancelled,
        jst_sync::Error::Io { context, source } => Error::Io { context, source },
    }
}

/// The attachment as a verified file in the cache, fetched first when it is not there.
pub(crate) fn practice_attachment(
    local: &LocalStore,
    peers: &PeerStore,
    data_dir: &Path,
    practice_id: i64,
    sha256: &str,
) -> Result<PracticeAttachmentFileView> {
    let (listed, kind) = listed(peers, practice_id, sha256)?;
    let cache = cache_dir(data_dir);
    let path = match jst_sync::cached_attachment(&listed.sha256, &cache) {
        Some(path) => path,
        None => fetch(local, &listed, &cache)?,
    };
    let bytes = std::fs::read(&path)
        .map_err(Error::io(t!("core-cannot-read-file", path = path.display().to_string())))?;
    if AttachmentKind::from_magic(&bytes) != Some(kind) {
        // The release listed another kind than the bytes are: the file is not shown.
        let _ = std::fs::remove_file(&path);
        return Err(Error::Refused(t!(
            "core-attachment-kind-differs",
            media_type = kind.media_type()
        )));
    }
    Ok(PracticeAttachmentFileView {
        path: path.display().to_string(),
        kind,
        size: u32::try_from(listed.size).unwrap_or(u32::MAX),
        title: listed.title,
    })
}

fn fetch(local: &LocalStore, listed: &Listed, cache: &Path) -> Result<PathBuf> {
    let sources = release_sources(local)?;
    let mut last = Error::Offline(t!("core-attachment-no-source"));
    for source in sources {
        let mut fetcher: Box<dyn Source> = match &source {
            SyncSource::Server(url) => match HttpSource::new(url) {
                Ok(s) => Box::new(s),
                Err(e) => {
                    last = attachment_error(e);
                    continue;
                }
            },
            // A release folder no longer there (a USB stick taken out) is not asked.
            SyncSource::Folder(dir) if !dir.is_dir() => continue,
            SyncSource::Folder(dir) => Box::new(DirSource::new(dir)),
        };
        match jst_sync::fetch_attachment(fetcher.as_mut(), &listed.sha256, listed.size, cache) {
            Ok(path) => return Ok(path),
            Err(e) => last = attachment_error(e),
        }
        // A refused file is refused wherever it comes from; offline tries the next source.
        if !matches!(last, Error::Offline(_)) {
            break;
        }
    }
    Err(last)
}

/// Saves a verified copy of the attachment at `to` (replaced whole or left as it was).
pub(crate) fn save_practice_attachment(
    local: &LocalStore,
    peers: &PeerStore,
    data_dir: &Path,
    practice_id: i64,
    sha256: &str,
    to: &Path,
) -> Result<PracticeAttachmentFileView> {
    let view = practice_attachment(local, peers, data_dir, practice_id, sha256)?;
    let bytes = std::fs::read(&view.path)
        .map_err(Error::io(t!("core-cannot-read-file", path = view.path.clone())))?;
    crate::support::input::write_atomically(to, &bytes)?;
    Ok(PracticeAttachmentFileView { path: to.display().to_string(), ..view })
}
