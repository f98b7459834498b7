// From tasks to Reminder rows: recipients, idempotency, changes, late linking.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_REMINDER_POLICY } from '../../src/reminders/policy-values.ts';
import { planTaskReminders } from '../../src/delivery/plan-task-reminders.ts';
import { createSchedulerWorld, seedPlan, seedTask, seedUnit, type SchedulerWorld } from '../helpers/scheduler-world.ts';

let world: SchedulerWorld;
afterEach(async () => {
  await world?.close();
});

// Monday 2024-11-18, 10:00 in Hà Nội: due Friday 2024-11-29 gives 7-day, 3-day, 1-working-day and due-day reminders.
const NOW = new Date('2024-11-18T03:00:00Z');

async function plan(now = NOW) {
  return planTaskReminders({ prisma: world.prisma, calendar: world.calendar, now, policy: DEFAULT_REMINDER_POLICY });
}

async function setup() {
  world = await createSchedulerWorld();
  const lead = await seedUnit(world, 'Văn phòng', [{}, { role: 'LEADER' }, { linked: false }]);
  const coordinate = await seedUnit(world, 'Phòng Tư pháp', [{}]);
  const monitor = await seedUnit(world, 'Phòng Nội vụ', [{}]);
  const p = await seedPlan(world);
  const task = await seedTask(world, p.id, '1.2', { kind: 'once', due: '2024-11-29' }, [
    { unitId: lead.unitId, role: 'LEAD' },
    { unitId: coordinate.unitId, role: 'COORDINATE' },
    { unitId: monitor.unitId, role: 'MONITOR' },
  ]);
  return { lead, coordinate, monitor, task };
}

