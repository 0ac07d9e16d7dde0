import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { mount, unmount } from "svelte";
import { clearMocks } from "@tauri-apps/api/mocks";
import type { IndicatorDetailView, IndicatorStatusView, ValueInput } from "../../ipc/bindings";
import { setLocale } from "../../lib/i18n/index.svelte";
import { button, choose, described, rows, settle, typeInto, withoutCanvas } from "../../test/dom";
import { fail, mockCommands } from "../../test/ipc";
import IndicatorDetail from "./IndicatorDetail.svelte";

const status: IndicatorStatusView = {
  node_code: "1.2",
  code: "KANALIZACJA_PROC",
  name: "Odsetek mieszkańców korzystających z kanalizacji",
  unit: "%",
  direction: "increase",
  baseline: { year: 2019, value: 60 },
  target: { year: 2030, value: 90 },
  latest: { year: 2024, value: 63.5 },
  progress_pct: 11.7,
  r_observed: 0.011,
  r_required: 0.037,
  ratio: 0.31,
  status: "limited_progress",
  target_missed: false,
  projection: { value_at_target_year: 70.2, year_target_reached: null, interval: [66.1, 74.3] },
};

const detail: IndicatorDetailView = {
  status,
  department: "Wydział Gospodarki Komunalnej",
  source: "Sprawozdanie Wodociągów Wielickich",
  milestones: [{ year: 2025, value: 70 }],
  values: [
    { year: 2023, value: 62.1, status: "ostateczne", source: null, note: "po korekcie danych spółki", sample: false },
    { year: 2024, value: 63.5, status: "wstepne", source: null, note: null, sample: false },
  ],
  history: [
    {
      year: 2023,
      old_value: 61.8,
      new_value: 62.1,
      old_status: "wstepne",
      new_status: "ostateczne",
      changed_at: "2025-03-04T10:15:00Z",
      changed_by: "a.nowak",
    },
  ],
  notes: [
    { year: 2024, text: "Opóźnienie budowy kolektora w Grabiu.", created_at: "2025-02-01T08:00:00Z", created_by: "a.nowak" },
  ],
};

/** The answer after the officer records 2025: the indicator is back on track. */
const recorded: IndicatorDetailView = {
  ...detail,
  status: { ...status, latest: { year: 2025, value: 71.5 }, status: "on_track" },
  values: [...detail.values, { year: 2025, value: 71.5, status: "ostateczne", source: null, note: null, sample: false }],
};

function show(onchanged = () => {}) {
  return mount(IndicatorDetail, {
    target: document.body,
    props: { code: status.code, year: 2025, onback: () => {}, onchanged, onopenpractice: () => {} },
  });
}

const entryForm = () => document.querySelector<HTMLFormElement>("section.entry form")!;
const field = <T extends Element>(name: string) => entryForm().querySelector<T>(`[name=${name}]`)!;

