//! Applying a planned release (DESIGN §7): the release's register (when newer than the local
//! one, see `sync_register`), then the values, which replace the previous release in one peers
//! transaction, read back from the verified chunk cache one block at a time so memory stays
//! bounded; then catalogue, watermark and a log line with what changed, in local transactions.
//! Rejections and being offline are outcomes (logged), not errors.

use std::collections::{BTreeSet, HashMap};

use jst_domain::PackedValues;
use jst_store::{LocalStore, PeerStore, Stamp, SyncLogEntry};
use jst_sync::{Error as SyncError, RejectionCode};
use jst_text::t;
use serde::Serialize;
use time::format_description::well_known::Rfc3339;

use super::sync_job::{PlannedSync, SyncJob};
use super::sync_register::{RegisterStep, RegisterSyncView};
use crate::imports::catalogue_record;
use crate::support::count;
use crate::{Error, Result};

/// The peer-store dataset a release replaces.
pub(crate) const RELEASE_DATASET: &str = "wydanie:krajowy";

/// How a sync ended; the codes are the contract of `jst sync --format json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum SyncOutcome {
    Applied,
    UpToDate,
    Rejected,
    Offline,
}

impl SyncOutcome {
    pub fn code(self) -> &'static str {
        match self {
            Self::Applied => "applied",
            Self::UpToDate => "up_to_date",
            Self::Rejected => "rejected",
            Self::Offline => "offline",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [Self::Applied, Self::UpToDate, Self::Rejected, Self::Offline]
            .into_iter()
            .find(|o| o.code() == code)
    }

    /// The outcome in the user's language, for tables (the code stays the JSON's).
    pub fn label(self) -> String {
        match self {
            Self::Applied => t!("core-sync-outcome-applied"),
            Self::UpToDate => t!("core-sync-outcome-up-to-date"),
            Self::Rejected => t!("core-sync-outcome-rejected"),
            Self::Offline => t!("core-sync-outcome-offline"),
        }
    }
}

/// The JSON contract of `jst sync --format json` (issue 5).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SyncView {
    pub outcome: SyncOutcome,
    pub version: Option<u32>,
    pub code: Option<RejectionCode>,
    /// Bytes received (a release is well under 4 GB; larger counts saturate).
    pub bytes_downloaded: u32,
    pub chunks_downloaded: u32,
    pub chunks_reused: u32,
    /// What the release's register did (`applied` releases only).
    pub register: Option<RegisterSyncView>,
    /// Why, in Polish, for people (not part of the JSON contract): a release refused, being
    /// offline, or a release applied without its register.
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
    /// What the release's register did (`None` in log lines older than this field: serde reads
    /// a missing `Option` as `None`).
    pub register: Option<RegisterSyncView>,
}

/// Applies a planned release (or logs why there is none) in one transaction per store.
pub(crate) fn apply_sync(
    local: &mut LocalStore,
    peers: &mut PeerStore,
    stamp: &Stamp,
    job: &SyncJob,
    planned: PlannedSync,
) -> Result<SyncView> {
    let label = job.label();
    let planned = match planned.0 {
        Ok(p) if !p.up_to_date => p,
        other => return finish(local, stamp, &label, other.map(|p| (p, false)), None, None),
    };
    // Nothing is written before the register is decided: newer than the local one and ending no
    // more than a few units, or left alone (the values are applied either way).
    let register = match &planned.register_snapshot {
        Some(snapshot) => Some(RegisterStep::decide(local, snapshot)?),
        None => None,
    };
    let register_codes = register.as_ref().map(RegisterStep::codes).unwrap_or_default();
    // Order of the two databases (no transaction spans both files): the peers transaction is
    // opened and filled first, the register is committed to local.db inside it, and the peers
    // transaction commits last.
    // - Values of units new in the release's register (Szczawa 1207132 in 2025) are kept: they
    //   are resolved against the register about to be loaded, not only the local one, so none
    //   is dropped as unknown, and by the time they are visible the unit is too.
    // - A failure while reading or inserting values, or in the register load, drops the open
    //   peers transaction: nothing of the release is written (the register's own transaction
    //   rolls back whole; the watermark stays), so the sync is never half applied.
    // - Only the final peers commit can fail after the register was committed: local.db then
    //   holds a verified, signed register on its own — a consistent state, as after a manual
    //   import — and the watermark did not rise, so the next sync finds that register not newer
    //   and applies the values again.
    let label_text = format!(
        "Wydanie {} stowarzyszenia ({}), rejestr {}",
        planned.version, planned.dataset, planned.register
    );
    let before = peers.dataset_profile(RELEASE_DATASET)?;
    let mut load = peers.begin_release(stamp, RELEASE_DATASET, &label_text)?;
    let (mut unit_index, mut indicator_index) = (HashMap::new(), HashMap::new());
    let mut packed = PackedValues::default();
    let mut units: Vec<Option<String>> = Vec::new();
    for block in jst_sync::value_blocks(&planned.values) {
        packed.rows = Vec::new(); // the previous block's memory goes back first
        if let Err(e) =
            jst_sync::read_block(&block, &mut unit_index, &mut indicator_index, &mut packed)
        {
            drop(load); // rolled back: the previous release stays whole
            return finish(local, stamp, &label, Err(e), None, None);
        }
        for code in &packed.units[units.len()..] {
            let identity = jst_domain::Teryt::parse_lookup(code).ok();
            units.push(identity.and_then(|identity| match register_codes.get(&identity) {
                Some(known) => Some(known.clone()),
                None => local.unit_by_identity(&identity).ok().flatten().map(|u| u.identity),
            }));
        }
        load.insert_block(&units, &mut packed)?;
    }
    let register = match register {
        // An error returns here and drops `load`: the values roll back with the register.
        Some(step) => Some(step.apply(
            local,
            stamp,
            &format!("wydanie {} stowarzyszenia, {}", planned.version, planned.register),
        )?),
        None => None,
    };
    // The good-practice base comes and goes with its release, in the same transaction.
    load.replace_practices(&planned.practices)?;
    load.finish(&planned.aggregates)?;
    let mut changes = changes_between(&before, &peers.dataset_profile(RELEASE_DATASET)?);
    changes.register = register;
    let records: Vec<_> =
        planned.catalogue.iter().cloned().map(|r| catalogue_record(r, "catalogue")).collect();
    local.load_catalogue(stamp, &records, None)?;
    let issued = planned.issued_at.format(&Rfc3339).unwrap_or_default();
    finish(local, stamp, &label, Ok((planned, true)), Some(issued), Some(changes))
}

