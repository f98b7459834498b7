// The chat page's words come from locales/<lang>/sandbox.ftl like every other user text: the HTML
// template's {{key}} slots are filled (escaped) once at start, and the few texts the script
// writes itself are handed to it with {name} slots for the values it knows.
import { LOCALES, type Locale, type Translator } from '../messages/i18n.ts';

/** Texts app.js uses, by the name it uses them under. */
const SCRIPT_TEXTS = {
  fromBot: ['sandbox-from-bot'],
  fromMe: ['sandbox-from-me'],
  edited: ['sandbox-edited'],
  buttons: ['sandbox-buttons'],
  reminded: ['sandbox-reminded', { code: '{code}' }],
  noOpenTask: ['sandbox-no-open-task'],
  offline: ['sandbox-offline'],
  clockFast: ['sandbox-clock-fast', { factor: '{factor}' }],
  clockNormal: ['sandbox-clock-normal'],
} as const satisfies Record<string, readonly [string] | readonly [string, Record<string, string>]>;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function pageLocale(value: unknown): Locale {
  return (LOCALES as readonly unknown[]).includes(value) ? (value as Locale) : 'vi';
}

/** The page in one language: every {{key}} replaced by its text, escaped for HTML. */
export function fillPage(template: string, i18n: Translator, locale: Locale, variables: Record<string, string>): string {
  return template.replace(/\{\{([a-z0-9-]+)\}\}/g, (_slot, key: string) => escapeHtml(key === 'lang' ? locale : i18n.t(locale, key, variables)));
}

export function scriptTexts(i18n: Translator, locale: Locale): Record<keyof typeof SCRIPT_TEXTS, string> {
  return Object.fromEntries(
    Object.entries(SCRIPT_TEXTS).map(([name, [key, variables]]) => [name, i18n.t(locale, key, variables)]),
  ) as Record<keyof typeof SCRIPT_TEXTS, string>;
}
