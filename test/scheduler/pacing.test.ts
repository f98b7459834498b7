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
    const slots: number[] = [];
    for (let chat = 1; chat <= 30; chat++) {
      const slot = await pacing.book(String(chat));
      expect(slot.booked).toBe(true);
      slots.push(Date.now() + slot.waitMs);
    }
    // 30 sends at 300/s: the last slot is 29 × 3.33 ms = 97 ms after the first (give or take clock ticks).
    expect(slots[29]! - slots[0]!).toBeGreaterThan(85);
    expect(slots[29]! - slots[0]!).toBeLessThan(110);
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
    const admitted: number[] = [];
    const started = Date.now();
    for (let chat = 100; admitted.length < 14 && Date.now() - started < 3_000; chat++) {
      const wait = await pacing.admit(String(chat), `m${chat}`);
      if (wait === 0) admitted.push(Date.now());
      else await new Promise((r) => setTimeout(r, wait));
    }
    // Counting the first send, no second holds more than 11 (950 ms: times are read after each reply, late by a varying few ms).
    const all = [started - 60, ...admitted];
    for (const t of all) expect(all.filter((u) => u >= t && u < t + 950).length).toBeLessThanOrEqual(11);
    for (let i = 1; i < admitted.length; i++) expect(admitted[i]! - admitted[i - 1]!).toBeGreaterThanOrEqual(35);
  });
});
