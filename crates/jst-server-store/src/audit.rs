//! The server's audit: who did what on the server. Every change a command or an API action
//! makes to the store is recorded by the store in the same transaction as the change itself
//! (a crash leaves both or neither), with its actor, a closed action code and details in JSON
//! that never hold a token, a token's hash or a contributed value.

use serde::{Deserialize, Serialize};

use crate::records::{DataImport, ImportKind};

/// The audit entry of an import, the same on every engine: where the rows came from, how many
/// values (and plans) it brought and what they changed.
pub(crate) fn import_entry(
    kind: ImportKind,
    source: &str,
    values: usize,
    plans: usize,
    done: &DataImport,
) -> (AuditAction, serde_json::Value) {
    let DataImport { inserted, updated, unchanged } = *done;
    match kind {
        ImportKind::Values => (
            AuditAction::ImportValues,
            serde_json::json!({
                "source": source, "rows": values, "inserted": inserted, "updated": updated,
                "unchanged": unchanged,
            }),
        ),
        ImportKind::Budget => (
            AuditAction::ImportBudget,
            serde_json::json!({
                "source": source, "rows": values, "plans": plans, "inserted": inserted,
                "updated": updated, "unchanged": unchanged,
            }),
        ),
    }
}

/// Who acted: the operating-system user running a command, or a unit over the API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// The OS user of a `jst-server` command (with the user behind `sudo`, when there is one).
    Operator(String),
    /// A unit authenticated by its token (its TERYT).
    Unit(String),
}

impl Actor {
    /// The user running this process: `$USER` (or `$LOGNAME`, `$USERNAME`), and the one who
    /// called `sudo` when it differs, so `sudo -u jst-server jst-server token issue` still says
    /// which administrator it was.
    pub fn os_user() -> Self {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let user = var("USER")
            .or_else(|| var("LOGNAME"))
            .or_else(|| var("USERNAME"))
            .unwrap_or_else(|| "nieznany".to_owned());
        match var("SUDO_USER") {
            Some(by) if by != user => Self::Operator(format!("{user} (sudo: {by})")),
            _ => Self::Operator(user),
        }
    }

    /// As stored: the user's name, or `api:<teryt>`.
    pub fn label(&self) -> String {
        match self {
            Self::Operator(name) => name.clone(),
            Self::Unit(teryt) => format!("api:{teryt}"),
        }
    }
}

/// What was done: a closed set, stored and shown by its snake_case code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
#[value(rename_all = "snake_case")]
pub enum AuditAction {
    /// `import catalogue`
    ImportCatalogue,
    /// `import data`, `import bdl-csv`, `import bdl`: public values (the source says which).
    ImportValues,
    /// `import mf`: budget execution and plans.
    ImportBudget,
    /// `import register`
    ImportRegister,
    /// `release build`
    ReleaseBuild,
    TokenIssue,
    TokenRevoke,
    PeriodClose,
    GwdCreate,
    GwdAdd,
    GwdRemove,
    /// `practices import`: the association's own practices, published at once.
    PracticesImport,
    PracticesPublish,
    PracticesRemove,
    /// `POST /v1/practices`: a unit's proposal.
    PracticePropose,
}

impl AuditAction {
    pub const ALL: [Self; 15] = [
        Self::ImportCatalogue,
        Self::ImportValues,
        Self::ImportBudget,
        Self::ImportRegister,
        Self::ReleaseBuild,
        Self::TokenIssue,
        Self::TokenRevoke,
        Self::PeriodClose,
        Self::GwdCreate,
        Self::GwdAdd,
        Self::GwdRemove,
        Self::PracticesImport,
        Self::PracticesPublish,
        Self::PracticesRemove,
        Self::PracticePropose,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::ImportCatalogue => "import_catalogue",
            Self::ImportValues => "import_values",
            Self::ImportBudget => "import_budget",
            Self::ImportRegister => "import_register",
            Self::ReleaseBuild => "release_build",
            Self::TokenIssue => "token_issue",
            Self::TokenRevoke => "token_revoke",
            Self::PeriodClose => "period_close",
            Self::GwdCreate => "gwd_create",
            Self::GwdAdd => "gwd_add",
            Self::GwdRemove => "gwd_remove",
            Self::PracticesImport => "practices_import",
            Self::PracticesPublish => "practices_publish",
            Self::PracticesRemove => "practices_remove",
            Self::PracticePropose => "practice_propose",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.code() == code)
    }

    /// For people reading `jst-server audit`.
    pub fn label(self) -> &'static str {
        match self {
            Self::ImportCatalogue => "import katalogu wskaźników",
            Self::ImportValues => "import wartości publicznych",
            Self::ImportBudget => "import sprawozdań budżetowych MF",
            Self::ImportRegister => "import rejestru TERYT",
            Self::ReleaseBuild => "zbudowanie wydania",
            Self::TokenIssue => "wydanie tokenu",
            Self::TokenRevoke => "unieważnienie tokenu",
            Self::PeriodClose => "zamknięcie roku",
            Self::GwdCreate => "utworzenie grupy wymiany doświadczeń",
            Self::GwdAdd => "dodanie jednostki do grupy",
            Self::GwdRemove => "usunięcie jednostki z grupy",
            Self::PracticesImport => "import dobrych praktyk",
            Self::PracticesPublish => "publikacja dobrej praktyki",
            Self::PracticesRemove => "usunięcie dobrej praktyki",
            Self::PracticePropose => "propozycja dobrej praktyki jednostki",
        }
    }
}

/// One entry of the audit as read back.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditRecord {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub action: AuditAction,
    pub details: serde_json::Value,
}

/// Which entries to list: from a day on (`YYYY-MM-DD`, inclusive) and of one action.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    pub since: Option<String>,
    pub action: Option<AuditAction>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_snake_case_and_read_back() {
        let mut seen = std::collections::HashSet::new();
        for action in AuditAction::ALL {
            let code = action.code();
            assert!(seen.insert(code), "{code} twice");
            assert!(code.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "{code}");
            assert_eq!(AuditAction::from_code(code), Some(action));
            assert_eq!(serde_json::to_value(action).expect("json"), serde_json::json!(code));
            assert!(!action.label().is_empty());
            let parsed = <AuditAction as clap::ValueEnum>::from_str(code, false).expect("clap");
            assert_eq!(parsed, action);
        }
        assert_eq!(AuditAction::from_code("token_stolen"), None);
    }

    #[test]
    fn a_unit_acts_as_api_and_its_teryt() {
        assert_eq!(Actor::Unit("1219053".into()).label(), "api:1219053");
        assert_eq!(Actor::Operator("jan".into()).label(), "jan");
    }
}
