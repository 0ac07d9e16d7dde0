//! One test per rejection code a folder source can meet. `http_status` is not among them: only
//! `HttpSource` turns a server's 4xx answer into it (`jst-cli`'s sync tests run a real server).

use std::collections::HashMap;

use jst_domain::PackedValues;
use jst_release::{sign, KeyPair, Latest, Manifest, FORMAT, SIGNATURE_SUFFIX};
use jst_sync::{read_block, value_blocks, Error, RejectionCode};
use time::Duration;

use crate::release::{
    chunk_file, edit_latest, edit_manifest, replace_chunk, replace_manifest, write_signed, Release,
    NOW,
};
use crate::Bench;

#[test]
fn bad_signature_for_a_key_not_trusted_a_tampered_signature_or_changed_bytes() {
    // Signed by a key the desktop does not trust.
    let bench = Bench::with_small_release();
    let mut desk = bench.desk();
    desk.trusted = vec![KeyPair::generate().public()];
    bench.expect_rejected(&desk, RejectionCode::BadSignature);

    // No trusted key at all: said plainly, with the way out.
    desk.trusted.clear();
    let r = bench.expect_rejected(&desk, RejectionCode::UntrustedKey);
    assert!(r.message.contains("jst trust add"), "{}", r.message);

    // One character of the signature changed.
    let bench = Bench::with_small_release();
    let sig = bench.release().join(format!("{}{SIGNATURE_SUFFIX}", Latest::FILE));
    let text = std::fs::read_to_string(&sig).expect("signature");
    let at = text.find("signature=").expect("field") + "signature=".len();
    let mut tampered = text.into_bytes();
    tampered[at] = if tampered[at] == b'A' { b'B' } else { b'A' };
    std::fs::write(&sig, tampered).expect("write");
    bench.expect_rejected(&bench.desk(), RejectionCode::BadSignature);

    // Not a signature file at all.
    std::fs::write(&sig, "to nie jest podpis\n").expect("write");
    bench.expect_rejected(&bench.desk(), RejectionCode::BadSignature);

    // latest.json changed after signing (a newer version claimed).
    let bench = Bench::with_small_release();
    let path = bench.release().join(Latest::FILE);
    let mut latest = Latest::parse(&std::fs::read(&path).expect("latest")).expect("parse");
    latest.version = 9;
    std::fs::write(&path, latest.to_bytes()).expect("write");
    bench.expect_rejected(&bench.desk(), RejectionCode::BadSignature);

    // The manifest signed by another key, though latest.json (signed rightly) names its hash.
    let bench = Bench::with_small_release();
    let manifest = std::fs::read(bench.release().join(Manifest::FILE)).expect("manifest");
    std::fs::write(
        bench.release().join(format!("{}{SIGNATURE_SUFFIX}", Manifest::FILE)),
        sign(&KeyPair::generate(), Manifest::FILE, &manifest),
    )
    .expect("write");
    bench.expect_rejected(&bench.desk(), RejectionCode::BadSignature);
}

#[test]
fn hash_mismatch_when_a_chunk_or_the_manifest_changed() {
    let bench = Bench::with_small_release();
    let chunk = chunk_file(&bench.release(), "values-2024-00");
    let mut bytes = std::fs::read(&chunk).expect("chunk");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x40;
    std::fs::write(&chunk, bytes).expect("write");
    let r = bench.expect_rejected(&bench.desk(), RejectionCode::HashMismatch);
    assert!(r.message.contains("values-2024-00"), "{}", r.message);

    let bench = Bench::with_small_release();
    let path = bench.release().join(Manifest::FILE);
    let mut manifest = std::fs::read(&path).expect("manifest");
    manifest.push(b' ');
    std::fs::write(&path, manifest).expect("write");
    bench.expect_rejected(&bench.desk(), RejectionCode::HashMismatch);
}

