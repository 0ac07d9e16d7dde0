//! Plan a sync: everything that can fail happens here, before anything is written.
//! Order (DESIGN §7): latest.json verified before parsing → rollback and freeze checks →
//! manifest verified by hash and signature → chunks fetched (resumed, capped, hashed) →
//! every row parsed strictly (the register too: the apply loads the snapshot kept here and never
//! parses it again).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use jst_domain::{PackedValues, RegisterSnapshot};
use jst_import::{
    parse_aggregates, parse_catalogue, parse_public_values, parse_terc, CatalogueRow,
};
use jst_release::{
    decode_chunk, sha256_hex, verify, AggregateRow, ChunkKind, Latest, Manifest, PublicKey,
    MAX_LATEST_BYTES, MAX_MANIFEST_BYTES, SIGNATURE_SUFFIX,
};
use time::OffsetDateTime;

use crate::practices::fetch_practices;
use crate::{Error, RejectionCode, Source};

pub(crate) const MAX_SIGNATURE_BYTES: u64 = 1024;

/// A values chunk verified and parsed by the plan, left in the cache and read again at apply
/// time one block at a time: a national release (12.5 million values) never sits in memory.
#[derive(Debug, Clone)]
pub struct ValuesChunk {
    pub name: String,
    pub sha256: String,
    pub path: PathBuf,
    pub rows: u64,
    /// The chunk's indicator codes, sorted: chunks with the same codes form one block.
    pub indicators: Vec<String>,
}

pub struct PlanInput<'a> {
    pub trusted: &'a [PublicKey],
    /// The highest release version applied so far (rollback protection).
    pub highest_version: Option<u64>,
    /// The latest `issued_at` seen so far (freeze protection even with a wrong clock).
    pub highest_issued_at: Option<OffsetDateTime>,
    pub now: OffsetDateTime,
    /// Folder for downloaded chunks (`<sha256>`) and interrupted ones (`<sha256>.part`).
    pub cache: &'a Path,
}

#[derive(Debug)]
pub struct Plan {
    pub version: u64,
    pub dataset: String,
    pub issued_at: OffsetDateTime,
    pub expires_at: OffsetDateTime,
    pub manifest_sha256: String,
    /// True when the source has nothing newer: nothing else is filled.
    pub up_to_date: bool,
    /// The manifest's name of the register the release was built with, e.g. `TERC 2024-01-01`.
    pub register: String,
    /// The release's TERC register, parsed in full (a national one is about 2,900 units).
    /// `None` only when `up_to_date`: a manifest carries exactly one register. Whether it is
    /// newer than the desktop's is the apply's question (it needs the store).
    pub register_snapshot: Option<RegisterSnapshot>,
    pub catalogue: Vec<CatalogueRow>,
    /// The verified values chunks, in manifest order.
    pub values: Vec<ValuesChunk>,
    pub aggregates: Vec<AggregateRow>,
    /// The good-practice base of the release; empty when it has none (older servers).
    pub practices: Vec<jst_domain::PracticeRecord>,
    pub bytes_downloaded: u64,
    pub chunks_downloaded: u32,
    pub chunks_reused: u32,
}

fn fetch_verified(
    source: &mut dyn Source,
    trusted: &[PublicKey],
    name: &str,
    limit: u64,
) -> Result<Vec<u8>, Error> {
    let bytes = source.fetch(name, limit)?;
    let signature = source.fetch(&format!("{name}{SIGNATURE_SUFFIX}"), MAX_SIGNATURE_BYTES)?;
    verify(trusted, name, &bytes, &signature)?;
    Ok(bytes)
}

