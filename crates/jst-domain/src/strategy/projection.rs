//! Projection by ordinary least squares of value on year, DESIGN §5.3.

use statrs::distribution::{ContinuousCDF, StudentsT};

use super::progress::latest_observation;
use super::{Direction, IndicatorTarget, YearValue};

#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Projection {
    /// Fitted value in the target year T.
    pub value_at_target_year: f64,
    /// First whole year y ≥ t (the latest observation's year) whose fitted value meets the
    /// target in the indicator's direction; `None` when the trend points away, and always for
    /// `maintain`.
    pub year_target_reached: Option<i32>,
    /// 80 % prediction interval at T, with four points or more.
    pub interval: Option<(f64, f64)>,
}

/// Projects from the baseline plus every observation with t0 < t ≤ Y (a stored value for year
/// t0 is ignored in favour of the baseline). Needs two points or more.
pub fn project(
    target: &IndicatorTarget,
    observations: &[YearValue],
    year: i32,
) -> Option<Projection> {
    let t0 = target.baseline.year;
    let mut points: Vec<(f64, f64)> = vec![(f64::from(t0), target.baseline.value)];
    points.extend(
        observations
            .iter()
            .filter(|o| o.year > t0 && o.year <= year && o.value.is_finite())
            .map(|o| (f64::from(o.year), o.value)),
    );
    let n = points.len();
    if n < 2 {
        return None;
    }
    let nf = n as f64;
    let x_mean = points.iter().map(|p| p.0).sum::<f64>() / nf;
    let y_mean = points.iter().map(|p| p.1).sum::<f64>() / nf;
    let sxx: f64 = points.iter().map(|p| (p.0 - x_mean).powi(2)).sum();
    let sxy: f64 = points.iter().map(|p| (p.0 - x_mean) * (p.1 - y_mean)).sum();
    if sxx <= 0.0 {
        return None;
    }
    let slope = sxy / sxx;
    // Centred on the mean year: an intercept at year 0 would lose digits to cancellation.
    let fitted = |x: f64| y_mean + slope * (x - x_mean);
    let tt = f64::from(target.target.year);
    let value_at_target_year = fitted(tt);

    let latest_year = latest_observation(target, observations, year).map_or(t0, |o| o.year);
    let year_target_reached = reach_year(target, latest_year, fitted, slope, x_mean, y_mean);

    let interval = (n >= 4).then(|| {
        let sse: f64 = points.iter().map(|p| (p.1 - fitted(p.0)).powi(2)).sum();
        let df = nf - 2.0;
        let s = (sse / df).sqrt();
        let t_quantile = StudentsT::new(0.0, 1.0, df).map(|d| d.inverse_cdf(0.90)).ok()?;
        let half = t_quantile * s * (1.0 + 1.0 / nf + (tt - x_mean).powi(2) / sxx).sqrt();
        Some((value_at_target_year - half, value_at_target_year + half))
    });
    Some(Projection { value_at_target_year, year_target_reached, interval: interval.flatten() })
}

