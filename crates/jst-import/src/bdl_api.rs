//! Pages of the GUS Bank Danych Lokalnych API v1, `GET /data/by-variable/{id}`: one variable's
//! values per unit (`results[].id`, `name`, `values[].year/val/attrId`), with the paging envelope
//! (`totalRecords`, `page`, `pageSize`, `links.next`). Units come as 12-character BDL ids, which
//! carry the 7-digit TERYT code; mapping them to the register follows the CTAB export's rules:
//! gmina parts and Warsaw's districts are not units, a city county's powiat row repeats its gmina.
//!
//! Parsing is strict (a malformed page is refused whole, naming the result and field), because a
//! page that is half understood would store some units and silently drop others.

use std::collections::{HashMap, HashSet};

use jst_domain::RegisterEntry;
use jst_text::t;
use serde_json::Value;

use crate::error::MAX_PROBLEMS;
use crate::{ImportError, Problem, Severity};

/// `attrId` flags whose `val` is a value to keep: 1 plain value, 3 incomplete aggregate,
/// 9 preliminary estimate, 11 methodological change, 13 both, 20/21 low precision, 94/98 a
/// meaningful zero, 97 powiat and city county together. The others mean "no data", "secret",
/// "below the rounding unit" or "not yet available", and their `val` is a placeholder.
pub const BDL_VALUE_FLAGS: [u32; 10] = [1, 3, 9, 11, 13, 20, 21, 94, 97, 98];

/// Powiat codes from 61 up are cities with powiat rights, whose gmina row carries their values.
const FIRST_CITY_COUNTY: u32 = 61;

/// One page of `GET /data/by-variable/{id}` as the API sent it.
#[derive(Debug, Clone, PartialEq)]
pub struct BdlPage {
    /// Units in all pages of the query (`totalRecords`), when the API says.
    pub total_records: Option<u64>,
    /// 0-based page index (`page`).
    pub page: Option<u64>,
    /// `pageSize`.
    pub page_size: Option<u64>,
    /// `variableId`.
    pub variable_id: Option<u64>,
    /// `lastUpdate` of the variable's data.
    pub last_update: Option<String>,
    /// `links.next`: the URL of the next page; `None` on the last page.
    pub next: Option<String>,
    /// `results`, in the API's order.
    pub units: Vec<BdlUnit>,
}

/// One unit of a page (`UnitData`).
#[derive(Debug, Clone, PartialEq)]
pub struct BdlUnit {
    /// The 12-digit BDL unit id, e.g. `011212161011` for Kraków.
    pub id: String,
    /// The unit's name as BDL gives it (`Powiat wielicki`, `Wieliczka - miasto`).
    pub name: String,
    /// Its values, for the years asked (a unit without data may have none).
    pub values: Vec<BdlValue>,
}

/// One year's value of a unit (`YearValue`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BdlValue {
    /// `year` (a string in the API's answers).
    pub year: i32,
    /// `val`; `None` when the API sent none or `null`.
    pub value: Option<f64>,
    /// `attrId`, the flag (see [`BDL_VALUE_FLAGS`]).
    pub attr_id: u32,
}

impl BdlValue {
    /// The value when it is one (a number whose flag carries a value).
    pub fn kept(&self) -> Option<f64> {
        self.value.filter(|v| v.is_finite() && BDL_VALUE_FLAGS.contains(&self.attr_id))
    }
}

