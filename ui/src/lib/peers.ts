// Peer position in words and a sequential blue class by quartile (DESIGN §12): turned by the
// indicator's polarity, never green or red, never colour alone.
import type { GroupKind, Polarity } from "../ipc";
import type { MessageKey } from "./i18n/pl";
import { keysOf } from "./codes";

export type Quartile = 1 | 2 | 3 | 4;

/**
 * Which end of the scale the first quartile is: the best values, or for neutral indicators the
 * highest. Keyed by the generated `Polarity`, so a polarity added in Rust fails type-checking here.
 */
const FIRST: Record<Polarity, "highest" | "lowest"> = {
  higher_is_better: "highest",
  lower_is_better: "lowest",
  neutral: "highest",
};

/** Whether the position is told as better/worse or, for neutral indicators, as higher/lower. */
const WORDS: Record<Polarity, "ranked" | "neutral"> = {
  higher_is_better: "ranked",
  lower_is_better: "ranked",
  neutral: "neutral",
};

/** Quartile of the group the own unit falls in, 1 = best; for neutral indicators 1 = highest values. */
export function quartile(percentileRank: number, polarity: Polarity): Quartile {
  const fromTop = FIRST[polarity] === "lowest" ? percentileRank : 100 - percentileRank;
  if (fromTop <= 25) return 1;
  if (fromTop <= 50) return 2;
  if (fromTop <= 75) return 3;
  return 4;
}

export function positionKey(q: Quartile, polarity: Polarity): MessageKey {
  return `peers.position.${WORDS[polarity]}.${q}`;
}

/** Every kind of comparison group the core knows (the prefix of a group name). */
const GROUP_KINDS: readonly GroupKind[] = keysOf<GroupKind>({
  type_size: true,
  voivodeship: true,
  powiat: true,
  all: true,
  nearest: true,
  custom: true,
  units: true,
  gwd: true,
});

/** The built-in groups offered in the picker: the name passed to the core and its kind. */
export const GROUPS: readonly { name: string; kind: GroupKind }[] = [
  { name: "type_size", kind: "type_size" },
  { name: "voivodeship", kind: "voivodeship" },
  { name: "powiat", kind: "powiat" },
  { name: "all", kind: "all" },
  { name: "nearest:15", kind: "nearest" },
];

/** The kind of a group name (`nearest:15` → `nearest`, `custom:Sąsiedzi` → `custom`); null if unknown. */
export function groupKind(group: string): GroupKind | null {
  const prefix = group.split(":")[0];
  return GROUP_KINDS.find((kind) => kind === prefix) ?? null;
}

/** Message key of a group kind (`nearest` → `peers.group.nearest`). */
export function groupKey(kind: GroupKind): MessageKey {
  return `peers.group.${kind}`;
}

export interface Stats {
  q1: number | null;
  median: number | null;
  q3: number | null;
}

/**
 * Quartile band of a member's value within its group for the map, 1 = best (for neutral
 * indicators 1 = highest values); null when the group has no quartiles.
 */
export function band(value: number, stats: Stats, polarity: Polarity): Quartile | null {
  const { q1, median, q3 } = stats;
  if (q1 === null || median === null || q3 === null) return null;
  if (FIRST[polarity] === "lowest") {
    if (value <= q1) return 1;
    if (value <= median) return 2;
    if (value <= q3) return 3;
    return 4;
  }
  if (value >= q3) return 1;
  if (value >= median) return 2;
  if (value >= q1) return 3;
  return 4;
}

/**
 * The year to show from the years with data (newest first): the chosen one while it has data,
 * else the newest; without any data the chosen one stays (the screen then says there is none).
 */
export function pickYear(years: readonly number[], chosen: number): number {
  if (years.length === 0 || years.includes(chosen)) return chosen;
  return years[0];
}
