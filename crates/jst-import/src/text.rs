//! Decoding of text files as DESIGN §6 prescribes: strict UTF-8 first (BOM optional), then
//! Windows-1250 only when the bytes are valid in it and the header is the expected one.

use crate::{ImportError, Problem};

/// Bytes that Windows-1250 leaves undefined; a file containing them is not Windows-1250.
const CP1250_UNDEFINED: [u8; 5] = [0x81, 0x83, 0x88, 0x90, 0x98];

/// Whether the bytes are UTF-16 (Excel's „Tekst Unicode”, Notepad's „Unicode”): a byte-order
/// mark, or exactly one NUL in the first two bytes (ASCII in UTF-16 has every other byte 0).
/// Such text without Polish letters is also valid UTF-8, full of NULs, so this is asked first.
pub(crate) fn is_utf16(bytes: &[u8]) -> bool {
    match bytes {
        [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..] => true,
        [a, b, ..] => (*a == 0) != (*b == 0),
        _ => false,
    }
}

pub(crate) fn decode(
    bytes: &[u8],
    file: &str,
    header_ok: impl Fn(&str) -> bool,
) -> Result<String, ImportError> {
    if is_utf16(bytes) {
        return Err(ImportError::single(
            file,
            Problem::file(
                "plik jest zapisany w kodowaniu UTF-16 (np. „Tekst Unicode” w Excelu); wczytywane \
                 są pliki w UTF-8 i Windows-1250. Zapisz go jako UTF-8 (w Excelu „CSV UTF-8”) i \
                 spróbuj ponownie.",
            ),
        ));
    }
    let without_bom = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let utf8_error = match std::str::from_utf8(without_bom) {
        Ok(text) => return Ok(text.to_owned()),
        Err(e) => e,
    };
    // Point at the first byte that is not UTF-8: usually the first Polish letter of the file.
    let bad = utf8_error.valid_up_to();
    let line = without_bom[..bad].iter().filter(|b| **b == b'\n').count() + 1;
    let not_cp1250 = || {
        ImportError::single(
            file,
            Problem::at(
                line,
                None,
                format!(
                    "nie rozpoznano kodowania znaków (bajt 0x{:02X} nie pasuje do UTF-8): plik nie \
                     jest ani w UTF-8, ani w Windows-1250 z oczekiwanym nagłówkiem. Zapisz go jako \
                     UTF-8 i spróbuj ponownie.",
                    without_bom[bad]
                ),
            ),
        )
    };
    if bytes.iter().any(|b| CP1250_UNDEFINED.contains(b)) {
        return Err(not_cp1250());
    }
    let (text, had_errors) = encoding_rs::WINDOWS_1250.decode_without_bom_handling(bytes);
    if had_errors || !header_ok(&text) {
        return Err(not_cp1250());
    }
    Ok(text.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let ok = |_: &str| true;
        assert_eq!(decode("Łódź".as_bytes(), "f", ok).ok().as_deref(), Some("Łódź"));
        assert_eq!(decode(b"\xEF\xBB\xBFabc", "f", ok).ok().as_deref(), Some("abc"));
    }

    #[test]
    fn windows_1250_only_with_matching_header() {
        // "WOJ\nŁódź" in Windows-1250: Ł = 0xA3, ó = 0xF3, ź = 0x9F.
        let bytes = b"WOJ\n\xA3\xF3d\x9F";
        let text = decode(bytes, "f", |t| t.starts_with("WOJ"));
        assert_eq!(text.ok().as_deref(), Some("WOJ\nŁódź"));
        assert!(decode(bytes, "f", |t| t.starts_with("XYZ")).is_err());
        assert!(decode(b"WOJ\n\x81", "f", |_| true).is_err());
    }

    #[test]
    fn utf16_is_named() {
        for bytes in [&b"\xFF\xFEW\0O\0J\0"[..], b"W\0O\0J\0", b"\0W\0O\0J", b"\xFE\xFF\0W"] {
            let err = decode(bytes, "f", |_| true).expect_err("UTF-16");
            assert!(err.to_string().contains("UTF-16"), "{err}");
        }
        assert!(!is_utf16(b"WOJ") && !is_utf16(b"") && !is_utf16(b"W") && !is_utf16(b"\0\0"));
    }
}
