//! Comparisons as the core computes them: benchmark, costs, nearest neighbours, saved groups,
//! position over years, the overview and contributed aggregates, checked number by number
//! against hand computations. The `jst` tests check only the JSON contract on top of these.

use std::path::{Path, PathBuf};

use jst_core::{
    ComparisonSource, CostRowView, CostsView, ErrorKind, GroupKind, Monitor, StatsView,
};
use jst_domain::Polarity;
use jst_store::ContributedAggregate;

/// Primary-school spending and pupils of powiat wielicki's gminy in 2024: per pupil Biskupice
/// 10 000, Gdów 9 000, Niepołomice 12 000, Wieliczka 10 000; Kłaj has no data.
const SCHOOLS_2024: &str = "teryt;wskaznik_kod;rok;wartosc\n\
    1219012;WYD_80101;2024;12000000\n1219012;UCZ_SP;2024;1200\n\
    1219022;WYD_80101;2024;9000000\n1219022;UCZ_SP;2024;1000\n\
    1219043;WYD_80101;2024;30000000\n1219043;UCZ_SP;2024;2500\n\
    1219053;WYD_80101;2024;60000000\n1219053;UCZ_SP;2024;6000\n";

const BUDGET_HEADER: &str = "rok;sprawozdanie;dzial;rozdzial;paragraf;plan;wykonanie\n";

/// The shipped population of małopolskie's 182 gminy, the only population a fresh folder has.
const POPULATION: &str =
    include_str!("../../../../assets/reference/ludnosc_ogolem_malopolskie_2024.csv");

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path
}

/// A data folder for Wieliczka with [`SCHOOLS_2024`] as peer data.
fn wielicki_school_costs() -> (tempfile::TempDir, Monitor) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut monitor = Monitor::open(&dir.path().join("dane")).expect("open");
    monitor.choose_unit("1219053").expect("Wieliczka");
    let peers = write(dir.path(), "peers.csv", SCHOOLS_2024);
    monitor.import_peers(&peers, false).expect("peers");
    (dir, monitor)
}

fn import_budget(monitor: &mut Monitor, dir: &Path, execution_80101: u64) {
    let line = format!("2024;Rb-28S;801;80101;4010;{execution_80101};{execution_80101}\n");
    let path = write(dir, "rb28s.csv", &format!("{BUDGET_HEADER}{line}"));
    monitor.import_budget(&path).expect("budget");
}

fn cost_row<'a>(view: &'a CostsView, code: &str) -> Option<&'a CostRowView> {
    view.services.iter().flat_map(|s| &s.rows).find(|r| r.indicator == code)
}

fn close(actual: f64, expected: f64, tolerance: f64) -> bool {
    (actual - expected).abs() < tolerance
}

#[test]
fn benchmark_evaluates_the_formula_per_unit_with_type_7_quartiles_and_mid_rank() {
    let (_dir, monitor) = wielicki_school_costs();
    let view = monitor.benchmark("WYD_SP_NA_UCZNIA", 2024, "powiat").expect("benchmark");
    assert_eq!(view.indicator.code, "WYD_SP_NA_UCZNIA");
    assert_eq!(view.indicator.polarity, Polarity::LowerIsBetter);
    assert_eq!(view.source, ComparisonSource::Public);
    assert_eq!(view.year, 2024);
    assert_eq!(
        (view.group.kind, view.group.label.as_str()),
        (GroupKind::Powiat, "gminy, powiat wielicki")
    );
    assert_eq!(view.group.n, 5, "the group counts units with and without values");
    assert_eq!((view.own.teryt.as_str(), view.own.value), ("1219053", Some(10000.0)));
    assert_eq!(
        view.stats,
        StatsView {
            n: 4,
            q1: Some(9750.0),
            median: Some(10000.0),
            q3: Some(10500.0),
            mean: Some(10250.0),
            min: Some(9000.0),
            max: Some(12000.0),
            // Tails need more units than a powiat has.
            p10: None,
            p90: None,
        }
    );
    assert_eq!(view.percentile_rank, Some(50.0));
    assert_eq!(view.rank, Some(2), "one unit (Gdów) is cheaper");
    let order: Vec<(&str, f64)> =
        view.members.iter().map(|m| (m.teryt.as_str(), m.value)).collect();
    assert_eq!(
        order,
        [("1219022", 9000.0), ("1219012", 10000.0), ("1219053", 10000.0), ("1219043", 12000.0)],
        "best (lowest) first, ties by TERYT"
    );
    assert_eq!(view.members[0].name, "Gdów");
    assert_eq!((view.suppressed, view.reason), (None, None), "public data is never withheld");
}

