//! Sync applying a release's TERYT register: a newer register brings a new gmina (Szczawa
//! 1207132, created in 2025) before the release's values, so its values are compared; an equal
//! or older register is left alone; one that would end more than three units is not loaded
//! while the values are; and a release whose values fail at apply time loads no register.
//! Releases are small signed folders written with `jst_release` alone.

use std::path::{Path, PathBuf};

use jst_core::{Monitor, RegisterSyncOutcome, SyncOutcome, SyncSource, SyncView};
use jst_release::{
    encode_chunk, sha256_hex, sign, ChunkEntry, ChunkKind, KeyPair, Latest, Manifest, FORMAT,
    POLICY_ID, SIGNATURE_SUFFIX,
};
use jst_store::{LocalStore, Stamp};
use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime};

const TERC_HEADER: &str = "WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA\n";
const CATALOGUE: &str = "kod;nazwa;jednostka;kierunek;obszar\n\
    KANALIZACJA_PROC;Ludność korzystająca z sieci kanalizacyjnej;%;wiecej_lepiej;infrastruktura\n";
/// Powiat limanowski's gminy in the desktop's small register, and their sewer share in 2024.
const GMINY: [(&str, &str, &str, f64); 6] = [
    ("03", "2", "Dobra", 40.0),
    ("04", "2", "Jodłownik", 45.0),
    ("05", "2", "Kamienica", 50.0),
    ("06", "2", "Laskowa", 55.0),
    ("08", "2", "Łukowica", 60.0),
    ("10", "2", "Niedźwiedź", 65.0),
];
const SZCZAWA: (&str, &str, &str, f64) = ("13", "2", "Szczawa", 30.5);

/// A TERC snapshot as of `as_of`: małopolskie, powiat limanowski and `gminy`.
fn terc(as_of: &str, gminy: &[(&str, &str, &str, f64)]) -> String {
    let mut text = format!(
        "{TERC_HEADER}12;;;;MAŁOPOLSKIE;województwo;{as_of}\n12;07;;;limanowski;powiat;{as_of}\n"
    );
    for (gmi, rodz, name, _) in gminy {
        text.push_str(&format!("12;07;{gmi};{rodz};{name};gmina wiejska;{as_of}\n"));
    }
    text
}

/// KANALIZACJA_PROC 2024 of `gminy`.
fn values(gminy: &[(&str, &str, &str, f64)]) -> String {
    let mut text = String::from("teryt;wskaznik_kod;rok;wartosc\n");
    for (gmi, rodz, _, value) in gminy {
        text.push_str(&format!("1207{gmi}{rodz};KANALIZACJA_PROC;2024;{value}\n"));
    }
    text
}

fn write_signed(root: &Path, key: &KeyPair, name: &str, bytes: &[u8]) {
    std::fs::write(root.join(name), bytes).expect("file");
    std::fs::write(root.join(format!("{name}{SIGNATURE_SUFFIX}")), sign(key, name, bytes))
        .expect("signature");
}

