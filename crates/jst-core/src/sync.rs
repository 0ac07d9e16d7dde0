//! Peer-data sync (DESIGN §7): trust a release key, then fetch, verify and apply a release from
//! the association's server or a folder. The plan (jst-sync) finishes before anything is
//! written; the values replace the previous release in one transaction; only then the watermark
//! rises and the log gets its line.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use jst_domain::PackedValues;
use jst_release::PublicKey;
use jst_store::{ContributedAggregate, SyncLogEntry};
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
    pub version: Option<u32>,
    pub code: Option<String>,
    /// Bytes received (a release is well under 4 GB; larger counts saturate).
    pub bytes_downloaded: u32,
    pub chunks_downloaded: u32,
    pub chunks_reused: u32,
    /// Why, in Polish, for people (not part of the JSON contract).
    #[serde(skip)]
    pub message: Option<String>,
}

/// Chunks verified of all chunks, for the progress bar of a sync.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SyncProgressView {
    pub done: u32,
    pub total: u32,
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
}

/// The outcome of [`SyncJob::plan`], handed to [`Monitor::apply_sync`].
#[derive(Debug)]
pub struct PlannedSync(std::result::Result<jst_sync::Plan, SyncError>);

impl SyncJob {
    fn label(&self) -> String {
        match &self.source {
            SyncSource::Server(url) => url.clone(),
            SyncSource::Folder(dir) => dir.display().to_string(),
        }
    }