#[test]
fn hash_mismatch_when_a_checked_values_chunk_changed_in_the_cache_before_the_apply() {
    let bench = Bench::with_small_release();
    let plan = bench.plan(&bench.desk()).expect("accepted");
    let mut bytes = std::fs::read(&plan.values[1].path).expect("cached chunk");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    std::fs::write(&plan.values[1].path, bytes).expect("write");
    let (mut units, mut indicators, mut packed) =
        (HashMap::new(), HashMap::new(), PackedValues::default());
    let blocks = value_blocks(&plan.values);
    match read_block(&blocks[0], &mut units, &mut indicators, &mut packed) {
        Err(Error::Rejected(r)) => assert_eq!(r.code, RejectionCode::HashMismatch),
        other => panic!("expected hash_mismatch, got {other:?}"),
    }
}

#[test]
fn too_large_when_a_file_passes_its_cap_or_its_declared_size() {
    // latest.json beyond 64 KiB: refused before its signature is even checked.
    let bench = Bench::with_small_release();
    let path = bench.release().join(Latest::FILE);
    let mut latest = std::fs::read(&path).expect("latest");
    latest.resize(70 * 1024, b' ');
    std::fs::write(&path, latest).expect("write");
    bench.expect_rejected(&bench.desk(), RejectionCode::TooLarge);

    // A signature file beyond 1 KiB.
    let bench = Bench::with_small_release();
    let sig = bench.release().join(format!("{}{SIGNATURE_SUFFIX}", Latest::FILE));
    std::fs::write(&sig, vec![b'x'; 2048]).expect("write");
    bench.expect_rejected(&bench.desk(), RejectionCode::TooLarge);

    // A chunk larger than the manifest declares: the read stops at the declared size.
    let bench = Bench::with_small_release();
    edit_manifest(&bench.release(), &bench.key, |m| {
        let entry = m.chunks.iter_mut().find(|c| c.name == "values-2023-00").expect("entry");
        entry.size -= 1;
    });
    let r = bench.expect_rejected(&bench.desk(), RejectionCode::TooLarge);
    assert!(r.message.contains("chunks/"), "{}", r.message);
}

#[test]
fn malformed_when_latest_or_the_manifest_cannot_be_read_and_missing_file_when_one_is_absent() {
    // Correctly signed, but not JSON.
    let bench = Bench::with_small_release();
    write_signed(&bench.release(), &bench.key, Latest::FILE, b"{\"format\": ");
    bench.expect_rejected(&bench.desk(), RejectionCode::Malformed);

    // Signed JSON of an unknown format.
    let bench = Bench::with_small_release();
    edit_latest(&bench.release(), &bench.key, |l| l.format = "monitor-jst-release/99".into());
    assert_ne!(FORMAT, "monitor-jst-release/99");
    bench.expect_rejected(&bench.desk(), RejectionCode::Malformed);

    // A manifest that passes its hash and signature but is not a manifest.
    let bench = Bench::with_small_release();
    replace_manifest(&bench.release(), &bench.key, b"[1, 2, 3]");
    bench.expect_rejected(&bench.desk(), RejectionCode::Malformed);

    // A manifest of another version than latest.json announces.
    let bench = Bench::with_small_release();
    edit_manifest(&bench.release(), &bench.key, |m| m.version = 2);
    let r = bench.expect_rejected(&bench.desk(), RejectionCode::Malformed);
    assert!(r.message.contains("inne wydanie"), "{}", r.message);

    // The folder lacks a file the release needs.
    let bench = Bench::with_small_release();
    std::fs::remove_file(bench.release().join(Manifest::FILE)).expect("remove");
    let r = bench.expect_rejected(&bench.desk(), RejectionCode::MissingFile);
    assert!(r.message.contains("brak pliku"), "{}", r.message);
}

