//! Where and how often to sync: the association's server address and the background interval,
//! kept in own data (audited).

use jst_store::{LocalStore, Stamp};
use jst_text::t;
use time::OffsetDateTime;

use crate::{Error, Result};

pub(crate) const SERVER_SETTING: &str = "sync.server";
pub(crate) const INTERVAL_SETTING: &str = "sync.interval_minutes";
/// Background sync while the app runs, unless the officer sets another interval (0 = off).
pub const DEFAULT_INTERVAL_MINUTES: u32 = 360;

pub(crate) fn remember_server(local: &mut LocalStore, stamp: &Stamp, url: &str) -> Result<()> {
    if local.setting(SERVER_SETTING)?.as_deref() != Some(url) {
        local.set_setting(stamp, SERVER_SETTING, url)?;
    }
    Ok(())
}

pub(crate) fn interval_minutes(local: &LocalStore) -> Result<u32> {
    Ok(local
        .setting(INTERVAL_SETTING)?
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_INTERVAL_MINUTES))
}

/// Sets the server address and the background interval in minutes (0 = off).
pub(crate) fn configure_sync(
    local: &mut LocalStore,
    stamp: &Stamp,
    server: Option<String>,
    interval_minutes: u32,
) -> Result<()> {
    if let Some(url) = server.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            return Err(Error::InvalidValue(t!("core-server-address-scheme", url = url)));
        }
        remember_server(local, stamp, url)?;
    }
    if interval_minutes > 7 * 24 * 60 {
        return Err(Error::InvalidValue(t!("core-sync-interval-too-long")));
    }
    local.set_setting(stamp, INTERVAL_SETTING, &interval_minutes.to_string())?;
    Ok(())
}

/// Whether the background sync is due at `now`: a server is set, the interval is not off, and
/// the last attempt (whatever its outcome, by the app or `jst`) is at least the interval ago.
/// Counting from the last attempt, not from the app's start, lets an app that is open for less
/// than the interval each day still sync.
pub(crate) fn sync_due(local: &LocalStore, now: OffsetDateTime) -> Result<bool> {
    let interval = interval_minutes(local)?;
    if interval == 0 || local.setting(SERVER_SETTING)?.is_none() {
        return Ok(false);
    }
    let last = local.sync_log(1)?.into_iter().next().and_then(|e| {
        OffsetDateTime::parse(&e.at, &time::format_description::well_known::Rfc3339).ok()
    });
    Ok(match last {
        Some(at) => now - at >= time::Duration::minutes(i64::from(interval)),
        None => true,
    })
}

#[cfg(test)]
mod tests {
    use jst_store::SyncLogEntry;
    use time::macros::datetime;

    use super::*;

    fn stamp(at: &str) -> Stamp {
        Stamp { at: at.to_owned(), by: "test".to_owned() }
    }

    fn attempt(local: &mut LocalStore, at: &str) {
        let entry = SyncLogEntry {
            at: at.to_owned(),
            source: "https://dane.example.pl".to_owned(),
            outcome: "offline".to_owned(),
            version: None,
            code: None,
            message: None,
            bytes_downloaded: 0,
            chunks_downloaded: 0,
            chunks_reused: 0,
            changes: None,
        };
        local.record_sync(&stamp(at), &entry, None).expect("log");
    }

    /// Defect (issue 13): the background loop counted the interval from the app's start, so an
    /// app open for less than the interval each day never synced. Due is now counted from the
    /// last attempt, wherever it was made.
    #[test]
    fn a_sync_is_due_an_interval_after_the_last_attempt_not_after_the_start() {
        let dir = tempfile::tempdir().expect("tempdir");
        let first = stamp("2026-11-30T08:00:00Z");
        let mut local = LocalStore::open(&dir.path().join("local.db"), &first).expect("open");
        assert!(!sync_due(&local, datetime!(2026-11-30 08:00 UTC)).expect("due"), "no server");
        configure_sync(&mut local, &first, Some("https://dane.example.pl".to_owned()), 360)
            .expect("configure");
        assert!(sync_due(&local, datetime!(2026-11-30 08:00 UTC)).expect("due"), "never synced");
        attempt(&mut local, "2026-11-30T08:01:00Z");
        // Opened for an hour the next morning: due at once, 24 h after the last attempt.
        assert!(sync_due(&local, datetime!(2026-12-01 08:01 UTC)).expect("due"));
        assert!(!sync_due(&local, datetime!(2026-11-30 14:00 UTC)).expect("due"), "5 h 59 min");
        assert!(sync_due(&local, datetime!(2026-11-30 14:01 UTC)).expect("due"), "6 h");
        configure_sync(&mut local, &first, None, 0).expect("off");
        assert!(!sync_due(&local, datetime!(2026-12-05 08:00 UTC)).expect("due"), "off");
    }
}
