//! The TERYT register the server maps imported codes to and every release carries: the snapshot
//! compiled into the binary until the association imports a newer one. A release's register is
//! applied by every desktop, so a file that would end many units by mistake (cut short, or a
//! single województwo) is refused unless the association confirms it.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use jst_domain::{RegisterSnapshot, UnitKind, MAX_ENDED_WITHOUT_CONSENT};

use crate::{Error, Result, Storage};
use jst_server_store::StoredRegister;

/// The snapshot compiled in, used until `jst-server import register` stores a newer one.
const COMPILED: &[u8] = include_bytes!("../../../assets/register/TERC_2024-01-01.csv");
const COMPILED_LABEL: &str = "TERC 2024-01-01";

/// The register in force: its file as imported (or compiled in), its label and its units.
#[derive(Debug, Clone)]
pub struct ServerRegister {
    pub data: Cow<'static, [u8]>,
    pub label: String,
    pub snapshot: RegisterSnapshot,
}

impl ServerRegister {
    /// Units by identity (a gmina's first six digits survive a change of its kind digit), with
    /// the register's current code and kind.
    pub fn by_identity(&self) -> HashMap<&str, (&str, UnitKind)> {
        self.snapshot.entries.iter().map(|e| (e.identity(), (e.teryt.as_str(), e.kind))).collect()
    }
}

/// The imported register, or the compiled-in one when none was imported.
pub fn current_register(storage: &dyn Storage) -> Result<ServerRegister> {
    let (data, label) = match storage.register()? {
        Some(stored) => (Cow::Owned(stored.data), stored.label),
        None => (Cow::Borrowed(COMPILED), COMPILED_LABEL.to_owned()),
    };
    let snapshot = jst_import::parse_terc(&data, "rejestr")?.snapshot;
    Ok(ServerRegister { data, label, snapshot })
}

/// What `jst-server import register` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisterImport {
    pub as_of: String,
    pub units: usize,
    /// New units, as `TERYT nazwa`.
    pub added: Vec<String>,
    /// Units the new register ends, as `TERYT nazwa`.
    pub ended: Vec<String>,
    /// Warnings of the reader (the file was still whole and valid).
    pub warnings: Vec<String>,
}

/// Replaces the register: the file must be whole and valid, not older than the current one,
/// and end at most a few units unless `allow_shrink`.
pub fn import_register(
    storage: &mut dyn Storage,
    bytes: &[u8],
    file: &str,
    allow_shrink: bool,
    at: &str,
) -> Result<RegisterImport> {
    let parsed = jst_import::parse_terc(bytes, file)?;
    let current = current_register(storage)?;
    if parsed.snapshot.as_of < current.snapshot.as_of {
        return Err(Error::Invalid(format!(
            "{file}: rejestr ze stanem na {} jest starszy niż obecny ({}); nie wczytano",
            parsed.snapshot.as_of, current.snapshot.as_of
        )));
    }
    let new: HashSet<&str> = parsed.snapshot.entries.iter().map(|e| e.identity()).collect();
    let old: HashSet<&str> = current.snapshot.entries.iter().map(|e| e.identity()).collect();
    let named = |e: &jst_domain::RegisterEntry| format!("{} {}", e.teryt.as_str(), e.name);
    let ended: Vec<String> = current
        .snapshot
        .entries
        .iter()
        .filter(|e| !new.contains(e.identity()))
        .map(named)
        .collect();
    let added: Vec<String> =
        parsed.snapshot.entries.iter().filter(|e| !old.contains(e.identity())).map(named).collect();
    if ended.len() > MAX_ENDED_WITHOUT_CONSENT && !allow_shrink {
        return Err(Error::Invalid(format!(
            "{file}: nowy rejestr zakończyłby ważność {} jednostek (m.in. {}); w prawdziwym \
             rejestrze kończy się ich rocznie najwyżej kilka, więc plik jest zapewne niepełny \
             lub urwany. Każdy pulpit zastosuje rejestr z wydania, więc nic nie zapisano. Jeśli \
             zmiana jest zamierzona, podaj --allow-shrink",
            ended.len(),
            ended.iter().take(5).cloned().collect::<Vec<_>>().join(", ")
        )));
    }
    let stored = StoredRegister {
        data: bytes.to_vec(),
        label: format!("TERC {}", parsed.snapshot.as_of),
        as_of: parsed.snapshot.as_of.clone(),
        units: parsed.snapshot.entries.len(),
    };
    storage.save_register(&stored, at)?;
    Ok(RegisterImport {
        as_of: stored.as_of,
        units: stored.units,
        added,
        ended,
        warnings: parsed.warnings.iter().map(ToString::to_string).collect(),
    })
}
