use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};
use jst_text::t;

/// Monitor JST — monitorowanie strategii rozwoju i porównania jednostek samorządu terytorialnego.
#[derive(Debug, Parser)]
#[command(name = "jst", version, about, long_about = None, disable_help_subcommand = true)]
pub struct Cli {
    /// Folder danych (domyślnie folder danych aplikacji, ~/.local/share/pl.monitorjst.app).
    #[arg(long, global = true, env = "JST_DATA_DIR", value_name = "FOLDER")]
    pub data_dir: Option<PathBuf>,

    /// Język komunikatów: pl (domyślnie) albo en.
    #[arg(long, global = true, env = "JST_LANG", value_name = "JĘZYK")]
    pub lang: Option<LangArg>,

    #[command(subcommand)]
    pub command: Command,
}

/// A language of the messages; `main` reads it before parsing, so usage errors speak it too.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Pl,
    En,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Wybiera własną jednostkę (--unit TERYT) albo otwiera demo (--demo).
    Init(InitArgs),
    /// Wczytuje plik.
    Import {
        #[command(subcommand)]
        what: ImportCommand,
    },
    /// Strategia rozwoju: stan realizacji i eksport szablonu.
    Strategy {
        #[command(subcommand)]
        what: StrategyCommand,
    },
    /// Rejestr jednostek TERYT.
    Units {
        #[command(subcommand)]
        what: UnitsCommand,
    },
    /// Pozycja jednostki w grupie porównawczej dla wskaźnika i roku.
    Benchmark {
        /// Kod wskaźnika z katalogu.
        indicator: String,
        /// Rok danych.
        #[arg(long, value_name = "RRRR", value_parser = clap::value_parser!(i32).range(1990..=2100))]
        year: i32,
        /// Grupa: type_size (domyślnie), voivodeship, powiat, all, nearest:K, custom:NAZWA, units:T1,T2,…
        #[arg(long, default_value = "type_size")]
        group: String,
        /// Format wyniku.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Koszty jednostkowe usług (wydatki na mieszkańca, ucznia, km, świadczeniobiorcę) na tle kwartyli grupy.
    Costs {
        /// Rok danych (domyślnie ostatni z danymi o ludności).
        #[arg(long, value_name = "RRRR", value_parser = clap::value_parser!(i32).range(1990..=2100))]
        year: Option<i32>,
        /// Grupa: type_size (domyślnie), voivodeship, powiat, all, nearest:K, custom:NAZWA, units:T1,T2,…
        #[arg(long, default_value = "type_size")]
        group: String,
        /// Ceny stałe roku bazowego (deflowane wskaźnikiem cen konsumpcyjnych GUS).
        #[arg(long, value_name = "ROK_BAZOWY", value_parser = clap::value_parser!(i32).range(1990..=2100))]
        real: Option<i32>,
        /// Format wyniku: table, json albo xlsx (skoroszyt z arkuszem na każdą usługę).
        #[arg(long, value_enum, default_value_t = CostsFormat::Table)]
        format: CostsFormat,
        /// Plik wyniku (dla xlsx domyślnie koszty-TERYT-ROK.xlsx w bieżącym folderze).
        #[arg(long, value_name = "PLIK")]
        out: Option<PathBuf>,
    },
    /// Grupy wymiany doświadczeń (gwd:ID): członkowie z nazwy, zestawienie na spotkanie, notatki.
    Gwd {
        #[command(subcommand)]
        what: GwdCommand,
    },
    /// Baza dobrych praktyk z ostatniego wydania stowarzyszenia.
    Practices {
        #[command(subcommand)]
        what: PracticesCommand,
    },
    /// Zapisane grupy porównawcze (custom:NAZWA).
    Groups {
        #[command(subcommand)]
        what: GroupsCommand,
    },
    /// Synchronizuje dane porównawcze z serwerem stowarzyszenia albo z folderu wydania.
    Sync {
        /// Adres serwera, np. https://dane.stowarzyszenie.pl (domyślnie zapisany przy poprzedniej synchronizacji).
        #[arg(long, value_name = "URL", conflicts_with = "from")]
        server: Option<String>,
        /// Folder z wydaniem (np. pendrive).
        #[arg(long, value_name = "FOLDER")]
        from: Option<PathBuf>,
        /// Najdłuższy czas pobierania wydania z serwera: liczba z jednostką s, min albo h (np. 90s,
        /// 45min, 2h); sama liczba to minuty. Po tym czasie synchronizacja kończy się jak bez
        /// połączenia (kod wyjścia 5): dane porównawcze się nie zmieniają, a pobrane już
        /// fragmenty czekają na następne uruchomienie, które wznowi pobieranie.
        #[arg(
            long,
            value_name = "CZAS",
            default_value = "30min",
            value_parser = parse_deadline,
            conflicts_with = "from"
        )]
        deadline: Duration,
        /// Format wyniku.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Wysyła udostępniane wartości własne do stowarzyszenia (najpierw skrzynka nadawcza).
    Submit {
        /// Adres serwera (domyślnie ostatnio użyty).
        #[arg(long, value_name = "URL")]
        server: Option<String>,
        /// Format wyniku.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Token jednostki od stowarzyszenia.
    Token {
        #[command(subcommand)]
        what: TokenCommand,
    },
    /// Wskaźniki, których wartości jednostka udostępnia stowarzyszeniu (domyślnie żadne).
    Contribute {
        #[command(subcommand)]
        what: ContributeCommand,
    },
    /// Zaufane klucze wydań.
    Trust {
        #[command(subcommand)]
        what: TrustCommand,
    },
    /// Jednostki podobne.
    Peers {
        #[command(subcommand)]
        what: PeersCommand,
    },
    /// Wczytane sprawozdania budżetowe własnej jednostki.
    Budget {
        #[command(subcommand)]
        what: BudgetCommand,
    },
    /// Wartości własne jednostki.
    Values {
        #[command(subcommand)]
        what: ValuesCommand,
    },
    /// Raporty: z monitoringu strategii, rozdział do raportu o stanie gminy, zestawienie XLSX.
    Report {
        #[command(subcommand)]
        what: ReportCommand,
    },
    /// Kopia bazy danych własnych (local.db) teraz, sprawdzona, w kopie/ folderu danych albo
    /// w --to FOLDER; `jst backup list` pokazuje kopie.
    Backup(BackupArgs),
    /// Przywraca bazę danych własnych z kopii (plik albo nazwa pliku z kopie/). Bez --yes tylko
    /// sprawdza plik i pokazuje, co zostałoby przywrócone.
    Restore {
        /// Plik kopii albo nazwa pliku z folderu kopie/ (np. local-20261201T214000Z.db).
        file: PathBuf,
        /// Potwierdzenie: bieżąca baza trafia do kopie/, a kopia zajmuje jej miejsce.
        #[arg(long)]
        yes: bool,
    },
    /// Eksport danych własnych do CSV albo XLSX: wartości (z historią zmian i notatkami),
    /// sprawozdania budżetowe, strategia (szablon do ponownego wczytania).
    Export {
        #[command(subcommand)]
        what: ExportCommand,
    },
    /// Dziennik zmian danych własnych: kto, kiedy i co zmienił (najnowsze najpierw).
    Audit(AuditArgs),
    /// Ustawienia jednostki.
    Settings {
        #[command(subcommand)]
        what: SettingsCommand,
    },
    /// Pokazuje wybraną jednostkę i stan folderu danych.
    Status {
        /// Format wyniku.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
pub struct InitArgs {
    /// Kod TERYT własnej jednostki (np. 1219053, 1261 lub 12).
    #[arg(long, value_name = "TERYT")]
    pub unit: Option<String>,
    /// Otwiera demo: gmina Wieliczka z danymi przykładowymi.
    #[arg(long)]
    pub demo: bool,
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Szablon strategii (CSV lub XLSX); aktualizuje aktywną strategię według kodów.
    Strategy {
        /// Plik szablonu.
        file: PathBuf,
        /// Nazwa strategii (domyślnie z arkusza „strategia” albo nazwa pliku).
        #[arg(long)]
        name: Option<String>,
        /// Okres strategii RRRR-RRRR (domyślnie od najwcześniejszego roku bazowego do
        /// najpóźniejszego docelowego).
        #[arg(long, value_parser = parse_period, value_name = "RRRR-RRRR")]
        period: Option<(i32, i32)>,
        /// Tworzy osobną strategię zamiast aktualizować aktywną.
        #[arg(long)]
        new: bool,
        /// Traktuje ostrzeżenia jak błędy: nic nie zapisuje i kończy kodem 3.
        #[arg(long)]
        strict: bool,
    },
    /// Wartości własne wskaźników: wskaznik_kod;rok;wartosc[;status][;uwagi] (CSV lub XLSX).
    Values {
        /// Plik z wartościami.
        file: PathBuf,
        /// Traktuje ostrzeżenia jak błędy: nic nie zapisuje i kończy kodem 3.
        #[arg(long)]
        strict: bool,
    },
    /// Katalog wskaźników: kod;nazwa;jednostka;kierunek;obszar[;opis][;strukturalny][;nazwa_en][;wzor][;liczba_osob].
    Catalogue {
        /// Plik katalogu (CSV lub XLSX).
        file: PathBuf,
        /// Traktuje ostrzeżenia jak błędy: nic nie zapisuje i kończy kodem 3.
        #[arg(long)]
        strict: bool,
    },
    /// Dane publiczne jednostek: teryt;wskaznik_kod;rok;wartosc (CSV), do porównań.
    Peers {
        /// Plik z danymi.
        file: PathBuf,
        /// Traktuje ostrzeżenia jak błędy: nic nie zapisuje i kończy kodem 3.
        #[arg(long)]
        strict: bool,
    },
    /// Wykonanie budżetu jednostki: rok;sprawozdanie;dzial;rozdzial;paragraf;plan;wykonanie.
    Budget {
        /// Plik z pozycjami sprawozdań Rb-27S / Rb-28S (CSV lub XLSX) albo paczka sprawozdań XML
        /// z programu do sprawozdawczości budżetowej (PaczkaSprawozdan).
        file: PathBuf,
    },
    /// Wykaz szkół i placówek z SIO (XML arkusza Excel 2003 lub XLSX): liczba uczniów szkół
    /// podstawowych prowadzonych przez jednostkę (UCZ_SP).
    Sio {
        /// Plik wykazu SIO.
        file: PathBuf,
    },
    /// Rejestr TERC (CSV lub XML) jako pełny stan rejestru.
    Register {
        /// Plik TERC.
        file: PathBuf,
        /// Traktuje ostrzeżenia jak błędy: nic nie zapisuje i kończy kodem 3.
        #[arg(long)]
        strict: bool,
        /// Pozwala zakończyć ważność więcej niż 3 jednostek (bez tej opcji taki plik jest
        /// odrzucany jako niepełny).
        #[arg(long)]
        allow_shrink: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum StrategyCommand {
    /// Postęp, status i prognoza wskaźników aktywnej strategii w danym roku.
    Status {
        /// Rok oceny (domyślnie poprzedni rok kalendarzowy).
        #[arg(long, value_name = "RRRR", value_parser = clap::value_parser!(i32).range(1990..=2100))]
        year: Option<i32>,
        /// Format wyniku.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Lista strategii jednostki (aktywna pierwsza).
    List {
        /// Format wyniku.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Ustawia aktywną strategię (numer z `jst strategy list`).
    Activate {
        /// Numer strategii.
        id: i64,
    },
    /// Zapisuje aktywną strategię jako szablon CSV (do ponownego wczytania).
    Export {
        /// Plik wynikowy (.csv).
        file: PathBuf,
    },
}

/// `RRRR-RRRR`, e.g. `2021-2030`.
fn parse_period(raw: &str) -> Result<(i32, i32), String> {
    let (from, to) = raw.split_once('-').ok_or_else(|| t!("cli-period-format"))?;
    let year = |y: &str| {
        y.trim()
            .parse::<i32>()
            .ok()
            .filter(|y| (1990..=2100).contains(y))
            .ok_or_else(|| t!("cli-not-a-year", text = y))
    };
    let (from, to) = (year(from)?, year(to)?);
    if to < from {
        return Err(t!("cli-period-backwards", from = from.to_string(), to = to.to_string()));
    }
    Ok((from, to))
}

/// The longest a `jst sync` may take: `90s`, `45min` (or `45m`), `2h`; a bare number is
/// minutes. From 1 second to 24 hours.
fn parse_deadline(raw: &str) -> Result<Duration, String> {
    let raw = raw.trim();
    let digits = raw.find(|c: char| !c.is_ascii_digit()).unwrap_or(raw.len());
    let (number, unit) = raw.split_at(digits);
    let usage = || t!("cli-not-a-duration", text = raw);
    let number: u64 = number.parse().map_err(|_| usage())?;
    let seconds = match unit.trim() {
        "s" => number,
        "" | "m" | "min" => number.saturating_mul(60),
        "h" => number.saturating_mul(3600),
        _ => return Err(usage()),
    };
    if !(1..=24 * 3600).contains(&seconds) {
        return Err(t!("cli-duration-out-of-range", text = raw));
    }
    Ok(Duration::from_secs(seconds))
}

#[derive(Debug, Subcommand)]
pub enum PeersCommand {
    /// Najbardziej podobne jednostki (odległość w zmiennych strukturalnych) z udziałem każdej zmiennej.
    Nearest {
        /// Liczba jednostek.
        #[arg(long, default_value_t = 15)]
        k: usize,
        /// Rok danych (domyślnie ostatni z danymi o ludności).
        #[arg(long, value_name = "RRRR", value_parser = clap::value_parser!(i32).range(1990..=2100))]
        year: Option<i32>,
        /// Zmienne (kody wskaźników) oddzielone przecinkami; domyślnie wskaźniki strukturalne.
        #[arg(long, value_delimiter = ',')]
        variables: Option<Vec<String>>,
        /// Wagi zmiennych oddzielone przecinkami (domyślnie 1).
        #[arg(long, value_delimiter = ',')]
        weights: Option<Vec<f64>>,
        /// Format wyniku.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

#[derive(Debug, Subcommand)]
pub enum GroupsCommand {
    /// Lista zapisanych grup.
    List {
        /// Format wyniku.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Zapisuje (albo zastępuje) grupę jednostek pod nazwą.
    Save {
        /// Nazwa grupy (używana jako custom:NAZWA).
        name: String,
        /// Kody TERYT jednostek oddzielone przecinkami.
        #[arg(long, value_delimiter = ',', required = true, value_name = "T1,T2,…")]
        units: Vec<String>,
    },
    /// Usuwa zapisaną grupę.
    Delete {
        /// Nazwa grupy.
        name: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Zapisuje token jednostki czytany ze standardowego wejścia (nie z wiersza poleceń).
    Set,
}

#[derive(Debug, Subcommand)]
pub enum ContributeCommand {
    /// Zaczyna udostępniać wskaźniki.
    Add {
        #[arg(required = true)]
        codes: Vec<String>,
    },
    /// Przestaje udostępniać wskaźniki.
    Remove {
        #[arg(required = true)]
        codes: Vec<String>,
    },
    /// Lista udostępnianych wskaźników.
    List,
    /// Rozstrzyga konflikt na korzyść wartości własnej: następne `jst submit` wyśle ją ponownie
    /// jako nowszą od wartości serwera.
    Keep { indicator: String, year: i32 },
    /// Rozstrzyga konflikt na korzyść wartości serwera: przyjmuje ją jako wartość własną
    /// (zmiana trafia do historii wartości) i niczego nie wysyła.
    Accept { indicator: String, year: i32 },
}

/// Experience-exchange groups (issue 14).
#[derive(Debug, Subcommand)]
pub enum GwdCommand {
    /// Grupy jednostki z ostatniego pobrania (z datą), ich członkowie i wskaźniki.
    List {
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Pobiera grupy i wartości członków z serwera (tokenem jednostki); robi to też `jst sync`.
    Refresh {
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Co jednostka udostępnia i komu: wskaźniki i grupy, które widzą jej wartości
    /// (przestać udostępniać: jst contribute remove KOD).
    Shares {
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Zestawienie na spotkanie: wszyscy członkowie z nazwy, kwartyle i pozycja każdego.
    Sheet {
        /// Identyfikator grupy.
        id: String,
        #[arg(long, value_name = "RRRR", value_parser = clap::value_parser!(i32).range(1990..=2100))]
        year: i32,
        #[arg(long, value_enum, default_value_t = GwdSheetFormatArg::Xlsx)]
        format: GwdSheetFormatArg,
        /// Plik wynikowy (xlsx albo pdf); przy json domyślnie standardowe wyjście.
        #[arg(long, value_name = "PLIK")]
        out: Option<PathBuf>,
    },
    /// Notatki ze spotkań grupy (lista albo --add TEKST).
    Notes {
        id: String,
        /// Dodaje notatkę.
        #[arg(long, value_name = "TEKST")]
        add: Option<String>,
        /// Rok, którego dotyczy notatka.
        #[arg(long, value_name = "RRRR", value_parser = clap::value_parser!(i32).range(1990..=2100))]
        year: Option<i32>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

/// The good-practice base (issue 14).
#[derive(Debug, Subcommand)]
pub enum PracticesCommand {
    /// Szuka praktyk po słowach (bez polskich znaków też: „oswiata” znajdzie „oświata”).
    Search {
        /// Słowa, każde może być początkiem wyrazu; puste: wszystkie praktyki.
        text: String,
        /// Obszar praktyki.
        #[arg(long, value_enum)]
        area: Option<PracticeAreaArg>,
        /// Rodzaj jednostki, która wdrożyła praktykę.
        #[arg(long, value_enum)]
        kind: Option<UnitKindArg>,
        /// Klasa wielkości jednostki, np. 20000-50000 albo 100000-inf.
        #[arg(long, value_name = "OD-DO")]
        size: Option<String>,
        /// Województwo: dwie cyfry kodu TERYT, np. 12.
        #[arg(long, value_name = "KOD")]
        woj: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Pokazuje praktykę: metrykę, skrót, pełną prezentację, załączniki i wskaźniki.
    Show {
        /// Numer praktyki z wyszukiwania (przykłady demo mają numery ujemne).
        #[arg(allow_negative_numbers = true)]
        id: i64,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Proponuje praktyki tam, gdzie jednostka odstaje: najsłabsza ćwiartka grupy, pogorszenie albo daleko od celu strategii.
    Suggest {
        /// Tylko dla tego wskaźnika (kod).
        #[arg(long, value_name = "KOD")]
        indicator: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Proponuje praktykę stowarzyszeniu: zapisuje ją, potem wysyła z tokenem jednostki.
    Propose {
        /// Plik JSON z propozycją (pola opisuje docs/practices-format.md, część „Na pulpicie”).
        #[arg(value_name = "PLIK")]
        file: PathBuf,
        /// Adres serwera stowarzyszenia (domyślnie zapisany przy synchronizacji).
        #[arg(long, value_name = "URL")]
        server: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Wysyła ponownie zapisaną propozycję, której nie wysłano.
    Send {
        /// Numer propozycji (jst practices proposals).
        #[arg(value_name = "NR")]
        id: i64,
        /// Adres serwera stowarzyszenia (domyślnie zapisany przy synchronizacji).
        #[arg(long, value_name = "URL")]
        server: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Propozycje praktyk jednostki: wysłane i czekające na wysłanie.
    Proposals {
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Zapisuje załącznik praktyki do pliku (pobiera go z wydania, jeśli go jeszcze nie ma).
    Attachment {
        /// Numer praktyki.
        #[arg(value_name = "NR")]
        id: i64,
        /// Skrót SHA-256 załącznika, jak podaje praktyka.
        sha256: String,
        /// Plik, do którego zapisać załącznik.
        #[arg(long, value_name = "PLIK")]
        out: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

/// The areas by their public codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum PracticeAreaArg {
    RozwojInstytucjonalny,
    UslugiSpoleczne,
    UslugiTechniczne,
    EfektywnoscEnergetyczna,
    WspolpracaJstNgo,
    WspolpracaMiedzyJst,
    DialogSpoleczny,
}

impl From<PracticeAreaArg> for jst_domain::PracticeArea {
    fn from(a: PracticeAreaArg) -> Self {
        use jst_domain::PracticeArea as P;
        match a {
            PracticeAreaArg::RozwojInstytucjonalny => P::RozwojInstytucjonalny,
            PracticeAreaArg::UslugiSpoleczne => P::UslugiSpoleczne,
            PracticeAreaArg::UslugiTechniczne => P::UslugiTechniczne,
            PracticeAreaArg::EfektywnoscEnergetyczna => P::EfektywnoscEnergetyczna,
            PracticeAreaArg::WspolpracaJstNgo => P::WspolpracaJstNgo,
            PracticeAreaArg::WspolpracaMiedzyJst => P::WspolpracaMiedzyJst,
            PracticeAreaArg::DialogSpoleczny => P::DialogSpoleczny,
        }
    }
}

/// Unit kinds by their public codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum UnitKindArg {
    GminaMiejska,
    GminaWiejska,
    GminaMiejskoWiejska,
    MiastoNaPrawachPowiatu,
    Powiat,
    Wojewodztwo,
}

impl From<UnitKindArg> for jst_domain::UnitKind {
    fn from(k: UnitKindArg) -> Self {
        use jst_domain::UnitKind as K;
        match k {
            UnitKindArg::GminaMiejska => K::GminaMiejska,
            UnitKindArg::GminaWiejska => K::GminaWiejska,
            UnitKindArg::GminaMiejskoWiejska => K::GminaMiejskoWiejska,
            UnitKindArg::MiastoNaPrawachPowiatu => K::MiastoNaPrawachPowiatu,
            UnitKindArg::Powiat => K::Powiat,
            UnitKindArg::Wojewodztwo => K::Wojewodztwo,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GwdSheetFormatArg {
    Xlsx,
    Pdf,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum TrustCommand {
    /// Dodaje klucz publiczny wydań z pliku (release.pub); wpis trafia do dziennika zmian.
    Add {
        /// Plik klucza publicznego.
        file: PathBuf,
        /// Potwierdzenie: bez niego klucz jest tylko pokazany.
        #[arg(long)]
        yes: bool,
    },
    /// Zaufane klucze wydań: wbudowane w program i dodane przez administratora.
    List {
        /// Format wyniku.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Usuwa klucz dodany przez administratora (kluczy wbudowanych nie można usunąć); wpis trafia
    /// do dziennika zmian.
    Remove {
        /// Identyfikator klucza (16 znaków szesnastkowych, jak w jst trust list).
        key_id: String,
        /// Potwierdzenie: bez niego nic nie jest usuwane.
        #[arg(long)]
        yes: bool,
    },
}

/// `jst audit`: the audit log, filtered.
#[derive(Debug, Args)]
pub struct AuditArgs {
    /// Od dnia (włącznie), RRRR-MM-DD, czas UTC.
    #[arg(long, value_name = "RRRR-MM-DD", value_parser = parse_day)]
    pub since: Option<String>,
    /// Do dnia (włącznie), RRRR-MM-DD, czas UTC.
    #[arg(long, value_name = "RRRR-MM-DD", value_parser = parse_day)]
    pub until: Option<String>,
    /// Tylko zmiany tego użytkownika systemu.
    #[arg(long, value_name = "UŻYTKOWNIK")]
    pub user: Option<String>,
    /// Rodzaj zmian.
    #[arg(long, value_name = "RODZAJ", value_parser = audit_kind_parser())]
    pub kind: Option<jst_core::AuditKind>,
    /// Najwięcej tyle wierszy.
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub limit: u32,
    /// Pomija tyle najnowszych wierszy (kolejne strony).
    #[arg(long, default_value_t = 0)]
    pub offset: u32,
    /// Format wyniku.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

fn parse_day(text: &str) -> Result<String, String> {
    jst_core::audit_day(text).map_err(|e| e.to_string())
}

fn audit_kind_parser() -> impl clap::builder::TypedValueParser<Value = jst_core::AuditKind> {
    use clap::builder::TypedValueParser as _;
    clap::builder::PossibleValuesParser::new(
        jst_core::AuditKind::ALL.map(jst_core::AuditKind::code),
    )
    .map(|code| {
        jst_core::AuditKind::ALL
            .into_iter()
            .find(|k| k.code() == code)
            .unwrap_or(jst_core::AuditKind::Other)
    })
}

#[derive(Debug, Subcommand)]
pub enum SettingsCommand {
    /// Progi statusów wskaźników (DESIGN §5.1): pokazuje je albo zmienia (wpis w dzienniku zmian).
    /// Bez opcji zmiany tylko pokazuje; podane progi zmieniają się, pozostałe zostają.
    Thresholds {
        /// Od jakiego stosunku tempa osiąganego do wymaganego wskaźnik jest „zgodny z planem”
        /// (ułamek, domyślnie 0,95; najwyżej 1,5).
        #[arg(long, value_name = "UŁAMEK", value_parser = parse_fraction)]
        on_track: Option<f64>,
        /// Od jakiego stosunku tempa wskaźnik „wymaga przyspieszenia” (ułamek, domyślnie 0,6;
        /// mniejszy niż próg „zgodnie z planem”); poniżej — „niewielki postęp”.
        #[arg(long, value_name = "UŁAMEK", value_parser = parse_fraction)]
        acceleration: Option<f64>,
        /// Tolerancja wskaźników do utrzymania jako ułamek wartości docelowej (domyślnie 0,05;
        /// od 0 do 0,5).
        #[arg(long, value_name = "UŁAMEK", value_parser = parse_fraction)]
        maintain_tolerance: Option<f64>,
        /// Przywraca progi domyślne.
        #[arg(long, conflicts_with_all = ["on_track", "acceleration", "maintain_tolerance"])]
        reset: bool,
        /// Format wyniku.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

/// A fraction written with a dot or a Polish comma (`0.9`, `0,9`).
fn parse_fraction(text: &str) -> Result<f64, String> {
    text.trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| t!("cli-not-a-fraction", text = text))
}

#[derive(Debug, Subcommand)]
pub enum BudgetCommand {
    /// Pozycje sprawozdań roku zsumowane na wybranym poziomie klasyfikacji.
    Show {
        /// Rok sprawozdań.
        #[arg(long)]
        year: i32,
        /// Tylko jedno sprawozdanie: rb28s (wydatki) albo rb27s (dochody).
        #[arg(long, value_enum)]
        report: Option<ReportArg>,
        /// Poziom sumowania: dzial, rozdzial albo paragraf.
        #[arg(long, value_enum, default_value_t = LevelArg::Rozdzial)]
        by: LevelArg,
        /// Format wyniku.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportArg {
    Rb28s,
    Rb27s,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LevelArg {
    Dzial,
    Rozdzial,
    Paragraf,
}

#[derive(Debug, Subcommand)]
pub enum ValuesCommand {
    /// Każda wartość własna ze źródłem (plik, sprawozdanie, wpis ręczny) i uwagami.
    List {
        /// Tylko ten wskaźnik.
        #[arg(long)]
        indicator: Option<String>,
        /// Tylko ten rok.
        #[arg(long)]
        year: Option<i32>,
        /// Format wyniku.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

/// `jst export values|budget|strategy --format csv|xlsx --out PLIK` (a public contract).
#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Wartości własne: wskaznik_kod;rok;wartosc;status;uwagi (jak do wczytania) i opis każdej
    /// wartości; w CSV historia zmian i notatki w plikach obok (NAZWA-historia.csv,
    /// NAZWA-notatki.csv), w XLSX w arkuszach „Historia” i „Notatki”.
    Values(ExportArgs),
    /// Pozycje sprawozdań budżetowych (Rb-27S, Rb-28S) każdego roku i okresu.
    Budget(ExportArgs),
    /// Aktywna strategia jako szablon (do ponownego wczytania: jst import strategy PLIK).
    Strategy(ExportArgs),
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Format pliku: csv (UTF-8, średnik, przecinek dziesiętny) albo xlsx.
    #[arg(long, value_enum, default_value_t = ExportFormatArg::Csv)]
    pub format: ExportFormatArg,
    /// Plik wynikowy (domyślnie wartosci-TERYT, budzet-TERYT albo strategia-TERYT z
    /// rozszerzeniem formatu, w bieżącym folderze).
    #[arg(long, value_name = "PLIK")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormatArg {
    Csv,
    Xlsx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CostsFormat {
    Table,
    Json,
    Xlsx,
}

#[derive(Debug, Subcommand)]
pub enum UnitsCommand {
    /// Wyszukuje jednostki po nazwie (bez względu na wielkość liter i polskie znaki) lub kodzie.
    Search {
        /// Nazwa lub początek kodu TERYT.
        query: String,
        /// Format wyniku.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Najwięcej wyników.
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::parse_deadline;

    #[test]
    fn a_deadline_is_a_number_with_a_unit_or_minutes() {
        for (raw, seconds) in
            [("90s", 90), ("45min", 2700), ("45m", 2700), ("30", 1800), ("2h", 7200), (" 1s ", 1)]
        {
            assert_eq!(parse_deadline(raw), Ok(Duration::from_secs(seconds)), "{raw}");
        }
        for raw in ["", "0", "0s", "25h", "1.5h", "-5", "10 dni", "min", "99999999999999999999"] {
            assert!(parse_deadline(raw).is_err(), "{raw}");
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// Raport z monitoringu strategii rozwoju za rok (PDF albo DOCX).
    Monitoring(ReportArgs),
    /// Rozdział „Realizacja strategii” do raportu o stanie gminy (PDF albo DOCX).
    Chapter(ReportArgs),
    /// Stan realizacji strategii w skoroszycie XLSX (arkusz na każdy poziom, wartości według lat).
    Xlsx(ReportArgs),
    /// Nagłówek raportów: pełna nazwa jednostki, autor, komórka, herb (PNG albo SVG).
    Header {
        /// Pełna nazwa jednostki, np. „Gmina Miejska Kutno” (pusty tekst przywraca nazwę z rejestru).
        #[arg(long, value_name = "NAZWA")]
        unit_name: Option<String>,
        /// Autor raportu.
        #[arg(long)]
        author: Option<String>,
        /// Komórka organizacyjna.
        #[arg(long)]
        department: Option<String>,
        /// Herb jednostki: plik PNG albo SVG.
        #[arg(long, value_name = "PLIK", conflicts_with = "no_emblem")]
        emblem: Option<PathBuf>,
        /// Usuwa herb z nagłówka.
        #[arg(long)]
        no_emblem: bool,
        /// Format wyniku.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Rok objęty oceną (domyślnie poprzedni rok kalendarzowy).
    #[arg(long, value_name = "RRRR", value_parser = clap::value_parser!(i32).range(1990..=2100))]
    pub year: Option<i32>,
    /// Format pliku: pdf albo docx (raporty), xlsx (zestawienie; domyślny dla xlsx).
    #[arg(long, value_enum)]
    pub format: Option<ReportFormatArg>,
    /// Plik wyniku (domyślnie w bieżącym folderze, np. raport-monitoringu-2024.pdf).
    #[arg(long, value_name = "PLIK")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormatArg {
    Pdf,
    Docx,
    Xlsx,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct BackupArgs {
    #[command(subcommand)]
    pub what: Option<BackupCommand>,
    /// Folder kopii (np. pendrive; tworzony, jeśli go nie ma); kopie w nim nie są usuwane.
    /// Domyślnie kopie/ folderu danych, gdzie zostaje 7 najnowszych kopii codziennych i ręcznych.
    #[arg(long, value_name = "FOLDER")]
    pub to: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum BackupCommand {
    /// Kopie w kopie/ folderu danych, od najnowszej, każda sprawdzona (quick_check).
    List {
        /// Format wyniku.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}
