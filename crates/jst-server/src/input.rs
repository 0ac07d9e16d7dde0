//! Files the association names on the command line: only regular files are read (opening a FIFO
//! without a writer blocks, a device never ends), and never more than a cap, counted on the
//! bytes read rather than the size reported beforehand.

use std::io::Read;
use std::path::Path;

use crate::{Error, Result};

/// The national public-values CSV is about 400 MB; nothing the server imports whole comes near
/// a gigabyte (MF files are streamed and only checked to be regular files).
pub const MAX_INPUT_BYTES: u64 = 1024 * 1024 * 1024;

/// Refuses anything but a regular file, naming it.
pub fn check_regular(path: &Path) -> Result<()> {
    let metadata = std::fs::metadata(path)
        .map_err(Error::io(format!("nie można odczytać {}", path.display())))?;
    if !metadata.is_file() {
        return Err(Error::Invalid(format!(
            "{}: to nie jest zwykły plik (folder, urządzenie lub potok); wskaż plik z danymi",
            path.display()
        )));
    }
    Ok(())
}

/// A regular file of at most `cap` bytes.
pub fn read_input(path: &Path, cap: u64) -> Result<Vec<u8>> {
    check_regular(path)?;
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(cap + 1).read_to_end(&mut bytes))
        .map_err(Error::io(format!("nie można odczytać {}", path.display())))?;
    if bytes.len() as u64 > cap {
        return Err(Error::Invalid(format!(
            "{}: plik jest większy niż dopuszczalne {cap} bajtów",
            path.display()
        )));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::read_input;

    #[test]
    fn folders_devices_and_files_over_the_cap_are_refused() {
        let dir = tempfile::tempdir().expect("tmp");
        assert!(read_input(dir.path(), 10).is_err_and(|e| e.exit_code() == 3));
        #[cfg(unix)]
        assert!(read_input(std::path::Path::new("/dev/zero"), 10)
            .is_err_and(|e| e.to_string().contains("nie jest zwykły plik")));
        let file = dir.path().join("dane.csv");
        std::fs::write(&file, b"12345678901").expect("write");
        assert!(read_input(&file, 10).is_err_and(|e| e.exit_code() == 3));
        assert_eq!(read_input(&file, 11).expect("read").len(), 11);
    }
}
