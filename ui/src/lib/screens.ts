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
  SCREENS.filter((s) => !["pulpit", "strategia", "porownania", "koszty", "synchronizacja", "raporty", "ustawienia"].includes(s)),
);

export function navKey(screen: ScreenId): MessageKey {
  return `nav.${screen}`;
}

/** Every screen but the Pulpit, which is always there, has a line saying what it will hold. */
export type PreparedScreen = Exclude<ScreenId, "pulpit">;

export function prepKey(screen: PreparedScreen): MessageKey {
  return `prep.${screen}`;
}
