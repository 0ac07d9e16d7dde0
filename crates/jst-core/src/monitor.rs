//! [`Monitor`]: an opened data folder and the one API of every shell. Each method is a few lines
//! that hand the stores a use case needs (and the audit stamp) to a function of its domain
//! folder, in the spirit of rust-analyzer's `Analysis`; no folder sees `Monitor` itself.

use std::path::{Path, PathBuf};

use jst_store::{LocalStore, PeerStore};
use jst_text::t;

use crate::backups;
use crate::checked_imports;
use crate::comparison::{self, Comparison, UnitIndex, UnitIndexCache};
use crate::exchange::{self, UnitToken};
use crate::exports::{self, ExportFormat, ExportKind, ExportWrittenView};
use crate::imports;
use crate::reports;
use crate::strategy;
use crate::support::stamp;
use crate::units;
use crate::{shipped, Error, Result};
use crate::{BackupView, BackupsView, RestoredView};
use crate::{
    BenchmarkView, BoundaryView, BudgetImportView, BudgetLevel, BudgetLineView,
    CatalogueImportView, ComparableIndicatorView, ContributionsView, CostYearsView, CostsView,
    ImportCheckView, ImportKind, ImportProgress, IndicatorDetailView, IndicatorPositionView,
    NearestView, OfficialImportView, OwnValueRowView, PeerGroupView, PeersImportView, PlannedSync,
    RegisterImportOptions, RegisterImportView, ReportFormat, ReportHeaderInput, ReportHeaderView,
    ReportKind, ReportPreviewView, ReportProgress, ReportTextsView, ReportWrittenView,
    SentSubmissions, SioImportView, StatusView, StrategyImportOptions, StrategyImportView,
    StrategyListItemView, StrategyOverviewView, StrategyStatusView, SubmissionJob, SubmitView,
    SyncJob, SyncSource, SyncStatusView, SyncView, TokenPlaceView, TrustedKeyView, UnitView,
    ValueGridView, ValueInput, ValuesImportView, YearPositionView,
};
use crate::{
    EditProblemView, StrategyDefinitionView, StrategyEdit, StrategyEditView, UndoStateView,
};

/// An opened data folder: `local.db` (own data) and `peers.db` (peer and reference data).
pub struct Monitor {
    data_dir: PathBuf,
    local: LocalStore,
    peers: PeerStore,
    /// Units and population for comparisons, rebuilt when a store changes.
    index: UnitIndexCache,
    /// Why the daily copy of the own data could not be made on opening, if it could not.
    daily_backup_failure: Option<String>,
}

/// How [`Monitor::open_with`] opens the data folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenOptions {
    /// Make the daily copy of `local.db` when the last one is a day old (off for `jst backup`
    /// and `jst restore`, which make their own).
    pub daily_backup: bool,
}

impl Default for OpenOptions {
    fn default() -> Self {
        Self { daily_backup: true }
    }
}

/// Units: the register, the own unit, the demo.
impl Monitor {
    /// Opens the data folder, creating it and loading the shipped register and reference data
    /// on first run; makes the daily copy of the own data when it is due.
    pub fn open(data_dir: &Path) -> Result<Self> {
        Self::open_with(data_dir, OpenOptions::default())
    }

    /// [`Monitor::open`] with options. A daily copy that fails does not stop the opening: the
    /// reason is kept for [`Monitor::daily_backup_failure`].
    pub fn open_with(data_dir: &Path, options: OpenOptions) -> Result<Self> {
        std::fs::create_dir_all(data_dir).map_err(Error::io(t!(
            "core-cannot-create-data-folder",
            path = data_dir.display().to_string()
        )))?;
        let data_dir = &std::path::absolute(data_dir).map_err(Error::io(t!(
            "core-invalid-data-folder",
            path = data_dir.display().to_string()
        )))?;
        let stamp = stamp::now();
        let path = data_dir.join("local.db");
        // A database created by this opening has nothing to keep yet.
        let existed = path.exists();
        let mut local = LocalStore::open(&path, &stamp)?;
        let daily_backup_failure = match options.daily_backup && existed {
            true => backups::daily_backup(&local, data_dir, &stamp).err().map(|e| e.to_string()),
            false => None,
        };
        shipped::ensure_register(&mut local, &stamp)?;
        shipped::ensure_catalogue(&mut local, &stamp)?;
        let mut peers = PeerStore::open(&data_dir.join("peers.db"), &stamp)?;
        shipped::ensure_reference_data(&local, &mut peers, &stamp)?;
        Ok(Self {
            data_dir: data_dir.to_owned(),
            local,
            peers,
            index: UnitIndexCache::default(),
            daily_backup_failure,
        })
    }

    pub fn status(&self) -> Result<StatusView> {
        units::status(&self.local, &self.peers, &self.data_dir)
    }

    /// Units whose name contains every word of `query` (any case, with or without Polish
    /// letters), or whose code starts with `query` when it is made of digits.
    pub fn search_units(&self, query: &str, limit: usize) -> Result<Vec<UnitView>> {
        units::search_units(&self.local, query, limit)
    }

