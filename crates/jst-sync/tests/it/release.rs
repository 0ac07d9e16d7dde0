//! Small signed releases written with `jst_release` alone, as the association's builder writes
//! them, and the edits a test makes afterwards (re-signed, so only the property under test is
//! wrong).

use std::path::{Path, PathBuf};

use jst_release::{
    aggregates_csv, encode_chunk, sha256_hex, sign, AggregateRow, ChunkEntry, ChunkKind, KeyPair,
    Latest, Manifest, FORMAT, POLICY_ID, SIGNATURE_SUFFIX,
};
use time::format_description::well_known::Rfc3339;
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

/// The desktop's clock in every test: plans never read the real one.
pub const NOW: OffsetDateTime = datetime!(2026-12-01 12:00 UTC);
pub const DATASET: &str = "krajowy";
pub const REGISTER_LABEL: &str = "TERC 2024-01-01";

const REGISTER: &str = "WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA\n\
    12;;;;MAŁOPOLSKIE;województwo;2024-01-01\n\
    12;19;;;wielicki;powiat;2024-01-01\n\
    12;19;04;3;Niepołomice;gmina miejsko-wiejska;2024-01-01\n\
    12;19;05;3;Wieliczka;gmina miejsko-wiejska;2024-01-01\n";
const CATALOGUE: &str = "kod;nazwa;jednostka;kierunek;obszar\n\
    KANALIZACJA_PROC;Ludność korzystająca z sieci kanalizacyjnej;%;wiecej_lepiej;infrastruktura\n\
    LUD_OGOLEM;Ludność ogółem;osoby;neutralny;demografia\n";

pub fn rfc3339(at: OffsetDateTime) -> String {
    at.format(&Rfc3339).expect("RFC 3339")
}

/// The aggregates the small release carries: one published cell and one withheld.
pub fn aggregates() -> Vec<AggregateRow> {
    let published = AggregateRow {
        group: "type_size:gmina_miejsko_wiejska:20000-50000".into(),
        indicator: "KANALIZACJA_PROC".into(),
        year: 2024,
        n: 12,
        q1: Some(61.2),
        median: Some(70.5),
        q3: Some(78.25),
        p10: None,
        p90: None,
        mean: Some(69.0),
        note: None,
    };
    let withheld = AggregateRow {
        group: "type_size:gmina_wiejska:0-5000".into(),
        n: 3,
        q1: None,
        median: None,
        q3: None,
        mean: None,
        note: Some("za mało danych w grupie".into()),
        ..published.clone()
    };
    vec![published, withheld]
}

fn values(year: i32) -> String {
    let mut text = String::from("teryt;wskaznik_kod;rok;wartosc\n");
    for (teryt, sewers, people) in [("1219043", 61.5, 33_000.0), ("1219053", 70.25, 69_791.0)] {
        let shift = f64::from(year - 2023);
        text.push_str(&format!("{teryt};KANALIZACJA_PROC;{year};{}\n", sewers + shift));
        text.push_str(&format!("{teryt};LUD_OGOLEM;{year};{}\n", people + 100.0 * shift));
    }
    text
}

pub struct Chunk {
    pub name: String,
    pub kind: ChunkKind,
    pub text: Vec<u8>,
    pub rows: u64,
}

pub struct Release {
    pub version: u64,
    pub dataset: String,
    pub issued_at: OffsetDateTime,
    pub expires_at: OffsetDateTime,
    pub chunks: Vec<Chunk>,
}

impl Release {
    /// Version `version`, issued a day before [`NOW`], valid for 60 days: the register, the
    /// catalogue, values of 2023 and 2024 (4 rows each) and the aggregates — 5 chunks.
    pub fn small(version: u64) -> Self {
        let chunk = |name: &str, kind, text: String, rows| Chunk {
            name: name.to_owned(),
            kind,
            text: text.into_bytes(),
            rows,
        };
        Self {
            version,
            dataset: DATASET.to_owned(),
            issued_at: NOW - Duration::days(1),
            expires_at: NOW + Duration::days(60),
            chunks: vec![
                chunk("register", ChunkKind::Register, REGISTER.to_owned(), 4),
                chunk("catalogue", ChunkKind::Catalogue, CATALOGUE.to_owned(), 2),
                chunk("values-2023-00", ChunkKind::Values, values(2023), 4),
                chunk("values-2024-00", ChunkKind::Values, values(2024), 4),
                chunk("aggregates", ChunkKind::Aggregates, aggregates_csv(&aggregates()), 2),
            ],
        }
    }

