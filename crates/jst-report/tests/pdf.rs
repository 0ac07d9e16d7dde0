//! The PDF read back with poppler (pdftotext, pdfinfo, pdffonts): Polish text and status marks
//! survive, user text prints literally, the header and page numbers are on every page, the file
//! is tagged and embeds only the shipped fonts.
//!
//! Poppler must be installed (`apt-get install poppler-utils`); without it these tests fail,
//! they never skip. Set `JST_REPORT_PDF_OUT=/some/dir` to keep the rendered PDF for a look.

use std::path::Path;
use std::process::Command;
use std::sync::LazyLock;
use std::time::Instant;

use jst_domain::strategy::{Status, Thresholds};
use jst_domain::{format_decimal, format_integer};
use jst_report::{
    chart, render_pdf, write_pdf, Align, Block, Cell, Chart, Column, Document, Error, Image,
    ImageFormat, Table, TitlePage,
};

const TITLE: &str = "Raport z monitoringu Strategii Rozwoju Gminy Wieliczka";
const PANGRAM: &str = "Zażółć gęślą jaźń. ZAŻÓŁĆ GĘŚLĄ JAŹŃ.";
/// Markup characters of Typst (and LaTeX, Markdown) that must print as typed.
const SPECIAL: [&str; 10] = [
    "#1",
    "*gwiazdka*",
    "_podkreślnik_",
    "$5",
    "<znacznik>",
    "@odwołanie",
    r"\ukośnik",
    "\"cudzysłów\"",
    "„polskie”",
    "'apostrof'",
];

fn chart_if_ready() -> Option<Chart> {
    let chart = Chart {
        title: "Liczba mieszkańców".into(),
        alt: "Wykres liczby mieszkańców: 59 800 w 2020 r., 61 200 w 2024 r.; plan na 2030 r. \
              to 64 000, prognoza 63 100."
            .into(),
        unit: "osoby".into(),
        observed: vec![(2020, 59_800.0), (2021, 60_100.0), (2022, 60_700.0), (2024, 61_200.0)],
        planned: vec![(2020, 59_800.0), (2025, 61_500.0), (2030, 64_000.0)],
        projection: vec![(2024, 61_200.0), (2030, 63_100.0)],
    };
    // The chart is someone else's work in progress: include it once it draws.
    match chart::svg(&chart) {
        Ok(_) => Some(chart),
        Err(e) => {
            eprintln!("bez wykresu: {e}");
            None
        }
    }
}

fn indicator_rows(n: usize) -> Vec<Vec<Cell>> {
    (0..n)
        .map(|i| {
            let status = Status::ALL[i % Status::ALL.len()];
            let base = 12_345.5 + i as f64 * 1_000.25;
            let name = if i % 10 == 0 {
                Cell::strong(format!("Cel operacyjny {}: rozwój usług publicznych", i / 10 + 1))
            } else {
                Cell::plain(format!("Wskaźnik {i}: udział mieszkańców korzystających z e-usług"))
            };
            vec![
                Cell::plain(format!("W.{}.{}", i / 10 + 1, i % 10 + 1)),
                name,
                Cell::plain(format_decimal(base, 1)),
                Cell::plain(format_decimal(base * 1.07, 1)),
                Cell::plain(format_integer(15_000 + i as i64 * 1_100)),
                Cell::status(status, i % 7 == 3),
            ]
        })
        .collect()
}

fn indicator_table(caption: &str, rows: usize) -> Block {
    let col = |header: &str, align, width| Column { header: header.into(), align, width };
    Block::Table(Table {
        caption: caption.into(),
        columns: vec![
            col("Kod", Align::Left, 3),
            col("Wskaźnik", Align::Left, 9),
            col("Wartość bazowa", Align::Right, 3),
            col("Wartość 2024", Align::Right, 3),
            col("Cel 2030", Align::Right, 3),
            col("Status", Align::Left, 5),
        ],
        rows: indicator_rows(rows),
    })
}

