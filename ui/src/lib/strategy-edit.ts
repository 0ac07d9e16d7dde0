// Pure helpers of the strategy editor: the definition as a tree, which levels and parents a
// node may take, what a removal takes with it, and the indicator form's text turned into the
// core's `IndicatorFields`. The core checks every edit again (the import's rules); these only
// shape the forms and catch what is not a number before asking it.
import type {
  ComparableIndicatorView,
  DefinitionNodeView,
  Direction,
  EditField,
  EditProblemView,
  IndicatorFields,
  NodeLevel,
  StrategyDefinitionView,
  YearValueView,
} from "../ipc";
import { keysOf } from "./codes";
import { parseDecimal } from "./strategy";

/** The four levels, from the top (DESIGN §4.1). */
export const LEVELS: readonly NodeLevel[] = keysOf<NodeLevel>({
  cel_strategiczny: true,
  cel_operacyjny: true,
  kierunek_dzialan: true,
  zadanie: true,
});

/** Directions the form offers; "" follows the sign of target − baseline. */
export const DIRECTIONS: readonly Direction[] = keysOf<Direction>({ increase: true, decrease: true, maintain: true });

/** After this many edits in one session the editor offers the template round trip. */
export const MANY_EDITS = 10;

export interface EditTreeNode {
  node: DefinitionNodeView;
  children: EditTreeNode[];
}

/** Nodes in saved order, nested under their parents; unknown parents become roots. */
export function definitionTree(definition: StrategyDefinitionView): EditTreeNode[] {
  const byCode = new Map<string, EditTreeNode>();
  for (const node of definition.nodes) byCode.set(node.code, { node, children: [] });
  const roots: EditTreeNode[] = [];
  for (const node of definition.nodes) {
    const parent = node.parent_code ? byCode.get(node.parent_code) : undefined;
    (parent ? parent.children : roots).push(byCode.get(node.code)!);
  }
  return roots;
}

/** Levels a child of a node of `parent` level may have (deeper ones); any level at the top. */
export function childLevels(parent: NodeLevel | null): NodeLevel[] {
  if (parent === null) return [...LEVELS];
  return LEVELS.slice(LEVELS.indexOf(parent) + 1);
}

/** A node's code and the codes of every node below it. */
export function subtreeCodes(definition: StrategyDefinitionView, code: string): string[] {
  const out = [code];
  for (let i = 0; i < out.length; i++) {
    for (const n of definition.nodes) if (n.parent_code === out[i]) out.push(n.code);
  }
  return out;
}

/** What removing a node takes with it: the nodes below it and the indicators of all. */
export function removalSummary(definition: StrategyDefinitionView, code: string): { nodes: number; indicators: number } {
  const codes = new Set(subtreeCodes(definition, code));
  const indicators = definition.nodes.filter((n) => codes.has(n.code)).reduce((sum, n) => sum + n.indicators.length, 0);
  return { nodes: codes.size - 1, indicators };
}

/** The parents a node may move under: shallower nodes outside its own subtree. */
export function moveTargets(definition: StrategyDefinitionView, code: string): DefinitionNodeView[] {
  const node = definition.nodes.find((n) => n.code === code);
  if (!node) return [];
  const own = new Set(subtreeCodes(definition, code));
  const depth = LEVELS.indexOf(node.level);
  return definition.nodes.filter((n) => !own.has(n.code) && LEVELS.indexOf(n.level) < depth);
}

/** A node's place among its siblings. */
export function siblingPlace(definition: StrategyDefinitionView, code: string): { index: number; count: number } {
  const node = definition.nodes.find((n) => n.code === code);
  const siblings = definition.nodes.filter((n) => n.parent_code === (node?.parent_code ?? null));
  return { index: siblings.findIndex((n) => n.code === code), count: siblings.length };
}

/** What the editor has open, and for which node or indicator. */
export type EditTarget =
  | { kind: "add-node"; parent: string | null }
  | { kind: "rename"; code: string }
  | { kind: "move"; code: string }
  | { kind: "remove-node"; code: string }
  | { kind: "add-indicator"; node: string }
  | { kind: "edit-indicator"; node: string; code: string }
  | { kind: "remove-indicator"; node: string; code: string };

/** Whether `target` is the form of node `code` (and, for indicators, of indicator `indicator`). */
export function isOpen(target: EditTarget | null, code: string, kinds: EditTarget["kind"][], indicator?: string): boolean {
  if (!target || !kinds.includes(target.kind)) return false;
  if ("node" in target) return target.node === code && (indicator === undefined || ("code" in target && target.code === indicator));
  if ("code" in target) return target.code === code;
  return target.parent === code;
}

/** The indicator form's fields, the same when adding and changing. */
const INDICATOR_FIELDS: readonly EditField[] = [
  "indicator_code",
  "indicator_name",
  "unit",
  "direction",
  "baseline_year",
  "baseline_value",
  "target_year",
  "target_value",
  "indicator_weight",
  "department",
  "source",
  "milestones",
];

