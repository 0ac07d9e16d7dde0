//! The catalogues, built once per language from the `.ftl` files compiled into the program.

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::{Lang, Surface};

/// The files of one language, in the order they are added; ids are unique across them.
macro_rules! locale_files {
    ($lang:literal: $($file:literal),* $(,)?) => {
        &[$(($file, include_str!(concat!("../locales/", $lang, "/", $file)))),*]
    };
}

const POLISH: &[(&str, &str)] = locale_files!("pl":
    "common.ftl", "domain.ftl", "import.ftl", "store.ftl", "core.ftl", "sync.ftl",
    "release.ftl", "cli.ftl", "desktop.ftl");
const ENGLISH: &[(&str, &str)] = locale_files!("en":
    "common.ftl", "domain.ftl", "import.ftl", "store.ftl", "core.ftl", "sync.ftl",
    "release.ftl", "cli.ftl", "desktop.ftl");

/// The source files of a language, for the catalogue's own checks.
pub fn sources(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::Pl => POLISH,
        Lang::En => ENGLISH,
    }
}

/// A parameter of a message: counts are numbers (Polish plural forms select on them); amounts
/// with decimals are formatted by the caller (pl-PL), and pass as text.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    Number(i64),
}

impl Arg {
    pub fn text(value: impl std::fmt::Display) -> Self {
        Arg::Text(value.to_string())
    }
}

impl From<&str> for Arg {
    fn from(value: &str) -> Self {
        Arg::Text(value.to_owned())
    }
}
impl From<String> for Arg {
    fn from(value: String) -> Self {
        Arg::Text(value)
    }
}
impl From<&String> for Arg {
    fn from(value: &String) -> Self {
        Arg::Text(value.clone())
    }
}
impl From<Cow<'_, str>> for Arg {
    fn from(value: Cow<'_, str>) -> Self {
        Arg::Text(value.into_owned())
    }
}
macro_rules! number_args {
    ($($ty:ty),*) => {$(
        impl From<$ty> for Arg {
            fn from(value: $ty) -> Self {
                Arg::Number(i64::try_from(value).unwrap_or(i64::MAX))
            }
        }
        impl From<&$ty> for Arg {
            fn from(value: &$ty) -> Self {
                Arg::from(*value)
            }
        }
    )*};
}
number_args!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize);

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    let bundles = BUNDLES.get_or_init(|| [build(Lang::Pl), build(Lang::En)]);
    &bundles[lang as usize]
}

fn build(lang: Lang) -> Bundle {
    let tag = lang.code().parse().expect("a language code is a valid tag");
    let mut bundle = FluentBundle::new_concurrent(vec![tag]);
    // Unicode isolation marks around parameters would show up in terminals and CSV files.
    bundle.set_use_isolating(false);
    for (file, source) in sources(lang) {
        let resource = FluentResource::try_new((*source).to_owned())
            .unwrap_or_else(|(_, errors)| panic!("{}/{file}: {errors:?}", lang.code()));
        bundle
            .add_resource(resource)
            .unwrap_or_else(|errors| panic!("{}/{file}: {errors:?}", lang.code()));
    }
    bundle
}

/// Renders message `id` in `lang` for `surface`. An id missing from the catalogue renders as
/// itself (the catalogue's tests keep every id used in the code present in both languages).
pub fn render_in(lang: Lang, surface: Surface, id: &str, args: &[(&str, Arg)]) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|message| message.value()) else {
        return id.to_owned();
    };
    let mut fluent_args = FluentArgs::with_capacity(args.len() + 1);
    fluent_args.set("surface", surface.code());
    for (name, value) in args {
        match value {
            Arg::Text(text) => fluent_args.set(*name, FluentValue::from(text.as_str())),
            Arg::Number(number) => fluent_args.set(*name, FluentValue::from(*number)),
        }
    }
    let mut errors = Vec::new();
    bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned()
}

/// Every message id of the catalogue (the Polish one, which the English one must match).
pub fn message_ids() -> Vec<String> {
    let mut ids = Vec::new();
    for (_, source) in sources(Lang::Pl) {
        if let Ok(resource) = fluent_syntax::parser::parse(*source) {
            for entry in resource.body {
                if let fluent_syntax::ast::Entry::Message(message) = entry {
                    ids.push(message.id.name.to_owned());
                }
            }
        }
    }
    ids
}
