// Wires one running service from a config: the database, Redis, the HTTP server
// and, by role, the Telegram bot and the job workers. main.ts owns signals.
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';
import { createPrisma } from './db/client.ts';
import { openPgPool } from './db/pool.ts';
import { pgRunner } from './db/sql.ts';
import { migrate } from './db/migrate.ts';
import { closeRedis, createRedis } from './redis.ts';
import { createServer } from './server/create-server.ts';
import { registerChartRoute } from './server/chart-route.ts';
import { createChartStore } from './reports/charts/chart-store.ts';
import { createShutdown } from './lifecycle/shutdown.ts';
import { createWorkingCalendar } from './calendar/working-calendar.ts';
import { createComposer } from './messages/index.ts';
import { createI18n } from './messages/i18n.ts';
import { createMetrics } from './metrics.ts';
import { createQueues } from './delivery/jobs/create-queues.ts';
import { startScheduling } from './delivery/jobs/start-scheduling.ts';
import type { RunningBot } from './channels/telegram/run.ts';
import type pg from 'pg';
import type { Redis } from 'ioredis';
import { StartAborted, untilAborted } from './lifecycle/abortable.ts';
import type { ZaloAdapter } from './channels/zalo/index.ts';
import type { RunningZalo } from './channels/zalo/run.ts';
import { zaloApiFromConfig } from './channels/zalo/delivery.ts';
import { planningRequester } from './delivery/jobs/definitions/plan-tasks.ts';
import { reportChartRequester } from './delivery/jobs/definitions/report-chart.ts';
import { fastClock, systemClock } from './clock.ts';

/** Connections of the bot's `pg` pool, and how many are opened at start (a burst finds them ready). */
/** Connections of the worker's `pg` pool: planning runs one statement at a time. */
const WORKER_POOL_MAX = 3;
const BOT_POOL_MAX = 10;
const BOT_POOL_WARM = 4;

export const ROLES = ['all', 'bot', 'worker', 'http'] as const;
export type Role = (typeof ROLES)[number];

/** Said instead when no token is set and the service runs its sandbox (see src/sandbox/). */
export const SANDBOX_TOKEN_MESSAGE =
  'TELEGRAM_BOT_TOKEN is not set, so the service runs as a SANDBOX: the real bot, scheduler and a demo database, against a built-in stand-in of Telegram that you use from a web page. ' +
  'To connect a real bot: open Telegram, talk to @BotFather, send /newbot, then start again with TELEGRAM_BOT_TOKEN=<the token it gives>.';

export const MISSING_TOKEN_MESSAGE =
  'TELEGRAM_BOT_TOKEN is not set, so the Telegram bot is off (health, workers and the CLI still run). ' +
  'To get a token: open Telegram, talk to @BotFather, send /newbot, then start again with TELEGRAM_BOT_TOKEN=<the token it gives>.';

export interface RunningService {
  server: FastifyInstance;
  /** Address the HTTP server listens on, e.g. http://127.0.0.1:3000 */
  url: string;
  /** The sandbox chat page, in sandbox mode. */
  sandboxUrl?: string;
  stop(reason: string): Promise<number>;
}

