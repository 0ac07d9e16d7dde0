//! Reading the audit log back: filtered by time, user and action, newest first, a page at a time.

use rusqlite::types::Value;

use super::LocalStore;
use crate::Result;

/// One line of the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRecord {
    pub id: i64,
    /// RFC 3339, UTC, as stamped.
    pub at: String,
    pub os_user: String,
    pub action: String,
    pub detail: String,
}

/// An action the log is filtered by: some actions carry a file name or a code after a fixed
/// beginning ("import wartości z …"), so a prefix matches them all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActionPattern {
    Exact(String),
    Prefix(String),
}

/// The lines wanted. Times compare as the stamped text (RFC 3339 UTC sorts by time), so a day
/// `YYYY-MM-DD` bounds it: `from` inclusive, `before` exclusive.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditQuery {
    pub from: Option<String>,
    pub before: Option<String>,
    pub user: Option<String>,
    /// Lines whose action matches one of these; with `exclude`, those matching none.
    pub actions: Option<Vec<ActionPattern>>,
    pub exclude: bool,
    pub limit: u32,
    pub offset: u32,
}

impl LocalStore {
    /// Lines of the audit log matching `query`, newest first.
    pub fn audit_entries(&self, query: &AuditQuery) -> Result<Vec<AuditRecord>> {
        let mut conditions = Vec::new();
        let mut params: Vec<Value> = Vec::new();
        if let Some(from) = &query.from {
            params.push(Value::Text(from.clone()));
            conditions.push(format!("at >= ?{}", params.len()));
        }
        if let Some(before) = &query.before {
            params.push(Value::Text(before.clone()));
            conditions.push(format!("at < ?{}", params.len()));
        }
        if let Some(user) = &query.user {
            params.push(Value::Text(user.clone()));
            conditions.push(format!("os_user = ?{}", params.len()));
        }
        if let Some(patterns) = &query.actions {
            let mut any = Vec::new();
            for pattern in patterns {
                match pattern {
                    ActionPattern::Exact(action) => {
                        params.push(Value::Text(action.clone()));
                        any.push(format!("action = ?{}", params.len()));
                    }
                    // substr, not LIKE: actions hold `_` and `%` literally and LIKE folds case.
                    ActionPattern::Prefix(prefix) => {
                        params.push(Value::Text(prefix.clone()));
                        let n = params.len();
                        any.push(format!("substr(action, 1, length(?{n})) = ?{n}"));
                    }
                }
            }
            let any = if any.is_empty() { "0".to_owned() } else { any.join(" OR ") };
            conditions.push(if query.exclude {
                format!("NOT ({any})")
            } else {
                format!("({any})")
            });
        }
        let filter = if conditions.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", conditions.join(" AND "))
        };
        params.push(Value::Integer(i64::from(query.limit)));
        params.push(Value::Integer(i64::from(query.offset)));
        let (limit, offset) = (params.len() - 1, params.len());
        let sql = format!(
            "SELECT id, at, os_user, action, detail FROM audit_log {filter}
             ORDER BY id DESC LIMIT ?{limit} OFFSET ?{offset}"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(params), |r| {
            Ok(AuditRecord {
                id: r.get(0)?,
                at: r.get(1)?,
                os_user: r.get(2)?,
                action: r.get(3)?,
                detail: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every user named in the audit log, sorted, for a filter list.
    pub fn audit_users(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare("SELECT DISTINCT os_user FROM audit_log ORDER BY 1")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
