// A small world for bot tests: a fresh database with units, a plan, tasks and officers;
// the Telegram stand-in; a bot driven by handleUpdate with a fixed clock.
import { createWorkingCalendar } from '../../src/calendar/working-calendar.ts';
import { createConfig } from '../../src/config.ts';
import { createBot } from '../../src/channels/telegram/index.ts';
import { sendOutgoing } from '../../src/channels/telegram/handlers/send.ts';
import { createComposer } from '../../src/messages/index.ts';
import { createI18n } from '../../src/messages/i18n.ts';
import { openPgPool } from '../../src/db/pool.ts';
import { unitKey } from '../../src/plans/unit-names.ts';
import type { PrismaClient } from '../../src/generated/prisma/client.ts';
import { createRedis } from '../../src/redis.ts';
import { createTestDatabase } from './database.ts';
import { createTestRedis } from './redis.ts';
import { testLogger } from './test-log.ts';
import { startTelegramStandIn } from './telegram/stand-in.ts';
import { createQueues } from '../../src/delivery/jobs/create-queues.ts';

/** Tuesday 26 November 2024, 09:00 in Hà Nội. */
export const NOW = new Date('2024-11-26T02:00:00Z');

export const USERS = { officerA: 7001, officerB: 7002, leader: 7003, admin: 7004, stranger: 7999 } as const;

export async function seedWorld(prisma: PrismaClient) {
  const unit = (name: string, parentId: number | null = null) =>
    prisma.unit.create({ data: { name, normalizedName: unitKey(name), parentId } });
  const district = await unit('UBND huyện Hòa Vang');
  const interior = await unit('Phòng Nội vụ', district.id);
  const finance = await unit('Phòng Tài chính - Kế hoạch', district.id);
  const commune = await unit('UBND xã An Bình');

  const officer = async (name: string, unitId: number, role: 'OFFICER' | 'LEADER' | 'ADMIN', language: 'vi' | 'en', userId: number) => {
    const o = await prisma.officer.create({ data: { name, unitId, role, language } });
    await prisma.chatIdentity.create({ data: { officerId: o.id, channel: 'TELEGRAM', externalId: String(userId) } });
    return o;
  };
  const officerA = await officer('Nguyễn Văn An', interior.id, 'OFFICER', 'vi', USERS.officerA);
  const officerB = await officer('Trần Thị Bình', finance.id, 'OFFICER', 'en', USERS.officerB);
  const leader = await officer('Lê Văn Cường', interior.id, 'LEADER', 'vi', USERS.leader);
  const admin = await officer('Phạm Quản Trị', district.id, 'ADMIN', 'en', USERS.admin);

  const plan = await prisma.plan.create({
    data: { kind: 'KE_HOACH', number: '336/KH-UBND', title: 'Kế hoạch cải cách hành chính năm 2024', sourceFileName: 'kh.docx', sourceHash: 'abc' },
  });
  const task = (code: string, ordinal: number, data: { title: string; due?: string; deadlineRaw?: string; target?: string; units: Array<[number, 'LEAD' | 'COORDINATE']> }) =>
    prisma.task.create({
      data: {
        planId: plan.id, code, path: code, ordinal, title: data.title,
        target: data.target ?? null, deadlineRaw: data.deadlineRaw ?? null,
        ...(data.due ? { due: new Date(`${data.due}T00:00:00Z`), schedule: { kind: 'once', due: data.due } } : {}),
        units: { create: data.units.map(([unitId, role]) => ({ unitId, role })) },
      },
    });
  const review = await task('1.2', 1, {
    title: 'Rà soát thủ tục hành chính <cấp xã> & báo cáo "kết quả"',
    deadlineRaw: 'Trước ngày 30/11/2024',
    due: '2024-11-29',
    target: '100% thủ tục được rà soát',
    units: [[interior.id, 'LEAD'], [finance.id, 'COORDINATE']],
  });
  const overdue = await task('1.3', 2, { title: 'Kiện toàn tổ công tác CCHC', deadlineRaw: 'Tháng 11/2024', due: '2024-11-15', units: [[interior.id, 'LEAD']] });
  const commune21 = await task('2.1', 3, { title: 'Số hóa hồ sơ một cửa', due: '2024-12-20', units: [[commune.id, 'LEAD']] });
  return { units: { district, interior, finance, commune }, officers: { officerA, officerB, leader, admin }, plan, tasks: { review, overdue, commune21 } };
}

