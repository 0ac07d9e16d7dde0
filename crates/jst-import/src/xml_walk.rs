//! The strict XML reading shared by the XML formats (the SIO SpreadsheetML list, the
//! `PaczkaSprawozdan` package). Both must refuse a file that is not well-formed to its end (a cut
//! download would otherwise import half a list), and both must say so in the same words, so the
//! event loop lives here once: UTF-8 and the declared encoding, line numbers, the stack of open
//! elements, the single root, entities, truncation. What the elements mean is left to a
//! [`Handler`] of each format.

use jst_text::t;
use quick_xml::errors::{Error as XmlError, IllFormedError, SyntaxError};
use quick_xml::events::{BytesStart, Event};

use crate::error::MAX_PROBLEMS;
use crate::{ImportError, Problem};

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// What differs between the formats in the walker's messages and checks.
pub(crate) struct Format {
    /// Name of the root element, e.g. `PaczkaSprawozdan`.
    pub root: &'static str,
    /// A namespace the root must declare (`xmlns` or `xmlns:*`), if any.
    pub namespace: Option<&'static str>,
    /// Whether elements are known by their local names (prefix dropped) or as written.
    pub local_names: bool,
    /// Start of the message for a file of another kind, e.g. „to nie jest paczka …”. Each text
    /// is a message of the catalogue, rendered when it is needed.
    pub not_this: fn() -> String,
    /// What is read, in the plural, for the encoding message: „paczki”, „wykazy”.
    pub plural: fn() -> String,
    /// The end of a non-UTF-8 message: how such files are written.
    pub written_in: fn() -> String,
    /// What to do about a damaged file, e.g. „wyeksportuj paczkę ponownie”.
    pub again: fn() -> String,
}

/// An open element: its name and the line it starts on.
pub(crate) type Open = (String, usize);

/// The meaning of the elements of one format. `path` lists the open elements, outermost first.
pub(crate) trait Handler {
    /// Problems found so far (kept to [`MAX_PROBLEMS`]); a fatal problem goes before them.
    fn problems(&mut self) -> &mut Vec<Problem>;
    /// An element started; `path` already ends with it.
    fn open(&mut self, path: &[Open], element: &BytesStart<'_>, line: usize);
    /// Text inside the root (entities resolved, CDATA included).
    fn text(&mut self, path: &[Open], text: &str);
    /// An element ended; `path` still ends with it.
    fn close(&mut self, path: &[Open]);
}

/// What follows the prolog (a BOM, the XML declaration, other processing instructions,
/// comments, whitespace): where the root element should start. `None` when the prolog itself is
/// cut short. Used to recognise a format by its content before reading it strictly.
/// The text of a reference (`&#322;`, `&amp;`). Only character references and the five
/// predefined entities exist without a DTD; anything else would silently vanish from the value,
/// so it is an error (the Polish message).
pub(crate) fn resolve_reference(r: &quick_xml::events::BytesRef<'_>) -> Result<String, String> {
    let resolved = match r.resolve_char_ref() {
        Ok(Some(c)) => Some(c.to_string()),
        Ok(None) => r
            .decode()
            .ok()
            .and_then(|n| quick_xml::escape::resolve_predefined_entity(&n))
            .map(str::to_owned),
        Err(_) => None,
    };
    resolved.ok_or_else(|| t!("import-xml-unknown-entity", entity = String::from_utf8_lossy(r)))
}

pub(crate) fn after_prolog(bytes: &[u8]) -> Option<&[u8]> {
    let mut rest = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    loop {
        rest = rest.trim_ascii_start();
        let end = if rest.starts_with(b"<?") {
            b"?>".as_slice()
        } else if rest.starts_with(b"<!--") {
            b"-->".as_slice()
        } else {
            return Some(rest);
        };
        let i = rest.windows(end.len()).position(|w| w == end)?;
        rest = &rest[i + end.len()..];
    }
}

/// Whether the bytes look like XML: after an optional BOM and whitespace, a `<`. Lets an
/// import send any XML to its XML reader, whose messages say what the file is instead.
pub fn looks_like_xml(bytes: &[u8]) -> bool {
    bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes).trim_ascii_start().starts_with(b"<")
}

/// The bytes as text: an empty file or one not in UTF-8 is refused with the format's words.
pub(crate) fn decode<'a>(
    bytes: &'a [u8],
    file: &str,
    format: &Format,
) -> Result<&'a str, ImportError> {
    let body = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    if body.trim_ascii().is_empty() {
        return Err(ImportError::single(file, Problem::file(t!("import-empty-file"))));
    }
    if crate::text::is_utf16(body) {
        return Err(ImportError::single(
            file,
            Problem::file(t!("import-xml-utf16", written_in = (format.written_in)())),
        ));
    }
    std::str::from_utf8(body).map_err(|e| {
        let pos = e.valid_up_to();
        let line = body[..pos].iter().filter(|b| **b == b'\n').count() + 1;
        let message = if e.error_len().is_none() {
            t!("import-xml-cut-in-character", again = (format.again)())
        } else {
            t!(
                "import-xml-not-utf8",
                byte = format!("0x{:02X}", body[pos]),
                position = pos + 1,
                written_in = (format.written_in)()
            )
        };
        ImportError::single(file, Problem::at(line, None, message))
    })
}

