//! `jst-server serve`: the release directory as static files (with HTTP Range, so clients resume
//! interrupted downloads) and the JSON API under `/v1`, with `/v1/health`; the Prometheus
//! metrics on a listener of their own ([`crate::ops`]). Each request is logged in a span with
//! its request id (echoed as `X-Request-Id`), by method and path only, never with the query
//! string or headers, so no token reaches a log.
//!
//! The accept loop is our own (hyper's HTTP/1 server) rather than `axum::serve`, which sets no
//! header timeout and no connection limit: a client sending its head a byte at a time, a body
//! that trickles, or thousands of idle connections once held sockets without end, until
//! `accept` failed for everyone. Every connection is now bounded in count and time
//! ([`ServeLimits`]).

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::extract::{ConnectInfo, DefaultBodyLimit};
use axum::http::{header, HeaderValue, Request, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{watch, Semaphore};
use tokio::time::{Instant, Sleep};
use tower::ServiceExt;
use tower_http::services::ServeDir;
use tower_http::trace::{DefaultOnResponse, TraceLayer};

use crate::ops::RequestId;
use crate::rate_limit::RateLimits;
use crate::submissions::{error, get_submission, submit, Api};
use crate::{Error, Result};
use jst_server_store::{Actor, Database, Location};

/// Largest request body the API accepts (a submission of a whole year fits many times over).
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// How often clients should look for a new release; they add their own jitter.
const SYNC_INTERVAL_HOURS: u32 = 24;

/// What one client may hold of the server, in time and connections. The command line serves
/// with the defaults; tests shorten the timeouts to about a second.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServeLimits {
    /// From when the server starts waiting for a request head to its last byte (10 s: a head
    /// is under 1 KiB, one round trip even on a poor rural link). Hyper restarts this clock
    /// whenever it waits for the next request of a kept-alive connection, so it also closes a
    /// connection that sends nothing: an idle keep-alive lasts at most this long.
    pub header_read_timeout: Duration,
    /// From the end of the head to the last byte of the body (30 s: a submission is at most
    /// 1 MiB, 30 s is ~35 KB/s, slower than any link a town hall has).
    pub body_read_timeout: Duration,
    /// A connection on which no byte moved either way for this long is closed (60 s): a client
    /// that stops reading a response (the socket buffers full), or one gone without a FIN.
    /// Longer than any handler takes, which moves no byte while it works.
    pub idle_timeout: Duration,
    /// Connections served at once (1 000: far above the ~2 900 units syncing once a day with
    /// jitter, and under the usual soft limit of 1 024 file descriptors). Further connections
    /// wait in the kernel's backlog until one closes, instead of `accept` failing with EMFILE
    /// for everyone. A static download holds a second descriptor (the file) while it runs, so
    /// a service expecting 1 000 downloads at once should raise `ulimit -n` (`LimitNOFILE=`).
    pub max_connections: usize,
    /// Rate limits of the API.
    pub rate: RateLimits,
}

impl Default for ServeLimits {
    fn default() -> Self {
        Self {
            header_read_timeout: Duration::from_secs(10),
            body_read_timeout: Duration::from_secs(30),
            idle_timeout: Duration::from_secs(60),
            max_connections: 1_000,
            rate: RateLimits::default(),
        }
    }
}

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

/// The refusals a layer may answer in plain text (a body limit of an extractor, a timeout),
/// turned into the API's JSON `{code, message}`.
async fn json_refusals(response: Response) -> Response {
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if is_json {
        return response;
    }
    match response.status() {
        StatusCode::PAYLOAD_TOO_LARGE => crate::submissions::payload_too_large(),
        StatusCode::REQUEST_TIMEOUT => crate::submissions::request_timeout(None),
        StatusCode::TOO_MANY_REQUESTS => {
            let retry = response.headers().get(header::RETRY_AFTER).cloned();
            let mut json = error(
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                "za dużo żądań; spróbuj ponownie później",
            );
            json.headers_mut()
                .insert(header::RETRY_AFTER, retry.unwrap_or(HeaderValue::from_static("60")));
            json
        }
        _ => response,
    }
}

