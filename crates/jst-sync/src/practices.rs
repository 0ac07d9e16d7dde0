//! The good-practice base of a release: `practices.json` beside the manifest, signed by the
//! same key and bound to the manifest's version, naming gzip JSON chunks by SHA-256. Older
//! servers publish no index; their releases simply carry no practices.

use jst_domain::{PracticeArea, PracticeRecord, UnitKind};
use jst_release::{decode_chunk, PracticesIndex, MAX_PRACTICES_INDEX_BYTES, SIGNATURE_SUFFIX};
use serde::Deserialize;

use crate::plan::{fetch_chunk, MAX_SIGNATURE_BYTES};
use crate::{Error, RejectionCode, Source};

/// The searchable fields; everything else stays in `json` (unknown fields are kept, not
/// refused: a newer server may add some).
#[derive(Deserialize)]
struct Fields {
    id: i64,
    title: String,
    area: PracticeArea,
    teryt: String,
    unit_name: String,
    unit_kind: UnitKind,
    #[serde(default)]
    population: Option<u64>,
    summary: String,
    presentation: String,
    #[serde(default)]
    keywords: Vec<String>,
    #[serde(default)]
    indicators: Vec<IndicatorCode>,
}

#[derive(Deserialize)]
struct IndicatorCode {
    code: String,
}

/// Reads the release's practices, or none when the release has no index. The index must
/// verify against `trusted` and name `version`; each chunk is fetched through the cache and
/// its hash checked, and every practice must parse, else the whole release is refused.
pub(crate) fn fetch_practices(
    source: &mut dyn Source,
    trusted: &[jst_release::PublicKey],
    version: u64,
    cache: &std::path::Path,
    counts: &mut (u32, u32),
) -> Result<Vec<PracticeRecord>, Error> {
    let name = PracticesIndex::FILE;
    let Some(bytes) = source.fetch_if_present(name, MAX_PRACTICES_INDEX_BYTES)? else {
        return Ok(Vec::new());
    };
    let signature = source.fetch(&format!("{name}{SIGNATURE_SUFFIX}"), MAX_SIGNATURE_BYTES)?;
    jst_release::verify(trusted, name, &bytes, &signature)?;
    let index = PracticesIndex::parse(&bytes)?;
    if index.version != version {
        return Err(Error::reject(
            RejectionCode::Malformed,
            jst_text::t!(
                "sync-practices-other-release",
                version = index.version.to_string(),
                expected = version.to_string()
            ),
        ));
    }
    let mut practices = Vec::new();
    for chunk in &index.chunks {
        let (bytes, _) =
            fetch_chunk(source, cache, &chunk.sha256, chunk.size, &chunk.name, counts)?;
        let text = decode_chunk(&chunk.name, &bytes, &chunk.sha256)?;
        let malformed = |reason: String| {
            Error::reject(
                RejectionCode::MalformedRows,
                jst_text::t!("sync-practices-malformed", chunk = &chunk.name, reason = reason),
            )
        };
        let objects: Vec<serde_json::Value> =
            serde_json::from_slice(&text).map_err(|e| malformed(e.to_string()))?;
        if objects.len() as u64 != chunk.rows {
            return Err(Error::reject(
                RejectionCode::MalformedRows,
                jst_text::t!(
                    "sync-chunk-rows",
                    chunk = &chunk.name,
                    rows = objects.len(),
                    expected = chunk.rows
                ),
            ));
        }
        for object in objects {
            let json = object.to_string();
            let f: Fields = serde_json::from_value(object).map_err(|e| malformed(e.to_string()))?;
            practices.push(PracticeRecord {
                id: f.id,
                title: f.title,
                area: f.area,
                teryt: f.teryt,
                unit_name: f.unit_name,
                unit_kind: f.unit_kind,
                population: f.population,
                summary: f.summary,
                presentation: f.presentation,
                keywords: f.keywords,
                indicators: f.indicators.into_iter().map(|i| i.code).collect(),
                json,
            });
        }
    }
    Ok(practices)
}