    /// Downloads and verifies (network and files only; no store is touched).
    pub fn plan(&self, progress: &mut dyn FnMut(u32, u32) -> bool) -> PlannedSync {
        let mut fetcher: Box<dyn Source> = match &self.source {
            SyncSource::Server(url) => match HttpSource::new(url) {
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

/// The peer-store dataset a release replaces.
const RELEASE_DATASET: &str = "wydanie:krajowy";
const INTERVAL_SETTING: &str = "sync.interval_minutes";
/// Background sync while the app runs, unless the officer sets another interval (0 = off).
pub const DEFAULT_INTERVAL_MINUTES: u32 = 360;

/// What an applied release changed against the previous one.
#[derive(Debug, Clone, Default, PartialEq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ChangesView {
    pub first_release: bool,
    pub new_years: Vec<i32>,
    pub new_indicators: Vec<String>,
    /// Series (indicator × year) whose values changed.
    pub revised_series: u32,
    /// A few of them, `KOD rok`.
    pub revised_examples: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SyncLogView {
    pub at: String,
    pub source: String,
    pub outcome: String,
    pub version: Option<u32>,
    pub code: Option<String>,
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

fn changes_between(
    before: &[(String, i32, i64, f64)],
    after: &[(String, i32, i64, f64)],
) -> ChangesView {
    use std::collections::{BTreeSet, HashMap};
    let old: HashMap<(&str, i32), (i64, f64)> =
        before.iter().map(|(c, y, n, s)| ((c.as_str(), *y), (*n, *s))).collect();
    let old_years: BTreeSet<i32> = before.iter().map(|r| r.1).collect();
    let old_codes: BTreeSet<&str> = before.iter().map(|r| r.0.as_str()).collect();
    let new_years: BTreeSet<i32> =
        after.iter().map(|r| r.1).filter(|y| !old_years.contains(y)).collect();
    let new_indicators: BTreeSet<&str> =
        after.iter().map(|r| r.0.as_str()).filter(|c| !old_codes.contains(c)).collect();
    let mut revised = Vec::new();
    for (code, year, n, sum) in after {
        if let Some((old_n, old_sum)) = old.get(&(code.as_str(), *year)) {
            if old_n != n || (old_sum - sum).abs() > 1e-9 * (1.0 + sum.abs()) {
                revised.push(format!("{code} {year}"));
            }
        }
    }
    ChangesView {
        first_release: before.is_empty(),
        new_years: new_years.into_iter().collect(),
        new_indicators: new_indicators.into_iter().map(str::to_owned).collect(),
        revised_series: u32::try_from(revised.len()).unwrap_or(u32::MAX),
        revised_examples: revised.into_iter().take(10).collect(),
    }
}

/// The association's release keys compiled into the program (current and next).
const PINNED_KEYS: &str = include_str!("../../../assets/keys/zaufane-klucze.txt");

fn pinned_keys() -> Result<Vec<PublicKey>> {
    PINNED_KEYS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| PublicKey::from_text(l).map_err(|e| Error::Internal(e.to_string())))
        .collect()
}

impl Monitor {
    /// Trusts a release public key from a file (`monitor-jst-ed25519-public:…`), audited.
    pub fn trust_key(&mut self, path: &Path) -> Result<TrustedKeyView> {
        let text = std::fs::read_to_string(path)
            .map_err(Error::io(format!("nie można odczytać klucza {}", path.display())))?;
        let key = PublicKey::from_text(&text).map_err(|e| Error::InvalidValue(e.to_string()))?;
        let added = self.local.trust_key(&stamp(), &key.id(), key.to_text().trim())?;
        Ok(TrustedKeyView { key_id: key.id(), added })
    }

    /// The keys pinned in the program, then those an administrator added (audited).
    fn trusted(&self) -> Result<Vec<PublicKey>> {
        let mut keys = pinned_keys()?;
        for text in self.local.trusted_keys()? {
            let key = PublicKey::from_text(&text).map_err(|e| Error::Internal(e.to_string()))?;
            if !keys.iter().any(|k| k.id() == key.id()) {
                keys.push(key);
            }
        }
        Ok(keys)
    }

    /// One sync. Rejections and being offline are outcomes (logged), not errors.
    /// `progress(done, total)` hears chunks and returns `false` to cancel (nothing applied).
    pub fn sync(
        &mut self,
        source: &SyncSource,
        progress: &mut dyn FnMut(u32, u32) -> bool,
    ) -> Result<SyncView> {
        let job = self.sync_job(source)?;
        let planned = job.plan(progress);
        self.apply_sync(&job, planned)
    }

    /// What a sync needs from the stores, read under the monitor; the download that follows
    /// ([`SyncJob::plan`]) runs without it, so the window stays responsive.
    pub fn sync_job(&mut self, source: &SyncSource) -> Result<SyncJob> {
        if let SyncSource::Server(url) = source {
            self.remember_server(url)?;
        }
        let watermark = self.local.sync_watermark()?;
        Ok(SyncJob {
            source: source.clone(),
            trusted: self.trusted()?,
            highest_version: watermark.as_ref().map(|(v, _)| *v),
            highest_issued_at: watermark
                .as_ref()
                .and_then(|(_, at)| OffsetDateTime::parse(at, &Rfc3339).ok()),
            cache: self.data_dir.join("wydania").join("fragmenty"),
        })
    }

    /// Applies a planned release (or logs why there is none) in one transaction per store.
    pub fn apply_sync(&mut self, job: &SyncJob, planned: PlannedSync) -> Result<SyncView> {
        let label = job.label();
        let planned = match planned.0 {
            Ok(p) if !p.up_to_date => p,
            other => return self.finish(&label, other.map(|p| (p, false)), None, None),
        };
        // Apply: values of units in the register, by identity, in one transaction, one block
        // of chunks at a time (read back from the cache) so memory stays bounded.
        let label_text = format!(
            "Wydanie {} stowarzyszenia ({}), rejestr {}",
            planned.version, planned.dataset, planned.register
        );
        let stamp = stamp();
        let before = self.peers.dataset_profile(RELEASE_DATASET)?;
        let aggregates: Vec<ContributedAggregate> = planned
            .aggregates
            .iter()
            .map(|a| ContributedAggregate {
                group: a.group.clone(),
                indicator: a.indicator.clone(),
                year: a.year,
                n: a.n,
                q1: a.q1,
                median: a.median,
                q3: a.q3,
                p10: a.p10,
                p90: a.p90,
                mean: a.mean,
                note: a.note.clone(),
            })
            .collect();
        let mut load = self.peers.begin_release(&stamp, RELEASE_DATASET, &label_text)?;
        let (mut unit_index, mut indicator_index) = (HashMap::new(), HashMap::new());
        let mut packed = PackedValues::default();
        let mut units: Vec<Option<String>> = Vec::new();
        for block in jst_sync::value_blocks(&planned.values) {
            packed.rows = Vec::new(); // the previous block's memory goes back first
            if let Err(e) =
                jst_sync::read_block(&block, &mut unit_index, &mut indicator_index, &mut packed)
            {
                drop(load); // rolled back: the previous release stays whole
                return self.finish(&label, Err(e), None, None);
            }
            for code in &packed.units[units.len()..] {
                let identity = jst_domain::Teryt::parse_lookup(code).ok();
                units.push(identity.and_then(|identity| {
                    self.local.unit_by_identity(&identity).ok().flatten().map(|u| u.identity)
                }));
            }
            load.insert_block(&units, &mut packed)?;
        }
        load.finish(&aggregates)?;
        let changes = changes_between(&before, &self.peers.dataset_profile(RELEASE_DATASET)?);
        let records: Vec<_> =
            planned.catalogue.iter().cloned().map(|r| catalogue_record(r, "catalogue")).collect();
        self.local.load_catalogue(&stamp, &records, None)?;
        let issued = planned.issued_at.format(&Rfc3339).unwrap_or_default();
        self.finish(&label, Ok((planned, true)), Some(issued), Some(changes))
    }

    fn finish(
        &mut self,
        source: &str,
        result: std::result::Result<(jst_sync::Plan, bool), SyncError>,
        applied_issued_at: Option<String>,
        changes: Option<ChangesView>,
    ) -> Result<SyncView> {
        let view = match &result {
            Ok((p, applied)) => SyncView {
                outcome: if *applied { "applied" } else { "up_to_date" }.to_owned(),
                version: Some(u32::try_from(p.version).unwrap_or(u32::MAX)),
                code: None,
                bytes_downloaded: u32::try_from(p.bytes_downloaded).unwrap_or(u32::MAX),
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
            Err(SyncError::Cancelled) => return Err(Error::Cancelled),
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
            version: view.version.map(u64::from),
            code: view.code.clone(),
            message: view.message.clone(),
            bytes_downloaded: u64::from(view.bytes_downloaded),
            chunks_downloaded: view.chunks_downloaded,
            chunks_reused: view.chunks_reused,
            changes: changes.map(|c| serde_json::to_string(&c).unwrap_or_default()),
        };
        let applied = match (&result, &applied_issued_at) {
            (Ok((p, true)), Some(at)) => Some((p.version, at.as_str())),
            _ => None,
        };
        self.local.record_sync(&stamp, &entry, applied)?;
        Ok(view)
    }
}

impl Monitor {
    /// The state of sync for the Synchronizacja screen and the age of peer data.
    pub fn sync_status(&self) -> Result<SyncStatusView> {
        let trusted_keys = self.trusted()?.iter().map(PublicKey::id).collect();
        let info = self.peers.dataset_info(RELEASE_DATASET)?;
        let interval_minutes = self
            .local
            .setting(INTERVAL_SETTING)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(DEFAULT_INTERVAL_MINUTES);
        let history = self
            .local
            .sync_log(50)?
            .into_iter()
            .map(|e| SyncLogView {
                changes: e.changes.as_deref().and_then(|c| serde_json::from_str(c).ok()),
                at: e.at,
                source: e.source,
                outcome: e.outcome,
                version: e.version.map(|v| u32::try_from(v).unwrap_or(u32::MAX)),
                code: e.code,
                message: e.message,
                bytes_downloaded: u32::try_from(e.bytes_downloaded).unwrap_or(u32::MAX),
                chunks_downloaded: e.chunks_downloaded,
                chunks_reused: e.chunks_reused,
            })
            .collect();
        Ok(SyncStatusView {
            server: self.local.setting("sync.server")?,
            interval_minutes,
            trusted_keys,
            release_version: info.as_ref().and(
                self.local.sync_watermark()?.map(|(v, _)| u32::try_from(v).unwrap_or(u32::MAX)),
            ),
            release_applied_at: info.as_ref().map(|(_, at)| at.clone()),
            release_label: info.map(|(label, _)| label),
            history,
        })
    }

    /// The configured server as a sync source, or a clear error when none is set.
    pub fn configured_source(&self) -> Result<SyncSource> {
        self.local.setting("sync.server")?.map(SyncSource::Server).ok_or_else(|| {
            Error::MissingReference(
                "podaj adres serwera stowarzyszenia w Synchronizacji".to_owned(),
            )
        })
    }

    /// Sets the server address and the background interval in minutes (0 = off).
    pub fn configure_sync(
        &mut self,
        server: Option<String>,
        interval_minutes: u32,
    ) -> Result<SyncStatusView> {
        if let Some(url) = server.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
            if !(url.starts_with("http://") || url.starts_with("https://")) {
                return Err(Error::InvalidValue(format!(
                    "adres serwera „{url}” musi zaczynać się od https:// (lub http://)"
                )));
            }
            self.remember_server(url)?;
        }
        if interval_minutes > 7 * 24 * 60 {
            return Err(Error::InvalidValue(
                "odstęp synchronizacji może wynosić najwyżej tydzień".to_owned(),
            ));
        }
        self.local.set_setting(&stamp(), INTERVAL_SETTING, &interval_minutes.to_string())?;
        self.sync_status()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinned_keys_parse() {
        let keys = pinned_keys().expect("every pinned key line parses");
        assert!(keys.len() <= 2, "current and next key only");
    }

    #[test]
    fn changes_name_new_years_new_indicators_and_revised_series() {
        let before = vec![("A".to_owned(), 2023, 10, 100.0), ("A".to_owned(), 2024, 10, 110.0)];
        let after = vec![
            ("A".to_owned(), 2023, 10, 100.0),
            ("A".to_owned(), 2024, 10, 111.0),
            ("A".to_owned(), 2025, 10, 120.0),
            ("B".to_owned(), 2025, 3, 9.0),
        ];
        let c = changes_between(&before, &after);
        assert_eq!(c.new_years, [2025]);
        assert_eq!(c.new_indicators, ["B"]);
        assert_eq!((c.revised_series, c.revised_examples.clone()), (1, vec!["A 2024".to_owned()]));
        assert!(!c.first_release);
        assert!(changes_between(&[], &after).first_release);
    }
}
