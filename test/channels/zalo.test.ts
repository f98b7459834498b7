// What is particular to Zalo, beyond the scenarios both platforms share (the table in
// test/channels/scenarios.test.ts: linking, reminders, every answer, /status, /tasks, digests):
// /start <code> and a code used twice, a message delivered twice, the card as plain text with
// plan text shown as written, the text grammar, refusals, long polling and the webhook, and the
// API's rules. Each test stands alone: the people are linked in beforeAll, not by a test.
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createI18n } from '../../src/messages/i18n.ts';
import { ZaloApiError } from '../../src/channels/zalo/api.ts';
import { classifyZaloError } from '../../src/channels/zalo/channel.ts';
import { renderForZalo } from '../../src/channels/zalo/render.ts';
import { registerZaloWebhookRoute, ZALO_WEBHOOK_PATH } from '../../src/channels/zalo/run.ts';
import { createComposer } from '../../src/messages/index.ts';
import { NOW } from '../helpers/bot-world.ts';
import { TEST_WEBHOOK_SECRET } from '../helpers/secret-scan.ts';
import { createZaloWorld, type ZaloWorld } from '../helpers/zalo-world.ts';

const OFFICER_CHAT = 'zalo-user-officer-a';

let w: ZaloWorld;
let db: ZaloWorld['db'];
let zalo: ZaloWorld['zalo'];
let adapter: ZaloWorld['adapter'];
let seed: ZaloWorld['seed'];
let calendar: ZaloWorld['calendar'];
let say: ZaloWorld['say'];
let inviteFor: ZaloWorld['inviteFor'];

beforeAll(async () => {
  w = await createZaloWorld();
  ({ db, zalo, adapter, seed, calendar, say, inviteFor } = w);
  await db.prisma.chatIdentity.create({ data: { officerId: seed.officers.officerA.id, channel: 'ZALO', externalId: OFFICER_CHAT } });
});
afterAll(async () => {
  await w?.close();
});

describe('linking a Zalo chat', () => {
  it('a stranger is told to send the invite code; /start <code> links the chat, once; the Telegram chat stays', async () => {
    const chat = 'zalo-user-officer-b';
    expect(await say(chat, 'xin chào')).toContain('gửi mã mời');
    const code = await inviteFor(seed.officers.officerB.id);
    const linked = await say(chat, `/start ${code}`);
    expect(linked).toContain('Trần Thị Bình');
    expect(linked).not.toMatch(/<\/?(?:b|i|code|a)\b/);
    // One account per platform: the officer keeps the Telegram chat too.
    expect(await db.prisma.chatIdentity.count({ where: { officerId: seed.officers.officerB.id, active: true } })).toBe(2);
    expect(await say(chat, code)).toMatch(/đã được sử dụng|already been used/);
  });

  it('a message delivered twice is handled once', async () => {
    const before = zalo.messagesTo(OFFICER_CHAT).length;
    await say(OFFICER_CHAT, 'help', { messageId: 'dup-1' });
    await say(OFFICER_CHAT, 'help', { messageId: 'dup-1' });
    expect(zalo.messagesTo(OFFICER_CHAT).length).toBe(before + 1);
  });
});

describe('a reminder card and answers by text', () => {
  it('arrives as plain text with numbered choices, plan text shown as written', async () => {
    const composer = createComposer({ prisma: db.prisma, i18n: createI18n(), calendar, timeZone: 'Asia/Ho_Chi_Minh', messageLimit: 2000 });
    const reminder = await db.prisma.reminder.create({
      data: { deliveryKey: 'zalo-test-1', taskId: seed.tasks.review.id, officerId: seed.officers.officerA.id, kind: 'before-due-3', plannedAt: NOW },
    });
    const card = await composer.reminder(reminder.id, NOW);
    await adapter.send(OFFICER_CHAT, [card!]);
    const text = zalo.messagesTo(OFFICER_CHAT).at(-1)!.text;
    expect(text).toContain('Rà soát thủ tục hành chính <cấp xã> & báo cáo "kết quả"');
    expect(text).toMatch(/Trả lời bằng số:\n1 = ✅ Hoàn thành\n2 = /);
    expect(text).not.toMatch(/&lt;|&amp;|<b>/);
  });

  it('text replies use the same grammar as on Telegram: "1.3 50% ..." records progress', async () => {
    await say(OFFICER_CHAT, '1.3 50% đang tổng hợp');
    const task = await db.prisma.task.findUniqueOrThrow({ where: { id: seed.tasks.overdue.id } });
    expect(task).toMatchObject({ status: 'IN_PROGRESS', progress: 50 });
  });

  it('a number with no open choice, and a task of another unit, are refused plainly', async () => {
    expect(await say(OFFICER_CHAT, '9')).toContain('không ứng với lựa chọn');
    expect(await say(OFFICER_CHAT, 'xong 2.1')).toMatch(/Không tìm thấy|không thuộc/);
    expect((await db.prisma.task.findUniqueOrThrow({ where: { id: seed.tasks.commune21.id } })).status).toBe('NOT_STARTED');
  });
});

