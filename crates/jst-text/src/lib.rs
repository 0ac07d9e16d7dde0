//! Text for people, in the user's language. Every sentence the program shows (errors, import
//! findings, labels, CLI words) is a message in a Fluent catalogue, one per language
//! (`locales/pl/*.ftl`, `locales/en/*.ftl`), looked up by id with named parameters: the
//! [`t!`] macro. The language and the [`Surface`] are process-wide settings, like a locale: the
//! CLI sets them from `--lang` at start, the desktop when the user picks a language. A message
//! that sends the user somewhere names a window's screen or a `jst` command according to the
//! surface, so the window never tells anyone to run a command.

mod catalogue;
mod setting;

pub use catalogue::{message_ids, render_in, sources, Arg};
pub use setting::{language, set_language, set_surface, surface, with_language, Lang, Surface};

/// Renders message `id` with `args` in the current language and surface.
pub fn render(id: &str, args: &[(&str, Arg)]) -> String {
    render_in(language(), surface(), id, args)
}

/// A message of the catalogue in the current language: `t!("id", name = value, …)`.
#[macro_export]
macro_rules! t {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::render($id, &[$((stringify!($name), $crate::Arg::from($value))),*])
    };
}
