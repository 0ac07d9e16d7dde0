//! The good-practice base beyond the search: a practice's page read from the release's object,
//! the demo's invented practices beside a release's and gone with the demo, and the practices
//! suggested for what lags in the demo.

use std::path::Path;

use jst_core::{ErrorKind, Lag, Monitor, PracticeFilter, SuggestionBasis};
use jst_domain::{AttachmentKind, Practice, PracticeArea, PracticeSubArea, UnitKind};
use jst_store::{PeerStore, PracticeRecord, Stamp};
use serde_json::json;

/// A practice as a release carries it, every field filled and one this version does not know.
fn release_practice() -> serde_json::Value {
    json!({
        "id": 7, "title": "Wspólne zakupy energii dla szkół", "area": "rozwoj_instytucjonalny",
        "sub_area": "zarzadzanie_zasobami", "teryt": "1206113", "unit_name": "Skawina",
        "unit_kind": "gmina_miejsko_wiejska", "population": 44000,
        "implementing_body": "Urząd Miasta i Gminy Skawina",
        "contacts": [
            {"name": "Referat Oświaty", "role": "kontakt instytucjonalny",
             "phone": "12 000 00 00", "email": "oswiata@example.pl"},
            {"name": "Sekretariat"}
        ],
        "entered": "2026-11-30", "years": {"from": 2024, "to": 2025},
        "summary": "Szkoły kupują energię w jednym przetargu.",
        "presentation": "## Jak\n\n- **jeden przetarg**\n\n[strona](https://example.pl)",
        "attachments": [
            {"title": "Prezentacja", "media_type": "application/pdf", "sha256": "ab12", "size": 20480},
            {"title": "Film", "media_type": "video/mp4", "sha256": "cd34", "size": 1}
        ],
        "indicators": [
            {"code": "KANALIZACJA_PROC", "before": {"year": 2023, "value": 70.5},
             "after": {"year": 2025, "value": 74.0}},
            {"code": "NIEZNANY_KOD"}
        ],
        "keywords": ["energia", "oświata"], "source": "zgłoszenie gminy", "starter": false,
        "moderated_by": "added by a newer server"
    })
}

/// Stores the practices as the last applied release would have left them.
fn apply_release_practices(data: &Path, objects: &[serde_json::Value]) {
    let stamp = Stamp { at: "2026-12-01T00:00:00Z".to_owned(), by: "test".to_owned() };
    let mut peers = PeerStore::open(&data.join("peers.db"), &stamp).expect("peers");
    let records: Vec<PracticeRecord> = objects
        .iter()
        .map(|o| {
            let practice: Practice = serde_json::from_value(o.clone()).expect("practice");
            PracticeRecord::of(&practice, o.to_string())
        })
        .collect();
    peers.replace_practices(&records).expect("practices");
}

fn ids(monitor: &Monitor) -> Vec<i32> {
    let mut ids: Vec<i32> = monitor
        .search_practices(&PracticeFilter::default())
        .expect("search")
        .iter()
        .map(|p| p.id)
        .collect();
    ids.sort_unstable();
    ids
}

#[test]
fn a_practice_page_has_every_field_of_the_release_object() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut monitor = Monitor::open(dir.path()).expect("open");
    monitor.choose_unit("1219053").expect("Wieliczka");
    apply_release_practices(dir.path(), &[release_practice()]);

    let page = jst_text::with_language(jst_text::Lang::Pl, || monitor.practice(7)).expect("page");
    assert_eq!(page.id, 7);
    assert_eq!(page.area, PracticeArea::RozwojInstytucjonalny);
    assert_eq!(page.sub_area, Some(PracticeSubArea::ZarzadzanieZasobami));
    assert_eq!((page.teryt.as_str(), page.unit_name.as_str()), ("1206113", "Skawina"));
    assert_eq!(page.unit_kind, UnitKind::GminaMiejskoWiejska);
    assert_eq!(page.population, Some(44000));
    assert_eq!(page.implementing_body, "Urząd Miasta i Gminy Skawina");
    assert_eq!(page.contacts.len(), 2);
    assert_eq!(page.contacts[0].email.as_deref(), Some("oswiata@example.pl"));
    assert_eq!(page.contacts[1].role, None);
    assert_eq!(page.entered, "2026-11-30");
    assert_eq!((page.years_from, page.years_to), (2024, Some(2025)));
    assert!(page.presentation.starts_with("## Jak\n\n- **jeden przetarg**"));
    // The film is of a kind this version does not know: left out, the page still shown.
    assert_eq!(page.attachments.len(), 1);
    assert_eq!(page.attachments[0].kind, AttachmentKind::Pdf);
    assert_eq!(page.attachments[0].title.as_deref(), Some("Prezentacja"));
    assert_eq!((page.attachments[0].sha256.as_str(), page.attachments[0].size), ("ab12", 20480));
    let sewers = &page.indicators[0];
    assert_eq!(
        sewers.name.as_deref(),
        Some("Odsetek ludności korzystającej z sieci kanalizacyjnej")
    );
    assert_eq!(sewers.unit.as_deref(), Some("%"));
    assert_eq!(sewers.before.as_ref().map(|m| (m.year, m.value)), Some((2023, 70.5)));
    assert_eq!(sewers.after.as_ref().map(|m| (m.year, m.value)), Some((2025, 74.0)));
    assert_eq!(page.indicators[1].name, None);
    assert_eq!(page.keywords, ["energia", "oświata"]);
    assert_eq!(page.source.as_deref(), Some("zgłoszenie gminy"));
    assert!(!page.starter && !page.sample);
    let value = serde_json::to_value(&page).expect("json");
    assert_eq!(value["sub_area"], "zarzadzanie_zasobami");
    assert_eq!(value["attachments"][0]["kind"], "pdf");

    let missing = jst_text::with_language(jst_text::Lang::Pl, || monitor.practice(8))
        .expect_err("no such practice");
    assert_eq!(missing.kind(), ErrorKind::NotFound);
    assert!(missing.to_string().contains("nie ma praktyki nr 8"), "{missing}");
}