describe('the weekly summary on Zalo (no groups there)', () => {
  it('an officer may not subscribe; a leader subscribes their own chat, and stops it', async () => {
    expect(await say(OFFICER_CHAT, 'đăng ký báo cáo tuần')).toContain('Chỉ lãnh đạo');
    const leaderChat = 'zalo-user-leader';
    await db.prisma.chatIdentity.create({ data: { officerId: seed.officers.leader.id, channel: 'ZALO', externalId: leaderChat } });
    expect(await say(leaderChat, 'dang ky bao cao tuan')).toContain('tổng hợp tuần của Phòng Nội vụ');
    const subscription = await db.prisma.chatSubscription.findUniqueOrThrow({ where: { channel_chatId: { channel: 'ZALO', chatId: leaderChat } }, include: { units: true } });
    expect(subscription).toMatchObject({ active: true, weeklySummary: true, overdueDigest: false });
    expect(subscription.units.map((u) => u.unitId)).toEqual([seed.units.interior.id]);
    expect(await say(leaderChat, 'hủy báo cáo tuần')).toContain('Đã ngừng');
    expect(await db.prisma.chatSubscription.count({ where: { chatId: leaderChat, active: true } })).toBe(0);
  });
});

describe('how updates come in', () => {
  it('long polling: one update per call, an empty poll (408) is no error', async () => {
    const running = await adapter.start({ mode: 'polling' });
    try {
      const before = zalo.messagesTo(OFFICER_CHAT).length;
      zalo.pushMessage({ chatId: OFFICER_CHAT, text: 'help' });
      const until = Date.now() + 10_000;
      while (zalo.messagesTo(OFFICER_CHAT).length === before && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      expect(zalo.messagesTo(OFFICER_CHAT).at(-1)!.text).toContain('Cách trả lời trên Zalo');
      expect(zalo.callsTo('deleteWebhook')).toHaveLength(1);
      expect(zalo.callsTo('getUpdates')[0]!.body).toEqual({ timeout: '30' });
    } finally {
      await running.stop();
    }
  });

  it('the webhook: a wrong secret is refused unread, the right one handled', async () => {
    const app = Fastify();
    registerZaloWebhookRoute(app, { conversation: adapter.conversation, secret: TEST_WEBHOOK_SECRET });
    try {
      const body = { ok: true, result: zalo.makeEvent({ chatId: OFFICER_CHAT, text: 'tasks' }) };
      const wrong = await app.inject({ method: 'POST', url: ZALO_WEBHOOK_PATH, headers: { 'x-bot-api-secret-token': 'nope' }, payload: body });
      expect(wrong.statusCode).toBe(401);
      const before = zalo.messagesTo(OFFICER_CHAT).length;
      const right = await app.inject({ method: 'POST', url: ZALO_WEBHOOK_PATH, headers: { 'x-bot-api-secret-token': TEST_WEBHOOK_SECRET }, payload: body });
      expect(right.statusCode).toBe(200);
      expect(zalo.messagesTo(OFFICER_CHAT).length).toBe(before + 1);
      const junk = await app.inject({ method: 'POST', url: ZALO_WEBHOOK_PATH, headers: { 'x-bot-api-secret-token': TEST_WEBHOOK_SECRET }, payload: { hello: 1 } });
      expect(junk.statusCode).toBe(400);
    } finally {
      await app.close();
    }
  });
});

describe('the platform rules', () => {
  it('long messages go in parts of at most 2,000 characters, cut at line boundaries', () => {
    const html = Array.from({ length: 120 }, (_, i) => `${i + 1}. Nhiệm vụ số ${i + 1}: rà soát và báo cáo kết quả`).join('\n');
    const { parts } = renderForZalo({ html, buttons: [[{ text: 'Trang sau', data: 'p:tasks:1:1' }]] }, 'Trả lời bằng số:');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(2000);
    expect(parts.join('\n')).toContain('120. Nhiệm vụ số 120');
    expect(parts.at(-1)).toMatch(/1 = Trang sau$/);
  });

  it('a blocked user is "recipient gone", 429 and 5xx are retried', () => {
    expect(classifyZaloError(new ZaloApiError('sendMessage', 403, 'The user has blocked the bot')).kind).toBe('recipient-gone');
    expect(classifyZaloError(new ZaloApiError('sendMessage', 429, 'Too Many Requests')).kind).toBe('rate-limited');
    expect(classifyZaloError(new ZaloApiError('sendMessage', 500, 'Internal Server Error')).kind).toBe('transient');
    expect(classifyZaloError(new ZaloApiError('sendMessage', 400, 'text too long')).kind).toBe('rejected');
  });

  it('no call broke the documented API (the calls of every test before, and a help of its own)', async () => {
    await say(OFFICER_CHAT, 'help');
    expect(zalo.callsTo('sendMessage').length).toBeGreaterThan(0);
    expect(zalo.violations).toEqual([]);
  });
});
