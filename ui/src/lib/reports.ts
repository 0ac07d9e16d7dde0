// The documents of the Raporty screen and the formats each comes in (as `ReportKind::formats`
// in Rust): keyed by the generated enums, so a document added in Rust fails type-checking here.
import type { ReportFormat, ReportKind } from "../ipc";

export const KINDS: readonly ReportKind[] = ["monitoring", "chapter", "xlsx"];

export const FORMATS: Record<ReportKind, readonly ReportFormat[]> = {
  monitoring: ["pdf", "docx"],
  chapter: ["pdf", "docx"],
  xlsx: ["xlsx"],
};

const STEMS: Record<ReportKind, string> = {
  monitoring: "raport-monitoringu",
  chapter: "rozdzial-realizacja-strategii",
  xlsx: "stan-strategii",
};

/** The file name the save dialog suggests, as `jst report` names it by default. */
export function suggestedName(kind: ReportKind, year: number, format: ReportFormat): string {
  return `${STEMS[kind]}-${year}.${format}`;
}
