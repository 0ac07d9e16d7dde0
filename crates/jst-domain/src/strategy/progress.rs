//! Indicator progress and status, DESIGN §5.1.

use super::{Direction, Status, Thresholds};

#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct YearValue {
    pub year: i32,
    pub value: f64,
}

/// What an indicator aims at: baseline (t0, b), target (T, g) with T > t0, the effective
/// direction (see [`Direction::resolve`]) and an optional own tolerance for `maintain`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IndicatorTarget {
    pub baseline: YearValue,
    pub target: YearValue,
    pub direction: Direction,
    /// Tolerance of a `maintain` indicator as a fraction of |g|; `None` uses the setting.
    pub tolerance: Option<f64>,
}

/// The result of DESIGN §5.1 for one indicator in evaluation year Y.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Evaluation {
    /// The latest observation with t0 < t ≤ Y.
    pub latest: Option<YearValue>,
    pub progress_pct: Option<f64>,
    pub r_observed: Option<f64>,
    pub r_required: Option<f64>,
    pub ratio: Option<f64>,
    pub status: Status,
    pub target_missed: bool,
}

impl Evaluation {
    fn no_data() -> Self {
        Self {
            latest: None,
            progress_pct: None,
            r_observed: None,
            r_required: None,
            ratio: None,
            status: Status::NoData,
            target_missed: false,
        }
    }
}

/// The latest observation strictly after the baseline year and not after `year`.
pub(crate) fn latest_observation(
    target: &IndicatorTarget,
    observations: &[YearValue],
    year: i32,
) -> Option<YearValue> {
    observations
        .iter()
        .filter(|o| o.year > target.baseline.year && o.year <= year && o.value.is_finite())
        .max_by_key(|o| o.year)
        .copied()
}

/// Evaluates an indicator in year `year` from its observations (any order, any years).
///
/// `target_missed` is set when Y > T and the target is not met; it stays false without data
/// (nothing is known) and for a `maintain` indicator that is on track (it is being held).
pub fn evaluate(
    target: &IndicatorTarget,
    observations: &[YearValue],
    year: i32,
    thresholds: &Thresholds,
) -> Evaluation {
    let Some(latest) = latest_observation(target, observations, year) else {
        return Evaluation::no_data();
    };
    let (t0, b) = (f64::from(target.baseline.year), target.baseline.value);
    let (tt, g) = (f64::from(target.target.year), target.target.value);
    let (t, x) = (f64::from(latest.year), latest.value);
    let progress_pct = (g != b).then(|| 100.0 * (x - b) / (g - b));
    let passed = year > target.target.year;
    let mut evaluation = Evaluation { latest: Some(latest), progress_pct, ..Evaluation::no_data() };

    match target.direction {
        Direction::Maintain => {
            let tolerance = target.tolerance.unwrap_or(thresholds.maintain_tolerance) * g.abs();
            evaluation.status =
                if (x - g).abs() <= tolerance { Status::OnTrack } else { Status::Deterioration };
            evaluation.target_missed = passed && evaluation.status != Status::OnTrack;
        }
        Direction::Increase | Direction::Decrease => {
            let achieved = match target.direction {
                Direction::Increase => x >= g,
                _ => x <= g,
            };
            if achieved {
                evaluation.status = Status::Achieved;
                return evaluation;
            }
            let (r_obs, r_req) = if b > 0.0 && x > 0.0 && g > 0.0 {
                ((x / b).powf(1.0 / (t - t0)) - 1.0, (g / b).powf(1.0 / (tt - t0)) - 1.0)
            } else {
                ((x - b) / (t - t0), (g - b) / (tt - t0))
            };
            let ratio = r_obs / r_req;
            evaluation.r_observed = Some(r_obs);
            evaluation.r_required = Some(r_req);
            evaluation.ratio = Some(ratio);
            evaluation.status = Status::from_ratio(ratio, thresholds);
            evaluation.target_missed = passed;
        }
    }
    evaluation
}

#[cfg(test)]
mod tests {
    use super::*;
    use Direction::*;
    use Status::*;

