//! The two table properties docx-rust has no field for, written into `word/document.xml` after
//! it: `w:cantSplit` on every row (a row is never split across pages) and `w:tblCaption` (the
//! table's accessible title, which Word shows as its alternative text). Every other part is
//! copied as it is, compressed bytes and all.

use std::io::{Cursor, Read};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::package::xml_attr;
use crate::Error;

const DOCUMENT: &str = "word/document.xml";

/// Rewrites `word/document.xml` of the package; `captions` are the tables' in document order.
pub(crate) fn apply(package: Vec<u8>, captions: &[String]) -> Result<Vec<u8>, Error> {
    let fail = |e: zip::result::ZipError| Error::Docx(e.to_string());
    let mut archive = ZipArchive::new(Cursor::new(package)).map_err(fail)?;
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let file = archive.by_index_raw(i).map_err(fail)?;
        if file.name().map_err(fail)? != DOCUMENT {
            out.raw_copy_file(file).map_err(fail)?;
            continue;
        }
        drop(file);
        let mut xml = String::new();
        archive
            .by_index(i)
            .map_err(fail)?
            .read_to_string(&mut xml)
            .map_err(|e| Error::Docx(e.to_string()))?;
        let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
        out.start_file(DOCUMENT, options).map_err(fail)?;
        std::io::Write::write_all(&mut out, document(&xml, captions).as_bytes())
            .map_err(|e| Error::Docx(e.to_string()))?;
    }
    Ok(out.finish().map_err(fail)?.into_inner())
}

/// The document's XML with every row kept whole and every table captioned. Text never holds a
/// literal `<w:trPr` or `</w:tblPr>` (the writer escapes `<`), so plain matching is exact.
pub(crate) fn document(xml: &str, captions: &[String]) -> String {
    let xml = xml
        .replace("<w:trPr>", "<w:trPr><w:cantSplit/>")
        .replace("<w:trPr/>", "<w:trPr><w:cantSplit/></w:trPr>");
    let mut out =
        String::with_capacity(xml.len() + captions.iter().map(|c| c.len() + 40).sum::<usize>());
    // Each table writes one `w:tblPr` with children; should that ever not hold, no caption is
    // better than captions on the wrong tables.
    let captions = if xml.matches("</w:tblPr>").count() == captions.len() { captions } else { &[] };
    let mut captions = captions.iter();
    let mut pieces = xml.split("</w:tblPr>").peekable();
    while let Some(piece) = pieces.next() {
        out.push_str(piece);
        if pieces.peek().is_some() {
            // w:tblCaption is the last child w:tblPr may have, so it goes right before the end.
            if let Some(caption) = captions.next() {
                out.push_str(&format!(r#"<w:tblCaption w:val="{}"/>"#, xml_attr(caption)));
            }
            out.push_str("</w:tblPr>");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_kept_whole_and_tables_captioned() {
        let xml = "<w:tbl><w:tblPr><w:tblW/></w:tblPr><w:tr><w:trPr><w:tblHeader/></w:trPr></w:tr>\
                   <w:tr><w:trPr/></w:tr></w:tbl><w:tbl><w:tblPr></w:tblPr></w:tbl>";
        let fixed = document(xml, &["A & \"B\"".to_owned(), "C".to_owned()]);
        assert_eq!(
            fixed,
            "<w:tbl><w:tblPr><w:tblW/><w:tblCaption w:val=\"A &amp; &quot;B&quot;\"/></w:tblPr>\
             <w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr></w:tr>\
             <w:tr><w:trPr><w:cantSplit/></w:trPr></w:tr></w:tbl>\
             <w:tbl><w:tblPr><w:tblCaption w:val=\"C\"/></w:tblPr></w:tbl>"
        );
        let one_short = document(xml, &["A".to_owned()]);
        assert!(!one_short.contains("w:tblCaption") && one_short.contains("<w:cantSplit/>"));
    }
}
