// No token, secret or password reaches a log line: HTTP clients quote the URL they
// called in their error messages, and the Bot API's URLs carry the bot token.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, scrubSecrets } from '../../src/logger.ts';

const TOKEN = '7012345678:AAHk3x-EXAMPLE_not_a_real_token_0123456';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger({ level: 'info', stream }), lines };
}

describe('log lines carry no secrets', () => {
  it('an error quoting a Bot API URL, its cause, and a message with a database URL', () => {
    const { logger, lines } = capture();
    const cause = new Error(`request to https://api.telegram.org/bot${TOKEN}/getMe failed, reason: getaddrinfo ENOTFOUND`);
    const err = new Error(`Network request for 'getMe' failed! (https://api.telegram.org/bot${TOKEN}/getMe)`, { cause });
    logger.warn({ err, msg: 'getMe failed' });
    logger.error(`cannot connect to postgresql://nv:S3cret-pass@db.local:5432/nhacviec`);
    logger.info({ token: TOKEN, msg: 'configured' });
    const out = lines.join('');
    expect(out).toContain('getMe failed');
    expect(out).toContain('/bot[redacted]/getMe');
    expect(out).toContain('postgresql://nv:[redacted]@db.local');
    expect(out).not.toContain(TOKEN);
    expect(out).not.toContain(TOKEN.split(':')[1]);
    expect(out).not.toContain('S3cret-pass');
  });

  it('scrubSecrets leaves ordinary text alone', () => {
    expect(scrubSecrets('Kế hoạch 45/KH-UBND, ngày 10/01/2025; https://dichvucong.gov.vn/p/home')).toBe('Kế hoạch 45/KH-UBND, ngày 10/01/2025; https://dichvucong.gov.vn/p/home');
  });
});
