import { describe, expect, it } from 'vitest';
import { ConfigError, createConfig } from '../../src/config.ts';

const TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';

describe('createConfig', () => {
  it('gives working developer defaults from an empty environment', () => {
    const config = createConfig({});
    expect(config.DATABASE_URL).toBe('postgresql://postgres@127.0.0.1:5432/nhacviec');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.TZ_NAME).toBe('Asia/Ho_Chi_Minh');
    expect(config.WORK_HOURS).toMatchObject({ start: '08:00', end: '17:00', startMinutes: 480, endMinutes: 1020 });
    expect(config.WORK_DAYS).toEqual([1, 2, 3, 4, 5]);
    expect(config.BOT_MODE).toBe('polling');
    expect(config.telegram).toEqual({ token: undefined, apiRoot: 'https://api.telegram.org' });
  });

  it('reads good values', () => {
    const config = createConfig({
      WORK_DAYS: '1-5,6',
      WORK_HOURS: '07:30-16:30',
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/',
      BOT_MODE: 'webhook',
      WEBHOOK_URL: 'https://bot.example.gov.vn/telegram',
      WEBHOOK_SECRET: 'a-very-long-secret-1234',
    });
    expect(config.WORK_DAYS).toEqual([1, 2, 3, 4, 5, 6]);
    expect(config.WORK_HOURS.start).toBe('07:30');
    expect(config.telegram).toEqual({ token: TOKEN, apiRoot: 'http://127.0.0.1:8081' });
  });

  it('treats an empty variable as unset', () => {
    expect(createConfig({ REDIS_URL: '' }).REDIS_URL).toBe('redis://127.0.0.1:6379');
  });

  /** The ConfigError an environment stops with (the test fails if it does not stop). */
  function configError(env: Record<string, string>): ConfigError {
    try {
      createConfig(env);
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      return err as ConfigError;
    }
    throw new Error(`no ConfigError for ${Object.keys(env).join(', ')}`);
  }

  // Every variable with a wrong value: the error names the variable and says what is expected.
  const bad: Array<[string, string, RegExp]> = [
    ['NODE_ENV', 'staging', /NODE_ENV/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL/],
    ['DATABASE_URL', 'foo', /DATABASE_URL.*postgresql:\/\//],
    ['DATABASE_URL', 'mysql://root@localhost/x', /DATABASE_URL.*postgresql/],
    ['DATABASE_URL', 'postgresql://postgres@127.0.0.1:5432', /DATABASE_URL.*name a database/],
    ['REDIS_URL', 'http://localhost', /REDIS_URL.*redis:\/\//],
    ['QUEUE_PREFIX', 'a:b', /QUEUE_PREFIX/],
    ['TZ_NAME', 'Asia/Hanoi_City', /TZ_NAME.*time zone/],
    ['WORK_HOURS', '8-17', /WORK_HOURS.*HH:MM-HH:MM/],
    ['WORK_HOURS', '17:00-08:00', /WORK_HOURS.*before end/],
    ['WORK_HOURS', '08:00-25:00', /WORK_HOURS/],
    ['WORK_DAYS', 'mon-fri', /WORK_DAYS.*ISO weekdays/],
    ['WORK_DAYS', '5-1', /WORK_DAYS.*backwards/],
    ['WORK_DAYS', '0-8', /WORK_DAYS/],
    ['TELEGRAM_BOT_TOKEN', 'abc', /TELEGRAM_BOT_TOKEN.*BotFather/],
    ['TELEGRAM_API_ROOT', 'not a url', /TELEGRAM_API_ROOT/],
    ['BOT_MODE', 'push', /BOT_MODE/],
    ['WEBHOOK_URL', 'nope', /WEBHOOK_URL/],
    ['WEBHOOK_SECRET', 'short', /WEBHOOK_SECRET/],
    ['HTTP_HOST', ' ', /HTTP_HOST/],
    ['HTTP_PORT', '70000', /HTTP_PORT/],
    ['ADMIN_TOKEN', 'tiny', /ADMIN_TOKEN.*16/],
    ['SEND_RATE_PER_SECOND', '5000', /SEND_RATE_PER_SECOND/],
    ['SEND_CLAIM_TTL_MS', '10', /SEND_CLAIM_TTL_MS/],
    ['WORKER_LOCK_MS', 'long', /WORKER_LOCK_MS/],
    ['SEND_RATE_PER_SECOND', '-1', /SEND_RATE_PER_SECOND/],
    ['SHUTDOWN_TIMEOUT_MS', 'soon', /SHUTDOWN_TIMEOUT_MS/],
  ];
  it.each([
    ['TELEGRAM_BOT_TOKEN', '123456:not-a-real-token-but-secret'],
    ['WEBHOOK_SECRET', 'shh'],
    ['ADMIN_TOKEN', 'tinysecret'],
  ])('a wrong %s is never echoed, only its length', (variable, value) => {
    const error = configError({ [variable]: value });
    expect(error.message).toContain(`${variable}=(${value.length} characters, hidden)`);
    expect(JSON.stringify(error) + String(error) + error.value).not.toContain(value);
  });

  it('a wrong DATABASE_URL or REDIS_URL is shown with its password masked', () => {
    for (const [variable, url] of [
      ['DATABASE_URL', 'postgresql://nv:S3cret-pass@db.local:5432'],
      ['REDIS_URL', 'http://:R3dis-pass@cache.local'],
    ] as const) {
      const error = configError({ [variable]: url });
      expect(error.message).not.toMatch(/S3cret-pass|R3dis-pass/);
      expect(error.message).toContain(':***@');
    }
  });

  it.each(bad)('%s=%s stops with one line naming the variable', (variable, value, message) => {
    const error = configError({ [variable]: value });
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
  });

  it('webhook mode needs its URL and secret', () => {
    expect(() => createConfig({ BOT_MODE: 'webhook' })).toThrow(/WEBHOOK_URL.*required/);
    expect(() => createConfig({ BOT_MODE: 'webhook', WEBHOOK_URL: 'https://x.vn/h' })).toThrow(/WEBHOOK_SECRET.*required/);
  });

  it('PUBLIC_BASE_URL (where Zalo fetches charts) must be https', () => {
    expect(createConfig({ PUBLIC_BASE_URL: 'https://nhacviec.example.gov.vn' }).PUBLIC_BASE_URL).toBe('https://nhacviec.example.gov.vn');
    expect(createConfig({}).PUBLIC_BASE_URL).toBeUndefined();
    const error = configError({ PUBLIC_BASE_URL: 'http://nhacviec.example.gov.vn' });
    expect(error.variable).toBe('PUBLIC_BASE_URL');
    expect(error.message).toMatch(/https/);
  });
});
