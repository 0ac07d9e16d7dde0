//! Experience-exchange groups (GWD): their members and the values shown to them.

use serde_json::json;

use super::storage::{record, wait, PgStorage};
use crate::audit::AuditAction;
use crate::records::*;
use crate::{Error, Result};

impl PgStorage {
    pub(super) fn create_group(
        &mut self,
        name: &str,
        area: &str,
        indicators: &[String],
        at: &str,
    ) -> Result<i64> {
        let Self { client, runtime, actor } = self;
        wait(runtime, async {
            let tx = client.transaction().await?;
            let taken = tx.query_opt("SELECT id FROM gwd_groups WHERE name = $1", &[&name]).await?;
            if let Some(row) = taken {
                let id: i64 = row.get(0);
                return Err(Error::Invalid(format!(
                    "grupa o nazwie „{name}” już istnieje (nr {id}); nic nie zapisano"
                )));
            }
            let id: i64 = tx
                .query_one(
                    "INSERT INTO gwd_groups (name, area, created_at) VALUES ($1, $2, $3)
                     RETURNING id",
                    &[&name, &area, &at],
                )
                .await?
                .get(0);
            let insert = tx
                .prepare_cached(
                    "INSERT INTO gwd_indicators (group_id, position, indicator)
                     VALUES ($1, $2, $3)",
                )
                .await?;
            for (position, code) in indicators.iter().enumerate() {
                tx.execute(&insert, &[&id, &(position as i64), code]).await?;
            }
            let details =
                json!({"group": id, "name": name, "area": area, "indicators": indicators});
            record(&tx, at, actor, AuditAction::GwdCreate, details).await?;
            tx.commit().await?;
            Ok(id)
        })
    }

    pub(super) fn add_member(&mut self, group: i64, member: &GwdMember) -> Result<()> {
        let Self { client, runtime, actor } = self;
        wait(runtime, async {
            let tx = client.transaction().await?;
            let current = tx
                .query_opt(
                    "SELECT consent_reference FROM gwd_members
                     WHERE group_id = $1 AND teryt = $2 AND removed_at IS NULL",
                    &[&group, &member.teryt],
                )
                .await?;
            if let Some(row) = current {
                let reference: String = row.get(0);
                return Err(Error::Invalid(format!(
                    "jednostka {} już należy do grupy {group} (zgoda „{reference}”); nic nie \
                     zapisano",
                    member.teryt
                )));
            }
            tx.execute(
                "INSERT INTO gwd_members (group_id, teryt, consent_reference, consent_date,
                     added_at)
                 VALUES ($1, $2, $3, $4, $5)",
                &[
                    &group,
                    &member.teryt,
                    &member.consent_reference,
                    &member.consent_date,
                    &member.added_at,
                ],
            )
            .await?;
            let details = json!({
                "group": group, "unit": member.teryt,
                "consent_reference": member.consent_reference,
                "consent_date": member.consent_date,
            });
            record(&tx, &member.added_at, actor, AuditAction::GwdAdd, details).await?;
            Ok(tx.commit().await?)
        })
    }

    pub(super) fn remove_member(&mut self, group: i64, teryt: &str, at: &str) -> Result<bool> {
        let Self { client, runtime, actor } = self;
        wait(runtime, async {
            let tx = client.transaction().await?;
            let removed = tx
                .execute(
                    "UPDATE gwd_members SET removed_at = $3
                     WHERE group_id = $1 AND teryt = $2 AND removed_at IS NULL",
                    &[&group, &teryt, &at],
                )
                .await?
                > 0;
            if removed {
                let details = json!({"group": group, "unit": teryt});
                record(&tx, at, actor, AuditAction::GwdRemove, details).await?;
            }
            tx.commit().await?;
            Ok(removed)
        })
    }

    pub(super) fn groups(&self) -> Result<Vec<GwdGroup>> {
        let client = &self.client;
        wait(&self.runtime, async {
            let rows = client
                .query("SELECT id, name, area, created_at FROM gwd_groups ORDER BY id", &[])
                .await?;
            let codes = client
                .prepare_cached(
                    "SELECT indicator FROM gwd_indicators WHERE group_id = $1 ORDER BY position",
                )
                .await?;
            let members = client
                .prepare_cached(
                    "SELECT teryt, consent_reference, consent_date, added_at FROM gwd_members
                     WHERE group_id = $1 AND removed_at IS NULL ORDER BY teryt",
                )
                .await?;
            let mut groups = Vec::with_capacity(rows.len());
            for r in rows {
                let id: i64 = r.get(0);
                let indicators =
                    client.query(&codes, &[&id]).await?.iter().map(|c| c.get(0)).collect();
                let members = client
                    .query(&members, &[&id])
                    .await?
                    .iter()
                    .map(|m| GwdMember {
                        teryt: m.get(0),
                        consent_reference: m.get(1),
                        consent_date: m.get(2),
                        added_at: m.get(3),
                    })
                    .collect();
                groups.push(GwdGroup {
                    id,
                    name: r.get(1),
                    area: r.get(2),
                    indicators,
                    created_at: r.get(3),
                    members,
                });
            }
            Ok(groups)
        })
    }

    pub(super) fn group_values(&self, group: &GwdGroup, year: i32) -> Result<Vec<GwdValue>> {
        let client = &self.client;
        wait(&self.runtime, async {
            let contributed = client
                .prepare_cached(
                    "SELECT value FROM contributions
                     WHERE teryt = $1 AND indicator = $2 AND year = $3",
                )
                .await?;
            let public = client
                .prepare_cached(
                    "SELECT value FROM public_values
                     WHERE indicator = $1 AND year = $2 AND teryt = $3",
                )
                .await?;
            let mut out = Vec::new();
            for member in &group.members {
                let teryt = member.teryt.as_str();
                for indicator in &group.indicators {
                    let own = client.query_opt(&contributed, &[&teryt, indicator, &year]).await?;
                    let found = match own {
                        Some(row) => Some((row.get(0), GwdSource::Contributed)),
                        None => client
                            .query_opt(&public, &[indicator, &year, &teryt])
                            .await?
                            .map(|row| (row.get(0), GwdSource::Public)),
                    };
                    if let Some((value, source)) = found {
                        out.push(GwdValue {
                            teryt: teryt.to_owned(),
                            indicator: indicator.clone(),
                            value,
                            source,
                        });
                    }
                }
            }
            Ok(out)
        })
    }
}
