//! Bad official files given to `jst-server import mf|bdl-csv|register|data`: empty, cut short,
//! in another encoding, of another kind, with amounts that are no finite number. Each is refused
//! with exit 3 and a Polish message naming the file (and the row and field where there is one),
//! and the server's store keeps no value and no register from it.

use std::path::Path;
use std::process::Output;

use jst_server_store::throwaway::TestDatabase;
use jst_synth::MfLine;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../jst-import/tests/data");
const TERC: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/register/TERC_2024-01-01.csv");

/// A file name, its bytes and texts the refusal must contain (the file name is always checked).
type Case = (&'static str, Vec<u8>, Vec<String>);

fn says(needles: &[&str]) -> Vec<String> {
    needles.iter().map(|n| (*n).to_owned()).collect()
}

fn run(data: &TestDatabase, args: &[&str]) -> Output {
    data.command(env!("CARGO_BIN_EXE_jst-server"))
        .args(args)
        .env("RUST_LOG", "off")
        .output()
        .expect("jst-server runs")
}

/// Every case is refused by `jst-server import <args…> FILE <more…>` with exit 3 and every
/// expected text on stderr; the store holds no value and no imported register afterwards.
fn refused(root: &Path, args: &[&str], more: &[&str], cases: Vec<Case>) {
    let data = TestDatabase::new(&root.join("baza"));
    let files = root.join("pliki");
    std::fs::create_dir_all(&files).expect("folder");
    for (name, bytes, expected) in cases {
        let path = files.join(name);
        std::fs::write(&path, bytes).expect("write");
        let mut all = vec!["import"];
        all.extend(args);
        all.push(path.to_str().expect("path"));
        all.extend(more);
        let output = run(&data, &all);
        let stderr = String::from_utf8_lossy(&output.stderr);
        let what = args.join(" ");
        assert_eq!(output.status.code(), Some(3), "{what} {name}: {stderr}");
        assert!(stderr.starts_with("Błąd: "), "{what} {name}: {stderr}");
        for needle in std::iter::once(name.to_owned()).chain(expected) {
            assert!(stderr.contains(&needle), "{what} {name}: {needle:?} not in {stderr}");
        }
        let storage = data.storage().expect("open");
        assert!(storage.all_values().expect("values").is_empty(), "{what} {name} wrote values");
        assert!(storage.register().expect("register").is_none(), "{what} {name} wrote a register");
    }
}

fn sample(path: &str) -> Vec<u8> {
    std::fs::read(format!("{DATA}/{path}")).expect("test data")
}

fn utf16(text: &str, bom: bool) -> Vec<u8> {
    let mut out = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
    out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    out
}

// --- MF dBase files -------------------------------------------------------------------------

fn line(rozdzial: &str, par: &str, plan: f64, execution: f64) -> MfLine {
    MfLine {
        kodmswia: String::new(),
        wk: "10".into(),
        pk: "02".into(),
        gk: "01".into(),
        gt: "1".into(),
        pt: "0".into(),
        dzial: rozdzial[..3].to_owned(),
        rozdzial: rozdzial.to_owned(),
        par: par.to_owned(),
        par4: "0".to_owned(),
        plan,
        execution,
    }
}

/// An Rb-28S file of Kutno for 2023 in the Ministry's layout (three records).
fn rb28s() -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let lines = vec![
        line("80101", "401", 1_000_000.0, 900_000.55),
        line("80101", "421", 200_000.0, 150_000.45),
        line("90015", "426", 50_000.0, 48_000.0),
    ];
    jst_synth::write_rb28s(&mut out, 2023, 4, lines).expect("written");
    out.into_inner()
}

/// Where a field of a dBase file lies.
struct Field {
    /// Offset in a record (byte 0 is the deletion flag).
    start: usize,
    len: usize,
    numeric: bool,
    /// Sizes of the header and of a record.
    header: usize,
    record: usize,
}

fn field(dbf: &[u8], name: &str) -> Field {
    let header = usize::from(u16::from_le_bytes([dbf[8], dbf[9]]));
    let record = usize::from(u16::from_le_bytes([dbf[10], dbf[11]]));
    let mut start = 1;
    for descriptor in dbf[32..header].chunks(32).take_while(|d| d[0] != 0x0D) {
        let len = usize::from(descriptor[16]);
        let end = descriptor[..11].iter().position(|b| *b == 0).unwrap_or(11);
        if &descriptor[..end] == name.as_bytes() {
            let numeric = matches!(descriptor[11], b'N' | b'F');
            return Field { start, len, numeric, header, record };
        }
        start += len;
    }
    panic!("no field {name}");
}

