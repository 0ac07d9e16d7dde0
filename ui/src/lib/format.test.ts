import { describe, expect, it } from "vitest";
import { formatInteger, formatNumber } from "./format";

describe("pl-PL formats", () => {
  it.each([
    [69791, "69\u00a0791"],
    [809168, "809\u00a0168"],
    [1234, "1234"],
    [0, "0"],
  ])("integer %d", (value, text) => {
    expect(formatInteger(value)).toBe(text);
  });

  it("decimal comma", () => {
    expect(formatNumber(12345.5)).toBe("12\u00a0345,5");
    expect(formatNumber(1234.5)).toBe("1234,5");
  });
});
