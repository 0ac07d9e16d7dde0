//! Tagged PDF (PDF/UA-1, language pl-PL, fonts embedded) from a [`Document`], through Typst used
//! as a library.

use std::path::Path;

use crate::{Document, Error};

/// The PDF's bytes.
pub fn render_pdf(doc: &Document) -> Result<Vec<u8>, Error> {
    let _ = doc;
    Err(Error::Pdf("jeszcze nie zbudowano".to_owned()))
}

/// Writes the PDF whole (beside, then renamed) or not at all.
pub fn write_pdf(doc: &Document, path: &Path) -> Result<(), Error> {
    crate::safe_write::write_whole(path, &render_pdf(doc)?)
}
