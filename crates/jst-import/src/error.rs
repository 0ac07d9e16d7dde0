use std::fmt;

use jst_text::t;

/// How bad a finding is, with the Polish names of validation reports (after Statistics Norway's
/// FATAL/ERROR/WARNING/INFO). Critical and error findings stop an import; nothing is written.
/// Shells get the English codes; `label` is the wording in the user's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum Severity {
    #[serde(rename = "critical")]
    Krytyczny,
    #[serde(rename = "error")]
    Blad,
    #[serde(rename = "warning")]
    Ostrzezenie,
    #[serde(rename = "info")]
    Informacja,
}

impl Severity {
    pub fn label(self) -> String {
        match self {
            Self::Krytyczny => jst_text::t!("severity-critical"),
            Self::Blad => jst_text::t!("severity-error"),
            Self::Ostrzezenie => jst_text::t!("severity-warning"),
            Self::Informacja => jst_text::t!("severity-info"),
        }
    }

    pub fn stops_import(self) -> bool {
        matches!(self, Self::Krytyczny | Self::Blad)
    }
}

/// One finding about an input file, located as precisely as the format allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    /// 1-based line of the file (the header is line 1); `None` for whole-file problems.
    pub row: Option<usize>,
    pub column: Option<String>,
    pub message: String,
}

impl Problem {
    /// A problem with the whole file (encoding, header, size): critical. The message may quote
    /// the file: its control characters are defused ([`printable`]).
    pub fn file(message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Krytyczny,
            row: None,
            column: None,
            message: printable(&message.into()),
        }
    }

    /// An error in a row (and column). The message and the column (a header of the file) may
    /// quote the file: their control characters are defused ([`printable`]).
    pub fn at(row: usize, column: Option<&str>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Blad,
            row: Some(row),
            column: column.map(printable),
            message: printable(&message.into()),
        }
    }

    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The fields are public: a problem built without the constructors is defused here.
        let message = printable(&self.message);
        match (&self.row, &self.column) {
            (Some(row), Some(col)) => f.write_str(&t!(
                "import-at-row-column",
                row = row,
                column = printable(col),
                message = message
            )),
            (Some(row), None) => f.write_str(&t!("import-at-row", row = row, message = message)),
            _ => f.write_str(&message),
        }
    }
}

/// Text of a file as a message may show it: control characters (C0 but tab and line breaks,
/// DEL, C1, with them every terminal escape sequence) and bidirectional overrides become `�`,
/// tabs and line breaks a space. Every message quoting a file passes through this, via the
/// constructors of [`Problem`] and the display of [`ImportError`].
pub fn printable(text: &str) -> String {
    if !text.chars().any(|c| c.is_control() || is_bidi_control(c)) {
        return text.to_owned();
    }
    text.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => ' ',
            c if c.is_control() || is_bidi_control(c) => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// Characters that reorder the text around them when shown (embeddings, overrides, isolates).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The first character no text field of an input may hold: a control character other than
/// tab, line feed and carriage return (NUL cuts text short in C strings; ESC and C1 start
/// terminal escape sequences). `None` when the text is clean.
pub fn forbidden_control(text: &str) -> Option<char> {
    text.chars().find(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// The message for text holding [`forbidden_control`] `c`, in the user's language: „{subject}
/// zawiera znak sterujący U+0000 (NUL), niedozwolony w tekście”.
pub fn control_message(subject: &str, c: char) -> String {
    let name = match c {
        '\0' => " (NUL)",
        '\u{1b}' => " (ESC)",
        '\u{7f}' => " (DEL)",
        _ => "",
    };
    let code = format!("U+{:04X}{name}", u32::from(c));
    t!("import-control-character", subject = subject, code = code)
}

/// [`control_message`] for a field of a file, with what to do about it.
pub(crate) fn control_in_field(c: char) -> String {
    t!("import-control-in-field", problem = control_message(&t!("import-subject-field"), c))
}

/// The input cannot be used; nothing may be written from it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", render(.file, .problems))]
pub struct ImportError {
    pub file: String,
    pub problems: Vec<Problem>,
    /// The user stopped the import; nothing is wrong with the file.
    pub cancelled: bool,
}

/// At most this many problems are reported; a file with more is usually the wrong file.
pub(crate) const MAX_PROBLEMS: usize = 20;

impl ImportError {
    pub fn new(file: &str, problems: Vec<Problem>) -> Self {
        Self { file: file.to_owned(), problems, cancelled: false }
    }

    /// The user stopped the import.
    pub fn cancelled(file: &str) -> Self {
        Self { cancelled: true, ..Self::single(file, Problem::file(t!("import-cancelled"))) }
    }

    pub fn single(file: &str, problem: Problem) -> Self {
        Self::new(file, vec![problem])
    }
}

fn render(file: &str, problems: &[Problem]) -> String {
    let mut out = t!("import-not-loaded", file = printable(file));
    for p in problems {
        out.push_str("\n  - ");
        out.push_str(&p.to_string());
    }
    if problems.len() >= MAX_PROBLEMS {
        out.push_str("\n  ");
        out.push_str(&t!("import-only-first-problems"));
    }
    out
}

/// Told (rows checked, rows in all) while a file is checked; returning `false` stops the parse
/// with [`ImportError::cancelled`].
pub type RowProgress<'a> = &'a mut dyn FnMut(usize, usize) -> bool;

/// How often (in rows) progress is reported.
pub(crate) const PROGRESS_EVERY: usize = 64;
