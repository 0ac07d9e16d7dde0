//! `parse_mf_dictionary` on the real 2013 XLS edition of the MF „słownik JST” (see
//! `tests/data/mf/README.md`), on an XLSX written here in the newer `Slownik_JST_YYYY.xlsx`
//! layout, on a Windows-1250 CSV, and on files that must be refused.

use jst_import::{parse_mf_dictionary, ImportError, MfDictionaryEntry};

const SLOWNIK_2013: &[u8] = include_bytes!("data/mf/slownik_jst_2013.xls");

fn codes(e: &MfDictionaryEntry) -> [&str; 5] {
    [&e.wk, &e.pk, &e.gk, &e.gt, &e.pt]
}

fn find<'a>(entries: &'a [MfDictionaryEntry], name: &str, kind: &str) -> &'a MfDictionaryEntry {
    entries
        .iter()
        .find(|e| e.name == name && e.kind_name == kind)
        .unwrap_or_else(|| panic!("{name} ({kind})"))
}

fn refused(bytes: &[u8], file: &str) -> ImportError {
    match parse_mf_dictionary(bytes, file) {
        Ok(entries) => panic!("accepted {} entries", entries.len()),
        Err(e) => e,
    }
}

#[test]
fn real_2013_xls_reads_every_unit() {
    let entries = parse_mf_dictionary(SLOWNIK_2013, "slownik_jst_2013.xls").expect("valid");
    // 3,060 rows under the header, one of them empty (row 2811).
    assert_eq!(entries.len(), 3059);
    let count = |kind: &str| entries.iter().filter(|e| e.kind_name == kind).count();
    assert_eq!(count("Województwo"), 16);
    assert_eq!(count("Powiat"), 314);
    assert_eq!(count("Miasto na prawach powiatu"), 66);
    assert_eq!(count("Gmina"), 2413);
    assert_eq!(count("Związek JST"), 250);
    assert!(entries.iter().all(|e| e.gus_code.is_none()), "the 2013 edition has no Kod GUS");
    assert!(entries.iter().all(|e| [&e.wk, &e.pk, &e.gk].iter().all(|c| c.len() == 2)));
    assert!(!entries.iter().any(|e| e.line == 2811));

    let first = &entries[0];
    assert_eq!((first.line, first.name.as_str()), (2, "dolnośląskie"));
    assert_eq!(codes(first), ["02", "00", "00", "0", "0"], "WK stored as text '02'");

    // Kutno: WK 10 is a number cell in this file, PK and GK text.
    let kutno = entries.iter().find(|e| e.line == 703).expect("row 703");
    assert_eq!((kutno.name.as_str(), kutno.kind_name.as_str()), ("KUTNO", "Gmina"));
    assert_eq!(codes(kutno), ["10", "02", "01", "1", "0"]);
    let kutnowski = find(&entries, "kutnowski", "Powiat");
    assert_eq!(codes(kutnowski), ["10", "02", "00", "0", "1"]);

    let krakow = find(&entries, "Kraków", "Miasto na prawach powiatu");
    assert_eq!(krakow.line, 1090);
    assert_eq!(codes(krakow), ["12", "61", "00", "0", "2"], "PK 61 is a number cell");

    let zwiazek = find(&entries, "Związek Gmin Regionu Kutnowskiego", "Związek JST");
    assert_eq!((zwiazek.line, codes(zwiazek)), (2864, ["10", "02", "01", "Z", "8"]));
    assert_eq!(entries.last().map(|e| e.line), Some(3061));
}

/// The newer edition's layout, as `Slownik_JST_YYYY.xlsx` has it: a zero-width space in a
/// header cell, codes as numbers in some rows and text in others, „Kod GUS” as a number.
fn newer_xlsx(header: &[&str]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Słownik JST").expect("test data");
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).expect("test data");
    }
    enum V {
        T(&'static str),
        N(f64),
        E,
    }
    use V::{E, N, T};
    let rows: [[V; 8]; 5] = [
        [
            T("Bolesławiec"),
            T("02"),
            T("01"),
            T("01"),
            N(1.0),
            N(0.0),
            T("Gmina miejska"),
            N(201011.0),
        ],
        [T("Kutno"), N(10.0), N(2.0), N(1.0), T("1"), T("0"), T("Gmina miejska"), T("1002011")],
        [
            T("Kraków"),
            N(12.0),
            N(61.0),
            T("00"),
            N(0.0),
            N(2.0),
            T("Miasto na prawach powiatu"),
            N(1261000.0),
        ],
        [
            T("dolnośląskie"),
            T("02"),
            T("00"),
            T("00"),
            N(0.0),
            N(0.0),
            T("Województwo"),
            N(200000.0),
        ],
        [
            T("Związek Gmin Regionu Kutnowskiego"),
            N(10.0),
            T("02"),
            T("01"),
            T("Z"),
            N(8.0),
            T("Związek JST"),
            E,
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            let (r, c) = (r as u32 + 1, c as u16);
            match value {
                T(t) => sheet.write_string(r, c, *t).map(|_| ()),
                N(n) => sheet.write_number(r, c, *n).map(|_| ()),
                E => Ok(()),
            }
            .expect("test data");
        }
    }
    book.save_to_buffer().expect("test data")
}

const NEWER_HEADER: [&str; 8] =
    ["Nazwa", "WK", "PK", "GK", "GT", "PT", "\u{200b}Typ Jst Nazwa", "Kod GUS"];