#[test]
fn malformed_rows_when_one_row_of_one_chunk_is_not_valid() {
    // A value `inf` in an otherwise good, correctly signed release: all of it is refused.
    let bench = Bench::with_small_release();
    let rows = "teryt;wskaznik_kod;rok;wartosc\n\
                1219043;KANALIZACJA_PROC;2024;62.5\n\
                1219053;KANALIZACJA_PROC;2024;inf\n";
    replace_chunk(&bench.release(), &bench.key, "values-2024-00", rows.as_bytes(), 2);
    let r = bench.expect_rejected(&bench.desk(), RejectionCode::MalformedRows);
    assert!(r.message.contains("values-2024-00") && r.message.contains("inf"), "{}", r.message);

    // An aggregate of a group other than type_size (it could name a unit).
    let bench = Bench::with_small_release();
    let rows = "grupa;wskaznik_kod;rok;n;q1;mediana;q3;p10;p90;srednia;uwaga\n\
                units:1219053;KANALIZACJA_PROC;2024;12;;;;;;70;\n";
    replace_chunk(&bench.release(), &bench.key, "aggregates", rows.as_bytes(), 1);
    bench.expect_rejected(&bench.desk(), RejectionCode::MalformedRows);

    // A register row without a date: the apply would have loaded it as the desktop's register.
    let bench = Bench::with_small_release();
    let rows = "WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA\n\
                12;;;;MAŁOPOLSKIE;województwo;2025-01-01\n\
                12;19;05;3;Wieliczka;gmina miejsko-wiejska;styczeń\n";
    replace_chunk(&bench.release(), &bench.key, "register", rows.as_bytes(), 2);
    let r = bench.expect_rejected(&bench.desk(), RejectionCode::MalformedRows);
    assert!(r.message.contains("register") && r.message.contains("STAN_NA"), "{}", r.message);

    // Valid rows, but not as many as the manifest declares.
    let bench = Bench::with_small_release();
    edit_manifest(&bench.release(), &bench.key, |m| {
        let entry = m.chunks.iter_mut().find(|c| c.name == "values-2023-00").expect("entry");
        entry.rows = 5;
    });
    bench.expect_rejected(&bench.desk(), RejectionCode::MalformedRows);
}

#[test]
fn rollback_when_the_version_is_below_the_highest_applied() {
    let bench = Bench::with_small_release();
    let mut desk = bench.desk();
    desk.highest_version = Some(4);
    let r = bench.expect_rejected(&desk, RejectionCode::Rollback);
    assert!(r.message.contains("starsze"), "{}", r.message);
    assert!(!bench.cache().exists(), "refused before any chunk");
}

#[test]
fn expired_by_the_clock_or_by_a_newer_release_seen_with_the_clock_set_back() {
    let bench = Bench::empty();
    let mut frozen = Release::small(3);
    frozen.issued_at = NOW - Duration::days(61);
    frozen.expires_at = NOW - Duration::days(1);
    frozen.write(&bench.release(), &bench.key);
    bench.expect_rejected(&bench.desk(), RejectionCode::Expired);

    // Expiring exactly now is expired.
    let bench = Bench::empty();
    let mut release = Release::small(3);
    release.expires_at = NOW;
    release.write(&bench.release(), &bench.key);
    bench.expect_rejected(&bench.desk(), RejectionCode::Expired);

    // Valid by a clock set back, but a release issued after its expiry was already seen.
    let bench = Bench::with_small_release();
    let mut desk = bench.desk();
    desk.highest_version = Some(2);
    desk.highest_issued_at = Some(Release::small(3).expires_at + Duration::hours(1));
    bench.expect_rejected(&desk, RejectionCode::Expired);
}

#[test]
fn malformed_when_the_manifest_belongs_to_another_data_set() {
    let bench = Bench::with_small_release();
    edit_manifest(&bench.release(), &bench.key, |m| m.dataset = "testowy".into());
    let r = bench.expect_rejected(&bench.desk(), RejectionCode::Malformed);
    assert!(r.message.contains("inne wydanie"), "{}", r.message);
}
