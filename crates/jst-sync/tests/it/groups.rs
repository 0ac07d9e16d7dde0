//! The groups API client (GWD) against a stand-in server: the shapes it reads, the token it
//! sends, the ETag round trip, and what `403`, `401`, a broken answer and no server mean.

use jst_sync::{
    fetch_group_values, fetch_groups, Error, GroupValues, GroupsError, Limits, RejectionCode,
};

use crate::server::{Reply, TestServer};

const TOKEN: &str = "jst_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

const GROUPS: &str = r#"[{"id":"gwd-woda","name":"Woda i ścieki","area":"gospodarka komunalna",
  "indicators":["WYD_WODA_MIESZK","STRATY_WODY"],
  "members":[{"teryt":"1219053","name":"Wieliczka"},{"teryt":"1206032","name":"Krzeszowice"}]}]"#;

const VALUES: &str = r#"{"group":{"id":"gwd-woda","name":"Woda i ścieki"},"values":[
  {"teryt":"1219053","name":"Wieliczka","indicator":"STRATY_WODY","year":2023,"value":12.5,"source":"contributed"},
  {"teryt":"1206032","name":"Krzeszowice","indicator":"STRATY_WODY","year":2023,"value":18.0,"source":"public"}]}"#;

fn groups_server() -> TestServer {
    TestServer::start(|request| {
        let authorised = request.authorization.as_deref() == Some(&format!("Bearer {TOKEN}"));
        if !authorised {
            return Reply { status: 401, ..Reply::ok("application/json", b"{}".to_vec()) };
        }
        match request.path.as_str() {
            "/v1/groups" => Reply::ok("application/json", GROUPS.as_bytes().to_vec()),
            "/v1/groups/gwd-woda/values?year=2023" => {
                if request.if_none_match.as_deref() == Some("\"v1\"") {
                    return Reply { status: 304, ..Reply::ok("application/json", Vec::new()) };
                }
                let mut reply = Reply::ok("application/json", VALUES.as_bytes().to_vec());
                reply.extra_headers.push(("ETag".into(), "\"v1\"".into()));
                reply
            }
            "/v1/groups/gwd-inna/values?year=2023" => {
                Reply { status: 403, ..Reply::ok("application/json", b"{}".to_vec()) }
            }
            _ => Reply::not_found(),
        }
    })
}

#[test]
fn groups_and_values_are_read_with_the_token_and_the_etag() {
    let server = groups_server();
    let limits = Limits::default();
    let groups = fetch_groups(&server.url, TOKEN, &limits).expect("groups");
    assert_eq!(groups.len(), 1);
    let g = &groups[0];
    assert_eq!((g.id.as_str(), g.name.as_str()), ("gwd-woda", "Woda i ścieki"));
    assert_eq!(g.indicators, ["WYD_WODA_MIESZK", "STRATY_WODY"]);
    assert_eq!(g.members[1].teryt, "1206032");
    assert_eq!(g.members[1].name, "Krzeszowice");

    let fresh =
        fetch_group_values(&server.url, TOKEN, "gwd-woda", 2023, None, &limits).expect("values");
    let GroupValues::Fresh { values, etag } = fresh else { panic!("{fresh:?}") };
    assert_eq!(etag.as_deref(), Some("\"v1\""));
    assert_eq!(values.len(), 2);
    assert_eq!((values[0].value, values[0].source.as_str()), (12.5, "contributed"));
    assert_eq!((values[1].name.as_str(), values[1].source.as_str()), ("Krzeszowice", "public"));

    let again = fetch_group_values(&server.url, TOKEN, "gwd-woda", 2023, etag.as_deref(), &limits)
        .expect("values");
    assert_eq!(again, GroupValues::NotModified);
    let seen = server.seen();
    assert!(seen.iter().all(|r| r.method == "GET"));
    assert_eq!(seen.last().and_then(|r| r.if_none_match.clone()).as_deref(), Some("\"v1\""));
    assert_eq!(seen[1].if_none_match, None, "the first request holds no copy");
}

#[test]
fn a_group_the_unit_left_is_forbidden_and_a_bad_token_unauthorised() {
    let server = groups_server();
    let limits = Limits::default();
    let left = fetch_group_values(&server.url, TOKEN, "gwd-inna", 2023, None, &limits);
    assert_eq!(left.expect("answer"), GroupValues::NotMember);
    let bad = fetch_groups(&server.url, "jst_zly", &limits);
    assert!(matches!(bad, Err(GroupsError::Unauthorized)), "{bad:?}");
}

#[test]
fn an_answer_that_is_not_the_api_is_refused_and_no_server_is_offline() {
    let html = TestServer::start(|_| Reply::ok("text/html", b"<html>portal</html>".to_vec()));
    let answer = fetch_groups(&html.url, TOKEN, &Limits::default());
    match answer {
        Err(GroupsError::Sync(Error::Rejected(r))) => assert_eq!(r.code, RejectionCode::Malformed),
        other => panic!("{other:?}"),
    }
    // A listener closed at once: nobody answers on that port.
    let port = std::net::TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("a");
    let answer = fetch_groups(&format!("http://{port}"), TOKEN, &Limits::default());
    assert!(matches!(answer, Err(GroupsError::Sync(Error::Offline(_)))), "{answer:?}");
    let bad_id = fetch_group_values(&html.url, TOKEN, "../x", 2023, None, &Limits::default());
    assert!(matches!(bad_id, Err(GroupsError::Sync(Error::Rejected(_)))), "{bad_id:?}");
}
