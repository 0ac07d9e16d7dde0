/// A failure inside polars; with the finite values this crate passes in it should not happen.
#[derive(Debug, thiserror::Error)]
#[error("błąd obliczeń porównawczych: {0}")]
pub struct Error(#[from] pub polars::error::PolarsError);
