//! A GUS BDL web export ("CTAB" CSV) as public values of one indicator and year: each row's
//! 7-digit code mapped to a unit of the server's register. Gmina parts and Warsaw's districts are
//! not units of their own; a city county's powiat row repeats its gmina row; a unit the register
//! does not know is skipped and named, so the association sees what did not arrive.

use jst_domain::Teryt;
use jst_import::CtabTable;

use crate::register::ServerRegister;
use crate::DataRow;

/// Powiat codes from 61 up are cities with powiat rights, whose gmina row carries their values.
const FIRST_CITY_COUNTY: u32 = 61;

/// What one column of an export gave.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BdlCsvValues {
    pub rows: Vec<DataRow>,
    /// Gmina parts (town and rural area of an urban-rural gmina) and Warsaw's districts.
    pub skipped_parts: usize,
    /// Powiat rows of cities with powiat rights, which repeat the city's gmina row.
    pub skipped_city_counties: usize,
    /// Rows without a value in the column.
    pub missing: usize,
    /// Units the register does not know, as `KOD nazwa`.
    pub unknown: Vec<String>,
}

/// The values of `column` of `table` as `indicator` in `year`, units matched on identity (a
/// gmina's first six digits survive a change of its kind digit) and stored under the register's
/// current code.
pub fn bdl_csv_values(
    register: &ServerRegister,
    table: &CtabTable,
    column: usize,
    year: i32,
    indicator: &str,
) -> BdlCsvValues {
    let by_identity = register.by_identity();
    let mut out = BdlCsvValues::default();
    for row in &table.rows {
        let code = row.code.as_str();
        let kind_digit = &code[6..7];
        let (powiat, gmina) = (&code[2..4], &code[4..6]);
        let lookup = if matches!(kind_digit, "4" | "5" | "8" | "9") {
            out.skipped_parts += 1;
            continue;
        } else if gmina == "00" && kind_digit == "0" {
            if powiat == "00" {
                code[..2].to_owned()
            } else if powiat.parse::<u32>().is_ok_and(|p| p >= FIRST_CITY_COUNTY) {
                out.skipped_city_counties += 1;
                continue;
            } else {
                code[..4].to_owned()
            }
        } else {
            match Teryt::parse(code) {
                Ok(teryt) => teryt.identity().to_owned(),
                Err(_) => {
                    out.unknown.push(format!("{code} {}", row.name));
                    continue;
                }
            }
        };
        let Some((teryt, _)) = by_identity.get(lookup.as_str()) else {
            out.unknown.push(format!("{code} {}", row.name));
            continue;
        };
        let Some(value) = row.values.get(column).copied().flatten() else {
            out.missing += 1;
            continue;
        };
        out.rows.push(DataRow {
            teryt: (*teryt).to_owned(),
            indicator: indicator.to_owned(),
            year,
            value,
        });
    }
    out
}
