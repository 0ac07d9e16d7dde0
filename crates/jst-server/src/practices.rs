//! The good-practice base (Baza Dobrych Praktyk, DESIGN §8): descriptions of what a unit did,
//! with their metryka, a short and a full presentation, attachments and the catalogue
//! indicators they improved. Public: published practices travel in every release
//! ([`crate::release_build`]). The association imports them from a JSON file
//! (`docs/practices-format.md`); units propose them over the API ([`crate::practices_api`]),
//! and nothing a unit proposed is published until the association says so.
//!
//! Text is never HTML: the full presentation is a small Markdown subset that a reader shows
//! as text with a few marks, so anything that looks like markup, a script or a link other
//! than http(s)/mailto is refused here, before a byte is written.

use std::collections::HashSet;
use std::path::Path;

use jst_domain::practice_text::{
    self as text, TextProblem, MAX_CONTACTS, MAX_EMAIL_CHARS, MAX_INDICATORS, MAX_KEYWORDS,
    MAX_KEYWORD_CHARS, MAX_LINE_CHARS, MAX_PHONE_CHARS, MAX_PRESENTATION_CHARS, MAX_SOURCE_CHARS,
    MAX_SUMMARY_CHARS, MAX_TITLE_CHARS,
};
use jst_domain::UnitKind;
use serde::{Deserialize, Serialize};

use crate::register::current_register;
use crate::{Error, Result, Storage};
use jst_server_store::NewPractice;

/// Largest practice file (JSON without the attachments, which are files beside it).
pub const MAX_PRACTICES_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// Largest attachment: a scanned presentation or a photo, not a film.
pub const MAX_ATTACHMENT_BYTES: u64 = 10 * 1024 * 1024;
const MAX_ATTACHMENTS: usize = 20;

/// The practice as stored and published, with its parts; this module checks what it accepts.
pub use jst_server_store::practice::{
    Area, Attachment, Contact, IndicatorEffect, Measure, MediaType, Practice, SubArea, Years,
};

/// An attachment as a practice file names it: a file beside it and the hash it must have.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttachmentInput {
    pub file: String,
    pub sha256: String,
    #[serde(default)]
    pub title: Option<String>,
}

/// A practice as a file or a unit gives it (codes as text, so a wrong one gets a Polish answer).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticeInput {
    pub title: String,
    pub area: String,
    #[serde(default)]
    pub sub_area: Option<String>,
    pub teryt: String,
    #[serde(default)]
    pub population: Option<u64>,
    pub implementing_body: String,
    #[serde(default)]
    pub contacts: Vec<Contact>,
    pub entered: String,
    pub years: Years,
    pub summary: String,
    pub presentation: String,
    #[serde(default)]
    pub attachments: Vec<AttachmentInput>,
    #[serde(default)]
    pub indicators: Vec<IndicatorEffect>,
    #[serde(default)]
    pub keywords: Vec<String>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub starter: bool,
}

/// Parses a practice file: one practice or a list. A file cut short, or anything but that
/// shape, is refused with where it went wrong.
pub fn parse_file(bytes: &[u8], name: &str) -> Result<Vec<PracticeInput>> {
    let text = std::str::from_utf8(bytes).map_err(|_| {
        Error::Invalid(format!("{name}: plik nie jest tekstem UTF-8; nic nie zapisano"))
    })?;
    // The shape first (so a cut file is told as such), then the fields.
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        if e.is_eof() {
            Error::Invalid(format!(
                "{name}: plik urywa się w wierszu {} (niepełny JSON — ucięty przy kopiowaniu?); nic nie zapisano",
                e.line()
            ))
        } else {
            Error::Invalid(format!(
                "{name}: to nie jest poprawny JSON (wiersz {}, kolumna {}); nic nie zapisano",
                e.line(),
                e.column()
            ))
        }
    })?;
    let many = match value {
        serde_json::Value::Array(items) => items,
        other @ serde_json::Value::Object(_) => vec![other],
        _ => {
            return Err(Error::Invalid(format!(
            "{name}: oczekiwano jednej praktyki (obiekt JSON) albo listy praktyk; nic nie zapisano"
        )))
        }
    };
    if many.is_empty() {
        return Err(Error::Invalid(format!("{name}: lista praktyk jest pusta; nic nie zapisano")));
    }
    many.into_iter()
        .enumerate()
        .map(|(i, v)| {
            serde_json::from_value::<PracticeInput>(v).map_err(|e| {
                Error::Invalid(format!(
                    "{name}: praktyka nr {}: {}; nic nie zapisano",
                    i + 1,
                    polish_serde(&e)
                ))
            })
        })
        .collect()
}

