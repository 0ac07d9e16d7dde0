//! Real terms (DESIGN §5.7): money of one year expressed in the prices of a base year, from the
//! GUS annual consumer price index (previous year = 100).

use std::collections::BTreeMap;

/// Price levels chained from annual indices. Levels are relative, so only ratios mean anything.
#[derive(Debug, Clone, PartialEq)]
pub struct PriceIndex {
    levels: BTreeMap<i32, f64>,
}

impl PriceIndex {
    /// From `(year, index with previous year = 100)` rows, in any order. The years must be
    /// consecutive; a gap would make every ratio across it wrong, so the chain stops before it.
    pub fn from_annual(rows: &[(i32, f64)]) -> Self {
        let mut sorted = rows.to_vec();
        sorted.sort_by_key(|(y, _)| *y);
        let mut levels = BTreeMap::new();
        let mut previous: Option<(i32, f64)> = None;
        for (year, index) in sorted {
            let level = match previous {
                // The first year's level is its index over the (unlisted) year before, at 1.
                None => index / 100.0,
                Some((py, pl)) if py + 1 == year => pl * index / 100.0,
                Some(_) => break,
            };
            levels.insert(year, level);
            previous = Some((year, level));
        }
        if let Some((&first, _)) = levels.iter().next() {
            levels.insert(first - 1, 1.0);
        }
        Self { levels }
    }

    /// Multiplier turning money of `year` into money of `base` year prices; `None` when either
    /// year is outside the series.
    pub fn to_base(&self, year: i32, base: i32) -> Option<f64> {
        Some(self.levels.get(&base)? / self.levels.get(&year)?)
    }

    /// Years the series covers (the year before the first index included, at level 1).
    pub fn years(&self) -> std::ops::RangeInclusive<i32> {
        let first = self.levels.keys().next().copied().unwrap_or(0);
        let last = self.levels.keys().next_back().copied().unwrap_or(-1);
        first..=last
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn chains_annual_indices() {
        let cpi = PriceIndex::from_annual(&[(2023, 111.4), (2022, 114.4), (2024, 103.6)]);
        // 2022 money in 2024 prices: × 1.114 × 1.036.
        assert!(close(cpi.to_base(2022, 2024).unwrap_or(0.0), 1.114 * 1.036));
        assert!(close(cpi.to_base(2024, 2022).unwrap_or(0.0), 1.0 / (1.114 * 1.036)));
        assert!(close(cpi.to_base(2023, 2023).unwrap_or(0.0), 1.0));
        // 2021 is the base of the first index.
        assert!(close(cpi.to_base(2021, 2022).unwrap_or(0.0), 1.144));
        assert_eq!(cpi.to_base(2020, 2024), None);
        assert_eq!(cpi.to_base(2024, 2025), None);
        assert_eq!(cpi.years(), 2021..=2024);
    }

    #[test]
    fn a_gap_ends_the_chain() {
        let cpi = PriceIndex::from_annual(&[(2020, 103.4), (2021, 105.1), (2023, 111.4)]);
        assert!(cpi.to_base(2021, 2020).is_some());
        assert_eq!(cpi.to_base(2023, 2021), None);
    }
}