    /// Chooses the own unit by TERYT code (7-digit gmina, 6-digit gmina identity, 4-digit powiat,
    /// 2-digit województwo). Leaves the demo if it was open.
    pub fn choose_unit(&mut self, teryt: &str) -> Result<StatusView> {
        units::choose_unit(&mut self.local, &mut self.peers, &stamp::now(), teryt)?;
        self.status()
    }

    /// Opens the demo unit (Wieliczka) with its sample values.
    pub fn open_demo(&mut self) -> Result<StatusView> {
        units::open_demo(&mut self.local, &mut self.peers, &stamp::now())?;
        self.status()
    }

    /// Loads a full TERC snapshot (CSV or XML). Any error: nothing is written. With `strict`,
    /// warnings count as errors too (DESIGN §6); ending more than a few units needs
    /// `allow_shrink`.
    pub fn import_register(
        &mut self,
        path: &Path,
        options: RegisterImportOptions,
    ) -> Result<RegisterImportView> {
        units::import_register(&mut self.local, &stamp::now(), path, options)
    }
}

/// Strategy monitoring.
impl Monitor {
    /// Imports a strategy template (CSV or XLSX). Any error: nothing is written.
    pub fn import_strategy(
        &mut self,
        path: &Path,
        options: &StrategyImportOptions,
    ) -> Result<StrategyImportView> {
        strategy::import_strategy(&mut self.local, &stamp::now(), path, options)
    }

    /// Writes the active strategy back as a template (CSV, UTF-8, `;`), crash-safely.
    pub fn export_strategy(&self, path: &Path) -> Result<u32> {
        strategy::export_strategy(&self.local, path)
    }

    /// Imports own values (`wskaznik_kod;rok;wartosc[;status][;uwagi]`, CSV or XLSX). Any error:
    /// nothing is written.
    pub fn import_values(&mut self, path: &Path, strict: bool) -> Result<ValuesImportView> {
        strategy::import_values(&mut self.local, &stamp::now(), path, strict)
    }

    /// Progress, status and projection of every indicator of the active strategy in `year`,
    /// and the roll-up through its tree.
    pub fn strategy_status(&self, year: i32) -> Result<StrategyStatusView> {
        strategy::strategy_status(&self.local, year)
    }

    /// The status of the active strategy with the departments the screen filters by.
    pub fn strategy_overview(&self, year: i32) -> Result<StrategyOverviewView> {
        strategy::strategy_overview(&self.local, year)
    }

    /// Every strategy of the unit, the active one first.
    pub fn strategies(&self) -> Result<Vec<StrategyListItemView>> {
        strategy::strategies(&self.local)
    }

    /// Makes another strategy of the unit the active one.
    pub fn activate_strategy(&mut self, id: i64) -> Result<Vec<StrategyListItemView>> {
        strategy::activate_strategy(&mut self.local, &stamp::now(), id)?;
        self.strategies()
    }

    /// The indicator `code` of the active strategy as evaluated in `year`.
    pub fn indicator_detail(&self, code: &str, year: i32) -> Result<IndicatorDetailView> {
        strategy::indicator_detail(&self.local, code, year)
    }

    /// Adds a note to an indicator of the active strategy.
    pub fn add_indicator_note(
        &mut self,
        code: &str,
        year: Option<i32>,
        text: &str,
        evaluation_year: i32,
    ) -> Result<IndicatorDetailView> {
        strategy::add_indicator_note(&mut self.local, &stamp::now(), code, year, text)?;
        self.indicator_detail(code, evaluation_year)
    }

    /// Every own value with where it came from, of one indicator or year when asked.
    pub fn own_values(
        &self,
        indicator: Option<&str>,
        year: Option<i32>,
    ) -> Result<Vec<OwnValueRowView>> {
        strategy::own_values(&self.local, indicator, year)
    }

    /// Records a value typed in by hand (history keeps the old one). When the indicator would
    /// show limited progress or deterioration in that year, an explanation note is required.
    pub fn record_value(&mut self, input: &ValueInput, year: i32) -> Result<IndicatorDetailView> {
        strategy::record_value(&mut self.local, &stamp::now(), input)?;
        self.indicator_detail(&input.indicator, year)
    }

    /// The Dane screen's grid: the active strategy's indicators × years (from the earliest
    /// baseline to the last full year, or a newer value) with the own values.
    pub fn value_grid(&self) -> Result<ValueGridView> {
        strategy::value_grid(&self.local, stamp::default_status_year())
    }

    /// Deletes an own value; its history keeps what it was, who deleted it and when.
    pub fn delete_value(&mut self, code: &str, year: i32) -> Result<ValueGridView> {
        strategy::delete_value(&mut self.local, &stamp::now(), code, year)?;
        self.value_grid()
    }
}

