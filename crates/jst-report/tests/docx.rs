//! The DOCX read back part by part: headings in Word's heading styles, a table header row that
//! repeats and rows that do not split, language pl-PL, the chart's alternative text, the
//! package's relationships, and every Polish sentence exactly as written.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use jst_domain::strategy::{Status, Thresholds};
use jst_report::{
    render_docx, wording, write_docx, Align, Block, Cell, Chart, Column, Document, Image,
    ImageFormat, Table, TitlePage,
};
use quick_xml::events::Event;
use quick_xml::Reader;

const COMMENT: &str =
    "Wskaźnik <rośnie> szybciej niż zakładano & „dobrze” – to 'zasługa' \"programu\" ŻÓŁĆ źdźbło";
const ALT: &str =
    "Wartości rosną od 12 340 w 2019 r. do 15 120 w 2024 r.; cel: 18 000 osób w 2030 r.";
const EMBLEM_SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="50" height="60" viewBox="0 0 50 60"><path d="M0 0H50V35Q50 55 25 60Q0 55 0 35Z" fill="#c62828"/><circle cx="25" cy="25" r="10" fill="#fdd835"/></svg>"##;

fn document() -> Document {
    let statuses = Status::ALL;
    let rows = (0..30)
        .map(|i| {
            let status = statuses[i % statuses.len()];
            vec![
                Cell::strong(format!("{}.{}", i / 5 + 1, i % 5 + 1)),
                Cell::plain(format!("Wskaźnik nr {i}: udział gospodarstw podłączonych do sieci")),
                Cell::plain(format!("{},{}", 40 + i, i % 10)),
                Cell::plain(format!("12\u{a0}{:03}", i * 7)),
                Cell::status(status, i % 7 == 0),
            ]
        })
        .collect();
    Document {
        title: "Raport z monitoringu strategii – Gmina Żółkiewka".into(),
        language: "pl-PL".into(),
        author: "Urząd Gminy Żółkiewka".into(),
        page_label: Some("dane przykładowe".into()),
        title_page: Some(TitlePage {
            emblem: Some(Image {
                bytes: EMBLEM_SVG.as_bytes().to_vec(),
                format: ImageFormat::Svg,
                alt: "Herb Gminy Żółkiewka".into(),
            }),
            unit: "Gmina Żółkiewka".into(),
            title: "Raport z monitoringu strategii rozwoju".into(),
            subtitle: Some("Strategia Rozwoju Gminy Żółkiewka na lata 2021–2030".into()),
            facts: vec![
                ("Uchwała".into(), "nr XII/123/2021 Rady Gminy z 28 czerwca 2021 r.".into()),
                ("Rok sprawozdawczy".into(), "2024".into()),
                ("Opracował(a)".into(), "Zespół ds. monitoringu".into()),
            ],
        }),
        blocks: vec![
            Block::Heading { level: 1, text: "Podsumowanie".into() },
            Block::Paragraph("Stan realizacji celów strategicznych w 2024 roku.".into()),
            Block::List(vec!["Cel 1: gospodarka".into(), "Cel 2: środowisko".into()]),
            Block::Heading { level: 2, text: "Wskaźniki celu 1".into() },
            Block::Table(Table {
                caption: "Tabela 1. Wskaźniki celu strategicznego 1".into(),
                columns: vec![
                    Column { header: "Lp.".into(), align: Align::Left, width: 1 },
                    Column { header: "Wskaźnik".into(), align: Align::Left, width: 6 },
                    Column { header: "Wartość".into(), align: Align::Right, width: 2 },
                    Column { header: "Cel".into(), align: Align::Right, width: 2 },
                    Column { header: "Status".into(), align: Align::Left, width: 3 },
                ],
                rows,
            }),
            Block::Commentary { label: "Komentarz koordynatora".into(), text: COMMENT.into() },
            Block::Heading { level: 1, text: "Wykresy wskaźników".into() },
            Block::Chart(Chart {
                title: "Liczba osób korzystających z kanalizacji".into(),
                alt: ALT.into(),
                unit: "osoby".into(),
                observed: vec![(2019, 12_340.0), (2021, 13_480.0), (2024, 15_120.0)],
                planned: vec![(2020, 12_900.0), (2030, 18_000.0)],
                projection: vec![(2024, 15_120.0), (2030, 17_880.0)],
            }),
            Block::Heading { level: 3, text: "Objaśnienia".into() },
            Block::StatusKey(Thresholds::default()),
        ],
    }
}

/// A small element tree: enough to ask questions about the parts.
#[derive(Debug, Default)]
struct Node {
    name: String,
    attrs: HashMap<String, String>,
    children: Vec<Node>,
    text: String,
}

