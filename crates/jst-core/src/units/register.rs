//! A newer TERYT register (TERC CSV or XML) loaded as a full snapshot: units absent from it end,
//! so a file much smaller than the register is warned about before it ends most units.

use std::path::Path;

use jst_import::{parse_terc, ImportError, Problem, Severity};
use jst_store::{LocalStore, Stamp};

use super::unit_view::RegisterImportView;
use crate::support::input::read_input;
use crate::{Error, Result};

/// Loads a full TERC snapshot. Any error: nothing is written. With `strict`, warnings count as
/// errors too (DESIGN §6).
pub(crate) fn import_register(
    local: &mut LocalStore,
    stamp: &Stamp,
    path: &Path,
    strict: bool,
) -> Result<RegisterImportView> {
    let (file, bytes) = read_input(path)?;
    let mut parsed = parse_terc(&bytes, &file)?;
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
    if strict && !parsed.warnings.is_empty() {
        return Err(Error::Import(ImportError::new(&file, parsed.warnings)));
    }
    let summary = local.load_register(stamp, &parsed.snapshot, &file)?;
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
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
