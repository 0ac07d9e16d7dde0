//! `jst-server import bdl`: values of GUS Bank Danych Lokalnych variables fetched from its API v1
//! (`GET /data/by-variable/{id}`, every page), mapped to the server's register by the rules of
//! the CTAB export and stored as public values of catalogue indicators.
//!
//! The API is shared and rate-limited (5 requests a second anonymously, and further limits over
//! longer periods), so the client spaces its requests, backs off on 429 and 5xx, and keeps every finished page in
//! the data folder (written atomically) until the values are stored: a run cut short by a limit
//! or a crash repeats no finished page. Everything is fetched and mapped before one upsert, so a
//! failed run stores nothing.

use std::collections::BTreeSet;
use std::io::{ErrorKind, Read, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::{Duration, Instant};

use jst_domain::RegisterEntry;
use jst_import::{map_bdl_units, parse_bdl_page, BdlMapped, BdlPage};

use crate::register::current_register;
use crate::{DataImport, DataRow, Error, Result, Storage};

/// The public API's address.
pub const DEFAULT_API_URL: &str = "https://bdl.stat.gov.pl/api/v1";

/// The environment variable with the key of a registered client (`X-ClientId`, higher limits).
pub const CLIENT_ID_ENV: &str = "BDL_CLIENT_ID";

/// Catalogue codes → BDL variables (`assets/bdl/zmienne.csv`), for `--catalogue`.
pub const VARIABLE_MAPPING: &str = include_str!("../../../assets/bdl/zmienne.csv");

/// Folder of the data folder holding finished pages until their values are stored.
pub const PAGE_FOLDER: &str = "bdl-strony";

/// The API's largest page.
const PAGE_SIZE: u32 = 100;

/// A level-6 year is about 40 pages; far more means the API's paging went round in circles.
const MAX_PAGES: u64 = 2000;

/// A page of 100 units is about 10 kB; this is a broken answer, not data.
const MAX_PAGE_BYTES: u64 = 16 * 1024 * 1024;

/// One BDL variable stored under one catalogue code: `ID=KOD` on the command line.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct BdlVariable {
    /// BDL variable id (`Variable.id`).
    pub id: u64,
    /// Catalogue code the values are stored under.
    pub indicator: String,
}

impl FromStr for BdlVariable {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let usage = || {
            format!(
                "„{text}”: oczekiwano ID=KOD, czyli identyfikatora zmiennej BDL i kodu wskaźnika \
                 z katalogu, np. 72305=LUD_OGOLEM"
            )
        };
        let (id, code) = text.split_once('=').ok_or_else(usage)?;
        let (id, code) = (id.trim(), code.trim());
        let id = (!id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
            .then(|| id.parse::<u64>().ok())
            .flatten()
            .ok_or_else(usage)?;
        if code.is_empty() || code.contains(char::is_whitespace) {
            return Err(usage());
        }
        Ok(Self { id, indicator: code.to_owned() })
    }
}

/// One line of the shipped mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MappedVariable {
    /// The variable and the catalogue code it is stored under.
    pub variable: BdlVariable,
    /// The lowest BDL level the variable is published at (5 powiaty, 6 gminy).
    pub level: u8,
    /// What the variable is, for the reader of the file.
    pub description: String,
}

/// The shipped mapping, checked: `kod;zmienna;poziom;opis`, codes unique.
pub fn catalogue_variables() -> Result<Vec<MappedVariable>> {
    const FILE: &str = "assets/bdl/zmienne.csv";
    let mut lines = VARIABLE_MAPPING.lines().enumerate();
    match lines.next() {
        Some((_, header)) if header.trim().starts_with("kod;zmienna;poziom;opis") => {}
        _ => {
            return Err(Error::Invalid(format!(
                "{FILE}: oczekiwano nagłówka kod;zmienna;poziom;opis"
            )))
        }
    }
    let mut out: Vec<MappedVariable> = Vec::new();
    for (i, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let bad = |what: &str| Error::Invalid(format!("{FILE}, wiersz {}: {what}", i + 1));
        let fields: Vec<&str> = line.splitn(4, ';').map(str::trim).collect();
        let [code, id, level, description] = fields.as_slice() else {
            return Err(bad("oczekiwano czterech pól kod;zmienna;poziom;opis"));
        };
        let variable: BdlVariable = format!("{id}={code}").parse().map_err(|e: String| bad(&e))?;
        let level = match *level {
            "5" => 5,
            "6" => 6,
            other => return Err(bad(&format!("poziom „{other}” nie jest 5 ani 6"))),
        };
        if out.iter().any(|m| m.variable.indicator == variable.indicator) {
            return Err(bad(&format!("kod {} powtórzony", variable.indicator)));
        }
        out.push(MappedVariable { variable, level, description: (*description).to_owned() });
    }
    Ok(out)
}

