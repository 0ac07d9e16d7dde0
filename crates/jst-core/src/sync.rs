//! Peer-data sync (DESIGN §7): trust a release key, then fetch, verify and apply a release from
//! the association's server or a folder. The plan (jst-sync) finishes before anything is
//! written; the values replace the previous release in one transaction; only then the watermark
//! rises and the log gets its line.

use std::path::{Path, PathBuf};

use jst_release::PublicKey;
use jst_store::{PublicValue, SyncLogEntry};
use jst_sync::{plan, DirSource, Error as SyncError, HttpSource, PlanInput, Source};
use serde::Serialize;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::monitor::stamp;
use crate::shipped::catalogue_record;
use crate::{Error, Monitor, Result};

/// Where to sync from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncSource {
    Server(String),
    Folder(PathBuf),
}

/// The JSON contract of `jst sync --format json` (issue 5).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SyncView {
    /// `applied | up_to_date | rejected | offline`
    pub outcome: String,
    pub version: Option<u64>,
    pub code: Option<String>,
    pub bytes_downloaded: u64,
    pub chunks_downloaded: u32,
    pub chunks_reused: u32,
    /// Why, in Polish, for people (not part of the JSON contract).
    #[serde(skip)]
    pub message: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TrustedKeyView {
    pub key_id: String,
    pub added: bool,
}

/// The peer-store dataset a release replaces.
const RELEASE_DATASET: &str = "wydanie:krajowy";

impl Monitor {
    /// Trusts a release public key from a file (`monitor-jst-ed25519-public:…`), audited.
    pub fn trust_key(&mut self, path: &Path) -> Result<TrustedKeyView> {
        let text = std::fs::read_to_string(path)
            .map_err(Error::io(format!("nie można odczytać klucza {}", path.display())))?;
        let key = PublicKey::from_text(&text).map_err(|e| Error::InvalidValue(e.to_string()))?;
        let added = self.local.trust_key(&stamp(), &key.id(), key.to_text().trim())?;
        Ok(TrustedKeyView { key_id: key.id(), added })
    }

    fn trusted(&self) -> Result<Vec<PublicKey>> {
        self.local
            .trusted_keys()?
            .iter()
            .map(|t| PublicKey::from_text(t).map_err(|e| Error::Internal(e.to_string())))
            .collect()
    }

    /// One sync. Rejections and being offline are outcomes (logged), not errors.
    pub fn sync(
        &mut self,
        source: &SyncSource,
        progress: &mut dyn FnMut(u32, u32),
    ) -> Result<SyncView> {
        let label = match source {
            SyncSource::Server(url) => {
                self.remember_server(url)?;
                url.clone()
            }
            SyncSource::Folder(dir) => dir.display().to_string(),
        };
        let mut fetcher: Box<dyn Source> = match source {
            SyncSource::Server(url) => match HttpSource::new(url) {
                Ok(s) => Box::new(s),
                Err(e) => return self.finish(&label, Err(e), None),
            },
            SyncSource::Folder(dir) => Box::new(DirSource::new(dir)),
        };
        let watermark = self.local.sync_watermark()?;
        let highest_issued_at =
            watermark.as_ref().and_then(|(_, at)| OffsetDateTime::parse(at, &Rfc3339).ok());
        let trusted = self.trusted()?;
        let cache = self.data_dir.join("wydania").join("fragmenty");
        let input = PlanInput {
            trusted: &trusted,
            highest_version: watermark.as_ref().map(|(v, _)| *v),
            highest_issued_at,
            now: OffsetDateTime::now_utc(),
            cache: &cache,
        };
        let planned = plan(fetcher.as_mut(), &input, progress);
        let planned = match planned {
            Ok(p) if !p.up_to_date => p,
            other => return self.finish(&label, other.map(|p| (p, false)), None),
        };
        // Apply: values of units in the register, by identity, in one transaction.
        let mut values = Vec::with_capacity(planned.values.len());
        let mut identities = std::collections::HashMap::new();
        for row in &planned.values {
            let key = row.teryt.identity().to_owned();
            let identity = match identities.get(&key) {
                Some(found) => Clone::clone(found),
                None => {
                    let found: Option<String> =
                        self.local.unit_by_identity(&key)?.map(|u| u.identity);
                    identities.insert(key.clone(), found.clone());
                    found
                }
            };
            if let Some(unit) = identity {
                values.push(PublicValue {
                    unit,
                    indicator: row.indicator.clone(),
                    year: row.year,
                    value: row.value,
                });
            }
        }
        let label_text = format!(
            "Wydanie {} stowarzyszenia ({}), rejestr {}",
            planned.version, planned.dataset, planned.register
        );
        let stamp = stamp();
        self.peers.replace_dataset(&stamp, RELEASE_DATASET, "release", &label_text, &values)?;
        let records: Vec<_> =
            planned.catalogue.iter().cloned().map(|r| catalogue_record(r, "catalogue")).collect();
        self.local.load_catalogue(&stamp, &records, None)?;
        let issued = planned.issued_at.format(&Rfc3339).unwrap_or_default();
        self.finish(&label, Ok((planned, true)), Some(issued))
    }

    fn finish(
        &mut self,
        source: &str,
        result: std::result::Result<(jst_sync::Plan, bool), SyncError>,
        applied_issued_at: Option<String>,
    ) -> Result<SyncView> {
        let view = match &result {
            Ok((p, applied)) => SyncView {
                outcome: if *applied { "applied" } else { "up_to_date" }.to_owned(),
                version: Some(p.version),
                code: None,
                bytes_downloaded: p.bytes_downloaded,
                chunks_downloaded: p.chunks_downloaded,
                chunks_reused: p.chunks_reused,
                message: None,
            },
            Err(SyncError::Rejected(r)) => SyncView {
                outcome: "rejected".to_owned(),
                version: None,
                code: Some(r.code.to_owned()),
                bytes_downloaded: 0,
                chunks_downloaded: 0,
                chunks_reused: 0,
                message: Some(r.message.clone()),
            },
            Err(SyncError::Offline(why)) => SyncView {
                outcome: "offline".to_owned(),
                version: None,
                code: None,
                bytes_downloaded: 0,
                chunks_downloaded: 0,
                chunks_reused: 0,
                message: Some(why.clone()),
            },
            Err(SyncError::Io { context, source }) => {
                return Err(Error::Io {
                    context: context.clone(),
                    source: std::io::Error::new(source.kind(), source.to_string()),
                })
            }
        };
        let stamp = stamp();
        let entry = SyncLogEntry {
            at: stamp.at.clone(),
            source: source.to_owned(),
            outcome: view.outcome.clone(),
            version: view.version,
            code: view.code.clone(),
            message: view.message.clone(),
            bytes_downloaded: view.bytes_downloaded,
            chunks_downloaded: view.chunks_downloaded,
            chunks_reused: view.chunks_reused,
        };
        let applied = match (&result, &applied_issued_at) {
            (Ok((p, true)), Some(at)) => Some((p.version, at.as_str())),
            _ => None,
        };
        self.local.record_sync(&stamp, &entry, applied)?;
        Ok(view)
    }
}
