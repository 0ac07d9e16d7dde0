import { afterEach, describe, expect, it } from "vitest";
import { flushSync, mount, unmount } from "svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import App from "./App.svelte";
import type {
  BenchmarkView,
  BoundaryView,
  ContributionItemView,
  ContributionsView,
  CostRowView,
  CostsView,
  RegisterSyncView,
  StatusView,
  StrategyOverviewView,
  SubmissionResult,
  SubmitView,
  SyncLogView,
  SyncStatusView,
  SyncView,
} from "./ipc/bindings";
import { wieliczkaStatus } from "./test/fixtures";

const empty: StatusView = { unit: null, data_dir: "/tmp/dane", schema_version: 3, demo: false };
const chosen = wieliczkaStatus(false);

async function settle() {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  flushSync();
}

describe("App", () => {
  afterEach(() => {
    clearMocks();
    document.body.innerHTML = "";
  });

  it("first run: search, choose, see the Pulpit", async () => {
    mockIPC((cmd, args) => {
      if (cmd === "app_status") return empty;
      if (cmd === "search_units") return (args as { query: string }).query === "wieliczka" ? [chosen.unit] : [];
      if (cmd === "choose_unit") return chosen;
      if (cmd === "strategy_overview") throw { kind: "missing_data", message: "brak aktywnej strategii" };
      throw new Error(cmd);
    });
    const app = mount(App, { target: document.body });
    await settle();
    expect(document.querySelector("h1")?.textContent).toBe("Wybierz swoją jednostkę");

    const input = document.querySelector<HTMLInputElement>("#unit-search")!;
    input.value = "wieliczka";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    await new Promise((r) => setTimeout(r, 200));
    await settle();
    const result = document.querySelector<HTMLButtonElement>("button.result")!;
    expect(result.textContent).toContain("Wieliczka");
    expect(result.textContent).toContain("gmina miejsko-wiejska");

    result.click();
    await settle();
    expect(document.querySelector("h1")?.textContent).toBe("Wieliczka");
    expect(document.querySelector('[data-testid="unit-population"]')?.textContent).toContain("69\u00a0791");
    expect(document.querySelectorAll("nav button")).toHaveLength(8);
    unmount(app);
  });

  it("every screen is real: none says it is in preparation", async () => {
    mockIPC((cmd) => {
      if (cmd === "app_status") return chosen;
      throw { kind: "missing_data", message: "brak aktywnej strategii" };
    });
    const app = mount(App, { target: document.body });
    await settle();
    const buttons = [...document.querySelectorAll<HTMLButtonElement>("nav button")];
    expect(buttons).toHaveLength(8);
    for (const button of buttons) {
      button.click();
      await settle();
      expect(button.getAttribute("aria-current")).toBe("page");
      expect(document.querySelector("main")?.textContent?.toLowerCase()).not.toContain("w przygotowaniu");
      expect(document.querySelector("main h1")).not.toBeNull();
    }
    unmount(app);
  });

  it("shows an error from the core instead of crashing", async () => {
    mockIPC(() => {
      throw { kind: "schema_too_new", message: "baza ma schemat w wersji 9" };
    });
    const app = mount(App, { target: document.body });
    await settle();
    expect(document.querySelector('[role="alert"]')?.textContent).toContain("baza ma schemat w wersji 9");
    unmount(app);
  });
});

