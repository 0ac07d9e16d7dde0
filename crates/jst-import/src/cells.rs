//! Validation of the cells shared by the value formats of DESIGN §6.

use jst_text::t;

use crate::number::decimal;
use crate::Problem;

/// At most this many characters of a file's text are quoted in a message (a header line of an
/// XML file given by mistake may be the whole file).
const QUOTED_CHARS: usize = 120;

pub(crate) fn indicator_code(line: usize, column: &str, raw: &str) -> Result<String, Problem> {
    match crate::strategy_rules::indicator_code_problem(raw) {
        None => Ok(raw.to_owned()),
        Some(message) => Err(Problem::at(line, Some(column), message)),
    }
}

pub(crate) fn year(line: usize, column: &str, raw: &str) -> Result<i32, Problem> {
    use crate::strategy_rules::{year_message, YEARS};
    raw.parse::<i32>()
        .ok()
        .filter(|y| YEARS.contains(y))
        .ok_or_else(|| Problem::at(line, Some(column), year_message(raw)))
}

pub(crate) fn value(line: usize, column: &str, raw: &str) -> Result<f64, Problem> {
    decimal(raw).map_err(|why| {
        Problem::at(
            line,
            Some(column),
            t!("import-value-refused", value = quoted(raw), why = why.describe()),
        )
    })
}

/// The longest note kept, in characters: own values' `uwagi` and notes typed in by hand.
pub const MAX_NOTE_CHARS: usize = 10_000;

/// Why `text` cannot be kept as a note, in Polish („notatka …”); `None` when it can. Shared by
/// the importers and the notes typed in the window, so both say the same.
pub fn note_problem(text: &str) -> Option<String> {
    if let Some(c) = crate::forbidden_control(text) {
        return Some(crate::control_message(&t!("import-subject-note"), c));
    }
    let chars = text.chars().count();
    (chars > MAX_NOTE_CHARS).then(|| t!("import-note-too-long", chars = chars))
}

/// An optional note cell: empty is `None`; too long or with control characters an error.
pub(crate) fn note(line: usize, column: &str, raw: &str) -> Result<Option<String>, Problem> {
    if raw.is_empty() {
        return Ok(None);
    }
    match note_problem(raw) {
        Some(message) => Err(Problem::at(line, Some(column), message)),
        None => Ok(Some(raw.to_owned())),
    }
}

/// The header lacks required columns: say what was found and what is expected.
pub(crate) fn header_problem(found: &[String], expected: &str) -> Problem {
    Problem::at(
        1,
        None,
        t!("import-unexpected-header", found = quoted(&found.join(";")), expected = expected),
    )
}

/// Text of the file as a message quotes it: cut to [`QUOTED_CHARS`] characters.
pub(crate) fn quoted(text: &str) -> String {
    match text.char_indices().nth(QUOTED_CHARS) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}
