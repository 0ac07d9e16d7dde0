// Pure helpers of the Strategia screen: the tree, filters, the path to the target and what
// needs attention. No Tauri here; the screens pass the core's views in.
import type {
  IndicatorStatusView,
  NodeStatusView,
  ObservationStatus,
  Status,
  StrategyOverviewView,
  StrategyStatusView,
} from "../ipc";
import { keysOf } from "./codes";

/**
 * Marks shown with every status (DESIGN §12): never colour alone. Keyed by the generated `Status`,
 * so a status added in Rust fails type-checking until it has a mark (and, via `status.${code}`, a
 * label in both catalogues).
 */
export const STATUS_MARK: Record<Status, string> = {
  achieved: "✓",
  on_track: "●",
  acceleration_needed: "▲",
  limited_progress: "◆",
  deterioration: "▼",
  no_data: "–",
};

/** Every status, best first (the order of the filter). */
export const STATUSES: readonly Status[] = keysOf(STATUS_MARK);

/** The statuses of a value the officer types in, in the order of the form. */
export const OBSERVATION_STATUSES: readonly ObservationStatus[] = keysOf<ObservationStatus>({
  wstepne: true,
  ostateczne: true,
});

export interface TreeNode {
  node: NodeStatusView;
  children: TreeNode[];
  indicators: IndicatorStatusView[];
}

export interface Filters {
  status: Status | "";
  department: string;
}

/** Nodes in file order, nested under their parents; unknown parents become roots. */
export function buildTree(status: StrategyStatusView): TreeNode[] {
  const byCode = new Map<string, TreeNode>();
  for (const node of status.nodes) byCode.set(node.code, { node, children: [], indicators: [] });
  for (const indicator of status.indicators) byCode.get(indicator.node_code)?.indicators.push(indicator);
  const roots: TreeNode[] = [];
  for (const node of status.nodes) {
    const item = byCode.get(node.code)!;
    const parent = node.parent_code ? byCode.get(node.parent_code) : undefined;
    (parent ? parent.children : roots).push(item);
  }
  return roots;
}

export function departments(overview: StrategyOverviewView): string[] {
  const names = new Set<string>();
  for (const d of overview.departments) if (d.department) names.add(d.department);
  return [...names].sort((a, b) => a.localeCompare(b, "pl"));
}

/** Keeps the indicators that match and the nodes on the way to them; no filter keeps all. */
export function filterTree(tree: TreeNode[], overview: StrategyOverviewView, filters: Filters): TreeNode[] {
  if (!filters.status && !filters.department) return tree;
  const department = new Map(overview.departments.map((d) => [`${d.node_code}/${d.code}`, d.department]));
  const keep = (i: IndicatorStatusView) =>
    (!filters.status || i.status === filters.status) &&
    (!filters.department || department.get(`${i.node_code}/${i.code}`) === filters.department);
  const walk = (nodes: TreeNode[]): TreeNode[] =>
    nodes.flatMap((n) => {
      const children = walk(n.children);
      const indicators = n.indicators.filter(keep);
      return children.length || indicators.length ? [{ ...n, children, indicators }] : [];
    });
  return walk(tree);
}

/**
 * Value of the path from baseline to target in `year`: compound when baseline and target are
 * positive, as the status method measures pace (DESIGN §5.1), else linear.
 */
export function pathValue(indicator: IndicatorStatusView, year: number): number | null {
  const { baseline: b, target: g } = indicator;
  if (b.value === null || g.value === null || year < b.year || year > g.year) return null;
  const share = (year - b.year) / (g.year - b.year);
  if (b.value > 0 && g.value > 0) return b.value * Math.pow(g.value / b.value, share);
  return b.value + (g.value - b.value) * share;
}

export interface Attention {
  deteriorating: IndicatorStatusView[];
  missed: IndicatorStatusView[];
  missing: IndicatorStatusView[];
}

/** What the Pulpit lists: deteriorating indicators, missed targets, values missing for the year. */
export function attention(status: StrategyStatusView): Attention {
  const unique = (list: IndicatorStatusView[]) => {
    const seen = new Set<string>();
    return list.filter((i) => !seen.has(i.code) && seen.add(i.code));
  };
  return {
    deteriorating: unique(status.indicators.filter((i) => i.status === "deterioration")),
    missed: unique(status.indicators.filter((i) => i.target_missed)),
    missing: unique(status.indicators.filter((i) => !i.latest || i.latest.year < status.year)),
  };
}

/** A number as Polish users type it: "12,5", "12 345,5", "-3.2". */
export function parseDecimal(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}