/// The strategy editor: one change at a time to the active strategy's definition, each checked
/// as the template import checks, written in one audited transaction and undoable.
impl Monitor {
    /// The active strategy's definition (nodes, indicators with every field) and what
    /// "cofnij" would undo.
    pub fn strategy_definition(&self) -> Result<StrategyDefinitionView> {
        strategy::strategy_definition(&self.local)
    }

    /// The problems that would refuse `edit`, by field (none: it can be made). Writes nothing.
    pub fn check_strategy_edit(&self, edit: &StrategyEdit) -> Result<Vec<EditProblemView>> {
        strategy::check_strategy_edit(&self.local, edit)
    }

    /// Makes one edit of the active strategy; a refused edit (`invalid_input`, the fields
    /// named) writes nothing.
    pub fn edit_strategy(&mut self, edit: &StrategyEdit) -> Result<StrategyEditView> {
        strategy::edit_strategy(&mut self.local, &stamp::now(), edit)
    }

    /// Undoes the last edit of the active strategy (`conflict` when there is none).
    pub fn undo_strategy_edit(&mut self) -> Result<StrategyEditView> {
        strategy::undo_strategy_edit(&mut self.local, &stamp::now())
    }

    /// What "cofnij" would undo (label, when, by whom), or nothing.
    pub fn strategy_undo_state(&self) -> Result<Option<UndoStateView>> {
        strategy::strategy_undo_state(&self.local)
    }
}

/// Imports: the window's check-then-import (templates, own values, catalogue, public values,
/// register), catalogue, public values, budget.
impl Monitor {
    /// The validation report of a file for the window, with progress; `progress` returning
    /// false cancels. Writes nothing.
    pub fn check_import(
        &self,
        kind: ImportKind,
        path: &Path,
        progress: &mut dyn FnMut(ImportProgress) -> bool,
    ) -> Result<ImportCheckView> {
        checked_imports::check_import(&self.local, kind, path, progress)
    }

    /// Imports a checked file the user confirmed (warnings accepted), with progress; a register
    /// that would end more units than a real year ends needs `allow_shrink`.
    pub fn run_import(
        &mut self,
        kind: ImportKind,
        path: &Path,
        allow_shrink: bool,
        progress: &mut dyn FnMut(ImportProgress) -> bool,
    ) -> Result<ImportCheckView> {
        let (local, peers) = (&mut self.local, &mut self.peers);
        checked_imports::run_import(local, peers, &stamp::now(), kind, path, allow_shrink, progress)
    }

    /// Adds or updates catalogue entries by code (DESIGN §6). Any error writes nothing.
    pub fn import_catalogue(&mut self, path: &Path, strict: bool) -> Result<CatalogueImportView> {
        imports::import_catalogue(&mut self.local, &stamp::now(), path, strict)
    }

    /// Loads public values per unit as one peer-store dataset. Any error: nothing written.
    pub fn import_peers(&mut self, path: &Path, strict: bool) -> Result<PeersImportView> {
        imports::import_peers(&self.local, &mut self.peers, &stamp::now(), path, strict)
    }

    /// Imports budget lines; each (year, report) in the file replaces what was stored for it.
    pub fn import_budget(&mut self, path: &Path) -> Result<BudgetImportView> {
        let own = self.local.own_unit()?.map(|o| o.unit);
        imports::import_budget(&mut self.local, &stamp::now(), own.as_ref(), path)
    }

    /// The SIO list of the unit's schools: the own value of `UCZ_SP` (pupils of the primary
    /// schools it runs) for the year of the state date; a list of another unit is refused.
    pub fn import_sio(&mut self, path: &Path) -> Result<SioImportView> {
        let own = self.local.own_unit()?.map(|o| o.unit);
        imports::import_sio(&mut self.local, &stamp::now(), own.as_ref(), path)
    }

    /// The report on a budget report or SIO list the window brings (recognised by content),
    /// with progress; `progress` returning false cancels. Writes nothing.
    pub fn check_official_import(
        &self,
        path: &Path,
        progress: &mut dyn FnMut(ImportProgress) -> bool,
    ) -> Result<OfficialImportView> {
        let own = self.local.own_unit()?.map(|o| o.unit);
        imports::check_official_import(own.as_ref(), path, progress)
    }

    /// Imports a budget report or SIO list the user checked and confirmed.
    pub fn run_official_import(
        &mut self,
        path: &Path,
        progress: &mut dyn FnMut(ImportProgress) -> bool,
    ) -> Result<OfficialImportView> {
        let own = self.local.own_unit()?.map(|o| o.unit);
        imports::run_official_import(&mut self.local, &stamp::now(), own.as_ref(), path, progress)
    }

    /// The own budget lines of `year`, of one report (`Rb-28S` / `Rb-27S`) or both, summed at
    /// `level`, each report and period apart.
    pub fn budget_lines(
        &self,
        year: i32,
        report: Option<&str>,
        level: BudgetLevel,
    ) -> Result<Vec<BudgetLineView>> {
        imports::budget_lines(&self.local, year, report, level)
    }

