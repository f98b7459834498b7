// Scheduler benchmarks (issue 5): planning + enqueueing against raw addBulk, a rate-limited
// fan-out against the stand-in in its own process, delivery lag, and worker memory.
// `npm run bench -- scheduler`; BENCH_SCALE=0.1 for a quick run. Each part makes and drops
// its own database and Redis prefix; everything stops by itself.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { Queue } from 'bullmq';
import { Api } from 'grammy';
import { Redis } from 'ioredis';
import pg from 'pg';
import { pino } from 'pino';
import { createQueues } from '../src/delivery/jobs/create-queues.ts';
import { createWorkers } from '../src/delivery/jobs/create-workers.ts';
import { createWorkingCalendar } from '../src/calendar/working-calendar.ts';
import { createTelegramChannel } from '../src/channels/telegram/channel.ts';
import { createZaloApi } from '../src/channels/zalo/api.ts';
import { createZaloRoute, ZALO_PRIVATE_INTERVAL_MS } from '../src/channels/zalo/delivery.ts';
import { startZaloStandIn } from '../test/helpers/zalo/stand-in.ts';
import { systemClock } from '../src/clock.ts';
import { createComposer } from '../src/messages/index.ts';
import { createI18n } from '../src/messages/i18n.ts';
import { createPrisma, type PrismaClient } from '../src/db/client.ts';
import type { Prisma } from '../src/generated/prisma/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { createMetrics } from '../src/metrics.ts';
import { createRedis } from '../src/redis.ts';
import { openPgPool } from '../src/db/pool.ts';
import { pgRunner } from '../src/db/sql.ts';
import { resolveReminderPolicy } from '../src/reminders/policy-values.ts';
import { createChatPacing } from '../src/delivery/chat-pacing.ts';
import { enqueueReminders, queueReminderRows } from '../src/delivery/enqueue-reminders.ts';
import { planTaskReminders } from '../src/delivery/plan-task-reminders.ts';

const SCALE = Number(process.env.BENCH_SCALE ?? '1');
const SERVER = process.env.BENCH_DATABASE_SERVER_URL ?? 'postgresql://postgres@127.0.0.1:5432';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const WORK_HOURS = { start: '00:00', end: '23:59', startMinutes: 0, endMinutes: 1439 };
const logger = pino({ level: process.env.BENCH_LOG_LEVEL ?? 'silent' });

interface Env {
  prisma: PrismaClient;
  url: string;
  prefix: string;
  redis: Redis;
  drop(): Promise<void>;
}

