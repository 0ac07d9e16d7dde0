//! Every fixed sentence the reports print, in one file: an association or a town hall that wants
//! other words changes them here and nowhere else. Figures and names come from the caller.

use jst_domain::format_decimal;
use jst_domain::strategy::{Status, Thresholds};

/// What a status means, in plain Polish, for the status key (DESIGN §5.1–5.2), with the
/// thresholds the statuses were computed with.
pub fn status_meaning(status: Status, t: &Thresholds) -> String {
    let (on_track, acceleration) = (percent(t.on_track), percent(t.acceleration_needed));
    match status {
        Status::Achieved => "wartość docelowa została osiągnięta lub przekroczona".to_owned(),
        Status::OnTrack => format!(
            "tempo zmian wystarcza, by osiągnąć cel w terminie (co najmniej {on_track} tempa wymaganego)"
        ),
        Status::AccelerationNeeded => format!(
            "zmiany idą w dobrą stronę, ale za wolno ({acceleration}–{on_track} tempa wymaganego)"
        ),
        Status::LimitedProgress => {
            format!("zmiany w dobrą stronę są niewielkie (poniżej {acceleration} tempa wymaganego)")
        }
        Status::Deterioration => "wartość oddala się od celu".to_owned(),
        Status::NoData => "brak wartości za lata po roku bazowym".to_owned(),
    }
}

/// A fraction as a Polish percentage: 0.95 → "95%", 0.925 → "92,5%".
fn percent(fraction: f64) -> String {
    format!("{}%", format_decimal(fraction * 100.0, 1))
}

/// The page number in a PDF's footer; the template fills in `{n}` and `{total}`.
pub const PAGE_NUMBER: &str = "Strona {n} z {total}";

/// Column headers of the status key table.
pub const STATUS_KEY_HEADERS: [&str; 2] = ["Status", "Znaczenie"];

/// The legend of an indicator's chart: observed values, the planned path, the projection.
pub const CHART_OBSERVED: &str = "Wartości";
pub const CHART_PLANNED: &str = "Ścieżka do celu";
pub const CHART_PROJECTION: &str = "Projekcja";
/// Said inside a chart's frame when an indicator has no value to draw.
pub const CHART_NO_VALUES: &str = "Brak wartości do pokazania na wykresie";

/// Said before the status key table in a DOCX (its caption and accessible summary).
pub const STATUS_KEY_CAPTION: &str = "Objaśnienie statusów";

pub const MONITORING_TITLE: &str = "Raport z monitoringu strategii rozwoju";
pub const CHAPTER_TITLE: &str = "Realizacja strategii";
pub const SAMPLE_LABEL: &str = "dane przykładowe";
/// Said in the text too: the page header is an artifact screen readers skip.
pub const SAMPLE_NOTICE: &str = "Dane przykładowe: dokument sporządzono na danych demonstracyjnych programu Monitor JST; wartości nie opisują rzeczywistej jednostki.";
pub const LANGUAGE: &str = "pl-PL";

pub const FACT_STRATEGY: &str = "Strategia";
pub const FACT_RESOLUTION: &str = "Przyjęta";
pub const FACT_PERIOD: &str = "Okres obowiązywania";
pub const FACT_YEAR: &str = "Rok objęty oceną";
pub const FACT_DATE: &str = "Data sporządzenia";
pub const FACT_PREPARED_BY: &str = "Sporządził(a)";
pub const FACT_NOTE: &str = "Uwaga";

pub const INTRODUCTION: &str = "Wprowadzenie";
pub const METHOD: &str = "Metodyka";
pub const SUMMARY: &str = "Podsumowanie";
pub const PEERS: &str = "Na tle grupy porównawczej";
pub const ANNEX: &str = "Załącznik. Wskaźniki, źródła danych i wartości";
pub const COMMENTARY: &str = "Komentarz";
pub const NOTE: &str = "Uwagi";
pub const OBJECTIVES: &str = "Cele i kierunki";
pub const INDICATORS: &str = "Wskaźniki";

pub const METHOD_SOURCES: &str = "Źródła danych";
pub const METHOD_STATUS: &str = "Jak ustalono status";
pub const METHOD_KEY: &str = "Oznaczenia";