fn reach_year(
    target: &IndicatorTarget,
    from_year: i32,
    fitted: impl Fn(f64) -> f64,
    slope: f64,
    x_mean: f64,
    y_mean: f64,
) -> Option<i32> {
    let goal = target.target.value;
    let meets = |y: i32| match target.direction {
        Direction::Increase => fitted(f64::from(y)) >= goal,
        Direction::Decrease => fitted(f64::from(y)) <= goal,
        Direction::Maintain => false,
    };
    if target.direction == Direction::Maintain {
        return None;
    }
    if meets(from_year) {
        return Some(from_year);
    }
    let towards = match target.direction {
        Direction::Increase => slope > 0.0,
        _ => slope < 0.0,
    };
    if !towards {
        return None;
    }
    // Solve ȳ + slope·(y − x̄) = goal, then step to the first whole year that meets it (the
    // division may land a hair on either side of an exact year).
    let exact = x_mean + (goal - y_mean) / slope;
    if !exact.is_finite() || exact > f64::from(i32::MAX - 1) {
        return None;
    }
    let mut y = (exact.ceil() as i32 - 1).max(from_year);
    while !meets(y) {
        y += 1;
    }
    Some(y)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yv(year: i32, value: f64) -> YearValue {
        YearValue { year, value }
    }

    fn target(b: (i32, f64), g: (i32, f64), direction: Direction) -> IndicatorTarget {
        IndicatorTarget { baseline: yv(b.0, b.1), target: yv(g.0, g.1), direction, tolerance: None }
    }

    #[test]
    fn two_points_fit_exactly_without_interval() {
        let t = target((2020, 10.0), (2030, 30.0), Direction::Increase);
        let p = project(&t, &[yv(2022, 14.0)], 2024).expect("two points");
        assert!((p.value_at_target_year - 30.0).abs() < 1e-9);
        assert_eq!(p.year_target_reached, Some(2030));
        assert_eq!(p.interval, None);
    }

    #[test]
    fn baseline_year_value_is_ignored_and_years_after_y_too() {
        let t = target((2020, 10.0), (2030, 30.0), Direction::Increase);
        let with_noise = project(&t, &[yv(2020, 999.0), yv(2022, 14.0), yv(2025, -50.0)], 2024);
        let clean = project(&t, &[yv(2022, 14.0)], 2024);
        assert_eq!(with_noise, clean);
        assert_eq!(project(&t, &[], 2024), None, "the baseline alone is one point");
        assert_eq!(project(&t, &[yv(2026, 20.0)], 2024), None);
    }

    #[test]
    fn interval_matches_a_hand_computation() {
        // Points (2019,10) (2020,12) (2021,13) (2022,17): x̄ = 2020.5, ȳ = 13, Sxx = 5,
        // Sxy = 11, slope 2.2 → ŷ(2025) = 13 + 2.2·4.5 = 22.9.
        // Residuals: 0.3, 0.1, −1.1, 0.7 → SSE = 1.8, s = sqrt(0.9).
        // t(0.90, 2) = 1.885618083; half = t·s·sqrt(1 + 1/4 + 20.25/5).
        let t = target((2019, 10.0), (2025, 25.0), Direction::Increase);
        let p = project(&t, &[yv(2020, 12.0), yv(2021, 13.0), yv(2022, 17.0)], 2022).expect("fit");
        assert!((p.value_at_target_year - 22.9).abs() < 1e-9, "{}", p.value_at_target_year);
        let half = 1.885_618_083 * 0.9_f64.sqrt() * (1.25_f64 + 4.05).sqrt();
        let (lo, hi) = p.interval.expect("four points");
        assert!((lo - (22.9 - half)).abs() < 1e-6, "{lo}");
        assert!((hi - (22.9 + half)).abs() < 1e-6, "{hi}");
        // 13 + 2.2·(y − 2020.5) ≥ 25 ⇔ y ≥ 2025.95… → 2026
        assert_eq!(p.year_target_reached, Some(2026));
    }

    #[test]
    fn reach_year_cases() {
        let cases = [
            // Trend away from an increase target: never reached.
            (target((2020, 10.0), (2030, 20.0), Direction::Increase), vec![yv(2022, 8.0)], None),
            // Decrease reached exactly at a whole year.
            (
                target((2020, 100.0), (2030, 50.0), Direction::Decrease),
                vec![yv(2022, 90.0)],
                Some(2030),
            ),
            // Already met at the latest observation year.
            (
                target((2020, 100.0), (2030, 50.0), Direction::Decrease),
                vec![yv(2022, 40.0)],
                Some(2022),
            ),
            // Maintain: never reported.
            (
                target((2020, 100.0), (2030, 100.0), Direction::Maintain),
                vec![yv(2022, 101.0)],
                None,
            ),
            // Flat trend below an increase target.
            (target((2020, 10.0), (2030, 20.0), Direction::Increase), vec![yv(2022, 10.0)], None),
        ];
        for (t, obs, expected) in cases {
            let p = project(&t, &obs, 2024).expect("two points");
            assert_eq!(p.year_target_reached, expected, "{t:?} {obs:?}");
        }
    }
}
