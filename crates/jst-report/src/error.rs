use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("nie udało się utworzyć skoroszytu XLSX: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("nie udało się złożyć dokumentu PDF: {0}")]
    Pdf(String),
    #[error("nie udało się złożyć dokumentu DOCX: {0}")]
    Docx(String),
    #[error("nie udało się narysować wykresu: {0}")]
    Chart(String),
    #[error("nie udało się zapisać pliku {path}: {}; sprawdź, czy folder istnieje i czy plik nie jest otwarty w innym programie", reason(.source))]
    Write { path: PathBuf, source: std::io::Error },
}

/// The common causes in Polish; anything else as the system words it.
fn reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "folder nie istnieje".to_owned(),
        std::io::ErrorKind::PermissionDenied => "brak uprawnień do zapisu".to_owned(),
        std::io::ErrorKind::StorageFull => "brak miejsca na dysku".to_owned(),
        _ => e.to_string(),
    }
}