fn document() -> Document {
    let emblem = Image {
        bytes: include_bytes!("../../../src-tauri/icons/128x128.png").to_vec(),
        format: ImageFormat::Png,
        alt: "Herb Gminy Wieliczka".into(),
    };
    let mut blocks = vec![
        Block::Heading { level: 1, text: "1. Podsumowanie".into() },
        Block::Paragraph(format!(
            "{PANGRAM} Raport opisuje postęp realizacji strategii w roku 2024 na podstawie \
             wskaźników przyjętych w uchwale. Wartość bazowa pierwszego wskaźnika wynosi {}.\n\n\
             Drugi akapit: dane pochodzą z Banku Danych Lokalnych GUS i z rejestrów gminy.",
            format_decimal(12_345.5, 1)
        )),
        Block::List(vec![
            "6 wskaźników osiągnęło wartość docelową,".into(),
            "12 wskaźników zmienia się zgodnie z planem,".into(),
            "dla 4 wskaźników brakuje danych za lata po roku bazowym.".into(),
        ]),
        Block::Heading { level: 2, text: "Oznaczenia".into() },
        Block::StatusKey(Thresholds::default()),
        Block::Heading { level: 1, text: "2. Wskaźniki celów strategicznych".into() },
        Block::Heading { level: 2, text: "2.1. Cel strategiczny 1: Przyjazna gmina".into() },
        indicator_table("Tabela 1. Wskaźniki celu strategicznego 1", 30),
        Block::Heading { level: 3, text: "Uwagi do celu 1".into() },
        Block::Commentary {
            label: "Komentarz urzędnika".into(),
            text: format!(
                "Znaki specjalne: {}.\n\nDrugi akapit komentarza: ąęłńóśźż ĄĘŁŃÓŚŹŻ.",
                SPECIAL.join(" ")
            ),
        },
    ];
    if let Some(chart) = chart_if_ready() {
        blocks.push(Block::Chart(chart));
    }
    blocks.extend([
        Block::Heading { level: 1, text: "3. Wnioski".into() },
        Block::Paragraph("Tempo zmian wymaga przyspieszenia w trzech obszarach.".into()),
    ]);
    Document {
        title: TITLE.into(),
        language: "pl-PL".into(),
        author: "Referat Strategii i Rozwoju, Urząd Miasta i Gminy Wieliczka".into(),
        page_label: Some("dane przykładowe".into()),
        title_page: Some(TitlePage {
            emblem: Some(emblem),
            unit: "Gmina Wieliczka".into(),
            title: TITLE.into(),
            subtitle: Some("za rok 2024".into()),
            facts: vec![
                ("Strategia".into(), "Strategia Rozwoju Gminy Wieliczka na lata 2021–2030".into()),
                ("Uchwała".into(), "Nr XXXVII/512/2021 Rady Miejskiej w Wieliczce".into()),
                ("Okres".into(), "2021–2030".into()),
                ("Rok sprawozdawczy".into(), "2024".into()),
                ("Data sporządzenia".into(), "14 marca 2025 r.".into()),
                ("Sporządził".into(), "Referat Strategii i Rozwoju".into()),
            ],
        }),
        blocks,
    }
}

/// Rendered once for all tests (Typst takes a moment unoptimised), written to a temp file.
struct Rendered {
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
}

static RENDERED: LazyLock<Rendered> = LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("raport.pdf");
    let started = Instant::now();
    write_pdf(&document(), &path).expect("PDF");
    eprintln!("render + write: {:?}", started.elapsed());
    if let Some(out) = std::env::var_os("JST_REPORT_PDF_OUT") {
        std::fs::create_dir_all(&out).expect("output folder");
        std::fs::copy(&path, Path::new(&out).join("raport.pdf")).expect("copy");
    }
    Rendered { _dir: dir, path }
});

/// Runs a poppler tool on the rendered PDF; a missing tool is a failure, not a skip.
fn poppler(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool)
        .args(args)
        .arg(&RENDERED.path)
        .args(if tool == "pdftotext" { &["-"][..] } else { &[][..] })
        .output()
        .unwrap_or_else(|e| panic!("{tool} is needed by these tests ({e}); install poppler-utils"));
    assert!(out.status.success(), "{tool} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 from poppler")
}

fn info_field(info: &str, field: &str) -> String {
    info.lines()
        .find_map(|l| l.strip_prefix(&format!("{field}:")))
        .unwrap_or_else(|| panic!("pdfinfo has no {field}:\n{info}"))
        .trim()
        .to_owned()
}