/// Parses one page; `source` names it in messages (variable, year, level, page).
pub fn parse_bdl_page(bytes: &[u8], source: &str) -> Result<BdlPage, ImportError> {
    let root: Value = serde_json::from_slice(bytes).map_err(|e| {
        ImportError::single(
            source,
            Problem::file(t!(
                "import-bdl-not-json",
                line = e.line(),
                column = e.column(),
                error = e.to_string()
            )),
        )
    })?;
    let Some(object) = root.as_object() else {
        return Err(ImportError::single(source, Problem::file(t!("import-bdl-not-object"))));
    };
    let Some(results) = object.get("results") else {
        // The API's refusals (`ErrorMessage`, `LimitResponseMessage`) carry these two fields.
        let reason = ["errorResult", "errorReason"]
            .iter()
            .filter_map(|k| object.get(*k).and_then(Value::as_str))
            .collect::<Vec<_>>()
            .join(": ");
        let message = if reason.is_empty() {
            t!("import-bdl-no-results")
        } else {
            t!("import-bdl-refused", reason = reason)
        };
        return Err(ImportError::single(source, Problem::file(message)));
    };
    let Some(results) = results.as_array() else {
        return Err(ImportError::single(source, Problem::file(t!("import-bdl-results-not-list"))));
    };

    let mut problems = Vec::new();
    let header = |field: &str, problems: &mut Vec<Problem>| -> Option<u64> {
        match object.get(field) {
            None | Some(Value::Null) => None,
            Some(v) => v.as_u64().or_else(|| {
                problems.push(error(t!(
                    "import-bdl-header-field",
                    field = field,
                    value = v.to_string()
                )));
                None
            }),
        }
    };
    let total_records = header("totalRecords", &mut problems);
    let page = header("page", &mut problems);
    let page_size = header("pageSize", &mut problems);
    let variable_id = header("variableId", &mut problems);
    let last_update = object.get("lastUpdate").and_then(Value::as_str).map(str::to_owned);
    let next = match object.get("links").map(|l| (l, l.get("next"))) {
        None | Some((Value::Null, _)) | Some((_, None | Some(Value::Null))) => None,
        Some((_, Some(Value::String(url)))) => Some(url.clone()),
        Some((_, Some(other))) => {
            problems.push(error(t!("import-bdl-next", value = other.to_string())));
            None
        }
    };

    let mut units = Vec::with_capacity(results.len());
    for (i, result) in results.iter().enumerate() {
        match parse_unit(i + 1, result) {
            Ok(unit) => units.push(unit),
            Err(found) => problems.extend(found),
        }
        if problems.len() >= MAX_PROBLEMS {
            break;
        }
    }
    if !problems.is_empty() {
        problems.truncate(MAX_PROBLEMS);
        return Err(ImportError::new(source, problems));
    }
    Ok(BdlPage { total_records, page, page_size, variable_id, last_update, next, units })
}

fn error(message: String) -> Problem {
    Problem::file(message).with_severity(Severity::Blad)
}

fn parse_unit(n: usize, result: &Value) -> Result<BdlUnit, Vec<Problem>> {
    let Some(object) = result.as_object() else {
        return Err(vec![error(t!("import-bdl-result-not-object", result = n))]);
    };
    let mut problems = Vec::new();
    let id = match object.get("id") {
        Some(Value::String(id)) if id.len() == 12 && id.bytes().all(|b| b.is_ascii_digit()) => {
            id.clone()
        }
        Some(other) => {
            problems.push(error(t!("import-bdl-id", result = n, id = other.to_string())));
            String::new()
        }
        None => {
            problems.push(error(t!("import-bdl-no-id", result = n)));
            String::new()
        }
    };
    let at = if id.is_empty() {
        t!("import-bdl-result", result = n)
    } else {
        t!("import-bdl-result-id", result = n, id = &id)
    };
    let name = match object.get("name") {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(name)) => {
            if let Some(c) = crate::forbidden_control(name) {
                let problem = crate::control_message(&t!("import-subject-name"), c);
                problems.push(error(t!("import-bdl-in", at = &at, message = problem)));
            }
            name.clone()
        }
        Some(other) => {
            problems.push(error(t!("import-bdl-name", at = &at, name = other.to_string())));
            String::new()
        }
    };
    let raw_values = match object.get("values") {
        None | Some(Value::Null) => &[][..],
        Some(Value::Array(values)) => values.as_slice(),
        Some(_) => {
            problems.push(error(t!("import-bdl-values-not-list", at = &at)));
            &[][..]
        }
    };
    let mut values = Vec::with_capacity(raw_values.len());
    for (k, raw) in raw_values.iter().enumerate() {
        match parse_value(raw) {
            Ok(value) => values.push(value),
            Err(message) => problems.push(error(t!(
                "import-bdl-value",
                at = &at,
                value = k + 1,
                message = message
            ))),
        }
    }
    if problems.is_empty() {
        Ok(BdlUnit { id, name, values })
    } else {
        Err(problems)
    }
}

