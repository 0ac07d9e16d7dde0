import { describe, expect, it } from "vitest";
import { blocks, runs } from "./practice-text";

describe("a practice's presentation", () => {
  it("reads headings, paragraphs and both kinds of lists", () => {
    const got = blocks("## Jak to zrobiono\n\nPierwszy wiersz\ndrugi wiersz.\n\n- jeden\n- dwa\n\n1. krok\n2. krok\n### Koniec");
    expect(got.map((b) => b.kind)).toEqual(["h2", "p", "ul", "ol", "h3"]);
    expect(got[1]).toEqual({ kind: "p", runs: [{ text: "Pierwszy wiersz drugi wiersz.", bold: false, italic: false, href: null }] });
    expect(got[2].kind === "ul" && got[2].items.length).toBe(2);
  });

  it("marks bold, italic and safe links", () => {
    expect(runs("a **b** *c* [strona](https://example.pl)")).toEqual([
      { text: "a ", bold: false, italic: false, href: null },
      { text: "b", bold: true, italic: false, href: null },
      { text: " ", bold: false, italic: false, href: null },
      { text: "c", bold: false, italic: true, href: null },
      { text: " ", bold: false, italic: false, href: null },
      { text: "strona", bold: false, italic: false, href: "https://example.pl" },
    ]);
  });

  it("keeps markup and unsafe links as plain text", () => {
    const got = runs('<img src=x onerror="alert(1)"> [x](javascript:alert(1))');
    expect(got.every((r) => r.href === null)).toBe(true);
    expect(got.map((r) => r.text).join("")).toBe('<img src=x onerror="alert(1)"> [x](javascript:alert(1))');
  });
});
