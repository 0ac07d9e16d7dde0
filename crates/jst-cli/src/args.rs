use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Monitor JST — monitorowanie strategii rozwoju i porównania jednostek samorządu terytorialnego.
#[derive(Debug, Parser)]
#[command(name = "jst", version, about, long_about = None, disable_help_subcommand = true)]
pub struct Cli {
    /// Folder danych (domyślnie folder danych aplikacji, ~/.local/share/pl.monitorjst.app).
    #[arg(long, global = true, env = "JST_DATA_DIR", value_name = "FOLDER")]
    pub data_dir: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Wybiera własną jednostkę (--unit TERYT) albo otwiera demo (--demo).
    Init(InitArgs),
    /// Wczytuje plik.
    Import {
        #[command(subcommand)]
        what: ImportCommand,
    },
    /// Rejestr jednostek TERYT.
    Units {
        #[command(subcommand)]
        what: UnitsCommand,
    },
    /// Pokazuje wybraną jednostkę i stan folderu danych.
    Status {
        /// Format wyniku.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
pub struct InitArgs {
    /// Kod TERYT własnej jednostki (np. 1219053, 1261 lub 12).
    #[arg(long, value_name = "TERYT")]
    pub unit: Option<String>,
    /// Otwiera demo: gmina Wieliczka z danymi przykładowymi.
    #[arg(long)]
    pub demo: bool,
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Rejestr TERC (CSV lub XML) jako pełny stan rejestru.
    Register {
        /// Plik TERC.
        file: PathBuf,
        /// Traktuje ostrzeżenia jak błędy: nic nie zapisuje i kończy kodem 3.
        #[arg(long)]
        strict: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum UnitsCommand {
    /// Wyszukuje jednostki po nazwie (bez względu na wielkość liter i polskie znaki) lub kodzie.
    Search {
        /// Nazwa lub początek kodu TERYT.
        query: String,
        /// Format wyniku.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Najwięcej wyników.
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
}
