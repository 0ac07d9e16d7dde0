//! The Ministry of Finance's bulk files of budget reports ("bazy danych" of sprawozdania
//! budżetowe JST) as public values: Rb-28S execution per unit and rozdział (`WYD_<rozdział>`),
//! Rb-27S per unit and dział (`DOCH_<dział>`), the plan kept beside. Files are read record by
//! record and summed per unit, so a national file (about 1.3 million records) never sits in
//! memory; nothing is written unless every file reads to its end without a problem.

use std::collections::HashMap;
use std::io::BufReader;
use std::path::Path;

use jst_domain::{fold_for_search, UnitKind};
use jst_import::{BudgetReport, MfDictionaryEntry, MfRecord, MfUnit};

use crate::register::ServerRegister;
use crate::{DataRow, Error, Result};

/// What the files gave, before anything is written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MfValues {
    /// Execution per unit and code.
    pub rows: Vec<DataRow>,
    /// The plan of the same units and codes.
    pub plans: Vec<DataRow>,
    pub records: usize,
    /// Units summed (gminy, powiaty, cities with powiat rights, województwa).
    pub units: usize,
    /// Records of związki JST, which are not units of the register.
    pub association_records: usize,
    /// Units the register does not know, as `WK PK GK GT PT`.
    pub unknown: Vec<String>,
    /// The quarter the files cover (4: the whole year).
    pub quarter: u8,
    /// Names or kinds the dictionary gives differently from the register.
    pub dictionary_warnings: Vec<String>,
}

/// The field whose code names the indicator a record adds to: the rozdział of expenditure, the
/// dział of revenue.
fn code_field(report: BudgetReport, record: &MfRecord) -> &str {
    match report {
        BudgetReport::Rb28S => &record.rozdzial,
        BudgetReport::Rb27S => &record.dzial,
    }
}

fn indicator(report: BudgetReport, code: &str) -> String {
    match report {
        BudgetReport::Rb28S => format!("WYD_{code}"),
        BudgetReport::Rb27S => format!("DOCH_{code}"),
    }
}

