//! The strategy editor: every operation, the import's rules refusing bad edits (nothing
//! written), audit lines, and undo restoring the definition exactly.

use std::path::PathBuf;

use jst_core::{
    EditField, ErrorKind, IndicatorFields, Monitor, StrategyEdit, StrategyImportOptions,
    YearValueView,
};
use jst_domain::strategy::{Direction, NodeLevel};
use jst_store::{LocalStore, Stamp};

const HEADER: &str = "kod;kod_nadrzedny;poziom;nazwa;waga_wezla;wskaznik_kod;wskaznik_nazwa;jednostka;kierunek;rok_bazowy;wartosc_bazowa;rok_docelowy;wartosc_docelowa;waga_wskaznika;komorka;zrodlo;kamienie_milowe";

const ROWS: [&str; 5] = [
    "1;;cel_strategiczny;Środowisko;;;;;;;;;;;;;",
    "1.1;1;cel_operacyjny;Woda;;WSK_KANAL;Odsetek ludności z kanalizacją;%;wzrost;2019;70;2030;92;;Wydział Komunalny;GUS;2025=80",
    "1.1;1;cel_operacyjny;Woda;;LUD_OGOLEM;Ludność;osoby;utrzymanie;2019;69000;2030;69000;;;;",
    "1.1.1;1.1;zadanie;Budowa kanalizacji;;;;;;;;;;;;;",
    "2;;cel_strategiczny;Edukacja;2;;;;;;;;;;;;",
];

struct Desk {
    dir: tempfile::TempDir,
    monitor: Monitor,
}

impl Desk {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut monitor = Monitor::open(&dir.path().join("dane")).expect("open");
        monitor.choose_unit("1219053").expect("unit");
        let text = std::iter::once(HEADER).chain(ROWS).collect::<Vec<_>>().join("\n") + "\n";
        let file = dir.path().join("Strategia.csv");
        std::fs::write(&file, text).expect("write");
        monitor.import_strategy(&file, &StrategyImportOptions::default()).expect("import");
        Self { dir, monitor }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The active strategy as its exported template.
    fn exported(&self) -> String {
        let path = self.path("eksport.csv");
        self.monitor.export_strategy(&path).expect("export");
        std::fs::read_to_string(path).expect("read")
    }

    fn local(&self) -> LocalStore {
        let stamp = Stamp { at: "2026-01-01T00:00:00Z".to_owned(), by: "test".to_owned() };
        LocalStore::open(&self.dir.path().join("dane").join("local.db"), &stamp).expect("local")
    }

    fn audit(&self) -> Vec<(String, String)> {
        let log = self.local().audit_log(200).expect("audit");
        log.into_iter().map(|(_, _, action, detail)| (action, detail)).collect()
    }

    fn edit(&mut self, edit: StrategyEdit) -> jst_core::StrategyEditView {
        self.monitor.edit_strategy(&edit).unwrap_or_else(|e| panic!("{edit:?}: {e}"))
    }

    /// The fields `edit` is refused on; checks that nothing was written.
    fn refused(&mut self, edit: StrategyEdit) -> Vec<EditField> {
        let before = (self.exported(), self.audit().len());
        let problems = self.monitor.check_strategy_edit(&edit).expect("check");
        let err = self.monitor.edit_strategy(&edit).expect_err("refused");
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{err}");
        for p in &problems {
            assert!(err.to_string().contains(&p.field.label()), "{err} names {:?}", p.field);
            assert!(err.to_string().contains(&p.message), "{err}");
        }
        assert_eq!((self.exported(), self.audit().len()), before, "nothing written: {edit:?}");
        problems.into_iter().map(|p| p.field).collect()
    }
}

fn fields(code: &str) -> IndicatorFields {
    IndicatorFields {
        code: code.to_owned(),
        name: "Liczba miejsc w przedszkolach".to_owned(),
        unit: "miejsca".to_owned(),
        direction: None,
        baseline: YearValueView { year: 2020, value: 100.0 },
        target: YearValueView { year: 2030, value: 150.0 },
        weight: 1.0,
        department: Some("Wydział Edukacji".to_owned()),
        source: None,
        milestones: vec![YearValueView { year: 2025, value: 120.0 }],
    }
}