/// Writes release `version` into `root` as the association's builder does (chunks, signed
/// manifest, signed latest.json last), issued a day ago and valid for 60 days.
fn write_release(root: &Path, key: &KeyPair, version: u64, register: &str, values: &str) {
    let chunks = root.join("chunks");
    std::fs::create_dir_all(&chunks).expect("chunks folder");
    let rows = |text: &str| text.lines().count() as u64 - 1;
    let entries = [
        ("register", ChunkKind::Register, register),
        ("catalogue", ChunkKind::Catalogue, CATALOGUE),
        ("values-2024-00", ChunkKind::Values, values),
    ]
    .into_iter()
    .map(|(name, kind, text)| {
        let bytes = encode_chunk(text.as_bytes());
        let sha256 = sha256_hex(&bytes);
        std::fs::write(chunks.join(&sha256), &bytes).expect("chunk");
        ChunkEntry {
            name: name.to_owned(),
            kind,
            sha256,
            size: bytes.len() as u64,
            rows: rows(text),
        }
    })
    .collect();
    let issued = (OffsetDateTime::now_utc() - Duration::days(1)).format(&Rfc3339).expect("time");
    let expires = (OffsetDateTime::now_utc() + Duration::days(60)).format(&Rfc3339).expect("time");
    let as_of = register.lines().nth(1).and_then(|l| l.rsplit(';').next()).expect("as of");
    let manifest = Manifest {
        format: FORMAT.to_owned(),
        dataset: "krajowy".to_owned(),
        version,
        schema: 1,
        previous_version: version.checked_sub(1).filter(|v| *v > 0),
        issued_at: issued.clone(),
        register: format!("TERC {as_of}"),
        catalogue_version: "v1".to_owned(),
        policy: POLICY_ID.to_owned(),
        chunks: entries,
    };
    let manifest_bytes = manifest.to_bytes();
    write_signed(root, key, Manifest::FILE, &manifest_bytes);
    let latest = Latest {
        format: FORMAT.to_owned(),
        dataset: "krajowy".to_owned(),
        version,
        issued_at: issued,
        expires_at: expires,
        manifest_sha256: sha256_hex(&manifest_bytes),
    };
    write_signed(root, key, Latest::FILE, &latest.to_bytes());
}

/// A desktop whose register is the small one of [`GMINY`] as of 2024-01-01 (loaded over the
/// shipped one with consent), with Kamienica as its own unit, trusting the association's key.
struct Desktop {
    dir: tempfile::TempDir,
    monitor: Monitor,
    key: KeyPair,
}

impl Desktop {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut monitor = Monitor::open(&dir.path().join("dane")).expect("open");
        let small = dir.path().join("TERC_2024-01-01.csv");
        std::fs::write(&small, terc("2024-01-01", &GMINY)).expect("write");
        let consent = jst_core::RegisterImportOptions { allow_shrink: true, ..Default::default() };
        monitor.import_register(&small, consent).expect("small register");
        monitor.choose_unit("1207052").expect("Kamienica");
        let key = KeyPair::generate();
        let public = dir.path().join("release.pub");
        std::fs::write(&public, key.public().to_text()).expect("key");
        monitor.trust_key(&public).expect("trust");
        Self { dir, monitor, key }
    }

    fn release_dir(&self) -> PathBuf {
        self.dir.path().join("wydanie")
    }

    fn publish(&self, version: u64, register: &str, values: &str) {
        write_release(&self.release_dir(), &self.key, version, register, values);
    }

    fn sync(&mut self) -> SyncView {
        self.monitor.sync(&SyncSource::Folder(self.release_dir()), &mut |_, _| true).expect("sync")
    }

    fn local(&self) -> LocalStore {
        let stamp = Stamp { at: "2026-01-01T00:00:00Z".to_owned(), by: "test".to_owned() };
        LocalStore::open(&self.dir.path().join("dane").join("local.db"), &stamp).expect("local")
    }

    fn register_as_of(&self) -> Option<String> {
        self.local().register_as_of().expect("as of")
    }

    /// The powiat group's members (the own unit too) with their KANALIZACJA_PROC 2024.
    fn powiat_values(&self) -> Vec<(String, f64)> {
        let view = self.monitor.benchmark("KANALIZACJA_PROC", 2024, "powiat").expect("benchmark");
        view.members.into_iter().map(|m| (m.teryt, m.value)).collect()
    }

    fn finds(&self, query: &str) -> bool {
        !self.monitor.search_units(query, 5).expect("search").is_empty()
    }
}

