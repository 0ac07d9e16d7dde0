//! Good practices the unit proposes to the association: the officer's text is saved first
//! (`draft`), then the outcome of each send is recorded on it (`sent` with the server's number,
//! or `not_sent` with why), so nothing typed is lost to a network failure.

use rusqlite::{params, OptionalExtension};

use super::LocalStore;
use crate::{Result, Stamp};

/// A proposal as saved. `status` is `draft`, `not_sent` or `sent`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PracticeProposalRecord {
    pub id: i64,
    pub title: String,
    /// The practice as JSON, exactly as it is sent.
    pub body: String,
    pub created_at: String,
    pub created_by: String,
    pub status: String,
    pub server: Option<String>,
    pub server_id: Option<i64>,
    pub sent_at: Option<String>,
    pub failure_code: Option<String>,
    pub failure: Option<String>,
}

const COLUMNS: &str = "id, title, body, created_at, created_by, status, server, server_id, sent_at,
                       failure_code, failure";

fn record(r: &rusqlite::Row<'_>) -> rusqlite::Result<PracticeProposalRecord> {
    Ok(PracticeProposalRecord {
        id: r.get(0)?,
        title: r.get(1)?,
        body: r.get(2)?,
        created_at: r.get(3)?,
        created_by: r.get(4)?,
        status: r.get(5)?,
        server: r.get(6)?,
        server_id: r.get(7)?,
        sent_at: r.get(8)?,
        failure_code: r.get(9)?,
        failure: r.get(10)?,
    })
}

impl LocalStore {
    /// Saves a proposal before it is sent; answers its local number.
    pub fn save_practice_proposal(
        &mut self,
        stamp: &Stamp,
        title: &str,
        body: &str,
    ) -> Result<i64> {
        self.write(stamp, "propozycja dobrej praktyki", |tx| {
            tx.execute(
                "INSERT INTO practice_proposals (title, body, created_at, created_by)
                 VALUES (?1, ?2, ?3, ?4)",
                (title, body, &stamp.at, &stamp.by),
            )?;
            let id = tx.last_insert_rowid();
            Ok((id, format!("nr {id}: {title}")))
        })
    }

    /// The server took proposal `id` as its number `server_id`.
    pub fn record_practice_proposal_sent(
        &mut self,
        stamp: &Stamp,
        id: i64,
        server: &str,
        server_id: i64,
    ) -> Result<()> {
        self.write(stamp, "propozycja praktyki wysłana", |tx| {
            tx.execute(
                "UPDATE practice_proposals SET status = 'sent', server = ?2, server_id = ?3,
                        sent_at = ?4, failure_code = NULL, failure = NULL
                 WHERE id = ?1 AND status <> 'sent'",
                params![id, server, server_id, stamp.at],
            )?;
            Ok(((), format!("nr {id} → {server}, nr serwera {server_id}")))
        })
    }

    /// A send of proposal `id` failed (or could not be made): kept as not sent, with why. A sent
    /// proposal stays sent.
    pub fn record_practice_proposal_failure(
        &mut self,
        stamp: &Stamp,
        id: i64,
        server: Option<&str>,
        code: &str,
        reason: &str,
    ) -> Result<()> {
        self.write(stamp, "propozycja praktyki niewysłana", |tx| {
            tx.execute(
                "UPDATE practice_proposals SET status = 'not_sent', server = coalesce(?2, server),
                        failure_code = ?3, failure = ?4
                 WHERE id = ?1 AND status <> 'sent'",
                params![id, server, code, reason],
            )?;
            Ok(((), format!("nr {id}: {code}")))
        })
    }

    /// Every proposal, newest first.
    pub fn practice_proposals(&self) -> Result<Vec<PracticeProposalRecord>> {
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {COLUMNS} FROM practice_proposals ORDER BY id DESC"))?;
        let rows = stmt.query_map([], record)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn practice_proposal(&self, id: i64) -> Result<Option<PracticeProposalRecord>> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM practice_proposals WHERE id = ?1"),
                [id],
                record,
            )
            .optional()?)
    }
}
