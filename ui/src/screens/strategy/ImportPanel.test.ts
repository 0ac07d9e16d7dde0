import { afterEach, describe, expect, it, vi } from "vitest";
import { mount, unmount } from "svelte";
import { clearMocks } from "@tauri-apps/api/mocks";
import type { ImportCheckView, ImportKind, ImportProgress, RegisterCheckView } from "../../ipc/bindings";
import { ALL_IMPORT_KINDS } from "../../lib/import-kinds";
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
  units: 0,
  register: null,
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
  units: 0,
  register: null,
};

const clean: ImportCheckView = { ...withWarning, findings: [] };

function show(onimported: (kind: ImportKind) => void = () => {}, kinds?: ImportKind[]) {
  return mount(ImportPanel, { target: document.body, props: { onimported, kinds } });
}

/** The Dane screen's panel, which offers every kind. */
const showAll = (onimported: (kind: ImportKind) => void = () => {}) => show(onimported, ALL_IMPORT_KINDS);

function chooseKind(kind: ImportKind) {
  document.querySelector<HTMLInputElement>(`[data-testid=import-kind-${kind}]`)!.click();
}

const empty: ImportCheckView = { ...clean, file: "", strategy: null, nodes: 0, indicators: 0 };

/** A register that lacks four units of the stored one. */
const shrinking: RegisterCheckView = {
  as_of: "2025-01-01",
  units: 2799,
  active: 2803,
  ending: 4,
  ending_examples: ["1219012 Biskupice", "1219022 Gdów"],
  needs_consent: true,
  loaded: null,
};
const registerReport: ImportCheckView = { ...empty, file: "TERC_2025.csv", register: shrinking };
const registerLoaded: ImportCheckView = {
  ...registerReport,
  register: {
    ...shrinking,
    loaded: { file: "TERC_2025.csv", as_of: "2025-01-01", units: 2799, created: 0, renamed: 2, recoded: 0, ended: 4, restored: 0, warnings: [] },
  },
};

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
  it("offers only the template and own values by default (the strategy screens)", () => {
    const view = show();
    expect([...document.querySelectorAll<HTMLInputElement>("input[name=import-kind]")].map((i) => i.value)).toEqual(["strategy", "values"]);
    unmount(view);
  });

  it("imports a catalogue on the Dane screen: file from the dialog, report, then the import", async () => {
    const catalogue: ImportCheckView = { ...empty, file: "katalog.csv", indicators: 2 };
    const calls = mockCommands({ pickImportFile: () => "/home/urzad/katalog.csv", checkImport: () => catalogue, runImport: () => catalogue });
    const onimported = vi.fn();
    const view = showAll(onimported);
    expect([...document.querySelectorAll("input[name=import-kind]")].map((i) => i.getAttribute("data-testid"))).toEqual([
      "import-kind-strategy",
      "import-kind-values",
      "import-kind-catalogue",
      "import-kind-public_values",
      "import-kind-register",
    ]);
    chooseKind("catalogue");
    button("Wybierz plik…").click();
    await settle();
    expect(document.querySelector<HTMLInputElement>("input[name=import-path]")!.value).toBe("/home/urzad/katalog.csv");
    button("Sprawdź plik").click();
    await settle();
    expect(document.querySelector("[data-testid=import-summary]")?.textContent).toBe("Wskaźniki do dodania lub zaktualizowania w katalogu: 2.");
    button("Wczytaj plik").click();
    await settle();

    expect(calls.map((c) => c.command)).toEqual(["pickImportFile", "checkImport", "runImport"]);
    expect(calls[0].args).toEqual({ kind: "catalogue" });
    expect(calls[1].args).toMatchObject({ kind: "catalogue", path: "/home/urzad/katalog.csv" });
    expect(calls[2].args).toMatchObject({ kind: "catalogue", path: "/home/urzad/katalog.csv", allowShrink: false });
    expect(document.querySelector("[data-testid=import-message]")?.textContent).toBe("Wczytano plik katalog.csv.");
    expect(onimported).toHaveBeenCalledWith("catalogue");
    unmount(view);
  });

  it("summarises public values with the units they cover", async () => {
    const peers: ImportCheckView = { ...empty, file: "powierzchnia.csv", values: 24800, units: 2477, findings: [{ severity: "warning", row: 4, column: "teryt", message: "jednostki 1299012 nie ma w rejestrze TERYT; wiersz pominięto" }] };
    mockCommands({ checkImport: () => peers });
    const view = showAll();
    chooseKind("public_values");
    await check();
    expect(document.querySelector("[data-testid=import-summary]")?.textContent?.replace(/\u00a0/g, " ")).toBe(
      "Wartości do zapisania: 24 800, jednostek: 2477. Zastąpią dane wczytane wcześniej z pliku o tej samej nazwie.",
    );
    expect(button("Wczytaj plik").disabled).toBe(true);
    expect(acceptWarnings()).not.toBeNull();
    unmount(view);
  });

  it("explains a register that would end many units and imports it only with consent", async () => {
    const calls = mockCommands({ checkImport: () => registerReport, runImport: () => registerLoaded });
    const onimported = vi.fn();
    const view = showAll(onimported);
    chooseKind("register");
    await check();

    const refusal = document.querySelector("[data-testid=register-shrink]")!;
    expect(refusal.getAttribute("role")).toBe("alert");
    expect(refusal.textContent).toContain("zakończyłby ważność 4 jednostek (m.in. 1219012 Biskupice, 1219022 Gdów)");
    expect(document.querySelector("[data-testid=import-summary]")?.textContent).toContain("Jednostek, których nie ma w pliku i które przestaną obowiązywać: 4.");
    const consent = document.querySelector<HTMLInputElement>("[data-testid=allow-shrink]")!;
    expect(consent.parentElement?.textContent?.trim()).toBe("Zezwól na zmniejszenie rejestru");
    expect(button("Wczytaj plik").disabled).toBe(true);
    consent.click();
    await settle();
    button("Wczytaj plik").click();
    await settle();

    expect(calls[1]).toMatchObject({ command: "runImport", args: { kind: "register", path: PATH, allowShrink: true } });
    expect(document.querySelector("[data-testid=register-loaded]")?.textContent?.trim()).toBe(
      "Wczytano rejestr według stanu na 2025-01-01: jednostek 2799; nowych: 0, ze zmienioną nazwą: 2, ze zmienionym kodem: 0, zakończonych: 4, przywróconych: 0.",
    );
    expect(document.querySelector("[data-testid=register-shrink]")).toBeNull();
    expect(document.querySelector("[data-testid=allow-shrink]")).toBeNull();
    expect(onimported).toHaveBeenCalledWith("register");
    unmount(view);
  });

  it("asks no consent for a register that ends no more than a real year", async () => {
    const calls = mockCommands({ checkImport: () => ({ ...registerReport, register: { ...shrinking, ending: 1, needs_consent: false } }), runImport: () => registerReport });
    const view = showAll();
    chooseKind("register");
    await check();
    expect(document.querySelector("[data-testid=register-shrink]")).toBeNull();
    expect(document.querySelector("[data-testid=allow-shrink]")).toBeNull();
    button("Wczytaj plik").click();
    await settle();
    expect(calls[1].args).toMatchObject({ kind: "register", allowShrink: false });
    unmount(view);
  });

  it("shows the consent in English", async () => {
    setLocale("en");
    mockCommands({ checkImport: () => registerReport });
    const view = showAll();
    chooseKind("register");
    typeInto(document.querySelector<HTMLInputElement>("input[name=import-path]")!, PATH);
    button("Check the file").click();
    await settle();
    expect(document.querySelector("[data-testid=allow-shrink]")?.parentElement?.textContent?.trim()).toBe("Allow the register to shrink");
    expect(document.querySelector("[data-testid=register-shrink]")?.textContent).toContain("it would end 4 units");
    unmount(view);
  });
});
