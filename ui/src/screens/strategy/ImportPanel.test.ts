import { afterEach, describe, expect, it, vi } from "vitest";
import { mount, unmount } from "svelte";
import { clearMocks } from "@tauri-apps/api/mocks";
import type { ImportCheckView, ImportProgress } from "../../ipc/bindings";
import { setLocale } from "../../lib/i18n/index.svelte";
import { button, buttonOrNull, rows, settle, typeInto } from "../../test/dom";
import { deferred, fail, mockCommands, progressChannel } from "../../test/ipc";
import ImportPanel from "./ImportPanel.svelte";

const PATH = "/home/urzednik/strategia.xlsx";

/** A template that can be imported, with a warning the officer must accept. */
const withWarning: ImportCheckView = {
  file: "strategia.xlsx",
  ok: true,
  findings: [
    { severity: "warning", row: 7, column: "wartosc_docelowa", message: "wartość docelowa równa bazowej" },
    { severity: "info", row: null, column: null, message: "arkusz „strategia” wczytano jako główny" },
  ],
  strategy: { name: "Strategia Rozwoju Gminy Wieliczka 2021–2030", period_from: 2021, period_to: 2030 },
  nodes: 12,
  indicators: 18,
  values: 0,
};

/** A template with errors: nothing can be imported. */
const withErrors: ImportCheckView = {
  file: "strategia.xlsx",
  ok: false,
  findings: [
    { severity: "critical", row: null, column: null, message: "brak arkusza z drzewem strategii" },
    { severity: "error", row: 3, column: "kod", message: "powtórzony kod węzła 1.1" },
    { severity: "warning", row: 9, column: "jednostka", message: "pusta jednostka miary" },
  ],
  strategy: null,
  nodes: 0,
  indicators: 0,
  values: 0,
};

const clean: ImportCheckView = { ...withWarning, findings: [] };

function show(onimported = () => {}) {
  return mount(ImportPanel, { target: document.body, props: { onimported } });
}

async function check() {
  typeInto(document.querySelector<HTMLInputElement>("input[name=import-path]")!, PATH);
  button("Sprawdź plik").click();
  await settle();
}

const findings = () => rows(document.querySelector("table.findings"));
const acceptWarnings = () => document.querySelector<HTMLInputElement>(".accept input[type=checkbox]");

