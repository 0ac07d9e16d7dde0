//! The page: A4 with 2 cm margins, the running header (document title, and the page label such
//! as "dane przykładowe") and the footer's page number as Word fields, so it stays right after
//! the user edits the document.

use docx_rust::document::{
    BodyContent, CharType, FieldChar, Footer, FooterReference, Header, HeaderFooterReference,
    HeaderFooterReferenceType, HeaderReference, Run, RunContent, Tab, Text,
};
use docx_rust::formatting::{JustificationVal, PageMargin, PageSize, SectionProperty};

use super::styles::{FOOTER, HEADER};
use super::text::{align, paragraph, run, Look};
use crate::{wording, Document};

/// Part names (inside `word/`) and relationship ids of the header and the footer.
pub(crate) const HEADER_PART: &str = "header1.xml";
pub(crate) const FOOTER_PART: &str = "footer1.xml";
pub(crate) const HEADER_REL: &str = "rIdHeader1";
pub(crate) const FOOTER_REL: &str = "rIdFooter1";

/// A4 in twentieths of a point, and 2 cm margins (header and footer 1 cm from the edge).
const A4: (isize, isize) = (11906, 16838);
const MARGIN: isize = 1134;
const HEADER_DISTANCE: isize = 567;

/// Title on the left, the page label on the right (the style's right tab stop).
pub(crate) fn header(doc: &Document) -> Header<'static> {
    let mut runs = vec![run(&doc.title, Look::PLAIN)];
    if let Some(label) = doc.page_label.as_deref().filter(|l| !l.trim().is_empty()) {
        runs.push(Run { content: vec![RunContent::Tab(Tab)], ..Run::default() });
        runs.push(run(label, Look::BOLD));
    }
    let mut header = Header::default();
    header.push(paragraph(HEADER, runs));
    header
}

/// "Strona N z M" from the wording's template, its numbers as PAGE and NUMPAGES fields.
pub(crate) fn footer() -> Footer<'static> {
    let mut runs = Vec::new();
    let mut rest = wording::PAGE_NUMBER;
    while !rest.is_empty() {
        let next = [("{n}", "PAGE"), ("{total}", "NUMPAGES")]
            .into_iter()
            .filter_map(|(key, field)| rest.find(key).map(|at| (at, key, field)))
            .min_by_key(|(at, _, _)| *at);
        match next {
            Some((at, key, field)) => {
                if at > 0 {
                    runs.push(run(&rest[..at], Look::PLAIN));
                }
                runs.extend(field_runs(field));
                rest = &rest[at + key.len()..];
            }
            None => {
                runs.push(run(rest, Look::PLAIN));
                rest = "";
            }
        }
    }
    let mut footer = Footer::default();
    footer.push(align(paragraph(FOOTER, runs), JustificationVal::Center));
    footer
}

/// A complex field: begin, instruction, separator, a placeholder result, end.
fn field_runs(instruction: &'static str) -> Vec<Run<'static>> {
    let char_run =
        |ty| Run { content: vec![RunContent::FieldChar(FieldChar::from(ty))], ..Run::default() };
    // docx-rust does not export `InstrText`; its `From<&str>` is reached through the variant.
    let instr = RunContent::InstrText(instruction.into());
    vec![
        char_run(CharType::Begin),
        Run { content: vec![instr], ..Run::default() },
        char_run(CharType::Separate),
        Run { content: vec![RunContent::Text(Text::from("1"))], ..Run::default() },
        char_run(CharType::End),
    ]
}

/// The one section: page size, margins, header and footer; a title page has neither.
pub(crate) fn section(title_page: bool) -> BodyContent<'static> {
    let references = vec![
        HeaderFooterReference::Header(HeaderReference {
            ty: Some(HeaderFooterReferenceType::Default),
            id: Some(HEADER_REL.into()),
        }),
        HeaderFooterReference::Footer(FooterReference {
            ty: Some(HeaderFooterReferenceType::Default),
            id: Some(FOOTER_REL.into()),
        }),
    ];
    BodyContent::SectionProperty(SectionProperty {
        header_footer_references: references,
        page_size: Some(PageSize { weight: A4.0, height: A4.1 }),
        page_margin: Some(PageMargin {
            top: Some(MARGIN),
            right: Some(MARGIN),
            bottom: Some(MARGIN),
            left: Some(MARGIN),
            header: Some(HEADER_DISTANCE),
            footer: Some(HEADER_DISTANCE),
            gutter: Some(0),
        }),
        title_page: title_page.then(docx_rust::formatting::TitlePage::default),
        ..SectionProperty::default()
    })
}
