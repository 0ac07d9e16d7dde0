//! The chart drawn with plotters onto its SVG backend: the unit above the value axis, the year
//! axis, the three series, and the legend in a strip below the plot.
//!
//! plotters places everything on whole backend pixels, which makes dashed lines visibly
//! zig-zag at 640 px. So the chart is drawn [`SCALE`] times larger and the SVG's `width` and
//! `height` are set back to 640 × 300: its `viewBox` keeps the finer grid.

use std::sync::OnceLock;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{register_font, FontStyle};

use super::legend::draw_legend;
use super::scale::{value_axis, year_axis, Ticked};
use super::{Bounds, Series, HEIGHT, WIDTH};
use crate::fonts::{FAMILY, FILES};
use crate::{wording, Error};

/// Backend pixels per SVG pixel.
pub(super) const SCALE: u32 = 4;

pub(super) const OBSERVED: RGBColor = RGBColor(0x1f, 0x4e, 0x79);
pub(super) const PLANNED: RGBColor = RGBColor(0x75, 0x75, 0x75);
pub(super) const PROJECTION: RGBColor = RGBColor(0x4f, 0x8f, 0xd0);
const GRID: RGBColor = RGBColor(0xe3, 0xe3, 0xe3);
const AXIS: RGBColor = RGBColor(0x9e, 0x9e, 0x9e);
const TEXT: RGBColor = RGBColor(0x33, 0x33, 0x33);

/// Font size of every label, in SVG pixels.
const LABEL_PX: f64 = 12.0;
/// Height of the legend strip under the plot, in SVG pixels.
const LEGEND_HEIGHT: u32 = 30;
/// Room above the plot for the unit, in SVG pixels.
const UNIT_HEIGHT: u32 = 30;

/// SVG pixels in backend pixels.
pub(super) const fn px(n: u32) -> u32 {
    n * SCALE
}

/// The same, signed, for coordinates.
pub(super) const fn at(n: i32) -> i32 {
    n * SCALE as i32
}

/// Line styles of the three series (shared with the legend's samples).
pub(super) fn observed_line() -> ShapeStyle {
    OBSERVED.stroke_width(px(2))
}

pub(super) fn planned_line() -> ShapeStyle {
    PLANNED.stroke_width(px(2))
}

/// A dot of the projection's dotted line, centred on `c`.
pub(super) fn projection_dot(c: (i32, i32)) -> Circle<(i32, i32), u32> {
    Circle::new(c, px(2), PROJECTION.filled())
}

pub(super) fn observed_marker<C>(c: C) -> Circle<C, u32> {
    Circle::new(c, px(4), OBSERVED.filled())
}

/// Dash and gap of the planned path, and the projection's dot spacing.
pub(super) const DASH: (u32, u32) = (px(8), px(5));
pub(super) const DOT_SPACING: u32 = px(6);

/// Labels at `LABEL_PX`: plotters writes 1/1.24 of the size it is given as the CSS font size.
pub(super) fn font() -> TextStyle<'static> {
    (FAMILY, f64::from(px(1)) * LABEL_PX * 1.24).into_font().color(&TEXT)
}

/// plotters measures text with ab_glyph from fonts registered by name; registered once, from
/// the shipped DejaVu Sans, so no system font is ever looked up.
fn register_fonts() -> Result<(), Error> {
    static REGISTERED: OnceLock<bool> = OnceLock::new();
    let ok = REGISTERED.get_or_init(|| {
        register_font(FAMILY, FontStyle::Normal, FILES[0]).is_ok()
            && register_font(FAMILY, FontStyle::Bold, FILES[1]).is_ok()
    });
    if *ok {
        Ok(())
    } else {
        Err(Error::Chart("nie udało się wczytać czcionki DejaVu Sans".to_owned()))
    }
}

pub(super) fn fail(e: impl std::fmt::Display) -> Error {
    Error::Chart(e.to_string())
}

pub(super) type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;

