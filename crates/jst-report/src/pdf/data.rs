//! The document as the template reads it: one JSON file plus the images it names.
//!
//! User text reaches Typst only as JSON string values, never spliced into markup, so a `#`, `*`,
//! `$` or `@` in an officer's note prints as written instead of being read as Typst syntax. The
//! mirror types here are private to the PDF writer: the template's needs (colours resolved,
//! paragraphs split, images turned into file paths) stay out of the shared content model.

use serde::Serialize;

use super::glyphs;
use crate::document::status_colour;
use crate::wording;
use crate::{Align, Block, Chart, Document, Error, ImageFormat, Table, Tone};
use jst_domain::strategy::{Status, Thresholds};

/// Where the template finds the JSON (see `templates/document.typ`).
pub(super) const DATA_PATH: &str = "/data/document.json";

/// What the world serves besides the template.
pub(super) struct Input {
    pub json: Vec<u8>,
    /// Virtual path and bytes of every image the JSON refers to.
    pub assets: Vec<(String, Vec<u8>)>,
}

#[derive(Serialize)]
struct Data<'a> {
    title: &'a str,
    author: &'a str,
    lang: &'a str,
    region: Option<&'a str>,
    page_label: Option<&'a str>,
    font: &'static str,
    words: Words,
    title_page: Option<TitlePage<'a>>,
    blocks: Vec<BlockData<'a>>,
}

/// Fixed words the template prints, kept in [`wording`] with every other sentence.
#[derive(Serialize)]
struct Words {
    page_number: &'static str,
    status_key: [&'static str; 2],
    status_key_caption: &'static str,
}

#[derive(Serialize)]
struct TitlePage<'a> {
    emblem: Option<ImageRef<'a>>,
    unit: &'a str,
    title: &'a str,
    subtitle: Option<&'a str>,
    facts: Vec<[&'a str; 2]>,
}

#[derive(Serialize)]
struct ImageRef<'a> {
    path: String,
    format: &'static str,
    alt: &'a str,
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum BlockData<'a> {
    Heading { level: u8, text: &'a str },
    Paragraph { paras: Vec<&'a str> },
    List { items: Vec<&'a str> },
    Commentary { label: &'a str, paras: Vec<&'a str> },
    Table(TableData<'a>),
    Chart { title: &'a str, image: ImageRef<'a> },
    StatusKey { rows: Vec<KeyRow> },
}

#[derive(Serialize)]
struct TableData<'a> {
    caption: &'a str,
    columns: Vec<ColumnData<'a>>,
    rows: Vec<Vec<CellData<'a>>>,
}

#[derive(Serialize)]
struct ColumnData<'a> {
    header: &'a str,
    right: bool,
    width: u16,
}

#[derive(Serialize)]
struct CellData<'a> {
    text: &'a str,
    bold: bool,
    /// Text colour of a status cell (`#rrggbb`).
    colour: Option<&'static str>,
}

#[derive(Serialize)]
struct KeyRow {
    status: String,
    colour: &'static str,
    meaning: String,
}

/// Builds the JSON and the image files; `chart_svg` draws charts (always [`crate::chart::svg`]
/// outside this module's tests).
pub(super) fn prepare(
    doc: &Document,
    chart_svg: &dyn Fn(&Chart) -> Result<String, Error>,
) -> Result<Input, Error> {
    let mut assets = Vec::new();
    let (lang, region) = split_language(&doc.language);

    let title_page = match &doc.title_page {
        None => None,
        Some(tp) => {
            let emblem = tp.emblem.as_ref().map(|image| {
                let (ext, format) = match image.format {
                    ImageFormat::Png => ("png", "png"),
                    ImageFormat::Svg => ("svg", "svg"),
                };
                let path = format!("/data/emblem.{ext}");
                assets.push((path.clone(), image.bytes.clone()));
                // PDF/UA-1 refuses an image without alt text; a logo's name is its alt (WCAG).
                ImageRef { path, format, alt: or_else(&image.alt, &tp.unit) }
            });
            Some(TitlePage {
                emblem,
                unit: &tp.unit,
                title: &tp.title,
                subtitle: tp.subtitle.as_deref(),
                facts: tp.facts.iter().map(|(k, v)| [k.as_str(), v.as_str()]).collect(),
            })
        }
    };

    let mut blocks = Vec::with_capacity(doc.blocks.len());
    let mut last_level = 0;
    for (i, block) in doc.blocks.iter().enumerate() {
        blocks.push(match block {
            // PDF/UA-1 refuses a document whose headings skip a level (1 → 3) or start below
            // 1, so a skipped level is pulled up; the template styles three levels.
            Block::Heading { level, text } => {
                last_level = (*level).clamp(1, 3).min(last_level + 1);
                BlockData::Heading { level: last_level, text }
            }
            Block::Paragraph(text) => BlockData::Paragraph { paras: paragraphs(text) },
            Block::List(items) => {
                BlockData::List { items: items.iter().map(String::as_str).collect() }
            }
            Block::Commentary { label, text } => {
                BlockData::Commentary { label, paras: paragraphs(text) }
            }
            Block::Table(table) => BlockData::Table(table_data(table)?),
            Block::Chart(chart) => {
                let path = format!("/data/chart-{i}.svg");
                assets.push((path.clone(), chart_svg(chart)?.into_bytes()));
                let alt = or_else(&chart.alt, &chart.title);
                BlockData::Chart {
                    title: &chart.title,
                    image: ImageRef { path, format: "svg", alt },
                }
            }
            Block::StatusKey(t) => BlockData::StatusKey { rows: status_key(t) },
        });
    }

    let data = Data {
        title: &doc.title,
        author: &doc.author,
        lang,
        region,
        page_label: doc.page_label.as_deref(),
        font: crate::fonts::FAMILY,
        words: Words {
            page_number: wording::PAGE_NUMBER,
            status_key: wording::STATUS_KEY_HEADERS,
            status_key_caption: wording::STATUS_KEY_CAPTION,
        },
        title_page,
        blocks,
    };
    let json = serde_json::to_string(&data).map_err(|e| Error::Pdf(e.to_string()))?;
    Ok(Input { json: glyphs::replace_missing(json).into_bytes(), assets })
}

fn or_else<'a>(text: &'a str, fallback: &'a str) -> &'a str {
    if text.trim().is_empty() {
        fallback
    } else {
        text
    }
}

/// "pl-PL" → ("pl", Some("PL")): Typst takes the language and the region separately.
fn split_language(tag: &str) -> (&str, Option<&str>) {
    match tag.split_once(['-', '_']) {
        Some((lang, region)) if !region.is_empty() => (lang, Some(region)),
        _ => (tag, None),
    }
}

/// Blank lines separate paragraphs, as the officer typed them.
fn paragraphs(text: &str) -> Vec<&str> {
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).collect()
}

