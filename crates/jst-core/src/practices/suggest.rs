//! Practices linked to what lags (issue 14, item 7): where the own unit is in the weakest
//! quartile of its `type_size` group on a catalogue indicator, or an indicator of the active
//! strategy deteriorates or is far from its target, the practices tagged with that indicator,
//! first those of units of the same kind and size that are in the best quartile of the group,
//! each with the reason in words.
//!
//! Only indicators some practice is tagged with are looked at: an indicator that lags with no
//! practice to offer suggests nothing, and the base is small beside the catalogue. No strategy
//! or no peer data is normal: the suggestions are then only fewer.

use std::collections::{BTreeMap, HashMap, HashSet};

use jst_analytics::own_position;
use jst_domain::strategy::Status;
use jst_domain::{fold_for_search, size_class_code, Polarity, Teryt, UnitKind};
use jst_store::{IndicatorRecord, PracticeHit, PracticeQuery};
use jst_text::t;
use serde::Serialize;

use super::search::{view, PracticeView};
use crate::comparison::{indicator_years, Comparison};
use crate::strategy::strategy_status;
use crate::units::own_record;
use crate::{Error, ErrorKind, Result};

/// Fewest units with a value (the own unit included) for quartiles to mean anything: with
/// three, every unit is its own "quartile" and the weakest is merely the last.
const MIN_GROUP: usize = 4;

/// Why an indicator lags, most pressing first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Lag {
    /// A strategy indicator's status is "pogorszenie".
    Deteriorating,
    /// A strategy indicator shows "niewielki postęp", or its target year passed unmet.
    FarFromTarget,
    /// The own unit is in the weakest quartile of its `type_size` group.
    WeakestQuartile,
}

/// Why this practice is offered for the indicator, in the order they are offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum SuggestionBasis {
    /// A unit of the same kind and size class that is in the best quartile of the own unit's
    /// group on the indicator.
    SameKindSizeBestQuartile,
    /// A unit of the same kind and size class.
    SameKindSize,
    /// Any other unit with a practice tagged with the indicator.
    Other,
}

/// A practice proposed for an indicator that lags. `jst practices suggest --format json`
/// prints `practice`, `indicator` and `reason` only; the rest is for the window.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PracticeSuggestionView {
    pub practice: PracticeView,
    /// Code of the indicator that lags.
    pub indicator: String,
    /// Its name in the user's language (the catalogue's, else the strategy's).
    pub indicator_name: String,
    pub lag: Lag,
    /// The year the lag was seen: the latest value behind the strategy status, or the year of
    /// the group comparison.
    pub year: i32,
    pub basis: SuggestionBasis,
    /// Why, in words: the indicator, how it lags and in which year, and why this practice.
    pub reason: String,
}

/// An indicator that lags.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Lagging {
    pub code: String,
    pub name: String,
    pub lag: Lag,
    pub year: i32,
}

/// A practice tagged with a lagging indicator, with what is known of its unit.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Candidate {
    pub practice: PracticeView,
    pub unit_kind: UnitKind,
    pub basis: SuggestionBasis,
}

