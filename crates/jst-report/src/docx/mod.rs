//! DOCX (heading styles, repeated table header rows, alt text on charts, language pl-PL) from a
//! [`Document`].

use std::path::Path;

use crate::{Document, Error};

/// The DOCX's bytes.
pub fn render_docx(doc: &Document) -> Result<Vec<u8>, Error> {
    let _ = doc;
    Err(Error::Docx("jeszcze nie zbudowano".to_owned()))
}

/// Writes the DOCX whole (beside, then renamed) or not at all.
pub fn write_docx(doc: &Document, path: &Path) -> Result<(), Error> {
    crate::safe_write::write_whole(path, &render_docx(doc)?)
}
