//! The good-practice base: practices as checked JSON documents, attachments by their hash.

use serde_json::json;

use super::storage::{record, wait, PgStorage};
use crate::audit::{Actor, AuditAction};
use crate::records::*;
use crate::{Error, Result};

impl PgStorage {
    pub(super) fn store_practices(
        &mut self,
        practices: &[NewPractice],
        status: PracticeStatus,
        proposed_by: Option<&str>,
        at: &str,
    ) -> Result<Vec<i64>> {
        let Self { client, runtime, actor } = self;
        wait(runtime, async {
            let tx = client.transaction().await?;
            let attach = tx
                .prepare_cached(
                    "INSERT INTO practice_attachments (sha256, media_type, size, bytes)
                     VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING",
                )
                .await?;
            let insert = tx
                .prepare_cached(
                    "INSERT INTO practices (status, document, proposed_by, created_at,
                         published_at)
                     VALUES ($1, $2, $3, $4, $5) RETURNING id",
                )
                .await?;
            let published_at = (status == PracticeStatus::Published).then_some(at);
            let mut ids = Vec::with_capacity(practices.len());
            for new in practices {
                for (meta, bytes) in &new.attachments {
                    let params: [&(dyn tokio_postgres::types::ToSql + Sync); 4] =
                        [&meta.sha256, &meta.media_type.code(), &(meta.size as i64), bytes];
                    tx.execute(&attach, &params).await?;
                }
                let document = serde_json::to_string(&new.practice)
                    .map_err(|e| Error::Invalid(format!("praktyka: {e}")))?;
                let row = tx
                    .query_one(
                        &insert,
                        &[&status.code(), &document, &proposed_by, &at, &published_at],
                    )
                    .await?;
                ids.push(row.get::<_, i64>(0));
            }
            let attachments: usize = practices.iter().map(|p| p.attachments.len()).sum();
            match proposed_by {
                Some(unit) => {
                    let details = json!({"ids": ids, "unit": unit, "status": status.code()});
                    let actor = Actor::Unit(unit.to_owned());
                    record(&tx, at, &actor, AuditAction::PracticePropose, details).await?;
                }
                None => {
                    let details =
                        json!({"ids": ids, "status": status.code(), "attachments": attachments});
                    record(&tx, at, actor, AuditAction::PracticesImport, details).await?;
                }
            }
            tx.commit().await?;
            Ok(ids)
        })
    }

    pub(super) fn stored_practices(&self) -> Result<Vec<StoredPractice>> {
        let rows = self.rows(
            "SELECT id, status, document, proposed_by, created_at, published_at
             FROM practices ORDER BY id",
            &[],
        )?;
        rows.iter()
            .map(|r| {
                let (id, status, document): (i64, String, String) = (r.get(0), r.get(1), r.get(2));
                StoredPractice::decode((id, &status, &document), r.get(3), r.get(4), r.get(5))
            })
            .collect()
    }

    pub(super) fn publish(&mut self, id: i64, at: &str) -> Result<bool> {
        let Self { client, runtime, actor } = self;
        wait(runtime, async {
            let tx = client.transaction().await?;
            let published = tx
                .execute(
                    "UPDATE practices SET status = 'published', published_at = $2
                     WHERE id = $1 AND status = 'proposed'",
                    &[&id, &at],
                )
                .await?
                > 0;
            if published {
                record(&tx, at, actor, AuditAction::PracticesPublish, json!({"id": id})).await?;
            }
            tx.commit().await?;
            Ok(published)
        })
    }

    pub(super) fn remove(&mut self, id: i64, at: &str) -> Result<bool> {
        let Self { client, runtime, actor } = self;
        wait(runtime, async {
            let tx = client.transaction().await?;
            let removed = tx.execute("DELETE FROM practices WHERE id = $1", &[&id]).await? > 0;
            if removed {
                record(&tx, at, actor, AuditAction::PracticesRemove, json!({"id": id})).await?;
                // An attachment stays while any practice still names its hash.
                tx.execute(
                    "DELETE FROM practice_attachments a WHERE NOT EXISTS (
                         SELECT 1 FROM practices p
                         WHERE strpos(p.document, '\"' || a.sha256 || '\"') > 0)",
                    &[],
                )
                .await?;
            }
            tx.commit().await?;
            Ok(removed)
        })
    }
}
