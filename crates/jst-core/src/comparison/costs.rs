//! `jst costs`: the treasurer's "where are we expensive?" — every unit cost of the catalogue
//! (DESIGN §5.7) for the own unit against its group's quartiles, optionally in real terms.

use std::path::Path;

use jst_analytics::group_stats_many;
use jst_domain::{Formula, PriceIndex, POPULATION};
use jst_report::{write_costs_xlsx, CostLine, CostSheet, CostWorkbook};
use jst_text::t;
use serde::Serialize;

use super::group::GroupView;
use super::values::Comparison;
use crate::support::count;
use crate::units::own_record;
use crate::{demo, Error, Result};

/// One unit cost: the JSON contract of `jst costs --format json` (issue 4), one array item.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CostRowView {
    pub indicator: String,
    pub name: String,
    pub unit: String,
    pub own: Option<f64>,
    /// Units with a value, the own unit included.
    pub n: u32,
    pub q1: Option<f64>,
    pub median: Option<f64>,
    pub q3: Option<f64>,
    /// The own value is above the group's upper quartile; null without an own value.
    pub above_q3: Option<bool>,
}

/// The unit costs of one service (catalogue area), e.g. „edukacja”.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CostServiceView {
    pub service: String,
    pub rows: Vec<CostRowView>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CostsView {
    pub year: i32,
    pub unit_name: String,
    pub teryt: String,
    pub group: GroupView,
    /// Prices of this year when shown in real terms; null for current prices.
    pub real_base: Option<i32>,
    pub services: Vec<CostServiceView>,
    /// The peer values are the demo's synthetic sample data, not public statistics.
    pub synthetic_peers: bool,
    /// The own expenditure of `year` comes from a report for part of the year: its period (1–3,
    /// cumulative to the end of that quarter). Null for the whole year or without own reports.
    pub partial_budget_period: Option<u8>,
}

const MONEY_UNIT: &str = "zł";

const CPI_FILE: &str = "cpi_roczny.csv";
const CPI: &[u8] = include_bytes!("../../../../assets/reference/cpi_roczny.csv");

pub(super) fn price_index() -> Result<PriceIndex> {
    Ok(PriceIndex::from_annual(&jst_import::parse_price_index(CPI, CPI_FILE)?))
}

/// Unit costs of `year` (default: the own unit's latest year with population data) in `group`, in
/// current prices or, with `real_base`, in the prices of that year.
pub(crate) fn costs(
    c: &Comparison<'_>,
    year: Option<i32>,
    group: &str,
    real_base: Option<i32>,
) -> Result<CostsView> {
    let year = match year {
        Some(y) => y,
        // The own unit's latest population year: its size class needs it (a release may
        // carry a newer year for other units first).
        None => match c.peers.latest_value(&own_record(c.local)?.identity, POPULATION)? {
            Some((year, _)) => year,
            None => c
                .peers
                .years_of(POPULATION)?
                .first()
                .copied()
                .ok_or_else(|| Error::MissingReference(t!("core-no-peer-data")))?,
        },
    };
    let deflator = match real_base {
        None => None,
        Some(base) => {
            let cpi = price_index()?;
            let years = cpi.years();
            Some(cpi.to_base(year, base).ok_or_else(|| {
                Error::InvalidValue(t!(
                    "core-no-price-index",
                    year = if years.contains(&year) { base } else { year },
                    first = *years.start(),
                    last = *years.end()
                ))
            })?)
        }
    };
    let ctx = c.group_context(group, year)?;
    let mut indicators: Vec<_> = c
        .local
        .catalogue()?
        .into_iter()
        .filter(|i| i.origin == "catalogue")
        .filter(|i| {
            i.formula
                .as_deref()
                .and_then(|f| Formula::parse(f).ok())
                .is_some_and(|f| f.is_unit_cost())
        })
        .collect();
    indicators
        .sort_by(|a, b| (a.area.as_deref(), &a.name_pl).cmp(&(b.area.as_deref(), &b.name_pl)));
    let mut services: Vec<CostServiceView> = Vec::new();
    let all_values: Vec<_> = c
        .group_values_many(&indicators, year, &ctx)?
        .into_iter()
        .zip(&indicators)
        .map(|(values, indicator)| match deflator.filter(|_| indicator.unit == MONEY_UNIT) {
            Some(factor) => values.scaled(factor),
            None => values,
        })
        .collect();
    let lists: Vec<Vec<f64>> = all_values.iter().map(|v| v.all()).collect();
    let all_stats = group_stats_many(&lists)?;
    for ((indicator, values), stats) in indicators.into_iter().zip(all_values).zip(all_stats) {
        let row = CostRowView {
            name: indicator.name().to_owned(),
            indicator: indicator.code,
            unit: indicator.unit,
            own: values.own,
            n: count(stats.map_or(0, |s| s.n)),
            q1: stats.map(|s| s.q1),
            median: stats.map(|s| s.median),
            q3: stats.map(|s| s.q3),
            above_q3: values.own.zip(stats).map(|(v, s)| v > s.q3),
        };
        let service = indicator.area.unwrap_or_else(|| "inne".to_owned());
        match services.last_mut() {
            Some(last) if last.service == service => last.rows.push(row),
            _ => services.push(CostServiceView { service, rows: vec![row] }),
        }
    }
    Ok(CostsView {
        year,
        unit_name: ctx.own.name.clone(),
        teryt: ctx.own.teryt.clone(),
        group: ctx.view(),
        real_base,
        services,
        synthetic_peers: c.peers.has_dataset(demo::SYNTHETIC_DATASET)?,
        partial_budget_period: c
            .local
            .budget_periods()?
            .into_iter()
            .find(|(y, report, _)| *y == year && report == "Rb-28S")
            .map(|(_, _, period)| period)
            .filter(|period| *period < 4),
    })
}

