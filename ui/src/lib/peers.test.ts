import { describe, expect, it } from "vitest";
import type { Polarity } from "../ipc";
import { band, groupKey, groupKind, GROUPS, positionKey, quartile } from "./peers";
import { t } from "./i18n/index.svelte";

describe("peer position", () => {
  it.each<[number, Polarity, number]>([
    [90, "higher_is_better", 1],
    [60, "higher_is_better", 2],
    [40, "higher_is_better", 3],
    [10, "higher_is_better", 4],
    [10, "lower_is_better", 1],
    [90, "lower_is_better", 4],
    [80, "neutral", 1],
  ])("percentile %d with %s is quartile %d", (p, polarity, q) => {
    expect(quartile(p, polarity)).toBe(q);
  });

  it("words differ for neutral indicators", () => {
    expect(positionKey(1, "higher_is_better")).toBe("peers.position.ranked.1");
    expect(positionKey(1, "neutral")).toBe("peers.position.neutral.1");
  });
});

describe("map bands", () => {
  const stats = { q1: 10, median: 20, q3: 30 };
  it.each<[number, Polarity, number]>([
    [35, "higher_is_better", 1],
    [30, "higher_is_better", 1],
    [25, "higher_is_better", 2],
    [10, "higher_is_better", 3],
    [5, "higher_is_better", 4],
    [5, "lower_is_better", 1],
    [10, "lower_is_better", 1],
    [15, "lower_is_better", 2],
    [30, "lower_is_better", 3],
    [31, "lower_is_better", 4],
    [35, "neutral", 1],
  ])("value %d with %s is band %d", (v, polarity, b) => {
    expect(band(v, stats, polarity)).toBe(b);
  });

  it("has no band without quartiles", () => {
    expect(band(1, { q1: null, median: null, q3: null }, "neutral")).toBeNull();
  });
});

describe("group names", () => {
  it.each([
    ["type_size", "type_size"],
    ["nearest:15", "nearest"],
    ["custom:Sąsiedzi", "custom"],
    ["units:1219053,1219043", "units"],
    ["galaktyka", null],
  ])("%s is of kind %s", (name, kind) => {
    expect(groupKind(name)).toBe(kind);
  });

  it("names every built-in group in words", () => {
    expect(GROUPS.map((g) => groupKind(g.name))).toEqual(GROUPS.map((g) => g.kind));
    expect(t(groupKey("nearest"))).toBe("15 najbardziej podobnych jednostek");
  });
});
