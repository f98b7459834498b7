// The update gate: the sender's update count and the chat's conversation in one Redis round trip
// per update, the conversation handed to the plugin without a second read, the limit unchanged.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBotWorld, USERS, type BotWorld } from '../helpers/bot-world.ts';

let w: BotWorld;
/** Redis commands the bot sent that touch a sender's counter or a chat's conversation: [name, keys...]. */
let touched: string[][];
beforeEach(async () => {
  w = await createBotWorld({ limits: { updatesPerMinute: 5, sendPerSecond: 1000 } });
  touched = [];
  const redis = w.conversationRedis;
  const sendCommand = redis.sendCommand.bind(redis);
  redis.sendCommand = ((command: { name: string; args: unknown[] }, ...rest: unknown[]) => {
    const args = command.args.map(String);
    if (args.some((a) => a.includes(':user-rate:') || a.includes(':conversation:'))) touched.push([command.name, ...args.filter((a) => a.includes(':user-rate:') || a.includes(':conversation:'))]);
    return (sendCommand as (...a: unknown[]) => unknown)(command, ...rest);
  }) as typeof redis.sendCommand;
});
afterEach(async () => {
  await w?.close();
});

const conversationKey = () => `${w.redis.prefix}:conversation:${USERS.officerA}`;
const counterKey = () => `${w.redis.prefix}:user-rate:${USERS.officerA}`;

describe('the update gate', () => {
  it('counts the sender and reads the conversation in one round trip when no conversation is open', async () => {
    await w.send(USERS.officerA, '/tasks');
    expect(touched).toEqual([['eval', counterKey(), conversationKey()]]);
    expect(w.last(USERS.officerA)!.text).toContain('Nhiệm vụ đang mở');
  });

  it('hands an open conversation to the plugin from that round trip, without reading it again', async () => {
    await w.send(USERS.officerA, 'xong 1.3 đã nộp');
    expect(w.last(USERS.officerA)!.text).toContain('minh chứng');
    expect(await w.conversationRedis.exists(conversationKey())).toBe(1);
    touched.length = 0;
    // Not evidence: the conversation ends and the update goes on to /tasks.
    await w.send(USERS.officerA, '/tasks');
    expect(touched[0]).toEqual(['eval', counterKey(), conversationKey()]);
    expect(touched.filter(([name]) => name === 'get')).toEqual([]);
    expect(w.last(USERS.officerA)!.text).toContain('Nhiệm vụ đang mở');
    expect(await w.conversationRedis.exists(conversationKey())).toBe(0);
  });

  it('over the limit: told once, the rest of the minute ignored, nothing claimed', async () => {
    for (let i = 0; i < 8; i++) await w.send(USERS.officerA, '/tasks');
    const texts = w.tg.messagesTo(USERS.officerA).map((m) => m.text);
    expect(texts.filter((t) => t.includes('Nhiệm vụ đang mở'))).toHaveLength(5);
    expect(texts.filter((t) => !t.includes('Nhiệm vụ đang mở'))).toHaveLength(1);
    expect(await w.prisma.processedUpdate.count()).toBe(5);
    expect(Number(await w.conversationRedis.pttl(counterKey()))).toBeGreaterThan(0);
  });
});