/// The message of a fault of the XML itself; `rest` is the text from where it was found and
/// `again` what to do about a damaged file.
pub(crate) fn describe_error(error: &XmlError, rest: &[u8], again: &str) -> String {
    match error {
        // quick-xml reports these only when the input ends inside markup.
        XmlError::Syntax(
            SyntaxError::UnclosedTag
            | SyntaxError::UnclosedComment
            | SyntaxError::UnclosedCData
            | SyntaxError::UnclosedDoctype
            | SyntaxError::UnclosedPIOrXmlDecl,
        ) => t!("import-xml-cut-in-tag", again = again),
        XmlError::IllFormed(IllFormedError::MismatchedEndTag { expected, found }) => {
            t!("import-xml-mismatched-end", found = found, expected = expected)
        }
        // A reference running to the end of the input: the file ends inside `&quot;`, which is
        // a cut file to download again, not a lone `&` to escape.
        XmlError::IllFormed(IllFormedError::UnclosedReference)
            if !rest.iter().any(|b| matches!(b, b';' | b'<')) =>
        {
            t!("import-xml-cut-in-entity", again = again)
        }
        XmlError::IllFormed(IllFormedError::UnclosedReference) => t!("import-xml-lone-ampersand"),
        XmlError::IllFormed(IllFormedError::UnmatchedEndTag(tag)) => {
            t!("import-xml-unmatched-end", tag = tag)
        }
        other => t!("import-xml-invalid", error = other.to_string()),
    }
}

/// Reads the whole text, passing its elements to `handler`. Ends with an error at the first
/// fault of the XML itself; the handler's own problems are left in it for its own ending.
pub(crate) fn walk(
    text: &str,
    file: &str,
    format: &Format,
    handler: &mut impl Handler,
) -> Result<(), ImportError> {
    Walker { text, file, format, lines: Lines::new(text), stack: Vec::new(), root_seen: false }
        .run(handler)
}

/// Line numbers by byte position, counted incrementally: positions only grow while reading,
/// so every byte is counted once and a reader stays linear (a rescan from the start per row
/// made TERC quadratic: 3.7 MB took 213 s). Every XML reader of the crate counts lines here.
pub(crate) struct Lines<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: usize,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Self { bytes: text.as_bytes(), pos: 0, line: 1 }
    }

    /// The 1-based line of byte `pos`. A position behind the last one (an error reported
    /// where its token began) counts again from the start, once.
    pub(crate) fn at(&mut self, pos: u64) -> usize {
        let pos = usize::try_from(pos).unwrap_or(usize::MAX).min(self.bytes.len());
        if pos < self.pos {
            self.pos = 0;
            self.line = 1;
        }
        self.line += self.bytes[self.pos..pos].iter().filter(|b| **b == b'\n').count();
        self.pos = pos;
        self.line
    }
}

fn is_xml_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

struct Walker<'a> {
    text: &'a str,
    file: &'a str,
    format: &'a Format,
    lines: Lines<'a>,
    stack: Vec<Open>,
    root_seen: bool,
}

