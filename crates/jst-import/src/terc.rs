//! The TERC register (GUS TERYT): CSV with header `WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD|NAZDOD;STAN_NA`
//! in any of the encodings of DESIGN §6, or XML `<teryt><catalog …><row><WOJ>…</WOJ>…</row>`
//! (also the older `<col name="WOJ">` layout).
//!
//! Units are województwa, powiaty and gminy (kind digits 1–3). A miasto na prawach powiatu is one
//! unit known by its gmina code; its powiat row is only an alias. Parts of gminy (4, 5),
//! Warsaw districts (8) and delegatury (9) are not units.

use std::collections::{HashMap, HashSet};

use crate::error::MAX_PROBLEMS;
use crate::table::read_table;
use crate::text::decode;
use crate::xml_walk::Lines;
use crate::{ImportError, Problem, Severity};
use jst_domain::{RegisterEntry, RegisterSnapshot, Teryt, UnitKind};
use jst_text::t;
use quick_xml::events::Event;

const NAME_EXTRA: [&str; 2] = ["NAZWA_DOD", "NAZDOD"];
const FIELDS: [&str; 7] = ["WOJ", "POW", "GMI", "RODZ", "NAZWA", "NAZWA_DOD", "STAN_NA"];

/// One row of TERC as found in the file.
#[derive(Debug, Default, Clone)]
struct TercRow {
    line: usize,
    woj: String,
    pow: String,
    gmi: String,
    rodz: String,
    name: String,
    as_of: String,
}

/// Parsed register plus warnings that do not stop a load (e.g. a gmina whose powiat row is
/// missing from a partial file).
#[derive(Debug, Clone)]
pub struct ParsedRegister {
    pub snapshot: RegisterSnapshot,
    pub warnings: Vec<Problem>,
}

pub fn parse_terc(bytes: &[u8], file: &str) -> Result<ParsedRegister, ImportError> {
    let looks_like_header = |t: &str| {
        let head = t.trim_start();
        head.starts_with('<') || head.to_ascii_uppercase().starts_with("WOJ")
    };
    let text = decode(bytes, file, looks_like_header)?;
    let rows = if text.trim_start().starts_with('<') {
        read_xml(&text, file)?
    } else {
        read_csv(&text, file)?
    };
    build(rows, file)
}

fn read_csv(text: &str, file: &str) -> Result<(Vec<TercRow>, Option<String>), ImportError> {
    let table = read_table(text, file)?;
    let find = |names: &[&str]| table.column(names);
    let columns = [
        find(&["WOJ"]),
        find(&["POW"]),
        find(&["GMI"]),
        find(&["RODZ"]),
        find(&["NAZWA"]),
        find(&NAME_EXTRA),
        find(&["STAN_NA"]),
    ];
    if columns.iter().any(Option::is_none) {
        return Err(ImportError::single(
            file,
            Problem::at(
                1,
                None,
                t!(
                    "import-terc-header",
                    header = crate::cells::quoted(&table.header.join(";")),
                    expected = FIELDS.join(";")
                ),
            ),
        ));
    }
    let idx: Vec<usize> = columns.into_iter().flatten().collect();
    let mut problems = Vec::new();
    let mut rows = Vec::with_capacity(table.rows.len());
    for (line, fields) in table.rows {
        if fields.len() != table.header.len() {
            problems.push(Problem::at(
                line,
                None,
                t!("import-terc-fields", expected = table.header.len(), found = fields.len()),
            ));
            if problems.len() >= MAX_PROBLEMS {
                break;
            }
            continue;
        }
        let get = |k: usize| fields[idx[k]].clone();
        rows.push(TercRow {
            line,
            woj: get(0),
            pow: get(1),
            gmi: get(2),
            rodz: get(3),
            name: get(4),
            as_of: get(6),
        });
    }
    if problems.is_empty() {
        Ok((rows, None))
    } else {
        Err(ImportError::new(file, problems))
    }
}

