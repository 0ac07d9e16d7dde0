//! `jst-server release build`: the next signed release in a directory of static files —
//! `chunks/<sha256>` (written only when new, so an unchanged chunk is reused), then
//! `manifest.json` with its signature, and last `latest.json` with its signature: all of them
//! written beside first, then renamed together, so a client never sees a half-written release
//! and a full disk leaves the previous one whole.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jst_release::{
    encode_chunk, sha256_hex, sign, ChunkEntry, ChunkKind, KeyPair, Latest, Manifest, FORMAT,
    POLICY_ID, SIGNATURE_SUFFIX,
};
use time::{Duration, OffsetDateTime};

use crate::register::{current_register, ServerRegister};
use crate::{rfc3339, Error, Result, Storage};
use jst_server_store::DataRow;

/// Indicators per values chunk: a year is cut into blocks, so a new year or revisions of one
/// year touch that year's chunks only (DESIGN §7, §11: the annual update ≤ 15 % of a release).
const INDICATORS_PER_CHUNK: usize = 50;
pub const DATASET: &str = "krajowy";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReleaseSummary {
    pub version: u64,
    pub chunks: usize,
    pub new_chunks: usize,
    pub reused_chunks: usize,
    pub bytes_written: u64,
    pub values: usize,
    pub release_bytes: u64,
    /// Published practices in the release (`practices.json`).
    pub practices: usize,
}

/// Six significant digits (DESIGN §11), written with a decimal point.
fn six_digits(value: f64) -> String {
    let rounded: f64 = format!("{value:.5e}").parse().unwrap_or(value);
    format!("{rounded}")
}

fn write_whole(path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = write_beside(path, bytes)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::io(format!("nie można zapisać {}", path.display()))(e)
    })
}

/// `bytes` written and synced beside `path` (`<name>.tmp`), which is not touched; a failed
/// write (a full disk) leaves no partial file behind.
fn write_beside(path: &Path, bytes: &[u8]) -> Result<PathBuf> {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".tmp");
    let tmp = path.with_file_name(name);
    std::fs::write(&tmp, bytes).and_then(|_| std::fs::File::open(&tmp)?.sync_all()).map_err(
        |e| {
            let _ = std::fs::remove_file(&tmp);
            Error::io(format!("nie można zapisać {}", path.display()))(e)
        },
    )?;
    Ok(tmp)
}

/// A file to write and where.
type SmallFile = (PathBuf, Vec<u8>);

/// The small files that name a release (`practices.json`, `manifest.json`, `latest.json` and
/// their signatures) replaced together: every one is written and synced beside first, and only
/// then are they renamed, in order, `latest.json` last. A rename needs no space, so a disk that
/// fills while writing them leaves the previous release whole, never a new index or manifest
/// under the old `latest.json`.
fn replace_together(files: &[SmallFile]) -> Result<()> {
    let mut staged: Vec<(PathBuf, &Path)> = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        match write_beside(path, bytes) {
            Ok(tmp) => staged.push((tmp, path)),
            Err(e) => {
                for (tmp, _) in &staged {
                    let _ = std::fs::remove_file(tmp);
                }
                return Err(e);
            }
        }
    }
    for (i, (tmp, path)) in staged.iter().enumerate() {
        if let Err(e) = std::fs::rename(tmp, path) {
            for (tmp, _) in &staged[i..] {
                let _ = std::fs::remove_file(tmp);
            }
            return Err(Error::io(format!("nie można zapisać {}", path.display()))(e));
        }
    }
    Ok(())
}

