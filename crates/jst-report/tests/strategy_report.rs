//! The strategy documents as content: what each says for given figures, before any format.

use jst_domain::strategy::{Direction, NodeLevel, Status, Thresholds};
use jst_domain::Polarity;
use jst_report::strategy_report::{
    chapter, monitoring_report, strategy_workbook, GoalFigures, IndicatorFigures, PeerFigures,
    PeerRow, ProjectionFigures, ReportHeader, StrategyFacts, StrategyFigures, Trend, YearValue,
};
use jst_report::{Block, Document, Tone};

fn yv(year: i32, value: f64) -> YearValue {
    YearValue { year, value }
}

fn goal(code: &str, parent: Option<&str>, level: NodeLevel, status: Status) -> GoalFigures {
    GoalFigures {
        code: code.into(),
        parent_code: parent.map(Into::into),
        level,
        title: format!("Cel {code}"),
        score: Some(0.75),
        status,
        commentary: None,
    }
}

fn indicator(
    node: &str,
    code: &str,
    status: Status,
    trend: Option<Trend>,
    values: &[(i32, f64)],
) -> IndicatorFigures {
    let values: Vec<YearValue> = values.iter().map(|&(y, v)| yv(y, v)).collect();
    IndicatorFigures {
        node_code: node.into(),
        code: code.into(),
        name: format!("Wskaźnik {code}"),
        unit: "%".into(),
        direction: Direction::Increase,
        baseline: yv(2015, 10.0),
        target: yv(2030, 20.0),
        milestones: vec![yv(2025, 15.0)],
        latest: values.last().copied(),
        previous: values.len().checked_sub(2).map(|i| values[i]),
        trend,
        progress_pct: Some(35.5),
        status,
        target_missed: false,
        projection: Some(ProjectionFigures {
            value_at_target_year: 18.25,
            year_target_reached: Some(2033),
        }),
        values,
        source: Some("GUS BDL".into()),
        department: None,
        notes: vec!["Wzrost opóźniony przez przetarg; * _ # $ < @ \\ zostają dosłownie.".into()],
    }
}

fn figures(sample: bool) -> StrategyFigures {
    let mut years: Vec<(i32, f64)> =
        (2016..=2024).map(|y| (y, 10.0 + f64::from(y - 2015) * 0.5)).collect();
    years.push((2024, 12345.5));
    years.remove(years.len() - 2);
    StrategyFigures {
        header: ReportHeader {
            unit_name: "Gmina Przykładowa".into(),
            emblem: None,
            author: Some("Jan Kowalski".into()),
            department: None,
        },
        strategy: StrategyFacts {
            name: "Strategia 2030".into(),
            resolution: Some("uchwałą nr X/1/2021".into()),
            period_from: 2021,
            period_to: 2030,
        },
        year: 2024,
        prepared_on: "01.12.2026".into(),
        sample,
        introduction: Some("Pierwszy akapit.\n\nDrugi akapit.".into()),
        goals: vec![
            goal("1", None, NodeLevel::CelStrategiczny, Status::AccelerationNeeded),
            goal("1.1", Some("1"), NodeLevel::CelOperacyjny, Status::OnTrack),
            goal("1.1.1", Some("1.1"), NodeLevel::KierunekDzialan, Status::OnTrack),
            goal("2", None, NodeLevel::CelStrategiczny, Status::Deterioration),
        ],
        indicators: vec![
            indicator("1.1.1", "A", Status::OnTrack, Some(Trend::Improved), &years),
            indicator(
                "2",
                "B",
                Status::Deterioration,
                Some(Trend::Worsened),
                &[(2023, 9.0), (2024, 8.0)],
            ),
        ],
        peers: PeerFigures {
            group_label: "gminy wiejskie 5–10 tys.".into(),
            group_size: 412,
            rows: vec![PeerRow {
                code: "A".into(),
                name: "Wskaźnik A".into(),
                unit: "%".into(),
                polarity: Polarity::LowerIsBetter,
                year: 2023,
                own: Some(11.0),
                n: 400,
                q1: 9.0,
                median: 10.5,
                q3: 12.0,
                quartile: Some(3),
            }],
            without_data: vec![],
        },
        thresholds: Thresholds::default(),
    }
}

fn texts(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for b in &doc.blocks {
        match b {
            Block::Heading { text, .. } | Block::Paragraph(text) => out.push(text.clone()),
            Block::List(items) => out.extend(items.iter().cloned()),
            Block::Commentary { label, text } => out.extend([label.clone(), text.clone()]),
            Block::Table(t) => {
                out.push(t.caption.clone());
                out.extend(t.columns.iter().map(|c| c.header.clone()));
                out.extend(t.rows.iter().flatten().map(|c| c.text.clone()));
            }
            Block::Chart(c) => out.extend([c.title.clone(), c.alt.clone()]),
            Block::StatusKey(_) => {}
        }
    }
    out
}

