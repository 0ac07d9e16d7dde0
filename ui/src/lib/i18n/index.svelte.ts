import { en } from "./en";
import { pl, type MessageKey } from "./pl";

export type Locale = "pl" | "en";
export type { MessageKey };

const catalogues: Record<Locale, Record<MessageKey, string>> = { pl, en };

/** The current language; Polish unless the user switched. */
export const i18n = $state<{ locale: Locale }>({ locale: "pl" });

/** Translates `key`, filling `{name}` placeholders from `params`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = catalogues[i18n.locale][key] ?? pl[key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export function setLocale(locale: Locale): void {
  i18n.locale = locale;
  document.documentElement.lang = locale;
}

export function messageKeys(locale: Locale): string[] {
  return Object.keys(catalogues[locale]).sort();
}
