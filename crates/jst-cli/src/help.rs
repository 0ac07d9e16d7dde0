//! The help in the user's language. The Polish doc comments of `args.rs` stay the source of
//! clap's command tree; at run time every `about` and argument `help` is replaced by the
//! catalogue's message keyed by the command's path: `cli-help-import-strategy` for the command,
//! `cli-help-import-strategy-arg-period` for its argument, or, where several commands say the
//! same, the nearest parent's (`cli-help-import-arg-strict`, `cli-help-arg-format`). A test
//! checks that every Polish message equals clap's text from the doc comment, so they cannot
//! drift. clap's own words (`Usage:`, `Options:`, `Print help`) stay English in both languages.

use clap::{Command, CommandFactory as _};

use crate::args::Cli;

const ROOT: &str = "cli-help";

/// The command tree of `jst` with its help in the current language.
pub fn command() -> Command {
    translate(Cli::command(), &[ROOT.to_owned()])
}

/// `path` holds the ids of the command and its parents, the command's own last.
fn translate(mut command: Command, path: &[String]) -> Command {
    let id = path.last().map_or(ROOT, String::as_str);
    if command.get_about().is_some() {
        if let Some(text) = message(id) {
            command = command.about(text);
        }
    }
    let args: Vec<clap::Id> = command
        .get_arguments()
        .filter(|arg| arg.get_help().is_some())
        .map(|arg| arg.get_id().clone())
        .collect();
    for arg in args {
        if let Some(text) = arg_message(path, arg.as_str()) {
            command = command.mut_arg(arg, |arg| {
                let names: Vec<String> =
                    arg.get_value_names().unwrap_or_default().iter().map(value_name).collect();
                let arg = arg.help(text);
                if names.is_empty() {
                    arg
                } else {
                    arg.value_names(names)
                }
            });
        }
    }
    let subcommands: Vec<String> =
        command.get_subcommands().map(|sub| sub.get_name().to_owned()).collect();
    for name in subcommands {
        let mut sub_path = path.to_vec();
        sub_path.push(format!("{id}-{name}"));
        command = command.mut_subcommand(name, |sub| translate(sub, &sub_path));
    }
    command
}

/// The id of an argument's help: the command's own, else the nearest parent's.
fn arg_id(path: &[String], arg: &str) -> Option<&'static str> {
    let arg = arg.replace('_', "-");
    path.iter().rev().find_map(|command| {
        let id = format!("{command}-arg-{arg}");
        HELP.iter().copied().find(|known| *known == id)
    })
}

fn arg_message(path: &[String], arg: &str) -> Option<String> {
    arg_id(path, arg).map(|id| jst_text::render(id, &[]))
}

/// A placeholder such as `PLIK` in the current language; those alike in both stay as they are.
fn value_name(name: &clap::builder::Str) -> String {
    VALUE_NAMES
        .iter()
        .find(|(polish, _)| *polish == name.as_str())
        .map_or_else(|| name.to_string(), |(_, id)| jst_text::render(id, &[]))
}

/// The Polish placeholders of `args.rs` and their messages.
const VALUE_NAMES: &[(&str, &str)] = &[
    ("JĘZYK", "cli-value-language"),
    ("RRRR", "cli-value-year"),
    ("ROK_BAZOWY", "cli-value-base-year"),
    ("PLIK", "cli-value-file"),
    ("CZAS", "cli-value-duration"),
    ("RRRR-RRRR", "cli-value-period"),
    ("RRRR-MM-DD", "cli-value-day"),
    ("UŻYTKOWNIK", "cli-value-user"),
    ("RODZAJ", "cli-value-kind"),
    ("UŁAMEK", "cli-value-fraction"),
    ("NAZWA", "cli-value-name"),
    ("TEKST", "cli-value-text"),
    ("OD-DO", "cli-value-size-class"),
    ("KOD", "cli-value-code"),
    ("NR", "cli-value-number"),
];

fn message(id: &str) -> Option<String> {
    HELP.contains(&id).then(|| jst_text::render(id, &[]))
}

