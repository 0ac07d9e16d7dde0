//! The state of sync for the Synchronizacja screen and the age line of Pulpit and Porównania:
//! the settings, the trusted keys, the release in the peer store and the history of attempts.

use jst_release::PublicKey;
use jst_store::{LocalStore, PeerStore};
use jst_sync::RejectionCode;
use serde::Serialize;

use super::sync_apply::{ChangesView, SyncOutcome, RELEASE_DATASET};
use super::sync_job::trusted_keys;
use super::sync_settings::{interval_minutes, SERVER_SETTING};
use crate::Result;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SyncLogView {
    pub at: String,
    pub source: String,
    pub outcome: SyncOutcome,
    pub version: Option<u32>,
    pub code: Option<RejectionCode>,
    pub message: Option<String>,
    /// Bytes received (a release is well under 4 GB; larger counts saturate).
    pub bytes_downloaded: u32,
    pub chunks_downloaded: u32,
    pub chunks_reused: u32,
    pub changes: Option<ChangesView>,
}

/// Everything the Synchronizacja screen and the age line of Pulpit/Porównania need.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SyncStatusView {
    pub server: Option<String>,
    pub interval_minutes: u32,
    pub trusted_keys: Vec<String>,
    /// The release in the peer store: version and when it was applied.
    pub release_version: Option<u32>,
    pub release_applied_at: Option<String>,
    pub release_label: Option<String>,
    pub history: Vec<SyncLogView>,
}

pub(crate) fn sync_status(local: &LocalStore, peers: &PeerStore) -> Result<SyncStatusView> {
    let trusted_keys = trusted_keys(local)?.iter().map(PublicKey::id).collect();
    let info = peers.dataset_info(RELEASE_DATASET)?;
    let history = local
        .sync_log(50)?
        .into_iter()
        // Only this program writes the log, with these outcomes; a line it cannot read is
        // left out rather than shown as something it is not.
        .filter_map(|e| {
            Some(SyncLogView {
                outcome: SyncOutcome::from_code(&e.outcome)?,
                code: e.code.as_deref().and_then(RejectionCode::from_code),
                changes: e.changes.as_deref().and_then(|c| serde_json::from_str(c).ok()),
                at: e.at,
                source: e.source,
                version: e.version.map(|v| u32::try_from(v).unwrap_or(u32::MAX)),
                message: e.message,
                bytes_downloaded: u32::try_from(e.bytes_downloaded).unwrap_or(u32::MAX),
                chunks_downloaded: e.chunks_downloaded,
                chunks_reused: e.chunks_reused,
            })
        })
        .collect();
    Ok(SyncStatusView {
        server: local.setting(SERVER_SETTING)?,
        interval_minutes: interval_minutes(local)?,
        trusted_keys,
        release_version: info
            .as_ref()
            .and(local.sync_watermark()?.map(|(v, _)| u32::try_from(v).unwrap_or(u32::MAX))),
        release_applied_at: info.as_ref().map(|(_, at)| at.clone()),
        release_label: info.map(|(label, _)| label),
        history,
    })
}
