// The update gate: the sender's update count and the chat's conversation in one Redis round trip
// per update, the conversation handed to the plugin without a second read, the limit unchanged.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBotWorld, USERS, type BotWorld } from '../../helpers/bot-world.ts';

let w: BotWorld;
/** Redis commands the bot sent that touch a sender's counter or a chat's conversation: [name, keys...]. */
let touched: string[][];
/** Every Redis command that touches the send budget's logs. */
let budgetCalls: string[][];
beforeEach(async () => {
  budgetCalls = [];
  w = await createBotWorld({ limits: { updatesPerMinute: 5, sendPerSecond: 1000 } });
  touched = [];
  const redis = w.conversationRedis;
  const sendCommand = redis.sendCommand.bind(redis);
  redis.sendCommand = ((command: { name: string; args: unknown[] }, ...rest: unknown[]) => {
    const args = command.args.map(String);
    if (args.some((a) => a.includes(':pace:_global'))) budgetCalls.push([command.name, ...args]);
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

  it('admits the reply\'s send in the same round trip: one script per update, one admission in the send log', async () => {
    await w.send(USERS.officerA, '/tasks');
    await w.send(USERS.officerA, '5.17 40%');
    // Two updates, two replies: each admitted by the gate's own script (which also counted the sender).
    expect(budgetCalls).toHaveLength(2);
    for (const call of budgetCalls) expect(call).toContain(counterKey());
    expect(await w.conversationRedis.zcard(`${w.redis.prefix}:pace:_global:log`)).toBe(2);
    expect(w.tg.messagesTo(USERS.officerA)).toHaveLength(2);
  });

  it('a conversation\'s prompt takes the send budget too (a conversation sends through an Api of its own)', async () => {
    await w.send(USERS.officerA, 'xong 1.3 đã nộp');
    // The card (admitted by the gate) and the request for evidence (the conversation's own send).
    expect(w.tg.messagesTo(USERS.officerA).at(-1)!.text).toContain('minh chứng');
    expect(await w.conversationRedis.zcard(`${w.redis.prefix}:pace:_global:log`)).toBe(2);
    expect(budgetCalls.filter((call) => call[0] === 'eval' && !call.includes(counterKey()))).toHaveLength(1);
  });

  it('a reply the gate could not admit (the budget full) asks again and waits, as any send', async () => {
    const log = `${w.redis.prefix}:pace:_global:log`;
    // The last second's sends fill the budget (1000/s + 1) as the workers' reminders would.
    // One command, scores in the last 100 ms of Redis's clock (the one the budget reads, whatever
    // this process's clock says): they stay in the one-second window while the update runs.
    const [seconds, micros] = await w.conversationRedis.time();
    const now = Number(seconds) * 1000 + Number(micros) / 1000;
    await w.conversationRedis.zadd(log, ...Array.from({ length: 1001 }, (_, i) => [now - 100 + i * 0.1, `reminder-${i}`]).flat());
    budgetCalls.length = 0;
    await w.send(USERS.officerA, '/tasks');
    // The gate's admission was refused; the send budget asked again before the reply went.
    expect(budgetCalls[0]).toContain(counterKey());
    expect(budgetCalls.length).toBeGreaterThanOrEqual(2);
    expect(budgetCalls.slice(1).every((call) => call[0] === 'eval' && !call.includes(counterKey()))).toBe(true);
    expect(await w.conversationRedis.zscore(log, `bot:${process.pid}:g1`)).toBeNull();
    expect(w.last(USERS.officerA)!.text).toContain('Nhiệm vụ đang mở');
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
