// Webhook capacity: the highest rate of Telegram updates each bot answers with p99 < 50 ms, for
// an echo bot (a minimal grammY bot) and for ours (the real bot on PostgreSQL and Redis, wired as
// the service wires it), on the same fastify webhook route. One run steps the offered rate up a
// ladder (50, 100, 200 ... 800/s), each bot in turn at each step (the order alternating), so the
// machine's noise falls on both. Four kinds of process: this one (orchestrates), the Bot API
// stand-in, one server per bot (its CPU per update is read there with process.cpuUsage), and a
// fresh open-loop load generator per step (bench/support/webhook-load.mjs: latency counted from
// each update's due time). Ours gets what officers send: progress replies ("5.3 40%"), "xong 6.3",
// /tasks and presses of a card's progress buttons, from many officers.
// Environment: BENCH_WEBHOOK_RATES (comma list), BENCH_WEBHOOK_SECONDS (least seconds a step, 8),
// BENCH_WEBHOOK_SAMPLES (least updates a step, 1500), BENCH_WEBHOOK_OFFICERS (200),
// BENCH_WEBHOOK_PROFILE=<dir> (ours runs under --cpu-prof, the profile written there),
// BENCH_WEBHOOK_ONLY=ours|echo, BENCH_WEBHOOK_STOP_AFTER (failed steps in a row that end a ladder, 2),
// BENCH_WEBHOOK_WARMUP (seconds of warm-up per bot, 30), BENCH_WEBHOOK_CONNECTIONS (updates in flight, 40).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createConfig } from '../src/config.ts';
import { createRedis } from '../src/redis.ts';
import { WEBHOOK_MAX_CONNECTIONS, WEBHOOK_PATH } from '../src/channels/telegram/webhook.ts';
import { openScratchDatabase } from './support/scratch-database.ts';
import { seedWebhookWorld, type UpdateMix } from './support/webhook-world.ts';
import type { Pauses, RoundTrips, ServerSpec } from './support/webhook-server.ts';
import {
  DEFAULT_RATES, FAILURES_TO_STOP, P99_LIMIT_MS, capacity, continues, cpuAtEqualRates, median, stepSeconds, summaryTable, sustained, throughputCapacity,
  type StepLoad, type StepResult,
} from './support/webhook-steps.ts';

const RATES = process.env.BENCH_WEBHOOK_RATES ? process.env.BENCH_WEBHOOK_RATES.split(',').map(Number) : [...DEFAULT_RATES];
const MIN_SECONDS = Number(process.env.BENCH_WEBHOOK_SECONDS ?? 8);
const MIN_SAMPLES = Number(process.env.BENCH_WEBHOOK_SAMPLES ?? 1500);
const OFFICERS = Number(process.env.BENCH_WEBHOOK_OFFICERS ?? 200);
const PROFILE_DIR = process.env.BENCH_WEBHOOK_PROFILE;
const ONLY = process.env.BENCH_WEBHOOK_ONLY;
/** Requests in flight at once, as Telegram's max_connections (the service sets WEBHOOK_MAX_CONNECTIONS). */
const CONNECTIONS = Number(process.env.BENCH_WEBHOOK_CONNECTIONS ?? WEBHOOK_MAX_CONNECTIONS);
/** Failed steps in a row after which a bot's ladder stops (more on a noisy machine, to see where it stops keeping up). */
const STOP_AFTER = Number(process.env.BENCH_WEBHOOK_STOP_AFTER ?? FAILURES_TO_STOP);
const SECRET = 'bench-secret-0123456789abcdef';
/** An update not answered by then counts as lost (Telegram itself gives up on a webhook call after about a minute). */
const TIMEOUT_MS = 5_000;
/** Seconds each bot is warmed at WARMUP_RATE before the ladder; the first COLD_SECONDS are printed as its cold start. */
const WARMUP_SECONDS = Number(process.env.BENCH_WEBHOOK_WARMUP ?? 30);
const WARMUP_RATE = 200;
const COLD_SECONDS = Math.min(10, WARMUP_SECONDS);
/** Quiet time after a step, so a step that queued does not spill into the next. */
const PAUSE_MS = 1_500;

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The Bot API stand-in in its own process: Telegram's work (and its spec checks) is not the server's CPU.
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

interface StandIn { apiRoot: string; token: string; botInfo: { id: number }; stop(): Promise<{ violations: string[]; calls: number }> }

function startStandIn(): Promise<StandIn> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', STAND_IN], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`stand-in exited ${code}`)));
    child.once('message', (info) => {
      const { apiRoot, token, botInfo } = info as StandIn;
      resolve({
        apiRoot, token, botInfo,
        stop: () => new Promise((done) => {
          child.removeAllListeners('exit');
          child.once('message', (m) => done(m as { violations: string[]; calls: number }));
          child.send('stop');
        }),
      });
    });
  });
}

interface BenchServer { name: 'echo' | 'ours'; url: string; usage(): Promise<{ cpuMs: number; sysMs: number; trips: RoundTrips; pauses: Pauses }>; stop(): Promise<void> }