#[test]
fn a_newer_register_brings_szczawa_before_its_values_so_they_are_compared() {
    let mut desk = Desktop::new();
    assert!(!desk.finds("szczawa"));
    let mut with_szczawa = GMINY.to_vec();
    with_szczawa.push(SZCZAWA);
    desk.publish(1, &terc("2025-01-01", &with_szczawa), &values(&with_szczawa));

    let view = desk.sync();
    assert_eq!(view.outcome, SyncOutcome::Applied, "{:?}", view.message);
    assert_eq!(view.message, None, "nothing for the user to act on");
    let register = view.register.clone().expect("the register part");
    assert_eq!(register.outcome, RegisterSyncOutcome::Applied);
    assert_eq!(
        (register.as_of.as_str(), register.previous_as_of.as_deref()),
        ("2025-01-01", Some("2024-01-01"))
    );
    assert_eq!(
        (register.created, register.ended, register.renamed, register.recoded, register.restored),
        (1, 0, 0, 0, 0)
    );
    assert_eq!(register.created_examples, ["1207132 Szczawa"]);
    let json = serde_json::to_value(&view).expect("json");
    assert_eq!(json["register"]["outcome"], "applied");
    assert_eq!(json["register"]["created"], 1);

    // The unit exists, and its value arrived with it: the powiat group compares it.
    let found = desk.monitor.search_units("szczawa", 5).expect("search");
    assert_eq!(found.iter().map(|u| u.teryt.as_str()).collect::<Vec<_>>(), ["1207132"]);
    let members = desk.powiat_values();
    assert!(members.contains(&("1207132".to_owned(), 30.5)), "{members:?}");
    assert_eq!(members.len(), 7, "Kamienica, five neighbours and Szczawa: {members:?}");
    let stats = desk.monitor.benchmark("KANALIZACJA_PROC", 2024, "powiat").expect("b").stats;
    assert_eq!(stats.n, 7, "{stats:?}");

    // Loaded as the manual import loads it: audited, and the local register is now 2025's.
    assert_eq!(desk.register_as_of().as_deref(), Some("2025-01-01"));
    let audit = desk.local().audit_log(20).expect("audit");
    let line = audit.iter().find(|(_, _, action, _)| action == "rejestr TERYT").expect("audited");
    assert!(line.3.contains("wydanie 1 stowarzyszenia") && line.3.contains("nowe 1"), "{line:?}");
    // The history keeps what the register did.
    let history = desk.monitor.sync_status().expect("status").history;
    let changes = history[0].changes.as_ref().expect("changes");
    assert_eq!(changes.register.as_ref().map(|r| r.outcome), Some(RegisterSyncOutcome::Applied));

    // The same register in the next release is not newer: left alone, silently.
    desk.publish(2, &terc("2025-01-01", &with_szczawa), &values(&with_szczawa));
    let again = desk.sync();
    assert_eq!(again.outcome, SyncOutcome::Applied);
    assert_eq!(again.register.map(|r| r.outcome), Some(RegisterSyncOutcome::NotNewer));
    assert_eq!(again.message, None);
    assert!(desk.powiat_values().contains(&("1207132".to_owned(), 30.5)));
}

#[test]
fn an_equal_or_older_register_changes_nothing_and_values_of_units_it_alone_knows_are_dropped() {
    let mut desk = Desktop::new();
    let mut with_szczawa = GMINY.to_vec();
    with_szczawa.push(SZCZAWA);
    for (version, as_of) in [(1, "2023-01-01"), (2, "2024-01-01")] {
        desk.publish(version, &terc(as_of, &with_szczawa), &values(&with_szczawa));
        let view = desk.sync();
        assert_eq!(view.outcome, SyncOutcome::Applied, "{as_of}: {:?}", view.message);
        let register = view.register.expect("the register part");
        assert_eq!(register.outcome, RegisterSyncOutcome::NotNewer, "{as_of}");
        assert_eq!((register.created, register.ended), (0, 0));
        assert_eq!(view.message, None, "{as_of}: not an error, nothing to say");
        assert_eq!(desk.register_as_of().as_deref(), Some("2024-01-01"));
        assert!(!desk.finds("szczawa"), "{as_of}");
        let members = desk.powiat_values();
        assert_eq!(members.len(), 6, "{as_of}: the values of known units only: {members:?}");
    }
    let audit = desk.local().audit_log(50).expect("audit");
    assert_eq!(
        audit.iter().filter(|(_, _, action, _)| action == "rejestr TERYT").count(),
        2,
        "the shipped register and the small one only"
    );
}