    fn yv(year: i32, value: f64) -> YearValue {
        YearValue { year, value }
    }

    fn target(b: (i32, f64), g: (i32, f64), direction: Direction) -> IndicatorTarget {
        IndicatorTarget { baseline: yv(b.0, b.1), target: yv(g.0, g.1), direction, tolerance: None }
    }

    fn close(a: Option<f64>, b: Option<f64>) -> bool {
        match (a, b) {
            (Some(a), Some(b)) => (a - b).abs() < 1e-9,
            (None, None) => true,
            _ => false,
        }
    }

    struct Case {
        name: &'static str,
        target: IndicatorTarget,
        observations: Vec<YearValue>,
        year: i32,
        status: Status,
        progress: Option<f64>,
        ratio: Option<f64>,
        target_missed: bool,
    }

    #[test]
    fn status_table() {
        // Compound rates: 100 → 121 over 2 years is 10 % a year.
        let r_req_compound = (150.0_f64 / 100.0).powf(1.0 / 10.0) - 1.0;
        let cases = vec![
            Case {
                name: "increase on track, compound",
                target: target((2020, 100.0), (2030, 150.0), Increase),
                observations: vec![yv(2021, 110.0), yv(2022, 121.0)],
                year: 2023,
                status: OnTrack,
                progress: Some(42.0),
                ratio: Some(0.1 / r_req_compound),
                target_missed: false,
            },
            Case {
                name: "increase achieved: rates and ratio null",
                target: target((2020, 100.0), (2030, 150.0), Increase),
                observations: vec![yv(2024, 151.0)],
                year: 2024,
                status: Achieved,
                progress: Some(102.0),
                ratio: None,
                target_missed: false,
            },
            Case {
                name: "decrease with acceleration needed (compound)",
                // required: (50/100)^(1/10)-1 = -6.7 %/y; observed (90/100)^(1/2)-1 = -5.1 %/y
                target: target((2020, 100.0), (2030, 50.0), Decrease),
                observations: vec![yv(2022, 90.0)],
                year: 2022,
                status: AccelerationNeeded,
                progress: Some(20.0),
                ratio: Some(((0.9_f64).sqrt() - 1.0) / ((0.5_f64).powf(0.1) - 1.0)),
                target_missed: false,
            },
            Case {
                name: "decrease achieved",
                target: target((2020, 100.0), (2030, 50.0), Decrease),
                observations: vec![yv(2023, 50.0)],
                year: 2023,
                status: Achieved,
                progress: Some(100.0),
                ratio: None,
                target_missed: false,
            },
            Case {
                name: "deterioration: moving away from the target",
                target: target((2020, 10.0), (2030, 20.0), Increase),
                observations: vec![yv(2022, 9.0)],
                year: 2022,
                status: Deterioration,
                progress: Some(-10.0),
                ratio: Some(((0.9_f64).sqrt() - 1.0) / (2.0_f64.powf(0.1) - 1.0)),
                target_missed: false,
            },
            Case {
                name: "limited progress",
                target: target((2020, 10.0), (2030, 20.0), Increase),
                observations: vec![yv(2024, 10.5)],
                year: 2024,
                status: LimitedProgress,
                progress: Some(5.0),
                ratio: Some((1.05_f64.powf(0.25) - 1.0) / (2.0_f64.powf(0.1) - 1.0)),
                target_missed: false,
            },
            Case {
                name: "zero baseline: linear fallback",
                target: target((2020, 0.0), (2030, 10.0), Increase),
                observations: vec![yv(2022, 2.0)],
                year: 2022,
                status: OnTrack,
                progress: Some(20.0),
                ratio: Some((2.0 / 2.0) / (10.0 / 10.0)),
                target_missed: false,
            },
            Case {
                name: "negative values: linear fallback",
                target: target((2020, -5.0), (2030, 5.0), Increase),
                observations: vec![yv(2025, -1.0)],
                year: 2025,
                status: AccelerationNeeded,
                progress: Some(40.0),
                ratio: Some((4.0 / 5.0) / (10.0 / 10.0)),
                target_missed: false,
            },
            Case {
                name: "target equals baseline: maintain within 5 %",
                target: target((2020, 100.0), (2030, 100.0), Maintain),
                observations: vec![yv(2023, 104.0)],
                year: 2023,
                status: OnTrack,
                progress: None,
                ratio: None,
                target_missed: false,
            },
            Case {
                name: "maintain outside tolerance",
                target: target((2020, 100.0), (2030, 100.0), Maintain),
                observations: vec![yv(2023, 94.0)],
                year: 2023,
                status: Deterioration,
                progress: None,
                ratio: None,
                target_missed: false,
            },
            Case {
                name: "maintain with an own tolerance of 10 %",
                target: IndicatorTarget {
                    tolerance: Some(0.10),
                    ..target((2020, 100.0), (2030, 100.0), Maintain)
                },
                observations: vec![yv(2023, 94.0)],
                year: 2023,
                status: OnTrack,
                progress: None,
                ratio: None,
                target_missed: false,
            },
            Case {
                name: "single observation, years with gaps: the latest up to Y counts",
                target: target((2018, 50.0), (2028, 100.0), Increase),
                observations: vec![yv(2016, 10.0), yv(2018, 55.0), yv(2021, 70.0), yv(2026, 99.0)],
                year: 2023,
                status: OnTrack,
                progress: Some(40.0),
                ratio: Some(((70.0_f64 / 50.0).powf(1.0 / 3.0) - 1.0) / (2.0_f64.powf(0.1) - 1.0)),
                target_missed: false,
            },
            Case {
                name: "no observation after the baseline year: no data",
                target: target((2020, 100.0), (2030, 150.0), Increase),
                observations: vec![yv(2019, 90.0), yv(2020, 100.0), yv(2025, 130.0)],
                year: 2024,
                status: NoData,
                progress: None,
                ratio: None,
                target_missed: false,
            },
            Case {
                name: "target year passed and not achieved",
                target: target((2015, 100.0), (2020, 150.0), Increase),
                observations: vec![yv(2021, 140.0)],
                year: 2022,
                status: AccelerationNeeded,
                progress: Some(80.0),
                ratio: Some((1.4_f64.powf(1.0 / 6.0) - 1.0) / (1.5_f64.powf(1.0 / 5.0) - 1.0)),
                target_missed: true,
            },
            Case {
                name: "target year passed and achieved: not missed",
                target: target((2015, 100.0), (2020, 150.0), Increase),
                observations: vec![yv(2021, 160.0)],
                year: 2022,
                status: Achieved,
                progress: Some(120.0),
                ratio: None,
                target_missed: false,
            },
            Case {
                name: "target year passed without data: not flagged",
                target: target((2015, 100.0), (2020, 150.0), Increase),
                observations: vec![],
                year: 2022,
                status: NoData,
                progress: None,
                ratio: None,
                target_missed: false,
            },
            Case {
                name: "maintain after the target year, off target: missed",
                target: target((2015, 100.0), (2020, 100.0), Maintain),
                observations: vec![yv(2021, 80.0)],
                year: 2022,
                status: Deterioration,
                progress: None,
                ratio: None,
                target_missed: true,
            },
        ];
        for case in cases {
            let got = evaluate(&case.target, &case.observations, case.year, &Thresholds::default());
            assert_eq!(got.status, case.status, "{}", case.name);
            assert!(
                close(got.progress_pct, case.progress),
                "{}: progress {:?}",
                case.name,
                got.progress_pct
            );
            assert!(
                close(got.ratio, case.ratio),
                "{}: ratio {:?} vs {:?}",
                case.name,
                got.ratio,
                case.ratio
            );
            assert_eq!(got.target_missed, case.target_missed, "{}", case.name);
            assert_eq!(got.ratio.is_some(), got.r_observed.is_some(), "{}", case.name);
            assert_eq!(got.ratio.is_some(), got.r_required.is_some(), "{}", case.name);
        }
    }
}
