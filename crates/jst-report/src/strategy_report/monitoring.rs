//! The annual strategy monitoring report for the council: title page, method, summary, one
//! chapter per strategic goal, the unit against its comparison group, and the annex of
//! indicators with their sources and values.

use std::collections::BTreeSet;

use jst_domain::format_decimal;
use jst_domain::strategy::{NodeLevel, Status};

use super::figures::StrategyFigures;
use super::parts;
use crate::document::{Block, Cell, Column, Document, Table, TitlePage};
use crate::wording;

/// Years per table of the annex's values, so the table fits a portrait page.
const YEARS_PER_TABLE: usize = 6;

pub fn monitoring_report(f: &StrategyFigures) -> Document {
    let mut blocks = Vec::new();
    if let Some(text) = &f.introduction {
        blocks.push(Block::Heading { level: 1, text: wording::INTRODUCTION.to_owned() });
        blocks.extend(paragraphs(text));
    }
    method(f, &mut blocks);
    blocks.push(Block::Heading { level: 1, text: wording::SUMMARY.to_owned() });
    blocks.push(Block::Paragraph(summary_sentence(f)));
    blocks.push(Block::Table(parts::summary_table(f)));
    for goal in f.goals.iter().filter(|g| g.level == NodeLevel::CelStrategiczny) {
        strategic_goal(f, &goal.code, &mut blocks);
    }
    peers(f, &mut blocks);
    annex(f, &mut blocks);
    Document {
        title: format!("{} — {}", wording::MONITORING_TITLE, f.year),
        language: wording::LANGUAGE.to_owned(),
        author: f.header.author.clone().unwrap_or_else(|| f.header.unit_name.clone()),
        page_label: f.sample.then(|| wording::SAMPLE_LABEL.to_owned()),
        title_page: Some(title_page(f)),
        blocks,
    }
}

fn title_page(f: &StrategyFigures) -> TitlePage {
    let mut facts = vec![(wording::FACT_STRATEGY.to_owned(), f.strategy.name.clone())];
    if let Some(r) = &f.strategy.resolution {
        facts.push((wording::FACT_RESOLUTION.to_owned(), r.clone()));
    }
    facts.push((
        wording::FACT_PERIOD.to_owned(),
        format!("{}–{}", f.strategy.period_from, f.strategy.period_to),
    ));
    facts.push((wording::FACT_YEAR.to_owned(), f.year.to_string()));
    facts.push((wording::FACT_DATE.to_owned(), f.prepared_on.clone()));
    let prepared_by: Vec<&str> = [f.header.author.as_deref(), f.header.department.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !prepared_by.is_empty() {
        facts.push((wording::FACT_PREPARED_BY.to_owned(), prepared_by.join(", ")));
    }
    if f.sample {
        facts.push((wording::FACT_NOTE.to_owned(), wording::SAMPLE_NOTICE.to_owned()));
    }
    TitlePage {
        emblem: f.header.emblem.clone(),
        unit: f.header.unit_name.clone(),
        title: wording::MONITORING_TITLE.to_owned(),
        subtitle: Some(format!("za rok {}", f.year)),
        facts,
    }
}

fn method(f: &StrategyFigures, blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading { level: 1, text: wording::METHOD.to_owned() });
    blocks.push(Block::Heading { level: 2, text: wording::METHOD_SOURCES.to_owned() });
    let sources: BTreeSet<&str> = f
        .indicators
        .iter()
        .filter_map(|i| i.source.as_deref())
        .filter(|s| !s.trim().is_empty())
        .collect();
    let without = f
        .indicators
        .iter()
        .filter(|i| i.source.as_deref().is_none_or(|s| s.trim().is_empty()))
        .count();
    let mut lines: Vec<String> = sources.iter().map(|s| (*s).to_owned()).collect();
    if without > 0 {
        lines.push(format!("bez podanego źródła: {} wskaźników (dane własne urzędu)", without));
    }
    blocks.push(Block::Paragraph(format!(
        "Wartości wskaźników pochodzą z bazy danych własnych jednostki prowadzonej w programie Monitor JST (stan na {}). Źródła podane w strategii:",
        f.prepared_on
    )));
    blocks.push(Block::List(lines));
    blocks.push(Block::Heading { level: 2, text: wording::METHOD_STATUS.to_owned() });
    blocks.extend(wording::method_paragraphs(&f.thresholds).into_iter().map(Block::Paragraph));
    blocks.push(Block::Heading { level: 2, text: wording::METHOD_KEY.to_owned() });
    blocks.push(Block::StatusKey(f.thresholds));
}

