//! Rate limits of the API (DESIGN §9). A token is looked up first; a verified token is then
//! limited per token, and every refused authentication (no token, an unknown or revoked one)
//! per client address. Both live in [`SlidingWindow`]s of fixed capacity, so no stream of
//! requests (100 000 random tokens, or addresses) grows the server's memory: before, every
//! distinct token ever sent kept ~150 B for good.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::hash::Hash;
use std::net::IpAddr;
use std::time::{Duration, Instant};

/// The limits of the API, per [`RateLimits::window`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateLimits {
    /// The sliding window the counts below are taken over (60 s).
    pub window: Duration,
    /// Requests of one verified token (60 a minute: a unit's desktop sends a handful a day; an
    /// outbox resent after a long time offline fits many times over).
    pub per_token: u32,
    /// Refused authentications from one address (30 a minute: a desktop with a revoked token
    /// retries with backoff, far slower; a scan of random tokens is stopped at once).
    pub failures_per_address: u32,
    /// Addresses tracked at once (10 000); the one seen least recently is forgotten first. At
    /// most `failures_per_address` instants each: 10 000 × 30 × 16 B ≈ 5 MB at the very worst.
    pub addresses: usize,
    /// Verified tokens tracked at once (10 000: the ~2 900 units of the register with a few PCs
    /// each); at most 10 000 × 60 × 16 B ≈ 10 MB, reached only if all send at the full rate.
    pub tokens: usize,
}

impl Default for RateLimits {
    fn default() -> Self {
        Self {
            window: Duration::from_secs(60),
            per_token: 60,
            failures_per_address: 30,
            addresses: 10_000,
            tokens: 10_000,
        }
    }
}

/// A sliding-window log per key: the instants of the requests let through in the last
/// `window`, at most `limit` of them, for at most `capacity` keys. A key over capacity evicts
/// the key used least recently; each call also drops one key whose window has emptied, so the
/// structure shrinks back when traffic stops.
pub(crate) struct SlidingWindow<K> {
    window: Duration,
    limit: u32,
    capacity: usize,
    /// Per key: its place in `order` and its instants, oldest first.
    entries: HashMap<K, (u64, VecDeque<Instant>)>,
    /// Keys by last use, least recent first.
    order: BTreeMap<u64, K>,
    next: u64,
}

impl<K: Hash + Eq + Clone> SlidingWindow<K> {
    pub(crate) fn new(window: Duration, limit: u32, capacity: usize) -> Self {
        Self {
            window,
            limit,
            capacity: capacity.max(1),
            entries: HashMap::new(),
            order: BTreeMap::new(),
            next: 0,
        }
    }

    /// Counts a request of `key` at `now` when the key has not used its limit in the window;
    /// else the wait until it may come back (a refused request is not counted, so a client
    /// that keeps knocking is served as soon as its oldest counted request leaves the window).
    pub(crate) fn hit(&mut self, key: K, now: Instant) -> Result<(), Duration> {
        self.drop_one_expired(now);
        let seq = self.next;
        self.next += 1;
        let window = self.window;
        if self.entries.len() >= self.capacity && !self.entries.contains_key(&key) {
            if let Some((_, oldest)) = self.order.pop_first() {
                self.entries.remove(&oldest);
            }
        }
        let (place, times) = self.entries.entry(key.clone()).or_insert((seq, VecDeque::new()));
        self.order.remove(place);
        *place = seq;
        self.order.insert(seq, key);
        while times.front().is_some_and(|t| now.saturating_duration_since(*t) >= window) {
            times.pop_front();
        }
        if times.len() >= self.limit as usize {
            let oldest = times.front().copied().unwrap_or(now);
            return Err((oldest + window).saturating_duration_since(now));
        }
        times.push_back(now);
        Ok(())
    }

    /// Drops the least recently used key when its window holds nothing any more.
    fn drop_one_expired(&mut self, now: Instant) {
        let Some((&seq, key)) = self.order.first_key_value() else { return };
        let expired = self.entries.get(key).is_none_or(|(_, times)| {
            times.back().is_none_or(|t| now.saturating_duration_since(*t) >= self.window)
        });
        if expired {
            if let Some(key) = self.order.remove(&seq) {
                self.entries.remove(&key);
            }
        }
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }
}

