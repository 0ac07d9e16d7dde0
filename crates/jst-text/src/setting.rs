//! The process-wide language and surface, with a per-thread override for tests and for work
//! done for someone else (the server renders findings for its log in Polish).

use std::cell::Cell;
use std::sync::atomic::{AtomicU8, Ordering};

/// A language the program speaks; its code is the BCP 47 tag.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Pl,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Pl, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Pl => "pl",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code().eq_ignore_ascii_case(code.trim()))
    }
}

/// Where a message is shown: it decides whether a hint names a screen or a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Surface {
    /// The `jst` command line (and the server's command line).
    #[default]
    Cli,
    /// The desktop window.
    Window,
}

impl Surface {
    pub const ALL: [Surface; 2] = [Surface::Cli, Surface::Window];

    /// The value of the `$surface` variable every message can select on.
    pub fn code(self) -> &'static str {
        match self {
            Surface::Cli => "cli",
            Surface::Window => "window",
        }
    }
}

static LANGUAGE: AtomicU8 = AtomicU8::new(0);
static SURFACE: AtomicU8 = AtomicU8::new(0);

thread_local! {
    static OVERRIDE: Cell<Option<Lang>> = const { Cell::new(None) };
}

pub fn set_language(lang: Lang) {
    LANGUAGE.store(lang as u8, Ordering::Relaxed);
}

pub fn language() -> Lang {
    OVERRIDE.with(Cell::get).unwrap_or(match LANGUAGE.load(Ordering::Relaxed) {
        1 => Lang::En,
        _ => Lang::Pl,
    })
}

pub fn set_surface(surface: Surface) {
    SURFACE.store(surface as u8, Ordering::Relaxed);
}

pub fn surface() -> Surface {
    match SURFACE.load(Ordering::Relaxed) {
        1 => Surface::Window,
        _ => Surface::Cli,
    }
}

/// Runs `work` with this thread speaking `lang`, whatever the process-wide setting.
pub fn with_language<R>(lang: Lang, work: impl FnOnce() -> R) -> R {
    let before = OVERRIDE.with(|cell| cell.replace(Some(lang)));
    let result = work();
    OVERRIDE.with(|cell| cell.set(before));
    result
}