/// What `import bdl` fetches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BdlRequest {
    /// `--variable ID=KOD`, any number.
    pub variables: Vec<BdlVariable>,
    /// `--catalogue`: every variable of the shipped mapping as well.
    pub catalogue: bool,
    /// `--year`, any number (each fetched once).
    pub years: Vec<i32>,
    /// BDL unit level: 5 powiaty, 6 gminy.
    pub level: u8,
}

/// The variables to fetch (given ones and, with `--catalogue`, the mapping's that exist at the
/// level), and notes on the mapping's variables left out. One code from two variables is
/// refused: both would be stored under it.
pub fn resolve_variables(request: &BdlRequest) -> Result<(Vec<BdlVariable>, Vec<String>)> {
    let mut wanted: BTreeSet<BdlVariable> = request.variables.iter().cloned().collect();
    let mut notes = Vec::new();
    if request.catalogue {
        for mapped in catalogue_variables()? {
            if mapped.level < request.level {
                notes.push(format!(
                    "{} (zmienna {}) jest publikowana tylko do poziomu {}; pominięto na poziomie {}",
                    mapped.variable.indicator, mapped.variable.id, mapped.level, request.level
                ));
            } else {
                wanted.insert(mapped.variable);
            }
        }
    }
    if wanted.is_empty() {
        return Err(Error::Usage(
            "nie wskazano zmiennych: podaj --variable ID=KOD (np. 72305=LUD_OGOLEM) lub --catalogue"
                .to_owned(),
        ));
    }
    let wanted: Vec<BdlVariable> = wanted.into_iter().collect();
    for (i, a) in wanted.iter().enumerate() {
        if let Some(b) = wanted[i + 1..].iter().find(|b| b.indicator == a.indicator) {
            return Err(Error::Usage(format!(
                "wskaźnik {} ma dwie zmienne BDL ({} i {}); zostaw jedną",
                a.indicator, a.id, b.id
            )));
        }
    }
    Ok((wanted, notes))
}

/// An HTTP client of the BDL API that spaces its requests, retries what the API may answer
/// later, and keeps finished pages under the data folder until [`BdlClient::forget`].
pub struct BdlClient {
    base: reqwest::Url,
    client_id: Option<String>,
    http: reqwest::blocking::Client,
    pages: PathBuf,
    last_request: Option<Instant>,
    requests: usize,
    resumed_pages: usize,
    /// Least time between the starts of two requests (200 ms: the anonymous 5 a second). No
    /// burst is allowed, so any second holds at most 5 requests.
    pub min_interval: Duration,
    /// Wait before the first retry of a 429 or 5xx answer (the API sends no Retry-After);
    /// doubled for each further one.
    pub backoff: Duration,
    /// Longest wait between two attempts.
    pub max_backoff: Duration,
    /// Retries of one page before the run stops.
    pub retries: u32,
    /// `page-size` (the API allows up to 100).
    pub page_size: u32,
}

