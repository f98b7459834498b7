import { describe, expect, it } from 'vitest';
import { decideSandbox, isAllowedHost, isSameOrigin, sandboxConfig, sandboxDatabaseUrl } from '../../src/sandbox/mode.ts';
import { createConfig } from '../../src/config.ts';
import { parsePlanFile } from '../../src/plans/import-plan.ts';
import { DEMO_PLAN_FILE, demoPlanCsv, SANDBOX_PEOPLE } from '../../src/sandbox/demo-plan.ts';

const TOKEN = '123456789:AAsandbox-mode-test-token-0123456789';
const config = (env: Record<string, string> = {}) => createConfig(env);

describe('when the service runs as a sandbox', () => {
  it.each([
    ['no token, role all', {}, 'all', false, { sandbox: true }],
    ['no token, role bot (the sandbox needs the workers beside it)', {}, 'bot', false, { sandbox: false }],
    ['a Telegram token', { TELEGRAM_BOT_TOKEN: TOKEN }, 'all', false, { sandbox: false }],
    ['only a Zalo token', { ZALO_BOT_TOKEN: '1234567890:AbCdEfGh' }, 'all', false, { sandbox: false }],
    ['SANDBOX=off', { SANDBOX: 'off' }, 'all', false, { sandbox: false }],
    ['--sandbox despite SANDBOX=off', { SANDBOX: 'off' }, 'all', true, { sandbox: true }],
  ] as const)('%s', (_name, env, role, flag, expected) => {
    expect(decideSandbox(config(env), role, flag)).toEqual(expected);
  });

  it('--sandbox is refused beside a real token and outside role all', () => {
    expect(decideSandbox(config({ TELEGRAM_BOT_TOKEN: TOKEN }), 'all', true)).toMatchObject({ error: expect.stringContaining('TELEGRAM_BOT_TOKEN is set') });
    expect(decideSandbox(config(), 'worker', true)).toMatchObject({ error: expect.stringContaining('--role all') });
  });

  it('runs on its own database and queue keys, polling, with Zalo off', () => {
    const c = sandboxConfig(config({ DATABASE_URL: 'postgresql://u:pw@db:5432/nhacviec?sslmode=disable', QUEUE_PREFIX: '{nv}', ZALO_BOT_TOKEN: '1234567890:AbCdEfGh' }));
    expect(c.DATABASE_URL).toBe('postgresql://u:pw@db:5432/nhacviec_sandbox?sslmode=disable');
    expect(c.QUEUE_PREFIX).toBe('{nv}_sandbox');
    expect(c.BOT_MODE).toBe('polling');
    expect(c.zalo.token).toBeUndefined();
    expect(sandboxConfig(config({ SANDBOX_FAST_CLOCK: '60' })).SEND_CLAIM_TTL_MS).toBe(60 * 60_000);
    expect(sandboxDatabaseUrl('postgresql://h/x_sandbox')).toBe('postgresql://h/x_sandbox');
  });

  it('the page API takes requests from its own origin or none', () => {
    expect(isSameOrigin(undefined, '127.0.0.1:3000')).toBe(true);
    expect(isSameOrigin('http://127.0.0.1:3000', '127.0.0.1:3000')).toBe(true);
    expect(isSameOrigin('https://evil.example', '127.0.0.1:3000')).toBe(false);
    expect(isSameOrigin('null', '127.0.0.1:3000')).toBe(false);
    expect(isAllowedHost('127.0.0.1:3000', '127.0.0.1')).toBe(true);
    expect(isAllowedHost('nhacviec.lan:3000', 'nhacviec.lan')).toBe(true);
    expect(isAllowedHost('192.168.1.5:3000', '0.0.0.0')).toBe(true);
    expect(isAllowedHost('attacker.example', '127.0.0.1')).toBe(false);
    expect(isAllowedHost(undefined, '127.0.0.1')).toBe(false);
  });
});

describe('the demo plan', () => {
  it('is read by the real importer: five tasks, two units, every deadline understood, one due today', async () => {
    const parsed = await parsePlanFile(DEMO_PLAN_FILE, Buffer.from(demoPlanCsv('2026-12-31')), { issued: '2026-12-31' });
    expect(parsed.tasks).toHaveLength(5);
    expect(parsed.units.map((u) => u.name).sort()).toEqual(['Bộ phận Một cửa', 'Văn phòng - Thống kê']);
    expect(parsed.tasks.map((t) => t.deadline.kind)).toEqual(['once', 'once', 'once', 'recurring', 'once']);
    expect(JSON.stringify(parsed.tasks[0]!.deadline)).toContain('2026-12-31');
  });

  it('its people cover two units, a leader and an admin, each with their own chat', () => {
    expect(new Set(SANDBOX_PEOPLE.map((p) => p.role))).toEqual(new Set(['officer', 'leader', 'admin']));
    expect(new Set(SANDBOX_PEOPLE.filter((p) => p.role === 'officer').map((p) => p.unit)).size).toBe(2);
    expect(new Set(SANDBOX_PEOPLE.map((p) => p.chatId)).size).toBe(SANDBOX_PEOPLE.length);
  });
});

describe('the sandbox fast clock', () => {
  it('runs factor times faster from its start, and a wait on it takes 1/factor of real time', async () => {
    const { fastClock } = await import('../../src/clock.ts');
    const { reminderJobOptions } = await import('../../src/delivery/enqueue-reminders.ts');
    let real = Date.UTC(2026, 11, 3, 1, 0);
    const clock = fastClock(60, real, () => real);
    real += 60_000;
    expect(clock.now().toISOString()).toBe('2026-12-03T02:00:00.000Z');
    const now = clock.now();
    const inTwoDays = new Date(now.getTime() + 2 * 86_400_000);
    expect(reminderJobOptions(7, inTwoDays, now, clock.realMs).delay).toBe(48 * 60_000);
    // Production's pace is unchanged.
    expect(reminderJobOptions(7, inTwoDays, now).delay).toBe(2 * 86_400_000);
  });
});
