//! GWD groups in `local.db`: a refresh replaces the listed groups whole, a `304` keeps a year's
//! copy and moves its date, a refused or unlisted group goes with its values, a member who left
//! takes its values along, and meeting notes stay.

use jst_store::{GwdGroupRecord, GwdMemberRecord, GwdRefresh, GwdValueRecord, GwdYearUpdate};

use crate::stamp;

fn group(id: &str, members: &[(&str, &str)], at: &str) -> GwdGroupRecord {
    GwdGroupRecord {
        id: id.into(),
        name: format!("Grupa {id}"),
        area: "woda".into(),
        indicators: vec!["B_IND".into(), "A_IND".into()],
        members: members
            .iter()
            .map(|(t, n)| GwdMemberRecord { teryt: (*t).into(), name: (*n).into() })
            .collect(),
        fetched_at: at.into(),
    }
}

fn value(teryt: &str, indicator: &str, v: f64) -> GwdValueRecord {
    GwdValueRecord {
        teryt: teryt.into(),
        name: format!("J{teryt}"),
        indicator: indicator.into(),
        year: 2023,
        value: v,
        source: "contributed".into(),
    }
}

#[test]
fn refreshes_replace_groups_and_keep_notes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let at = "2026-03-01T10:00:00Z";
    let mut store =
        jst_store::LocalStore::open(&dir.path().join("local.db"), &stamp(at)).expect("open");
    let members = [("1219053", "Wieliczka"), ("1206032", "Krzeszowice")];
    let first = GwdRefresh {
        groups: vec![group("g1", &members, at), group("g2", &members, at)],
        years: vec![(
            "g1".into(),
            2023,
            GwdYearUpdate::Fresh {
                values: vec![value("1219053", "A_IND", 1.5), value("1206032", "A_IND", 2.5)],
                etag: Some("\"e1\"".into()),
            },
        )],
        refused: vec![],
        at: at.into(),
    };
    store.record_gwd_refresh(&stamp(at), &first).expect("first");
    let groups = store.gwd_groups().expect("groups");
    assert_eq!(groups.len(), 2);
    assert_eq!(groups[0].indicators, ["B_IND", "A_IND"], "the server's order");
    assert_eq!(store.gwd_values("g1", 2023).expect("values").len(), 2);
    assert_eq!(store.gwd_years("g1").expect("years"), [(2023, Some("\"e1\"".into()), at.into())]);
    store.add_gwd_note(&stamp(at), "g2", Some(2023), "Spotkanie w Krzeszowicach").expect("note");

    // Later: Krzeszowice left g1 (listed without it, 304 for the year), g2 refused (403).
    let later = "2026-04-01T10:00:00Z";
    let second = GwdRefresh {
        groups: vec![group("g1", &members[..1], later), group("g2", &members, later)],
        years: vec![("g1".into(), 2023, GwdYearUpdate::Unchanged)],
        refused: vec!["g2".into()],
        at: later.into(),
    };
    store.record_gwd_refresh(&stamp(later), &second).expect("second");
    let groups = store.gwd_groups().expect("groups");
    assert_eq!(groups.iter().map(|g| g.id.as_str()).collect::<Vec<_>>(), ["g1"]);
    assert_eq!(groups[0].fetched_at, later);
    let values = store.gwd_values("g1", 2023).expect("values");
    assert_eq!(values, [value("1219053", "A_IND", 1.5)], "the one who left is not shown");
    assert_eq!(store.gwd_years("g1").expect("years")[0].2, later);
    assert_eq!(store.gwd_notes("g2").expect("notes").len(), 1, "notes outlive the group");

    // A refresh listing nothing (the unit left every group) empties the copy.
    let empty = GwdRefresh { at: later.into(), ..GwdRefresh::default() };
    store.record_gwd_refresh(&stamp(later), &empty).expect("third");
    assert!(store.gwd_groups().expect("groups").is_empty());
    assert!(store.gwd_values("g1", 2023).expect("values").is_empty());
}
