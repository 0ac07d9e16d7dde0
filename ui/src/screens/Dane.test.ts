import { afterEach, describe, expect, it, vi } from "vitest";
import { mount, unmount } from "svelte";
import { clearMocks } from "@tauri-apps/api/mocks";
import type { ImportCheckView, ValueGridView } from "../ipc/bindings";
import { setLocale } from "../lib/i18n/index.svelte";
import { button, settle, typeInto } from "../test/dom";
import { fail, mockCommands } from "../test/ipc";
import ValueGrid from "./data/ValueGrid.svelte";
import ExportPanel from "./data/ExportPanel.svelte";
import Dane from "./Dane.svelte";

const grid: ValueGridView = {
  strategy: "Strategia Rozwoju Gminy Wieliczka",
  years: [2021, 2022, 2023, 2024, 2025],
  rows: [
    {
      code: "WSK_KANAL",
      name: "Odsetek ludności z kanalizacją",
      unit: "%",
      node_code: "1.1",
      baseline_year: 2022,
      target_year: 2030,
      values: [{ year: 2023, value: 74, status: "ostateczne", note: null, sample: false }],
    },
  ],
};

describe("Dane", () => {
  afterEach(() => {
    clearMocks();
    setLocale("pl");
    document.body.innerHTML = "";
  });

  it("enters a value in the grid, asks for the note the core requires, and shows the value's history", async () => {
    let noted = false;
    const calls = mockCommands({
      valueGrid: () => grid,
      indicatorDetail: () => fail({ kind: "internal", message: "not needed" }),
      recordValue: (args) => {
        const input = args.input as { note: string | null };
        if (!input.note) fail({ kind: "note_required", message: "wartość oznacza status „Pogorszenie”: dopisz wyjaśnienie" });
        noted = true;
        return fail({ kind: "internal", message: "the grid reloads instead" });
      },
    });
    const screen = mount(ValueGrid, { target: document.body });
    await settle();
    expect(document.querySelector("[data-testid=cell-WSK_KANAL-2021]")).toBeNull();
    expect(document.querySelector("[data-testid=cell-WSK_KANAL-2023]")?.textContent).toContain("74");
    document.querySelector<HTMLButtonElement>("[data-testid=cell-WSK_KANAL-2024]")!.click();
    await settle();
    typeInto(document.querySelector<HTMLInputElement>("input[name=grid-value]")!, "61,5");
    document.querySelector<HTMLFormElement>("[data-testid=value-form]")!.requestSubmit();
    await settle();
    expect(document.querySelector("#grid-error")?.textContent).toContain("dopisz wyjaśnienie");
    expect(document.querySelector("textarea[name=grid-note]")?.getAttribute("aria-invalid")).toBe("true");
    const first = calls.filter((c) => c.command === "recordValue")[0].args.input;
    expect(first).toMatchObject({ indicator: "WSK_KANAL", year: 2024, value: 61.5, status: "wstepne", note: null });
    typeInto(document.querySelector<HTMLTextAreaElement>("textarea[name=grid-note]")!, "awaria oczyszczalni");
    document.querySelector<HTMLFormElement>("[data-testid=value-form]")!.requestSubmit();
    await settle();
    expect(noted).toBe(true);
    unmount(screen);
  });

  it("deletes a value and keeps the history line", async () => {
    const after: ValueGridView = { ...grid, rows: [{ ...grid.rows[0], values: [] }] };
    const calls = mockCommands({
      valueGrid: () => grid,
      indicatorDetail: () => fail({ kind: "internal", message: "no detail" }),
      deleteValue: () => after,
    });
    const screen = mount(ValueGrid, { target: document.body });
    await settle();
    document.querySelector<HTMLButtonElement>("[data-testid=cell-WSK_KANAL-2023]")!.click();
    await settle();
    expect(document.querySelector<HTMLInputElement>("input[name=grid-value]")!.value).toBe("74");
    button("Usuń wartość").click();
    await settle();
    expect(calls.find((c) => c.command === "deleteValue")?.args).toMatchObject({ code: "WSK_KANAL", year: 2023 });
    expect(document.querySelector("[data-testid=grid-saved]")?.textContent).toContain("zostaje w historii");
    expect(document.querySelector("[data-testid=cell-WSK_KANAL-2023]")?.textContent).toContain("+");
    unmount(screen);
  });

  it("exports where the user chooses and says what was written", async () => {
    const calls = mockCommands({
      pickExportFile: () => "/home/urzad/wartosci-1219053.csv",
      exportOwnData: () => ({
        kind: "values",
        format: "csv",
        path: "/home/urzad/wartosci-1219053.csv",
        rows: 30,
        bytes: 2048,
        history_rows: 31,
        note_rows: 2,
        companion_files: ["/home/urzad/wartosci-1219053-historia.csv", "/home/urzad/wartosci-1219053-notatki.csv"],
        sample: false,
      }),
    });
    const screen = mount(ExportPanel, { target: document.body });
    await settle();
    const format = document.querySelector<HTMLSelectElement>("select[name=export-format]")!;
    format.value = "csv";
    format.dispatchEvent(new Event("change"));
    button("Wybierz miejsce…").click();
    await settle();
    expect(document.querySelector<HTMLInputElement>("input[name=export-path]")!.value).toBe("/home/urzad/wartosci-1219053.csv");
    button("Eksportuj").click();
    await settle();
    expect(calls.find((c) => c.command === "exportOwnData")?.args).toMatchObject({ kind: "values", format: "csv", path: "/home/urzad/wartosci-1219053.csv" });
    const done = document.querySelector("[data-testid=export-written]")?.textContent ?? "";
    expect(done).toContain("30 wierszy");
    expect(done).toContain("wartosci-1219053-historia.csv");
    unmount(screen);
  });
  it("imports reference data in the window, reloading the grid after each and the unit after a register", async () => {
    const report = (file: string): ImportCheckView => ({
      file,
      ok: true,
      findings: [],
      strategy: null,
      nodes: 0,
      indicators: 3,
      values: 0,
      units: 0,
      register: null,
    });
    const calls = mockCommands({ valueGrid: () => grid, checkImport: (args) => report(String(args.path)), runImport: (args) => report(String(args.path)) });
    const onunitschanged = vi.fn();
    const screen = mount(Dane, { target: document.body, props: { demo: false, onunitschanged } });
    await settle();
    expect(document.body.textContent).not.toContain("nie mają jeszcze importu w oknie");
    for (const kind of ["catalogue", "register"]) {
      document.querySelector<HTMLInputElement>(`[data-testid=import-kind-${kind}]`)!.click();
      typeInto(document.querySelector<HTMLInputElement>("input[name=import-path]")!, `/dane/${kind}.csv`);
      button("Sprawdź plik", document.querySelector(".import")!).click();
      await settle();
      button("Wczytaj plik").click();
      await settle();
      expect(onunitschanged).toHaveBeenCalledTimes(kind === "register" ? 1 : 0);
    }
    expect(calls.filter((c) => c.command === "runImport").map((c) => c.args.kind)).toEqual(["catalogue", "register"]);
    expect(calls.filter((c) => c.command === "valueGrid")).toHaveLength(3);
    unmount(screen);
  });
});