/// Parses one practice sent over the API.
pub fn parse_one(bytes: &[u8]) -> Result<PracticeInput> {
    let value: serde_json::Value = serde_json::from_slice(bytes)
        .map_err(|e| Error::Invalid(format!("treść nie jest poprawnym JSON: {e}")))?;
    if !value.is_object() {
        return Err(Error::Invalid("treść: wyślij jedną praktykę (obiekt JSON)".to_owned()));
    }
    serde_json::from_value(value)
        .map_err(|e| Error::Invalid(format!("treść: {}", polish_serde(&e))))
}

/// serde's English reasons, in the words an officer reads.
fn polish_serde(e: &serde_json::Error) -> String {
    let text = e.to_string();
    if let Some(field) = text.strip_prefix("missing field `").and_then(|r| r.split('`').next()) {
        return format!("brak pola „{field}”");
    }
    if let Some(field) = text.strip_prefix("unknown field `").and_then(|r| r.split('`').next()) {
        return format!("nieznane pole „{field}” (pola opisuje docs/practices-format.md)");
    }
    if text.starts_with("invalid type") {
        return format!("pole ma zły typ ({text})");
    }
    text
}

/// What a check needs to know besides the practice: the catalogue's codes and the register.
pub struct Context {
    indicators: Option<HashSet<String>>,
    units: std::collections::HashMap<String, (String, UnitKind)>,
    today: String,
}

impl Context {
    pub fn of(storage: &dyn Storage, at: &str) -> Result<Self> {
        let indicators = match storage.catalogue()? {
            Some((csv, _)) => Some(
                jst_import::parse_catalogue(&csv, "katalog")?.into_iter().map(|r| r.code).collect(),
            ),
            None => None,
        };
        let register = current_register(storage)?;
        let units = register
            .snapshot
            .entries
            .iter()
            .map(|e| (e.teryt.as_str().to_owned(), (e.name.clone(), e.kind)))
            .collect();
        Ok(Self { indicators, units, today: at.get(..10).unwrap_or(at).to_owned() })
    }
}

/// Where a problem is: the file and the practice, then the field.
struct Place<'a> {
    file: &'a str,
    number: usize,
    title: &'a str,
}

impl Place<'_> {
    fn error(&self, field: &str, why: impl std::fmt::Display) -> Error {
        let title: String = self.title.chars().take(60).collect();
        Error::Invalid(format!(
            "{}: praktyka nr {} („{title}”), pole {field}: {why}; nic nie zapisano",
            self.file, self.number
        ))
    }
}

/// A text problem in the server's words (the desktop words the same problems through its
/// catalogue).
fn polish(problem: TextProblem) -> String {
    match problem {
        TextProblem::Empty => "pole jest puste".to_owned(),
        TextProblem::TooLong { max } => format!("najwyżej {max} znaków"),
        TextProblem::ControlInLine => "jeden wiersz bez znaków sterujących".to_owned(),
        TextProblem::Control => "znaki sterujące są niedozwolone".to_owned(),
        TextProblem::Markup => {
            "zawiera znacznik HTML („<…>”); tekst nie może zawierać HTML ani skryptów".to_owned()
        }
        TextProblem::Script { scheme } => {
            format!("zawiera „{scheme}”; tekst nie może zawierać skryptów")
        }
        TextProblem::Entity => "zawiera encje HTML („&#…”, „&lt;”); wpisz zwykłe znaki".to_owned(),
        TextProblem::Image => {
            "obrazy w tekście („![…](…)”) są niedozwolone; dołącz obraz jako załącznik".to_owned()
        }
        TextProblem::Link { target } => {
            format!("odnośnik „{target}”: dozwolone są tylko adresy https://, http:// i mailto:")
        }
        TextProblem::Phone => "numer telefonu: cyfry, spacje i + - ( ) /".to_owned(),
        TextProblem::Email => "to nie jest adres e-mail".to_owned(),
    }
}

fn line(place: &Place, field: &str, value: &str, max: usize) -> Result<String> {
    text::check_line(value, max).map_err(|p| place.error(field, polish(p)))
}

fn optional_line(
    place: &Place,
    field: &str,
    value: &Option<String>,
    max: usize,
) -> Result<Option<String>> {
    text::check_optional_line(value.as_deref(), max).map_err(|p| place.error(field, polish(p)))
}