describe("ImportPanel", () => {
  afterEach(() => {
    clearMocks();
    setLocale("pl");
    document.body.innerHTML = "";
  });

  it("shows the validation report with severities in words, rows and columns", async () => {
    const calls = mockCommands({ checkImport: () => withWarning });
    const view = show();
    await check();

    expect(calls).toEqual([{ command: "checkImport", args: { kind: "strategy", path: PATH, onProgress: expect.anything() } }]);
    expect(document.querySelector("h3")?.textContent).toBe("Raport walidacji pliku strategia.xlsx");
    expect(document.body.textContent).toContain("Strategia „Strategia Rozwoju Gminy Wieliczka 2021–2030” (2021–2030); liczba węzłów: 12, wskaźników: 18.");
    expect(findings()).toEqual([
      ["⚠ ostrzeżenie", "7", "wartosc_docelowa", "wartość docelowa równa bazowej"],
      ["ℹ informacja", "", "", "arkusz „strategia” wczytano jako główny"],
    ]);
    expect([...document.querySelectorAll("tr.finding")].map((r) => r.getAttribute("data-severity"))).toEqual(["warning", "info"]);
    unmount(view);
  });

  it("names the severities in English when English is chosen", async () => {
    setLocale("en");
    const info = { severity: "info", row: null, column: null, message: "arkusz pomocniczy pominięto" } as const;
    mockCommands({ checkImport: () => ({ ...withErrors, findings: [...withErrors.findings, info] }) });
    const view = show();
    typeInto(document.querySelector<HTMLInputElement>("input[name=import-path]")!, PATH);
    button("Check the file").click();
    await settle();
    expect(findings().map((r) => r[0])).toEqual(["✖ critical", "✖ error", "⚠ warning", "ℹ information"]);
    unmount(view);
  });

  it("requires the warnings to be acknowledged before importing", async () => {
    const calls = mockCommands({ checkImport: () => withWarning, runImport: () => withWarning });
    const onimported = vi.fn();
    const view = show(onimported);
    await check();

    const run = button("Wczytaj plik");
    expect(run.disabled).toBe(true);
    expect(acceptWarnings()?.parentElement?.textContent?.trim()).toBe("Przeczytałem ostrzeżenia i chcę wczytać plik");
    acceptWarnings()!.click();
    await settle();
    expect(run.disabled).toBe(false);
    run.click();
    await settle();

    expect(calls.map((c) => c.command)).toEqual(["checkImport", "runImport"]);
    expect(calls[1].args).toMatchObject({ kind: "strategy", path: PATH });
    expect(document.querySelector(".import-message")?.textContent).toBe("Wczytano plik strategia.xlsx.");
    expect(onimported).toHaveBeenCalledTimes(1);
    unmount(view);
  });

  it("imports a clean file without asking about warnings", async () => {
    mockCommands({ checkImport: () => clean, runImport: () => clean });
    const view = show();
    await check();
    expect(document.querySelector("table.findings")).toBeNull();
    expect(acceptWarnings()).toBeNull();
    expect(button("Wczytaj plik").disabled).toBe(false);
    unmount(view);
  });

  it("blocks the import when the file has errors", async () => {
    const calls = mockCommands({ checkImport: () => withErrors });
    const view = show();
    await check();

    expect(findings().map((r) => r.slice(0, 3))).toEqual([
      ["✖ krytyczny", "", ""],
      ["✖ błąd", "3", "kod"],
      ["⚠ ostrzeżenie", "9", "jednostka"],
    ]);
    expect(document.querySelector(".field-error[role=alert]")?.textContent).toBe(
      "Plik zawiera błędy, więc nic nie zostanie zapisane. Popraw plik i sprawdź go ponownie.",
    );
    expect(buttonOrNull("Wczytaj plik")).toBeNull();
    expect(acceptWarnings()).toBeNull();
    expect(calls.map((c) => c.command)).toEqual(["checkImport"]);
    unmount(view);
  });

  it("shows progress by stage and cancels a running check", async () => {
    const running = deferred<ImportCheckView>();
    const calls = mockCommands({
      checkImport: (args) => {
        progressChannel<ImportProgress>(args).onmessage({ stage: "checking", done: 1200, total: 4800 });
        return running.promise;
      },
      cancelImport: () => {
        running.reject({ kind: "cancelled", message: "przerwano" });
        return null;
      },
    });
    const view = show();
    await check();

    const progress = document.querySelector(".progress-row")!;
    expect(progress.textContent).toContain("Sprawdzanie wierszy: 1200 z 4800");
    expect(progress.querySelector("progress")?.getAttribute("value")).toBe("1200");
    expect(progress.querySelector("progress")?.getAttribute("max")).toBe("4800");
    button("Anuluj", progress).click();
    await settle();

    expect(calls.map((c) => c.command)).toEqual(["checkImport", "cancelImport"]);
    expect(document.querySelector(".progress-row")).toBeNull();
    expect(document.querySelector(".import-message")?.textContent).toBe("Przerwano. Nic nie zostało zapisane.");
    expect(document.querySelector(".error-panel")).toBeNull();
    unmount(view);
  });

  it("shows the writing stage without a cancel button", async () => {
    const writing = deferred<ImportCheckView>();
    mockCommands({
      checkImport: () => clean,
      runImport: (args) => {
        const channel = progressChannel<ImportProgress>(args);
        channel.onmessage({ stage: "checking", done: 4800, total: 4800 });
        channel.onmessage({ stage: "writing", done: 0, total: 1 });
        return writing.promise;
      },
    });
    const view = show();
    await check();
    button("Wczytaj plik").click();
    await settle();

    const progress = document.querySelector(".progress-row")!;
    expect(progress.textContent).toContain("Zapisywanie do bazy…");
    expect(buttonOrNull("Anuluj", progress)).toBeNull();
    writing.resolve(clean);
    await settle();
    expect(document.querySelector(".progress-row")).toBeNull();
    expect(document.querySelector(".import-message")?.textContent).toBe("Wczytano plik strategia.xlsx.");
    unmount(view);
  });

  it("shows any other failure as an error panel", async () => {
    mockCommands({ checkImport: () => fail({ kind: "io", message: "nie można odczytać pliku" }) });
    const view = show();
    await check();
    const panel = document.querySelector(".error-panel")!;
    expect(panel.querySelector("h2")?.textContent).toBe("Błąd odczytu lub zapisu");
    expect(panel.textContent).toContain("nie można odczytać pliku");
    unmount(view);
  });
});