#[test]
fn a_register_ending_more_than_three_units_is_not_loaded_but_the_values_are() {
    let mut desk = Desktop::new();
    // Kamienica and Szczawa only: the other five gminy would end.
    let shrunk = [GMINY[2], SZCZAWA];
    desk.publish(1, &terc("2025-01-01", &shrunk), &values(&GMINY));

    let view = desk.sync();
    assert_eq!(view.outcome, SyncOutcome::Applied);
    let register = view.register.clone().expect("the register part");
    assert_eq!(register.outcome, RegisterSyncOutcome::TooManyEnded);
    assert_eq!((register.ended, register.created), (5, 0));
    assert_eq!(register.ended_examples[0], "1207032 Dobra");
    let message = view.message.clone().expect("the user is told");
    assert!(
        message.contains("Nie wczytano rejestru TERYT")
            && message.contains("stan na 2025-01-01")
            && message.contains("jednostek: 5")
            && message.contains("1207032 Dobra")
            && message.contains("Wartości z wydania wczytano")
            && message.contains("jst import register PLIK --allow-shrink"),
        "{message}"
    );
    assert_eq!(serde_json::to_value(&view).expect("json")["register"]["outcome"], "too_many_ended");

    // The register stays as it was; the values of the release arrived.
    assert_eq!(desk.register_as_of().as_deref(), Some("2024-01-01"));
    assert!(desk.finds("dobra") && !desk.finds("szczawa"));
    assert_eq!(desk.powiat_values().len(), 6, "every unit of the local register");
    assert_eq!(desk.monitor.sync_status().expect("status").release_version, Some(1));
    // The log line says why, in the same words.
    let history = desk.monitor.sync_status().expect("status").history;
    assert_eq!(history[0].message.as_deref(), Some(message.as_str()));
}

#[test]
fn values_failing_at_apply_time_leave_the_newer_register_unloaded_too() {
    let mut desk = Desktop::new();
    let mut with_szczawa = GMINY.to_vec();
    with_szczawa.push(SZCZAWA);
    let values_text = values(&with_szczawa);
    desk.publish(1, &terc("2025-01-01", &with_szczawa), &values_text);

    let job = desk.monitor.sync_job(&SyncSource::Folder(desk.release_dir())).expect("job");
    let planned = job.plan(&mut |_, _| true);
    // The verified values chunk changes in the cache between plan and apply.
    let chunk = sha256_hex(&encode_chunk(values_text.as_bytes()));
    let cached = desk.dir.path().join("dane").join("wydania").join("fragmenty").join(chunk);
    std::fs::write(&cached, b"changed on disk").expect("damage");
    let view = desk.monitor.apply_sync(&job, planned).expect("apply");

    assert_eq!(view.outcome, SyncOutcome::Rejected);
    assert_eq!(view.register, None);
    assert_eq!(desk.register_as_of().as_deref(), Some("2024-01-01"), "no half-applied sync");
    assert!(!desk.finds("szczawa"));
    assert!(desk.powiat_values().is_empty(), "no values either");

    // The next sync downloads the chunk again and applies both.
    let view = desk.sync();
    assert_eq!(view.register.map(|r| r.outcome), Some(RegisterSyncOutcome::Applied));
    assert!(desk.powiat_values().contains(&("1207132".to_owned(), 30.5)));
}

/// Writes the release's good-practice base: one chunk of `practices` (JSON objects as the
/// server writes them) and the signed `practices.json` bound to `version`.
fn write_practices(root: &Path, key: &KeyPair, version: u64, practices: &serde_json::Value) {
    use jst_release::{PracticesChunk, PracticesIndex, PRACTICES_FORMAT};
    let bytes = encode_chunk(practices.to_string().as_bytes());
    let sha256 = sha256_hex(&bytes);
    std::fs::write(root.join("chunks").join(&sha256), &bytes).expect("chunk");
    let index = PracticesIndex {
        format: PRACTICES_FORMAT.to_owned(),
        dataset: "krajowy".to_owned(),
        version,
        issued_at: OffsetDateTime::now_utc().format(&Rfc3339).expect("time"),
        chunks: vec![PracticesChunk {
            name: "practices-00".to_owned(),
            sha256,
            size: bytes.len() as u64,
            rows: practices.as_array().map_or(0, |a| a.len() as u64),
        }],
        attachments: vec![],
    };
    write_signed(root, key, PracticesIndex::FILE, &index.to_bytes());
}

