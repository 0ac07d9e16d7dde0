import { afterEach, describe, expect, it } from "vitest";
import { mount, unmount } from "svelte";
import { clearMocks } from "@tauri-apps/api/mocks";
import type { BackupView, StatusView } from "../ipc/bindings";
import { setLocale } from "../lib/i18n/index.svelte";
import { button, rows, settle } from "../test/dom";
import { fail, mockCommands } from "../test/ipc";
import Ustawienia from "./Ustawienia.svelte";

const status: StatusView = {
  unit: { teryt: "1219053", name: "Wieliczka", kind: "gmina_miejsko_wiejska", powiat: "wielicki", voivodeship: "małopolskie", population: null },
  data_dir: "/home/urzad/.local/share/pl.monitorjst.app",
  schema_version: 11,
  demo: false,
};

const copy = (created: string, kind: BackupView["kind"], size: number): BackupView => ({
  file: `${status.data_dir}/kopie/local-${created.replace(/[-:]/g, "")}.db`,
  created,
  size,
  schema_version: 11,
  verified: true,
  kind,
  restorable: true,
});

const settingsMocks = {
  about: () => ({ version: "0.1.0", build_date: "2026-12-02", local_schema: 13, peers_schema: 6, data_dir: status.data_dir }),
  trustedKeys: () => [
    { key_id: "ab12cd34", public_key: "x", origin: "administrator" as const, added_at: "2026-11-20T10:00:00Z", added_by: "admin" },
  ],
  thresholds: () => ({
    current: { on_track: 0.95, acceleration_needed: 0.6, maintain_tolerance: 0.05 },
    defaults: { on_track: 0.95, acceleration_needed: 0.6, maintain_tolerance: 0.05 },
    custom: false,
  }),
  auditLog: () => ({
    entries: [{ id: 7, at: "2026-12-01T09:15:00Z", user: "skarbnik", kind: "values" as const, action: "usunięcie wartości", action_label: "usunięcie wartości", detail: "WSK_KANAL 2021" }],
    more: false,
    users: ["skarbnik"],
  }),
};

const header = { unit_name: null, default_unit_name: "Gmina Wieliczka", author: null, department: null, emblem_format: null, emblem_bytes: 0 };

