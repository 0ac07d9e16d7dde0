//! The text rules of a good practice (docs/practices-format.md), shared by the association's
//! server, which checks every practice it stores, and the desktop, which checks a proposal
//! before it is saved or sent: one implementation, so what the desktop lets through the server
//! accepts. Text is never HTML: anything that looks like markup, a script, an entity or a link
//! other than http(s)/mailto is refused. Problems are a closed set; each side words them (the
//! server in Polish literals, the desktop through its catalogue).

/// Limits of a practice's fields, in characters or items.
pub const MAX_TITLE_CHARS: usize = 300;
pub const MAX_LINE_CHARS: usize = 200;
pub const MAX_SUMMARY_CHARS: usize = 2_000;
pub const MAX_PRESENTATION_CHARS: usize = 100_000;
pub const MAX_SOURCE_CHARS: usize = 1_000;
pub const MAX_PHONE_CHARS: usize = 40;
pub const MAX_EMAIL_CHARS: usize = 254;
pub const MAX_CONTACTS: usize = 10;
pub const MAX_KEYWORDS: usize = 30;
pub const MAX_KEYWORD_CHARS: usize = 60;
pub const MAX_INDICATORS: usize = 50;
/// The earliest year of implementation the base takes.
pub const FIRST_YEAR: i32 = 1990;
/// The latest year a practice may be planned to end.
pub const LAST_YEAR: i32 = 2100;

/// Why a text may not be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextProblem {
    Empty,
    TooLong {
        max: usize,
    },
    /// A control character in a one-line field (line breaks included).
    ControlInLine,
    /// A control character other than a line break or a tab in a multi-line field.
    Control,
    /// An HTML tag or comment (`<` followed by a letter, `/`, `!` or `?`).
    Markup,
    /// A script URL scheme, also when split by spaces or line breaks.
    Script {
        scheme: &'static str,
    },
    /// An HTML entity (`&#…`, `&lt;`, `&gt;`).
    Entity,
    /// An inline image `![…](…)` in the presentation.
    Image,
    /// A link whose target is not https://, http:// or mailto:.
    Link {
        target: String,
    },
    /// A phone number with something besides digits, spaces and `+ - ( ) /`.
    Phone,
    /// Not an e-mail address.
    Email,
}

/// Markup, a script or an entity in `text`, or `None`.
pub fn markup_problem(text: &str) -> Option<TextProblem> {
    let lower = text.to_lowercase();
    let bytes = lower.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'<' {
            let next = bytes.get(i + 1).copied().unwrap_or(b' ');
            if next.is_ascii_alphabetic() || matches!(next, b'/' | b'!' | b'?') {
                return Some(TextProblem::Markup);
            }
        }
    }
    let compact: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
    for scheme in ["javascript:", "vbscript:", "data:text", "data:image/svg"] {
        if compact.contains(scheme) {
            return Some(TextProblem::Script { scheme });
        }
    }
    if lower.contains("&#") || lower.contains("&lt") || lower.contains("&gt") {
        return Some(TextProblem::Entity);
    }
    None
}

/// A one-line field: trimmed, not empty, at most `max` characters, no control characters,
/// no markup.
pub fn check_line(value: &str, max: usize) -> Result<String, TextProblem> {
    let value = value.trim();
    if value.is_empty() {
        return Err(TextProblem::Empty);
    }
    if value.chars().count() > max {
        return Err(TextProblem::TooLong { max });
    }
    if value.chars().any(char::is_control) {
        return Err(TextProblem::ControlInLine);
    }
    if let Some(problem) = markup_problem(value) {
        return Err(problem);
    }
    Ok(value.to_owned())
}

/// An optional one-line field: empty is absent.
pub fn check_optional_line(value: Option<&str>, max: usize) -> Result<Option<String>, TextProblem> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => check_line(v, max).map(Some),
    }
}

/// Multi-line text: lines kept (CRLF made LF), tabs allowed, nothing else below a space.
pub fn check_paragraphs(value: &str, max: usize) -> Result<String, TextProblem> {
    let value = value.trim().replace("\r\n", "\n");
    if value.is_empty() {
        return Err(TextProblem::Empty);
    }
    if value.chars().count() > max {
        return Err(TextProblem::TooLong { max });
    }
    if value.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Err(TextProblem::Control);
    }
    if let Some(problem) = markup_problem(&value) {
        return Err(problem);
    }
    Ok(value)
}

