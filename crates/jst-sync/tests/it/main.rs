//! `jst_sync::plan` against signed releases in a folder (`DirSource`), built with
//! `jst_release` alone: what is accepted, what is refused and with which code, cancellation,
//! and that a plan writes nothing outside its chunk cache, whatever the outcome. Then the
//! network client against hostile test servers (`HttpSource`, `post_submission`): deadlines
//! and size caps, with tiny configured limits.

mod accepted;
mod answers;
mod cancelled;
mod deadlines;
mod groups;
mod practices;
mod proposal;
mod rejected;
mod release;
mod server;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jst_release::{KeyPair, PublicKey};
use jst_sync::{
    plan, DirSource, Error, HttpSource, Limits, Plan, PlanInput, Rejection, RejectionCode, Source,
};
use time::OffsetDateTime;

use release::{Release, NOW};

/// What the desktop knows before a sync: the keys it trusts, its rollback and freeze
/// watermark, and its clock.
pub struct Desk {
    pub trusted: Vec<PublicKey>,
    pub highest_version: Option<u64>,
    pub highest_issued_at: Option<OffsetDateTime>,
    pub now: OffsetDateTime,
}

/// A temporary folder holding a release folder and the desktop's chunk cache side by side.
pub struct Bench {
    dir: tempfile::TempDir,
    pub key: KeyPair,
}

impl Bench {
    /// An empty bench: the release is written by the test.
    pub fn empty() -> Self {
        Self { dir: tempfile::tempdir().expect("tempdir"), key: KeyPair::generate() }
    }

    /// A bench with [`Release::small`] version 3 written and signed by the bench's key.
    pub fn with_small_release() -> Self {
        let bench = Self::empty();
        Release::small(3).write(&bench.release(), &bench.key);
        bench
    }

    pub fn release(&self) -> PathBuf {
        self.dir.path().join("wydanie")
    }

    pub fn cache(&self) -> PathBuf {
        self.dir.path().join("pamiec")
    }

    /// A desktop that trusts the bench's key and has applied nothing yet.
    pub fn desk(&self) -> Desk {
        Desk {
            trusted: vec![self.key.public()],
            highest_version: None,
            highest_issued_at: None,
            now: NOW,
        }
    }

    /// Plans from the release folder, checking that nothing outside the cache changed.
    pub fn plan_with(
        &self,
        desk: &Desk,
        progress: &mut dyn FnMut(u32, u32) -> bool,
    ) -> Result<Plan, Error> {
        let cache = self.cache();
        let before = files_outside(self.dir.path(), &cache);
        let input = PlanInput {
            trusted: &desk.trusted,
            highest_version: desk.highest_version,
            highest_issued_at: desk.highest_issued_at,
            now: desk.now,
            cache: &cache,
        };
        let result = plan(&mut DirSource::new(&self.release()), &input, progress);
        assert!(
            before == files_outside(self.dir.path(), &cache),
            "a plan wrote outside its cache ({result:?})"
        );
        result
    }

    /// Plans from a server at `url` with `limits`, checking that nothing outside the cache
    /// changed.
    pub fn plan_http(&self, desk: &Desk, url: &str, limits: Limits) -> Result<Plan, Error> {
        let cache = self.cache();
        let before = files_outside(self.dir.path(), &cache);
        let input = PlanInput {
            trusted: &desk.trusted,
            highest_version: desk.highest_version,
            highest_issued_at: desk.highest_issued_at,
            now: desk.now,
            cache: &cache,
        };
        let mut source: Box<dyn Source> =
            Box::new(HttpSource::with_limits(url, limits).expect("client"));
        let result = plan(source.as_mut(), &input, &mut |_, _| true);
        assert!(
            before == files_outside(self.dir.path(), &cache),
            "a plan wrote outside its cache ({result:?})"
        );
        result
    }

    pub fn plan(&self, desk: &Desk) -> Result<Plan, Error> {
        self.plan_with(desk, &mut |_, _| true)
    }

    /// Plans and expects a rejection with `code`; no partial download may stay behind.
    pub fn expect_rejected(&self, desk: &Desk, code: RejectionCode) -> Rejection {
        match self.plan(desk) {
            Err(Error::Rejected(rejection)) => {
                assert_eq!(rejection.code, code, "{}", rejection.message);
                assert!(!rejection.message.is_empty());
                assert_eq!(self.partial_downloads(), 0, "{code:?}: a .part file stayed");
                rejection
            }
            other => panic!("expected {code:?}, got {other:?}"),
        }
    }

    /// Names of the files in the cache, sorted.
    pub fn cached(&self) -> Vec<String> {
        let Ok(entries) = std::fs::read_dir(self.cache()) else { return Vec::new() };
        let mut names: Vec<String> =
            entries.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        names
    }

    fn partial_downloads(&self) -> usize {
        self.cached().iter().filter(|n| n.ends_with(".part")).count()
    }
}

/// Every file under `root` but outside `cache`, with its bytes.
fn files_outside(root: &Path, cache: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut folders = vec![root.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("folder").flatten() {
            let path = entry.path();
            if path == cache {
                continue;
            }
            if path.is_dir() {
                folders.push(path.clone());
                files.insert(path, Vec::new());
            } else {
                let bytes = std::fs::read(&path).expect("file");
                files.insert(path, bytes);
            }
        }
    }
    files
}
