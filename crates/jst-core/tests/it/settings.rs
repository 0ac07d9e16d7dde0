//! Ustawienia: the status thresholds reach every evaluation; the audit log reads back filtered.

use std::io::Read;

use jst_core::{
    AuditFilter, AuditKind, ErrorKind, Monitor, ReportFormat, ReportKind, ThresholdValues,
};
use jst_domain::strategy::Status;

/// The demo's WSK_BENEF_PS_1000 in 2024 has a pace ratio of about 0.892: below the default 0.95.
const INDICATOR: &str = "WSK_BENEF_PS_1000";

fn status_of(monitor: &Monitor) -> (Status, Status) {
    let overview = monitor.strategy_overview(2024).expect("overview");
    let listed = overview.status.indicators.iter().find(|i| i.code == INDICATOR).expect("listed");
    let detail = monitor.indicator_detail(INDICATOR, 2024).expect("detail");
    (listed.status, detail.status.status)
}

fn workbook_strings(path: &std::path::Path) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).expect("open")).expect("zip");
    let mut xml = String::new();
    zip.by_name("xl/sharedStrings.xml").expect("strings").read_to_string(&mut xml).expect("read");
    xml
}

#[test]
fn changed_thresholds_change_every_evaluation_and_are_audited() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut monitor = Monitor::open(&dir.path().join("dane")).expect("open");
    monitor.open_demo().expect("demo");
    let ratio = monitor
        .strategy_status(2024)
        .expect("status")
        .indicators
        .into_iter()
        .find(|i| i.code == INDICATOR)
        .and_then(|i| i.ratio)
        .expect("ratio");
    assert!((0.88..0.95).contains(&ratio), "{ratio}");
    assert_eq!(status_of(&monitor), (Status::AccelerationNeeded, Status::AccelerationNeeded));
    let view = monitor.thresholds().expect("thresholds");
    assert!(!view.custom);
    assert_eq!(view.current, view.defaults);
    assert_eq!(view.defaults.on_track, 0.95);

    // Bad input: a Polish error, nothing written.
    let before = monitor.audit_log(&AuditFilter::default()).expect("log").entries.len();
    let reversed =
        ThresholdValues { on_track: 0.5, acceleration_needed: 0.6, maintain_tolerance: 0.05 };
    let err = monitor.set_thresholds(&reversed).expect_err("reversed");
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("musi być mniejszy niż próg „zgodnie z planem”"), "{err}");
    assert_eq!(monitor.audit_log(&AuditFilter::default()).expect("log").entries.len(), before);

    let lower = ThresholdValues { on_track: 0.88, ..view.defaults };
    let changed = monitor.set_thresholds(&lower).expect("set");
    assert!(changed.custom);
    assert_eq!(changed.current.on_track, 0.88);
    assert_eq!(status_of(&monitor), (Status::OnTrack, Status::OnTrack));
    // The same value again writes nothing.
    monitor.set_thresholds(&lower).expect("same");
    let settings = AuditFilter { kind: Some(AuditKind::Settings), ..AuditFilter::default() };
    let log = monitor.audit_log(&settings).expect("log");
    assert_eq!(log.entries.len(), 1, "{:?}", log.entries);
    assert_eq!(log.entries[0].action, "progi oceny");
    assert_eq!(log.entries[0].detail, "zgodnie z planem od 0,95 → 0,88");

    // The reports compute with them and say so.
    let out = dir.path().join("stan.xlsx");
    monitor
        .write_report(ReportKind::Xlsx, 2024, ReportFormat::Xlsx, &out, &mut |_| true)
        .expect("workbook");
    assert!(workbook_strings(&out).contains("co najmniej 88% tempa wymaganego"));

    // A reopened folder keeps them; a reset brings the defaults back.
    drop(monitor);
    let mut monitor = Monitor::open(&dir.path().join("dane")).expect("reopen");
    assert_eq!(monitor.thresholds().expect("kept").current.on_track, 0.88);
    let reset = monitor.reset_thresholds().expect("reset");
    assert!(!reset.custom);
    assert_eq!(status_of(&monitor), (Status::AccelerationNeeded, Status::AccelerationNeeded));
    let log = monitor.audit_log(&settings).expect("log");
    assert_eq!(log.entries[0].detail, "zgodnie z planem od 0,88 → 0,95 (domyślne)");
}

