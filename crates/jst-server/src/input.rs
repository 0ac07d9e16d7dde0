//! Files the association names on the command line: only regular files are read (opening a FIFO
//! without a writer blocks, a device never ends), and never more than a cap, counted on the
//! bytes read rather than the size reported beforehand.

use std::io::Read;
use std::path::Path;

use crate::{DataImport, DataRow, Error, Result, Storage};
use jst_server_store::{ImportKind, ImportRow};

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

/// A regular file of at most `cap` bytes, to be read as a stream: its size is checked first,
/// and the reads themselves stop past the cap (a file that grows while it is read).
pub fn open_input(path: &Path, cap: u64) -> Result<CappedFile> {
    check_regular(path)?;
    let file = std::fs::File::open(path)
        .map_err(Error::io(format!("nie można odczytać {}", path.display())))?;
    let size =
        file.metadata().map_err(Error::io(format!("nie można odczytać {}", path.display())))?.len();
    if size > cap {
        return Err(Error::Invalid(format!(
            "{}: plik jest większy niż dopuszczalne {cap} bajtów",
            path.display()
        )));
    }
    Ok(CappedFile { file, at: 0, cap })
}

/// A file read no further than its cap.
pub struct CappedFile {
    file: std::fs::File,
    at: u64,
    cap: u64,
}

impl Read for CappedFile {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.file.read(buf)?;
        self.at += n as u64;
        if self.at > self.cap {
            return Err(std::io::Error::other(format!(
                "plik jest większy niż dopuszczalne {} bajtów",
                self.cap
            )));
        }
        Ok(n)
    }
}

impl std::io::Seek for CappedFile {
    fn seek(&mut self, to: std::io::SeekFrom) -> std::io::Result<u64> {
        self.at = self.file.seek(to)?;
        Ok(self.at)
    }
}

/// What `import data` did: the rows read, what the storage did with them, and the file's
/// warnings.
#[derive(Debug)]
pub struct DataFileImport {
    pub rows: usize,
    pub done: DataImport,
    pub warnings: Vec<jst_import::Problem>,
}

/// `import data FILE`: the public values of a file streamed into the storage's staged import
/// as they are read and checked, in memory that does not grow with the file. A problem
/// anywhere in the file, at its last line too, fails the import with nothing written.
pub fn import_data_file(
    storage: &mut dyn Storage,
    path: &Path,
    at: &str,
) -> Result<DataFileImport> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("dane").to_owned();
    let input = open_input(path, MAX_INPUT_BYTES)?;
    let mut stream = jst_import::PublicValueStream::open(input, &name)?;
    // The parse's own error, kept whole (its lines and exit code) while the storage sees a
    // stand-in that stops the import.
    let mut refused: Option<jst_import::ImportError> = None;
    let mut rows = 0usize;
    let imported = {
        let mut values = std::iter::from_fn(|| match stream.next()? {
            Ok(r) => {
                rows += 1;
                Some(Ok(ImportRow::Value(DataRow {
                    teryt: r.teryt.as_str().to_owned(),
                    indicator: r.indicator,
                    year: r.year,
                    value: r.value,
                })))
            }
            Err(e) => {
                let stand_in = jst_server_store::Error::Invalid(e.to_string());
                refused = Some(e);
                Some(Err(stand_in))
            }
        });
        storage.import(ImportKind::Values, &mut values, &name, at)
    };
    if let Some(e) = refused {
        return Err(e.into());
    }
    let done = imported?;
    Ok(DataFileImport { rows, done, warnings: stream.warnings().to_vec() })
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
