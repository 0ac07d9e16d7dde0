//! Verified copies of the own data (DESIGN §4.1, §10 G1): the daily copy made when the folder
//! is opened, copies the user asks for, the list the Ustawienia screen shows, and restoring one.
//!
//! Copies live in `kopie/` of the data folder under names that say when and why they were made
//! (`jst_store::backup`); the time in the name, not the file's modification time, is the copy's
//! age. The last [`KEEP`] daily and manual copies are kept; copies made before a migration or a
//! restore are never deleted by the program.

mod copies;
mod daily;
mod restore;

pub(crate) use copies::{backup_now, backups};
pub use copies::{BackupKind, BackupView, BackupsView, RestoredView, KEEP};
pub(crate) use daily::daily_backup;
pub(crate) use restore::{check_backup, restore_backup};
