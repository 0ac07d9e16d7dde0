import { afterEach, describe, expect, it } from "vitest";
import { flushSync, mount, unmount } from "svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import App from "./App.svelte";
import type { StatusView } from "./ipc/bindings";
import { wieliczkaStatus } from "./test/fixtures";

const empty: StatusView = { unit: null, data_dir: "/tmp/dane", schema_version: 1, demo: false };
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

  it("screens of later issues say they are in preparation", async () => {
    mockIPC((cmd) => (cmd === "app_status" ? chosen : null));
    const app = mount(App, { target: document.body });
    await settle();
    const strategia = [...document.querySelectorAll<HTMLButtonElement>("nav button")].find((b) =>
      b.textContent?.startsWith("Strategia"),
    )!;
    strategia.click();
    flushSync();
    expect(document.querySelector("main")?.textContent).toContain("w przygotowaniu");
    expect(strategia.getAttribute("aria-current")).toBe("page");
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
