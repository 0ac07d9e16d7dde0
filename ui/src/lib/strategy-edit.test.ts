import { describe, expect, it } from "vitest";
import type { ComparableIndicatorView, IndicatorFields, StrategyDefinitionView } from "../ipc";
import {
  childLevels,
  definitionTree,
  emptyForm,
  fieldsOf,
  fold,
  formOf,
  isOpen,
  moveTargets,
  problemsByField,
  removalSummary,
  searchCatalogue,
  siblingPlace,
  unplaced,
} from "./strategy-edit";

const kanal: IndicatorFields = {
  code: "KANALIZACJA_PROC",
  name: "Odsetek mieszkańców korzystających z kanalizacji",
  unit: "%",
  direction: "increase",
  baseline: { year: 2019, value: 60.5 },
  target: { year: 2030, value: 90 },
  weight: 1,
  department: "Wydział Gospodarki Komunalnej",
  source: null,
  milestones: [{ year: 2025, value: 70 }],
};

/** 1 → (1.1 → 1.1.1 with an indicator, 1.2), 2. */
const definition: StrategyDefinitionView = {
  strategy: { name: "Strategia Rozwoju Gminy Wieliczka", period_from: 2019, period_to: 2030 },
  sample: false,
  undo: null,
  nodes: [
    { code: "1", parent_code: null, level: "cel_strategiczny", title: "Środowisko", weight: 1, indicators: [] },
    { code: "1.1", parent_code: "1", level: "cel_operacyjny", title: "Woda", weight: 2, indicators: [kanal] },
    { code: "1.1.1", parent_code: "1.1", level: "zadanie", title: "Kolektor w Grabiu", weight: 1, indicators: [kanal] },
    { code: "1.2", parent_code: "1", level: "cel_operacyjny", title: "Powietrze", weight: 1, indicators: [] },
    { code: "2", parent_code: null, level: "cel_strategiczny", title: "Edukacja", weight: 1, indicators: [] },
  ],
};

describe("strategy editor logic", () => {
  it("nests the definition and knows deeper levels", () => {
    const tree = definitionTree(definition);
    expect(tree.map((n) => n.node.code)).toEqual(["1", "2"]);
    expect(tree[0].children.map((n) => n.node.code)).toEqual(["1.1", "1.2"]);
    expect(childLevels("cel_operacyjny")).toEqual(["kierunek_dzialan", "zadanie"]);
    expect(childLevels("zadanie")).toEqual([]);
    expect(childLevels(null)).toHaveLength(4);
  });

  it("says what a removal takes and where a node may move", () => {
    expect(removalSummary(definition, "1")).toEqual({ nodes: 3, indicators: 2 });
    expect(removalSummary(definition, "1.2")).toEqual({ nodes: 0, indicators: 0 });
    // 1.1 (operational goal) only under a strategic goal, never under itself.
    expect(moveTargets(definition, "1.1").map((n) => n.code)).toEqual(["1", "2"]);
    expect(moveTargets(definition, "1.1.1").map((n) => n.code)).toEqual(["1", "1.1", "1.2", "2"]);
    expect(moveTargets(definition, "1")).toEqual([]);
    expect(siblingPlace(definition, "1.2")).toEqual({ index: 1, count: 2 });
    expect(siblingPlace(definition, "1")).toEqual({ index: 0, count: 2 });
  });

  it("turns the typed form into IndicatorFields and back", () => {
    const form = formOf(kanal);
    expect(form.baselineValue).toBe("60,5");
    expect(fieldsOf(form)).toEqual({ fields: kanal });
    const typed = { ...emptyForm(), code: " WSK_A ", name: "A", baselineYear: "2020", baselineValue: "1 234,5", targetYear: "2030", targetValue: "2000", weight: "" };
    typed.milestones = [{ year: "2025", value: "1500" }, { year: "", value: "" }];
    expect(fieldsOf(typed)).toEqual({
      fields: {
        code: "WSK_A",
        name: "A",
        unit: "",
        direction: null,
        baseline: { year: 2020, value: 1234.5 },
        target: { year: 2030, value: 2000 },
        weight: 1,
        department: null,
        source: null,
        milestones: [{ year: 2025, value: 1500 }],
      },
    });
  });

  it("names the fields whose text is not a year or a number", () => {
    const bad = { ...formOf(kanal), baselineYear: "19", targetValue: "dużo", weight: "x", milestones: [{ year: "2025", value: "?" }] };
    expect(fieldsOf(bad)).toEqual({
      invalid: { baseline_year: "year", target_value: "number", indicator_weight: "number", milestones: "number" },
    });
  });

  it("groups problems by field and finds those the form cannot show", () => {
    const problems = problemsByField([
      { field: "target_year", message: "rok docelowy 2018 musi być późniejszy niż rok bazowy 2020" },
      { field: "milestones", message: "a" },
      { field: "milestones", message: "b" },
      { field: "node_code", message: "nie ma węzła „9”" },
    ]);
    expect(problems.get("milestones")).toEqual(["a", "b"]);
    expect(unplaced(problems, { kind: "add-indicator", node: "1" })).toEqual(["nie ma węzła „9”"]);
    expect(unplaced(problems, null)).toHaveLength(4);
  });

  it("knows which form is open where", () => {
    expect(isOpen({ kind: "add-node", parent: "1" }, "1", ["add-node"])).toBe(true);
    expect(isOpen({ kind: "add-node", parent: null }, "1", ["add-node"])).toBe(false);
    expect(isOpen({ kind: "edit-indicator", node: "1.1", code: "A" }, "1.1", ["edit-indicator"], "A")).toBe(true);
    expect(isOpen({ kind: "edit-indicator", node: "1.1", code: "A" }, "1.1", ["edit-indicator"], "B")).toBe(false);
    expect(isOpen({ kind: "rename", code: "1" }, "1", ["move"])).toBe(false);
  });

  it("searches the catalogue without Polish letters", () => {
    expect(fold("Łódź Żółw")).toBe("lodz zolw");
    const list: ComparableIndicatorView[] = [
      { code: "KANALIZACJA_PROC", name: "Odsetek ludności korzystającej z kanalizacji", unit: "%", area: "Infrastruktura" },
      { code: "LUD_OGOLEM", name: "Ludność ogółem", unit: "osoby", area: "Ludność" },
    ];
    expect(searchCatalogue(list, "ludnosc").map((i) => i.code)).toEqual(["KANALIZACJA_PROC", "LUD_OGOLEM"]);
    expect(searchCatalogue(list, "ogolem ludnosc").map((i) => i.code)).toEqual(["LUD_OGOLEM"]);
    expect(searchCatalogue(list, "  ")).toEqual([]);
  });
});
