//! Contributions to the association: which indicators are shared, the outbox of submissions,
//! and the server's answer for each value.

use rusqlite::OptionalExtension;

use super::LocalStore;
use crate::{Result, Stamp};

#[derive(Debug, Clone, PartialEq)]
pub struct ContributionState {
    pub indicator: String,
    pub year: i32,
    pub sent_value: f64,
    /// `imported | updated | unchanged | conflict | invalid | period_closed`
    pub result: String,
    pub server_rev: Option<i64>,
    pub server_value: Option<f64>,
    pub at: String,
}

impl LocalStore {
    /// Opts indicators in (`true`) or out; audited.
    pub fn set_contributed(&mut self, stamp: &Stamp, codes: &[String], on: bool) -> Result<()> {
        self.write(stamp, "udostępniane wskaźniki", |tx| {
            for code in codes {
                if on {
                    tx.execute(
                        "INSERT OR IGNORE INTO contributed_indicators (code, since) VALUES (?1, ?2)",
                        (code, &stamp.at),
                    )?;
                } else {
                    tx.execute("DELETE FROM contributed_indicators WHERE code = ?1", [code])?;
                }
            }
            Ok(((), format!("{}: {}", if on { "udostępniane" } else { "nieudostępniane" }, codes.join(", "))))
        })
    }

    pub fn contributed_indicators(&self) -> Result<Vec<String>> {
        let mut stmt =
            self.conn.prepare("SELECT code FROM contributed_indicators ORDER BY code")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Stores a submission before it is sent.
    pub fn queue_submission(&mut self, stamp: &Stamp, id: &str, body: &[u8]) -> Result<()> {
        self.write(stamp, "zgłoszenie do stowarzyszenia", |tx| {
            tx.execute(
                "INSERT INTO outbox (submission_id, body, created_at, state) VALUES (?1, ?2, ?3, 'pending')",
                (id, body, &stamp.at),
            )?;
            Ok(((), format!("zgłoszenie {id} w skrzynce nadawczej")))
        })
    }

    /// Submissions still waiting for the server's answer, oldest first: (id, body).
    pub fn pending_submissions(&self) -> Result<Vec<(String, Vec<u8>)>> {
        let mut stmt = self.conn.prepare(
            "SELECT submission_id, body FROM outbox WHERE state = 'pending' ORDER BY created_at, submission_id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Records the server's answer and the per-value states in one transaction.
    pub fn record_answer(
        &mut self,
        stamp: &Stamp,
        id: &str,
        response: &str,
        states: &[ContributionState],
    ) -> Result<()> {
        self.write(stamp, "odpowiedź stowarzyszenia", |tx| {
            tx.execute(
                "UPDATE outbox SET state = 'answered', response = ?2, answered_at = ?3 WHERE submission_id = ?1",
                (id, response, &stamp.at),
            )?;
            for s in states {
                tx.execute(
                    "INSERT INTO contribution_state (indicator, year, sent_value, result, server_rev, server_value, at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                     ON CONFLICT (indicator, year) DO UPDATE SET sent_value = excluded.sent_value,
                         result = excluded.result, server_rev = excluded.server_rev,
                         server_value = excluded.server_value, at = excluded.at",
                    rusqlite::params![s.indicator, s.year, s.sent_value, s.result, s.server_rev, s.server_value, s.at],
                )?;
            }
            Ok(((), format!("zgłoszenie {id}: {} odpowiedzi", states.len())))
        })
    }

    pub fn contribution_states(&self) -> Result<Vec<ContributionState>> {
        let mut stmt = self.conn.prepare(
            "SELECT indicator, year, sent_value, result, server_rev, server_value, at
             FROM contribution_state ORDER BY indicator, year",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(ContributionState {
                indicator: r.get(0)?,
                year: r.get(1)?,
                sent_value: r.get(2)?,
                result: r.get(3)?,
                server_rev: r.get(4)?,
                server_value: r.get(5)?,
                at: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

impl LocalStore {
    /// The officer keeps the own value of a conflict: it is resent against the server's rev.
    /// Returns false when there is no conflict for (indicator, year). Audited.
    pub fn keep_own_in_conflict(
        &mut self,
        stamp: &Stamp,
        indicator: &str,
        year: i32,
    ) -> Result<bool> {
        self.write(stamp, "konflikt: zachowana wartość własna", |tx| {
            let changed = tx.execute(
                "UPDATE contribution_state SET result = 'resend', at = ?3
                 WHERE indicator = ?1 AND year = ?2 AND result = 'conflict'",
                (indicator, year, &stamp.at),
            )?;
            Ok((changed > 0, format!("{indicator} {year}: wyślij ponownie wartość własną")))
        })
    }

    /// The officer accepts the server's value of a conflict: it becomes the own value (the
    /// history trigger keeps the old one) and the state says the server has it, so nothing is
    /// resent. Returns the value taken, or None when there is no conflict. Audited.
    pub fn accept_server_in_conflict(
        &mut self,
        stamp: &Stamp,
        indicator: &str,
        year: i32,
    ) -> Result<Option<f64>> {
        self.write(stamp, "konflikt: przyjęta wartość serwera", |tx| {
            let server: Option<f64> = tx
                .query_row(
                    "SELECT server_value FROM contribution_state
                     WHERE indicator = ?1 AND year = ?2 AND result = 'conflict'",
                    (indicator, year),
                    |r| r.get(0),
                )
                .optional()?
                .flatten();
            let Some(value) = server else {
                return Ok((None, format!("{indicator} {year}: brak konfliktu")));
            };
            tx.execute(
                "INSERT INTO observations (indicator, year, value, status, source, note, sample,
                                           updated_at, updated_by)
                 VALUES (?1, ?2, ?3, 'ostateczne', 'serwer stowarzyszenia', NULL, 0, ?4, ?5)
                 ON CONFLICT (indicator, year) DO UPDATE SET value = excluded.value,
                     updated_at = excluded.updated_at, updated_by = excluded.updated_by",
                (indicator, year, value, &stamp.at, &stamp.by),
            )?;
            tx.execute(
                "UPDATE contribution_state SET result = 'unchanged', sent_value = ?3, at = ?4
                 WHERE indicator = ?1 AND year = ?2",
                (indicator, year, value, &stamp.at),
            )?;
            Ok((Some(value), format!("{indicator} {year}: przyjęto wartość serwera {value}")))
        })
    }

    /// How many submissions wait in the outbox.
    pub fn pending_submission_count(&self) -> Result<u32> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM outbox WHERE state = 'pending'", [], |r| r.get(0))?)
    }
}