/// Multi-line text: lines kept, tabs allowed, nothing else below a space.
fn paragraphs(place: &Place, field: &str, value: &str, max: usize) -> Result<String> {
    text::check_paragraphs(value, max).map_err(|p| place.error(field, polish(p)))
}

/// The presentation's Markdown subset: besides plain text only headings, lists, emphasis and
/// links to http(s)/mailto; images and raw HTML are refused (attachments carry pictures).
fn check_markdown(place: &Place, presentation: &str) -> Result<()> {
    text::check_markdown(presentation).map_err(|p| place.error("presentation", polish(p)))
}

fn check_date(place: &Place, field: &str, day: &str, today: &str) -> Result<String> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let date = time::Date::parse(day.trim(), &format)
        .map_err(|_| place.error(field, format!("„{day}” nie jest datą RRRR-MM-DD")))?;
    let date = date.to_string();
    if date.as_str() > today {
        return Err(place.error(field, format!("data {date} jest z przyszłości")));
    }
    Ok(date)
}

fn codes<T: Copy + Serialize>(all: &[T]) -> String {
    all.iter()
        .filter_map(|a| serde_json::to_value(a).ok())
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect::<Vec<_>>()
        .join(", ")
}

fn closed<T: for<'de> Deserialize<'de>>(code: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(code.trim().to_owned())).ok()
}

