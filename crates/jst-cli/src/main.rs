//! `jst`: the command line of Monitor JST, a thin shell over `jst-core` for scripts and
//! scheduled tasks. It parses arguments, calls one core method and prints the result as a table
//! or JSON; it must not contain domain logic or SQL.
//!
//! Exit codes (a public contract): 0 ok, 1 error, 2 usage, 3 invalid input (nothing written),
//! and for `jst sync` / `jst submit`: 4 release rejected or submission refused (code on stderr),
//! 5 offline or unreachable.

mod args;
mod help;
mod render;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::FromArgMatches as _;
use jst_core::{
    default_data_dir, AuditFilter, BudgetLevel, Error, ErrorKind, ExportFormat, ExportKind,
    KeyOrigin, Monitor, OpenOptions, RegisterImportOptions, ReportFormat, ReportHeaderInput,
    ReportKind, SubmitOutcome, SyncOutcome, ThresholdValues, TokenPlace, DATA_DIR_ENV,
};
use jst_text::t;

use args::PracticesCommand;
use args::{BackupArgs, BackupCommand};
use args::{
    BudgetCommand, Cli, Command, ContributeCommand, CostsFormat, ExportCommand, ExportFormatArg,
    Format, GroupsCommand, ImportCommand, LevelArg, PeersCommand, ReportArg, ReportArgs,
    ReportCommand, ReportFormatArg, SettingsCommand, StrategyCommand, TokenCommand, TrustCommand,
    UnitsCommand, ValuesCommand,
};
use args::{GwdCommand, GwdSheetFormatArg};

const EXIT_ERROR: u8 = 1;
const EXIT_INVALID_INPUT: u8 = 3;

const EXIT_USAGE: u8 = 2;
const EXIT_REJECTED: u8 = 4;
const EXIT_OFFLINE: u8 = 5;

fn main() -> ExitCode {
    jst_text::set_language(language_asked(std::env::args()));
    let data_dir = data_dir_asked(std::env::args()).or_else(default_data_dir);
    // clap keeps the version text for the life of the program; this leaks it once, at start.
    let version: &'static str =
        Box::leak(render::version(&jst_core::about(data_dir.as_deref())).into_boxed_str());
    let mut command = help::command().version(version);
    let parsed = command
        .try_get_matches_from_mut(std::env::args_os())
        .and_then(|matches| Cli::from_arg_matches(&matches))
        .map_err(|err| err.format(&mut command));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(err) if !err.use_stderr() => {
            // --help and --version
            let _ = err.print();
            return ExitCode::SUCCESS;
        }
        Err(err) => {
            eprintln!("{}\n{err}", t!("cli-usage-error"));
            return ExitCode::from(EXIT_USAGE);
        }
    };
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            eprintln!("{}", t!("cli-error", message = err.to_string()));
            ExitCode::from(exit_code(&err))
        }
    }
}

/// The language of `--lang` (or `JST_LANG`), read before clap parses anything so that even a
/// usage error speaks it; clap checks the value itself afterwards.
fn language_asked(args: impl Iterator<Item = String>) -> jst_text::Lang {
    let mut asked = std::env::var("JST_LANG").ok();
    let mut args = args.skip(1);
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        } else if arg == "--lang" {
            asked = args.next();
        } else if let Some(value) = arg.strip_prefix("--lang=") {
            asked = Some(value.to_owned());
        }
    }
    asked.as_deref().and_then(jst_text::Lang::from_code).unwrap_or_default()
}

/// The folder of `--data-dir` (or `JST_DATA_DIR`), read before clap parses anything, for the
/// folder `jst --version` names; clap reads it again for the command.
fn data_dir_asked(args: impl Iterator<Item = String>) -> Option<PathBuf> {
    let mut asked = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()).map(PathBuf::from);
    let mut args = args.skip(1);
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        } else if arg == "--data-dir" {
            asked = args.next().map(PathBuf::from);
        } else if let Some(value) = arg.strip_prefix("--data-dir=") {
            asked = Some(PathBuf::from(value));
        }
    }
    asked
}

