//! The `jst-server` command line: a thin shell over the library.
//!
//! Exit codes: 0 ok, 1 error, 2 usage, 3 invalid input (nothing written).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use jst_server::{
    build_release, issue_token, keygen, now, rfc3339, Actor, Database, Error, Location, Storage,
};

/// Serwer stowarzyszenia Monitor JST: import danych, wydania podpisane, tokeny jednostek.
#[derive(Debug, Parser)]
#[command(name = "jst-server", version, about, disable_help_subcommand = true)]
struct Cli {
    /// Folder bazy serwera.
    #[arg(
        long,
        global = true,
        env = "JST_SERVER_DATA_DIR",
        default_value = "dane-serwera",
        value_name = "FOLDER"
    )]
    data_dir: PathBuf,
    /// Baza PostgreSQL (postgres://użytkownik@host:port/baza) zamiast wbudowanej SQLite
    /// z folderu --data-dir.
    #[arg(long, global = true, env = "JST_SERVER_DATABASE", value_name = "URL")]
    database: Option<String>,
    /// Format dziennika na stderr: text (domyślnie w terminalu) albo json (domyślnie w usłudze).
    #[arg(long, global = true, value_enum, env = "JST_SERVER_LOG_FORMAT", value_name = "FORMAT")]
    log_format: Option<LogFormat>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Tworzy parę kluczy wydań (release.key, release.pub) w folderze.
    Keygen {
        #[arg(long, value_name = "FOLDER")]
        out: PathBuf,
    },
    /// Wczytuje plik.
    Import {
        #[command(subcommand)]
        what: ImportCommand,
    },
    /// Wydania.
    Release {
        #[command(subcommand)]
        what: ReleaseCommand,
    },
    /// Tokeny jednostek.
    Token {
        #[command(subcommand)]
        what: TokenCommand,
    },
    /// Okresy sprawozdawcze.
    Period {
        #[command(subcommand)]
        what: PeriodCommand,
    },
    /// Grupy wymiany doświadczeń: członkowie widzą swoje wartości z nazwy, za zgodą.
    Gwd {
        #[command(subcommand)]
        what: GwdCommand,
    },
    /// Baza dobrych praktyk: import, przegląd propozycji jednostek, publikacja.
    Practices {
        #[command(subcommand)]
        what: PracticesCommand,
    },
    /// Udostępnia folder wydań przez HTTP (z obsługą Range) i API /v1.
    Serve {
        #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADRES")]
        bind: SocketAddr,
        #[arg(long, value_name = "FOLDER")]
        releases: PathBuf,
        /// Osobny adres metryk Prometheus (GET /metrics), np. 127.0.0.1:9108; bez niego metryk
        /// nie ma. Nie wystawiaj go publicznie: nie wymaga tokenu.
        #[arg(long, value_name = "ADRES")]
        metrics_bind: Option<SocketAddr>,
    },
    /// Dziennik zmian na serwerze: kto, kiedy i co zrobił.
    Audit {
        /// Od dnia (włącznie).
        #[arg(long, value_name = "RRRR-MM-DD")]
        since: Option<String>,
        /// Tylko ta czynność.
        #[arg(long, value_enum, value_name = "CZYNNOŚĆ")]
        action: Option<jst_server::AuditAction>,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
}

