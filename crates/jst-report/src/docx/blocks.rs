//! The document's blocks as Word paragraphs and tables.

use docx_rust::document::BodyContent;
use docx_rust::formatting::{JustificationVal, NumberingProperty};

use super::image::{png_size, Media};
use super::numbering::BULLETS;
use super::styles::{CAPTION, COMMENTARY, FIGURE, HEADING, LIST, NORMAL};
use super::table::{status_key, table};
use super::text::{align, paragraph, plain, run, Look};
use crate::{chart, Block, Chart, Error};

/// How wide a chart is on the page.
const CHART_WIDTH_CM: f64 = 16.0;
/// Pixels of the chart's PNG: twice the SVG's size, sharp when printed at 16 cm.
const CHART_PIXELS: u32 = 1280;

/// Everything a block leaves in the package besides its paragraphs.
#[derive(Debug, Default)]
pub(crate) struct Extras {
    pub media: Media,
    /// Every table's caption, in document order (written by `fixups`).
    pub table_captions: Vec<String>,
}

pub(crate) fn block(
    block: &Block,
    extras: &mut Extras,
) -> Result<Vec<BodyContent<'static>>, Error> {
    Ok(match block {
        Block::Heading { level, text } => {
            let style = HEADING[usize::from(level.clamp(&1, &3) - 1)];
            vec![plain(style, text).into()]
        }
        Block::Paragraph(text) => vec![plain(NORMAL, text).into()],
        Block::List(items) => items
            .iter()
            .map(|item| {
                let mut p = plain(LIST, item);
                let props = p.property.get_or_insert_with(Default::default);
                props.numbering = Some(NumberingProperty::from((BULLETS, 0)));
                p.into()
            })
            .collect(),
        Block::Commentary { label, text } => {
            let runs = vec![run(&format!("{label}\n"), Look::BOLD), run(text, Look::PLAIN)];
            vec![paragraph(COMMENTARY, runs).into()]
        }
        Block::Table(t) => table(&t.caption, &t.columns, &t.rows, &mut extras.table_captions),
        Block::Chart(c) => chart_block(c, &mut extras.media)?,
        Block::StatusKey(t) => status_key(t, &mut extras.table_captions),
    })
}

/// The chart's title as a caption, then the chart as a picture with its alternative text.
fn chart_block(c: &Chart, media: &mut Media) -> Result<Vec<BodyContent<'static>>, Error> {
    let png = chart::png(c, CHART_PIXELS)?;
    let size = png_size(&png).ok_or_else(|| Error::Chart("niepoprawny obraz PNG".to_owned()))?;
    let picture = media.picture(png, size, CHART_WIDTH_CM, &c.title, &c.alt);
    Ok(vec![
        plain(CAPTION, &c.title).into(),
        align(paragraph(FIGURE, vec![picture]), JustificationVal::Center).into(),
    ])
}
