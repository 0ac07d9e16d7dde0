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
    let mut scan = EncodingScan::default();
    scan.feed(bytes);
    match scan.utf8(file)? {
        None => {
            let without_bom = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            // The scan found every byte valid.
            Ok(String::from_utf8_lossy(without_bom).into_owned())
        }
        Some(not_utf8) => {
            let mut latin2 = Latin2Scan::default();
            latin2.feed(bytes);
            let encoding = latin2.encoding(file, &not_utf8)?;
            let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
            if had_errors || !header_ok(&text) {
                return Err(not_utf8.error(file));
            }
            Ok(text.into_owned())
        }
    }
}

/// A text file's encoding as [`decode`] decides it, read in pieces (a stream that can be read
/// twice: once for UTF-8, and only when it is not, once more for the single-byte encodings).
pub(crate) fn detect_encoding(
    source: &mut (impl std::io::Read + std::io::Seek),
    file: &str,
) -> Result<TextEncoding, ImportError> {
    use std::io::SeekFrom;
    let io = |e: std::io::Error| {
        ImportError::single(file, Problem::file(t!("import-unreadable-row", error = e.to_string())))
    };
    let mut buf = vec![0u8; 1 << 16];
    let mut scan = EncodingScan::default();
    loop {
        let n = read_some(source, &mut buf).map_err(io)?;
        if n == 0 {
            break;
        }
        scan.feed(&buf[..n]);
    }
    let bom = scan.bom();
    let Some(not_utf8) = scan.utf8(file)? else {
        return Ok(TextEncoding::Utf8 { bom });
    };
    source.seek(SeekFrom::Start(0)).map_err(io)?;
    let mut latin2 = Latin2Scan::default();
    loop {
        let n = read_some(source, &mut buf).map_err(io)?;
        if n == 0 {
            break;
        }
        latin2.feed(&buf[..n]);
    }
    Ok(TextEncoding::Single { encoding: latin2.encoding(file, &not_utf8)?, not_utf8 })
}

fn read_some(source: &mut impl std::io::Read, buf: &mut [u8]) -> std::io::Result<usize> {
    loop {
        match source.read(buf) {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            other => return other,
        }
    }
}

/// How a file's bytes become text.
#[derive(Debug, Clone)]
pub(crate) enum TextEncoding {
    /// UTF-8, after a byte-order mark when `bom`.
    Utf8 { bom: bool },
    /// Windows-1250 or ISO-8859-2: the file is that only if its header reads as expected;
    /// `not_utf8` is the error when it does not.
    Single { encoding: &'static encoding_rs::Encoding, not_utf8: NotUtf8 },
}

/// Where a file stopped being UTF-8: the error when no other encoding explains it either.
#[derive(Debug, Clone)]
pub(crate) struct NotUtf8 {
    line: usize,
    byte: u8,
}

impl NotUtf8 {
    pub fn error(&self, file: &str) -> ImportError {
        ImportError::single(
            file,
            Problem::at(
                self.line,
                None,
                t!("import-text-unknown-encoding", byte = format!("0x{:02X}", self.byte)),
            ),
        )
    }
}

/// The UTF-8 side of [`decode`] over bytes fed in pieces: UTF-16 told by the first two bytes,
/// then the first byte that is not UTF-8 and its line.
#[derive(Default)]
struct EncodingScan {
    head: Vec<u8>,
    /// A character cut by the end of the last piece, and where it started.
    carry: Vec<u8>,
    carry_at: usize,
    at: usize,
    newlines: usize,
    bad: Option<(usize, u8)>,
}

impl EncodingScan {
    fn feed(&mut self, mut piece: &[u8]) {
        if self.head.len() < 3 {
            let take = piece.len().min(3 - self.head.len());
            self.head.extend_from_slice(&piece[..take]);
        }
        if self.bad.is_some() {
            return;
        }
        while !self.carry.is_empty() {
            let Some((&b, rest)) = piece.split_first() else { return };
            self.carry.push(b);
            piece = rest;
            match std::str::from_utf8(&self.carry) {
                Ok(_) => {
                    self.at += self.carry.len();
                    self.carry.clear();
                }
                Err(e) if e.error_len().is_some() => {
                    self.bad = Some((self.carry_at, self.carry[0]));
                    return;
                }
                Err(_) => {}
            }
        }
        match std::str::from_utf8(piece) {
            Ok(_) => {
                self.newlines += count_newlines(piece);
                self.at += piece.len();
            }
            Err(e) => {
                let valid = e.valid_up_to();
                self.newlines += count_newlines(&piece[..valid]);
                if e.error_len().is_some() {
                    self.bad = Some((self.at + valid, piece[valid]));
                } else {
                    self.carry_at = self.at + valid;
                    self.carry = piece[valid..].to_vec();
                }
                self.at += valid;
            }
        }
    }