pub fn build_release(
    storage: &mut dyn Storage,
    out: &Path,
    key: &KeyPair,
    issued: OffsetDateTime,
    valid_days: i64,
) -> Result<ReleaseSummary> {
    let (catalogue, catalogue_version) = storage.catalogue()?.ok_or_else(|| {
        Error::Missing(
            "brak katalogu wskaźników: najpierw jst-server import catalogue PLIK".to_owned(),
        )
    })?;
    let register = current_register(storage)?;
    // A first pass over the values, one at a time, for what must be known before anything is
    // written: the population the aggregates class units by, and cells no reader accepts.
    let mut population: Vec<DataRow> = Vec::new();
    let mut out_of_range = OutOfRange::default();
    storage.each_value(&mut |row| {
        out_of_range.see(&row);
        if row.indicator == jst_domain::POPULATION {
            population.push(row);
        }
        Ok(())
    })?;
    // Contributed values leave only as type_size aggregates that pass the policy check.
    let (aggregates, published) =
        contributed_aggregates(storage, &register, &population, &catalogue)?;
    drop(population);
    crate::aggregates::check_policy(&aggregates).map_err(|why| {
        Error::Invalid(format!(
            "wydanie nie zostało zapisane: agregat łamie zasady ujawniania ({why})"
        ))
    })?;
    // Nothing is written, let alone signed, that a desktop would refuse (G10).
    out_of_range.check(&aggregates)?;
    let chunks_dir = out.join("chunks");
    std::fs::create_dir_all(&chunks_dir)
        .map_err(Error::io(format!("nie można utworzyć {}", chunks_dir.display())))?;

    let mut entries = Vec::new();
    let (mut new_chunks, mut reused, mut written, mut release_bytes) = (0, 0, 0u64, 0u64);
    let mut add = |name: String, kind: ChunkKind, text: &[u8], rows: u64| -> Result<()> {
        let bytes = encode_chunk(text);
        let sha = sha256_hex(&bytes);
        let path = chunks_dir.join(&sha);
        if path.exists() {
            reused += 1;
        } else {
            write_whole(&path, &bytes)?;
            new_chunks += 1;
            written += bytes.len() as u64;
        }
        release_bytes += bytes.len() as u64;
        entries.push(ChunkEntry { name, kind, sha256: sha, size: bytes.len() as u64, rows });
        Ok(())
    };
    let register_rows = register.snapshot.entries.len() as u64;
    add("register".to_owned(), ChunkKind::Register, &register.data, register_rows)?;
    let catalogue_rows = catalogue.iter().filter(|b| **b == b'\n').count().saturating_sub(1) as u64;
    add("catalogue".to_owned(), ChunkKind::Catalogue, &catalogue, catalogue_rows)?;

    // The second pass writes the value chunks as the rows come, ordered by year, indicator
    // and TERYT: a year's indicators in blocks of INDICATORS_PER_CHUNK, so only one chunk's
    // text is ever held.
    let mut chunk = ValuesChunk::default();
    let mut values = 0usize;
    // A failed write, kept whole (its context and exit code) while the visit is stopped.
    let mut failed: Option<Error> = None;
    let visited = storage.each_value(&mut |r| {
        if let Some((name, text, rows)) = chunk.before(&r) {
            if let Err(e) = add(name, ChunkKind::Values, text.as_bytes(), rows) {
                let stand_in = jst_server_store::Error::Invalid(e.to_string());
                failed = Some(e);
                return Err(stand_in);
            }
        }
        chunk.push(&r);
        values += 1;
        Ok(())
    });
    if let Some(e) = failed {
        return Err(e);
    }
    visited?;
    if let Some((name, text, rows)) = chunk.finish() {
        add(name, ChunkKind::Values, text.as_bytes(), rows)?;
    }

    if !aggregates.is_empty() {
        let text = jst_release::aggregates_csv(&aggregates);
        add(
            "aggregates".to_owned(),
            ChunkKind::Aggregates,
            text.as_bytes(),
            aggregates.len() as u64,
        )?;
    }

    let version = storage.latest_release()?.map_or(1, |v| v + 1);
    let issued_at = rfc3339(issued);
    let expires_at = rfc3339(issued + Duration::days(valid_days));
    let manifest = Manifest {
        format: FORMAT.to_owned(),
        dataset: DATASET.to_owned(),
        version,
        schema: 1,
        previous_version: version.checked_sub(1).filter(|v| *v > 0),
        issued_at: issued_at.clone(),
        register: register.label.clone(),
        catalogue_version,
        policy: POLICY_ID.to_owned(),
        chunks: entries,
    };
    let manifest_bytes = manifest.to_bytes();
    let latest = Latest {
        format: FORMAT.to_owned(),
        dataset: DATASET.to_owned(),
        version,
        issued_at: issued_at.clone(),
        expires_at: expires_at.clone(),
        manifest_sha256: sha256_hex(&manifest_bytes),
    };
    let latest_bytes = latest.to_bytes();
    let sig = |name: &str| out.join(format!("{name}{SIGNATURE_SUFFIX}"));
    let (practices, mut small) = write_practices(storage, out, key, version, &issued_at)?;
    small.push((out.join(Manifest::FILE), manifest_bytes.clone()));
    small.push((sig(Manifest::FILE), sign(key, Manifest::FILE, &manifest_bytes).into_bytes()));
    // latest.json last: until it is replaced, clients keep seeing the previous release whole.
    small.push((sig(Latest::FILE), sign(key, Latest::FILE, &latest_bytes).into_bytes()));
    small.push((out.join(Latest::FILE), latest_bytes.clone()));
    replace_together(&small)?;
    storage.record_release(
        version,
        &issued_at,
        &expires_at,
        &latest.manifest_sha256,
        &published,
    )?;
    Ok(ReleaseSummary {
        version,
        chunks: manifest.chunks.len(),
        new_chunks,
        reused_chunks: reused,
        bytes_written: written,
        values,
        release_bytes: release_bytes + manifest_bytes.len() as u64 + latest_bytes.len() as u64,
        practices,
    })
}