#[test]
fn newer_xlsx_with_mixed_code_cells() {
    let bytes = newer_xlsx(&NEWER_HEADER);
    let entries = parse_mf_dictionary(&bytes, "Slownik_JST_2024.xlsx").expect("valid");
    assert_eq!(entries.len(), 5);
    let by_name = |name: &str| entries.iter().find(|e| e.name == name).expect(name);

    let boleslawiec = by_name("Bolesławiec");
    assert_eq!(boleslawiec.line, 2);
    assert_eq!(codes(boleslawiec), ["02", "01", "01", "1", "0"]);
    assert_eq!(boleslawiec.gus_code.as_deref(), Some("0201011"), "a number loses its zero");

    let kutno = by_name("Kutno");
    assert_eq!(codes(kutno), ["10", "02", "01", "1", "0"], "2.0 and '02' are the same PK");
    assert_eq!(kutno.gus_code.as_deref(), Some("1002011"));
    assert_eq!(kutno.kind_name, "Gmina miejska");

    let krakow = by_name("Kraków");
    assert_eq!(codes(krakow), ["12", "61", "00", "0", "2"]);
    assert_eq!(krakow.gus_code.as_deref(), Some("1261000"));

    assert_eq!(codes(by_name("dolnośląskie")), ["02", "00", "00", "0", "0"]);
    assert_eq!(by_name("dolnośląskie").gus_code.as_deref(), Some("0200000"));

    let zwiazek = by_name("Związek Gmin Regionu Kutnowskiego");
    assert_eq!(codes(zwiazek), ["10", "02", "01", "Z", "8"]);
    assert_eq!(zwiazek.gus_code, None, "an empty Kod GUS cell");
}

#[test]
fn csv_in_windows_1250() {
    let text = "Nazwa;WK;PK;GK;GT;PT;Typ jednostki;Podtyp jednostki\r\n\
                Łódź;10;61;00;0;2;Miasto na prawach powiatu;\r\n\
                Żychlin;10;2;7;3;0;Gmina;Gmina miejsko-wiejska\r\n\
                \"Związek Gmin \"\"Bzura\"\"\";10;02;01;z;8;Związek JST;\r\n";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1250.encode(text);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&bytes).is_err(), "really Windows-1250");
    let entries = parse_mf_dictionary(&bytes, "slownik.csv").expect("valid");
    assert_eq!(entries.len(), 3);
    assert_eq!((entries[0].line, entries[0].name.as_str()), (2, "Łódź"));
    assert_eq!(codes(&entries[0]), ["10", "61", "00", "0", "2"]);
    assert_eq!(entries[1].name, "Żychlin");
    assert_eq!(codes(&entries[1]), ["10", "02", "07", "3", "0"], "zeros restored");
    assert_eq!(entries[2].name, "Związek Gmin \"Bzura\"");
    assert_eq!(codes(&entries[2]), ["10", "02", "01", "Z", "8"]);
    assert_eq!(entries[2].kind_name, "Związek JST");
    assert!(entries.iter().all(|e| e.gus_code.is_none()));

    // The same file in UTF-8 gives the same entries.
    assert_eq!(parse_mf_dictionary(text.as_bytes(), "slownik.csv").expect("UTF-8"), entries);
}

#[test]
fn missing_column_is_refused() {
    let mut header = NEWER_HEADER;
    header[4] = "Typ gminy";
    let bytes = newer_xlsx(&header);
    let e = refused(&bytes, "Slownik_JST_2024.xlsx");
    let text = e.to_string();
    assert_eq!(e.problems[0].row, Some(1), "{text}");
    assert!(text.contains("brak kolumn: „GT”"), "{text}");

    let csv = "Nazwa;WK;PK;GK;GT;PT\nKutno;10;02;01;1;0\n";
    let e = refused(csv.as_bytes(), "slownik.csv");
    assert!(e.to_string().contains("„Typ jednostki” lub „Typ Jst Nazwa”"), "{e}");
}

#[test]
fn empty_and_foreign_files_are_refused() {
    assert!(refused(b"", "pusty.csv").to_string().contains("plik jest pusty"));
    assert!(refused(b"\r\n  \n", "pusty.csv").to_string().contains("plik jest pusty"));
    let e = refused("kod;nazwa\n0201011;Bolesławiec\n".as_bytes(), "inny.csv");
    assert!(e.to_string().contains("nie znaleziono wiersza nagłówka z kolumnami WK, PK i GK"));
    let e = refused(b"Nazwa;WK;PK;GK;GT;PT;Typ jednostki\n", "naglowek.csv");
    assert!(e.to_string().contains("nie ma żadnej jednostki"), "{e}");
    let e = refused(b"PK\x03\x04 not really a zip", "zepsuty.xlsx");
    assert!(e.to_string().contains("nie można otworzyć pliku XLSX"), "{e}");
    let e = refused(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 not really an xls", "zepsuty.xls");
    assert!(e.to_string().contains("nie można otworzyć pliku XLS"), "{e}");
}

#[test]
fn bad_cells_are_refused_with_row_and_column() {
    let csv = "Nazwa;WK;PK;GK;GT;PT;Typ Jst Nazwa;Kod GUS\n\
               Kutno;10;02;01;1;0;Gmina miejska;1002011\n\
               ;10;2A;01;1;0;Gmina;1002011\n\
               Żychlin;100;02;07;X;0;;12345\n";
    let e = refused(csv.as_bytes(), "slownik.csv");
    let at = |row: usize, column: &str| {
        e.problems.iter().any(|p| p.row == Some(row) && p.column.as_deref() == Some(column))
    };
    assert!(at(3, "Nazwa") && at(3, "PK"), "{e}");
    assert!(at(4, "WK") && at(4, "GT") && at(4, "Typ Jst Nazwa") && at(4, "Kod GUS"), "{e}");
    assert_eq!(e.problems.len(), 6, "{e}");
    assert!(e.to_string().contains("„X” nie jest kodem z najwyżej 1 cyfrą ani Z"), "{e}");
}