/// The request as logged: its id, method and path only. The query string is left out (a
/// client may put a token there) and so are the headers (`Authorization`).
fn request_span<B>(request: &Request<B>) -> tracing::Span {
    let id = request.extensions().get::<RequestId>().map_or("", |r| r.0.as_str());
    tracing::info_span!(
        "request",
        request_id = %id,
        method = %request.method(),
        path = %request.uri().path(),
        version = ?request.version(),
    )
}

/// The server's routes over a release directory and its database, with default limits.
pub fn router(releases: PathBuf, storage: impl Into<Database>) -> Router {
    router_with(releases, storage, &ServeLimits::default())
}

/// The server's routes with `limits` (the rate limits and the body timeout are the router's;
/// the rest belong to the accept loop, [`serve_listener`]).
pub fn router_with(
    releases: PathBuf,
    storage: impl Into<Database>,
    limits: &ServeLimits,
) -> Router {
    routers(releases, storage.into(), limits).0
}

/// The public routes and the metrics' (`GET /metrics`), over one state.
fn routers(releases: PathBuf, storage: Database, limits: &ServeLimits) -> (Router, Router) {
    let api = Api::new(storage, &limits.rate, limits.body_read_timeout);
    let metrics = Router::new()
        .route("/metrics", get(crate::ops::metrics))
        .with_state(api.clone())
        .layer(TraceLayer::new_for_http().make_span_with(request_span))
        .layer(axum::middleware::from_fn(crate::ops::request_id));
    let public = Router::new()
        .route("/v1/config", get(config))
        .route("/v1/health", get(crate::ops::health))
        .route("/v1/submissions", post(submit))
        .route("/v1/submissions/{id}", get(get_submission))
        .route("/v1/groups", get(crate::gwd_api::groups))
        .route("/v1/groups/{id}/values", get(crate::gwd_api::values))
        .route("/v1/practices", post(crate::practices_api::propose))
        .route("/v1/{*rest}", get(not_found).post(not_found))
        .with_state(api.clone())
        .fallback_service(ServeDir::new(releases).append_index_html_on_directories(false))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(axum::middleware::map_response(json_refusals))
        // Inside the router's per-route layers, so the route template is known.
        .layer(axum::middleware::from_fn_with_state(api, crate::ops::observe))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(request_span)
                .on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
        )
        .layer(axum::middleware::from_fn(crate::ops::request_id));
    (public, metrics)
}

/// Binds `addr` (port 0 picks a free port) and serves until interrupted; `on_bound` hears the
/// actual address first, so tests and scripts can find it.
pub fn serve(
    addr: SocketAddr,
    releases: PathBuf,
    database: impl Into<Location>,
    on_bound: impl FnOnce(SocketAddr),
) -> Result<()> {
    serve_with(addr, releases, database, ServeLimits::default(), on_bound)
}

/// [`serve`] with other limits.
pub fn serve_with(
    addr: SocketAddr,
    releases: PathBuf,
    database: impl Into<Location>,
    limits: ServeLimits,
    on_bound: impl FnOnce(SocketAddr),
) -> Result<()> {
    serve_with_metrics(addr, None, releases, database, limits, |bound, _| on_bound(bound))
}