/// Practices per chunk: adding one practice rewrites the last chunk only.
const PRACTICES_PER_CHUNK: usize = 100;

/// The published practices as chunks, their attachments by hash, and the signed
/// `practices.json` naming them (proposed practices never leave the server). The chunks and
/// attachments are written here; the index and its signature are returned, to be replaced
/// with the manifest and before `latest.json`, so a client that sees the new release finds
/// its index.
fn write_practices(
    storage: &dyn Storage,
    out: &Path,
    key: &KeyPair,
    version: u64,
    issued_at: &str,
) -> Result<(usize, Vec<SmallFile>)> {
    use jst_release::{AttachmentEntry, PracticesChunk, PracticesIndex, ATTACHMENTS_DIR};
    let published: Vec<crate::practices::Practice> = storage
        .practices()?
        .into_iter()
        .filter(|p| p.status == jst_server_store::PracticeStatus::Published)
        .map(|p| p.practice)
        .collect();
    let mut chunks = Vec::new();
    for (block, practices) in published.chunks(PRACTICES_PER_CHUNK).enumerate() {
        let text =
            serde_json::to_vec(practices).map_err(|e| Error::Invalid(format!("praktyki: {e}")))?;
        let bytes = encode_chunk(&text);
        let sha = sha256_hex(&bytes);
        let path = out.join("chunks").join(&sha);
        if !path.exists() {
            write_whole(&path, &bytes)?;
        }
        chunks.push(PracticesChunk {
            name: format!("practices-{block:02}"),
            sha256: sha,
            size: bytes.len() as u64,
            rows: practices.len() as u64,
        });
    }
    let mut attachments: Vec<AttachmentEntry> = Vec::new();
    let folder = out.join(ATTACHMENTS_DIR);
    for a in published.iter().flat_map(|p| &p.attachments) {
        if attachments.iter().any(|e| e.sha256 == a.sha256) {
            continue;
        }
        let path = folder.join(&a.sha256);
        if !path.exists() {
            let bytes = storage.attachment(&a.sha256)?.ok_or_else(|| {
                Error::Missing(format!("brak załącznika {} w bazie serwera", a.sha256))
            })?;
            std::fs::create_dir_all(&folder)
                .map_err(Error::io(format!("nie można utworzyć {}", folder.display())))?;
            write_whole(&path, &bytes)?;
        }
        attachments.push(AttachmentEntry {
            sha256: a.sha256.clone(),
            size: a.size,
            media_type: a.media_type.code().to_owned(),
        });
    }
    let index = PracticesIndex {
        format: jst_release::PRACTICES_FORMAT.to_owned(),
        dataset: DATASET.to_owned(),
        version,
        issued_at: issued_at.to_owned(),
        chunks,
        attachments,
    };
    let bytes = index.to_bytes();
    let file = PracticesIndex::FILE;
    let signature = sign(key, file, &bytes).into_bytes();
    Ok((
        published.len(),
        vec![(out.join(format!("{file}{SIGNATURE_SUFFIX}")), signature), (out.join(file), bytes)],
    ))
}

