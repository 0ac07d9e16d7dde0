//! A practice proposal checked on the desk with the server's rules: every problem named by its
//! field, nothing saved while any remains, the demo refused; a valid one saved even when it
//! cannot be sent, with why.

use jst_core::{
    ErrorKind, Monitor, PracticeContactInput, PracticeProposalInput, ProposalFailure,
    ProposalField, ProposalStatus,
};
use jst_domain::PracticeArea;

fn input() -> PracticeProposalInput {
    PracticeProposalInput {
        title: "Wspólne zakupy energii".to_owned(),
        area: PracticeArea::EfektywnoscEnergetyczna,
        sub_area: None,
        implementing_body: "Urząd Miasta i Gminy Wieliczka".to_owned(),
        contacts: vec![PracticeContactInput {
            name: "Referat Oświaty".to_owned(),
            email: Some("oswiata@example.pl".to_owned()),
            ..PracticeContactInput::default()
        }],
        years_from: 2024,
        years_to: Some(2025),
        summary: "Szkoły kupują energię razem.".to_owned(),
        presentation: "## Jak\n\n- jeden przetarg".to_owned(),
        indicators: vec!["KANALIZACJA_PROC".to_owned()],
        keywords: vec!["energia".to_owned()],
    }
}

#[test]
fn problems_are_named_by_field_and_a_refused_proposal_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut monitor = Monitor::open(dir.path()).expect("open");
    monitor.choose_unit("1219053").expect("unit");
    assert_eq!(monitor.check_practice_proposal(&input()).expect("check"), []);

    let bad = PracticeProposalInput {
        title: "Tytuł <b>pogrubiony</b>".to_owned(),
        area: PracticeArea::RozwojInstytucjonalny,
        contacts: vec![PracticeContactInput {
            name: "Jan".to_owned(),
            phone: Some("12 000 wew. 5".to_owned()),
            ..PracticeContactInput::default()
        }],
        years_from: 1980,
        presentation: "[klik](javascript:alert(1))".to_owned(),
        indicators: vec!["NIE_MA_TAKIEGO".to_owned(), "KANALIZACJA_PROC".to_owned()],
        keywords: vec![" ".to_owned()],
        ..input()
    };
    let problems = monitor.check_practice_proposal(&bad).expect("check");
    let fields: Vec<ProposalField> = problems.iter().map(|p| p.field).collect();
    assert_eq!(
        fields,
        [
            ProposalField::Title,
            ProposalField::SubArea,
            ProposalField::Contacts,
            ProposalField::Years,
            ProposalField::Presentation,
            ProposalField::Indicators,
            ProposalField::Keywords,
        ],
        "{problems:?}"
    );
    assert!(problems[0].message.contains("„Tytuł”") && problems[0].message.contains("HTML"));
    assert!(problems[5].message.contains("NIE_MA_TAKIEGO"), "{}", problems[5].message);

    let refused = monitor.propose_practice(&bad, None).expect_err("refused");
    assert_eq!(refused.kind(), ErrorKind::InvalidInput);
    assert_eq!(monitor.practice_proposals().expect("list"), []);

    // Valid, but no server and no token: saved, not sent, with how to set the server.
    let saved = monitor.propose_practice(&input(), None).expect("saved");
    assert_eq!(saved.status, ProposalStatus::NotSent);
    assert_eq!(saved.failure_code, Some(ProposalFailure::NotConfigured));
    assert!(saved.failure.as_deref().is_some_and(|f| f.contains("zapisano")), "{saved:?}");
    assert_eq!(monitor.practice_proposals().expect("list"), [saved]);
}

#[test]
fn the_demo_proposes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut monitor = Monitor::open(dir.path()).expect("open");
    monitor.open_demo().expect("demo");
    let refused = monitor.propose_practice(&input(), None).expect_err("demo");
    assert_eq!(refused.kind(), ErrorKind::Conflict);
    assert_eq!(monitor.practice_proposals().expect("list"), []);
}
