//! A server that sends slowly enough to never trip a read timeout (a byte now and then) must
//! not hold a sync: each request ends by its own deadline, the whole sync by its overall one.
//! Past either the sync is `offline` (nothing proven wrong with the release, just too slow):
//! nothing is applied, and what was downloaded stays for the next run, which resumes.
//! The limits are tiny here; the trickling servers would take several seconds longer.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use jst_release::{sha256_hex, Latest, Manifest};
use jst_sync::{Error, Limits};

use crate::release::read_manifest;
use crate::server::{Pace, Reply, TestServer};
use crate::Bench;

/// Production limits but for the given ones: a plan here ends in seconds.
fn limits(small: Duration, chunk_base: Duration, sync: Duration) -> Limits {
    Limits {
        small_request: small,
        chunk_base,
        // A chunk's size adds nothing worth counting: its deadline is `chunk_base`.
        chunk_min_bytes_per_second: 1 << 30,
        sync,
        ..Limits::default()
    }
}

fn expect_offline(result: Result<jst_sync::Plan, Error>) -> String {
    match result {
        Err(Error::Offline(why)) => why,
        other => panic!("expected offline, got {other:?}"),
    }
}

/// The cache path of the manifest's chunk `name`, and its size.
fn chunk_of(bench: &Bench, name: &str) -> (String, PathBuf, u64) {
    let manifest = read_manifest(&bench.release());
    let entry = manifest.chunks.iter().find(|c| c.name == name).expect("chunk");
    (entry.sha256.clone(), bench.cache().join(&entry.sha256), entry.size)
}

#[test]
fn a_trickled_latest_json_ends_offline_at_its_request_deadline() {
    let bench = Bench::with_small_release();
    let root = bench.release();
    let size = std::fs::metadata(root.join(Latest::FILE)).expect("latest").len();
    // The whole of latest.json in about 6 s, a byte at a time: no read ever waits long.
    let every = Duration::from_millis(6000 / size);
    let server = TestServer::start(move |r| {
        let reply = Reply::file(&root, r);
        if r.path == format!("/{}", Latest::FILE) {
            reply.paced(Pace::trickle(every))
        } else {
            reply
        }
    });
    let started = Instant::now();
    let limits = limits(Duration::from_secs(1), Duration::from_secs(30), Duration::from_secs(60));
    let result = bench.plan_http(&bench.desk(), &server.url, limits);
    let took = started.elapsed();
    let why = expect_offline(result);
    assert!(took < Duration::from_secs(3), "the request deadline is 1 s; took {took:?}");
    assert!(why.contains(Latest::FILE), "{why}");
    assert!(!bench.cache().exists(), "nothing fetched beyond latest.json");
}

#[test]
fn a_trickled_chunk_ends_offline_at_its_deadline_and_the_next_run_resumes_it() {
    let bench = Bench::with_small_release();
    let root = bench.release();
    let (sha, part_of, size) = chunk_of(&bench, "values-2024-00");
    let half = size / 2;
    // The first half at once, the rest a byte at a time over about 6 s.
    let every = Duration::from_millis(6000 / (size - half));
    let path = format!("/chunks/{sha}");
    let server = TestServer::start(move |r| {
        let reply = Reply::file(&root, r);
        if r.path == path {
            reply.paced(Pace { at_once: half, pause: Duration::ZERO, every })
        } else {
            reply
        }
    });
    let started = Instant::now();
    let limits = limits(Duration::from_secs(30), Duration::from_secs(1), Duration::from_secs(60));
    let why = expect_offline(bench.plan_http(&bench.desk(), &server.url, limits));
    let took = started.elapsed();
    assert!(took < Duration::from_secs(4), "the chunk's deadline is about 1 s; took {took:?}");
    assert!(why.contains(&sha), "{why}");

    // The chunks before it are kept verified, the start of this one as its `.part`.
    let cached = bench.cached();
    assert_eq!(cached.len(), 4, "{cached:?}");
    let part = part_of.with_extension("part");
    let kept = std::fs::metadata(&part).expect("the .part stays").len();
    assert!(kept >= half && kept < size, "{kept} of {size}");

    // The next run (an honest server) asks for the rest only and applies nothing twice.
    let root = bench.release();
    let honest = TestServer::start(move |r| Reply::file(&root, r));
    let plan = bench.plan_http(&bench.desk(), &honest.url, Limits::default()).expect("resumed");
    assert_eq!((plan.chunks_downloaded, plan.chunks_reused), (2, 3));
    let asked: Vec<_> = honest.seen().into_iter().filter(|r| r.path.ends_with(&sha)).collect();
    assert_eq!(asked.len(), 1);
    assert_eq!(asked[0].range.as_deref(), Some(format!("bytes={kept}-").as_str()));
    assert_eq!(sha256_hex(&std::fs::read(&part_of).expect("chunk")), sha);
}

