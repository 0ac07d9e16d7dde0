//! Attachments of the good-practice base, fetched when someone opens one and kept in a cache
//! by their SHA-256 (a release names them `attachments/<sha256>` and lists their size). A cached
//! copy is used only when its bytes still hash to its name; a fetched one only when its hash is
//! the listed one and its first bytes are a PDF, PNG or JPEG. It reaches the cache by a rename,
//! so the cache never holds a part of a file under the final name.

use std::io::Write;
use std::path::{Path, PathBuf};

use jst_domain::AttachmentKind;
use jst_release::{sha256_hex, ATTACHMENTS_DIR};

use crate::{Error, RejectionCode, Source};

/// Largest attachment the desktop fetches (the server refuses larger ones at import).
pub const MAX_ATTACHMENT_BYTES: u64 = 10 * 1024 * 1024;

/// The cached copy of an attachment when its bytes still hash to `sha256`, else `None`.
pub fn cached_attachment(sha256: &str, cache_dir: &Path) -> Option<PathBuf> {
    if !is_sha256(sha256) {
        return None;
    }
    let path = cache_dir.join(sha256);
    let bytes = std::fs::read(&path).ok()?;
    (sha256_hex(&bytes) == sha256 && AttachmentKind::from_magic(&bytes).is_some()).then_some(path)
}

/// The attachment `sha256` of `size` bytes: from the cache without any request when a verified
/// copy is there, else fetched from `source` (at most `size` and [`MAX_ATTACHMENT_BYTES`]),
/// verified and renamed into `cache_dir`. A refused file leaves nothing behind.
pub fn fetch_attachment(
    source: &mut dyn Source,
    sha256: &str,
    size: u64,
    cache_dir: &Path,
) -> Result<PathBuf, Error> {
    if !is_sha256(sha256) {
        let message = jst_text::t!("sync-attachment-bad-name", sha = sha256);
        return Err(Error::reject(RejectionCode::Malformed, message));
    }
    if let Some(path) = cached_attachment(sha256, cache_dir) {
        return Ok(path);
    }
    if size > MAX_ATTACHMENT_BYTES {
        let message =
            jst_text::t!("sync-attachment-too-large", size = size, limit = MAX_ATTACHMENT_BYTES);
        return Err(Error::reject(RejectionCode::TooLarge, message));
    }
    let cannot_write = |path: &Path| {
        Error::io(jst_text::t!("sync-cannot-write", path = path.display().to_string()))
    };
    std::fs::create_dir_all(cache_dir).map_err(cannot_write(cache_dir))?;
    let part = cache_dir.join(format!("{sha256}.part"));
    source.fetch_into(&format!("{ATTACHMENTS_DIR}/{sha256}"), &part, size)?;
    let bytes = std::fs::read(&part)
        .map_err(Error::io(jst_text::t!("sync-cannot-read", path = part.display().to_string())))?;
    let refuse = |code: RejectionCode, message: String| {
        // A corrupt or foreign file must neither be resumed nor kept.
        let _ = std::fs::remove_file(&part);
        Err(Error::reject(code, message))
    };
    if sha256_hex(&bytes) != sha256 {
        return refuse(RejectionCode::HashMismatch, jst_text::t!("sync-attachment-hash"));
    }
    if AttachmentKind::from_magic(&bytes).is_none() {
        return refuse(RejectionCode::Malformed, jst_text::t!("sync-attachment-kind"));
    }
    // The folder source writes without syncing: the bytes reach the disk before the rename.
    std::fs::OpenOptions::new()
        .append(true)
        .open(&part)
        .and_then(|mut f| f.flush().and_then(|()| f.sync_all()))
        .map_err(cannot_write(&part))?;
    let done = cache_dir.join(sha256);
    std::fs::rename(&part, &done).map_err(cannot_write(&done))?;
    Ok(done)
}