fn parse_value(raw: &Value) -> Result<BdlValue, String> {
    let Some(object) = raw.as_object() else {
        return Err(t!("import-bdl-value-not-object", value = raw.to_string()));
    };
    // `year` is a string in the API's answers ("2020"); a number is taken as well.
    let year = match object.get("year") {
        Some(Value::String(s)) => s.trim().parse::<i32>().ok(),
        Some(Value::Number(n)) => n.as_i64().and_then(|y| i32::try_from(y).ok()),
        _ => None,
    }
    .filter(|y| (1900..=2200).contains(y))
    .ok_or_else(|| {
        let year = object.get("year").map_or_else(|| t!("import-bdl-absent"), Value::to_string);
        t!("import-bdl-year", year = year)
    })?;
    let value = match object.get("val") {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) => n.as_f64(),
        Some(other) => return Err(t!("import-bdl-val", value = other.to_string())),
    };
    let attr_id = object
        .get("attrId")
        .and_then(Value::as_u64)
        .and_then(|a| u32::try_from(a).ok())
        .ok_or_else(|| {
            let flag =
                object.get("attrId").map_or_else(|| t!("import-bdl-absent"), Value::to_string);
            t!("import-bdl-attr", flag = flag)
        })?;
    Ok(BdlValue { year, value, attr_id })
}

/// What a BDL unit is, read off its 7-digit `WWPPGGR` code (see [`bdl_unit_code`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BdlUnitClass {
    /// A unit of the register, to look up by this identity (2 digits for a województwo, 4 for
    /// a powiat, a gmina's first 6).
    Unit(String),
    /// A gmina part (town 4, rural area 5) or a district (8 Warsaw, 9 a city's delegatura).
    Part,
    /// The powiat row of a city with powiat rights, which repeats the city's gmina row.
    CityCounty,
    /// Not a unit kind the register knows.
    Other,
}

/// The 7-digit `WWPPGGR` code in a 12-digit BDL unit id: województwo `id[2..4]`, powiat
/// `id[7..9]`, gmina `id[9..11]`, kind `id[11]` (`011212161011` → `1261011`, Kraków). `None`
/// unless the id is 12 ASCII digits.
pub fn bdl_unit_code(id: &str) -> Option<String> {
    if id.len() != 12 || !id.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(format!("{}{}{}{}", &id[2..4], &id[7..9], &id[9..11], &id[11..12]))
}

/// What a 7-digit `WWPPGGR` code stands for, by the rules of the CTAB export.
pub fn classify_unit_code(code: &str) -> BdlUnitClass {
    if code.len() != 7 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return BdlUnitClass::Other;
    }
    let (powiat, gmina, kind) = (&code[2..4], &code[4..6], &code[6..7]);
    match kind {
        "4" | "5" | "8" | "9" => BdlUnitClass::Part,
        "0" if gmina == "00" && powiat == "00" => BdlUnitClass::Unit(code[..2].to_owned()),
        "0" if gmina == "00" => {
            if powiat.parse::<u32>().is_ok_and(|p| p >= FIRST_CITY_COUNTY) {
                BdlUnitClass::CityCounty
            } else {
                BdlUnitClass::Unit(code[..4].to_owned())
            }
        }
        // Only real gmina kinds are matched on identity: another digit on the same six would
        // otherwise give its value to the gmina.
        "1" | "2" | "3" if gmina != "00" => BdlUnitClass::Unit(code[..6].to_owned()),
        _ => BdlUnitClass::Other,
    }
}

