//! Decoding of text files as DESIGN §6 prescribes: strict UTF-8 first (BOM optional), then
//! Windows-1250 only when the bytes are valid in it and the header is the expected one. A file
//! in ISO-8859-2 (Latin-2, still written by some older systems) would pass as Windows-1250 with
//! ą ś ź Ą Ś Ź turned into ± ¶ ź ˇ ¦ ¬ („Ludno¶ć”); it is told apart by the bytes where the two
//! differ, read as ISO-8859-2 when that is unambiguous and refused, naming both, when not.

use jst_text::t;

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
        return Err(ImportError::single(file, Problem::file(t!("import-text-utf16"))));
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
                t!("import-text-unknown-encoding", byte = format!("0x{:02X}", without_bom[bad])),
            ),
        )
    };
    if bytes.iter().any(|b| CP1250_UNDEFINED.contains(b)) {
        return Err(not_cp1250());
    }
    let encoding = match single_byte_encoding(bytes) {
        Latin2::No => encoding_rs::WINDOWS_1250,
        Latin2::Yes => encoding_rs::ISO_8859_2,
        Latin2::Ambiguous { iso, windows } => {
            let line = bytes[..iso.min(windows)].iter().filter(|b| **b == b'\n').count() + 1;
            return Err(ImportError::single(
                file,
                Problem::at(
                    line,
                    None,
                    t!(
                        "import-text-ambiguous-encoding",
                        iso_byte = format!("0x{:02X}", bytes[iso]),
                        iso_letter = latin2_letter(bytes[iso]).to_string(),
                        windows_byte = format!("0x{:02X}", bytes[windows]),
                        windows_letter = cp1250_letter(bytes[windows]).to_string(),
                    ),
                ),
            ));
        }
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors || !header_ok(&text) {
        return Err(not_cp1250());
    }
    Ok(text.into_owned())
}

/// Bytes that are Polish letters in ISO-8859-2 (Ą Ś Ź ą ś ź) and symbols in Windows-1250
/// (ˇ ¦ ¬ ± ¶ and the Slovak Ľ).
const LATIN2_LETTERS: [u8; 6] = [0xA1, 0xA6, 0xAC, 0xB1, 0xB6, 0xBC];
/// Bytes that are Polish letters in Windows-1250 (Ą ą Ś ś Ź ź) and not in ISO-8859-2 (Ľ, š,
/// and four C1 control codes).
const CP1250_LETTERS: [u8; 6] = [0xA5, 0xB9, 0x8C, 0x9C, 0x8F, 0x9F];

fn latin2_letter(b: u8) -> char {
    encoding_rs::ISO_8859_2.decode_without_bom_handling(&[b]).0.chars().next().unwrap_or('?')
}

fn cp1250_letter(b: u8) -> char {
    encoding_rs::WINDOWS_1250.decode_without_bom_handling(&[b]).0.chars().next().unwrap_or('?')
}

/// Whether a byte is (part of) a word in either encoding: an ASCII letter or a letter above
/// 0xA0 in ISO-8859-2 (the six bytes above and those both encodings share, like ó ł ę ż).
fn letter_like(b: u8) -> bool {
    b.is_ascii_alphabetic()
        || LATIN2_LETTERS.contains(&b)
        || matches!(b, 0xA3 | 0xA5 | 0xAF | 0xB3 | 0xB9 | 0xBF)
        || (b >= 0xC0 && b != 0xD7 && b != 0xF7)
}

/// How a non-UTF-8 file reads as ISO-8859-2 rather than Windows-1250.
#[derive(Debug, PartialEq, Eq)]
enum Latin2 {
    /// Windows-1250 (or the two read the same).
    No,
    Yes,
    /// Positions of an ISO-8859-2 letter and of a Windows-1250 one.
    Ambiguous {
        iso: usize,
        windows: usize,
    },
}

/// ISO-8859-2 when its Polish letters (0xA1 0xA6 0xAC 0xB1 0xB6 0xBC) stand inside words and
/// nothing speaks for Windows-1250: none of the bytes 0x80–0x9F (control codes in ISO-8859-2,
/// letters and punctuation in Windows-1250) and none of 0xA5 0xB9 (ą Ą in Windows-1250). Such a
/// byte standing alone (`± 5`, `¶ 3`) is the Windows-1250 symbol. Letters of both kinds in
/// words: ambiguous.
fn single_byte_encoding(bytes: &[u8]) -> Latin2 {
    let in_word = |i: usize| {
        let before = i.checked_sub(1).map(|j| bytes[j]);
        let after = bytes.get(i + 1).copied();
        before.is_some_and(letter_like) || after.is_some_and(letter_like)
    };
    let iso = bytes.iter().enumerate().position(|(i, b)| LATIN2_LETTERS.contains(b) && in_word(i));
    let Some(iso) = iso else { return Latin2::No };
    let windows =
        bytes.iter().position(|b| (0x80..=0x9F).contains(b) || CP1250_LETTERS.contains(b));
    match windows {
        None => Latin2::Yes,
        Some(windows) => Latin2::Ambiguous { iso, windows },
    }
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
    fn iso_8859_2_only_when_its_letters_stand_in_words() {
        assert_eq!(single_byte_encoding(b"Ludno\xB6\xE6"), Latin2::Yes);
        assert_eq!(single_byte_encoding(b"Ludno\x9C\xE6"), Latin2::No);
        assert_eq!(single_byte_encoding(b"\xB1 5"), Latin2::No);
        assert_eq!(single_byte_encoding(b"\xF3\xB3"), Latin2::No, "ó ł read the same");
        assert_eq!(
            single_byte_encoding(b"Ludno\xB6\xE6 \x84x\x94"),
            Latin2::Ambiguous { iso: 5, windows: 8 },
            "„x” in Windows-1250 quotes"
        );
        let err = decode(b"WOJ\nLudno\xB6\xE6 w\xB9sie", "f", |_| true).expect_err("both");
        assert_eq!(err.problems[0].row, Some(2));
        assert!(err.to_string().contains("„ś”") && err.to_string().contains("„ą”"), "{err}");
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