impl Node {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.get(name).map(String::as_str)
    }

    fn find_all<'a>(&'a self, name: &str, out: &mut Vec<&'a Node>) {
        for c in &self.children {
            if c.name == name {
                out.push(c);
            }
            c.find_all(name, out);
        }
    }

    fn all(&self, name: &str) -> Vec<&Node> {
        let mut out = Vec::new();
        self.find_all(name, &mut out);
        out
    }

    fn first(&self, name: &str) -> Option<&Node> {
        self.all(name).into_iter().next()
    }

    /// Text as Word shows it: runs joined, `w:br` a line break, `w:tab` a tab.
    fn words(&self) -> String {
        let mut out = String::new();
        for c in &self.children {
            match c.name.as_str() {
                "w:t" => out.push_str(&c.text),
                "w:br" => out.push('\n'),
                "w:tab" => out.push('\t'),
                "w:instrText" => {}
                _ => out.push_str(&c.words()),
            }
        }
        out
    }

    /// The paragraph's style id.
    fn style(&self) -> Option<&str> {
        self.first("w:pPr")?.children.iter().find(|c| c.name == "w:pStyle")?.attr("w:val")
    }
}

fn parse(xml: &str) -> Node {
    let mut reader = Reader::from_str(xml);
    let mut stack = vec![Node::default()];
    let element = |e: &quick_xml::events::BytesStart<'_>| Node {
        name: String::from_utf8_lossy(e.name().as_ref()).into_owned(),
        attrs: e
            .attributes()
            .map(|a| {
                let a = a.expect("attribute");
                let value = a.unescape_value().expect("attribute value").into_owned();
                (String::from_utf8_lossy(a.key.as_ref()).into_owned(), value)
            })
            .collect(),
        ..Node::default()
    };
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => stack.push(element(&e)),
            Event::Empty(e) => {
                let node = element(&e);
                stack.last_mut().expect("parent").children.push(node);
            }
            Event::End(_) => {
                let node = stack.pop().expect("open element");
                stack.last_mut().expect("parent").children.push(node);
            }
            Event::Text(t) => {
                stack.last_mut().expect("node").text.push_str(&t.decode().expect("utf-8"))
            }
            Event::GeneralRef(r) => {
                let text = match r.resolve_char_ref().expect("char ref") {
                    Some(c) => c.to_string(),
                    None => {
                        let name = r.decode().expect("utf-8");
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .expect("entity")
                            .to_owned()
                    }
                };
                stack.last_mut().expect("node").text.push_str(&text);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    stack.pop().expect("root")
}

fn unzip(bytes: &[u8]) -> HashMap<String, Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a ZIP package");
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).expect("entry");
            let mut data = Vec::new();
            file.read_to_end(&mut data).expect("read");
            (file.name().expect("name").into_owned(), data)
        })
        .collect()
}

fn part(parts: &HashMap<String, Vec<u8>>, name: &str) -> Node {
    let bytes = parts.get(name).unwrap_or_else(|| panic!("{name} missing"));
    parse(std::str::from_utf8(bytes).expect("UTF-8"))
}

