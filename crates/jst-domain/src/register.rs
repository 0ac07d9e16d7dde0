use crate::{Teryt, UnitKind};

/// A real year's register ends 0–2 units (mergers are rare); a snapshot that would end more is
/// most likely not the whole register (cut short, one województwo), and loading it would end
/// units that exist. Every importer of a register (the desktop's, the server's, a sync) needs
/// the user's consent beyond this.
pub const MAX_ENDED_WITHOUT_CONSENT: usize = 3;

/// One unit of a register snapshot, as the store keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisterEntry {
    pub teryt: Teryt,
    pub kind: UnitKind,
    pub name: String,
    /// 4-digit code of the powiat a gmina lies in; `None` for miasta na prawach powiatu,
    /// powiaty and województwa.
    pub powiat: Option<String>,
    /// 4-digit powiat code under which a miasto na prawach powiatu also appears in TERC.
    pub alias: Option<String>,
}

impl RegisterEntry {
    pub fn identity(&self) -> &str {
        self.teryt.identity()
    }

    pub fn voivodeship(&self) -> &str {
        self.teryt.voivodeship_code()
    }
}

/// A full register as of one date (`stan na`): loading it ends units that are absent from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisterSnapshot {
    /// ISO date `YYYY-MM-DD` the register describes.
    pub as_of: String,
    pub entries: Vec<RegisterEntry>,
}

impl RegisterSnapshot {
    pub fn count(&self, kind: UnitKind) -> usize {
        self.entries.iter().filter(|e| e.kind == kind).count()
    }
}
