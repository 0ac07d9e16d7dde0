//! The good-practice base in peers.db: replaced whole, searched without diacritics, filtered.

use jst_domain::{PracticeArea, UnitKind};
use jst_store::{PeerStore, PracticeQuery, PracticeRecord};

use crate::stamp;

fn practice(id: i64, title: &str, area: PracticeArea, teryt: &str, unit: &str) -> PracticeRecord {
    PracticeRecord {
        id,
        title: title.to_owned(),
        area,
        teryt: teryt.to_owned(),
        unit_name: unit.to_owned(),
        unit_kind: UnitKind::GminaMiejskoWiejska,
        population: Some(69791),
        summary: String::new(),
        presentation: String::new(),
        keywords: vec![],
        indicators: vec![],
        json: format!("{{\"id\":{id}}}"),
    }
}

fn base() -> Vec<PracticeRecord> {
    let mut energy = practice(
        1,
        "Wspólne zakupy energii",
        PracticeArea::EfektywnoscEnergetyczna,
        "1219053",
        "Wieliczka",
    );
    energy.summary = "Szkoły kupują energię razem; oświata oszczędza.".to_owned();
    energy.keywords = vec!["zakupy grupowe".to_owned()];
    energy.indicators = vec!["WYD_SP_NA_UCZNIA".to_owned(), "LUD_OGOLEM".to_owned()];
    let mut budget =
        practice(2, "Budżet obywatelski", PracticeArea::DialogSpoleczny, "1061011", "Łódź");
    budget.unit_kind = UnitKind::MiastoNaPrawachPowiatu;
    budget.population = Some(650_000);
    budget.presentation = "## Jak\n\nMieszkańcy głosują.".to_owned();
    vec![energy, budget]
}

fn ids(store: &PeerStore, query: PracticeQuery) -> Vec<i64> {
    store.search_practices(&query).expect("search").iter().map(|h| h.id).collect()
}

fn text(words: &str) -> PracticeQuery {
    PracticeQuery { text: words.to_owned(), ..PracticeQuery::default() }
}

#[test]
fn a_search_without_diacritics_finds_the_practice_and_filters_narrow_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = PeerStore::open(&dir.path().join("peers.db"), &stamp("2026-12-01T00:00:00Z"))
        .expect("open");
    store.replace_practices(&base()).expect("replace");

    assert_eq!(ids(&store, text("oswiata")), [1]);
    assert_eq!(ids(&store, text("OŚWIATA")), [1]);
    assert_eq!(ids(&store, text("lodz")), [2]);
    assert_eq!(ids(&store, text("budzet obywat")), [2]);
    assert_eq!(ids(&store, text("glosuja")), [2]);
    assert_eq!(ids(&store, text("grupowe")), [1]);
    assert_eq!(ids(&store, text("oswiata lodz")), Vec::<i64>::new());
    // FTS syntax in the words is only words.
    assert_eq!(ids(&store, text("\"energii\" OR")), Vec::<i64>::new());
    assert_eq!(ids(&store, text("energii \"")), [1]);
    // No words: everything, by title.
    assert_eq!(ids(&store, text("  ")), [2, 1]);

    let hit = &store.search_practices(&text("zakupy")).expect("search")[0];
    assert_eq!(hit.title, "Wspólne zakupy energii");
    assert_eq!(hit.area, PracticeArea::EfektywnoscEnergetyczna);
    assert_eq!(hit.unit_name, "Wieliczka");
    assert_eq!(hit.indicators, ["WYD_SP_NA_UCZNIA", "LUD_OGOLEM"]);

    let area = PracticeQuery { area: Some(PracticeArea::DialogSpoleczny), ..text("") };
    assert_eq!(ids(&store, area), [2]);
    let kind = PracticeQuery { unit_kind: Some(UnitKind::GminaMiejskoWiejska), ..text("") };
    assert_eq!(ids(&store, kind), [1]);
    let woj = PracticeQuery { woj: Some("10".to_owned()), ..text("") };
    assert_eq!(ids(&store, woj), [2]);
    let size = PracticeQuery { size_class: Some("50000-100000".to_owned()), ..text("") };
    assert_eq!(ids(&store, size), [1]);
    assert_eq!(store.practice_json(2).expect("json").as_deref(), Some("{\"id\":2}"));
}

#[test]
fn a_release_replaces_the_base_whole_and_an_unfinished_one_leaves_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = PeerStore::open(&dir.path().join("peers.db"), &stamp("2026-12-01T00:00:00Z"))
        .expect("open");
    store.replace_practices(&base()).expect("replace");

    // A load dropped before finishing (an error mid-apply) changes nothing.
    {
        let mut load = store
            .begin_release(&stamp("2026-12-02T00:00:00Z"), "krajowy", "wydanie 4")
            .expect("begin");
        load.replace_practices(&[]).expect("replace");
    }
    assert_eq!(store.practice_count().expect("count"), 2);

    let mut load =
        store.begin_release(&stamp("2026-12-02T00:00:00Z"), "krajowy", "wydanie 4").expect("begin");
    let only = practice(
        7,
        "Partnerstwo gmin",
        PracticeArea::WspolpracaMiedzyJst,
        "1219043",
        "Niepołomice",
    );
    load.replace_practices(&[only]).expect("replace");
    load.finish(&[]).expect("finish");
    assert_eq!(store.practice_count().expect("count"), 1);
    assert_eq!(ids(&store, text("oswiata")), Vec::<i64>::new());
    assert_eq!(ids(&store, text("niepolomice")), [7]);
}

#[test]
fn sample_practices_sit_beside_the_release_and_leave_without_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = PeerStore::open(&dir.path().join("peers.db"), &stamp("2026-12-01T00:00:00Z"))
        .expect("open");
    store.replace_practices(&base()).expect("replace");
    let mut sample =
        practice(-1, "Przykład: czytelnia", PracticeArea::UslugiSpoleczne, "1219053", "Wieliczka");
    sample.summary = "Przykład wymyślony dla demo".to_owned();
    store.replace_sample_practices(std::slice::from_ref(&sample)).expect("samples");
    // Opening the demo again replaces the samples, not adds to them.
    store.replace_sample_practices(&[sample]).expect("samples again");
    assert_eq!(store.practice_count().expect("count"), 3);
    assert_eq!(ids(&store, text("wymyslony")), [-1]);
    assert_eq!(store.practice_json(-1).expect("json").as_deref(), Some("{\"id\":-1}"));
    let hit = &store.search_practices(&text("czytelnia")).expect("search")[0];
    assert_eq!(hit.population, Some(69791));

    store.remove_sample_practices().expect("remove");
    assert_eq!(ids(&store, text("")), [2, 1]);
    assert_eq!(ids(&store, text("wymyslony")), Vec::<i64>::new());
}