describe("Ustawienia", () => {
  afterEach(() => {
    clearMocks();
    setLocale("pl");
    document.body.innerHTML = "";
  });

  it("makes a copy now, lists the copies and restores one after a checked confirmation", async () => {
    const daily = copy("2026-11-30T08:00:00Z", "daily", 655_400);
    let list = [daily];
    let restoredCalls = 0;
    const calls = mockCommands({
      backups: () => ({ folder: `${status.data_dir}/kopie`, backups: list, keep: 7, daily_failure: null }),
      backupNow: () => {
        const manual = copy("2026-12-01T21:40:00Z", "manual", 702_100);
        list = [manual, daily];
        return manual;
      },
      checkBackup: () => daily,
      restoreBackup: () => ({ restored: daily, previous: copy("2026-12-01T21:41:00Z", "before_restore", 702_100) }),
      reportHeader: () => header,
      ...settingsMocks,
    });
    const screen = mount(Ustawienia, {
      target: document.body,
      props: { status, onchangeunit: () => {}, onopensync: () => {}, onrestored: () => restoredCalls++ },
    });
    await settle();
    expect(document.querySelector("[data-testid=data-dir]")?.textContent).toBe(status.data_dir);
    // "O programie": the same four facts as `jst --version`, the day as pl-PL writes it.
    expect(document.querySelector("[data-testid=about-version]")?.textContent).toBe("Monitor JST 0.1.0");
    expect(document.querySelector("[data-testid=about-built]")?.textContent).toBe("02.12.2026");
    expect(document.querySelector("[data-testid=about-schemas]")?.textContent).toBe("dane własne (local.db): 13, dane porównawcze (peers.db): 6");
    expect(document.querySelector("[data-testid=about-folder]")?.textContent).toBe(status.data_dir);
    expect(rows(document.querySelector("[data-testid=backup-list]"))[0].slice(1, 5)).toEqual(["codzienna", "655,4 kB", "11", "✓ tak"]);

    button("Zrób kopię teraz").click();
    await settle();
    expect(document.querySelector("[data-testid=backup-notice]")?.textContent).toContain("702,1 kB");
    expect(rows(document.querySelector("[data-testid=backup-list]")).map((r) => r[1])).toEqual(["ręczna", "codzienna"]);

    const restoreButtons = [...document.querySelectorAll<HTMLButtonElement>("[data-testid=backup-list] button")];
    restoreButtons[1].click();
    await settle();
    expect(calls.find((c) => c.command === "checkBackup")?.args.file).toBe(daily.file);
    expect(calls.some((c) => c.command === "restoreBackup")).toBe(false);
    expect(document.querySelector("[data-testid=restore-confirm]")?.textContent).toContain("bieżąca baza zostanie najpierw zapisana");
    button("Przywróć dane z tej kopii").click();
    await settle();
    expect(calls.find((c) => c.command === "restoreBackup")?.args.file).toBe(daily.file);
    expect(restoredCalls).toBe(1);
    expect(document.querySelector("[data-testid=backup-notice]")?.textContent).toContain("Przywrócono dane z kopii");
    expect(document.querySelector("[data-testid=restore-confirm]")).toBeNull();
    unmount(screen);
  });

  it("a copy that cannot be restored is refused with the core's reason and nothing is restored", async () => {
    const calls = mockCommands({
      backups: () => ({ folder: `${status.data_dir}/kopie`, backups: [copy("2026-11-30T08:00:00Z", "daily", 1000)], keep: 7, daily_failure: "brak miejsca na dysku" }),
      checkBackup: () => fail({ kind: "invalid_input", message: "plik nie nadaje się do przywrócenia: schemat 99 jest nowszy" }),
      reportHeader: () => header,
      ...settingsMocks,
      ...settingsMocks,
    });
    const screen = mount(Ustawienia, { target: document.body, props: { status, onchangeunit: () => {}, onopensync: () => {}, onrestored: () => {} } });
    await settle();
    expect(document.body.textContent).toContain("Nie udało się zapisać dzisiejszej kopii: brak miejsca na dysku");
    document.querySelector<HTMLButtonElement>("[data-testid=backup-list] button")!.click();
    await settle();
    const alerts = [...document.querySelectorAll("[role=alert]")].map((a) => a.textContent ?? "");
    expect(alerts.some((a) => a.includes("schemat 99"))).toBe(true);
    expect(document.querySelector("[data-testid=restore-confirm]")).toBeNull();
    expect(calls.some((c) => c.command === "restoreBackup")).toBe(false);
    unmount(screen);
  });

  it("shows the history of changes with kinds in words and filters by day", async () => {
    const calls = mockCommands({
      backups: () => ({ folder: "/k", backups: [], keep: 7, daily_failure: null }),
      reportHeader: () => header,
      ...settingsMocks,
    });
    const screen = mount(Ustawienia, { target: document.body, props: { status, onchangeunit: () => {}, onopensync: () => {}, onrestored: () => {} } });
    await settle();
    const log = rows(document.querySelector("[data-testid=audit-log]"));
    expect(log[0].slice(1)).toEqual(["skarbnik", "wartości", "usunięcie wartości: WSK_KANAL 2021"]);
    const since = document.querySelector<HTMLInputElement>("input[name=audit-since]")!;
    since.value = "31.02.2026";
    since.dispatchEvent(new Event("input", { bubbles: true }));
    const asked = calls.filter((c) => c.command === "auditLog").length;
    button("Pokaż").click();
    await settle();
    expect(document.querySelector("#audit-day-error")?.textContent).toContain("DD.MM.RRRR");
    expect(calls.filter((c) => c.command === "auditLog").length).toBe(asked);
    since.value = "01.12.2026";
    since.dispatchEvent(new Event("input", { bubbles: true }));
    button("Pokaż").click();
    await settle();
    expect(document.querySelector("#audit-day-error")).toBeNull();
    expect(calls.filter((c) => c.command === "auditLog").at(-1)?.args.filter).toMatchObject({ since: "2026-12-01", kind: null });
    expect(document.querySelector("[data-testid=trusted-keys]")?.textContent).toContain("dodany przez administratora");
    unmount(screen);
  });

  it("saves the program's log for a bug report where the user says", async () => {
    const calls = mockCommands({
      backups: () => ({ folder: "/k", backups: [], keep: 7, daily_failure: null }),
      reportHeader: () => header,
      ...settingsMocks,
      saveLog: () => 12_400,
    });
    const screen = mount(Ustawienia, { target: document.body, props: { status, onchangeunit: () => {}, onopensync: () => {}, onrestored: () => {} } });
    await settle();
    const field = document.querySelector<HTMLInputElement>("input[name=log-path]")!;
    field.value = "/home/urzad/dziennik.log";
    field.dispatchEvent(new Event("input"));
    button("Zapisz dziennik do zgłoszenia błędu").click();
    await settle();
    expect(calls.find((c) => c.command === "saveLog")?.args).toMatchObject({ path: "/home/urzad/dziennik.log" });
    expect(document.querySelector("[data-testid=log-saved]")?.textContent).toContain("12,4 kB");
    unmount(screen);
  });
});