fn add_indicator(node: &str, indicator: IndicatorFields) -> StrategyEdit {
    StrategyEdit::AddIndicator { node_code: node.to_owned(), indicator }
}

#[test]
fn an_added_indicator_is_audited_and_undo_restores_the_template_exactly() {
    let mut desk = Desk::new();
    let before = desk.exported();
    assert_eq!(desk.monitor.strategy_undo_state().expect("state"), None);

    let view = desk.edit(add_indicator("2", fields("WSK_PRZEDSZKOLA")));
    assert_eq!(view.done, "dodano wskaźnik WSK_PRZEDSZKOLA do węzła 2");
    assert!(view.changed);
    assert_eq!(view.warnings, ["wskaźnik WSK_PRZEDSZKOLA spoza katalogu dodany jako lokalny"]);
    let node = view.definition.nodes.iter().find(|n| n.code == "2").expect("node 2");
    assert_eq!(node.indicators.len(), 1);
    assert_eq!(node.indicators[0].milestones, [YearValueView { year: 2025, value: 120.0 }]);
    let undo = view.definition.undo.expect("undo");
    assert_eq!(
        (undo.label.as_str(), undo.depth),
        ("dodano wskaźnik WSK_PRZEDSZKOLA do węzła 2", 1)
    );
    assert_eq!(desk.monitor.strategy_undo_state().expect("state"), Some(undo));
    // The status screen sees it at once, and the catalogue knows the new code.
    let status = desk.monitor.strategy_status(2024).expect("status");
    assert!(status.indicators.iter().any(|i| i.code == "WSK_PRZEDSZKOLA" && i.node_code == "2"));
    assert!(desk.local().has_indicator("WSK_PRZEDSZKOLA").expect("catalogue"));
    assert!(desk.exported().contains(
        "2;;cel_strategiczny;Edukacja;2;WSK_PRZEDSZKOLA;Liczba miejsc w przedszkolach;miejsca;;2020;100;2030;150;1;Wydział Edukacji;;2025=120"
    ));
    assert_eq!(
        desk.audit()[0],
        ("edycja strategii".to_owned(), "dodano wskaźnik WSK_PRZEDSZKOLA do węzła 2".to_owned())
    );

    let undone = desk.monitor.undo_strategy_edit().expect("undo");
    assert_eq!(undone.done, "cofnięto: dodano wskaźnik WSK_PRZEDSZKOLA do węzła 2");
    assert_eq!(undone.definition.undo, None);
    assert_eq!(desk.exported(), before);
    assert_eq!(
        desk.audit()[0],
        (
            "edycja strategii".to_owned(),
            "cofnięto: dodano wskaźnik WSK_PRZEDSZKOLA do węzła 2".to_owned()
        )
    );
    let nothing = desk.monitor.undo_strategy_edit().expect_err("nothing to undo");
    assert_eq!(nothing.kind(), ErrorKind::Conflict);
}