/// The practices for what lags: every lagging indicator (`None`) or only `only`, for the
/// strategy evaluated in `status_year` (the Pulpit's year).
pub(crate) fn suggest_practices(
    c: &Comparison<'_>,
    status_year: i32,
    only: Option<&str>,
) -> Result<Vec<PracticeSuggestionView>> {
    let own = own_record(c.local)?;
    let mut tagged: BTreeMap<String, Vec<PracticeHit>> = BTreeMap::new();
    for hit in c.peers.search_practices(&PracticeQuery::default())? {
        // The unit's own practice is no news to it.
        if identity(&hit.teryt).is_some_and(|i| i == own.identity) {
            continue;
        }
        for code in &hit.indicators {
            if only.is_none_or(|o| o == code) {
                tagged.entry(code.clone()).or_default().push(hit.clone());
            }
        }
    }
    if tagged.is_empty() {
        return Ok(Vec::new());
    }
    let mut lags: HashMap<String, Lagging> = strategy_lags(c, status_year, &tagged)?;
    let mut candidates: HashMap<String, Vec<Candidate>> = HashMap::new();
    for (code, hits) in &tagged {
        let indicator = c.local.indicator(code)?.filter(|i| i.origin == "catalogue");
        let picture = match &indicator {
            Some(indicator) => picture(c, indicator, hits)?,
            None => None,
        };
        if let (Some(indicator), Some(p)) = (&indicator, &picture) {
            if !lags.contains_key(code) && p.own_quartile == Some(4) {
                let name = indicator.name().to_owned();
                let lag = Lag::WeakestQuartile;
                lags.insert(code.clone(), Lagging { code: code.clone(), name, lag, year: p.year });
            }
        }
        let Some(lagging) = lags.get(code) else { continue };
        let year = picture.as_ref().map_or(lagging.year, |p| p.year);
        let population = c.units.population_near(year);
        let own_class = population.get(&own.identity).map(|p| size_class_code(own.kind, *p));
        let list = hits
            .iter()
            .map(|hit| {
                let unit = identity(&hit.teryt);
                let class = hit
                    .population
                    .map(|p| p as f64)
                    .or_else(|| unit.as_ref().and_then(|u| population.get(u).copied()))
                    .map(|p| size_class_code(hit.unit_kind, p));
                let alike = hit.unit_kind == own.kind && class.is_some() && class == own_class;
                let best =
                    alike && picture.as_ref().zip(unit.as_ref()).is_some_and(|(p, u)| p.is_best(u));
                let basis = match (alike, best) {
                    (true, true) => SuggestionBasis::SameKindSizeBestQuartile,
                    (true, false) => SuggestionBasis::SameKindSize,
                    _ => SuggestionBasis::Other,
                };
                Candidate { practice: view(hit.clone()), unit_kind: hit.unit_kind, basis }
            })
            .collect();
        candidates.insert(code.clone(), list);
    }
    Ok(arrange(lags.into_values().collect(), candidates, own.kind))
}

/// The active strategy's indicators that deteriorate or are far from their targets, among the
/// `tagged` ones; none without an active strategy.
fn strategy_lags(
    c: &Comparison<'_>,
    year: i32,
    tagged: &BTreeMap<String, Vec<PracticeHit>>,
) -> Result<HashMap<String, Lagging>> {
    let status = match strategy_status(c.local, year) {
        Ok(status) => status,
        Err(Error::NoActiveStrategy) => return Ok(HashMap::new()),
        Err(e) => return Err(e),
    };
    let mut lags: HashMap<String, Lagging> = HashMap::new();
    for i in status.indicators {
        let Some(lag) = strategy_lag(i.status, i.target_missed) else { continue };
        if !tagged.contains_key(&i.code) {
            continue;
        }
        let name = match c.local.indicator(&i.code)? {
            Some(known) => known.name().to_owned(),
            None => i.name.clone(),
        };
        let year = i.latest.map_or(year, |l| l.year);
        let lagging = Lagging { code: i.code.clone(), name, lag, year };
        // An indicator attached to several nodes lags once, the most pressing way.
        match lags.get(&i.code) {
            Some(known) if known.lag <= lag => {}
            _ => {
                lags.insert(i.code, lagging);
            }
        }
    }
    Ok(lags)
}

/// How a strategy status lags, if it does.
fn strategy_lag(status: Status, target_missed: bool) -> Option<Lag> {
    match status {
        Status::Deterioration => Some(Lag::Deteriorating),
        Status::LimitedProgress => Some(Lag::FarFromTarget),
        Status::Achieved => None,
        _ if target_missed => Some(Lag::FarFromTarget),
        _ => None,
    }
}

/// The own unit's group on one indicator in the latest year with its own value and a group
/// large enough for quartiles, and the values of the practices' units that year.
struct Picture {
    year: i32,
    polarity: Polarity,
    /// Every value the group's statistics count, the own unit's included.
    all: Vec<f64>,
    /// Identities of the group's units with a value, the own unit's excluded.
    members: HashSet<String>,
    own_quartile: Option<u8>,
    /// Values of the practices' units by identity.
    units: HashMap<String, f64>,
}

