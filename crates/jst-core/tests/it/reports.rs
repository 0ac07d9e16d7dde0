//! The officer's words and the header reach the reports; bad input writes nothing.

use std::io::Read;

use jst_core::{ErrorKind, Monitor, ReportFormat, ReportHeaderInput, ReportKind};

fn document_xml(path: &std::path::Path) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).expect("open")).expect("zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml").expect("document").read_to_string(&mut xml).expect("read");
    xml
}

#[test]
fn introduction_commentary_and_header_are_printed_and_audited() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut monitor = Monitor::open(&dir.path().join("dane")).expect("open");
    monitor.open_demo().expect("demo");
    assert_eq!(monitor.complete_report_year().expect("year"), Some(2024));
    let preview = monitor.report_preview(2024).expect("preview");
    assert_eq!(preview.indicators, 30);
    assert!(preview.sample);
    assert_eq!(
        preview.without_data.iter().map(|i| i.code.as_str()).collect::<Vec<_>>(),
        ["WSK_MONITORING"]
    );

    monitor.save_report_text(2024, None, "Rok inwestycji w sieć wodną.").expect("intro");
    monitor.save_report_text(2024, Some("1.1"), "Nowe przedszkole w Grabiu.").expect("goal");
    let wrong = monitor.save_report_text(2024, Some("9.9"), "x").expect_err("no such goal");
    assert_eq!(wrong.kind(), ErrorKind::InvalidInput);
    let control = monitor.save_report_text(2024, None, "a\u{7}b").expect_err("control");
    assert_eq!(control.kind(), ErrorKind::InvalidInput);
    let texts = monitor.report_texts(2024).expect("texts");
    assert_eq!(texts.introduction, "Rok inwestycji w sieć wodną.");
    assert_eq!(texts.commentary.len(), 1);
    assert!(monitor.report_texts(2023).expect("other year").introduction.is_empty());

    let header = monitor
        .save_report_header(&ReportHeaderInput {
            unit_name: Some("  Gmina i Miasto Wieliczka ".into()),
            author: Some("Anna Nowak".into()),
            department: None,
        })
        .expect("header");
    assert_eq!(header.unit_name.as_deref(), Some("Gmina i Miasto Wieliczka"));
    assert_eq!(header.default_unit_name, "Gmina Wieliczka");
    let not_an_image = dir.path().join("herb.png");
    std::fs::write(&not_an_image, "to nie obraz").expect("write");
    let refused = monitor.set_report_emblem(Some(&not_an_image)).expect_err("not png");
    assert_eq!(refused.kind(), ErrorKind::InvalidInput);
    let svg = dir.path().join("herb.svg");
    std::fs::write(&svg, r##"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="12"><rect width="10" height="12" fill="#c00"/></svg>"##).expect("write");
    assert_eq!(
        monitor.set_report_emblem(Some(&svg)).expect("svg").emblem_format.as_deref(),
        Some("svg")
    );

    let out = dir.path().join("raport.docx");
    let mut stages = Vec::new();
    let written = monitor
        .write_report(ReportKind::Monitoring, 2024, ReportFormat::Docx, &out, &mut |p| {
            stages.push(p.stage);
            true
        })
        .expect("report");
    assert_eq!(written.indicators, 30);
    assert_eq!(stages.len(), 4, "{stages:?}");
    let xml = document_xml(&out);
    for text in [
        "Rok inwestycji w sieć wodną.",
        "Nowe przedszkole w Grabiu.",
        "Gmina i Miasto Wieliczka",
        "Anna Nowak",
    ] {
        assert!(xml.contains(text), "{text}");
    }

    // A stop before the file is written leaves nothing behind.
    let stopped = dir.path().join("przerwany.pdf");
    let cancelled = monitor
        .write_report(ReportKind::Monitoring, 2024, ReportFormat::Pdf, &stopped, &mut |p| {
            p.stage != jst_core::ReportStage::Writing
        })
        .expect_err("cancelled");
    assert_eq!(cancelled.kind(), ErrorKind::Cancelled);
    assert!(!stopped.exists());
    let left: Vec<_> =
        std::fs::read_dir(dir.path()).expect("dir").flatten().map(|e| e.file_name()).collect();
    assert_eq!(left.len(), 4, "data folder, emblem files and the one report: {left:?}");
}