/// Fetches and checks a release; `progress(done, total)` hears chunks as they arrive and
/// returns `false` to stop (nothing is applied; downloaded chunks stay for the next time).
pub fn plan(
    source: &mut dyn Source,
    input: &PlanInput<'_>,
    progress: &mut dyn FnMut(u32, u32) -> bool,
) -> Result<Plan, Error> {
    if input.trusted.is_empty() {
        return Err(Error::reject(
            RejectionCode::UntrustedKey,
            jst_text::t!("sync-no-trusted-keys"),
        ));
    }
    let latest_bytes = fetch_verified(source, input.trusted, Latest::FILE, MAX_LATEST_BYTES)?;
    let latest = Latest::parse(&latest_bytes)?;
    let issued_at = latest.issued()?;
    let expires_at = latest.expires()?;
    let mut plan = Plan {
        version: latest.version,
        dataset: latest.dataset.clone(),
        issued_at,
        expires_at,
        manifest_sha256: latest.manifest_sha256.clone(),
        up_to_date: false,
        register: String::new(),
        register_snapshot: None,
        catalogue: Vec::new(),
        values: Vec::new(),
        aggregates: Vec::new(),
        practices: Vec::new(),
        bytes_downloaded: 0,
        chunks_downloaded: 0,
        chunks_reused: 0,
    };
    if let Some(highest) = input.highest_version {
        if latest.version < highest {
            return Err(Error::reject(
                RejectionCode::Rollback,
                jst_text::t!(
                    "sync-rollback",
                    version = latest.version.to_string(),
                    highest = highest.to_string()
                ),
            ));
        }
    }
    let floor = input.highest_issued_at.map_or(input.now, |seen| seen.max(input.now));
    if expires_at <= floor {
        return Err(Error::reject(
            RejectionCode::Expired,
            jst_text::t!(
                "sync-expired",
                version = latest.version.to_string(),
                expires = &latest.expires_at
            ),
        ));
    }
    if input.highest_version == Some(latest.version) {
        plan.up_to_date = true;
        plan.bytes_downloaded = source.bytes_received();
        return Ok(plan);
    }

    let manifest_bytes = source.fetch(Manifest::FILE, MAX_MANIFEST_BYTES)?;
    if sha256_hex(&manifest_bytes) != latest.manifest_sha256 {
        return Err(Error::reject(RejectionCode::HashMismatch, jst_text::t!("sync-manifest-hash")));
    }
    let signature =
        source.fetch(&format!("{}{SIGNATURE_SUFFIX}", Manifest::FILE), MAX_SIGNATURE_BYTES)?;
    verify(input.trusted, Manifest::FILE, &manifest_bytes, &signature)?;
    let manifest = Manifest::parse(&manifest_bytes)?;
    if manifest.version != latest.version || manifest.dataset != latest.dataset {
        return Err(Error::reject(
            RejectionCode::Malformed,
            jst_text::t!("sync-manifest-other-release"),
        ));
    }
    plan.register = manifest.register.clone();

    std::fs::create_dir_all(input.cache).map_err(Error::io(jst_text::t!(
        "sync-cannot-create",
        path = input.cache.display().to_string()
    )))?;
    let total = manifest.chunks.len() as u32;
    if !progress(0, total) {
        return Err(Error::Cancelled);
    }
    for (i, chunk) in manifest.chunks.iter().enumerate() {
        let mut counts = (plan.chunks_downloaded, plan.chunks_reused);
        let (bytes, done) =
            fetch_chunk(source, input.cache, &chunk.sha256, chunk.size, &chunk.name, &mut counts)?;
        (plan.chunks_downloaded, plan.chunks_reused) = counts;
        let text = decode_chunk(&chunk.name, &bytes, &chunk.sha256)?;
        let rows_error =
            |e: jst_import::ImportError| Error::reject(RejectionCode::MalformedRows, e.to_string());
        match chunk.kind {
            ChunkKind::Register => {
                // Warnings (e.g. a gmina without its powiat row) do not stop a register load;
                // the shrink check at apply time guards against a partial one.
                plan.register_snapshot =
                    Some(parse_terc(&text, &chunk.name).map_err(rows_error)?.snapshot);
            }
            ChunkKind::Catalogue => {
                plan.catalogue = parse_catalogue(&text, &chunk.name).map_err(rows_error)?
            }
            ChunkKind::Values => {
                let rows = parse_public_values(&text, &chunk.name).map_err(rows_error)?;
                if rows.len() as u64 != chunk.rows {
                    return Err(Error::reject(
                        RejectionCode::MalformedRows,
                        jst_text::t!(
                            "sync-chunk-rows",
                            chunk = &chunk.name,
                            rows = rows.len(),
                            expected = chunk.rows
                        ),
                    ));
                }
                let mut indicators: Vec<String> = Vec::new();
                for r in &rows {
                    if indicators.last() != Some(&r.indicator) {
                        indicators.push(r.indicator.clone());
                    }
                }
                indicators.sort_unstable();
                indicators.dedup();
                plan.values.push(ValuesChunk {
                    name: chunk.name.clone(),
                    sha256: chunk.sha256.clone(),
                    path: done.clone(),
                    rows: chunk.rows,
                    indicators,
                });
            }
            ChunkKind::Aggregates => {
                let rows = parse_aggregates(&text, &chunk.name).map_err(rows_error)?;
                plan.aggregates.extend(rows);
            }
        }
        if !progress(i as u32 + 1, total) {
            return Err(Error::Cancelled);
        }
    }
    let mut counts = (plan.chunks_downloaded, plan.chunks_reused);
    plan.practices =
        fetch_practices(source, input.trusted, manifest.version, input.cache, &mut counts)?;
    (plan.chunks_downloaded, plan.chunks_reused) = counts;
    plan.bytes_downloaded = source.bytes_received();
    Ok(plan)
}

