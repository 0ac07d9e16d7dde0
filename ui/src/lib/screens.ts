import type { MessageKey } from "./i18n/pl";

/** The screens of DESIGN §12, in navigation order. */
export const SCREENS = [
  "pulpit",
  "strategia",
  "porownania",
  "koszty",
  "dane",
  "synchronizacja",
  "raporty",
  "ustawienia",
] as const;

export type ScreenId = (typeof SCREENS)[number];

/** Screens that later issues deliver; they say plainly that they are in preparation. */
export const IN_PREPARATION: ReadonlySet<ScreenId> = new Set(
  SCREENS.filter((s) => !["pulpit", "strategia", "porownania", "koszty", "synchronizacja"].includes(s)),
);

export function navKey(screen: ScreenId): MessageKey {
  return `nav.${screen}` as MessageKey;
}

export function prepKey(screen: ScreenId): MessageKey {
  return `prep.${screen}` as MessageKey;
}