/// [`serve_with`], and the metrics on `metrics` when given (a loopback or private address:
/// the listener has no authentication). `on_bound` hears both actual addresses.
pub fn serve_with_metrics(
    addr: SocketAddr,
    metrics: Option<SocketAddr>,
    releases: PathBuf,
    database: impl Into<Location>,
    limits: ServeLimits,
    on_bound: impl FnOnce(SocketAddr, Option<SocketAddr>),
) -> Result<()> {
    let location = database.into();
    let storage = Database::open(&location, Actor::os_user())?;
    if !releases.is_dir() {
        return Err(Error::Invalid(format!("folder wydań {} nie istnieje", releases.display())));
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(Error::io("nie można uruchomić środowiska tokio"))?;
    runtime.block_on(async move {
        let listener = TcpListener::bind(addr)
            .await
            .map_err(Error::io(format!("nie można nasłuchiwać na {addr}")))?;
        let bound = listener.local_addr().map_err(Error::io("brak adresu gniazda"))?;
        let metrics = match metrics {
            None => None,
            Some(at) => Some(
                TcpListener::bind(at)
                    .await
                    .map_err(Error::io(format!("nie można nasłuchiwać na {at} (metryki)")))?,
            ),
        };
        let metrics_bound = match &metrics {
            None => None,
            Some(l) => Some(l.local_addr().map_err(Error::io("brak adresu gniazda metryk"))?),
        };
        on_bound(bound, metrics_bound);
        tracing::info!(
            address = %bound,
            metrics = %metrics_bound.map_or_else(|| "-".to_owned(), |a| a.to_string()),
            releases = %releases.display(),
            database = %location.describe(),
            "serwer uruchomiony"
        );
        let shutdown = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        serve_listeners(listener, metrics, releases, storage, limits, shutdown).await
    })
}

/// Serves on `listener` until `shutdown` completes, then lets open connections finish their
/// request (for at most the idle timeout). Runs on the caller's runtime, so a test can run it
/// on one thread under its own log subscriber.
pub async fn serve_listener(
    listener: TcpListener,
    releases: PathBuf,
    storage: impl Into<Database>,
    limits: ServeLimits,
    shutdown: impl Future<Output = ()>,
) -> Result<()> {
    serve_listeners(listener, None, releases, storage, limits, shutdown).await
}

/// [`serve_listener`], and `GET /metrics` on `metrics` when given; both stop together.
pub async fn serve_listeners(
    listener: TcpListener,
    metrics: Option<TcpListener>,
    releases: PathBuf,
    storage: impl Into<Database>,
    limits: ServeLimits,
    shutdown: impl Future<Output = ()>,
) -> Result<()> {
    if !releases.is_dir() {
        return Err(Error::Invalid(format!("folder wydań {} nie istnieje", releases.display())));
    }
    let (app, metrics_app) = routers(releases, storage.into(), &limits);
    let limits = Arc::new(limits);
    let (stop, stopping) = watch::channel(false);
    let stopped = |mut rx: watch::Receiver<bool>| async move {
        let _ = rx.wait_for(|stop| *stop).await;
    };
    let public = accept_loop(listener, app, limits.clone(), stopped(stopping.clone()));
    let private = async {
        if let Some(listener) = metrics {
            accept_loop(listener, metrics_app, limits.clone(), stopped(stopping.clone())).await;
        }
    };
    let signal = async move {
        shutdown.await;
        let _ = stop.send(true);
    };
    tokio::join!(signal, public, private);
    Ok(())
}

/// Accepts connections of `app` on `listener` until `shutdown`, at most
/// [`ServeLimits::max_connections`] at once, then waits for open ones to finish.
async fn accept_loop(
    listener: TcpListener,
    app: Router,
    limits: Arc<ServeLimits>,
    shutdown: impl Future<Output = ()>,
) {
    let slots = u32::try_from(limits.max_connections.max(1)).unwrap_or(u32::MAX);
    let permits = Arc::new(Semaphore::new(slots as usize));
    let (stop, stopping) = watch::channel(());
    tokio::pin!(shutdown);
    loop {
        // A slot first: beyond the limit, connections wait in the backlog, not in memory.
        let permit = tokio::select! {
            permit = permits.clone().acquire_owned() => match permit {
                Ok(permit) => permit,
                Err(_) => break,
            },
            () = &mut shutdown => break,
        };
        let (stream, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors, or a connection reset before it was taken:
                    // wait a little instead of spinning, keep serving the others.
                    tracing::warn!(error = %e, "nie można przyjąć połączenia");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let app = app.clone();
        let limits = limits.clone();
        let stopping = stopping.clone();
        tokio::spawn(async move {
            connection(stream, remote, app, &limits, stopping).await;
            drop(permit);
        });
    }
    drop(listener);
    drop(stop); // tells every connection to finish its request and close
    let all = permits.acquire_many(slots);
    let _ = tokio::time::timeout(limits.idle_timeout, all).await;
}

/// One connection: HTTP/1 with the header timeout, the idle timeout around the socket, the
/// peer's address for the rate limits, and a graceful close when the server stops.
async fn connection(
    stream: TcpStream,
    remote: SocketAddr,
    app: Router,
    limits: &ServeLimits,
    mut stopping: watch::Receiver<()>,
) {
    let _ = stream.set_nodelay(true);
    let io = TokioIo::new(IdleTimeout::new(stream, limits.idle_timeout));
    let service = hyper::service::service_fn(move |mut request: Request<hyper::body::Incoming>| {
        request.extensions_mut().insert(ConnectInfo(remote));
        app.clone().oneshot(request.map(axum::body::Body::new))
    });
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new()).header_read_timeout(limits.header_read_timeout);
    let conn = http.serve_connection(io, service);
    tokio::pin!(conn);
    tokio::select! {
        result = conn.as_mut() => {
            if let Err(e) = result {
                tracing::debug!(error = %e, "połączenie zakończone błędem");
            }
        }
        _ = stopping.changed() => {
            conn.as_mut().graceful_shutdown();
            let _ = conn.await;
        }
    }
}

/// A socket that fails with `TimedOut` once no byte moved either way for `timeout`.
struct IdleTimeout {
    inner: TcpStream,
    timeout: Duration,
    deadline: Pin<Box<Sleep>>,
}

impl IdleTimeout {
    fn new(inner: TcpStream, timeout: Duration) -> Self {
        Self { inner, timeout, deadline: Box::pin(tokio::time::sleep(timeout)) }
    }

    fn progressed(&mut self) {
        self.deadline.as_mut().reset(Instant::now() + self.timeout);
    }

    /// A write's outcome: bytes written restart the clock; waiting is bounded by it.
    fn wrote(
        &mut self,
        written: Poll<io::Result<usize>>,
        cx: &mut Context<'_>,
    ) -> Poll<io::Result<usize>> {
        match written {
            Poll::Ready(Ok(n)) => {
                if n > 0 {
                    self.progressed();
                }
                Poll::Ready(Ok(n))
            }
            Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
            Poll::Pending => self.waiting(cx),
        }
    }

    /// `Pending` as it is, unless the deadline has passed.
    fn waiting<T>(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<T>> {
        match self.deadline.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "połączenie bezczynne zbyt długo",
            ))),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl AsyncRead for IdleTimeout {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        match Pin::new(&mut self.inner).poll_read(cx, buf) {
            Poll::Ready(Ok(())) => {
                if buf.filled().len() > before {
                    self.progressed();
                }
                Poll::Ready(Ok(()))
            }
            Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
            Poll::Pending => self.waiting(cx),
        }
    }
}

