//! How long and how much the client waits for the server. Every request has a deadline for the
//! whole of it (connect, headers and body), sized by what is expected: a small file or a
//! submission answer gets a short one, a chunk one that grows with its declared size at a
//! minimum throughput; a sync has one more for all its requests together. Without them a server
//! trickling a byte now and then would hold a sync for days (a per-read timeout never fires).

use std::time::{Duration, Instant};

/// Time and size limits of the client's requests. [`Limits::default`] holds the production
/// values; tests configure tiny ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Connecting to the server.
    pub connect: Duration,
    /// The whole request of a small file (`latest.json`, the manifest, a signature) or of a
    /// submission with its answer.
    pub small_request: Duration,
    /// The whole request of a chunk: this, plus its bytes still missing at
    /// [`Limits::chunk_min_bytes_per_second`].
    pub chunk_base: Duration,
    /// The slowest download a chunk's deadline allows for.
    pub chunk_min_bytes_per_second: u64,
    /// Every request of one sync together, counted from the creation of its
    /// [`HttpSource`](crate::HttpSource) (`jst sync --deadline`).
    pub sync: Duration,
    /// The largest answer to a submission read; a larger one is refused unread.
    pub max_answer_bytes: u64,
}

/// The overall deadline of a sync when none is given: 30 minutes.
pub const DEFAULT_SYNC_DEADLINE: Duration = Duration::from_secs(30 * 60);

impl Default for Limits {
    fn default() -> Self {
        Self {
            connect: Duration::from_secs(10),
            small_request: Duration::from_secs(30),
            chunk_base: Duration::from_secs(30),
            chunk_min_bytes_per_second: 64 * 1024,
            sync: DEFAULT_SYNC_DEADLINE,
            max_answer_bytes: 1024 * 1024,
        }
    }
}

impl Limits {
    /// The deadline of a chunk request for `bytes` still to download.
    pub fn chunk_request(&self, bytes: u64) -> Duration {
        let per_second = self.chunk_min_bytes_per_second.max(1);
        let transfer = Duration::from_secs(bytes / per_second)
            + Duration::from_nanos((bytes % per_second) * 1_000_000_000 / per_second);
        self.chunk_base.saturating_add(transfer)
    }
}

/// A point in time a piece of work must finish by.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Deadline(Instant);

impl Deadline {
    pub(crate) fn after(span: Duration) -> Self {
        // An absurd span (beyond what `Instant` holds) counts as a century.
        let now = Instant::now();
        Self(
            now.checked_add(span)
                .unwrap_or_else(|| now + Duration::from_secs(100 * 365 * 24 * 3600)),
        )
    }

    /// Time left, `None` once passed.
    pub(crate) fn remaining(&self) -> Option<Duration> {
        let left = self.0.saturating_duration_since(Instant::now());
        (!left.is_zero()).then_some(left)
    }

    pub(crate) fn passed(&self) -> bool {
        self.remaining().is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chunk_deadline_grows_with_its_size_at_the_minimum_throughput() {
        let limits = Limits::default();
        assert_eq!(limits.chunk_request(0), Duration::from_secs(30));
        assert_eq!(limits.chunk_request(64 * 1024 * 1024), Duration::from_secs(30 + 1024));
        assert_eq!(limits.chunk_request(32 * 1024), Duration::from_millis(30_500));
        let odd = Limits { chunk_min_bytes_per_second: 0, ..limits };
        assert_eq!(odd.chunk_request(2), Duration::from_secs(32), "never a division by zero");
    }

    #[test]
    fn production_limits_are_those_of_the_design() {
        let l = Limits::default();
        assert_eq!(l.sync, Duration::from_secs(1800));
        assert_eq!((l.small_request, l.max_answer_bytes), (Duration::from_secs(30), 1 << 20));
    }

    #[test]
    fn a_deadline_passes() {
        assert!(Deadline::after(Duration::ZERO).passed());
        assert!(Deadline::after(Duration::from_secs(60)).remaining().is_some());
        assert!(!Deadline::after(Duration::MAX).passed());
    }
}
