import { describe, expect, it } from "vitest";
import type { IndicatorStatusView, StrategyOverviewView } from "../ipc";
import { attention, buildTree, filterTree, OBSERVATION_STATUSES, parseDecimal, pathValue, STATUS_MARK, STATUSES } from "./strategy";

function indicator(over: Partial<IndicatorStatusView>): IndicatorStatusView {
  return {
    node_code: "1.1",
    code: "WSK_A",
    name: "A",
    unit: "%",
    direction: "increase",
    baseline: { year: 2019, value: 100 },
    target: { year: 2029, value: 200 },
    latest: { year: 2024, value: 150 },
    progress_pct: 50,
    r_observed: null,
    r_required: null,
    ratio: null,
    status: "on_track",
    target_missed: false,
    projection: null,
    ...over,
  };
}

const overview: StrategyOverviewView = {
  sample: false,
  departments: [
    { node_code: "1.1", code: "WSK_A", department: "Edukacja" },
    { node_code: "2", code: "WSK_B", department: "Rozwój" },
  ],
  status: {
    strategy: { name: "S", period_from: 2021, period_to: 2030 },
    year: 2025,
    nodes: [
      { code: "1", parent_code: null, level: "cel_strategiczny", title: "Cel 1", score: 1, status: "on_track" },
      { code: "1.1", parent_code: "1", level: "cel_operacyjny", title: "Cel 1.1", score: 1, status: "on_track" },
      { code: "2", parent_code: null, level: "cel_strategiczny", title: "Cel 2", score: 0, status: "limited_progress" },
    ],
    indicators: [
      indicator({}),
      indicator({ node_code: "2", code: "WSK_B", status: "deterioration", target_missed: true, latest: { year: 2025, value: 1 } }),
    ],
  },
};

describe("strategy tree", () => {
  it("nests nodes and attaches indicators", () => {
    const tree = buildTree(overview.status);
    expect(tree.map((n) => n.node.code)).toEqual(["1", "2"]);
    expect(tree[0].children[0].indicators.map((i) => i.code)).toEqual(["WSK_A"]);
  });

  it("filters by status and department, keeping the way to the matches", () => {
    const tree = buildTree(overview.status);
    const byStatus = filterTree(tree, overview, { status: "deterioration", department: "" });
    expect(byStatus.map((n) => n.node.code)).toEqual(["2"]);
    const byDepartment = filterTree(tree, overview, { status: "", department: "Edukacja" });
    expect(byDepartment.map((n) => n.node.code)).toEqual(["1"]);
    expect(byDepartment[0].children[0].indicators).toHaveLength(1);
    expect(filterTree(tree, overview, { status: "achieved", department: "" })).toEqual([]);
  });

  it("lists what needs attention", () => {
    const a = attention(overview.status);
    expect(a.deteriorating.map((i) => i.code)).toEqual(["WSK_B"]);
    expect(a.missed.map((i) => i.code)).toEqual(["WSK_B"]);
    expect(a.missing.map((i) => i.code)).toEqual(["WSK_A"]);
  });
});

describe("helpers", () => {
  it("path to target is compound for positive values and linear otherwise", () => {
    expect(pathValue(indicator({}), 2019)).toBe(100);
    expect(pathValue(indicator({}), 2029)).toBeCloseTo(200);
    expect(pathValue(indicator({}), 2024)).toBeCloseTo(100 * Math.sqrt(2));
    expect(pathValue(indicator({ baseline: { year: 2019, value: 0 } }), 2024)).toBeCloseTo(100);
    expect(pathValue(indicator({}), 2030)).toBeNull();
  });

  it.each([
    ["12,5", 12.5],
    ["12 345,5", 12345.5],
    ["12\u00a0345", 12345],
    ["-3.2", -3.2],
    ["abc", null],
    ["", null],
    ["1,2,3", null],
  ])("parses %s", (text, value) => {
    expect(parseDecimal(text)).toBe(value);
  });
});

describe("closed sets from the bindings", () => {
  it("lists every status best first, each with a mark", () => {
    expect(STATUSES).toEqual(["achieved", "on_track", "acceleration_needed", "limited_progress", "deterioration", "no_data"]);
    expect(STATUSES.map((s) => STATUS_MARK[s])).toEqual(["✓", "●", "▲", "◆", "▼", "–"]);
    expect(OBSERVATION_STATUSES).toEqual(["wstepne", "ostateczne"]);
  });
});
