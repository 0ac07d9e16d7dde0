//! DOCX (heading styles, repeated table header rows, alt text on charts, language pl-PL) from a
//! [`Document`], through docx-rust.
//!
//! docx-rust writes everything but two table properties (`w:cantSplit`, `w:tblCaption`), which
//! [`fixups`] adds to `word/document.xml` afterwards.

mod blocks;
mod fixups;
mod image;
mod numbering;
mod package;
mod page;
mod styles;
mod table;
mod text;
mod title;

use std::path::Path;

use docx_rust::document::BodyContent;

use crate::{Document, Error};

/// The DOCX's bytes.
pub fn render_docx(doc: &Document) -> Result<Vec<u8>, Error> {
    let mut extras = blocks::Extras::default();
    let mut body: Vec<BodyContent<'static>> = Vec::new();
    if let Some(page) = &doc.title_page {
        body.extend(title::title_page(page, &mut extras.media)?);
    }
    let title_page_end = body.len();
    for block in &doc.blocks {
        body.extend(blocks::block(block, &mut extras)?);
    }
    // Whatever follows the title page starts on a new page (a chapter heading would anyway).
    if doc.title_page.is_some() {
        if let Some(BodyContent::Paragraph(p)) = body.get_mut(title_page_end) {
            *p = text::new_page(std::mem::take(p));
        }
    }
    body.push(page::section(doc.title_page.is_some()));
    let language = if doc.language.trim().is_empty() { "pl-PL" } else { doc.language.trim() };
    let parts = package::Parts {
        title: &doc.title,
        author: &doc.author,
        language,
        header: page::header(doc),
        footer: page::footer(),
        media: &extras.media.files,
    };
    let written = package::write(body, parts)?;
    fixups::apply(written, &extras.table_captions)
}

/// Writes the DOCX whole (beside, then renamed) or not at all.
pub fn write_docx(doc: &Document, path: &Path) -> Result<(), Error> {
    crate::safe_write::write_whole(path, &render_docx(doc)?)
}
