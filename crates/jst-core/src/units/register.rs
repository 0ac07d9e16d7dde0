//! A newer TERYT register (TERC CSV or XML) loaded as a full snapshot: units absent from it end,
//! so a file much smaller than the register is warned about before it ends most units. The
//! check against ending units by mistake ([`EndingUnits`]) is shared with a release's register
//! applied by sync.

use std::collections::HashSet;
use std::path::Path;

use jst_domain::{RegisterSnapshot, MAX_ENDED_WITHOUT_CONSENT};
use jst_import::{parse_terc, ImportError, ParsedRegister, Problem, Severity};
use jst_store::{LocalStore, Stamp, UnitRecord};
use jst_text::t;

use super::unit_view::{RegisterCheckView, RegisterImportView};
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

/// A parsed register file with what loading it would end, ready to be written.
pub(crate) struct RegisterPlan {
    pub(crate) file: String,
    parsed: ParsedRegister,
    ending: EndingUnits,
    /// Active units of the stored register.
    active: usize,
}

impl RegisterPlan {
    /// Problems that did not stop the parse, with the warning about a file much smaller than
    /// the register.
    pub(crate) fn warnings(&self) -> &[Problem] {
        &self.parsed.warnings
    }

    /// More units would end than a real year ends: loading needs the user's consent.
    pub(crate) fn needs_consent(&self) -> bool {
        self.ending.need_consent()
    }

    /// What the file is and what loading it would end (the window's report).
    pub(crate) fn check_view(&self) -> RegisterCheckView {
        RegisterCheckView {
            as_of: self.parsed.snapshot.as_of.clone(),
            units: count(self.parsed.snapshot.entries.len()),
            active: count(self.active),
            ending: count(self.ending.count()),
            ending_examples: self.ending.examples(),
            needs_consent: self.needs_consent(),
            loaded: None,
        }
    }

    /// Why the file is refused under `options`: warnings when strict, ending too many units
    /// without consent.
    pub(crate) fn refusals(&self, options: RegisterImportOptions) -> Vec<Problem> {
        let mut refused: Vec<Problem> =
            if options.strict { self.parsed.warnings.clone() } else { Vec::new() };
        if self.needs_consent() && !options.allow_shrink {
            refused.push(Problem::file(t!(
                "core-register-would-shrink",
                count = self.ending.count(),
                examples = self.ending.examples().join(", ")
            )));
        }
        refused
    }

    /// Loads the snapshot in one audited transaction, unless `options` refuse it.
    pub(crate) fn save(
        &self,
        local: &mut LocalStore,
        stamp: &Stamp,
        options: RegisterImportOptions,
    ) -> Result<RegisterImportView> {
        let refused = self.refusals(options);
        if !refused.is_empty() {
            return Err(Error::Import(ImportError::new(&self.file, refused)));
        }
        let summary = local.load_register(stamp, &self.parsed.snapshot, &self.file)?;
        Ok(RegisterImportView {
            file: self.file.clone(),
            as_of: summary.as_of,
            units: count(summary.units),
            created: count(summary.created),
            renamed: count(summary.renamed),
            recoded: count(summary.recoded),
            ended: count(summary.ended),
            restored: count(summary.restored),
            warnings: self.parsed.warnings.iter().map(ToString::to_string).collect(),
        })
    }
}

/// Reads a TERC file and compares it with the stored register; writes nothing.
pub(crate) fn plan_register(local: &LocalStore, path: &Path) -> Result<RegisterPlan> {
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
    Ok(RegisterPlan { file, parsed, ending, active })
}

/// Loads a full TERC snapshot. Any error: nothing is written. With `strict`, warnings count as
/// errors too (DESIGN §6); a snapshot that would end more than a few units needs `allow_shrink`.
pub(crate) fn import_register(
    local: &mut LocalStore,
    stamp: &Stamp,
    path: &Path,
    options: RegisterImportOptions,
) -> Result<RegisterImportView> {
    plan_register(local, path)?.save(local, stamp, options)
}