    fn bom(&self) -> bool {
        self.head.starts_with(b"\xEF\xBB\xBF")
    }

    /// `None` when every byte fed is UTF-8; where it is not otherwise. UTF-16 is an error.
    fn utf8(self, file: &str) -> Result<Option<NotUtf8>, ImportError> {
        if is_utf16(&self.head) {
            return Err(ImportError::single(file, Problem::file(t!("import-text-utf16"))));
        }
        let bad = self.bad.or_else(|| self.carry.first().map(|b| (self.carry_at, *b)));
        Ok(bad.map(|(_, byte)| NotUtf8 { line: self.newlines + 1, byte }))
    }
}

fn count_newlines(bytes: &[u8]) -> usize {
    bytes.iter().filter(|b| **b == b'\n').count()
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
#[cfg(test)]
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
#[cfg(test)]
fn single_byte_encoding(bytes: &[u8]) -> Latin2 {
    let mut scan = Latin2Scan::default();
    scan.feed(bytes);
    scan.latin2()
}

/// A byte of the file found by [`Latin2Scan`]: its position, the line it is on and its value.
#[derive(Debug, Clone, Copy)]
struct Found {
    at: usize,
    line: usize,
    byte: u8,
}

/// The single-byte side of [`decode`] over bytes fed in pieces: bytes undefined in
/// Windows-1250, and the first ISO-8859-2 letter in a word and the first Windows-1250 one
/// ([`Latin2`]).
#[derive(Default)]
struct Latin2Scan {
    at: usize,
    newlines: usize,
    previous: Option<u8>,
    /// An ISO-8859-2 letter after no letter: in a word if the next byte is one.
    candidate: Option<Found>,
    iso: Option<Found>,
    windows: Option<Found>,
    undefined: bool,
}

impl Latin2Scan {
    fn feed(&mut self, piece: &[u8]) {
        for &b in piece {
            if let Some(candidate) = self.candidate.take() {
                if letter_like(b) {
                    self.iso = Some(candidate);
                }
            }
            let here = Found { at: self.at, line: self.newlines + 1, byte: b };
            if self.iso.is_none() && LATIN2_LETTERS.contains(&b) {
                if self.previous.is_some_and(letter_like) {
                    self.iso = Some(here);
                } else {
                    self.candidate = Some(here);
                }
            }
            if self.windows.is_none() && ((0x80..=0x9F).contains(&b) || CP1250_LETTERS.contains(&b))
            {
                self.windows = Some(here);
            }
            self.undefined |= CP1250_UNDEFINED.contains(&b);
            if b == b'\n' {
                self.newlines += 1;
            }
            self.previous = Some(b);
            self.at += 1;
        }
    }

    #[cfg(test)]
    fn latin2(&self) -> Latin2 {
        match (self.iso, self.windows) {
            (None, _) => Latin2::No,
            (Some(_), None) => Latin2::Yes,
            (Some(iso), Some(windows)) => Latin2::Ambiguous { iso: iso.at, windows: windows.at },
        }
    }

    /// The encoding of a file that is not UTF-8 (`not_utf8`), or the error naming why none.
    fn encoding(
        &self,
        file: &str,
        not_utf8: &NotUtf8,
    ) -> Result<&'static encoding_rs::Encoding, ImportError> {
        if self.undefined {
            return Err(not_utf8.error(file));
        }
        match (self.iso, self.windows) {
            (None, _) => Ok(encoding_rs::WINDOWS_1250),
            (Some(_), None) => Ok(encoding_rs::ISO_8859_2),
            (Some(iso), Some(windows)) => {
                let line = if iso.at <= windows.at { iso.line } else { windows.line };
                Err(ImportError::single(
                    file,
                    Problem::at(
                        line,
                        None,
                        t!(
                            "import-text-ambiguous-encoding",
                            iso_byte = format!("0x{:02X}", iso.byte),
                            iso_letter = latin2_letter(iso.byte).to_string(),
                            windows_byte = format!("0x{:02X}", windows.byte),
                            windows_letter = cp1250_letter(windows.byte).to_string(),
                        ),
                    ),
                ))
            }
        }
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
