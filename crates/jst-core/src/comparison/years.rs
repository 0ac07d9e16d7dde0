//! The own unit's position in its group year by year: is it moving up or down among its peers?

use jst_analytics::standing;
use jst_domain::Polarity;
use serde::Serialize;

use super::data_years::indicator_years;
use super::indicators::catalogue_indicator;
use super::values::Comparison;
use crate::support::count;
use crate::{ErrorKind, Result};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct YearPositionView {
    pub year: i32,
    pub value: Option<f64>,
    pub percentile_rank: Option<f64>,
    pub rank: Option<u32>,
    /// Units with a value that year, the own unit included.
    pub n: u32,
    pub median: Option<f64>,
}

/// The benchmark for every year in which the indicator (or the components of its
/// formula) has peer data, oldest first. The group is re-formed each year, as the
/// population classes and nearest neighbours of that year decide.
pub(crate) fn position_over_years(
    c: &Comparison<'_>,
    code: &str,
    group: &str,
) -> Result<Vec<YearPositionView>> {
    let indicator = catalogue_indicator(c.local, code)?;
    let mut years = indicator_years(c.local, c.peers, code)?;
    years.reverse();
    let polarity = Polarity::from_code(&indicator.polarity);
    let mut out = Vec::new();
    let mut scratch = Vec::new();
    for year in years {
        let ctx = match c.group_context(group, year) {
            Ok(ctx) => ctx,
            // A year without what the group needs (e.g. structural data) is just not shown.
            Err(e) if e.kind() == ErrorKind::MissingData => continue,
            Err(e) => return Err(e),
        };
        let Some(values) = c.group_values_many(std::slice::from_ref(&indicator), year, &ctx)?.pop()
        else {
            continue;
        };
        let all = values.all();
        let Some(standing) = standing(&all, values.own, polarity, &mut scratch) else {
            continue;
        };
        let position = standing.position;
        out.push(YearPositionView {
            year,
            value: values.own,
            percentile_rank: position.map(|p| p.percentile_rank),
            rank: position.and_then(|p| p.rank).map(count),
            n: count(standing.n),
            median: Some(standing.median),
        });
    }
    Ok(out)
}