#[test]
fn a_chunk_deadline_grows_with_the_declared_size_at_the_minimum_throughput() {
    // 1 s for any chunk, plus its size at 50 bytes a second: a chunk of ~150 bytes sent over
    // ~2 s is within its deadline (~4 s), though beyond the base second.
    let bench = Bench::with_small_release();
    let root = bench.release();
    let (sha, _, size) = chunk_of(&bench, "values-2024-00");
    assert!(size > 100, "{size}");
    let every = Duration::from_millis(2000 / size);
    let path = format!("/chunks/{sha}");
    let server = TestServer::start(move |r| {
        let reply = Reply::file(&root, r);
        if r.path == path {
            reply.paced(Pace::trickle(every))
        } else {
            reply
        }
    });
    let limits = Limits {
        chunk_base: Duration::from_secs(1),
        chunk_min_bytes_per_second: 50,
        ..Limits::default()
    };
    let plan = bench.plan_http(&bench.desk(), &server.url, limits).expect("in time");
    assert_eq!(plan.chunks_downloaded, 5);
}

#[test]
fn the_whole_sync_ends_offline_at_its_overall_deadline_even_mid_request() {
    let bench = Bench::with_small_release();
    let root = bench.release();
    let (sha, _, _) = chunk_of(&bench, "values-2023-00");
    // Every request within its own (generous) deadline, but one chunk stalls for 6 s halfway.
    let path = format!("/chunks/{sha}");
    let server = TestServer::start(move |r| {
        let reply = Reply::file(&root, r);
        if r.path == path {
            reply.paced(Pace { at_once: 40, pause: Duration::from_secs(6), every: Duration::ZERO })
        } else {
            reply
        }
    });
    let started = Instant::now();
    let limits =
        limits(Duration::from_secs(30), Duration::from_secs(30), Duration::from_millis(1500));
    let why = expect_offline(bench.plan_http(&bench.desk(), &server.url, limits));
    let took = started.elapsed();
    assert!(took < Duration::from_secs(3), "the sync's deadline is 1.5 s; took {took:?}");
    assert!(why.contains("limit czasu synchronizacji"), "{why}");
    // Register and catalogue verified and kept; the stalled chunk's start as its `.part`.
    assert_eq!(bench.cached().len(), 3, "{:?}", bench.cached());
    assert!(bench.cached().contains(&format!("{sha}.part")));

    // Past the deadline no request is even sent.
    let seen = server.seen().len();
    let root = bench.release();
    let late = TestServer::start(move |r| Reply::file(&root, r));
    let limits = Limits { sync: Duration::ZERO, ..Limits::default() };
    let why = expect_offline(bench.plan_http(&bench.desk(), &late.url, limits));
    assert!(why.contains("limit czasu synchronizacji"), "{why}");
    assert!(late.seen().is_empty());
    assert_eq!(server.seen().len(), seen);
}

#[test]
fn each_small_file_is_capped_over_http_whether_or_not_its_length_is_declared() {
    use jst_sync::RejectionCode;

    use crate::server::Body;

    // (file, size sent): latest.json over 64 KiB, a signature over 1 KiB, the manifest over
    // 1 MiB; each sent with and without `Content-Length`.
    let manifest_sig = format!("{}.sig", Manifest::FILE);
    for (file, size) in [
        (Latest::FILE.to_owned(), 70 * 1024),
        (format!("{}.sig", Latest::FILE), 2048),
        (Manifest::FILE.to_owned(), 3 * 1024 * 1024),
        (manifest_sig.clone(), 2048),
    ] {
        for declare_length in [true, false] {
            let bench = Bench::with_small_release();
            let root = bench.release();
            let path = format!("/{file}");
            let server = TestServer::start(move |r| {
                if r.path == path {
                    Reply {
                        body: Body::Repeat(b' ', size),
                        declare_length,
                        ..Reply::ok("application/json", Vec::new())
                    }
                } else {
                    Reply::file(&root, r)
                }
            });
            // The manifest's hash is checked against latest.json after its cap: any bytes do.
            match bench.plan_http(&bench.desk(), &server.url, Limits::default()) {
                Err(Error::Rejected(r)) => {
                    assert_eq!(r.code, RejectionCode::TooLarge, "{file}: {}", r.message)
                }
                other => panic!("{file} ({declare_length}): expected too_large, got {other:?}"),
            }
        }
    }
}