/** The fields each form shows beside its inputs; the editor says the others above the tree. */
export const FORM_FIELDS: Record<EditTarget["kind"], readonly EditField[]> = {
  "add-node": ["parent_code", "level", "node_code", "title", "node_weight"],
  rename: ["title", "node_weight"],
  move: ["parent_code"],
  "remove-node": [],
  "add-indicator": INDICATOR_FIELDS,
  "edit-indicator": INDICATOR_FIELDS,
  "remove-indicator": [],
};

/** Messages of the problems the open form has no field for. */
export function unplaced(problems: Map<EditField, string[]>, target: EditTarget | null): string[] {
  const shown = new Set<EditField>(target ? FORM_FIELDS[target.kind] : []);
  return [...problems].filter(([field]) => !shown.has(field)).flatMap(([, messages]) => messages);
}

/** A node as its form gives it. */
export interface NodeValues {
  /** Null: the next free code. */
  code: string | null;
  level: NodeLevel;
  title: string;
  weight: number;
}

/** The indicator form as typed: every field is text until it is sent. */
export interface IndicatorForm {
  code: string;
  name: string;
  unit: string;
  direction: Direction | "";
  baselineYear: string;
  baselineValue: string;
  targetYear: string;
  targetValue: string;
  weight: string;
  department: string;
  source: string;
  milestones: { year: string; value: string }[];
}

/** A number as the form shows it (decimal comma); a missing one (the bindings' `null`) empty. */
export const decimalText = (value: number | null) => (value === null ? "" : String(value).replace(".", ","));

export function formOf(f: IndicatorFields): IndicatorForm {
  return {
    code: f.code,
    name: f.name,
    unit: f.unit,
    direction: f.direction ?? "",
    baselineYear: String(f.baseline.year),
    baselineValue: decimalText(f.baseline.value),
    targetYear: String(f.target.year),
    targetValue: decimalText(f.target.value),
    weight: decimalText(f.weight),
    department: f.department ?? "",
    source: f.source ?? "",
    milestones: f.milestones.map((m) => ({ year: String(m.year), value: decimalText(m.value) })),
  };
}

export function emptyForm(): IndicatorForm {
  return {
    code: "",
    name: "",
    unit: "",
    direction: "",
    baselineYear: "",
    baselineValue: "",
    targetYear: "",
    targetValue: "",
    weight: "1",
    department: "",
    source: "",
    milestones: [],
  };
}

/** Why a field's text cannot be sent: not a year, not a number. */
export type TextProblem = "year" | "number";

const year = (text: string): number | null => (/^\s*\d{4}\s*$/.test(text) ? Number(text.trim()) : null);

/**
 * The form as the core's `IndicatorFields`, or the fields whose text is not a year or a number
 * (the core never sees those). An empty weight is 1; empty milestone rows are left out.
 */
export function fieldsOf(form: IndicatorForm): { fields: IndicatorFields } | { invalid: Partial<Record<EditField, TextProblem>> } {
  const invalid: Partial<Record<EditField, TextProblem>> = {};
  const need = <T>(value: T | null, field: EditField, problem: TextProblem): T => {
    if (value === null) invalid[field] = problem;
    return value as T;
  };
  const baselineYear = need(year(form.baselineYear), "baseline_year", "year");
  const baselineValue = need(parseDecimal(form.baselineValue), "baseline_value", "number");
  const targetYear = need(year(form.targetYear), "target_year", "year");
  const targetValue = need(parseDecimal(form.targetValue), "target_value", "number");
  const weight = form.weight.trim() === "" ? 1 : need(parseDecimal(form.weight), "indicator_weight", "number");
  const milestones: YearValueView[] = [];
  for (const row of form.milestones) {
    if (row.year.trim() === "" && row.value.trim() === "") continue;
    const y = year(row.year);
    const v = parseDecimal(row.value);
    if (y === null || v === null) invalid.milestones = y === null ? "year" : "number";
    else milestones.push({ year: y, value: v });
  }
  if (Object.keys(invalid).length > 0) return { invalid };
  const optional = (text: string) => (text.trim() === "" ? null : text.trim());
  return {
    fields: {
      code: form.code.trim(),
      name: form.name.trim(),
      unit: form.unit.trim(),
      direction: form.direction === "" ? null : form.direction,
      baseline: { year: baselineYear, value: baselineValue },
      target: { year: targetYear, value: targetValue },
      weight,
      department: optional(form.department),
      source: optional(form.source),
      milestones,
    },
  };
}

/** The core's problems by field, in its order. */
export function problemsByField(problems: EditProblemView[]): Map<EditField, string[]> {
  const out = new Map<EditField, string[]>();
  for (const p of problems) out.set(p.field, [...(out.get(p.field) ?? []), p.message]);
  return out;
}

/** Lower case without Polish diacritics, for search as users type. */
export function fold(text: string): string {
  return text.toLowerCase().replace(/ł/g, "l").normalize("NFD").replace(/\p{M}/gu, "");
}

/** Catalogue indicators whose code or name holds every word of `query`, at most `limit`. */
export function searchCatalogue(list: ComparableIndicatorView[], query: string, limit = 20): ComparableIndicatorView[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return list.filter((i) => words.every((w) => fold(`${i.code} ${i.name}`).includes(w))).slice(0, limit);
}
