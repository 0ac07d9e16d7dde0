//! Contributed values become group aggregates for the `type_size` partition only (DESIGN §8):
//! quartiles with ≥ 10 contributors, mean with ≥ 5 and the p %-rule (p = 10), P10/P90 with
//! ≥ 20, never min/max, 3 significant digits; small counts of persons (1–4) are missing; a
//! published mean is held until ≥ 3 contributors joined or left. [`check_policy`] is the last
//! word: the builder refuses to write a release it rejects.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use jst_domain::{type_size_key, UnitKind};
use jst_release::AggregateRow;

pub const MIN_FOR_QUARTILES: usize = 10;
pub const MIN_FOR_MEAN: usize = 5;
pub const MIN_FOR_TAILS: usize = 20;
pub const P_PERCENT: f64 = 10.0;
pub const HOLD_CHANGES: usize = 3;
pub const SUPPRESSED_NOTE: &str = "za mało danych w grupie";
pub use jst_server_store::{Contribution, Published};

/// Three significant digits. Above ~1.795e308 rounding up would leave the doubles (`inf`);
/// such a value is kept as it is (and the release builder refuses it as beyond ±10^15).
pub fn round3(v: f64) -> f64 {
    format!("{v:.2e}").parse().ok().filter(|r: &f64| r.is_finite() || !v.is_finite()).unwrap_or(v)
}

/// Type 7 quantile of sorted values (as numpy's default and the desktop's statistics). Between
/// two neighbours of opposite sign near the largest doubles their difference overflows; the
/// weighted form then gives the same point without it.
fn quantile(sorted: &[f64], p: f64) -> f64 {
    let h = (sorted.len() - 1) as f64 * p;
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(sorted.len() - 1);
    let f = h - lo as f64;
    let q = sorted[lo] + f * (sorted[hi] - sorted[lo]);
    if q.is_finite() {
        q
    } else {
        sorted[lo] * (1.0 - f) + sorted[hi] * f
    }
}

/// Neumaier's compensated sum: exact to the last bit for any count of members (a plain sum of
/// 10 000 values near 10^15 loses the small ones), and infinite only when the true sum is.
fn compensated_sum(values: impl IntoIterator<Item = f64>) -> f64 {
    let (mut sum, mut carry) = (0.0f64, 0.0f64);
    for v in values {
        let t = sum + v;
        carry += if sum.abs() >= v.abs() { (sum - t) + v } else { (v - t) + sum };
        sum = t;
    }
    sum + carry
}

/// The mean, which cannot overflow: the middle value plus the mean deviation from it (a
/// compensated sum of small deviations, so 10 000 values near 10^15 keep their last digit;
/// finite for any values within ±10^15, n · 2·10^15 being far below 10^308), else a sum scaled
/// by the largest magnitude (values an older server stored, near the largest double). Kept
/// within the smallest and largest value, which a mean always lies between.
fn mean(sorted: &[f64]) -> f64 {
    let n = sorted.len() as f64;
    let (min, max) = (sorted[0], sorted[sorted.len() - 1]);
    let pivot = sorted[sorted.len() / 2];
    let deviation = compensated_sum(sorted.iter().map(|v| v - pivot));
    let mean = if deviation.is_finite() {
        pivot + deviation / n
    } else {
        let scale = min.abs().max(max.abs());
        scale * (compensated_sum(sorted.iter().map(|v| v / scale)) / n)
    };
    mean.clamp(min, max)
}