/// Every help message, listed so that the ids are in the code (the catalogue's test looks for
/// each one there) and a path without a message keeps its doc comment rather than an id.
const HELP: &[&str] = &[
    "cli-help",
    "cli-help-arg-data-dir",
    "cli-help-arg-lang",
    "cli-help-init",
    "cli-help-init-arg-unit",
    "cli-help-init-arg-demo",
    "cli-help-import",
    "cli-help-import-strategy",
    "cli-help-import-strategy-arg-file",
    "cli-help-import-strategy-arg-name",
    "cli-help-import-strategy-arg-period",
    "cli-help-import-strategy-arg-new",
    "cli-help-import-values",
    "cli-help-import-values-arg-file",
    "cli-help-import-catalogue",
    "cli-help-import-catalogue-arg-file",
    "cli-help-import-peers",
    "cli-help-import-peers-arg-file",
    "cli-help-import-budget",
    "cli-help-import-budget-arg-file",
    "cli-help-import-sio",
    "cli-help-import-sio-arg-file",
    "cli-help-import-register",
    "cli-help-import-register-arg-file",
    "cli-help-import-register-arg-allow-shrink",
    "cli-help-strategy",
    "cli-help-strategy-status",
    "cli-help-strategy-status-arg-year",
    "cli-help-strategy-list",
    "cli-help-strategy-activate",
    "cli-help-strategy-activate-arg-id",
    "cli-help-strategy-export",
    "cli-help-strategy-export-arg-file",
    "cli-help-units",
    "cli-help-units-search",
    "cli-help-units-search-arg-query",
    "cli-help-units-search-arg-limit",
    "cli-help-benchmark",
    "cli-help-benchmark-arg-indicator",
    "cli-help-benchmark-arg-year",
    "cli-help-costs",
    "cli-help-costs-arg-real",
    "cli-help-costs-arg-format",
    "cli-help-costs-arg-out",
    "cli-help-gwd",
    "cli-help-gwd-list",
    "cli-help-gwd-refresh",
    "cli-help-gwd-shares",
    "cli-help-gwd-sheet",
    "cli-help-gwd-sheet-arg-id",
    "cli-help-gwd-sheet-arg-out",
    "cli-help-gwd-notes",
    "cli-help-gwd-notes-arg-add",
    "cli-help-gwd-notes-arg-year",
    "cli-help-practices",
    "cli-help-practices-search",
    "cli-help-practices-search-arg-text",
    "cli-help-practices-search-arg-area",
    "cli-help-practices-search-arg-kind",
    "cli-help-practices-search-arg-size",
    "cli-help-practices-search-arg-woj",
    "cli-help-practices-show",
    "cli-help-practices-show-arg-id",
    "cli-help-practices-suggest",
    "cli-help-practices-suggest-arg-indicator",
    "cli-help-practices-propose",
    "cli-help-practices-propose-arg-file",
    "cli-help-practices-arg-server",
    "cli-help-practices-send",
    "cli-help-practices-send-arg-id",
    "cli-help-practices-proposals",
    "cli-help-practices-attachment",
    "cli-help-practices-attachment-arg-id",
    "cli-help-practices-attachment-arg-sha256",
    "cli-help-practices-attachment-arg-out",
    "cli-help-groups",
    "cli-help-groups-list",
    "cli-help-groups-save",
    "cli-help-groups-save-arg-name",
    "cli-help-groups-save-arg-units",
    "cli-help-groups-delete",
    "cli-help-groups-delete-arg-name",
    "cli-help-sync",
    "cli-help-sync-arg-server",
    "cli-help-sync-arg-from",
    "cli-help-sync-arg-deadline",
    "cli-help-submit",
    "cli-help-submit-arg-server",
    "cli-help-token",
    "cli-help-token-set",
    "cli-help-contribute",
    "cli-help-contribute-add",
    "cli-help-contribute-remove",
    "cli-help-contribute-list",
    "cli-help-contribute-keep",
    "cli-help-contribute-accept",
    "cli-help-trust",
    "cli-help-trust-add",
    "cli-help-trust-add-arg-file",
    "cli-help-trust-add-arg-yes",
    "cli-help-trust-list",
    "cli-help-trust-remove",
    "cli-help-trust-remove-arg-key-id",
    "cli-help-trust-remove-arg-yes",
    "cli-help-peers",
    "cli-help-peers-nearest",
    "cli-help-peers-nearest-arg-k",
    "cli-help-peers-nearest-arg-variables",
    "cli-help-peers-nearest-arg-weights",
    "cli-help-budget",
    "cli-help-budget-show",
    "cli-help-budget-show-arg-year",
    "cli-help-budget-show-arg-report",
    "cli-help-budget-show-arg-by",
    "cli-help-values",
    "cli-help-values-list",
    "cli-help-values-list-arg-indicator",
    "cli-help-values-list-arg-year",
    "cli-help-report",
    "cli-help-report-monitoring",
    "cli-help-report-monitoring-arg-format",
    "cli-help-report-chapter",
    "cli-help-report-chapter-arg-format",
    "cli-help-report-xlsx",
    "cli-help-report-xlsx-arg-format",
    "cli-help-report-header",
    "cli-help-report-header-arg-unit-name",
    "cli-help-report-header-arg-author",
    "cli-help-report-header-arg-department",
    "cli-help-report-header-arg-emblem",
    "cli-help-report-header-arg-no-emblem",
    "cli-help-backup",
    "cli-help-backup-arg-to",
    "cli-help-backup-list",
    "cli-help-restore",
    "cli-help-restore-arg-file",
    "cli-help-restore-arg-yes",
    "cli-help-export",
    "cli-help-export-values",
    "cli-help-export-budget",
    "cli-help-export-strategy",
    "cli-help-audit",
    "cli-help-audit-arg-since",
    "cli-help-audit-arg-until",
    "cli-help-audit-arg-user",
    "cli-help-audit-arg-kind",
    "cli-help-audit-arg-limit",
    "cli-help-audit-arg-offset",
    "cli-help-settings",
    "cli-help-settings-thresholds",
    "cli-help-settings-thresholds-arg-on-track",
    "cli-help-settings-thresholds-arg-acceleration",
    "cli-help-settings-thresholds-arg-maintain-tolerance",
    "cli-help-settings-thresholds-arg-reset",
    "cli-help-status",
    "cli-help-arg-format",
    "cli-help-arg-group",
    "cli-help-arg-year",
    "cli-help-export-arg-format",
    "cli-help-export-arg-out",
    "cli-help-import-arg-strict",
    "cli-help-report-arg-out",
    "cli-help-report-arg-year",
];

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    /// (message id, clap's text from the doc comment) of every about and argument help.
    fn derived(command: &Command, path: &[String], out: &mut Vec<(String, String, String)>) {
        let id = path.last().map_or(ROOT, String::as_str);
        if let Some(about) = command.get_about() {
            out.push((id.to_owned(), id.to_owned(), about.to_string()));
        }
        for arg in command.get_arguments() {
            if let Some(help) = arg.get_help() {
                let place = format!("{id} --{}", arg.get_id());
                let message = arg_id(path, arg.get_id().as_str()).unwrap_or("(none)");
                out.push((place, message.to_owned(), help.to_string()));
            }
        }
        for sub in command.get_subcommands() {
            let mut sub_path = path.to_vec();
            sub_path.push(format!("{id}-{}", sub.get_name()));
            derived(sub, &sub_path, out);
        }
    }

    fn all() -> Vec<(String, String, String)> {
        let mut out = Vec::new();
        derived(&Cli::command(), &[ROOT.to_owned()], &mut out);
        out
    }

    #[test]
    fn every_polish_help_message_is_the_doc_comment() {
        let mut wrong = Vec::new();
        for (place, id, doc) in all() {
            let polish = jst_text::render_in(jst_text::Lang::Pl, jst_text::Surface::Cli, &id, &[]);
            if polish != doc {
                wrong.push(format!("{place}: {id} = {polish:?}, the doc comment says {doc:?}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn polish_placeholders_are_the_ones_of_args_rs() {
        for (polish, id) in VALUE_NAMES {
            let text = jst_text::render_in(jst_text::Lang::Pl, jst_text::Surface::Cli, id, &[]);
            assert_eq!(&text, polish);
        }
        let source = include_str!("args.rs");
        for (polish, _) in VALUE_NAMES {
            assert!(source.contains(&format!("value_name = \"{polish}\"")), "{polish} unused");
        }
    }

    #[test]
    fn every_help_message_is_used() {
        let used: BTreeSet<String> = all().into_iter().map(|(_, id, _)| id).collect();
        let unused: Vec<&&str> = HELP.iter().filter(|id| !used.contains(**id)).collect();
        assert!(unused.is_empty(), "help messages no command uses: {unused:?}");
    }

    #[test]
    fn the_english_help_replaces_every_text() {
        let english = jst_text::with_language(jst_text::Lang::En, command);
        let mut out = Vec::new();
        derived(&english, &[ROOT.to_owned()], &mut out);
        let polish = all();
        assert_eq!(out.len(), polish.len());
        for ((place, _, en), (_, _, pl)) in out.iter().zip(&polish) {
            assert_ne!(en, pl, "{place} is not translated");
        }
        let import = english.find_subcommand("import").expect("import");
        assert_eq!(import.get_about().map(ToString::to_string).as_deref(), Some("Loads a file"));
    }
}