async function environment(): Promise<Env> {
  const name = `nhacviec_bench_${randomBytes(4).toString('hex')}`;
  const url = `${SERVER}/${name}`;
  await migrate(url);
  const prisma = createPrisma(url, { max: 10 });
  const prefix = `nvbench-${randomBytes(4).toString('hex')}`;
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  return {
    prisma,
    url,
    prefix,
    redis,
    async drop() {
      await prisma.$disconnect();
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 5000);
        cursor = next;
        if (keys.length) await redis.del(...keys);
      } while (cursor !== '0');
      redis.disconnect();
      const admin = new pg.Client({ connectionString: `${SERVER}/postgres` });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Rows per createMany: under Prisma's chunking threshold (32,767 bind parameters). */
const SEED_BATCH = 2000;

/** Creates reminder rows in batches of SEED_BATCH (see above). */
async function createReminders(prisma: PrismaClient, { data }: { data: Prisma.ReminderCreateManyInput[] }): Promise<void> {
  for (let i = 0; i < data.length; i += SEED_BATCH) await prisma.reminder.createMany({ data: data.slice(i, i + SEED_BATCH) });
}

/** `chats` linked officers spread over `unitCount` units, a plan, and tasks led by the units in turn. */
async function seed(prisma: PrismaClient, tasks: number, chats: number, due: string, options: { chatIdBase?: number; unitCount?: number; channel?: 'TELEGRAM' | 'ZALO' } = {}) {
  const chatIdBase = options.chatIdBase ?? 1_000_000;
  const unitCount = options.unitCount ?? chats;
  const units = await prisma.unit.createManyAndReturn({ data: Array.from({ length: unitCount }, (_, i) => ({ name: `Đơn vị ${i}`, normalizedName: `don vi ${i}` })) });
  const officers = await prisma.officer.createManyAndReturn({ data: Array.from({ length: chats }, (_, i) => ({ name: `Cán bộ ${i}`, unitId: units[i % unitCount]!.id })) });
  await prisma.chatIdentity.createMany({ data: officers.map((o, i) => ({ officerId: o.id, channel: options.channel ?? ('TELEGRAM' as const), externalId: String(chatIdBase + i) })) });
  const plan = await prisma.plan.create({ data: { kind: 'KE_HOACH', number: '1/KH-UBND', title: 'Bench', sourceFileName: 'bench', sourceHash: 'bench' } });
  // Batches small enough that Prisma sends each as one statement: a bigger one it splits into
  // chunks run at once on one connection, which pg deprecates ("client already executing a query").
  for (let start = 0; start < tasks; start += SEED_BATCH) {
    const n = Math.min(SEED_BATCH, tasks - start);
    const created = await prisma.task.createManyAndReturn({
      data: Array.from({ length: n }, (_, j) => ({
        planId: plan.id, code: `${start + j + 1}`, path: `${start + j + 1}`, ordinal: start + j, title: `Nhiệm vụ ${start + j + 1}`,
        deadlineRaw: due, schedule: { kind: 'once', due },
      })),
      select: { id: true },
    });
    await prisma.taskUnit.createMany({ data: created.map((t, j) => ({ taskId: t.id, unitId: units[(start + j) % units.length]!.id, role: 'LEAD' as const })) });
  }
  return { plan, officers };
}

function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Lag of every sent reminder (sentAt − plannedAt), in seconds: p50, p99, max. */
async function sentLags(prisma: PrismaClient): Promise<{ p50: number; p99: number; max: number }> {
  const rows = await prisma.reminder.findMany({ where: { status: 'SENT' }, select: { plannedAt: true, sentAt: true } });
  const lags = rows.map((r) => (r.sentAt!.getTime() - r.plannedAt.getTime()) / 1000).sort((a, b) => a - b);
  return { p50: percentile(lags, 50), p99: percentile(lags, 99), max: lags.at(-1)! };
}

async function startStandIn(limits: 'on' | 'off'): Promise<{ child: ChildProcess; apiRoot: string; token: string; loopUrl: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/support/stand-in-process.ts'], { env: { ...process.env, STAND_IN_LIMITS: limits }, stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
  return { child, ...(JSON.parse(line) as { apiRoot: string; token: string; loopUrl: string }) };
}

async function standInStats(apiRoot: string) {
  return (await (await fetch(`${apiRoot}/__stats`)).json()) as { messages: number; chats: number; tooManyRequests: number; floodKinds: { global: number; chat: number }; floodTimes: number[]; violations: number; firstViolations: string[] };
}

/** Plan and enqueue reminders for N tasks, beside a raw addBulk of N no-op jobs. */
async function planAndEnqueue() {
  const tasks = Math.round(100_000 * SCALE);
  const env = await environment();
  try {
    await seed(env.prisma, tasks, 1000, isoDay(20));
    const calendar = createWorkingCalendar({ timeZone: 'Asia/Ho_Chi_Minh', workDays: [1, 2, 3, 4, 5, 6, 7], workHours: WORK_HOURS });
    // One reminder per task (3 days before), so jobs = tasks.
    const policy = resolveReminderPolicy({ beforeDue: [{ days: 3 }], dueDay: false, maxOverdueReminders: 0, leaderOnFirstOverdue: false, monitorAtOverdue: null });
    const producer = createRedis(REDIS_URL, 'producer');
    const queues = createQueues(producer, env.prefix);
    // Planning hands each committed batch to the queue, as reconcile and import do.
    const t0 = performance.now();
    let jobs = 0;
    let queueMs = 0;
    const now = new Date();
    const pool = await openPgPool(env.url, { max: 4 });
    const planned = await planTaskReminders({
      prisma: env.prisma, sql: pgRunner(pool), calendar, now, policy,
      onCreated: async (rows) => {
        const q0 = performance.now();
        jobs += await queueReminderRows(queues.delivery, rows, now);
        queueMs += performance.now() - q0;
      },
    });
    const t2 = performance.now();
    const t1 = t2 - queueMs;
    await pool.end();
    // Every reminder is queued: a second pass over PostgreSQL adds nothing BullMQ lacks.
    if ((await queues.delivery.getDelayedCount()) !== planned.created) throw new Error('not every planned reminder was queued');

    const raw = new Queue('raw', { connection: producer, prefix: env.prefix });
    const t3 = performance.now();
    for (let i = 0; i < tasks; i += 1000) {
      await raw.addBulk(Array.from({ length: Math.min(1000, tasks - i) }, (_, j) => ({ name: 'noop', data: { i: i + j }, opts: { jobId: `noop-${i + j}`, delay: 3_600_000 } })));
    }
    const t4 = performance.now();
    const ours = jobs / ((t2 - t0) / 1000);
    const rawRate = tasks / ((t4 - t3) / 1000);
    console.log(`scheduler: plan+enqueue ${tasks} tasks → ${planned.created} reminders, ${jobs} jobs in ${((t2 - t0) / 1000).toFixed(2)} s (of which queueing ${((t2 - t1) / 1000).toFixed(2)} s): ${ours.toFixed(0)} jobs/s`);
    console.log(`scheduler: raw BullMQ addBulk of ${tasks} no-op jobs in ${((t4 - t3) / 1000).toFixed(2)} s: ${rawRate.toFixed(0)} jobs/s; ours/raw = ${(ours / rawRate).toFixed(2)} (target ≥ 0.5)`);
    await raw.close();
    await queues.close();
    producer.disconnect();
  } finally {
    await env.drop();
  }
}

/** In-process delivery workers with the real composer, against a stand-in: Telegram's (in another process) or Zalo's. */
async function deliver(env: Env, apiRoot: string, token: string, rate: number, platform: 'TELEGRAM' | 'ZALO' = 'TELEGRAM') {
  const calendar = createWorkingCalendar({ timeZone: 'Asia/Ho_Chi_Minh', workDays: [1, 2, 3, 4, 5], workHours: WORK_HOURS });
  const producer = createRedis(REDIS_URL, 'producer');
  // The routes the service builds (jobs/start-scheduling.ts): Telegram's channel and pacing, or Zalo's.
  const channels = platform === 'TELEGRAM'
    ? { TELEGRAM: { channel: createTelegramChannel(new Api(token, { apiRoot })), pacing: createChatPacing(producer, { prefix: env.prefix, globalPerSecond: rate }) } }
    : { ZALO: createZaloRoute({ api: createZaloApi({ token, apiRoot }), redis: producer, prefix: env.prefix, ratePerSecond: rate, prisma: env.prisma, i18n: createI18n() }) };
  const queues = createQueues(producer, env.prefix);
  const connection = createRedis(REDIS_URL, 'worker');
  const metrics = createMetrics();
  const pool = await openPgPool(env.url, { max: 4 });
  const workers = createWorkers(
    {
      prisma: env.prisma,
      sql: pgRunner(pool),
      channels,
      composer: createComposer({ prisma: env.prisma, i18n: createI18n(), calendar, timeZone: 'Asia/Ho_Chi_Minh' }),
      clock: systemClock,
      logger,
      metrics,
      calendar,
      policy: resolveReminderPolicy(),
      deliveryQueue: queues.delivery,
    },
    { connection, prefix: env.prefix, sendRatePerSecond: rate, deliveryConcurrency: 20 },
  );
  await workers.delivery.waitUntilReady();
  return {
    queues,
    metrics,
    async close() {
      await workers.close();
      await pool.end();
      await queues.close();
      connection.disconnect();
      producer.disconnect();
    },
  };
}

async function waitSent(prisma: PrismaClient, n: number, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if ((await prisma.reminder.count({ where: { status: 'SENT' } })) >= n) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

/** A flood: one task, `chats` officers of one unit (so each may see what they are reminded of), `reminders` manual reminders spread over their chats, all due in 6 s. */
async function seedFlood(prisma: PrismaClient, reminders: number, chats: number, keyPrefix: string, options: { chatIdBase?: number; channel?: 'TELEGRAM' | 'ZALO' }) {
  await seed(prisma, 1, chats, isoDay(30), { unitCount: 1, ...options });
  const task = await prisma.task.findFirstOrThrow();
  const identities = await prisma.chatIdentity.findMany({ orderBy: { id: 'asc' } });
  const at = new Date(Date.now() + 6000);
  await createReminders(prisma, {
    data: Array.from({ length: reminders }, (_, i) => {
      const c = identities[i % chats]!;
      return { deliveryKey: `${keyPrefix}-${i}`, taskId: task.id, officerId: c.officerId, chatIdentityId: c.id, kind: 'manual', plannedAt: at };
    }),
  });
  return { at };
}

/** N reminders to N/5 chats, stand-in enforcing 30/s overall and 1/s per chat. */
async function fanOut() {
  const reminders = Math.round(10_000 * SCALE);
  const chats = Math.round(2_000 * SCALE);
  const rate = 28;
  const env = await environment();
  const standIn = await startStandIn('on');
  try {
    const { at } = await seedFlood(env.prisma, reminders, chats, 'fan', {});
    const delivery = await deliver(env, standIn.apiRoot, standIn.token, rate);
    await enqueueReminders({ prisma: env.prisma, queue: delivery.queues.delivery, now: new Date() });
    // Everything is queued before the flood falls due: this measures delivery, not queueing.
    if (Date.now() > at.getTime()) console.log(`scheduler: fan-out queueing ran ${Date.now() - at.getTime()} ms past the instant`);
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    await fetch(standIn.loopUrl);
    const ok = await waitSent(env.prisma, reminders, (reminders / rate) * 1000 * 2 + 60_000);
    loopDelay.disable();
    const standInLoop = (await (await fetch(standIn.loopUrl)).json()) as { p99Ms: number; maxMs: number };
    const last = await env.prisma.reminder.aggregate({ _max: { sentAt: true } });
    const wall = (last._max.sentAt!.getTime() - at.getTime()) / 1000;
    // The limits bound the time: N/30 s overall, or (per-chat count − 1) s for the busiest chat.
    const bound = Math.max(reminders / 30, Math.ceil(reminders / chats) - 1);
    const stats = await standInStats(standIn.apiRoot);
    if (process.env.BENCH_TRACE) {
      // Sends per 10 s after the planned instant, to see where time goes.
      const sent = await env.prisma.reminder.findMany({ select: { sentAt: true } });
      const buckets: number[] = [];
      for (const r of sent) {
        const b = Math.floor((r.sentAt!.getTime() - at.getTime()) / 10_000);
        buckets[b] = (buckets[b] ?? 0) + 1;
      }
      console.log(`scheduler: fan-out sends per 10 s: ${Array.from(buckets, (n) => n ?? 0).join(' ')}; 429s at s ${stats.floodTimes.map((t) => ((t - at.getTime()) / 1000).toFixed(1)).join(' ')}; worker event-loop delay p99 ${(loopDelay.percentile(99) / 1e6).toFixed(0)} ms, max ${(loopDelay.max / 1e6).toFixed(0)} ms, stand-in's p99 ${standInLoop.p99Ms.toFixed(0)} ms, max ${standInLoop.maxMs.toFixed(0)} ms; worker CPU ${((process.cpuUsage().user + process.cpuUsage().system) / 1e6).toFixed(1)} s`);
    }
    const lag = await sentLags(env.prisma);
    console.log(`scheduler: fan-out (Telegram) ${reminders} reminders to ${chats} chats at ${rate}/s configured: ${ok ? '' : 'NOT FINISHED, '}wall ${wall.toFixed(1)} s vs bound ${bound.toFixed(1)} s (+${((wall / bound - 1) * 100).toFixed(1)}%, target ≤ +10%); lag p50 ${lag.p50.toFixed(1)} s, p99 ${lag.p99.toFixed(1)} s; 429s: ${stats.tooManyRequests} (global ${stats.floodKinds.global}, per chat ${stats.floodKinds.chat}); messages ${stats.messages}; spec violations ${stats.violations}`);
    await delivery.close();
  } finally {
    standIn.child.kill('SIGTERM');
    await env.drop();
  }
}

/** Most sends in any one second, from the instants (ms) of the sends. */
function busiestSecond(instants: number[]): number {
  const sorted = [...instants].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; j < sorted.length; j++) {
    while (sorted[j]! - sorted[i]! >= 1000) i++;
    most = Math.max(most, j - i + 1);
  }
  return most;
}

/**
 * The same flood on Zalo: N reminders to N/5 Zalo chats through the Zalo delivery route (its
 * channel with numbered choices, its pacing: the configured rate and 1.5 s between two messages
 * to one person) to the Zalo stand-in. Zalo documents no rate, so the stand-in enforces none: the
 * pacing itself is checked from the instants of the stand-in's calls. BENCH_ZALO_RATE (default
 * 20/s; the service's default ZALO_SEND_RATE_PER_SECOND is 5, where the same flood takes 4× longer).
 */
async function zaloFanOut() {
  const rate = Number(process.env.BENCH_ZALO_RATE ?? 20);
  const reminders = Math.round(2_000 * SCALE);
  const chats = Math.round(400 * SCALE);
  const env = await environment();
  const zalo = await startZaloStandIn();
  try {
    const { at } = await seedFlood(env.prisma, reminders, chats, 'zalo-fan', { chatIdBase: 4_000_000, channel: 'ZALO' });
    const delivery = await deliver(env, zalo.apiRoot, zalo.token, rate, 'ZALO');
    await enqueueReminders({ prisma: env.prisma, queue: delivery.queues.delivery, now: new Date() });
    if (Date.now() > at.getTime()) console.log(`scheduler: Zalo fan-out queueing ran ${Date.now() - at.getTime()} ms past the instant`);
    const ok = await waitSent(env.prisma, reminders, (reminders / rate) * 1000 * 2 + 60_000);
    const last = await env.prisma.reminder.aggregate({ _max: { sentAt: true } });
    const wall = (last._max.sentAt!.getTime() - at.getTime()) / 1000;
    const bound = Math.max(reminders / rate, (Math.ceil(reminders / chats) - 1) * (ZALO_PRIVATE_INTERVAL_MS / 1000));
    const lag = await sentLags(env.prisma);
    const sends = zalo.callsTo('sendMessage');
    // The closest two messages to one person came (the pacing promises ≥ 1.5 s).
    const byChat = new Map<string, number[]>();
    for (const c of sends) byChat.set(String(c.body.chat_id), [...(byChat.get(String(c.body.chat_id)) ?? []), c.at]);
    let closest = Infinity;
    for (const instants of byChat.values()) for (let i = 1; i < instants.length; i++) closest = Math.min(closest, instants[i]! - instants[i - 1]!);
    console.log(`scheduler: fan-out (Zalo) ${reminders} reminders to ${chats} Zalo chats at ${rate}/s configured: ${ok ? '' : 'NOT FINISHED, '}wall ${wall.toFixed(1)} s vs bound ${bound.toFixed(1)} s (+${((wall / bound - 1) * 100).toFixed(1)}%); lag p50 ${lag.p50.toFixed(1)} s, p99 ${lag.p99.toFixed(1)} s; ${sends.length} messages, busiest second ${busiestSecond(sends.map((c) => c.at))}, closest two to one person ${(closest / 1000).toFixed(2)} s; spec violations ${zalo.violations.length}`);
    await delivery.close();
  } finally {
    await zalo.close();
    await env.drop();
  }
}

/** Reminders planned at 100/s for a while, to distinct chats; lag = sentAt − plannedAt. */
async function deliveryLag() {
  const perSecond = 100;
  const seconds = Math.max(5, Math.round(30 * SCALE));
  const total = perSecond * seconds;
  const env = await environment();
  const standIn = await startStandIn('off');
  try {
    await seed(env.prisma, 1, total, isoDay(30), { chatIdBase: 2_000_000, unitCount: 1 });
    const task = await env.prisma.task.findFirstOrThrow();
    const identities = await env.prisma.chatIdentity.findMany({ orderBy: { id: 'asc' } });
    const start = Date.now() + 3000;
    await createReminders(env.prisma, {
      data: identities.map((c, i) => ({ deliveryKey: `lag-${i}`, taskId: task.id, officerId: c.officerId, chatIdentityId: c.id, kind: 'manual', plannedAt: new Date(start + Math.floor((i * 1000) / perSecond)) })),
    });
    const delivery = await deliver(env, standIn.apiRoot, standIn.token, 1000);
    await enqueueReminders({ prisma: env.prisma, queue: delivery.queues.delivery, now: new Date() });
    const ok = await waitSent(env.prisma, total, seconds * 1000 * 4 + 30_000);
    const rows = await env.prisma.reminder.findMany({ where: { status: 'SENT' }, select: { plannedAt: true, sentAt: true } });
    const lags = rows.map((r) => (r.sentAt!.getTime() - r.plannedAt.getTime()) / 1000).sort((a, b) => a - b);
    console.log(`scheduler: delivery lag at ${perSecond}/s for ${seconds} s (${rows.length}/${total} sent${ok ? '' : ', NOT FINISHED'}): p50 ${percentile(lags, 50).toFixed(3)} s, p99 ${percentile(lags, 99).toFixed(3)} s, max ${lags.at(-1)!.toFixed(3)} s (target p99 < 2 s)`);
    await delivery.close();
  } finally {
    standIn.child.kill('SIGTERM');
    await env.drop();
  }
}

/**
 * The node arguments of `npm start` (package.json), after its prestart build: the bench measures
 * exactly what the service runs, flags included.
 */
function npmStartArgs(): string[] {
  const build = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build failed');
  const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } };
  const [node, ...args] = scripts.start.trim().split(/\s+/);
  if (node !== 'node') throw new Error(`npm start does not run node directly: ${scripts.start}`);
  return args;
}

