// Past deadlines at import (remind, done, skip) and the plan-tasks job that plans and queues an
// imported plan's reminders at once, against the real database and queue, at a fixed instant.
import { Queue, QueueEvents } from 'bullmq';
import { createRedis } from '../../src/redis.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { parsePlanFile } from '../../src/plans/import-plan.ts';
import { writePlan, type PastDeadlines } from '../../src/plans/store/plan-writer.ts';
import { unitKey } from '../../src/plans/unit-names.ts';
import { runPlanTasks } from '../../src/delivery/jobs/handlers/plan-tasks.ts';
import { addPlanTasksJob, planningRequester, planTasksJob } from '../../src/delivery/jobs/definitions/plan-tasks.ts';
import { createSchedulerWorld, type SchedulerWorld } from '../helpers/scheduler-world.ts';

/** Tuesday 26 November 2024, 09:00 in Hà Nội. */
const NOW = new Date('2024-11-26T02:00:00Z');
const TODAY = '2024-11-26';

let world: SchedulerWorld;
let officerId: number;
beforeAll(async () => {
  world = await createSchedulerWorld({ clock: fixedClock(NOW) });
  world.deps.clock = fixedClock(NOW);
  // The unit and its officer come before the plan, as the README's first day has it.
  const unit = await world.prisma.unit.create({ data: { name: 'Văn phòng - Thống kê', normalizedName: unitKey('Văn phòng - Thống kê') } });
  const officer = await world.prisma.officer.create({ data: { name: 'Nguyễn Văn A', unitId: unit.id, chatIdentities: { create: [{ channel: 'TELEGRAM', externalId: '555' }] } } });
  officerId = officer.id;
});
afterAll(async () => {
  await world.close();
});

function planText(number: number) {
  return [
    'ỦY BAN NHÂN DÂN XÃ KIỂM THỬ',
    `Số: ${number}/KH-UBND`,
    'Kiểm Thử, ngày 15 tháng 01 năm 2024',
    'KẾ HOẠCH',
    'Cải cách hành chính năm 2024',
    'STT\tNội dung\tThời gian hoàn thành\tCơ quan chủ trì',
    '1\tRà soát thủ tục hành chính\t30/06/2024\tVăn phòng - Thống kê',
    '2\tKiện toàn tổ công tác\t30/09/2024\tVăn phòng - Thống kê',
    '3\tBáo cáo kết quả năm\t25/12/2024\tVăn phòng - Thống kê',
  ].join('\n');
}

async function importWith(number: number, past?: PastDeadlines) {
  const parsed = await parsePlanFile(`kh-${number}.txt`, Buffer.from(planText(number)));
  const result = await writePlan(world.prisma, parsed, { today: TODAY, now: NOW, actor: String(officerId), ...(past ? { past } : {}) });
  const tasks = await world.prisma.task.findMany({ where: { planId: result.planId, isGroup: false }, orderBy: { ordinal: 'asc' } });
  return { result, tasks };
}

const overdueKinds = <T extends { kind: string }>(rows: T[]): T[] => rows.filter((r) => r.kind === 'overdue' || r.kind.startsWith('escalation'));