fn read_xml(text: &str, file: &str) -> Result<(Vec<TercRow>, Option<String>), ImportError> {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut rows = Vec::new();
    let mut catalog_date = None;
    let mut current: Option<TercRow> = None;
    let mut field: Option<String> = None;
    // Elements open at the end mean the file was cut short: a partial register loaded as a full
    // snapshot would end every unit missing from it.
    let mut open: Vec<String> = Vec::new();
    let mut root: Option<String> = None;
    // Counted incrementally: rescanning from the start for every row was quadratic.
    let lines = std::cell::RefCell::new(Lines::new(text));
    let line_at = |pos: u64| lines.borrow_mut().at(pos);
    let fault = |pos: u64, message: String| {
        ImportError::single(file, Problem::at(line_at(pos), None, message))
    };
    let xml_error = |pos: u64, e: &quick_xml::Error| {
        let rest = &text.as_bytes()[(pos as usize).min(text.len())..];
        // What to do about a damaged file.
        fault(pos, crate::xml_walk::describe_error(e, rest, &t!("import-terc-again")))
    };
    let control = |pos: u64, value: &str| match crate::forbidden_control(value) {
        Some(c) => {
            let problem = crate::control_message(&t!("import-subject-text"), c);
            Err(fault(pos, t!("import-xml-control", problem = problem)))
        }
        None => Ok(()),
    };
    loop {
        let pos = reader.buffer_position();
        let event = reader.read_event().map_err(|e| xml_error(reader.error_position(), &e))?;
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                match &root {
                    Some(root) if open.is_empty() => {
                        return Err(fault(
                            pos,
                            t!("import-terc-second-root", root = root, name = &name),
                        ))
                    }
                    Some(_) => {}
                    None => root = Some(name.clone()),
                }
                if matches!(event, Event::Start(_)) {
                    open.push(name);
                }
            }
            Event::End(_) => {
                open.pop();
            }
            _ => {}
        }
        match event {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"catalog" => {
                for attr in e.attributes().flatten() {
                    if attr.key.local_name().as_ref() == b"date" {
                        catalog_date = Some(String::from_utf8_lossy(&attr.value).into_owned());
                    }
                }
            }
            Event::Start(e) if e.local_name().as_ref() == b"row" => {
                current = Some(TercRow { line: line_at(pos), ..TercRow::default() });
            }
            Event::End(e) if e.local_name().as_ref() == b"row" => {
                rows.extend(current.take());
            }
            Event::Start(e) if current.is_some() => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                field = if name == "col" {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == b"name")
                        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
                } else {
                    Some(name)
                };
                if let (Some(row), Some(name)) = (current.as_mut(), field.as_deref()) {
                    set_field(row, name, "");
                }
            }
            // A value may come in pieces: text, a reference (`&#322;`, `&amp;`), text again.
            Event::Text(t) => {
                if let (Some(row), Some(name)) = (current.as_mut(), field.as_deref()) {
                    let value = t.decode().map_err(|e| xml_error(pos, &e.into()))?;
                    control(pos, &value)?;
                    append_field(row, name, &value);
                }
            }
            Event::GeneralRef(r) => {
                if let (Some(row), Some(name)) = (current.as_mut(), field.as_deref()) {
                    let resolved =
                        crate::xml_walk::resolve_reference(&r).map_err(|m| fault(pos, m))?;
                    control(pos, &resolved)?;
                    append_field(row, name, &resolved);
                }
            }
            Event::End(_) => {
                if let (Some(row), Some(name)) = (current.as_mut(), field.take()) {
                    if let Some(value) = field_mut(row, &name) {
                        *value = value.trim().to_owned();
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(innermost) = open.last() {
        return Err(ImportError::single(
            file,
            Problem::at(
                line_at(text.len() as u64),
                None,
                t!("import-terc-cut", element = innermost, outer = open.len() - 1),
            ),
        ));
    }
    let Some(root) = root else {
        return Err(ImportError::single(file, Problem::file(t!("import-terc-no-elements"))));
    };
    if rows.is_empty() {
        return Err(ImportError::single(
            file,
            Problem::file(t!("import-terc-no-rows", root = &root)),
        ));
    }
    Ok((rows, catalog_date))
}

fn field_mut<'a>(row: &'a mut TercRow, name: &str) -> Option<&'a mut String> {
    match name {
        "WOJ" => Some(&mut row.woj),
        "POW" => Some(&mut row.pow),
        "GMI" => Some(&mut row.gmi),
        "RODZ" => Some(&mut row.rodz),
        "NAZWA" => Some(&mut row.name),
        "STAN_NA" => Some(&mut row.as_of),
        _ => None,
    }
}

