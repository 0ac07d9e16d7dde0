//! The SIO list of schools the unit runs or subsidises (MEN's "Wykaz szkół i placówek
//! prowadzonych/dotowanych przez JST"): the own value of `UCZ_SP`, pupils of the primary schools
//! the unit itself runs, for the year of the state date (30 IX of the school year YYYY/YYYY+1).
//! Schools the unit only subsidises are listed as left out, so the officer sees both.

use std::path::Path;

use jst_domain::UnitKind;
use jst_import::{parse_school_list, ImportError, Problem, SchoolList, SchoolRow};
use jst_store::{LocalStore, ObservationRecord, Stamp, UnitRecord};
use jst_text::t;
use serde::Serialize;

use crate::support::input::read_input;
use crate::{Error, Result};

/// The catalogue indicator the list gives a value of.
const PUPILS: &str = "UCZ_SP";
const PRIMARY_SCHOOL: &str = "Szkoła podstawowa";

/// One school row of the list as the import judged it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SchoolView {
    pub rspo: String,
    pub name: String,
    pub school_type: String,
    pub organ_type: String,
    pub pupils: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SioImportView {
    pub file: String,
    /// The year of the state date (the first year of the school year).
    pub year: i32,
    pub indicator: String,
    /// Pupils of the primary schools the unit runs: the value written.
    pub pupils: f64,
    pub counted: Vec<SchoolView>,
    /// Other school types, and schools of other organs (subsidised only).
    pub left_out: Vec<SchoolView>,
}

/// Imports the list: refused unless it is the own unit's; any error writes nothing.
pub(crate) fn import_sio(
    local: &mut LocalStore,
    stamp: &Stamp,
    own: Option<&UnitRecord>,
    path: &Path,
) -> Result<SioImportView> {
    let (file, bytes) = read_input(path)?;
    let plan = plan_sio(own, &bytes, &file)?;
    plan.save(local, stamp)?;
    Ok(plan.view)
}

/// A school list read and checked, not yet written.
pub(crate) struct SioPlan {
    pub view: SioImportView,
    record: ObservationRecord,
}

impl SioPlan {
    /// Writes the own value (audited, its history kept).
    pub fn save(&self, local: &mut LocalStore, stamp: &Stamp) -> Result<()> {
        let action = format!("wykaz SIO z {}", self.view.file);
        local.upsert_observations(stamp, &action, std::slice::from_ref(&self.record))?;
        Ok(())
    }
}

/// Reads and checks a school list of the own unit.
pub(crate) fn plan_sio(own: Option<&UnitRecord>, bytes: &[u8], file: &str) -> Result<SioPlan> {
    let list = parse_school_list(bytes, file)?;
    let own = own.ok_or_else(|| Error::MissingReference(t!("core-sio-needs-own-unit")))?;
    refuse_another_unit(file, &list, own)?;
    let organ = organ_of(own.kind);
    let (counted, left_out): (Vec<&SchoolRow>, Vec<&SchoolRow>) = list
        .rows
        .iter()
        .partition(|r| r.school_type.trim() == PRIMARY_SCHOOL && same_organ(&r.organ_type, organ));
    // Counts are fractional in the list (weighted); the sum is kept to a ten-thousandth.
    let pupils = (counted.iter().map(|r| r.pupils).sum::<f64>() * 1e4).round() / 1e4;
    let record = ObservationRecord {
        indicator: PUPILS.to_owned(),
        year: list.school_year,
        value: pupils,
        status: jst_domain::ObservationStatus::Ostateczne.code().to_owned(),
        source: Some(format!(
            "SIO: wykaz szkół, stan na {}, rok szkolny {}/{} (plik {file})",
            list.state_date,
            list.school_year,
            list.school_year + 1
        )),
        note: None,
        sample: false,
    };
    let view = |r: &&SchoolRow| SchoolView {
        rspo: r.rspo.clone(),
        name: r.name.clone(),
        school_type: r.school_type.clone(),
        organ_type: r.organ_type.clone(),
        pupils: r.pupils,
    };
    Ok(SioPlan {
        view: SioImportView {
            file: file.to_owned(),
            year: list.school_year,
            indicator: PUPILS.to_owned(),
            pupils,
            counted: counted.iter().map(view).collect(),
            left_out: left_out.iter().map(view).collect(),
        },
        record,
    })
}

/// The "Typ organu prowadzącego" of schools a unit of this kind runs itself.
fn organ_of(kind: UnitKind) -> &'static str {
    match kind {
        UnitKind::Powiat => "Powiat",
        UnitKind::Wojewodztwo => "Samorząd województwa",
        _ => "Gmina",
    }
}

fn same_organ(written: &str, organ: &str) -> bool {
    jst_domain::fold_for_search(written.trim()) == jst_domain::fold_for_search(organ)
}

/// The list names its registering body (Woj, Pow, Gmi) in every school row; it must be the own
/// unit. A list without them cannot be checked and is refused: its pupils would be stored as the
/// own unit's whoever's they are.
fn refuse_another_unit(file: &str, list: &SchoolList, own: &UnitRecord) -> Result<()> {
    let Some((woj, pow, gmi)) = &list.registering else {
        let titled = list.unit_name.as_deref().map(|n| t!("core-sio-title-names", name = n));
        return Err(ImportError::single(
            file,
            Problem::file(t!(
                "core-sio-no-unit-code",
                titled = titled.unwrap_or_default(),
                teryt = &own.teryt,
                name = &own.name
            )),
        )
        .into());
    };
    let code = format!("{woj}{pow}{gmi}");
    let own_code: String = own.teryt.chars().take(code.len()).collect();
    let alias_matches = own.alias.as_deref().is_some_and(|a| code.starts_with(a));
    if code == own_code || alias_matches {
        return Ok(());
    }
    let own_part = |range: std::ops::Range<usize>| own.teryt.get(range).unwrap_or_default();
    let column = [("Woj", woj, own_part(0..2)), ("Pow", pow, own_part(2..4))]
        .into_iter()
        .find(|(_, written, expected)| written.as_str() != *expected)
        .map_or("Gmi", |(name, _, _)| name);
    let line = list.rows.first().map_or(0, |r| r.line);
    Err(ImportError::single(
        file,
        Problem::at(
            line,
            Some(column),
            t!(
                "core-sio-other-unit",
                code = &code,
                codes = format!(
                    "Woj {woj}, Pow {pow}, Gmi {gmi}{}",
                    list.unit_name.as_deref().map(|n| format!(", {n}")).unwrap_or_default()
                ),
                teryt = &own.teryt,
                name = &own.name
            ),
        ),
    )
    .into())
}