/// The status method of DESIGN §5.1–5.3 told in plain Polish, paragraph by paragraph, with the
/// thresholds the statuses were computed with.
pub fn method_paragraphs(t: &Thresholds) -> [String; 5] {
    let (on_track, acceleration) = (percent(t.on_track), percent(t.acceleration_needed));
    let tolerance = percent(t.maintain_tolerance);
    let on_track_score = format_decimal(t.on_track, 3);
    let acceleration_score = format_decimal(t.acceleration_needed, 3);
    [
        "Każdy wskaźnik strategii ma wartość bazową (z roku bazowego), wartość docelową (na rok docelowy) i kierunek: wzrost, spadek albo utrzymanie. Ocenę opiera się na ostatniej znanej wartości z lat po roku bazowym, nie późniejszej niż rok objęty oceną.".to_owned(),
        "Postęp to część drogi od wartości bazowej do docelowej, jaką już przebyto (w procentach; może przekroczyć 100% albo być ujemny). Gdy wartość docelowa została osiągnięta, wskaźnik ma status „Osiągnięto”. W przeciwnym razie porównuje się tempo zmian dotąd z tempem potrzebnym, by dojść do celu w terminie: dla wartości dodatnich jako średnie roczne tempo procentowe, w innych przypadkach jako średnią roczną zmianę.".to_owned(),
        format!("Jeśli tempo dotychczasowe wynosi co najmniej {on_track} tempa potrzebnego, wskaźnik idzie „Zgodnie z planem”; od {acceleration} do {on_track} — „Wymaga przyspieszenia”; od zera do {acceleration} — „Niewielki postęp”; gdy wartość oddala się od celu — „Pogorszenie”. Wskaźnik, który ma się utrzymać, jest zgodny z planem, gdy odbiega od wartości docelowej najwyżej o {tolerance}. Gdy rok docelowy minął, a celu nie osiągnięto, status uzupełnia dopisek „termin minął”."),
        format!("Cel otrzymuje wynik od 0 do 1: średnią ważoną wyników swoich wskaźników i celów podrzędnych (wskaźnik osiągnięty lub zgodny z planem liczy się jako 1, pozostałe według osiągniętej części wymaganego tempa). Wskaźniki bez danych pomija się. Wynik co najmniej {on_track_score} oznacza cel realizowany zgodnie z planem, od {acceleration_score} do {on_track_score} — wymagający przyspieszenia, poniżej {acceleration_score} — z niewielkim postępem."),
        "Projekcja przedłuża prostą dopasowaną metodą najmniejszych kwadratów do wartości bazowej i późniejszych wartości wskaźnika: podaje wartość przewidywaną na rok docelowy i pierwszy rok, w którym cel zostałby osiągnięty przy dotychczasowym trendzie. Projekcja nie jest prognozą; pokazuje, dokąd prowadzi dotychczasowe tempo.".to_owned(),
    ]
}

pub const PEERS_METHOD: &str = "Porównanie obejmuje wskaźniki strategii, które są także wskaźnikami katalogu danych porównawczych. Kwartyle liczone są dla jednostek grupy, które mają wartość za dany rok, łącznie z własną jednostką; położenie mówi, w której ćwiartce grupy jednostka się znajduje, z uwzględnieniem tego, czy lepsza jest wartość wyższa czy niższa. W tabeli Q1 i Q3 to dolny i górny kwartyl, N — liczba jednostek z wartością.";
pub const PEERS_NONE: &str = "Żaden wskaźnik strategii nie jest wskaźnikiem katalogu danych porównawczych albo brak dla nich danych jednostek grupy; porównania z grupą nie sporządzono.";

pub const CHAPTER_IMPROVED: &str = "Co się poprawiło";
pub const CHAPTER_WORSENED: &str = "Co się pogorszyło";
pub const CHAPTER_MISSED: &str = "Cele, których termin minął";
pub const CHAPTER_NOTHING_IMPROVED: &str =
    "Żaden wskaźnik nie poprawił się względem poprzedniej znanej wartości.";
pub const CHAPTER_NOTHING_WORSENED: &str =
    "Żaden wskaźnik nie pogorszył się względem poprzedniej znanej wartości.";
pub const CHAPTER_NOTHING_MISSED: &str =
    "Nie ma wskaźników, których rok docelowy minął bez osiągnięcia celu.";

pub const NO_VALUE: &str = "brak";
pub const NO_PROJECTION: &str = "—";

/// The own unit's place in its group in words (DESIGN §12), by quartile 1–4.
pub fn position(quartile: u8, polarity: jst_domain::Polarity) -> &'static str {
    use jst_domain::Polarity;
    match (polarity, quartile) {
        (Polarity::Neutral, 1) => "w ćwiartce najwyższych wartości",
        (Polarity::Neutral, 2) => "powyżej mediany",
        (Polarity::Neutral, 3) => "poniżej mediany",
        (Polarity::Neutral, _) => "w ćwiartce najniższych wartości",
        (_, 1) => "w najlepszej ćwiartce grupy",
        (_, 2) => "w drugiej ćwiartce grupy",
        (_, 3) => "w trzeciej ćwiartce grupy",
        (_, _) => "w najsłabszej ćwiartce grupy",
    }
}

/// "Postęp" for a goal level's heading, e.g. "Cel strategiczny 1".
pub fn level_title(level: jst_domain::strategy::NodeLevel) -> String {
    let label = level.label_pl();
    let mut chars = label.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
