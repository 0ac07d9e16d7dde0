//! Files the user names: read with a size cap (a bad file is invalid input, not a fault of the
//! data folder) and written crash-safely (a crash leaves the old file or the new one).

use std::path::Path;

use jst_text::t;

use crate::{Error, Result};

/// Input files larger than this are refused: the full TERC register is about 200 kB, a large
/// strategy or value file well under a megabyte.
pub(crate) const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// Reads an input file the user named; a file that cannot be read is invalid input (exit 3),
/// not a fault of the data folder.
pub(crate) fn read_capped(path: &Path, cap: u64) -> Result<Vec<u8>> {
    let invalid = |message: String| {
        Error::Import(jst_import::ImportError::single(
            &path.display().to_string(),
            jst_import::Problem::file(message),
        ))
    };
    let unreadable = |e: std::io::Error| {
        invalid(match e.kind() {
            std::io::ErrorKind::NotFound => t!("core-file-missing"),
            std::io::ErrorKind::PermissionDenied => t!("core-file-no-permission"),
            _ => t!("core-file-unreadable", reason = e.to_string()),
        })
    };
    // A FIFO, a device or a folder is refused before it is opened: opening a FIFO without a
    // writer blocks, and /dev/zero never ends.
    let metadata = std::fs::metadata(path).map_err(unreadable)?;
    if !metadata.is_file() {
        return Err(invalid(t!("core-not-a-regular-file")));
    }
    let too_large = |size: u64| invalid(t!("core-file-too-large", size = size, cap = cap));
    if metadata.len() > cap {
        return Err(too_large(metadata.len()));
    }
    // The cap holds for the bytes read, not only for the size reported when it was checked.
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    std::fs::File::open(path)
        .and_then(|f| std::io::Read::read_to_end(&mut std::io::Read::take(f, cap + 1), &mut bytes))
        .map_err(unreadable)?;
    if bytes.len() as u64 > cap {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// An input file of at most [`MAX_INPUT_BYTES`], with the name a user recognises it by.
pub(crate) fn read_input(path: &Path) -> Result<(String, Vec<u8>)> {
    Ok((file_label(path), read_capped(path, MAX_INPUT_BYTES)?))
}

/// The name a user recognises a file by in messages, and under which its values are stored
/// (their source); control characters a file name may hold are defused, as in every message.
pub(crate) fn file_label(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    jst_import::printable(&name)
}

/// Writes `bytes` to a temporary file beside `path`, syncs it and renames it into place, so a
/// crash leaves either the old file or the new one.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let context = || t!("core-cannot-write-file", path = path.display().to_string());
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let temp = dir.join(format!(".{}.tmp", file_label(path)));
    let mut out = std::fs::File::create(&temp).map_err(Error::io(context()))?;
    out.write_all(bytes).map_err(Error::io(context()))?;
    out.sync_all().map_err(Error::io(context()))?;
    std::fs::rename(&temp, path).map_err(Error::io(context()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::read_capped;

    #[test]
    fn only_regular_files_are_read_and_never_beyond_the_cap() {
        let dir = tempfile::tempdir().expect("tmp");
        let folder = read_capped(dir.path(), 100).expect_err("a folder");
        assert!(folder.to_string().contains("nie jest zwykły plik"), "{folder}");
        #[cfg(unix)]
        {
            let zero = read_capped(std::path::Path::new("/dev/zero"), 100).expect_err("a device");
            assert!(zero.to_string().contains("nie jest zwykły plik"), "{zero}");
            let fifo = dir.path().join("potok");
            let made = std::process::Command::new("mkfifo").arg(&fifo).status();
            if made.is_ok_and(|s| s.success()) {
                // Refused at once, without waiting for a writer.
                let refused = read_capped(&fifo, 100).expect_err("a FIFO");
                assert!(refused.to_string().contains("nie jest zwykły plik"), "{refused}");
            }
        }
        assert_eq!(
            super::file_label(std::path::Path::new("/x/zle\x1b[2J.csv")),
            "zle\u{FFFD}[2J.csv"
        );
        let file = dir.path().join("dane.csv");
        std::fs::write(&file, vec![b'x'; 101]).expect("write");
        assert!(read_capped(&file, 100).is_err());
        assert_eq!(read_capped(&file, 101).expect("read").len(), 101);
    }
}