export async function startService(
  config: Config,
  logger: Logger,
  role: Role = 'all',
  options: { signal?: AbortSignal; sandbox?: boolean } = {},
): Promise<RunningService> {
  const realTelegramToken = config.telegram.token;
  // The sandbox runs on its own database and queue keys; its Telegram address is known once the server listens.
  const sandboxModule = options.sandbox ? await import('./sandbox/index.ts') : undefined;
  if (sandboxModule) config = sandboxModule.sandboxConfig(config);
  // The production paths keep the system's clock; only the sandbox may run a fast one.
  const clock = sandboxModule && config.SANDBOX_FAST_CLOCK > 1 ? fastClock(config.SANDBOX_FAST_CLOCK) : systemClock;
  const shutdown = createShutdown(logger, config.SHUTDOWN_TIMEOUT_MS);
  // Every wait on PostgreSQL, Redis or Telegram ends when a signal arrives during start-up.
  const step = <T>(promise: Promise<T>) => untilAborted(promise, options.signal);
  const result = await step(migrate(config.DATABASE_URL, { logger }));
  if (result.applied.length) logger.info({ applied: result.applied }, 'database migrated');

  const prisma = createPrisma(config.DATABASE_URL);
  const redis = createRedis(config.REDIS_URL, 'producer');
  const queues = createQueues(redis, config.QUEUE_PREFIX);
  const metrics = createMetrics();
  const calendar = createWorkingCalendar({
    timeZone: config.TZ_NAME,
    workDays: config.WORK_DAYS,
    workHours: config.WORK_HOURS,
    ...(config.CALENDAR_DIR ? { extraDataDir: config.CALENDAR_DIR } : {}),
  });

  const botEnabled = role === 'all' || role === 'bot';
  const botConfigured = Boolean(config.telegram.token) || Boolean(sandboxModule);
  if (botEnabled && !botConfigured) {
    logger.warn({ variable: 'TELEGRAM_BOT_TOKEN' }, 'telegram bot disabled: no token');
  }
  const withWorkers = role === 'all' || role === 'worker';
  const zaloEnabled = botEnabled && Boolean(config.zalo.token);

  const server = createServer({
    logger,
    prisma,
    redis,
    status: () => ({ role, telegram: realTelegramToken ? 'configured' : 'missing TELEGRAM_BOT_TOKEN', ...(sandboxUrl ? { sandbox: sandboxUrl } : {}), zalo: config.zalo.token ? 'configured' : 'off' }),
  });

  // What start-up opens, closed in this order whether start-up finished or was cut short:
  // stop taking requests/updates, let jobs finish, then close stores.
  let runningBot: RunningBot | undefined;
  let zalo: ZaloAdapter | undefined;
  let runningZalo: RunningZalo | undefined;
  let botPool: pg.Pool | undefined;
  let workerPool: pg.Pool | undefined;
  let workerConnection: Redis | undefined;
  let scheduling: { close(): Promise<unknown> } | undefined;
  const sandbox = sandboxModule?.createSandbox();
  let sandboxUrl: string | undefined;
  let listening = false;
  shutdown.add('telegram bot', async () => runningBot?.stop());
  shutdown.add('sandbox', async () => sandbox?.api.close());
  shutdown.add('zalo bot', async () => runningZalo?.stop());
  shutdown.add('http server', () => server.close());
  shutdown.add('workers', async () => scheduling?.close());
  shutdown.add('worker database pool', async () => (workerPool && workerPool !== botPool ? workerPool.end() : undefined));
  shutdown.add('worker redis', async () => (workerConnection ? closeRedis(workerConnection) : undefined));
  shutdown.add('queues', () => queues.close());
  shutdown.add('bot database pool', async () => botPool?.end());
  shutdown.add('database', () => prisma.$disconnect());
  shutdown.add('redis', () => closeRedis(redis));

  try {
    // Charts for Zalo, which fetches photos by URL: any process's server can serve them (Redis holds them).
    if (config.PUBLIC_BASE_URL) registerChartRoute(server, createChartStore(redis, config.QUEUE_PREFIX));
    if (config.ADMIN_TOKEN) {
      // Loaded only where used: each role's process holds just the code it runs (worker memory).
      const { registerAdmin } = await import('./server/admin.ts');
      await registerAdmin(server, { token: config.ADMIN_TOKEN, queues: [queues.delivery, queues.maintenance, queues.reports], metrics });
    }

    if (sandboxModule && sandbox) {
      const seeded = await step(sandboxModule.seedDemo(prisma, sandboxModule.todayIn(config.TZ_NAME, clock.now()), clock.now()));
      if (seeded.seeded) logger.info({ tasks: seeded.tasks, msg: 'sandbox: demo plan imported' });
      await sandboxModule.registerSandboxRoutes(server, {
        api: sandbox.api, token: sandbox.token, realTokenConfigured: Boolean(realTelegramToken), httpHost: config.HTTP_HOST,
        remindNow: (chatId) => sandboxModule.remindNow({ prisma, queue: queues.delivery, now: clock.now() }, chatId),
        info: { database: decodeURIComponent(new URL(config.DATABASE_URL).pathname.slice(1)), fastClock: config.SANDBOX_FAST_CLOCK },
        i18n: createI18n(),
      });
      // The bot and the workers reach the sandbox's Bot API on this server, so it listens first.
      await step(server.listen({ host: config.HTTP_HOST, port: config.HTTP_PORT }));
      listening = true;
      sandboxUrl = `${listenUrl(server, config.HTTP_HOST)}/`;
      // Bound to every address (0.0.0.0, ::), the bot still calls it on loopback.
      const apiHost = ['0.0.0.0', '::'].includes(config.HTTP_HOST) ? '127.0.0.1' : config.HTTP_HOST;
      config = { ...config, telegram: { token: sandbox.token, apiRoot: `${listenUrl(server, apiHost)}/sandbox` } };
    }

    // The bot: polling with @grammyjs/runner, or POST /telegram/webhook on this server (BOT_MODE).
    const botModules = botEnabled && botConfigured
      ? await Promise.all([import('./channels/telegram/index.ts'), import('./channels/telegram/run.ts'), import('./channels/telegram/webhook.ts')])
      : undefined;
    // The statements every update runs go through a plain `pg` pool (a fraction of Prisma's CPU per query).
    if (botModules || zaloEnabled) botPool = await step(openPgPool(config.DATABASE_URL, { max: BOT_POOL_MAX, warm: BOT_POOL_WARM, onError: (err) => logger.warn({ err, msg: 'bot database pool: idle connection lost' }) }));
    // Notices go through the delivery queue: the workers send on every platform, so a leader who
    // reads Zalo hears of an officer's answer on Telegram.
    const bot = botModules
      ? botModules[0].createBot({
          config, prisma, pool: botPool, logger, calendar,
          ...(clock !== systemClock ? { now: () => clock.now() } : {}),
          conversationStore: { redis, prefix: config.QUEUE_PREFIX },
          planImports: { redis, prefix: config.QUEUE_PREFIX },
          maintenanceQueue: queues.maintenance,
          // Exports are built by the workers; a bot-only process leaves them to a worker process.
          reportsQueue: queues.reports,
          limits: { redis, prefix: config.QUEUE_PREFIX, updatesPerMinute: config.USER_UPDATES_PER_MINUTE, sendPerSecond: config.SEND_RATE_PER_SECOND },
          deliveryQueue: queues.delivery,
        })
      : undefined;
    if (bot && botModules && config.BOT_MODE === 'webhook') botModules[2].registerWebhookRoute(server, { bot, secret: config.WEBHOOK_SECRET! });
    if (zaloEnabled) {
      const { createZaloAdapter } = await import('./channels/zalo/index.ts');
      const { registerZaloWebhookRoute } = await import('./channels/zalo/run.ts');
      zalo = createZaloAdapter({
        api: zaloApiFromConfig(config)!, prisma, sql: pgRunner(botPool!), redis, prefix: config.QUEUE_PREFIX,
        ratePerSecond: config.ZALO_SEND_RATE_PER_SECOND, calendar, timeZone: config.TZ_NAME, logger,
        requestPlanning: planningRequester(queues.maintenance, logger),
        requestReportChart: reportChartRequester(queues.reports, logger),
        ...(config.PUBLIC_BASE_URL ? { publicBaseUrl: config.PUBLIC_BASE_URL } : {}),
        deliveryQueue: queues.delivery,
      });
      if (config.ZALO_MODE === 'webhook') registerZaloWebhookRoute(server, { conversation: zalo.conversation, secret: config.ZALO_WEBHOOK_SECRET! });
    }

    if (withWorkers) {
      workerConnection = createRedis(config.REDIS_URL, 'worker');
      const composer = createComposer({ prisma, i18n: createI18n(), calendar, timeZone: config.TZ_NAME });
      // Planning's bulk reads and inserts go through plain `pg` (Prisma's per-row cost dominated planning).
      // With the bot in the same process (role all), its pool serves both.
      workerPool = botPool ?? (await step(openPgPool(config.DATABASE_URL, { max: WORKER_POOL_MAX, onError: (err) => logger.warn({ err, msg: 'worker database pool: idle connection lost' }) })));
      scheduling = await step(startScheduling({ config, logger, prisma, sql: pgRunner(workerPool), queues, producer: redis, workerConnection, calendar, composer, metrics, ...(clock !== systemClock ? { clock } : {}) }));
    }

    const port = role === 'worker' ? 0 : config.HTTP_PORT;
    if (!listening) await step(server.listen({ host: config.HTTP_HOST, port }));
    if (bot) {
      const mode = config.BOT_MODE === 'webhook' ? { mode: 'webhook' as const, url: config.WEBHOOK_URL!, secret: config.WEBHOOK_SECRET! } : { mode: 'polling' as const };
      runningBot = await step(botModules![1].startBot(bot, mode, { logger, i18n: createI18n() }));
    }
    if (zalo) {
      const mode = config.ZALO_MODE === 'webhook' ? { mode: 'webhook' as const, url: config.ZALO_WEBHOOK_URL!, secret: config.ZALO_WEBHOOK_SECRET! } : { mode: 'polling' as const };
      runningZalo = await step(zalo.start(mode));
    }
  } catch (err) {
    await shutdown.run(err instanceof StartAborted ? err.message : 'start-up failed');
    throw err;
  }
  const url = listenUrl(server, config.HTTP_HOST);
  if (sandboxUrl) logger.info({ url: sandboxUrl, fastClock: config.SANDBOX_FAST_CLOCK, msg: 'sandbox chat page ready' });
  logger.info({ role, url }, 'service started');
  return { server, url, ...(sandboxUrl ? { sandboxUrl } : {}), stop: (reason) => shutdown.run(reason) };
}

function listenUrl(server: FastifyInstance, host: string): string {
  const address = server.server.address();
  return typeof address === 'object' && address ? `http://${host.includes(':') ? `[${host}]` : host}:${address.port}` : String(address);
}
