// Delivery on real PostgreSQL, Redis and BullMQ against the Bot API stand-in.
import { afterEach, describe, expect, it } from 'vitest';
import { enqueueReminders } from '../../src/delivery/enqueue-reminders.ts';
import { reconcile } from '../../src/delivery/reconcile.ts';
import { reminderIdOf } from '../helpers/plain-composer.ts';
import { createSchedulerWorld, seedPlan, seedReminders, seedTask, seedUnit, waitFor, type SchedulerWorld } from '../helpers/scheduler-world.ts';

let world: SchedulerWorld;
afterEach(async () => {
  await world?.close();
});

async function sentCount(w: SchedulerWorld) {
  return w.prisma.reminder.count({ where: { status: 'SENT' } });
}

/** How many times each reminder reached a chat, from the stand-in's record. */
function deliveriesPerReminder(w: SchedulerWorld): Map<number, number> {
  const counts = new Map<number, number>();
  for (const m of w.tg.allMessages()) {
    const id = reminderIdOf(m.text);
    if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

async function oneTaskWorld(officerCount: number, options: Parameters<typeof createSchedulerWorld>[0] = {}) {
  world = await createSchedulerWorld(options);
  const unit = await seedUnit(world, 'Văn phòng', Array.from({ length: officerCount }, () => ({})));
  const plan = await seedPlan(world);
  const task = await seedTask(world, plan.id, '1.1', { kind: 'once', due: '2030-12-31' }, [{ unitId: unit.unitId, role: 'LEAD' }]);
  return { unit, plan, task };
}

describe('reminder delivery', () => {
  it('sends each reminder at its instant, not before, and records the message id', async () => {
    const { unit, task } = await oneTaskWorld(2);
    await world.startWorkers();
    // One reminder through the whole path first: the client compiles each query shape on first use.
    const warmUnit = await seedUnit(world, 'Warm-up', [{}]);
    await seedReminders(world, task.id, warmUnit.officers, [new Date()]);
    await enqueueReminders({ prisma: world.prisma, queue: world.queues.delivery, now: new Date() });
    await waitFor(async () => (await sentCount(world)) === 1, 10_000, 'the warm-up reminder');
    const start = Date.now();
    const instants = [new Date(start + 600), new Date(start + 1400)];
    const reminders = await seedReminders(world, task.id, unit.officers, instants);
    expect(await enqueueReminders({ prisma: world.prisma, queue: world.queues.delivery, now: new Date(), reminderIds: reminders.map((r) => r.id) })).toBe(4);
    await waitFor(async () => (await sentCount(world)) === 5, 10_000, 'four reminders sent');
    const rows = await world.prisma.reminder.findMany({ where: { officerId: { in: unit.officers.map((o) => o.officerId) } } });
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      expect(row.sentAt!.getTime()).toBeGreaterThanOrEqual(row.plannedAt.getTime());
      expect(row.channelMessageId).toMatch(/^\d+$/);
    }
    // The first reminder of each chat goes out at its instant, driven by its own delayed job (not by a
    // later sweep: reconcile runs every 10 minutes). The bound is functional, not a speed target;
    // delivery lag is measured in the benchmark.
    const first = rows.filter((r) => r.plannedAt.getTime() === instants[0]!.getTime());
    for (const row of first) expect(row.sentAt!.getTime() - row.plannedAt.getTime()).toBeLessThan(5_000);
    for (const officer of unit.officers) {
      const [a, b] = rows.filter((r) => r.officerId === officer.officerId).map((r) => r.sentAt!.getTime());
      expect(b! - a!).toBeGreaterThanOrEqual(1000);
    }
    for (const officer of unit.officers) expect(world.tg.messagesTo(officer.chatId)).toHaveLength(2);
    expect(world.tg.violations).toEqual([]);
  });

  it('after Redis loses every queued job mid-run, reconcile rebuilds them: all sent, none twice', async () => {
    const { unit, task } = await oneTaskWorld(10);
    const start = Date.now();
    await seedReminders(world, task.id, unit.officers, [new Date(start + 200), new Date(start + 2500), new Date(start + 3500)]);
    await world.startWorkers();
    await enqueueReminders({ prisma: world.prisma, queue: world.queues.delivery, now: new Date() });
    await waitFor(async () => (await sentCount(world)) >= 10, 10_000, 'the first round');
    // What FLUSHALL does to our queues, limited to this test's prefix so parallel test files are untouched.
    await world.redis.flush();
    const lostJobs = await world.queues.delivery.getJobCounts('delayed', 'waiting');
    expect((lostJobs.delayed ?? 0) + (lostJobs.waiting ?? 0)).toBe(0);
    const result = await reconcile({ prisma: world.prisma, queue: world.queues.delivery, calendar: world.calendar, policy: world.deps.policy, logger: world.deps.logger }, new Date(), { replan: false });
    expect(result.enqueued).toBeGreaterThan(0);
    await waitFor(async () => (await sentCount(world)) === 30, 15_000, 'all thirty sent');
    const counts = deliveriesPerReminder(world);
    expect(counts.size).toBe(30);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it('two workers on one queue share the work with no duplicates', async () => {
    const { unit, task } = await oneTaskWorld(40);
    // Each worker runs two jobs at a time, so neither can take the whole batch alone.
    const a = await world.startWorkers({ deliveryConcurrency: 2 });
    const b = await world.startWorkers({ deliveryConcurrency: 2 });
    await seedReminders(world, task.id, unit.officers, [new Date(Date.now() + 300)]);
    const done = { a: 0, b: 0 };
    a.delivery.on('completed', (_job, result) => result === 'sent' && done.a++);
    b.delivery.on('completed', (_job, result) => result === 'sent' && done.b++);
    await enqueueReminders({ prisma: world.prisma, queue: world.queues.delivery, now: new Date() });
    await waitFor(async () => (await sentCount(world)) === 40, 15_000, 'forty sent');
    // A job's completion is reported just after its row says SENT.
    await waitFor(async () => done.a + done.b === 40, 5_000, 'forty completions');
    expect(done.a).toBeGreaterThan(0);
    expect(done.b).toBeGreaterThan(0);
    expect([...deliveriesPerReminder(world).values()].every((n) => n === 1)).toBe(true);
  });

  it('a user who blocked the bot: chat marked inactive, reminder failed, no retry', async () => {
    const { unit, task } = await oneTaskWorld(1);
    const [officer] = unit.officers;
    world.tg.blockChat(officer!.chatId);
    const [reminder] = await seedReminders(world, task.id, unit.officers, [new Date()]);
    await world.startWorkers();
    await enqueueReminders({ prisma: world.prisma, queue: world.queues.delivery, now: new Date() });
    await waitFor(async () => (await world.prisma.reminder.findUniqueOrThrow({ where: { id: reminder!.id } })).status === 'FAILED', 10_000, 'failed');
    const chat = await world.prisma.chatIdentity.findUniqueOrThrow({ where: { id: officer!.chatIdentityId! } });
    expect(chat).toMatchObject({ active: false, deactivationReason: 'Forbidden: bot was blocked by the user' });
    await new Promise((r) => setTimeout(r, 500));
    expect(world.tg.callsTo('sendMessage').filter((c) => c.params.chat_id === String(officer!.chatId))).toHaveLength(1);
    const failed = await world.queues.delivery.getFailed();
    expect(failed).toHaveLength(1);
    expect(failed[0]!.attemptsMade).toBe(1);
    expect(await world.prisma.auditLog.count({ where: { action: 'chat.deactivated' } })).toBe(1);
  });

  it('429s, then 500s, then dropped connections: everything arrives, in order inside each chat', async () => {
    const { unit, task } = await oneTaskWorld(3, { limits: false, privateIntervalMs: 50 });
    const start = Date.now() + 200;
    const instants = Array.from({ length: 5 }, (_, i) => new Date(start + i * 10));
    await seedReminders(world, task.id, unit.officers, instants);
    world.tg.failNext(4, '429', 1);
    world.tg.failNext(3, '500');
    world.tg.failNext(2, 'drop');
    await world.startWorkers({ deliveryConcurrency: 6 });
    await enqueueReminders({ prisma: world.prisma, queue: world.queues.delivery, now: new Date() });
    await waitFor(async () => (await sentCount(world)) === 15, 40_000, 'fifteen sent');
    const rows = await world.prisma.reminder.findMany({ orderBy: [{ plannedAt: 'asc' }, { id: 'asc' }] });
    for (const officer of unit.officers) {
      const expected = rows.filter((r) => r.officerId === officer.officerId).map((r) => r.id);
      const got = world.tg.messagesTo(officer.chatId).map((m) => reminderIdOf(m.text));
      // A dropped connection may have delivered before failing; order is what the chat saw first of each.
      expect([...new Set(got)]).toEqual(expected);
    }
    expect((await world.metrics.tooManyRequests.get()).values[0]!.value).toBe(4);
    expect(world.tg.violations).toEqual([]);
  });

  it('a task done or a deadline changed after queuing: stale reminders are not sent', async () => {
    world = await createSchedulerWorld();
    const unit = await seedUnit(world, 'Phòng Nội vụ', [{}]);
    const plan = await seedPlan(world);
    const done = await seedTask(world, plan.id, '2.1', { kind: 'once', due: '2030-12-31' }, [{ unitId: unit.unitId, role: 'LEAD' }]);
    const moved = await seedTask(world, plan.id, '2.2', { kind: 'once', due: '2030-12-31' }, [{ unitId: unit.unitId, role: 'LEAD' }]);
    const at = new Date(Date.now() + 1500);
    const [doneReminder] = await seedReminders(world, done.id, unit.officers, [at]);
    const [movedReminder] = await seedReminders(world, moved.id, unit.officers, [at]);
    await enqueueReminders({ prisma: world.prisma, queue: world.queues.delivery, now: new Date() });
    await world.prisma.task.update({ where: { id: done.id }, data: { status: 'DONE' } });
    await world.prisma.reminder.update({ where: { id: doneReminder!.id }, data: { status: 'CANCELLED' } });
    await world.prisma.reminder.update({ where: { id: movedReminder!.id }, data: { plannedAt: new Date(Date.now() + 3_600_000) } });
    const workers = await world.startWorkers();
    const results: string[] = [];
    workers.delivery.on('completed', (_job, result: string) => results.push(result));
    await waitFor(async () => results.length === 2, 10_000, 'both jobs ran');
    expect(results.sort()).toEqual(['cancelled', 'rescheduled']);
    expect(world.tg.callsTo('sendMessage')).toHaveLength(0);
    const skipped = await world.metrics.skipped.get();
    expect(skipped.values.map((v) => v.labels.reason).sort()).toEqual(['cancelled', 'rescheduled']);
  });
});
