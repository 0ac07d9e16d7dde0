//! Pages of the GUS BDL API v1 (`/data/by-variable`): the recorded sample, the paging envelope,
//! broken answers, unit ids → TERYT and the mapping to the register.

use jst_domain::RegisterEntry;
use jst_import::{
    bdl_unit_code, classify_unit_code, map_bdl_units, parse_bdl_page, BdlUnit, BdlUnitClass,
    BdlValue,
};
use proptest::prelude::*;

const SAMPLE: &[u8] = include_bytes!("data/bdl/pybdl_samples_raw_data.json");
const REGISTER: &[u8] = include_bytes!("../../../assets/register/TERC_2024-01-01.csv");
const SOURCE: &str = "API BDL, zmienna 72305, rok 2020, poziom 6, strona 1";

fn register() -> Vec<RegisterEntry> {
    jst_import::parse_terc(REGISTER, "rejestr").expect("register").snapshot.entries
}

/// The recorded `results` list inside the `SingleVariableData` envelope the API sends.
fn sample_page() -> Vec<u8> {
    let recorded: serde_json::Value = serde_json::from_slice(SAMPLE).expect("json");
    serde_json::json!({
        "totalRecords": 3,
        "page": 0,
        "pageSize": 100,
        "links": {
            "first": "https://bdl.stat.gov.pl/api/v1/data/by-variable/9?page=0&page-size=100",
            "self": "https://bdl.stat.gov.pl/api/v1/data/by-variable/9?page=0&page-size=100",
            "last": "https://bdl.stat.gov.pl/api/v1/data/by-variable/9?page=0&page-size=100"
        },
        "variableId": 9,
        "measureUnitId": 26,
        "aggregateId": 1,
        "lastUpdate": "2025-05-14T15:05:15.743",
        "results": recorded["get_data_by_variable"],
    })
    .to_string()
    .into_bytes()
}

#[test]
fn the_recorded_sample_reads_whole() {
    let page = parse_bdl_page(&sample_page(), SOURCE).expect("valid");
    assert_eq!((page.total_records, page.page, page.page_size), (Some(3), Some(0), Some(100)));
    assert_eq!(page.variable_id, Some(9));
    assert_eq!(page.last_update.as_deref(), Some("2025-05-14T15:05:15.743"));
    assert_eq!(page.next, None, "one page: no links.next");
    let ids: Vec<&str> = page.units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids, ["000000000000", "010000000000", "011200000000"]);
    assert_eq!(page.units[2].name, "MAŁOPOLSKIE");
    assert!(page.units.iter().all(|u| u.values.len() == 30));
    assert_eq!(page.units[0].values[0], BdlValue { year: 1995, value: Some(168.0), attr_id: 1 });
    assert_eq!(
        page.units[2].values.last().copied(),
        Some(BdlValue { year: 2024, value: Some(19.0), attr_id: 1 })
    );
}

#[test]
fn the_envelope_gives_the_next_page_and_tolerates_what_the_api_leaves_out() {
    let text = r#"{"totalRecords":250,"page":1,"pageSize":100,
        "links":{"prev":"https://x/api/v1/data/by-variable/72305?page=0",
                 "next":"https://x/api/v1/data/by-variable/72305?page=2"},
        "results":[{"id":"011212161011","name":"Kraków","values":[
            {"year":2020,"val":779966,"attrId":1},
            {"year":"2021","val":null,"attrId":4},
            {"year":"2022","attrId":50}]},
          {"id":"011212119053","name":"Wieliczka"}]}"#;
    let page = parse_bdl_page(text.as_bytes(), SOURCE).expect("valid");
    assert_eq!(page.next.as_deref(), Some("https://x/api/v1/data/by-variable/72305?page=2"));
    assert_eq!(page.variable_id, None);
    let krakow = &page.units[0];
    assert_eq!(krakow.values[0], BdlValue { year: 2020, value: Some(779_966.0), attr_id: 1 });
    assert_eq!(krakow.values[1], BdlValue { year: 2021, value: None, attr_id: 4 });
    assert_eq!(krakow.values[2].value, None);
    assert!(page.units[1].values.is_empty(), "a unit without values is a unit without data");
    // The last page: `links.next` absent or null.
    let last = r#"{"links":{"next":null},"results":[]}"#;
    assert_eq!(parse_bdl_page(last.as_bytes(), SOURCE).expect("valid").next, None);
}

fn refused(text: &str) -> String {
    let error = parse_bdl_page(text.as_bytes(), SOURCE).expect_err("refused");
    assert_eq!(error.file, SOURCE);
    error.to_string()
}

