//! The style sheet. Headings, caption, header, footer and list paragraph use Word's built-in
//! style names ("heading 1" …): Word shows them in its own language ("Nagłówek 1"), lists them
//! in the navigation pane and tags them when exporting a PDF. Text is Arial (every Windows
//! machine has it; LibreOffice substitutes Liberation Sans), language pl-PL.

use super::table::TEXT_WIDTH;
use docx_rust::formatting::{
    Bold, BorderStyle, Borders, BottomBorder, CharacterProperty, Color, CustomTabStop,
    CustomTabStopSet, CustomTabStopSetChoice, Fonts, Indent, KeepLines, KeepNext, Lang, LeftBorder,
    OutlineLvl, PageBreakBefore, ParagraphProperty, Size, SizeComplex, Spacing, TabStopType,
};
use docx_rust::styles::{
    BasedOn, DefaultCharacterProperty, DefaultParagraphProperty, DefaultStyle, Next, QFormat,
    Style, StyleName, StyleType, Styles,
};

/// Style ids used by the body.
pub(crate) const NORMAL: &str = "Normal";
pub(crate) const HEADING: [&str; 3] = ["Heading1", "Heading2", "Heading3"];
pub(crate) const TITLE: &str = "Title";
pub(crate) const SUBTITLE: &str = "Subtitle";
pub(crate) const CAPTION: &str = "Caption";
pub(crate) const LIST: &str = "ListParagraph";
pub(crate) const HEADER: &str = "Header";
pub(crate) const FOOTER: &str = "Footer";
pub(crate) const TABLE_TEXT: &str = "TableText";
pub(crate) const COMMENTARY: &str = "Commentary";
pub(crate) const UNIT: &str = "TitleUnit";
pub(crate) const FACT: &str = "TitleFact";
pub(crate) const FIGURE: &str = "Figure";

pub(crate) const FONT: &str = "Arial";
/// Headings and captions.
pub(crate) const ACCENT: &str = "1F4E79";
const MUTED: &str = "555555";
const RULE: &str = "9E9E9E";

/// A thin grey rule (the header's line under the title).
macro_rules! rule {
    ($kind:ident) => {
        Some($kind {
            style: BorderStyle::Single,
            color: Some(RULE.into()),
            size: Some(4),
            space: Some(4),
            ..Default::default()
        })
    };
}

/// Where the title page's fact values start (twentieths of a point; 5 cm).
pub(crate) const FACT_TAB: isize = 2835;

pub(crate) fn styles(language: &str) -> Styles<'static> {
    let mut styles = Styles::new();
    styles.default(defaults(language));
    let normal = Style::new(StyleType::Paragraph, NORMAL).name("Normal");
    styles.push(Style { default: Some(true), q_format: Some(QFormat { value: None }), ..normal });
    for (level, (id, size, before)) in
        [(HEADING[0], 32, 0), (HEADING[1], 26, 360), (HEADING[2], 23, 240)].into_iter().enumerate()
    {
        let mut pp = ParagraphProperty {
            keep_next: Some(KeepNext::default()),
            keep_lines: Some(KeepLines::default()),
            spacing: Some(spacing(before, 120)),
            outline_lvl: Some(OutlineLvl { value: level as isize }),
            ..Default::default()
        };
        if level == 0 {
            // Every chapter on a new page, as in the PDF; Word skips the break on the first page.
            pp.page_break_before = Some(PageBreakBefore::default());
            pp.spacing = Some(spacing(0, 240));
        }
        let colour = if level == 2 { "333333" } else { ACCENT };
        styles.push(paragraph_style(
            id,
            &format!("heading {}", level + 1),
            pp,
            text(size, true, colour),
        ));
    }
    styles.push(paragraph_style(TITLE, "Title", pp(spacing(120, 240)), text(44, true, ACCENT)));
    styles.push(paragraph_style(SUBTITLE, "Subtitle", pp(spacing(0, 480)), text(28, false, MUTED)));
    let caption =
        ParagraphProperty { keep_next: Some(KeepNext::default()), ..pp(spacing(240, 80)) };
    styles.push(paragraph_style(CAPTION, "caption", caption, text(20, true, ACCENT)));
    let list = ParagraphProperty { indent: Some(indent(720, Some(360))), ..pp(spacing(0, 60)) };
    styles.push(paragraph_style(LIST, "List Paragraph", list, None));
    let header = ParagraphProperty {
        tabs: Some(tab_stops(&[(TabStopType::Right, TEXT_WIDTH)])),
        border: Some(Borders { bottom: rule!(BottomBorder), ..Default::default() }),
        ..pp(spacing(0, 0))
    };
    styles.push(paragraph_style(HEADER, "header", header, text(18, false, MUTED)));
    styles.push(paragraph_style(FOOTER, "footer", pp(spacing(0, 0)), text(18, false, MUTED)));
    let cell = ParagraphProperty { spacing: Some(single(0, 0)), ..Default::default() };
    styles.push(custom(paragraph_style(
        TABLE_TEXT,
        "Tekst tabeli",
        cell,
        text(20, false, "000000"),
    )));
    styles.push(custom(paragraph_style(COMMENTARY, "Komentarz", commentary(), None)));
    styles.push(custom(paragraph_style(
        UNIT,
        "Jednostka",
        pp(spacing(1200, 240)),
        text(30, true, "000000"),
    )));
    let fact = ParagraphProperty {
        indent: Some(indent(FACT_TAB, Some(FACT_TAB))),
        tabs: Some(tab_stops(&[(TabStopType::Left, FACT_TAB)])),
        ..pp(spacing(0, 80))
    };
    styles.push(custom(paragraph_style(FACT, "Metryka", fact, None)));
    let figure = ParagraphProperty { spacing: Some(single(0, 240)), ..Default::default() };
    styles.push(custom(paragraph_style(FIGURE, "Rysunek", figure, None)));
    styles
}

