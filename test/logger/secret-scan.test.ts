// The check the suite's teardown runs over every log line: it must find each kind of secret,
// and let the redacted forms through.
import { describe, expect, it } from 'vitest';
import { findSecrets, TEST_WEBHOOK_SECRET } from '../helpers/secret-scan.ts';

describe('findSecrets', () => {
  it('finds a bot token, a URL password and a configured secret, naming the line without printing the secret', () => {
    const text = [
      '{"msg":"ok"}',
      '{"err":"request to https://api.telegram.org/bot7012345678:AAHk3xEXAMPLEnotarealtoken0123456/getMe failed"}',
      'Invalid configuration: DATABASE_URL=postgresql://nv:hunter2@db:5432/nv',
      `{"headers":{"x-telegram-bot-api-secret-token":"${TEST_WEBHOOK_SECRET}"}}`,
    ].join('\n');
    const leaks = findSecrets(text);
    expect(leaks.map((l) => [l.kind, l.line])).toEqual([['bot token', 2], ['URL password', 3], ['webhook secret', 4]]);
    expect(leaks.map((l) => l.excerpt).join('\n')).not.toMatch(/AAHk3x|hunter2|webhook-secret-0123/);
  });

  it('lets redacted forms and ordinary text through', () => {
    const text = [
      '{"err":"request to https://api.telegram.org/bot[redacted]/getMe failed"}',
      'DATABASE_URL=postgresql://nv:***@db:5432/nv',
      'redis://default:[redacted]@127.0.0.1:6379',
      'Thời hạn: 30/11/2024 10:30, kế hoạch 45/KH-UBND',
    ].join('\n');
    expect(findSecrets(text)).toEqual([]);
  });
});
