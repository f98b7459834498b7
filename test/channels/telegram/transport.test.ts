// The bot over real transports: a polling loop (@grammyjs/runner) against the stand-in's
// getUpdates, and the webhook route on the service's fastify server with the secret header.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { createBot } from '../../../src/channels/telegram/index.ts';
import { startBot } from '../../../src/channels/telegram/run.ts';
import { registerWebhookRoute, secretChecker, WEBHOOK_MAX_CONNECTIONS, WEBHOOK_PATH } from '../../../src/channels/telegram/webhook.ts';
import { createConfig } from '../../../src/config.ts';
import { taskAction } from '../../../src/messages/actions.ts';
import { createI18n } from '../../../src/messages/i18n.ts';
import { createServer } from '../../../src/server/create-server.ts';
import { startService, type RunningService } from '../../../src/service.ts';
import { createBotWorld, USERS, type BotWorld } from '../../helpers/bot-world.ts';
import { TEST_WEBHOOK_SECRET } from '../../helpers/secret-scan.ts';
import { createTestRedis, type TestRedis } from '../../helpers/redis.ts';

let w: BotWorld;
beforeAll(async () => {
  w = await createBotWorld();
});
afterAll(async () => {
  await w?.close();
});

async function until<T>(fn: () => T | undefined | Promise<T | undefined>, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('long polling with the runner', () => {
  it('takes updates from getUpdates, answers, and stops cleanly', async () => {
    const bot = createBot({ config: w.config, prisma: w.prisma, logger: w.logger, calendar: w.calendar, now: () => new Date('2024-11-26T02:00:00Z') });
    const running = await startBot(bot, { mode: 'polling' }, { logger: w.logger, i18n: createI18n() });
    try {
      w.tg.pushUpdate(w.tg.makeMessageUpdate({ chatId: USERS.officerA, from: { id: USERS.officerA }, text: '/tasks' }));
      w.tg.pushUpdate(w.tg.makeMessageUpdate({ chatId: USERS.officerB, from: { id: USERS.officerB }, text: 'done 1.2' }));
      const listed = await until(() => w.tg.messagesTo(USERS.officerA).find((m) => m.text.includes('Nhiệm vụ đang mở')));
      // 1.3: the runner handles both updates at once, and officer B's "done 1.2" may commit first.
      expect(listed.text, listed.text).toContain('1.3');
      await until(() => w.prisma.statusReport.findFirst({ where: { officerId: w.seed.officers.officerB.id, status: 'DONE' } }));
      expect(w.tg.callsTo('getMe')).toHaveLength(1);
      expect(w.tg.callsTo('deleteWebhook')).toHaveLength(1);
      expect(w.tg.callsTo('setMyCommands').length).toBeGreaterThan(0);
    } finally {
      await running.stop();
    }
    const polls = w.tg.callsTo('getUpdates').length;
    await new Promise((r) => setTimeout(r, 200));
    expect(w.tg.callsTo('getUpdates').length).toBe(polls);
  });
});

/** The bot on the hot-path pool behind the webhook route of a fastify server, for the time of `fn`. */
async function withWebhookBot(fn: () => Promise<void>): Promise<void> {
  const secret = TEST_WEBHOOK_SECRET;
  const bot = createBot({ config: w.config, prisma: w.prisma, pool: w.pool, logger: w.logger, calendar: w.calendar, botInfo: w.tg.botInfo as never, now: () => w.now });
  const server = createServer({ logger: w.logger, prisma: w.prisma, redis: {} as Redis });
  registerWebhookRoute(server, { bot, secret });
  await server.listen({ host: '127.0.0.1', port: 0 });
  try {
    const { port } = server.server.address() as { port: number };
    await startBot(bot, { mode: 'webhook', url: `http://127.0.0.1:${port}${WEBHOOK_PATH}`, secret }, { logger: w.logger, i18n: createI18n() });
    await fn();
  } finally {
    await bot.api.deleteWebhook();
    await server.close();
  }
}

describe('webhook on the fastify server', () => {
  it('handles updates Telegram posts with the right secret, refuses a wrong one, keeps /healthz open', async () => {
    const secret = TEST_WEBHOOK_SECRET;
    const bot = createBot({ config: w.config, prisma: w.prisma, logger: w.logger, calendar: w.calendar, botInfo: w.tg.botInfo as never });
    const server = createServer({ logger: w.logger, prisma: w.prisma, redis: {} as Redis });
    registerWebhookRoute(server, { bot, secret });
    await server.listen({ host: '127.0.0.1', port: 0 });
    try {
      const { port } = server.server.address() as { port: number };
      const url = `http://127.0.0.1:${port}${WEBHOOK_PATH}`;
      await startBot(bot, { mode: 'webhook', url, secret }, { logger: w.logger, i18n: createI18n() });
      expect(w.tg.callsTo('setWebhook').at(-1)!.params).toMatchObject({ url, secret_token: secret, max_connections: WEBHOOK_MAX_CONNECTIONS });

      const id = w.tg.pushUpdate(w.tg.makeMessageUpdate({ chatId: USERS.leader, from: { id: USERS.leader }, text: '/overdue' }));
      await until(() => w.tg.webhookResults.find((r) => r.updateId === id));
      expect(w.tg.webhookResults.find((r) => r.updateId === id)!.status).toBe(200);
      expect(w.last(USERS.leader)!.text).toContain('Nhiệm vụ quá hạn');

      const sent = w.tg.callsTo('sendMessage').length;
      const forged = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'wrong' }, body: JSON.stringify(w.tg.makeMessageUpdate({ chatId: USERS.leader, text: '/overdue' })) });
      expect(forged.status).toBe(401);
      const missing = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(w.tg.makeMessageUpdate({ chatId: USERS.leader, text: '/overdue' })) });
      expect(missing.status).toBe(401);
      expect(w.tg.callsTo('sendMessage').length).toBe(sent);
      // A wrong secret is refused before the body is read: 1 MB of broken JSON gets 401, not 400 or 413.
      const junk = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'wrong' }, body: `{${'x'.repeat(1024 * 1024)}` });
      expect(junk.status).toBe(401);
      // With the right secret, a body far beyond any update is refused unread.
      const huge = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret }, body: JSON.stringify({ update_id: 1, pad: 'x'.repeat(300 * 1024) }) });
      expect(huge.status).toBe(413);
      // An update id that is no safe integer is refused, not stored.
      for (const updateId of [1.5, 1e300, -3]) {
        const odd = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret }, body: JSON.stringify({ ...w.tg.makeMessageUpdate({ chatId: USERS.leader, text: '/overdue' }), update_id: updateId }) });
        expect(odd.status).toBe(400);
      }

      // A redelivered update (same update_id) is answered 200 and handled once.
      const update = w.tg.makeMessageUpdate({ chatId: USERS.leader, from: { id: USERS.leader }, text: '/overdue' });
      for (let i = 0; i < 2; i++) {
        const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret }, body: JSON.stringify(update) });
        expect(r.status).toBe(200);
      }
      expect(w.tg.callsTo('sendMessage').length).toBe(sent + 1);

      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
    } finally {
      await bot.api.deleteWebhook();
      await server.close();
    }
  });

  it('a button press answers the callback in the webhook\'s own answer: the progress is recorded, the card edited, one request fewer', async () => {
    await withWebhookBot(async () => {
      // A task of its own: earlier tests of this file answer the seeded ones.
      const task = await w.prisma.task.create({ data: { planId: w.seed.plan.id, code: '8.1', path: '8.1', ordinal: 80, title: 'Báo cáo qua webhook', due: new Date('2024-12-20T00:00:00Z'), units: { create: [{ unitId: w.seed.units.interior.id, role: 'LEAD' }] } } });
      const { messageId } = await w.sendReminder(task.id, w.seed.officers.officerA.id, USERS.officerA);
      const answersBefore = w.tg.callsTo('answerCallbackQuery').length;
      const data = taskAction.pack({ action: 'pv', taskId: task.id, officerId: w.seed.officers.officerA.id, value: 75 });
      const id = w.tg.pushUpdate(w.tg.makeCallbackUpdate({ chatId: USERS.officerA, messageId, data, from: { id: USERS.officerA } }));
      await until(() => w.tg.webhookResults.find((r) => r.updateId === id));
      const answers = w.tg.callsTo('answerCallbackQuery').slice(answersBefore);
      expect(answers).toHaveLength(1);
      expect(answers[0]).toMatchObject({ viaWebhookReply: true, status: 200 });
      expect(w.tg.violations).toEqual([]);
      const report = await w.prisma.statusReport.findFirstOrThrow({ where: { taskId: task.id }, orderBy: { id: 'desc' } });
      expect(report).toMatchObject({ status: 'IN_PROGRESS', progress: 75 });
      expect(w.tg.messagesTo(USERS.officerA).find((m) => m.messageId === messageId)!.text).toContain('75%');
    });
  });

  it('a text reply\'s card rides in the webhook\'s answer; a reply followed by another message to the chat goes first, as a request', async () => {
    await withWebhookBot(async () => {
      const task = await w.prisma.task.create({ data: { planId: w.seed.plan.id, code: '8.2', path: '8.2', ordinal: 81, title: 'Trả lời trong câu trả lời webhook', due: new Date('2024-12-20T00:00:00Z'), units: { create: [{ unitId: w.seed.units.interior.id, role: 'LEAD' }] } } });
      const callsFrom = (n: number) => w.tg.calls.slice(n).filter((c) => c.method === 'sendMessage' && String(c.params.chat_id) === String(USERS.officerA));

      // "8.2 40%": one message, the card, and it came in the webhook's answer, not as a request.
      let before = w.tg.calls.length;
      const progress = w.tg.pushUpdate(w.tg.makeMessageUpdate({ chatId: USERS.officerA, from: { id: USERS.officerA }, text: '8.2 40%' }));
      await until(() => w.tg.webhookResults.find((r) => r.updateId === progress) && callsFrom(before).length > 0);
      const card = callsFrom(before);
      expect(card).toHaveLength(1);
      expect(card[0]).toMatchObject({ viaWebhookReply: true, status: 200 });
      expect(String(card[0]!.params.text)).toContain('40%');
      expect(await w.prisma.statusReport.findFirstOrThrow({ where: { taskId: task.id }, orderBy: { id: 'desc' } })).toMatchObject({ status: 'IN_PROGRESS', progress: 40 });

      // "xong 8.2": the card, then the request for evidence to the same chat. The card may not
      // wait for the answer (it would arrive after the request): it goes first, as a request.
      before = w.tg.calls.length;
      const done = w.tg.pushUpdate(w.tg.makeMessageUpdate({ chatId: USERS.officerA, from: { id: USERS.officerA }, text: 'xong 8.2' }));
      await until(() => w.tg.webhookResults.find((r) => r.updateId === done) && callsFrom(before).length >= 2);
      const sent = callsFrom(before);
      expect(sent.map((c) => Boolean(c.viaWebhookReply))).toEqual([false, false]);
      expect(String(sent[0]!.params.text)).toContain('8.2');
      expect(String(sent[1]!.params.text)).toMatch(/minh chứng/i);
      expect(w.tg.violations).toEqual([]);
    });
  });

  it('compares the secret in constant time over digests', () => {
    const secretMatches = secretChecker('abc');
    expect(secretMatches('abc')).toBe(true);
    expect(secretMatches('abd')).toBe(false);
    expect(secretMatches('abcd')).toBe(false);
    expect(secretMatches(undefined)).toBe(false);
    expect(secretMatches(['abc'])).toBe(false);
  });
});

