use std::path::{Path, PathBuf};

use jst_domain::{Teryt, POPULATION};
use jst_import::parse_terc;
use jst_store::{LocalStore, PeerStore, Stamp, UnitRecord};

use crate::views::{OwnUnitView, PopulationView, RegisterImportView, StatusView, UnitView};
use crate::{demo, shipped, Error, Result};

/// Input files larger than this are refused: the full TERC register is about 200 kB, a large
/// strategy or value file well under a megabyte.
pub(crate) const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// An opened data folder: `local.db` (own data) and `peers.db` (peer and reference data).
pub struct Monitor {
    pub(crate) data_dir: PathBuf,
    pub(crate) local: LocalStore,
    pub(crate) peers: PeerStore,
    /// Units and population for comparisons, rebuilt when a store changes.
    pub(crate) index: std::sync::Mutex<Option<std::sync::Arc<crate::peer_index::PeerIndex>>>,
}

impl Monitor {
    /// Opens the data folder, creating it and loading the shipped register and reference data
    /// on first run.
    pub fn open(data_dir: &Path) -> Result<Self> {
        std::fs::create_dir_all(data_dir).map_err(Error::io(format!(
            "nie można utworzyć folderu danych {}",
            data_dir.display()
        )))?;
        let data_dir = &std::path::absolute(data_dir)
            .map_err(Error::io(format!("nieprawidłowy folder danych {}", data_dir.display())))?;
        let stamp = stamp();
        let mut local = LocalStore::open(&data_dir.join("local.db"), &stamp)?;
        shipped::ensure_register(&mut local, &stamp)?;
        shipped::ensure_catalogue(&mut local, &stamp)?;
        let mut peers = PeerStore::open(&data_dir.join("peers.db"), &stamp)?;
        shipped::ensure_reference_data(&local, &mut peers, &stamp)?;
        Ok(Self { data_dir: data_dir.to_owned(), local, peers, index: std::sync::Mutex::new(None) })
    }

    pub fn status(&self) -> Result<StatusView> {
        let own = self.local.own_unit()?;
        let demo = own.as_ref().is_some_and(|o| o.demo);
        let unit = own.map(|o| self.own_unit_view(o.unit)).transpose()?;
        Ok(StatusView {
            unit,
            data_dir: self.data_dir.display().to_string(),
            schema_version: u32::try_from(self.local.schema_version()?).unwrap_or(0),
            demo,
        })
    }

    /// Units whose name contains every word of `query` (any case, with or without Polish
    /// letters), or whose code starts with `query` when it is made of digits.
    pub fn search_units(&self, query: &str, limit: usize) -> Result<Vec<UnitView>> {
        Ok(self.local.search_units(query, limit)?.into_iter().map(UnitView::from).collect())
    }

    /// Chooses the own unit by TERYT code (7-digit gmina, 6-digit gmina identity, 4-digit powiat,
    /// 2-digit województwo). Leaves the demo if it was open.
    pub fn choose_unit(&mut self, teryt: &str) -> Result<StatusView> {
        let unit = self.find_unit(teryt)?;
        self.guard_own_data(&unit)?;
        self.local.set_own_unit(&stamp(), &unit)?;
        // Synthetic peer data belongs to the demo.
        self.peers.remove_dataset(demo::SYNTHETIC_DATASET)?;
        self.status()
    }

    /// Opens the demo unit (Wieliczka) with its sample values.
    pub fn open_demo(&mut self) -> Result<StatusView> {
        let unit = self
            .local
            .unit_by_identity(demo::DEMO_IDENTITY)?
            .ok_or_else(|| Error::UnknownUnit("1219053".to_owned()))?;
        // Sample data must never mix with real data, even of the same unit.
        let values = self.local.own_value_count()?;
        if values > 0 || self.local.has_own_strategy()? {
            return Err(Error::Conflict(format!(
                "folder danych zawiera własne dane ({values} wartości{}); demo otwórz w osobnym \
                 folderze danych (--data-dir), aby nie pomieszać danych przykładowych z prawdziwymi",
                if self.local.has_own_strategy()? { " i strategię" } else { "" }
            )));
        }
        let demo = demo::demo()?;
        let stamp = stamp();
        self.local.set_demo_unit(&stamp, &unit, &demo.indicators, &demo.values, &demo.strategy)?;
        demo::load_synthetic_peers(&self.local, &mut self.peers, &stamp)?;
        self.status()
    }