describe("Strategia", () => {
  afterEach(() => {
    clearMocks();
    document.body.innerHTML = "";
  });

  it("shows the tree with status words, expands a goal and opens what needs attention", async () => {
    const overview: StrategyOverviewView = {
      sample: true,
      departments: [{ node_code: "1", code: "WSK_A", department: "Edukacja" }],
      status: {
        strategy: { name: "Strategia testowa", period_from: 2021, period_to: 2030 },
        year: 2025,
        nodes: [{ code: "1", parent_code: null, level: "cel_strategiczny", title: "Edukacja", score: 0, status: "limited_progress" }],
        indicators: [
          {
            node_code: "1", code: "WSK_A", name: "Wskaźnik A", unit: "%", direction: "increase",
            baseline: { year: 2019, value: 10 }, target: { year: 2030, value: 20 }, latest: { year: 2024, value: 9 },
            progress_pct: -10, r_observed: -0.2, r_required: 0.9, ratio: -0.2, status: "deterioration",
            target_missed: false, projection: null,
          },
        ],
      },
    };
    mockIPC((cmd) => {
      if (cmd === "app_status") return chosen;
      if (cmd === "strategy_overview") return overview;
      throw new Error(cmd);
    });
    const app = mount(App, { target: document.body });
    await settle();
    // The Pulpit lists the deteriorating indicator with its status in words.
    const attention = document.querySelector(".attention")!;
    expect(attention.textContent).toContain("Pogarszające się wskaźniki (1)");
    expect(attention.textContent).toContain("▼");
    expect(attention.textContent).toContain("Pogorszenie");

    [...document.querySelectorAll<HTMLButtonElement>("nav button")].find((b) => b.textContent?.startsWith("Strategia"))!.click();
    await settle();
    expect(document.querySelector("h1")?.textContent).toBe("Strategia testowa");
    const goal = document.querySelector<HTMLButtonElement>("button.disclosure")!;
    expect(goal.getAttribute("aria-expanded")).toBe("false");
    expect(document.querySelector(".tree")?.textContent).toContain("Niewielki postęp");
    goal.click();
    flushSync();
    expect(goal.getAttribute("aria-expanded")).toBe("true");
    expect(document.querySelector(".indicator-row")?.textContent).toContain("Wskaźnik A");
    unmount(app);
  });
});

describe("Porównania", () => {
  afterEach(() => {
    clearMocks();
    document.body.innerHTML = "";
  });

  it("shows the group, the position in words and the members", async () => {
    const view: BenchmarkView = {
      indicator: { code: "WYD_SP_NA_UCZNIA", name: "Wydatki na szkoły podstawowe na 1 ucznia", unit: "zł", polarity: "lower_is_better" },
      year: 2024,
      source: "public",
      group: { kind: "powiat", label: "gminy, powiat wielicki", n: 5 },
      own: { teryt: "1219053", value: 9000 },
      stats: { n: 4, q1: 9750, median: 10000, q3: 10500, mean: 10250, min: 9000, max: 12000, p10: null, p90: null },
      percentile_rank: 12.5,
      rank: 1,
      members: [
        { teryt: "1219053", name: "Wieliczka", value: 9000 },
        { teryt: "1219043", name: "Niepołomice", value: 12000 },
      ],
    };
    mockIPC((cmd) => {
      if (cmd === "app_status") return chosen;
      if (cmd === "strategy_overview") throw { kind: "missing_data", message: "brak" };
      if (cmd === "comparable_indicators") return [{ code: "WYD_SP_NA_UCZNIA", name: "Wydatki na szkoły podstawowe na 1 ucznia", unit: "zł", area: "edukacja" }];
      if (cmd === "indicator_years") return [2024, 2023];
      if (cmd === "benchmark") return view;
      if (cmd === "peer_groups") return [{ name: "Sąsiedzi", group: "custom:Sąsiedzi", members: [], saved_at: "2026-11-22T10:00:00Z" }];
      if (cmd === "boundaries") return [square("1219053", 0), square("1219043", 1)];
      if (cmd === "position_over_years")
        return [
          { year: 2023, value: 9500, percentile_rank: 37.5, rank: 2, n: 4, median: 9900 },
          { year: 2024, value: 9000, percentile_rank: 12.5, rank: 1, n: 4, median: 10000 },
        ];
      if (cmd === "nearest_peers")
        return [{ teryt: "1219043", name: "Niepołomice", distance: 0.5, shares: { LUD_OGOLEM: 0.75, POW_KM2: 0.25 } }];
      throw new Error(cmd);
    });
    const app = mount(App, { target: document.body });
    await settle();
    [...document.querySelectorAll<HTMLButtonElement>("nav button")].find((b) => b.textContent?.startsWith("Porównania"))!.click();
    await settle();
    expect(document.querySelector("[data-testid=group-info]")?.textContent).toContain("gminy, powiat wielicki");
    const badge = document.querySelector(".peer")!;
    expect(badge.textContent).toBe("w najlepszej ćwiartce grupy");
    expect(badge.getAttribute("data-quartile")).toBe("1");
    expect(document.querySelector(".own-row")?.textContent).toContain("Wieliczka");
    // Saved groups are offered beside the built-in ones.
    expect([...document.querySelectorAll("select[name=group] option")].map((o) => o.getAttribute("value"))).toContain("custom:Sąsiedzi");
    // The map colours by quartile band: the cheapest unit is in the best band, the dearest in the weakest.
    await settle();
    expect(document.querySelector('[data-testid=peer-map] path[data-teryt="1219053"]')?.getAttribute("class")).toContain("b1");
    expect(document.querySelector('[data-testid=peer-map] path[data-teryt="1219043"]')?.getAttribute("class")).toContain("b4");
    expect(document.querySelector("[data-testid=rank-years]")?.textContent).toContain("miejsce 2 z 4");
    expect(document.querySelector("[data-testid=similar-units]")?.textContent).toContain("LUD_OGOLEM 75%");
    unmount(app);
  });
});

