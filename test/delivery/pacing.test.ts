// Slot booking in Redis: the global rate and each chat's pace, shared by every worker.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChatPacing } from '../../src/delivery/chat-pacing.ts';
import { createTestRedis, type TestRedis } from '../helpers/redis.ts';

let redis: TestRedis;
beforeEach(async () => {
  redis = await createTestRedis();
});
afterEach(async () => {
  await redis.cleanup();
});

describe('send pacing', () => {
  it('keeps a private chat to one message per 1.2 s and a group to one per 3.2 s, without holding up other chats', async () => {
    const pacing = createChatPacing(redis.redis, { prefix: redis.prefix, globalPerSecond: 1000 });
    expect(await pacing.book('42')).toEqual({ booked: true, waitMs: 0 });
    const again = await pacing.book('42');
    expect(again.booked).toBe(false);
    expect(again.waitMs).toBeGreaterThan(1_000);
    expect(again.waitMs).toBeLessThanOrEqual(1_200);
    expect(await pacing.book('-100123')).toMatchObject({ booked: true });
    const group = await pacing.book('-100123');
    expect(group.booked).toBe(false);
    expect(group.waitMs).toBeGreaterThan(3_000);
    // Another chat is not held up by chat 42 waiting for its turn.
    expect((await pacing.book('43')).waitMs).toBeLessThan(50);
  });

  it('spreads sends to different chats at the global rate, with a fractional interval', async () => {
    const pacing = createChatPacing(redis.redis, { prefix: redis.prefix, globalPerSecond: 300 });
    const globalKey = `${redis.prefix}:pace:_global`;
    // 30 bookings sent at once, each followed by a read of the next free global slot, so the slots
    // are read as Redis computed them, not from this process's clock after each reply (under load
    // those readings drift by the round trips' delays, which once failed this test).
    const replies = await Promise.all(Array.from({ length: 30 }, (_, i) => [pacing.book(String(i + 1)), redis.redis.get(globalKey)]).flat());
    const interval = 1000 / 300;
    const booked = replies.filter((_, i) => i % 2 === 0) as Array<{ booked: boolean }>;
    expect(booked.every((b) => b.booked)).toBe(true);
    const slots = replies.filter((_, i) => i % 2 === 1).map((next) => Number(next) - interval);
    const gaps = slots.slice(1).map((slot, i) => slot - slots[i]!);
    // Redis keeps a number to 14 significant digits: an epoch in ms to about 0.1 ms.
    const precision = 0.1;
    // Never two slots closer than 3.33 ms (not rounded down to 3) ...
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(interval - precision);
    // ... and bookings made back to back are exactly that apart (not rounded up to 4): a slot
    // follows the last one unless Redis's clock passed it, which a burst of 30 scripts hardly does.
    const exact = gaps.filter((gap) => Math.abs(gap - interval) < precision);
    expect(exact.length).toBeGreaterThanOrEqual(gaps.length / 2);
  });

  it('a 429 penalty holds the chat until retry_after has passed', async () => {
    const pacing = createChatPacing(redis.redis, { prefix: redis.prefix, globalPerSecond: 1000 });
    await pacing.penalise('7', 5_000);
    expect(await pacing.book('7')).toMatchObject({ booked: false, waitMs: expect.any(Number) });
    expect((await pacing.book('7')).waitMs).toBeGreaterThan(4_900);
  });

  it('admits at most one more than the rate in any second, never two sends closer than half a slot, and one per chat', async () => {
    // 10/s: slots 100 ms apart, so admission needs 50 ms between sends and allows 11 per second.
    const pacing = createChatPacing(redis.redis, { prefix: redis.prefix, globalPerSecond: 10 });
    expect(await pacing.admit('1', 'a')).toBe(0);
    const tooSoon = await pacing.admit('2', 'b');
    expect(tooSoon).toBeGreaterThan(0);
    expect(tooSoon).toBeLessThanOrEqual(50);
    // The same chat again: held for its own window (1.1 s for a person), not just the gap.
    await new Promise((r) => setTimeout(r, 60));
    expect(await pacing.admit('1', 'c')).toBeGreaterThan(900);
    // The instants are read from the log, as Redis recorded them (this process's clock, read after
    // each reply, is late by a varying round trip).
    const log = `${redis.prefix}:pace:_global:log`;
    const admitted = [Number(await redis.redis.zscore(log, 'a'))];
    const started = Date.now();
    for (let chat = 100; admitted.length < 15 && Date.now() - started < 3_000; chat++) {
      const wait = await pacing.admit(String(chat), `m${chat}`);
      if (wait === 0) admitted.push(Number(await redis.redis.zscore(log, `m${chat}`)));
      else await new Promise((r) => setTimeout(r, wait));
    }
    expect(admitted.length).toBe(15);
    // No second holds more than 11, and no two sends are closer than half a slot (50 ms).
    for (const t of admitted) expect(admitted.filter((u) => u >= t && u < t + 1_000).length).toBeLessThanOrEqual(11);
    for (let i = 1; i < admitted.length; i++) expect(admitted[i]! - admitted[i - 1]!).toBeGreaterThanOrEqual(50);
  });
});