/** `limits`: the abuse limits the service wires (per-person updates a minute, global send rate), off by default. */
/** `exportJobs`: /export queues export-report jobs on the world's reports queue (start workers to run them). */
export async function createBotWorld(options: { limits?: { updatesPerMinute: number; sendPerSecond: number }; exportJobs?: boolean } = {}) {
  const db = await createTestDatabase();
  const tg = await startTelegramStandIn({ limits: false });
  const calendar = createWorkingCalendar({ timeZone: 'Asia/Ho_Chi_Minh', workDays: [1, 2, 3, 4, 5], workHours: { startMinutes: 480, endMinutes: 1020 } });
  const config = createConfig({ TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot, DATABASE_URL: db.url });
  const logger = testLogger();
  let now = NOW;
  // The service's wiring: the hot path's statements through a plain `pg` pool.
  const pool = await openPgPool(db.url, { max: 3 });
  // Conversations kept in Redis, as in the service: a restarted bot carries on with them.
  const redis = await createTestRedis();
  const conversationRedis = createRedis(redis.url, 'producer');
  // Plan files wait in Redis between preview and button; plan-tasks jobs go on this test's maintenance queue.
  const queues = createQueues(conversationRedis, redis.prefix);
  const makeBot = () => createBot({ config, prisma: db.prisma, pool, logger, calendar, botInfo: tg.botInfo as never, now: () => now, conversationStore: { redis: conversationRedis, prefix: redis.prefix }, planImports: { redis: conversationRedis, prefix: redis.prefix }, maintenanceQueue: queues.maintenance, ...(options.exportJobs ? { reportsQueue: queues.reports } : {}), ...(options.limits ? { limits: { redis: conversationRedis, prefix: redis.prefix, ...options.limits } } : {}) });
  let bot = makeBot();
  const seed = await seedWorld(db.prisma);
  const composer = createComposer({ prisma: db.prisma, i18n: createI18n(), calendar, timeZone: 'Asia/Ho_Chi_Minh' });
  let reminders = 0;

  const world = {
    db, prisma: db.prisma, pool, tg, calendar, config, logger, seed, redis, queues,
    /** The bot's Redis connection (conversations, abuse limits, plan previews). */
    conversationRedis,
    get now() {
      return now;
    },
    get bot() {
      return bot;
    },
    /** A new bot process in place of the old one (a restart, or another instance behind the webhook). */
    restartBot() {
      bot = makeBot();
    },
    setNow(value: Date) {
      now = value;
    },
    async send(userId: number, text: string, language_code = 'vi') {
      await bot.handleUpdate(tg.makeMessageUpdate({ chatId: userId, from: { id: userId, first_name: 'U', language_code }, text }) as never);
    },
    async sendInGroup(groupId: number, userId: number, text: string) {
      await bot.handleUpdate(tg.makeMessageUpdate({ chatId: groupId, chatType: 'supergroup', from: { id: userId, first_name: 'U' }, text }) as never);
    },
    async tap(chatId: number, messageId: number, data: string, fromId = chatId) {
      await bot.handleUpdate(tg.makeCallbackUpdate({ chatId, messageId, data, from: { id: fromId } }) as never);
    },
    composer,
    /** A reminder row planned now, composed and sent as the scheduler would (the row is SENT): the card with its buttons. */
    async sendReminder(taskId: number, officerId: number, chatId: number, kind = 'before-due-3') {
      const reminder = await db.prisma.reminder.create({
        data: { deliveryKey: `t${taskId}:x:${kind}:o${officerId}:${++reminders}`, taskId, officerId, kind, plannedAt: now },
      });
      const message = await composer.reminder(reminder.id, now);
      if (!message) throw new Error(`reminder ${reminder.id} composed nothing`);
      const [messageId] = await sendOutgoing(bot.api, chatId, [message]);
      const sent = await db.prisma.reminder.update({ where: { id: reminder.id }, data: { status: 'SENT', sentAt: now, channelMessageId: String(messageId) } });
      return { reminder: sent, messageId: messageId! };
    },
    /** The last message the bot sent to a chat, in its current state. */
    last(chatId: number) {
      const list = tg.messagesTo(chatId);
      return list[list.length - 1];
    },
    buttons(chatId: number, messageId: number): Array<{ text: string; callback_data: string }> {
      const m = tg.messagesTo(chatId).find((x) => x.messageId === messageId);
      const markup = m?.replyMarkup as { inline_keyboard?: Array<Array<{ text: string; callback_data: string }>> } | undefined;
      return markup?.inline_keyboard?.flat() ?? [];
    },
    async close() {
      await tg.close();
      await queues.close();
      conversationRedis.disconnect();
      await redis.cleanup();
      await pool.end();
      await db.drop();
    },
  };
  return world;
}

export type BotWorld = Awaited<ReturnType<typeof createBotWorld>>;
