use jst_sync::Error;

use crate::Bench;

#[test]
fn cancelling_before_the_first_chunk_fetches_nothing() {
    let bench = Bench::with_small_release();
    let mut heard = Vec::new();
    let result = bench.plan_with(&bench.desk(), &mut |done, total| {
        heard.push((done, total));
        false
    });
    assert!(matches!(result, Err(Error::Cancelled)), "{result:?}");
    assert_eq!(heard, [(0, 5)]);
    assert!(bench.cached().is_empty());
}

#[test]
fn cancelling_midway_keeps_the_verified_chunks_for_the_next_time() {
    let bench = Bench::with_small_release();
    let mut heard = Vec::new();
    let result = bench.plan_with(&bench.desk(), &mut |done, total| {
        heard.push((done, total));
        done < 2
    });
    assert!(matches!(result, Err(Error::Cancelled)), "{result:?}");
    assert_eq!(heard, [(0, 5), (1, 5), (2, 5)]);
    assert_eq!(bench.cached().len(), 2, "{:?}", bench.cached());

    let resumed = bench.plan(&bench.desk()).expect("accepted");
    assert_eq!((resumed.chunks_downloaded, resumed.chunks_reused), (3, 2));
}
