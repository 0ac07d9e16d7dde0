// Peer position in words and a sequential blue class by quartile (DESIGN §12): turned by the
// indicator's polarity, never green or red, never colour alone.
import type { MessageKey } from "./i18n/pl";

export type Quartile = 1 | 2 | 3 | 4;

/** Quartile of the group the own unit falls in, 1 = best; for neutral indicators 1 = highest values. */
export function quartile(percentileRank: number, polarity: string): Quartile {
  const fromTop = polarity === "lower_is_better" ? percentileRank : 100 - percentileRank;
  if (fromTop <= 25) return 1;
  if (fromTop <= 50) return 2;
  if (fromTop <= 75) return 3;
  return 4;
}

export function positionKey(q: Quartile, polarity: string): MessageKey {
  const neutral = polarity === "neutral";
  return `peers.position.${neutral ? "neutral" : "ranked"}.${q}` as MessageKey;
}

export const GROUPS = ["type_size", "voivodeship", "powiat", "all", "nearest:15"] as const;

/** Message key of a built-in group name (`nearest:15` → `peers.group.nearest`). */
export function groupKey(group: string): MessageKey {
  return `peers.group.${group.split(":")[0]}` as MessageKey;
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
export function band(value: number, stats: Stats, polarity: string): Quartile | null {
  const { q1, median, q3 } = stats;
  if (q1 === null || median === null || q3 === null) return null;
  if (polarity === "lower_is_better") {
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
