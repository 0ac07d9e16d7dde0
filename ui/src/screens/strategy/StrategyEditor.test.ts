import { afterEach, describe, expect, it, vi } from "vitest";
import { mount, unmount } from "svelte";
import { clearMocks } from "@tauri-apps/api/mocks";
import type {
  ComparableIndicatorView,
  IndicatorFields,
  StrategyDefinitionView,
  StrategyEdit,
  StrategyEditView,
} from "../../ipc/bindings";
import { setLocale } from "../../lib/i18n/index.svelte";
import { button, settle, typeInto } from "../../test/dom";
import { mockCommands } from "../../test/ipc";
import StrategyEditor from "./StrategyEditor.svelte";

const kanal: IndicatorFields = {
  code: "KANALIZACJA_PROC",
  name: "Odsetek ludności korzystającej z kanalizacji",
  unit: "%",
  direction: "increase",
  baseline: { year: 2019, value: 60 },
  target: { year: 2030, value: 90 },
  weight: 1,
  department: "Wydział Gospodarki Komunalnej",
  source: null,
  milestones: [],
};

const definition: StrategyDefinitionView = {
  strategy: { name: "Strategia Rozwoju Gminy Wieliczka", period_from: 2019, period_to: 2030 },
  sample: false,
  undo: null,
  nodes: [
    { code: "1", parent_code: null, level: "cel_strategiczny", title: "Środowisko", weight: 1, indicators: [] },
    { code: "1.1", parent_code: "1", level: "cel_operacyjny", title: "Woda", weight: 1, indicators: [kanal] },
    { code: "2", parent_code: null, level: "cel_strategiczny", title: "Edukacja", weight: 1, indicators: [] },
  ],
};

const catalogue: ComparableIndicatorView[] = [
  { code: "UCZ_SP", name: "Uczniowie szkół podstawowych", unit: "osoby", area: "Edukacja" },
  { code: "KANALIZACJA_PROC", name: "Odsetek ludności korzystającej z kanalizacji", unit: "%", area: "Infrastruktura" },
];

const label = "dodano wskaźnik UCZ_SP do węzła 2";

const added: IndicatorFields = {
  code: "UCZ_SP",
  name: "Uczniowie szkół podstawowych",
  unit: "osoby",
  direction: null,
  baseline: { year: 2020, value: 4200 },
  target: { year: 2030, value: 4800 },
  weight: 1,
  department: null,
  source: null,
  milestones: [{ year: 2025, value: 4500 }],
};

const afterAdd: StrategyEditView = {
  done: label,
  changed: true,
  warnings: [],
  definition: {
    ...definition,
    nodes: definition.nodes.map((n) => (n.code === "2" ? { ...n, indicators: [added] } : n)),
    undo: { label, at: "2026-03-02T10:15:00Z", by: "a.nowak", depth: 1 },
  },
};

function show(onchanged = () => {}) {
  return mount(StrategyEditor, { target: document.body, props: { onchanged, onclose: () => {} } });
}

const actions = (code: string) => document.querySelector<HTMLElement>(`[aria-label="Działania dla węzła ${code}"]`)!;
const form = () => document.querySelector<HTMLFormElement>("[data-testid=indicator-form]")!;
const input = (name: string) => form().querySelector<HTMLInputElement>(`[name=${name}]`)!;
const labelled = (name: string) => document.querySelector<HTMLButtonElement>(`[aria-label="${name}"]`)!;
const undoButton = () => document.querySelector<HTMLButtonElement>("[data-testid=strategy-undo]")!;