/// Checks one practice and reads its attachments from `base` (the practice file's folder;
/// `None` over the API, where attachments are not accepted). Nothing is written.
pub fn check(
    input: &PracticeInput,
    context: &Context,
    file: &str,
    number: usize,
    base: Option<&Path>,
) -> Result<NewPractice> {
    let place = Place { file, number, title: input.title.trim() };
    let title = line(&place, "title", &input.title, MAX_TITLE_CHARS)?;
    let area: Area = closed(&input.area).ok_or_else(|| {
        place.error(
            "area",
            format!("nieznany obszar „{}”; dozwolone: {}", input.area.trim(), codes(&Area::ALL)),
        )
    })?;
    let sub_area = match input.sub_area.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None if area == Area::RozwojInstytucjonalny => {
            return Err(place.error(
                "sub_area",
                format!(
                    "obszar rozwoj_instytucjonalny wymaga podobszaru: {}",
                    codes(&SubArea::ALL)
                ),
            ))
        }
        None => None,
        Some(code) => {
            let sub: SubArea = closed(code).ok_or_else(|| {
                place.error(
                    "sub_area",
                    format!("nieznany podobszar „{code}”; dozwolone: {}", codes(&SubArea::ALL)),
                )
            })?;
            if sub.area() != area {
                return Err(place.error(
                    "sub_area",
                    format!(
                        "podobszar {} należy do obszaru {}, nie {}",
                        sub.code(),
                        sub.area().code(),
                        area.code()
                    ),
                ));
            }
            Some(sub)
        }
    };
    let teryt = jst_domain::Teryt::parse(input.teryt.trim())
        .map_err(|e| place.error("teryt", e))?
        .as_str()
        .to_owned();
    let (unit_name, unit_kind) = context.units.get(&teryt).cloned().ok_or_else(|| {
        place.error("teryt", format!("jednostki {teryt} nie ma w obowiązującym rejestrze TERYT"))
    })?;
    if input.population.is_some_and(|p| p == 0 || p > 50_000_000) {
        return Err(place.error("population", "liczba mieszkańców musi być od 1 do 50 000 000"));
    }
    let implementing_body =
        line(&place, "implementing_body", &input.implementing_body, MAX_LINE_CHARS)?;
    if input.contacts.len() > MAX_CONTACTS {
        return Err(place.error("contacts", format!("najwyżej {MAX_CONTACTS} osób")));
    }
    let mut contacts = Vec::new();
    for c in &input.contacts {
        let name = line(&place, "contacts.name", &c.name, MAX_LINE_CHARS)?;
        let role = optional_line(&place, "contacts.role", &c.role, MAX_LINE_CHARS)?;
        let phone = optional_line(&place, "contacts.phone", &c.phone, MAX_PHONE_CHARS)?;
        if let Some(p) = phone.as_deref() {
            text::check_phone(p).map_err(|p| place.error("contacts.phone", polish(p)))?;
        }
        let email = optional_line(&place, "contacts.email", &c.email, MAX_EMAIL_CHARS)?;
        if let Some(e) = email.as_deref() {
            text::check_email(e).map_err(|p| place.error("contacts.email", polish(p)))?;
        }
        contacts.push(Contact { name, role, phone, email });
    }
    let entered = check_date(&place, "entered", &input.entered, &context.today)?;
    let this_year: i32 = context.today.get(..4).and_then(|y| y.parse().ok()).unwrap_or(2100);
    let years = input.years;
    if !text::years_sane(years.from, years.to, this_year) {
        return Err(place
            .error("years", "lata wdrożenia: od 1990 do bieżącego roku, „to” nie przed „from”"));
    }
    let summary = paragraphs(&place, "summary", &input.summary, MAX_SUMMARY_CHARS)?;
    let presentation =
        paragraphs(&place, "presentation", &input.presentation, MAX_PRESENTATION_CHARS)?;
    check_markdown(&place, &presentation)?;
    let mut indicators = Vec::new();
    if input.indicators.len() > MAX_INDICATORS {
        return Err(place.error("indicators", format!("najwyżej {MAX_INDICATORS} wskaźników")));
    }
    if !input.indicators.is_empty() {
        let Some(known) = &context.indicators else {
            return Err(Error::Missing(
                "brak katalogu wskaźników: najpierw jst-server import catalogue PLIK".to_owned(),
            ));
        };
        let unknown: Vec<&str> = input
            .indicators
            .iter()
            .map(|i| i.code.trim())
            .filter(|c| !known.contains(*c))
            .collect();
        if !unknown.is_empty() {
            return Err(place.error(
                "indicators",
                format!("w katalogu nie ma wskaźników {}", unknown.join(", ")),
            ));
        }
        let mut seen = HashSet::new();
        for effect in &input.indicators {
            let code = effect.code.trim().to_owned();
            if !seen.insert(code.clone()) {
                return Err(place.error("indicators", format!("wskaźnik {code} podano dwa razy")));
            }
            for m in [effect.before, effect.after].into_iter().flatten() {
                if !jst_release::publishable(m.value) || !(1990..=2100).contains(&m.year) {
                    return Err(place.error(
                        "indicators",
                        format!(
                            "wartość {} za rok {} wskaźnika {code} jest poza zakresem",
                            m.value, m.year
                        ),
                    ));
                }
            }
            indicators.push(IndicatorEffect { code, before: effect.before, after: effect.after });
        }
    }
    if input.keywords.len() > MAX_KEYWORDS {
        return Err(place.error("keywords", format!("najwyżej {MAX_KEYWORDS} słów kluczowych")));
    }
    let keywords = input
        .keywords
        .iter()
        .map(|k| line(&place, "keywords", k, MAX_KEYWORD_CHARS))
        .collect::<Result<Vec<_>>>()?;
    let source = optional_line(&place, "source", &input.source, MAX_SOURCE_CHARS)?;
    if input.attachments.len() > MAX_ATTACHMENTS {
        return Err(place.error("attachments", format!("najwyżej {MAX_ATTACHMENTS} załączników")));
    }
    let mut attachments = Vec::new();
    for a in &input.attachments {
        let Some(base) = base else {
            return Err(place.error(
                "attachments",
                "załączniki dołącza stowarzyszenie przy imporcie pliku, nie przez API",
            ));
        };
        attachments.push(read_attachment(&place, base, a)?);
    }
    let practice = Practice {
        id: 0,
        title,
        area,
        sub_area,
        teryt,
        unit_name,
        unit_kind,
        population: input.population,
        implementing_body,
        contacts,
        entered,
        years,
        summary,
        presentation,
        attachments: attachments.iter().map(|(a, _)| a.clone()).collect(),
        indicators,
        keywords,
        source,
        starter: input.starter,
    };
    Ok(NewPractice { practice, attachments })
}