    /// The own unit's budget series: (`WYD_<rozdział>` or `DOCH_<dział>`, year, execution).
    pub fn own_budget_series(&self) -> Result<Vec<(String, i32, f64)>> {
        Ok(self.local.budget_series()?)
    }
}

/// Comparisons with other units.
impl Monitor {
    /// Both stores and the unit index as they are now, for one comparison.
    fn comparison(&self) -> Result<Comparison<'_>> {
        let units = UnitIndex::current(&self.local, &self.peers, &self.index)?;
        Ok(Comparison::new(&self.local, &self.peers, units))
    }

    /// The own unit against its group for one indicator and year.
    pub fn benchmark(&self, code: &str, year: i32, group: &str) -> Result<BenchmarkView> {
        comparison::benchmark(&self.comparison()?, code, year, group)
    }

    /// The benchmark for every year with peer data, oldest first, the group re-formed each year.
    pub fn position_over_years(&self, code: &str, group: &str) -> Result<Vec<YearPositionView>> {
        comparison::position_over_years(&self.comparison()?, code, group)
    }

    /// Every catalogue indicator with data for `year`, in catalogue order, against `group`.
    pub fn peer_overview(&self, year: i32, group: &str) -> Result<Vec<IndicatorPositionView>> {
        comparison::peer_overview(&self.comparison()?, year, group)
    }

    /// The `k` nearest units of the own unit's family (DESIGN §5.6), with the reasons.
    pub fn nearest_peers(
        &self,
        k: usize,
        year: Option<i32>,
        variables: Option<Vec<String>>,
        weights: Option<Vec<f64>>,
    ) -> Result<Vec<NearestView>> {
        comparison::nearest_peers(&self.comparison()?, k, year, variables, weights)
    }

    /// Unit costs of `year` in `group`, in current prices or in those of `real_base`.
    pub fn costs(
        &self,
        year: Option<i32>,
        group: &str,
        real_base: Option<i32>,
    ) -> Result<CostsView> {
        comparison::costs(&self.comparison()?, year, group, real_base)
    }

    /// The same comparison as [`Monitor::costs`], written to `path` as an XLSX workbook; the
    /// file is replaced whole or left as it was.
    pub fn export_costs_xlsx(
        &self,
        year: Option<i32>,
        group: &str,
        real_base: Option<i32>,
        path: &Path,
    ) -> Result<CostsView> {
        comparison::export_costs_xlsx(&self.comparison()?, year, group, real_base, path)
    }

    /// Catalogue indicators (not local or sample ones), by area then name.
    pub fn comparable_indicators(&self) -> Result<Vec<ComparableIndicatorView>> {
        comparison::comparable_indicators(&self.local)
    }

    /// Years in which the indicator (or a component of its formula) has peer data, newest
    /// first: what Porównania offers.
    pub fn indicator_years(&self, code: &str) -> Result<Vec<i32>> {
        comparison::indicator_years(&self.local, &self.peers, code)
    }

    /// Years the Koszty screen offers and the price bases of real terms.
    pub fn cost_years(&self) -> Result<CostYearsView> {
        comparison::cost_years(&self.local, &self.peers)
    }

    /// Boundaries of the given units for the map; units without one are left out.
    pub fn boundaries(&self, teryts: &[String]) -> Result<Vec<BoundaryView>> {
        comparison::boundaries(teryts)
    }

    /// Saves (or replaces) a group of units under `name` (`custom:NAME`).
    pub fn save_peer_group(&mut self, name: &str, teryts: &[String]) -> Result<PeerGroupView> {
        comparison::save_peer_group(&mut self.local, &stamp::now(), name, teryts)
    }

    pub fn delete_peer_group(&mut self, name: &str) -> Result<()> {
        comparison::delete_peer_group(&mut self.local, &stamp::now(), name)
    }

    /// Saved groups by name, members with their current names.
    pub fn peer_groups(&self) -> Result<Vec<PeerGroupView>> {
        comparison::peer_groups(&self.local)
    }
}

/// Exchange with the association: sync in, submissions out.
impl Monitor {
    /// Trusts a release public key from a file (`monitor-jst-ed25519-public:…`), audited.
    pub fn trust_key(&mut self, path: &Path) -> Result<TrustedKeyView> {
        exchange::trust_key(&mut self.local, &stamp::now(), path)
    }

    /// One sync. Rejections and being offline are outcomes (logged), not errors.
    /// `progress(done, total)` hears chunks and returns `false` to cancel (nothing applied).
    pub fn sync(
        &mut self,
        source: &SyncSource,
        progress: &mut dyn FnMut(u32, u32) -> bool,
    ) -> Result<SyncView> {
        self.sync_within(source, jst_sync::DEFAULT_SYNC_DEADLINE, progress)
    }