describe("StrategyEditor", () => {
  afterEach(() => {
    clearMocks();
    setLocale("pl");
    document.body.innerHTML = "";
  });

  it("adds an indicator from the catalogue, then undoes it", async () => {
    const calls = mockCommands({
      strategyDefinition: () => definition,
      comparableIndicators: () => catalogue,
      checkStrategyEdit: () => [],
      editStrategy: () => afterAdd,
      undoStrategyEdit: () => ({ done: `cofnięto: ${label}`, changed: true, warnings: [], definition }),
    });
    const onchanged = vi.fn();
    const view = show(onchanged);
    await settle();
    expect(undoButton().disabled).toBe(true);
    expect(undoButton().textContent?.trim()).toBe("Cofnij (brak zmian do cofnięcia)");

    button("Dodaj wskaźnik", actions("2")).click();
    await settle();
    expect(document.activeElement).toBe(input("catalogue-search"));
    typeInto(input("catalogue-search"), "uczniowie szkol");
    button("UCZ_SP Uczniowie szkół podstawowych (osoby)", form()).click();
    await settle();
    expect(input("code").value).toBe("UCZ_SP");
    expect(input("unit").value).toBe("osoby");
    typeInto(input("baseline-year"), "2020");
    typeInto(input("baseline-value"), "4 200");
    typeInto(input("target-year"), "2030");
    typeInto(input("target-value"), "4800");
    button("Dodaj kamień milowy", form()).click();
    await settle();
    typeInto(input("milestone-year-0"), "2025");
    typeInto(input("milestone-value-0"), "4500");
    document.querySelector<HTMLButtonElement>("[data-testid=indicator-save]")!.click();
    await settle();

    const edit: StrategyEdit = { op: "add_indicator", node_code: "2", indicator: added };
    expect(calls.filter((c) => c.command !== "strategyDefinition" && c.command !== "comparableIndicators")).toEqual([
      { command: "checkStrategyEdit", args: { edit } },
      { command: "editStrategy", args: { edit } },
    ]);
    expect(document.querySelector("[data-testid=indicator-form]")).toBeNull();
    expect(document.querySelector(".edit-status")?.textContent).toContain(label);
    expect(document.querySelector(".edit-tree")?.textContent).toContain("UCZ_SP");
    expect(undoButton().textContent?.trim()).toBe(`Cofnij: ${label}`);
    expect(document.querySelector("#undo-when")?.textContent).toContain("a.nowak");
    expect(onchanged).toHaveBeenCalledTimes(1);

    undoButton().click();
    await settle();
    expect(calls.at(-1)?.command).toBe("undoStrategyEdit");
    expect(document.querySelector(".edit-tree")?.textContent).not.toContain("UCZ_SP");
    expect(document.querySelector(".edit-status")?.textContent).toContain(`cofnięto: ${label}`);
    expect(undoButton().disabled).toBe(true);
    expect(onchanged).toHaveBeenCalledTimes(2);
    unmount(view);
  });

  it("shows the core's problems beside their fields and writes nothing", async () => {
    const message = "rok docelowy 2018 musi być późniejszy niż rok bazowy 2019";
    const calls = mockCommands({
      strategyDefinition: () => definition,
      checkStrategyEdit: () => [{ field: "target_year", message }],
    });
    const view = show();
    await settle();
    labelled("Zmień wskaźnik KANALIZACJA_PROC").click();
    await settle();
    expect(input("code").readOnly).toBe(true);
    typeInto(input("target-year"), "2018");
    button("Zapisz wskaźnik", form()).click();
    await settle();

    expect(calls.map((c) => c.command)).toEqual(["strategyDefinition", "checkStrategyEdit"]);
    const target = input("target-year");
    expect(target.getAttribute("aria-invalid")).toBe("true");
    const described = document.getElementById(target.getAttribute("aria-describedby")!);
    expect(described?.textContent).toBe(message);
    expect(input("baseline-year").getAttribute("aria-invalid")).toBe("false");
    unmount(view);
  });

  it("keeps text that is not a number in the window", async () => {
    const calls = mockCommands({ strategyDefinition: () => definition });
    const view = show();
    await settle();
    labelled("Zmień wskaźnik KANALIZACJA_PROC").click();
    await settle();
    typeInto(input("target-value"), "dużo");
    button("Zapisz wskaźnik", form()).click();
    await settle();
    expect(calls.map((c) => c.command)).toEqual(["strategyDefinition"]);
    expect(input("target-value").getAttribute("aria-invalid")).toBe("true");
    expect(form().textContent).toContain("Wpisz liczbę, np. 12,5.");
    unmount(view);
  });

  it("names what a removal takes before removing", async () => {
    const calls = mockCommands({
      strategyDefinition: () => definition,
      checkStrategyEdit: () => [],
      editStrategy: () => ({ ...afterAdd, done: "usunięto węzeł 1 „Środowisko”", definition: { ...definition, nodes: definition.nodes.slice(2) } }),
    });
    const view = show();
    await settle();
    button("Usuń", actions("1")).click();
    await settle();
    const dialog = document.querySelector(".confirm")!;
    expect(document.activeElement?.textContent?.trim()).toBe("Tak, usuń węzeł 1");
    expect(dialog.textContent).toContain("Usunąć węzeł 1 „Środowisko”?");
    expect(dialog.textContent).toContain("węzły podrzędne (1) i przypisania wskaźników (1)");
    button("Tak, usuń węzeł 1", dialog).click();
    await settle();
    expect(calls.at(-1)).toEqual({ command: "editStrategy", args: { edit: { op: "remove_node", code: "1" } } });
    expect(document.querySelector(".edit-tree")?.textContent).not.toContain("Środowisko");
    unmount(view);
  });

  it("moves with up and down, and offers the template after many changes", async () => {
    const calls = mockCommands({
      strategyDefinition: () => definition,
      checkStrategyEdit: () => [],
      editStrategy: () => ({ done: "zmieniono kolejność: węzeł 1", changed: true, warnings: [], definition }),
    });
    const view = show();
    await settle();
    expect(button("↑ W górę", actions("1")).disabled).toBe(true);
    for (let i = 0; i < 9; i++) {
      button("↓ W dół", actions("1")).click();
      await settle();
    }
    expect(calls.at(-1)).toEqual({
      command: "editStrategy",
      args: { edit: { op: "move_node", code: "1", parent_code: null, position: 1 } },
    });
    expect(document.querySelector(".many-edits")).toBeNull();
    button("↓ W dół", actions("1")).click();
    await settle();
    const hint = document.querySelector(".many-edits")!;
    expect(hint.textContent).toContain("wyeksportuj szablon, popraw w arkuszu i wczytaj ponownie");
    expect(hint.querySelector(".import")).not.toBeNull();
    unmount(view);
  });
});
