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

/** Translates `key`, filling `{name}` placeholders from `params`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = catalogues[i18n.locale][key] ?? pl[key];
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
