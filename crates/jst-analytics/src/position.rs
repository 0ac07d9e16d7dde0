//! The own unit's position in a group and the order of members, DESIGN §5.4.

use std::cmp::Ordering;

use jst_domain::Polarity;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Position {
    /// Mid-rank percentile: 100 · (count(v < x) + ½ · count(v = x)) / n.
    pub percentile_rank: f64,
    /// 1 + the number of units strictly better; `None` for a neutral indicator.
    pub rank: Option<usize>,
}

/// Position of `own` among `values` (which include it). `None` without values.
pub fn own_position(values: &[f64], own: f64, polarity: Polarity) -> Option<Position> {
    let finite: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    if finite.is_empty() || !own.is_finite() {
        return None;
    }
    let below = finite.iter().filter(|v| **v < own).count() as f64;
    let equal = finite.iter().filter(|v| **v == own).count() as f64;
    let percentile_rank = 100.0 * (below + 0.5 * equal) / finite.len() as f64;
    let better = match polarity {
        Polarity::HigherIsBetter => Some(finite.iter().filter(|v| **v > own).count()),
        Polarity::LowerIsBetter => Some(finite.iter().filter(|v| **v < own).count()),
        Polarity::Neutral => None,
    };
    Some(Position { percentile_rank, rank: better.map(|b| b + 1) })
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub teryt: String,
    pub name: String,
    pub value: f64,
}

/// Best first by polarity (neutral: descending value), ties by TERYT.
pub fn order_members(mut members: Vec<Member>, polarity: Polarity) -> Vec<Member> {
    members.retain(|m| m.value.is_finite());
    members.sort_by(|a, b| {
        let by_value = match polarity {
            Polarity::LowerIsBetter => a.value.total_cmp(&b.value),
            Polarity::HigherIsBetter | Polarity::Neutral => b.value.total_cmp(&a.value),
        };
        match by_value {
            Ordering::Equal => a.teryt.cmp(&b.teryt),
            other => other,
        }
    });
    members
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ties_and_polarity() {
        let values = [1.0, 2.0, 2.0, 3.0];
        let p = own_position(&values, 2.0, Polarity::HigherIsBetter).expect("position");
        assert_eq!(p.percentile_rank, 50.0);
        assert_eq!(p.rank, Some(2));
        let low = own_position(&values, 2.0, Polarity::LowerIsBetter).expect("position");
        assert_eq!(low.rank, Some(2));
        assert_eq!(
            own_position(&values, 3.0, Polarity::LowerIsBetter).and_then(|p| p.rank),
            Some(4)
        );
        assert_eq!(own_position(&values, 2.0, Polarity::Neutral).and_then(|p| p.rank), None);
        assert_eq!(
            own_position(&[7.0], 7.0, Polarity::HigherIsBetter)
                .map(|p| (p.percentile_rank, p.rank)),
            Some((50.0, Some(1)))
        );
        assert_eq!(own_position(&[], 1.0, Polarity::Neutral), None);
    }

    #[test]
    fn members_best_first_ties_by_teryt() {
        let m = |t: &str, v: f64| Member { teryt: t.into(), name: t.into(), value: v };
        let members = vec![m("3", 1.0), m("2", 5.0), m("1", 5.0), m("4", f64::NAN)];
        let higher: Vec<String> = order_members(members.clone(), Polarity::HigherIsBetter)
            .into_iter()
            .map(|m| m.teryt)
            .collect();
        assert_eq!(higher, ["1", "2", "3"]);
        let lower: Vec<String> =
            order_members(members, Polarity::LowerIsBetter).into_iter().map(|m| m.teryt).collect();
        assert_eq!(lower, ["3", "1", "2"]);
    }

    proptest! {
        #[test]
        fn percentile_and_rank_agree_with_their_definitions(values in proptest::collection::vec(0i32..20, 1..40), pick in 0usize..40) {
            let values: Vec<f64> = values.into_iter().map(f64::from).collect();
            let own = values[pick % values.len()];
            let p = own_position(&values, own, Polarity::HigherIsBetter).expect("position");
            let n = values.len() as f64;
            let below = values.iter().filter(|v| **v < own).count() as f64;
            let equal = values.iter().filter(|v| **v == own).count() as f64;
            prop_assert_eq!(p.percentile_rank, 100.0 * (below + equal / 2.0) / n);
            let mut sorted = values.clone();
            sorted.sort_by(|a, b| b.total_cmp(a));
            let first_index = sorted.iter().position(|v| *v == own).expect("present");
            prop_assert_eq!(p.rank, Some(first_index + 1));
        }
    }
}