/** Starts one worker process on the seeded database; its RSS once its reconcile queued every reminder. */
async function measureWorker(env: Env, prefix: string, label: string, args: string[], queued: number) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [...args, '--role', 'worker'], {
    env: { ...process.env, DATABASE_URL: env.url, QUEUE_PREFIX: prefix, HTTP_PORT: '0', LOG_LEVEL: 'warn', TELEGRAM_BOT_TOKEN: '123456789:BENCH-token-aaaaaaaaaaaaaaaaaaaaaaaaa', TELEGRAM_API_ROOT: 'http://127.0.0.1:9' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const queue = new Queue('deliveries', { connection: env.redis, prefix });
  try {
    const until = Date.now() + 180_000;
    while ((await queue.getDelayedCount()) < queued && Date.now() < until) await new Promise((r) => setTimeout(r, 250));
    const delayed = await queue.getDelayedCount();
    const queuedAfter = (performance.now() - t0) / 1000;
    // Let it settle after the reconcile, then read its memory.
    await new Promise((r) => setTimeout(r, 10_000));
    const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 'NaN');
    const hwmKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 'NaN');
    console.log(`scheduler: worker process (${label}) with ${delayed} delayed reminders queued (of ${queued}, all queued ${queuedAfter.toFixed(1)} s after spawn): RSS ${(rssKb / 1024).toFixed(0)} MB 10 s later, peak ${(hwmKb / 1024).toFixed(0)} MB (target < 300 MB)`);
  } finally {
    await queue.close();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

/**
 * RSS of a real worker process once N reminders, due tomorrow, sit in PostgreSQL and its
 * start-up reconcile has queued them all as delayed jobs: the service as `npm start` runs it
 * (compiled), and for comparison the same code run through tsx.
 */
async function workerMemory() {
  const queued = Math.round(100_000 * SCALE);
  const variants = [
    { label: 'npm start', args: npmStartArgs() },
    { label: 'through tsx', args: ['--import', 'tsx', 'src/main.ts'] },
  ];
  const env = await environment();
  try {
    // Ten reminders per task, as a province plan's tasks have; due beyond the planning horizon,
    // so the worker's own planning adds nothing and its reconcile queues exactly these.
    const chats = 1000;
    const taskCount = Math.ceil(queued / 10);
    await seed(env.prisma, taskCount, chats, isoDay(400), { chatIdBase: 3_000_000, unitCount: 1 });
    const tasks = await env.prisma.task.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
    const identities = await env.prisma.chatIdentity.findMany({ orderBy: { id: 'asc' } });
    const tomorrow = Date.now() + 86_400_000;
    for (let i = 0; i < queued; i += 10_000) {
      await createReminders(env.prisma, {
        data: Array.from({ length: Math.min(10_000, queued - i) }, (_, j) => {
          const c = identities[(i + j) % chats]!;
          return { deliveryKey: `mem-${i + j}`, taskId: tasks[(i + j) % taskCount]!.id, officerId: c.officerId, chatIdentityId: c.id, kind: 'manual', plannedAt: new Date(tomorrow + (i + j) * 10) };
        }),
      });
    }
    // Settled tables (hint bits, statistics), so the first worker measured pays no more than the next.
    await env.prisma.$executeRawUnsafe('VACUUM ANALYZE');
    // Nothing is sent (the reminders are due tomorrow), so each worker finds the same rows and,
    // on its own queue prefix, queues all of them again.
    for (const [i, v] of variants.entries()) await measureWorker(env, `${env.prefix}-${i}`, v.label, v.args, queued);
  } finally {
    await env.drop();
  }
}

export async function run(): Promise<void> {
  const parts = (process.env.BENCH_PARTS ?? 'plan,fanout,zalo,lag,memory').split(',');
  if (parts.includes('plan')) await planAndEnqueue();
  if (parts.includes('fanout')) await fanOut();
  if (parts.includes('zalo')) await zaloFanOut();
  if (parts.includes('lag')) await deliveryLag();
  if (parts.includes('memory')) await workerMemory();
}
