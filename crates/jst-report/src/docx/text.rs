//! Paragraphs and runs from plain text: line breaks and tabs become Word's own, characters XML
//! cannot carry are dropped (a pasted control character would make Word refuse the file).

use docx_rust::document::{
    Break, Paragraph, ParagraphContent, Run, RunContent, Tab, Text, TextSpace,
};
use docx_rust::formatting::{
    Bold, CharacterProperty, Color, Fonts, Justification, JustificationVal, PageBreakBefore,
    ParagraphProperty, ParagraphStyleId,
};

/// A font every Windows machine has with all the status marks Arial lacks (✓ ◆).
pub(crate) const SYMBOL_FONT: &str = "Segoe UI Symbol";

/// How a run looks beyond its paragraph's style.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Look {
    pub bold: bool,
    /// `RRGGBB`, no `#`.
    pub colour: Option<&'static str>,
    pub symbol_font: bool,
}

impl Look {
    pub const PLAIN: Look = Look { bold: false, colour: None, symbol_font: false };
    pub const BOLD: Look = Look { bold: true, colour: None, symbol_font: false };

    fn property(self) -> Option<CharacterProperty<'static>> {
        if self == Look::PLAIN {
            return None;
        }
        let mut p = CharacterProperty::default();
        if self.symbol_font {
            p.fonts = Some(
                Fonts::default()
                    .ascii(SYMBOL_FONT)
                    .h_ansi(SYMBOL_FONT)
                    .east_asia(SYMBOL_FONT)
                    .custom(SYMBOL_FONT),
            );
        }
        if self.bold {
            p.bold = Some(Bold::default());
        }
        if let Some(c) = self.colour {
            p.color = Some(Color::from(c));
        }
        Some(p)
    }
}

/// Whether XML 1.0 can carry the character.
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// One run of text; `\n` becomes a line break, `\t` a tab, `\r` is dropped.
pub(crate) fn run(text: &str, look: Look) -> Run<'static> {
    let mut content = Vec::new();
    let mut piece = String::new();
    let flush = |piece: &mut String, content: &mut Vec<RunContent<'static>>| {
        if !piece.is_empty() {
            let text = Text::from((std::mem::take(piece), TextSpace::Preserve));
            content.push(RunContent::Text(text));
        }
    };
    for c in text.chars().filter(|c| allowed(*c)) {
        match c {
            '\n' => {
                flush(&mut piece, &mut content);
                content.push(RunContent::Break(Break::default()));
            }
            '\t' => {
                flush(&mut piece, &mut content);
                content.push(RunContent::Tab(Tab));
            }
            c => piece.push(c),
        }
    }
    flush(&mut piece, &mut content);
    Run { property: look.property(), content, ..Run::default() }
}

/// A paragraph of the given style.
pub(crate) fn paragraph(style: &'static str, runs: Vec<Run<'static>>) -> Paragraph<'static> {
    let property =
        ParagraphProperty { style_id: Some(ParagraphStyleId::from(style)), ..Default::default() };
    Paragraph {
        property: Some(property),
        content: runs.into_iter().map(ParagraphContent::Run).collect(),
        ..Paragraph::default()
    }
}

/// A paragraph of the given style holding plain text.
pub(crate) fn plain(style: &'static str, text: &str) -> Paragraph<'static> {
    paragraph(style, vec![run(text, Look::PLAIN)])
}

/// Aligns a paragraph to the right (numbers in tables) or the centre.
pub(crate) fn align(mut p: Paragraph<'static>, value: JustificationVal) -> Paragraph<'static> {
    p.property.get_or_insert_with(Default::default).justification =
        Some(Justification::from(value));
    p
}

/// Starts a paragraph on a new page.
pub(crate) fn new_page(mut p: Paragraph<'static>) -> Paragraph<'static> {
    p.property.get_or_insert_with(Default::default).page_break_before =
        Some(PageBreakBefore::default());
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_dropped_and_breaks_kept() {
        let r = run("a\u{1}b\nc\td\r", Look::PLAIN);
        assert_eq!(r.content.len(), 5);
        assert!(matches!(&r.content[0], RunContent::Text(t) if t.text == "ab"));
        assert!(matches!(r.content[1], RunContent::Break(_)));
        assert!(matches!(r.content[3], RunContent::Tab(_)));
        assert!(matches!(&r.content[4], RunContent::Text(t) if t.text == "d"));
    }
}