    /// [`Monitor::sync`] whose requests to a server end by `deadline` (`jst sync --deadline`):
    /// past it the outcome is `offline`, nothing applied, the chunks downloaded kept.
    pub fn sync_within(
        &mut self,
        source: &SyncSource,
        deadline: std::time::Duration,
        progress: &mut dyn FnMut(u32, u32) -> bool,
    ) -> Result<SyncView> {
        let job = self.sync_job(source)?.with_deadline(deadline);
        let planned = job.plan(progress);
        let mut view = self.apply_sync(&job, planned)?;
        // The groups come from the same server with the unit token; an offline sync skips them.
        // The release is applied by now: a failure with the groups is said, not made the
        // sync's failure.
        if matches!(source, SyncSource::Server(_)) && view.outcome != crate::SyncOutcome::Offline {
            if let Err(e) = self.refresh_gwd() {
                let note = jst_text::t!("core-sync-gwd-failed", reason = e.to_string());
                view.message = Some(match view.message.take() {
                    Some(message) => format!("{message} {note}"),
                    None => note,
                });
            }
        }
        Ok(view)
    }

    /// What a sync needs from the stores, read under the monitor; the download that follows
    /// ([`SyncJob::plan`]) runs without it, so the window stays responsive.
    pub fn sync_job(&mut self, source: &SyncSource) -> Result<SyncJob> {
        exchange::sync_job(&mut self.local, &stamp::now(), &self.data_dir, source)
    }

    /// Applies a planned release (or logs why there is none) in one transaction per store.
    pub fn apply_sync(&mut self, job: &SyncJob, planned: PlannedSync) -> Result<SyncView> {
        exchange::apply_sync(&mut self.local, &mut self.peers, &stamp::now(), job, planned)
    }

    /// The state of sync for the Synchronizacja screen and the age of peer data.
    pub fn sync_status(&self) -> Result<SyncStatusView> {
        exchange::sync_status(&self.local, &self.peers)
    }

    /// Whether the background sync is due now: counted from the last attempt, not the app's start.
    pub fn sync_due(&self) -> Result<bool> {
        exchange::sync_due(&self.local, stamp::now_utc())
    }

    /// The configured server as a sync source, or a clear error when none is set.
    pub fn configured_source(&self) -> Result<SyncSource> {
        exchange::configured_source(&self.local)
    }

    /// Sets the server address and the background interval in minutes (0 = off).
    pub fn configure_sync(
        &mut self,
        server: Option<String>,
        interval_minutes: u32,
    ) -> Result<SyncStatusView> {
        exchange::configure_sync(&mut self.local, &stamp::now(), server, interval_minutes)?;
        self.sync_status()
    }

    /// Keeps the unit token given by the association: in the OS keyring where one answers,
    /// otherwise in a file only the user can read; says which.
    pub fn set_unit_token(&mut self, token: &str) -> Result<TokenPlaceView> {
        UnitToken::new(&self.data_dir).save(token)
    }

    /// Where the unit token is kept (never the token itself).
    pub fn unit_token_place(&self) -> TokenPlaceView {
        UnitToken::new(&self.data_dir).place()
    }

    /// Opts indicators in or out of contributing; they must be in the catalogue.
    pub fn set_contributed(&mut self, codes: &[String], on: bool) -> Result<Vec<String>> {
        exchange::set_contributed(&mut self.local, &stamp::now(), codes, on)?;
        self.contributed_indicators()
    }

    pub fn contributed_indicators(&self) -> Result<Vec<String>> {
        Ok(self.local.contributed_indicators()?)
    }

    /// Sends what is waiting: first the outbox (the same bytes, the same ids), then the opted-in
    /// values that changed since the server last accepted them.
    pub fn submit(&mut self, server: Option<&str>) -> Result<SubmitView> {
        let job = self.submission_job(server)?;
        let sent = job.send();
        self.apply_submissions(sent)
    }

    /// The outbox of a run, with the changed opted-in values queued, read under the monitor;
    /// sending it ([`SubmissionJob::send`]) runs without it.
    pub fn submission_job(&mut self, server: Option<&str>) -> Result<SubmissionJob> {
        exchange::submission_job(&mut self.local, &stamp::now(), &self.data_dir, server)
    }

    /// Records the server's answers to what was sent.
    pub fn apply_submissions(&mut self, sent: SentSubmissions) -> Result<SubmitView> {
        exchange::record_answers(&mut self.local, &stamp::now(), sent)
    }

    /// Opt-ins, token place, outbox count and the server's last answer per value.
    pub fn contributions(&self) -> Result<ContributionsView> {
        exchange::contributions(&self.local, &self.data_dir)
    }

    /// The officer keeps the own value of a conflict; the next submission sends it against the
    /// server's rev, so it replaces the server's value there (never ours here).
    pub fn keep_own_value(&mut self, indicator: &str, year: i32) -> Result<()> {
        exchange::keep_own_value(&mut self.local, &stamp::now(), indicator, year)
    }

    /// The officer accepts the server's value of a conflict as the own value (kept in the
    /// value's history); nothing is sent. Answers the value taken.
    pub fn accept_server_value(&mut self, indicator: &str, year: i32) -> Result<f64> {
        exchange::accept_server_value(&mut self.local, &stamp::now(), indicator, year)
    }
}

