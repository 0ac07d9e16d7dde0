import { afterEach, describe, expect, it, vi } from "vitest";
import { mount, unmount } from "svelte";
import { clearMocks } from "@tauri-apps/api/mocks";
import type { ImportProgress, OfficialImportView } from "../../ipc/bindings";
import { setLocale } from "../../lib/i18n/index.svelte";
import { button, buttonOrNull, rows, settle, typeInto } from "../../test/dom";
import { deferred, mockCommands, progressChannel } from "../../test/ipc";
import OfficialImportPanel from "./OfficialImportPanel.svelte";

const PATH = "/home/skarbnik/kutno-2023-kwartal-2-wydatki-rb28s.xml";

/** The real Kutno sample as the core reports it: 7 budget units, the half year 2023. */
const halfYear: OfficialImportView = {
  file: "kutno-2023-kwartal-2-wydatki-rb28s.xml",
  ok: true,
  kind: "budget",
  findings: [],
  budget: {
    file: "kutno-2023-kwartal-2-wydatki-rb28s.xml",
    budget_units: 7,
    reports: [{ year: 2023, report: "Rb-28S", period: 2, lines: 67, plan: 31_200_450.5, execution: 14_850_120.25 }],
    findings: [],
  },
  sio: null,
  written: false,
};

const schools: OfficialImportView = {
  file: "wykaz.xml",
  ok: true,
  kind: "sio",
  findings: [],
  budget: null,
  sio: {
    file: "wykaz.xml",
    year: 2021,
    indicator: "UCZ_SP",
    pupils: 3069.0785,
    counted: [{ rspo: "1", name: "Szkoła Podstawowa nr 1", school_type: "Szkoła podstawowa", organ_type: "Gmina", pupils: 512.5 }],
    left_out: [{ rspo: "31728", name: "Katolicka Szkoła Podstawowa", school_type: "Szkoła podstawowa", organ_type: "Organizacje Wyznaniowe", pupils: 120 }],
  },
  written: false,
};

const otherUnit: OfficialImportView = {
  file: "paczka.xml",
  ok: false,
  kind: null,
  findings: [{ severity: "error", row: null, column: null, message: "jednostka budżetowa należy do JST o kodzie 1002011" }],
  budget: null,
  sio: null,
  written: false,
};

function show(onimported = () => {}) {
  return mount(OfficialImportPanel, { target: document.body, props: { onimported } });
}

async function check() {
  typeInto(document.querySelector<HTMLInputElement>("input[name=official-path]")!, PATH);
  button("Sprawdź plik").click();
  await settle();
}

describe("OfficialImportPanel", () => {
  afterEach(() => {
    clearMocks();
    setLocale("pl");
    document.body.innerHTML = "";
  });

  it("shows what a package holds, marks the half year, and imports only when confirmed", async () => {
    const calls = mockCommands({
      checkOfficialImport: () => halfYear,
      runOfficialImport: () => ({ ...halfYear, written: true }),
    });
    const onimported = vi.fn();
    const view = show(onimported);
    await check();

    expect(calls).toEqual([{ command: "checkOfficialImport", args: { path: PATH, onProgress: expect.anything() } }]);
    expect(document.body.textContent).toContain("Paczka zawiera sprawozdania jednostek budżetowych: 7");
    expect(rows(document.querySelector("table.official-budget"))).toEqual([
      ["Rb-28S", "2023", "⚠ narastająco do końca 2. kwartału", "67", "31 200 450,5", "14 850 120,25"],
    ]);
    expect(document.body.textContent).toContain("Dane za część roku");
    expect(onimported).not.toHaveBeenCalled();

    button("Wczytaj plik").click();
    await settle();
    expect(calls.map((c) => c.command)).toEqual(["checkOfficialImport", "runOfficialImport"]);
    expect(document.querySelector("[data-testid=official-message]")?.textContent).toBe(
      "Wczytano plik kutno-2023-kwartal-2-wydatki-rb28s.xml.",
    );
    expect(onimported).toHaveBeenCalledTimes(1);
    expect(buttonOrNull("Wczytaj plik")).toBeNull();
    unmount(view);
  });

  it("shows the pupils counted and the schools left out of an SIO list", async () => {
    mockCommands({ checkOfficialImport: () => schools });
    const view = show();
    await check();
    expect(document.querySelector("[data-testid=official-sio]")?.textContent).toContain(
      "rok szkolny 2021/2022: uczniowie szkół podstawowych prowadzonych przez jednostkę: 3069,0785",
    );
    expect(rows(document.querySelector("table.official-schools")).map((r) => [r[0], r[4]])).toEqual([
      ["Szkoła Podstawowa nr 1", "✔ tak"],
      ["Katolicka Szkoła Podstawowa", "– nie"],
    ]);
    unmount(view);
  });

  it("refuses another unit's file with its findings and offers no import", async () => {
    mockCommands({ checkOfficialImport: () => otherUnit });
    const view = show();
    await check();
    expect(rows(document.querySelector("table.findings"))[0][3]).toContain("1002011");
    expect(document.querySelector(".field-error[role=alert]")).not.toBeNull();
    expect(buttonOrNull("Wczytaj plik")).toBeNull();
    unmount(view);
  });

  it("shows progress and cancels a running check", async () => {
    const running = deferred<OfficialImportView>();
    const calls = mockCommands({
      checkOfficialImport: (args) => {
        progressChannel<ImportProgress>(args).onmessage({ stage: "checking", done: 0, total: 1 });
        return running.promise;
      },
      cancelImport: () => {
        running.reject({ kind: "cancelled", message: "przerwano" });
        return null;
      },
    });
    const view = show();
    await check();
    expect(document.querySelector(".progress-row progress")?.getAttribute("max")).toBe("1");
    button("Anuluj").click();
    await settle();
    expect(calls.map((c) => c.command)).toEqual(["checkOfficialImport", "cancelImport"]);
    expect(document.querySelector("[data-testid=official-message]")?.textContent).toBe(
      "Przerwano. Nic nie zostało zapisane.",
    );
    unmount(view);
  });
});
