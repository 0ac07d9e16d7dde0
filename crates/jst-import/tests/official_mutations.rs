//! Property tests on damaged copies of valid official files, for the readers whose suites had
//! only arbitrary bytes or hand-built rows: the TERC register (CSV and XML) and the GUS BDL CTAB
//! export. No mutation panics, and a file cut inside a row or an element is refused, never read
//! as a shorter valid file. (The PaczkaSprawozdan, SIO and MF dBase readers have theirs beside
//! their other tests.)

use std::sync::OnceLock;

use jst_import::{parse_ctab, parse_terc};
use proptest::prelude::*;

const TERC: &str = include_str!("../../../assets/register/TERC_2024-01-01.csv");
const CTAB: &str = include_str!("data/bdl/LUDN_2137_CTAB_20210625164329.csv");
/// Lines of each real file kept in the sample: enough for every kind of row, small enough for
/// hundreds of cases.
const SAMPLE_LINES: usize = 60;

fn head(text: &str) -> String {
    text.split_inclusive('\n').take(SAMPLE_LINES).collect()
}

/// The first lines of the shipped register (województwo, powiaty, gminy of all kinds).
fn terc_csv() -> &'static [u8] {
    static SAMPLE: OnceLock<String> = OnceLock::new();
    SAMPLE.get_or_init(|| head(TERC)).as_bytes()
}

/// The same rows in the XML layout GUS publishes (`<teryt><catalog><row><WOJ>…`).
fn terc_xml() -> &'static [u8] {
    static SAMPLE: OnceLock<String> = OnceLock::new();
    SAMPLE
        .get_or_init(|| {
            let mut lines = TERC.lines().take(SAMPLE_LINES);
            let header: Vec<&str> = lines.next().expect("header").split(';').collect();
            let mut xml = String::from(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<teryt><catalog name=\"TERC\" \
                 type=\"all\" date=\"2024-01-01\">\n",
            );
            for line in lines {
                xml.push_str("<row>");
                for (name, value) in header.iter().zip(line.split(';')) {
                    xml.push_str(&format!("<{name}>{value}</{name}>"));
                }
                xml.push_str("</row>\n");
            }
            xml.push_str("</catalog></teryt>");
            xml
        })
        .as_bytes()
}

/// The first rows of the real export, every line ending with `;` as the web export writes it.
fn ctab() -> &'static [u8] {
    static SAMPLE: OnceLock<String> = OnceLock::new();
    SAMPLE.get_or_init(|| head(CTAB)).as_bytes()
}

/// Whether `bytes[..cut]` ends inside a line: the part of its last line that is left is neither
/// empty nor the whole line (line breaks aside).
fn cut_inside_a_line(bytes: &[u8], cut: usize) -> bool {
    let start = bytes[..cut].iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    let end = bytes[start..].iter().position(|b| *b == b'\n').map_or(bytes.len(), |i| start + i);
    let whole = bytes[start..end].strip_suffix(b"\r").unwrap_or(&bytes[start..end]);
    cut > start && cut - start < whole.len()
}

fn mutate(sample: &[u8], edits: Vec<(prop::sample::Index, u8)>, cut: Option<usize>) -> Vec<u8> {
    let mut bytes = sample.to_vec();
    for (at, byte) in edits {
        let at = at.index(bytes.len());
        bytes[at] = byte;
    }
    if let Some(cut) = cut {
        bytes.truncate(cut.min(bytes.len()));
    }
    bytes
}

#[test]
fn the_samples_are_valid() {
    assert!(parse_terc(terc_csv(), "TERC.csv").is_ok_and(|r| r.snapshot.entries.len() > 40));
    let from_xml = parse_terc(terc_xml(), "TERC.xml").expect("the XML sample is valid");
    let from_csv = parse_terc(terc_csv(), "TERC.csv").expect("valid");
    assert_eq!(from_xml.snapshot, from_csv.snapshot);
    assert_eq!(parse_ctab(ctab(), "ctab.csv").expect("valid").rows.len(), SAMPLE_LINES - 1);
}

#[test]
fn a_ctab_row_cut_inside_its_last_value_is_refused() {
    let text = std::str::from_utf8(ctab()).expect("UTF-8");
    // The first row's `…;1009;5168;\r\n` cut to `…;1009;516`: as many cells as the header has
    // columns.
    let (end, _) = text.match_indices(";\r\n").nth(1).expect("the first row's end");
    let err = parse_ctab(&ctab()[..end - 1], "ctab.csv").expect_err("cut");
    assert!(err.to_string().contains("ucięty w połowie wiersza"), "{err}");
}

proptest! {
    // Failure files cannot be kept for an integration test (proptest looks for lib.rs); a
    // failure prints its minimal input instead.
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn mutated_terc_files_never_panic(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        cut in proptest::option::of(0..4096usize),
        xml in any::<bool>(),
    ) {
        let sample = if xml { terc_xml() } else { terc_csv() };
        let bytes = mutate(sample, edits, cut);
        if let Ok(parsed) = parse_terc(&bytes, "TERC") {
            prop_assert!(!parsed.snapshot.entries.is_empty());
        }
    }

    #[test]
    fn a_terc_csv_cut_inside_a_row_is_refused(cut in 0..4096usize) {
        let sample = terc_csv();
        let cut = cut % sample.len();
        if cut_inside_a_line(sample, cut) {
            prop_assert!(parse_terc(&sample[..cut], "TERC.csv").is_err(), "cut at {}", cut);
        }
    }

    #[test]
    fn every_truncation_of_a_terc_xml_is_refused(cut in 0..8192usize) {
        let sample = terc_xml();
        let cut = cut % sample.len();
        prop_assert!(parse_terc(&sample[..cut], "TERC.xml").is_err(), "cut at {}", cut);
    }

    #[test]
    fn mutated_ctab_exports_never_panic(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        cut in proptest::option::of(0..8192usize),
    ) {
        let bytes = mutate(ctab(), edits, cut);
        if let Ok(table) = parse_ctab(&bytes, "ctab.csv") {
            prop_assert!(table.rows.iter().all(|r| r.code.len() == 7));
            prop_assert!(table.rows.iter().flat_map(|r| &r.values).flatten().all(|v| v.is_finite()));
        }
    }

    #[test]
    fn a_ctab_export_cut_inside_a_row_is_refused(cut in 0..8192usize) {
        let sample = ctab();
        let cut = cut % sample.len();
        if cut_inside_a_line(sample, cut) {
            prop_assert!(parse_ctab(&sample[..cut], "ctab.csv").is_err(), "cut at {}", cut);
        }
    }
}