impl BdlClient {
    /// A client with the API's real limits: 5 requests a second, backoff from 2 s doubling up
    /// to a minute, 6 retries (about two minutes in all). Pages are kept in
    /// `data_dir/bdl-strony`.
    pub fn new(api_url: &str, client_id: Option<String>, data_dir: &Path) -> Result<Self> {
        let trimmed = api_url.trim().trim_end_matches('/');
        let base = reqwest::Url::parse(&format!("{trimmed}/")).map_err(|e| {
            Error::Usage(format!("--api-url „{api_url}” nie jest adresem HTTP(S): {e}"))
        })?;
        if !matches!(base.scheme(), "http" | "https") {
            return Err(Error::Usage(format!("--api-url „{api_url}” nie jest adresem HTTP(S)")));
        }
        let http = reqwest::blocking::Client::builder()
            .connect_timeout(Duration::from_secs(10))
            .timeout(Duration::from_secs(60))
            .user_agent(concat!("monitor-jst-server/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| Error::Io {
                context: "nie można przygotować klienta HTTP".to_owned(),
                source: std::io::Error::other(e),
            })?;
        let client_id = client_id.map(|c| c.trim().to_owned()).filter(|c| !c.is_empty());
        // A key that cannot be a header would fail every request; say so before the first.
        if client_id.as_deref().is_some_and(|c| reqwest::header::HeaderValue::from_str(c).is_err())
        {
            return Err(Error::Usage(format!(
                "{CLIENT_ID_ENV} zawiera znaki niedozwolone w nagłówku HTTP X-ClientId"
            )));
        }
        Ok(Self {
            base,
            client_id,
            http,
            pages: data_dir.join(PAGE_FOLDER),
            last_request: None,
            requests: 0,
            resumed_pages: 0,
            min_interval: Duration::from_millis(200),
            backoff: Duration::from_secs(2),
            max_backoff: Duration::from_secs(60),
            retries: 6,
            page_size: PAGE_SIZE,
        })
    }

    /// HTTP requests sent so far (retries included).
    pub fn requests(&self) -> usize {
        self.requests
    }

    /// Pages read from an earlier, interrupted run instead of the API.
    pub fn resumed_pages(&self) -> usize {
        self.resumed_pages
    }

    /// Every page of `variable` in `year` at `level`, following `links.next`: each from the
    /// kept pages when an earlier run finished it, else from the API (then kept).
    pub fn fetch(&mut self, variable: u64, year: i32, level: u8) -> Result<Vec<BdlPage>> {
        let mut url = self
            .base
            .join(&format!(
                "data/by-variable/{variable}?unit-level={level}&year={year}&page=0&page-size={}",
                self.page_size
            ))
            .map_err(|e| Error::Usage(format!("nie można zbudować adresu API BDL: {e}")))?;
        let mut pages: Vec<BdlPage> = Vec::new();
        for index in 0.. {
            if index >= MAX_PAGES {
                return Err(Error::Invalid(format!(
                    "API BDL, zmienna {variable}, rok {year}, poziom {level}: ponad {MAX_PAGES} \
                     stron; stronicowanie odpowiedzi jest błędne"
                )));
            }
            let label = format!(
                "API BDL, zmienna {variable}, rok {year}, poziom {level}, strona {}",
                index + 1
            );
            let path = self.page_path(variable, year, level, index);
            let page = match read_kept(&path, &label)? {
                Some(page) => {
                    self.resumed_pages += 1;
                    page
                }
                None => {
                    let bytes = self.get(&url, &label)?;
                    let page = parse_bdl_page(&bytes, &label)?;
                    check_page(&page, variable, index, &label)?;
                    write_atomically(&path, &bytes)?;
                    page
                }
            };
            let next = page.next.clone();
            pages.push(page);
            match next {
                None => break,
                Some(next) => url = self.next_url(&next, &label)?,
            }
        }
        let total = pages.first().and_then(|p| p.total_records);
        let got: usize = pages.iter().map(|p| p.units.len()).sum();
        if let Some(total) = total.filter(|&t| t != got as u64) {
            // Pages from two states of the data (kept from a run before GUS revised it) or a
            // page lost by the API: start this series afresh next time.
            self.forget(variable, year, level)?;
            return Err(Error::Invalid(format!(
                "API BDL, zmienna {variable}, rok {year}, poziom {level}: odpowiedź zapowiada \
                 {total} jednostek, a strony zawierają {got}; zachowane strony usunięto, \
                 uruchom polecenie ponownie"
            )));
        }
        Ok(pages)
    }