/// The file with field `name` of record `number` (from 1) set to `value`, right-aligned for a
/// number and left-aligned for text, as dBase writers pad them.
fn with_field(dbf: &[u8], number: usize, name: &str, value: &[u8]) -> Vec<u8> {
    let Field { start, len, numeric, header, record } = field(dbf, name);
    assert!(value.len() <= len, "{name} holds {len} bytes");
    let mut out = dbf.to_vec();
    let at = header + (number - 1) * record + start;
    let padding = vec![b' '; len - value.len()];
    let cell = if numeric {
        [padding, value.to_vec()].concat()
    } else {
        [value.to_vec(), padding].concat()
    };
    out[at..at + len].copy_from_slice(&cell);
    out
}

/// The field descriptors renamed (names of at most 10 characters).
fn renamed(dbf: &[u8], names: &[(&str, &str)]) -> Vec<u8> {
    let mut out = dbf.to_vec();
    let header = usize::from(u16::from_le_bytes([dbf[8], dbf[9]]));
    for descriptor in out[32..header].chunks_mut(32).take_while(|d| d[0] != 0x0D) {
        let end = descriptor[..11].iter().position(|b| *b == 0).unwrap_or(11);
        let current = String::from_utf8_lossy(&descriptor[..end]).into_owned();
        if let Some((_, to)) = names.iter().find(|(from, _)| *from == current) {
            descriptor[..11].fill(0);
            descriptor[..to.len()].copy_from_slice(to.as_bytes());
        }
    }
    out
}

#[test]
fn bad_mf_files_are_refused_and_write_nothing() {
    let dir = tempfile::tempdir().expect("tmp");
    let dbf = rb28s();
    let Field { header, record, .. } = field(&dbf, "R1");
    let r1 = |v: &str| with_field(&dbf, 2, "R1", v.as_bytes());
    let mut language = dbf.clone();
    language[29] = 0x03;
    let mut no_language = dbf.clone();
    no_language[29] = 0x00;
    let cases: Vec<Case> = vec![
        ("pusty.dbf", Vec::new(), says(&["krótszy niż nagłówek"])),
        (
            "urwany.dbf",
            dbf[..header + record + record / 2].to_vec(),
            says(&["ucięty", "kończy się w rekordzie 2"]),
        ),
        ("urwany-naglowek.dbf", dbf[..header - 10].to_vec(), says(&["nagłówek"])),
        ("cp1252.dbf", language, says(&["bajt sterownika języka", "0x03", "Windows-1250"])),
        ("bez-jezyka.dbf", no_language, says(&["bajt sterownika języka", "0x00"])),
        (
            "utf8.dbf",
            with_field(&dbf, 2, "KODMSWIA", "Związek".as_bytes()),
            says(&["wiersz 2, kolumna KODMSWIA", "„Związek” jest zapisany w UTF-8"]),
        ),
        (
            "rb27s.dbf",
            renamed(&dbf, &[("R12U", "R2"), ("R12B", "R3"), ("R13", "R5")]),
            says(&["sprawozdania Rb-27S", "wczytywany jest jako Rb-28S"]),
        ),
        (
            "sio.xml",
            sample("sio/kutno-2021-09-30-wykaz-szkol.xml"),
            says(&["nie tworzą poprawnego pliku dBase"]),
        ),
        (
            "przecinek.dbf",
            r1("1234,56"),
            says(&["wiersz 2, kolumna R1", "kwota „1234,56” ma przecinek dziesiętny"]),
        ),
        ("nan.dbf", r1("NaN"), says(&["wiersz 2, kolumna R1", "„NaN” nie jest skończoną liczbą"])),
        (
            "inf.dbf",
            r1("-inf"),
            says(&["wiersz 2, kolumna R1", "„-inf” nie jest skończoną liczbą"]),
        ),
        ("1e999.dbf", r1("1e999"), says(&["wiersz 2, kolumna R1", "„1e999” nie jest liczbą"])),
        (
            "za-duza.dbf",
            r1("9999999999999999"),
            says(&["wiersz 2, kolumna R1", "przekracza dopuszczalne 10^15"]),
        ),
    ];
    refused(dir.path(), &["mf"], &["--report", "rb28s", "--year", "2023"], cases);
}