/** A unit square east of the previous one, as the core sends a boundary. */
function square(teryt: string, i: number): BoundaryView {
  const [x, y] = [20 + i * 0.1, 50];
  const ring = [[x, y], [x, y + 0.1], [x + 0.1, y + 0.1], [x + 0.1, y], [x, y]];
  return { teryt, name: teryt, geometry: JSON.stringify({ type: "Polygon", coordinates: [ring] }) };
}

describe("Koszty", () => {
  afterEach(() => {
    clearMocks();
    document.body.innerHTML = "";
  });

  it("marks costs above the upper quartile and exports the workbook", async () => {
    const row = (indicator: string, own: number | null, q3: number): CostRowView => ({
      indicator, name: `Koszt ${indicator}`, unit: "zł", own, n: 4, q1: q3 / 2, median: q3 * 0.75, q3,
      above_q3: own === null ? null : own > q3,
    });
    const costs: CostsView = {
      year: 2024, unit_name: "Wieliczka", teryt: "1219053",
      group: { kind: "type_size", label: "gminy miejsko-wiejskie, 50–100 tys. mieszkańców", n: 4 },
      real_base: null, synthetic_peers: true, partial_budget_period: null,
      services: [
        { service: "edukacja", rows: [row("WYD_SP_NA_UCZNIA", 13000, 12250), row("WYD_PRZEDSZK_NA_DZIECKO", null, 9000)] },
        { service: "kultura", rows: [row("WYD_BIBLIOTEKI_PC", 30, 33)] },
      ],
    };
    const calls: Array<{ cmd: string; args: unknown }> = [];
    mockIPC((cmd, args) => {
      calls.push({ cmd, args });
      if (cmd === "app_status") return chosen;
      if (cmd === "strategy_overview") throw { kind: "missing_data", message: "brak" };
      if (cmd === "peer_groups") return [];
      if (cmd === "cost_years") return { years: [2024, 2023], price_base_years: [2024, 2023] };
      if (cmd === "costs" || cmd === "export_costs") return costs;
      throw new Error(cmd);
    });
    const app = mount(App, { target: document.body });
    await settle();
    [...document.querySelectorAll<HTMLButtonElement>("nav button")].find((b) => b.textContent?.startsWith("Koszty"))!.click();
    await settle();
    expect(document.querySelector("[data-testid=costs-summary]")?.textContent).toContain("Koszty powyżej górnego kwartyla grupy: 1");
    const flagged = document.querySelectorAll("tr.above-q3");
    expect(flagged).toHaveLength(1);
    expect(flagged[0].getAttribute("data-indicator")).toBe("WYD_SP_NA_UCZNIA");
    expect(flagged[0].textContent).toContain("13\u00a0000");
    expect(flagged[0].textContent).toContain("powyżej górnego kwartyla");
    expect(document.querySelector('tr[data-indicator="WYD_PRZEDSZK_NA_DZIECKO"]')?.textContent).toContain("brak wartości jednostki");

    const input = document.querySelector<HTMLInputElement>("input[name=export-path]")!;
    input.value = "/tmp/koszty";
    input.dispatchEvent(new Event("input"));
    [...document.querySelectorAll<HTMLButtonElement>("button")].find((b) => b.textContent === "Eksportuj do XLSX")!.click();
    await settle();
    const exported = calls.find((c) => c.cmd === "export_costs");
    expect(exported?.args).toMatchObject({ year: 2024, group: "type_size", realBase: null, path: "/tmp/koszty.xlsx" });
    expect(document.querySelector("[data-testid=export-done]")?.textContent).toContain("/tmp/koszty.xlsx");
    unmount(app);
  });
});

