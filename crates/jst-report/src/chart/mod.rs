//! An indicator's chart (values, the planned path, the projection) as SVG through plotters, and
//! rasterised to PNG for DOCX through resvg, both set in the shipped fonts.
//!
//! The title is not drawn: the document prints it above the chart, where it is real text.

mod draw;
mod legend;
pub(crate) mod raster;
mod scale;

use crate::{Chart, Error};

/// The SVG's size in CSS pixels: 640 × 300 reads well at 16 cm on a page.
pub(crate) const WIDTH: u32 = 640;
pub(crate) const HEIGHT: u32 = 300;

/// The chart as an SVG document.
pub fn svg(chart: &Chart) -> Result<String, Error> {
    draw::svg(&Series::of(chart), chart.unit.trim())
}

/// The chart as PNG, `width` pixels wide (the height keeps the SVG's proportions).
pub fn png(chart: &Chart, width: u32) -> Result<Vec<u8>, Error> {
    let tree = raster::parse(svg(chart)?.as_bytes()).map_err(Error::Chart)?;
    raster::rasterise(&tree, width).map_err(Error::Chart)
}

/// The chart's points as plotters draws them (years as `f64` so the axis can have room around
/// the first and last year); points that are not finite numbers are left out.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Series {
    pub observed: Vec<(f64, f64)>,
    pub planned: Vec<(f64, f64)>,
    pub projection: Vec<(f64, f64)>,
}

/// The extent of every point of every series.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Bounds {
    pub first_year: i32,
    pub last_year: i32,
    pub min_value: f64,
    pub max_value: f64,
}

impl Series {
    fn of(chart: &Chart) -> Self {
        let points = |values: &[(i32, f64)]| {
            let mut points: Vec<(f64, f64)> = values
                .iter()
                .filter(|(_, v)| v.is_finite())
                .map(|(year, v)| (f64::from(*year), *v))
                .collect();
            points.sort_by(|a, b| a.0.total_cmp(&b.0));
            points
        };
        Self {
            observed: points(&chart.observed),
            planned: points(&chart.planned),
            projection: points(&chart.projection),
        }
    }

    fn all(&self) -> impl Iterator<Item = &(f64, f64)> {
        self.observed.iter().chain(&self.planned).chain(&self.projection)
    }

    /// `None` when there is nothing to draw.
    pub(crate) fn bounds(&self) -> Option<Bounds> {
        let mut all = self.all();
        let first = *all.next()?;
        let start = Bounds {
            first_year: first.0 as i32,
            last_year: first.0 as i32,
            min_value: first.1,
            max_value: first.1,
        };
        Some(all.fold(start, |b, (year, value)| Bounds {
            first_year: b.first_year.min(*year as i32),
            last_year: b.last_year.max(*year as i32),
            min_value: b.min_value.min(*value),
            max_value: b.max_value.max(*value),
        }))
    }
}