/// The register's code of the unit a record belongs to, or `None` for a związek.
fn lookup(unit: &MfUnit) -> Option<Lookup> {
    match unit {
        MfUnit::Gmina { identity, .. } => Some(Lookup::Identity(identity.clone())),
        MfUnit::Powiat { code } => Some(Lookup::Identity(code.clone())),
        MfUnit::Wojewodztwo { code } => Some(Lookup::Identity(code.clone())),
        // The MF code WWPP000 of a city with powiat rights is its gmina WWPP011 in TERYT.
        MfUnit::CityCounty { code } => Some(Lookup::CityCounty(code.clone())),
        MfUnit::Association => None,
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Lookup {
    Identity(String),
    CityCounty(String),
}

/// What a record's unit codes stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Resolved {
    /// The unit at this index of [`Interned::units`].
    Unit(usize),
    Association,
    /// Not in the register (already listed in `unknown`).
    Unknown,
    /// Codes the reader refuses anyway; never handed out.
    Invalid,
}

/// The unit codes of a record: `WK PK GK GT PT KODMSWIA`.
fn same_codes(codes: &[String; 6], record: &MfRecord) -> bool {
    codes[0] == record.wk
        && codes[1] == record.pk
        && codes[2] == record.gk
        && codes[3] == record.gt
        && codes[4] == record.pt
        && codes[5] == record.kodmswia
}

fn keep_codes(codes: &mut [String; 6], record: &MfRecord) {
    for (kept, field) in codes.iter_mut().zip([
        &record.wk,
        &record.pk,
        &record.gk,
        &record.gt,
        &record.pt,
        &record.kodmswia,
    ]) {
        kept.clone_from(field);
    }
}

/// Units (TERYT) and indicator codes as small integers, so that a record is summed without
/// allocating: a national file has about 1.3 million records and only about 170 thousand sums.
#[derive(Debug, Default)]
struct Interned {
    /// TERYT codes.
    units: Vec<String>,
    unit_index: HashMap<String, usize>,
    /// Indicators (`WYD_75023`).
    codes: Vec<String>,
    /// The code as the file has it (`75023`) -> its index in `codes`.
    code_index: HashMap<String, usize>,
}

impl Interned {
    fn unit(&mut self, teryt: &str) -> usize {
        if let Some(&i) = self.unit_index.get(teryt) {
            return i;
        }
        self.units.push(teryt.to_owned());
        self.unit_index.insert(teryt.to_owned(), self.units.len() - 1);
        self.units.len() - 1
    }

    fn code(&mut self, report: BudgetReport, code: &str) -> usize {
        if let Some(&i) = self.code_index.get(code) {
            return i;
        }
        self.codes.push(indicator(report, code));
        self.code_index.insert(code.to_owned(), self.codes.len() - 1);
        self.codes.len() - 1
    }
}

/// Reads the files of one report and year and sums them per unit of the register.
pub fn mf_values(
    register: &ServerRegister,
    files: &[&Path],
    report: BudgetReport,
    year: i32,
    dictionary: Option<&[MfDictionaryEntry]>,
) -> Result<MfValues> {
    let by_identity = register.by_identity();
    let by_alias: HashMap<&str, &str> = register
        .snapshot
        .entries
        .iter()
        .filter_map(|e| e.alias.as_deref().map(|a| (a, e.teryt.as_str())))
        .collect();
    let mut interned = Interned::default();
    // (unit, indicator) -> (execution, plan), in grosze to sum exactly.
    let mut sums: HashMap<(usize, usize), (i64, i64)> = HashMap::new();
    let mut seen: HashMap<Lookup, Option<usize>> = HashMap::new();
    let mut mf_codes: HashMap<String, [String; 5]> = HashMap::new();
    // A unit's records follow one another in MF files: its codes are resolved once per run.
    let mut last: Option<([String; 6], Resolved)> = None;
    let mut out = MfValues::default();
    let mut quarters = std::collections::BTreeSet::new();
    for path in files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("plik.dbf").to_owned();
        crate::input::check_regular(path)?;
        let file = std::fs::File::open(path)
            .map_err(Error::io(format!("nie można odczytać {}", path.display())))?;
        let mut wrong_year: Option<(usize, i32)> = None;
        let summary = jst_import::read_mf_dbf(BufReader::new(file), &name, report, |record| {
            if record.year != year {
                wrong_year.get_or_insert((record.record, record.year));
                return;
            }
            let cached = last.as_ref().filter(|(codes, _)| same_codes(codes, record));
            let resolved = match cached {
                Some((_, resolved)) => *resolved,
                None => {
                    let resolved = resolve(
                        record,
                        &by_identity,
                        &by_alias,
                        &mut seen,
                        &mut interned,
                        &mut mf_codes,
                        &mut out.unknown,
                    );
                    let (codes, kept) =
                        last.get_or_insert_with(|| (Default::default(), Resolved::Invalid));
                    keep_codes(codes, record);
                    *kept = resolved;
                    resolved
                }
            };
            let unit = match resolved {
                Resolved::Unit(unit) => unit,
                Resolved::Association => {
                    out.association_records += 1;
                    return;
                }
                Resolved::Unknown | Resolved::Invalid => return,
            };
            let code = interned.code(report, code_field(report, record));
            let sum = sums.entry((unit, code)).or_default();
            sum.0 += grosze(record.execution);
            sum.1 += grosze(record.plan);
        })?;
        if let Some((row, found)) = wrong_year {
            return Err(Error::Invalid(format!(
                "{name}, rekord {row}: rok {found}, a import dotyczy roku {year} (--year); \
                 nic nie zapisano"
            )));
        }
        out.records += summary.records;
        quarters.extend(summary.quarters.iter().copied());
    }
    out.quarter = match quarters.len() {
        1 => quarters.into_iter().next().unwrap_or(4),
        0 => 4,
        _ => {
            return Err(Error::Invalid(format!(
                "pliki obejmują różne kwartały ({}): wczytaj naraz pliki jednego okresu",
                quarters.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
            )))
        }
    };
    // Rows in order of TERYT, then indicator.
    let rank = |names: &[String]| {
        let mut order: Vec<usize> = (0..names.len()).collect();
        order.sort_unstable_by(|a, b| names[*a].cmp(&names[*b]));
        let mut rank = vec![0; names.len()];
        for (r, i) in order.into_iter().enumerate() {
            rank[i] = r;
        }
        rank
    };
    let (unit_rank, code_rank) = (rank(&interned.units), rank(&interned.codes));
    let mut sums: Vec<((usize, usize), (i64, i64))> = sums.into_iter().collect();
    sums.sort_unstable_by_key(|((unit, code), _)| (unit_rank[*unit], code_rank[*code]));
    out.rows.reserve_exact(sums.len());
    out.plans.reserve_exact(sums.len());
    let mut units = std::collections::HashSet::new();
    for ((unit, code), (execution, plan)) in sums {
        units.insert(unit);
        let (teryt, indicator) = (&interned.units[unit], &interned.codes[code]);
        out.plans.push(DataRow {
            teryt: teryt.clone(),
            indicator: indicator.clone(),
            year,
            value: plan as f64 / 100.0,
        });
        out.rows.push(DataRow {
            teryt: teryt.clone(),
            indicator: indicator.clone(),
            year,
            value: execution as f64 / 100.0,
        });
    }
    out.units = units.len();
    if let Some(dictionary) = dictionary {
        out.dictionary_warnings = cross_check(register, &mf_codes, dictionary);
    }
    Ok(out)
}