    /// Writes the release into `root` as the server does: chunks, the signed manifest, and
    /// last the signed `latest.json`.
    pub fn write(&self, root: &Path, key: &KeyPair) -> Manifest {
        let chunks = root.join("chunks");
        std::fs::create_dir_all(&chunks).expect("chunks folder");
        let entries = self
            .chunks
            .iter()
            .map(|c| {
                let bytes = encode_chunk(&c.text);
                let sha256 = sha256_hex(&bytes);
                std::fs::write(chunks.join(&sha256), &bytes).expect("chunk");
                ChunkEntry {
                    name: c.name.clone(),
                    kind: c.kind,
                    sha256,
                    size: bytes.len() as u64,
                    rows: c.rows,
                }
            })
            .collect();
        let manifest = Manifest {
            format: FORMAT.to_owned(),
            dataset: self.dataset.clone(),
            version: self.version,
            schema: 1,
            previous_version: self.version.checked_sub(1).filter(|v| *v > 0),
            issued_at: rfc3339(self.issued_at),
            register: REGISTER_LABEL.to_owned(),
            catalogue_version: "v1".to_owned(),
            policy: POLICY_ID.to_owned(),
            chunks: entries,
        };
        let manifest_bytes = manifest.to_bytes();
        write_signed(root, key, Manifest::FILE, &manifest_bytes);
        let latest = Latest {
            format: FORMAT.to_owned(),
            dataset: self.dataset.clone(),
            version: self.version,
            issued_at: rfc3339(self.issued_at),
            expires_at: rfc3339(self.expires_at),
            manifest_sha256: sha256_hex(&manifest_bytes),
        };
        write_signed(root, key, Latest::FILE, &latest.to_bytes());
        manifest
    }
}

/// Writes `bytes` as `name` with its signature by `key` (a rogue but correctly signing
/// association, or the real one).
pub fn write_signed(root: &Path, key: &KeyPair, name: &str, bytes: &[u8]) {
    std::fs::write(root.join(name), bytes).expect("file");
    std::fs::write(root.join(format!("{name}{SIGNATURE_SUFFIX}")), sign(key, name, bytes))
        .expect("signature");
}

pub fn read_manifest(root: &Path) -> Manifest {
    Manifest::parse(&std::fs::read(root.join(Manifest::FILE)).expect("manifest")).expect("parse")
}

/// Changes `latest.json` and signs it again.
pub fn edit_latest(root: &Path, key: &KeyPair, edit: impl FnOnce(&mut Latest)) {
    let bytes = std::fs::read(root.join(Latest::FILE)).expect("latest");
    let mut latest = Latest::parse(&bytes).expect("parse");
    edit(&mut latest);
    write_signed(root, key, Latest::FILE, &latest.to_bytes());
}

/// Replaces the manifest with `bytes` (whatever they are), signed, with `latest.json` pointing
/// at them: the manifest passes its hash and signature checks.
pub fn replace_manifest(root: &Path, key: &KeyPair, bytes: &[u8]) {
    write_signed(root, key, Manifest::FILE, bytes);
    edit_latest(root, key, |l| l.manifest_sha256 = sha256_hex(bytes));
}

pub fn edit_manifest(root: &Path, key: &KeyPair, edit: impl FnOnce(&mut Manifest)) {
    let mut manifest = read_manifest(root);
    edit(&mut manifest);
    replace_manifest(root, key, &manifest.to_bytes());
}

/// Replaces a chunk's rows with `text` (`rows` declared), correctly hashed and signed.
pub fn replace_chunk(root: &Path, key: &KeyPair, name: &str, text: &[u8], rows: u64) {
    let bytes = encode_chunk(text);
    let sha256 = sha256_hex(&bytes);
    std::fs::write(root.join("chunks").join(&sha256), &bytes).expect("chunk");
    edit_manifest(root, key, |m| {
        let entry = m.chunks.iter_mut().find(|c| c.name == name).expect("chunk entry");
        entry.sha256 = sha256;
        entry.size = bytes.len() as u64;
        entry.rows = rows;
    });
}

/// Where the named chunk of the current manifest lies in the release folder.
pub fn chunk_file(root: &Path, name: &str) -> PathBuf {
    let manifest = read_manifest(root);
    let entry = manifest.chunks.iter().find(|c| c.name == name).expect("chunk entry");
    root.join("chunks").join(&entry.sha256)
}