/// Experience-exchange groups (GWD): refreshed with the unit token (as part of a sync from a
/// server), compared by name (`gwd:ID`), what the unit shares with which group, the meeting
/// sheet and the meeting notes.
impl Monitor {
    /// What a refresh needs, read under the monitor; `None` without a server address or token.
    pub fn gwd_job(&self) -> Result<Option<crate::GwdJob>> {
        exchange::gwd_job(&self.local, &self.data_dir, &stamp::now())
    }

    /// Records what [`crate::GwdJob::fetch`] brought (offline keeps the last copy).
    pub fn apply_gwd(&mut self, fetched: crate::GwdFetched) -> Result<crate::GwdRefreshView> {
        exchange::record_gwd(&mut self.local, &stamp::now(), fetched)
    }

    /// Job, fetch and record in one call (the CLI and `sync`).
    pub fn refresh_gwd(&mut self) -> Result<crate::GwdRefreshView> {
        match self.gwd_job()? {
            Some(job) => {
                let fetched = job.fetch();
                self.apply_gwd(fetched)
            }
            None => exchange::gwd_not_configured(&self.local),
        }
    }

    /// The unit's groups as last fetched, with their date.
    pub fn gwd_groups(&self) -> Result<Vec<crate::GwdGroupView>> {
        exchange::gwd_groups(&self.local)
    }

    pub fn gwd_group(&self, id: &str) -> Result<crate::GwdGroupView> {
        exchange::gwd_group(&self.local, id)
    }

    /// Per indicator: whether the unit shares it and which groups see it. Stopping sharing is
    /// [`Monitor::set_contributed`] with `on = false`.
    pub fn gwd_shares(&self) -> Result<Vec<crate::GwdShareView>> {
        exchange::gwd_shares(&self.local)
    }

    /// Adds a meeting note to a group; the group's notes.
    pub fn add_gwd_note(
        &mut self,
        id: &str,
        year: Option<i32>,
        text: &str,
    ) -> Result<Vec<crate::GwdNoteView>> {
        exchange::add_gwd_note(&mut self.local, &stamp::now(), id, year, text)
    }

    pub fn gwd_notes(&self, id: &str) -> Result<Vec<crate::GwdNoteView>> {
        exchange::gwd_notes(&self.local, id)
    }

    /// The meeting sheet of a group for a year.
    pub fn gwd_sheet(&self, id: &str, year: i32) -> Result<crate::GwdSheetView> {
        comparison::gwd_sheet(&self.comparison()?, id, year)
    }

    /// The meeting sheet written to `path` (replaced whole or left as it was).
    pub fn export_gwd_sheet(
        &self,
        id: &str,
        year: i32,
        format: crate::GwdSheetFormat,
        path: &Path,
    ) -> Result<crate::GwdSheetView> {
        comparison::export_gwd_sheet(&self.comparison()?, id, year, format, path)
    }
}

/// Reports: the monitoring report, the chapter of the raport o stanie gminy, the workbook.
impl Monitor {
    /// What a report for `year` will cover, before it is written.
    pub fn report_preview(&self, year: i32) -> Result<ReportPreviewView> {
        reports::report_preview(&self.local, year)
    }

    /// The latest year whose strategy data is complete (the Pulpit's "Raport za rok").
    pub fn complete_report_year(&self) -> Result<Option<i32>> {
        reports::complete_year(&self.local)
    }

    /// Writes a report whole to `out`; `progress` returns `false` to stop (nothing is written).
    pub fn write_report(
        &self,
        kind: ReportKind,
        year: i32,
        format: ReportFormat,
        out: &Path,
        progress: &mut dyn FnMut(ReportProgress) -> bool,
    ) -> Result<ReportWrittenView> {
        let comparison = self.comparison()?;
        let today = stamp::today_pl();
        let order = reports::ReportOrder { kind, year, format, out, today: &today };
        reports::write_report(&self.local, &comparison, &order, progress)
    }

    pub fn report_header(&self) -> Result<ReportHeaderView> {
        reports::report_header_view(&self.local)
    }

    /// Saves the report header's fields (audited); the coat of arms is kept.
    pub fn save_report_header(&mut self, input: &ReportHeaderInput) -> Result<ReportHeaderView> {
        reports::save_report_header(&mut self.local, &stamp::now(), input)
    }

    /// Sets the coat of arms from a PNG or SVG file, or removes it (`None`).
    pub fn set_report_emblem(&mut self, path: Option<&Path>) -> Result<ReportHeaderView> {
        reports::set_report_emblem(&mut self.local, &stamp::now(), path)
    }

    /// The introduction and per-goal commentary for `year`.
    pub fn report_texts(&self, year: i32) -> Result<ReportTextsView> {
        reports::report_texts(&self.local, year)
    }

    /// Sets the introduction (`goal: None`) or a goal's commentary for `year`; empty removes it.
    pub fn save_report_text(
        &mut self,
        year: i32,
        goal: Option<&str>,
        text: &str,
    ) -> Result<ReportTextsView> {
        reports::save_report_text(&mut self.local, &stamp::now(), year, goal, text)
    }
}

