//! `jst-server`: the associations' server of Monitor JST. It imports the catalogue and per-unit
//! public data, builds signed, content-addressed releases (DESIGN §7), issues unit tokens and
//! serves the release directory over HTTP with Range support, every connection bounded in count
//! and time and the API rate-limited.
//!
//! Its storage sits behind the [`Storage`] trait of `jst-server-store` (SQLite embedded,
//! PostgreSQL for production). It must not publish per-unit rows of contributed data (§8),
//! keep a token in clear text, or write a token into a log. Experience-exchange groups (`gwd`)
//! are the one exception, by consent: members see each other's values by name over the API.

pub mod aggregates;
mod bdl_api;
mod bdl_csv;
mod error;
mod gwd;
mod gwd_api;
mod input;
mod keygen;
mod mf;
mod ops;
pub mod practices;
mod practices_api;
mod rate_limit;
mod register;
mod release_build;
mod serve;
mod submissions;
mod tokens;

pub use bdl_api::{
    catalogue_variables, import_bdl, import_bdl_command, resolve_variables, BdlClient, BdlImport,
    BdlRequest, BdlSeries, BdlVariable, MappedVariable, CLIENT_ID_ENV, DEFAULT_API_URL,
    PAGE_FOLDER, VARIABLE_MAPPING,
};
pub use bdl_csv::{bdl_csv_values, BdlCsvValues};
pub use error::Error;
pub use gwd::{add_member, create_group, remove_member, UnitNames};
pub use input::{
    check_regular, import_data_file, open_input, read_input, CappedFile, DataFileImport,
    MAX_INPUT_BYTES,
};
pub use jst_server_store::{
    check_rows, Actor, Applied, AuditAction, AuditFilter, AuditRecord, DataImport, DataRow,
    Database, GwdGroup, GwdMember, GwdSource, GwdValue, ItemOutcome, Lease, Location, NewPractice,
    PracticeStatus, ReleaseStatus, SqliteStorage, Storage, StoredPractice, StoredRegister,
    SubmissionKey, SubmittedItem, TokenRecord, TokenRevocation, TokenUse, DATABASE_ENV,
};
pub use keygen::keygen;
pub use mf::{mf_values, MfValues};
pub use rate_limit::RateLimits;
pub use register::{current_register, import_register, RegisterImport, ServerRegister};
pub use release_build::{build_release, ReleaseSummary};
pub use serve::{
    router, router_with, serve, serve_listener, serve_listeners, serve_with, serve_with_metrics,
    ServeLimits, MAX_BODY_BYTES,
};
pub use tokens::{issue_token, IssuedToken};

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Now, as RFC 3339 UTC; passed down so the logic itself never reads the clock.
pub fn now() -> time::OffsetDateTime {
    time::OffsetDateTime::now_utc()
        .replace_nanosecond(0)
        .unwrap_or_else(|_| time::OffsetDateTime::now_utc())
}

pub fn rfc3339(at: time::OffsetDateTime) -> String {
    at.format(&time::format_description::well_known::Rfc3339).unwrap_or_default()
}