fn defaults(language: &str) -> DefaultStyle<'static> {
    let character = CharacterProperty {
        fonts: Some(Fonts::default().ascii(FONT).h_ansi(FONT).east_asia(FONT).custom(FONT)),
        size: Some(Size::from(22isize)),
        size_complex: Some(SizeComplex { value: Some(22) }),
        lang: Some(Lang::default().val(language.to_owned())),
        ..Default::default()
    };
    let paragraph = ParagraphProperty {
        spacing: Some(Spacing { line: Some(276), line_rule: auto(), ..spacing(0, 120) }),
        ..Default::default()
    };
    DefaultStyle::default()
        .character(DefaultCharacterProperty::from(character))
        .paragraph(DefaultParagraphProperty::from(paragraph))
}

fn paragraph_style(
    id: &'static str,
    name: &str,
    paragraph: ParagraphProperty<'static>,
    character: Option<CharacterProperty<'static>>,
) -> Style<'static> {
    let mut style = Style::new(StyleType::Paragraph, id).name(StyleName::from(name.to_owned()));
    style.base = Some(BasedOn { value: NORMAL.into() });
    style.next = Some(Next { value: NORMAL.into() });
    style.q_format = Some(QFormat { value: None });
    style.paragraph = Some(paragraph);
    style.character = character;
    style
}

fn tab_stops(stops: &[(TabStopType, isize)]) -> CustomTabStopSet {
    let stops = stops.iter().map(|(kind, pos)| {
        CustomTabStopSetChoice::CustomTabStop(
            CustomTabStop::default().tab_stop_type(kind.clone()).pos(*pos),
        )
    });
    CustomTabStopSet { content: stops.collect() }
}

fn custom(style: Style<'static>) -> Style<'static> {
    Style { custom_style: Some(true), ..style }
}

fn pp(spacing: Spacing) -> ParagraphProperty<'static> {
    ParagraphProperty { spacing: Some(spacing), ..Default::default() }
}

/// Space before and after, in twentieths of a point.
fn spacing(before: isize, after: isize) -> Spacing {
    Spacing { before: Some(before), after: Some(after), ..Default::default() }
}

/// Single line spacing (table cells).
fn single(before: isize, after: isize) -> Spacing {
    Spacing { line: Some(240), line_rule: auto(), ..spacing(before, after) }
}

/// `w:lineRule="auto"` (the line in 240ths of a line, growing with a picture). The schema's
/// default, but LibreOffice reads a missing rule as "exact" and cuts pictures to one line.
/// docx-rust does not export its `LineRule`; its `FromStr` reaches the value.
fn auto<T: std::str::FromStr>() -> Option<T> {
    "auto".parse().ok()
}

fn indent(left: isize, hanging: Option<isize>) -> Indent {
    Indent { left: Some(left), hanging, ..Default::default() }
}

/// Half-points, bold, colour `RRGGBB`.
fn text(
    half_points: isize,
    bold: bool,
    colour: &'static str,
) -> Option<CharacterProperty<'static>> {
    Some(CharacterProperty {
        size: Some(Size::from(half_points)),
        size_complex: Some(SizeComplex { value: Some(half_points) }),
        bold: bold.then(Bold::default),
        color: Some(Color::from(colour)),
        ..Default::default()
    })
}

/// Indented, with a grey rule on the left: the officer's words set apart from the report's.
fn commentary() -> ParagraphProperty<'static> {
    let rule = LeftBorder {
        style: BorderStyle::Single,
        color: Some(RULE.into()),
        size: Some(18),
        space: Some(8),
        ..Default::default()
    };
    ParagraphProperty {
        indent: Some(indent(567, None)),
        border: Some(Borders { left: Some(rule), ..Default::default() }),
        spacing: Some(spacing(120, 160)),
        ..Default::default()
    }
}
