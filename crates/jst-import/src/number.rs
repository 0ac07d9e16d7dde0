//! Numbers as Polish users type them: decimal comma or point, thousands separated by a space or
//! a non-breaking space (`12 345,5`). DESIGN §6: only finite values with |x| ≤ 10^15.

use jst_text::t;

use crate::{Problem, Severity};

/// The largest magnitude any reader accepts (DESIGN §6), and any value typed in by hand.
pub const MAX_ABS: f64 = 1e15;

pub(crate) fn parse_decimal(raw: &str) -> Option<f64> {
    decimal(raw).ok()
}

/// Why a cell is not a number a reader accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumberError {
    /// Not digits with an optional sign, decimal comma or point and spaces (`NaN`, `inf`, `1e5`).
    NotANumber,
    /// A number beyond ±10^15.
    TooLarge,
}

impl NumberError {
    /// The end of „wartość „…” …”.
    pub fn describe(self) -> String {
        match self {
            Self::NotANumber => t!("import-number-not-a-number"),
            Self::TooLarge => t!("import-number-too-large"),
        }
    }
}

/// The number, or why it is refused.
pub(crate) fn decimal(raw: &str) -> Result<f64, NumberError> {
    const NOT_A_NUMBER: NumberError = NumberError::NotANumber;
    let cleaned: String = raw
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    if cleaned.is_empty() || cleaned.matches('.').count() > 1 {
        return Err(NOT_A_NUMBER);
    }
    let valid = cleaned
        .char_indices()
        .all(|(i, c)| c.is_ascii_digit() || c == '.' || (i == 0 && (c == '-' || c == '+')));
    if !valid || !cleaned.bytes().any(|b| b.is_ascii_digit()) {
        return Err(NOT_A_NUMBER);
    }
    let value = cleaned.parse::<f64>().map_err(|_| NOT_A_NUMBER)?;
    if !value.is_finite() || value.abs() > MAX_ABS {
        return Err(NumberError::TooLarge);
    }
    // -0 is 0.
    Ok(value + 0.0)
}

/// How a cell of a delimited text file writes its decimal separator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Separator {
    /// No separator, or not a number at all.
    None,
    /// A decimal comma (`12,5`).
    Comma,
    /// A point that can only be a decimal point (`1.5`, `1234.56`, `0.125`).
    Point,
    /// A point that reads as a thousands separator too: 1–3 digits (not starting with 0), a
    /// point and exactly three digits (`1.234`, `12.500`).
    AmbiguousPoint,
}

fn separator(raw: &str) -> Separator {
    let body = raw.trim().trim_start_matches(['-', '+']);
    if body.contains(',') {
        return Separator::Comma;
    }
    let Some((whole, fraction)) = body.split_once('.') else { return Separator::None };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(fraction) || !(whole.is_empty() || digits(whole)) {
        return Separator::None;
    }
    if fraction.len() == 3 && (1..=3).contains(&whole.len()) && !whole.starts_with('0') {
        Separator::AmbiguousPoint
    } else {
        Separator::Point
    }
}

/// Warnings for the cells of one numeric column of a delimited text file (cells as `(line,
/// text)`) that may be a thousand times off: `1.234` reads as 1,234 under DESIGN §6 (a point is
/// a decimal separator; thousands are separated by spaces), but a file written with points
/// between thousands means 1234 by it. A column that elsewhere shows a point that can only be
/// decimal (`1.5`, `1234.56`) settles it; otherwise every such cell is reported, naming its
/// line and column, with how it was read and how to write the other reading. Spreadsheet
/// cells hold numbers, not text, and are never ambiguous: callers pass text files only.
pub(crate) fn ambiguous_points(
    column: &str,
    cells: impl IntoIterator<Item = (usize, String)>,
) -> Vec<Problem> {
    let mut points = AmbiguousPoints::default();
    for (line, raw) in cells {
        points.see(line, &raw);
    }
    points.warnings(column)
}

