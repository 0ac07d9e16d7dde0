//! `jst report`: the documents are written and read back (PDF with poppler, DOCX as its XML,
//! XLSX with calamine), and the exit codes of the contract hold.

use std::io::Read;
use std::path::Path;
use std::process::Command;

use calamine::{open_workbook, DataType, Reader, Xlsx};

use super::{json_of, jst};

/// A four-level strategy on catalogue indicators, so the comparison section has rows.
const TEMPLATE: &str = "\
kod;kod_nadrzedny;poziom;nazwa;waga_wezla;wskaznik_kod;wskaznik_nazwa;jednostka;kierunek;rok_bazowy;wartosc_bazowa;rok_docelowy;wartosc_docelowa;waga_wskaznika;komorka;zrodlo;kamienie_milowe
1;;cel_strategiczny;Infrastruktura i środowisko;;;;;;;;;;;;;
1.1;1;cel_operacyjny;Gospodarka wodno-ściekowa;;KANALIZACJA_PROC;Odsetek ludności korzystającej z sieci kanalizacyjnej;%;wzrost;2019;70;2030;90;;Wydział Infrastruktury;GUS BDL;2025=80
1.1.1;1.1;kierunek_dzialan;Rozbudowa sieci;;WODOCIAG_PROC;Odsetek ludności korzystającej z sieci wodociągowej;%;wzrost;2019;88;2030;97;;Wydział Infrastruktury;GUS BDL;
1.1.1.1;1.1.1;zadanie;Budowa kanalizacji w sołectwach;;;;;;;;;;;;;
2;;cel_strategiczny;Gospodarka i praca;;;;;;;;;;;;;
2.1;2;cel_operacyjny;Rynek pracy;;BEZROBOCIE_UDZIAL;Udział bezrobotnych w ludności w wieku produkcyjnym;%;spadek;2019;4;2024;2;;Referat Rozwoju;GUS BDL;
2.1;2;cel_operacyjny;Rynek pracy;;WSK_FIRMY;Nowe firmy na 1000 mieszkańców;szt.;wzrost;2019;10;2030;15;;Referat Rozwoju;CEIDG;
";

const VALUES: &str = "\
wskaznik_kod;rok;wartosc
KANALIZACJA_PROC;2021;74,5
KANALIZACJA_PROC;2022;76,2
KANALIZACJA_PROC;2023;77,9
KANALIZACJA_PROC;2024;79,4
WODOCIAG_PROC;2022;89
WODOCIAG_PROC;2024;88,5
BEZROBOCIE_UDZIAL;2022;3,1
BEZROBOCIE_UDZIAL;2023;2,9
BEZROBOCIE_UDZIAL;2024;2,7
WSK_FIRMY;2023;12345,5
WSK_FIRMY;2024;11000
";

fn pdftotext(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed: cargo xtask test installs it");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8")
}

