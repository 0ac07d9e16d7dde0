//! The legend: one line under the plot with a sample and the name of each series drawn (a
//! series without points is left out), centred. Drawn below rather than inside the plot so it
//! never covers a line.

use plotters::element::{DashedPathElement, DottedPathElement};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::draw::{
    at, fail, font, observed_line, observed_marker, planned_line, projection_dot, Area, DASH,
    DOT_SPACING,
};
use super::Series;
use crate::{wording, Error};

#[derive(Debug, Clone, Copy)]
enum Kind {
    Observed,
    Planned,
    Projection,
}

pub(super) fn draw_legend(area: &Area<'_>, series: &Series) -> Result<(), Error> {
    const SAMPLE: i32 = at(30);
    const GAP: i32 = at(8);
    const BETWEEN: i32 = at(26);
    let entries: Vec<(&str, Kind)> = [
        (wording::CHART_OBSERVED, Kind::Observed, &series.observed),
        (wording::CHART_PLANNED, Kind::Planned, &series.planned),
        (wording::CHART_PROJECTION, Kind::Projection, &series.projection),
    ]
    .into_iter()
    .filter(|(_, _, points)| !points.is_empty())
    .map(|(name, kind, _)| (name, kind))
    .collect();
    let widths: Vec<i32> = entries
        .iter()
        .map(|(name, _)| area.estimate_text_size(name, &font()).map(|(w, _)| w as i32))
        .collect::<Result<_, _>>()
        .map_err(fail)?;
    let total: i32 = widths.iter().map(|w| SAMPLE + GAP + w + BETWEEN).sum::<i32>() - BETWEEN;
    let (w, h) = area.dim_in_pixel();
    let y = h as i32 / 2;
    let mut x = (w as i32 - total) / 2;
    let text = font().pos(Pos::new(HPos::Left, VPos::Center));
    for ((name, kind), width) in entries.into_iter().zip(widths) {
        let line = [(x, y), (x + SAMPLE, y)];
        match kind {
            Kind::Observed => {
                area.draw(&PathElement::new(line, observed_line())).map_err(fail)?;
                area.draw(&observed_marker((x + SAMPLE / 2, y))).map_err(fail)?;
            }
            Kind::Planned => {
                let (dash, gap) = DASH;
                area.draw(&DashedPathElement::new(line, dash, gap, planned_line()))
                    .map_err(fail)?;
            }
            Kind::Projection => {
                let dots = DottedPathElement::new(line, 0, DOT_SPACING, projection_dot);
                area.draw(&dots).map_err(fail)?;
            }
        }
        area.draw_text(name, &text, (x + SAMPLE + GAP, y)).map_err(fail)?;
        x += SAMPLE + GAP + width + BETWEEN;
    }
    Ok(())
}