/// The key of a client address: an IPv4 address, or the /64 prefix of an IPv6 one (a single
/// host usually holds a whole /64, so its addresses would each start afresh).
fn address_key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => {
            let bits = u128::from(v6) & !((1u128 << 64) - 1);
            IpAddr::V6(bits.into())
        }
    }
}

/// Both limits of the API.
pub(crate) struct Limiter {
    tokens: SlidingWindow<i64>,
    addresses: SlidingWindow<IpAddr>,
}

impl Limiter {
    pub(crate) fn new(limits: &RateLimits) -> Self {
        Self {
            tokens: SlidingWindow::new(limits.window, limits.per_token, limits.tokens),
            addresses: SlidingWindow::new(
                limits.window,
                limits.failures_per_address,
                limits.addresses,
            ),
        }
    }

    /// A request of a verified token (its id): `Err(wait)` when over the limit.
    pub(crate) fn verified(&mut self, token_id: i64, now: Instant) -> Result<(), Duration> {
        self.tokens.hit(token_id, now)
    }

    /// A refused authentication from `ip`: `Err(wait)` when the address is over its limit.
    pub(crate) fn failed(&mut self, ip: IpAddr, now: Instant) -> Result<(), Duration> {
        self.addresses.hit(address_key(ip), now)
    }

    /// Keys held: (verified tokens, addresses).
    #[cfg(test)]
    pub(crate) fn tracked(&self) -> (usize, usize) {
        (self.tokens.len(), self.addresses.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_slides_and_says_when_to_come_back() {
        let start = Instant::now();
        let at = |ms: u64| start + Duration::from_millis(ms);
        let mut w = SlidingWindow::new(Duration::from_secs(10), 3, 100);
        for ms in [0, 1_000, 2_000] {
            assert_eq!(w.hit("a", at(ms)), Ok(()));
        }
        assert_eq!(w.hit("a", at(4_000)), Err(Duration::from_secs(6)), "until the first leaves");
        assert_eq!(w.hit("b", at(4_000)), Ok(()), "keys are apart");
        assert_eq!(w.hit("a", at(9_999)), Err(Duration::from_millis(1)));
        assert_eq!(w.hit("a", at(10_000)), Ok(()), "the first request left the window");
        assert_eq!(w.hit("a", at(10_500)), Err(Duration::from_millis(500)));
    }

    #[test]
    fn a_full_structure_forgets_the_least_recently_used_key() {
        let now = Instant::now();
        let mut w = SlidingWindow::new(Duration::from_secs(60), 2, 3);
        for key in ["a", "b", "c"] {
            w.hit(key, now).expect("first");
        }
        w.hit("a", now).expect("a again: now b is the least recent");
        w.hit("d", now).expect("d evicts b");
        assert_eq!(w.len(), 3);
        assert!(w.entries.contains_key("a") && !w.entries.contains_key("b"));
        assert_eq!(w.hit("a", now).map_err(|_| ()), Err(()), "a kept its count");
    }

    #[test]
    fn keys_whose_window_emptied_are_dropped_as_traffic_goes_on() {
        let start = Instant::now();
        let mut w = SlidingWindow::new(Duration::from_secs(1), 5, 1_000);
        for n in 0..100u32 {
            w.hit(n, start).expect("hit");
        }
        let later = start + Duration::from_secs(2);
        for _ in 0..100 {
            w.hit(1_000, later).ok();
        }
        assert_eq!(w.len(), 1, "only the live key is left");
    }

    #[test]
    fn a_hundred_thousand_addresses_stay_within_capacity() {
        let limits = RateLimits { addresses: 1_000, ..RateLimits::default() };
        let mut limiter = Limiter::new(&limits);
        let now = Instant::now();
        for n in 0..100_000u32 {
            let _ = limiter.failed(IpAddr::from(n.to_be_bytes()), now);
        }
        assert_eq!(limiter.tracked(), (0, 1_000));
        // IPv6 hosts of one /64 share a key.
        let v6 = |low: u64| IpAddr::V6((0x2001_0db8_0000_0001u128 << 64 | u128::from(low)).into());
        let mut limiter = Limiter::new(&RateLimits { failures_per_address: 3, ..limits });
        for low in 0..3 {
            limiter.failed(v6(low), now).expect("within the limit");
        }
        assert!(limiter.failed(v6(99), now).is_err(), "the /64 used its failures");
    }
}