#[test]
fn own_budget_lines_replace_the_own_expenditure_and_ties_are_not_better() {
    let (dir, mut monitor) = wielicki_school_costs();
    // 54 mln / 6 000 pupils = 9 000, a tie with Gdów.
    import_budget(&mut monitor, dir.path(), 54_000_000);
    let view = monitor.benchmark("WYD_SP_NA_UCZNIA", 2024, "powiat").expect("benchmark");
    assert_eq!(view.own.value, Some(9000.0));
    assert_eq!(view.rank, Some(1), "ties count as not strictly better");
    // 9 000, 9 000, 10 000, 12 000: none below, two equal → 100 · (0 + 1) / 4.
    assert_eq!(view.percentile_rank, Some(25.0));
    assert_eq!(view.stats.median, Some(9500.0));
}

#[test]
fn the_own_pupils_from_own_values_divide_the_own_budget() {
    let (dir, mut monitor) = wielicki_school_costs();
    // 54 mln over the own count of 5 400 pupils (e.g. from the SIO list), not the public 6 000.
    import_budget(&mut monitor, dir.path(), 54_000_000);
    let own = write(dir.path(), "uczniowie.csv", "wskaznik_kod;rok;wartosc\nUCZ_SP;2024;5400\n");
    monitor.import_values(&own, false).expect("own pupils");
    let view = monitor.benchmark("WYD_SP_NA_UCZNIA", 2024, "powiat").expect("benchmark");
    assert_eq!(view.own.value, Some(10_000.0));
    // The other units keep their public values: 9 000, 10 000, 10 000, 12 000.
    assert_eq!(view.stats.median, Some(10_000.0));
}

#[test]
fn a_year_without_own_data_has_no_position() {
    let (_dir, monitor) = wielicki_school_costs();
    let view = monitor.benchmark("WYD_SP_NA_UCZNIA", 2023, "powiat").expect("benchmark");
    assert_eq!(view.own.value, None);
    assert_eq!(view.percentile_rank, None);
    assert_eq!(view.rank, None);
    assert_eq!(view.stats.n, 0);
    assert!(view.members.is_empty());
    let unknown = monitor.benchmark("NIE_MA", 2024, "powiat").expect_err("unknown indicator");
    assert_eq!(unknown.kind(), ErrorKind::InvalidInput);
    assert!(unknown.to_string().contains("nie ma w katalogu"), "{unknown}");
}

#[test]
fn a_formula_from_an_imported_catalogue_divides_peer_data_by_shipped_population() {
    let (dir, mut monitor) = wielicki_school_costs();
    let catalogue = write(
        dir.path(),
        "katalog.csv",
        "kod;nazwa;jednostka;kierunek;obszar;opis;strukturalny;nazwa_en;wzor;liczba_osob\n\
         WYD_SP_NA_MIESZK;Wydatki na szkoły podstawowe na 1 mieszkańca;zł;mniej_lepiej;\
         edukacja;;;;WYD_80101 / LUD_OGOLEM;\n",
    );
    monitor.import_catalogue(&catalogue, true).expect("catalogue");
    let view = monitor.benchmark("WYD_SP_NA_MIESZK", 2024, "powiat").expect("benchmark");
    // Spending from the imported file, residents from the shipped reference data; Kłaj has
    // residents but no spending, so it has no value.
    let gdow = 9e6 / 18_697.0;
    let wieliczka = 60e6 / 69_791.0;
    let niepolomice = 30e6 / 33_602.0;
    let biskupice = 12e6 / 11_929.0;
    assert_eq!(view.stats.n, 4);
    assert_eq!(view.own.value, Some(wieliczka));
    assert!(close(view.stats.median.expect("median"), (wieliczka + niepolomice) / 2.0, 1e-9));
    assert_eq!((view.stats.min, view.stats.max), (Some(gdow), Some(biskupice)));
    assert_eq!(view.rank, Some(2), "only Gdów spends less per resident");
    assert_eq!(view.percentile_rank, Some(37.5));
}

