//! Files the user names: read with a size cap (a bad file is invalid input, not a fault of the
//! data folder) and written crash-safely (a crash leaves the old file or the new one).

use std::path::Path;

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
            std::io::ErrorKind::NotFound => "plik nie istnieje; sprawdź nazwę i folder".to_owned(),
            std::io::ErrorKind::PermissionDenied => "brak uprawnień do odczytu pliku".to_owned(),
            _ => format!("nie można odczytać pliku ({e})"),
        })
    };
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    if size > cap {
        return Err(invalid(format!("plik ma {size} bajtów, więcej niż dopuszczalne {cap}")));
    }
    std::fs::read(path).map_err(unreadable)
}

/// An input file of at most [`MAX_INPUT_BYTES`], with the name a user recognises it by.
pub(crate) fn read_input(path: &Path) -> Result<(String, Vec<u8>)> {
    Ok((file_label(path), read_capped(path, MAX_INPUT_BYTES)?))
}

/// The name a user recognises a file by in messages.
pub(crate) fn file_label(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Writes `bytes` to a temporary file beside `path`, syncs it and renames it into place, so a
/// crash leaves either the old file or the new one.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let context = || format!("nie można zapisać pliku {}", path.display());
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let temp = dir.join(format!(".{}.tmp", file_label(path)));
    let mut out = std::fs::File::create(&temp).map_err(Error::io(context()))?;
    out.write_all(bytes).map_err(Error::io(context()))?;
    out.sync_all().map_err(Error::io(context()))?;
    std::fs::rename(&temp, path).map_err(Error::io(context()))?;
    Ok(())
}