/// The view of an attempt and its line in the sync log; an applied release raises the
/// watermark in the same transaction.
fn finish(
    local: &mut LocalStore,
    stamp: &Stamp,
    source: &str,
    result: std::result::Result<(jst_sync::Plan, bool), SyncError>,
    applied_issued_at: Option<String>,
    changes: Option<ChangesView>,
) -> Result<SyncView> {
    let nothing = |outcome, code, message| SyncView {
        outcome,
        version: None,
        code,
        bytes_downloaded: 0,
        chunks_downloaded: 0,
        chunks_reused: 0,
        register: None,
        message,
    };
    let view = match &result {
        Ok((p, applied)) => SyncView {
            outcome: if *applied { SyncOutcome::Applied } else { SyncOutcome::UpToDate },
            version: Some(u32::try_from(p.version).unwrap_or(u32::MAX)),
            code: None,
            bytes_downloaded: u32::try_from(p.bytes_downloaded).unwrap_or(u32::MAX),
            chunks_downloaded: p.chunks_downloaded,
            chunks_reused: p.chunks_reused,
            register: changes.as_ref().and_then(|c| c.register.clone()),
            message: changes.as_ref().and_then(|c| c.register.as_ref()?.message()),
        },
        Err(SyncError::Rejected(r)) => {
            nothing(SyncOutcome::Rejected, Some(r.code), Some(r.message.clone()))
        }
        Err(SyncError::Offline(why)) => nothing(SyncOutcome::Offline, None, Some(why.clone())),
        Err(SyncError::Cancelled) => return Err(Error::Cancelled),
        Err(SyncError::Io { context, source }) => {
            return Err(Error::Io {
                context: context.clone(),
                source: std::io::Error::new(source.kind(), source.to_string()),
            })
        }
    };
    let entry = SyncLogEntry {
        at: stamp.at.clone(),
        source: source.to_owned(),
        outcome: view.outcome.code().to_owned(),
        version: view.version.map(u64::from),
        code: view.code.map(|c| c.as_str().to_owned()),
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
    local.record_sync(stamp, &entry, applied)?;
    Ok(view)
}

fn changes_between(
    before: &[(String, i32, i64, f64)],
    after: &[(String, i32, i64, f64)],
) -> ChangesView {
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
        revised_series: count(revised.len()),
        revised_examples: revised.into_iter().take(10).collect(),
        register: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcome_codes_round_trip_and_match_serde() {
        for o in [
            SyncOutcome::Applied,
            SyncOutcome::UpToDate,
            SyncOutcome::Rejected,
            SyncOutcome::Offline,
        ] {
            assert_eq!(SyncOutcome::from_code(o.code()), Some(o));
            assert_eq!(serde_json::to_value(o).expect("json"), serde_json::json!(o.code()));
        }
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

    #[test]
    fn log_lines_written_before_the_register_part_still_read() {
        let old = r#"{"first_release":true,"new_years":[2024],"new_indicators":[],
                      "revised_series":0,"revised_examples":[]}"#;
        let changes: ChangesView = serde_json::from_str(old).expect("an old line");
        assert_eq!((changes.new_years, changes.register), (vec![2024], None));
    }
}