describe("IndicatorDetail", () => {
  let restoreCanvas = () => {};
  beforeEach(() => {
    restoreCanvas = withoutCanvas();
  });
  afterEach(() => {
    restoreCanvas();
    clearMocks();
    setLocale("pl");
    document.body.innerHTML = "";
  });

  it("shows the status in words with its mark, the direction, values, history and notes", async () => {
    const calls = mockCommands({ indicatorDetail: () => detail });
    const view = show();
    await settle();
    expect(calls).toEqual([{ command: "indicatorDetail", args: { code: "KANALIZACJA_PROC", year: 2025 } }]);

    expect(document.querySelector("h1")?.textContent).toBe("Odsetek mieszkańców korzystających z kanalizacji");
    const badge = document.querySelector(".indicator-head .status")!;
    expect(badge.textContent).toContain("◆");
    expect(badge.textContent).toContain("Niewielki postęp");
    expect(badge.getAttribute("data-status")).toBe("limited_progress");
    expect(described("Kierunek")).toBe("wzrost");
    expect(described("Wartość bazowa")).toBe("60 % (2019)");
    expect(described("Komórka")).toBe("Wydział Gospodarki Komunalnej");

    // Year, value, path, milestone, data status, note: the status of each value in words.
    const table = rows(document.querySelector(".data-table table"));
    expect(table.map((r) => r[0])).toEqual(["2019", "2023", "2024", "2025", "2030"]);
    expect(table[1]).toEqual(["2023", "62,1", expect.any(String), "—", "ostateczne", "po korekcie danych spółki"]);
    expect(table[2][1]).toBe("63,5");
    expect(table[2][4]).toBe("wstępne");
    expect(table[3][3]).toBe("70");
    expect(table[3][4]).toBe("");

    const history = rows(document.querySelector(".history table"));
    expect(history).toHaveLength(1);
    expect(history[0].slice(1)).toEqual(["a.nowak", "2023", "61,8 (wstępne)", "62,1 (ostateczne)"]);

    const notes = document.querySelector(".note-list")!.textContent!;
    expect(notes).toContain("Opóźnienie budowy kolektora w Grabiu.");
    expect(notes).toContain("a.nowak");
    unmount(view);
  });

  it("shows the statuses in English when English is chosen", async () => {
    setLocale("en");
    mockCommands({ indicatorDetail: () => detail });
    const view = show();
    await settle();
    expect(document.querySelector(".indicator-head .status")?.textContent).toContain("Limited progress");
    expect(described("Direction")).toBe("increase");
    expect(rows(document.querySelector(".data-table table"))[2][4]).toBe("preliminary");
    unmount(view);
  });

  it("records a value with the typed ValueInput and says the new status", async () => {
    const calls = mockCommands({ indicatorDetail: () => detail, recordValue: () => recorded });
    const onchanged = vi.fn();
    const view = show(onchanged);
    await settle();

    expect([...field<HTMLSelectElement>("status").options].map((o) => [o.value, o.textContent])).toEqual([
      ["wstepne", "wstępne"],
      ["ostateczne", "ostateczne"],
    ]);
    expect(field<HTMLInputElement>("year").value).toBe("2025");
    typeInto(field<HTMLInputElement>("value"), "71,5");
    choose(field<HTMLSelectElement>("status"), "ostateczne");
    button("Zapisz wartość").click();
    await settle();

    const input: ValueInput = { indicator: "KANALIZACJA_PROC", year: 2025, value: 71.5, status: "ostateczne", note: null };
    expect(calls.filter((c) => c.command === "recordValue")).toEqual([{ command: "recordValue", args: { input, year: 2025 } }]);
    expect(document.querySelector(".saved")?.textContent).toBe("Zapisano wartość 71,5 za rok 2025. Status: Zgodnie z planem.");
    expect(document.querySelector(".indicator-head .status")?.textContent).toContain("Zgodnie z planem");
    expect(rows(document.querySelector(".data-table table"))[3][4]).toBe("ostateczne");
    expect(onchanged).toHaveBeenCalledTimes(1);
    unmount(view);
  });

  it("asks for an explanation when the core answers note_required", async () => {
    const message = "Wartość pogarsza wskaźnik: podaj wyjaśnienie w polu uwag.";
    const calls = mockCommands({
      indicatorDetail: () => detail,
      recordValue: () => fail({ kind: "note_required", message }),
    });
    const onchanged = vi.fn();
    const view = show(onchanged);
    await settle();

    typeInto(field<HTMLInputElement>("value"), "58");
    button("Zapisz wartość").click();
    await settle();

    expect(calls.map((c) => c.command)).toEqual(["indicatorDetail", "recordValue"]);
    const note = field<HTMLTextAreaElement>("note");
    expect(document.querySelector("#entry-error")?.textContent).toBe(message);
    expect(note.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(note);
    expect(document.querySelector(".saved")?.textContent).toBe("");
    expect(document.querySelector(".error-panel")).toBeNull();
    expect(onchanged).not.toHaveBeenCalled();
    unmount(view);
  });
});