/// The SVG document of the series.
pub(crate) fn svg(series: &Series, unit: &str) -> Result<String, Error> {
    register_fonts()?;
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (px(WIDTH), px(HEIGHT))).into_drawing_area();
        root.fill(&WHITE).map_err(fail)?;
        let (plot, legend) = root.split_vertically(px(HEIGHT - LEGEND_HEIGHT));
        match series.bounds() {
            Some(bounds) => draw_plot(&plot, series, bounds, unit)?,
            None => draw_empty(&plot)?,
        }
        draw_legend(&legend, series)?;
        root.present().map_err(fail)?;
    }
    let drawn = format!(r#"width="{}" height="{}""#, px(WIDTH), px(HEIGHT));
    let shown = format!(r#"width="{WIDTH}" height="{HEIGHT}""#);
    Ok(out.replacen(&drawn, &shown, 1))
}

fn draw_plot(area: &Area<'_>, series: &Series, bounds: Bounds, unit: &str) -> Result<(), Error> {
    let values = value_axis(bounds.min_value, bounds.max_value);
    let years = year_axis(bounds.first_year, bounds.last_year);
    let decimals = values.decimals;
    let label = |v: &f64| jst_domain::format_decimal(*v, decimals);
    let label_width = values
        .ticks
        .iter()
        .filter_map(|v| area.estimate_text_size(&label(v), &font()).ok())
        .map(|(w, _)| w)
        .max()
        .unwrap_or(0);

    if !unit.is_empty() {
        let style = font().pos(Pos::new(HPos::Left, VPos::Top));
        area.draw_text(unit, &style, (at(8), at(4))).map_err(fail)?;
    }

    let mut chart = ChartBuilder::on(area)
        .margin_top(px(UNIT_HEIGHT))
        .margin_right(px(18))
        .margin_left(px(8))
        .x_label_area_size(px(26))
        .y_label_area_size(label_width + px(14))
        .build_cartesian_2d(
            Ticked::new(years.range.clone(), &years.ticks),
            Ticked::new(values.range.clone(), &values.ticks),
        )
        .map_err(fail)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .bold_line_style(GRID.stroke_width(px(1)))
        .axis_style(AXIS.stroke_width(px(1)))
        .label_style(font())
        .set_all_tick_mark_size(px(4))
        .x_label_formatter(&|year| format!("{}", year.round() as i64))
        .y_label_formatter(&label)
        .draw()
        .map_err(fail)?;

    // Planned path under the projection under the observed values.
    let (dash, gap) = DASH;
    chart
        .draw_series(DashedLineSeries::new(series.planned.clone(), dash, gap, planned_line()))
        .map_err(fail)?;
    if let [only] = series.planned[..] {
        chart.draw_series([Circle::new(only, px(3), PLANNED.filled())]).map_err(fail)?;
    }
    let dotted = DottedLineSeries::new(series.projection.clone(), 0, DOT_SPACING, projection_dot);
    chart.draw_series(dotted).map_err(fail)?;
    if let [only] = series.projection[..] {
        chart.draw_series([Circle::new(only, px(2), PROJECTION.filled())]).map_err(fail)?;
    }
    chart.draw_series(LineSeries::new(series.observed.clone(), observed_line())).map_err(fail)?;
    chart.draw_series(series.observed.iter().map(|p| observed_marker(*p))).map_err(fail)?;
    Ok(())
}

/// A frame with a sentence instead of axes, so a document with an indicator without values
/// still renders.
fn draw_empty(area: &Area<'_>) -> Result<(), Error> {
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let frame = [(at(8), at(UNIT_HEIGHT as i32)), (w - at(18), h - at(8))];
    area.draw(&Rectangle::new(frame, AXIS.stroke_width(px(1)))).map_err(fail)?;
    let style = font().pos(Pos::new(HPos::Center, VPos::Center));
    let centre = (w / 2, (h + at(UNIT_HEIGHT as i32)) / 2);
    area.draw_text(wording::CHART_NO_VALUES, &style, centre).map_err(fail)?;
    Ok(())
}