#[test]
fn every_operation_and_undo_step_by_step() {
    let mut desk = Desk::new();
    let mut exports = vec![desk.exported()];

    // A node under 1.1 with a code made from the parent's.
    let view = desk.edit(StrategyEdit::AddNode {
        parent_code: Some("1.1".into()),
        code: None,
        level: NodeLevel::KierunekDzialan,
        title: "  Sieć wodociągowa ".into(),
        weight: 1.5,
    });
    assert_eq!(view.done, "dodano kierunek działań 1.1.2 „Sieć wodociągowa”");
    let added = view.definition.nodes.iter().find(|n| n.code == "1.1.2").expect("added");
    assert_eq!((added.parent_code.as_deref(), added.weight), (Some("1.1"), 1.5));
    exports.push(desk.exported());

    // Rename and reweigh; the same values again change nothing and are not undoable.
    let view = desk.edit(StrategyEdit::UpdateNode {
        code: "1.1.2".into(),
        title: "Sieć wodociągowa i kanalizacyjna".into(),
        weight: 2.0,
    });
    assert_eq!(view.done, "zmieniono nazwę i wagę węzła 1.1.2");
    exports.push(desk.exported());
    let same = desk.edit(StrategyEdit::UpdateNode {
        code: "1.1.2".into(),
        title: "Sieć wodociągowa i kanalizacyjna".into(),
        weight: 2.0,
    });
    assert!(!same.changed);
    assert_eq!(same.definition.undo.map(|u| u.depth), Some(2));

    // Up among siblings, then under another parent.
    let view = desk.edit(StrategyEdit::MoveNode {
        code: "1.1.2".into(),
        parent_code: Some("1.1".into()),
        position: 0,
    });
    let children: Vec<&str> = view
        .definition
        .nodes
        .iter()
        .filter(|n| n.parent_code.as_deref() == Some("1.1"))
        .map(|n| n.code.as_str())
        .collect();
    assert_eq!(children, ["1.1.2", "1.1.1"]);
    exports.push(desk.exported());
    let view = desk.edit(StrategyEdit::MoveNode {
        code: "1.1".into(),
        parent_code: Some("2".into()),
        position: 9,
    });
    assert_eq!(view.done, "przeniesiono węzeł 1.1 pod 2");
    let order: Vec<&str> = view.definition.nodes.iter().map(|n| n.code.as_str()).collect();
    assert_eq!(order, ["1", "2", "1.1", "1.1.2", "1.1.1"], "depth first, parents first");
    exports.push(desk.exported());

    // Change an indicator's every field.
    let mut kanal = fields("WSK_KANAL");
    kanal.name = "Ludność korzystająca z kanalizacji".into();
    kanal.unit = "%".into();
    kanal.direction = Some(Direction::Increase);
    kanal.baseline = YearValueView { year: 2019, value: 70.0 };
    kanal.target = YearValueView { year: 2032, value: 95.5 };
    kanal.weight = 0.5;
    kanal.department = Some("Wydział Infrastruktury".into());
    kanal.source = Some("GUS BDL".into());
    kanal.milestones =
        vec![YearValueView { year: 2028, value: 90.0 }, YearValueView { year: 2024, value: 80.0 }];
    let view = desk
        .edit(StrategyEdit::UpdateIndicator { node_code: "1.1".into(), indicator: kanal.clone() });
    assert_eq!(view.done, "zmieniono wskaźnik WSK_KANAL w węźle 1.1");
    let node = view.definition.nodes.iter().find(|n| n.code == "1.1").expect("1.1");
    let stored = &node.indicators[0];
    assert_eq!(stored.target, kanal.target);
    assert_eq!(stored.milestones[0].year, 2024, "milestones in year order");
    assert_eq!(stored.department.as_deref(), Some("Wydział Infrastruktury"));
    exports.push(desk.exported());

    // Values and notes of an indicator survive its removal (they are keyed by code).
    let values = desk.path("wartosci.csv");
    std::fs::write(&values, "wskaznik_kod;rok;wartosc\nWSK_KANAL;2022;75\n").expect("values");
    desk.monitor.import_values(&values, false).expect("values");
    desk.monitor.add_indicator_note("WSK_KANAL", Some(2022), "Przetarg.", 2024).expect("note");
    let view = desk
        .edit(StrategyEdit::RemoveIndicator { node_code: "1.1".into(), code: "WSK_KANAL".into() });
    assert_eq!(view.done, "usunięto wskaźnik WSK_KANAL z węzła 1.1");
    assert_eq!(
        desk.monitor.indicator_detail("WSK_KANAL", 2024).map(|_| ()).map_err(|e| e.kind()),
        Err(ErrorKind::NotFound)
    );
    assert_eq!(desk.monitor.own_values(Some("WSK_KANAL"), None).expect("values").len(), 1);
    exports.push(desk.exported());

    // A node goes with its subtree and their indicators.
    let view = desk.edit(StrategyEdit::RemoveNode { code: "1.1".into() });
    assert_eq!(view.done, "usunięto węzeł 1.1 „Woda” (węzły podrzędne: 2, wskaźniki: 1)");
    let left: Vec<&str> = view.definition.nodes.iter().map(|n| n.code.as_str()).collect();
    assert_eq!(left, ["1", "2"]);

    // Undo walks back through every step, each time to the exact template.
    let steps = exports.len();
    for expected in exports.into_iter().rev() {
        desk.monitor.undo_strategy_edit().expect("undo");
        assert_eq!(desk.exported(), expected);
    }
    assert_eq!(desk.monitor.strategy_undo_state().expect("state"), None);
    assert_eq!(steps, 7);
    // The removed indicator came back with its value and note.
    let detail = desk.monitor.indicator_detail("WSK_KANAL", 2024).expect("back");
    assert_eq!((detail.values.len(), detail.notes.len()), (1, 1));
}