function startServer(spec: ServerSpec, profile: boolean): Promise<BenchServer> {
  const flags = ['--import', 'tsx', ...(profile && PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [])];
  // stdout is the service's log (LOG_LEVEL, info by default): written, as in production, then dropped.
  const child: ChildProcess = spawn(process.execPath, [...flags, here('./support/webhook-server.ts'), JSON.stringify(spec)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const ask = <T>(message: string, pick: (m: Record<string, unknown>) => T | undefined): Promise<T> =>
    new Promise((resolve) => {
      const listen = (m: unknown) => {
        const value = pick(m as Record<string, unknown>);
        if (value === undefined) return;
        child.off('message', listen);
        resolve(value);
      };
      child.on('message', listen);
      child.send(message);
    });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${spec.kind} server exited ${code}`)));
    child.once('message', (m) => {
      const { port } = m as { port: number };
      resolve({
        name: spec.kind,
        url: `http://127.0.0.1:${port}${spec.path}`,
        usage: () => ask('cpu', (r) => {
          const cpu = r.cpu as NodeJS.CpuUsage | undefined;
          return cpu ? { cpuMs: (cpu.user + cpu.system) / 1000, sysMs: cpu.system / 1000, trips: r.trips as RoundTrips, pauses: r.pauses as Pauses } : undefined;
        }),
        stop: () => new Promise((done) => {
          child.removeAllListeners('exit');
          child.once('exit', () => done());
          child.send('stop');
        }),
      });
    });
  });
}

