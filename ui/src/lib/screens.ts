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

export function navKey(screen: ScreenId): MessageKey {
  return `nav.${screen}`;
}