#[test]
fn edits_are_refused_by_the_imports_rules_naming_the_field_and_writing_nothing() {
    let mut desk = Desk::new();
    let node = |parent: Option<&str>, code: Option<&str>, level: NodeLevel| StrategyEdit::AddNode {
        parent_code: parent.map(Into::into),
        code: code.map(Into::into),
        level,
        title: "Nowy".into(),
        weight: 1.0,
    };
    // A child deeper than its parent; nothing under a task (the fourth level).
    assert_eq!(desk.refused(node(Some("1"), None, NodeLevel::CelStrategiczny)), [EditField::Level]);
    assert_eq!(
        desk.refused(node(Some("1.1.1"), None, NodeLevel::Zadanie)),
        [EditField::ParentCode]
    );
    assert_eq!(desk.refused(node(Some("9"), None, NodeLevel::Zadanie)), [EditField::ParentCode]);
    assert_eq!(desk.refused(node(None, Some("1.1"), NodeLevel::Zadanie)), [EditField::NodeCode]);
    let untitled = StrategyEdit::AddNode {
        parent_code: None,
        code: None,
        level: NodeLevel::CelStrategiczny,
        title: " ".into(),
        weight: -1.0,
    };
    assert_eq!(desk.refused(untitled), [EditField::Title, EditField::NodeWeight]);
    assert_eq!(
        desk.refused(StrategyEdit::UpdateNode {
            code: "1".into(),
            title: "A\u{1b}[2J".into(),
            weight: 1.0
        }),
        [EditField::Title]
    );

    // Moves: not under its own subtree, not under a level as deep.
    let into_itself =
        StrategyEdit::MoveNode { code: "1".into(), parent_code: Some("1.1.1".into()), position: 0 };
    assert!(desk.refused(into_itself).contains(&EditField::ParentCode));
    let too_deep =
        StrategyEdit::MoveNode { code: "2".into(), parent_code: Some("1".into()), position: 0 };
    assert_eq!(desk.refused(too_deep), [EditField::ParentCode]);

    // Indicators.
    let mut contradicting = fields("WSK_A");
    contradicting.direction = Some(Direction::Decrease);
    assert_eq!(desk.refused(add_indicator("2", contradicting)), [EditField::Direction]);
    let mut backwards = fields("WSK_A");
    backwards.target.year = 2018;
    assert_eq!(
        desk.refused(add_indicator("2", backwards)),
        [EditField::TargetYear, EditField::Milestones]
    );
    let mut weightless = fields("WSK_A");
    weightless.weight = -0.5;
    assert_eq!(desk.refused(add_indicator("2", weightless)), [EditField::IndicatorWeight]);
    let mut outside = fields("WSK_A");
    outside.milestones =
        vec![YearValueView { year: 2035, value: 1.0 }, YearValueView { year: 2020, value: 1.0 }];
    let problems =
        desk.monitor.check_strategy_edit(&add_indicator("2", outside.clone())).expect("check");
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems.iter().all(|p| p.message.contains("poza okresem")));
    assert_eq!(desk.refused(add_indicator("2", outside)), [EditField::Milestones; 2]);
    let mut repeated = fields("WSK_A");
    repeated.milestones = vec![YearValueView { year: 2025, value: 1.0 }; 2];
    assert_eq!(desk.refused(add_indicator("2", repeated)), [EditField::Milestones]);
    let mut huge = fields("WSK_A");
    huge.baseline.value = 2e15;
    huge.baseline.year = 1980;
    assert_eq!(
        desk.refused(add_indicator("2", huge)),
        [EditField::BaselineYear, EditField::BaselineValue]
    );
    let mut nameless = fields("wsk a");
    nameless.name = String::new();
    assert_eq!(
        desk.refused(add_indicator("2", nameless)),
        [EditField::IndicatorCode, EditField::IndicatorName]
    );
    assert_eq!(desk.refused(add_indicator("1.1", fields("WSK_KANAL"))), [EditField::IndicatorCode]);
    assert_eq!(
        desk.refused(StrategyEdit::UpdateIndicator {
            node_code: "2".into(),
            indicator: fields("WSK_KANAL")
        }),
        [EditField::IndicatorCode]
    );
    assert_eq!(
        desk.refused(StrategyEdit::RemoveIndicator { node_code: "7".into(), code: "X".into() }),
        [EditField::NodeCode]
    );
    let message = desk
        .monitor
        .edit_strategy(&add_indicator("2", {
            let mut f = fields("WSK_A");
            f.target.year = 2020;
            f.milestones.clear();
            f
        }))
        .expect_err("refused")
        .to_string();
    assert!(
        message.contains("rok docelowy: rok docelowy 2020 musi być późniejszy niż rok bazowy 2020"),
        "{message}"
    );
    assert_eq!(desk.monitor.strategy_undo_state().expect("state"), None);
}

