// The state every import panel shares: which step runs (the check or the import), its progress,
// the message and the error, and cancelling. A panel supplies only the IPC calls and what to do
// with the answer.
import { api, asApiError, type ApiError, type ImportProgress } from "../ipc";
import { t } from "./i18n/index.svelte";

export type ImportStep = "checking" | "importing";

export class ImportRun {
  working = $state<"" | ImportStep>("");
  progress = $state<ImportProgress | null>(null);
  message = $state("");
  error = $state<ApiError | null>(null);

  /** Clears what the last file left on the panel. */
  clear() {
    this.message = "";
    this.error = null;
  }

  /** Asks the system's file dialog (through `pick`) and hands the chosen path on. */
  async pick(pick: () => Promise<string | null>, chosen: (path: string) => void) {
    try {
      const picked = await pick();
      if (picked) chosen(picked);
    } catch (e) {
      this.error = asApiError(e);
    }
  }

  /** Runs one step on `path`; a cancelled step says nothing was written. */
  async run<V>(step: ImportStep, path: string, call: (path: string, onProgress: (p: ImportProgress) => void) => Promise<V>, answered: (v: V) => void) {
    if (!path.trim()) {
      this.message = t("import.noPath");
      return;
    }
    this.working = step;
    this.error = null;
    this.message = "";
    this.progress = null;
    try {
      answered(await call(path.trim(), (p) => (this.progress = p)));
    } catch (e) {
      const failure = asApiError(e);
      if (failure.kind === "cancelled") this.message = t("import.cancelled");
      else this.error = failure;
    } finally {
      this.working = "";
      this.progress = null;
    }
  }

  async cancel() {
    try {
      await api.cancelImport();
    } catch (e) {
      this.error = asApiError(e);
    }
  }
}
