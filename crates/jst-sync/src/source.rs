//! Where a release comes from: the association's server (HTTP, with Range resume and
//! deadlines) or a folder.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::http::{self, Timing};
use crate::limits::Deadline;
use crate::{Error, Limits, RejectionCode};

pub trait Source {
    /// A small file whole (`latest.json`, its signature, the manifest), refused beyond `limit`.
    fn fetch(&mut self, name: &str, limit: u64) -> Result<Vec<u8>, Error>;
    /// A chunk into `part` (a `.part` file that may hold the start from an interrupted
    /// download), at most `size` bytes in all.
    fn fetch_into(&mut self, name: &str, part: &Path, size: u64) -> Result<(), Error>;
    /// Bytes received from the network so far.
    fn bytes_received(&self) -> u64;
    /// A small file that a release may lack (`practices.json` of older servers): `None` when
    /// the folder has no such file or the server answers 404.
    fn fetch_if_present(&mut self, name: &str, limit: u64) -> Result<Option<Vec<u8>>, Error>;
}

pub struct DirSource {
    root: PathBuf,
}

impl DirSource {
    pub fn new(root: &Path) -> Self {
        Self { root: root.to_owned() }
    }
}

fn read_capped(mut reader: impl Read, limit: u64, name: &str) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    reader
        .by_ref()
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(Error::io(jst_text::t!("sync-cannot-read", path = name)))?;
    if bytes.len() as u64 > limit {
        let message = jst_text::t!("sync-too-large", what = name, limit = limit);
        return Err(Error::reject(RejectionCode::TooLarge, message));
    }
    Ok(bytes)
}

impl Source for DirSource {
    fn fetch_if_present(&mut self, name: &str, limit: u64) -> Result<Option<Vec<u8>>, Error> {
        if !self.root.join(name).exists() {
            return Ok(None);
        }
        self.fetch(name, limit).map(Some)
    }

    fn fetch(&mut self, name: &str, limit: u64) -> Result<Vec<u8>, Error> {
        let path = self.root.join(name);
        let file = std::fs::File::open(&path).map_err(|e| {
            Error::reject(
                RejectionCode::MissingFile,
                jst_text::t!(
                    "sync-missing-file",
                    path = path.display().to_string(),
                    reason = e.to_string()
                ),
            )
        })?;
        read_capped(file, limit, name)
    }

    fn fetch_into(&mut self, name: &str, part: &Path, size: u64) -> Result<(), Error> {
        let bytes = self.fetch(name, size)?;
        std::fs::write(part, bytes).map_err(Error::io(jst_text::t!(
            "sync-cannot-write",
            path = part.display().to_string()
        )))
    }

    fn bytes_received(&self) -> u64 {
        0
    }
}

/// The association's server. Each request ends by its own deadline (a small file's, or a
/// chunk's sized by its declared bytes) and all of them by the sync's, counted from
/// [`HttpSource::with_limits`]; past either the sync is offline, and a chunk cut short stays as
/// its `.part` for the next run to resume.
pub struct HttpSource {
    base: String,
    client: reqwest::blocking::Client,
    received: u64,
    limits: Limits,
    deadline: Deadline,
}

impl HttpSource {
    /// A source with the production [`Limits`].
    pub fn new(base: &str) -> Result<Self, Error> {
        Self::with_limits(base, Limits::default())
    }

    /// A source whose sync must end within `limits.sync` from now.
    pub fn with_limits(base: &str, limits: Limits) -> Result<Self, Error> {
        Ok(Self {
            base: base.trim_end_matches('/').to_owned(),
            client: http::client(&limits)?,
            received: 0,
            limits,
            deadline: Deadline::after(limits.sync),
        })
    }

    fn timing(&self, name: &str, budget: std::time::Duration) -> Result<Timing, Error> {
        Timing::new(name, budget, Some((self.deadline, self.limits.sync)))
            .ok_or_else(|| http::past_sync_deadline(self.limits.sync))
    }

    fn get(
        &self,
        name: &str,
        from: u64,
        timing: &Timing,
    ) -> Result<reqwest::blocking::Response, Error> {
        let mut request =
            self.client.get(format!("{}/{name}", self.base)).timeout(timing.timeout());
        if from > 0 {
            request = request.header(reqwest::header::RANGE, format!("bytes={from}-"));
        }
        let response = request.send().map_err(|e| timing.offline(e))?;
        let status = response.status();
        if status.is_success() {
            Ok(response)
        } else if status.is_server_error() {
            Err(Error::Offline(jst_text::t!(
                "sync-server-answered",
                what = name,
                status = status.to_string()
            )))
        } else {
            Err(Error::reject(
                RejectionCode::HttpStatus,
                jst_text::t!("sync-server-answered", what = name, status = status.to_string()),
            ))
        }
    }
}

impl Source for HttpSource {
    fn fetch_if_present(&mut self, name: &str, limit: u64) -> Result<Option<Vec<u8>>, Error> {
        let timing = self.timing(name, self.limits.small_request)?;
        let response = self
            .client
            .get(format!("{}/{name}", self.base))
            .timeout(timing.timeout())
            .send()
            .map_err(|e| timing.offline(e))?;
        if response.status() == reqwest::StatusCode::NOT_FOUND {
            return Ok(None);
        }
        if !response.status().is_success() {
            // The same refusal or offline answer as any other file.
            drop(response);
            return self.fetch(name, limit).map(Some);
        }
        let bytes = http::read_capped(response, limit, &timing)?;
        self.received += bytes.len() as u64;
        Ok(Some(bytes))
    }

    fn fetch(&mut self, name: &str, limit: u64) -> Result<Vec<u8>, Error> {
        let timing = self.timing(name, self.limits.small_request)?;
        let response = self.get(name, 0, &timing)?;
        let bytes = http::read_capped(response, limit, &timing)?;
        self.received += bytes.len() as u64;
        Ok(bytes)
    }

    fn fetch_into(&mut self, name: &str, part: &Path, size: u64) -> Result<(), Error> {
        let have = std::fs::metadata(part).map(|m| m.len()).unwrap_or(0).min(size);
        let timing = self.timing(name, self.limits.chunk_request(size - have))?;
        let response = self.get(name, have, &timing)?;
        // A server that ignores Range answers 200 with the whole file: start over.
        let resumed = have > 0 && response.status() == reqwest::StatusCode::PARTIAL_CONTENT;
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .write(true)
            .append(resumed)
            .truncate(!resumed)
            .open(part)
            .map_err(Error::io(jst_text::t!(
                "sync-cannot-write",
                path = part.display().to_string()
            )))?;
        let start = if resumed { have } else { 0 };
        let mut reader = response.take(size - start + 1);
        let mut buffer = vec![0u8; 64 * 1024];
        let mut written = start;
        loop {
            // Cut short (the deadline, the network), the bytes so far stay for a resume.
            let n = reader.read(&mut buffer).map_err(|e| timing.offline(e))?;
            if n == 0 {
                break;
            }
            written += n as u64;
            if written > size {
                return Err(Error::reject(
                    RejectionCode::TooLarge,
                    jst_text::t!("sync-too-large-declared", what = name, size = size),
                ));
            }
            file.write_all(&buffer[..n]).map_err(Error::io(jst_text::t!(
                "sync-cannot-write",
                path = part.display().to_string()
            )))?;
            self.received += n as u64;
        }
        file.sync_all().map_err(Error::io(jst_text::t!(
            "sync-cannot-write",
            path = part.display().to_string()
        )))?;
        Ok(())
    }

    fn bytes_received(&self) -> u64 {
        self.received
    }
}