#[derive(Debug, Subcommand)]
enum ImportCommand {
    /// Katalog wskaźników (kod;nazwa;jednostka;kierunek;obszar[;…]).
    Catalogue { file: PathBuf },
    /// Dane publiczne jednostek (teryt;wskaznik_kod;rok;wartosc).
    Data { file: PathBuf },
    /// Pliki dBase sprawozdań budżetowych JST z Ministerstwa Finansów (Rb-28S, Rb-27S).
    Mf {
        #[arg(required = true, value_name = "PLIK.dbf")]
        files: Vec<PathBuf>,
        /// Sprawozdanie: rb28s (wydatki → WYD_<rozdział>) lub rb27s (dochody → DOCH_<dział>).
        #[arg(long, value_enum)]
        report: MfReportArg,
        /// Rok sprawozdań (musi zgadzać się z polem ROK w plikach).
        #[arg(long, value_name = "RRRR")]
        year: i32,
        /// Słownik JST Ministerstwa Finansów (XLSX, XLS lub CSV) do sprawdzenia nazw i typów.
        #[arg(long, value_name = "PLIK")]
        dictionary: Option<PathBuf>,
    },
    /// Rejestr TERYT (TERC CSV lub XML): zastępuje obecny; każde wydanie go niesie.
    Register {
        file: PathBuf,
        /// Zgoda na rejestr, który kończy ważność więcej niż 3 jednostek.
        #[arg(long)]
        allow_shrink: bool,
    },
    /// Eksport CSV („CTAB”) z Banku Danych Lokalnych GUS: jedna kolumna jako wskaźnik.
    BdlCsv {
        file: PathBuf,
        /// Kod wskaźnika z katalogu, pod którym zapisać wartości.
        #[arg(long, value_name = "KOD")]
        indicator: String,
        /// Kolumna z wartościami (domyślnie pierwsza po nazwie), np. "ogółem".
        #[arg(long, value_name = "NAZWA")]
        column: Option<String>,
        /// Rok danych, gdy nagłówek go nie podaje.
        #[arg(long, value_name = "RRRR")]
        year: Option<i32>,
    },
    /// Pobiera zmienne z API Banku Danych Lokalnych GUS (v1) i zapisuje je jako wskaźniki.
    /// Klucz klienta (wyższe limity) ze zmiennej środowiskowej BDL_CLIENT_ID.
    Bdl {
        /// Zmienna BDL i kod wskaźnika z katalogu, np. 72305=LUD_OGOLEM (można powtórzyć).
        #[arg(long = "variable", value_name = "ID=KOD")]
        variables: Vec<jst_server::BdlVariable>,
        /// Także wszystkie zmienne z dołączonego mapowania katalogu (assets/bdl/zmienne.csv).
        #[arg(long)]
        catalogue: bool,
        /// Rok danych (można powtórzyć).
        #[arg(long = "year", value_name = "RRRR", required = true,
              value_parser = clap::value_parser!(i32).range(1995..=2100))]
        years: Vec<i32>,
        /// Poziom jednostek BDL: 5 powiaty, 6 gminy.
        #[arg(long, value_name = "5|6", value_parser = clap::value_parser!(u8).range(5..=6))]
        level: u8,
        /// Adres API BDL.
        #[arg(long, value_name = "URL", default_value = jst_server::DEFAULT_API_URL)]
        api_url: String,
    },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum MfReportArg {
    Rb28s,
    Rb27s,
}

#[derive(Debug, Subcommand)]
enum ReleaseCommand {
    /// Buduje kolejne wydanie w folderze (fragmenty bez zmian są użyte ponownie).
    Build {
        #[arg(long, value_name = "FOLDER")]
        out: PathBuf,
        /// Klucz prywatny wydań (domyślnie FOLDER_DANYCH/release.key).
        #[arg(long, value_name = "PLIK")]
        key: Option<PathBuf>,
        /// Ważność wydania w dniach.
        #[arg(long, default_value_t = 60)]
        valid_days: i64,
    },
}

