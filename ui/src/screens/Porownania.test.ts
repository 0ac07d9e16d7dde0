import { afterEach, describe, expect, it } from "vitest";
import { mount, unmount } from "svelte";
import { clearMocks } from "@tauri-apps/api/mocks";
import { setLocale } from "../lib/i18n/index.svelte";
import { button, choose, settle } from "../test/dom";
import { fail, mockCommands } from "../test/ipc";
import Porownania from "./Porownania.svelte";
import Koszty from "./Koszty.svelte";

const noData = () => fail({ kind: "missing_data", message: "brak danych" });

const syncStatus = () => ({
  server: null,
  interval_minutes: 0,
  trusted_keys: [],
  release_version: null,
  release_applied_at: null,
  release_label: null,
  history: [],
});

describe("years come from the data (issue 13 defect)", () => {
  afterEach(() => {
    clearMocks();
    setLocale("pl");
    document.body.innerHTML = "";
  });

  it("Porównania offers 2025 when the data has it and asks for it first", async () => {
    const calls = mockCommands({
      comparableIndicators: () => [
        { code: "WYD_SP_NA_UCZNIA", name: "Wydatki na ucznia", unit: "zł", area: "Oświata" },
        { code: "LUD_OGOLEM", name: "Ludność", unit: "osoby", area: "Ludność" },
      ],
      indicatorYears: (args) => (args.code === "WYD_SP_NA_UCZNIA" ? [2025, 2024, 2023] : [2021]),
      benchmark: noData,
      peerGroups: () => [],
      syncStatus,
      nearestPeers: noData,
      positionOverYears: () => [],
    });
    const screen = mount(Porownania, { target: document.body, props: { demo: false } });
    await settle();
    const select = document.querySelector<HTMLSelectElement>("select[name=year]")!;
    expect([...select.options].map((o) => o.value)).toEqual(["2025", "2024", "2023"]);
    expect(calls.find((c) => c.command === "benchmark")?.args.year).toBe(2025);

    choose(document.querySelector<HTMLSelectElement>("select[name=indicator]")!, "LUD_OGOLEM");
    await settle();
    expect([...select.options].map((o) => o.value)).toEqual(["2021"]);
    expect(calls.filter((c) => c.command === "benchmark").at(-1)?.args).toMatchObject({ indicator: "LUD_OGOLEM", year: 2021 });
    unmount(screen);
  });

  it("Koszty offers the years of the data and the CPI's base years", async () => {
    mockCommands({
      costYears: () => ({ years: [2025, 2024], price_base_years: [2024, 2023, 2009] }),
      costs: noData,
      peerGroups: () => [],
    });
    const screen = mount(Koszty, { target: document.body, props: { demo: false } });
    await settle();
    const select = document.querySelector<HTMLSelectElement>("select[name=year]")!;
    expect([...select.options].map((o) => o.value).filter((v) => v !== "")).toContain("2025");
    const real = document.querySelector<HTMLInputElement>("input[name=real]")!;
    real.click();
    await settle();
    const base = document.querySelector<HTMLSelectElement>("select[name=base]")!;
    expect([...base.options].map((o) => o.value)).toEqual(["2024", "2023", "2009"]);
    unmount(screen);
  });
});

describe("experience-exchange groups (issue 14)", () => {
  afterEach(() => {
    clearMocks();
    setLocale("pl");
    document.body.innerHTML = "";
  });

  it("offers the unit's GWD, names its members, says what is shared and writes the meeting sheet", async () => {
    const description =
      "grupa wymiany doświadczeń „Wodociągi” (wodociągi i kanalizacja), liczba członków: 2 — dane udostępnione za zgodą członków";
    const group = {
      id: "1",
      name: "Wodociągi",
      area: "wodociągi i kanalizacja",
      description,
      indicators: [{ code: "KANALIZACJA_PROC", name: "Ludność korzystająca z kanalizacji", unit: "%" }],
      members: [
        { teryt: "1219053", name: "Wieliczka", own: true },
        { teryt: "1219022", name: "Gdów", own: false },
      ],
      fetched_at: "2026-12-02T01:00:00Z",
      years: [2024],
    };
    const calls = mockCommands({
      comparableIndicators: () => [{ code: "KANALIZACJA_PROC", name: "Ludność korzystająca z kanalizacji", unit: "%", area: "Komunalne" }],
      indicatorYears: () => [2024],
      benchmark: () => ({
        indicator: { code: "KANALIZACJA_PROC", name: "Ludność korzystająca z kanalizacji", unit: "%", polarity: "higher_is_better" },
        year: 2024,
        source: "public",
        group: { kind: "gwd", label: description, n: 2 },
        own: { teryt: "1219053", value: 80 },
        stats: { n: 2, q1: null, median: 75, q3: null, mean: 75, min: null, max: null, p10: null, p90: null },
        percentile_rank: null,
        rank: null,
        members: [
          { teryt: "1219053", name: "Wieliczka", value: 80 },
          { teryt: "1219022", name: "Gdów", value: 70 },
        ],
      }),
      peerGroups: () => [],
      gwdGroups: () => [group],
      gwdShares: () => [{ indicator: "KANALIZACJA_PROC", name: "Ludność korzystająca z kanalizacji", shared: true, groups: [{ id: "1", name: "Wodociągi" }] }],
      gwdNotes: () => [],
      exportGwdSheet: () => ({ id: "1", name: "Wodociągi", area: "", description, year: 2024, fetched_at: group.fetched_at, members: 2, indicators: [], notes: [] }),
      syncStatus,
      nearestPeers: noData,
      positionOverYears: () => [],
    });
    const screen = mount(Porownania, { target: document.body, props: { demo: false } });
    await settle();
    const picker = document.querySelector<HTMLSelectElement>("select[name=group]")!;
    expect([...picker.options].map((o) => o.value)).toContain("gwd:1");
    choose(picker, "gwd:1");
    button("Pokaż").click();
    await settle();
    expect(calls.filter((c) => c.command === "benchmark").at(-1)?.args).toMatchObject({ group: "gwd:1" });
    const panel = document.querySelector("[data-testid=gwd-panel]")!;
    expect(panel.querySelector("[data-testid=gwd-description]")?.textContent).toContain("za zgodą członków");
    expect(panel.querySelector("[data-testid=gwd-members]")?.textContent).toContain("Gdów");
    expect(panel.querySelector("[data-testid=gwd-shares]")?.textContent).toContain("udostępniany członkom grupy");

    const path = panel.querySelector<HTMLInputElement>("input[name=gwd-sheet-path]")!;
    path.value = "/tmp/zestawienie.xlsx";
    path.dispatchEvent(new Event("input", { bubbles: true }));
    await settle();
    panel.querySelector<HTMLButtonElement>("button[type=submit].primary")!.click();
    await settle();
    expect(calls.find((c) => c.command === "exportGwdSheet")?.args).toMatchObject({ id: "1", year: 2024, format: "xlsx", path: "/tmp/zestawienie.xlsx" });
    expect(panel.querySelector("[data-testid=gwd-sheet-written]")?.textContent).toContain("członków 2");
    unmount(screen);
  });
});