/// The text with line breaks and runs of ASCII whitespace as one space (a long sentence wraps),
/// no-break spaces kept.
fn flowing(text: &str) -> String {
    text.split(|c: char| c.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn polish_text_marks_and_numbers_survive() {
    let text = flowing(&poppler("pdftotext", &[]));
    for expected in [PANGRAM, "ąęłńóśźż ĄĘŁŃÓŚŹŻ", "Gmina Wieliczka", "14 marca 2025 r."]
    {
        assert!(text.contains(expected), "missing {expected:?}");
    }
    for status in Status::ALL {
        assert!(text.contains(status.mark()), "missing mark {}", status.mark());
        assert!(text.contains(&status.label_pl()), "missing {}", status.label_pl());
        assert!(
            text.contains(&jst_report::wording::status_meaning(status, &Thresholds::default())),
            "{status:?} key"
        );
    }
    assert!(text.contains("(termin minął)"));
    // Thousands are separated by a no-break space: the number never wraps (the text layer
    // gives it back as a plain space).
    let raw = poppler("pdftotext", &[]);
    assert!(!raw.contains("12\n345,5"), "12 345,5 split over two lines");
    assert!(raw.contains("12 345,5") || raw.contains("12\u{a0}345,5"), "12 345,5");
    assert!(text.contains("W.3.10"), "the table's last row");
}

#[test]
fn user_text_prints_literally() {
    let text = flowing(&poppler("pdftotext", &[]));
    for s in SPECIAL {
        assert!(text.contains(s), "{s:?} did not print as typed");
    }
}

#[test]
fn every_page_has_the_header_and_its_number() {
    let info = poppler("pdfinfo", &[]);
    let pages: usize = info_field(&info, "Pages").parse().expect("page count");
    assert!(pages >= 5, "title page, three chapters, a table over two pages: {pages}");
    let text = poppler("pdftotext", &[]);
    // pdftotext ends every page with a form feed.
    let per_page: Vec<&str> = text.split('\u{c}').filter(|p| !p.trim().is_empty()).collect();
    assert_eq!(per_page.len(), pages);
    for (i, page) in per_page.iter().enumerate() {
        assert!(page.contains("dane przykładowe"), "page {} lacks the label", i + 1);
        assert!(page.contains(TITLE), "page {} lacks the title", i + 1);
        assert!(page.contains(&format!("Strona {} z {pages}", i + 1)), "page {} number", i + 1);
    }
    // The 30-row table runs over a page break and repeats its header there.
    let headed = per_page.iter().filter(|p| p.lines().any(|l| l == "Wskaźnik")).count();
    assert!(headed >= 2, "table header on {headed} page(s)");
    // Each chapter starts on its own page.
    for chapter in ["1. Podsumowanie", "2. Wskaźniki celów strategicznych", "3. Wnioski"] {
        let page = per_page.iter().find(|p| p.contains(chapter)).expect(chapter);
        let before = page.split(chapter).next().unwrap_or_default();
        let rest = before.replace(TITLE, "").replace("dane przykładowe", "");
        assert!(rest.trim().is_empty(), "{chapter} comes after {rest:?} on its page");
    }
}

#[test]
fn tagged_titled_a4_with_embedded_dejavu() {
    let info = poppler("pdfinfo", &[]);
    assert_eq!(info_field(&info, "Tagged"), "yes");
    assert_eq!(info_field(&info, "Title"), TITLE);
    assert!(info_field(&info, "Author").contains("Wieliczka"));
    assert!(info_field(&info, "Page size").contains("(A4)"), "{info}");
    // The XMP metadata claims PDF/UA-1 and the language.
    let xmp = poppler("pdfinfo", &["-meta"]);
    assert!(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"), "no PDF/UA-1 claim:\n{xmp}");
    assert!(xmp.contains("<rdf:li>pl-PL</rdf:li>"), "no language:\n{xmp}");
    let fonts = poppler("pdffonts", &[]);
    let rows: Vec<&str> = fonts.lines().skip(2).filter(|l| !l.trim().is_empty()).collect();
    assert!(!rows.is_empty(), "no fonts:\n{fonts}");
    for row in rows {
        assert!(row.contains("DejaVuSans"), "a font that is not ours: {row}");
        // Columns: name type encoding emb sub uni object-id.
        let cols: Vec<&str> = row.split_whitespace().collect();
        let emb = cols.len().checked_sub(5).map(|i| cols[i]);
        assert_eq!(emb, Some("yes"), "not embedded: {row}");
    }
    assert!(fonts.contains("DejaVuSans-Bold"), "bold is used and embedded:\n{fonts}");
}

#[test]
fn writing_into_a_missing_folder_fails_and_leaves_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("nie-ma-takiego-folderu");
    let path = missing.join("raport.pdf");
    let err = write_pdf(&document(), &path).expect_err("missing folder");
    assert!(matches!(err, Error::Write { .. }), "{err:?}");
    assert!(err.to_string().contains("folder nie istnieje"), "{err}");
    assert!(!missing.exists());
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0);
}

#[test]
fn write_replaces_the_file_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("raport.pdf");
    std::fs::write(&path, b"an older file").expect("old");
    let doc = Document { title_page: None, ..document() };
    write_pdf(&doc, &path).expect("PDF");
    assert!(std::fs::read(&path).expect("read").starts_with(b"%PDF-"));
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 1, "temp file left over");
}

/// `cargo test --profile bench -p jst-report --test pdf -- --ignored --nocapture` (release
/// optimisation without LTO); unoptimised Typst is about 15 times slower.
#[test]
#[ignore = "timing, run in release"]
fn render_time_of_a_forty_page_document() {
    let mut doc = document();
    for n in 0..14 {
        doc.blocks.push(Block::Heading { level: 1, text: format!("Rozdział {}", n + 4) });
        doc.blocks.push(indicator_table(&format!("Wskaźniki rozdziału {}", n + 4), 40));
    }
    let started = Instant::now();
    let pdf = render_pdf(&doc).expect("PDF");
    let first = started.elapsed();
    let started = Instant::now();
    render_pdf(&doc).expect("PDF");
    let second = started.elapsed();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("40.pdf");
    std::fs::write(&path, &pdf).expect("write");
    let info = Command::new("pdfinfo").arg(&path).output().expect("pdfinfo");
    let pages = info_field(&String::from_utf8_lossy(&info.stdout), "Pages");
    eprintln!("{pages} pages, {} KiB; first render {first:?}, second {second:?}", pdf.len() / 1024);
    assert!(pages.parse::<usize>().expect("pages") >= 40);
}
