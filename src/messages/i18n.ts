// Texts live in locales/<lang>/<area>.ftl (Fluent; every file of a language is loaded). Vietnamese is the default; English mirrors it.
// The same I18n instance serves the bot (as middleware) and the composer (i18n.t outside a ctx).
import { fileURLToPath } from 'node:url';
import { I18n } from '@grammyjs/i18n';
import type { Context } from 'grammy';

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'vi';
export const LOCALES_DIR = fileURLToPath(new URL('../../locales', import.meta.url));

/** What the platform-neutral code needs from i18n. */
export interface Translator {
  t(locale: string, key: string, variables?: Record<string, string | number>): string;
}

export type TranslateFn = (key: string, variables?: Record<string, string | number>) => string;

export function createI18n<C extends Context = Context>(options: { localeNegotiator?: (ctx: C) => string | undefined | Promise<string | undefined> } = {}): I18n<C> {
  return new I18n<C>({
    defaultLocale: DEFAULT_LOCALE,
    directory: LOCALES_DIR,
    // Fluent would wrap every variable in Unicode bidi isolation marks; chat texts do not want them.
    fluentBundleOptions: { useIsolating: false },
    ...(options.localeNegotiator ? { localeNegotiator: options.localeNegotiator } : {}),
  });
}

export function toLocale(value: string | undefined | null): Locale {
  return value === 'en' ? 'en' : 'vi';
}

/** A translate function bound to one locale. */
export function translator(i18n: Translator, locale: string): TranslateFn {
  return (key, variables) => i18n.t(locale, key, variables);
}

/** A translate function for plain text whose numbers read as typed: Fluent would group digits ("#99,999"), and ids, lines and years must not be. */
export function plainTranslator(i18n: Translator, locale: string): TranslateFn {
  return (key, variables) => i18n.t(locale, key, variables && Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, String(v)])));
}
