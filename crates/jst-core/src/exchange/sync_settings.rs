//! Where and how often to sync: the association's server address and the background interval,
//! kept in own data (audited).

use jst_store::{LocalStore, Stamp};

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
            return Err(Error::InvalidValue(format!(
                "adres serwera „{url}” musi zaczynać się od https:// (lub http://)"
            )));
        }
        remember_server(local, stamp, url)?;
    }
    if interval_minutes > 7 * 24 * 60 {
        return Err(Error::InvalidValue(
            "odstęp synchronizacji może wynosić najwyżej tydzień".to_owned(),
        ));
    }
    local.set_setting(stamp, INTERVAL_SETTING, &interval_minutes.to_string())?;
    Ok(())
}
