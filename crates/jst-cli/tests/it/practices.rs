//! `jst practices search` on the good-practice base that came with a release built by the real
//! `jst-server` library from the shipped starter base: the JSON contract, a search without
//! diacritics, the area filter, a bad filter refused, and the texts in both languages.

use std::path::Path;

use serde_json::Value;

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
