// Recurring work: job schedulers in the office's time zone, the watchdog, and the digests.
import { afterEach, describe, expect, it } from 'vitest';
import { runOverdueDigest } from '../../src/delivery/jobs/handlers/overdue-digest.ts';
import { runReconcile } from '../../src/delivery/jobs/handlers/reconcile.ts';
import { runWeeklySummary } from '../../src/delivery/jobs/handlers/weekly-summary.ts';
import { startSchedulerWatchdog, upsertSchedulers } from '../../src/delivery/jobs/schedulers.ts';
import { fixedClock } from '../../src/clock.ts';
import { createSchedulerWorld, seedPlan, seedTask, seedUnit, waitFor, type SchedulerWorld } from '../helpers/scheduler-world.ts';

let world: SchedulerWorld;
afterEach(async () => {
  await world?.close();
});

describe('job schedulers', () => {
  it('registers the daily digest at 08:30 Hà Nội time, the weekly summary and the periodic reconcile', async () => {
    world = await createSchedulerWorld();
    await upsertSchedulers(world.queues.maintenance, 'Asia/Ho_Chi_Minh');
    await upsertSchedulers(world.queues.maintenance, 'Asia/Ho_Chi_Minh');
    expect(await world.queues.maintenance.getJobSchedulersCount()).toBe(3);
    const digest = await world.queues.maintenance.getJobScheduler('overdue-digest-daily');
    expect(digest).toMatchObject({ pattern: '30 8 * * 1-5', tz: 'Asia/Ho_Chi_Minh' });
    // The next run is at 08:30 local time, i.e. 01:30 UTC, on a weekday.
    const next = new Date(digest!.next!);
    expect([next.getUTCHours(), next.getUTCMinutes()]).toEqual([1, 30]);
    expect([1, 2, 3, 4, 5]).toContain(((next.getUTCDay() + 6) % 7) + 1);
  });

  it('the watchdog re-creates schedulers lost with a Redis flush and asks for a reconcile', async () => {
    world = await createSchedulerWorld();
    await upsertSchedulers(world.queues.maintenance, 'Asia/Ho_Chi_Minh');
    await world.redis.flush();
    const stop = startSchedulerWatchdog(world.queues.maintenance, 'Asia/Ho_Chi_Minh', world.deps.logger, 200);
    try {
      await waitFor(async () => (await world.queues.maintenance.getJobSchedulersCount()) === 3, 5_000, 'schedulers back');
      await waitFor(async () => (await world.queues.maintenance.getJobs(['waiting', 'prioritized'])).some((j) => j.id?.startsWith('reconcile-watchdog-')), 5_000, 'a reconcile request');
    } finally {
      stop();
    }
  });
});

describe('reconcile job', () => {
  it('plans, queues, and reports pending rows and queued jobs as gauges', async () => {
    world = await createSchedulerWorld();
    const unit = await seedUnit(world, 'Văn phòng', [{}, {}]);
    const plan = await seedPlan(world);
    const due = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    await seedTask(world, plan.id, '1.1', { kind: 'once', due }, [{ unitId: unit.unitId, role: 'LEAD' }]);
    const result = await runReconcile({ payload: {}, deps: world.deps });
    expect(result.planned?.created).toBeGreaterThan(0);
    const pending = await world.prisma.reminder.count({ where: { status: 'PENDING' } });
    expect((await world.metrics.pending.get()).values[0]!.value).toBe(pending);
    // Every pending reminder within the queueing horizon (62 days) has its delayed job.
    expect((await world.metrics.queued.get()).values[0]!.value).toBe(result.enqueued);
    expect(result.enqueued).toBeGreaterThan(0);
  });
});

