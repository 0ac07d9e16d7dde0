//! The meeting sheet of an experience-exchange group (zestawienie na spotkanie, issue 14): for a
//! year, every member named on each of the group's indicators and on the unit costs of the same
//! services, with the group's quartiles and each member's position — the members' values are
//! shown by name because they consented (DESIGN §8). Written as XLSX and PDF with the meeting
//! notes kept locally.

use std::collections::HashMap;
use std::path::Path;

use jst_analytics::{group_stats, own_position};
use jst_domain::{Formula, Polarity, Teryt};
use jst_report::{
    data_workbook, Block, Cell, Column, DataCell, DataColumn, DataSheet, Document, NumberStyle,
    Table,
};
use jst_store::IndicatorRecord;
use jst_text::t;
use serde::Serialize;

use super::benchmark::StatsView;
use super::values::Comparison;
use crate::exchange::{gwd_notes, same_unit, GwdNoteView};
use crate::support::{count, input::write_atomically};
use crate::{Error, Result};

/// Where a member stands on one indicator, best quarter first (turned by polarity); `None` for a
/// neutral indicator or without a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum QuarterBand {
    Best,
    SecondBest,
    SecondWeakest,
    Weakest,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct GwdSheetRowView {
    pub teryt: String,
    pub name: String,
    pub own: bool,
    pub value: Option<f64>,
    /// 1 = best; null for a neutral indicator or without a value.
    pub rank: Option<u32>,
    pub percentile_rank: Option<f64>,
    pub band: Option<QuarterBand>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct GwdSheetIndicatorView {
    pub code: String,
    pub name: String,
    pub unit: String,
    pub polarity: Polarity,
    /// A unit cost of a service of the group (DESIGN §5.7), not one of the group's indicators.
    pub unit_cost: bool,
    pub stats: StatsView,
    /// Every member, best first; members without a value last.
    pub rows: Vec<GwdSheetRowView>,
}

/// The JSON of `jst gwd sheet --format json` and what the files are written from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct GwdSheetView {
    pub id: String,
    pub name: String,
    pub area: String,
    pub description: String,
    pub year: i32,
    /// When the group's copy was fetched (RFC 3339 UTC).
    pub fetched_at: String,
    pub members: u32,
    pub indicators: Vec<GwdSheetIndicatorView>,
    pub notes: Vec<GwdNoteView>,
}

/// The file formats of the sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum GwdSheetFormat {
    Xlsx,
    Pdf,
}

fn band(value: f64, stats: &StatsView, polarity: Polarity) -> Option<QuarterBand> {
    let (q1, median, q3) = (stats.q1?, stats.median?, stats.q3?);
    let from_top = if value >= q3 {
        0
    } else if value >= median {
        1
    } else if value >= q1 {
        2
    } else {
        3
    };
    let position = match polarity {
        Polarity::HigherIsBetter => from_top,
        Polarity::LowerIsBetter => 3 - from_top,
        Polarity::Neutral => return None,
    };
    Some(
        [
            QuarterBand::Best,
            QuarterBand::SecondBest,
            QuarterBand::SecondWeakest,
            QuarterBand::Weakest,
        ][position],
    )
}

