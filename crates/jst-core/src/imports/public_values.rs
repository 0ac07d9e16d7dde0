//! Per-unit public data brought as a file (DESIGN §6): `teryt;wskaznik_kod;rok;wartosc`, loaded
//! into the peer store as one dataset per file, replaced all or nothing.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use jst_import::{parse_public_values_with, ImportError, Problem, RowProgress, Severity};
use jst_store::{LocalStore, PeerStore, PublicValue, Stamp};
use jst_text::t;

use super::report::FindingView;
use crate::support::count;
use crate::support::input::read_input;
use crate::Result;

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PeersImportView {
    pub file: String,
    pub dataset: String,
    pub values: u32,
    pub skipped: u32,
    pub findings: Vec<FindingView>,
}

/// A checked file of public values, ready to be written.
pub(crate) struct PeersPlan {
    pub(crate) file: String,
    values: Vec<PublicValue>,
    /// Rows skipped and values that may be a thousand times off.
    pub(crate) warnings: Vec<Problem>,
}

impl PeersPlan {
    pub(crate) fn values(&self) -> u32 {
        count(self.values.len())
    }

    /// Units with at least one value.
    pub(crate) fn units(&self) -> u32 {
        count(self.values.iter().map(|v| v.unit.as_str()).collect::<HashSet<_>>().len())
    }

    /// Replaces the dataset of this file name in the peer store, all or nothing.
    pub(crate) fn save(&self, peers: &mut PeerStore, stamp: &Stamp) -> Result<PeersImportView> {
        let dataset = format!("plik:{}", self.file);
        let label = format!("dane publiczne z pliku {}", self.file);
        peers.replace_dataset(stamp, &dataset, "import", &label, &self.values)?;
        let mut findings: Vec<FindingView> = self.warnings.iter().map(FindingView::from).collect();
        findings.push(FindingView::from(
            &Problem::file(t!(
                "core-peers-summary",
                units = self.units(),
                values = self.values.len()
            ))
            .with_severity(Severity::Informacja),
        ));
        Ok(PeersImportView {
            file: self.file.clone(),
            dataset,
            values: self.values(),
            skipped: count(self.warnings.len()),
            findings,
        })
    }
}

/// Loads public values per unit. 7-digit gmina codes are matched on their 6-digit identity,
/// a city county's powiat code on the city; rows of units missing from the register are
/// skipped with a warning. Indicators must be in the catalogue. Any error: nothing written.
pub(crate) fn import_peers(
    local: &LocalStore,
    peers: &mut PeerStore,
    stamp: &Stamp,
    path: &Path,
    strict: bool,
) -> Result<PeersImportView> {
    let plan = plan_peers(local, path, &mut |_, _| true)?;
    if strict && !plan.warnings.is_empty() {
        return Err(ImportError::new(&plan.file, plan.warnings).into());
    }
    plan.save(peers, stamp)
}

/// Reads and checks a file of public values against the catalogue and the register (progress
/// by rows); writes nothing.
pub(crate) fn plan_peers(
    local: &LocalStore,
    path: &Path,
    progress: RowProgress<'_>,
) -> Result<PeersPlan> {
    let (file, bytes) = read_input(path)?;
    let parsed = parse_public_values_with(&bytes, &file, progress)?;
    let rows = parsed.rows;
    let mut problems = Vec::new();
    let mut warnings = parsed.warnings;
    let mut known_indicator: HashMap<String, bool> = HashMap::new();
    let mut identities: HashMap<String, Option<String>> = HashMap::new();
    let mut seen: HashMap<(String, String, i32), usize> = HashMap::new();
    let mut values = Vec::with_capacity(rows.len());
    for row in rows {
        let known = match known_indicator.get(&row.indicator) {
            Some(k) => *k,
            None => {
                let k = local.has_indicator(&row.indicator)?;
                known_indicator.insert(row.indicator.clone(), k);
                k
            }
        };
        if !known {
            problems.push(Problem::at(
                row.line,
                Some("wskaznik_kod"),
                t!("core-not-in-catalogue-hint", code = &row.indicator),
            ));
            continue;
        }
        let key = row.teryt.identity().to_owned();
        let identity = match identities.get(&key) {
            Some(found) => found.clone(),
            None => {
                let found = local.unit_by_identity(&key)?.map(|u| u.identity);
                identities.insert(key.clone(), found.clone());
                found
            }
        };
        let Some(unit) = identity else {
            warnings.push(
                Problem::at(
                    row.line,
                    Some("teryt"),
                    t!("core-peers-unknown-unit", teryt = row.teryt.to_string()),
                )
                .with_severity(Severity::Ostrzezenie),
            );
            continue;
        };
        if let Some(first) = seen.insert((unit.clone(), row.indicator.clone(), row.year), row.line)
        {
            problems.push(Problem::at(
                row.line,
                None,
                t!(
                    "core-peers-repeated",
                    code = &row.indicator,
                    year = row.year,
                    teryt = row.teryt.to_string(),
                    first = first
                ),
            ));
            continue;
        }
        values.push(PublicValue {
            unit,
            indicator: row.indicator,
            year: row.year,
            value: row.value,
        });
    }
    if !problems.is_empty() {
        problems.truncate(20);
        return Err(ImportError::new(&file, problems).into());
    }
    Ok(PeersPlan { file, values, warnings })
}
