//! Nearest neighbours of DESIGN §5.6: z-scores over the pool (population standard deviation),
//! weighted Euclidean distance, and each variable's share of the squared distance.

use polars::prelude::*;

use crate::Error;

/// The pool: every unit with all variables present; `values[v][u]` is variable `v` of unit `u`.
#[derive(Debug, Clone, PartialEq)]
pub struct Pool {
    pub units: Vec<String>,
    pub values: Vec<Vec<f64>>,
    pub weights: Vec<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Neighbour {
    pub unit: String,
    pub distance: f64,
    /// Share of each variable in d², in the order of the variables; all zero when d = 0.
    pub shares: Vec<f64>,
}

/// The `k` units nearest to `pool.units[own]`, ascending by distance, ties by unit code, own
/// unit excluded. A variable constant over the pool contributes nothing.
pub fn nearest(pool: &Pool, own: usize, k: usize) -> Result<Vec<Neighbour>, Error> {
    let columns: Vec<Column> = pool
        .values
        .iter()
        .enumerate()
        .map(|(i, v)| Column::new(format!("v{i}").into(), v.clone()))
        .collect();
    if columns.is_empty() || pool.units.is_empty() {
        return Ok(Vec::new());
    }
    let z_exprs: Vec<Expr> = (0..columns.len())
        .map(|i| {
            let c = col(format!("v{i}"));
            let sd = c.clone().std(0);
            when(sd.clone().gt(lit(0.0)))
                .then((c.clone() - c.mean()) / sd)
                .otherwise(lit(0.0))
                .alias(format!("z{i}"))
        })
        .collect();
    let z = DataFrame::new(pool.units.len(), columns)?.lazy().select(z_exprs).collect()?;
    let z: Vec<Vec<f64>> = (0..pool.values.len())
        .map(|i| -> Result<Vec<f64>, Error> {
            Ok(z.column(&format!("z{i}"))?.f64()?.into_iter().map(|v| v.unwrap_or(0.0)).collect())
        })
        .collect::<Result<_, _>>()?;
    let mut out: Vec<Neighbour> = (0..pool.units.len())
        .filter(|u| *u != own)
        .map(|u| {
            let parts: Vec<f64> =
                z.iter().zip(&pool.weights).map(|(zv, w)| w * (zv[u] - zv[own]).powi(2)).collect();
            let d2: f64 = parts.iter().sum();
            let shares = parts.iter().map(|p| if d2 > 0.0 { p / d2 } else { 0.0 }).collect();
            Neighbour { unit: pool.units[u].clone(), distance: d2.sqrt(), shares }
        })
        .collect();
    // Distances equal up to rounding noise are ties, broken by the unit code.
    let key = |d: f64| (d * 1e9).round() as i64;
    out.sort_by(|a, b| key(a.distance).cmp(&key(b.distance)).then_with(|| a.unit.cmp(&b.unit)));
    out.truncate(k);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn naive(pool: &Pool, own: usize) -> Vec<(String, f64)> {
        let n = pool.units.len() as f64;
        let z: Vec<Vec<f64>> = pool
            .values
            .iter()
            .map(|v| {
                let mean = v.iter().sum::<f64>() / n;
                let sd = (v.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n).sqrt();
                v.iter().map(|x| if sd > 0.0 { (x - mean) / sd } else { 0.0 }).collect()
            })
            .collect();
        let mut d: Vec<(String, f64)> = (0..pool.units.len())
            .filter(|u| *u != own)
            .map(|u| {
                let d2: f64 =
                    z.iter().zip(&pool.weights).map(|(zv, w)| w * (zv[u] - zv[own]).powi(2)).sum();
                (pool.units[u].clone(), d2.sqrt())
            })
            .collect();
        let key = |d: f64| (d * 1e9).round() as i64;
        d.sort_by(|a, b| key(a.1).cmp(&key(b.1)).then_with(|| a.0.cmp(&b.0)));
        d
    }

    #[test]
    fn hand_computed_case() {
        // One variable 0, 1, 2, 3: mean 1.5, population sd sqrt(1.25).
        let pool = Pool {
            units: vec!["a".into(), "b".into(), "c".into(), "d".into()],
            values: vec![vec![0.0, 1.0, 2.0, 3.0], vec![5.0, 5.0, 5.0, 5.0]],
            weights: vec![1.0, 1.0],
        };
        let n = nearest(&pool, 1, 2).expect("nearest");
        let step = 1.0 / 1.25_f64.sqrt();
        assert_eq!(
            n.iter().map(|x| x.unit.as_str()).collect::<Vec<_>>(),
            ["a", "c"],
            "tie broken by code"
        );
        assert!((n[0].distance - step).abs() < 1e-12);
        assert_eq!(n[0].shares, [1.0, 0.0], "a constant variable has no share");
    }

    proptest! {
        #[test]
        fn agrees_with_a_naive_implementation(
            rows in proptest::collection::vec(proptest::collection::vec(-100.0f64..100.0, 3), 2..30),
            weights in proptest::collection::vec(0.1f64..3.0, 3),
            own_pick in 0usize..30,
        ) {
            let units: Vec<String> = (0..rows.len()).map(|i| format!("{i:03}")).collect();
            let values: Vec<Vec<f64>> = (0..3).map(|v| rows.iter().map(|r| r[v]).collect()).collect();
            let pool = Pool { units, values, weights };
            let own = own_pick % rows.len();
            let got = nearest(&pool, own, 15).expect("nearest");
            let want = naive(&pool, own);
            prop_assert_eq!(got.len(), want.len().min(15));
            for (g, w) in got.iter().zip(&want) {
                prop_assert!((g.distance - w.1).abs() < 1e-6 * (1.0 + w.1));
                let total: f64 = g.shares.iter().sum();
                prop_assert!(g.distance == 0.0 || (total - 1.0).abs() < 1e-9);
            }
        }
    }
}
