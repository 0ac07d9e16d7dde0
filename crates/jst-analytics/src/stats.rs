//! Group statistics of DESIGN §5.4 over the values of G ∪ {own unit}.

use polars::prelude::*;

use crate::Error;

/// Statistics over the units that have a value. Quantiles interpolate linearly between order
/// statistics (type 7, numpy's default); P10/P90 only with 20 values or more.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GroupStats {
    pub n: usize,
    pub q1: f64,
    pub median: f64,
    pub q3: f64,
    pub mean: f64,
    pub min: f64,
    pub max: f64,
    pub p10: Option<f64>,
    pub p90: Option<f64>,
}

/// Fewer values than this give no P10/P90.
const TAIL_MIN_N: usize = 20;

/// `None` when no value is given. Non-finite values are not values and are left out.
pub fn group_stats(values: &[f64]) -> Result<Option<GroupStats>, Error> {
    Ok(group_stats_many(&[values.to_vec()])?.pop().flatten())
}

/// [`group_stats`] of many groups in one polars query (one `group_by`), for overviews of
/// hundreds of indicators where a query per group would cost more than the statistics.
pub fn group_stats_many(groups: &[Vec<f64>]) -> Result<Vec<Option<GroupStats>>, Error> {
    let mut keys: Vec<u32> = Vec::new();
    let mut values: Vec<f64> = Vec::new();
    for (g, list) in groups.iter().enumerate() {
        // More than u32::MAX groups cannot be passed in memory anyway.
        let g = g as u32;
        for v in list.iter().copied().filter(|v| v.is_finite()) {
            keys.push(g);
            values.push(v);
        }
    }
    let mut out = vec![None; groups.len()];
    if values.is_empty() {
        return Ok(out);
    }
    let q = |p: f64| col("v").quantile(lit(p), QuantileMethod::Linear);
    let frame = df!("g" => keys, "v" => values)?
        .lazy()
        .group_by([col("g")])
        .agg([
            col("v").count().alias("n"),
            q(0.25).alias("q1"),
            q(0.5).alias("median"),
            q(0.75).alias("q3"),
            col("v").mean().alias("mean"),
            col("v").min().alias("min"),
            col("v").max().alias("max"),
            q(0.10).alias("p10"),
            q(0.90).alias("p90"),
        ])
        .collect()?;
    let g = frame.column("g")?.u32()?;
    let n = frame.column("n")?.cast(&DataType::UInt64)?;
    let n = n.u64()?;
    let column = |name: &str| -> Result<Vec<f64>, Error> {
        Ok(frame.column(name)?.f64()?.into_iter().map(|v| v.unwrap_or(f64::NAN)).collect())
    };
    let (q1, median, q3) = (column("q1")?, column("median")?, column("q3")?);
    let (mean, min, max) = (column("mean")?, column("min")?, column("max")?);
    let (p10, p90) = (column("p10")?, column("p90")?);
    for row in 0..frame.height() {
        let (Some(group), Some(count)) = (g.get(row), n.get(row)) else { continue };
        let count = count as usize;
        let tails = count >= TAIL_MIN_N;
        out[group as usize] = Some(GroupStats {
            n: count,
            q1: q1[row],
            median: median[row],
            q3: q3[row],
            mean: mean[row],
            min: min[row],
            max: max[row],
            p10: tails.then_some(p10[row]),
            p90: tails.then_some(p90[row]),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Type 7 quantile written out: h = (n − 1)p, interpolate between floor(h) and floor(h) + 1.
    fn naive_quantile(sorted: &[f64], p: f64) -> f64 {
        let h = (sorted.len() - 1) as f64 * p;
        let lo = h.floor() as usize;
        let hi = (lo + 1).min(sorted.len() - 1);
        sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * (1.0 + a.abs().max(b.abs()))
    }

    #[test]
    fn hand_computed_cases() {
        assert_eq!(group_stats(&[]).ok().flatten(), None);
        let one = group_stats(&[5.0]).ok().flatten().expect("n = 1");
        assert_eq!(
            (one.n, one.q1, one.median, one.q3, one.min, one.max),
            (1, 5.0, 5.0, 5.0, 5.0, 5.0)
        );
        // 1, 2, 3, 4: q1 = 1.75, median 2.5, q3 = 3.25 (numpy's default).
        let four = group_stats(&[4.0, 1.0, 3.0, 2.0, f64::NAN]).ok().flatten().expect("n = 4");
        assert_eq!((four.n, four.q1, four.median, four.q3, four.mean), (4, 1.75, 2.5, 3.25, 2.5));
        assert_eq!((four.p10, four.p90), (None, None));
        let twenty: Vec<f64> = (1..=20).map(f64::from).collect();
        let s = group_stats(&twenty).ok().flatten().expect("n = 20");
        assert!(close(s.p10.expect("p10"), 2.9) && close(s.p90.expect("p90"), 18.1), "{s:?}");
    }

    proptest! {
        #[test]
        fn many_groups_at_once_agree_with_one_at_a_time(
            groups in proptest::collection::vec(proptest::collection::vec(-1e6f64..1e6, 0..30), 0..12)
        ) {
            let many = group_stats_many(&groups).expect("stats");
            prop_assert_eq!(many.len(), groups.len());
            for (list, got) in groups.iter().zip(many) {
                let one = group_stats(list).expect("stats");
                match (one, got) {
                    (None, None) => {}
                    (Some(a), Some(b)) => {
                        prop_assert_eq!(a.n, b.n);
                        for (x, y) in [(a.q1, b.q1), (a.median, b.median), (a.q3, b.q3), (a.mean, b.mean), (a.min, b.min), (a.max, b.max)] {
                            prop_assert!(close(x, y), "{} {}", x, y);
                        }
                        prop_assert_eq!(a.p10.is_some(), b.p10.is_some());
                    }
                    (a, b) => prop_assert!(false, "{:?} {:?}", a, b),
                }
            }
        }

        #[test]
        fn agrees_with_a_naive_implementation(values in proptest::collection::vec(-1e6f64..1e6, 1..60)) {
            let s = group_stats(&values).ok().flatten().expect("values");
            let mut sorted = values.clone();
            sorted.sort_by(f64::total_cmp);
            prop_assert_eq!(s.n, values.len());
            prop_assert!(close(s.q1, naive_quantile(&sorted, 0.25)));
            prop_assert!(close(s.median, naive_quantile(&sorted, 0.5)));
            prop_assert!(close(s.q3, naive_quantile(&sorted, 0.75)));
            prop_assert!(close(s.mean, values.iter().sum::<f64>() / values.len() as f64));
            prop_assert_eq!(s.min, sorted[0]);
            prop_assert_eq!(s.max, sorted[sorted.len() - 1]);
            prop_assert_eq!(s.p10.is_some(), values.len() >= 20);
            if let Some(p10) = s.p10 {
                prop_assert!(close(p10, naive_quantile(&sorted, 0.1)));
            }
        }
    }
}