describe('tasks already overdue at import', () => {
  it('remind (the default): the plan-tasks job plans their overdue reminders and queues them at once', async () => {
    const { result, tasks } = await importWith(1);
    expect(result.overdueAtImport).toBe(2);
    expect(await world.prisma.reminder.count({ where: { task: { planId: result.planId } } })).toBe(0);

    const done = await runPlanTasks({ payload: { planId: result.planId }, deps: world.deps });
    const reminders = await world.prisma.reminder.findMany({ where: { task: { planId: result.planId } } });
    expect(done.planned.created).toBe(reminders.length);
    expect(overdueKinds(reminders).map((r) => r.taskId).sort()).toEqual(expect.arrayContaining([tasks[0]!.id, tasks[1]!.id]));
    expect(reminders.some((r) => r.taskId === tasks[2]!.id && r.kind === 'before-due')).toBe(true);
    // Every reminder has its delayed job in Redis, without waiting for reconcile.
    for (const r of reminders) {
      const job = await world.queues.delivery.getJob(`rem-${r.id}-${r.plannedAt.getTime()}`);
      expect(job?.data).toEqual({ reminderId: r.id, plannedAt: r.plannedAt.toISOString() });
    }
    // Planning again finds nothing new to do.
    const again = await runPlanTasks({ payload: { planId: result.planId }, deps: world.deps });
    expect(again.planned.created).toBe(0);
  });

  it('done: the overdue tasks are closed at import with completedAt and an audit entry, the others stay open', async () => {
    const { result, tasks } = await importWith(2, 'done');
    expect(result).toMatchObject({ overdueAtImport: 2, markedDone: 2 });
    expect(tasks.map((t) => t.status)).toEqual(['DONE', 'DONE', 'NOT_STARTED']);
    expect(tasks[0]!.completedAt).toEqual(NOW);
    const audit = await world.prisma.auditLog.findFirst({ where: { action: 'plan.past-done', entityId: String(result.planId) } });
    expect(audit).toMatchObject({ actor: String(officerId), data: { before: TODAY, count: 2, tasks: [tasks[0]!.id, tasks[1]!.id] } });

    await runPlanTasks({ payload: { planId: result.planId }, deps: world.deps });
    const reminders = await world.prisma.reminder.findMany({ where: { task: { planId: result.planId } } });
    expect(new Set(reminders.map((r) => r.taskId))).toEqual(new Set([tasks[2]!.id]));
  });

  it('skip: the overdue tasks stay open and nothing overdue is planned or queued for them', async () => {
    const { result, tasks } = await importWith(3, 'skip');
    expect(tasks.map((t) => t.status)).toEqual(['NOT_STARTED', 'NOT_STARTED', 'NOT_STARTED']);
    const plan = await world.prisma.plan.findUniqueOrThrow({ where: { id: result.planId } });
    expect(plan.settings).toMatchObject({ unremindedBefore: TODAY });

    await runPlanTasks({ payload: { planId: result.planId }, deps: world.deps });
    const reminders = await world.prisma.reminder.findMany({ where: { task: { planId: result.planId } } });
    // Nothing at all for the two that had passed; the one still ahead is reminded as usual (overdue after 25/12 too).
    expect(reminders.filter((r) => r.taskId !== tasks[2]!.id)).toEqual([]);
    expect(overdueKinds(reminders).every((r) => r.occurrenceDue?.toISOString().startsWith('2024-12-25'))).toBe(true);
    expect(reminders.length).toBeGreaterThan(0);
  });

  it('a later re-import that says remind takes the choice back', async () => {
    const { result } = await importWith(3, 'remind');
    const plan = await world.prisma.plan.findUniqueOrThrow({ where: { id: result.planId } });
    expect(plan.settings).not.toHaveProperty('unremindedBefore');
  });
});

describe('the plan-tasks job', () => {
  it('queues a snoozed task\'s own reminder, which planning does not create', async () => {
    const { tasks } = await importWith(4, 'done');
    const task = tasks[2]!;
    const snooze = await world.prisma.reminder.create({
      data: { deliveryKey: `t${task.id}:snooze-test`, taskId: task.id, officerId, kind: 'snooze', plannedAt: new Date('2024-11-27T01:00:00Z'), occurrenceDue: new Date('2024-12-25T00:00:00Z') },
    });
    const done = await runPlanTasks({ payload: { taskIds: [task.id] }, deps: world.deps });
    expect(done.requeued).toBeGreaterThanOrEqual(1);
    expect(await world.queues.delivery.getJob(`rem-${snooze.id}-${snooze.plannedAt.getTime()}`)).toBeTruthy();
  });

  it('takes ids only: a payload with anything else is refused', async () => {
    expect(() => planTasksJob.schema.parse({ planId: 1, note: 'x' })).toThrow();
    expect(() => planTasksJob.schema.parse({ taskIds: [] })).toThrow();
    await addPlanTasksJob(world.queues.maintenance, { planId: 99 });
    const [job] = await world.queues.maintenance.getJobs(['waiting']);
    expect(job).toMatchObject({ name: 'plan-tasks', data: { planId: 99 } });
  });

  // Last: the workers it starts would take the other tests' jobs.
  it('runs on the maintenance workers', async () => {
    const connection = world.redis.redis.duplicate();
    const events = new QueueEvents(world.queues.maintenance.name, { connection, prefix: world.redis.prefix });
    await events.waitUntilReady();
    try {
      await world.startWorkers();
      // A plan that does not exist: the job is routed to its handler, which finds no task to plan.
      const job = await world.queues.maintenance.add(planTasksJob.name, { planId: 2_000_000 });
      expect(await job.waitUntilFinished(events, 15_000)).toEqual({ planned: { tasks: 0, created: 0, rescheduled: 0, cancelled: 0 }, requeued: 0 });
    } finally {
      await events.close();
      connection.disconnect();
    }
  });
});

describe('asking for planning while Redis cannot be reached', () => {
  it('gives up after its timeout and says false, so the answer that asked is not held (reconcile plans later)', async () => {
    const down = createRedis('redis://127.0.0.1:1', 'producer');
    down.on('error', () => undefined);
    const queue = new Queue(planTasksJob.queue, { connection: down, prefix: 'nv-test-down' });
    queue.on('error', () => undefined);
    const warnings: object[] = [];
    const request = planningRequester(queue, { warn: (o) => void warnings.push(o) }, { timeoutMs: 300 });
    const started = Date.now();
    expect(await request({ taskIds: [1] })).toBe(false);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(warnings).toHaveLength(1);
    down.disconnect();
    await queue.close().catch(() => undefined);
  });
});
