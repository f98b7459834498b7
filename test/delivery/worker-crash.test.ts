// Real worker processes (`npm start -- --role worker`), one killed with SIGKILL in the
// middle of a fan-out of 1,000 reminders; another finishes the work.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { createTestRedis, type TestRedis } from '../helpers/redis.ts';
import { recordOutput } from '../helpers/test-log.ts';
import { startTelegramStandIn, type TelegramStandIn } from '../helpers/telegram/stand-in.ts';

const FAN_OUT = 1000;

let db: TestDatabase;
let redis: TestRedis;
let tg: TelegramStandIn;
const children: ChildProcess[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  redis = await createTestRedis();
  tg = await startTelegramStandIn({ limits: false });
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await tg.close();
  await redis.cleanup();
  await db.drop();
});

function startWorker(): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--role', 'worker'], {
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: redis.prefix,
      TELEGRAM_BOT_TOKEN: tg.token,
      TELEGRAM_API_ROOT: tg.apiRoot,
      HTTP_PORT: '0',
      LOG_LEVEL: process.env.WORKER_LOG_LEVEL ?? 'debug',
      SEND_RATE_PER_SECOND: '300',
      SEND_CLAIM_TTL_MS: '2000',
      WORKER_LOCK_MS: '2000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Kept with the suite's logs, which are checked for secrets at the end.
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d));
  child.stderr!.on('data', (d: Buffer) => (out += d));
  child.on('exit', () => recordOutput('worker process', out));
  children.push(child);
  return child;
}

async function sentCount() {
  return db.prisma.reminder.count({ where: { status: 'SENT' } });
}

it('a worker killed with SIGKILL mid fan-out: none lost, duplicates counted', async () => {
  const unit = await db.prisma.unit.create({ data: { name: 'Sở Nội vụ', normalizedName: 'so noi vu' } });
  const plan = await db.prisma.plan.create({ data: { kind: 'KE_HOACH', title: 'KH', sourceFileName: 'x', sourceHash: 'x', issuedOn: new Date('2026-01-05') } });
  const task = await db.prisma.task.create({
    data: { planId: plan.id, code: '1.1', path: '1.1', ordinal: 1, title: 'Rà soát thủ tục hành chính', deadlineRaw: '31/12/2030', schedule: { kind: 'once', due: '2030-12-31' }, due: new Date('2030-12-31'), units: { create: [{ unitId: unit.id, role: 'LEAD' }] } },
  });
  // One chat per reminder, so a duplicate shows as a second message in a chat.
  const officers = await db.prisma.officer.createManyAndReturn({
    data: Array.from({ length: FAN_OUT }, (_, i) => ({ name: `Cán bộ ${i}`, unitId: unit.id })),
  });
  await db.prisma.chatIdentity.createMany({ data: officers.map((o, i) => ({ officerId: o.id, channel: 'TELEGRAM' as const, externalId: String(10_000 + i) })) });
  const identities = await db.prisma.chatIdentity.findMany({ orderBy: { id: 'asc' } });
  const at = new Date(Date.now() + 3000);
  await db.prisma.reminder.createMany({
    data: identities.map((c) => ({ deliveryKey: `crash-${c.id}`, taskId: task.id, officerId: c.officerId, chatIdentityId: c.id, kind: 'manual', plannedAt: at })),
  });

  const first = startWorker();
  // The worker queues the reminders through its reconcile at start; kill it mid-way.
  const deadline = Date.now() + 60_000;
  while ((await sentCount()) < FAN_OUT * 0.3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  first.kill('SIGKILL');
  const atKill = await sentCount();
  expect(atKill).toBeGreaterThan(0);
  expect(atKill).toBeLessThan(FAN_OUT);

  startWorker();
  while ((await sentCount()) < FAN_OUT && Date.now() < deadline + 30_000) await new Promise((r) => setTimeout(r, 100));

  const perChat = new Map<number, number>();
  for (const m of tg.allMessages()) perChat.set(m.chatId, (perChat.get(m.chatId) ?? 0) + 1);
  const lost = identities.filter((c) => !perChat.has(Number(c.externalId))).length;
  const duplicates = [...perChat.values()].reduce((sum, n) => sum + n - 1, 0);
  console.log(`SIGKILL fan-out: ${atKill} sent before the kill, lost ${lost}, duplicates ${duplicates} (goal 0)`);
  expect(await sentCount()).toBe(FAN_OUT);
  expect(lost).toBe(0);
  // A duplicate needs a kill between the platform's answer and the SENT commit; at most one per job in flight.
  expect(duplicates).toBeLessThanOrEqual(20);
  expect(tg.violations).toEqual([]);
}, 150_000);