/// A chunk by its hash, from the cache when a verified copy is there, else fetched (resuming
/// a `.part`) and checked before it is kept. Returns its bytes and its cached path; `counts`
/// are (downloaded, reused).
pub(crate) fn fetch_chunk(
    source: &mut dyn Source,
    cache: &Path,
    sha256: &str,
    size: u64,
    name: &str,
    counts: &mut (u32, u32),
) -> Result<(Vec<u8>, PathBuf), Error> {
    let done = cache.join(sha256);
    if let Some(bytes) = std::fs::read(&done).ok().filter(|b| sha256_hex(b) == sha256) {
        counts.1 += 1;
        return Ok((bytes, done));
    }
    let part = cache.join(format!("{sha256}.part"));
    source.fetch_into(&format!("chunks/{sha256}"), &part, size)?;
    let bytes = std::fs::read(&part)
        .map_err(Error::io(jst_text::t!("sync-cannot-read", path = part.display().to_string())))?;
    if sha256_hex(&bytes) != sha256 {
        // A corrupt partial download must not be resumed.
        let _ = std::fs::remove_file(&part);
        return Err(Error::reject(
            RejectionCode::HashMismatch,
            jst_text::t!("sync-chunk-hash", chunk = name),
        ));
    }
    std::fs::rename(&part, &done)
        .map_err(Error::io(jst_text::t!("sync-cannot-write", path = done.display().to_string())))?;
    counts.0 += 1;
    Ok((bytes, done))
}

/// Values chunks grouped into blocks (the same indicators, e.g. one block of indicators over
/// all years), in order of their first indicator: a block sorted once goes into the store in
/// key order, and only one block is in memory.
pub fn value_blocks(chunks: &[ValuesChunk]) -> Vec<Vec<&ValuesChunk>> {
    let mut blocks: BTreeMap<&[String], Vec<&ValuesChunk>> = BTreeMap::new();
    for c in chunks {
        blocks.entry(c.indicators.as_slice()).or_default().push(c);
    }
    blocks.into_values().collect()
}

/// Reads a block back from the cache into `out` (rows appended; units and indicators interned
/// through the caller's lookups, shared by all blocks). Decoding hashes each file again, so a
/// chunk changed on disk since the plan is refused (`hash_mismatch`), never applied.
pub fn read_block(
    block: &[&ValuesChunk],
    unit_index: &mut HashMap<String, u32>,
    indicator_index: &mut HashMap<String, u16>,
    out: &mut PackedValues,
) -> Result<(), Error> {
    out.rows.reserve_exact(block.iter().map(|c| c.rows as usize).sum());
    for chunk in block {
        let bytes = std::fs::read(&chunk.path).map_err(Error::io(jst_text::t!(
            "sync-cannot-read",
            path = chunk.path.display().to_string()
        )))?;
        let text = decode_chunk(&chunk.name, &bytes, &chunk.sha256)?;
        drop(bytes);
        let rows = parse_public_values(&text, &chunk.name)
            .map_err(|e| Error::reject(RejectionCode::MalformedRows, e.to_string()))?;
        for r in rows {
            out.push(unit_index, indicator_index, r.teryt.as_str(), &r.indicator, r.year, r.value)
                .ok_or_else(|| {
                    Error::reject(RejectionCode::TooLarge, jst_text::t!("sync-too-many-keys"))
                })?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunk(name: &str, indicators: &[&str]) -> ValuesChunk {
        ValuesChunk {
            name: name.to_owned(),
            sha256: String::new(),
            path: PathBuf::new(),
            rows: 1,
            indicators: indicators.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn chunks_of_the_same_indicators_form_one_block_in_order_of_their_codes() {
        let chunks = [
            chunk("2010-b", &["C"]),
            chunk("2010-a", &["A", "B"]),
            chunk("2011-b", &["C"]),
            chunk("2011-a", &["A", "B"]),
        ];
        let names: Vec<Vec<&str>> = value_blocks(&chunks)
            .iter()
            .map(|b| b.iter().map(|c| c.name.as_str()).collect())
            .collect();
        assert_eq!(names, [vec!["2010-a", "2011-a"], vec!["2010-b", "2011-b"]]);
    }
}