#[test]
fn costs_give_quartiles_and_flag_an_own_cost_above_q3() {
    let (dir, mut monitor) = wielicki_school_costs();
    let view = monitor.costs(Some(2024), "powiat", None).expect("costs");
    assert_eq!((view.year, view.teryt.as_str(), view.real_base), (2024, "1219053", None));
    assert_eq!((view.group.kind, view.group.n), (GroupKind::Powiat, 5));
    assert!(!view.synthetic_peers);
    assert_eq!(
        cost_row(&view, "WYD_SP_NA_UCZNIA"),
        Some(&CostRowView {
            indicator: "WYD_SP_NA_UCZNIA".into(),
            name: "Wydatki na szkoły podstawowe na 1 ucznia".into(),
            unit: "zł".into(),
            own: Some(10000.0),
            n: 4,
            q1: Some(9750.0),
            median: Some(10000.0),
            q3: Some(10500.0),
            above_q3: Some(false),
        })
    );
    let service =
        view.services.iter().find(|s| s.rows.iter().any(|r| r.indicator == "WYD_SP_NA_UCZNIA"));
    assert_eq!(service.map(|s| s.service.as_str()), Some("edukacja"));
    // A cost without any data: counted as nothing, not as zero.
    let roads = cost_row(&view, "WYD_DROGI_NA_KM").expect("roads");
    assert_eq!((roads.n, roads.own, roads.q3, roads.above_q3), (0, None, None, None));
    assert!(cost_row(&view, "BENEF_PS_PROC").is_none(), "a rate is not a unit cost");

    // 78 mln / 6 000 = 13 000 against 9 000, 10 000, 12 000 → Q3 12 250.
    import_budget(&mut monitor, dir.path(), 78_000_000);
    let view = monitor.costs(Some(2024), "powiat", None).expect("costs");
    let school = cost_row(&view, "WYD_SP_NA_UCZNIA").expect("school");
    assert_eq!(
        (school.own, school.q3, school.above_q3),
        (Some(13000.0), Some(12250.0), Some(true))
    );
}

#[test]
fn costs_in_real_terms_divide_by_the_gus_cpi_of_the_years_between() {
    let (_dir, monitor) = wielicki_school_costs();
    let view = monitor.costs(Some(2024), "powiat", Some(2022)).expect("costs");
    assert_eq!(view.real_base, Some(2022));
    // 2024 money in 2022 prices: divided by the CPI of 2023 and 2024 (111,4; 103,6).
    let factor = 1.0 / (1.114 * 1.036);
    let school = cost_row(&view, "WYD_SP_NA_UCZNIA").expect("school");
    assert!(close(school.q3.expect("q3"), 10500.0 * factor, 1e-6), "{school:?}");
    assert!(close(school.own.expect("own"), 10000.0 * factor, 1e-6), "{school:?}");
    assert!(close(school.q1.expect("q1"), 9750.0 * factor, 1e-6), "{school:?}");
    assert!(close(school.median.expect("median"), 10000.0 * factor, 1e-6), "{school:?}");
    assert_eq!(school.above_q3, Some(false), "scaling all values alike keeps the position");

    let before_cpi = monitor.costs(Some(2024), "powiat", Some(1995)).expect_err("no CPI");
    assert_eq!(before_cpi.kind(), ErrorKind::InvalidInput);
    assert!(before_cpi.to_string().contains("wskaźnika cen GUS"), "{before_cpi}");
}

