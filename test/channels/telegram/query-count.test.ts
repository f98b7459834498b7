// Queries per update: the webhook path's throughput is bounded by Prisma calls (each costs
// milliseconds of main-thread CPU), so the common updates keep a small, fixed number of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../../src/channels/telegram/index.ts';
import { sendOutgoing } from '../../../src/channels/telegram/handlers/send.ts';
import { createComposer } from '../../../src/messages/index.ts';
import { createI18n } from '../../../src/messages/i18n.ts';
import type { PrismaClient } from '../../../src/generated/prisma/client.ts';
import { createWorkingCalendar } from '../../../src/calendar/working-calendar.ts';
import { createConfig } from '../../../src/config.ts';
import { testLogger } from '../../helpers/test-log.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { startTelegramStandIn } from '../../helpers/telegram/stand-in.ts';
import { NOW, seedWorld, USERS } from '../../helpers/bot-world.ts';

/** A client that counts every Prisma call (model operations and raw queries, inside transactions too). */
function countingClient(prisma: PrismaClient) {
  const log: string[] = [];
  const client = prisma.$extends({
    query: {
      async $allOperations({ model, operation, args, query }) {
        log.push(model ? `${model}.${operation}` : operation);
        return query(args);
      },
    },
  }) as unknown as PrismaClient;
  return { client, log };
}

let db: TestDatabase;
let tg: Awaited<ReturnType<typeof startTelegramStandIn>>;
let counted: ReturnType<typeof countingClient>;
let bot: ReturnType<typeof createBot>;
let seed: Awaited<ReturnType<typeof seedWorld>>;
const calendar = createWorkingCalendar({ timeZone: 'Asia/Ho_Chi_Minh', workDays: [1, 2, 3, 4, 5], workHours: { startMinutes: 480, endMinutes: 1020 } });

beforeAll(async () => {
  db = await createTestDatabase();
  tg = await startTelegramStandIn({ limits: false });
  seed = await seedWorld(db.prisma);
  counted = countingClient(db.prisma);
  const config = createConfig({ TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot, DATABASE_URL: db.url });
  bot = createBot({ config, prisma: counted.client, logger: testLogger(), calendar, botInfo: tg.botInfo as never, now: () => NOW });
});
afterAll(async () => {
  await tg?.close();
  await db?.drop();
});

async function count(fn: () => Promise<unknown>): Promise<string[]> {
  counted.log.length = 0;
  await fn();
  return [...counted.log];
}

describe('queries per update', () => {
  it('composing a reminder card: one statement', async () => {
    const composer = createComposer({ prisma: counted.client, i18n: createI18n(), calendar, timeZone: 'Asia/Ho_Chi_Minh' });
    const reminder = await db.prisma.reminder.create({ data: { deliveryKey: 'qc-1', taskId: seed.tasks.review.id, officerId: seed.officers.officerA.id, kind: 'before-due-3', plannedAt: NOW } });
    const log = await count(() => composer.reminder(reminder.id, NOW));
    expect(log, 'one statement per reminder on the send path').toHaveLength(1);
  });

  it('a tap on a reminder card button (50%): at most 3 calls, and the hand-written SQL records what the builder did', async () => {
    const composer = createComposer({ prisma: db.prisma, i18n: createI18n(), calendar, timeZone: 'Asia/Ho_Chi_Minh' });
    const reminder = await db.prisma.reminder.create({ data: { deliveryKey: 'qc-2', taskId: seed.tasks.review.id, officerId: seed.officers.officerA.id, kind: 'before-due-3', plannedAt: NOW } });
    const [messageId] = await sendOutgoing(bot.api, USERS.officerA, [(await composer.reminder(reminder.id, NOW))!]);
    const { taskAction } = await import('../../../src/messages/actions.ts');
    const data = taskAction.pack({ action: 'pv', taskId: seed.tasks.review.id, officerId: seed.officers.officerA.id, value: 50 });
    const log = await count(() => bot.handleUpdate(tg.makeCallbackUpdate({ chatId: USERS.officerA, messageId: messageId!, data, from: { id: USERS.officerA } }) as never));
    // Claim the update with the officer; in one transaction lock+read the task view, write report+task+audit.
    expect(log.length, log.join(', ')).toBeLessThanOrEqual(3);
    const report = await db.prisma.statusReport.findFirstOrThrow({ where: { taskId: seed.tasks.review.id }, orderBy: { id: 'desc' } });
    expect(report).toMatchObject({ status: 'IN_PROGRESS', progress: 50, note: null, officerId: seed.officers.officerA.id, createdAt: NOW, occurrenceDue: new Date('2024-11-29T00:00:00Z') });
    const task = await db.prisma.task.findUniqueOrThrow({ where: { id: seed.tasks.review.id } });
    expect(task).toMatchObject({ status: 'IN_PROGRESS', progress: 50, completedAt: null });
    expect(Math.abs(task.updatedAt.getTime() - Date.now())).toBeLessThan(60_000);
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'task.in-progress' }, orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({ actor: String(seed.officers.officerA.id), entityType: 'Task', entityId: String(task.id), data: { reportId: report.id, from: 'NOT_STARTED', to: 'IN_PROGRESS', progress: 50 } });
    expect(Math.abs(audit.at.getTime() - Date.now())).toBeLessThan(60_000);
    const leaderLog = await count(() => bot.handleUpdate(tg.makeCallbackUpdate({ chatId: USERS.leader, messageId: messageId!, data: taskAction.pack({ action: 'pv', taskId: seed.tasks.review.id, officerId: seed.officers.leader.id, value: 75 }), from: { id: USERS.leader } }) as never));
    expect(leaderLog.length, leaderLog.join(', ')).toBeLessThanOrEqual(3);
  });

  it('/tasks: at most 3 calls', async () => {
    const log = await count(() => bot.handleUpdate(tg.makeMessageUpdate({ chatId: USERS.officerA, from: { id: USERS.officerA }, text: '/tasks' }) as never));
    expect(log.length, log.join(', ')).toBeLessThanOrEqual(3);
  });

  it('a text reply: at most 4 calls; ✅ by text sets DONE, 100% and completedAt', async () => {
    const log = await count(() => bot.handleUpdate(tg.makeMessageUpdate({ chatId: USERS.officerA, from: { id: USERS.officerA }, text: '1.3 40%' }) as never));
    expect(log.length, log.join(', ')).toBeLessThanOrEqual(4);
    const done = await count(() => bot.handleUpdate(tg.makeMessageUpdate({ chatId: USERS.officerA, from: { id: USERS.officerA }, text: 'xong 1.3 đã nộp' }) as never));
    expect(done.length, done.join(', ')).toBeLessThanOrEqual(4);
    const task = await db.prisma.task.findUniqueOrThrow({ where: { id: seed.tasks.overdue.id } });
    expect(task).toMatchObject({ status: 'DONE', progress: 100, completedAt: NOW });
    const report = await db.prisma.statusReport.findFirstOrThrow({ where: { taskId: task.id }, orderBy: { id: 'desc' } });
    expect(report).toMatchObject({ status: 'DONE', progress: 100, note: 'đã nộp', occurrenceDue: new Date('2024-11-15T00:00:00Z') });
    expect(tg.violations).toEqual([]);
  });
});
