// The only module that talks to Tauri. Screens call `api`; failures arrive as `IpcError`, whose
// `kind` the UI branches on (never the message text).
import { Channel } from "@tauri-apps/api/core";
import {
  commands,
  type AboutView,
  type ApiError,
  type FirstScreen,
  type GwdGroupView,
  type GwdNoteView,
  type GwdShareView,
  type GwdSheetFormat,
  type GwdSheetView,
  type Lang,
  type BackupView,
  type BackupsView,
  type ExportFormat,
  type ExportKind,
  type ExportWrittenView,
  type RestoredView,
  type AuditFilter,
  type AuditLogView,
  type ThresholdValues,
  type ThresholdsView,
  type TrustedKeyEntryView,
  type ValueGridView,
  type BenchmarkView,
  type BoundaryView,
  type ComparableIndicatorView,
  type ContributionsView,
  type CostsView,
  type CostYearsView,
  type ErrorKind,
  type ImportCheckView,
  type ImportKind,
  type ImportProgress,
  type IndicatorDetailView,
  type NearestView,
  type OfficialImportView,
  type PeerGroupView,
  type ReportFormat,
  type ReportHeaderInput,
  type ReportHeaderView,
  type ReportKind,
  type ReportPreviewView,
  type ReportProgress,
  type ReportTextsView,
  type ReportWrittenView,
  type EditProblemView,
  type StatusView,
  type StrategyDefinitionView,
  type StrategyEdit,
  type StrategyEditView,
  type StrategyOverviewView,
  type SubmitView,
  type SyncProgressView,
  type SyncStatusView,
  type SyncView,
  type UnitView,
  type ValueInput,
  type YearPositionView,
  type PracticeDetailView,
  type PracticeFilter,
  type PracticeProposalInput,
  type PracticeProposalView,
  type PracticeSuggestionView,
  type PracticeView,
  type ProposalProblemView,
} from "./bindings";

export type {
  ApiError,
  BenchmarkView,
  BoundaryView,
  ComparableIndicatorView,
  ContributionsView,
  CostsView,
  ErrorKind,
  ImportCheckView,
  ImportKind,
  ImportProgress,
  IndicatorDetailView,
  NearestView,
  PeerGroupView,
  StatusView,
  StrategyOverviewView,
  SubmitView,
  SyncProgressView,
  SyncStatusView,
  SyncView,
  UnitView,
  ValueInput,
  YearPositionView,
};
export type { ChangesView, RegisterSyncView, SyncLogView } from "./bindings";
export type {
  AttachmentKind,
  PracticeArea,
  PracticeAttachmentView,
  PracticeDetailView,
  PracticeFilter,
  PracticeProposalInput,
  PracticeProposalView,
  PracticeSuggestionView,
  PracticeView,
  ProposalField,
  ProposalProblemView,
} from "./bindings";
// The closed sets (Rust enums) the views use.
export type {
  ComparisonSource,
  Direction,
  GroupKind,
  ImportStage,
  NodeLevel,
  ObservationStatus,
  Polarity,
  RejectionCode,
  Severity,
  Status,
  SubmissionResult,
  SubmitOutcome,
  SyncOutcome,
  TokenPlace,
  UnitKind,
} from "./bindings";
export type { FindingView, NoteView } from "./bindings";
export type {
  GoalTextView,
  ReportFormat,
  ReportGoalView,
  ReportHeaderInput,
  ReportHeaderView,
  ReportIndicatorView,
  ReportKind,
  ReportPreviewView,
  ReportProgress,
  ReportStage,
  ReportTextsView,
  ReportWrittenView,
} from "./bindings";
export type { CostRowView, CostServiceView, CostYearsView } from "./bindings";
export type { AboutView, FirstScreen } from "./bindings";
export type { BackupKind, BackupView, BackupsView, RestoredView } from "./bindings";
export type { ExportFormat, ExportKind, ExportWrittenView } from "./bindings";
export type { ValueCellView, ValueGridRowView, ValueGridView } from "./bindings";
export type { AuditEntryView, AuditFilter, AuditKind, AuditLogView, KeyOrigin, ThresholdValues, ThresholdsView, TrustedKeyEntryView } from "./bindings";
export type {
  DefinitionNodeView,
  EditField,
  EditProblemView,
  IndicatorFields,
  StrategyDefinitionView,
  StrategyEdit,
  StrategyEditView,
  UndoStateView,
} from "./bindings";
export type { RegisterCheckView, RegisterImportView } from "./bindings";
export type { BudgetImportView, BudgetReportView, OfficialFileKind, OfficialImportView, SchoolView, SioImportView } from "./bindings";
export type { ContributableIndicatorView, ContributionItemView, SubmitItemView, TokenPlaceView } from "./bindings";
export type { GwdGroupView, GwdNoteView, GwdShareView, GwdSheetFormat, GwdSheetView } from "./bindings";
export type {
  HistoryEntryView,
  IndicatorStatusView,
  NodeStatusView,
  ObservationView,
  OwnUnitView,
  StrategyStatusView,
  PopulationView,
  YearValueView,
} from "./bindings";