fn summary_sentence(f: &StrategyFigures) -> String {
    let counts: Vec<String> = Status::ALL
        .iter()
        .map(|s| (s, f.indicators.iter().filter(|i| i.status == *s).count()))
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| format!("{} {} — {n}", s.mark(), s.label_pl()))
        .collect();
    let missed = f.indicators.iter().filter(|i| i.target_missed).count();
    let mut text = format!(
        "W roku {} oceniono {} wskaźników strategii: {}.",
        f.year,
        f.indicators.len(),
        counts.join("; ")
    );
    if missed > 0 {
        text.push_str(&format!(" Termin minął bez osiągnięcia celu w przypadku {missed} z nich."));
    }
    text
}

fn strategic_goal<'a>(f: &'a StrategyFigures, code: &'a str, blocks: &mut Vec<Block>) {
    let Some(goal) = f.goals.iter().find(|g| g.code == code) else { return };
    blocks.push(Block::Heading { level: 1, text: parts::goal_label(goal) });
    blocks.push(Block::Paragraph(format!(
        "Status: {} {}; wynik {}.",
        goal.status.mark(),
        goal.status.label_pl(),
        parts::score(goal.score)
    )));
    if let Some(text) = &goal.commentary {
        blocks
            .push(Block::Commentary { label: wording::COMMENTARY.to_owned(), text: text.clone() });
    }
    let below: Vec<_> = parts::subtree(f, code).into_iter().skip(1).collect();
    if !below.is_empty() {
        blocks.push(Block::Heading { level: 2, text: wording::OBJECTIVES.to_owned() });
        blocks.push(Block::List(
            f.goals
                .iter()
                .filter(|g| below.contains(&g.code.as_str()))
                .map(|g| {
                    format!(
                        "{} {} ({}) — {} {}, wynik {}",
                        g.code,
                        g.title,
                        g.level.label_pl(),
                        g.status.mark(),
                        g.status.label_pl(),
                        parts::score(g.score)
                    )
                })
                .collect(),
        ));
        for g in f.goals.iter().filter(|g| below.contains(&g.code.as_str())) {
            if let Some(text) = &g.commentary {
                blocks.push(Block::Commentary {
                    label: format!("{} — {} {}", wording::COMMENTARY, g.code, g.title),
                    text: text.clone(),
                });
            }
        }
    }
    let indicators: Vec<_> = parts::indicators_under(f, code).collect();
    if indicators.is_empty() {
        return;
    }
    blocks.push(Block::Heading { level: 2, text: wording::INDICATORS.to_owned() });
    blocks.push(Block::Table(parts::indicator_table(
        format!("Wskaźniki celu {} {} w roku {}", goal.code, goal.title, f.year),
        indicators.iter().copied(),
    )));
    for i in indicators {
        blocks.push(Block::Heading { level: 3, text: format!("{} [{}]", i.name, i.code) });
        blocks.push(Block::Paragraph(format!(
            "{} {}{}. Wartość bazowa {} ({}), cel {} ({}), ostatnia wartość {}; postęp {}. Projekcja na rok docelowy: {}.",
            i.status.mark(),
            i.status.label_pl(),
            if i.target_missed { " (termin minął)" } else { "" },
            parts::value(i.baseline.value, &i.unit),
            i.baseline.year,
            parts::value(i.target.value, &i.unit),
            i.target.year,
            i.latest.map_or_else(|| wording::NO_VALUE.to_owned(), |l| format!("{} ({})", parts::value(l.value, &i.unit), l.year)),
            parts::progress(i.progress_pct),
            parts::projection(i),
        )));
        blocks.push(Block::Chart(parts::chart(i)));
        for note in &i.notes {
            blocks.push(Block::Commentary { label: wording::NOTE.to_owned(), text: note.clone() });
        }
    }
}