impl Picture {
    /// Whether the unit would be in the best quartile of the own unit's group.
    fn is_best(&self, identity: &str) -> bool {
        let Some(value) = self.units.get(identity).copied() else { return false };
        let mut all = self.all.clone();
        if !self.members.contains(identity) {
            all.push(value);
        }
        own_position(&all, value, self.polarity)
            .and_then(|p| quartile(p.percentile_rank, self.polarity))
            == Some(1)
    }
}

fn picture(
    c: &Comparison<'_>,
    indicator: &IndicatorRecord,
    hits: &[PracticeHit],
) -> Result<Option<Picture>> {
    let polarity = Polarity::from_code(&indicator.polarity);
    let teryts: Vec<&str> =
        hits.iter().map(|h| h.teryt.as_str()).filter(|t| identity(t).is_some()).collect();
    for year in indicator_years(c.local, c.peers, &indicator.code)? {
        let group = match c.group_context("type_size", year) {
            Ok(group) => group,
            // A year without what the group needs (its population) is not compared.
            Err(e) if e.kind() == ErrorKind::MissingData => continue,
            Err(e) => return Err(e),
        };
        let Some(values) =
            c.group_values_many(std::slice::from_ref(indicator), year, &group)?.pop()
        else {
            continue;
        };
        let Some(own) = values.own else { continue };
        let all = values.all();
        if all.len() < MIN_GROUP {
            continue;
        }
        let members = values.others.iter().map(|(m, _)| group.member(*m).identity.clone());
        let mut units = HashMap::new();
        if !teryts.is_empty() {
            let practices = c.group_context(&format!("units:{}", teryts.join(",")), year)?;
            if let Some(v) =
                c.group_values_many(std::slice::from_ref(indicator), year, &practices)?.pop()
            {
                for (m, value) in v.others {
                    units.insert(practices.member(m).identity.clone(), value);
                }
            }
        }
        return Ok(Some(Picture {
            year,
            polarity,
            own_quartile: own_position(&all, own, polarity)
                .and_then(|p| quartile(p.percentile_rank, polarity)),
            all,
            members: members.collect(),
            units,
        }));
    }
    Ok(None)
}

/// The quartile of the group a percentile rank falls in, 1 = best, turned by polarity: the
/// window's `quartile()` (ui/src/lib/peers.ts). `None` for a neutral indicator, which is
/// neither better nor worse.
pub(crate) fn quartile(percentile_rank: f64, polarity: Polarity) -> Option<u8> {
    let from_top = match polarity {
        Polarity::LowerIsBetter => percentile_rank,
        Polarity::HigherIsBetter => 100.0 - percentile_rank,
        Polarity::Neutral => return None,
    };
    Some(match from_top {
        f if f <= 25.0 => 1,
        f if f <= 50.0 => 2,
        f if f <= 75.0 => 3,
        _ => 4,
    })
}

fn identity(teryt: &str) -> Option<String> {
    Teryt::parse_lookup(teryt).ok()
}

/// The suggestions in order: lags by how pressing (deteriorating, far from target, weakest
/// quartile), then by indicator name; within an indicator by basis, then practice number.
pub(crate) fn arrange(
    mut lags: Vec<Lagging>,
    mut candidates: HashMap<String, Vec<Candidate>>,
    own_kind: UnitKind,
) -> Vec<PracticeSuggestionView> {
    lags.sort_by(|a, b| {
        (a.lag, fold_for_search(&a.name), &a.code).cmp(&(b.lag, fold_for_search(&b.name), &b.code))
    });
    let mut out = Vec::new();
    for lagging in lags {
        let Some(mut list) = candidates.remove(&lagging.code) else { continue };
        list.sort_by_key(|c| (c.basis, c.practice.id));
        for candidate in list {
            out.push(PracticeSuggestionView {
                reason: reason(&lagging, &candidate, own_kind),
                indicator: lagging.code.clone(),
                indicator_name: lagging.name.clone(),
                lag: lagging.lag,
                year: lagging.year,
                basis: candidate.basis,
                practice: candidate.practice,
            });
        }
    }
    out
}

