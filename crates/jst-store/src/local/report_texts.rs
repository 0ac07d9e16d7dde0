//! What the strategy reports print besides figures: the report header (set once) and the
//! officer's introduction and per-goal commentary for a strategy and year.

use rusqlite::OptionalExtension;

use super::LocalStore;
use crate::{Result, Stamp};

/// The report header; every field optional until the officer sets it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReportHeaderRecord {
    pub unit_name: Option<String>,
    pub author: Option<String>,
    pub department: Option<String>,
    /// The coat of arms and its format (`png` or `svg`).
    pub emblem: Option<(Vec<u8>, String)>,
}

/// The introduction is stored under this node code.
pub const INTRODUCTION: &str = "";

impl LocalStore {
    pub fn report_header(&self) -> Result<ReportHeaderRecord> {
        let row = self
            .conn
            .query_row(
                "SELECT unit_name, author, department, emblem, emblem_format
                 FROM report_header WHERE id = 1",
                [],
                |r| {
                    let emblem: Option<Vec<u8>> = r.get(3)?;
                    let format: Option<String> = r.get(4)?;
                    Ok(ReportHeaderRecord {
                        unit_name: r.get(0)?,
                        author: r.get(1)?,
                        department: r.get(2)?,
                        emblem: emblem.zip(format),
                    })
                },
            )
            .optional()?;
        Ok(row.unwrap_or_default())
    }

    /// Replaces the header whole; the audit line names what it says (not the image's bytes).
    pub fn save_report_header(&mut self, stamp: &Stamp, header: &ReportHeaderRecord) -> Result<()> {
        self.write(stamp, "nagłówek raportu", |tx| {
            let (emblem, format) = match &header.emblem {
                Some((bytes, format)) => (Some(bytes.as_slice()), Some(format.as_str())),
                None => (None, None),
            };
            tx.execute(
                "INSERT INTO report_header
                     (id, unit_name, author, department, emblem, emblem_format, changed_at, changed_by)
                 VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (id) DO UPDATE SET
                     unit_name = excluded.unit_name, author = excluded.author,
                     department = excluded.department, emblem = excluded.emblem,
                     emblem_format = excluded.emblem_format,
                     changed_at = excluded.changed_at, changed_by = excluded.changed_by",
                (
                    &header.unit_name,
                    &header.author,
                    &header.department,
                    emblem,
                    format,
                    &stamp.at,
                    &stamp.by,
                ),
            )?;
            let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".to_owned());
            Ok((
                (),
                format!(
                    "nazwa: {}; autor: {}; komórka: {}; herb: {}",
                    show(&header.unit_name),
                    show(&header.author),
                    show(&header.department),
                    header.emblem.as_ref().map_or_else(
                        || "brak".to_owned(),
                        |(b, f)| format!("{f}, {} B", b.len())
                    )
                ),
            ))
        })
    }

    /// The officer's texts for a strategy and year: (node code, text); the introduction under
    /// [`INTRODUCTION`].
    pub fn report_texts(&self, strategy_id: i64, year: i32) -> Result<Vec<(String, String)>> {
        let mut stmt = self.conn.prepare(
            "SELECT node_code, text FROM report_texts
             WHERE strategy_id = ?1 AND year = ?2 ORDER BY node_code",
        )?;
        let rows = stmt.query_map((strategy_id, year), |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Sets one text; an empty text removes it. The audit line keeps the old and new words, so
    /// a text typed over can be recovered.
    pub fn save_report_text(
        &mut self,
        stamp: &Stamp,
        strategy_id: i64,
        year: i32,
        node_code: &str,
        text: &str,
    ) -> Result<()> {
        self.write(stamp, "tekst raportu", |tx| {
            let old: Option<String> = tx
                .query_row(
                    "SELECT text FROM report_texts
                     WHERE strategy_id = ?1 AND year = ?2 AND node_code = ?3",
                    (strategy_id, year, node_code),
                    |r| r.get(0),
                )
                .optional()?;
            if text.trim().is_empty() {
                tx.execute(
                    "DELETE FROM report_texts WHERE strategy_id = ?1 AND year = ?2 AND node_code = ?3",
                    (strategy_id, year, node_code),
                )?;
            } else {
                tx.execute(
                    "INSERT INTO report_texts (strategy_id, year, node_code, text, changed_at, changed_by)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                     ON CONFLICT (strategy_id, year, node_code) DO UPDATE SET
                         text = excluded.text, changed_at = excluded.changed_at,
                         changed_by = excluded.changed_by",
                    (strategy_id, year, node_code, text, &stamp.at, &stamp.by),
                )?;
            }
            let place = if node_code.is_empty() {
                "wprowadzenie".to_owned()
            } else {
                format!("komentarz do celu {node_code}")
            };
            Ok((
                (),
                format!(
                    "{place}, rok {year}: było „{}”, jest „{}”",
                    old.unwrap_or_default(),
                    text.trim()
                ),
            ))
        })
    }
}
