//! Tagged PDF (PDF/UA-1, language pl-PL, fonts embedded) from a [`Document`], through Typst used
//! as a library.
//!
//! The document goes to Typst as JSON and the layout lives in one Typst file
//! (`templates/document.typ`), so the look can change without touching Rust, and no user text is
//! ever read as Typst markup.

mod data;
mod diagnostics;
mod glyphs;
mod world;

use std::path::Path;

use typst::diag::Warned;
use typst::foundations::Smart;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

use crate::{Chart, Document, Error};
use world::ReportWorld;

/// The layout of every PDF report.
const TEMPLATE: &str = include_str!("../../templates/document.typ");

/// The PDF's bytes.
pub fn render_pdf(doc: &Document) -> Result<Vec<u8>, Error> {
    render(doc, &crate::chart::svg).map(|(pdf, _warnings)| pdf)
}

/// Writes the PDF whole (beside, then renamed) or not at all.
pub fn write_pdf(doc: &Document, path: &Path) -> Result<(), Error> {
    crate::safe_write::write_whole(path, &render_pdf(doc)?)
}

/// The PDF and Typst's warnings (which tests require to be none). Charts are drawn by
/// `chart_svg`, so this module's tests can run before or without the real chart.
fn render(
    doc: &Document,
    chart_svg: &dyn Fn(&Chart) -> Result<String, Error>,
) -> Result<(Vec<u8>, Vec<String>), Error> {
    let input = data::prepare(doc, chart_svg)?;
    let files = std::iter::once((data::DATA_PATH.to_owned(), input.json)).chain(input.assets);
    let world = ReportWorld::new(TEMPLATE, files)?;
    let result = compile(&world);
    // Typst memoises across compilations in process-wide caches; a report is rendered once, so
    // keeping them would only hold on to memory in the desktop app.
    typst::comemo::evict(0);
    result
}

fn compile(world: &ReportWorld) -> Result<(Vec<u8>, Vec<String>), Error> {
    let Warned { output, warnings } = typst::compile(world);
    let warnings = warnings.iter().map(|w| diagnostics::describe(world, w)).collect();
    // The document type (typst_layout's PagedDocument) is inferred from `typst_pdf::pdf`, which
    // saves depending on typst-layout just to name it.
    let document = output.map_err(|errors| diagnostics::to_error(world, &errors))?;
    let pdf = typst_pdf::pdf(&document, &options()?)
        .map_err(|errors| diagnostics::to_error(world, &errors))?;
    Ok((pdf, warnings))
}

fn options() -> Result<PdfOptions, Error> {
    // PDF/UA-1 makes Typst check the accessibility rules it can check (alt text, heading order,
    // title, language) and fail instead of writing a PDF that breaks them.
    let standards =
        PdfStandards::new(&[PdfStandard::Ua_1]).map_err(|e| Error::Pdf(e.message().to_string()))?;
    Ok(PdfOptions {
        // Auto: an id hashed from title and author, stable between renders of the same report.
        ident: Smart::Auto,
        creator: Smart::Custom(Some("Monitor JST".to_owned())),
        // No creation date: the renderer reads no clock (dates the reader needs are in the text).
        timestamp: None,
        page_ranges: None,
        standards,
        tagged: true,
        pretty: false,
    })
}

#[cfg(test)]
mod tests;
