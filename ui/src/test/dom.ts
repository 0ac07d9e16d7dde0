// DOM helpers for component tests: act as a user does (type, choose, click) and wait for Svelte.
import { flushSync } from "svelte";
import { vi } from "vitest";

/** Lets pending IPC promises resolve and Svelte apply the resulting state. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  flushSync();
}

/** Types into a text field or textarea as a user would. */
export function typeInto(field: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  field.value = text;
  field.dispatchEvent(new Event("input", { bubbles: true }));
  flushSync();
}

/** Chooses an option of a select element. */
export function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event("change", { bubbles: true }));
  flushSync();
}

/** The button whose visible text is exactly `text`; fails the test when there is none. */
export function button(text: string, within: ParentNode = document): HTMLButtonElement {
  const found = buttonOrNull(text, within);
  if (!found) throw new Error(`no button „${text}”`);
  return found;
}

export function buttonOrNull(text: string, within: ParentNode = document): HTMLButtonElement | null {
  return [...within.querySelectorAll<HTMLButtonElement>("button")].find((b) => b.textContent?.trim() === text) ?? null;
}

/** The text of each cell of a table body's rows, whitespace collapsed. */
export function rows(table: Element | null): string[][] {
  if (!table) throw new Error("no table");
  return [...table.querySelectorAll("tbody tr")].map((tr) =>
    [...tr.querySelectorAll("th, td")].map((cell) => (cell.textContent ?? "").replace(/\s+/g, " ").trim()),
  );
}

/** The description (`dd`) of the term (`dt`) with exactly this text. */
export function described(term: string, within: ParentNode = document): string {
  const dt = [...within.querySelectorAll("dt")].find((d) => d.textContent?.trim() === term);
  if (!dt) throw new Error(`no term „${term}”`);
  return (dt.nextElementSibling?.textContent ?? "").replace(/\s+/g, " ").trim();
}

/**
 * jsdom has no canvas: charts fail to start (the screens fall back to their data tables). Stubs
 * the context and drops only chart.js's "Failed to create chart" line, so other errors still show.
 */
export function withoutCanvas(): () => void {
  const getContext = vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(null);
  const original = console.error;
  const error = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).startsWith("Failed to create chart")) original(...args);
  });
  return () => {
    getContext.mockRestore();
    error.mockRestore();
  };
}
