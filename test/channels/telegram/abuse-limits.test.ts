// The bot under a flood: one person's updates are limited (one polite answer, then silence
// for the rest of the minute), and the bot's replies go through the global send budget
// that the workers' reminders use.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotWorld, USERS, type BotWorld } from '../../helpers/bot-world.ts';

const PER_MINUTE = 3;
const PER_SECOND = 2;
let w: BotWorld;
const GLOBAL_LOG = () => `${w.redis.prefix}:pace:_global:log`;
beforeAll(async () => {
  w = await createBotWorld({ limits: { updatesPerMinute: PER_MINUTE, sendPerSecond: PER_SECOND } });
});
afterAll(async () => {
  await w?.close();
});

describe('a person sending too fast', () => {
  it('gets answers up to the limit, one "too fast" answer, then nothing; others are not affected', async () => {
    for (let i = 0; i < 12; i++) await w.send(USERS.officerA, `gì đó ${i}`);
    const answers = w.tg.messagesTo(USERS.officerA);
    expect(answers).toHaveLength(PER_MINUTE + 1);
    expect(answers.slice(0, PER_MINUTE).every((m) => m.text.includes('Chưa hiểu tin nhắn'))).toBe(true);
    expect(answers[PER_MINUTE]!.text).toContain('quá nhanh');
    // Updates past the limit are not even claimed: a flood costs no database writes.
    expect(await w.prisma.processedUpdate.count()).toBe(PER_MINUTE);

    await w.send(USERS.officerB, 'something', 'en');
    expect(w.last(USERS.officerB)!.text).toContain('I did not understand');
  });

  it('a button tapped past the limit is answered with an alert, once', async () => {
    for (let i = 0; i < PER_MINUTE + 3; i++) await w.tap(USERS.leader, 1, 'x');
    const alerts = w.tg.callsTo('answerCallbackQuery').filter((c) => c.params.show_alert === true && String(c.params.text).includes('quá nhanh'));
    expect(alerts).toHaveLength(1);
  });

  it('the count expires with its minute (set in the same step as the count)', async () => {
    const user = 7301;
    await w.send(user, 'xin chào');
    const key = `${w.redis.prefix}:user-rate:${user}`;
    expect(await w.redis.redis.get(key)).toBe('1');
    const ttl = await w.redis.redis.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });
});

describe('replies and the global send budget', () => {
  it('replies are admitted through the shared log: at 2 a second, the 4th of 4 replies waits a second', async () => {
    const users = [USERS.admin, USERS.stranger, 7101, 7102];
    const before = w.tg.callsTo('sendMessage').length;
    // The log the workers' reminders are admitted through, emptied of the tests above.
    await w.redis.redis.del(GLOBAL_LOG());
    await Promise.all(users.map((id) => w.send(id, '/start')));
    const sends = w.tg.callsTo('sendMessage').slice(before);
    expect(sends).toHaveLength(users.length);
    const times = sends.map((c) => c.at).sort((a, b) => a - b);
    // Admission allows rate + 1 in any second: the 4th must wait for the 1st to leave the window.
    expect(times[3]! - times[0]!).toBeGreaterThanOrEqual(950);
  });

  it('a reply waits while the workers have used the second (the log is shared)', async () => {
    const log = GLOBAL_LOG();
    await w.redis.redis.del(log);
    // Scored by Redis' own clock, as the admission script scores sends.
    const [seconds, micros] = await w.redis.redis.time();
    const now = Number(seconds) * 1000 + Number(micros) / 1000;
    for (let i = 0; i < PER_SECOND + 1; i++) await w.redis.redis.zadd(log, now, `worker-send-${i}`);
    const started = Date.now();
    await w.send(USERS.officerB, 'again', 'en');
    expect(Date.now() - started).toBeGreaterThanOrEqual(800);
  });
});
