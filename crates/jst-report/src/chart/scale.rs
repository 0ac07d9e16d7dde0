//! The axes' ranges and ticks, chosen here rather than by plotters so the labels are known
//! before drawing (their width sizes the label area) and always fall on round numbers.

use std::ops::Range;

use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};
use plotters::coord::types::RangedCoordf64;

/// The value axis: its range, the round values labelled on it and how many decimals they need.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ValueAxis {
    pub range: Range<f64>,
    pub ticks: Vec<f64>,
    pub decimals: usize,
}

/// The year axis: half a year of room on either side, labels on whole years only.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct YearAxis {
    pub range: Range<f64>,
    pub ticks: Vec<f64>,
}

/// About this many intervals on the value axis.
const VALUE_INTERVALS: f64 = 5.0;
/// At most this many year labels before every other (or every fifth) year is labelled.
const MAX_YEAR_LABELS: i32 = 12;

/// Round ticks covering `min..=max` (finite); equal values get room around them so the line sits
/// in the middle instead of on the frame.
pub(crate) fn value_axis(min: f64, max: f64) -> ValueAxis {
    // Values equal to twelve digits count as equal: a narrower axis would only show float noise.
    let (lo, hi) = if max - min > min.abs().max(max.abs()) * 1e-12 {
        (min, max)
    } else {
        let pad = if min == 0.0 { 1.0 } else { min.abs() * 0.1 };
        (min - pad, min + pad)
    };
    let step = nice_step((hi - lo) / VALUE_INTERVALS);
    let first = (lo / step).floor();
    let last = (hi / step).ceil();
    // Multiplying whole step counts (not adding steps) keeps 0.1 + 0.2 noise out of the labels.
    let ticks: Vec<f64> = (0..=(last - first) as i64).map(|i| (first + i as f64) * step).collect();
    let decimals = if step >= 1.0 { 0 } else { (-step.log10().floor()) as usize };
    ValueAxis { range: first * step..last * step, ticks, decimals }
}

/// 1, 2 or 5 times a power of ten, the nearest to `raw` from above.
fn nice_step(raw: f64) -> f64 {
    let magnitude = 10f64.powf(raw.log10().floor());
    let norm = raw / magnitude;
    let factor = if norm <= 1.0 {
        1.0
    } else if norm <= 2.0 {
        2.0
    } else if norm <= 5.0 {
        5.0
    } else {
        10.0
    };
    factor * magnitude
}

/// Whole years from `first` to `last`, thinned to every 2nd, 5th or 10th year on long spans.
pub(crate) fn year_axis(first: i32, last: i32) -> YearAxis {
    let span = last - first;
    let every =
        [1, 2, 5, 10, 20, 50].into_iter().find(|step| span / step < MAX_YEAR_LABELS).unwrap_or(100);
    let ticks = (first..=last).filter(|y| y.rem_euclid(every) == 0 || every == 1);
    let mut ticks: Vec<f64> = ticks.map(f64::from).collect();
    if ticks.is_empty() {
        ticks.push(f64::from(first));
    }
    YearAxis { range: f64::from(first) - 0.5..f64::from(last) + 0.5, ticks }
}

/// A linear axis labelled exactly at the given ticks. plotters' own `with_key_points` wrapper
/// cannot take a label formatter in 0.3.7, so this is the small `Ranged` it would have been.
pub(crate) struct Ticked {
    linear: RangedCoordf64,
    ticks: Vec<f64>,
}

impl Ticked {
    pub(crate) fn new(range: Range<f64>, ticks: &[f64]) -> Self {
        Self { linear: range.into(), ticks: ticks.to_vec() }
    }
}

impl Ranged for Ticked {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.linear.map(value, limit)
    }

    /// The ticks as the labelled (bold) lines; no light lines between them.
    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }

    fn range(&self) -> Range<f64> {
        self.linear.range()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_ticks_are_round_and_cover_the_data() {
        let axis = value_axis(12.3, 87.9);
        assert_eq!(axis.ticks, vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        assert_eq!(axis.range, 0.0..100.0);
        assert_eq!(axis.decimals, 0);

        let axis = value_axis(0.12, 0.47);
        assert_eq!(axis.ticks.len(), 5);
        assert!((axis.ticks[1] - 0.2).abs() < 1e-12);
        assert_eq!(axis.decimals, 1);
    }

    #[test]
    fn equal_values_get_room_around_them() {
        let axis = value_axis(50.0, 50.0);
        assert!(axis.range.start < 50.0 && axis.range.end > 50.0);
        let axis = value_axis(0.0, 0.0);
        assert!(axis.range.start < 0.0 && axis.range.end > 0.0);
        let axis = value_axis(-3.0, -3.0);
        assert!(axis.range.start < -3.0 && axis.range.end > -3.0);
    }

    #[test]
    fn negative_and_huge_values() {
        let axis = value_axis(-12.0, 7.0);
        assert!(axis.ticks.contains(&0.0));
        assert!(axis.range.start <= -12.0 && axis.range.end >= 7.0);
        let axis = value_axis(1.0e9, 3.2e9);
        assert!(axis.ticks.len() <= 8);
        assert!(axis.range.start <= 1.0e9 && axis.range.end >= 3.2e9);
    }

    #[test]
    fn years_are_whole_and_thinned_on_long_spans() {
        let axis = year_axis(2024, 2024);
        assert_eq!(axis.ticks, vec![2024.0]);
        assert_eq!(axis.range, 2023.5..2024.5);
        assert_eq!(year_axis(2018, 2027).ticks.len(), 10);
        let long = year_axis(2000, 2040);
        assert!(long.ticks.iter().all(|y| y.rem_euclid(5.0) == 0.0));
        assert!(long.ticks.len() <= MAX_YEAR_LABELS as usize);
    }
}
