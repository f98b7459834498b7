import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createI18n, LOCALES } from '../../src/messages/i18n.ts';
import { escapeHtml, fillPage, pageLocale, scriptTexts } from '../../src/sandbox/page-texts.ts';

const template = readFileSync(new URL('../../src/sandbox/public/index.html', import.meta.url), 'utf8');
const i18n = createI18n();

describe('the sandbox page texts', () => {
  it.each(LOCALES)('%s: every slot of the page is filled from the locale, escaped', (locale) => {
    const page = fillPage(template, i18n, locale, { database: 'nhacviec_sandbox' });
    expect(page).not.toMatch(/\{\{/);
    // A key that Fluent does not know comes back as the key itself.
    const keys = [...template.matchAll(/\{\{([a-z0-9-]+)\}\}/g)].map((m) => m[1]!).filter((k) => k !== 'lang');
    expect(keys.length).toBeGreaterThan(10);
    expect(keys.filter((key) => i18n.t(locale, key, { database: 'x' }) === key)).toEqual([]);
    expect(page).toContain(`<html lang="${locale}">`);
    expect(page).toContain('nhacviec_sandbox');
    // "<mã BotFather đưa>" / "<the token BotFather gives>" stays text.
    expect(page).toContain('TELEGRAM_BOT_TOKEN=&#60;');
  });

  it('a value with markup cannot become markup', () => {
    expect(fillPage('<p>{{sandbox-about}}</p>', i18n, 'vi', { database: '<img src=x onerror=alert(1)>' })).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(escapeHtml(`"'&`)).toBe('&#34;&#39;&#38;');
  });

  it('the script gets its texts with slots for the values it knows; unknown languages are Vietnamese', () => {
    const vi = scriptTexts(i18n, pageLocale('xx'));
    expect(vi.reminded).toBe('Đã lập lời nhắc cho việc {code}; bot sẽ gửi ngay.');
    expect(scriptTexts(i18n, 'en').clockFast).toContain('×{factor}');
    expect(Object.values(vi).every((t) => !t.startsWith('sandbox-'))).toBe(true);
  });
});
