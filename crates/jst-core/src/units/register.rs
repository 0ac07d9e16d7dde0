//! A newer TERYT register (TERC CSV or XML) loaded as a full snapshot: units absent from it end,
//! so a file much smaller than the register is warned about before it ends most units. The
//! check against ending units by mistake ([`EndingUnits`]) is shared with a release's register
//! applied by sync.

use std::collections::HashSet;
use std::path::Path;

use jst_domain::{RegisterSnapshot, MAX_ENDED_WITHOUT_CONSENT};
use jst_import::{parse_terc, ImportError, Problem, Severity};
use jst_store::{LocalStore, Stamp, UnitRecord};
use jst_text::t;

use super::unit_view::RegisterImportView;
use crate::support::count;
use crate::support::input::read_input;
use crate::{Error, Result};

/// How many of the units a snapshot would end a message names.
const ENDING_EXAMPLES: usize = 5;

/// The active units a full snapshot would end (those absent from it), known before it is
/// loaded.
pub(crate) struct EndingUnits(Vec<UnitRecord>);

impl EndingUnits {
    pub(crate) fn of(local: &LocalStore, snapshot: &RegisterSnapshot) -> Result<Self> {
        let present: HashSet<&str> = snapshot.entries.iter().map(|e| e.identity()).collect();
        Ok(Self(
            local
                .active_units()?
                .into_iter()
                .filter(|u| !present.contains(u.identity.as_str()))
                .collect(),
        ))
    }

    pub(crate) fn count(&self) -> usize {
        self.0.len()
    }

    /// More than a real year ends: loading the snapshot needs the user's consent
    /// (`--allow-shrink`); sync never gives it.
    pub(crate) fn need_consent(&self) -> bool {
        self.0.len() > MAX_ENDED_WITHOUT_CONSENT
    }

    /// The first few, `TERYT nazwa`, for a message.
    pub(crate) fn examples(&self) -> Vec<String> {
        self.0.iter().take(ENDING_EXAMPLES).map(|u| format!("{} {}", u.teryt, u.name)).collect()
    }
}

/// How a register file is loaded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RegisterImportOptions {
    /// Warnings count as errors: nothing is written.
    pub strict: bool,
    /// The user confirmed that the register really ends more than a few units.
    pub allow_shrink: bool,
}

/// Loads a full TERC snapshot. Any error: nothing is written. With `strict`, warnings count as
/// errors too (DESIGN §6); a snapshot that would end more than a few units needs `allow_shrink`.
pub(crate) fn import_register(
    local: &mut LocalStore,
    stamp: &Stamp,
    path: &Path,
    options: RegisterImportOptions,
) -> Result<RegisterImportView> {
    let RegisterImportOptions { strict, allow_shrink } = options;
    let (file, bytes) = read_input(path)?;
    let mut parsed = parse_terc(&bytes, &file)?;
    let ending = EndingUnits::of(local, &parsed.snapshot)?;
    // A partial file loaded as a full snapshot would end most units; say so before it does.
    let active = local.unit_count(true)?;
    let offered = parsed.snapshot.entries.len();
    if offered * 10 < active * 9 {
        parsed.warnings.push(
            Problem::file(t!("core-register-file-small", offered = offered, active = active))
                .with_severity(Severity::Ostrzezenie),
        );
    }
    let mut refused: Vec<Problem> = if strict { parsed.warnings.clone() } else { Vec::new() };
    if ending.need_consent() && !allow_shrink {
        refused.push(Problem::file(t!(
            "core-register-would-shrink",
            count = ending.count(),
            examples = ending.examples().join(", ")
        )));
    }
    if !refused.is_empty() {
        return Err(Error::Import(ImportError::new(&file, refused)));
    }
    let summary = local.load_register(stamp, &parsed.snapshot, &file)?;
    Ok(RegisterImportView {
        file,
        as_of: summary.as_of,
        units: count(summary.units),
        created: count(summary.created),
        renamed: count(summary.renamed),
        recoded: count(summary.recoded),
        ended: count(summary.ended),
        restored: count(summary.restored),
        warnings: parsed.warnings.iter().map(ToString::to_string).collect(),
    })
}
