//! Migrations: applied once, and a database of a newer program refused.

use jst_server_store::*;

use crate::fixture::Fixture;

crate::on_both_engines!(opening_twice_changes_nothing, a_newer_schema_is_refused);

fn opening_twice_changes_nothing(fixture: &Fixture) {
    {
        let db = fixture.open();
        db.lease()
            .expect("storage answers")
            .add_token("0201011", "h", "2024-01-01")
            .expect("storage answers");
    }
    let db = fixture.open();
    let s = db.lease().expect("storage answers");
    assert_eq!(s.tokens(None).expect("storage answers").len(), 1);
    assert_eq!(s.audit(&AuditFilter::default()).expect("storage answers").len(), 1);
    if fixture.is_postgres() {
        assert_eq!(fixture.count("jst_schema"), 8);
    }
}

fn a_newer_schema_is_refused(fixture: &Fixture) {
    drop(fixture.open());
    fixture.set_schema(9);
    match fixture.try_open() {
        Err(Error::SchemaTooNew { found: 9, supported: 8 }) => {}
        Err(other) => panic!("{other:?}"),
        Ok(_) => panic!("a newer schema was opened"),
    }
}

/// Two servers starting at once on one empty database: one migrates, the other waits for it.
#[test]
fn postgres_two_servers_migrate_one_database_together() {
    let Some(fixture) = Fixture::postgres() else { return };
    let barrier = std::sync::Barrier::new(2);
    std::thread::scope(|scope| {
        let starts: Vec<_> = (0..2)
            .map(|_| {
                scope.spawn(|| {
                    barrier.wait();
                    fixture.try_open().map(|_| ())
                })
            })
            .collect();
        for start in starts {
            start.join().expect("thread").expect("storage answers");
        }
    });
    assert_eq!(fixture.count("jst_schema"), 8);
}

/// A connection PostgreSQL dropped (a restart, an administrator) is `Unavailable`, which the
/// API answers with 503; the pool then replaces it by itself.
#[test]
fn postgres_a_lost_connection_is_unavailable_and_replaced() {
    let Some(fixture) = Fixture::postgres() else { return };
    let db = fixture.open();
    {
        let s = db.lease().expect("lease");
        assert_eq!(s.release_status().expect("status"), None);
        fixture.terminate_connections();
        match s.release_status() {
            Err(Error::Unavailable(_)) => {}
            other => panic!("{other:?}"),
        }
    }
    let s = db.lease().expect("a new connection");
    assert_eq!(s.release_status().expect("status"), None);
}