/// Reads an attachment named relative to the practice file: within the cap, of a kind the
/// base keeps, with exactly the hash the file declares.
fn read_attachment(
    place: &Place,
    base: &Path,
    a: &AttachmentInput,
) -> Result<(Attachment, Vec<u8>)> {
    let relative = Path::new(a.file.trim());
    let escapes = relative.is_absolute()
        || relative.components().any(|c| !matches!(c, std::path::Component::Normal(_)));
    if a.file.trim().is_empty() || escapes {
        return Err(place.error(
            "attachments.file",
            format!(
                "„{}”: podaj ścieżkę względem pliku praktyk, bez „..” i bez „/” na początku",
                a.file
            ),
        ));
    }
    let declared = a.sha256.trim().to_lowercase();
    if declared.len() != 64 || !declared.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(place.error(
            "attachments.sha256",
            format!("„{}” nie jest skrótem SHA-256 (64 znaki szesnastkowe)", a.sha256),
        ));
    }
    let path = base.join(relative);
    let bytes = crate::read_input(&path, MAX_ATTACHMENT_BYTES).map_err(|e| match e {
        Error::Invalid(_) if path.is_file() => place.error(
            "attachments",
            format!(
                "{}: załącznik jest większy niż dopuszczalne {} MiB",
                a.file,
                MAX_ATTACHMENT_BYTES / (1024 * 1024)
            ),
        ),
        other => place.error("attachments", other),
    })?;
    let actual = jst_release::sha256_hex(&bytes);
    if actual != declared {
        return Err(place.error(
            "attachments.sha256",
            format!("{}: skrót pliku to {actual}, a nie podany {declared} (plik zmieniony lub uszkodzony)", a.file),
        ));
    }
    let media_type = MediaType::sniff(&bytes).ok_or_else(|| {
        place.error("attachments", format!("{}: dozwolone są tylko PDF, PNG i JPEG", a.file))
    })?;
    if MediaType::of_extension(&a.file) != Some(media_type) {
        return Err(place.error(
            "attachments",
            format!(
                "{}: rozszerzenie nie zgadza się z treścią pliku ({})",
                a.file,
                media_type.code()
            ),
        ));
    }
    let title = match &a.title {
        Some(t) => line(place, "attachments.title", t, MAX_LINE_CHARS)?,
        None => relative.file_name().and_then(|n| n.to_str()).unwrap_or("załącznik").to_owned(),
    };
    let meta = Attachment { title, media_type, sha256: actual, size: bytes.len() as u64 };
    Ok((meta, bytes))
}

/// `jst-server practices import FILE`: every practice checked, then all stored as published
/// (the association is the moderator of its own file), or none.
pub fn import_file(storage: &mut dyn Storage, path: &Path, at: &str) -> Result<Vec<i64>> {
    let bytes = crate::read_input(path, MAX_PRACTICES_FILE_BYTES)?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("praktyki").to_owned();
    let inputs = parse_file(&bytes, &name)?;
    let context = Context::of(storage, at)?;
    let base = path.parent().unwrap_or(Path::new("."));
    let checked = inputs
        .iter()
        .enumerate()
        .map(|(i, p)| check(p, &context, &name, i + 1, Some(base)))
        .collect::<Result<Vec<_>>>()?;
    Ok(storage.save_practices(&checked, jst_server_store::PracticeStatus::Published, None, at)?)
}

/// `jst-server practices publish ID`: a proposed practice goes into the next release.
pub fn publish(storage: &mut dyn Storage, id: i64, at: &str) -> Result<Practice> {
    let found = storage.practices()?.into_iter().find(|p| p.practice.id == id);
    match found {
        None => Err(Error::Invalid(format!("nie ma praktyki nr {id}; nic nie zapisano"))),
        Some(p) if p.status == jst_server_store::PracticeStatus::Published => {
            Err(Error::Invalid(format!("praktyka nr {id} jest już opublikowana; nic nie zapisano")))
        }
        Some(p) => {
            storage.publish_practice(id, at)?;
            Ok(p.practice)
        }
    }
}

/// `jst-server practices remove ID`: gone from the base and from the next release.
pub fn remove(storage: &mut dyn Storage, id: i64, at: &str) -> Result<()> {
    if storage.remove_practice(id, at)? {
        Ok(())
    } else {
        Err(Error::Invalid(format!("nie ma praktyki nr {id}; nic nie zapisano")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_problems_keep_the_server_s_polish_words() {
        let place = Place { file: "f", number: 1, title: "t" };
        let err = line(&place, "title", "<script>x</script>", 300).expect_err("markup");
        assert!(err.to_string().contains("pole title: zawiera znacznik HTML"), "{err}");
        assert!(
            check_markdown(&place, "[strona](https://jst.org.pl) i [list](mailto:a@b.pl)").is_ok()
        );
        let err = check_markdown(&place, "[plik](file:///etc/passwd)").expect_err("link");
        assert!(err.to_string().contains("odnośnik „file:///etc/passwd”"), "{err}");
        assert!(check_markdown(&place, "![obraz](https://x/y.png)").is_err());
    }

    #[test]
    fn closed_sets_have_their_public_codes() {
        for area in Area::ALL {
            assert_eq!(closed::<Area>(area.code()), Some(area));
        }
        for sub in SubArea::ALL {
            assert_eq!(closed::<SubArea>(sub.code()), Some(sub));
        }
        assert_eq!(closed::<Area>("oswiata"), None);
    }
}