function load(url: string, rate: number, seconds: number, firstUpdateId: number, mix: UpdateMix): Promise<StepLoad> {
  const args = { url, secret: SECRET, rate, seconds, timeoutMs: TIMEOUT_MS, firstUpdateId, connections: CONNECTIONS, mix };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [here('./support/webhook-load.mjs'), JSON.stringify(args)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), (seconds + 60) * 1000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(out) as StepLoad);
      } catch {
        reject(new Error(`load generator exited ${code} without a result`));
      }
    });
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function run(): Promise<void> {
  const loadAtStart = loadavg();
  const scratch = await openScratchDatabase();
  const tg = await startStandIn();
  const redisUrl = createConfig().REDIS_URL;
  const prefix = `nvbench-${randomBytes(4).toString('hex')}`;
  const servers: BenchServer[] = [];
  let standInReport: { violations: string[]; calls: number } | undefined;
  try {
    const mix = await seedWebhookWorld(scratch.prisma, { officers: OFFICERS, apiRoot: tg.apiRoot, token: tg.token, botId: tg.botInfo.id });
    const spec = (kind: 'echo' | 'ours'): ServerSpec => ({ kind, token: tg.token, apiRoot: tg.apiRoot, botInfo: tg.botInfo as never, secret: SECRET, path: WEBHOOK_PATH, databaseUrl: scratch.url, redisUrl, prefix });
    const kinds = (['echo', 'ours'] as const).filter((k) => !ONLY || ONLY === k);
    for (const kind of kinds) servers.push(await startServer(spec(kind), kind === 'ours'));

    let nextUpdateId = 1;
    const step = async (server: BenchServer, rate: number, seconds: number): Promise<StepResult> => {
      const before = await server.usage();
      const result = await load(server.url, rate, seconds, nextUpdateId, mix);
      nextUpdateId += result.sent;
      const after = await server.usage();
      // Per update the server took in during the step (one that timed out was still handled).
      const per = (n: number) => n / Math.max(1, after.trips.updates - before.trips.updates);
      const trips = Object.fromEntries((Object.keys(after.trips) as Array<keyof RoundTrips>).map((k) => [k, per(after.trips[k] - before.trips[k])])) as unknown as RoundTrips;
      const { gcLongestMs, loopLongestMs, heapUsedMb, pgP50Ms, pgP99Ms } = after.pauses;
      return { ...result, rate, cpuMsPerUpdate: per(after.cpuMs - before.cpuMs), sysMsPerUpdate: per(after.sysMs - before.sysMs), gcMsPerUpdate: per(after.pauses.gcMs - before.pauses.gcMs), gcLongestMs, loopLongestMs, heapUsedMb, pgP50Ms, pgP99Ms, trips };
    };
    console.log(`webhook bench: rates ${RATES.join(', ')}/s, ${OFFICERS} officers, at most ${CONNECTIONS} updates in flight, load average at start ${loadAtStart.map((l) => l.toFixed(1)).join(' ')}`);
    // Warm-up, the same for both bots: a fresh process's first seconds are slow (V8 compiles the
    // hot code on threads whose CPU counts, pools and prepared statements fill), and a service runs
    // for days. Its first seconds are printed as the cold start; the ladder starts after.
    const describe = (r: StepResult) => `p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ${r.cpuMsPerUpdate.toFixed(2)} ms CPU/update${r.sent > r.ok ? `, ${r.sent - r.ok} lost` : ''}`;
    for (const server of servers) {
      const cold = await step(server, WARMUP_RATE, COLD_SECONDS);
      console.log(`  ${server.name.padEnd(4)} cold start (a fresh process, its first ${COLD_SECONDS} s at ${WARMUP_RATE}/s): ${describe(cold)}`);
      if (WARMUP_SECONDS > COLD_SECONDS) await step(server, WARMUP_RATE, WARMUP_SECONDS - COLD_SECONDS);
      await pause(PAUSE_MS);
    }

    const results: Record<'echo' | 'ours', StepResult[]> = { echo: [], ours: [] };
    for (const [index, rate] of RATES.entries()) {
      const seconds = stepSeconds(rate, { minSeconds: MIN_SECONDS, minSamples: MIN_SAMPLES });
      const order = index % 2 === 0 ? servers : [...servers].reverse();
      for (const server of order) {
        if (!continues(results[server.name], STOP_AFTER)) continue;
        const r = await step(server, rate, seconds);
        results[server.name].push(r);
        const lost = r.sent - r.ok;
        console.log(`  ${server.name.padEnd(4)} ${String(rate).padStart(4)}/s × ${seconds} s: p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, max ${r.max.toFixed(0)} ms, ${r.cpuMsPerUpdate.toFixed(2)} ms CPU/update (system ${r.sysMsPerUpdate.toFixed(2)}, GC ${r.gcMsPerUpdate.toFixed(2)}), longest GC ${r.gcLongestMs.toFixed(0)} ms, loop stall ${r.loopLongestMs.toFixed(0)} ms, heap ${r.heapUsedMb.toFixed(0)} MB${server.name === 'ours' ? `, pg statement p50 ${r.pgP50Ms.toFixed(1)} p99 ${r.pgP99Ms.toFixed(1)} ms` : ''}${lost ? `, ${lost} lost (${r.errors} errors, ${r.timeouts} timeouts)` : ''}${r.maxSendLagMs > 20 ? `, generator lagged ${r.maxSendLagMs.toFixed(0)} ms` : ''}`);
        await pause(PAUSE_MS);
      }
    }
    const loadAtEnd = loadavg();

    console.log('');
    console.log(`webhook capacity (p99 < ${P99_LIMIT_MS} ms, every update answered), load average ${loadAtStart[0]!.toFixed(1)} → ${loadAtEnd[0]!.toFixed(1)}:`);
    for (const line of summaryTable(results.echo, results.ours, RATES)) console.log(`  ${line}`);
    const echoCapacity = capacity(results.echo);
    const oursCapacity = capacity(results.ours);
    console.log(`  highest rate sustained: echo ${echoCapacity}/s, ours ${oursCapacity}/s`);
    if (echoCapacity > 0 && oursCapacity >= 0 && servers.length === 2) {
      const ratio = oursCapacity / echoCapacity;
      console.log(`  capacity ours / echo: ${ratio.toFixed(2)} (target ≥ 0.7: ${ratio >= 0.7 ? 'met' : 'MISSED'})`);
    }
    console.log(`  highest rate answered in full (every update within ${TIMEOUT_MS / 1000} s, any p99): echo ${throughputCapacity(results.echo)}/s, ours ${throughputCapacity(results.ours)}/s`);
    const cpu = cpuAtEqualRates(results.echo, results.ours);
    if (cpu.length) {
      const ratio = median(cpu.map((c) => c.ratio));
      console.log(`  CPU per update, ours / echo, at each rate both answered in full: ${cpu.map((c) => `${c.rate}/s ${c.ours.toFixed(2)}/${c.echo.toFixed(2)} ms = ${c.ratio.toFixed(2)}×`).join(', ')}`);
      console.log(`  median ${ratio.toFixed(2)}× (target ≤ 1.5×: ${ratio <= 1.5 ? 'met' : 'MISSED'})`);
    }
    // Round trips per update (the same at every rate): the figure that does not move with the machine's load.
    for (const name of ['echo', 'ours'] as const) {
      const t = results[name][0]?.trips;
      if (t) console.log(`  round trips per update, ${name}: Bot API ${t.http.toFixed(2)}, pg ${t.pg.toFixed(2)}, Prisma ${t.prisma.toFixed(2)}, Redis ${t.redis.toFixed(2)}`);
    }
    const reports = await scratch.prisma.statusReport.count();
    console.log(`  ${reports} progress reports committed by ours; steps failed: echo ${results.echo.filter((s) => !sustained(s)).length}, ours ${results.ours.filter((s) => !sustained(s)).length}`);
    for (const server of servers.splice(0)) await server.stop();
    standInReport = await tg.stop();
    if (standInReport.violations.length) console.log(`  Bot API violations: ${standInReport.violations.slice(0, 3).join('; ')}`);
    if (PROFILE_DIR) console.log(`  CPU profile of ours written to ${PROFILE_DIR}`);
  } finally {
    for (const server of servers) await server.stop().catch(() => undefined);
    if (!standInReport) await tg.stop().catch(() => undefined);
    const redis = createRedis(redisUrl, 'producer');
    await new Promise((resolve) => redis.once('ready', resolve));
    for (let cursor = '0'; ;) {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
      if (cursor === '0') break;
    }
    redis.disconnect();
    await scratch.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