fn pdfinfo(pdf: &Path) -> String {
    let out = Command::new("pdfinfo").arg(pdf).output().expect("pdfinfo (poppler-utils)");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `word/document.xml` of a DOCX.
fn docx_xml(docx: &Path) -> String {
    let file = std::fs::File::open(docx).expect("open docx");
    let mut zip = zip::ZipArchive::new(file).expect("a zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml").expect("document.xml").read_to_string(&mut xml).expect("read");
    xml
}

fn report(data: &Path, args: &[&str]) -> std::process::Output {
    let out = jst(data, args);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out
}

/// Every indicator of the demo's status is in the PDF with its status word and its latest
/// value in the pl-PL form; the PDF is tagged, in Polish, and labelled sample on every page.
#[test]
fn the_demo_reports_hold_every_indicator_in_every_format() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("dane");
    assert_eq!(jst(&data, &["init", "--demo"]).status.code(), Some(0));
    let status =
        json_of(&jst(&data, &["strategy", "status", "--year", "2024", "--format", "json"]));

    let pdf = dir.path().join("raport.pdf");
    report(
        &data,
        &[
            "report",
            "monitoring",
            "--year",
            "2024",
            "--format",
            "pdf",
            "--out",
            pdf.to_str().expect("path"),
        ],
    );
    let text = pdftotext(&pdf);
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let info = pdfinfo(&pdf);
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(info.contains("Raport z monitoringu strategii rozwoju"), "{info}");
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pages");
    assert!(text.matches("dane przykładowe").count() >= pages, "every page labelled");
    for i in status["indicators"].as_array().expect("indicators") {
        let code = i["code"].as_str().expect("code");
        assert!(flat.contains(&format!("[{code}]")), "{code} missing");
    }
    for word in [
        "Osiągnięto",
        "Zgodnie z planem",
        "Wymaga przyspieszenia",
        "Niewielki postęp",
        "Pogorszenie",
        "Brak danych",
    ] {
        assert!(flat.contains(word), "{word}");
    }
    // Figures as pl-PL writes them: a decimal comma, no point.
    assert!(flat.contains("ostatnia wartość 90,6% (2024)"), "latest value of WSK_PRZEDSZKOLA");
    assert!(flat.contains("Metodyka") && flat.contains("Załącznik"));

    let docx = dir.path().join("raport.docx");
    report(
        &data,
        &[
            "report",
            "monitoring",
            "--year",
            "2024",
            "--format",
            "docx",
            "--out",
            docx.to_str().expect("path"),
        ],
    );
    let xml = docx_xml(&docx);
    assert!(xml.contains("w:val=\"Heading1\""), "heading styles");
    assert!(xml.contains("<w:tblHeader"), "repeated header rows");
    assert!(xml.contains("WSK_PRZEDSZKOLA") && xml.contains("Metodyka"));

    for format in ["pdf", "docx"] {
        let out = dir.path().join(format!("rozdzial.{format}"));
        report(
            &data,
            &[
                "report",
                "chapter",
                "--year",
                "2024",
                "--format",
                format,
                "--out",
                out.to_str().expect("path"),
            ],
        );
        assert!(std::fs::metadata(&out).expect("chapter").len() > 1000);
    }
    let chapter = pdftotext(&dir.path().join("rozdzial.pdf"));
    assert!(chapter.contains("Realizacja strategii") && chapter.contains("Co się poprawiło"));
    let pages = pdfinfo(&dir.path().join("rozdzial.pdf"));
    let n: usize = pages
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pages");
    assert!((2..=6).contains(&n), "the chapter has {n} pages");

    let xlsx = dir.path().join("stan.xlsx");
    report(&data, &["report", "xlsx", "--year", "2024", "--out", xlsx.to_str().expect("path")]);
    let mut book: Xlsx<_> = open_workbook(&xlsx).expect("xlsx");
    assert_eq!(
        book.sheet_names(),
        vec!["Cele strategiczne", "Cele operacyjne", "Kierunki działań", "Oznaczenia"]
    );
    let range = book.worksheet_range("Cele operacyjne").expect("sheet");
    let header: Vec<String> =
        range.rows().nth(3).expect("header").iter().map(|c| c.to_string()).collect();
    assert_eq!(header[..14], jst_report::strategy_report::STRATEGY_COLUMNS.map(str::to_owned));
    assert!(header.contains(&"2024".to_owned()), "{header:?}");
    let row = range
        .rows()
        .find(|r| r.get(4).is_some_and(|c| c.get_string() == Some("WSK_PRZEDSZKOLA")))
        .expect("indicator row");
    let year_col = header.iter().position(|h| h == "2024").expect("2024");
    assert_eq!(row[year_col].get_float(), Some(90.6));
}