/// The p %-rule: the rest of the total must be at least p % of the largest contribution, so the
/// second largest contributor cannot estimate the largest within p %. The rest is summed on
/// its own (compensated), not as total − x1 − x2, which would cancel away small contributors
/// next to a dominant one and overflow with huge ones.
fn p_rule_allows(values: &[f64]) -> bool {
    if values.iter().any(|v| *v < 0.0) {
        return false;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(|a, b| b.total_cmp(a));
    let x1 = sorted[0];
    let rest = compensated_sum(sorted.iter().skip(2).copied());
    if rest.is_finite() || x1 == 0.0 {
        rest >= P_PERCENT / 100.0 * x1
    } else {
        compensated_sum(sorted.iter().skip(2).map(|v| v / x1)) >= P_PERCENT / 100.0
    }
}

/// Builds the aggregates and the means to remember as published.
pub fn build_aggregates(
    contributions: &[Contribution],
    kinds: &HashMap<String, UnitKind>,
    population: &dyn Fn(&str, i32) -> Option<f64>,
    person_count: &HashSet<String>,
    previous: &Published,
) -> (Vec<AggregateRow>, Published) {
    let mut cells: BTreeMap<(String, String, i32), Vec<(String, f64)>> = BTreeMap::new();
    for (teryt, indicator, year, value) in contributions {
        let identity = if teryt.len() == 7 { &teryt[..6] } else { teryt.as_str() };
        let (Some(kind), Some(pop)) = (kinds.get(identity), population(identity, *year)) else {
            continue;
        };
        if person_count.contains(indicator) && (1.0..=4.0).contains(value) {
            continue; // a small count of persons could identify them
        }
        let group = type_size_key(*kind, pop);
        cells
            .entry((group, indicator.clone(), *year))
            .or_default()
            .push((identity.to_owned(), *value));
    }
    let mut rows = Vec::new();
    let mut published = Published::new();
    for ((group, indicator, year), members) in cells {
        let n = members.len();
        let mut sorted: Vec<f64> = members.iter().map(|(_, v)| *v).collect();
        sorted.sort_by(f64::total_cmp);
        let quartiles = n >= MIN_FOR_QUARTILES;
        let tails = n >= MIN_FOR_TAILS;
        let contributors: BTreeSet<String> = members.iter().map(|(u, _)| u.clone()).collect();
        let key = (group.clone(), indicator.clone(), year);
        let mean = if n >= MIN_FOR_MEAN && p_rule_allows(&sorted) {
            let fresh = round3(mean(&sorted));
            let held = previous.get(&key).filter(|(_, before)| {
                before.symmetric_difference(&contributors).count() < HOLD_CHANGES
            });
            let (mean, set) = match held {
                Some((m, before)) => (*m, before.clone()),
                None => (fresh, contributors.clone()),
            };
            published.insert(key.clone(), (mean, set));
            Some(mean)
        } else {
            None
        };
        let q = |p: f64| quartiles.then(|| round3(quantile(&sorted, p)));
        rows.push(AggregateRow {
            group,
            indicator,
            year,
            // A cell has fewer contributors than there are units in the register.
            n: u32::try_from(n).unwrap_or(u32::MAX),
            q1: q(0.25),
            median: q(0.5),
            q3: q(0.75),
            p10: tails.then(|| round3(quantile(&sorted, 0.1))),
            p90: tails.then(|| round3(quantile(&sorted, 0.9))),
            mean,
            note: (!quartiles && mean.is_none()).then(|| SUPPRESSED_NOTE.to_owned()),
        });
    }
    (rows, published)
}

/// Every published cell must obey the policy; a release that breaks it is not written.
pub fn check_policy(rows: &[AggregateRow]) -> Result<(), String> {
    for r in rows {
        let at = format!("{} {} {}", r.group, r.indicator, r.year);
        let n = r.n as usize;
        if !r.group.starts_with("type_size:")
            || r.group
                .split(':')
                .any(|part| part.len() == 7 && part.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(format!(
                "{at}: agregaty publikuje się tylko dla grup type_size, bez kodów jednostek"
            ));
        }
        if (r.q1.is_some() || r.median.is_some() || r.q3.is_some()) && n < MIN_FOR_QUARTILES {
            return Err(format!(
                "{at}: kwartyle przy {} jednostkach (wymagane {MIN_FOR_QUARTILES})",
                r.n
            ));
        }
        if r.mean.is_some() && n < MIN_FOR_MEAN {
            return Err(format!(
                "{at}: średnia przy {} jednostkach (wymagane {MIN_FOR_MEAN})",
                r.n
            ));
        }
        if (r.p10.is_some() || r.p90.is_some()) && n < MIN_FOR_TAILS {
            return Err(format!(
                "{at}: P10/P90 przy {} jednostkach (wymagane {MIN_FOR_TAILS})",
                r.n
            ));
        }
        for v in [r.q1, r.median, r.q3, r.p10, r.p90, r.mean].into_iter().flatten() {
            if round3(v) != v {
                return Err(format!("{at}: wartość {v} nie jest zaokrąglona do 3 cyfr znaczących"));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jst_release::aggregates_csv;

    fn contributions(n: usize, indicator: &str) -> Vec<Contribution> {
        // Gminy miejsko-wiejskie of powiat wielicki and beyond: identities 1219x3, all 20–50 thousand.
        (0..n)
            .map(|i| {
                (
                    format!("12{:02}{:02}3", 10 + i / 9, 10 + i % 9),
                    indicator.to_owned(),
                    2024,
                    100.0 + i as f64,
                )
            })
            .collect()
    }

    fn kinds(rows: &[Contribution]) -> HashMap<String, UnitKind> {
        rows.iter().map(|(t, ..)| (t[..6].to_owned(), UnitKind::GminaMiejskoWiejska)).collect()
    }

    #[test]
    fn thresholds_follow_the_policy() {
        let population = |_: &str, _: i32| Some(30_000.0);
        for (n, quartiles, mean, tails) in [
            (4, false, false, false),
            (5, false, true, false),
            (10, true, true, false),
            (20, true, true, true),
        ] {
            let rows = contributions(n, "WSK");
            let (agg, _) = build_aggregates(
                &rows,
                &kinds(&rows),
                &population,
                &HashSet::new(),
                &Published::new(),
            );
            let r = &agg[0];
            assert_eq!(
                (r.n as usize, r.median.is_some(), r.mean.is_some(), r.p10.is_some()),
                (n, quartiles, mean, tails),
                "n = {n}"
            );
            assert_eq!(r.note.is_some(), !quartiles && !mean);
            check_policy(&agg).expect("policy");
            assert!(!aggregates_csv(&agg).contains("1210"), "no unit codes in the chunk");
        }
    }

    #[test]
    fn a_dominant_contributor_hides_the_mean_and_small_person_counts_are_missing() {
        let mut rows = contributions(6, "WSK");
        rows[0].3 = 1_000_000.0;
        let population = |_: &str, _: i32| Some(30_000.0);
        let (agg, _) =
            build_aggregates(&rows, &kinds(&rows), &population, &HashSet::new(), &Published::new());
        assert_eq!(agg[0].mean, None, "p%-rule");
        let mut persons = contributions(6, "OSOBY");
        persons[0].3 = 3.0;
        let (agg, _) = build_aggregates(
            &persons,
            &kinds(&persons),
            &population,
            &HashSet::from(["OSOBY".to_owned()]),
            &Published::new(),
        );
        assert_eq!(agg[0].n, 5, "a count of 3 persons is treated as missing");
    }

    #[test]
    fn a_published_mean_is_held_until_three_contributors_changed() {
        let rows = contributions(12, "WSK");
        let population = |_: &str, _: i32| Some(30_000.0);
        let (first, published) =
            build_aggregates(&rows, &kinds(&rows), &population, &HashSet::new(), &Published::new());
        let mut more = rows.clone();
        more.extend(contributions(14, "WSK").into_iter().skip(12)); // 2 joined
        let (second, _) =
            build_aggregates(&more, &kinds(&more), &population, &HashSet::new(), &published);
        assert_eq!(second[0].mean, first[0].mean, "held: only 2 changed");
        more.extend(contributions(15, "WSK").into_iter().skip(14)); // a 3rd joined
        let (third, _) =
            build_aggregates(&more, &kinds(&more), &population, &HashSet::new(), &published);
        assert_ne!(third[0].mean, first[0].mean);
    }

    proptest::proptest! {
        /// Whatever members contribute, every published cell obeys the policy and the chunk
        /// names no unit.
        #[test]
        fn every_published_cell_meets_the_policy(
            values in proptest::collection::vec((0usize..40, 0.0f64..1e6, 0usize..3), 0..120)
        ) {
            let rows: Vec<Contribution> = values
                .iter()
                .map(|(unit, v, ind)| (format!("12{:02}{:02}3", 10 + unit / 9, 10 + unit % 9), format!("W{ind}"), 2024, *v))
                .collect();
            let population = |id: &str, _: i32| Some(if id.ends_with('1') { 8_000.0 } else { 30_000.0 });
            let (agg, _) = build_aggregates(&rows, &kinds(&rows), &population, &HashSet::new(), &Published::new());
            proptest::prop_assert!(check_policy(&agg).is_ok());
            let csv = aggregates_csv(&agg);
            for (teryt, ..) in &rows {
                proptest::prop_assert!(!csv.contains(&teryt[..6]));
            }
        }
    }

    #[test]
    fn sums_of_many_values_near_the_limit_neither_overflow_nor_lose_digits() {
        // 10 000 members within 10^4 of 10^15: the exact mean is 10^15 − 4 999.5.
        let values: Vec<f64> = (0..10_000).map(|i| 1e15 - f64::from(i)).collect();
        let m = mean(&values.iter().rev().copied().collect::<Vec<_>>());
        assert_eq!(m, 1e15 - 4_999.5);
        assert_eq!(compensated_sum([1e15, 1.0, -1e15, 0.5]), 1.5, "no digit lost");
        let rows: Vec<Contribution> = contributions(30, "WSK")
            .into_iter()
            .enumerate()
            .map(|(i, (t, ind, y, _))| (t, ind, y, 1e15 - i as f64))
            .collect();
        let population = |_: &str, _: i32| Some(30_000.0);
        let (agg, _) =
            build_aggregates(&rows, &kinds(&rows), &population, &HashSet::new(), &Published::new());
        let r = &agg[0];
        for v in [r.q1, r.median, r.q3, r.p10, r.p90, r.mean] {
            assert_eq!(v, Some(1e15), "{r:?}");
        }
        check_policy(&agg).expect("policy");
    }

    #[test]
    fn the_largest_doubles_give_a_finite_mean_not_inf() {
        // What an older server stored: two or more of them overflowed the plain sum into inf.
        let max = f64::MAX;
        assert!([max, max].iter().sum::<f64>().is_infinite(), "the old arithmetic");
        let mut values = vec![max, max, max, max, max, max];
        assert_eq!(mean(&values), max);
        values[0] = -max;
        values.sort_by(f64::total_cmp);
        let m = mean(&values);
        assert!(m.is_finite() && (m - max / 6.0 * 4.0).abs() <= max * 1e-15, "{m}");
        assert_eq!(quantile(&[-max, max], 0.5), 0.0);
        assert!(p_rule_allows(&[max; 6]), "no NaN from an overflowing rest");
        let rows: Vec<Contribution> =
            contributions(6, "WSK").into_iter().map(|(t, ind, y, _)| (t, ind, y, max)).collect();
        let population = |_: &str, _: i32| Some(30_000.0);
        let (agg, _) =
            build_aggregates(&rows, &kinds(&rows), &population, &HashSet::new(), &Published::new());
        assert_eq!(agg[0].mean, Some(max), "finite, for the builder to refuse by name");
    }

    #[test]
    fn the_policy_check_refuses_what_breaks_it() {
        let bad = AggregateRow {
            group: "type_size:gmina_wiejska:0-5000".into(),
            indicator: "WSK".into(),
            year: 2024,
            n: 4,
            q1: None,
            median: None,
            q3: None,
            p10: None,
            p90: None,
            mean: Some(12.0),
            note: None,
        };
        assert!(check_policy(std::slice::from_ref(&bad)).is_err());
        assert!(check_policy(&[AggregateRow {
            group: "units:1219053".into(),
            n: 30,
            ..bad.clone()
        }])
        .is_err());
        assert!(check_policy(&[AggregateRow { n: 5, mean: Some(12.345), ..bad }]).is_err());
    }

    /// The aggregates chunk of a fixed set of contributions, as releases have carried it: the
    /// text and the chunk's hash (its name) must not change, or every client re-downloads it.
    #[test]
    fn the_aggregates_chunk_keeps_its_bytes() {
        let unit = |i: usize| format!("12{:02}{:02}3", 10 + i / 9, 10 + i % 9);
        let rows: Vec<Contribution> = (0..23)
            .map(|i| (unit(i), "WSK".to_owned(), 2024, 100.0 + (i as f64) * 1.37))
            .chain(
                (0..12).map(|i| (unit(i), "MALY".to_owned(), 2022, 0.0123 + (i as f64) * 0.001_37)),
            )
            .chain((0..3).map(|i| (unit(i), "INNY".to_owned(), 2023, 0.5)))
            .collect();
        let population = |_: &str, _: i32| Some(30_000.0);
        let (agg, _) =
            build_aggregates(&rows, &kinds(&rows), &population, &HashSet::new(), &Published::new());
        let text = aggregates_csv(&agg);
        assert_eq!(
            text,
            "grupa;wskaznik_kod;rok;n;q1;mediana;q3;p10;p90;srednia;uwaga\n\
             type_size:gmina_miejsko_wiejska:20000-50000;INNY;2023;3;;;;;;;za mało danych w grupie\n\
             type_size:gmina_miejsko_wiejska:20000-50000;MALY;2022;12;0.0161;0.0198;0.0236;;;0.0198;\n\
             type_size:gmina_miejsko_wiejska:20000-50000;WSK;2024;23;108;115;123;103;127;115;\n"
        );
        assert_eq!(
            jst_release::sha256_hex(&jst_release::encode_chunk(text.as_bytes())),
            "31d7c7fe3cc9747f44f6652118c64369b65a55bd1e2d8a1bae5b39d442b20c6b"
        );
    }
}
