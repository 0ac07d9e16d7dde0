import { describe, expect, it } from "vitest";
import { positionKey, quartile } from "./peers";

describe("peer position", () => {
  it.each([
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