#[test]
fn the_audit_log_pages_and_filters() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut monitor = Monitor::open(&dir.path().join("dane")).expect("open");
    monitor.open_demo().expect("demo");
    monitor.save_peer_group("Sąsiedzi", &["1219043".to_owned()]).expect("group");
    let all = monitor.audit_log(&AuditFilter::default()).expect("all");
    let kinds: Vec<AuditKind> = all.entries.iter().map(|e| e.kind).collect();
    assert_eq!(kinds, [AuditKind::Groups, AuditKind::Unit, AuditKind::Imports, AuditKind::Imports]);
    assert!(!all.more);
    assert_eq!(all.users.len(), 1);
    assert!(all.entries.windows(2).all(|w| w[0].id > w[1].id), "newest first");

    let page =
        |offset| AuditFilter { limit: Some(1), offset: Some(offset), ..AuditFilter::default() };
    let first = monitor.audit_log(&page(0)).expect("page");
    assert!(first.more);
    assert_eq!(first.entries, all.entries[..1]);
    let last = monitor.audit_log(&page(3)).expect("page");
    assert!(!last.more);
    assert_eq!(last.entries, all.entries[3..]);

    let day = &all.entries[0].at[..10];
    let today = AuditFilter {
        since: Some(day.to_owned()),
        until: Some(day.to_owned()),
        ..AuditFilter::default()
    };
    assert_eq!(monitor.audit_log(&today).expect("today").entries.len(), 4);
    let later = AuditFilter { since: Some("2999-01-01".into()), ..AuditFilter::default() };
    assert!(monitor.audit_log(&later).expect("later").entries.is_empty());
    let other = AuditFilter { kind: Some(AuditKind::Other), ..AuditFilter::default() };
    assert!(monitor.audit_log(&other).expect("other").entries.is_empty());
    let nobody = AuditFilter { user: Some("nikt".into()), ..AuditFilter::default() };
    assert!(monitor.audit_log(&nobody).expect("nobody").entries.is_empty());

    for bad in [
        AuditFilter { since: Some("2026-02-30".into()), ..AuditFilter::default() },
        AuditFilter {
            since: Some("2026-03-02".into()),
            until: Some("2026-03-01".into()),
            ..AuditFilter::default()
        },
        AuditFilter { limit: Some(0), ..AuditFilter::default() },
    ] {
        let err = monitor.audit_log(&bad).expect_err("bad filter");
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{bad:?}");
    }
}

/// A folder kept open for days (the window) gets its daily copy when the last one is a day old,
/// not only when it is opened.
#[test]
fn an_open_folder_gets_its_daily_copy_when_the_last_is_a_day_old() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("dane");
    drop(Monitor::open(&data).expect("create"));
    let mut monitor = Monitor::open(&data).expect("open again: the first daily copy");
    let kopie = data.join("kopie");
    let names = || -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&kopie)
            .expect("kopie")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let first = names();
    assert_eq!(first.len(), 1, "{first:?}");
    assert!(monitor.daily_backup_if_due().is_none(), "not again within a day");
    assert_eq!(names(), first);
    std::fs::rename(kopie.join(&first[0]), kopie.join("local-20200101T000000Z.db")).expect("mv");
    let made = monitor.daily_backup_if_due().expect("a day later: a new copy");
    assert!(made.verified, "{made:?}");
    assert_eq!(names().len(), 2, "{:?}", names());
    assert!(monitor.daily_backup_failure().is_none());
}