fn reason(lagging: &Lagging, candidate: &Candidate, own_kind: UnitKind) -> String {
    let (indicator, year) = (lagging.name.as_str(), lagging.year);
    let lag = match lagging.lag {
        Lag::Deteriorating => {
            t!("core-suggest-lag-deteriorating", indicator = indicator, year = year)
        }
        Lag::FarFromTarget => t!("core-suggest-lag-far", indicator = indicator, year = year),
        Lag::WeakestQuartile => t!("core-suggest-lag-weakest", indicator = indicator, year = year),
    };
    let kind = candidate.unit_kind.label();
    let basis = match candidate.basis {
        SuggestionBasis::SameKindSizeBestQuartile => t!("core-suggest-basis-best", kind = kind),
        SuggestionBasis::SameKindSize => t!("core-suggest-basis-same", kind = kind),
        SuggestionBasis::Other if candidate.unit_kind == own_kind => {
            t!("core-suggest-basis-other-size", kind = kind)
        }
        SuggestionBasis::Other => t!("core-suggest-basis-other-kind", kind = kind),
    };
    t!("core-suggest-reason", lag = lag, basis = basis)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quartiles_turn_with_polarity_like_the_window() {
        // The same table as ui/src/lib/peers.test.ts.
        for (rank, polarity, expected) in [
            (90.0, Polarity::HigherIsBetter, Some(1)),
            (75.0, Polarity::HigherIsBetter, Some(1)),
            (60.0, Polarity::HigherIsBetter, Some(2)),
            (30.0, Polarity::HigherIsBetter, Some(3)),
            (10.0, Polarity::HigherIsBetter, Some(4)),
            (10.0, Polarity::LowerIsBetter, Some(1)),
            (80.0, Polarity::LowerIsBetter, Some(4)),
            (10.0, Polarity::Neutral, None),
        ] {
            assert_eq!(quartile(rank, polarity), expected, "{rank} {polarity:?}");
        }
    }

    #[test]
    fn strategy_statuses_that_lag() {
        for (status, missed, expected) in [
            (Status::Deterioration, false, Some(Lag::Deteriorating)),
            (Status::Deterioration, true, Some(Lag::Deteriorating)),
            (Status::LimitedProgress, false, Some(Lag::FarFromTarget)),
            (Status::AccelerationNeeded, true, Some(Lag::FarFromTarget)),
            (Status::NoData, true, Some(Lag::FarFromTarget)),
            (Status::Achieved, true, None),
            (Status::AccelerationNeeded, false, None),
            (Status::OnTrack, false, None),
            (Status::NoData, false, None),
        ] {
            assert_eq!(strategy_lag(status, missed), expected, "{status:?} {missed}");
        }
    }

    const OWN: UnitKind = UnitKind::GminaMiejskoWiejska;

    fn lagging(code: &str, name: &str, lag: Lag) -> Lagging {
        Lagging { code: code.to_owned(), name: name.to_owned(), lag, year: 2024 }
    }

    fn candidate(id: i32, kind: UnitKind, basis: SuggestionBasis) -> Candidate {
        let practice = PracticeView {
            id,
            title: format!("Praktyka {id}"),
            area: jst_domain::PracticeArea::UslugiSpoleczne,
            teryt: "0201011".to_owned(),
            unit_name: "Bolesławiec".to_owned(),
            indicators: vec![],
        };
        Candidate { practice, unit_kind: kind, basis }
    }

    #[test]
    fn suggestions_come_by_lag_then_name_and_within_by_basis_then_number() {
        use SuggestionBasis::*;
        let mmw = UnitKind::GminaMiejskoWiejska;
        let lags = vec![
            lagging("Q", "Czytelnicy", Lag::WeakestQuartile),
            lagging("F2", "Zużycie wody", Lag::FarFromTarget),
            lagging("F1", "Bezrobocie", Lag::FarFromTarget),
            lagging("D", "Noclegi", Lag::Deteriorating),
            lagging("NONE", "Bez praktyk", Lag::Deteriorating),
        ];
        let candidates = HashMap::from([
            (
                "Q".to_owned(),
                vec![
                    candidate(9, UnitKind::Powiat, Other),
                    candidate(7, mmw, SameKindSize),
                    candidate(8, mmw, SameKindSizeBestQuartile),
                    candidate(3, mmw, SameKindSize),
                ],
            ),
            ("F1".to_owned(), vec![candidate(8, mmw, Other)]),
            ("F2".to_owned(), vec![candidate(1, mmw, SameKindSize)]),
            ("D".to_owned(), vec![candidate(2, UnitKind::GminaWiejska, Other)]),
        ]);
        let out = arrange(lags, candidates, OWN);
        let order: Vec<(&str, i32, SuggestionBasis)> =
            out.iter().map(|s| (s.indicator.as_str(), s.practice.id, s.basis)).collect();
        assert_eq!(
            order,
            [
                ("D", 2, Other),
                ("F1", 8, Other),
                ("F2", 1, SameKindSize),
                ("Q", 8, SameKindSizeBestQuartile),
                ("Q", 3, SameKindSize),
                ("Q", 7, SameKindSize),
                ("Q", 9, Other),
            ]
        );
        assert_eq!(out[0].lag, Lag::Deteriorating);
        assert_eq!(out[0].indicator_name, "Noclegi");
        assert_eq!(out[0].year, 2024);
    }

    #[test]
    fn reasons_name_the_indicator_the_lag_with_its_year_and_the_basis() {
        use SuggestionBasis::*;
        let mmw = UnitKind::GminaMiejskoWiejska;
        let words = |lag: Lag, kind: UnitKind, basis: SuggestionBasis| {
            jst_text::with_language(jst_text::Lang::Pl, || {
                let lags = vec![lagging("X", "Wypożyczenia", lag)];
                let candidates = HashMap::from([("X".to_owned(), vec![candidate(1, kind, basis)])]);
                arrange(lags, candidates, OWN).remove(0).reason
            })
        };
        assert_eq!(
            words(Lag::Deteriorating, mmw, SameKindSizeBestQuartile),
            "Pogorszenie wskaźnika „Wypożyczenia” w 2024 r.; praktyka z jednostki tego samego \
             rodzaju i wielkości (gmina miejsko-wiejska), która jest w najlepszej ćwiartce grupy."
        );
        let far = words(Lag::FarFromTarget, mmw, SameKindSize);
        assert!(far.contains("daleko od celu") && far.contains("2024"), "{far}");
        assert!(far.ends_with("tego samego rodzaju i wielkości (gmina miejsko-wiejska)."), "{far}");
        let weakest = words(Lag::WeakestQuartile, UnitKind::Powiat, Other);
        assert!(weakest.contains("najsłabszej ćwiartce grupy"), "{weakest}");
        assert!(weakest.contains("innego rodzaju (powiat)"), "{weakest}");
        let other_size = words(Lag::WeakestQuartile, mmw, Other);
        assert!(other_size.contains("innej wielkości"), "{other_size}");
        let en = jst_text::with_language(jst_text::Lang::En, || {
            let lags = vec![lagging("X", "Loans", Lag::Deteriorating)];
            let candidates = HashMap::from([(
                "X".to_owned(),
                vec![candidate(1, mmw, SameKindSizeBestQuartile)],
            )]);
            arrange(lags, candidates, OWN).remove(0).reason
        });
        assert!(en.starts_with("“Loans” deteriorated in 2024"), "{en}");
        assert!(en.contains("best quartile"), "{en}");
    }

    #[test]
    fn nothing_lags_nothing_is_suggested() {
        let candidates = HashMap::from([(
            "X".to_owned(),
            vec![candidate(1, UnitKind::Powiat, SuggestionBasis::Other)],
        )]);
        assert!(arrange(Vec::new(), candidates, OWN).is_empty());
    }
}
