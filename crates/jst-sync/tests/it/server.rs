//! A small HTTP/1.1 server on 127.0.0.1 port 0 that answers as a test tells it to, honest or
//! hostile: a file of the release folder (with Range), a body trickled a byte at a time, a
//! stall in the middle, an answer far larger than any real one. One thread per connection; a
//! connection ends when its answer is sent or the client has gone.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A request as the server saw it.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    pub path: String,
    pub range: Option<String>,
    /// `Authorization`, as sent.
    pub authorization: Option<String>,
    /// `If-None-Match`, as sent.
    pub if_none_match: Option<String>,
}

/// What to send back.
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Body,
    /// Whether `Content-Length` is sent (otherwise the body ends when the connection closes).
    pub declare_length: bool,
    pub pace: Pace,
    pub extra_headers: Vec<(String, String)>,
}

pub enum Body {
    Bytes(Vec<u8>),
    /// `len` copies of one byte, produced as they are sent (no allocation of the whole).
    Repeat(u8, u64),
}

impl Body {
    fn len(&self) -> u64 {
        match self {
            Self::Bytes(b) => b.len() as u64,
            Self::Repeat(_, n) => *n,
        }
    }
}

/// How the body goes out: the first `at_once` bytes immediately, then, after `pause`, the rest
/// one byte every `every` (or at once when `every` is zero).
#[derive(Debug, Clone, Copy)]
pub struct Pace {
    pub at_once: u64,
    pub pause: Duration,
    pub every: Duration,
}

impl Pace {
    pub const AT_ONCE: Self =
        Self { at_once: u64::MAX, pause: Duration::ZERO, every: Duration::ZERO };

    /// One byte every `every` from the start.
    pub fn trickle(every: Duration) -> Self {
        Self { at_once: 0, pause: Duration::ZERO, every }
    }
}

impl Reply {
    pub fn ok(content_type: &'static str, body: Vec<u8>) -> Self {
        Self {
            status: 200,
            content_type,
            body: Body::Bytes(body),
            declare_length: true,
            pace: Pace::AT_ONCE,
            extra_headers: Vec::new(),
        }
    }

    pub fn not_found() -> Self {
        Self { status: 404, ..Self::ok("text/plain", b"nie ma".to_vec()) }
    }

    pub fn paced(mut self, pace: Pace) -> Self {
        self.pace = pace;
        self
    }

    /// A file of `root` at `path` (`/latest.json`, `/chunks/<sha256>`), honouring `Range:
    /// bytes=N-` as the association's server does.
    pub fn file(root: &Path, request: &Request) -> Self {
        let Ok(bytes) = std::fs::read(root.join(request.path.trim_start_matches('/'))) else {
            return Self::not_found();
        };
        let from = request
            .range
            .as_deref()
            .and_then(|r| r.strip_prefix("bytes="))
            .and_then(|r| r.strip_suffix('-'))
            .and_then(|n| n.parse::<usize>().ok())
            .filter(|n| *n < bytes.len());
        match from {
            Some(from) => {
                let total = bytes.len();
                let mut reply = Self::ok("application/octet-stream", bytes[from..].to_vec());
                reply.status = 206;
                reply
                    .extra_headers
                    .push(("Content-Range".into(), format!("bytes {from}-{}/{total}", total - 1)));
                reply
            }
            None => Self::ok("application/octet-stream", bytes),
        }
    }
}

pub struct TestServer {
    pub url: String,
    seen: Arc<Mutex<Vec<Request>>>,
}

impl TestServer {
    pub fn start(handler: impl Fn(&Request) -> Reply + Send + Sync + 'static) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let url = format!("http://{}", listener.local_addr().expect("addr"));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let handler = Arc::new(handler);
        let log = Arc::clone(&seen);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (handler, log) = (Arc::clone(&handler), Arc::clone(&log));
                std::thread::spawn(move || {
                    let _ = serve(stream, handler.as_ref(), &log);
                });
            }
        });
        Self { url, seen }
    }

    /// Every request so far, in order of arrival.
    pub fn seen(&self) -> Vec<Request> {
        self.seen.lock().expect("log").clone()
    }
}

fn serve(
    stream: TcpStream,
    handler: &(dyn Fn(&Request) -> Reply + Send + Sync),
    log: &Mutex<Vec<Request>>,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or_default().to_owned();
    let path = parts.next().unwrap_or_default().to_owned();
    let (mut range, mut length) = (None, 0u64);
    let (mut authorization, mut if_none_match) = (None, None);
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            let value = value.trim().to_owned();
            match name.trim().to_ascii_lowercase().as_str() {
                "range" => range = Some(value),
                "content-length" => length = value.parse().unwrap_or(0),
                "authorization" => authorization = Some(value),
                "if-none-match" => if_none_match = Some(value),
                _ => {}
            }
        }
    }
    std::io::copy(&mut reader.by_ref().take(length), &mut std::io::sink())?;
    let request = Request { method, path, range, authorization, if_none_match };
    log.lock().expect("log").push(request.clone());
    let reply = handler(&request);
    let mut out = stream;
    let mut head = format!(
        "HTTP/1.1 {} X\r\nContent-Type: {}\r\nConnection: close\r\n",
        reply.status, reply.content_type
    );
    if reply.declare_length {
        head.push_str(&format!("Content-Length: {}\r\n", reply.body.len()));
    }
    for (name, value) in &reply.extra_headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    out.write_all(head.as_bytes())?;
    out.flush()?;
    let total = reply.body.len();
    let byte_at = |i: u64| match &reply.body {
        Body::Bytes(b) => b[i as usize],
        Body::Repeat(byte, _) => *byte,
    };
    let at_once = reply.pace.at_once.min(total);
    let mut buffer = Vec::with_capacity(64 * 1024);
    let mut sent = 0u64;
    while sent < at_once {
        buffer.clear();
        let end = (sent + 64 * 1024).min(at_once);
        buffer.extend((sent..end).map(byte_at));
        out.write_all(&buffer)?;
        sent = end;
    }
    out.flush()?;
    if sent < total {
        std::thread::sleep(reply.pace.pause);
    }
    while sent < total {
        if reply.pace.every.is_zero() {
            let end = (sent + 64 * 1024).min(total);
            buffer.clear();
            buffer.extend((sent..end).map(byte_at));
            out.write_all(&buffer)?;
            sent = end;
        } else {
            std::thread::sleep(reply.pace.every);
            out.write_all(&[byte_at(sent)])?;
            out.flush()?;
            sent += 1;
        }
    }
    out.flush()
}