/// The hand computation of DESIGN §5.6 for one variable: |x − own| / population SD over the
/// pool (every gmina and city county with a value), nearest first, ties by code.
fn nearest_by_population(own: &str, k: usize) -> Vec<(String, f64)> {
    let pool: Vec<(&str, f64)> = POPULATION
        .lines()
        .skip(1)
        .filter_map(|line| {
            let fields: Vec<&str> = line.split(';').collect();
            let value = fields.get(3)?.parse().ok()?;
            Some((fields[0], value)).filter(|(teryt, _)| teryt.len() == 7)
        })
        .collect();
    let n = pool.len() as f64;
    let mean = pool.iter().map(|(_, v)| v).sum::<f64>() / n;
    let sd = (pool.iter().map(|(_, v)| (v - mean).powi(2)).sum::<f64>() / n).sqrt();
    let own_value = pool.iter().find(|(t, _)| *t == own).expect("own population").1;
    let mut distances: Vec<(String, f64)> = pool
        .iter()
        .filter(|(t, _)| *t != own)
        .map(|(t, v)| ((*t).to_owned(), (v - own_value).abs() / sd))
        .collect();
    distances.sort_by(|a, b| a.1.total_cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
    distances.truncate(k);
    distances
}

#[test]
fn nearest_peers_by_population_agree_with_a_hand_computation() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut monitor = Monitor::open(dir.path()).expect("open");
    monitor.choose_unit("1219053").expect("Wieliczka");
    let near = monitor
        .nearest_peers(3, Some(2024), Some(vec!["LUD_OGOLEM".into()]), None)
        .expect("nearest");
    let expected = nearest_by_population("1219053", 3);
    let gminy = POPULATION.lines().filter(|l| l.split(';').next().is_some_and(|t| t.len() == 7));
    assert_eq!(gminy.count(), 182, "the pool is every gmina of małopolskie");
    let order: Vec<&str> = near.iter().map(|n| n.teryt.as_str()).collect();
    assert_eq!(order, ["1262011", "1209033", "1212053"]);
    assert_eq!(order, expected.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>());
    for (got, (teryt, distance)) in near.iter().zip(&expected) {
        assert!(
            close(got.distance, *distance, 1e-9),
            "{teryt}: {} against {distance}",
            got.distance
        );
        assert_eq!(got.shares.iter().collect::<Vec<_>>(), [(&"LUD_OGOLEM".to_owned(), &1.0)]);
    }
    // Population SD 60 135.59, so Nowy Sącz (79 821) is 10 030 / 60 135.59 away.
    assert_eq!(near[0].name, "Nowy Sącz");
    assert!(close(near[0].distance, 0.166_789_745, 1e-6), "{:?}", near[0]);

    let mismatch = monitor
        .nearest_peers(3, Some(2024), Some(vec!["LUD_OGOLEM".into()]), Some(vec![1.0, 2.0]))
        .expect_err("two weights for one variable");
    assert_eq!(mismatch.kind(), ErrorKind::InvalidInput);
}

#[test]
fn saved_groups_are_used_by_name_without_the_own_unit() {
    let (_dir, mut monitor) = wielicki_school_costs();
    let units = ["1219022", "1219043", "1219053"].map(str::to_owned);
    let saved = monitor.save_peer_group("Sąsiedzi", &units).expect("save");
    assert_eq!((saved.name.as_str(), saved.group.as_str()), ("Sąsiedzi", "custom:Sąsiedzi"));
    let members: Vec<&str> = saved.members.iter().map(|m| m.teryt.as_str()).collect();
    assert_eq!(members, ["1219022", "1219043"], "the own unit is not stored");
    let groups = monitor.peer_groups().expect("groups");
    assert_eq!(groups, [saved]);

    let view = monitor.benchmark("WYD_SP_NA_UCZNIA", 2024, "custom:Sąsiedzi").expect("benchmark");
    assert_eq!(view.group.kind, GroupKind::Custom);
    assert_eq!(view.group.label, "grupa własna „Sąsiedzi” (2 i własna)");
    assert_eq!(view.group.n, 3);
    assert_eq!(view.stats.median, Some(10000.0), "9 000, 10 000, 12 000");
    assert_eq!(view.stats.n, 3);

    // Unknown units and units of another family are refused; nothing changes.
    let unknown = monitor.save_peer_group("Sąsiedzi", &["1299999".into()]).expect_err("unknown");
    assert_eq!(unknown.kind(), ErrorKind::NotFound);
    let powiat = monitor.save_peer_group("Sąsiedzi", &["1219".into()]).expect_err("a powiat");
    assert_eq!(powiat.kind(), ErrorKind::InvalidInput);
    assert_eq!(monitor.peer_groups().expect("groups"), groups);

    monitor.delete_peer_group("Sąsiedzi").expect("delete");
    let again = monitor.delete_peer_group("Sąsiedzi").expect_err("deleted already");
    assert_eq!(again.kind(), ErrorKind::NotFound);
    assert!(monitor.peer_groups().expect("groups").is_empty());
    let gone =
        monitor.benchmark("WYD_SP_NA_UCZNIA", 2024, "custom:Sąsiedzi").expect_err("no group");
    assert_eq!(gone.kind(), ErrorKind::NotFound);
    assert!(gone.to_string().contains("nie ma zapisanej grupy"), "{gone}");
}

