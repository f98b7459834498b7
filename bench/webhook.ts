// Webhook path under load: a second process on loopback posts Telegram updates at a fixed
// rate to POST /telegram/webhook (the real bot: dedup, officer lookup, a progress report
// committed to PostgreSQL, the card sent to the Bot API stand-in) and to an echo bot on the
// same fastify server. Reports updates/s and p50/p99 from request to response, which the
// route sends only after the update is committed and answered. The Bot API stand-in runs in a
// third process (as Telegram would be elsewhere); CPU per update is that of the server process.
// Bounded: BENCH_WEBHOOK_RATE (default 200/s) for BENCH_WEBHOOK_SECONDS (default 5 s) per bot.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { Bot } from 'grammy';
import { createWorkingCalendar } from '../src/calendar/working-calendar.ts';
import { createConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { createPrisma } from '../src/db/client.ts';
import { openPgPool, type PgPool } from '../src/db/pool.ts';
import { migrate } from '../src/db/migrate.ts';
import { createBot } from '../src/channels/telegram/index.ts';
import { registerWebhookRoute, WEBHOOK_PATH } from '../src/channels/telegram/webhook.ts';
import { createServer } from '../src/server/create-server.ts';
import { createRedis } from '../src/redis.ts';
import { seedWorld } from '../test/helpers/bot-world.ts';
import { databaseUrl, dropDatabase } from '../test/helpers/database.ts';

const RATE = Number(process.env.BENCH_WEBHOOK_RATE ?? 200);
const SECONDS = Math.min(Number(process.env.BENCH_WEBHOOK_SECONDS ?? 5), 60);
const USERS = 50;
const SECRET = 'bench-secret-0123456789abcdef';
const BASE_USER = 900_000;

// The load generator, run in a child process so that its timers do not share the server's event loop.
const LOADER = `
const http = require('node:http');
const [url, secret, rate, seconds, baseUser, users, startId] = JSON.parse(process.argv[1]);
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const total = Math.round(rate * seconds);
const latencies = [];
const trace = []; // [second of sending, latency] for BENCH_WEBHOOK_TRACE
let errors = 0, done = 0;
const t0 = performance.now();
function post(i) {
  const user = baseUser + (i % users);
  const body = JSON.stringify({ update_id: startId + i, message: { message_id: i + 1, date: Math.floor(Date.now() / 1000),
    chat: { id: user, type: 'private', first_name: 'B' }, from: { id: user, is_bot: false, first_name: 'B' }, text: 'tiến độ 5.' + (i % users) + ' ' + (10 + (i % 80)) + '%' } });
  const start = performance.now();
  const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-telegram-bot-api-secret-token': secret } }, (res) => {
    res.resume();
    res.on('end', () => { if (res.statusCode === 200) { latencies.push(performance.now() - start); trace.push([Math.floor((start - t0) / 1000), performance.now() - start]); } else errors++; finish(); });
  });
  req.on('error', () => { errors++; finish(); });
  req.end(body);
}
function finish() {
  if (++done < total) return;
  const elapsed = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (p) => latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] : NaN;
  process.stdout.write(JSON.stringify({ sent: total, ok: latencies.length, errors, seconds: elapsed, perSecond: latencies.length / elapsed, p50: q(0.5), p99: q(0.99), max: latencies.at(-1), perSecondP99: perSecond() }));
  agent.destroy();
}
// p50/p99 per second of sending: shows whether the tail is a start-up transient or steady.
function perSecond() {
  const by = [];
  for (const [s, l] of trace) (by[s] ??= []).push(l);
  return by.map((l) => { l.sort((a, b) => a - b); return [Math.round(l[Math.floor(l.length / 2)]), Math.round(l[Math.floor(0.99 * l.length)])]; });
}
let i = 0;
const interval = 1000 / rate;
(function tick() {
  const due = Math.floor((performance.now() - t0) / interval) + 1;
  while (i < Math.min(due, total)) post(i++);
  if (i < total) setTimeout(tick, Math.max(1, interval / 2));
})();
`;

// The Bot API stand-in in a third process: Telegram's own work (and the stand-in's spec checks)
// is not the server's CPU. It reports its address, then its violations when told to stop.
const STAND_IN = `
import { startTelegramStandIn } from ${JSON.stringify(new URL('../test/helpers/telegram/stand-in.ts', import.meta.url).href)};
// Connections kept open as Telegram keeps them (the default 1 s makes every call a new connection).
const tg = await startTelegramStandIn({ limits: false, keepAliveTimeoutMs: 60_000 });
process.send({ apiRoot: tg.apiRoot, token: tg.token, botInfo: tg.botInfo });
process.on('message', async () => {
  process.send({ violations: tg.violations.slice(0, 10), calls: tg.calls.length });
  await tg.close();
  process.disconnect();
});
`;

interface StandInHandle { apiRoot: string; token: string; botInfo: unknown; close(): Promise<{ violations: string[]; calls: number }> }

function startStandInProcess(): Promise<StandInHandle> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', STAND_IN], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`stand-in exited ${code}`)));
    child.once('message', (info) => {
      const { apiRoot, token, botInfo } = info as StandInHandle;
      resolve({
        apiRoot, token, botInfo,
        close: () => new Promise((done) => {
          child.removeAllListeners('exit');
          child.once('message', (m) => done(m as { violations: string[]; calls: number }));
          child.send('stop');
        }),
      });
    });
  });
}