    /// Loads a full TERC snapshot (CSV or XML). Any error: nothing is written. With `strict`,
    /// warnings count as errors too (DESIGN §6).
    pub fn import_register(&mut self, path: &Path, strict: bool) -> Result<RegisterImportView> {
        let file = file_label(path);
        let bytes = read_capped(path, MAX_INPUT_BYTES)?;
        let mut parsed = parse_terc(&bytes, &file)?;
        // A partial file loaded as a full snapshot would end most units; say so before it does.
        let active = self.local.unit_count(true)?;
        let offered = parsed.snapshot.entries.len();
        if offered * 10 < active * 9 {
            parsed.warnings.push(
                jst_import::Problem::file(format!(
                    "liczba jednostek w pliku ({offered}) jest dużo mniejsza niż w rejestrze \
                     ({active}): jako pełny stan rejestru plik zakończy ważność jednostek, których \
                     w nim nie ma"
                ))
                .with_severity(jst_import::Severity::Ostrzezenie),
            );
        }
        if strict && !parsed.warnings.is_empty() {
            return Err(Error::Import(jst_import::ImportError::new(&file, parsed.warnings)));
        }
        let summary = self.local.load_register(&stamp(), &parsed.snapshot, &file)?;
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Ok(RegisterImportView {
            file,
            as_of: summary.as_of,
            units: count(summary.units),
            created: count(summary.created),
            renamed: count(summary.renamed),
            recoded: count(summary.recoded),
            ended: count(summary.ended),
            restored: count(summary.restored),
            warnings: parsed.warnings.iter().map(ToString::to_string).collect(),
        })
    }

    pub(crate) fn find_unit(&self, teryt: &str) -> Result<UnitRecord> {
        let identity = Teryt::parse_lookup(teryt)?;
        match self.local.unit_by_identity(&identity)? {
            Some(unit) if unit.valid_to.is_none() => Ok(unit),
            Some(unit) => Err(Error::Conflict(format!(
                "jednostka {} {} nie istnieje od {} (według wczytanego rejestru TERYT)",
                unit.teryt,
                unit.name,
                unit.valid_to.unwrap_or_default()
            ))),
            None => Err(Error::UnknownUnit(teryt.trim().to_owned())),
        }
    }

    /// Own values belong to the own unit: switching to another unit would misattribute them.
    fn guard_own_data(&self, target: &UnitRecord) -> Result<()> {
        let Some(current) = self.local.own_unit()? else { return Ok(()) };
        let values = self.local.own_value_count()?;
        if values > 0 && current.unit.id != target.id {
            return Err(Error::Conflict(format!(
                "folder danych zawiera {values} własnych wartości jednostki {} {}; \
                 aby pracować z inną jednostką, użyj osobnego folderu danych (--data-dir)",
                current.unit.teryt, current.unit.name
            )));
        }
        Ok(())
    }

    fn own_unit_view(&self, unit: UnitRecord) -> Result<OwnUnitView> {
        let population = self
            .peers
            .latest_value(&unit.identity, POPULATION)?
            .map(|(year, value)| PopulationView { year, value: value.round() as u32 });
        let unit = UnitView::from(unit);
        Ok(OwnUnitView {
            teryt: unit.teryt,
            name: unit.name,
            kind: unit.kind,
            powiat: unit.powiat,
            voivodeship: unit.voivodeship,
            population,
        })
    }
}

/// Reads an input file the user named; a file that cannot be read is invalid input (exit 3),
/// not a fault of the data folder.
pub(crate) fn read_capped(path: &Path, cap: u64) -> Result<Vec<u8>> {
    let invalid = |message: String| {
        Error::Import(jst_import::ImportError::single(
            &path.display().to_string(),
            jst_import::Problem::file(message),
        ))
    };
    let unreadable = |e: std::io::Error| {
        invalid(match e.kind() {
            std::io::ErrorKind::NotFound => "plik nie istnieje; sprawdź nazwę i folder".to_owned(),
            std::io::ErrorKind::PermissionDenied => "brak uprawnień do odczytu pliku".to_owned(),
            _ => format!("nie można odczytać pliku ({e})"),
        })
    };
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    if size > cap {
        return Err(invalid(format!("plik ma {size} bajtów, więcej niż dopuszczalne {cap}")));
    }
    std::fs::read(path).map_err(unreadable)
}

/// Now and the operating-system user, for the audit log and history.
pub(crate) fn stamp() -> Stamp {
    let at = time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default();
    Stamp { at, by: whoami::username() }
}

/// The name a user recognises a file by in messages.
pub(crate) fn file_label(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// The default evaluation year of strategy status: the last full calendar year.
pub fn default_status_year() -> i32 {
    time::OffsetDateTime::now_utc().year() - 1
}