/// The unit of a record's codes: a unit of the register, a związek, or unknown (listed once in
/// `unknown` as `WK PK GK GT PT`). The codes of each unit as the file first gives them are kept
/// in `mf_codes` for the dictionary cross-check.
fn resolve(
    record: &MfRecord,
    by_identity: &HashMap<&str, (&str, UnitKind)>,
    by_alias: &HashMap<&str, &str>,
    seen: &mut HashMap<Lookup, Option<usize>>,
    interned: &mut Interned,
    mf_codes: &mut HashMap<String, [String; 5]>,
    unknown: &mut Vec<String>,
) -> Resolved {
    let Ok(unit) = record.unit() else { return Resolved::Invalid };
    let Some(key) = lookup(&unit) else { return Resolved::Association };
    let found = *seen.entry(key.clone()).or_insert_with(|| {
        let teryt = match &key {
            Lookup::Identity(identity) => by_identity.get(identity.as_str()).map(|(t, _)| *t),
            Lookup::CityCounty(code) => by_alias.get(code.as_str()).copied(),
        };
        teryt.map(|t| interned.unit(t))
    });
    let Some(index) = found else {
        let codes = format!(
            "WK {} PK {} GK {} GT {} PT {}",
            record.wk, record.pk, record.gk, record.gt, record.pt
        );
        if !unknown.contains(&codes) {
            unknown.push(codes);
        }
        return Resolved::Unknown;
    };
    let teryt = &interned.units[index];
    if !mf_codes.contains_key(teryt) {
        mf_codes.insert(
            teryt.clone(),
            [
                record.wk.clone(),
                record.pk.clone(),
                record.gk.clone(),
                record.gt.clone(),
                record.pt.clone(),
            ],
        );
    }
    Resolved::Unit(index)
}

/// Amounts are in złoty with grosze; summing whole grosze keeps a national sum exact.
fn grosze(amount: f64) -> i64 {
    (amount * 100.0).round() as i64
}

/// Names and kinds of the units read, as the dictionary gives them, against the register.
fn cross_check(
    register: &ServerRegister,
    mf_codes: &HashMap<String, [String; 5]>,
    dictionary: &[MfDictionaryEntry],
) -> Vec<String> {
    let by_codes: HashMap<[&str; 5], &MfDictionaryEntry> = dictionary
        .iter()
        .map(|e| ([e.wk.as_str(), e.pk.as_str(), e.gk.as_str(), e.gt.as_str(), e.pt.as_str()], e))
        .collect();
    let entries: HashMap<&str, &jst_domain::RegisterEntry> =
        register.snapshot.entries.iter().map(|e| (e.teryt.as_str(), e)).collect();
    let mut warnings = Vec::new();
    let mut units: Vec<(&String, &[String; 5])> = mf_codes.iter().collect();
    units.sort();
    for (teryt, codes) in units {
        let key = [
            codes[0].as_str(),
            codes[1].as_str(),
            codes[2].as_str(),
            codes[3].as_str(),
            codes[4].as_str(),
        ];
        let Some(unit) = entries.get(teryt.as_str()) else { continue };
        let Some(entry) = by_codes.get(&key) else {
            warnings.push(format!(
                "{teryt} {}: brak w słowniku JST ({})",
                unit.name,
                key.join(" ")
            ));
            continue;
        };
        if !same_name(&entry.name, &unit.name) {
            warnings.push(format!(
                "{teryt}: słownik JST podaje nazwę „{}”, rejestr „{}”",
                entry.name.trim(),
                unit.name
            ));
        }
        if !same_kind(&entry.kind_name, unit.kind) {
            warnings.push(format!(
                "{teryt} {}: słownik JST podaje typ „{}”, rejestr „{}”",
                unit.name,
                entry.kind_name.trim(),
                unit.kind.label_pl()
            ));
        }
    }
    warnings
}

/// The dictionary writes names in capitals and with prefixes ("GMINA KUTNO", "M. KUTNO",
/// "POWIAT KUTNOWSKI"): the register's name must appear among its words.
fn same_name(dictionary: &str, register: &str) -> bool {
    let dictionary = fold_for_search(dictionary);
    let register = fold_for_search(register);
    dictionary == register || dictionary.contains(&register)
}

/// The dictionary's type names ("Gmina" in older editions, "Gmina miejska", "Miasto na prawach
/// powiatu", "Powiat", "Województwo") against the register's kind.
fn same_kind(dictionary: &str, kind: UnitKind) -> bool {
    let written = fold_for_search(dictionary);
    let written = written.trim();
    match kind {
        UnitKind::GminaMiejska => written == "gmina" || written == "gmina miejska",
        UnitKind::GminaWiejska => written == "gmina" || written == "gmina wiejska",
        UnitKind::GminaMiejskoWiejska => written == "gmina" || written.starts_with("gmina miejsko"),
        UnitKind::MiastoNaPrawachPowiatu => written.contains("na prawach powiatu"),
        UnitKind::Powiat => written == "powiat",
        UnitKind::Wojewodztwo => written.starts_with("wojewodztwo"),
    }
}