#[test]
fn the_monitoring_report_has_every_part_in_order() {
    let doc = monitoring_report(&figures(true));
    assert_eq!(doc.page_label.as_deref(), Some("dane przykładowe"));
    assert_eq!(doc.language, "pl-PL");
    let title = doc.title_page.as_ref().expect("title page");
    assert_eq!(title.unit, "Gmina Przykładowa");
    assert!(title.facts.iter().any(|(k, v)| k == "Przyjęta" && v == "uchwałą nr X/1/2021"));
    assert!(title.facts.iter().any(|(k, v)| k == "Sporządził(a)" && v == "Jan Kowalski"));
    let chapters: Vec<&str> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level: 1, text } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        chapters,
        [
            "Wprowadzenie",
            "Metodyka",
            "Podsumowanie",
            "Cel strategiczny 1. Cel 1",
            "Cel strategiczny 2. Cel 2",
            "Na tle grupy porównawczej",
            "Załącznik. Wskaźniki, źródła danych i wartości",
        ]
    );
    assert!(doc.blocks.contains(&Block::StatusKey(Thresholds::default())));
    let all = texts(&doc).join("\n");
    // Figures pl-PL: decimal comma, groups from five digits with a non-breaking space.
    assert!(all.contains("12\u{a0}345,5 (2024)"), "latest value");
    assert!(all.contains("35,5%"), "progress");
    assert!(all.contains("18,25; cel w 2033"), "projection");
    assert!(all.contains("w trzeciej ćwiartce grupy"), "position in words");
    assert!(all.contains("412 jednostek"));
    assert!(all.contains("* _ # $ < @ \\ zostają dosłownie"), "notes as commentary");
    // The goal below the operational goal counts for the strategic one.
    let summary = doc.blocks.iter().find_map(|b| match b {
        Block::Table(t) if t.caption.starts_with("Cele strategiczne i operacyjne") => Some(t),
        _ => None,
    });
    let row = &summary.expect("summary").rows[0];
    assert_eq!(row[0].tone, Tone::Strong);
    assert_eq!(row[1].tone, Tone::Status(Status::AccelerationNeeded));
    assert_eq!(row[1].text, "▲ Wymaga przyspieszenia");
    assert_eq!(row[3 + 1].text, "1", "one indicator on track under goal 1");
    // Nine years of values are split in tables of at most six years.
    let value_tables = doc.blocks.iter().filter(|b| matches!(b, Block::Table(t) if t.caption.starts_with("Wartości wskaźników w latach"))).count();
    assert_eq!(value_tables, 2);
    assert_eq!(doc.blocks.iter().filter(|b| matches!(b, Block::Chart(_))).count(), 2);
}

#[test]
fn the_method_and_key_tell_the_thresholds_in_force() {
    let default = texts(&monitoring_report(&figures(false))).join("\n");
    assert!(default.contains("co najmniej 95% tempa potrzebnego"), "{default}");
    assert!(default.contains("Wynik co najmniej 0,95 oznacza"));
    assert!(default.contains("najwyżej o 5%"));
    let mut f = figures(false);
    f.thresholds =
        Thresholds { on_track: 0.9, acceleration_needed: 0.525, maintain_tolerance: 0.1 };
    let doc = monitoring_report(&f);
    let all = texts(&doc).join("\n");
    assert!(all.contains("co najmniej 90% tempa potrzebnego"), "{all}");
    assert!(all.contains("od 52,5% do 90% — „Wymaga przyspieszenia”"));
    assert!(all.contains("najwyżej o 10%"));
    assert!(all.contains(
        "Wynik co najmniej 0,9 oznacza cel realizowany zgodnie z planem, od 0,525 do 0,9"
    ));
    assert!(doc.blocks.contains(&Block::StatusKey(f.thresholds)));
    assert_eq!(
        jst_report::wording::status_meaning(Status::LimitedProgress, &f.thresholds),
        "zmiany w dobrą stronę są niewielkie (poniżej 52,5% tempa wymaganego)"
    );
}

#[test]
fn the_chapter_tells_what_improved_and_worsened() {
    let doc = chapter(&figures(false));
    assert!(doc.title_page.is_none(), "pasted into the unit's own report");
    assert_eq!(doc.page_label, None);
    let all = texts(&doc);
    let improved = all.iter().position(|t| t == "Co się poprawiło").expect("improved");
    let worsened = all.iter().position(|t| t == "Co się pogorszyło").expect("worsened");
    assert!(all[improved + 1].starts_with("Wskaźnik A:"), "{:?}", &all[improved + 1]);
    assert!(
        all[worsened + 1].starts_with("Wskaźnik B: 9% (2023) → 8% (2024)"),
        "{:?}",
        &all[worsened + 1]
    );
    assert!(all.contains(
        &"Nie ma wskaźników, których rok docelowy minął bez osiągnięcia celu.".to_owned()
    ));
}

#[test]
fn the_workbook_is_a_valid_xlsx() {
    let bytes = strategy_workbook(&figures(false)).expect("xlsx");
    assert!(bytes.starts_with(b"PK"));
}
