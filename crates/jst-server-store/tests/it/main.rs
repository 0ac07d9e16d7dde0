//! The storage on both engines: SQLite always, PostgreSQL when `JST_SERVER_TEST_POSTGRES` names
//! a running server (see `fixture`). Each engine gets its own tests, so a run lists which ran.

mod fixture;
mod import;
mod migrations;
mod parity;
mod race;
mod reading;
mod staged;

/// Makes `sqlite::NAME` and `postgres::NAME` tests of each `fn NAME(&Fixture)` of the module.
#[macro_export]
macro_rules! on_both_engines {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[test]
            fn $name() {
                super::$name(&$crate::fixture::Fixture::sqlite());
            })*
        }
        mod postgres {
            $(#[test]
            fn $name() {
                if let Some(fixture) = $crate::fixture::Fixture::postgres() {
                    super::$name(&fixture);
                }
            })*
        }
    };
}