fn exit_code(err: &Error) -> u8 {
    match err {
        Error::Offline(_) => return EXIT_OFFLINE,
        Error::Refused(_) => return EXIT_REJECTED,
        _ => {}
    }
    match err.kind() {
        ErrorKind::InvalidInput | ErrorKind::NotFound | ErrorKind::NoteRequired => {
            EXIT_INVALID_INPUT
        }
        ErrorKind::Conflict
        | ErrorKind::Cancelled
        | ErrorKind::MissingData
        | ErrorKind::SchemaTooNew
        | ErrorKind::Io
        | ErrorKind::Internal => EXIT_ERROR,
    }
}

/// `jst report`: a missing strategy or year's data is the input's fault here (exit 3), as the
/// issue's contract says; a document asked for in a format it does not come in is a usage error.
fn report(monitor: &mut Monitor, what: ReportCommand) -> Result<u8, Error> {
    let (kind, args) = match what {
        ReportCommand::Monitoring(a) => (ReportKind::Monitoring, a),
        ReportCommand::Chapter(a) => (ReportKind::Chapter, a),
        ReportCommand::Xlsx(a) => (ReportKind::Xlsx, a),
        ReportCommand::Header { unit_name, author, department, emblem, no_emblem, format } => {
            let mut view = monitor.report_header()?;
            if unit_name.is_some() || author.is_some() || department.is_some() {
                let keep = |new: Option<String>, old: Option<String>| new.or(old);
                view = monitor.save_report_header(&ReportHeaderInput {
                    unit_name: keep(unit_name, view.unit_name),
                    author: keep(author, view.author),
                    department: keep(department, view.department),
                })?;
            }
            if emblem.is_some() || no_emblem {
                view = monitor.set_report_emblem(emblem.as_deref())?;
            }
            match format {
                Format::Json => println!("{}", to_json(&view)?),
                Format::Table => print!("{}", render::report_header(&view)),
            }
            return Ok(0);
        }
    };
    let ReportArgs { year, format, out } = args;
    let year = year.unwrap_or_else(jst_core::default_status_year);
    let format = match format {
        Some(ReportFormatArg::Pdf) => ReportFormat::Pdf,
        Some(ReportFormatArg::Docx) => ReportFormat::Docx,
        Some(ReportFormatArg::Xlsx) => ReportFormat::Xlsx,
        None => kind.formats()[0],
    };
    if !kind.formats().contains(&format) {
        let allowed: Vec<&str> = kind.formats().iter().map(|f| f.extension()).collect();
        eprintln!(
            "{}\n{}",
            t!("cli-report-usage-error"),
            t!(
                "cli-report-format-mismatch",
                format = format.extension(),
                allowed = allowed.join(", ")
            )
        );
        return Ok(EXIT_USAGE);
    }
    let out = out.unwrap_or_else(|| {
        let stem = match kind {
            ReportKind::Monitoring => "raport-monitoringu",
            ReportKind::Chapter => "rozdzial-realizacja-strategii",
            ReportKind::Xlsx => "stan-strategii",
        };
        PathBuf::from(format!("{stem}-{year}.{}", format.extension()))
    });
    match monitor.write_report(kind, year, format, &out, &mut |_| true) {
        Ok(view) => {
            let sample =
                if view.sample { format!("; {}", t!("cli-sample-data")) } else { String::new() };
            eprintln!(
                "{}",
                t!(
                    "cli-report-written",
                    path = &view.path,
                    indicators = view.indicators,
                    bytes = view.bytes,
                    sample = sample
                )
            );
            Ok(0)
        }
        Err(err) if err.kind() == ErrorKind::MissingData => {
            eprintln!("{}", t!("cli-error", message = err.to_string()));
            Ok(EXIT_INVALID_INPUT)
        }
        Err(err) => Err(err),
    }
}