describe('planning reminders into rows', () => {
  it('reminds the lead unit each time, the coordinating unit once, and nobody without a linked chat', async () => {
    const { lead, coordinate, monitor } = await setup();
    const result = await plan();
    expect(result.created).toBeGreaterThan(0);
    const rows = await world.prisma.reminder.findMany({ orderBy: [{ plannedAt: 'asc' }, { id: 'asc' }] });
    const byOfficer = (id: number) => rows.filter((r) => r.officerId === id && (r.kind === 'before-due' || r.kind === 'due-day'));
    const [officer, leader, unlinked] = lead.officers;
    // Before-due 7 days (22/11), 3 days (26/11), 1 working day (28/11) and the due day (29/11), at 08:00.
    expect(byOfficer(officer!.officerId).map((r) => [r.kind, r.plannedAt.toISOString()])).toEqual([
      ['before-due', '2024-11-22T01:00:00.000Z'],
      ['before-due', '2024-11-26T01:00:00.000Z'],
      ['before-due', '2024-11-28T01:00:00.000Z'],
      ['due-day', '2024-11-29T01:00:00.000Z'],
    ]);
    expect(byOfficer(leader!.officerId)).toHaveLength(4);
    // Overdue reminders are planned ahead too (every 2 working days, at most 10): Monday 2/12 first.
    const overdue = rows.filter((r) => r.officerId === officer!.officerId && r.kind === 'overdue');
    expect(overdue).toHaveLength(10);
    expect(overdue[0]!.plannedAt.toISOString()).toBe('2024-12-02T01:00:00.000Z');
    expect(byOfficer(unlinked!.officerId)).toHaveLength(0);
    expect(byOfficer(coordinate.officers[0]!.officerId).map((r) => r.plannedAt.toISOString())).toEqual(['2024-11-22T01:00:00.000Z']);
    expect(byOfficer(monitor.officers[0]!.officerId)).toHaveLength(0);
    expect(rows.every((r) => r.status === 'PENDING' && r.chatIdentityId !== null)).toBe(true);
  });

  it('planning twice adds nothing', async () => {
    await setup();
    const first = await plan();
    const again = await plan();
    expect(again).toMatchObject({ created: 0, cancelled: 0, rescheduled: 0 });
    expect(await world.prisma.reminder.count()).toBe(first.created);
  });

  it('a task done cancels its pending reminders; a changed deadline replaces them', async () => {
    const { task } = await setup();
    await plan();
    await world.prisma.task.update({ where: { id: task.id }, data: { schedule: { kind: 'once', due: '2024-12-20' } } });
    const moved = await plan();
    expect(moved.cancelled).toBeGreaterThan(0);
    const pending = await world.prisma.reminder.findMany({ where: { status: 'PENDING' } });
    expect(pending.every((r) => r.occurrenceDue?.toISOString().startsWith('2024-12-20'))).toBe(true);
    await world.prisma.task.update({ where: { id: task.id }, data: { status: 'DONE' } });
    await plan();
    expect(await world.prisma.reminder.count({ where: { status: 'PENDING' } })).toBe(0);
  });

  it('overdue tasks escalate to the leader on the first overdue reminder', async () => {
    const { lead } = await setup();
    // Tuesday 3/12: four days late. The first overdue reminder goes to the assignees and the leader.
    await plan(new Date('2024-12-03T03:00:00Z'));
    const rows = await world.prisma.reminder.findMany({ orderBy: { plannedAt: 'asc' } });
    const leaderRows = rows.filter((r) => r.officerId === lead.officers[1]!.officerId);
    expect(leaderRows.map((r) => r.kind)).toContain('escalation-leader');
    const officerRows = rows.filter((r) => r.officerId === lead.officers[0]!.officerId);
    expect(officerRows.map((r) => r.kind)).not.toContain('escalation-leader');
    // Late planning never fires the past all at once: nothing before now, one catch-up at most per recipient.
    expect(rows.every((r) => r.plannedAt >= new Date('2024-12-03T03:00:00Z'))).toBe(true);
  });

  it('an officer who links their chat later still gets the reminders that are still due', async () => {
    const { lead } = await setup();
    await plan();
    const unlinked = lead.officers[2]!;
    await world.prisma.chatIdentity.create({ data: { officerId: unlinked.officerId, channel: 'TELEGRAM', externalId: '777001' } });
    // Linked on Wednesday 27/11 at 09:00: the 7-day and 3-day reminders are past. The latest missed one
    // comes at once (a single catch-up, not both), then the ones still ahead.
    const result = await plan(new Date('2024-11-27T02:00:00Z'));
    expect(result.created).toBeGreaterThan(0);
    const rows = await world.prisma.reminder.findMany({ where: { officerId: unlinked.officerId, kind: { in: ['before-due', 'due-day'] } }, orderBy: { plannedAt: 'asc' } });
    expect(rows.map((r) => r.plannedAt.toISOString())).toEqual(['2024-11-27T02:00:00.000Z', '2024-11-28T01:00:00.000Z', '2024-11-29T01:00:00.000Z']);
  });

  it('a snoozed reminder survives re-planning while the task is open', async () => {
    const { lead, task } = await setup();
    await plan();
    const snooze = await world.prisma.reminder.create({
      data: { deliveryKey: `snooze-${task.id}`, taskId: task.id, officerId: lead.officers[0]!.officerId, chatIdentityId: lead.officers[0]!.chatIdentityId, kind: 'snooze', plannedAt: new Date('2024-11-19T01:00:00Z') },
    });
    await plan();
    expect((await world.prisma.reminder.findUniqueOrThrow({ where: { id: snooze.id } })).status).toBe('PENDING');
  });

  it('a plan-level policy override is applied', async () => {
    const { task } = await setup();
    await world.prisma.plan.update({ where: { id: (await world.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).planId }, data: { settings: { reminderPolicy: { beforeDue: [{ days: 2 }], dueDay: false } } } });
    await plan();
    const kinds = await world.prisma.reminder.findMany({ where: { kind: { in: ['before-due', 'due-day'] }, officerId: (await world.prisma.officer.findFirstOrThrow({ where: { role: 'OFFICER' } })).id } });
    expect(kinds.map((r) => r.plannedAt.toISOString())).toEqual(['2024-11-27T01:00:00.000Z']);
  });
});
