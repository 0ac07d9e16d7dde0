import { afterEach, describe, expect, it } from "vitest";
import { mount, unmount } from "svelte";
import { clearMocks } from "@tauri-apps/api/mocks";
import { setLocale } from "../lib/i18n/index.svelte";
import { choose, settle } from "../test/dom";
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