/// Cells a release may not carry, named, at most this many in one error.
const LISTED_CELLS: usize = 5;

/// The text of one values chunk as it is filled, row by row in the order of
/// [`Storage::each_value`].
#[derive(Default)]
struct ValuesChunk {
    year: Option<i32>,
    indicator: String,
    /// Indicators in this chunk so far, and the chunk's number within its year.
    indicators: usize,
    block: usize,
    text: String,
    rows: u64,
}

/// A finished chunk: its name, text and rows.
type Finished = (String, String, u64);

impl ValuesChunk {
    /// The chunk to write before `row` goes in, when `row` starts a new one: another year, or
    /// an indicator beyond the block's INDICATORS_PER_CHUNK.
    fn before(&mut self, row: &DataRow) -> Option<Finished> {
        if self.year == Some(row.year) && self.indicator == row.indicator {
            return None;
        }
        if self.year != Some(row.year) {
            let done = self.finish();
            self.year = Some(row.year);
            self.block = 0;
            self.indicators = 0;
            self.indicator.clear();
            return done;
        }
        if self.indicators == INDICATORS_PER_CHUNK {
            let done = self.finish();
            self.block += 1;
            self.indicators = 0;
            return done;
        }
        None
    }

    fn push(&mut self, r: &DataRow) {
        if self.text.is_empty() {
            self.text.push_str("teryt;wskaznik_kod;rok;wartosc\n");
        }
        if self.indicator != r.indicator {
            self.indicator.clone_from(&r.indicator);
            self.indicators += 1;
        }
        use std::fmt::Write;
        let _ =
            writeln!(self.text, "{};{};{};{}", r.teryt, r.indicator, r.year, six_digits(r.value));
        self.rows += 1;
    }

    /// The chunk filled so far, if any; the next one starts empty.
    fn finish(&mut self) -> Option<Finished> {
        let year = self.year?;
        if self.rows == 0 {
            return None;
        }
        let name = format!("values-{year}-{:02}", self.block);
        let text = std::mem::take(&mut self.text);
        let rows = std::mem::replace(&mut self.rows, 0);
        Some((name, text, rows))
    }
}

/// Every number of the release must be finite within ±10^15 ([`jst_release::publishable`]):
/// every desktop refuses a release with another (the whole release, not the one cell), so the
/// builder refuses to sign it and names each cell: indicator, year and unit of a value, group,
/// indicator, year and column of an aggregate. Imports and submissions already keep to the
/// bound; this catches what an older server stored and arithmetic gone wrong. Values are seen
/// one at a time: only the cells it will name are kept.
#[derive(Default)]
struct OutOfRange {
    named: Vec<String>,
    count: usize,
}

impl OutOfRange {
    fn see(&mut self, r: &DataRow) {
        if jst_release::publishable(r.value) {
            return;
        }
        if self.named.len() < LISTED_CELLS {
            self.named.push(format!(
                "wartość {} wskaźnika {} za rok {} jednostki {}",
                r.value, r.indicator, r.year, r.teryt
            ));
        }
        self.count += 1;
    }

    fn check(mut self, aggregates: &[jst_release::AggregateRow]) -> Result<()> {
        for a in aggregates {
            for (column, v) in a.figures() {
                if let Some(v) = v.filter(|v| !jst_release::publishable(*v)) {
                    if self.named.len() < LISTED_CELLS {
                        self.named.push(format!(
                            "agregat {column} = {v} grupy {}, wskaźnik {}, rok {}",
                            a.group, a.indicator, a.year
                        ));
                    }
                    self.count += 1;
                }
            }
        }
        if self.count == 0 {
            return Ok(());
        }
        let mut message = format!(
            "wydanie nie zostało zapisane: liczby poza zakresem (skończone, do 10^15 co do wartości \
             bezwzględnej), których żaden program nie przyjmie: {}",
            self.named.join("; ")
        );
        if self.count > LISTED_CELLS {
            message.push_str(&format!(" (i {} innych)", self.count - LISTED_CELLS));
        }
        Err(Error::Invalid(message))
    }
}