/// One stored value: a unit of the register (its current code) with the flag the API gave.
#[derive(Debug, Clone, PartialEq)]
pub struct BdlRow {
    /// The register's current code of the unit (7 digits for a gmina, 4 a powiat, 2 a
    /// województwo).
    pub teryt: String,
    /// `val`, as the API gave it.
    pub value: f64,
    /// The `attrId` the value carried (one of [`BDL_VALUE_FLAGS`]).
    pub attr_id: u32,
}

/// One year of one variable mapped to the register.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BdlMapped {
    /// The values to store, in the API's order.
    pub rows: Vec<BdlRow>,
    /// Gmina parts and districts.
    pub skipped_parts: usize,
    /// Powiat rows of cities with powiat rights.
    pub skipped_city_counties: usize,
    /// Units without a value in the year: none given, or one whose flag carries no value.
    pub missing: usize,
    /// Of `missing`, how many had a flag without a value (`attrId` not in [`BDL_VALUE_FLAGS`]).
    pub flagged: usize,
    /// Units the register does not know, as `BDL-id (WWPPGGR) nazwa`.
    pub unknown: Vec<String>,
}

/// The values of `year` of every unit, matched to `register` on identity (a gmina's first six
/// digits survive a change of its kind digit) and stored under its current code. A unit twice,
/// two units on one register unit or two values of one year are refused: the answer is not
/// understood, and storing either value would be a guess.
pub fn map_bdl_units<'a>(
    units: impl IntoIterator<Item = &'a BdlUnit>,
    year: i32,
    register: &[RegisterEntry],
    source: &str,
) -> Result<BdlMapped, ImportError> {
    let by_identity: HashMap<&str, &str> =
        register.iter().map(|e| (e.identity(), e.teryt.as_str())).collect();
    let mut out = BdlMapped::default();
    let mut seen_ids: HashSet<&str> = HashSet::new();
    let mut seen_units: HashMap<&str, &str> = HashMap::new();
    let mut problems = Vec::new();
    for unit in units {
        if problems.len() >= MAX_PROBLEMS {
            break;
        }
        if !seen_ids.insert(unit.id.as_str()) {
            problems.push(error(t!("import-bdl-unit-twice", id = &unit.id, name = &unit.name)));
            continue;
        }
        let code = bdl_unit_code(&unit.id).unwrap_or_default();
        let identity = match classify_unit_code(&code) {
            BdlUnitClass::Part => {
                out.skipped_parts += 1;
                continue;
            }
            BdlUnitClass::CityCounty => {
                out.skipped_city_counties += 1;
                continue;
            }
            BdlUnitClass::Other => {
                out.unknown.push(format!("{} ({code}) {}", unit.id, unit.name));
                continue;
            }
            BdlUnitClass::Unit(identity) => identity,
        };
        let Some(teryt) = by_identity.get(identity.as_str()).copied() else {
            out.unknown.push(format!("{} ({code}) {}", unit.id, unit.name));
            continue;
        };
        if let Some(first) = seen_units.insert(teryt, unit.id.as_str()) {
            problems.push(error(t!(
                "import-bdl-same-unit",
                first = first,
                id = &unit.id,
                teryt = teryt
            )));
            continue;
        }
        let of_year: Vec<&BdlValue> = unit.values.iter().filter(|v| v.year == year).collect();
        match of_year.as_slice() {
            [] => out.missing += 1,
            [value] => match value.kept() {
                Some(kept) => out.rows.push(BdlRow {
                    teryt: teryt.to_owned(),
                    value: kept,
                    attr_id: value.attr_id,
                }),
                None => {
                    out.missing += 1;
                    if !BDL_VALUE_FLAGS.contains(&value.attr_id) {
                        out.flagged += 1;
                    }
                }
            },
            _ => problems.push(error(t!(
                "import-bdl-values-of-year",
                id = &unit.id,
                name = &unit.name,
                year = year
            ))),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        problems.truncate(MAX_PROBLEMS);
        Err(ImportError::new(source, problems))
    }
}
