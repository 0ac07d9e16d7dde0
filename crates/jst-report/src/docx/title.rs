//! The title page: emblem, unit, title, subtitle and the facts (strategy, resolution, period …),
//! centred above a left-aligned list of label and value.

use docx_rust::document::{BodyContent, Run, RunContent, Tab};
use docx_rust::formatting::JustificationVal;

use super::image::Media;
use super::styles::{FACT, FIGURE, SUBTITLE, TITLE, UNIT};
use super::text::{align, paragraph, plain, run, Look};
use crate::{Error, TitlePage};

/// The emblem's height and widest width on the page.
const EMBLEM_HEIGHT_CM: f64 = 3.5;
const EMBLEM_MAX_WIDTH_CM: f64 = 8.0;
const LABEL: &str = "595959";

pub(crate) fn title_page(
    page: &TitlePage,
    media: &mut Media,
) -> Result<Vec<BodyContent<'static>>, Error> {
    let centre = |p| align(p, JustificationVal::Center);
    let mut out: Vec<BodyContent<'static>> = Vec::new();
    if let Some(emblem) = &page.emblem {
        let picture = media.emblem(emblem, EMBLEM_HEIGHT_CM, EMBLEM_MAX_WIDTH_CM)?;
        out.push(centre(paragraph(FIGURE, vec![picture])).into());
    }
    out.push(centre(plain(UNIT, &page.unit)).into());
    out.push(centre(plain(TITLE, &page.title)).into());
    if let Some(subtitle) = page.subtitle.as_deref().filter(|s| !s.trim().is_empty()) {
        out.push(centre(plain(SUBTITLE, subtitle)).into());
    }
    for (label, value) in &page.facts {
        let tab = Run { content: vec![RunContent::Tab(Tab)], ..Run::default() };
        let label = run(label, Look { colour: Some(LABEL), ..Look::PLAIN });
        out.push(paragraph(FACT, vec![label, tab, run(value, Look::PLAIN)]).into());
    }
    Ok(out)
}