#[test]
fn a_nearest_group_is_the_k_nearest_peers_and_the_own_unit() {
    let (_dir, monitor) = wielicki_school_costs();
    // Population is the only structural variable with an own value, so nearest:3 is the hand
    // computation's three.
    let view = monitor.benchmark("LUD_OGOLEM", 2024, "nearest:3").expect("benchmark");
    assert_eq!((view.group.kind, view.group.n), (GroupKind::Nearest, 4));
    assert_eq!(view.group.label, "najbardziej podobne jednostki: 3 (zmienne strukturalne, 2024)");
    let mut members: Vec<&str> = view.members.iter().map(|m| m.teryt.as_str()).collect();
    members.sort_unstable();
    let mut expected: Vec<String> =
        nearest_by_population("1219053", 3).into_iter().map(|(t, _)| t).collect();
    expected.push("1219053".into());
    expected.sort_unstable();
    assert_eq!(members, expected);
    // None of the three has school data, so the own unit stands alone there.
    let costs = monitor.costs(Some(2024), "nearest:3", None).expect("costs");
    assert_eq!((costs.group.kind, costs.group.n), (GroupKind::Nearest, 4));
    let school = cost_row(&costs, "WYD_SP_NA_UCZNIA").expect("school");
    assert_eq!((school.n, school.own, school.q3), (1, Some(10000.0), Some(10000.0)));
    assert_eq!(school.above_q3, Some(false));
}

#[test]
fn position_over_years_gives_every_year_with_peer_data_oldest_first() {
    let (dir, mut monitor) = wielicki_school_costs();
    // 2023 per pupil: Biskupice 11 000, Gdów 10 000, Wieliczka 9 000 (the cheapest then).
    let earlier = write(
        dir.path(),
        "peers_2023.csv",
        "teryt;wskaznik_kod;rok;wartosc\n\
         1219012;WYD_80101;2023;11000000\n1219012;UCZ_SP;2023;1000\n\
         1219022;WYD_80101;2023;10000000\n1219022;UCZ_SP;2023;1000\n\
         1219053;WYD_80101;2023;54000000\n1219053;UCZ_SP;2023;6000\n",
    );
    monitor.import_peers(&earlier, false).expect("peers 2023");
    let years = monitor.position_over_years("WYD_SP_NA_UCZNIA", "powiat").expect("years");
    let summary: Vec<_> = years.iter().map(|y| (y.year, y.value, y.rank, y.n, y.median)).collect();
    assert_eq!(
        summary,
        [
            (2023, Some(9000.0), Some(1), 3, Some(10000.0)),
            (2024, Some(10000.0), Some(2), 4, Some(10000.0)),
        ]
    );
    // Mid-rank: 2023 none below and one equal of 3; 2024 one below and two equal of 4.
    assert!(close(years[0].percentile_rank.expect("2023"), 100.0 * 0.5 / 3.0, 1e-9));
    assert_eq!(years[1].percentile_rank, Some(50.0));
}

#[test]
fn the_overview_has_every_indicator_with_data_in_the_year() {
    let (_dir, monitor) = wielicki_school_costs();
    let overview = monitor.peer_overview(2024, "powiat").expect("overview");
    let find = |code: &str| {
        overview.iter().find(|p| p.code == code).unwrap_or_else(|| panic!("{code} in {overview:?}"))
    };
    let school = find("WYD_SP_NA_UCZNIA");
    assert_eq!(
        (school.own, school.n, school.median, school.percentile_rank, school.rank),
        (Some(10000.0), 4, Some(10000.0), Some(50.0), Some(2))
    );
    // Shipped population of the powiat's 5 gminy: 11 257, 11 929, 18 697, 33 602, 69 791.
    let population = find("LUD_OGOLEM");
    assert_eq!(
        (population.own, population.n, population.median, population.percentile_rank),
        (Some(69791.0), 5, Some(18697.0), Some(90.0))
    );
    assert_eq!(population.rank, None, "a neutral indicator has no rank");
    // Pupils 1 000, 1 200, 2 500, 6 000: the own is the largest, so 100 · 3.5 / 4.
    let pupils = find("UCZ_SP");
    assert_eq!((pupils.n, pupils.median, pupils.percentile_rank), (4, Some(1850.0), Some(87.5)));
    assert!(overview.iter().all(|p| p.n > 0), "indicators without data are left out");
}