    /// Deletes the kept pages of one series (after its values are stored).
    pub fn forget(&self, variable: u64, year: i32, level: u8) -> Result<()> {
        let prefix = format!("{variable}-{year}-{level}-{}-", self.page_size);
        let entries = match std::fs::read_dir(&self.pages) {
            Ok(entries) => entries,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(()),
            Err(e) => {
                return Err(Error::Io {
                    context: format!("nie można odczytać {}", self.pages.display()),
                    source: e,
                })
            }
        };
        for entry in entries.flatten() {
            if entry.file_name().to_str().is_some_and(|n| n.starts_with(&prefix)) {
                std::fs::remove_file(entry.path())
                    .map_err(Error::io(format!("nie można usunąć {}", entry.path().display())))?;
            }
        }
        Ok(())
    }

    fn page_path(&self, variable: u64, year: i32, level: u8, index: u64) -> PathBuf {
        // The page size is part of the key: page 3 of 50-unit pages is not page 3 of 100.
        self.pages.join(format!("{variable}-{year}-{level}-{}-{index}.json", self.page_size))
    }

    /// `links.next`, only on the API's own origin: the client id goes with every request.
    fn next_url(&self, next: &str, label: &str) -> Result<reqwest::Url> {
        let url = reqwest::Url::parse(next).map_err(|e| {
            Error::Invalid(format!("{label}: adres następnej strony „{next}” jest błędny: {e}"))
        })?;
        if url.origin() != self.base.origin() {
            return Err(Error::Invalid(format!(
                "{label}: następna strona „{next}” leży poza adresem API {}",
                self.base
            )));
        }
        Ok(url)
    }

    /// Waits until `min_interval` has passed since the last request began.
    fn throttle(&mut self) {
        if let Some(last) = self.last_request {
            let since = last.elapsed();
            if since < self.min_interval {
                std::thread::sleep(self.min_interval - since);
            }
        }
        self.last_request = Some(Instant::now());
    }

    /// One page's bytes, retrying 429, 5xx and broken connections with a growing wait.
    fn get(&mut self, url: &reqwest::Url, label: &str) -> Result<Vec<u8>> {
        let mut wait = self.backoff;
        let mut attempt: u32 = 0;
        loop {
            let reason = match self.attempt(url, label)? {
                Ok(bytes) => return Ok(bytes),
                Err(reason) => reason,
            };
            if attempt >= self.retries {
                let advice = if reason.starts_with("429") {
                    format!(
                        "API BDL odrzuca zapytania (429: wyczerpany limit); spróbuj później \
                         albo ustaw {CLIENT_ID_ENV} (klucz klienta ma wyższe limity)"
                    )
                } else {
                    "API BDL jest niedostępne; spróbuj później".to_owned()
                };
                return Err(Error::Io {
                    context: label.to_owned(),
                    source: std::io::Error::other(format!(
                        "{reason} ({} prób); {advice}. Niczego nie zapisano; strony pobrane do tej pory \
                         zachowano w {} i ponowne uruchomienie nie pobierze ich drugi raz",
                        attempt + 1,
                        self.pages.display()
                    )),
                });
            }
            tracing::warn!(
                page = label,
                reason = reason.as_str(),
                wait_ms = wait.as_millis() as u64,
                "API BDL: ponowienie zapytania"
            );
            std::thread::sleep(wait);
            wait = (wait * 2).min(self.max_backoff);
            attempt += 1;
        }
    }

