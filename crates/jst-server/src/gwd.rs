//! Experience-exchange groups (grupy wymiany doświadczeń, DESIGN §8): the association forms a
//! group around one service, records each member's signed consent, and the members then see
//! each other's values by name. The one exception to "contributed values leave only as
//! aggregates", so it is narrow: current members only, over the authenticated API
//! ([`crate::gwd_api`]), the group's indicators only; never in a release, never in a log.
//!
//! Every check happens here, before the store is asked to write anything.

use std::collections::HashMap;

use crate::register::current_register;
use crate::{Error, Result, Storage};
use jst_server_store::{GwdGroup, GwdMember};

/// Longest group name, area and consent reference (they are shown in lists and tables).
const MAX_TEXT_CHARS: usize = 200;
/// Indicators a group compares at most (a meeting's sheet must stay readable).
const MAX_INDICATORS: usize = 100;

/// Unit names of the register in force, by TERYT and by gmina identity (a gmina whose kind
/// digit changed keeps its name under its old code).
pub struct UnitNames {
    by_code: HashMap<String, String>,
    by_identity: HashMap<String, String>,
}

impl UnitNames {
    pub fn of(storage: &dyn Storage) -> Result<Self> {
        let register = current_register(storage)?;
        let mut by_code = HashMap::new();
        let mut by_identity = HashMap::new();
        for e in &register.snapshot.entries {
            by_code.insert(e.teryt.as_str().to_owned(), e.name.clone());
            by_identity.insert(e.identity().to_owned(), e.name.clone());
        }
        Ok(Self { by_code, by_identity })
    }

    pub fn get(&self, teryt: &str) -> Option<&str> {
        self.by_code
            .get(teryt)
            .or_else(|| self.by_identity.get(teryt.get(..6)?))
            .map(String::as_str)
    }

    /// The name, or the code itself for a unit the register no longer has.
    pub fn name(&self, teryt: &str) -> String {
        self.get(teryt).unwrap_or(teryt).to_owned()
    }
}

fn text(what: &str, value: &str) -> Result<String> {
    let value = value.trim();
    if value.is_empty() {
        return Err(Error::Invalid(format!("{what}: pole jest puste; nic nie zapisano")));
    }
    if value.chars().count() > MAX_TEXT_CHARS || value.chars().any(char::is_control) {
        return Err(Error::Invalid(format!(
            "{what}: najwyżej {MAX_TEXT_CHARS} znaków w jednym wierszu; nic nie zapisano"
        )));
    }
    Ok(value.to_owned())
}

/// Creates a group of `indicators` (catalogue codes, each once) and returns its id.
pub fn create_group(
    storage: &mut dyn Storage,
    name: &str,
    area: &str,
    indicators: &[String],
    at: &str,
) -> Result<i64> {
    let name = text("nazwa grupy", name)?;
    let area = text("obszar (--area)", area)?;
    let codes: Vec<String> = indicators.iter().map(|c| c.trim().to_owned()).collect();
    if codes.is_empty() || codes.iter().any(String::is_empty) {
        return Err(Error::Invalid(
            "--indicators: podaj kody wskaźników po przecinku, bez pustych pozycji; nic nie zapisano"
                .to_owned(),
        ));
    }
    if codes.len() > MAX_INDICATORS {
        return Err(Error::Invalid(format!(
            "--indicators: grupa porównuje najwyżej {MAX_INDICATORS} wskaźników; nic nie zapisano"
        )));
    }
    let mut seen = std::collections::HashSet::new();
    if let Some(twice) = codes.iter().find(|c| !seen.insert(c.as_str())) {
        return Err(Error::Invalid(format!(
            "--indicators: wskaźnik {twice} podano dwa razy; nic nie zapisano"
        )));
    }
    let (catalogue, _) = storage.catalogue()?.ok_or_else(|| {
        Error::Missing(
            "brak katalogu wskaźników: najpierw jst-server import catalogue PLIK".to_owned(),
        )
    })?;
    let known: std::collections::HashSet<String> =
        jst_import::parse_catalogue(&catalogue, "katalog")?.into_iter().map(|r| r.code).collect();
    let unknown: Vec<&str> =
        codes.iter().filter(|c| !known.contains(c.as_str())).map(String::as_str).collect();
    if !unknown.is_empty() {
        return Err(Error::Invalid(format!(
            "--indicators: w katalogu nie ma wskaźników {}; nic nie zapisano",
            unknown.join(", ")
        )));
    }
    Ok(storage.create_gwd(&name, &area, &codes, at)?)
}

/// The group with this id, or an error naming the groups there are.
pub fn group(storage: &dyn Storage, id: i64) -> Result<GwdGroup> {
    let groups = storage.gwd_groups()?;
    let ids: Vec<String> = groups.iter().map(|g| g.id.to_string()).collect();
    groups.into_iter().find(|g| g.id == id).ok_or_else(|| {
        Error::Invalid(format!(
            "nie ma grupy nr {id} (są: {}); nic nie zapisano",
            if ids.is_empty() { "żadne".to_owned() } else { ids.join(", ") }
        ))
    })
}

/// A unit joins group `id` on the strength of the signed consent `reference` dated
/// `consent_date` (`YYYY-MM-DD`, the day of `at` when not given). Returns the group.
pub fn add_member(
    storage: &mut dyn Storage,
    id: i64,
    teryt: &str,
    reference: &str,
    consent_date: Option<&str>,
    at: &str,
) -> Result<GwdGroup> {
    let group = group(storage, id)?;
    let code = jst_domain::Teryt::parse(teryt)
        .map_err(|e| Error::Invalid(format!("{e}; nic nie zapisano")))?;
    let names = UnitNames::of(storage)?;
    if !names.by_code.contains_key(code.as_str()) {
        return Err(Error::Invalid(format!(
            "jednostki {} nie ma w obowiązującym rejestrze TERYT; nic nie zapisano",
            code.as_str()
        )));
    }
    let reference = text("odwołanie do zgody (--consent)", reference)?;
    let consent_date = match consent_date {
        None => at.get(..10).unwrap_or(at).to_owned(),
        Some(day) => {
            let format = time::macros::format_description!("[year]-[month]-[day]");
            let date = time::Date::parse(day.trim(), &format).map_err(|_| {
                Error::Invalid(format!(
                    "--consent-date: „{day}” nie jest datą RRRR-MM-DD; nic nie zapisano"
                ))
            })?;
            if date.to_string().as_str() > at.get(..10).unwrap_or(at) {
                return Err(Error::Invalid(format!(
                    "--consent-date: zgoda z {date} jest z przyszłości; nic nie zapisano"
                )));
            }
            date.to_string()
        }
    };
    let member = GwdMember {
        teryt: code.as_str().to_owned(),
        consent_reference: reference,
        consent_date,
        added_at: at.to_owned(),
    };
    storage.add_gwd_member(group.id, &member)?;
    Ok(group)
}

/// The unit leaves group `id` (or its consent was withdrawn): from the next request on, its
/// values are no longer served to the group, nor the group's to it.
pub fn remove_member(
    storage: &mut dyn Storage,
    id: i64,
    teryt: &str,
    at: &str,
) -> Result<GwdGroup> {
    let group = group(storage, id)?;
    let code = jst_domain::Teryt::parse(teryt)
        .map_err(|e| Error::Invalid(format!("{e}; nic nie zapisano")))?;
    if !storage.remove_gwd_member(group.id, code.as_str(), at)? {
        return Err(Error::Invalid(format!(
            "jednostka {} nie należy do grupy {id}; nic nie zapisano",
            code.as_str()
        )));
    }
    Ok(group)
}
