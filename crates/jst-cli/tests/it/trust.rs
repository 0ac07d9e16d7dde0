//! `jst trust list|remove`: the trusted release keys, removal confirmed and audited.

use serde_json::{json, Value};

use crate::{json_of, jst};

/// The keys an administrator added (the pinned ones depend on the build).
fn added(data: &std::path::Path) -> Vec<Value> {
    let list = json_of(&jst(data, &["trust", "list", "--format", "json"]));
    list.as_array()
        .expect("array")
        .iter()
        .filter(|k| k["origin"] == json!("administrator"))
        .cloned()
        .collect()
}

#[test]
fn added_keys_are_listed_and_removed_only_when_confirmed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("dane");
    let (_, public_key, _) = jst_server::keygen(&dir.path().join("klucze")).expect("keygen");
    let key =
        jst_release::PublicKey::from_text(&std::fs::read_to_string(&public_key).expect("key"))
            .expect("key");
    let id = key.id();
    assert!(added(&data).is_empty());
    let add = jst(&data, &["trust", "add", public_key.to_str().expect("path"), "--yes"]);
    assert_eq!(add.status.code(), Some(0), "{}", String::from_utf8_lossy(&add.stderr));

    let keys = added(&data);
    assert_eq!(keys.len(), 1);
    assert_eq!(keys[0]["key_id"], json!(id));
    assert_eq!(keys[0]["public_key"], json!(key.to_text().trim()));
    assert!(keys[0]["added_at"].as_str().is_some_and(|a| a.ends_with('Z')));
    assert!(keys[0]["added_by"].as_str().is_some_and(|b| !b.is_empty()));
    let table = jst(&data, &["trust", "list"]);
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(text.contains(&id) && text.contains("dodany przez administratora"), "{text}");

    let unconfirmed = jst(&data, &["trust", "remove", &id]);
    assert_eq!(unconfirmed.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&unconfirmed.stderr).contains("--yes"));
    assert_eq!(added(&data).len(), 1, "nothing removed without --yes");
    let unknown = jst(&data, &["trust", "remove", "0011223344556677", "--yes"]);
    assert_eq!(unknown.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("nie ma zaufanego klucza"));
    assert_eq!(jst(&data, &["trust", "remove"]).status.code(), Some(2));

    let removed = jst(&data, &["trust", "remove", &id.to_uppercase(), "--yes"]);
    assert_eq!(removed.status.code(), Some(0), "{}", String::from_utf8_lossy(&removed.stderr));
    assert!(added(&data).is_empty());
    let log = json_of(&jst(&data, &["audit", "--kind", "sync", "--format", "json"]));
    assert_eq!(log[0]["action"], json!("zaufany klucz wydań"));
    assert_eq!(log[0]["detail"], json!(format!("usunięto klucz {id}")));
    assert_eq!(log[1]["detail"], json!(format!("klucz {id}")));
}
