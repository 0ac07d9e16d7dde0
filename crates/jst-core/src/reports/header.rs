//! The report header (set once: the unit's full name, coat of arms, author, department) and the
//! officer's introduction and per-goal commentary for a year, as the Raporty screen edits them.

use std::path::Path;

use jst_store::{LocalStore, ReportHeaderRecord, Stamp, REPORT_INTRODUCTION};
use jst_text::t;
use serde::{Deserialize, Serialize};

use crate::strategy::active_tree;
use crate::support::input::{file_label, read_capped};
use crate::{Error, Result};

/// A coat of arms larger than this is a photograph, not an emblem for a title page.
const EMBLEM_CAP: u64 = 2 * 1024 * 1024;
/// The longest text of a header field.
const FIELD_CAP: usize = 300;
/// The longest introduction or commentary (as for notes).
const TEXT_CAP: usize = 10_000;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReportHeaderView {
    /// As set; `None` prints the default.
    pub unit_name: Option<String>,
    /// What the reports print when `unit_name` is not set ("Gmina Wieliczka").
    pub default_unit_name: String,
    pub author: Option<String>,
    pub department: Option<String>,
    /// `png` or `svg` when a coat of arms is set.
    pub emblem_format: Option<String>,
    pub emblem_bytes: u32,
}

/// The header fields typed in the window (the emblem is set from a file apart).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReportHeaderInput {
    pub unit_name: Option<String>,
    pub author: Option<String>,
    pub department: Option<String>,
}

/// The officer's words for one year of the active strategy.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReportTextsView {
    pub year: i32,
    pub introduction: String,
    /// Commentary by goal code.
    pub commentary: Vec<GoalTextView>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct GoalTextView {
    pub code: String,
    pub text: String,
}

pub(crate) fn report_header_view(local: &LocalStore) -> Result<ReportHeaderView> {
    let record = local.report_header()?;
    let default_unit_name = match local.own_unit()? {
        Some(own) => super::figures::default_unit_name(own.unit.kind, &own.unit.name),
        None => String::new(),
    };
    Ok(ReportHeaderView {
        unit_name: record.unit_name,
        default_unit_name,
        author: record.author,
        department: record.department,
        emblem_format: record.emblem.as_ref().map(|(_, f)| f.clone()),
        emblem_bytes: record
            .emblem
            .as_ref()
            .map_or(0, |(b, _)| u32::try_from(b.len()).unwrap_or(u32::MAX)),
    })
}

/// Saves the typed fields, keeping the emblem.
pub(crate) fn save_report_header(
    local: &mut LocalStore,
    stamp: &Stamp,
    input: &ReportHeaderInput,
) -> Result<ReportHeaderView> {
    let mut record = local.report_header()?;
    record.unit_name = field(input.unit_name.as_deref(), &t!("core-header-field-unit-name"))?;
    record.author = field(input.author.as_deref(), &t!("core-header-field-author"))?;
    record.department = field(input.department.as_deref(), &t!("core-header-field-department"))?;
    local.save_report_header(stamp, &record)?;
    report_header_view(local)
}

/// Sets the coat of arms from a PNG or SVG file (checked by content), or removes it.
pub(crate) fn set_report_emblem(
    local: &mut LocalStore,
    stamp: &Stamp,
    path: Option<&Path>,
) -> Result<ReportHeaderView> {
    let mut record: ReportHeaderRecord = local.report_header()?;
    record.emblem = match path {
        None => None,
        Some(path) => {
            let bytes = read_capped(path, EMBLEM_CAP)?;
            let format = emblem_format(&bytes).ok_or_else(|| {
                Error::InvalidValue(t!("core-emblem-format", file = file_label(path)))
            })?;
            Some((bytes, format.to_owned()))
        }
    };
    local.save_report_header(stamp, &record)?;
    report_header_view(local)
}

/// PNG by its signature; SVG by an `<svg` element near the start of UTF-8 text.
fn emblem_format(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some("png");
    }
    let head = std::str::from_utf8(&bytes[..bytes.len().min(4096)]).ok()?;
    head.contains("<svg").then_some("svg")
}

fn field(value: Option<&str>, label: &str) -> Result<Option<String>> {
    let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) else { return Ok(None) };
    if v.chars().count() > FIELD_CAP {
        return Err(Error::InvalidValue(t!(
            "core-header-field-too-long",
            label = label,
            max = FIELD_CAP
        )));
    }
    if v.chars().any(char::is_control) {
        return Err(Error::InvalidValue(t!("core-header-field-control", label = label)));
    }
    Ok(Some(v.to_owned()))
}

pub(crate) fn report_texts(local: &LocalStore, year: i32) -> Result<ReportTextsView> {
    let (strategy, _) = active_tree(local)?;
    let mut view = ReportTextsView { year, introduction: String::new(), commentary: Vec::new() };
    for (code, text) in local.report_texts(strategy.id, year)? {
        if code == REPORT_INTRODUCTION {
            view.introduction = text;
        } else {
            view.commentary.push(GoalTextView { code, text });
        }
    }
    Ok(view)
}

/// Sets the introduction (`goal: None`) or a goal's commentary; empty text removes it.
pub(crate) fn save_report_text(
    local: &mut LocalStore,
    stamp: &Stamp,
    year: i32,
    goal: Option<&str>,
    text: &str,
) -> Result<ReportTextsView> {
    let (strategy, tree) = active_tree(local)?;
    let code = match goal {
        None => REPORT_INTRODUCTION,
        Some(code) => {
            if !tree.nodes.iter().any(|n| n.code == code) {
                return Err(Error::InvalidValue(t!("core-report-no-goal", code = code)));
            }
            code
        }
    };
    if text.chars().count() > TEXT_CAP {
        return Err(Error::InvalidValue(t!("core-report-text-too-long", max = TEXT_CAP)));
    }
    if text.chars().any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r') {
        return Err(Error::InvalidValue(t!("core-report-text-control")));
    }
    local.save_report_text(stamp, strategy.id, year, code, &text.replace("\r\n", "\n"))?;
    report_texts(local, year)
}
