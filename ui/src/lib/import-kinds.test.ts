import { describe, expect, it } from "vitest";
import type { ImportCheckView, RegisterCheckView } from "../ipc/bindings";
import { ALL_IMPORT_KINDS, canImport, changesUnits, needsShrinkConsent, warningCount } from "./import-kinds";

const clean: ImportCheckView = {
  file: "TERC.csv",
  ok: true,
  findings: [],
  strategy: null,
  nodes: 0,
  indicators: 0,
  values: 0,
  units: 0,
  register: null,
};
const shrinking: RegisterCheckView = {
  as_of: "2025-01-01",
  units: 2799,
  active: 2803,
  ending: 4,
  ending_examples: ["1219012 Biskupice"],
  needs_consent: true,
  loaded: null,
};
const warning = { severity: "warning", row: 3, column: "teryt", message: "wiersz pominięto" } as const;

describe("import kinds", () => {
  it("lists every kind once, the strategy's first", () => {
    expect(ALL_IMPORT_KINDS).toEqual(["strategy", "values", "catalogue", "public_values", "register"]);
  });

  it("allows a clean file at once and a file with warnings once they are acknowledged", () => {
    expect(canImport(clean, false, false)).toBe(true);
    const warned = { ...clean, findings: [warning, { ...warning, severity: "info" as const }] };
    expect(warningCount(warned)).toBe(1);
    expect(canImport(warned, false, false)).toBe(false);
    expect(canImport(warned, true, false)).toBe(true);
  });

  it("never allows a file with errors or no report", () => {
    expect(canImport({ ...clean, ok: false }, true, true)).toBe(false);
    expect(canImport(null, true, true)).toBe(false);
  });

  it("asks for consent to shrink the register only while the shrinking file is not loaded", () => {
    const report = { ...clean, register: shrinking };
    expect(needsShrinkConsent(report)).toBe(true);
    expect(canImport(report, false, false)).toBe(false);
    expect(canImport(report, false, true)).toBe(true);
    expect(needsShrinkConsent({ ...clean, register: { ...shrinking, needs_consent: false } })).toBe(false);
    const loaded = { file: "TERC.csv", as_of: "2025-01-01", units: 2799, created: 0, renamed: 0, recoded: 0, ended: 4, restored: 0, warnings: [] };
    expect(needsShrinkConsent({ ...clean, register: { ...shrinking, loaded } })).toBe(false);
  });

  it("reloads the app's status after a register only", () => {
    expect(ALL_IMPORT_KINDS.filter(changesUnits)).toEqual(["register"]);
  });
});
