import { afterEach, describe, expect, it } from "vitest";
import { mount, unmount } from "svelte";
import { clearMocks } from "@tauri-apps/api/mocks";
import type { ReportPreviewView, ReportProgress, ReportWrittenView } from "../ipc/bindings";
import { setLocale } from "../lib/i18n/index.svelte";
import { button, settle, typeInto } from "../test/dom";
import { deferred, fail, mockCommands, progressChannel } from "../test/ipc";
import Raporty from "./Raporty.svelte";

const preview: ReportPreviewView = {
  strategy: "Strategia Rozwoju Gminy Wieliczka 2021–2030",
  year: 2024,
  sample: true,
  goals: [
    { code: "1", title: "Wysoka jakość życia", level: "cel_strategiczny", status: "acceleration_needed", indicators: 0 },
    { code: "1.1", title: "Edukacja", level: "cel_operacyjny", status: "on_track", indicators: 3 },
  ],
  indicators: 30,
  without_data: [{ code: "WSK_MONITORING", name: "Liczba kamer monitoringu" }],
  years: [2024, 2023],
  complete_year: 2024,
};

const written: ReportWrittenView = {
  path: "/home/urzad/raport-monitoringu-2024.pdf",
  bytes: 532_875,
  kind: "monitoring",
  format: "pdf",
  year: 2024,
  indicators: 30,
  sample: true,
};

const header = {
  unit_name: null,
  default_unit_name: "Gmina Wieliczka",
  author: null,
  department: null,
  emblem_format: null,
  emblem_bytes: 0,
};

function base() {
  return {
    completeReportYear: () => 2024,
    reportPreview: () => preview,
    reportTexts: () => ({ year: 2024, introduction: "", commentary: [] }),
    reportHeader: () => header,
  };
}

describe("Raporty", () => {
  afterEach(() => {
    clearMocks();
    setLocale("pl");
    document.body.innerHTML = "";
  });

  it("previews the year, then writes the report with progress", async () => {
    const running = deferred<ReportWrittenView>();
    let progress: ((p: ReportProgress) => void) | null = null;
    const calls = mockCommands({
      ...base(),
      writeReport: (args) => {
        progress = (p) => progressChannel<ReportProgress>(args).onmessage(p);
        return running.promise;
      },
    });
    const view = mount(Raporty, { target: document.body, props: {} });
    await settle();
    const text = document.body.textContent ?? "";
    expect(text).toContain("każda strona raportu będzie oznaczona „dane przykładowe”");
    expect(text).toContain("Wskaźników: 30.");
    expect(document.querySelector('[data-testid="report-without-data"]')?.textContent).toContain("WSK_MONITORING");
    expect(document.querySelector('[data-status="on_track"]')?.textContent).toContain("Zgodnie z planem");

    button("Utwórz").click();
    await settle();
    expect(document.body.textContent).toContain("Podaj plik albo wybierz miejsce zapisu.");

    typeInto(document.querySelector<HTMLInputElement>("input[name=report-path]")!, "/home/urzad/raport-monitoringu-2024");
    button("Utwórz").click();
    await settle();
    progress!({ stage: "layout", done: 1, total: 3 });
    await settle();
    expect(document.querySelector("progress")?.getAttribute("value")).toBe("1");
    expect(document.body.textContent).toContain("Składanie dokumentu…");
    running.resolve(written);
    await settle();
    expect(document.querySelector('[data-testid="report-done"]')?.textContent).toBe(
      "Zapisano /home/urzad/raport-monitoringu-2024.pdf (520 KB).",
    );
    const write = calls.find((c) => c.command === "writeReport")!;
    expect(write.args).toMatchObject({ kind: "monitoring", year: 2024, format: "pdf", path: "/home/urzad/raport-monitoringu-2024.pdf" });
    unmount(view);
  });

  it("offers only XLSX for the workbook and says a cancelled report wrote nothing", async () => {
    const calls = mockCommands({
      ...base(),
      writeReport: () => fail({ kind: "cancelled", message: "przerwano na życzenie; nic nie zapisano" }),
    });
    const view = mount(Raporty, { target: document.body, props: {} });
    await settle();
    const xlsx = document.querySelector<HTMLInputElement>("input[name=kind][value=xlsx]")!;
    xlsx.click();
    await settle();
    const formats = [...document.querySelectorAll<HTMLInputElement>("input[name=format]")].map((i) => i.value);
    expect(formats).toEqual(["xlsx"]);
    typeInto(document.querySelector<HTMLInputElement>("input[name=report-path]")!, "/tmp/stan");
    button("Utwórz").click();
    await settle();
    expect(document.body.textContent).toContain("Przerwano; nic nie zapisano.");
    expect(calls.find((c) => c.command === "writeReport")!.args).toMatchObject({ kind: "xlsx", format: "xlsx", path: "/tmp/stan.xlsx" });
    unmount(view);
  });

  it("says plainly when there is no strategy", async () => {
    mockCommands({
      completeReportYear: () => null,
      reportPreview: () => fail({ kind: "missing_data", message: "brak aktywnej strategii" }),
    });
    const view = mount(Raporty, { target: document.body, props: {} });
    await settle();
    expect(document.body.textContent).toContain("Nie ma aktywnej strategii.");
    unmount(view);
  });
});