    /// One request: the body, a reason to retry, or an error no retry mends.
    fn attempt(
        &mut self,
        url: &reqwest::Url,
        label: &str,
    ) -> Result<std::result::Result<Vec<u8>, String>> {
        self.throttle();
        self.requests += 1;
        let mut request =
            self.http.get(url.clone()).header(reqwest::header::ACCEPT, "application/json");
        if let Some(id) = &self.client_id {
            request = request.header("X-ClientId", id);
        }
        let response = match request.send() {
            Ok(response) => response,
            Err(e) if e.is_builder() => {
                return Err(Error::Invalid(format!("{label}: błędne zapytanie: {e}")))
            }
            Err(e) => return Ok(Err(format!("błąd połączenia: {e}"))),
        };
        let status = response.status();
        if status == reqwest::StatusCode::TOO_MANY_REQUESTS || status.is_server_error() {
            return Ok(Err(format!(
                "{} {}",
                status.as_u16(),
                status.canonical_reason().unwrap_or("")
            )));
        }
        let mut body = Vec::new();
        if let Err(e) = response.take(MAX_PAGE_BYTES + 1).read_to_end(&mut body) {
            return Ok(Err(format!("przerwana odpowiedź: {e}")));
        }
        if body.len() as u64 > MAX_PAGE_BYTES {
            return Err(Error::Invalid(format!(
                "{label}: odpowiedź przekracza {MAX_PAGE_BYTES} B; to nie jest strona danych"
            )));
        }
        if !status.is_success() {
            return Err(Error::Invalid(format!(
                "{label}: API BDL odpowiedziało {status}{}",
                api_reason(&body).map(|r| format!(": {r}")).unwrap_or_default()
            )));
        }
        Ok(Ok(body))
    }
}

/// `errorResult: errorReason` of an API refusal, if its body is one.
fn api_reason(body: &[u8]) -> Option<String> {
    let value: serde_json::Value = serde_json::from_slice(body).ok()?;
    let parts: Vec<&str> = ["errorResult", "errorReason"]
        .iter()
        .filter_map(|k| value.get(*k).and_then(serde_json::Value::as_str))
        .collect();
    (!parts.is_empty()).then(|| parts.join(": "))
}

/// A page that answers another question than the one asked would be keyed wrongly.
fn check_page(page: &BdlPage, variable: u64, index: u64, label: &str) -> Result<()> {
    if page.variable_id.is_some_and(|v| v != variable) {
        return Err(Error::Invalid(format!(
            "{label}: odpowiedź dotyczy zmiennej {}, a nie {variable}",
            page.variable_id.unwrap_or_default()
        )));
    }
    if page.page.is_some_and(|p| p != index) {
        return Err(Error::Invalid(format!(
            "{label}: API BDL zwróciło stronę o indeksie {}, a oczekiwano {index}",
            page.page.unwrap_or_default()
        )));
    }
    Ok(())
}

/// A kept page, when one is there and still reads; one that does not is dropped and fetched
/// again.
fn read_kept(path: &Path, label: &str) -> Result<Option<BdlPage>> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(Error::Io {
                context: format!("nie można odczytać {}", path.display()),
                source: e,
            })
        }
    };
    match parse_bdl_page(&bytes, label) {
        Ok(page) => Ok(Some(page)),
        Err(_) => {
            std::fs::remove_file(path)
                .map_err(Error::io(format!("nie można usunąć {}", path.display())))?;
            Ok(None)
        }
    }
}

/// Written beside, flushed, renamed over, and the folder flushed: after a crash the page is
/// either whole or absent.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)
        .map_err(Error::io(format!("nie można utworzyć {}", dir.display())))?;
    let tmp = path.with_extension("json.tmp");
    let written = std::fs::File::create(&tmp)
        .and_then(|mut file| {
            file.write_all(bytes)?;
            file.sync_all()
        })
        .and_then(|_| std::fs::rename(&tmp, path));
    written.map_err(Error::io(format!("nie można zapisać {}", path.display())))?;
    #[cfg(unix)]
    std::fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(Error::io(format!("nie można zapisać {}", dir.display())))?;
    Ok(())
}

/// One variable in one year, as mapped.
#[derive(Debug, Clone, PartialEq)]
pub struct BdlSeries {
    /// The variable and the code its values were stored under.
    pub variable: BdlVariable,
    /// The year asked for.
    pub year: i32,
    /// BDL unit level asked for.
    pub level: u8,
    /// Pages the series took.
    pub pages: usize,
    /// The values mapped to the register, with what was skipped.
    pub values: BdlMapped,
}

