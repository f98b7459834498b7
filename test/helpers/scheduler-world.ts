// Everything the scheduler runs on, real: a test database, a Redis prefix, the Bot API
// stand-in, BullMQ queues and workers. Built per test and closed in afterEach.
import { Api } from 'grammy';
import { testLogger } from './test-log.ts';
import { createQueues } from '../../src/delivery/jobs/create-queues.ts';
import { createWorkers, type Workers } from '../../src/delivery/jobs/create-workers.ts';
import type { JobDeps, MessageComposer } from '../../src/delivery/jobs/deps.ts';
import { openPgPool } from '../../src/db/pool.ts';
import { pgRunner } from '../../src/db/sql.ts';
import { createWorkingCalendar } from '../../src/calendar/working-calendar.ts';
import { createTelegramChannel } from '../../src/channels/telegram/channel.ts';
import { systemClock, type Clock } from '../../src/clock.ts';
import { createRedis } from '../../src/redis.ts';
import { createMetrics } from '../../src/metrics.ts';
import { DEFAULT_REMINDER_POLICY } from '../../src/reminders/policy-values.ts';
import { createChatPacing } from '../../src/delivery/chat-pacing.ts';
import { createTestDatabase } from './database.ts';
import { createPlainComposer } from './plain-composer.ts';
import { createTestRedis } from './redis.ts';
import { startTelegramStandIn, type FloodLimits } from './telegram/stand-in.ts';
import { startZaloStandIn } from './zalo/stand-in.ts';
import { createZaloApi } from '../../src/channels/zalo/api.ts';
import { createZaloRoute } from '../../src/channels/zalo/delivery.ts';
import { createI18n } from '../../src/messages/i18n.ts';

export const WORK_HOURS = { start: '08:00', end: '17:00', startMinutes: 480, endMinutes: 1020 };

export interface WorldOptions {
  limits?: FloodLimits | false;
  clock?: Clock;
  composer?: (prisma: JobDeps['prisma']) => MessageComposer;
  privateIntervalMs?: number;
  claimTtlMs?: number;
  globalPerSecond?: number;
  /** Also deliver on Zalo, through a stand-in of its Bot API. */
  zalo?: boolean;
}

export async function createSchedulerWorld(options: WorldOptions = {}) {
  const db = await createTestDatabase();
  // The client loads its query compiler and opens its pool on first use (~0.7 s): not what delivery tests measure.
  await db.prisma.reminder.findFirst({ include: { chatIdentity: true } });
  const redis = await createTestRedis();
  const tg = await startTelegramStandIn({ limits: options.limits ?? false });
  const zalo = options.zalo ? await startZaloStandIn() : undefined;
  const producer = createRedis(redis.url, 'producer');
  const queues = createQueues(producer, redis.prefix);
  const calendar = createWorkingCalendar({ timeZone: 'Asia/Ho_Chi_Minh', workDays: [1, 2, 3, 4, 5], workHours: WORK_HOURS });
  const logger = testLogger();
  const metrics = createMetrics();
  const pool = await openPgPool(db.url, { max: 3 });
  const deps: JobDeps = {
    prisma: db.prisma,
    channels: {
      TELEGRAM: {
        channel: createTelegramChannel(new Api(tg.token, { apiRoot: tg.apiRoot })),
        pacing: createChatPacing(producer, { prefix: redis.prefix, globalPerSecond: options.globalPerSecond ?? 200, ...(options.privateIntervalMs ? { privateIntervalMs: options.privateIntervalMs } : {}) }),
      },
      ...(zalo
        ? { ZALO: createZaloRoute({ api: createZaloApi({ token: zalo.token, apiRoot: zalo.apiRoot }), redis: producer, prefix: redis.prefix, ratePerSecond: 100, prisma: db.prisma, i18n: createI18n() }) }
        : {}),
    },
    composer: (options.composer ?? createPlainComposer)(db.prisma),
    clock: options.clock ?? systemClock,
    logger,
    metrics,
    calendar,
    policy: DEFAULT_REMINDER_POLICY,
    deliveryQueue: queues.delivery,
    claimTtlMs: options.claimTtlMs ?? 3_000,
    // Planning runs through plain pg, as in the service.
    sql: pgRunner(pool),
  };
  const workers: Workers[] = [];
  const connections: Array<ReturnType<typeof createRedis>> = [];

  return {
    db,
    prisma: db.prisma,
    redis,
    tg,
    zalo,
    queues,
    calendar,
    deps,
    metrics,
    async startWorkers(extra: { sendRatePerSecond?: number; deliveryConcurrency?: number } = {}): Promise<Workers> {
      const connection = createRedis(redis.url, 'worker');
      connections.push(connection);
      const w = createWorkers(deps, {
        connection,
        prefix: redis.prefix,
        sendRatePerSecond: extra.sendRatePerSecond ?? 200,
        deliveryConcurrency: extra.deliveryConcurrency ?? 10,
        lockDurationMs: 3_000,
        stalledIntervalMs: 1_000,
      });
      workers.push(w);
      await Promise.all([w.delivery.waitUntilReady(), w.maintenance.waitUntilReady()]);
      return w;
    },
    async close() {
      for (const w of workers) await w.close();
      await queues.close();
      for (const c of connections) c.disconnect();
      producer.disconnect();
      await pool.end();
      await tg.close();
      await zalo?.close();
      await redis.cleanup();
      await db.drop();
    },
  };
}

