import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CALLBACK_DATA_MAX_BYTES, extensionDecision, listPage, taskAction } from '../../src/messages/actions.ts';
import { escapeHtml, splitMessage } from '../../src/messages/html.ts';
import { createI18n, LOCALES_DIR } from '../../src/messages/i18n.ts';
import { WARNING_CODES } from '../../src/plans/task-tree.ts';
import { trackingStatus } from '../../src/status/tracking-status.ts';

function keys(file: string): string[] {
  const text = readFileSync(`${LOCALES_DIR}/${file}`, 'utf8');
  const out: string[] = [];
  let message = '';
  for (const line of text.split('\n')) {
    const m = /^([a-z][a-z0-9-]*)\s*=/.exec(line);
    if (m) out.push((message = m[1]!));
    const attr = /^\s+\.([a-z][a-z0-9-]*)\s*=/.exec(line);
    if (attr) out.push(`${message}.${attr[1]}`);
  }
  return out.sort();
}

describe('locales', () => {
  it('vi/ and en/ hold the same files with the same keys, all kebab-case, none defined twice', () => {
    const files = readdirSync(`${LOCALES_DIR}/vi`).sort();
    expect(readdirSync(`${LOCALES_DIR}/en`).sort()).toEqual(files);
    const all: string[] = [];
    for (const file of files) {
      const vi = keys(`vi/${file}`);
      expect(vi.length, file).toBeGreaterThan(0);
      expect(keys(`en/${file}`), file).toEqual(vi);
      all.push(...vi);
    }
    expect(all.length).toBeGreaterThan(50);
    expect(new Set(all).size).toBe(all.length);
    for (const key of all) expect(key).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)?$/);
  });
  it('every importer warning has its text in both languages', () => {
    const vi = keys('vi/plan-warnings.ftl');
    for (const code of WARNING_CODES) expect(vi).toContain(`plan-warning-${code}`);
  });
  it('translates outside a context, without bidi isolation marks', () => {
    const i18n = createI18n();
    expect(i18n.t('vi', 'due-left', { date: '29/11/2024', days: '3' })).toBe('29/11/2024, còn 3 ngày làm việc');
    expect(i18n.t('en', 'due-left', { date: '29/11/2024', days: '3' })).toBe('29/11/2024, 3 working days left');
    expect(i18n.t('en', 'commands.tasks')).toBe('My open tasks');
  });
});

describe('HTML and message splitting', () => {
  it('escapes &, <, > and "', () => {
    expect(escapeHtml('<b>a & "b"</b>')).toBe('&lt;b&gt;a &amp; &quot;b&quot;&lt;/b&gt;');
  });
  it('keeps short messages whole and splits long ones at line boundaries', () => {
    expect(splitMessage('a\nb', 4096)).toEqual(['a\nb']);
    const lines = Array.from({ length: 300 }, (_, i) => `<b>${i}</b> ${'x'.repeat(40)}`);
    const parts = splitMessage(lines.join('\n'), 2000);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(2000);
    expect(parts.join('\n')).toBe(lines.join('\n'));
  });
  it('cuts a single over-long line without breaking an entity', () => {
    const line = escapeHtml('a&b '.repeat(3000));
    const parts = splitMessage(line, 4096);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(4096);
      expect(part).not.toMatch(/&[a-z]*$/);
    }
    expect(parts.join(' ').replace(/\s+/g, '')).toBe(line.replace(/\s+/g, ''));
  });
});

describe('callback data', () => {
  it('round-trips and fits 64 bytes at the largest ids', () => {
    const data = taskAction.pack({ action: 'done', taskId: 2 ** 31 - 1, officerId: 2 ** 31 - 1, value: -1 });
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
    expect(taskAction.unpack(data)).toEqual({ action: 'done', taskId: 2 ** 31 - 1, officerId: 2 ** 31 - 1, value: -1 });
    expect(extensionDecision.unpack(extensionDecision.pack({ decision: 'a', requestId: 5, officerId: 7 }))).toEqual({ decision: 'a', requestId: 5, officerId: 7 });
  });
  it.each(['t:done:1:2', 't:nuke:1:2:0', 't:done:x:2:0', 't:done:1:2:0:9', 'x:maybe:1:2', 'p:tasks:-1:3', `t:done:1:2:${'0'.repeat(70)}`])('rejects %j', (data) => {
    expect(taskAction.unpack(data) ?? extensionDecision.unpack(data) ?? listPage.unpack(data)).toBeUndefined();
  });
});

describe('tracking status', () => {
  it.each([
    [{ status: 'DONE', due: '2024-11-29', completedOn: '2024-11-29' }, 'done-on-time'],
    [{ status: 'DONE', due: '2024-11-29', completedOn: '2024-12-02' }, 'done-late'],
    [{ status: 'IN_PROGRESS', due: '2024-11-29' }, 'open-overdue'],
    [{ status: 'BLOCKED', due: '2024-12-29' }, 'blocked'],
    [{ status: 'IN_PROGRESS', due: '2024-12-29' }, 'in-progress'],
    [{ status: 'NOT_STARTED' }, 'open-in-time'],
    [{ status: 'CANCELLED' }, undefined],
  ] as const)('%j → %s', (task, expected) => {
    expect(trackingStatus(task, '2024-12-01')).toBe(expected);
  });
});
