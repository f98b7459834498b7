// Slot booking in Redis: the global rate and each chat's pace, shared by every worker.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChatPacing } from '../../src/scheduler/chat-pacing.ts';
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
    expect(await pacing.untilFree('7')).toBeGreaterThan(4_900);
    expect(await pacing.book('7')).toMatchObject({ booked: false, waitMs: expect.any(Number) });
    expect((await pacing.book('7')).waitMs).toBeGreaterThan(4_900);
  });
});
