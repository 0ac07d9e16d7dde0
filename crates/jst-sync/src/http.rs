//! What every request of the client shares: the HTTP client, the deadline a request runs
//! under, and reading a body with a cap, where a failed or timed-out read is being offline.

use std::io::Read;
use std::time::Duration;

use crate::limits::Deadline;
use crate::{Error, Limits, RejectionCode};

/// The blocking client. Every request sets its own deadline ([`Timing`]); the client's timeout
/// (a small request's) is only the fallback.
pub(crate) fn client(limits: &Limits) -> Result<reqwest::blocking::Client, Error> {
    reqwest::blocking::Client::builder()
        .connect_timeout(limits.connect)
        .timeout(limits.small_request)
        .user_agent(concat!("monitor-jst/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| Error::Offline(e.to_string()))
}

/// The deadline of one request: its own budget, cut short by the overall one of a sync.
pub(crate) struct Timing {
    /// What is asked for, for messages (`latest.json`, `chunks/<sha256>`, `odpowiedź serwera`).
    what: String,
    budget: Duration,
    ends: Deadline,
    /// The whole sync's deadline and its length, when the request belongs to one.
    overall: Option<(Deadline, Duration)>,
}

impl Timing {
    /// `None` when the overall deadline has already passed: the request is not sent.
    pub(crate) fn new(
        what: &str,
        budget: Duration,
        overall: Option<(Deadline, Duration)>,
    ) -> Option<Self> {
        let left = match overall {
            Some((deadline, _)) => deadline.remaining()?.min(budget),
            None => budget,
        };
        Some(Self { what: what.to_owned(), budget, ends: Deadline::after(left), overall })
    }

    /// The whole request (connect, headers, body) must end within this.
    pub(crate) fn timeout(&self) -> Duration {
        self.ends.remaining().unwrap_or(Duration::from_millis(1))
    }

    /// Being offline, said by what ran out: the sync's time, the request's, or the network.
    pub(crate) fn offline(&self, error: impl std::fmt::Display) -> Error {
        if let Some((deadline, length)) = self.overall {
            if deadline.passed() {
                return past_sync_deadline(length);
            }
        }
        if self.ends.passed() {
            return Error::Offline(jst_text::t!(
                "sync-no-response",
                what = &self.what,
                limit = duration_text(self.budget)
            ));
        }
        Error::Offline(format!("{}: {error}", self.what))
    }
}

/// The sync's own time is up: offline, with what that means for the next run.
pub(crate) fn past_sync_deadline(length: Duration) -> Error {
    Error::Offline(jst_text::t!("sync-past-deadline", limit = duration_text(length)))
}

/// A body whole, refused beyond `limit` bytes (by its declared length before reading, or once
/// `limit + 1` bytes have come).
pub(crate) fn read_capped(
    response: reqwest::blocking::Response,
    limit: u64,
    timing: &Timing,
) -> Result<Vec<u8>, Error> {
    let too_large = || {
        let message = jst_text::t!("sync-too-large", what = &timing.what, limit = limit);
        Error::reject(RejectionCode::TooLarge, message)
    };
    if response.content_length().is_some_and(|l| l > limit) {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    response.take(limit + 1).read_to_end(&mut bytes).map_err(|e| timing.offline(e))?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(bytes)
}

/// `90 s`, `30 min`, `1500 ms`: a limit as people read it.
pub(crate) fn duration_text(d: Duration) -> String {
    let millis = d.as_millis();
    if !millis.is_multiple_of(1000) {
        format!("{millis} ms")
    } else if millis >= 60_000 && millis.is_multiple_of(60_000) {
        format!("{} min", millis / 60_000)
    } else {
        format!("{} s", millis / 1000)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_read_as_people_say_them() {
        assert_eq!(duration_text(Duration::from_secs(1800)), "30 min");
        assert_eq!(duration_text(Duration::from_secs(90)), "90 s");
        assert_eq!(duration_text(Duration::from_millis(1500)), "1500 ms");
    }

    #[test]
    fn a_request_never_outlives_the_sync() {
        let overall = Some((Deadline::after(Duration::from_secs(5)), Duration::from_secs(5)));
        let timing = Timing::new("x", Duration::from_secs(30), overall).expect("time left");
        assert!(timing.timeout() <= Duration::from_secs(5));
        let timing = Timing::new("x", Duration::from_secs(1), overall).expect("time left");
        assert!(timing.timeout() <= Duration::from_secs(1));
        let over = Some((Deadline::after(Duration::ZERO), Duration::ZERO));
        assert!(Timing::new("x", Duration::from_secs(30), over).is_none());
    }
}
