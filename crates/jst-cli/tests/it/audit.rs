//! `jst audit`: the audit log as scripts read it, and `jst settings thresholds` (audited).

use serde_json::{json, Value};

use crate::{json_of, jst};

fn audit(data: &std::path::Path, args: &[&str]) -> Value {
    let mut all = vec!["audit", "--format", "json"];
    all.extend_from_slice(args);
    json_of(&jst(data, &all))
}

#[test]
fn the_audit_log_lists_writes_newest_first_and_filters() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("dane");
    assert_eq!(jst(&data, &["init", "--demo"]).status.code(), Some(0));
    let header = jst(&data, &["report", "header", "--author", "Anna Nowak"]);
    assert_eq!(header.status.code(), Some(0), "{}", String::from_utf8_lossy(&header.stderr));
    let group = jst(&data, &["groups", "save", "Sąsiedzi", "--units", "1219043"]);
    assert_eq!(group.status.code(), Some(0), "{}", String::from_utf8_lossy(&group.stderr));

    let log = audit(&data, &[]);
    let entries = log.as_array().expect("array");
    let kinds: Vec<&str> = entries.iter().map(|e| e["kind"].as_str().expect("kind")).collect();
    assert_eq!(kinds, ["groups", "reports", "unit", "imports", "imports"]);
    let newest = &entries[0];
    assert_eq!(newest["action"], json!("grupa porównawcza"));
    assert_eq!(newest["detail"], json!("zapisano „Sąsiedzi”: 121904"));
    let user = newest["user"].as_str().expect("user").to_owned();
    assert!(!user.is_empty());
    let at = newest["at"].as_str().expect("at");
    assert!(at.ends_with('Z') && at.len() >= 20, "{at}");
    let mut keys: Vec<&String> = newest.as_object().expect("object").keys().collect();
    keys.sort();
    assert_eq!(keys, ["action", "action_label", "at", "detail", "id", "kind", "user"]);
    assert_eq!(newest["action_label"], json!("grupa porównawcza"), "in Polish, as recorded");

    assert_eq!(audit(&data, &["--kind", "reports"]).as_array().map(Vec::len), Some(1));
    assert_eq!(
        audit(&data, &["--kind", "imports", "--limit", "1"]).as_array().map(Vec::len),
        Some(1)
    );
    let day = &at[..10];
    assert_eq!(audit(&data, &["--since", day, "--until", day]).as_array().map(Vec::len), Some(5));
    assert_eq!(audit(&data, &["--since", "2999-01-01"]), json!([]));
    assert_eq!(audit(&data, &["--until", "2000-01-01"]), json!([]));
    assert_eq!(audit(&data, &["--user", &user]).as_array().map(Vec::len), Some(5));
    assert_eq!(audit(&data, &["--user", "nikt-taki"]), json!([]));

    for bad in [
        ["--since", "01.03.2026"],
        ["--since", "2026-02-30"],
        ["--until", "jutro"],
        ["--kind", "wszystko"],
        ["--limit", "0"],
    ] {
        let out = jst(&data, &["audit", bad[0], bad[1]]);
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
    }
    let reversed = jst(&data, &["audit", "--since", "2026-03-02", "--until", "2026-03-01"]);
    assert_eq!(reversed.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&reversed.stderr).contains("jest późniejsza niż końcowa"));

    let table = jst(&data, &["audit", "--kind", "unit"]);
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(text.starts_with("Kiedy"), "{text}");
    assert!(text.contains("Użytkownik") && text.contains("Szczegóły"));
    assert!(text.contains(" UTC  ") && text.contains("wybór jednostki"), "{text}");
}

#[test]
fn thresholds_are_shown_changed_audited_and_reset() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("dane");
    assert_eq!(jst(&data, &["init", "--demo"]).status.code(), Some(0));
    let show = |args: &[&str]| {
        let mut all = vec!["settings", "thresholds", "--format", "json"];
        all.extend_from_slice(args);
        jst(&data, &all)
    };
    let defaults =
        json!({"on_track": 0.95, "acceleration_needed": 0.6, "maintain_tolerance": 0.05});
    assert_eq!(
        json_of(&show(&[])),
        json!({"current": defaults, "defaults": defaults, "custom": false})
    );
    let status_of = || {
        let status =
            json_of(&jst(&data, &["strategy", "status", "--year", "2024", "--format", "json"]));
        status["indicators"]
            .as_array()
            .expect("indicators")
            .iter()
            .find(|i| i["code"] == json!("WSK_BENEF_PS_1000"))
            .map(|i| i["status"].clone())
            .expect("indicator")
    };
    assert_eq!(status_of(), json!("acceleration_needed"));

    let changed = json_of(&show(&["--on-track", "0,88"]));
    assert_eq!(changed["current"]["on_track"], json!(0.88));
    assert_eq!(changed["current"]["acceleration_needed"], json!(0.6));
    assert_eq!(changed["custom"], json!(true));
    assert_eq!(status_of(), json!("on_track"));
    let log = audit(&data, &["--kind", "settings"]);
    assert_eq!(log[0]["action"], json!("progi oceny"));
    assert_eq!(log[0]["detail"], json!("zgodnie z planem od 0,95 → 0,88"));

    let refused = show(&["--acceleration", "0.9"]);
    assert_eq!(refused.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("wymaga przyspieszenia"));
    assert_eq!(audit(&data, &["--kind", "settings"]).as_array().map(Vec::len), Some(1));
    assert_eq!(show(&["--reset", "--on-track", "0.9"]).status.code(), Some(2));
    assert_eq!(show(&["--on-track", "dużo"]).status.code(), Some(2));

    let table = jst(&data, &["settings", "thresholds"]);
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(
        text.contains("Obowiązuje") && text.contains("0,88") && text.contains("0,95"),
        "{text}"
    );

    assert_eq!(json_of(&show(&["--reset"]))["custom"], json!(false));
    assert_eq!(status_of(), json!("acceleration_needed"));
    let log = audit(&data, &["--kind", "settings"]);
    assert_eq!(log[0]["detail"], json!("zgodnie z planem od 0,88 → 0,95 (domyślne)"));
}