export class IpcError extends Error {
  readonly kind: ErrorKind;
  constructor(error: ApiError) {
    super(error.message);
    this.kind = error.kind;
  }
}

type Result<T> = { status: "ok"; data: T } | { status: "error"; error: ApiError };

function unwrap<T>(result: Result<T>): T {
  if (result.status === "ok") return result.data;
  throw new IpcError(result.error);
}

export const api = {
  status: async (): Promise<StatusView> => unwrap(await commands.appStatus()),
  searchUnits: async (query: string): Promise<UnitView[]> => unwrap(await commands.searchUnits(query)),
  chooseUnit: async (teryt: string): Promise<StatusView> => unwrap(await commands.chooseUnit(teryt)),
  openDemo: async (): Promise<StatusView> => unwrap(await commands.openDemo()),
  /** `year` null: the core's default (the last full calendar year). */
  strategyOverview: async (year: number | null = null): Promise<StrategyOverviewView> =>
    unwrap(await commands.strategyOverview(year)),
  indicatorDetail: async (code: string, year: number | null = null): Promise<IndicatorDetailView> =>
    unwrap(await commands.indicatorDetail(code, year)),
  /** The system file dialog (opened by Rust); null when the user cancels. */
  pickFile: async (): Promise<string | null> => unwrap(await commands.pickFile()),
  /** Validation report; writes nothing. `onProgress` hears rows checked of all rows. */
  checkImport: async (
    kind: ImportKind,
    path: string,
    onProgress: (p: ImportProgress) => void = () => {},
  ): Promise<ImportCheckView> => unwrap(await commands.checkImport(kind, path, channel(onProgress))),
  /** The file dialog for an import of `kind`, offering the formats it reads; null when the user cancels. */
  pickImportFile: async (kind: ImportKind): Promise<string | null> => unwrap(await commands.pickImportFile(kind)),
  /** Imports a checked file; `allowShrink` is the consent to a register that ends many units. */
  runImport: async (
    kind: ImportKind,
    path: string,
    allowShrink = false,
    onProgress: (p: ImportProgress) => void = () => {},
  ): Promise<ImportCheckView> => unwrap(await commands.runImport(kind, path, allowShrink, channel(onProgress))),
  /** The file dialog for a budget report or SIO list; null when the user cancels. */
  pickOfficialFile: async (): Promise<string | null> => unwrap(await commands.pickOfficialFile()),
  /** The report on a budget report or SIO list (recognised by content); writes nothing. */
  checkOfficialImport: async (
    path: string,
    onProgress: (p: ImportProgress) => void = () => {},
  ): Promise<OfficialImportView> => unwrap(await commands.checkOfficialImport(path, channel(onProgress))),
  runOfficialImport: async (
    path: string,
    onProgress: (p: ImportProgress) => void = () => {},
  ): Promise<OfficialImportView> => unwrap(await commands.runOfficialImport(path, channel(onProgress))),
  /** Stops a running check or import before it writes; it then fails with kind `cancelled`. */
  cancelImport: async (): Promise<void> => {
    unwrap(await commands.cancelImport());
  },
  addNote: async (code: string, noteYear: number | null, text: string, year: number | null = null): Promise<IndicatorDetailView> =>
    unwrap(await commands.addNote(code, noteYear, text, year)),
  comparableIndicators: async (): Promise<ComparableIndicatorView[]> => unwrap(await commands.comparableIndicators()),
  /** Years with data for the indicator (or its formula's components), newest first. */
  indicatorYears: async (code: string): Promise<number[]> => unwrap(await commands.indicatorYears(code)),
  costYears: async (): Promise<CostYearsView> => unwrap(await commands.costYears()),
  benchmark: async (indicator: string, year: number, group: string): Promise<BenchmarkView> =>
    unwrap(await commands.benchmark(indicator, year, group)),
  positionOverYears: async (indicator: string, group: string): Promise<YearPositionView[]> =>
    unwrap(await commands.positionOverYears(indicator, group)),
  boundaries: async (teryts: string[]): Promise<BoundaryView[]> => unwrap(await commands.boundaries(teryts)),
  /** `variables` null: the catalogue's structural indicators; `weights` null: all 1. */
  nearestPeers: async (
    k: number,
    year: number | null,
    variables: string[] | null = null,
    weights: number[] | null = null,
  ): Promise<NearestView[]> => unwrap(await commands.nearestPeers(k, year, variables, weights)),
  peerGroups: async (): Promise<PeerGroupView[]> => unwrap(await commands.peerGroups()),
  // Experience-exchange groups (GWD): the last copy fetched with the unit token.
  gwdGroups: async (): Promise<GwdGroupView[]> => unwrap(await commands.gwdGroups()),
  gwdShares: async (): Promise<GwdShareView[]> => unwrap(await commands.gwdShares()),
  gwdNotes: async (id: string): Promise<GwdNoteView[]> => unwrap(await commands.gwdNotes(id)),
  /** Adds a meeting note (audited); answers the group's notes. */
  addGwdNote: async (id: string, year: number | null, text: string): Promise<GwdNoteView[]> =>
    unwrap(await commands.addGwdNote(id, year, text)),
  /** The system's save dialog for the meeting sheet; null when cancelled. */
  pickGwdSheetFile: async (id: string, year: number, format: GwdSheetFormat): Promise<string | null> =>
    unwrap(await commands.pickGwdSheetFile(id, year, format)),
  /** Writes the meeting sheet: every member named, quartiles and each one's position. */
  exportGwdSheet: async (id: string, year: number, format: GwdSheetFormat, path: string): Promise<GwdSheetView> =>
    unwrap(await commands.exportGwdSheet(id, year, format, path)),
  // The good-practice base (Baza Dobrych Praktyk), as the last release carried it.
  searchPractices: async (filter: PracticeFilter): Promise<PracticeView[]> => unwrap(await commands.searchPractices(filter)),
  practice: async (id: number): Promise<PracticeDetailView> => unwrap(await commands.practice(id)),
  /** Practices for what lags: every lagging indicator, or only `indicator`. */
  suggestPractices: async (indicator: string | null): Promise<PracticeSuggestionView[]> =>
    unwrap(await commands.suggestPractices(indicator)),
  /** An image attachment as a `data:` URL (fetched from the association once, then cached). */
  practiceImage: async (practiceId: number, sha256: string): Promise<string> =>
    unwrap(await commands.practiceImage(practiceId, sha256)),
  /** The system's save dialog, then the attachment copied there; null when cancelled. */
  savePracticeAttachment: async (practiceId: number, sha256: string): Promise<string | null> =>
    unwrap(await commands.savePracticeAttachment(practiceId, sha256)),
  /** What would refuse the proposal, by field; none: it can be sent. */
  checkPracticeProposal: async (input: PracticeProposalInput): Promise<ProposalProblemView[]> =>
    unwrap(await commands.checkPracticeProposal(input)),
  /** Saves the proposal in the data folder, then sends it; a failed send is kept as not sent. */
  proposePractice: async (input: PracticeProposalInput): Promise<PracticeProposalView> =>
    unwrap(await commands.proposePractice(input)),
  practiceProposals: async (): Promise<PracticeProposalView[]> => unwrap(await commands.practiceProposals()),
  sendPracticeProposal: async (localId: number): Promise<PracticeProposalView> =>
    unwrap(await commands.sendPracticeProposal(localId)),
  savePeerGroup: async (name: string, teryts: string[]): Promise<PeerGroupView> =>
    unwrap(await commands.savePeerGroup(name, teryts)),
  deletePeerGroup: async (name: string): Promise<void> => {
    unwrap(await commands.deletePeerGroup(name));
  },
  /** `year` null: the latest year with population data; `realBase` null: current prices. */
  costs: async (year: number | null, group: string, realBase: number | null): Promise<CostsView> =>
    unwrap(await commands.costs(year, group, realBase)),
  exportCosts: async (year: number | null, group: string, realBase: number | null, path: string): Promise<CostsView> =>
    unwrap(await commands.exportCosts(year, group, realBase, path)),
  /** The system's save dialog (opened by Rust); null when the user cancels. */
  pickSaveFile: async (suggestedName: string): Promise<string | null> => unwrap(await commands.pickSaveFile(suggestedName)),
  syncStatus: async (): Promise<SyncStatusView> => unwrap(await commands.syncStatus()),
  configureSync: async (server: string | null, intervalMinutes: number): Promise<SyncStatusView> =>
    unwrap(await commands.configureSync(server, intervalMinutes)),
  trustKey: async (path: string): Promise<SyncStatusView> => unwrap(await commands.trustKey(path)),
  /** Syncs with the configured server; `onProgress` hears chunks verified of all chunks. */
  syncNow: async (onProgress: (p: SyncProgressView) => void = () => {}): Promise<SyncView> =>
    unwrap(await commands.syncNow(channel(onProgress))),
  cancelSync: async (): Promise<void> => {
    unwrap(await commands.cancelSync());
  },
  contributions: async (): Promise<ContributionsView> => unwrap(await commands.contributions()),
  setContributed: async (codes: string[], on: boolean): Promise<ContributionsView> =>
    unwrap(await commands.setContributed(codes, on)),
  /** The token goes to Rust (keyring or private file) and never comes back. */
  setUnitToken: async (token: string): Promise<ContributionsView> => unwrap(await commands.setUnitToken(token)),
  keepOwnValue: async (indicator: string, year: number): Promise<ContributionsView> =>
    unwrap(await commands.keepOwnValue(indicator, year)),
  acceptServerValue: async (indicator: string, year: number): Promise<ContributionsView> =>
    unwrap(await commands.acceptServerValue(indicator, year)),
  /** Sends the outbox, then changed values; offline is an outcome, not an error. */
  submitNow: async (): Promise<SubmitView> => unwrap(await commands.submitNow()),
  recordValue: async (input: ValueInput, year: number | null = null): Promise<IndicatorDetailView> =>
    unwrap(await commands.recordValue(input, year)),
  /** The active strategy's indicators × years with the own values (Dane). */
  valueGrid: async (): Promise<ValueGridView> => unwrap(await commands.valueGrid()),
  /** Deletes an own value (kept in its history). */
  deleteValue: async (code: string, year: number): Promise<ValueGridView> => unwrap(await commands.deleteValue(code, year)),
  /** What a report for the year covers; `year` null: the last full calendar year. */
  reportPreview: async (year: number | null): Promise<ReportPreviewView> => unwrap(await commands.reportPreview(year)),
  /** The latest year whose strategy data is complete; null when there is none. */
  completeReportYear: async (): Promise<number | null> => unwrap(await commands.completeReportYear()),
  reportHeader: async (): Promise<ReportHeaderView> => unwrap(await commands.reportHeader()),
  saveReportHeader: async (input: ReportHeaderInput): Promise<ReportHeaderView> =>
    unwrap(await commands.saveReportHeader(input)),
  pickEmblemFile: async (): Promise<string | null> => unwrap(await commands.pickEmblemFile()),
  /** `path` null removes the coat of arms. */
  setReportEmblem: async (path: string | null): Promise<ReportHeaderView> => unwrap(await commands.setReportEmblem(path)),
  reportTexts: async (year: number): Promise<ReportTextsView> => unwrap(await commands.reportTexts(year)),
  /** `goal` null: the introduction. Empty text removes it. */
  saveReportText: async (year: number, goal: string | null, text: string): Promise<ReportTextsView> =>
    unwrap(await commands.saveReportText(year, goal, text)),
  pickReportFile: async (suggestedName: string, format: ReportFormat): Promise<string | null> =>
    unwrap(await commands.pickReportFile(suggestedName, format)),
  /** Writes the report whole; `cancelReport` stops it before the file is written (kind `cancelled`). */
  writeReport: async (
    kind: ReportKind,
    year: number,
    format: ReportFormat,
    path: string,
    onProgress: (p: ReportProgress) => void = () => {},
  ): Promise<ReportWrittenView> => unwrap(await commands.writeReport(kind, year, format, path, channel(onProgress))),
  cancelReport: async (): Promise<void> => {
    unwrap(await commands.cancelReport());
  },
  showReportFolder: async (path: string): Promise<void> => {
    unwrap(await commands.showReportFolder(path));
  },
  // The strategy editor.
  strategyDefinition: async (): Promise<StrategyDefinitionView> => unwrap(await commands.strategyDefinition()),
  /** The problems that would refuse the edit, by field; writes nothing. */
  checkStrategyEdit: async (edit: StrategyEdit): Promise<EditProblemView[]> => unwrap(await commands.checkStrategyEdit(edit)),
  /** One edit, in one audited transaction; refused (`invalid_input`) it writes nothing. */
  editStrategy: async (edit: StrategyEdit): Promise<StrategyEditView> => unwrap(await commands.editStrategy(edit)),
  /** Undoes the last edit (`conflict` when there is none). */
  undoStrategyEdit: async (): Promise<StrategyEditView> => unwrap(await commands.undoStrategyEdit()),
  /** The template written where the user chooses (CSV); null when the dialog is cancelled. */
  exportStrategyTemplate: async (): Promise<string | null> => unwrap(await commands.exportStrategyTemplate()),
  // Copies of the own data (Ustawienia).
  backups: async (): Promise<BackupsView> => unwrap(await commands.backups()),
  /** A verified copy now, in `kopie/` (or the folder `to`). */
  backupNow: async (to: string | null = null): Promise<BackupView> => unwrap(await commands.backupNow(to)),
  /** Checks a copy before its restore is confirmed; changes nothing. */
  checkBackup: async (file: string): Promise<BackupView> => unwrap(await commands.checkBackup(file)),
  /** Restores a copy; the current database is kept in `kopie/` first. */
  restoreBackup: async (file: string): Promise<RestoredView> => unwrap(await commands.restoreBackup(file)),
  // Settings: the history of changes, trusted keys, the status thresholds.
  auditLog: async (filter: AuditFilter): Promise<AuditLogView> => unwrap(await commands.auditLog(filter)),
  trustedKeys: async (): Promise<TrustedKeyEntryView[]> => unwrap(await commands.trustedKeys()),
  /** Removes a key the administrator added (audited); pinned keys cannot be removed. */
  removeTrustedKey: async (keyId: string): Promise<TrustedKeyEntryView[]> => unwrap(await commands.removeTrustedKey(keyId)),
  thresholds: async (): Promise<ThresholdsView> => unwrap(await commands.thresholds()),
  /** Saves the thresholds (audited); saving the defaults is the reset. */
  saveThresholds: async (input: ThresholdValues): Promise<ThresholdsView> => unwrap(await commands.saveThresholds(input)),
  /** The system's save dialog for the log; null when cancelled. */
  pickLogFile: async (): Promise<string | null> => unwrap(await commands.pickLogFile()),
  /** Writes the program's log to `path` for a bug report; answers the bytes written. */
  saveLog: async (path: string): Promise<number> => unwrap(await commands.saveLog(path)),
  /** The language of the messages made in Rust (errors, import findings, labels). */
  setLanguage: async (lang: Lang): Promise<null> => unwrap(await commands.setLanguage(lang)),
  /** "O programie": version, build date, schema versions, the data folder. */
  about: async (): Promise<AboutView> => unwrap(await commands.about()),
  /** The first screen has its data: the app logs the time since its start (once). */
  firstScreenReady: async (screen: FirstScreen): Promise<number> => unwrap(await commands.firstScreenReady(screen)),
  // Export of own data (Dane).
  /** The system's save dialog with the unit's file name; null when cancelled. */
  pickExportFile: async (kind: ExportKind, format: ExportFormat): Promise<string | null> =>
    unwrap(await commands.pickExportFile(kind, format)),
  exportOwnData: async (kind: ExportKind, format: ExportFormat, path: string): Promise<ExportWrittenView> =>
    unwrap(await commands.exportOwnData(kind, format, path)),
};

function channel<T>(listener: (message: T) => void): Channel<T> {
  const c = new Channel<T>();
  c.onmessage = listener;
  return c;
}

/** Any thrown value as an ApiError-like pair for display. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof IpcError) return { kind: error.kind, message: error.message };
  return { kind: "internal", message: error instanceof Error ? error.message : String(error) };
}
