//! A GUS BDL web export ("CTAB" CSV) as public values of one indicator and year: each row's
//! 7-digit code mapped to a unit of the server's register. Gmina parts and Warsaw's districts are
//! not units of their own; a city county's powiat row repeats its gmina row; a unit the register
//! does not know is skipped and named, so the association sees what did not arrive.

use jst_import::{BdlUnitClass, CtabTable};

use crate::register::ServerRegister;
use crate::DataRow;

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
        let lookup = match jst_import::classify_unit_code(code) {
            BdlUnitClass::Unit(identity) => identity,
            BdlUnitClass::Part => {
                out.skipped_parts += 1;
                continue;
            }
            BdlUnitClass::CityCounty => {
                out.skipped_city_counties += 1;
                continue;
            }
            BdlUnitClass::Other => {
                out.unknown.push(format!("{code} {}", row.name));
                continue;
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