fn table_data(table: &Table) -> Result<TableData<'_>, Error> {
    // Typst fills a table cell by cell, so one short row would shift every later cell into the
    // wrong column without any error; refuse instead.
    let width = table.columns.len();
    if let Some(row) = table.rows.iter().find(|r| r.len() != width) {
        return Err(Error::Pdf(format!(
            "tabela „{}” ma wiersz z {} komórkami, a kolumn jest {width}",
            table.caption,
            row.len()
        )));
    }
    Ok(TableData {
        caption: &table.caption,
        columns: table
            .columns
            .iter()
            .map(|c| ColumnData {
                header: &c.header,
                right: c.align == Align::Right,
                // A zero width would collapse the column to nothing.
                width: c.width.max(1),
            })
            .collect(),
        rows: table
            .rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|cell| CellData {
                        text: &cell.text,
                        bold: cell.tone == Tone::Strong,
                        colour: match cell.tone {
                            Tone::Status(s) => Some(status_colour(s)),
                            _ => None,
                        },
                    })
                    .collect()
            })
            .collect(),
    })
}

fn status_key(thresholds: &Thresholds) -> Vec<KeyRow> {
    Status::ALL
        .iter()
        .map(|&s| KeyRow {
            status: format!("{} {}", s.mark(), s.label_pl()),
            colour: status_colour(s),
            meaning: wording::status_meaning(s, thresholds),
        })
        .collect()
}