fn set_field(row: &mut TercRow, name: &str, value: &str) {
    if let Some(f) = field_mut(row, name) {
        value.clone_into(f);
    }
}

fn append_field(row: &mut TercRow, name: &str, value: &str) {
    if let Some(f) = field_mut(row, name) {
        f.push_str(value);
    }
}

fn two_digits(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit())
}

fn valid_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().ok();
    matches!((num(0..4), num(5..7), num(8..10)), (Some(y), Some(m), Some(d)) if (1990..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
}

fn build(
    (rows, catalog_date): (Vec<TercRow>, Option<String>),
    file: &str,
) -> Result<ParsedRegister, ImportError> {
    let mut problems = Vec::new();
    let mut entries: Vec<(usize, RegisterEntry)> = Vec::new();
    let mut aliases: HashMap<String, usize> = HashMap::new();
    let mut as_of: Option<String> = None;
    for row in &rows {
        if problems.len() >= MAX_PROBLEMS {
            break;
        }
        let at = |col: &str, msg: String| Problem::at(row.line, Some(col), msg);
        if !two_digits(&row.woj) {
            problems.push(at("WOJ", t!("import-terc-woj", code = &row.woj)));
            continue;
        }
        if !row.pow.is_empty() && !two_digits(&row.pow) {
            problems.push(at("POW", t!("import-terc-pow", code = &row.pow)));
            continue;
        }
        if !row.gmi.is_empty() && (!two_digits(&row.gmi) || row.pow.is_empty()) {
            problems.push(at("GMI", t!("import-terc-gmi", code = &row.gmi)));
            continue;
        }
        let rodz_ok = if row.gmi.is_empty() {
            row.rodz.is_empty()
        } else {
            matches!(row.rodz.as_str(), "1" | "2" | "3" | "4" | "5" | "8" | "9")
        };
        if !rodz_ok {
            problems.push(at("RODZ", t!("import-terc-rodz", code = &row.rodz)));
            continue;
        }
        if row.name.is_empty() {
            problems.push(at("NAZWA", t!("import-no-unit-name")));
            continue;
        }
        let date = if row.as_of.is_empty() {
            catalog_date.clone().unwrap_or_default()
        } else {
            row.as_of.clone()
        };
        if !valid_date(&date) {
            problems.push(at("STAN_NA", t!("import-terc-date", date = &date)));
            continue;
        }
        if as_of.as_ref().is_none_or(|d| *d < date) {
            as_of = Some(date);
        }
        let code = format!("{}{}{}{}", row.woj, row.pow, row.gmi, row.rodz);
        let Ok(teryt) = Teryt::parse(&code) else { continue };
        let entry = if row.pow.is_empty() {
            Some(RegisterEntry {
                teryt,
                kind: UnitKind::Wojewodztwo,
                name: row.name.to_lowercase(),
                powiat: None,
                alias: None,
            })
        } else if row.gmi.is_empty() {
            if teryt.is_city_county_code() {
                aliases.insert(code, row.line);
                None
            } else {
                Some(RegisterEntry {
                    teryt,
                    kind: UnitKind::Powiat,
                    name: row.name.clone(),
                    powiat: None,
                    alias: None,
                })
            }
        } else {
            let digit = row.rodz.chars().next().unwrap_or_default();
            UnitKind::from_gmina_digit(digit).map(|gmina_kind| {
                let powiat_code = format!("{}{}", row.woj, row.pow);
                if teryt.is_city_county_code() {
                    RegisterEntry {
                        teryt,
                        kind: UnitKind::MiastoNaPrawachPowiatu,
                        name: row.name.clone(),
                        powiat: None,
                        alias: Some(powiat_code),
                    }
                } else {
                    RegisterEntry {
                        teryt,
                        kind: gmina_kind,
                        name: row.name.clone(),
                        powiat: Some(powiat_code),
                        alias: None,
                    }
                }
            })
        };
        entries.extend(entry.map(|e| (row.line, e)));
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (line, entry) in &entries {
        if let Some(first) = seen.insert(entry.identity().to_owned(), *line) {
            problems.push(Problem::at(
                *line,
                None,
                t!("import-terc-repeated", teryt = entry.teryt.to_string(), first = first),
            ));
        }
    }
    if !problems.is_empty() {
        problems.truncate(MAX_PROBLEMS);
        return Err(ImportError::new(file, problems));
    }
    if entries.is_empty() {
        return Err(ImportError::single(file, Problem::file(t!("import-terc-no-units"))));
    }
    let known: HashSet<&str> = entries.iter().map(|(_, e)| e.teryt.as_str()).collect();
    let mut warnings: Vec<Problem> = Vec::new();
    for (line, entry) in &entries {
        let voivodeship = entry.voivodeship();
        if entry.kind != UnitKind::Wojewodztwo && !known.contains(voivodeship) {
            warnings.push(Problem::at(
                *line,
                None,
                t!(
                    "import-terc-no-voivodeship",
                    voivodeship = voivodeship,
                    teryt = entry.teryt.to_string()
                ),
            ));
        }
        if let Some(powiat) = &entry.powiat {
            if !known.contains(powiat.as_str()) {
                warnings.push(Problem::at(
                    *line,
                    None,
                    t!("import-terc-no-powiat", powiat = powiat, teryt = entry.teryt.to_string()),
                ));
            }
        }
    }
    let cities: HashSet<&str> = entries.iter().filter_map(|(_, e)| e.alias.as_deref()).collect();
    for (alias, line) in &aliases {
        if !cities.contains(alias.as_str()) {
            warnings.push(Problem::at(*line, None, t!("import-terc-city-county", alias = alias)));
        }
    }
    let mut warnings: Vec<Problem> =
        warnings.into_iter().map(|w| w.with_severity(Severity::Ostrzezenie)).collect();
    warnings.sort_by_key(|p| p.row);
    let as_of = as_of.unwrap_or_default();
    Ok(ParsedRegister {
        snapshot: RegisterSnapshot {
            as_of,
            entries: entries.into_iter().map(|(_, e)| e).collect(),
        },
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = "WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA\n\
        12;;;;MAŁOPOLSKIE;województwo;2024-01-01\n\
        12;19;;;wielicki;powiat;2024-01-01\n\
        12;19;05;3;Wieliczka;gmina miejsko-wiejska;2024-01-01\n\
        12;19;05;4;Wieliczka;miasto;2024-01-01\n\
        12;19;05;5;Wieliczka;obszar wiejski;2024-01-01\n\
        12;61;;;Kraków;miasto na prawach powiatu;2024-01-01\n\
        12;61;01;1;Kraków;gmina miejska;2024-01-01\n\
        12;61;02;9;Kraków-Śródmieście;delegatura;2024-01-01\n";

    fn parse(text: &str) -> Result<ParsedRegister, ImportError> {
        parse_terc(text.as_bytes(), "terc.csv")
    }

    #[test]
    fn builds_units_with_city_county_as_one_unit() {
        let parsed = parse(SMALL).expect("valid");
        let s = &parsed.snapshot;
        assert_eq!(s.as_of, "2024-01-01");
        assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
        let codes: Vec<(&str, UnitKind)> =
            s.entries.iter().map(|e| (e.teryt.as_str(), e.kind)).collect();
        assert_eq!(
            codes,
            [
                ("12", UnitKind::Wojewodztwo),
                ("1219", UnitKind::Powiat),
                ("1219053", UnitKind::GminaMiejskoWiejska),
                ("1261011", UnitKind::MiastoNaPrawachPowiatu),
            ]
        );
        assert_eq!(s.entries[0].name, "małopolskie");
        assert_eq!(s.entries[2].powiat.as_deref(), Some("1219"));
        assert_eq!(s.entries[3].alias.as_deref(), Some("1261"));
        assert_eq!(s.entries[3].powiat, None);
    }

    #[test]
    fn header_variants_line_endings_and_delimiters() {
        let variants = [
            SMALL.replace("NAZWA_DOD", "NAZDOD"),
            SMALL.replace('\n', "\r\n"),
            format!("\u{feff}{SMALL}"),
            SMALL.replace(';', "\t"),
        ];
        for text in variants {
            assert_eq!(parse(&text).map(|p| p.snapshot.entries.len()).ok(), Some(4), "{text:?}");
        }
    }

    #[test]
    fn windows_1250_file() {
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1250.encode(SMALL);
        assert!(!unmappable);
        let parsed = parse_terc(&bytes, "terc.csv").expect("cp1250 accepted");
        assert_eq!(parsed.snapshot.entries[3].name, "Kraków");
    }

    #[test]
    fn xml_layouts() {
        let rows = "<row><WOJ>12</WOJ><POW/><GMI/><RODZ/><NAZWA>MAŁOPOLSKIE</NAZWA><NAZWA_DOD>województwo</NAZWA_DOD><STAN_NA>2025-01-01</STAN_NA></row>\n\
             <row><WOJ>12</WOJ><POW>19</POW><GMI/><RODZ/><NAZWA>wielicki</NAZWA><NAZWA_DOD>powiat</NAZWA_DOD><STAN_NA>2025-01-01</STAN_NA></row>\n\
             <row><WOJ>12</WOJ><POW>19</POW><GMI>05</GMI><RODZ>3</RODZ><NAZWA>Wieliczka</NAZWA><NAZWA_DOD>gmina miejsko-wiejska</NAZWA_DOD><STAN_NA>2025-01-01</STAN_NA></row>";
        let xml = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<teryt><catalog name=\"TERC\" type=\"ALL\" date=\"2025-01-01\">\n{rows}\n</catalog></teryt>");
        let parsed = parse_terc(xml.as_bytes(), "terc.xml").expect("xml");
        assert_eq!(parsed.snapshot.as_of, "2025-01-01");
        assert_eq!(parsed.snapshot.entries.len(), 3);
        assert_eq!(parsed.snapshot.entries[2].teryt.as_str(), "1219053");

        let cols = "<teryt><catalog name=\"TERC\" date=\"2013-01-01\"><row><col name=\"WOJ\">12</col><col name=\"POW\"/><col name=\"GMI\"/><col name=\"RODZ\"/><col name=\"NAZWA\">MAŁOPOLSKIE</col><col name=\"NAZDOD\">województwo</col><col name=\"STAN_NA\"/></row></catalog></teryt>";
        let parsed = parse_terc(cols.as_bytes(), "old.xml").expect("old xml");
        assert_eq!(parsed.snapshot.as_of, "2013-01-01");
        assert_eq!(parsed.snapshot.entries[0].name, "małopolskie");
        assert!(parse_terc(b"<teryt><catalog><row><WOJ>12</row>", "bad.xml").is_err());
    }

    #[test]
    fn xml_references_faults_in_polish_and_a_second_root() {
        let row = |name: &str| {
            format!("<row><WOJ>12</WOJ><POW/><GMI/><RODZ/><NAZWA>{name}</NAZWA><NAZWA_DOD>województwo</NAZWA_DOD><STAN_NA>2025-01-01</STAN_NA></row>")
        };
        let xml =
            |body: &str| format!("<teryt><catalog date=\"2025-01-01\">{body}</catalog></teryt>");
        // A value in pieces: text, references, text; the old reader kept only the last piece.
        let parsed = parse_terc(xml(&row(" MA&#321;OPOLSKIE &amp; X ")).as_bytes(), "t.xml")
            .expect("references");
        assert_eq!(parsed.snapshot.entries[0].name, "małopolskie & x");
        let err = parse_terc(xml(&row("&foo;")).as_bytes(), "t.xml").expect_err("entity");
        assert!(err.to_string().contains("nieznana encja „&foo;”"), "{err}");
        let whole = xml(&row("X"));
        let in_tag = whole.find("<NAZWA>").expect("tag") + 4;
        let err = parse_terc(&whole.as_bytes()[..in_tag], "t.xml").expect_err("cut in a tag");
        assert!(err.to_string().contains("urwany w środku znacznika"), "{err}");
        let err = parse_terc(format!("{whole}<teryt/>").as_bytes(), "t.xml").expect_err("2 roots");
        assert!(err.to_string().contains("po zamknięciu elementu <teryt>"), "{err}");
    }

    #[test]
    fn an_xml_file_cut_anywhere_before_its_root_closes_is_refused() {
        let rows = "<row><WOJ>12</WOJ><POW/><GMI/><RODZ/><NAZWA>MAŁOPOLSKIE</NAZWA><NAZWA_DOD>województwo</NAZWA_DOD><STAN_NA>2025-01-01</STAN_NA></row>\n\
             <row><WOJ>12</WOJ><POW>19</POW><GMI/><RODZ/><NAZWA>wielicki</NAZWA><NAZWA_DOD>powiat</NAZWA_DOD><STAN_NA>2025-01-01</STAN_NA></row>\n";
        let xml = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<teryt><catalog name=\"TERC\" date=\"2025-01-01\">\n{rows}</catalog></teryt>\n");
        assert!(parse_terc(xml.as_bytes(), "terc.xml").is_ok());
        let closed = xml.rfind("</teryt>").expect("root end") + "</teryt>".len();
        for cut in 0..closed {
            let result = parse_terc(&xml.as_bytes()[..cut], "urwany.xml");
            assert!(result.is_err(), "a file cut after {cut} of {closed} bytes was accepted");
        }
        // Cut after a whole row, where the old reader accepted a partial register.
        let after_row = xml.find("</row>").expect("row") + "</row>".len();
        let err = parse_terc(&xml.as_bytes()[..after_row], "urwany.xml").expect_err("cut");
        assert!(
            err.to_string().contains("urwany") && err.to_string().contains("<catalog>"),
            "{err}"
        );
    }

    #[test]
    fn broken_rows_are_reported_with_line_and_column() {
        let cases = [
            (SMALL.replace("12;19;05;3;", "12;19;05;7;"), 4, Some("RODZ")),
            (SMALL.replace("12;19;;;wielicki", "12;1X;;;wielicki"), 3, Some("POW")),
            (
                SMALL.replace(
                    "12;19;05;3;Wieliczka;gmina miejsko-wiejska;2024-01-01",
                    "12;19;05;3;Wieliczka;gmina",
                ),
                4,
                None,
            ),
            (
                SMALL.replace(
                    "12;19;05;3;Wieliczka;gmina miejsko-wiejska;2024-01-01",
                    "12;19;05;3;;gmina;2024-01-01",
                ),
                4,
                Some("NAZWA"),
            ),
            (
                SMALL.replace(
                    "Wieliczka;gmina miejsko-wiejska;2024-01-01",
                    "Wieliczka;gmina miejsko-wiejska;01.01.2024",
                ),
                4,
                Some("STAN_NA"),
            ),
            (format!("{SMALL}12;19;05;2;Wieliczka;gmina wiejska;2024-01-01\n"), 10, None),
        ];
        for (text, row, column) in cases {
            let err = parse(&text).expect_err("must fail");
            assert_eq!(err.problems[0].row, Some(row), "{err}");
            assert_eq!(err.problems[0].column.as_deref(), column, "{err}");
            assert!(err.to_string().contains("terc.csv"), "{err}");
        }
    }

    #[test]
    fn unknown_header_and_wrong_encoding() {
        let err = parse("KOD;NAZWA\n12;X\n").expect_err("header");
        assert!(err.to_string().contains("nie jest plik TERC"), "{err}");
        let err = parse_terc(b"WOJ;POW\n\x81\x98", "x.csv").expect_err("encoding");
        assert!(err.to_string().contains("kodowania"), "{err}");
        let err =
            parse_terc(b"\xA3\xF3d\x9F;x\n", "x.csv").expect_err("cp1250 without a TERC header");
        assert!(err.to_string().contains("kodowania"), "{err}");
    }

    #[test]
    fn missing_parents_are_warnings() {
        let parsed = parse(
            "WOJ;POW;GMI;RODZ;NAZWA;NAZDOD;STAN_NA\n24;01;01;2;Dąbrowa;gmina wiejska;2026-01-01\n",
        )
        .expect("valid");
        assert_eq!(parsed.warnings.len(), 2);
    }

    proptest::proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..512)) {
            let _ = parse_terc(&bytes, "x");
        }

        #[test]
        fn arbitrary_rows_never_panic(body in "[0-9;A-Za-zÓó\\-\n<>/]{0,300}") {
            let _ = parse(&format!("WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA\n{body}"));
            let _ = parse_terc(format!("<teryt><catalog><row>{body}</row></catalog></teryt>").as_bytes(), "x.xml");
        }
    }
}