#[derive(Debug, Subcommand)]
enum TokenCommand {
    /// Wydaje nowy token jednostki (pokazywany tylko raz).
    Issue {
        #[arg(long, value_name = "TERYT")]
        unit: String,
    },
    /// Unieważnia wszystkie aktywne tokeny jednostki (--unit) albo jeden token (--id).
    #[command(group(clap::ArgGroup::new("which").required(true).args(["unit", "id"])))]
    Revoke {
        #[arg(long, value_name = "TERYT")]
        unit: Option<String>,
        /// Numer tokenu z `token list`.
        #[arg(long, value_name = "NR")]
        id: Option<i64>,
    },
    /// Lista tokenów (wszystkich albo jednej jednostki): numer, jednostka, daty; nigdy sam
    /// token ani jego skrót.
    List {
        #[arg(long, value_name = "TERYT")]
        unit: Option<String>,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
}

#[derive(Debug, Subcommand)]
enum GwdCommand {
    /// Tworzy grupę wymiany doświadczeń wokół wskaźników z katalogu.
    Create {
        /// Nazwa grupy, np. "Wodociągi i kanalizacja – gminy miejskie".
        name: String,
        /// Obszar (usługa), wokół którego pracuje grupa.
        #[arg(long, value_name = "OBSZAR")]
        area: String,
        /// Kody wskaźników z katalogu, po przecinku.
        #[arg(long, value_name = "A,B,…", value_delimiter = ',', required = true)]
        indicators: Vec<String>,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// Dodaje jednostkę do grupy na podstawie jej podpisanej zgody.
    Add {
        id: i64,
        teryt: String,
        /// Odwołanie do dokumentu zgody (np. numer pisma).
        #[arg(long, value_name = "ODWOŁANIE")]
        consent: String,
        /// Data zgody (domyślnie dziś).
        #[arg(long, value_name = "RRRR-MM-DD")]
        consent_date: Option<String>,
    },
    /// Usuwa jednostkę z grupy (wystąpienie lub wycofanie zgody): jej wartości przestają być
    /// udostępniane od następnego zapytania.
    Remove { id: i64, teryt: String },
    /// Lista grup z członkami i ich zgodami.
    List {
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
}

#[derive(Debug, Subcommand)]
enum PracticesCommand {
    /// Wczytuje praktyki z pliku JSON (docs/practices-format.md) jako opublikowane.
    Import { file: PathBuf },
    /// Lista praktyk (opublikowanych i proponowanych).
    List {
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// Propozycje jednostek czekające na decyzję, z pełną treścią.
    Review {
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// Publikuje proponowaną praktykę: trafi do następnego wydania.
    Publish { id: i64 },
    /// Usuwa praktykę (i jej załączniki, których nie używa inna praktyka).
    Remove { id: i64 },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Table,
    Json,
}

#[derive(Debug, Subcommand)]
enum PeriodCommand {
    /// Zamyka rok: późniejsze zgłoszenia za ten rok dostają period_closed.
    Close { year: i32 },
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) if !err.use_stderr() => {
            let _ = err.print();
            return ExitCode::SUCCESS;
        }
        Err(err) => {
            eprintln!("Błąd użycia (pomoc: jst-server --help):\n{err}");
            return ExitCode::from(2);
        }
    };
    let filter =
        tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into());
    // The PostgreSQL client logs statements with their parameters at debug and trace: token
    // hashes and contributed values. Whatever RUST_LOG says, it may only warn.
    let filter = match "tokio_postgres=warn".parse() {
        Ok(directive) => filter.add_directive(directive),
        Err(_) => filter,
    };
    let format = cli.log_format.unwrap_or_else(|| {
        use std::io::IsTerminal;
        if std::io::stderr().is_terminal() {
            LogFormat::Text
        } else {
            LogFormat::Json
        }
    });
    let logs = tracing_subscriber::fmt().with_writer(std::io::stderr).with_env_filter(filter);
    match format {
        LogFormat::Json => logs.json().init(),
        LogFormat::Text => logs.init(),
    }
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("Błąd: {err}");
            ExitCode::from(err.exit_code())
        }
    }
}

/// `YYYY-MM-DD` as the first instant of that day, comparable with the audit's RFC 3339 times.
fn day_start(day: &str) -> Result<String, Error> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(day.trim(), &format)
        .map(|d| format!("{d}T00:00:00Z"))
        .map_err(|_| Error::Usage(format!("--since: „{day}” nie jest datą RRRR-MM-DD")))
}

fn teryt(code: &str) -> Result<String, Error> {
    jst_domain::Teryt::parse(code)
        .map(|t| t.as_str().to_owned())
        .map_err(|e| Error::Invalid(e.to_string()))
}

