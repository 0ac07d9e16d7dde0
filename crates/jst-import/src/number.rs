//! Numbers as Polish users type them: decimal comma or point, thousands separated by a space or
//! a non-breaking space (`12 345,5`).

pub(crate) fn parse_decimal(raw: &str) -> Option<f64> {
    let cleaned: String = raw
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    if cleaned.is_empty() || cleaned.matches('.').count() > 1 {
        return None;
    }
    let valid = cleaned
        .char_indices()
        .all(|(i, c)| c.is_ascii_digit() || c == '.' || (i == 0 && (c == '-' || c == '+')));
    if !valid || !cleaned.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::parse_decimal;

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
        ] {
            assert_eq!(parse_decimal(raw), value, "{raw:?}");
        }
    }
}