/// `jst backup [--to DIR]` and `jst backup list`.
fn backup(monitor: &Monitor, args: BackupArgs) -> Result<u8, Error> {
    match args.what {
        Some(BackupCommand::List { format }) => {
            let view = monitor.backups()?;
            match format {
                Format::Json => println!("{}", to_json(&view.backups)?),
                Format::Table => print!("{}", render::backups(&view)),
            }
        }
        None => {
            let copy = monitor.backup_now(args.to.as_deref())?;
            print!("{}", render::backup_written(&copy));
        }
    }
    Ok(0)
}

/// `jst restore FILE [--yes]`: without `--yes` the check alone, nothing changed.
fn restore(monitor: &mut Monitor, file: &std::path::Path, yes: bool) -> Result<u8, Error> {
    if !yes {
        let copy = monitor.check_backup(file)?;
        print!("{}", render::restore_preview(&copy, file));
        return Ok(0);
    }
    let done = monitor.restore_backup(file)?;
    print!("{}", render::restored(&done));
    Ok(0)
}

/// `jst export`: the file is named for the unit unless `--out` says otherwise; what was written
/// goes to stderr, like every file the CLI writes.
fn export(monitor: &Monitor, what: ExportCommand) -> Result<u8, Error> {
    let (kind, args) = match what {
        ExportCommand::Values(a) => (ExportKind::Values, a),
        ExportCommand::Budget(a) => (ExportKind::Budget, a),
        ExportCommand::Strategy(a) => (ExportKind::Strategy, a),
    };
    let format = match args.format {
        ExportFormatArg::Csv => ExportFormat::Csv,
        ExportFormatArg::Xlsx => ExportFormat::Xlsx,
    };
    let out = match args.out {
        Some(out) => out,
        None => PathBuf::from(monitor.export_file_name(kind, format)?),
    };
    let view = monitor.export_own_data(kind, format, &out)?;
    eprint!("{}", render::export_written(&view));
    Ok(0)
}

fn data_dir(cli: &Cli) -> Result<PathBuf, Error> {
    cli.data_dir.clone().or_else(default_data_dir).ok_or_else(|| {
        Error::fault("nie ustalono folderu danych; podaj --data-dir albo JST_DATA_DIR")
    })
}

