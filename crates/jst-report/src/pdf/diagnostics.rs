//! Typst's diagnostics as one line of text for [`Error::Pdf`]. Typst words them in English; the
//! Polish part is the error's own prefix. The template line helps whoever maintains the template;
//! the message itself (e.g. a PDF/UA rule) says what in the content was wrong.

use typst::diag::SourceDiagnostic;
use typst::WorldExt;

use super::world::ReportWorld;
use crate::Error;

pub(super) fn to_error(world: &ReportWorld, diagnostics: &[SourceDiagnostic]) -> Error {
    let text: Vec<String> = diagnostics.iter().map(|d| describe(world, d)).collect();
    Error::Pdf(text.join("; "))
}

pub(super) fn describe(world: &ReportWorld, diagnostic: &SourceDiagnostic) -> String {
    let mut text = diagnostic.message.to_string();
    let main = world.main_source();
    if diagnostic.span.id() == Some(main.id()) {
        if let Some(line) =
            world.range(diagnostic.span).and_then(|r| main.lines().byte_to_line(r.start))
        {
            text.push_str(&format!(" (szablon, wiersz {})", line + 1));
        }
    }
    for hint in &diagnostic.hints {
        text.push_str(&format!(" [{}]", hint.v));
    }
    text
}