impl AsyncWrite for IdleTimeout {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let written = Pin::new(&mut self.inner).poll_write(cx, buf);
        self.wrote(written, cx)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let written = Pin::new(&mut self.inner).poll_write_vectored(cx, bufs);
        self.wrote(written, cx)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(status: StatusCode, retry: Option<&'static str>) -> Response {
        let mut response = (status, "plain text").into_response();
        if let Some(retry) = retry {
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static(retry));
        }
        response
    }

    #[test]
    fn plain_refusals_of_layers_become_json_with_codes() {
        let runtime = tokio::runtime::Builder::new_current_thread().build().expect("runtime");
        for (status, code) in [
            (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large"),
            (StatusCode::REQUEST_TIMEOUT, "request_timeout"),
            (StatusCode::TOO_MANY_REQUESTS, "rate_limited"),
        ] {
            let response = runtime.block_on(json_refusals(refusal(status, Some("7"))));
            assert_eq!(response.status(), status);
            let content = response.headers().get(header::CONTENT_TYPE).cloned();
            assert_eq!(content, Some(HeaderValue::from_static("application/json")));
            if status == StatusCode::TOO_MANY_REQUESTS {
                let retry = response.headers().get(header::RETRY_AFTER).cloned();
                assert_eq!(retry, Some(HeaderValue::from_static("7")));
            }
            let body =
                runtime.block_on(axum::body::to_bytes(response.into_body(), 1024)).expect("body");
            let json: serde_json::Value = serde_json::from_slice(&body).expect("JSON");
            assert_eq!(json["code"], code);
            assert!(json["message"].as_str().is_some_and(|m| !m.is_empty()));
        }
        let other = runtime.block_on(json_refusals(refusal(StatusCode::NOT_FOUND, None)));
        assert_eq!(
            other.headers().get(header::CONTENT_TYPE).map(|v| v.as_bytes()),
            Some(&b"text/plain; charset=utf-8"[..])
        );
    }
}