fn run(cli: Cli) -> Result<u8, Error> {
    // `jst backup` and `jst restore` make their own copies: no daily one besides.
    let own_copy = matches!(
        cli.command,
        Command::Backup(BackupArgs { what: None, .. }) | Command::Restore { .. }
    );
    let mut monitor =
        Monitor::open_with(&data_dir(&cli)?, OpenOptions { daily_backup: !own_copy })?;
    if let Some(why) = monitor.daily_backup_failure() {
        eprintln!("{}", t!("cli-daily-backup-failed", reason = why.to_string()));
    }
    match cli.command {
        Command::Init(init) => {
            let status = match init.unit {
                Some(teryt) => monitor.choose_unit(&teryt)?,
                None => monitor.open_demo()?,
            };
            print!("{}", render::status_table(&status));
        }
        Command::Import { what: ImportCommand::Sio { file } } => {
            let report = monitor.import_sio(&file)?;
            print!("{}", render::sio_import(&report));
        }
        Command::Import { what: ImportCommand::Register { file, strict, allow_shrink } } => {
            let options = RegisterImportOptions { strict, allow_shrink };
            let report = monitor.import_register(&file, options)?;
            for warning in &report.warnings {
                eprintln!("{}", t!("cli-warning", message = warning.to_string()));
            }
            print!("{}", render::register_import(&report));
        }
        Command::Import { what: ImportCommand::Strategy { file, name, period, new, strict } } => {
            let options = jst_core::StrategyImportOptions { name, period, new, strict };
            let report = monitor.import_strategy(&file, &options)?;
            eprint!("{}", render::findings(&report.findings));
            print!("{}", render::strategy_import(&report));
        }
        Command::Import { what: ImportCommand::Catalogue { file, strict } } => {
            let report = monitor.import_catalogue(&file, strict)?;
            eprint!("{}", render::findings(&report.findings));
            println!(
                "{}",
                t!("cli-catalogue-imported", file = &report.file, indicators = report.indicators)
            );
        }
        Command::Import { what: ImportCommand::Budget { file } } => {
            let report = monitor.import_budget(&file)?;
            print!("{}", render::budget_import(&report));
        }
        Command::Import { what: ImportCommand::Peers { file, strict } } => {
            let report = monitor.import_peers(&file, strict)?;
            eprint!("{}", render::findings(&report.findings));
            println!(
                "{}",
                t!(
                    "cli-peers-imported",
                    file = &report.file,
                    values = report.values,
                    skipped = report.skipped
                )
            );
        }
        Command::Import { what: ImportCommand::Values { file, strict } } => {
            let report = monitor.import_values(&file, strict)?;
            eprint!("{}", render::findings(&report.findings));
            println!("{}", t!("cli-values-imported", values = report.values, file = &report.file));
        }
        Command::Strategy { what: StrategyCommand::List { format } } => {
            let list = monitor.strategies()?;
            match format {
                Format::Json => println!("{}", to_json(&list)?),
                Format::Table => print!("{}", render::strategy_list(&list)),
            }
        }
        Command::Strategy { what: StrategyCommand::Activate { id } } => {
            let list = monitor.activate_strategy(id)?;
            print!("{}", render::strategy_list(&list));
        }
        Command::Strategy { what: StrategyCommand::Export { file } } => {
            let nodes = monitor.export_strategy(&file)?;
            println!(
                "{}",
                t!("cli-strategy-exported", nodes = nodes, file = file.display().to_string())
            );
        }
        Command::Strategy { what: StrategyCommand::Status { year, format } } => {
            let status =
                monitor.strategy_status(year.unwrap_or_else(jst_core::default_status_year))?;
            match format {
                Format::Json => println!("{}", to_json(&status)?),
                Format::Table => print!("{}", render::strategy_status(&status)),
            }
        }
        Command::Units { what: UnitsCommand::Search { query, format, limit } } => {
            let units = monitor.search_units(&query, limit)?;
            match format {
                Format::Json => println!("{}", to_json(&units)?),
                Format::Table => print!("{}", render::units_table(&units)),
            }
        }
        Command::Benchmark { indicator, year, group, format } => {
            let view = monitor.benchmark(&indicator, year, &group)?;
            match format {
                Format::Json => println!("{}", to_json(&view)?),
                Format::Table => print!("{}", render::benchmark(&view)),
            }
        }
        Command::Costs { year, group, real, format, out } => match format {
            CostsFormat::Xlsx => {
                let view = monitor.costs(year, &group, real)?;
                let path = out.unwrap_or_else(|| {
                    PathBuf::from(format!("koszty-{}-{}.xlsx", view.teryt, view.year))
                });
                let view = monitor.export_costs_xlsx(Some(view.year), &group, real, &path)?;
                let rows: usize = view.services.iter().map(|s| s.rows.len()).sum();
                eprintln!(
                    "{}",
                    t!(
                        "cli-costs-written",
                        file = path.display().to_string(),
                        sheets = view.services.len(),
                        rows = rows
                    )
                );
            }
            CostsFormat::Json => {
                let view = monitor.costs(year, &group, real)?;
                let rows: Vec<&jst_core::CostRowView> =
                    view.services.iter().flat_map(|s| &s.rows).collect();
                let json = to_json(&rows)?;
                match out {
                    Some(path) => {
                        std::fs::write(&path, json + "\n").map_err(|source| Error::Io {
                            context: t!("cli-write-failed", file = path.display().to_string()),
                            source,
                        })?
                    }
                    None => println!("{json}"),
                }
            }
            CostsFormat::Table => print!("{}", render::costs(&monitor.costs(year, &group, real)?)),
        },
        Command::Gwd { what } => return gwd(&mut monitor, what),
        Command::Practices { what } => return practices(&mut monitor, what),
        Command::Groups { what } => match what {
            GroupsCommand::List { format } => {
                let groups = monitor.peer_groups()?;
                match format {
                    Format::Json => println!("{}", to_json(&groups)?),
                    Format::Table => print!("{}", render::groups(&groups)),
                }
            }
            GroupsCommand::Save { name, units } => {
                let group = monitor.save_peer_group(&name, &units)?;
                println!(
                    "{}",
                    t!(
                        "cli-group-saved",
                        name = &group.name,
                        units = group.members.len(),
                        group = &group.group
                    )
                );
            }
            GroupsCommand::Delete { name } => {
                monitor.delete_peer_group(&name)?;
                println!("{}", t!("cli-group-deleted", name = name.trim()));
            }
        },
        Command::Peers { what: PeersCommand::Nearest { k, year, variables, weights, format } } => {
            let list = monitor.nearest_peers(k, year, variables, weights)?;
            match format {
                Format::Json => println!("{}", to_json(&list)?),
                Format::Table => print!("{}", render::nearest(&list)),
            }
        }
        Command::Sync { server, from, deadline, format } => {
            let source = match (server, from) {
                (Some(url), _) => jst_core::SyncSource::Server(url),
                (None, Some(dir)) => jst_core::SyncSource::Folder(dir),
                // The address saved by an earlier sync, `jst submit` or the window.
                (None, None) => monitor.configured_source().map_err(|e| {
                    if e.kind() == ErrorKind::MissingData {
                        Error::MissingReference(t!("cli-no-server-address"))
                    } else {
                        e
                    }
                })?,
            };
            let view = monitor.sync_within(&source, deadline, &mut |_, _| true)?;
            match format {
                Format::Json => println!("{}", to_json(&view)?),
                Format::Table => print!("{}", render::sync(&view)),
            }
            match view.outcome {
                SyncOutcome::Rejected => {
                    eprintln!(
                        "{}: {}",
                        view.code.map_or("rejected", |c| c.as_str()),
                        view.message.as_deref().unwrap_or_default()
                    );
                    return Ok(EXIT_REJECTED);
                }
                SyncOutcome::Offline => {
                    eprintln!("offline: {}", view.message.as_deref().unwrap_or_default());
                    return Ok(EXIT_OFFLINE);
                }
                SyncOutcome::Applied | SyncOutcome::UpToDate => {}
            }
        }
        Command::Submit { server, format } => {
            let view = monitor.submit(server.as_deref())?;
            match format {
                Format::Json => println!("{}", to_json(&view)?),
                Format::Table => print!("{}", render::submit(&view)),
            }
            match view.outcome {
                SubmitOutcome::Offline => {
                    eprintln!("offline: {}", view.message.as_deref().unwrap_or_default());
                    return Ok(EXIT_OFFLINE);
                }
                SubmitOutcome::Refused => {
                    eprintln!(
                        "{}: {}",
                        view.code.as_deref().unwrap_or("refused"),
                        view.message.as_deref().unwrap_or_default()
                    );
                    return Ok(EXIT_REJECTED);
                }
                SubmitOutcome::Sent | SubmitOutcome::NothingToSend => {}
            }
        }
        Command::Token { what: TokenCommand::Set } => {
            let mut token = String::new();
            std::io::stdin()
                .read_line(&mut token)
                .map_err(|source| Error::Io { context: t!("cli-token-unreadable"), source })?;
            let place = monitor.set_unit_token(&token)?;
            let detail = place.detail.unwrap_or_default();
            if place.place == TokenPlace::Keyring {
                println!("{}", t!("cli-token-in-keyring", detail = &detail));
            } else {
                println!("{}", t!("cli-token-in-file", detail = &detail));
            }
        }
        Command::Contribute { what } => {
            let list = match what {
                ContributeCommand::Add { codes } => monitor.set_contributed(&codes, true)?,
                ContributeCommand::Remove { codes } => monitor.set_contributed(&codes, false)?,
                ContributeCommand::List => monitor.contributed_indicators()?,
                ContributeCommand::Accept { indicator, year } => {
                    let value = monitor.accept_server_value(&indicator, year)?;
                    println!(
                        "{}",
                        t!(
                            "cli-conflict-accepted",
                            indicator = &indicator,
                            year = year.to_string(),
                            value = jst_domain::format_decimal(value, 2)
                        )
                    );
                    return Ok(0);
                }
                ContributeCommand::Keep { indicator, year } => {
                    monitor.keep_own_value(&indicator, year)?;
                    println!(
                        "{}",
                        t!("cli-conflict-kept", indicator = &indicator, year = year.to_string())
                    );
                    return Ok(0);
                }
            };
            if list.is_empty() {
                println!("{}", t!("cli-contributes-nothing"));
            } else {
                println!("{}", t!("cli-contributed", codes = list.join(", ")));
            }
        }
        Command::Trust { what: TrustCommand::Add { file, yes } } => {
            if !yes {
                // Only the size: nothing is read before the user confirms.
                let size = std::fs::metadata(&file).map_err(|source| Error::Io {
                    context: t!("cli-key-unreadable", file = file.display().to_string()),
                    source,
                })?;
                return Err(Error::InvalidValue(t!(
                    "cli-key-not-added",
                    file = file.display().to_string(),
                    bytes = size.len()
                )));
            }
            let key = monitor.trust_key(&file)?;
            if key.added {
                println!("{}", t!("cli-key-added", key = &key.key_id));
            } else {
                println!("{}", t!("cli-key-already-trusted", key = &key.key_id));
            }
        }
        Command::Trust { what: TrustCommand::List { format } } => {
            let keys = monitor.trusted_keys()?;
            match format {
                Format::Json => println!("{}", to_json(&keys)?),
                Format::Table => print!("{}", render::trusted_keys(&keys)),
            }
        }
        Command::Trust { what: TrustCommand::Remove { key_id, yes } } => {
            if !yes {
                let id = key_id.trim().to_ascii_lowercase();
                match monitor.trusted_keys()?.iter().find(|k| k.key_id == id) {
                    None => return Err(Error::UnknownKey(id)),
                    Some(k) if k.origin == KeyOrigin::Pinned => return Err(Error::PinnedKey(id)),
                    Some(_) => {}
                }
                return Err(Error::InvalidValue(t!("cli-key-not-removed", key = &key_id)));
            }
            monitor.remove_trusted_key(&key_id)?;
            let key = key_id.trim().to_ascii_lowercase();
            println!("{}", t!("cli-key-removed", key = key));
        }
        Command::Audit(args) => {
            let filter = AuditFilter {
                since: args.since,
                until: args.until,
                user: args.user,
                kind: args.kind,
                limit: Some(args.limit),
                offset: Some(args.offset),
            };
            let log = monitor.audit_log(&filter)?;
            match args.format {
                Format::Json => println!("{}", to_json(&log.entries)?),
                Format::Table => print!("{}", render::audit_log(&log)),
            }
        }
        Command::Settings {
            what:
                SettingsCommand::Thresholds {
                    on_track,
                    acceleration,
                    maintain_tolerance,
                    reset,
                    format,
                },
        } => {
            let view = if reset {
                monitor.reset_thresholds()?
            } else if on_track.is_some() || acceleration.is_some() || maintain_tolerance.is_some() {
                let current = monitor.thresholds()?.current;
                monitor.set_thresholds(&ThresholdValues {
                    on_track: on_track.unwrap_or(current.on_track),
                    acceleration_needed: acceleration.unwrap_or(current.acceleration_needed),
                    maintain_tolerance: maintain_tolerance.unwrap_or(current.maintain_tolerance),
                })?
            } else {
                monitor.thresholds()?
            };
            match format {
                Format::Json => println!("{}", to_json(&view)?),
                Format::Table => print!("{}", render::thresholds(&view)),
            }
        }
        Command::Budget { what: BudgetCommand::Show { year, report, by, format } } => {
            let report = report.map(|r| match r {
                ReportArg::Rb28s => "Rb-28S",
                ReportArg::Rb27s => "Rb-27S",
            });
            let level = match by {
                LevelArg::Dzial => BudgetLevel::Dzial,
                LevelArg::Rozdzial => BudgetLevel::Rozdzial,
                LevelArg::Paragraf => BudgetLevel::Paragraf,
            };
            let lines = monitor.budget_lines(year, report, level)?;
            match format {
                Format::Json => println!("{}", to_json(&lines)?),
                Format::Table => print!("{}", render::budget_lines(year, &lines)),
            }
        }
        Command::Values { what: ValuesCommand::List { indicator, year, format } } => {
            let values = monitor.own_values(indicator.as_deref(), year)?;
            match format {
                Format::Json => println!("{}", to_json(&values)?),
                Format::Table => print!("{}", render::own_values(&values)),
            }
        }
        Command::Report { what } => return report(&mut monitor, what),
        Command::Backup(args) => return backup(&monitor, args),
        Command::Restore { file, yes } => return restore(&mut monitor, &file, yes),
        Command::Export { what } => return export(&monitor, what),
        Command::Status { format } => {
            let status = monitor.status()?;
            match format {
                Format::Json => println!("{}", to_json(&status)?),
                Format::Table => print!("{}", render::status_table(&status)),
            }
        }
    }
    Ok(0)
}