#[test]
fn reads_back_with_structure_language_and_text() {
    let doc = document();
    let bytes = render_docx(&doc).expect("docx");
    let parts = unzip(&bytes);
    let body = part(&parts, "word/document.xml");
    let paragraphs = body.all("w:p");

    // Headings carry Word's built-in heading styles.
    let styled = |style: &str| -> Vec<String> {
        paragraphs.iter().filter(|p| p.style() == Some(style)).map(|p| p.words()).collect()
    };
    assert_eq!(styled("Heading1"), ["Podsumowanie", "Wykresy wskaźników"]);
    assert_eq!(styled("Heading2"), ["Wskaźniki celu 1"]);
    assert_eq!(styled("Heading3"), ["Objaśnienia"]);
    assert_eq!(styled("Title"), ["Raport z monitoringu strategii rozwoju"]);

    // The first paragraph after the title page starts a new page.
    let first_after_title =
        paragraphs.iter().find(|p| p.words() == "Podsumowanie").expect("heading");
    assert!(first_after_title.first("w:pageBreakBefore").is_some());

    // The big table: header row repeated, no row split, widths and alignment, status colour.
    let tables = body.all("w:tbl");
    assert_eq!(tables.len(), 2, "the indicator table and the status key");
    let rows = tables[0].all("w:tr");
    assert_eq!(rows.len(), 31);
    assert!(rows[0].first("w:tblHeader").is_some(), "header row not marked");
    assert!(rows[1..].iter().all(|r| r.first("w:tblHeader").is_none()));
    assert!(rows.iter().all(|r| r.first("w:cantSplit").is_some()), "a row may split");
    let caption = tables[0].first("w:tblCaption").and_then(|c| c.attr("w:val"));
    assert_eq!(caption, Some("Tabela 1. Wskaźniki celu strategicznego 1"));
    let header_cells: Vec<String> = rows[0].all("w:tc").iter().map(|c| c.words()).collect();
    assert_eq!(header_cells, ["Lp.", "Wskaźnik", "Wartość", "Cel", "Status"]);
    let value_cell = &rows[1].all("w:tc")[2];
    assert_eq!(value_cell.first("w:jc").and_then(|j| j.attr("w:val")), Some("right"));
    let on_track_row = &rows[2].all("w:tc")[4];
    assert_eq!(on_track_row.words(), "● Zgodnie z planem");
    assert!(on_track_row.all("w:color").iter().all(|c| c.attr("w:val") == Some("2e7d32")));
    assert_eq!(rows[1].all("w:tc")[4].words(), "✓ Osiągnięto (termin minął)");

    // The chart: a picture with the alternative text and the title above it.
    let pictures = body.all("wp:docPr");
    let chart = pictures.iter().find(|d| d.attr("descr") == Some(ALT)).expect("chart alt text");
    assert_eq!(chart.attr("name"), Some("Liczba osób korzystających z kanalizacji"));
    assert!(pictures.iter().any(|d| d.attr("descr") == Some("Herb Gminy Żółkiewka")));
    let chart_caption = paragraphs
        .iter()
        .position(|p| p.words() == "Liczba osób korzystających z kanalizacji")
        .expect("chart title");
    assert_eq!(paragraphs[chart_caption].style(), Some("Caption"));
    assert!(paragraphs[chart_caption + 1].first("w:drawing").is_some());

    // Lists are numbered paragraphs; the commentary is its own style.
    let list = styled("ListParagraph");
    assert_eq!(list, ["Cel 1: gospodarka", "Cel 2: środowisko"]);
    assert_eq!(styled("Commentary"), [format!("Komentarz koordynatora\n{COMMENT}")]);

    // Every sentence exactly as written.
    let all: String = paragraphs.iter().map(|p| p.words() + "\n").collect();
    let meaning = wording::status_meaning(Status::AccelerationNeeded, &Thresholds::default());
    for text in [
        COMMENT,
        "Gmina Żółkiewka",
        "Strategia Rozwoju Gminy Żółkiewka na lata 2021–2030",
        "Uchwała\tnr XII/123/2021 Rady Gminy z 28 czerwca 2021 r.",
        "Stan realizacji celów strategicznych w 2024 roku.",
        "Wskaźnik nr 29: udział gospodarstw podłączonych do sieci",
        "12\u{a0}203",
        wording::STATUS_KEY_CAPTION,
        meaning.as_str(),
        "▲ Wymaga przyspieszenia",
    ] {
        assert!(all.contains(text), "missing: {text}");
    }
}