/// The presentation's Markdown subset: besides plain text only headings, lists, emphasis and
/// links to http(s)/mailto; images are refused (attachments carry pictures).
pub fn check_markdown(text: &str) -> Result<(), TextProblem> {
    if text.contains("![") {
        return Err(TextProblem::Image);
    }
    let mut rest = text;
    while let Some(at) = rest.find("](") {
        let after = &rest[at + 2..];
        let target = after.split(')').next().unwrap_or_default().trim().to_lowercase();
        let allowed = ["https://", "http://", "mailto:"].iter().any(|s| target.starts_with(s));
        if !allowed {
            return Err(TextProblem::Link { target });
        }
        rest = after;
    }
    Ok(())
}

/// A phone number already checked as a line: digits, spaces and `+ - ( ) /` only.
pub fn check_phone(phone: &str) -> Result<(), TextProblem> {
    match phone.chars().all(|c| c.is_ascii_digit() || " +-()/".contains(c)) {
        true => Ok(()),
        false => Err(TextProblem::Phone),
    }
}

/// An e-mail address already checked as a line: one `@`, a dotted host, no spaces.
pub fn check_email(email: &str) -> Result<(), TextProblem> {
    let mut parts = email.split('@');
    let (user, host) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let bad =
        parts.next().is_some() || user.is_empty() || !host.contains('.') || email.contains(' ');
    match bad {
        true => Err(TextProblem::Email),
        false => Ok(()),
    }
}

/// Years of implementation: from [`FIRST_YEAR`] to `this_year`, an end not before the start
/// nor after [`LAST_YEAR`].
pub fn years_sane(from: i32, to: Option<i32>, this_year: i32) -> bool {
    (FIRST_YEAR..=this_year).contains(&from) && to.is_none_or(|to| to >= from && to <= LAST_YEAR)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_scripts_are_found_plain_text_passes() {
        for bad in [
            "<script>alert(1)</script>",
            "tekst <img src=x onerror=alert(1)>",
            "</p>",
            "<!-- komentarz -->",
            "[klik](javascript:alert(1))",
            "java\nscript:alert(1)",
            "&#60;script&#62;",
            "&lt;b&gt;",
            "data:text/html;base64,PHNjcmlwdD4=",
        ] {
            assert!(markup_problem(bad).is_some(), "{bad}");
        }
        assert_eq!(
            markup_problem("VBScript:msgbox"),
            Some(TextProblem::Script { scheme: "vbscript:" })
        );
        for good in ["a < b oraz 3<4", "koszt <= 5 zł", "**Wynik**: 12 % mniej", "e-mail: a@b.pl"]
        {
            assert_eq!(markup_problem(good), None, "{good}");
        }
    }

    #[test]
    fn lines_and_paragraphs_keep_their_shape() {
        assert_eq!(check_line("  Tytuł  ", 10), Ok("Tytuł".to_owned()));
        assert_eq!(check_line(" ", 10), Err(TextProblem::Empty));
        assert_eq!(check_line("abc", 2), Err(TextProblem::TooLong { max: 2 }));
        assert_eq!(check_line("a\nb", 10), Err(TextProblem::ControlInLine));
        assert_eq!(check_optional_line(Some("  "), 10), Ok(None));
        assert_eq!(check_paragraphs("a\r\n\tb", 10), Ok("a\n\tb".to_owned()));
        assert_eq!(check_paragraphs("a\u{7}b", 10), Err(TextProblem::Control));
        assert_eq!(check_paragraphs("x <b>y</b>", 100), Err(TextProblem::Markup));
    }

    #[test]
    fn links_go_to_the_web_or_mail_only() {
        assert!(check_markdown("[strona](https://jst.org.pl) i [list](mailto:a@b.pl)").is_ok());
        assert_eq!(
            check_markdown("[plik](file:///etc/passwd)"),
            Err(TextProblem::Link { target: "file:///etc/passwd".to_owned() })
        );
        assert_eq!(check_markdown("![obraz](https://x/y.png)"), Err(TextProblem::Image));
    }

    #[test]
    fn contacts_and_years() {
        assert!(check_phone("+48 (12) 000-00-00").is_ok());
        assert_eq!(check_phone("12 000 wew. 5"), Err(TextProblem::Phone));
        assert!(check_email("oswiata@example.pl").is_ok());
        for bad in ["a@b", "@b.pl", "a@b@c.pl", "a b@c.pl"] {
            assert_eq!(check_email(bad), Err(TextProblem::Email), "{bad}");
        }
        assert!(years_sane(2020, Some(2022), 2026));
        assert!(years_sane(2024, None, 2026));
        assert!(!years_sane(1989, None, 2026));
        assert!(!years_sane(2027, None, 2026), "not started yet");
        assert!(!years_sane(2022, Some(2020), 2026));
    }
}
