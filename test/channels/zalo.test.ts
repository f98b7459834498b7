// Zalo end to end through a stand-in of the Zalo Bot API: an officer links with an invite
// code, gets a reminder card as plain text with numbered choices, answers by number and by
// text, sends a photo as evidence, asks for an extension that a leader on Zalo approves by
// number; updates arrive by long polling and by the webhook; nothing breaks the API's rules.
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
const LEADER_CHAT = 'zalo-user-leader';

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
});
afterAll(async () => {
  await w?.close();
});

describe('linking a Zalo chat', () => {
  it('a stranger is told to send the invite code; the code alone links the chat, once', async () => {
    expect(await say(OFFICER_CHAT, 'xin chào')).toContain('gửi mã mời');
    const code = await inviteFor(seed.officers.officerA.id);
    const linked = await say(OFFICER_CHAT, code);
    expect(linked).toContain('Nguyễn Văn An');
    expect(linked).not.toMatch(/<[a-z/]/);
    const identity = await db.prisma.chatIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'ZALO', externalId: OFFICER_CHAT } } });
    expect(identity).toMatchObject({ officerId: seed.officers.officerA.id, active: true });
    // The officer keeps the Telegram chat too: one account per platform.
    expect(await db.prisma.chatIdentity.count({ where: { officerId: seed.officers.officerA.id, active: true } })).toBe(2);
    expect(await say(OFFICER_CHAT, `/start ${code}`)).toContain('đã được sử dụng');
  });

  it('the leader links with /start <code>', async () => {
    const code = await inviteFor(seed.officers.leader.id);
    expect(await say(LEADER_CHAT, `/start ${code}`)).toContain('Lê Văn Cường');
  });

  it('a message delivered twice is handled once', async () => {
    const before = zalo.messagesTo(OFFICER_CHAT).length;
    await say(OFFICER_CHAT, 'help', { messageId: 'dup-1' });
    await say(OFFICER_CHAT, 'help', { messageId: 'dup-1' });
    expect(zalo.messagesTo(OFFICER_CHAT).length).toBe(before + 1);
  });
});

describe('a reminder card and answers by number and by text', () => {
  it('arrives as plain text with numbered choices; "1" records done', async () => {
    const composer = createComposer({ prisma: db.prisma, i18n: createI18n(), calendar, timeZone: 'Asia/Ho_Chi_Minh', messageLimit: 2000 });
    const reminder = await db.prisma.reminder.create({
      data: { deliveryKey: 'zalo-test-1', taskId: seed.tasks.review.id, officerId: seed.officers.officerA.id, kind: 'before-due-3', plannedAt: NOW },
    });
    const card = await composer.reminder(reminder.id, NOW);
    await adapter.send(OFFICER_CHAT, [card!]);
    const text = zalo.messagesTo(OFFICER_CHAT).at(-1)!.text;
    // Plan text is shown as written, not as HTML entities.
    expect(text).toContain('Rà soát thủ tục hành chính <cấp xã> & báo cáo "kết quả"');
    expect(text).toMatch(/Trả lời bằng số:\n1 = ✅ Hoàn thành\n2 = /);
    expect(text).not.toMatch(/&lt;|&amp;|<b>/);

    const answer = await say(OFFICER_CHAT, '1');
    expect(answer).toContain('minh chứng');
    const task = await db.prisma.task.findUniqueOrThrow({ where: { id: seed.tasks.review.id } });
    expect(task.status).toBe('DONE');
    const report = await db.prisma.statusReport.findFirstOrThrow({ where: { taskId: task.id }, orderBy: { id: 'desc' } });
    expect(report).toMatchObject({ officerId: seed.officers.officerA.id, status: 'DONE' });
  });

  it('a photo right after the answer is stored as its evidence', async () => {
    expect(await say(OFFICER_CHAT, '', { photo: 'https://zalo.example/photo/abc.jpg' })).toContain('1.2');
    const evidence = await db.prisma.evidence.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(evidence).toMatchObject({ kind: 'PHOTO', reference: 'https://zalo.example/photo/abc.jpg' });
  });

  it('text replies use the same grammar as on Telegram: "1.3 50% ..." records progress', async () => {
    await say(OFFICER_CHAT, '1.3 50% đang tổng hợp');
    const task = await db.prisma.task.findUniqueOrThrow({ where: { id: seed.tasks.overdue.id } });
    expect(task).toMatchObject({ status: 'IN_PROGRESS', progress: 50 });
  });

  it('"status 1.3" shows the card; its choice 2 offers progress steps; "3" picks 75%', async () => {
    const card = await say(OFFICER_CHAT, 'status 1.3');
    expect(card).toContain('Kiện toàn tổ công tác CCHC');
    expect(await say(OFFICER_CHAT, '2')).toMatch(/1 = 25%\n2 = 50%\n3 = 75%/);
    await say(OFFICER_CHAT, '3');
    expect((await db.prisma.task.findUniqueOrThrow({ where: { id: seed.tasks.overdue.id } })).progress).toBe(75);
  });

  it('a number with no open choice, and a task of another unit, are refused plainly', async () => {
    expect(await say(OFFICER_CHAT, '9')).toContain('không ứng với lựa chọn');
    expect(await say(OFFICER_CHAT, 'xong 2.1')).toMatch(/Không tìm thấy|không thuộc/);
    expect((await db.prisma.task.findUniqueOrThrow({ where: { id: seed.tasks.commune21.id } })).status).toBe('NOT_STARTED');
  });

  it('tasks lists the open tasks', async () => {
    const list = await say(OFFICER_CHAT, 'tasks');
    expect(list).toContain('1.3');
    expect(list).not.toContain('2.1');
  });
});

describe('an extension asked on Zalo and decided on Zalo', () => {
  it('the leader gets the request with numbered choices; "1" approves and the officer is told', async () => {
    const asked = await say(OFFICER_CHAT, 'gia hạn 1.3 20/12/2024 chờ số liệu');
    expect(asked).toContain('20/12/2024');
    const ask = zalo.messagesTo(LEADER_CHAT).at(-1)!.text;
    expect(ask).toContain('chờ số liệu');
    expect(ask).toMatch(/1 = .*\n2 = /);
    await say(LEADER_CHAT, '1');
    const request = await db.prisma.extensionRequest.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(request).toMatchObject({ status: 'APPROVED', deciderId: seed.officers.leader.id });
    expect((await db.prisma.task.findUniqueOrThrow({ where: { id: seed.tasks.overdue.id } })).due).toEqual(new Date('2024-12-20T00:00:00Z'));
    expect(zalo.messagesTo(OFFICER_CHAT).at(-1)!.text).toContain('20/12/2024');
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

  it('no call broke the documented API', () => {
    expect(zalo.calls.length).toBeGreaterThan(10);
    expect(zalo.violations).toEqual([]);
  });
});
