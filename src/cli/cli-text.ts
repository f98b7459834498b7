// The CLI speaks the clerk's language: Vietnamese by default, English with `--lang en`.
// Texts live in locales/<lang>/cli.ftl beside the bot's (keys `cli-*`, plain text, no HTML).
import { createI18n, plainTranslator, type Locale, type TranslateFn } from '../messages/i18n.ts';
import { UsageError } from './command.ts';

/** Dates as clerks write them: "2024-11-29" → "29/11/2024". */
export function displayDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** "2024-12-24T08:00:00+07:00" (a zoned instant) → "24/12/2024 08:00". */
export function displayZonedInstant(zoned: string): string {
  return `${displayDate(zoned.slice(0, 10))} ${zoned.slice(11, 16)}`;
}

export function parseLang(value: string | undefined): Locale {
  if (value === undefined || value === 'vi') return 'vi';
  if (value === 'en') return 'en';
  // Said in English and Vietnamese: the language itself is what is unclear.
  throw new UsageError(`--lang must be vi or en, not "${value}" (--lang phải là vi hoặc en)`);
}

/** A translate function for plain-text CLI output in one language. */
export function cliTranslator(lang: Locale): TranslateFn {
  return plainTranslator(createI18n(), lang);
}

/** The `--lang` option every localized command takes. */
export const LANG_OPTION = { lang: { type: 'string' } } as const;
