//! Where the own unit stands in a group, in one pass over the values: the count, the median and
//! the own position (DESIGN §5.4) — all an overview of hundreds of indicators shows per
//! indicator, without the quartiles, tails and mean of [`crate::group_stats`] that it does not.

use jst_domain::Polarity;

use crate::{own_position, Position};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Standing {
    /// Units with a value, the own unit included.
    pub n: usize,
    /// Type 7 median, equal to [`crate::GroupStats::median`] of the same values.
    pub median: f64,
    /// `None` without an own value.
    pub position: Option<Position>,
}

/// `values` are the group's, the own unit's included; `None` when none is finite. `scratch` is
/// reused between calls so an overview allocates once.
pub fn standing(
    values: &[f64],
    own: Option<f64>,
    polarity: Polarity,
    scratch: &mut Vec<f64>,
) -> Option<Standing> {
    scratch.clear();
    scratch.extend(values.iter().copied().filter(|v| v.is_finite()));
    let n = scratch.len();
    if n == 0 {
        return None;
    }
    let position = own.and_then(|own| own_position(scratch, own, polarity));
    Some(Standing { n, median: median(scratch), position })
}

/// Type 7 median by selection, O(n), with polars' interpolation (`p · (upper − lower) + lower`,
/// the lower value itself when both are equal), so it equals `group_stats`' bit for bit.
fn median(values: &mut [f64]) -> f64 {
    let h = (values.len() - 1) as f64 * 0.5;
    let idx = h as usize;
    let (_, lower, above) = values.select_nth_unstable_by(idx, f64::total_cmp);
    let lower = *lower;
    if h == idx as f64 {
        return lower;
    }
    let upper = above.iter().copied().min_by(f64::total_cmp).unwrap_or(lower);
    if lower == upper {
        lower
    } else {
        (h - idx as f64) * (upper - lower) + lower
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::group_stats;
    use proptest::prelude::*;

    #[test]
    fn hand_computed_cases() {
        let mut scratch = Vec::new();
        assert_eq!(standing(&[f64::NAN], Some(1.0), Polarity::HigherIsBetter, &mut scratch), None);
        let four = standing(
            &[4.0, 1.0, 3.0, 2.0, f64::NAN],
            Some(3.0),
            Polarity::HigherIsBetter,
            &mut scratch,
        )
        .expect("n = 4");
        assert_eq!((four.n, four.median), (4, 2.5));
        let position = four.position.expect("own value");
        assert_eq!((position.percentile_rank, position.rank), (62.5, Some(2)));
        let odd = standing(&[5.0, 1.0, 3.0], None, Polarity::Neutral, &mut scratch).expect("n = 3");
        assert_eq!((odd.n, odd.median, odd.position), (3, 3.0, None));
    }

    proptest! {
        #[test]
        fn agrees_with_group_stats_and_own_position(
            values in proptest::collection::vec(prop_oneof![-1e6f64..1e6, Just(f64::NAN), Just(7.0)], 0..60),
            own in proptest::option::of(prop_oneof![-1e6f64..1e6, Just(7.0)]),
        ) {
            let mut all = values.clone();
            all.extend(own);
            let mut scratch = Vec::new();
            let got = standing(&all, own, Polarity::LowerIsBetter, &mut scratch);
            let stats = group_stats(&all).expect("stats");
            match (got, stats) {
                (None, None) => {}
                (Some(s), Some(g)) => {
                    prop_assert_eq!(s.n, g.n);
                    prop_assert_eq!(s.median.to_bits(), g.median.to_bits(), "{} {}", s.median, g.median);
                    let expected = own.and_then(|o| own_position(&all, o, Polarity::LowerIsBetter));
                    prop_assert_eq!(s.position, expected);
                }
                (a, b) => prop_assert!(false, "{:?} {:?}", a, b),
            }
        }
    }
}