interface LoadResult { sent: number; ok: number; errors: number; seconds: number; perSecond: number; p50: number; p99: number; max: number; perSecondP99: Array<[number, number]> }

function load(url: string, startId: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', LOADER, JSON.stringify([url, SECRET, RATE, SECONDS, BASE_USER, USERS, startId])], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), (SECONDS + 60) * 1000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(out) as LoadResult);
      } catch {
        reject(new Error(`load generator exited ${code} without a result`));
      }
    });
  });
}

export async function run(): Promise<void> {
  const name = `nhacviec_bench_${randomBytes(4).toString('hex')}`;
  const url = databaseUrl(name);
  await migrate(url);
  const prisma = createPrisma(url, { max: 10 });
  const tg = await startStandInProcess();
  let standInReport: { violations: string[]; calls: number } | undefined;
  const logger = createLogger({ level: 'silent' });
  const server = createServer({ logger, prisma, redis: {} as Redis });
  let pool: PgPool | undefined;
  let conversationRedis: Redis | undefined;
  const conversationPrefix = `nvbench-${randomBytes(4).toString('hex')}`;
  try {
    const seed = await seedWorld(prisma);
    for (let u = 0; u < USERS; u++) {
      const officer = await prisma.officer.create({ data: { name: `Cán bộ ${u}`, unitId: seed.units.interior.id } });
      await prisma.chatIdentity.create({ data: { officerId: officer.id, channel: 'TELEGRAM', externalId: String(BASE_USER + u) } });
      const unit = await prisma.unit.create({ data: { name: `Tổ ${u}`, normalizedName: `to ${u}`, parentId: seed.units.interior.id } });
      await prisma.officer.update({ where: { id: officer.id }, data: { unitId: unit.id } });
      await prisma.task.create({ data: { planId: seed.plan.id, code: `5.${u}`, path: `5.${u}`, ordinal: 100 + u, title: `Nhiệm vụ ${u}`, due: new Date('2030-12-31T00:00:00Z'), units: { create: [{ unitId: unit.id, role: 'LEAD' }] } } });
    }
    const calendar = createWorkingCalendar({ timeZone: 'Asia/Ho_Chi_Minh', workDays: [1, 2, 3, 4, 5], workHours: { startMinutes: 480, endMinutes: 1020 } });
    const config = createConfig({ TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot, DATABASE_URL: url });
    // Wired as src/service.ts does: the hot path's statements through a plain `pg` pool.
    pool = await openPgPool(url, { max: 10, warm: 4 });
    // Conversations in Redis, as in the service (each update reads its chat's conversation state).
    conversationRedis = createRedis(process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379', 'producer');
    const bot = createBot({ config, prisma, pool, logger, calendar, botInfo: tg.botInfo as never, conversationStore: { redis: conversationRedis, prefix: conversationPrefix } });
    registerWebhookRoute(server, { bot, secret: SECRET });

    const echo = new Bot(tg.token, { botInfo: tg.botInfo as never, client: { apiRoot: tg.apiRoot } });
    echo.on('message:text', (ctx) => ctx.reply(ctx.message.text));
    registerWebhookRoute(server, { bot: echo as never, secret: SECRET, path: '/echo/webhook' });
    await server.listen({ host: '127.0.0.1', port: 0 });
    const { port } = server.server.address() as { port: number };

    // Warm-up of both paths: JIT, connection pools, Prisma's query plans, prepared statements.
    // Batches of concurrent updates, so that every pool connection (not just the first) has run
    // the statements once, as in a service that has been up for a while.
    const WARM_ROUNDS = 10;
    const WARM_BATCH = 10;
    const warmOne = async (path: string, n: number) => {
      const user = BASE_USER + (n % USERS);
      const warm = await fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET }, body: JSON.stringify({ update_id: 1 + n + (path === WEBHOOK_PATH ? 0 : 100_000), message: { message_id: 1, date: 0, chat: { id: user, type: 'private', first_name: 'B' }, from: { id: user, is_bot: false, first_name: 'B' }, text: `tiến độ 5.${n % USERS} 5%` } }) });
      if (warm.status !== 200) throw new Error(`warm-up got ${warm.status}`);
    };
    for (let round = 0; round < WARM_ROUNDS; round++) {
      for (const path of [WEBHOOK_PATH, '/echo/webhook']) {
        await Promise.all(Array.from({ length: WARM_BATCH }, (_, k) => warmOne(path, round * WARM_BATCH + k)));
      }
    }

    // CPU time of this process (server, bots and the Bot API stand-in) per update: robust on a shared machine.
    const measured = async (path: string, startId: number) => {
      const cpu = process.cpuUsage();
      const result = await load(`http://127.0.0.1:${port}${path}`, startId);
      const used = process.cpuUsage(cpu);
      return { ...result, cpuMsPerUpdate: (used.user + used.system) / 1000 / Math.max(1, result.ok) };
    };
    const echoResult = await measured('/echo/webhook', 10_000_000);
    const botResult = await measured(WEBHOOK_PATH, 20_000_000);
    const reports = await prisma.statusReport.count();
    const fmt = (r: LoadResult & { cpuMsPerUpdate: number }) => `${r.perSecond.toFixed(0)} updates/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, max ${r.max.toFixed(1)} ms, ${r.errors} errors, ${r.cpuMsPerUpdate.toFixed(2)} ms CPU/update`;
    console.log(`webhook bench: ${RATE}/s offered for ${SECONDS} s from a second process on loopback`);
    console.log(`  echo bot:        ${fmt(echoResult)}`);
    console.log(`  Nhắc Việc bot:   ${fmt(botResult)} (${reports} reports committed)`);
    if (process.env.BENCH_WEBHOOK_TRACE) {
      const line = (r: LoadResult) => r.perSecondP99.map(([p50, p99]) => `${p50}/${p99}`).join(' ');
      console.log(`  p50/p99 ms by second, echo: ${line(echoResult)}`);
      console.log(`  p50/p99 ms by second, bot:  ${line(botResult)}`);
    }
    const ratio = botResult.p99 / echoResult.p99;
    console.log(`  p99 target < 50 ms: ${botResult.p99 < 50 ? 'met' : 'MISSED'}; p99 vs echo: ${ratio.toFixed(1)}× (target < 3×: ${ratio < 3 ? 'met' : 'MISSED'})`);
    standInReport = await tg.close();
    if (standInReport.violations.length) console.log(`  Bot API violations: ${standInReport.violations.slice(0, 3).join('; ')}`);
  } finally {
    await server.close();
    if (!standInReport) await tg.close();
    await pool?.end();
    if (conversationRedis) {
      const keys = await conversationRedis.keys(`${conversationPrefix}:*`);
      if (keys.length) await conversationRedis.del(...keys);
      conversationRedis.disconnect();
    }
    await prisma.$disconnect();
    await dropDatabase(name);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