#[test]
fn warnings_as_the_import_gives_them_do_not_stop_an_edit() {
    let mut desk = Desk::new();
    // The same code elsewhere with another target: values are shared by code.
    let mut again = fields("WSK_KANAL");
    again.unit = String::new();
    again.milestones.clear();
    let view = desk.edit(add_indicator("2", again));
    assert_eq!(view.warnings.len(), 2, "{:?}", view.warnings);
    assert!(view.warnings[0].contains("nie ma jednostki miary"));
    assert!(view.warnings[1].contains("inną wartość bazową lub docelową"));
}

#[test]
fn the_undo_stack_keeps_fifty_edits_and_a_template_import_starts_it_anew() {
    let mut desk = Desk::new();
    for k in 0..52 {
        desk.edit(StrategyEdit::UpdateNode {
            code: "2".into(),
            title: format!("Edukacja {k}"),
            weight: 2.0,
        });
    }
    assert_eq!(desk.monitor.strategy_undo_state().expect("state").map(|u| u.depth), Some(50));

    // A re-import after edits still works, and clears the stack.
    let exported = desk.path("poprawiony.csv");
    desk.monitor.export_strategy(&exported).expect("export");
    let text = std::fs::read_to_string(&exported).expect("read").replace("Edukacja 51", "Oświata");
    std::fs::write(&exported, text).expect("write");
    let options = StrategyImportOptions { name: Some("Strategia".into()), ..Default::default() };
    desk.monitor.import_strategy(&exported, &options).expect("re-import");
    assert_eq!(desk.monitor.strategy_undo_state().expect("state"), None);
    let definition = desk.monitor.strategy_definition().expect("definition");
    assert!(definition.nodes.iter().any(|n| n.title == "Oświata"));
    let after = desk.edit(add_indicator("2", fields("WSK_PRZEDSZKOLA")));
    assert_eq!(after.definition.undo.map(|u| u.depth), Some(1));
}

#[test]
fn without_an_active_strategy_the_editor_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut monitor = Monitor::open(&dir.path().join("dane")).expect("open");
    monitor.choose_unit("1219053").expect("unit");
    let err =
        monitor.edit_strategy(&StrategyEdit::RemoveNode { code: "1".into() }).expect_err("none");
    assert_eq!(err.kind(), ErrorKind::MissingData);
    assert_eq!(monitor.strategy_undo_state().map_err(|e| e.kind()), Err(ErrorKind::MissingData));
}
