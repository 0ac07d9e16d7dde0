import { afterEach, describe, expect, it } from "vitest";
import type { Severity } from "../../ipc";
import { messageKeys, setLocale, t, type MessageKey } from "./index.svelte";

describe("message catalogue", () => {
  afterEach(() => setLocale("pl"));

  it("English has exactly the Polish keys", () => {
    expect(messageKeys("en")).toEqual(messageKeys("pl"));
  });

  it("Polish is the default and placeholders are filled", () => {
    expect(t("nav.porownania")).toBe("Porównania");
    expect(t("chooser.results.count", { count: 3 })).toBe("Znaleziono: 3");
  });

  it("switches to English", () => {
    setLocale("en");
    expect(t("nav.porownania")).toBe("Comparisons");
    expect(document.documentElement.lang).toBe("en");
    expect(localStorage.getItem("jst.locale")).toBe("en");
  });

  it("shows an unknown key instead of failing the screen", () => {
    // Only a code newer than this build can do this: keys are typed, hence the casts.
    expect(t("status.stalled" as MessageKey)).toBe("status.stalled");
    expect(t("constructor" as MessageKey)).toBe("constructor");
    setLocale("en");
    expect(t("severity.fatal" as MessageKey)).toBe("severity.fatal");
  });

  it("translates the severity codes of a validation report", () => {
    const codes: Severity[] = ["critical", "error", "warning", "info"];
    expect(codes.map((s) => t(`severity.${s}`))).toEqual([
      "krytyczny",
      "błąd",
      "ostrzeżenie",
      "informacja",
    ]);
    setLocale("en");
    expect(t("severity.info")).toBe("information");
  });
});