fn practice(
    id: i64,
    title: &str,
    area: &str,
    teryt: &str,
    unit: &str,
    summary: &str,
) -> serde_json::Value {
    serde_json::json!({
        "id": id, "title": title, "area": area, "teryt": teryt, "unit_name": unit,
        "unit_kind": "gmina_wiejska", "population": 8000, "implementing_body": "Urząd Gminy",
        "contacts": [], "entered": "2026-11-30", "years": {"from": 2024},
        "summary": summary, "presentation": "Tekst", "attachments": [],
        "indicators": [{"code": "KANALIZACJA_PROC"}], "keywords": []
    })
}

#[test]
fn the_good_practice_base_arrives_with_its_release_and_is_searched_without_diacritics() {
    use jst_core::{PracticeFilter, PracticeView};
    use jst_domain::{PracticeArea, UnitKind};
    let mut desk = Desktop::new();
    desk.publish(1, &terc("2024-01-01", &GMINY), &values(&GMINY));
    let base = serde_json::json!([
        practice(
            1,
            "Dowóz uczniów",
            "uslugi_spoleczne",
            "1207052",
            "Kamienica",
            "Oświata bliżej domu."
        ),
        practice(
            2,
            "Sieć kanalizacyjna",
            "uslugi_techniczne",
            "1207062",
            "Laskowa",
            "Łączenie posesji."
        ),
    ]);
    write_practices(&desk.release_dir(), &desk.key, 1, &base);
    assert_eq!(desk.sync().outcome, SyncOutcome::Applied);

    fn search(desk: &Desktop, text: &str) -> Vec<PracticeView> {
        let filter = PracticeFilter { text: text.to_owned(), ..PracticeFilter::default() };
        desk.monitor.search_practices(&filter).expect("search")
    }
    let found = search(&desk, "oswiata");
    assert_eq!(found.len(), 1);
    assert_eq!(
        serde_json::to_value(&found[0]).expect("json"),
        serde_json::json!({"id": 1, "title": "Dowóz uczniów", "area": "uslugi_spoleczne",
            "teryt": "1207052", "unit_name": "Kamienica", "indicators": ["KANALIZACJA_PROC"]})
    );
    assert_eq!(search(&desk, "laczenie").iter().map(|p| p.id).collect::<Vec<_>>(), [2]);
    let ids = |desk: &Desktop, filter: PracticeFilter| -> Vec<i32> {
        desk.monitor.search_practices(&filter).expect("search").iter().map(|p| p.id).collect()
    };
    let area = PracticeFilter { area: Some(PracticeArea::UslugiTechniczne), ..Default::default() };
    assert_eq!(ids(&desk, area), [2]);
    let kind = PracticeFilter { unit_kind: Some(UnitKind::Powiat), ..Default::default() };
    assert_eq!(ids(&desk, kind), Vec::<i32>::new());
    let woj = PracticeFilter { woj: Some("12".to_owned()), ..Default::default() };
    assert_eq!(ids(&desk, woj), [1, 2]);
    let size = PracticeFilter { size_class: Some("5000-10000".to_owned()), ..Default::default() };
    assert_eq!(ids(&desk, size), [1, 2]);
    let bad = PracticeFilter { woj: Some("mazowieckie".to_owned()), ..Default::default() };
    let err = desk.monitor.search_practices(&bad).expect_err("refused");
    assert_eq!(err.kind(), jst_core::ErrorKind::InvalidInput);
    assert!(err.to_string().contains("mazowieckie"), "{err}");

    // The next release without a base (an older server) leaves none: the base is the release's.
    desk.publish(2, &terc("2024-01-01", &GMINY), &values(&GMINY));
    std::fs::remove_file(desk.release_dir().join("practices.json")).expect("remove");
    assert_eq!(desk.sync().outcome, SyncOutcome::Applied);
    assert!(search(&desk, "").is_empty());
}