describe("Synchronizacja", () => {
  afterEach(() => {
    clearMocks();
    document.body.innerHTML = "";
  });

  it("syncs with progress and shows what changed and the history", async () => {
    const szczawa: RegisterSyncView = {
      outcome: "applied", as_of: "2025-01-01", previous_as_of: "2024-01-01", created: 1, renamed: 0, recoded: 0, ended: 0, restored: 0,
      created_examples: ["1207132 Szczawa"], ended_examples: [],
    };
    const applied: SyncLogView = {
      at: "2026-11-22T10:00:00Z", source: "http://127.0.0.1:8080", outcome: "applied", version: 2, code: null, message: null,
      bytes_downloaded: 1200, chunks_downloaded: 1, chunks_reused: 66,
      changes: { first_release: false, new_years: [2025], new_indicators: ["SYN_001"], revised_series: 1, revised_examples: ["KANALIZACJA_PROC 2024"], register: szczawa },
    };
    let history: SyncLogView[] = [
      { ...applied, version: 1, outcome: "offline", changes: null, bytes_downloaded: 0 },
      { ...applied, version: 1, outcome: "rejected", code: "bad_signature", changes: null, bytes_downloaded: 300 },
    ];
    const status = (): SyncStatusView => ({
      server: "http://127.0.0.1:8080", interval_minutes: 360, trusted_keys: ["8d2985b7f919473c"],
      release_version: history.length > 1 ? 2 : null, release_applied_at: history.length > 1 ? applied.at : null, release_label: null, history,
    });
    mockIPC((cmd, args) => {
      if (cmd === "app_status") return chosen;
      if (cmd === "strategy_overview") throw { kind: "missing_data", message: "brak" };
      if (cmd === "sync_status") return status();
      if (cmd === "contributions") {
        const none: ContributionsView = { token: { place: "none", detail: null }, server: null, pending_submissions: 0, indicators: [], items: [] };
        return none;
      }
      if (cmd === "sync_now") {
        const channel = (args as { onProgress: { onmessage?: (p: unknown) => void } }).onProgress;
        channel.onmessage?.({ done: 1, total: 2 });
        history = [applied, ...history];
        const synced: SyncView = { outcome: "applied", version: 2, code: null, bytes_downloaded: 1200, chunks_downloaded: 1, chunks_reused: 66, register: szczawa };
        return synced;
      }
      throw new Error(cmd);
    });
    const app = mount(App, { target: document.body });
    await settle();
    [...document.querySelectorAll<HTMLButtonElement>("nav button")].find((b) => b.textContent?.startsWith("Synchronizacja"))!.click();
    await settle();
    expect(document.querySelector("[data-testid=trusted-keys]")?.textContent).toContain("8d2985b7f919473c");
    expect(document.querySelector("[data-testid=sync-history]")?.textContent).toContain("Brak połączenia");
    // A rejection shows its reason in words, never the raw code.
    const rejected = [...document.querySelectorAll("[data-testid=sync-history] tbody tr")][1].textContent!;
    expect(rejected).toContain("Wydanie odrzucone");
    expect(rejected).toContain("podpis nie pochodzi z zaufanego klucza albo plik zmieniono");
    expect(rejected).not.toContain("bad_signature");
    [...document.querySelectorAll<HTMLButtonElement>("button")].find((b) => b.textContent === "Synchronizuj teraz")!.click();
    await settle();
    expect(document.querySelector("[data-testid=sync-result]")?.textContent).toContain("Wczytano nowe wydanie — wydanie 2");
    const changes = document.querySelector("[data-testid=sync-changes]")!.textContent!;
    expect(changes).toContain("2025");
    expect(changes).toContain("SYN_001");
    expect(changes).toContain("KANALIZACJA_PROC 2024");
    expect(changes).toContain("Nowe jednostki: 1207132 Szczawa.");
    expect(document.querySelector("[data-testid=sync-register]")?.textContent).toBe(
      "Rejestr TERYT zaktualizowano do stanu na 2025-01-01: nowe jednostki 1, wygaszone 0, zmiany nazw 0, zmiany kodu 0. Nowe jednostki: 1207132 Szczawa.",
    );
    expect(document.querySelectorAll("[data-testid=sync-history] tbody tr")).toHaveLength(3);
    unmount(app);
  });

  it("says when a release's register was not loaded and how to load it by hand", async () => {
    const shrunk: RegisterSyncView = {
      outcome: "too_many_ended", as_of: "2025-01-01", previous_as_of: "2024-01-01", created: 0, renamed: 0, recoded: 0, ended: 5, restored: 0,
      created_examples: [], ended_examples: ["1207032 Dobra", "1207042 Jodłownik"],
    };
    const status: SyncStatusView = {
      server: "http://127.0.0.1:8080", interval_minutes: 360, trusted_keys: ["8d2985b7f919473c"],
      release_version: null, release_applied_at: null, release_label: null, history: [],
    };
    mockIPC((cmd) => {
      if (cmd === "app_status") return chosen;
      if (cmd === "strategy_overview") throw { kind: "missing_data", message: "brak" };
      if (cmd === "sync_status") return status;
      if (cmd === "contributions") {
        const none: ContributionsView = { token: { place: "none", detail: null }, server: null, pending_submissions: 0, indicators: [], items: [] };
        return none;
      }
      if (cmd === "sync_now") {
        const synced: SyncView = { outcome: "applied", version: 1, code: null, bytes_downloaded: 900, chunks_downloaded: 3, chunks_reused: 0, register: shrunk };
        return synced;
      }
      throw new Error(cmd);
    });
    const app = mount(App, { target: document.body });
    await settle();
    [...document.querySelectorAll<HTMLButtonElement>("nav button")].find((b) => b.textContent?.startsWith("Synchronizacja"))!.click();
    await settle();
    [...document.querySelectorAll<HTMLButtonElement>("button")].find((b) => b.textContent === "Synchronizuj teraz")!.click();
    await settle();
    const register = document.querySelector("[data-testid=sync-register]")!;
    expect(register.textContent).toContain("Nie wczytano rejestru TERYT z wydania (stan na 2025-01-01)");
    expect(register.textContent).toContain("jednostek: 5 (m.in. 1207032 Dobra, 1207042 Jodłownik)");
    expect(register.textContent).toContain("jst import register PLIK --allow-shrink");
    expect(register.textContent).not.toContain("too_many_ended");
    unmount(app);
  });

  it("opts indicators in, keeps the token out of the window, sends and shows conflicts side by side", async () => {
    const calls: { cmd: string; args: unknown }[] = [];
    const item = (year: number, result: SubmissionResult, own: number, sent: number, server: number | null, rev: number | null): ContributionItemView => ({
      indicator: "KANALIZACJA_PROC", name: "Odsetek mieszkańców korzystających z kanalizacji", year,
      own_value: own, sent_value: sent, result, server_rev: rev, server_value: server,
      synced: result === "imported" && own === sent, at: "2026-11-22T10:00:00Z",
    });
    let view: ContributionsView = {
      token: { place: "none", detail: null }, server: "http://127.0.0.1:8080", pending_submissions: 1,
      indicators: [{ code: "KANALIZACJA_PROC", name: "Odsetek mieszkańców korzystających z kanalizacji", unit: "%", own_values: 2, contributed: false }],
      items: [],
    };
    mockIPC((cmd, args) => {
      calls.push({ cmd, args });
      if (cmd === "app_status") return chosen;
      if (cmd === "strategy_overview") throw { kind: "missing_data", message: "brak" };
      if (cmd === "sync_status") {
        const never: SyncStatusView = { server: "http://127.0.0.1:8080", interval_minutes: 360, trusted_keys: [], release_version: null, release_applied_at: null, release_label: null, history: [] };
        return never;
      }
      if (cmd === "contributions") return view;
      if (cmd === "set_contributed") {
        view = { ...view, indicators: view.indicators.map((i) => ({ ...i, contributed: (args as { on: boolean }).on })) };
        return view;
      }
      if (cmd === "set_unit_token") {
        view = { ...view, token: { place: "file", detail: "/dane/token-jednostki" } };
        return view;
      }
      if (cmd === "submit_now") {
        view = { ...view, pending_submissions: 0, items: [item(2023, "imported", 70, 70, null, 1), item(2024, "conflict", 75, 75, 72, 2)] };
        const submitted: SubmitView = { outcome: "sent", submissions: ["a"], items: [], code: null };
        return submitted;
      }
      if (cmd === "keep_own_value") {
        view = { ...view, items: [view.items[0], { ...view.items[1], result: "resend" }] };
        return view;
      }
      throw new Error(cmd);
    });
    const app = mount(App, { target: document.body });
    await settle();
    [...document.querySelectorAll<HTMLButtonElement>("nav button")].find((b) => b.textContent?.startsWith("Synchronizacja"))!.click();
    await settle();
    expect(document.querySelector("[data-testid=token-place]")?.textContent).toContain("Brak tokenu");
    expect(document.querySelector("[data-testid=outbox-pending]")?.textContent).toContain("1");

    const box = document.querySelector<HTMLInputElement>("input[name=contribute-KANALIZACJA_PROC]")!;
    box.click();
    await settle();
    expect(calls.find((c) => c.cmd === "set_contributed")?.args).toMatchObject({ codes: ["KANALIZACJA_PROC"], on: true });

    const secret = `jst_${"ab".repeat(32)}`;
    const field = document.querySelector<HTMLInputElement>("input[name=unit-token]")!;
    expect(field.type).toBe("password");
    field.value = secret;
    field.dispatchEvent(new Event("input"));
    await settle();
    field.form!.requestSubmit();
    await settle();
    expect(calls.find((c) => c.cmd === "set_unit_token")?.args).toMatchObject({ token: secret });
    expect(field.value).toBe("");
    expect(document.body.innerHTML).not.toContain(secret);
    expect(document.querySelector("[data-testid=token-place]")?.textContent).toContain("/dane/token-jednostki");

    [...document.querySelectorAll<HTMLButtonElement>("button")].find((b) => b.textContent === "Wyślij do stowarzyszenia")!.click();
    await settle();
    expect(document.querySelector("[data-testid=submit-result]")?.textContent).toContain("Wysłano");
    const rows = [...document.querySelectorAll("[data-testid=contribution-items] tbody tr")].map((r) => r.textContent);
    expect(rows[0]).toContain("przyjęta");
    expect(rows[1]).toContain("konflikt");
    const conflict = document.querySelector("[data-testid=conflicts] tbody tr")!.textContent!;
    expect(conflict).toContain("75");
    expect(conflict).toContain("72");
    const resolutions = [...document.querySelectorAll<HTMLButtonElement>("[data-testid=conflicts] button")];
    expect(resolutions.map((b) => b.textContent)).toEqual(["Zachowaj moją wartość", "Przyjmij wartość serwera"]);
    resolutions[0].click();
    await settle();
    expect(calls.find((c) => c.cmd === "keep_own_value")?.args).toMatchObject({ indicator: "KANALIZACJA_PROC", year: 2024 });
    expect(document.querySelector("[data-testid=conflicts]")).toBeNull();
    expect(document.querySelector("[data-testid=contribution-items]")?.textContent).toContain("do ponownego wysłania");
    unmount(app);
  });
});
