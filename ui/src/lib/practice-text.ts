// The presentation of a good practice is stored as a small Markdown subset (docs/practices-format.md)
// and is shown as text nodes only: this module turns it into blocks of plain runs, so nothing in a
// practice can become markup in the webview. Links are kept as text with their address: the window
// never navigates away from the program.

export type Run = { text: string; bold: boolean; italic: boolean; href: string | null };

export type Block =
  | { kind: "h2" | "h3" | "p"; runs: Run[] }
  | { kind: "ul" | "ol"; items: Run[][] };

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

/** Splits one line of text into runs: `**bold**`, `*italic*`, `[text](address)`. */
export function runs(line: string): Run[] {
  const out: Run[] = [];
  let bold = false;
  let italic = false;
  let text = "";
  const flush = () => {
    if (text !== "") out.push({ text, bold, italic, href: null });
    text = "";
  };
  for (let i = 0; i < line.length; ) {
    if (line.startsWith("**", i)) {
      flush();
      bold = !bold;
      i += 2;
      continue;
    }
    if (line[i] === "*") {
      flush();
      italic = !italic;
      i += 1;
      continue;
    }
    if (line[i] === "[") {
      const link = /^\[([^\]]*)\]\(([^)\s]*)\)/.exec(line.slice(i));
      if (link && SAFE_LINK.test(link[2])) {
        flush();
        out.push({ text: link[1] || link[2], bold, italic, href: link[2] });
        i += link[0].length;
        continue;
      }
    }
    text += line[i];
    i += 1;
  }
  flush();
  return out;
}

/** Paragraphs (split by an empty line), `##`/`###` headings, `- ` and `1. ` lists. */
export function blocks(presentation: string): Block[] {
  const out: Block[] = [];
  let paragraph: string[] = [];
  const endParagraph = () => {
    if (paragraph.length > 0) out.push({ kind: "p", runs: runs(paragraph.join(" ")) });
    paragraph = [];
  };
  for (const raw of presentation.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trim();
    const bullet = /^- (.*)$/.exec(line);
    const numbered = /^\d+\. (.*)$/.exec(line);
    if (line === "") {
      endParagraph();
    } else if (line.startsWith("### ")) {
      endParagraph();
      out.push({ kind: "h3", runs: runs(line.slice(4)) });
    } else if (line.startsWith("## ")) {
      endParagraph();
      out.push({ kind: "h2", runs: runs(line.slice(3)) });
    } else if (bullet || numbered) {
      endParagraph();
      const kind = bullet ? "ul" : "ol";
      const item = runs((bullet ?? numbered)![1]);
      const last = out[out.length - 1];
      if (last && last.kind === kind) last.items.push(item);
      else out.push({ kind, items: [item] });
    } else {
      paragraph.push(line);
    }
  }
  endParagraph();
  return out;
}
