// Which files the import panel offers where, and when a checked file may be imported.
import type { ImportCheckView, ImportKind } from "../ipc";

/** Every kind, in the order the Dane screen offers them; a new Rust kind fails type-checking here. */
const ORDER: Record<ImportKind, number> = { strategy: 0, values: 1, catalogue: 2, public_values: 3, register: 4 };
export const ALL_IMPORT_KINDS = (Object.keys(ORDER) as ImportKind[]).sort((a, b) => ORDER[a] - ORDER[b]);

/** The strategy screens bring only the template and own values. */
export const STRATEGY_IMPORT_KINDS: ImportKind[] = ["strategy", "values"];

/** Warnings of a report, which the user must acknowledge before importing. */
export function warningCount(report: ImportCheckView | null): number {
  return report?.findings.filter((f) => f.severity === "warning").length ?? 0;
}

/** A register that would end more units than a real year ends needs the user's consent. */
export function needsShrinkConsent(report: ImportCheckView | null): boolean {
  return !!report?.register?.needs_consent && !report.register.loaded;
}

/**
 * Whether the confirmed import may start: the file has no errors, its warnings were
 * acknowledged and, for a register that would end many units, shrinking was allowed.
 */
export function canImport(report: ImportCheckView | null, warningsAccepted: boolean, shrinkAllowed: boolean): boolean {
  if (!report?.ok) return false;
  if (warningCount(report) > 0 && !warningsAccepted) return false;
  return !needsShrinkConsent(report) || shrinkAllowed;
}

/** Imports after which the app's status (the own unit's name and code) is read again. */
export function changesUnits(kind: ImportKind): boolean {
  return kind === "register";
}