/// [`ambiguous_points`] cell by cell, for a file read as a stream: it keeps only the cells it
/// will report, so its memory does not grow with the file.
#[derive(Debug, Default)]
pub(crate) struct AmbiguousPoints {
    ambiguous: Vec<(usize, String)>,
    commas: bool,
    /// A point that can only be decimal was seen: the column is settled, nothing to report.
    settled: bool,
}

impl AmbiguousPoints {
    pub fn see(&mut self, line: usize, raw: &str) {
        if self.settled {
            return;
        }
        match separator(raw) {
            Separator::Point => {
                self.settled = true;
                self.ambiguous = Vec::new();
            }
            Separator::Comma => self.commas = true,
            Separator::AmbiguousPoint if self.ambiguous.len() < crate::error::MAX_PROBLEMS => {
                self.ambiguous.push((line, raw.to_owned()))
            }
            Separator::AmbiguousPoint | Separator::None => {}
        }
    }

    /// The warnings for the cells seen, named `column`.
    pub fn warnings(self, column: &str) -> Vec<Problem> {
        if self.settled {
            return Vec::new();
        }
        let hint = if self.commas { t!("import-ambiguous-point-commas") } else { String::new() };
        self.ambiguous
            .into_iter()
            .map(|(line, raw)| {
                let raw = raw.trim();
                let comma = raw.replace('.', ",");
                let thousands = raw.replace('.', "");
                let spaced = raw.replace('.', " ");
                Problem::at(
                    line,
                    Some(column),
                    t!(
                        "import-ambiguous-point",
                        raw = raw,
                        comma = comma,
                        hint = &hint,
                        thousands = thousands,
                        spaced = spaced
                    ),
                )
                .with_severity(Severity::Ostrzezenie)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::{ambiguous_points, decimal, parse_decimal, separator, NumberError, Separator};

    #[test]
    fn points_that_may_separate_thousands() {
        for (raw, kind) in [
            ("1.234", Separator::AmbiguousPoint),
            ("-12.500", Separator::AmbiguousPoint),
            ("999.999", Separator::AmbiguousPoint),
            ("1.5", Separator::Point),
            ("1234.567", Separator::Point),
            ("0.125", Separator::Point),
            (".125", Separator::Point),
            ("1.2345", Separator::Point),
            ("1,234", Separator::Comma),
            ("1234", Separator::None),
            ("abc", Separator::None),
            ("1.2.3", Separator::None),
        ] {
            assert_eq!(separator(raw), kind, "{raw}");
        }
        let cells = |raws: &[&str]| {
            raws.iter().enumerate().map(|(i, r)| (i + 2, (*r).to_owned())).collect::<Vec<_>>()
        };
        let found = ambiguous_points("wartosc", cells(&["7", "1.234", "2,5"]));
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].row, found[0].column.as_deref()), (Some(3), Some("wartosc")));
        assert!(found[0].message.contains("1234 albo 1 234"), "{}", found[0].message);
        assert!(found[0].message.contains("przecinek"), "{}", found[0].message);
        assert!(ambiguous_points("wartosc", cells(&["1.234", "0.5"])).is_empty());
    }

    #[test]
    fn polish_and_plain_numbers() {
        for (raw, value) in [
            ("69791", Some(69791.0)),
            ("69 791", Some(69791.0)),
            ("69\u{a0}791", Some(69791.0)),
            ("12 345,5", Some(12345.5)),
            ("-0,25", Some(-0.25)),
            ("3.5", Some(3.5)),
            ("1,2,3", None),
            ("abc", None),
            ("", None),
            ("-", None),
            ("1e5", None),
            ("NaN", None),
            ("inf", None),
            ("1000000000000000", Some(1e15)),
            ("-1000000000000000", Some(-1e15)),
            ("1000000000000001", None),
            ("99999999999999999999", None),
        ] {
            assert_eq!(parse_decimal(raw), value, "{raw:?}");
        }
        assert_eq!(decimal("1e999"), Err(NumberError::NotANumber));
        assert_eq!(decimal("1".repeat(400).as_str()), Err(NumberError::TooLarge));
        assert!(parse_decimal("-0").is_some_and(|v| v.is_sign_positive()));
    }
}
