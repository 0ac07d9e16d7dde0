//! Export of the unit's own data for people and other programs (`jst export`, the Dane
//! screen): values with their history and notes, budget lines, the active strategy, as CSV
//! that the program's own importers read back or as an XLSX workbook. Every file is written
//! whole beside its target and renamed over it.

use jst_text::t;

mod budget;
mod strategy;
mod table;
mod values;

use std::path::{Path, PathBuf};

use jst_report::data_workbook;
use jst_store::LocalStore;
use serde::{Deserialize, Serialize};

use crate::strategy::active_tree;
use crate::support::input::{file_label, write_atomically};
use crate::{Error, Result};

/// What is exported (`jst export values|budget|strategy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ExportKind {
    /// Own values with their history and the strategies' notes.
    Values,
    /// Budget lines of the own unit (Rb-27S, Rb-28S), every year and period.
    Budget,
    /// The active strategy as its template.
    Strategy,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// UTF-8, `;`, decimal comma: what the program's importers read.
    Csv,
    /// A workbook: numbers as numbers, a sheet per table, the header frozen and filterable.
    Xlsx,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Xlsx => "xlsx",
        }
    }
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ExportWrittenView {
    pub kind: ExportKind,
    pub format: ExportFormat,
    /// The file asked for.
    pub path: String,
    /// Data rows of its (first) table, the header not counted: values, budget lines, or the
    /// template's rows (one per node, one more per further indicator of a node).
    pub rows: u32,
    pub bytes: u32,
    /// Values only: changes in the history (sheet „Historia”, or `<name>-historia.csv`).
    pub history_rows: u32,
    /// Values only: notes of the strategies (sheet „Notatki”, or `<name>-notatki.csv`).
    pub note_rows: u32,
    /// Files written beside `path`: for values as CSV the history and the notes.
    pub companion_files: Vec<String>,
    /// The data are the demo's samples, not the unit's (every such value says so in its row,
    /// the strategy in its name).
    pub sample: bool,
}

/// The file name an export suggests: `wartosci-TERYT.csv`, `budzet-TERYT.xlsx`,
/// `strategia-TERYT.csv`.
pub(crate) fn export_file_name(
    local: &LocalStore,
    kind: ExportKind,
    format: ExportFormat,
) -> Result<String> {
    let teryt = own_teryt(local)?;
    let stem = match kind {
        ExportKind::Values => "wartosci",
        ExportKind::Budget => "budzet",
        ExportKind::Strategy => "strategia",
    };
    Ok(format!("{stem}-{teryt}.{}", format.extension()))
}

/// Writes `kind` as `format` to `out` (and, for values as CSV, the history and notes beside).
/// Nothing to export writes a file with the header only; no own unit or, for the strategy, no
/// active strategy is an error and writes nothing.
pub(crate) fn export_own_data(
    local: &LocalStore,
    kind: ExportKind,
    format: ExportFormat,
    out: &Path,
) -> Result<ExportWrittenView> {
    check_extension(out, format)?;
    own_teryt(local)?;
    let mut view = ExportWrittenView {
        kind,
        format,
        path: out.display().to_string(),
        rows: 0,
        bytes: 0,
        history_rows: 0,
        note_rows: 0,
        companion_files: Vec::new(),
        sample: false,
    };
    let bytes = match kind {
        ExportKind::Values => {
            let tables = values::value_tables(local)?;
            view.rows = tables.values.rows();
            view.history_rows = tables.history.rows();
            view.note_rows = tables.notes.rows();
            view.sample = tables.sample;
            match format {
                ExportFormat::Csv => {
                    // The companions first: the file asked for appears last, whole.
                    for (table, part) in [(&tables.history, "historia"), (&tables.notes, "notatki")]
                    {
                        let path = companion(out, part);
                        write_atomically(&path, table.to_csv().as_bytes())?;
                        view.companion_files.push(path.display().to_string());
                    }
                    tables.values.to_csv().into_bytes()
                }
                ExportFormat::Xlsx => data_workbook(&[
                    tables.values.to_sheet("Wartości"),
                    tables.history.to_sheet("Historia"),
                    tables.notes.to_sheet("Notatki"),
                ])?,
            }
        }
        ExportKind::Budget => {
            let table = budget::budget_table(local)?;
            view.rows = table.rows();
            match format {
                ExportFormat::Csv => table.to_csv().into_bytes(),
                ExportFormat::Xlsx => data_workbook(&[table.to_sheet("Budżet")])?,
            }
        }
        ExportKind::Strategy => {
            let (record, tree) = active_tree(local)?;
            let table = strategy::template_table(&tree);
            view.rows = table.rows();
            view.sample = record.sample;
            match format {
                ExportFormat::Csv => jst_import::render_strategy_template(&tree).into_bytes(),
                ExportFormat::Xlsx => data_workbook(&[
                    table.to_sheet("szablon"),
                    strategy::meta_table(&record).to_sheet("strategia"),
                ])?,
            }
        }
    };
    write_atomically(out, &bytes)?;
    view.bytes = u32::try_from(bytes.len()).unwrap_or(u32::MAX);
    Ok(view)
}

fn own_teryt(local: &LocalStore) -> Result<String> {
    local
        .own_unit()?
        .map(|own| own.unit.teryt)
        .ok_or_else(|| Error::MissingReference(t!("core-export-no-unit")))
}

/// A table file named for the other format would open as garbage: refused before anything is
/// written. Other names (or none) are the user's choice.
fn check_extension(out: &Path, format: ExportFormat) -> Result<()> {
    let extension = out.extension().map(|e| e.to_string_lossy().to_ascii_lowercase());
    let Some(extension) = extension else { return Ok(()) };
    let table_like = ["csv", "xlsx", "xls", "xlsm", "ods"];
    if table_like.contains(&extension.as_str()) && extension != format.extension() {
        return Err(Error::InvalidValue(t!(
            "core-export-wrong-extension",
            file = file_label(out),
            extension = &extension,
            format = format.extension()
        )));
    }
    Ok(())
}

/// `wartosci.csv` → `wartosci-historia.csv` beside it.
fn companion(out: &Path, part: &str) -> PathBuf {
    let stem = out.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let extension = out.extension().map_or("csv".into(), |e| e.to_string_lossy().into_owned());
    out.with_file_name(format!("{stem}-{part}.{extension}"))
}
