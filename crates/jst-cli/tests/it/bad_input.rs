//! Bad official files given to `jst import budget|sio|register`: empty, cut short, in another
//! encoding, of another kind, of another unit, with amounts that are no finite number. Each is
//! refused with exit 3 and a Polish message naming the file (and the row and field where there is
//! one), and `local.db` stays byte for byte what it was.

use std::path::Path;

use serde_json::json;

use super::{json_of, jst};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../jst-import/tests/data");
const TERC: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/register/TERC_2024-01-01.csv");
const KUTNO: &str = "1002011";
const WIELICZKA: &str = "1219053";
const CSV_HEADER: &str = "rok;sprawozdanie;dzial;rozdzial;paragraf;plan;wykonanie\n";

fn sample(path: &str) -> Vec<u8> {
    std::fs::read(format!("{DATA}/{path}")).expect("test data")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 sample")
}

/// The bytes with the first `from` replaced by `to` (which must be there).
fn replaced(bytes: &[u8], from: &str, to: &str) -> Vec<u8> {
    let text = text(bytes);
    assert!(text.contains(from), "{from} not in the sample");
    text.replacen(from, to, 1).into_bytes()
}

/// The bytes cut just after the first `marker`.
fn cut_after(bytes: &[u8], marker: &str) -> Vec<u8> {
    let at = bytes.windows(marker.len()).position(|w| w == marker.as_bytes()).expect("marker");
    bytes[..at + marker.len()].to_vec()
}

fn utf16(bytes: &[u8], bom: bool) -> Vec<u8> {
    let text = text(bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut out = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
    out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    out
}

fn cp1250(bytes: &[u8]) -> Vec<u8> {
    let text = text(bytes);
    let (encoded, _, _) =
        encoding_rs::WINDOWS_1250.encode(text.strip_prefix('\u{feff}').unwrap_or(&text));
    encoded.into_owned()
}

/// The shipped register in the XML layout GUS publishes.
fn terc_xml(csv: &str) -> String {
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().expect("header").split(';').collect();
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<teryt><catalog name=\"TERC\" type=\"all\" \
         date=\"2024-01-01\">\n",
    );
    for line in lines {
        xml.push_str("<row>");
        for (name, value) in header.iter().zip(line.split(';')) {
            xml.push_str(&format!("<{name}>{value}</{name}>"));
        }
        xml.push_str("</row>\n");
    }
    xml.push_str("</catalog></teryt>\n");
    xml
}

