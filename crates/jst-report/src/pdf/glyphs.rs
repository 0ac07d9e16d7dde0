//! Characters the shipped fonts cannot draw. PDF/UA-1 forbids a missing glyph, so Typst would
//! refuse the whole report over one emoji or a Word symbol bullet (private use area) pasted into
//! an officer's note. Instead such a character prints as U+FFFD (�), visibly, and the rest of the
//! report is made.

use super::world::has_glyph;

const REPLACEMENT: char = '\u{FFFD}';

/// `json` with every character no shipped font covers replaced. Working on the serialised JSON
/// catches every string at once; its structure is ASCII, which DejaVu Sans covers whole.
pub(super) fn replace_missing(json: String) -> String {
    if json.chars().all(drawable) {
        return json;
    }
    json.chars().map(|c| if drawable(c) { c } else { REPLACEMENT }).collect()
}

fn drawable(c: char) -> bool {
    c.is_ascii() || has_glyph(c) || invisible(c)
}

/// Format characters the shaper drops or handles without a glyph (soft hyphen, zero-width
/// spaces and joiners, direction marks, variation selectors, byte order mark): replacing them
/// would print a � where the author saw nothing.
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{E0100}'..='\u{E01EF}'
    )
}

#[cfg(test)]
mod tests {
    use super::replace_missing;

    #[test]
    fn polish_and_marks_stay_others_become_replacement() {
        let kept = "Zażółć gęślą jaźń ✓ ● ▲ ◆ ▼ – „ ” 12\u{a0}345,5 \u{00AD}";
        assert_eq!(replace_missing(kept.to_owned()), kept);
        assert_eq!(replace_missing("a\u{F0B7}b 漢".to_owned()), "a\u{FFFD}b \u{FFFD}");
    }
}
