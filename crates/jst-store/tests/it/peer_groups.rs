use jst_store::LocalStore;

use crate::stamp;

#[test]
fn saved_groups_are_replaced_whole_and_audited() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = LocalStore::open(&dir.path().join("local.db"), &stamp("2026-01-01T00:00:00Z"))
        .expect("open");
    let at = stamp("2026-11-22T10:00:00Z");
    let members = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    store.save_peer_group(&at, "Sąsiedzi", &members(&["121906", "121901"])).expect("save");
    store.save_peer_group(&at, "Aglomeracja", &members(&[])).expect("save empty");
    store.save_peer_group(&at, "Sąsiedzi", &members(&["121904", "121901"])).expect("replace");
    let groups = store.peer_groups().expect("list");
    assert_eq!(
        groups.iter().map(|g| g.name.as_str()).collect::<Vec<_>>(),
        ["Aglomeracja", "Sąsiedzi"]
    );
    assert!(groups[0].members.is_empty());
    assert_eq!(groups[1].members, ["121901", "121904"]);
    assert_eq!(store.delete_peer_group(&at, "Sąsiedzi").ok(), Some(true));
    assert_eq!(store.delete_peer_group(&at, "Sąsiedzi").ok(), Some(false));
    assert_eq!(store.peer_group("Sąsiedzi").ok(), Some(None));
    let log = store.audit_log(10).expect("log");
    assert!(
        log.iter().any(|(_, _, action, detail)| action == "grupa porównawcza"
            && detail == "usunięto „Sąsiedzi”: 121901, 121904"),
        "{log:?}"
    );
    assert!(
        store.save_peer_group(&at, "  ", &[]).is_err(),
        "blank names are refused by the schema"
    );
}
