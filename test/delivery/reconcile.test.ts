// Reconcile against real PostgreSQL, Redis and BullMQ, with more queued jobs than one scan page,
// so the paged reading of rows and job ids is what is exercised.
import { afterEach, describe, expect, it } from 'vitest';
import { reconcile } from '../../src/delivery/reconcile.ts';
import { createSchedulerWorld, seedPlan, seedReminders, seedTask, seedUnit, type SchedulerWorld } from '../helpers/scheduler-world.ts';

let world: SchedulerWorld;
afterEach(async () => {
  await world?.close();
});

/** More reminders than a page of rows (1,000) and of job ids (1,000 per state). */
const REMINDERS = 2_600;

async function queuedWorld() {
  world = await createSchedulerWorld();
  const unit = await seedUnit(world, 'Văn phòng', [{}, {}]);
  const plan = await seedPlan(world);
  const task = await seedTask(world, plan.id, '1.1', { kind: 'once', due: '2030-12-31' }, [{ unitId: unit.unitId, role: 'LEAD' }]);
  const base = Date.now() + 3_600_000;
  const instants = Array.from({ length: REMINDERS / unit.officers.length }, (_, i) => new Date(base + i * 1000));
  const reminders = await seedReminders(world, task.id, unit.officers, instants);
  return { reminders };
}

function run(w: SchedulerWorld) {
  return reconcile({ prisma: w.prisma, queue: w.queues.delivery, calendar: w.calendar, policy: w.deps.policy, logger: w.deps.logger }, new Date(), { replan: false });
}

async function queuedJobIds(w: SchedulerWorld): Promise<Set<string>> {
  return new Set(await w.queues.delivery.getRanges(['delayed', 'wait', 'prioritized'], 0, -1));
}

describe('reconcile', () => {
  it('queues every pending reminder once; a second run adds nothing', async () => {
    const { reminders } = await queuedWorld();
    expect((await run(world)).enqueued).toBe(REMINDERS);
    expect(await world.queues.delivery.getDelayedCount()).toBe(REMINDERS);
    const again = await run(world);
    expect(again).toMatchObject({ enqueued: 0, removedStale: 0 });
    const ids = await queuedJobIds(world);
    for (const r of reminders) expect(ids.has(`rem-${r.id}-${r.plannedAt.getTime()}`)).toBe(true);
  });

  it('rebuilds exactly the jobs Redis lost, and removes those whose reminder is gone, done or moved', async () => {
    const { reminders } = await queuedWorld();
    await run(world);
    // Four disjoint sets, spread over every page of the scan.
    const every = (k: number) => reminders.filter((_, i) => i % 50 === k);
    const [lost, deleted, cancelled, moved] = [every(0), every(1), every(2), every(3)];
    for (const r of lost) expect(await world.queues.delivery.remove(`rem-${r.id}-${r.plannedAt.getTime()}`)).toBe(1);
    await world.prisma.reminder.deleteMany({ where: { id: { in: deleted.map((r) => r.id) } } });
    await world.prisma.reminder.updateMany({ where: { id: { in: cancelled.map((r) => r.id) } }, data: { status: 'CANCELLED' } });
    for (const r of moved) await world.prisma.reminder.update({ where: { id: r.id }, data: { plannedAt: new Date(r.plannedAt.getTime() + 60_000) } });

    const result = await run(world);
    expect(result.removedStale).toBe(deleted.length + cancelled.length + moved.length);
    // The lost ones and the moved ones (under their new instant).
    expect(result.enqueued).toBe(lost.length + moved.length);

    const live = await world.prisma.reminder.findMany({ where: { status: 'PENDING' }, select: { id: true, plannedAt: true } });
    const expected = new Set(live.map((r) => `rem-${r.id}-${r.plannedAt.getTime()}`));
    expect(await queuedJobIds(world)).toEqual(expected);
  });

  it('several workers reconciling at once leave one job per pending reminder', async () => {
    await queuedWorld();
    const results = await Promise.all([run(world), run(world), run(world)]);
    // Each reminder was added by one of them or found already there by the others.
    expect(results.reduce((sum, r) => sum + r.enqueued, 0)).toBeGreaterThanOrEqual(REMINDERS);
    expect(await world.queues.delivery.getDelayedCount()).toBe(REMINDERS);
    expect(results.every((r) => r.removedStale === 0)).toBe(true);
  });
});
