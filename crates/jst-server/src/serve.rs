//! `jst-server serve`: the release directory as static files (with HTTP Range, so clients resume
//! interrupted downloads) and the JSON API under `/v1`. Logs are structured (JSON lines) and
//! never contain a token.

use std::net::SocketAddr;
use std::path::PathBuf;

use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};
use tower_http::services::ServeDir;
use tower_http::trace::TraceLayer;

use crate::submissions::{get_submission, submit, Api};
use crate::{Error, Result, SqliteStorage};

/// Largest request body the API accepts (a submission of a whole year fits many times over).
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// How often clients should look for a new release; they add their own jitter.
const SYNC_INTERVAL_HOURS: u32 = 24;

async fn config() -> impl IntoResponse {
    Json(serde_json::json!({
        "api": 1,
        "sync_interval_hours": SYNC_INTERVAL_HOURS,
        "max_body_bytes": MAX_BODY_BYTES,
    }))
}

async fn not_found() -> impl IntoResponse {
    (
        StatusCode::NOT_FOUND,
        Json(serde_json::json!({"code": "not_found", "message": "nie ma takiego zasobu"})),
    )
}

/// The server's routes over a release directory and its database.
pub fn router(releases: PathBuf, storage: SqliteStorage) -> Router {
    let api = Api::new(storage);
    Router::new()
        .route("/v1/config", get(config))
        .route("/v1/submissions", post(submit))
        .route("/v1/submissions/{id}", get(get_submission))
        .route("/v1/{*rest}", get(not_found).post(not_found))
        .with_state(api)
        .fallback_service(ServeDir::new(releases).append_index_html_on_directories(false))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(TraceLayer::new_for_http())
}

/// Binds `addr` (port 0 picks a free port) and serves until interrupted; `on_bound` hears the
/// actual address first, so tests and scripts can find it.
pub fn serve(
    addr: SocketAddr,
    releases: PathBuf,
    data_dir: &std::path::Path,
    on_bound: impl FnOnce(SocketAddr),
) -> Result<()> {
    let storage = SqliteStorage::open(data_dir)?;
    if !releases.is_dir() {
        return Err(Error::Invalid(format!("folder wydań {} nie istnieje", releases.display())));
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(Error::io("nie można uruchomić środowiska tokio"))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(Error::io(format!("nie można nasłuchiwać na {addr}")))?;
        let bound = listener.local_addr().map_err(Error::io("brak adresu gniazda"))?;
        on_bound(bound);
        tracing::info!(address = %bound, releases = %releases.display(), "serwer uruchomiony");
        axum::serve(listener, router(releases, storage))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(Error::io("serwer HTTP zakończył się błędem"))
    })
}
