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

export const GROUPS = ["type_size", "voivodeship", "powiat", "all"] as const;
