/// A failure inside polars; with the finite values this crate passes in it should not happen.
#[derive(Debug, thiserror::Error)]
#[error("{}", jst_text::t!("core-analytics-failed", reason = .0.to_string()))]
pub struct Error(#[from] pub polars::error::PolarsError);
