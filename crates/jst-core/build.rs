//! Stamps the build date into the program (`jst --version`, "O programie"): the day of
//! `SOURCE_DATE_EPOCH` when set (reproducible builds, `cargo xtask bundle`), else the day this
//! script ran — which an incremental build keeps until the script runs again.

use std::time::{SystemTime, UNIX_EPOCH};

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
        });
    let date = time::OffsetDateTime::from_unix_timestamp(seconds)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
        .date();
    println!(
        "cargo:rustc-env=JST_BUILD_DATE={:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    );
}