export type SchedulerWorld = Awaited<ReturnType<typeof createSchedulerWorld>>;

let chatCounter = 100;

/** A unit with officers that have linked Telegram chats; returns their ids and chat ids. */
export async function seedUnit(world: SchedulerWorld, name: string, officers: Array<{ role?: 'OFFICER' | 'LEADER' | 'ADMIN'; linked?: boolean }>) {
  const unit = await world.prisma.unit.create({ data: { name, normalizedName: `${name.toLowerCase()}-${chatCounter}` } });
  const out: Array<{ officerId: number; chatId: number; chatIdentityId: number | null }> = [];
  for (const o of officers) {
    const chatId = chatCounter++;
    const officer = await world.prisma.officer.create({
      data: {
        name: `Officer ${chatId}`,
        unitId: unit.id,
        role: o.role ?? 'OFFICER',
        ...(o.linked === false ? {} : { chatIdentities: { create: [{ channel: 'TELEGRAM', externalId: String(chatId) }] } }),
      },
      include: { chatIdentities: true },
    });
    out.push({ officerId: officer.id, chatId, chatIdentityId: officer.chatIdentities[0]?.id ?? null });
  }
  return { unitId: unit.id, officers: out };
}

let planCounter = 0;
export async function seedPlan(world: SchedulerWorld) {
  planCounter++;
  return world.prisma.plan.create({
    data: { kind: 'KE_HOACH', title: `Kế hoạch ${planCounter}`, sourceFileName: 'x.txt', sourceHash: `h${planCounter}`, issuedOn: new Date('2024-10-15') },
  });
}

export async function seedTask(
  world: SchedulerWorld,
  planId: number,
  code: string,
  schedule: object,
  units: Array<{ unitId: number; role: 'MONITOR' | 'LEAD' | 'COORDINATE' | 'EXECUTE' }>,
) {
  return world.prisma.task.create({
    data: { planId, code, path: code, ordinal: Number(code.replace(/\D/g, '')) || 1, title: `Nhiệm vụ ${code}`, schedule, deadlineRaw: JSON.stringify(schedule), units: { create: units } },
  });
}

/** Rows to deliver now-ish, made directly (kind "manual", so re-planning leaves them alone), for delivery tests. */
export async function seedReminders(world: SchedulerWorld, taskId: number, recipients: Array<{ officerId: number; chatIdentityId: number | null }>, instants: Date[]) {
  const data = recipients.flatMap((r) =>
    instants.map((at, i) => ({
      deliveryKey: `t${taskId}:test:${i}-${at.getTime()}:o${r.officerId}`,
      taskId,
      officerId: r.officerId,
      chatIdentityId: r.chatIdentityId,
      kind: 'manual',
      plannedAt: at,
    })),
  );
  await world.prisma.reminder.createMany({ data });
  return world.prisma.reminder.findMany({ where: { taskId }, orderBy: { id: 'asc' } });
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}
