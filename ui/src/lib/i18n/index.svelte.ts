import { en } from "./en";
import { pl, type MessageKey } from "./pl";

export type Locale = "pl" | "en";
export type { MessageKey };

const catalogues: Record<Locale, Record<MessageKey, string>> = { pl, en };

const STORAGE_KEY = "jst.locale";

function savedLocale(): Locale {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === "en" ? "en" : "pl";
  } catch {
    return "pl";
  }
}

/** The current language: Polish unless the user chose English (remembered in this webview). */
export const i18n = $state<{ locale: Locale }>({ locale: savedLocale() });
if (typeof document !== "undefined") document.documentElement.lang = i18n.locale;

/**
 * Translates `key`, filling `{name}` placeholders from `params`. Keys are typed, so a missing
 * message fails type-checking; should an unknown key still arrive at run time (e.g. a code newer
 * than this build), the Polish text is used, then the key itself, rather than failing the screen.
 */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const lookup = (locale: Locale): string | undefined => {
    const catalogue: Record<string, string> = catalogues[locale];
    return Object.hasOwn(catalogue, key) ? catalogue[key] : undefined;
  };
  const template = lookup(i18n.locale) ?? lookup("pl") ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export function setLocale(locale: Locale): void {
  i18n.locale = locale;
  document.documentElement.lang = locale;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Storage may be unavailable; the choice then lasts for this session only.
  }
}

export function messageKeys(locale: Locale): string[] {
  return Object.keys(catalogues[locale]).sort();
}