/// A file name, its bytes and texts the refusal must contain (the file name is always checked).
type Case = (&'static str, Vec<u8>, Vec<String>);

/// Expected texts of a case.
fn says(needles: &[&str]) -> Vec<String> {
    needles.iter().map(|n| (*n).to_owned()).collect()
}

/// A data folder with `unit` chosen.
fn folder(root: &Path, name: &str, unit: &str) -> std::path::PathBuf {
    let data = root.join(name);
    let init = jst(&data, &["init", "--unit", unit]);
    assert_eq!(init.status.code(), Some(0), "{}", String::from_utf8_lossy(&init.stderr));
    data
}

/// Every case is refused by `jst import <what>` with exit 3, its stderr has every expected
/// text, and `local.db` is unchanged.
fn refused(root: &Path, data: &Path, what: &str, cases: Vec<Case>) {
    let db = data.join("local.db");
    let files = root.join("pliki");
    std::fs::create_dir_all(&files).expect("folder");
    for (name, bytes, expected) in cases {
        let path = files.join(name);
        std::fs::write(&path, bytes).expect("write");
        let before = std::fs::read(&db).expect("db");
        let output = jst(data, &["import", what, path.to_str().expect("path")]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(3), "{what} {name}: {stderr}");
        assert!(stderr.starts_with("Błąd: Nie wczytano pliku"), "{what} {name}: {stderr}");
        for needle in std::iter::once(name.to_owned()).chain(expected) {
            assert!(stderr.contains(&needle), "{what} {name}: {needle:?} not in {stderr}");
        }
        assert!(output.stdout.is_empty(), "{what} {name}: nothing reported as read");
        assert_eq!(std::fs::read(&db).expect("db"), before, "{what} {name} changed local.db");
    }
}

#[test]
fn bad_budget_files_are_refused_with_place_and_write_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let kutno = folder(dir.path(), "kutno", KUTNO);
    let wydatki = sample("sprawozdania/kutno-2023-kwartal-2-wydatki-rb28s.xml");
    let dochody = sample("sprawozdania/kutno-2023-kwartal-2-dochody-rb27s.xml");
    let ww = |v: &str| replaced(&wydatki, "<WW>5439.95</WW>", &format!("<WW>{v}</WW>"));
    let csv = |row: &str| {
        format!("{CSV_HEADER}2023;Rb-28S;801;80101;4010;1000;900\n{row}\n").into_bytes()
    };
    let first_item = ["wiersz 1, kolumna WW", "pozycja 1 sprawozdania Rb-28s jednostki nr 1"];
    let cases: Vec<Case> = vec![
        ("pusty.xml", Vec::new(), says(&["pusty"])),
        ("spacje.csv", b" \n\r\n".to_vec(), says(&["pusty"])),
        (
            "urwany.xml",
            cut_after(&wydatki, "<WW>54"),
            says(&["wiersz 1, kolumna WW", "urwany", "<WW>"]),
        ),
        ("urwany-znacznik.xml", cut_after(&dochody, "<Pozycja><Dzi"), says(&["urwany w środku znacznika"])),
        (
            "urwany.csv",
            format!("{CSV_HEADER}2023;Rb-28S;801;80101;4010;1000;900\n2023;Rb-28S;801;80101;42")
                .into_bytes(),
            says(&["wiersz 3, kolumna paragraf", "wiersz 3, kolumna plan", "wiersz 3, kolumna wykonanie"]),
        ),
        ("utf16.xml", utf16(&wydatki, true), says(&["UTF-16"])),
        ("utf16-bez-bom.csv", utf16(&csv("2023;Rb-28S;801;80101;4210;1;1"), false), says(&["UTF-16"])),
        (
            "cp1250.xml",
            cp1250(&replaced(&wydatki, "encoding=\"utf-8\"", "encoding=\"windows-1250\"")),
            says(&["wiersz 1", "nie jest zapisany w kodowaniu UTF-8"]),
        ),
        (
            "nie-cp1250.csv",
            [csv("2023;Rb-28S;801;80101;4210;1;1"), b"2023;Rb-28S;801;80101;4260;1\x98;1\n".to_vec()]
                .concat(),
            says(&["wiersz 4", "kodowania"]),
        ),
        (
            "wykaz-sio.xml",
            sample("sio/kutno-2021-09-30-wykaz-szkol.xml"),
            says(&["wykaz szkół z SIO, a nie sprawozdanie budżetowe"]),
        ),
        (
            "ctab.csv",
            sample("bdl/LUDN_2137_CTAB_20210625164329.csv"),
            says(&["wiersz 1", "nieoczekiwany nagłówek", "rok;sprawozdanie;dzial"]),
        ),
        (
            "terc.xml",
            terc_xml(&std::fs::read_to_string(TERC).expect("TERC")).into_bytes(),
            says(&["wiersz 2", "to nie jest paczka sprawozdań budżetowych", "<teryt>"]),
        ),
        (
            "rb-z.xml",
            text(&wydatki).replace("Rb-28s", "Rb-Z").into_bytes(),
            says(&["nie zawiera sprawozdania Rb-27S ani Rb-28S"]),
        ),
        (
            "zle-sprawozdanie.csv",
            csv("2023;Rb-30S;801;80101;4210;1;1"),
            says(&["wiersz 3, kolumna sprawozdanie", "Rb-30S"]),
        ),
        ("przecinek.xml", ww("1234,56"), says(&[&first_item[..], &["„1234,56”", "kropka"]].concat())),
        ("nan.xml", ww("NaN"), says(&[&first_item[..], &["kwota WW „NaN” nie jest liczbą"]].concat())),
        ("inf.xml", ww("inf"), says(&[&first_item[..], &["kwota WW „inf” nie jest liczbą"]].concat())),
        ("1e999.xml", ww("1e999"), says(&[&first_item[..], &["kwota WW „1e999” nie jest liczbą"]].concat())),
        (
            "za-duza.xml",
            ww("99999999999999.00"),
            says(&[&first_item[..], &["„99999999999999.00” jest za duża"]].concat()),
        ),
        (
            "dochody-nan.xml",
            replaced(&dochody, "<DW>72.00</DW>", "<DW>NaN</DW>"),
            says(&["kolumna DW", "pozycja 1 sprawozdania Rb-27s jednostki nr 1", "„NaN”"]),
        ),
        (
            "nan.csv",
            csv("2023;Rb-28S;801;80101;4210;NaN;inf"),
            says(&["wiersz 3, kolumna plan: wartość „NaN” nie jest liczbą", "wiersz 3, kolumna wykonanie: wartość „inf”"]),
        ),
        (
            "1e999.csv",
            csv("2023;Rb-28S;801;80101;4210;1e999;1"),
            says(&["wiersz 3, kolumna plan: wartość „1e999” nie jest liczbą"]),
        ),
        (
            "za-duza.csv",
            csv("2023;Rb-28S;801;80101;4210;1;10 000 000 000 000 000"),
            says(&["wiersz 3, kolumna wykonanie", "10^15"]),
        ),
        (
            // Fields separated by commas: `1234,56` would be read as 1234 and the rest dropped.
            "przecinki.csv",
            b"rok,sprawozdanie,dzial,rozdzial,paragraf,plan,wykonanie\n2023,Rb-28S,801,80101,4010,1234,56,1000,00\n"
                .to_vec(),
            says(&["wiersz 2", "przecinkiem dziesiętnym", "1234,56"]),
        ),
    ];
    refused(dir.path(), &kutno, "budget", cases);

    // Another unit's folder: every budget unit of the package is named with its place.
    let wieliczka = folder(dir.path(), "wieliczka", WIELICZKA);
    refused(
        dir.path(),
        &wieliczka,
        "budget",
        vec![(
            "kutno.xml",
            wydatki.clone(),
            says(&[
                "wiersz 1, kolumna WK",
                "jednostka nr 1 paczki",
                KUTNO,
                WIELICZKA,
                "jednostka nr 7",
            ]),
        )],
    );

    // A decimal comma is how DESIGN §6 writes amounts in a `;` file: read, not refused.
    let good = dir.path().join("pliki/przecinek.csv");
    std::fs::write(&good, csv("2023;Rb-28S;801;80101;4210;1 234,56;1234,5")).expect("write");
    let output = jst(&kutno, &["import", "budget", good.to_str().expect("path")]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let lines = json_of(&jst(
        &kutno,
        &["budget", "show", "--year", "2023", "--by", "paragraf", "--format", "json"],
    ));
    let line = lines
        .as_array()
        .expect("list")
        .iter()
        .find(|l| l["paragraf"] == json!("4210"))
        .expect("the line")
        .clone();
    assert_eq!((&line["plan"], &line["wykonanie"]), (&json!(1234.56), &json!(1234.5)));
}

#[test]
fn bad_sio_lists_are_refused_with_place_and_write_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let kutno = folder(dir.path(), "kutno", KUTNO);
    let list = sample("sio/kutno-2021-09-30-wykaz-szkol.xml");
    let pupils = r#"<Data ss:Type="Number">456.73599999999999</Data>"#;
    let with_pupils =
        |v: &str| replaced(&list, pupils, &format!(r#"<Data ss:Type="Number">{v}</Data>"#));
    // The first school row starts on line 2801 (spreadsheet row 16).
    let row = ["wiersz 2801, kolumna Liczba uczniów", "wiersz arkusza 16"];
    // The registering body's Woj, Pow, Gmi of the first school row (line 767, after the header
    // row), left empty.
    let unregistered = {
        let text = text(&list);
        let first_row = text.find("Numer RSPO").expect("header row");
        let mut rest = text[first_row..].to_owned();
        for code in ["10", "02", "01"] {
            rest = rest.replacen(
                &format!(r#"<Data ss:Type="String">{code}</Data>"#),
                r#"<Data ss:Type="String"></Data>"#,
                1,
            );
        }
        format!("{}{rest}", &text[..first_row]).into_bytes()
    };
    let cases: Vec<Case> = vec![
        ("pusty.xml", Vec::new(), says(&["pusty"])),
        (
            "urwany.xml",
            cut_after(&list, "<Data ss:Type=\"Number\">456.73"),
            says(&["wiersz 2868, kolumna Data", "urwany", "otwartego w wierszu 2868"]),
        ),
        (
            "urwany-znacznik.xml",
            cut_after(&list, "<Row ss:Heig"),
            says(&["urwany w środku znacznika"]),
        ),
        ("utf16.xml", utf16(&list, true), says(&["UTF-16"])),
        ("utf16-bez-bom.xml", utf16(&list, false), says(&["UTF-16"])),
        (
            "cp1250.xml",
            cp1250(&list),
            says(&[
                "wiersz 9",
                "nie jest zapisany w kodowaniu UTF-8",
                "wykaz z SIO zapisuje się w UTF-8",
            ]),
        ),
        (
            "paczka.xml",
            sample("sprawozdania/kutno-2023-kwartal-2-dochody-rb27s.xml"),
            says(&["wiersz 1", "to nie jest arkusz XML programu Excel", "<PaczkaSprawozdan>"]),
        ),
        (
            "ctab.csv",
            sample("bdl/LUDN_2137_CTAB_20210625164329.csv"),
            says(&["wiersz 1", "to nie jest arkusz XML programu Excel", "„\"Kod\";\"Nazwa\""]),
        ),
        (
            "budzet.csv",
            format!("{CSV_HEADER}2023;Rb-28S;801;80101;4010;1;1\n").into_bytes(),
            says(&["przed elementem <Workbook>", "rok;sprawozdanie"]),
        ),
        (
            "uszkodzony.xlsx",
            b"PK\x03\x04uszkodzony".to_vec(),
            says(&["nie można otworzyć pliku XLSX"]),
        ),
        (
            "przecinek.xml",
            with_pupils("1234,56"),
            says(&[&row[..], &["„1234,56”", "z kropką"]].concat()),
        ),
        (
            "nan.xml",
            with_pupils("NaN"),
            says(&[&row[..], &["„NaN” nie jest liczbą uczniów"]].concat()),
        ),
        (
            "inf.xml",
            with_pupils("inf"),
            says(&[&row[..], &["„inf” nie jest liczbą uczniów"]].concat()),
        ),
        (
            "1e999.xml",
            with_pupils("1e999"),
            says(&[&row[..], &["„1e999” nie jest liczbą uczniów"]].concat()),
        ),
        ("za-duza.xml", with_pupils("1E20"), says(&[&row[..], &["„1E20”", "10^15"]].concat())),
        ("ujemna.xml", with_pupils("-5"), says(&[&row[..], &["ujemna"]].concat())),
        ("bez-kodu.xml", unregistered, says(&["nie podaje kodu jednostki", "MIASTO KUTNO", KUTNO])),
    ];
    refused(dir.path(), &kutno, "sio", cases);

    let wieliczka = folder(dir.path(), "wieliczka", WIELICZKA);
    refused(
        dir.path(),
        &wieliczka,
        "sio",
        vec![(
            "kutno.xml",
            list,
            says(&["wiersz 767, kolumna Woj", "100201", "MIASTO KUTNO", WIELICZKA]),
        )],
    );
}

#[test]
fn bad_register_files_of_every_kind_are_refused_and_write_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = folder(dir.path(), "dane", KUTNO);
    let csv = std::fs::read(TERC).expect("TERC");
    let xml = terc_xml(&text(&csv)).into_bytes();
    // Łódzkie only: a file of one województwo would end every other unit.
    let lodzkie: String = text(&csv)
        .lines()
        .enumerate()
        .filter(|(i, l)| *i == 0 || l.starts_with("10;"))
        .map(|(_, l)| format!("{l}\n"))
        .collect();
    // Cuts in the second half: a few bytes into a CSV row, inside an XML value and inside a tag.
    let line_of = |bytes: &[u8], at: usize| bytes[..at].iter().filter(|b| **b == b'\n').count() + 1;
    let half = |bytes: &[u8], marker: &[u8]| {
        let from = bytes.len() / 2;
        from + bytes[from..].windows(marker.len()).position(|w| w == marker).expect("marker")
    };
    let csv_cut = half(&csv, b"\n") + 1 + 8;
    let value_cut = half(&xml, b"<NAZWA>") + "<NAZWA>".len() + 2;
    let tag_cut = half(&xml, b"<NAZWA>") + 4;
    let cases: Vec<Case> = vec![
        ("pusty.xml", Vec::new(), says(&["pusty"])),
        (
            "urwany.xml",
            xml[..value_cut].to_vec(),
            vec![format!("wiersz {}", line_of(&xml, value_cut)), "urwany".into(), "<NAZWA>".into()],
        ),
        (
            "urwany-znacznik.xml",
            xml[..tag_cut].to_vec(),
            vec![format!("wiersz {}", line_of(&xml, tag_cut)), "urwany w środku znacznika".into()],
        ),
        (
            "urwany.csv",
            csv[..csv_cut].to_vec(),
            vec![format!("wiersz {}", line_of(&csv, csv_cut)), "oczekiwano 7 pól".into()],
        ),
        ("utf16.csv", utf16(&csv, true), says(&["UTF-16"])),
        ("utf16-bez-bom.xml", utf16(&xml, false), says(&["UTF-16"])),
        (
            "paczka.xml",
            sample("sprawozdania/kutno-2023-kwartal-2-wydatki-rb28s.xml"),
            says(&["to nie jest rejestr TERC", "<PaczkaSprawozdan>"]),
        ),
        (
            "wykaz-sio.xml",
            sample("sio/kutno-2021-09-30-wykaz-szkol.xml"),
            says(&["to nie jest rejestr TERC", "<Workbook>"]),
        ),
        (
            "ctab.csv",
            sample("bdl/LUDN_2137_CTAB_20210625164329.csv"),
            says(&["wiersz 1", "to nie jest plik TERC"]),
        ),
        ("lodzkie.csv", lodzkie.into_bytes(), says(&["zakończyłby ważność", "--allow-shrink"])),
    ];
    refused(dir.path(), &data, "register", cases);
}

#[test]
fn an_amount_that_may_be_a_thousand_times_off_is_warned_about_and_strict_refuses_it() {
    let root = tempfile::tempdir().expect("tmp");
    let data = folder(root.path(), "kutno", "1002011");
    let file = root.path().join("rb28s.csv");
    std::fs::write(
        &file,
        "rok;sprawozdanie;dzial;rozdzial;paragraf;plan;wykonanie\n2023;Rb-28S;801;80101;4010;1.250;1 198\n",
    )
    .expect("write");
    let out = crate::jst(&data, &["import", "budget", file.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("Ostrzeżenie") && said.contains("kolumna plan"), "{said}");

    let peers = root.path().join("dane.csv");
    std::fs::write(&peers, "teryt;wskaznik_kod;rok;wartosc\n1002011;LUD_OGOLEM;2023;43.332\n")
        .expect("write");
    let strict = crate::jst(&data, &["import", "peers", peers.to_str().expect("path"), "--strict"]);
    assert_eq!(strict.status.code(), Some(3), "{}", String::from_utf8_lossy(&strict.stdout));
    assert!(String::from_utf8_lossy(&strict.stderr).contains("wartosc"));
}