describe('digests', () => {
  it('queues one overdue digest per leader with a chat, once per day, and none on a holiday', async () => {
    world = await createSchedulerWorld();
    await seedUnit(world, 'Văn phòng', [{ role: 'LEADER' }, { role: 'LEADER', linked: false }, {}]);
    const monday = fixedClock('2024-11-25T01:30:00Z');
    const deps = { ...world.deps, clock: monday };
    expect(await runOverdueDigest({ payload: {}, deps })).toBe(1);
    expect(await runOverdueDigest({ payload: {}, deps })).toBe(1);
    const jobs = await world.queues.delivery.getJobs(['waiting', 'prioritized', 'delayed']);
    expect(jobs.map((j) => j.id)).toEqual([expect.stringMatching(/^digest-overdue-2024-11-25-o\d+$/)]);
    // 2/9/2025 is National Day.
    expect(await runOverdueDigest({ payload: {}, deps: { ...world.deps, clock: fixedClock('2025-09-02T01:30:00Z') } })).toBe(0);
  });

  it('sends the daily overdue digest to a subscribed group as well as to leaders, unless it opted out', async () => {
    world = await createSchedulerWorld();
    const unit = await seedUnit(world, 'Văn phòng', [{ role: 'LEADER' }]);
    const leader = unit.officers[0]!;
    const both = await world.prisma.chatSubscription.create({ data: { channel: 'TELEGRAM', chatId: '-100901', createdById: leader.officerId, units: { create: [{ unitId: unit.unitId }] } } });
    await world.prisma.chatSubscription.create({ data: { channel: 'TELEGRAM', chatId: '-100902', overdueDigest: false, createdById: leader.officerId, units: { create: [{ unitId: unit.unitId }] } } });
    await world.startWorkers();
    expect(await runOverdueDigest({ payload: {}, deps: { ...world.deps, clock: fixedClock('2024-11-25T01:30:00Z') } })).toBe(2);
    await waitFor(async () => world.tg.messagesTo(-100901).length === 1 && world.tg.messagesTo(leader.chatId).length === 1, 10_000, 'both digests');
    expect(world.tg.messagesTo(-100901)[0]!.text).toBe(`group overdue for s${both.id}`);
    expect(world.tg.messagesTo(-100902)).toHaveLength(0);
  });

  it('sends a weekly summary to a subscribed group in parts, paced for groups, once', async () => {
    world = await createSchedulerWorld();
    const unit = await seedUnit(world, 'Văn phòng', [{ role: 'LEADER' }]);
    await world.prisma.chatSubscription.create({
      data: { channel: 'TELEGRAM', chatId: '-100777', createdById: unit.officers[0]!.officerId, units: { create: [{ unitId: unit.unitId }] } },
    });
    await world.startWorkers();
    const friday = { ...world.deps, clock: fixedClock('2024-11-29T08:00:00Z') };
    expect(await runWeeklySummary({ payload: {}, deps: friday })).toBe(1);
    await waitFor(async () => world.tg.messagesTo(-100777).length === 2, 15_000, 'both parts');
    const [a, b] = world.tg.callsTo('sendMessage');
    expect(b!.at - a!.at).toBeGreaterThanOrEqual(3_000);
    expect(world.tg.messagesTo(-100777).map((m) => m.text)).toEqual([expect.stringMatching(/part 1$/), expect.stringMatching(/part 2$/)]);
    expect(world.tg.violations).toEqual([]);
  });

  it('a digest to a chat that is gone (403) switches that chat off, once, without retrying', async () => {
    world = await createSchedulerWorld();
    const unit = await seedUnit(world, 'Văn phòng', [{ role: 'LEADER' }]);
    const leader = unit.officers[0]!;
    const subscription = await world.prisma.chatSubscription.create({
      data: { channel: 'TELEGRAM', chatId: '-100888', createdById: leader.officerId, units: { create: [{ unitId: unit.unitId }] } },
    });
    world.tg.blockChat(leader.chatId);
    world.tg.blockChat(-100888);
    await world.startWorkers();
    const monday = { ...world.deps, clock: fixedClock('2024-11-25T01:30:00Z') };
    // The leader's digest and the group's (the subscription takes both by default).
    expect(await runOverdueDigest({ payload: {}, deps: monday })).toBe(2);
    await waitFor(async () => (await world.queues.delivery.getFailed()).length === 2, 10_000, 'both digests failed');
    expect(await world.prisma.chatIdentity.findUniqueOrThrow({ where: { id: leader.chatIdentityId! } })).toMatchObject({ active: false, deactivationReason: expect.stringMatching(/blocked/) });
    expect(await world.prisma.chatSubscription.findUniqueOrThrow({ where: { id: subscription.id } })).toMatchObject({ active: false });
    expect((await world.queues.delivery.getFailed()).map((j) => j.attemptsMade)).toEqual([1, 1]);
    expect(world.tg.callsTo('sendMessage')).toHaveLength(2);
    expect((await world.prisma.auditLog.findMany({ select: { action: true } })).map((a) => a.action).sort()).toEqual(['chat.deactivated', 'subscription.deactivated']);
  });
});