// --- GUS BDL CTAB exports -------------------------------------------------------------------

/// The header and first rows of the real export, `ogółem` of its first row replaced.
fn ctab(rows: usize, total: &str) -> String {
    let text = String::from_utf8(sample("bdl/LUDN_2137_CTAB_20210625164329.csv")).expect("UTF-8");
    let head: String = text.split_inclusive('\n').take(rows + 1).collect();
    head.replacen("\"Bolesławiec (1)\";38486;", &format!("\"Bolesławiec (1)\";{total};"), 1)
}

#[test]
fn bad_bdl_exports_are_refused_and_write_nothing() {
    let dir = tempfile::tempdir().expect("tmp");
    let good = ctab(3, "38486");
    // The first row's `…;1009;5168;\r\n` cut inside its last value.
    let (first_row_end, _) = good.match_indices(";\r\n").nth(1).expect("row end");
    let row2 = ["wiersz 2, kolumna ogółem"];
    let with = |extra: &[&str]| -> Vec<String> {
        row2.iter().chain(extra).map(|s| (*s).to_owned()).collect()
    };
    let mut undefined = good.clone().into_bytes();
    undefined.extend_from_slice(b"0201032;\"Gromadka \x98\";5317;229;238;\r\n");
    let cases: Vec<Case> = vec![
        ("pusty.csv", Vec::new(), says(&["pusty"])),
        ("naglowek.csv", ctab(0, "1").into_bytes(), says(&["nie ma żadnego wiersza jednostki"])),
        (
            "urwany.csv",
            good.as_bytes()[..good.find("Gromadka").expect("row 4")].to_vec(),
            says(&["wiersz 4", "ucięty w połowie wiersza"]),
        ),
        (
            "urwana-liczba.csv",
            good.as_bytes()[..first_row_end - 1].to_vec(),
            says(&["wiersz 2", "ucięty w połowie wiersza"]),
        ),
        ("utf16.csv", utf16(&good, true), says(&["UTF-16"])),
        ("utf16-bez-bom.csv", utf16(&good, false), says(&["UTF-16"])),
        ("nie-cp1250.csv", undefined, says(&["wiersz 5", "kodowania"])),
        (
            "paczka.xml",
            sample("sprawozdania/kutno-2023-kwartal-2-dochody-rb27s.xml"),
            says(&["to plik XML, a nie eksport CTAB"]),
        ),
        (
            "terc.csv",
            std::fs::read(TERC).expect("TERC"),
            says(&["wiersz 1", "nieoczekiwany nagłówek", "„Kod” i „Nazwa”"]),
        ),
        ("nan.csv", ctab(3, "NaN").into_bytes(), with(&["„NaN” nie jest liczbą"])),
        ("inf.csv", ctab(3, "inf").into_bytes(), with(&["„inf” nie jest liczbą"])),
        ("1e999.csv", ctab(3, "1e999").into_bytes(), with(&["„1e999” nie jest liczbą"])),
        ("za-duza.csv", ctab(3, "10000000000000001").into_bytes(), with(&["10^15"])),
        (
            // Re-saved with commas between fields: `1234,56` is two cells.
            "przecinki.csv",
            b"Kod,Nazwa,ogolem\n0201011,Boleslawiec,1234,56\n".to_vec(),
            says(&["wiersz 2", "wiersz ma 4 komórki, a nagłówek tylko 3"]),
        ),
    ];
    refused(dir.path(), &["bdl-csv"], &["--indicator", "LUD_OGOLEM", "--year", "2020"], cases);

    // A decimal comma in a `;` export is a number (DESIGN §6), read whole.
    let data = TestDatabase::new(&dir.path().join("baza"));
    let file = dir.path().join("pliki/przecinek.csv");
    std::fs::write(&file, ctab(3, "1234,56")).expect("write");
    let out = run(
        &data,
        &[
            "import",
            "bdl-csv",
            file.to_str().expect("path"),
            "--indicator",
            "LUD_OGOLEM",
            "--year",
            "2020",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let values = data.storage().expect("open").all_values().expect("values");
    let boleslawiec = values.iter().find(|r| r.teryt == "0201011").expect("Bolesławiec");
    assert_eq!(boleslawiec.value, 1234.56);
}

// --- TERC register --------------------------------------------------------------------------

#[test]
fn bad_register_files_are_refused_and_write_nothing() {
    let dir = tempfile::tempdir().expect("tmp");
    let csv = std::fs::read_to_string(TERC).expect("TERC");
    let lodzkie: String = csv
        .lines()
        .enumerate()
        .filter(|(i, l)| *i == 0 || l.starts_with("10;"))
        .map(|(_, l)| format!("{l}\n"))
        .collect();
    let xml = {
        let mut lines = csv.lines();
        let header: Vec<&str> = lines.next().expect("header").split(';').collect();
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<teryt><catalog name=\"TERC\" \
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
    };
    let line_of = |text: &str, at: usize| text[..at].matches('\n').count() + 1;
    let csv_cut = csv.len() / 2 + csv[csv.len() / 2..].find('\n').expect("line") + 1 + 8;
    let xml_cut = xml.len() / 2 + xml[xml.len() / 2..].find("<NAZWA>").expect("tag") + 9;
    let cases: Vec<Case> = vec![
        ("pusty.csv", Vec::new(), says(&["pusty"])),
        (
            "urwany.csv",
            csv.as_bytes()[..csv_cut].to_vec(),
            vec![format!("wiersz {}", line_of(&csv, csv_cut)), "oczekiwano 7 pól".into()],
        ),
        (
            "urwany.xml",
            xml.as_bytes()[..xml_cut].to_vec(),
            vec![format!("wiersz {}", line_of(&xml, xml_cut)), "urwany".into()],
        ),
        ("utf16.csv", utf16(&csv, true), says(&["UTF-16"])),
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
    refused(dir.path(), &["register"], &[], cases);
}

// --- Public values ---------------------------------------------------------------------------

#[test]
fn bad_public_value_files_are_refused_and_write_nothing() {
    let dir = tempfile::tempdir().expect("tmp");
    let header = "teryt;wskaznik_kod;rok;wartosc\n";
    let file = |value: &str| {
        format!("{header}1002011;LUD_OGOLEM;2023;43000\n1219053;LUD_OGOLEM;2023;{value}\n")
            .into_bytes()
    };
    let row3 = |extra: &str| vec!["wiersz 3, kolumna wartosc".to_owned(), extra.to_owned()];
    let mut undefined = file("1");
    undefined.extend_from_slice(b"1219053;LUD_\x98;2023;1\n");
    let cases: Vec<Case> = vec![
        ("pusty.csv", Vec::new(), says(&["pusty"])),
        (
            "urwany.csv",
            format!("{header}1002011;LUD_OGOLEM;2023;43000\n1219053;LUD_OG").into_bytes(),
            says(&["wiersz 3, kolumna rok", "wiersz 3, kolumna wartosc"]),
        ),
        (
            "utf16.csv",
            utf16(&String::from_utf8(file("1")).expect("text"), false),
            says(&["UTF-16"]),
        ),
        ("nie-cp1250.csv", undefined, says(&["wiersz 4", "kodowania"])),
        (
            "ctab.csv",
            sample("bdl/LUDN_2137_CTAB_20210625164329.csv"),
            says(&["wiersz 1", "nieoczekiwany nagłówek", "teryt;wskaznik_kod;rok;wartosc"]),
        ),
        ("nan.csv", file("NaN"), row3("„NaN” nie jest liczbą")),
        ("inf.csv", file("inf"), row3("„inf” nie jest liczbą")),
        ("1e999.csv", file("1e999"), row3("„1e999” nie jest liczbą")),
        ("za-duza.csv", file("100000000000000000000"), row3("10^15")),
        (
            // Fields separated by commas: `12,5` would be read as 12.
            "przecinki.csv",
            b"teryt,wskaznik_kod,rok,wartosc\n1219053,LUD_OGOLEM,2023,12,5\n".to_vec(),
            says(&["wiersz 2", "przecinkiem dziesiętnym"]),
        ),
        (
            // Streamed: thousands of rows reach the staging before the bad last line.
            "zly-koniec.csv",
            format!(
                "{header}{}1219053;LUD_OGOLEM;2023;12x\n",
                "1002011;LUD_OGOLEM;2023;43000\n".repeat(5000)
            )
            .into_bytes(),
            says(&["wiersz 5002, kolumna wartosc", "„12x”"]),
        ),
    ];
    refused(dir.path(), &["data"], &[], cases);
}
