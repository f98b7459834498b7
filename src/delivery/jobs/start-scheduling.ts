// Starts the scheduler side of a process: job schedulers, a reconcile at start, the
// watchdog, and (when sending is possible) the delivery workers. main/service call it.
import type { Redis } from 'ioredis';
import type { WorkingCalendar } from '../../calendar/working-calendar.ts';
import { createTelegramRoute } from '../../channels/telegram/delivery.ts';
import { systemClock, type Clock } from '../../clock.ts';
import type { Config } from '../../config.ts';
import type { SqlRunner } from '../../db/sql.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { Logger } from '../../logger.ts';
import type { Metrics } from '../../metrics.ts';
import { DEFAULT_REMINDER_POLICY } from '../../reminders/policy-values.ts';
import { createWorkers, type Workers } from './create-workers.ts';
import type { Queues } from './create-queues.ts';
import type { DeliveryRoutes, MessageComposer } from './deps.ts';
import { createZaloRoute, zaloApiFromConfig } from '../../channels/zalo/delivery.ts';
import { createI18n } from '../../messages/i18n.ts';
import { requestReconcile, startSchedulerWatchdog, upsertSchedulers } from './schedulers.ts';

export interface SchedulingDeps {
  config: Config;
  logger: Logger;
  prisma: PrismaClient;
  queues: Queues;
  /** A connection for fast producer calls (pacing). */
  producer: Redis;
  /** A connection made with maxRetriesPerRequest: null for the workers. */
  workerConnection: Redis;
  calendar: WorkingCalendar;
  composer: MessageComposer;
  metrics: Metrics;
  sql?: SqlRunner;
  /** The system's clock unless given (the sandbox's fast clock). */
  clock?: Clock;
}

export async function startScheduling(deps: SchedulingDeps): Promise<{ workers: Workers; close(): Promise<void> }> {
  const { config, logger, queues } = deps;
  const channels: DeliveryRoutes = {};
  // One route per platform whose token is set; each adapter builds its own client and pacing.
  const telegram = createTelegramRoute(config, deps.producer);
  if (telegram) channels.TELEGRAM = telegram;
  const zaloApi = zaloApiFromConfig(config);
  if (zaloApi) {
    channels.ZALO = createZaloRoute({ api: zaloApi, redis: deps.producer, prefix: config.QUEUE_PREFIX, ratePerSecond: config.ZALO_SEND_RATE_PER_SECOND, prisma: deps.prisma, i18n: createI18n() });
  }
  const workers = createWorkers(
    {
      prisma: deps.prisma,
      channels,
      composer: deps.composer,
      clock: deps.clock ?? systemClock,
      logger: logger.child({ component: 'jobs' }),
      metrics: deps.metrics,
      calendar: deps.calendar,
      policy: DEFAULT_REMINDER_POLICY,
      deliveryQueue: queues.delivery,
      claimTtlMs: config.SEND_CLAIM_TTL_MS,
      ...(deps.sql ? { sql: deps.sql } : {}),
    },
    {
      connection: deps.workerConnection,
      prefix: config.QUEUE_PREFIX,
      sendRatePerSecond: config.SEND_RATE_PER_SECOND,
      lockDurationMs: config.WORKER_LOCK_MS,
      stalledIntervalMs: config.WORKER_LOCK_MS,
    },
  );
  if (!Object.keys(channels).length) {
    // Without a token nothing can be delivered: keep planning, leave deliveries queued.
    await workers.delivery.pause();
    logger.warn('delivery paused until TELEGRAM_BOT_TOKEN or ZALO_BOT_TOKEN is set');
  }
  await upsertSchedulers(queues.maintenance, config.TZ_NAME);
  await requestReconcile(queues.maintenance, 'start');
  const stopWatchdog = startSchedulerWatchdog(queues.maintenance, config.TZ_NAME, logger);
  return {
    workers,
    async close() {
      stopWatchdog();
      await workers.close();
    },
  };
}