fn run(cli: Cli) -> Result<(), Error> {
    let at = rfc3339(now());
    let location = Location::choose(cli.database.as_deref(), &cli.data_dir)?;
    match cli.command {
        Command::Keygen { out } => {
            let (secret, public, id) = keygen(&out)?;
            println!(
                "Zapisano klucz prywatny {} i publiczny {} (id {id}).",
                secret.display(),
                public.display()
            );
            println!(
                "Klucz publiczny wgraj do aplikacji: jst trust add {} --yes",
                public.display()
            );
        }
        Command::Import { what } => {
            let db = open_database(&location)?;
            let mut lease = db.lease()?;
            let storage = &mut *lease;
            match what {
                ImportCommand::Bdl { variables, catalogue, years, level, api_url } => {
                    let request = jst_server::BdlRequest { variables, catalogue, years, level };
                    jst_server::import_bdl_command(
                        storage,
                        &cli.data_dir,
                        &request,
                        &api_url,
                        &at,
                    )?;
                }
                ImportCommand::Catalogue { file } => {
                    let bytes = jst_server::read_input(&file, jst_server::MAX_INPUT_BYTES)?;
                    let name =
                        file.file_name().and_then(|n| n.to_str()).unwrap_or("katalog").to_owned();
                    let rows = jst_import::parse_catalogue(&bytes, &name)?;
                    let version = jst_release::sha256_hex(&bytes)[..12].to_owned();
                    storage.save_catalogue(&bytes, rows.len(), &version, &at)?;
                    println!("Wczytano katalog: {} wskaźników (wersja {version}).", rows.len());
                }
                ImportCommand::BdlCsv { file, indicator, column, year } => {
                    let bytes = jst_server::read_input(&file, jst_server::MAX_INPUT_BYTES)?;
                    let name =
                        file.file_name().and_then(|n| n.to_str()).unwrap_or("bdl").to_owned();
                    let table = jst_import::parse_ctab(&bytes, &name)?;
                    let column = match column {
                        None => 0,
                        Some(wanted) => {
                            jst_import::ctab_column(&table, &wanted).ok_or_else(|| {
                                Error::Invalid(format!(
                                    "{name}: nie ma kolumny „{wanted}”; kolumny: {}",
                                    table.columns.join(", ")
                                ))
                            })?
                        }
                    };
                    let year = match (table.year, year) {
                        (Some(header), Some(given)) if header != given => {
                            return Err(Error::Invalid(format!(
                                "{name}: nagłówek podaje rok {header}, a --year {given}"
                            )))
                        }
                        (Some(y), _) | (None, Some(y)) => y,
                        (None, None) => {
                            return Err(Error::Usage(format!(
                                "{name}: nagłówek eksportu nie podaje roku danych; podaj go: --year RRRR"
                            )))
                        }
                    };
                    for warning in &table.warnings {
                        eprintln!("Ostrzeżenie: {warning}");
                    }
                    let register = jst_server::current_register(storage)?;
                    let values =
                        jst_server::bdl_csv_values(&register, &table, column, year, &indicator);
                    for unit in &values.unknown {
                        eprintln!("Ostrzeżenie: jednostki {unit} nie ma w rejestrze; pominięto");
                    }
                    let source = format!("GUS BDL, eksport CSV {name}");
                    let done = storage.upsert_values_from(&values.rows, &source, &at)?;
                    println!(
                        "Wczytano {indicator} {year} z kolumny „{}”: {} jednostek (nowe {}, zmienione {}, bez zmian {}); pominięto części gmin: {}, powiaty miast na prawach powiatu: {}, bez wartości: {}, spoza rejestru: {}.",
                        table.columns.get(column).map(String::as_str).unwrap_or_default(),
                        values.rows.len(),
                        done.inserted,
                        done.updated,
                        done.unchanged,
                        values.skipped_parts,
                        values.skipped_city_counties,
                        values.missing,
                        values.unknown.len()
                    );
                }
                ImportCommand::Mf { files, report, year, dictionary } => {
                    let report = match report {
                        MfReportArg::Rb28s => jst_import::BudgetReport::Rb28S,
                        MfReportArg::Rb27s => jst_import::BudgetReport::Rb27S,
                    };
                    let dictionary = match &dictionary {
                        None => None,
                        Some(path) => {
                            let bytes = jst_server::read_input(path, jst_server::MAX_INPUT_BYTES)?;
                            let name = path
                                .file_name()
                                .and_then(|n| n.to_str())
                                .unwrap_or("slownik")
                                .to_owned();
                            Some(jst_import::parse_mf_dictionary(&bytes, &name)?)
                        }
                    };
                    let register = jst_server::current_register(storage)?;
                    let paths: Vec<&std::path::Path> = files.iter().map(PathBuf::as_path).collect();
                    let values = jst_server::mf_values(
                        &register,
                        &paths,
                        report,
                        year,
                        dictionary.as_deref(),
                    )?;
                    for unit in &values.unknown {
                        eprintln!("Ostrzeżenie: jednostki {unit} nie ma w rejestrze; pominięto");
                    }
                    for warning in &values.dictionary_warnings {
                        eprintln!("Ostrzeżenie: {warning}");
                    }
                    if values.quarter != 4 {
                        eprintln!(
                            "Ostrzeżenie: pliki są za {}. kwartał {year} (narastająco), nie za cały rok",
                            values.quarter
                        );
                    }
                    let names: Vec<&str> = files
                        .iter()
                        .filter_map(|f| f.file_name().and_then(|n| n.to_str()))
                        .collect();
                    let source = format!(
                        "MF {} {year} kw. {} ({})",
                        report.code(),
                        values.quarter,
                        names.join(", ")
                    );
                    let done = storage.upsert_budget(&values.rows, &values.plans, &source, &at)?;
                    println!(
                        "Wczytano {} {year} (kwartał {}): rekordów {}, jednostek {}, wartości {} (nowe {}, zmienione {}, bez zmian {}); pominięto rekordy związków JST: {}, jednostki spoza rejestru: {}.",
                        report.code(),
                        values.quarter,
                        values.records,
                        values.units,
                        values.rows.len(),
                        done.inserted,
                        done.updated,
                        done.unchanged,
                        values.association_records,
                        values.unknown.len()
                    );
                }
                ImportCommand::Register { file, allow_shrink } => {
                    let bytes = jst_server::read_input(&file, jst_server::MAX_INPUT_BYTES)?;
                    let name =
                        file.file_name().and_then(|n| n.to_str()).unwrap_or("rejestr").to_owned();
                    let done =
                        jst_server::import_register(storage, &bytes, &name, allow_shrink, &at)?;
                    for warning in &done.warnings {
                        eprintln!("Ostrzeżenie: {warning}");
                    }
                    let listed = |units: &[String]| -> String {
                        if units.is_empty() {
                            String::new()
                        } else {
                            let more = units.len().saturating_sub(10);
                            let head =
                                units.iter().take(10).cloned().collect::<Vec<_>>().join(", ");
                            if more > 0 {
                                format!(" ({head} i {more} innych)")
                            } else {
                                format!(" ({head})")
                            }
                        }
                    };
                    println!(
                        "Wczytano rejestr TERC ze stanem na {}: {} jednostek; nowe {}{}; wygaszone {}{}. Następne wydanie go przeniesie.",
                        done.as_of,
                        done.units,
                        done.added.len(),
                        listed(&done.added),
                        done.ended.len(),
                        listed(&done.ended)
                    );
                }
                ImportCommand::Data { file } => {
                    let imported = jst_server::import_data_file(storage, &file, &at)?;
                    for warning in &imported.warnings {
                        eprintln!("Ostrzeżenie: {warning}");
                    }
                    let done = imported.done;
                    println!(
                        "Wczytano {} wierszy: nowe {}, zmienione {}, bez zmian {}.",
                        imported.rows, done.inserted, done.updated, done.unchanged
                    );
                }
            }
        }
        Command::Release { what: ReleaseCommand::Build { out, key, valid_days } } => {
            let db = open_database(&location)?;
            let mut lease = db.lease()?;
            let storage = &mut *lease;
            let key_path = key.unwrap_or_else(|| cli.data_dir.join("release.key"));
            let text = std::fs::read_to_string(&key_path)
                .map_err(Error::io(format!("nie można odczytać klucza {}", key_path.display())))?;
            let key = jst_release::KeyPair::from_text(&text)?;
            let s = build_release(storage, &out, &key, now(), valid_days)?;
            println!(
                "Wydanie {}: {} wartości, fragmentów {} (nowe {}, bez zmian {}), zapisano {} B, całe wydanie {} B; dobrych praktyk {}.",
                s.version, s.values, s.chunks, s.new_chunks, s.reused_chunks, s.bytes_written, s.release_bytes, s.practices
            );
        }
        Command::Token { what } => {
            let db = open_database(&location)?;
            let mut lease = db.lease()?;
            let storage = &mut *lease;
            match what {
                TokenCommand::Issue { unit } => {
                    let issued = issue_token(storage, &teryt(&unit)?, &at)?;
                    println!(
                        "Token jednostki {unit} (nr {}), pokazywany tylko raz:\n{}",
                        issued.id, issued.token
                    );
                }
                TokenCommand::Revoke { unit: Some(unit), .. } => {
                    let n = storage.revoke_tokens(&teryt(&unit)?, &at)?;
                    println!("Unieważniono tokenów: {n}.");
                }
                TokenCommand::Revoke { unit: None, id } => {
                    let id = id.unwrap_or_default();
                    match storage.revoke_token(id, &at)? {
                        jst_server::TokenRevocation::Revoked { unit } => {
                            println!("Unieważniono token nr {id} jednostki {unit}.");
                        }
                        jst_server::TokenRevocation::AlreadyRevoked { unit, revoked_at } => {
                            println!(
                                "Token nr {id} jednostki {unit} był już unieważniony ({revoked_at})."
                            );
                        }
                        jst_server::TokenRevocation::Unknown => {
                            return Err(Error::Invalid(format!(
                                "nie ma tokenu nr {id} (numery podaje: jst-server token list); nic nie zapisano"
                            )));
                        }
                    }
                }
                TokenCommand::List { unit, format } => {
                    let unit = unit.as_deref().map(teryt).transpose()?;
                    let tokens = storage.tokens(unit.as_deref())?;
                    match format {
                        Format::Json => println!(
                            "{}",
                            serde_json::to_value(&tokens).unwrap_or(serde_json::Value::Null)
                        ),
                        Format::Table if tokens.is_empty() => {
                            println!("Brak tokenów. Wydaj: jst-server token issue --unit TERYT")
                        }
                        Format::Table => {
                            println!("nr\tjednostka\twydany\tstan\tostatnio użyty");
                            for t in tokens {
                                let state = t
                                    .revoked_at
                                    .map_or("aktywny".to_owned(), |r| format!("unieważniony {r}"));
                                let used = t.last_used_on.unwrap_or_else(|| "nigdy".to_owned());
                                println!("{}\t{}\t{}\t{state}\t{used}", t.id, t.unit, t.issued_at);
                            }
                        }
                    }
                }
            }
        }
        Command::Audit { since, action, format } => {
            let since = since.map(|day| day_start(&day)).transpose()?;
            let db = open_database(&location)?;
            let mut lease = db.lease()?;
            let storage = &mut *lease;
            let entries = storage.audit(&jst_server::AuditFilter { since, action })?;
            match format {
                Format::Json => println!(
                    "{}",
                    serde_json::to_value(&entries).unwrap_or(serde_json::Value::Null)
                ),
                Format::Table if entries.is_empty() => println!("Brak wpisów w dzienniku zmian."),
                Format::Table => {
                    for e in entries {
                        println!(
                            "{}\t{}\t{}\t{}\t{}",
                            e.at,
                            e.actor,
                            e.action.code(),
                            e.action.label(),
                            e.details
                        );
                    }
                }
            }
        }
        Command::Period { what: PeriodCommand::Close { year } } => {
            let db = open_database(&location)?;
            let mut lease = db.lease()?;
            let storage = &mut *lease;
            let closed = storage.close_period(year, &at)?;
            println!(
                "{}",
                if closed {
                    format!("Zamknięto rok {year}.")
                } else {
                    format!("Rok {year} był już zamknięty.")
                }
            );
        }
        Command::Gwd { what } => {
            let db = open_database(&location)?;
            let mut lease = db.lease()?;
            let storage = &mut *lease;
            gwd(storage, what, &at)?;
        }
        Command::Practices { what } => {
            let db = open_database(&location)?;
            let mut lease = db.lease()?;
            let storage = &mut *lease;
            practices(storage, what, &at)?;
        }
        Command::Serve { bind, releases, metrics_bind } => {
            jst_server::serve_with_metrics(
                bind,
                metrics_bind,
                releases,
                location,
                jst_server::ServeLimits::default(),
                |addr, metrics| {
                    println!("Serwer nasłuchuje na http://{addr}");
                    if let Some(metrics) = metrics {
                        println!("Metryki: http://{metrics}/metrics");
                    }
                },
            )?;
        }
    }
    Ok(())
}