#[test]
fn the_demos_practices_sit_beside_a_releases_and_leave_with_the_demo() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut monitor = Monitor::open(dir.path()).expect("open");
    apply_release_practices(dir.path(), &[release_practice()]);
    monitor.open_demo().expect("demo");

    assert_eq!(ids(&monitor), [-5, -4, -3, -2, -1, 7]);
    for id in -5..=-1 {
        let page = monitor.practice(id).expect("sample page");
        assert!(page.sample, "{id}");
        assert!(page.title.starts_with("Przykład: "), "{}", page.title);
        assert!(page.summary.contains("wymyślona na potrzeby demonstracji"), "{}", page.summary);
    }
    assert!(!monitor.practice(7).expect("release page").sample);

    // Choosing a real unit ends the demo: its practices go, the release's stay.
    monitor.choose_unit("1219053").expect("Wieliczka");
    assert_eq!(ids(&monitor), [7]);
    assert_eq!(monitor.practice(-1).expect_err("gone").kind(), ErrorKind::NotFound);
}

/// (indicator, practice, lag, basis) of each suggestion, in order.
type Row = (String, i32, Lag, SuggestionBasis);

fn rows(monitor: &Monitor, only: Option<&str>) -> Vec<Row> {
    monitor
        .suggest_practices(only)
        .expect("suggest")
        .into_iter()
        .map(|s| (s.indicator, s.practice.id, s.lag, s.basis))
        .collect()
}

#[test]
fn on_the_demo_practices_are_suggested_for_what_lags_best_placed_units_first() {
    use Lag::*;
    use SuggestionBasis::*;
    let dir = tempfile::tempdir().expect("tempdir");
    let mut monitor = Monitor::open(dir.path()).expect("open");
    monitor.open_demo().expect("demo");

    let row = |code: &str, id, lag, basis| (code.to_owned(), id, lag, basis);
    assert_eq!(
        rows(&monitor, None),
        [
            // Deteriorating strategy indicators (by name: "Udzielone…", "Wypożyczenia…").
            row("WSK_NOCLEGI", -5, Deteriorating, Other),
            row("WSK_BIBLIOTEKI", -3, Deteriorating, Other),
            // Far from target: limited progress ("Straty…"), the target year passed ("Udział…").
            row("WSK_STRATY_WODY", -2, FarFromTarget, SameKindSize),
            row("WSK_BEZROB_DLUGO", -4, FarFromTarget, Other),
            // Weakest quartile of the synthetic peers: Paczków is in the best quartile,
            // Mogilno of the same kind and size is not, the powiat is another kind.
            row("KANALIZACJA_PROC", -1, WeakestQuartile, SameKindSizeBestQuartile),
            row("KANALIZACJA_PROC", -2, WeakestQuartile, SameKindSize),
            row("BEZROBOCIE_UDZIAL", -4, WeakestQuartile, Other),
        ]
    );
    let sewers = jst_text::with_language(jst_text::Lang::Pl, || {
        monitor.suggest_practices(Some("KANALIZACJA_PROC"))
    })
    .expect("suggest");
    assert_eq!(sewers.len(), 2);
    assert_eq!(sewers[0].year, 2024);
    assert_eq!(sewers[0].indicator_name, "Odsetek ludności korzystającej z sieci kanalizacyjnej");
    assert_eq!(
        sewers[0].reason,
        "W 2024 r. jednostka jest w najsłabszej ćwiartce grupy (ten sam rodzaj i wielkość) we \
         wskaźniku „Odsetek ludności korzystającej z sieci kanalizacyjnej”; praktyka z jednostki \
         tego samego rodzaju i wielkości (gmina miejsko-wiejska), która jest w najlepszej \
         ćwiartce grupy."
    );
    // Czytelnicy: Wieliczka is in the third quartile, not the weakest: nothing to suggest.
    assert!(rows(&monitor, Some("CZYTELNICY_1000")).is_empty());
    assert!(rows(&monitor, Some("WSK_PRZEDSZKOLA")).is_empty());
}

#[test]
fn a_real_unit_without_strategy_or_peer_data_has_nothing_lagging() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut monitor = Monitor::open(dir.path()).expect("open");
    monitor.choose_unit("1219053").expect("Wieliczka");
    apply_release_practices(dir.path(), &[release_practice()]);
    // The base has a practice for KANALIZACJA_PROC, but no peer values say where the unit is.
    assert!(rows(&monitor, None).is_empty());
}