#[test]
fn broken_answers_are_refused_naming_the_result_and_field() {
    assert!(refused("<html>503</html>").contains("nie jest poprawnym JSON-em"));
    assert!(refused(r#"{"results":[{"id":"0112"#).contains("nie jest poprawnym JSON-em"));
    assert!(refused("[]").contains("nie jest obiektem JSON"));
    assert!(refused(r#"{"results":{}}"#).contains("nie jest listą"));
    let limit =
        refused(r#"{"errorResult":"Przekroczono limit","errorReason":"zbyt wiele zapytań"}"#);
    assert!(limit.contains("Przekroczono limit: zbyt wiele zapytań"), "{limit}");
    let message = refused(
        r#"{"totalRecords":"dużo","results":[
            {"id":"0112121610","name":"Kraków","values":[]},
            {"id":"011212119053","name":"Wieliczka","values":[
                {"year":"20x0","val":1,"attrId":1},
                {"year":"2020","val":"12","attrId":1},
                {"year":"2020","val":12}]}]}"#,
    );
    assert!(message.starts_with(&format!("Nie wczytano pliku {SOURCE}")), "{message}");
    for part in [
        "pole „totalRecords”",
        "wynik 1: identyfikator jednostki \"0112121610\" nie jest 12-cyfrowym",
        "wynik 2 (011212119053), wartość 1: rok \"20x0\" nie jest rokiem",
        "wynik 2 (011212119053), wartość 2: wartość \"12\" nie jest liczbą",
        "wynik 2 (011212119053), wartość 3: znacznik attrId (brak) nie jest liczbą całkowitą",
    ] {
        assert!(message.contains(part), "{part}: {message}");
    }
    assert!(refused(r#"{"links":{"next":5},"results":[]}"#).contains("links.next"));
}

#[test]
fn unit_ids_carry_the_teryt_code() {
    // Verified pairs (shared/data/bdl/README.md): Kraków, Warszawa, Bochnia, Małopolskie.
    assert_eq!(bdl_unit_code("011212161011").as_deref(), Some("1261011"));
    assert_eq!(bdl_unit_code("071412865011").as_deref(), Some("1465011"));
    assert_eq!(bdl_unit_code("011212001011").as_deref(), Some("1201011"));
    assert_eq!(bdl_unit_code("011212001022").as_deref(), Some("1201022"));
    assert_eq!(bdl_unit_code("011212001000").as_deref(), Some("1201000"), "powiat bocheński");
    assert_eq!(bdl_unit_code("011200000000").as_deref(), Some("1200000"));
    for bad in ["", "01121216101", "0112121610111", "01121216101x", "023015706012-0199020"] {
        assert_eq!(bdl_unit_code(bad), None, "{bad}");
    }
    let unit = |s: &str| BdlUnitClass::Unit(s.to_owned());
    for (code, class) in [
        ("1261011", unit("126101")),
        ("1219053", unit("121905")),
        ("1219000", unit("1219")),
        ("1200000", unit("12")),
        ("1219054", BdlUnitClass::Part),
        ("1219055", BdlUnitClass::Part),
        ("1465028", BdlUnitClass::Part),
        ("1261029", BdlUnitClass::Part),
        ("1261000", BdlUnitClass::CityCounty),
        ("1465000", BdlUnitClass::CityCounty),
        ("1219056", BdlUnitClass::Other),
        ("1219050", BdlUnitClass::Other),
        ("1219001", BdlUnitClass::Other),
        ("121905", BdlUnitClass::Other),
    ] {
        assert_eq!(classify_unit_code(code), class, "{code}");
    }
}

/// A unit as the API lists it, from its TERYT code (`01` macroregion, `1` region, `21`
/// subregion: placeholders the mapping ignores).
fn unit(teryt: &str, name: &str, values: &[(i32, Option<f64>, u32)]) -> BdlUnit {
    BdlUnit {
        id: format!("01{}121{}", &teryt[..2], &teryt[2..]),
        name: name.to_owned(),
        values: values
            .iter()
            .map(|&(year, value, attr_id)| BdlValue { year, value, attr_id })
            .collect(),
    }
}

#[test]
fn units_map_to_the_register_with_parts_duplicates_and_flags_left_out() {
    let register = register();
    let units = [
        unit("1219053", "Wieliczka", &[(2019, Some(1.0), 1), (2020, Some(69_000.0), 1)]),
        unit("1219054", "Wieliczka - miasto", &[(2020, Some(24_000.0), 1)]),
        unit("1219055", "Wieliczka - obszar wiejski", &[(2020, Some(45_000.0), 1)]),
        unit("1261011", "Kraków", &[(2020, Some(780_000.0), 1)]),
        unit("1261029", "Kraków-Krowodrza", &[(2020, Some(100_000.0), 1)]),
        unit("1261000", "Powiat m. Kraków", &[(2020, Some(780_000.0), 1)]),
        unit("1465028", "Bemowo", &[(2020, Some(120_000.0), 1)]),
        unit("1219000", "Powiat wielicki", &[(2020, Some(130_000.0), 97)]),
        unit("1219022", "Gdów", &[(2020, Some(20_000.0), 9)]),
        unit("1219012", "Biskupice", &[(2020, Some(0.0), 4)]),
        unit("1219032", "Kłaj", &[(2019, Some(10_000.0), 1)]),
        unit("1219043", "Niepołomice", &[(2020, None, 1)]),
        unit("1219992", "Gmina nieznana", &[(2020, Some(1.0), 1)]),
        unit("1200000", "MAŁOPOLSKIE", &[(2020, Some(3_400_000.0), 1)]),
    ];
    let mapped = map_bdl_units(&units, 2020, &register, SOURCE).expect("mapped");
    let got: Vec<(&str, f64, u32)> =
        mapped.rows.iter().map(|r| (r.teryt.as_str(), r.value, r.attr_id)).collect();
    assert_eq!(
        got,
        [
            ("1219053", 69_000.0, 1),
            ("1261011", 780_000.0, 1),
            ("1219", 130_000.0, 97),
            ("1219022", 20_000.0, 9),
            ("12", 3_400_000.0, 1),
        ]
    );
    assert_eq!((mapped.skipped_parts, mapped.skipped_city_counties), (4, 1));
    // Biskupice (flag 4, "x"), Kłaj (no 2020 value), Niepołomice (no number).
    assert_eq!((mapped.missing, mapped.flagged), (3, 1));
    assert_eq!(mapped.unknown, ["011212119992 (1219992) Gmina nieznana"]);
}

#[test]
fn a_gmina_whose_kind_changed_is_stored_under_its_current_code() {
    // Before 2024 a village gmina may have had kind 2; the register knows it by its six digits.
    let register = register();
    let units = [unit("1219052", "Wieliczka", &[(2010, Some(50_000.0), 1)])];
    let mapped = map_bdl_units(&units, 2010, &register, SOURCE).expect("mapped");
    assert_eq!(mapped.rows[0].teryt, "1219053");
}

#[test]
fn ambiguous_answers_are_refused() {
    let register = register();
    let twice = [
        unit("1219053", "Wieliczka", &[(2020, Some(1.0), 1)]),
        unit("1219053", "Wieliczka", &[(2020, Some(1.0), 1)]),
    ];
    let error = map_bdl_units(&twice, 2020, &register, SOURCE).expect_err("refused");
    assert!(error.to_string().contains("więcej niż raz"), "{error}");
    let same_unit = [
        unit("1219053", "Wieliczka", &[(2020, Some(1.0), 1)]),
        unit("1219052", "Wieliczka", &[(2020, Some(2.0), 1)]),
    ];
    let error = map_bdl_units(&same_unit, 2020, &register, SOURCE).expect_err("refused");
    assert!(error.to_string().contains("tę samą jednostkę rejestru 1219053"), "{error}");
    let two_values = [unit("1219053", "Wieliczka", &[(2020, Some(1.0), 1), (2020, Some(2.0), 1)])];
    let error = map_bdl_units(&two_values, 2020, &register, SOURCE).expect_err("refused");
    assert!(error.to_string().contains("więcej niż jedną wartość za rok 2020"), "{error}");
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = parse_bdl_page(&bytes, SOURCE);
    }

    #[test]
    fn mangled_pages_never_panic(
        body in r#"(\{|\}|\[|\]|,|:|"id"|"values"|"year"|"val"|"attrId"|"links"|"next"|"[0-9]{0,13}"|-?[0-9]{1,25}(\.[0-9]+)?(e[0-9]{1,3})?|null|true| ){0,40}"#,
    ) {
        let text = format!(r#"{{"totalRecords":1,"results":[{body}]}}"#);
        if let Ok(page) = parse_bdl_page(text.as_bytes(), SOURCE) {
            let register: Vec<RegisterEntry> = Vec::new();
            let _ = map_bdl_units(&page.units, 2020, &register, SOURCE);
        }
    }
}