/// The database `--database` (or `JST_SERVER_DATABASE`) names, else the data folder's SQLite;
/// every write audited as the OS user's.
fn open_database(location: &Location) -> Result<Database, Error> {
    Ok(Database::open(location, Actor::os_user())?)
}

fn gwd(storage: &mut dyn Storage, what: GwdCommand, at: &str) -> Result<(), Error> {
    use jst_server::UnitNames;
    match what {
        GwdCommand::Create { name, area, indicators, format } => {
            let id = jst_server::create_group(storage, &name, &area, &indicators, at)?;
            match format {
                Format::Json => println!("{}", serde_json::json!({ "id": id })),
                Format::Table => println!(
                    "Utworzono grupę nr {id} „{}” ({} wskaźników). Członków dodaje: jst-server gwd add {id} TERYT --consent \"…\"",
                    name.trim(),
                    indicators.len()
                ),
            }
        }
        GwdCommand::Add { id, teryt, consent, consent_date } => {
            let group =
                jst_server::add_member(storage, id, &teryt, &consent, consent_date.as_deref(), at)?;
            let names = UnitNames::of(storage)?;
            println!(
                "Dodano {} {} do grupy nr {id} „{}” (zgoda: {}).",
                teryt.trim(),
                names.name(teryt.trim()),
                group.name,
                consent.trim()
            );
        }
        GwdCommand::Remove { id, teryt } => {
            let group = jst_server::remove_member(storage, id, &teryt, at)?;
            println!(
                "Usunięto {} z grupy nr {id} „{}”: jej wartości nie są już udostępniane grupie.",
                teryt.trim(),
                group.name
            );
        }
        GwdCommand::List { format } => {
            let groups = storage.gwd_groups()?;
            let names = UnitNames::of(storage)?;
            match format {
                Format::Json => {
                    let listed: Vec<serde_json::Value> = groups
                        .iter()
                        .map(|g| {
                            let members: Vec<serde_json::Value> = g
                                .members
                                .iter()
                                .map(|m| {
                                    serde_json::json!({
                                        "teryt": m.teryt,
                                        "name": names.name(&m.teryt),
                                        "consent_reference": m.consent_reference,
                                        "consent_date": m.consent_date,
                                        "added_at": m.added_at,
                                    })
                                })
                                .collect();
                            serde_json::json!({
                                "id": g.id,
                                "name": g.name,
                                "area": g.area,
                                "indicators": g.indicators,
                                "created_at": g.created_at,
                                "members": members,
                            })
                        })
                        .collect();
                    println!("{}", serde_json::Value::Array(listed));
                }
                Format::Table if groups.is_empty() => {
                    println!("Nie ma grup. Utwórz: jst-server gwd create NAZWA --area OBSZAR --indicators A,B");
                }
                Format::Table => {
                    for g in &groups {
                        println!(
                            "{}\t{}\t{}\twskaźniki: {}\tczłonków: {}",
                            g.id,
                            g.name,
                            g.area,
                            g.indicators.join(", "),
                            g.members.len()
                        );
                        for m in &g.members {
                            println!(
                                "\t{} {}\tzgoda {} z {}",
                                m.teryt,
                                names.name(&m.teryt),
                                m.consent_reference,
                                m.consent_date
                            );
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

fn practices(storage: &mut dyn Storage, what: PracticesCommand, at: &str) -> Result<(), Error> {
    use jst_server::PracticeStatus;
    let listed = |storage: &dyn Storage, only_proposed: bool, format: Format, full: bool| {
        let all = storage.practices()?;
        let shown: Vec<_> =
            all.iter().filter(|p| !only_proposed || p.status == PracticeStatus::Proposed).collect();
        match format {
            Format::Json => {
                let rows: Vec<serde_json::Value> = shown
                    .iter()
                    .map(|p| {
                        let mut row = serde_json::to_value(&p.practice).unwrap_or_default();
                        if let Some(o) = row.as_object_mut() {
                            o.insert("status".into(), serde_json::json!(p.status));
                            o.insert("proposed_by".into(), serde_json::json!(p.proposed_by));
                            o.insert("created_at".into(), serde_json::json!(p.created_at));
                            o.insert("published_at".into(), serde_json::json!(p.published_at));
                        }
                        row
                    })
                    .collect();
                println!("{}", serde_json::Value::Array(rows));
            }
            Format::Table if shown.is_empty() => println!(
                "{}",
                if only_proposed {
                    "Brak propozycji do przejrzenia."
                } else {
                    "Baza dobrych praktyk jest pusta. Wczytaj: jst-server practices import PLIK"
                }
            ),
            Format::Table => {
                for p in shown {
                    let status = match p.status {
                        PracticeStatus::Published => "opublikowana",
                        PracticeStatus::Proposed => "proponowana",
                    };
                    let starter = if p.practice.starter { " [baza startowa]" } else { "" };
                    println!(
                        "{}\t{status}{starter}\t{}\t{} {}\t{}",
                        p.practice.id,
                        p.practice.area.label(),
                        p.practice.teryt,
                        p.practice.unit_name,
                        p.practice.title
                    );
                    if full {
                        if let Some(by) = &p.proposed_by {
                            println!("\tzaproponowała jednostka {by}, {}", p.created_at);
                        }
                        println!("\tSkrót: {}", p.practice.summary);
                        println!("\tPrezentacja:\n{}\n", p.practice.presentation);
                        println!("\tOpublikuj: jst-server practices publish {}", p.practice.id);
                    }
                }
            }
        }
        Ok::<(), Error>(())
    };
    match what {
        PracticesCommand::Import { file } => {
            let ids = jst_server::practices::import_file(storage, &file, at)?;
            println!(
                "Wczytano praktyk: {} (nr {}); trafią do następnego wydania.",
                ids.len(),
                ids.iter().map(i64::to_string).collect::<Vec<_>>().join(", ")
            );
        }
        PracticesCommand::List { format } => listed(storage, false, format, false)?,
        PracticesCommand::Review { format } => listed(storage, true, format, true)?,
        PracticesCommand::Publish { id } => {
            let p = jst_server::practices::publish(storage, id, at)?;
            println!("Opublikowano praktykę nr {id} „{}”: trafi do następnego wydania.", p.title);
        }
        PracticesCommand::Remove { id } => {
            jst_server::practices::remove(storage, id, at)?;
            println!("Usunięto praktykę nr {id}: następne wydanie już jej nie zawiera.");
        }
    }
    Ok(())
}
