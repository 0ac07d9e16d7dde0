import { afterEach, describe, expect, it } from "vitest";
import { messageKeys, setLocale, t } from "./index.svelte";

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
});
