//! `jst practices search` on the good-practice base that came with a release built by the real
//! `jst-server` library from the shipped starter base: the JSON contract, a search without
//! diacritics, the area filter, a bad filter refused, and the texts in both languages. Then a
//! practice's page (`show`) and the suggestions for what lags (`suggest`) on the demo, whose
//! invented practices leave with it.

use std::path::Path;

use serde_json::{json, Value};

use crate::sync::association_with_release;
use crate::{json_of, jst};

const STARTER: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/practices/baza-startowa.json");

fn search(data: &Path, args: &[&str]) -> Value {
    let mut all = vec!["practices", "search"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    json_of(&jst(data, &all))
}

#[test]
fn practices_of_a_release_are_found_without_diacritics_as_the_contract_says() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = association_with_release(dir.path(), Path::new(STARTER));
    let before = jst(&data, &["practices", "search", "oswiata"]);
    assert_eq!(before.status.code(), Some(0));

    let found = search(&data, &["oswiata"]);
    let list = found.as_array().expect("array");
    assert!(list.len() >= 2, "{found}");
    for p in list {
        let keys: Vec<&str> = p.as_object().expect("object").keys().map(String::as_str).collect();
        assert_eq!(keys, ["area", "id", "indicators", "teryt", "title", "unit_name"], "{p}");
        assert!(p["indicators"].is_array());
    }
    let opole = list.iter().find(|p| p["teryt"] == "1661011").expect("Opole's practice");
    assert!(opole["title"].as_str().expect("title").contains("oświatowych"), "{opole}");
    assert_eq!(opole["unit_name"], "Opole");

    // The area filter: every hit of another area is left out.
    let other = search(&data, &["oswiata", "--area", "dialog_spoleczny"]);
    assert!(other.as_array().expect("array").iter().all(|p| p["area"] == "dialog_spoleczny"));
    let all = search(&data, &[""]);
    assert_eq!(all.as_array().map(Vec::len), Some(5), "{all}");

    // A bad filter: exit 3 with the reason, in Polish and in English.
    let bad = jst(&data, &["practices", "search", "x", "--woj", "mazowieckie"]);
    assert_eq!(bad.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("województwa"));
    let bad_en = jst(&data, &["--lang", "en", "practices", "search", "x", "--woj", "mx"]);
    assert_eq!(bad_en.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&bad_en.stderr).contains("voivodeship"));
    let none = jst(&data, &["--lang", "en", "practices", "search", "zzzz"]);
    assert!(String::from_utf8_lossy(&none.stdout).contains("No practices found"));
}

#[test]
fn the_demo_suggests_its_invented_practices_for_what_lags_as_the_contract_says() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("dane");
    assert_eq!(jst(&data, &["init", "--demo"]).status.code(), Some(0));

    let suggested = json_of(&jst(&data, &["practices", "suggest", "--format", "json"]));
    let list = suggested.as_array().expect("array");
    assert_eq!(list.len(), 7, "{suggested}");
    for s in list {
        let keys: Vec<&str> = s.as_object().expect("object").keys().map(String::as_str).collect();
        assert_eq!(keys, ["indicator", "practice", "reason"], "{s}");
        let keys: Vec<&str> =
            s["practice"].as_object().expect("practice").keys().map(String::as_str).collect();
        assert_eq!(keys, ["area", "id", "indicators", "teryt", "title", "unit_name"], "{s}");
        assert!(s["practice"]["title"].as_str().expect("title").starts_with("Przykład: "));
    }
    // The first: a deteriorating indicator of the demo strategy.
    assert_eq!(list[0]["indicator"], "WSK_NOCLEGI");
    assert_eq!(list[0]["practice"]["id"], -5);
    assert!(list[0]["reason"]
        .as_str()
        .expect("reason")
        .starts_with("Pogorszenie wskaźnika „Udzielone noclegi"));
    // Where Wieliczka is in the weakest quartile of its synthetic peers, the practice of
    // Paczków, same kind and size and in the best quartile, comes first.
    let sewers = json_of(&jst(
        &data,
        &["practices", "suggest", "--indicator", "KANALIZACJA_PROC", "--format", "json"],
    ));
    assert_eq!(
        sewers[0],
        json!({
            "practice": {
                "id": -1,
                "title": "Przykład: dopłaty do przyłączy kanalizacyjnych dla gospodarstw domowych",
                "area": "uslugi_techniczne", "teryt": "1607073", "unit_name": "Paczków",
                "indicators": ["KANALIZACJA_PROC"]
            },
            "indicator": "KANALIZACJA_PROC",
            "reason": "W 2024 r. jednostka jest w najsłabszej ćwiartce grupy (ten sam rodzaj i \
                wielkość) we wskaźniku „Odsetek ludności korzystającej z sieci kanalizacyjnej”; \
                praktyka z jednostki tego samego rodzaju i wielkości (gmina miejsko-wiejska), \
                która jest w najlepszej ćwiartce grupy."
        })
    );
    assert_eq!(sewers[1]["practice"]["unit_name"], "Mogilno");
    let table =
        jst(&data, &["--lang", "en", "practices", "suggest", "--indicator", "KANALIZACJA_PROC"]);
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(text.contains("weakest quartile") && text.contains("Paczków"), "{text}");

    // A practice's page: the invented practice says so.
    let page = json_of(&jst(&data, &["practices", "show", "-2", "--format", "json"]));
    assert_eq!(page["id"], -2);
    assert_eq!(page["sample"], true);
    assert_eq!(page["unit_kind"], "gmina_miejsko_wiejska");
    assert_eq!(page["years_from"], 2022);
    assert_eq!(page["indicators"][1]["code"], "WSK_STRATY_WODY");
    assert_eq!(page["indicators"][1]["before"], json!({"year": 2021, "value": 19.0}));
    let shown = jst(&data, &["practices", "show", "-2"]);
    assert!(String::from_utf8_lossy(&shown.stdout).contains("PRZYKŁAD WYMYŚLONY DLA DEMO"));

    // A number the base does not have: exit 3, said in Polish, with where to find numbers.
    let missing = jst(&data, &["practices", "show", "404"]);
    assert_eq!(missing.status.code(), Some(3));
    let err = String::from_utf8_lossy(&missing.stderr);
    assert!(
        err.contains("nie ma praktyki nr 404") && err.contains("jst practices search"),
        "{err}"
    );
    let not_a_number = jst(&data, &["practices", "show", "siedem"]);
    assert_eq!(not_a_number.status.code(), Some(2));

    // A real unit ends the demo and its invented practices with it.
    assert_eq!(jst(&data, &["init", "--unit", "1219053"]).status.code(), Some(0));
    assert_eq!(search(&data, &[""]), json!([]));
    let none = jst(&data, &["practices", "suggest"]);
    assert_eq!(none.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&none.stdout).contains("Brak propozycji"));
}
