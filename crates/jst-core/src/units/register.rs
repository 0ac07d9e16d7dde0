//! A newer TERYT register (TERC CSV or XML) loaded as a full snapshot: units absent from it end,
//! so a file much smaller than the register is warned about before it ends most units.

use std::collections::HashSet;
use std::path::Path;

use jst_import::{parse_terc, ImportError, Problem, Severity};
use jst_store::{LocalStore, Stamp, UnitRecord};

use super::unit_view::RegisterImportView;
use crate::support::count;
use crate::support::input::read_input;
use crate::{Error, Result};

/// A real year's register ends 0–2 units (mergers are rare); more means the file is not the
/// whole register, and loading it as a full snapshot would end units that exist.
const MAX_ENDED_WITHOUT_CONSENT: usize = 3;

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
    let present: HashSet<&str> = parsed.snapshot.entries.iter().map(|e| e.identity()).collect();
    let ending: Vec<UnitRecord> = local
        .active_units()?
        .into_iter()
        .filter(|u| !present.contains(u.identity.as_str()))
        .collect();
    // A partial file loaded as a full snapshot would end most units; say so before it does.
    let active = local.unit_count(true)?;
    let offered = parsed.snapshot.entries.len();
    if offered * 10 < active * 9 {
        parsed.warnings.push(
            Problem::file(format!(
                "liczba jednostek w pliku ({offered}) jest dużo mniejsza niż w rejestrze \
                 ({active}): jako pełny stan rejestru plik zakończy ważność jednostek, których \
                 w nim nie ma"
            ))
            .with_severity(Severity::Ostrzezenie),
        );
    }
    let mut refused: Vec<Problem> = if strict { parsed.warnings.clone() } else { Vec::new() };
    if ending.len() > MAX_ENDED_WITHOUT_CONSENT && !allow_shrink {
        let names: Vec<String> =
            ending.iter().take(5).map(|u| format!("{} {}", u.teryt, u.name)).collect();
        refused.push(Problem::file(format!(
            "jako pełny stan rejestru plik zakończyłby ważność {} jednostek (m.in. {}); \
             w prawdziwym rejestrze kończy się ich rocznie najwyżej kilka, więc plik jest \
             zapewne niepełny lub urwany. Jeśli zmiana jest zamierzona, wczytaj plik z opcją \
             --allow-shrink",
            ending.len(),
            names.join(", ")
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