/// Copies of the own data: the daily one, copies on demand, restore.
impl Monitor {
    /// A verified copy of the own database now: in `kopie/` (the oldest daily and manual copies
    /// beyond seven go) or, with `to`, in that folder (created if missing; never rotated).
    pub fn backup_now(&self, to: Option<&Path>) -> Result<BackupView> {
        backups::backup_now(&self.local, &self.data_dir, &stamp::now(), to)
    }

    /// The copies in `kopie/`, newest first, each checked with `quick_check`.
    pub fn backups(&self) -> Result<BackupsView> {
        backups::backups(&self.data_dir, self.daily_backup_failure.clone())
    }

    /// Why the daily copy could not be made when the folder was opened, if it could not.
    pub fn daily_backup_failure(&self) -> Option<&str> {
        self.daily_backup_failure.as_deref()
    }

    /// The daily copy when it is due while the folder stays open (a window left open for days
    /// gets one a day, not only on opening); a failure is kept as on opening.
    pub fn daily_backup_if_due(&mut self) -> Option<BackupView> {
        let made = backups::daily_backup(&self.local, &self.data_dir, &stamp::now());
        self.daily_backup_failure = made.as_ref().err().map(|e| e.to_string());
        made.ok().flatten()
    }

    /// Checks a file for [`Monitor::restore_backup`] (whole `integrity_check`, a Monitor JST
    /// database, a schema this program knows) without changing anything; a bare file name is
    /// looked up in `kopie/`. A file that cannot be restored is invalid input.
    pub fn check_backup(&self, file: &Path) -> Result<BackupView> {
        backups::check_backup(&self.data_dir, file)
    }

    /// Replaces the own database with a checked copy; the current one is kept in `kopie/` first
    /// and a crash at any moment leaves one of the two whole. A bare file name is looked up in
    /// `kopie/`. Refusals (invalid input) change nothing.
    pub fn restore_backup(&mut self, file: &Path) -> Result<RestoredView> {
        let stamp = stamp::now();
        let restored = backups::restore_backup(&mut self.local, &self.data_dir, &stamp, file);
        // Another database behind the same store: the cache key (its connection's counters)
        // starts over, so what was cached must go.
        self.index = UnitIndexCache::default();
        let restored = restored?;
        shipped::ensure_register(&mut self.local, &stamp)?;
        shipped::ensure_catalogue(&mut self.local, &stamp)?;
        shipped::ensure_reference_data(&self.local, &mut self.peers, &stamp)?;
        jst_store::backup::crash_point("restore: shipped data ensured");
        Ok(restored)
    }
}

/// Export of own data: values with history and notes, budget lines, the strategy.
impl Monitor {
    /// Writes `kind` as `format` to `out`, crash-safely; values as CSV also write
    /// `<name>-historia.csv` and `<name>-notatki.csv` beside it.
    pub fn export_own_data(
        &self,
        kind: ExportKind,
        format: ExportFormat,
        out: &Path,
    ) -> Result<ExportWrittenView> {
        exports::export_own_data(&self.local, kind, format, out)
    }

    /// The file name an export suggests, e.g. `wartosci-1219053.csv`.
    pub fn export_file_name(&self, kind: ExportKind, format: ExportFormat) -> Result<String> {
        exports::export_file_name(&self.local, kind, format)
    }
}

/// Settings and the history of changes (Ustawienia): the audit log, trusted release keys and
/// the status thresholds.
impl Monitor {
    /// A page of the audit log, newest first, filtered by day, user and kind of change.
    pub fn audit_log(&self, filter: &crate::AuditFilter) -> Result<crate::AuditLogView> {
        crate::audit::audit_log(&self.local, filter)
    }

    /// The trusted release keys: pinned in the program, then added by an administrator.
    pub fn trusted_keys(&self) -> Result<Vec<crate::TrustedKeyEntryView>> {
        exchange::trusted_key_list(&self.local)
    }

    /// Stops trusting a key an administrator added (audited); returns the keys left.
    pub fn remove_trusted_key(&mut self, key_id: &str) -> Result<Vec<crate::TrustedKeyEntryView>> {
        exchange::remove_trusted_key(&mut self.local, &stamp::now(), key_id)
    }

    /// The status thresholds (DESIGN §5.1) in force and the defaults.
    pub fn thresholds(&self) -> Result<crate::ThresholdsView> {
        strategy::thresholds(&self.local)
    }

    /// Sets the status thresholds (validated, audited old → new); every evaluation uses them.
    pub fn set_thresholds(
        &mut self,
        input: &crate::ThresholdValues,
    ) -> Result<crate::ThresholdsView> {
        strategy::set_thresholds(&mut self.local, &stamp::now(), input)
    }

    /// Back to the program's default thresholds (audited).
    pub fn reset_thresholds(&mut self) -> Result<crate::ThresholdsView> {
        let defaults = jst_domain::strategy::Thresholds::default().into();
        strategy::set_thresholds(&mut self.local, &stamp::now(), &defaults)
    }
}