/// The sheet of group `id` for `year`.
pub(crate) fn gwd_sheet(c: &Comparison<'_>, id: &str, year: i32) -> Result<GwdSheetView> {
    let group = c.local.gwd_group(id)?.ok_or_else(|| Error::UnknownGroup(format!("gwd:{id}")))?;
    let ctx = c.group_context(&format!("gwd:{id}"), year)?;
    let catalogue: Vec<IndicatorRecord> = c.local.catalogue()?;
    let mut chosen: Vec<(IndicatorRecord, bool)> = group
        .indicators
        .iter()
        .filter_map(|code| catalogue.iter().find(|i| &i.code == code))
        .map(|i| (i.clone(), false))
        .collect();
    let areas: Vec<&str> = chosen.iter().filter_map(|(i, _)| i.area.as_deref()).collect();
    let costs: Vec<IndicatorRecord> = catalogue
        .iter()
        .filter(|i| i.origin == "catalogue" && !group.indicators.contains(&i.code))
        .filter(|i| i.area.as_deref().is_some_and(|a| areas.contains(&a)))
        .filter(|i| {
            i.formula
                .as_deref()
                .and_then(|f| Formula::parse(f).ok())
                .is_some_and(|f| f.is_unit_cost())
        })
        .cloned()
        .collect();
    chosen.extend(costs.into_iter().map(|i| (i, true)));
    let records: Vec<IndicatorRecord> = chosen.iter().map(|(i, _)| i.clone()).collect();
    let values = c.group_values_many(&records, year, &ctx)?;
    let mut indicators = Vec::with_capacity(chosen.len());
    for ((indicator, unit_cost), values) in chosen.into_iter().zip(values) {
        let polarity = Polarity::from_code(&indicator.polarity);
        let all = values.all();
        let stats = StatsView::from(group_stats(&all)?);
        let mut by_identity: HashMap<String, f64> =
            values.others.iter().map(|(m, v)| (ctx.member(*m).identity.clone(), *v)).collect();
        if let Some(v) = values.own {
            by_identity.insert(ctx.own.identity.clone(), v);
        }
        let mut rows: Vec<GwdSheetRowView> = group
            .members
            .iter()
            .map(|m| {
                let identity = Teryt::parse_lookup(&m.teryt).unwrap_or_else(|_| m.teryt.clone());
                let value = by_identity.get(&identity).copied();
                let position = value.and_then(|v| own_position(&all, v, polarity));
                GwdSheetRowView {
                    own: same_unit(&m.teryt, &ctx.own.teryt),
                    teryt: m.teryt.clone(),
                    name: m.name.clone(),
                    value,
                    rank: position.and_then(|p| p.rank).map(count),
                    percentile_rank: position.map(|p| p.percentile_rank),
                    band: value.and_then(|v| band(v, &stats, polarity)),
                }
            })
            .collect();
        rows.sort_by(|a, b| {
            let key = |r: &GwdSheetRowView| {
                let v = r.value.unwrap_or(f64::NAN);
                match polarity {
                    Polarity::LowerIsBetter => v,
                    _ => -v,
                }
            };
            (a.value.is_none(), key(a), &a.teryt)
                .partial_cmp(&(b.value.is_none(), key(b), &b.teryt))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        indicators.push(GwdSheetIndicatorView {
            name: indicator.name().to_owned(),
            code: indicator.code,
            unit: indicator.unit,
            polarity,
            unit_cost,
            stats,
            rows,
        });
    }
    Ok(GwdSheetView {
        description: ctx.label.clone(),
        members: count(group.members.len()),
        notes: gwd_notes(c.local, id)?,
        id: group.id,
        name: group.name,
        area: group.area,
        year,
        fetched_at: group.fetched_at,
        indicators,
    })
}

fn band_label(band: Option<QuarterBand>) -> String {
    match band {
        Some(QuarterBand::Best) => t!("core-gwd-band-best"),
        Some(QuarterBand::SecondBest) => t!("core-gwd-band-second-best"),
        Some(QuarterBand::SecondWeakest) => t!("core-gwd-band-second-weakest"),
        Some(QuarterBand::Weakest) => t!("core-gwd-band-weakest"),
        None => String::new(),
    }
}

/// Writes the sheet to `path` whole (or leaves it as it was).
pub(crate) fn export_gwd_sheet(
    c: &Comparison<'_>,
    id: &str,
    year: i32,
    format: GwdSheetFormat,
    path: &Path,
) -> Result<GwdSheetView> {
    let view = gwd_sheet(c, id, year)?;
    match format {
        GwdSheetFormat::Xlsx => write_atomically(path, &data_workbook(&sheets(&view))?)?,
        GwdSheetFormat::Pdf => jst_report::write_pdf(&document(&view), path)?,
    }
    Ok(view)
}

fn text(s: impl Into<String>) -> DataCell {
    DataCell::Text(s.into())
}

fn number(v: Option<f64>) -> DataCell {
    v.map_or(DataCell::Empty, DataCell::Number)
}

/// A sheet name: at most 31 characters, none of `[]:*?/\`, unique in the book.
fn sheet_name(code: &str, taken: &mut Vec<String>) -> String {
    let clean: String =
        code.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(28).collect::<String>();
    let mut name = clean.clone();
    let mut n = 2;
    while taken.contains(&name) {
        name = format!("{clean}~{n}");
        n += 1;
    }
    taken.push(name.clone());
    name
}

fn sheets(view: &GwdSheetView) -> Vec<DataSheet> {
    let column =
        |header: &str, width: f64, style| DataColumn { header: header.into(), width, style };
    let general = NumberStyle::General;
    let mut out = vec![DataSheet {
        name: t!("core-gwd-sheet-group"),
        columns: vec![column("pole", 24.0, general), column("wartosc", 90.0, general)],
        rows: [
            ("grupa", view.name.clone()),
            ("obszar", view.area.clone()),
            ("opis", view.description.clone()),
            ("rok", view.year.to_string()),
            ("pobrano", view.fetched_at.clone()),
        ]
        .into_iter()
        .map(|(k, v)| vec![text(k), text(v)])
        .chain(view.notes.iter().map(|n| {
            let year = n.year.map(|y| format!(" ({y})")).unwrap_or_default();
            vec![text(format!("notatka {}{year}", n.written_at)), text(n.text.clone())]
        }))
        .collect(),
    }];
    let mut taken = vec![out[0].name.clone()];
    for indicator in &view.indicators {
        let mut rows: Vec<Vec<DataCell>> = indicator
            .rows
            .iter()
            .map(|r| {
                vec![
                    number(r.rank.map(f64::from)),
                    text(r.teryt.clone()),
                    text(r.name.clone()),
                    number(r.value),
                    number(r.percentile_rank),
                    text(band_label(r.band)),
                ]
            })
            .collect();
        for (label, value) in [
            (t!("core-gwd-sheet-q1"), indicator.stats.q1),
            (t!("core-gwd-sheet-median"), indicator.stats.median),
            (t!("core-gwd-sheet-q3"), indicator.stats.q3),
        ] {
            rows.push(vec![DataCell::Empty, DataCell::Empty, text(label), number(value)]);
        }
        out.push(DataSheet {
            name: sheet_name(&indicator.code, &mut taken),
            columns: vec![
                column("pozycja", 9.0, NumberStyle::Whole),
                column("teryt", 10.0, general),
                column("jednostka", 28.0, general),
                column(&format!("wartosc [{}]", indicator.unit), 16.0, general),
                column("percentyl", 10.0, general),
                column("cwiartka", 26.0, general),
            ],
            rows,
        });
    }
    out
}

fn format_number(v: Option<f64>) -> String {
    v.map(|v| {
        let rounded = (v * 100.0).round() / 100.0;
        rounded.to_string().replace('.', ",")
    })
    .unwrap_or_else(|| "–".into())
}

fn document(view: &GwdSheetView) -> Document {
    let title = t!("core-gwd-sheet-title", name = &view.name, year = view.year);
    let mut blocks = vec![
        Block::Heading { level: 1, text: title.clone() },
        Block::Paragraph(view.description.clone()),
    ];
    for indicator in &view.indicators {
        blocks.push(Block::Heading {
            level: 2,
            text: format!("{} ({})", indicator.name, indicator.unit),
        });
        blocks.push(Block::Paragraph(t!(
            "core-gwd-sheet-quartiles",
            q1 = format_number(indicator.stats.q1),
            median = format_number(indicator.stats.median),
            q3 = format_number(indicator.stats.q3),
            n = indicator.stats.n
        )));
        blocks.push(Block::Table(Table {
            caption: indicator.name.clone(),
            columns: vec![
                Column::right(&t!("core-gwd-sheet-col-rank"), 8),
                Column::left(&t!("core-gwd-sheet-col-unit"), 40),
                Column::right(&t!("core-gwd-sheet-col-value"), 18),
                Column::left(&t!("core-gwd-sheet-col-band"), 34),
            ],
            rows: indicator
                .rows
                .iter()
                .map(|r| {
                    let name = Cell::plain(r.name.clone());
                    vec![
                        Cell::plain(r.rank.map(|r| r.to_string()).unwrap_or_default()),
                        if r.own { Cell::strong(r.name.clone()) } else { name },
                        Cell::plain(format_number(r.value)),
                        Cell::plain(band_label(r.band)),
                    ]
                })
                .collect(),
        }));
    }
    if !view.notes.is_empty() {
        blocks.push(Block::Heading { level: 2, text: t!("core-gwd-sheet-notes") });
        blocks.push(Block::List(
            view.notes.iter().map(|n| format!("{}: {}", n.written_at, n.text)).collect(),
        ));
    }
    Document {
        title,
        language: t!("core-gwd-sheet-language"),
        author: view.name.clone(),
        page_label: None,
        title_page: None,
        blocks,
    }
}
