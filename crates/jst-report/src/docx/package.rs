//! The package around the body: parts, content types, relationships and core properties.
//!
//! docx-rust fills in relationships itself only where we have not: it types the footer's as a
//! header's and the core properties' with a misspelt namespace, and declares no content type
//! for headers, footers, numbering or PNG. So every relationship and content type is declared
//! here, correctly; `Docx::write` then finds each target present and adds nothing.

use std::borrow::Cow;
use std::io::Cursor;

use docx_rust::content_type::{ContentTypes, DefaultContentType, OverrideContentType};
use docx_rust::core::{Core, CoreNamespace};
use docx_rust::document::{BodyContent, Footer, Header};
use docx_rust::media::MediaType;
use docx_rust::rels::{Relationship, Relationships};
use docx_rust::Docx;

use super::image::MediaFile;
use super::numbering::numbering;
use super::page::{FOOTER_PART, FOOTER_REL, HEADER_PART, HEADER_REL};
use super::styles::styles;
use crate::Error;

const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
const CORE_REL: &str =
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
const WORDML: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
const SETTINGS_PART: &str = "word/settings.xml";

/// Word 2013+ layout (no "Tryb zgodności" in the title bar), Polish proofing for theme text and
/// a decimal comma. docx-rust's settings type has no `w:compatSetting`, so this part is written
/// as it stands, through docx-rust's own door for extra parts (`custom_xml`).
const SETTINGS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    r#"<w:defaultTabStop w:val="708"/>"#,
    r#"<w:characterSpacingControl w:val="doNotCompress"/>"#,
    r#"<w:compat><w:compatSetting w:name="compatibilityMode" "#,
    r#"w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>"#,
    r#"<w:themeFontLang w:val="{lang}"/>"#,
    r#"<w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/>"#,
    r#"</w:settings>"#,
);

/// What goes into the package besides the body.
pub(crate) struct Parts<'a> {
    pub title: &'a str,
    pub author: &'a str,
    pub language: &'a str,
    pub header: Header<'static>,
    pub footer: Footer<'static>,
    pub media: &'a [MediaFile],
}

/// The DOCX's bytes as docx-rust writes them.
pub(crate) fn write(body: Vec<BodyContent<'static>>, parts: Parts<'_>) -> Result<Vec<u8>, Error> {
    let settings = SETTINGS.replace("{lang}", &xml_attr(parts.language));
    let mut docx = Docx::default();
    docx.document.body.content = body;
    docx.styles = styles(parts.language);
    docx.numbering = Some(numbering());
    docx.headers.insert(HEADER_PART.to_owned(), parts.header);
    docx.footers.insert(FOOTER_PART.to_owned(), parts.footer);
    for file in parts.media {
        docx.media.insert(file.target.clone(), (MediaType::Image, &file.png));
    }
    docx.custom_xml.insert(SETTINGS_PART.to_owned(), Cow::Owned(settings.into_bytes()));
    docx.core = Some(Core::CoreNamespace(CoreNamespace {
        title: Some(parts.title.to_owned().into()),
        creator: Some(parts.author.to_owned().into()),
        language: Some(parts.language.to_owned().into()),
        ..CoreNamespace::default()
    }));
    docx.content_types = content_types();
    docx.rels = Relationships {
        relationships: vec![
            rel("rId1", &format!("{REL}officeDocument"), "word/document.xml"),
            rel("rId2", CORE_REL, "docProps/core.xml"),
        ],
    };
    let mut document_rels = vec![
        rel("rId1", &format!("{REL}styles"), "styles.xml"),
        rel("rId2", &format!("{REL}numbering"), "numbering.xml"),
        rel("rId3", &format!("{REL}settings"), "settings.xml"),
        rel(HEADER_REL, &format!("{REL}header"), HEADER_PART),
        rel(FOOTER_REL, &format!("{REL}footer"), FOOTER_PART),
    ];
    for file in parts.media {
        document_rels.push(rel(&file.rel_id, &format!("{REL}image"), &file.target));
    }
    docx.document_rels = Some(Relationships { relationships: document_rels });
    let written = docx.write(Cursor::new(Vec::new())).map_err(|e| Error::Docx(e.to_string()))?;
    Ok(written.into_inner())
}

fn rel(id: &str, ty: &str, target: &str) -> Relationship<'static> {
    Relationship {
        id: id.to_owned().into(),
        target: target.to_owned().into(),
        ty: ty.to_owned().into(),
        target_mode: None,
    }
}

fn content_types() -> ContentTypes<'static> {
    let default =
        |ext: &'static str, ty: &'static str| DefaultContentType { ext: ext.into(), ty: ty.into() };
    let wordml = |part: &str, kind: &str| OverrideContentType {
        part: part.to_owned().into(),
        ty: format!("{WORDML}{kind}+xml").into(),
    };
    ContentTypes {
        defaults: vec![
            default("rels", "application/vnd.openxmlformats-package.relationships+xml"),
            default("xml", "application/xml"),
            default("png", "image/png"),
        ],
        overrides: vec![
            OverrideContentType {
                part: "/docProps/core.xml".into(),
                ty: "application/vnd.openxmlformats-package.core-properties+xml".into(),
            },
            wordml("/word/document.xml", "document.main"),
            wordml("/word/styles.xml", "styles"),
            wordml("/word/numbering.xml", "numbering"),
            wordml("/word/settings.xml", "settings"),
            wordml(&format!("/word/{HEADER_PART}"), "header"),
            wordml(&format!("/word/{FOOTER_PART}"), "footer"),
        ],
    }
}

/// Text escaped for an XML attribute value.
pub(crate) fn xml_attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}