impl Walker<'_> {
    /// A problem that makes the rest of the file meaningless; it goes first, before the
    /// problems the handler found so far (they are still worth fixing).
    fn fatal(&self, handler: &mut impl Handler, problem: Problem) -> ImportError {
        let mut problems = vec![problem];
        problems.append(handler.problems());
        problems.truncate(MAX_PROBLEMS);
        ImportError::new(self.file, problems)
    }

    fn fatal_at(&self, handler: &mut impl Handler, line: usize, message: String) -> ImportError {
        self.fatal(handler, Problem::at(line, None, message))
    }

    fn xml_error(&mut self, handler: &mut impl Handler, error: &XmlError, pos: u64) -> ImportError {
        let line = self.lines.at(pos);
        let rest = &self.text.as_bytes()[self.lines.pos..];
        let message = describe_error(error, rest, &(self.format.again)());
        self.fatal_at(handler, line, message)
    }

    fn run(mut self, handler: &mut impl Handler) -> Result<(), ImportError> {
        let mut reader = quick_xml::Reader::from_str(self.text);
        // A damaged file often shows as a wrong end tag; do not depend on the library's default.
        reader.config_mut().check_end_names = true;
        loop {
            let pos = reader.buffer_position();
            let event = match reader.read_event() {
                Ok(event) => event,
                Err(e) => return Err(self.xml_error(handler, &e, reader.error_position())),
            };
            let line = self.lines.at(pos);
            match event {
                Event::Decl(decl) => {
                    if let Some(Ok(encoding)) = decl.encoding() {
                        let encoding = String::from_utf8_lossy(&encoding).into_owned();
                        if !matches!(encoding.to_ascii_lowercase().as_str(), "utf-8" | "utf8") {
                            let message = t!(
                                "import-xml-declared-encoding",
                                encoding = &encoding,
                                plural = (self.format.plural)()
                            );
                            return Err(self.fatal_at(handler, line, message));
                        }
                    }
                }
                Event::Start(e) => self.open(handler, &e, line)?,
                Event::Empty(e) => {
                    self.open(handler, &e, line)?;
                    self.close(handler);
                }
                Event::End(_) => self.close(handler),
                Event::Text(t) => {
                    let text = t.decode().map_err(|e| self.xml_error(handler, &e.into(), pos))?;
                    // Stray text is reported where it starts, not where the whitespace before it does.
                    let lead = text.len() - text.trim_start_matches(is_xml_space).len();
                    let line = self.lines.at(pos + lead as u64);
                    self.text(handler, &text, line)?;
                }
                Event::CData(c) => {
                    let text = c.decode().map_err(|e| self.xml_error(handler, &e.into(), pos))?;
                    self.text(handler, &text, line)?;
                }
                Event::GeneralRef(r) => {
                    let resolved =
                        resolve_reference(&r).map_err(|m| self.fatal_at(handler, line, m))?;
                    self.text(handler, &resolved, line)?;
                }
                Event::Eof => break,
                Event::Comment(_) | Event::PI(_) | Event::DocType(_) => {}
            }
        }
        self.finish(handler)
    }

    fn open(
        &mut self,
        handler: &mut impl Handler,
        e: &BytesStart<'_>,
        line: usize,
    ) -> Result<(), ImportError> {
        let root = self.format.root;
        // quick-xml checks attributes only when they are read; a broken one is a broken file.
        if let Some(Err(err)) = e.attributes().find(Result::is_err) {
            return Err(self.fatal_at(
                handler,
                line,
                t!("import-xml-bad-attribute", error = err.to_string()),
            ));
        }
        let name = if self.format.local_names {
            e.local_name().into_inner()
        } else {
            e.name().into_inner()
        };
        let name = String::from_utf8_lossy(name).into_owned();
        if self.stack.is_empty() {
            if self.root_seen {
                let message = t!("import-xml-second-root", root = root, name = &name);
                return Err(self.fatal_at(handler, line, message));
            }
            let namespaced = self.format.namespace.is_none_or(|ns| {
                e.attributes().flatten().any(|a| {
                    let key = a.key.as_ref();
                    (key == b"xmlns" || key.starts_with(b"xmlns:"))
                        && a.value.as_ref() == ns.as_bytes()
                })
            });
            if name != root || !namespaced {
                let with_ns = self
                    .format
                    .namespace
                    .map_or_else(String::new, |ns| t!("import-xml-with-namespace", namespace = ns));
                let message = t!(
                    "import-xml-wrong-root",
                    not_this = (self.format.not_this)(),
                    name = &name,
                    root = root,
                    with_namespace = with_ns
                );
                return Err(self.fatal_at(handler, line, message));
            }
            self.root_seen = true;
        }
        self.stack.push((name, line));
        handler.open(&self.stack, e, line);
        Ok(())
    }

    fn close(&mut self, handler: &mut impl Handler) {
        handler.close(&self.stack);
        self.stack.pop();
    }

    fn text(&self, handler: &mut impl Handler, text: &str, line: usize) -> Result<(), ImportError> {
        // XML 1.0 admits no C0 control but tab and line breaks, even as `&#0;`; DEL and C1 are
        // refused with them, as in every text field.
        if let Some(c) = crate::forbidden_control(text) {
            return Err(self.fatal_at(
                handler,
                line,
                t!(
                    "import-xml-control",
                    problem = crate::control_message(&t!("import-subject-text"), c)
                ),
            ));
        }
        if !self.stack.is_empty() {
            handler.text(&self.stack, text);
        } else if !text.trim_matches(is_xml_space).is_empty() {
            let root = self.format.root;
            let message = if self.root_seen {
                t!("import-xml-text-after-root", root = root)
            } else {
                let first = text.trim_matches(is_xml_space).lines().next().unwrap_or_default();
                t!(
                    "import-xml-text-before-root",
                    not_this = (self.format.not_this)(),
                    root = root,
                    text = crate::cells::quoted(first)
                )
            };
            return Err(self.fatal_at(handler, line, message));
        }
        Ok(())
    }

    fn finish(mut self, handler: &mut impl Handler) -> Result<(), ImportError> {
        let root = self.format.root;
        if let Some((name, open_line)) = self.stack.last().cloned() {
            let line = self.lines.at(self.text.len() as u64);
            let outer = if self.stack.len() > 1 {
                t!("import-xml-cut-outer", root = root)
            } else {
                String::new()
            };
            let message = t!(
                "import-xml-cut",
                name = &name,
                line = open_line,
                outer = outer,
                again = (self.format.again)()
            );
            return Err(self.fatal(handler, Problem::at(line, Some(&name), message)));
        }
        if !self.root_seen {
            return Err(self.fatal(
                handler,
                Problem::file(t!(
                    "import-xml-no-root",
                    not_this = (self.format.not_this)(),
                    root = root
                )),
            ));
        }
        Ok(())
    }
}