/// The good-practice base (Baza Dobrych Praktyk), as the last applied release carried it.
impl Monitor {
    /// Practices matching the words (diacritics folded, each word a prefix) and the filters,
    /// best match first; all practices by title when there are no words.
    pub fn search_practices(
        &self,
        filter: &crate::PracticeFilter,
    ) -> Result<Vec<crate::PracticeView>> {
        crate::practices::search(&self.peers, filter)
    }

    /// The page of practice `id` (`not_found` when the base has none).
    pub fn practice(&self, id: i64) -> Result<crate::PracticeDetailView> {
        crate::practices::practice_detail(&self.local, &self.peers, id)
    }

    /// Practices for what lags (every lagging indicator, or only `indicator`): the weakest
    /// quartile of the `type_size` group, and the active strategy as the Pulpit shows it.
    pub fn suggest_practices(
        &self,
        indicator: Option<&str>,
    ) -> Result<Vec<crate::PracticeSuggestionView>> {
        let year = stamp::default_status_year();
        crate::practices::suggest_practices(&self.comparison()?, year, indicator)
    }
}

/// The good-practice base from the desk: a practice's attachments fetched on demand and cached,
/// and the unit's proposals ("Zaproponuj praktykę"), saved in own data before they are sent.
impl Monitor {
    /// The attachment `sha256` of practice `practice_id` as a verified file, fetched from where
    /// the applied release came from when it is not cached yet.
    pub fn practice_attachment(
        &self,
        practice_id: i64,
        sha256: &str,
    ) -> Result<crate::PracticeAttachmentFileView> {
        let (local, peers) = (&self.local, &self.peers);
        crate::practices::practice_attachment(local, peers, &self.data_dir, practice_id, sha256)
    }

    /// The attachment saved at `to` (the window's "Zapisz jako…"), replaced whole or left as
    /// it was.
    pub fn save_practice_attachment(
        &self,
        practice_id: i64,
        sha256: &str,
        to: &Path,
    ) -> Result<crate::PracticeAttachmentFileView> {
        let (local, peers, dir) = (&self.local, &self.peers, &self.data_dir);
        crate::practices::save_practice_attachment(local, peers, dir, practice_id, sha256, to)
    }

    /// The problems that would refuse a proposal, by field (none: it can be proposed).
    pub fn check_practice_proposal(
        &self,
        input: &crate::PracticeProposalInput,
    ) -> Result<Vec<crate::ProposalProblemView>> {
        let stamp = stamp::now();
        let today = stamp.at.get(..10).unwrap_or(&stamp.at);
        crate::practices::check_proposal(&self.local, &self.peers, input, today)
    }

    /// Checks and saves a proposal (nothing written when refused), then sends it to `server`
    /// (else the configured one); a failed send keeps it as not sent, with why.
    pub fn propose_practice(
        &mut self,
        input: &crate::PracticeProposalInput,
        server: Option<&str>,
    ) -> Result<crate::PracticeProposalView> {
        let id =
            crate::practices::save_proposal(&mut self.local, &self.peers, &stamp::now(), input)?;
        self.send_practice_proposal_to(id, server)
    }

    /// Checks and saves a proposal without sending it (nothing written when refused); the
    /// window sends it with [`Monitor::practice_proposal_job`] off the monitor.
    pub fn save_practice_proposal(&mut self, input: &crate::PracticeProposalInput) -> Result<i64> {
        crate::practices::save_proposal(&mut self.local, &self.peers, &stamp::now(), input)
    }

    /// Sends a saved proposal again (a sent one is left as it is).
    pub fn send_practice_proposal(&mut self, local_id: i64) -> Result<crate::PracticeProposalView> {
        self.send_practice_proposal_to(local_id, None)
    }

    /// [`Monitor::send_practice_proposal`] to another server than the configured one.
    pub fn send_practice_proposal_to(
        &mut self,
        local_id: i64,
        server: Option<&str>,
    ) -> Result<crate::PracticeProposalView> {
        let job = self.practice_proposal_job(local_id, server)?;
        let sent = job.send();
        self.apply_practice_proposal(sent)
    }

    /// A send read under the monitor; [`crate::ProposalJob::send`] runs without it.
    pub fn practice_proposal_job(
        &self,
        local_id: i64,
        server: Option<&str>,
    ) -> Result<crate::ProposalJob> {
        crate::practices::proposal_job(&self.local, &self.data_dir, local_id, server)
    }

    /// Records how a send ended.
    pub fn apply_practice_proposal(
        &mut self,
        sent: crate::ProposalSent,
    ) -> Result<crate::PracticeProposalView> {
        crate::practices::record_sent(&mut self.local, &stamp::now(), sent)
    }

    /// The unit's proposals, newest first.
    pub fn practice_proposals(&self) -> Result<Vec<crate::PracticeProposalView>> {
        crate::practices::practice_proposals(&self.local)
    }
}