/// What `import bdl` did.
#[derive(Debug, Clone, PartialEq)]
pub struct BdlImport {
    /// Every variable and year, in the order fetched.
    pub series: Vec<BdlSeries>,
    /// What the one upsert of all their values did.
    pub stored: DataImport,
}

/// Fetches and maps every variable in every year, then stores all values in one upsert and
/// drops the kept pages. Any error stores nothing (pages fetched so far stay kept).
pub fn import_bdl(
    storage: &mut dyn Storage,
    client: &mut BdlClient,
    register: &[RegisterEntry],
    variables: &[BdlVariable],
    years: &[i32],
    level: u8,
    at: &str,
) -> Result<BdlImport> {
    let years: BTreeSet<i32> = years.iter().copied().collect();
    let mut series = Vec::new();
    for variable in variables {
        for &year in &years {
            let pages = client.fetch(variable.id, year, level)?;
            let label = format!("API BDL, zmienna {}, rok {year}, poziom {level}", variable.id);
            let values =
                map_bdl_units(pages.iter().flat_map(|p| &p.units), year, register, &label)?;
            series.push(BdlSeries {
                variable: variable.clone(),
                year,
                level,
                pages: pages.len(),
                values,
            });
        }
    }
    let rows: Vec<DataRow> = series
        .iter()
        .flat_map(|s| {
            s.values.rows.iter().map(|r| DataRow {
                teryt: r.teryt.clone(),
                indicator: s.variable.indicator.clone(),
                year: s.year,
                value: r.value,
            })
        })
        .collect();
    let ids: BTreeSet<u64> = variables.iter().map(|v| v.id).collect();
    let source = format!(
        "GUS BDL, API v1, zmienne {}",
        ids.iter().map(u64::to_string).collect::<Vec<_>>().join(", ")
    );
    let stored = storage.upsert_values_from(&rows, &source, at)?;
    for s in &series {
        client.forget(s.variable.id, s.year, s.level)?;
    }
    Ok(BdlImport { series, stored })
}

/// The command `jst-server import bdl`: resolves the variables, fetches with the API's real
/// limits (`X-ClientId` from `BDL_CLIENT_ID` when set), stores, and prints a Polish summary.
pub fn import_bdl_command(
    storage: &mut dyn Storage,
    data_dir: &Path,
    request: &BdlRequest,
    api_url: &str,
    at: &str,
) -> Result<()> {
    let (variables, notes) = resolve_variables(request)?;
    for note in &notes {
        eprintln!("Uwaga: {note}");
    }
    let register = current_register(storage)?;
    let client_id = std::env::var(CLIENT_ID_ENV).ok();
    let mut client = BdlClient::new(api_url, client_id, data_dir)?;
    let done = import_bdl(
        storage,
        &mut client,
        &register.snapshot.entries,
        &variables,
        &request.years,
        request.level,
        at,
    )?;
    for s in &done.series {
        for unit in &s.values.unknown {
            eprintln!(
                "Ostrzeżenie: jednostki {unit} nie ma w rejestrze ({}); pominięto ({} {})",
                register.label, s.variable.indicator, s.year
            );
        }
        let v = &s.values;
        println!(
            "Wczytano {} {} (zmienna {}, poziom {}, stron {}): {} jednostek; pominięto części gmin: {}, powiaty miast na prawach powiatu: {}, bez wartości: {} (w tym ze znakiem braku danych: {}), spoza rejestru: {}.",
            s.variable.indicator,
            s.year,
            s.variable.id,
            s.level,
            s.pages,
            v.rows.len(),
            v.skipped_parts,
            v.skipped_city_counties,
            v.missing,
            v.flagged,
            v.unknown.len()
        );
    }
    let stored = done.stored;
    println!(
        "Zapisano {} wartości: nowe {}, zmienione {}, bez zmian {}. Zapytań do API BDL: {}, stron z przerwanego uruchomienia: {}.",
        stored.inserted + stored.updated + stored.unchanged,
        stored.inserted,
        stored.updated,
        stored.unchanged,
        client.requests(),
        client.resumed_pages()
    );
    Ok(())
}