/// `jst practices …`: the good-practice base, its attachments and the unit's proposals.
fn practices(monitor: &mut Monitor, what: PracticesCommand) -> Result<u8, Error> {
    match what {
        PracticesCommand::Search { text, area, kind, size, woj, format } => {
            let filter = jst_core::PracticeFilter {
                text,
                area: area.map(Into::into),
                unit_kind: kind.map(Into::into),
                size_class: size,
                woj,
            };
            let found = monitor.search_practices(&filter)?;
            match format {
                Format::Json => println!("{}", to_json(&found)?),
                Format::Table => print!("{}", render::practices(&found)),
            }
        }
        PracticesCommand::Show { id, format } => {
            let page = monitor.practice(id)?;
            match format {
                Format::Json => println!("{}", to_json(&page)?),
                Format::Table => print!("{}", render::practice_page(&page)),
            }
        }
        PracticesCommand::Suggest { indicator, format } => {
            let suggestions = monitor.suggest_practices(indicator.as_deref())?;
            match format {
                Format::Json => println!("{}", to_json(&render::suggestions_json(&suggestions))?),
                Format::Table => print!("{}", render::practice_suggestions(&suggestions)),
            }
        }
        PracticesCommand::Propose { file, server, format } => {
            let input = jst_core::PracticeProposalInput::read(&file)?;
            let view = monitor.propose_practice(&input, server.as_deref())?;
            return proposal_outcome(&view, format);
        }
        PracticesCommand::Send { id, server, format } => {
            let view = monitor.send_practice_proposal_to(id, server.as_deref())?;
            return proposal_outcome(&view, format);
        }
        PracticesCommand::Proposals { format } => {
            let list = monitor.practice_proposals()?;
            match format {
                Format::Json => println!("{}", to_json(&list)?),
                Format::Table => print!("{}", render::practice_proposals(&list)),
            }
        }
        PracticesCommand::Attachment { id, sha256, out, format } => {
            let view = monitor.save_practice_attachment(id, &sha256, &out)?;
            match format {
                Format::Json => println!("{}", to_json(&view)?),
                Format::Table => println!("{}", render::attachment_saved(&view)),
            }
        }
    }
    Ok(0)
}