fn is_sha256(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DirSource;

    const PDF: &[u8] = b"%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n";

    /// A release folder holding `bytes` as `attachments/<name>`.
    fn release(bytes: &[u8], name: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join(ATTACHMENTS_DIR)).expect("dir");
        std::fs::write(dir.path().join(ATTACHMENTS_DIR).join(name), bytes).expect("write");
        dir
    }

    fn cache_files(cache: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(cache)
            .map(|d| d.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
            .unwrap_or_default();
        names.sort();
        names
    }

    #[test]
    fn an_attachment_is_fetched_once_then_served_from_the_cache_without_its_source() {
        let sha = sha256_hex(PDF);
        let folder = release(PDF, &sha);
        let cache = tempfile::tempdir().expect("cache");
        let cache = cache.path().join("zalaczniki");
        let mut source = DirSource::new(folder.path());
        let path = fetch_attachment(&mut source, &sha, PDF.len() as u64, &cache).expect("fetch");
        assert_eq!(path, cache.join(&sha));
        assert_eq!(std::fs::read(&path).expect("read"), PDF);
        assert_eq!(cache_files(&cache), vec![sha.clone()], "no part file left");

        // The release's copy gone: the cache answers, no request is made.
        std::fs::remove_file(folder.path().join(ATTACHMENTS_DIR).join(&sha)).expect("rm");
        let again = fetch_attachment(&mut source, &sha, PDF.len() as u64, &cache).expect("cache");
        assert_eq!(again, path);
        assert_eq!(cached_attachment(&sha, &cache), Some(path.clone()));

        // A cached copy changed on disk is not trusted: fetched again (here: missing).
        std::fs::write(&path, b"%PDF-1.7 changed").expect("tamper");
        assert_eq!(cached_attachment(&sha, &cache), None);
        let missing = fetch_attachment(&mut source, &sha, PDF.len() as u64, &cache);
        assert!(
            matches!(&missing, Err(Error::Rejected(r)) if r.code == RejectionCode::MissingFile),
            "{missing:?}"
        );
    }

    #[test]
    fn a_file_whose_hash_differs_is_refused_and_nothing_is_kept() {
        let claimed = sha256_hex(b"something else");
        let folder = release(PDF, &claimed);
        let cache = tempfile::tempdir().expect("cache");
        let mut source = DirSource::new(folder.path());
        let err = fetch_attachment(&mut source, &claimed, PDF.len() as u64, cache.path())
            .expect_err("refused");
        match &err {
            Error::Rejected(r) => {
                assert_eq!(r.code, RejectionCode::HashMismatch);
                assert!(r.message.contains("skrót"), "{}", r.message);
            }
            other => panic!("{other:?}"),
        }
        assert!(cache_files(cache.path()).is_empty(), "{:?}", cache_files(cache.path()));
    }

    #[test]
    fn sizes_are_capped_by_the_listing_and_by_ten_mebibytes() {
        let sha = sha256_hex(PDF);
        let folder = release(PDF, &sha);
        let cache = tempfile::tempdir().expect("cache");
        let mut source = DirSource::new(folder.path());
        // Listed smaller than it is: refused as too large, nothing kept.
        let short = fetch_attachment(&mut source, &sha, 10, cache.path()).expect_err("cap");
        assert!(
            matches!(&short, Error::Rejected(r) if r.code == RejectionCode::TooLarge),
            "{short:?}"
        );
        assert!(cache_files(cache.path()).iter().all(|n| !n.ends_with(&sha)), "not kept");
        // Listed beyond the cap: refused before any request.
        let huge = fetch_attachment(&mut source, &sha, MAX_ATTACHMENT_BYTES + 1, cache.path())
            .expect_err("cap");
        assert!(matches!(&huge, Error::Rejected(r) if r.code == RejectionCode::TooLarge));
        assert!(huge.to_string().contains("10485760"), "{huge}");
    }

    #[test]
    fn only_pdf_png_and_jpeg_are_kept() {
        let html = b"<html><script>alert(1)</script></html>";
        let sha = sha256_hex(html);
        let folder = release(html, &sha);
        let cache = tempfile::tempdir().expect("cache");
        let mut source = DirSource::new(folder.path());
        let err =
            fetch_attachment(&mut source, &sha, html.len() as u64, cache.path()).expect_err("kind");
        assert!(
            matches!(&err, Error::Rejected(r) if r.code == RejectionCode::Malformed),
            "{err:?}"
        );
        assert!(cache_files(cache.path()).is_empty());
        let bad = fetch_attachment(&mut source, "../../etc/passwd", 10, cache.path());
        assert!(matches!(bad, Err(Error::Rejected(_))));
    }
}