/// Puts aggregates into the peer store as an applied release would (`finish` of the release
/// load), so the contributed path is tested without a server or signed files.
fn store_aggregates(data: &Path, aggregates: &[ContributedAggregate]) {
    let stamp = jst_store::Stamp { at: "2026-11-22T00:00:00Z".into(), by: "test".into() };
    let mut peers = jst_store::PeerStore::open(&data.join("peers.db"), &stamp).expect("peers.db");
    let load = peers.begin_release(&stamp, "wydanie:krajowy", "wydanie testowe").expect("begin");
    load.finish(aggregates).expect("finish");
}

/// Wieliczka (69 791 residents) is in the class of gminy miejsko-wiejskie of 50–100 thousand.
const WIELICZKA_CLASS: &str = "type_size:gmina_miejsko_wiejska:50000-100000";

/// An aggregate of ODPADY_SELEKT_PROC 2024 in Wieliczka's class with every figure withheld.
fn in_wieliczka_class(n: u32) -> ContributedAggregate {
    ContributedAggregate {
        group: WIELICZKA_CLASS.into(),
        indicator: "ODPADY_SELEKT_PROC".into(),
        year: 2024,
        n,
        q1: None,
        median: None,
        q3: None,
        p10: None,
        p90: None,
        mean: None,
        note: None,
    }
}

/// Wieliczka's folder after a release with `aggregates` (and no public values) was applied.
fn open_wieliczka_with(aggregates: &[ContributedAggregate]) -> (tempfile::TempDir, Monitor) {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("dane");
    Monitor::open(&data).expect("open").choose_unit("1219053").expect("Wieliczka");
    store_aggregates(&data, aggregates);
    let monitor = Monitor::open(&data).expect("reopen");
    (dir, monitor)
}

#[test]
fn a_type_size_group_without_public_values_is_answered_by_a_suppressed_aggregate() {
    let (_dir, monitor) = open_wieliczka_with(&[ContributedAggregate {
        note: Some("za mało danych w grupie".into()),
        ..in_wieliczka_class(3)
    }]);
    let view = monitor.benchmark("ODPADY_SELEKT_PROC", 2024, "type_size").expect("benchmark");
    assert_eq!(view.source, ComparisonSource::Contributed);
    assert_eq!(view.group.kind, GroupKind::TypeSize);
    assert_eq!(view.group.label, "gminy miejsko-wiejskie, 50–100 tys. mieszkańców");
    assert_eq!(view.suppressed, Some(true));
    let reason = view.reason.expect("reason");
    assert!(reason.starts_with("za mało danych w grupie"), "{reason}");
    assert!(reason.contains("mniej niż 5 jednostek"), "{reason}");
    assert_eq!(
        view.stats,
        StatsView {
            n: 3,
            q1: None,
            median: None,
            q3: None,
            mean: None,
            min: None,
            max: None,
            p10: None,
            p90: None,
        }
    );
    assert!(view.members.is_empty(), "contributors are never listed");
    assert_eq!((view.percentile_rank, view.rank), (None, None));
}

