//! The chapter „Realizacja strategii” for the raport o stanie gminy (art. 28aa ustawy o
//! samorządzie gminnym): a few pages the unit pastes into its own report — summary, what
//! improved, what worsened, missed targets, with the officer's notes.

use jst_domain::strategy::{NodeLevel, Status};

use super::figures::{IndicatorFigures, StrategyFigures, Trend};
use super::monitoring::paragraphs;
use super::parts;
use crate::document::{Block, Document};
use crate::wording;

pub fn chapter(f: &StrategyFigures) -> Document {
    let mut blocks = vec![Block::Heading { level: 1, text: wording::CHAPTER_TITLE.to_owned() }];
    if f.sample {
        blocks.push(Block::Paragraph(wording::SAMPLE_NOTICE.to_owned()));
    }
    blocks.push(Block::Paragraph(opening(f)));
    if let Some(text) = &f.introduction {
        blocks.extend(paragraphs(text));
    }
    blocks.push(Block::Table(parts::summary_table(f)));
    for goal in f.goals.iter().filter(|g| {
        matches!(g.level, NodeLevel::CelStrategiczny | NodeLevel::CelOperacyjny)
            && g.commentary.is_some()
    }) {
        blocks.push(Block::Commentary {
            label: format!("{} — {} {}", wording::COMMENTARY, goal.code, goal.title),
            text: goal.commentary.clone().unwrap_or_default(),
        });
    }
    changed(
        f,
        Trend::Improved,
        wording::CHAPTER_IMPROVED,
        wording::CHAPTER_NOTHING_IMPROVED,
        &mut blocks,
    );
    changed(
        f,
        Trend::Worsened,
        wording::CHAPTER_WORSENED,
        wording::CHAPTER_NOTHING_WORSENED,
        &mut blocks,
    );
    blocks.push(Block::Heading { level: 2, text: wording::CHAPTER_MISSED.to_owned() });
    let missed: Vec<&IndicatorFigures> = f.indicators.iter().filter(|i| i.target_missed).collect();
    if missed.is_empty() {
        blocks.push(Block::Paragraph(wording::CHAPTER_NOTHING_MISSED.to_owned()));
    } else {
        blocks.push(Block::List(
            missed
                .iter()
                .map(|i| {
                    format!(
                        "{}: cel {} na rok {}, ostatnia wartość {} — {} {}",
                        i.name,
                        parts::value(i.target.value, &i.unit),
                        i.target.year,
                        parts::latest(i),
                        i.status.mark(),
                        i.status.label_pl()
                    )
                })
                .collect(),
        ));
        notes_of(&missed, &mut blocks);
    }
    Document {
        title: format!("{} — {} ({})", wording::CHAPTER_TITLE, f.strategy.name, f.year),
        language: wording::LANGUAGE.to_owned(),
        author: f.header.author.clone().unwrap_or_else(|| f.header.unit_name.clone()),
        page_label: f.sample.then(|| wording::SAMPLE_LABEL.to_owned()),
        title_page: None,
        blocks,
    }
}

fn opening(f: &StrategyFigures) -> String {
    let scored = f.indicators.iter().filter(|i| i.status != Status::NoData).count();
    let good = f
        .indicators
        .iter()
        .filter(|i| matches!(i.status, Status::Achieved | Status::OnTrack))
        .count();
    let resolution =
        f.strategy.resolution.as_deref().map(|r| format!(", przyjęta {r},")).unwrap_or_default();
    format!(
        "{} realizuje „{}”{} na lata {}–{}. W roku {} oceniono {} z {} wskaźników strategii; {} z nich osiągnęło wartość docelową lub zmienia się zgodnie z planem. Status ustalono metodą opisaną w raporcie z monitoringu strategii.",
        f.header.unit_name,
        f.strategy.name,
        resolution,
        f.strategy.period_from,
        f.strategy.period_to,
        f.year,
        scored,
        f.indicators.len(),
        good
    )
}

fn changed(
    f: &StrategyFigures,
    trend: Trend,
    heading: &str,
    nothing: &str,
    blocks: &mut Vec<Block>,
) {
    blocks.push(Block::Heading { level: 2, text: heading.to_owned() });
    let list: Vec<&IndicatorFigures> =
        f.indicators.iter().filter(|i| i.trend == Some(trend)).collect();
    if list.is_empty() {
        blocks.push(Block::Paragraph(nothing.to_owned()));
        return;
    }
    blocks.push(Block::List(
        list.iter()
            .map(|i| {
                let from = i.previous.map_or_else(String::new, |p| {
                    format!("{} ({}) → ", parts::value(p.value, &i.unit), p.year)
                });
                format!(
                    "{}: {}{} — {} {}",
                    i.name,
                    from,
                    i.latest.map_or_else(
                        || wording::NO_VALUE.to_owned(),
                        |l| format!("{} ({})", parts::value(l.value, &i.unit), l.year)
                    ),
                    i.status.mark(),
                    i.status.label_pl()
                )
            })
            .collect(),
    ));
    notes_of(&list, blocks);
}

fn notes_of(indicators: &[&IndicatorFigures], blocks: &mut Vec<Block>) {
    for i in indicators {
        for note in &i.notes {
            blocks.push(Block::Commentary {
                label: format!("{} — {}", wording::NOTE, i.name),
                text: note.clone(),
            });
        }
    }
}
