//! The daily copy: made when the folder is opened and the newest daily or manual copy in
//! `kopie/` is a day old (or there is none). A copy dated in the future (a clock once set
//! wrong) does not count, or copies would stop until that date.

use std::path::Path;

use jst_store::backup::{CopyKind, CopyName};
use jst_store::{LocalStore, Stamp};

use super::copies::{copies, folder, write_rotating, BackupView, STEM};
use crate::Result;

const DAY: time::Duration = time::Duration::hours(24);

/// Makes the daily copy when it is due; `None` when the last one is younger than a day.
pub(crate) fn daily_backup(
    local: &LocalStore,
    data_dir: &Path,
    stamp: &Stamp,
) -> Result<Option<BackupView>> {
    let now = CopyName::new(STEM, &stamp.at, CopyKind::Daily);
    let Some(now_at) = instant(&now.at) else { return Ok(None) };
    let newest = copies(&folder(data_dir))?
        .into_iter()
        .filter(|(_, name)| name.kind.rotates())
        .filter_map(|(_, name)| instant(&name.at))
        .filter(|at| *at <= now_at)
        .max();
    if newest.is_some_and(|at| now_at - at < DAY) {
        return Ok(None);
    }
    write_rotating(local, data_dir, stamp, CopyKind::Daily).map(Some)
}

/// The time of a copy's name (`YYYYMMDDTHHMMSSZ`).
fn instant(at: &str) -> Option<time::PrimitiveDateTime> {
    let format = time::macros::format_description!("[year][month][day]T[hour][minute][second]Z");
    time::PrimitiveDateTime::parse(at, &format).ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_copy_name_is_an_instant() {
        let a = super::instant("20261201T214000Z").expect("parsed");
        let b = super::instant("20261202T214000Z").expect("parsed");
        assert_eq!(b - a, super::DAY);
        assert_eq!(super::instant("2026120XT214000Z"), None);
    }
}
