use std::collections::HashMap;

use jst_domain::PackedValues;
use jst_release::{encode_chunk, sha256_hex, Latest, Manifest};
use jst_sync::{read_block, value_blocks};

use crate::release::{aggregates, read_manifest, Release, DATASET, NOW, REGISTER_LABEL};
use crate::Bench;

#[test]
fn a_good_release_is_planned_with_every_row_checked_and_kept_in_the_cache_only() {
    let bench = Bench::with_small_release();
    let release = Release::small(3);
    let plan = bench.plan(&bench.desk()).expect("accepted");

    assert!(!plan.up_to_date);
    assert_eq!((plan.version, plan.dataset.as_str()), (3, DATASET));
    assert_eq!((plan.issued_at, plan.expires_at), (release.issued_at, release.expires_at));
    let latest = Latest::parse(&std::fs::read(bench.release().join(Latest::FILE)).expect("l"))
        .expect("latest");
    assert_eq!(plan.manifest_sha256, latest.manifest_sha256);
    assert_eq!(plan.register, REGISTER_LABEL);
    // The register is kept parsed for the apply: małopolskie, powiat wielicki, two gminy.
    let register = plan.register_snapshot.as_ref().expect("a release carries its register");
    assert_eq!(register.as_of, "2024-01-01");
    assert_eq!(
        register.entries.iter().map(|e| e.teryt.as_str()).collect::<Vec<_>>(),
        ["12", "1219", "1219043", "1219053"]
    );
    assert_eq!(
        plan.catalogue.iter().map(|r| r.code.as_str()).collect::<Vec<_>>(),
        ["KANALIZACJA_PROC", "LUD_OGOLEM"]
    );
    assert_eq!(
        plan.values.iter().map(|v| (v.name.as_str(), v.rows)).collect::<Vec<_>>(),
        [("values-2023-00", 4), ("values-2024-00", 4)]
    );
    assert_eq!(plan.values[0].indicators, ["KANALIZACJA_PROC", "LUD_OGOLEM"]);
    assert_eq!(plan.aggregates, aggregates(), "the rows the association rendered, exactly");
    assert_eq!((plan.chunks_downloaded, plan.chunks_reused, plan.bytes_downloaded), (5, 0, 0));

    let mut expected: Vec<String> =
        release.chunks.iter().map(|c| sha256_hex(&encode_chunk(&c.text))).collect();
    expected.sort();
    assert_eq!(bench.cached(), expected, "each verified chunk under its hash, no .part");

    // The apply reads the values back from the cache, one block of the same indicators.
    let blocks = value_blocks(&plan.values);
    assert_eq!(blocks.len(), 1);
    let (mut units, mut indicators, mut packed) =
        (HashMap::new(), HashMap::new(), PackedValues::default());
    read_block(&blocks[0], &mut units, &mut indicators, &mut packed).expect("read back");
    assert_eq!((packed.rows.len(), packed.units.len(), packed.indicators.len()), (8, 2, 2));
}

#[test]
fn a_second_plan_reuses_the_cache_and_fetches_a_cached_chunk_again_when_it_was_damaged() {
    let bench = Bench::with_small_release();
    bench.plan(&bench.desk()).expect("first");
    let again = bench.plan(&bench.desk()).expect("second");
    assert_eq!((again.chunks_downloaded, again.chunks_reused), (0, 5));

    let damaged = bench.cache().join(&read_manifest(&bench.release()).chunks[2].sha256);
    std::fs::write(&damaged, b"not a chunk").expect("damage");
    let repaired = bench.plan(&bench.desk()).expect("third");
    assert_eq!((repaired.chunks_downloaded, repaired.chunks_reused), (1, 4));
    assert_eq!(sha256_hex(&std::fs::read(&damaged).expect("chunk")), repaired.values[0].sha256);
}

#[test]
fn the_applied_version_is_up_to_date_without_reading_the_manifest() {
    let bench = Bench::with_small_release();
    // Only latest.json is needed to know there is nothing new.
    std::fs::remove_file(bench.release().join(Manifest::FILE)).expect("remove");
    let mut desk = bench.desk();
    desk.highest_version = Some(3);
    desk.highest_issued_at = Some(NOW);
    let plan = bench.plan(&desk).expect("up to date");
    assert!(plan.up_to_date);
    assert_eq!(plan.version, 3);
    assert!(plan.catalogue.is_empty() && plan.values.is_empty() && plan.aggregates.is_empty());
    assert!(plan.register_snapshot.is_none());
    assert!(!bench.cache().exists(), "nothing fetched, not even the cache folder made");
}

#[test]
fn a_newer_release_than_the_applied_one_is_planned() {
    let bench = Bench::with_small_release();
    let mut desk = bench.desk();
    desk.highest_version = Some(2);
    desk.highest_issued_at = Some(NOW - time::Duration::days(30));
    let plan = bench.plan(&desk).expect("accepted");
    assert!(!plan.up_to_date);
    assert_eq!((plan.version, plan.chunks_downloaded), (3, 5));
}