#[test]
fn a_template_strategy_reports_its_catalogue_indicators_against_the_group() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("dane");
    assert_eq!(jst(&data, &["init", "--demo"]).status.code(), Some(0));
    let template = dir.path().join("strategia.csv");
    std::fs::write(&template, TEMPLATE).expect("write");
    report(
        &data,
        &[
            "import",
            "strategy",
            template.to_str().expect("path"),
            "--name",
            "Strategia Rozwoju Gminy 2021–2030",
            "--period",
            "2021-2030",
            "--new",
        ],
    );
    let values = dir.path().join("wartosci.csv");
    std::fs::write(&values, VALUES).expect("write");
    report(&data, &["import", "values", values.to_str().expect("path")]);
    report(
        &data,
        &[
            "report",
            "header",
            "--unit-name",
            "Gmina i Miasto Wieliczka",
            "--author",
            "Anna Nowak",
            "--department",
            "Wydział Strategii",
        ],
    );

    let pdf = dir.path().join("raport.pdf");
    report(
        &data,
        &["report", "monitoring", "--year", "2024", "--out", pdf.to_str().expect("path")],
    );
    let flat: String = pdftotext(&pdf).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Gmina i Miasto Wieliczka") && flat.contains("Anna Nowak, Wydział Strategii")
    );
    assert!(flat.contains("Na tle grupy porównawczej"));
    assert!(
        flat.contains("[KANALIZACJA_PROC]") && flat.contains("ćwiartce"),
        "a peer row with its position"
    );
    assert!(flat.contains("termin minął"), "BEZROBOCIE_UDZIAL's target year 2024 passed unmet");
    assert!(
        flat.contains("12 345,5") || flat.contains("12\u{a0}345,5"),
        "grouped from five digits"
    );
    assert!(
        !pdftotext(&pdf).contains("dane przykładowe"),
        "a real strategy is not labelled sample"
    );
    // The four levels each get a sheet.
    let xlsx = dir.path().join("stan.xlsx");
    report(
        &data,
        &[
            "report",
            "xlsx",
            "--year",
            "2024",
            "--format",
            "xlsx",
            "--out",
            xlsx.to_str().expect("path"),
        ],
    );
    let book: Xlsx<_> = open_workbook(&xlsx).expect("xlsx");
    assert_eq!(
        book.sheet_names(),
        vec!["Cele strategiczne", "Cele operacyjne", "Kierunki działań", "Zadania", "Oznaczenia"]
    );
    // Both documents in both formats, from the same figures.
    for (kind, format) in [("monitoring", "docx"), ("chapter", "pdf"), ("chapter", "docx")] {
        let out = dir.path().join(format!("{kind}.{format}"));
        let out = out.to_str().expect("path");
        report(&data, &["report", kind, "--year", "2024", "--format", format, "--out", out]);
        assert!(std::fs::metadata(out).expect("written").len() > 1000, "{kind} {format}");
    }
    assert!(docx_xml(&dir.path().join("chapter.docx")).contains("Cele, których termin minął"));
    assert!(docx_xml(&dir.path().join("monitoring.docx")).contains("Na tle grupy porównawczej"));
    assert!(pdftotext(&dir.path().join("chapter.pdf")).contains("Co się pogorszyło"));
}

#[test]
fn report_exit_codes_follow_the_contract_and_nothing_is_left_half_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("dane");
    assert_eq!(jst(&data, &["init", "--unit", "1219053"]).status.code(), Some(0));
    let out = dir.path().join("r.pdf");
    let out_s = out.to_str().expect("path");
    let none = jst(&data, &["report", "monitoring", "--year", "2024", "--out", out_s]);
    assert_eq!(none.status.code(), Some(3), "no active strategy");
    assert!(String::from_utf8_lossy(&none.stderr).contains("brak aktywnej strategii"));
    assert!(!out.exists());

    assert_eq!(jst(&data, &["init", "--demo"]).status.code(), Some(0));
    let empty_year = jst(&data, &["report", "chapter", "--year", "2012", "--out", out_s]);
    assert_eq!(empty_year.status.code(), Some(3), "no data for the year");
    assert!(String::from_utf8_lossy(&empty_year.stderr).contains("brak danych za rok 2012"));
    assert!(!out.exists());

    let mismatch =
        jst(&data, &["report", "xlsx", "--year", "2024", "--format", "pdf", "--out", out_s]);
    assert_eq!(mismatch.status.code(), Some(2), "xlsx only for xlsx");
    let mismatch =
        jst(&data, &["report", "monitoring", "--year", "2024", "--format", "xlsx", "--out", out_s]);
    assert_eq!(mismatch.status.code(), Some(2));
    assert!(!out.exists());

    let missing_folder = dir.path().join("brak").join("r.pdf");
    let failed = jst(
        &data,
        &[
            "report",
            "monitoring",
            "--year",
            "2024",
            "--out",
            missing_folder.to_str().expect("path"),
        ],
    );
    assert_eq!(failed.status.code(), Some(1));
    assert!(!missing_folder.exists());

    // An existing file is replaced whole; no temporary file stays beside it.
    std::fs::write(&out, b"old").expect("write");
    report(&data, &["report", "monitoring", "--year", "2024", "--out", out_s]);
    assert!(std::fs::read(&out).expect("read").starts_with(b"%PDF-"));
    let left: Vec<_> =
        std::fs::read_dir(dir.path()).expect("dir").flatten().map(|e| e.file_name()).collect();
    assert_eq!(left.len(), 2, "only the data folder and the report: {left:?}");
}
