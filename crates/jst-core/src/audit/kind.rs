//! What a line of the audit log is about, for a user filtering it: the store writes Polish
//! action words, some followed by a file name or a code, so the kinds are told by the action's
//! exact text or fixed beginning.

use jst_store::ActionPattern;
use jst_text::t;
use serde::{Deserialize, Serialize};

/// The kind of change a user filters the audit log by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum AuditKind {
    /// Own values typed in or imported (values file, SIO list).
    Values,
    /// The strategy: its import, the active one, notes.
    Strategy,
    /// Reference data loaded: the register, the catalogue, budget reports.
    Imports,
    /// The own unit chosen (or the demo opened).
    Unit,
    /// Sync with the association and its trusted keys.
    Sync,
    /// Sent to the association: shared values, the outbox, answers, conflicts, proposed
    /// good practices.
    Submissions,
    /// Saved comparison groups.
    Groups,
    /// Settings: the sync server and interval, the status thresholds.
    Settings,
    /// The report header and the officer's texts.
    Reports,
    /// Backups of the data folder and their restore.
    Backups,
    /// An action this program version does not group (e.g. written by a newer one).
    Other,
}

impl AuditKind {
    pub const ALL: [Self; 11] = [
        Self::Values,
        Self::Strategy,
        Self::Imports,
        Self::Unit,
        Self::Sync,
        Self::Submissions,
        Self::Groups,
        Self::Settings,
        Self::Reports,
        Self::Backups,
        Self::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Values => "values",
            Self::Strategy => "strategy",
            Self::Imports => "imports",
            Self::Unit => "unit",
            Self::Sync => "sync",
            Self::Submissions => "submissions",
            Self::Groups => "groups",
            Self::Settings => "settings",
            Self::Reports => "reports",
            Self::Backups => "backups",
            Self::Other => "other",
        }
    }

    /// The name of the kind in the user's language.
    pub fn label(self) -> String {
        match self {
            Self::Values => t!("core-audit-kind-values"),
            Self::Strategy => t!("core-audit-kind-strategy"),
            Self::Imports => t!("core-audit-kind-imports"),
            Self::Unit => t!("core-audit-kind-unit"),
            Self::Sync => t!("core-audit-kind-sync"),
            Self::Submissions => t!("core-audit-kind-submissions"),
            Self::Groups => t!("core-audit-kind-groups"),
            Self::Settings => t!("core-audit-kind-settings"),
            Self::Reports => t!("core-audit-kind-reports"),
            Self::Backups => t!("core-audit-kind-backups"),
            Self::Other => t!("core-audit-kind-other"),
        }
    }

    /// The Polish name, whatever the user's language.
    pub fn label_pl(self) -> String {
        jst_text::with_language(jst_text::Lang::Pl, || self.label())
    }

    /// The kind of a stored action.
    pub fn of(action: &str) -> Self {
        ACTIONS
            .iter()
            .find(|(pattern, _, _)| match pattern {
                Action::Exact(a) => action == *a,
                Action::Prefix(p) => action.starts_with(p),
            })
            .map_or(Self::Other, |(_, kind, _)| *kind)
    }

    /// A stored action in the user's language: the known action words translated, what follows
    /// a known prefix (codes, years, file names) kept; an unknown action as recorded.
    pub fn action_label(action: &str) -> String {
        for (pattern, _, id) in ACTIONS {
            match pattern {
                Action::Exact(a) if action == *a => return jst_text::render(id, &[]),
                Action::Prefix(p) if action.starts_with(p) => {
                    let rest = &action[p.len()..];
                    // The core's value actions read „wartość KOD za ROK”.
                    if let Some((code, year)) = rest.split_once(" za ").filter(|_| *p == "wartość ")
                    {
                        return t!("core-audit-action-value-year", code = code, year = year);
                    }
                    // A prefix ending in a space was followed by one; others run on.
                    let gap = if p.ends_with(' ') { " " } else { "" };
                    return format!("{}{gap}{rest}", jst_text::render(id, &[]));
                }
                _ => {}
            }
        }
        action.to_owned()
    }

    /// The store's filter for this kind: its actions, or for `Other` every action but the known.
    pub(crate) fn patterns(self) -> (Vec<ActionPattern>, bool) {
        let pattern = |a: &Action| match a {
            Action::Exact(a) => ActionPattern::Exact((*a).to_owned()),
            Action::Prefix(p) => ActionPattern::Prefix((*p).to_owned()),
        };
        if self == Self::Other {
            return (ACTIONS.iter().map(|(a, _, _)| pattern(a)).collect(), true);
        }
        (ACTIONS.iter().filter(|(_, k, _)| *k == self).map(|(a, _, _)| pattern(a)).collect(), false)
    }
}