describe('the service with the bot role', () => {
  let redis: TestRedis;
  let service: RunningService | undefined;
  beforeAll(async () => {
    redis = await createTestRedis();
  });
  afterAll(async () => {
    await service?.stop('test over');
    await redis?.cleanup();
  });

  it('starts polling when a token is configured and stops the runner first on shutdown', async () => {
    const config = createConfig({
      DATABASE_URL: w.db.url, REDIS_URL: redis.url, QUEUE_PREFIX: redis.prefix, HTTP_PORT: '0', LOG_LEVEL: 'silent',
      TELEGRAM_BOT_TOKEN: w.tg.token, TELEGRAM_API_ROOT: w.tg.apiRoot, BOT_MODE: 'polling',
    });
    const polls = w.tg.callsTo('getUpdates').length;
    service = await startService(config, w.logger, 'bot');
    w.tg.pushUpdate(w.tg.makeMessageUpdate({ chatId: USERS.officerB, from: { id: USERS.officerB }, text: '/help' }));
    await until(() => w.tg.messagesTo(USERS.officerB).find((m) => m.text.includes('Quick text replies')));
    expect(w.tg.callsTo('getUpdates').length).toBeGreaterThan(polls);
    expect(await service.stop('test')).toBe(0);
    service = undefined;
  });
});

describe('Bot API conformance', () => {
  it('makes no call the Bot API would refuse', () => {
    expect(w.tg.violations).toEqual([]);
  });
});
