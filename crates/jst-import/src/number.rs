//! Numbers as Polish users type them: decimal comma or point, thousands separated by a space or
//! a non-breaking space (`12 345,5`). DESIGN §6: only finite values with |x| ≤ 10^15.

/// The largest magnitude any reader accepts (DESIGN §6).
pub(crate) const MAX_ABS: f64 = 1e15;

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
    pub fn describe(self) -> &'static str {
        match self {
            Self::NotANumber => "nie jest liczbą",
            Self::TooLarge => "przekracza dopuszczalną wartość bezwzględną 10^15",
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

#[cfg(test)]
mod tests {
    use super::{decimal, parse_decimal, NumberError};

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