enum Action {
    Exact(&'static str),
    Prefix(&'static str),
}

/// Every action written today (jst-store's `write` calls and the core's value actions). A test
/// reads the store's sources, so a new action left out of this table fails it.
const ACTIONS: &[(Action, AuditKind, &str)] = &[
    (Action::Prefix("wartość "), AuditKind::Values, "core-audit-action-value"),
    (Action::Prefix("import wartości z "), AuditKind::Values, "core-audit-action-values-import"),
    (Action::Prefix("wykaz SIO z "), AuditKind::Values, "core-audit-action-sio"),
    (Action::Exact("import strategii"), AuditKind::Strategy, "core-audit-action-strategy-import"),
    (Action::Exact("aktywna strategia"), AuditKind::Strategy, "core-audit-action-active-strategy"),
    (Action::Exact("notatka"), AuditKind::Strategy, "core-audit-action-note"),
    (Action::Exact("rejestr TERYT"), AuditKind::Imports, "core-audit-action-register"),
    (Action::Exact("katalog wskaźników"), AuditKind::Imports, "core-audit-action-catalogue"),
    (Action::Exact("sprawozdania budżetowe"), AuditKind::Imports, "core-audit-action-budget"),
    (Action::Exact("wybór jednostki"), AuditKind::Unit, "core-audit-action-unit"),
    (Action::Exact("synchronizacja"), AuditKind::Sync, "core-audit-action-sync"),
    (Action::Exact("zaufany klucz wydań"), AuditKind::Sync, "core-audit-action-trusted-key"),
    (Action::Exact("udostępniane wskaźniki"), AuditKind::Submissions, "core-audit-action-shared"),
    (
        Action::Exact("zgłoszenie do stowarzyszenia"),
        AuditKind::Submissions,
        "core-audit-action-submission",
    ),
    (Action::Exact("odpowiedź stowarzyszenia"), AuditKind::Submissions, "core-audit-action-answer"),
    (
        Action::Exact("konflikt: zachowana wartość własna"),
        AuditKind::Submissions,
        "core-audit-action-conflict-own",
    ),
    (
        Action::Exact("konflikt: przyjęta wartość serwera"),
        AuditKind::Submissions,
        "core-audit-action-conflict-server",
    ),
    (Action::Exact("usunięcie wartości"), AuditKind::Values, "core-audit-action-value-deleted"),
    (Action::Exact("edycja strategii"), AuditKind::Strategy, "core-audit-action-strategy-edit"),
    (Action::Exact("grupa porównawcza"), AuditKind::Groups, "core-audit-action-group"),
    (Action::Exact("grupy wymiany doświadczeń"), AuditKind::Sync, "core-audit-action-gwd"),
    (Action::Exact("notatka ze spotkania grupy"), AuditKind::Groups, "core-audit-action-gwd-note"),
    (
        Action::Exact("propozycja dobrej praktyki"),
        AuditKind::Submissions,
        "core-audit-action-practice-proposal",
    ),
    (
        Action::Exact("propozycja praktyki wysłana"),
        AuditKind::Submissions,
        "core-audit-action-practice-proposal-sent",
    ),
    (
        Action::Exact("propozycja praktyki niewysłana"),
        AuditKind::Submissions,
        "core-audit-action-practice-proposal-not-sent",
    ),
    (Action::Exact("ustawienie"), AuditKind::Settings, "core-audit-action-setting"),
    (Action::Exact("progi oceny"), AuditKind::Settings, "core-audit-action-thresholds"),
    (Action::Exact("nagłówek raportu"), AuditKind::Reports, "core-audit-action-report-header"),
    (Action::Exact("tekst raportu"), AuditKind::Reports, "core-audit-action-report-text"),
    (Action::Prefix("kopia zapasowa"), AuditKind::Backups, "core-audit-action-backup"),
    (Action::Prefix("przywrócenie kopii"), AuditKind::Backups, "core-audit-action-restore"),
];

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    /// The literal actions of `write(stamp, "…"` calls in jst-store, and how many calls pass
    /// the action in instead.
    fn store_actions() -> (Vec<String>, usize) {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../jst-store/src/local");
        let (mut literal, mut passed_in) = (Vec::new(), 0);
        for entry in std::fs::read_dir(dir).expect("jst-store sources") {
            let text = std::fs::read_to_string(entry.expect("entry").path()).expect("source");
            for call in text.split("self.write(").skip(1) {
                let args = call.trim_start().trim_start_matches("stamp,").trim_start();
                match args.strip_prefix('"') {
                    Some(rest) => literal.push(rest[..rest.find('"').expect("end")].to_owned()),
                    None => passed_in += 1,
                }
            }
        }
        (literal, passed_in)
    }

    #[test]
    fn every_action_written_today_has_its_kind() {
        let (literal, passed_in) = store_actions();
        assert!(literal.len() >= 20, "{literal:?}");
        // `upsert_observations` and `replace_settings` take the action from the core: the
        // core's actions are the samples below. A new pass-through needs its samples here.
        assert_eq!(passed_in, 2, "a new write whose action is passed in: add its samples");
        let samples = [
            ("wartość UCZ_SP za 2024", AuditKind::Values),
            ("import wartości z dane.csv", AuditKind::Values),
            ("wykaz SIO z wykaz.xlsx", AuditKind::Values),
            ("progi oceny", AuditKind::Settings),
        ];
        for action in &literal {
            assert_ne!(AuditKind::of(action), AuditKind::Other, "unmapped action „{action}”");
        }
        for (action, kind) in samples {
            assert_eq!(AuditKind::of(action), kind, "{action}");
        }
        assert_eq!(AuditKind::of("coś nowego"), AuditKind::Other);
        assert_eq!(AuditKind::of("wartości"), AuditKind::Other, "a prefix ends with its space");
    }

    #[test]
    fn actions_read_as_recorded_in_polish_and_translated_in_english() {
        let (literal, _) = store_actions();
        let samples = ["wartość UCZ_SP za 2024", "import wartości z dane.csv", "progi oceny"];
        for action in literal.iter().map(String::as_str).chain(samples) {
            let polish =
                jst_text::with_language(jst_text::Lang::Pl, || AuditKind::action_label(action));
            assert_eq!(polish, action);
        }
        let english = |action| {
            jst_text::with_language(jst_text::Lang::En, || AuditKind::action_label(action))
        };
        assert_eq!(english("usunięcie wartości"), "value deleted");
        assert_eq!(english("wartość UCZ_SP za 2024"), "value UCZ_SP for 2024");
        assert_eq!(english("import wartości z dane.csv"), "values imported from dane.csv");
        assert_eq!(english("coś nowego"), "coś nowego", "an unknown action as recorded");
    }

    #[test]
    fn codes_follow_serde() {
        for kind in AuditKind::ALL {
            let json = serde_json::to_string(&kind).expect("json");
            assert_eq!(json, format!("\"{}\"", kind.code()));
        }
    }
}