/// A proposal after a send: `{"local_id","server_id","status"}` or a line; a send that failed
/// exits 5 offline, 4 refused, 1 not configured, with why on stderr.
fn proposal_outcome(view: &jst_core::PracticeProposalView, format: Format) -> Result<u8, Error> {
    use jst_core::{ProposalFailure, ProposalStatus};
    match format {
        Format::Json => println!(
            "{}",
            to_json(&serde_json::json!({
                "local_id": view.local_id,
                "server_id": view.server_id,
                "status": view.status,
            }))?
        ),
        Format::Table => println!("{}", render::proposal_outcome(view)),
    }
    if view.status == ProposalStatus::Sent {
        return Ok(0);
    }
    eprintln!("{}", render::proposal_failure(view));
    Ok(match view.failure_code {
        Some(ProposalFailure::Offline) => EXIT_OFFLINE,
        Some(
            ProposalFailure::Unauthorized | ProposalFailure::WrongUnit | ProposalFailure::Refused,
        ) => EXIT_REJECTED,
        Some(ProposalFailure::NotConfigured) | None => EXIT_ERROR,
    })
}

/// `jst gwd …`: experience-exchange groups.
fn gwd(monitor: &mut Monitor, what: GwdCommand) -> Result<u8, Error> {
    let print = |format: Format, json: String, table: String| match format {
        Format::Json => println!("{json}"),
        Format::Table => print!("{table}"),
    };
    match what {
        GwdCommand::List { format } => {
            let groups = monitor.gwd_groups()?;
            print(format, to_json(&groups)?, render::gwd_groups(&groups));
        }
        GwdCommand::Refresh { format } => {
            let view = monitor.refresh_gwd()?;
            print(format, to_json(&view)?, render::gwd_refresh(&view));
            return Ok(match view.outcome {
                jst_core::GwdRefreshOutcome::Offline => EXIT_OFFLINE,
                jst_core::GwdRefreshOutcome::Unauthorized
                | jst_core::GwdRefreshOutcome::Refused => EXIT_REJECTED,
                _ => 0,
            });
        }
        GwdCommand::Shares { format } => {
            let shares = monitor.gwd_shares()?;
            print(format, to_json(&shares)?, render::gwd_shares(&shares));
        }
        GwdCommand::Notes { id, add, year, format } => {
            let notes = match add {
                Some(text) => monitor.add_gwd_note(&id, year, &text)?,
                None => monitor.gwd_notes(&id)?,
            };
            print(format, to_json(&notes)?, render::gwd_notes(&notes));
        }
        GwdCommand::Sheet { id, year, format, out } => {
            let file_format = match format {
                GwdSheetFormatArg::Json => {
                    let view = monitor.gwd_sheet(&id, year)?;
                    let json = to_json(&view)?;
                    match out {
                        Some(path) => std::fs::write(&path, json + "\n").map_err(|source| {
                            Error::Io { context: path.display().to_string(), source }
                        })?,
                        None => println!("{json}"),
                    }
                    return Ok(0);
                }
                GwdSheetFormatArg::Xlsx => jst_core::GwdSheetFormat::Xlsx,
                GwdSheetFormatArg::Pdf => jst_core::GwdSheetFormat::Pdf,
            };
            let extension = if format == GwdSheetFormatArg::Pdf { "pdf" } else { "xlsx" };
            let path = out.unwrap_or_else(|| PathBuf::from(format!("gwd-{id}-{year}.{extension}")));
            let view = monitor.export_gwd_sheet(&id, year, file_format, &path)?;
            eprintln!(
                "{}",
                t!(
                    "cli-gwd-sheet-written",
                    file = path.display().to_string(),
                    members = view.members,
                    indicators = view.indicators.len()
                )
            );
        }
    }
    Ok(0)
}

fn to_json(value: &impl serde::Serialize) -> Result<String, Error> {
    serde_json::to_string_pretty(value).map_err(|e| Error::internal(String::new(), e))
}
