// One webhook server of the bench in its own process, so that its CPU (process.cpuUsage) is the
// server's alone: the load generator and the Bot API stand-in run elsewhere. `echo` is a minimal
// grammY bot; `ours` is the bot wired as src/service.ts wires it (plain `pg` pool for the hot
// path, conversations, abuse limits and plan previews in Redis, the logger at LOG_LEVEL to
// stdout). Both sit behind the same fastify server and webhook route.
// argv[2]: JSON ServerSpec. IPC: sends { port } when listening; answers 'cpu' with its CPU
// usage; on 'stop' closes and exits (so that --cpu-prof writes its profile).
import { subscribe } from 'node:diagnostics_channel';
import { PerformanceObserver, monitorEventLoopDelay } from 'node:perf_hooks';
import { Bot } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Redis } from 'ioredis';
import { createBot } from '../../src/channels/telegram/index.ts';
import { registerWebhookRoute } from '../../src/channels/telegram/webhook.ts';
import { createWorkingCalendar } from '../../src/calendar/working-calendar.ts';
import { createConfig } from '../../src/config.ts';
import { createPrisma } from '../../src/db/client.ts';
import { openPgPool } from '../../src/db/pool.ts';
import { createLogger } from '../../src/logger.ts';
import { closeRedis, createRedis } from '../../src/redis.ts';
import { createServer } from '../../src/server/create-server.ts';
import { createQueues } from '../../src/delivery/jobs/create-queues.ts';

export interface ServerSpec {
  kind: 'echo' | 'ours';
  token: string;
  apiRoot: string;
  botInfo: UserFromGetMe;
  secret: string;
  path: string;
  databaseUrl: string;
  redisUrl: string;
  /** Redis key prefix of this run (conversations, rate counters, send log), removed after. */
  prefix: string;
}

/** Every officer of the mix writes several times a second at the top steps: far above any real limit, so it never refuses. */
const BENCH_UPDATES_PER_MINUTE = 10_000;
/** Likewise the global send rate: its admission (a Redis script per message) runs, but never waits. */
const BENCH_SEND_PER_SECOND = 1_000_000;

/** Round trips the server started, by kind: each is a socket write (a system call) and a wait. */
export interface RoundTrips {
  /** Updates the server took in (webhook requests). */
  updates: number;
  http: number;
  pg: number;
  prisma: number;
  redis: number;
}

const spec = JSON.parse(process.argv[2]!) as ServerSpec;
const trips: RoundTrips = { updates: 0, http: 0, pg: 0, prisma: 0, redis: 0 };
subscribe('http.client.request.start', () => void trips.http++);
subscribe('http.server.request.start', () => void trips.updates++);

/** Where a step's time goes besides the handlers: the collector's pauses and the event loop's longest stall, reset at each 'cpu' read. */
export interface Pauses {
  gcMs: number;
  gcLongestMs: number;
  /** Longest time the event loop was blocked (everything waits behind it). */
  loopLongestMs: number;
  heapUsedMb: number;
  pgP50Ms: number;
  pgP99Ms: number;
}
let gcMs = 0;
let gcLongestMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcMs += entry.duration;
    gcLongestMs = Math.max(gcLongestMs, entry.duration);
  }
}).observe({ entryTypes: ['gc'] });
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();
/** Wall time of each pg statement of the step (pool wait included): PostgreSQL's share of the latency. */
let pgWaits: number[] = [];
const percentile = (values: number[], q: number) => values.sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? 0;
function readPauses(): Pauses {
  const pauses = { gcMs, gcLongestMs, loopLongestMs: loopDelay.max / 1e6, heapUsedMb: process.memoryUsage().heapUsed / 2 ** 20, pgP50Ms: percentile(pgWaits, 0.5), pgP99Ms: percentile(pgWaits, 0.99) };
  pgWaits = [];
  gcLongestMs = 0;
  loopDelay.reset();
  return pauses;
}
const config = createConfig({ TELEGRAM_BOT_TOKEN: spec.token, TELEGRAM_API_ROOT: spec.apiRoot, DATABASE_URL: spec.databaseUrl, REDIS_URL: spec.redisUrl });
const logger = createLogger({ level: config.LOG_LEVEL });
const prisma = createPrisma(spec.databaseUrl).$extends({
  query: {
    async $allOperations({ args, query }) {
      trips.prisma++;
      return query(args);
    },
  },
}) as unknown as ReturnType<typeof createPrisma>;
const closers: Array<() => Promise<unknown>> = [];
const server = createServer({ logger, prisma, redis: {} as Redis });

if (spec.kind === 'echo') {
  const echo = new Bot(spec.token, { botInfo: spec.botInfo, client: { apiRoot: spec.apiRoot } });
  echo.on('message:text', (ctx) => ctx.reply(ctx.message.text));
  echo.on('callback_query', (ctx) => ctx.answerCallbackQuery());
  registerWebhookRoute(server, { bot: echo as never, secret: spec.secret, path: spec.path });
} else {
  const redis = createRedis(spec.redisUrl, 'producer');
  await new Promise((resolve) => redis.once('ready', resolve));
  const sendCommand = redis.sendCommand.bind(redis);
  redis.sendCommand = ((...args: Parameters<typeof sendCommand>) => {
    trips.redis++;
    return sendCommand(...args);
  }) as typeof redis.sendCommand;
  closers.push(() => closeRedis(redis));
  // As the service: BOT_POOL_MAX connections, a few opened before the first update.
  const pool = await openPgPool(spec.databaseUrl, { max: 10, warm: 4 });
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    trips.pg++;
    const started = performance.now();
    const result = query(...args) as Promise<unknown>;
    void result.then(() => pgWaits.push(performance.now() - started), () => undefined);
    return result;
  };
  closers.push(() => pool.end());
  const queues = createQueues(redis, spec.prefix);
  closers.push(() => queues.close());
  const calendar = createWorkingCalendar({ timeZone: config.TZ_NAME, workDays: config.WORK_DAYS, workHours: config.WORK_HOURS });
  const bot = createBot({
    config, prisma, pool, logger, calendar, botInfo: spec.botInfo,
    conversationStore: { redis, prefix: spec.prefix },
    planImports: { redis, prefix: spec.prefix },
    maintenanceQueue: queues.maintenance,
    limits: { redis, prefix: spec.prefix, updatesPerMinute: BENCH_UPDATES_PER_MINUTE, sendPerSecond: BENCH_SEND_PER_SECOND },
  });
  registerWebhookRoute(server, { bot, secret: spec.secret, path: spec.path });
}

await server.listen({ host: '127.0.0.1', port: 0 });
const { port } = server.server.address() as { port: number };
process.send!({ port });

process.on('message', (message) => {
  if (message === 'cpu') {
    process.send!({ cpu: process.cpuUsage(), trips, pauses: readPauses() });
    return;
  }
  if (message === 'stop') {
    void (async () => {
      await server.close();
      for (const close of closers.reverse()) await close().catch(() => undefined);
      await prisma.$disconnect();
      process.exit(0);
    })();
  }
});