/// The same comparison as [`costs`], written to `path` as an XLSX workbook with
/// one sheet per service; the file is replaced whole or left as it was.
pub(crate) fn export_costs_xlsx(
    c: &Comparison<'_>,
    year: Option<i32>,
    group: &str,
    real_base: Option<i32>,
    path: &Path,
) -> Result<CostsView> {
    let view = costs(c, year, group, real_base)?;
    write_costs_xlsx(&workbook(&view), path)?;
    Ok(view)
}

fn workbook(view: &CostsView) -> CostWorkbook {
    let prices = match view.real_base {
        Some(base) => format!(
            "Ceny stałe roku {base}: kwoty w zł przeliczone średniorocznym wskaźnikiem cen towarów i usług konsumpcyjnych GUS."
        ),
        None => format!("Ceny bieżące roku {}.", view.year),
    };
    let origin = if view.synthetic_peers {
        "Dane porównawcze: SYNTETYCZNE DANE PRZYKŁADOWE (demo), nie są to dane publiczne."
    } else {
        "Dane porównawcze: dane publiczne w bazie porównawczej; wydatki własne ze sprawozdań Rb-28S, gdy je wczytano."
    };
    CostWorkbook {
        title: format!("Koszty jednostkowe – {} ({}), {}", view.unit_name, view.teryt, view.year),
        notes: vec![
            format!(
                "Grupa porównawcza: {} (n = {}); statystyki obejmują grupę i jednostkę.",
                view.group.label, view.group.n
            ),
            prices,
            origin.to_owned(),
        ]
        .into_iter()
        .chain(view.partial_budget_period.map(|p| {
            format!(
                "Wydatki własne roku {} ze sprawozdania Rb-28S narastająco do końca {p}. kwartału, \
                 nie za cały rok: koszty jednostkowe jednostki są zaniżone względem grupy.",
                view.year
            )
        }))
        .collect(),
        sheets: view
            .services
            .iter()
            .map(|s| CostSheet {
                service: s.service.clone(),
                lines: s
                    .rows
                    .iter()
                    .map(|r| CostLine {
                        code: r.indicator.clone(),
                        name: r.name.clone(),
                        unit: r.unit.clone(),
                        own: r.own,
                        n: r.n,
                        q1: r.q1,
                        median: r.median,
                        q3: r.q3,
                        above_q3: r.above_q3,
                    })
                    .collect(),
            })
            .collect(),
    }
}
