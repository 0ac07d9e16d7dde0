//! Units as shells show them; the JSON shape is a public contract (`jst status` and `jst units
//! search --format json`, the desktop IPC).

use jst_domain::UnitKind;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct UnitView {
    pub teryt: String,
    pub name: String,
    /// e.g. `gmina_miejsko_wiejska`.
    pub kind: UnitKind,
    /// Name of the powiat a gmina lies in; null for a województwo, a powiat and a miasto na
    /// prawach powiatu.
    pub powiat: Option<String>,
    /// Name of the województwo in lower case, e.g. `małopolskie`.
    pub voivodeship: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PopulationView {
    pub year: i32,
    pub value: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OwnUnitView {
    pub teryt: String,
    pub name: String,
    pub kind: UnitKind,
    pub powiat: Option<String>,
    pub voivodeship: String,
    pub population: Option<PopulationView>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StatusView {
    /// Null until a unit is chosen (first run).
    pub unit: Option<OwnUnitView>,
    pub data_dir: String,
    pub schema_version: u32,
    pub demo: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RegisterImportView {
    pub file: String,
    pub as_of: String,
    pub units: u32,
    pub created: u32,
    pub renamed: u32,
    pub recoded: u32,
    pub ended: u32,
    pub restored: u32,
    /// Problems that did not stop the load, located by row (Polish).
    pub warnings: Vec<String>,
}

/// A register file as the window shows it before loading: what it holds and what it would end.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RegisterCheckView {
    /// ISO date the file describes.
    pub as_of: String,
    /// Units in the file.
    pub units: u32,
    /// Active units of the stored register.
    pub active: u32,
    /// Active units absent from the file, which loading it ends.
    pub ending: u32,
    /// The first few of them, `TERYT nazwa`.
    pub ending_examples: Vec<String>,
    /// More would end than a real year ends: refused unless the user allows the register to
    /// shrink.
    pub needs_consent: bool,
    /// What loading changed (after the import).
    pub loaded: Option<RegisterImportView>,
}

impl From<jst_store::UnitRecord> for UnitView {
    fn from(u: jst_store::UnitRecord) -> Self {
        Self {
            voivodeship: u.voivodeship_name.unwrap_or(u.voivodeship_code),
            teryt: u.teryt,
            name: u.name,
            kind: u.kind,
            powiat: u.powiat_name,
        }
    }
}