#[test]
fn styles_language_and_metadata() {
    let parts = unzip(&render_docx(&document()).expect("docx"));
    let styles = part(&parts, "word/styles.xml");
    let defaults = styles.first("w:docDefaults").expect("docDefaults");
    assert_eq!(defaults.first("w:lang").and_then(|l| l.attr("w:val")), Some("pl-PL"));
    assert_eq!(defaults.first("w:rFonts").and_then(|f| f.attr("w:ascii")), Some("Arial"));
    // Without an explicit "auto" rule LibreOffice cuts pictures to one line's height.
    assert_eq!(defaults.first("w:spacing").and_then(|s| s.attr("w:lineRule")), Some("auto"));
    let names: HashMap<&str, &str> = styles
        .all("w:style")
        .iter()
        .filter_map(|s| Some((s.attr("w:styleId")?, s.first("w:name")?.attr("w:val")?)))
        .collect();
    assert_eq!(names.get("Heading1"), Some(&"heading 1"));
    assert_eq!(names.get("Heading2"), Some(&"heading 2"));
    assert_eq!(names.get("Caption"), Some(&"caption"));

    let core = part(&parts, "docProps/core.xml");
    assert_eq!(
        core.first("dc:title").map(|t| t.text.as_str()),
        Some("Raport z monitoringu strategii – Gmina Żółkiewka")
    );
    assert_eq!(core.first("dc:creator").map(|t| t.text.as_str()), Some("Urząd Gminy Żółkiewka"));
    assert_eq!(core.first("dc:language").map(|t| t.text.as_str()), Some("pl-PL"));

    // Relationships typed right (docx-rust alone would type the footer's as a header's).
    let rels = part(&parts, "word/_rels/document.xml.rels");
    let by_target: HashMap<&str, &str> = rels
        .all("Relationship")
        .iter()
        .filter_map(|r| Some((r.attr("Target")?, r.attr("Type")?)))
        .collect();
    assert!(by_target["footer1.xml"].ends_with("/footer"));
    assert!(by_target["header1.xml"].ends_with("/header"));
    assert!(by_target["media/image1.png"].ends_with("/image"));
    let package_rels = part(&parts, "_rels/.rels");
    assert!(package_rels.all("Relationship").iter().any(|r| {
        r.attr("Type") == Some("http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties")
    }));
    let types = String::from_utf8(parts["[Content_Types].xml"].clone()).expect("utf-8");
    for needed in ["image/png", "/word/footer1.xml", "/word/header1.xml", "/word/numbering.xml"] {
        assert!(types.contains(needed), "content type for {needed} missing");
    }
    // Every image the document points at is in the package.
    for rel in rels.all("Relationship") {
        if rel.attr("Type").is_some_and(|t| t.ends_with("/image")) {
            let target = format!("word/{}", rel.attr("Target").expect("target"));
            assert!(parts.contains_key(&target), "{target} missing");
        }
    }

    // Header: title and page label; footer: the page number field.
    let header = part(&parts, "word/header1.xml");
    assert_eq!(
        header.words(),
        "Raport z monitoringu strategii – Gmina Żółkiewka\tdane przykładowe"
    );
    let footer = part(&parts, "word/footer1.xml");
    let fields: Vec<&str> = footer.all("w:instrText").iter().map(|i| i.text.trim()).collect();
    assert_eq!(fields, ["PAGE", "NUMPAGES"]);
    assert!(footer.words().starts_with("Strona "));
}

#[test]
fn plain_document_without_title_page_or_label() {
    let doc = Document {
        title_page: None,
        page_label: None,
        blocks: vec![
            Block::Heading { level: 1, text: "Rozdział pierwszy".into() },
            Block::Paragraph("Tylko akapit.".into()),
            Block::List(vec![]),
        ],
        ..document()
    };
    let bytes = render_docx(&doc).expect("docx");
    keep_for_a_look("plain.docx", &bytes);
    let parts = unzip(&bytes);
    let body = part(&parts, "word/document.xml");
    // The chapter's page break comes from its style alone.
    assert!(body.first("w:pageBreakBefore").is_none());
    assert!(body.first("w:titlePg").is_none());
    assert_eq!(
        part(&parts, "word/header1.xml").words(),
        "Raport z monitoringu strategii – Gmina Żółkiewka"
    );
    assert!(!parts.keys().any(|k| k.starts_with("word/media/")));
}

#[test]
fn png_emblem_is_embedded_and_a_broken_one_is_reported() {
    let png = jst_report::chart::png(
        &Chart {
            title: String::new(),
            alt: String::new(),
            unit: String::new(),
            observed: vec![(2024, 1.0)],
            planned: vec![],
            projection: vec![],
        },
        200,
    )
    .expect("png");
    let mut doc = document();
    let page = doc.title_page.as_mut().expect("title page");
    page.emblem = Some(Image { bytes: png.clone(), format: ImageFormat::Png, alt: "Herb".into() });
    let parts = unzip(&render_docx(&doc).expect("docx"));
    assert!(parts.values().any(|data| *data == png), "the PNG emblem is carried as it is");

    let page = doc.title_page.as_mut().expect("title page");
    page.emblem = Some(Image {
        bytes: b"not an image".to_vec(),
        format: ImageFormat::Png,
        alt: "Herb".into(),
    });
    let err = render_docx(&doc).expect_err("a broken emblem");
    assert!(err.to_string().contains("herb"), "{err}");
}

#[test]
fn writes_the_file_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("raport.docx");
    write_docx(&document(), &path).expect("written");
    let bytes = std::fs::read(&path).expect("read");
    assert!(bytes.starts_with(b"PK"));
    keep_for_a_look("raport.docx", &bytes);
}

/// With `JST_DOCX_OUT=<folder>`, a copy to open in a word processor.
fn keep_for_a_look(name: &str, bytes: &[u8]) {
    if let Ok(dir) = std::env::var("JST_DOCX_OUT") {
        std::fs::write(std::path::Path::new(&dir).join(name), bytes).expect("copy for a look");
    }
}