#[test]
fn a_published_aggregate_gives_its_figures_and_the_own_value_beside_them() {
    // What the association publishes for twelve contributions 40…51: type 7 quartiles and the
    // mean, but no tails below 20 contributors.
    let (dir, mut monitor) = open_wieliczka_with(&[ContributedAggregate {
        q1: Some(42.75),
        median: Some(45.5),
        q3: Some(48.25),
        mean: Some(45.5),
        ..in_wieliczka_class(12)
    }]);
    let own_values = "wskaznik_kod;rok;wartosc\nODPADY_SELEKT_PROC;2024;52,5\n";
    let own = write(dir.path(), "wlasne.csv", own_values);
    monitor.import_values(&own, false).expect("own values");
    let view = monitor.benchmark("ODPADY_SELEKT_PROC", 2024, "type_size").expect("benchmark");
    assert_eq!(
        (view.source, view.suppressed, view.reason.as_deref()),
        (ComparisonSource::Contributed, Some(false), None)
    );
    assert_eq!(view.own.value, Some(52.5));
    assert_eq!(
        view.stats,
        StatsView {
            n: 12,
            q1: Some(42.75),
            median: Some(45.5),
            q3: Some(48.25),
            mean: Some(45.5),
            // Only aggregates are published: no extremes, no position among members.
            min: None,
            max: None,
            p10: None,
            p90: None,
        }
    );
    assert!(view.members.is_empty(), "contributors are never listed");
    assert_eq!((view.percentile_rank, view.rank), (None, None));
    // Contributed values reach a benchmark only as type_size aggregates: any other group is
    // computed from public values, and there are none.
    let powiat = monitor.benchmark("ODPADY_SELEKT_PROC", 2024, "powiat").expect("powiat");
    assert_eq!(
        (powiat.source, powiat.stats.n, powiat.suppressed),
        (ComparisonSource::Public, 0, None)
    );
}

/// Defect (issue 13): the screens offered 2010–2024 whatever the data held, so a 2025 release
/// could not be compared. The years now come from the data.
#[test]
fn the_years_offered_come_from_the_data_including_a_year_newer_than_the_program() {
    let (dir, mut monitor) = wielicki_school_costs();
    let newer = write(
        dir.path(),
        "peers_2025.csv",
        "teryt;wskaznik_kod;rok;wartosc\n\
         1219012;WYD_80101;2025;13000000\n1219012;UCZ_SP;2025;1200\n\
         1219053;LUD_OGOLEM;2025;70100\n",
    );
    monitor.import_peers(&newer, false).expect("peers 2025");
    assert_eq!(monitor.indicator_years("WYD_SP_NA_UCZNIA").expect("years"), [2025, 2024]);
    assert_eq!(monitor.indicator_years("WYD_80101").expect("years"), [2025, 2024]);
    let costs = monitor.cost_years().expect("cost years");
    assert_eq!(costs.years.first(), Some(&2025));
    assert!(costs.years.contains(&2024), "{:?}", costs.years);
    assert_eq!(costs.price_base_years.first(), Some(&2024));
    assert_eq!(costs.price_base_years.last(), Some(&2009));
    let unknown = monitor.indicator_years("NIE_MA_TAKIEGO").expect_err("unknown");
    assert_eq!(unknown.kind(), ErrorKind::InvalidInput);
}

#[test]
fn group_labels_and_the_suppression_reason_follow_the_language() {
    let (_dir, monitor) = open_wieliczka_with(&[in_wieliczka_class(3)]);
    let view = jst_text::with_language(jst_text::Lang::En, || {
        monitor.benchmark("ODPADY_SELEKT_PROC", 2024, "type_size")
    })
    .expect("benchmark");
    assert_eq!(view.group.label, "urban-rural gminas, 50–100 thousand inhabitants");
    assert_eq!(
        view.reason.as_deref(),
        Some(
            "too little data in the group – the association does not publish the statistics of \
             a group in which fewer than 5 units have contributed data"
        )
    );
    let polish = monitor.benchmark("ODPADY_SELEKT_PROC", 2024, "type_size").expect("benchmark");
    assert_eq!(polish.group.label, "gminy miejsko-wiejskie, 50–100 tys. mieszkańców");
    // An error renders its words when shown: the user's language then.
    let refused = jst_text::with_language(jst_text::Lang::En, || {
        let err = monitor.benchmark("ODPADY_SELEKT_PROC", 2024, "sąsiedzi").map(|_| ());
        err.map_err(|e| (e.kind(), e.to_string())).expect_err("an unknown group")
    });
    assert_eq!(refused.0, ErrorKind::InvalidInput);
    assert_eq!(
        refused.1,
        "invalid value: unknown group “sąsiedzi”; available: type_size, voivodeship, powiat, \
         all, nearest:K, custom:NAME, units:T1,T2"
    );
}
