//! Numbers written the way `Intl.NumberFormat("pl-PL")` writes them, so the CLI, the reports and
//! the window agree to the character: decimal comma, groups of three digits joined by a
//! non-breaking space from five digits on (`12 345,5`; `1234,5` stays whole).

/// An integer in the `pl-PL` form.
pub fn format_integer(value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let grouped = if digits.len() < 5 {
        digits
    } else {
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push('\u{a0}');
            }
            out.push(c);
        }
        out
    };
    if value < 0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// A decimal number in the `pl-PL` form, at most `digits` fraction digits (trailing zeros
/// dropped, as `maximumFractionDigits` does).
pub fn format_decimal(value: f64, digits: usize) -> String {
    let rounded = format!("{value:.digits$}");
    let (int_part, frac) = match rounded.split_once('.') {
        Some((i, f)) => (i.to_owned(), f.trim_end_matches('0').to_owned()),
        None => (rounded.clone(), String::new()),
    };
    let negative = int_part.starts_with('-');
    let magnitude: i64 = int_part.trim_start_matches('-').parse().unwrap_or(0);
    let grouped = format_integer(magnitude);
    let sign = if negative && (magnitude != 0 || !frac.is_empty()) { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped},{frac}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_from_five_digits_as_intl_does() {
        assert_eq!(format_integer(1234), "1234");
        assert_eq!(format_integer(12345), "12\u{a0}345");
        assert_eq!(format_integer(-1234567), "-1\u{a0}234\u{a0}567");
        assert_eq!(format_decimal(12345.5, 1), "12\u{a0}345,5");
        assert_eq!(format_decimal(1234.5, 2), "1234,5");
        assert_eq!(format_decimal(-0.004, 2), "0");
        assert_eq!(format_decimal(-0.5, 1), "-0,5");
        assert_eq!(format_decimal(90.0, 1), "90");
    }
}
