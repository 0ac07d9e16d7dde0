//! The own unit's position in its group year by year: is it moving up or down among its peers?

use serde::Serialize;

use crate::{Monitor, Result};

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

impl Monitor {
    /// [`Monitor::benchmark`] for every year in which the indicator (or the components of its
    /// formula) has peer data, oldest first. The group is re-formed each year, as the
    /// population classes and nearest neighbours of that year decide.
    pub fn position_over_years(&self, code: &str, group: &str) -> Result<Vec<YearPositionView>> {
        let indicator = self.catalogue_indicator(code)?;
        let mut years = self.peers.years_of(code)?;
        if let Some(formula) =
            indicator.formula.as_deref().and_then(|f| jst_domain::Formula::parse(f).ok())
        {
            for c in formula.codes() {
                years.extend(self.peers.years_of(c)?);
            }
        }
        years.sort_unstable();
        years.dedup();
        let mut out = Vec::new();
        for year in years {
            let view = match self.benchmark(code, year, group) {
                Ok(view) => view,
                // A year without what the group needs (e.g. structural data) is just not shown.
                Err(e) if e.kind() == crate::ErrorKind::MissingData => continue,
                Err(e) => return Err(e),
            };
            if view.stats.n == 0 {
                continue;
            }
            out.push(YearPositionView {
                year,
                value: view.own.value,
                percentile_rank: view.percentile_rank,
                rank: view.rank,
                n: view.stats.n,
                median: view.stats.median,
            });
        }
        Ok(out)
    }
}
