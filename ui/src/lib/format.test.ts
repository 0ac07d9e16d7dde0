import { describe, expect, it } from "vitest";
import { formatDay, formatInteger, formatNumber, parseDay } from "./format";

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

describe("parseDay", () => {
  it("reads the Polish and the ISO way of writing a day", () => {
    expect(parseDay("1.12.2026")).toBe("2026-12-01");
    expect(parseDay(" 01.12.2026 ")).toBe("2026-12-01");
    expect(parseDay("2026-12-01")).toBe("2026-12-01");
    expect(parseDay("")).toBe("");
  });

  it("refuses what is not a real day", () => {
    expect(parseDay("31.02.2026")).toBeNull();
    expect(parseDay("12/01/2026")).toBeNull();
    expect(parseDay("2026-13-01")).toBeNull();
    expect(parseDay("wczoraj")).toBeNull();
  });
});

describe("formatDay", () => {
  it("writes an ISO day as pl-PL does and leaves anything else as it is", () => {
    expect(formatDay("2026-11-30")).toBe("30.11.2026");
    expect(formatDay("2026-11")).toBe("2026-11");
  });
});
