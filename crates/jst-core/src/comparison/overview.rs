//! The own unit's position on every catalogue indicator in one year: the "where do we stand?"
//! overview behind Pulpit and reports, and the §11 benchmark of own position on all indicators.

use jst_analytics::standing;
use jst_domain::Polarity;
use serde::Serialize;

use super::values::Comparison;
use crate::support::count;
use crate::Result;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct IndicatorPositionView {
    pub code: String,
    pub name: String,
    pub unit: String,
    pub own: Option<f64>,
    /// Units with a value, the own unit included.
    pub n: u32,
    pub median: Option<f64>,
    pub percentile_rank: Option<f64>,
    pub rank: Option<u32>,
}

/// Every catalogue indicator with data for `year`, in catalogue order, against `group`.
pub(crate) fn peer_overview(
    c: &Comparison<'_>,
    year: i32,
    group: &str,
) -> Result<Vec<IndicatorPositionView>> {
    let ctx = c.group_context(group, year)?;
    let indicators: Vec<_> =
        c.local.catalogue()?.into_iter().filter(|i| i.origin == "catalogue").collect();
    let all_values = c.group_values_many(&indicators, year, &ctx)?;
    let mut out = Vec::new();
    let (mut all, mut scratch) = (Vec::new(), Vec::new());
    for (indicator, values) in indicators.into_iter().zip(all_values) {
        values.all_into(&mut all);
        let polarity = Polarity::from_code(&indicator.polarity);
        let Some(standing) = standing(&all, values.own, polarity, &mut scratch) else { continue };
        let position = standing.position;
        out.push(IndicatorPositionView {
            name: indicator.name().to_owned(),
            code: indicator.code,
            unit: indicator.unit,
            own: values.own,
            n: count(standing.n),
            median: Some(standing.median),
            percentile_rank: position.map(|p| p.percentile_rank),
            rank: position.and_then(|p| p.rank).map(count),
        });
    }
    Ok(out)
}
