//! Text cells a spreadsheet would run as a formula when it opens a CSV file (`=HYPERLINK(…)`,
//! `@SUM(…)`, `+x`, `-2+3`, a leading tab or CR): exports write them with a leading apostrophe,
//! which spreadsheets show as text, and imports take it off again, so a template survives
//! import → export → import unchanged. A text that itself begins with an apostrophe gets one
//! more, so the rule can be undone exactly.

use std::borrow::Cow;

/// Characters that make a spreadsheet read a cell as a formula, and the guard itself.
fn needs_guard(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r', '\''])
}

/// The cell as an export writes it.
pub fn guard_formula(text: &str) -> Cow<'_, str> {
    if needs_guard(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The cell as it was before [`guard_formula`]; other text is returned as it is.
pub fn unguard_formula(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if needs_guard(rest) => rest,
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::{guard_formula, unguard_formula};

    #[test]
    fn formulas_are_guarded_and_every_text_comes_back_unchanged() {
        for (text, written) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("@SUM(1+1)", "'@SUM(1+1)"),
            ("+x", "'+x"),
            ("-2+3", "'-2+3"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("'=x", "''=x"),
            ("'zwykły", "''zwykły"),
            ("Liczba mieszkańców", "Liczba mieszkańców"),
            ("", ""),
        ] {
            assert_eq!(guard_formula(text), written, "{text:?}");
            assert_eq!(unguard_formula(written), text, "{written:?}");
        }
        // An apostrophe a user typed before ordinary text is kept.
        assert_eq!(unguard_formula("'zwykły"), "'zwykły");
    }
}