fn peers(f: &StrategyFigures, blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading { level: 1, text: wording::PEERS.to_owned() });
    let p = &f.peers;
    if p.rows.is_empty() {
        blocks.push(Block::Paragraph(wording::PEERS_NONE.to_owned()));
        return;
    }
    blocks.push(Block::Paragraph(format!(
        "Grupa porównawcza: {} — {} jednostek łącznie z własną.",
        p.group_label, p.group_size
    )));
    blocks.push(Block::Paragraph(wording::PEERS_METHOD.to_owned()));
    let rows = p
        .rows
        .iter()
        .map(|r| {
            vec![
                Cell::plain(format!("{} [{}]", r.name, r.code)),
                Cell::plain(r.year.to_string()),
                Cell::plain(
                    r.own
                        .map_or_else(|| wording::NO_VALUE.to_owned(), |v| parts::value(v, &r.unit)),
                ),
                Cell::plain(format_decimal(r.q1, 2)),
                Cell::plain(format_decimal(r.median, 2)),
                Cell::plain(format_decimal(r.q3, 2)),
                Cell::plain(r.n.to_string()),
                Cell::plain(parts::position(r.quartile, r.polarity)),
            ]
        })
        .collect();
    blocks.push(Block::Table(Table {
        caption: format!("Jednostka na tle grupy: {}", p.group_label),
        columns: vec![
            Column::left("Wskaźnik [kod]", 6),
            Column::right("Rok", 1),
            Column::right("Wartość jednostki", 3),
            Column::right("Q1", 2),
            Column::right("Mediana", 2),
            Column::right("Q3", 2),
            Column::right("N", 1),
            Column::left("Położenie", 5),
        ],
        rows,
    }));
    if !p.without_data.is_empty() {
        blocks.push(Block::Paragraph(format!(
            "Bez danych jednostek grupy za rok {}: {}.",
            f.year,
            p.without_data.join(", ")
        )));
    }
}

fn annex(f: &StrategyFigures, blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading { level: 1, text: wording::ANNEX.to_owned() });
    blocks.push(Block::Table(Table {
        caption: "Wskaźniki strategii: cel, jednostka miary, kierunek, źródło danych i komórka odpowiedzialna".to_owned(),
        columns: vec![
            Column::left("Wskaźnik [kod]", 6),
            Column::left("Cel", 1),
            Column::left("Jednostka", 2),
            Column::left("Kierunek", 2),
            Column::left("Źródło danych", 4),
            Column::left("Komórka", 3),
        ],
        rows: f
            .indicators
            .iter()
            .map(|i| {
                vec![
                    Cell::plain(format!("{} [{}]", i.name, i.code)),
                    Cell::plain(i.node_code.clone()),
                    Cell::plain(i.unit.clone()),
                    Cell::plain(i.direction.code_pl()),
                    Cell::plain(i.source.clone().unwrap_or_else(|| "—".to_owned())),
                    Cell::plain(i.department.clone().unwrap_or_else(|| "—".to_owned())),
                ]
            })
            .collect(),
    }));
    let years: BTreeSet<i32> =
        f.indicators.iter().flat_map(|i| i.values.iter().map(|v| v.year)).collect();
    let years: Vec<i32> = years.into_iter().collect();
    for chunk in years.chunks(YEARS_PER_TABLE) {
        let mut columns = vec![Column::left("Wskaźnik [kod]", 6)];
        columns.extend(chunk.iter().map(|y| Column::right(&y.to_string(), 2)));
        let rows = f
            .indicators
            .iter()
            .map(|i| {
                let mut row = vec![Cell::plain(format!("{} [{}]", i.name, i.code))];
                row.extend(chunk.iter().map(|y| {
                    Cell::plain(
                        i.values
                            .iter()
                            .find(|v| v.year == *y)
                            .map_or_else(|| "—".to_owned(), |v| format_decimal(v.value, 2)),
                    )
                }));
                row
            })
            .collect();
        blocks.push(Block::Table(Table {
            caption: format!(
                "Wartości wskaźników w latach {}–{} (w jednostkach miary wskaźnika; — brak wartości)",
                chunk[0],
                chunk[chunk.len() - 1]
            ),
            columns,
            rows,
        }));
    }
}

/// The officer's text, one paragraph per blank-line-separated block.
pub(crate) fn paragraphs(text: &str) -> impl Iterator<Item = Block> + '_ {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| Block::Paragraph(p.to_owned()))
}
