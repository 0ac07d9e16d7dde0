//! Indicator codes the methods rely on (DESIGN §4.2). They are part of every catalogue.

/// Polarity of a catalogue indicator: which way is better, independent of any strategy's intent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Polarity {
    HigherIsBetter,
    LowerIsBetter,
    Neutral,
}

impl Polarity {
    pub fn code(self) -> &'static str {
        match self {
            Self::HigherIsBetter => "higher_is_better",
            Self::LowerIsBetter => "lower_is_better",
            Self::Neutral => "neutral",
        }
    }
}

/// A catalogue entry defined by the program itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReservedIndicator {
    pub code: &'static str,
    pub name_pl: &'static str,
    pub name_en: &'static str,
    pub unit: &'static str,
    pub polarity: Polarity,
    pub area: &'static str,
    pub definition: &'static str,
    pub source: &'static str,
    pub structural: bool,
    pub person_count: bool,
}

/// Population at 31 December, the denominator of per-resident indicators and the size of a unit.
pub const POPULATION: &str = "LUD_OGOLEM";

pub const RESERVED_INDICATORS: [ReservedIndicator; 5] = [
    ReservedIndicator {
        code: POPULATION,
        name_pl: "Ludność ogółem (stan na 31 grudnia)",
        name_en: "Population (as of 31 December)",
        unit: "osoby",
        polarity: Polarity::Neutral,
        area: "demografia",
        definition: "Liczba ludności faktycznie zamieszkałej na terenie jednostki według stanu na 31 grudnia.",
        source: "GUS, Bank Danych Lokalnych",
        structural: true,
        person_count: true,
    },
    ReservedIndicator {
        code: "POW_KM2",
        name_pl: "Powierzchnia",
        name_en: "Area",
        unit: "km²",
        polarity: Polarity::Neutral,
        area: "demografia",
        definition: "Powierzchnia ogólna jednostki według rejestru ewidencji gruntów i budynków.",
        source: "GUS, Bank Danych Lokalnych",
        structural: true,
        person_count: false,
    },
    ReservedIndicator {
        code: "UCZ_SP",
        name_pl: "Uczniowie szkół podstawowych prowadzonych przez jednostkę",
        name_en: "Pupils of primary schools run by the unit",
        unit: "osoby",
        polarity: Polarity::Neutral,
        area: "edukacja",
        definition: "Liczba uczniów szkół podstawowych, dla których organem prowadzącym jest jednostka.",
        source: "System Informacji Oświatowej (SIO)",
        structural: false,
        person_count: true,
    },
    ReservedIndicator {
        code: "DROGI_GM_KM",
        name_pl: "Długość dróg gminnych",
        name_en: "Length of municipal roads",
        unit: "km",
        polarity: Polarity::Neutral,
        area: "transport i drogi",
        definition: "Długość dróg publicznych kategorii gminnej na terenie jednostki.",
        source: "GUS, Bank Danych Lokalnych",
        structural: false,
        person_count: false,
    },
    ReservedIndicator {
        code: "BENEF_PS",
        name_pl: "Beneficjenci środowiskowej pomocy społecznej",
        name_en: "Beneficiaries of social assistance",
        unit: "osoby",
        polarity: Polarity::Neutral,
        area: "polityka społeczna",
        definition: "Liczba osób w rodzinach objętych środowiskową pomocą społeczną.",
        source: "MRPiPS-03, GUS",
        structural: false,
        person_count: true,
    },
];
