// Both chat platforms over one database, as the service runs them: the Telegram Bot API
// stand-in with the real grammY bot (driven by handleUpdate), the Zalo stand-in with the real
// Zalo adapter, and the real BullMQ workers delivering on both, all on one settable clock.
// Notices go on the delivery queue from both adapters and the workers send them, as src/service.ts wires them.
import { Api } from 'grammy';
import { createQueues } from '../../src/delivery/jobs/create-queues.ts';
import { createWorkers, type Workers } from '../../src/delivery/jobs/create-workers.ts';
import { planningRequester } from '../../src/delivery/jobs/definitions/plan-tasks.ts';
import type { JobDeps } from '../../src/delivery/jobs/deps.ts';
import { createBot } from '../../src/channels/telegram/index.ts';
import { createWorkingCalendar } from '../../src/calendar/working-calendar.ts';
import { createTelegramChannel } from '../../src/channels/telegram/channel.ts';
import { createZaloApi } from '../../src/channels/zalo/api.ts';
import { createZaloRoute } from '../../src/channels/zalo/delivery.ts';
import { createZaloAdapter } from '../../src/channels/zalo/index.ts';
import { fixedClock } from '../../src/clock.ts';
import { createConfig } from '../../src/config.ts';
import { createComposer } from '../../src/messages/index.ts';
import { createI18n } from '../../src/messages/i18n.ts';
import { openPgPool } from '../../src/db/pool.ts';
import { pgRunner } from '../../src/db/sql.ts';
import { createMetrics } from '../../src/metrics.ts';
import { createRedis } from '../../src/redis.ts';
import { DEFAULT_REMINDER_POLICY } from '../../src/reminders/policy-values.ts';
import { createChatPacing } from '../../src/delivery/chat-pacing.ts';
import { sendReminderJob } from '../../src/delivery/jobs/definitions/send-reminder.ts';
import { createTestDatabase } from './database.ts';
import { createTestRedis } from './redis.ts';
import { waitFor, WORK_HOURS } from './scheduler-world.ts';
import { startTelegramStandIn } from './telegram/stand-in.ts';
import { testLogger } from './test-log.ts';
import { startZaloStandIn } from './zalo/stand-in.ts';

const TZ = 'Asia/Ho_Chi_Minh';

export async function createChannelsWorld(start: Date) {
  const db = await createTestDatabase();
  const redis = await createTestRedis();
  const tg = await startTelegramStandIn({ limits: false });
  const zaloStandIn = await startZaloStandIn();
  const producer = createRedis(redis.url, 'producer');
  const queues = createQueues(producer, redis.prefix);
  const pool = await openPgPool(db.url, { max: 4 });
  const calendar = createWorkingCalendar({ timeZone: TZ, workDays: [1, 2, 3, 4, 5], workHours: WORK_HOURS });
  const logger = testLogger();
  const clock = fixedClock(start);
  const now = () => clock.now();
  const i18n = createI18n();

  const config = createConfig({ TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot, DATABASE_URL: db.url });
  const bot = createBot({
    config, prisma: db.prisma, pool, logger, calendar, botInfo: tg.botInfo as never, now,
    conversationStore: { redis: producer, prefix: redis.prefix }, planImports: { redis: producer, prefix: redis.prefix },
    maintenanceQueue: queues.maintenance, deliveryQueue: queues.delivery,
  });
  const zalo = createZaloAdapter({
    api: createZaloApi({ token: zaloStandIn.token, apiRoot: zaloStandIn.apiRoot }),
    prisma: db.prisma, sql: pgRunner(pool), redis: producer, prefix: redis.prefix, ratePerSecond: 100,
    calendar, timeZone: TZ, logger, now,
    requestPlanning: planningRequester(queues.maintenance, logger), deliveryQueue: queues.delivery,
  });

  const deps: JobDeps = {
    prisma: db.prisma,
    channels: {
      TELEGRAM: {
        channel: createTelegramChannel(new Api(tg.token, { apiRoot: tg.apiRoot })),
        pacing: createChatPacing(producer, { prefix: redis.prefix, globalPerSecond: 200, groupIntervalMs: 50 }),
      },
      ZALO: createZaloRoute({ api: createZaloApi({ token: zaloStandIn.token, apiRoot: zaloStandIn.apiRoot }), redis: producer, prefix: redis.prefix, ratePerSecond: 100, prisma: db.prisma, i18n }),
    },
    composer: createComposer({ prisma: db.prisma, i18n, calendar, timeZone: TZ }),
    clock,
    logger,
    metrics: createMetrics(),
    calendar,
    policy: DEFAULT_REMINDER_POLICY,
    deliveryQueue: queues.delivery,
    claimTtlMs: 3_000,
    sql: pgRunner(pool),
  };
  const workerConnection = createRedis(redis.url, 'worker');
  const workers: Workers = createWorkers(deps, { connection: workerConnection, prefix: redis.prefix, sendRatePerSecond: 200, deliveryConcurrency: 10, lockDurationMs: 3_000, stalledIntervalMs: 1_000 });
  await Promise.all([workers.delivery.waitUntilReady(), workers.maintenance.waitUntilReady()]);

  return {
    db, prisma: db.prisma, redis, tg, zalo: zaloStandIn, zaloAdapter: zalo, bot, queues, calendar, deps, clock,
    now,
    /**
     * Moves the clock on and releases the delivery jobs whose reminder is now due. A job's delay
     * is real time (hours for a snooze), so the test promotes it instead of waiting for it.
     */
    async advanceTo(at: Date) {
      // Planning asked for before (a snooze, an approval) queues the jobs first.
      await waitFor(async () => {
        const counts = await queues.maintenance.getJobCounts('waiting', 'active', 'prioritized');
        return counts.waiting! + counts.active! + counts.prioritized! === 0;
      }, 10_000, 'planning jobs done');
      clock.set(at);
      for (const job of await queues.delivery.getDelayed()) {
        const data = job.name === sendReminderJob.name ? (job.data as { plannedAt?: string }) : undefined;
        // A job may leave the delayed set meanwhile (a retry's own timer): then it runs anyway.
        if (data?.plannedAt && new Date(data.plannedAt) <= at) await job.promote().catch(() => undefined);
      }
    },
    async close() {
      await workers.close();
      await queues.close();
      workerConnection.disconnect();
      producer.disconnect();
      await pool.end();
      await tg.close();
      await zaloStandIn.close();
      await redis.cleanup();
      await db.drop();
    },
  };
}

export type ChannelsWorld = Awaited<ReturnType<typeof createChannelsWorld>>;