#[cfg(test)]
fn check_numbers(values: &[DataRow], aggregates: &[jst_release::AggregateRow]) -> Result<()> {
    let mut check = OutOfRange::default();
    values.iter().for_each(|r| check.see(r));
    check.check(aggregates)
}

/// Aggregates of the contributions: units classed by the register's kind and the public
/// population of the year (or the closest year with it).
fn contributed_aggregates(
    storage: &dyn Storage,
    register: &ServerRegister,
    population_values: &[DataRow],
    catalogue: &[u8],
) -> Result<(Vec<jst_release::AggregateRow>, crate::aggregates::Published)> {
    use std::collections::{HashMap, HashSet};
    let contributions = storage.contributions()?;
    if contributions.is_empty() {
        return Ok((Vec::new(), crate::aggregates::Published::new()));
    }
    let kinds: HashMap<String, jst_domain::UnitKind> =
        register.snapshot.entries.iter().map(|e| (e.identity().to_owned(), e.kind)).collect();
    let mut population: HashMap<String, BTreeMap<i32, f64>> = HashMap::new();
    for v in population_values {
        let identity = if v.teryt.len() == 7 { v.teryt[..6].to_owned() } else { v.teryt.clone() };
        population.entry(identity).or_default().insert(v.year, v.value);
    }
    let closest = |identity: &str, year: i32| {
        population.get(identity).and_then(|by_year| {
            by_year.iter().min_by_key(|(y, _)| ((**y - year).abs(), -**y)).map(|(_, p)| *p)
        })
    };
    let person_count: HashSet<String> = jst_import::parse_catalogue(catalogue, "katalog")?
        .into_iter()
        .filter(|r| r.person_count)
        .map(|r| r.code)
        .collect();
    Ok(crate::aggregates::build_aggregates(
        &contributions,
        &kinds,
        &closest,
        &person_count,
        &storage.published_means()?,
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_failed_write_of_the_small_files_replaces_none_and_leaves_no_partial_file() {
        use super::{replace_together, SmallFile};
        let dir = tempfile::tempdir().expect("temporary folder");
        let old = |name: &str| dir.path().join(name);
        for name in ["practices.json", "manifest.json", "latest.json"] {
            std::fs::write(old(name), format!("old {name}")).expect("old release file");
        }
        // latest.json cannot be written beside (its .tmp is a folder), like a disk that fills.
        std::fs::create_dir(old("latest.json.tmp")).expect("blocking folder");
        let files: Vec<SmallFile> = ["practices.json", "manifest.json", "latest.json"]
            .iter()
            .map(|name| (old(name), format!("new {name}").into_bytes()))
            .collect();
        assert!(replace_together(&files).is_err());
        for name in ["practices.json", "manifest.json", "latest.json"] {
            assert_eq!(std::fs::read_to_string(old(name)).ok(), Some(format!("old {name}")));
        }
        let left: Vec<String> = std::fs::read_dir(dir.path())
            .expect("listing")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp") && n != "latest.json.tmp")
            .collect();
        assert!(left.is_empty(), "partial files left: {left:?}");

        std::fs::remove_dir(old("latest.json.tmp")).expect("unblock");
        replace_together(&files).expect("written together");
        for name in ["practices.json", "manifest.json", "latest.json"] {
            assert_eq!(std::fs::read_to_string(old(name)).ok(), Some(format!("new {name}")));
        }
    }
    use super::six_digits;

    #[test]
    fn numbers_beyond_the_bound_are_named_by_their_cell() {
        use super::{check_numbers, DataRow};
        let row = |value| DataRow {
            teryt: "1219053".into(),
            indicator: "LUD_OGOLEM".into(),
            year: 2024,
            value,
        };
        assert!(check_numbers(&[row(1e15), row(-1e15), row(0.0)], &[]).is_ok());
        for bad in [f64::INFINITY, f64::NEG_INFINITY, f64::NAN, 2e15] {
            let err = check_numbers(&[row(1.0), row(bad)], &[]).expect_err("refused").to_string();
            assert!(err.contains("LUD_OGOLEM za rok 2024 jednostki 1219053"), "{err}");
        }
        let aggregate = jst_release::AggregateRow {
            group: "type_size:gmina_wiejska:5000-10000".into(),
            indicator: "WSK".into(),
            year: 2023,
            n: 12,
            q1: Some(1.0),
            median: Some(f64::INFINITY),
            q3: Some(3.0),
            p10: None,
            p90: None,
            mean: Some(2.0),
            note: None,
        };
        let err = check_numbers(&[], &[aggregate]).expect_err("refused").to_string();
        assert!(
            err.contains("agregat mediana = inf grupy type_size:gmina_wiejska:5000-10000, wskaźnik WSK, rok 2023"),
            "{err}"
        );
    }

    #[test]
    fn values_keep_six_significant_digits() {
        assert_eq!(six_digits(69791.0), "69791");
        assert_eq!(six_digits(1234567.0), "1234570");
        assert_eq!(six_digits(0.123456789), "0.123457");
        assert_eq!(six_digits(7453.540139), "7453.54");
    }

    /// The chunks as the builder cut them when it held every value (a year's indicators by
    /// code in blocks of INDICATORS_PER_CHUNK), for the streamed cut to be compared with.
    fn chunks_held_whole(values: &[super::DataRow]) -> Vec<(String, String, u64)> {
        use std::collections::BTreeMap;
        let mut by_year: BTreeMap<i32, BTreeMap<&str, Vec<&super::DataRow>>> = BTreeMap::new();
        for row in values {
            by_year
                .entry(row.year)
                .or_default()
                .entry(row.indicator.as_str())
                .or_default()
                .push(row);
        }
        let mut out = Vec::new();
        for (year, indicators) in &by_year {
            let codes: Vec<&&str> = indicators.keys().collect();
            for (block, codes) in codes.chunks(super::INDICATORS_PER_CHUNK).enumerate() {
                let mut text = String::from("teryt;wskaznik_kod;rok;wartosc\n");
                let mut rows = 0u64;
                for code in codes {
                    for r in &indicators[**code] {
                        text.push_str(&format!(
                            "{};{};{};{}\n",
                            r.teryt,
                            r.indicator,
                            r.year,
                            six_digits(r.value)
                        ));
                        rows += 1;
                    }
                }
                out.push((format!("values-{year}-{block:02}"), text, rows));
            }
        }
        out
    }

    #[test]
    fn values_are_cut_into_the_same_chunks_streamed_as_held_whole() {
        use super::{DataRow, ValuesChunk};
        // Years with 1, 50, 51 and 130 indicators: blocks end on the year and on the 50th code.
        let mut values = Vec::new();
        for (year, indicators) in [(2019, 1), (2020, 50), (2021, 51), (2022, 130)] {
            for k in 0..indicators {
                for unit in ["0201", "0201011", "1219053", "3064011"] {
                    values.push(DataRow {
                        teryt: unit.into(),
                        indicator: format!("W_{k:03}"),
                        year,
                        value: f64::from(k) * 1.234_567_8 + f64::from(year),
                    });
                }
            }
        }
        // Ordered as each_value hands them out.
        values.sort_by(|a, b| {
            (a.year, &a.indicator, &a.teryt).cmp(&(b.year, &b.indicator, &b.teryt))
        });
        let mut chunk = ValuesChunk::default();
        let mut streamed = Vec::new();
        for r in &values {
            streamed.extend(chunk.before(r));
            chunk.push(r);
        }
        streamed.extend(chunk.finish());
        let whole = chunks_held_whole(&values);
        assert_eq!(whole.len(), 1 + 1 + 2 + 3);
        assert_eq!(streamed, whole);
    }
}
