//! The renderer with a stand-in chart, so the template's chart and emblem paths are exercised
//! whatever state `chart::svg` is in. Reading the PDF back is in tests/pdf.rs.

use super::render;
use crate::Align;
use crate::{Block, Cell, Chart, Column, Document, Error, Image, ImageFormat, Table, TitlePage};
use jst_domain::strategy::Status;

const STAND_IN_SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="600" height="300" viewBox="0 0 600 300">
<rect x="0" y="0" width="600" height="300" fill="#ffffff" stroke="#999999"/>
<polyline points="40,250 200,200 360,150 560,60" fill="none" stroke="#1f3a5f" stroke-width="3"/>
<text x="40" y="285" font-family="DejaVu Sans" font-size="14">2020</text>
<text x="520" y="285" font-family="DejaVu Sans" font-size="14">2030</text>
</svg>"##;

fn stand_in(_: &Chart) -> Result<String, Error> {
    Ok(STAND_IN_SVG.to_owned())
}

fn chart() -> Chart {
    Chart {
        title: "Liczba mieszkańców".to_owned(),
        alt: "Wykres: liczba mieszkańców rośnie z 10 000 w 2020 r. do 12 000 w 2030 r.".to_owned(),
        unit: "osoby".to_owned(),
        observed: vec![(2020, 10_000.0), (2023, 10_600.0)],
        planned: vec![(2020, 10_000.0), (2030, 12_000.0)],
        projection: vec![(2023, 10_600.0), (2030, 12_100.0)],
    }
}

fn sample() -> Document {
    Document {
        title: "Raport z monitoringu strategii".to_owned(),
        language: "pl-PL".to_owned(),
        author: "Urząd Gminy Próbna".to_owned(),
        page_label: Some("dane przykładowe".to_owned()),
        title_page: Some(TitlePage {
            emblem: Some(Image {
                bytes: STAND_IN_SVG.as_bytes().to_vec(),
                format: ImageFormat::Svg,
                alt: "Herb gminy".to_owned(),
            }),
            unit: "Gmina Próbna".to_owned(),
            title: "Raport z monitoringu strategii".to_owned(),
            subtitle: Some("za rok 2024".to_owned()),
            facts: vec![("Okres".to_owned(), "2021–2030".to_owned())],
        }),
        blocks: vec![
            Block::Heading { level: 1, text: "Wskaźniki".to_owned() },
            Block::Paragraph("Akapit pierwszy.\n\nAkapit drugi.".to_owned()),
            Block::Heading { level: 2, text: "Mieszkańcy".to_owned() },
            Block::Chart(chart()),
            Block::Table(Table {
                caption: "Wskaźniki celu 1".to_owned(),
                columns: vec![
                    Column { header: "Wskaźnik".to_owned(), align: Align::Left, width: 3 },
                    Column { header: "Status".to_owned(), align: Align::Left, width: 2 },
                ],
                rows: vec![vec![
                    Cell::strong("Liczba mieszkańców"),
                    Cell::status(Status::OnTrack, false),
                ]],
            }),
            Block::StatusKey(jst_domain::strategy::Thresholds::default()),
        ],
    }
}

#[test]
fn renders_without_warnings() {
    let (pdf, warnings) = render(&sample(), &stand_in).expect("PDF");
    assert!(pdf.starts_with(b"%PDF-"), "not a PDF");
    assert!(warnings.is_empty(), "Typst warned: {warnings:?}");
}

#[test]
fn typst_errors_become_polish_pdf_errors() {
    let mut doc = sample();
    if let Some(tp) = &mut doc.title_page {
        tp.emblem = Some(Image {
            bytes: b"not a PNG".to_vec(),
            format: ImageFormat::Png,
            alt: "Herb".to_owned(),
        });
    }
    let err = render(&doc, &stand_in).expect_err("a broken image must fail");
    assert!(matches!(err, Error::Pdf(_)), "{err:?}");
    let text = err.to_string();
    assert!(text.starts_with("nie udało się złożyć dokumentu PDF: "), "{text}");
    assert!(text.contains("failed to decode image"), "{text}");
    assert!(text.contains("(szablon, wiersz "), "{text}");
}

#[test]
fn content_pdf_ua_would_refuse_is_mended() {
    // A skipped heading level, images without alt text and a character no shipped font has
    // would each make Typst's PDF/UA-1 check refuse the whole document.
    let mut doc = sample();
    doc.blocks.insert(1, Block::Heading { level: 3, text: "Za głęboko".to_owned() });
    doc.blocks.insert(0, Block::Heading { level: 2, text: "Za nisko na początek".to_owned() });
    doc.blocks.push(Block::Paragraph("Wklejone z Worda: \u{F0B7} punkt, 漢字.".to_owned()));
    if let Some(tp) = &mut doc.title_page {
        if let Some(emblem) = &mut tp.emblem {
            emblem.alt.clear();
        }
    }
    for block in &mut doc.blocks {
        if let Block::Chart(chart) = block {
            chart.alt = " ".to_owned();
        }
    }
    let (pdf, warnings) = render(&doc, &stand_in).expect("mended content renders");
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn a_row_of_the_wrong_width_is_refused() {
    let mut doc = sample();
    if let Some(Block::Table(t)) = doc.blocks.iter_mut().find(|b| matches!(b, Block::Table(_))) {
        t.rows.push(vec![Cell::plain("sama jedna komórka")]);
    }
    let err = render(&doc, &stand_in).expect_err("ragged row must fail");
    assert!(err.to_string().contains("Wskaźniki celu 1"), "{err}");
}

#[test]
fn chart_errors_pass_through() {
    let failing = |_: &Chart| Err(Error::Chart("brak danych".to_owned()));
    let err = render(&sample(), &failing).expect_err("chart error must fail the PDF");
    assert!(matches!(err, Error::Chart(_)), "{err:?}");
}
