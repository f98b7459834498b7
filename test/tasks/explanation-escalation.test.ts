// Quá hạn giải trình: the escalation of an unanswered explanation is planned at the demand, at the
// start of the first working day after its due day, for the requester and the responsible unit's
// leaders (once each); the answer cancels it. The leader's overdue digest lists overdue explanations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../src/calendar/working-calendar.ts';
import { createComposer } from '../../src/messages/index.ts';
import { EXPLANATION_ESCALATION_KIND, explanationEscalationAt } from '../../src/tasks/explanation-escalation.ts';
import { answerExplanation, requestExplanation } from '../../src/tasks/explanations.ts';
import { createI18n } from '../../src/messages/i18n.ts';
import { NOW, seedWorld } from '../helpers/bot-world.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

const calendar = createWorkingCalendar({ timeZone: 'Asia/Ho_Chi_Minh', workDays: [1, 2, 3, 4, 5], workHours: { startMinutes: 480, endMinutes: 1020 } });

describe('explanationEscalationAt: 08:00 of the first working day after the due day', () => {
  it.each([
    ['a Wednesday', '2024-11-27', '2024-11-28T01:00:00.000Z'],
    ['a Friday (the weekend passes)', '2024-11-29', '2024-12-02T01:00:00.000Z'],
    ['a Saturday', '2024-11-30', '2024-12-02T01:00:00.000Z'],
    ['the eve of New Year (1/1 is a day off)', '2024-12-31', '2025-01-02T01:00:00.000Z'],
    ['the last day before Tết 2025 (27/1–2/2 off)', '2025-01-24', '2025-02-03T01:00:00.000Z'],
  ])('due on %s', (_, dueOn, at) => {
    expect(explanationEscalationAt(calendar, dueOn).toISOString()).toBe(at);
  });
});

let db: TestDatabase;
let seed: Awaited<ReturnType<typeof seedWorld>>;
let tasks = 0;
beforeAll(async () => {
  db = await createTestDatabase();
  seed = await seedWorld(db.prisma);
});
afterAll(async () => {
  await db?.drop();
});

/** A task of the lead unit (Phòng Nội vụ) overdue since 15/11/2024, without any explanation yet. */
async function overdueTask() {
  tasks++;
  return db.prisma.task.create({
    data: { planId: seed.plan.id, code: `9.${tasks}`, path: `9.${tasks}`, ordinal: 100 + tasks, title: `Nhiệm vụ quá hạn ${tasks}`, due: new Date('2024-11-15T00:00:00Z'), schedule: { kind: 'once', due: '2024-11-15' }, units: { create: [{ unitId: seed.units.interior.id, role: 'LEAD' }] } },
  });
}
const escalations = (taskId: number) => db.prisma.reminder.findMany({ where: { taskId, kind: EXPLANATION_ESCALATION_KIND }, orderBy: { officerId: 'asc' } });

describe('planning the escalation', () => {
  it('an admin demands (due Friday 29/11): the admin and the lead unit\'s leader are told on Monday 02/12 at 08:00, once each', async () => {
    const task = await overdueTask();
    const result = await requestExplanation(db.prisma, calendar, { officerId: seed.officers.admin.id, taskId: task.id, now: NOW });
    expect(result).toMatchObject({ outcome: 'requested', dueOn: '2024-11-29' });
    const rows = await escalations(task.id);
    expect(rows.map((r) => [r.officerId, r.status, r.plannedAt.toISOString()])).toEqual([
      [seed.officers.leader.id, 'PENDING', '2024-12-02T01:00:00.000Z'],
      [seed.officers.admin.id, 'PENDING', '2024-12-02T01:00:00.000Z'],
    ].sort((a, b) => (a[0] as number) - (b[0] as number)));
    // Demanding again while it is open plans nothing twice.
    expect((await requestExplanation(db.prisma, calendar, { officerId: seed.officers.leader.id, taskId: task.id, now: NOW })).outcome).toBe('already-requested');
    expect(await escalations(task.id)).toHaveLength(2);
  });

  it('the lead unit\'s own leader demands: only they are told (no second row for the same person)', async () => {
    const task = await overdueTask();
    await requestExplanation(db.prisma, calendar, { officerId: seed.officers.leader.id, taskId: task.id, now: NOW, dueOn: '2024-12-04' });
    expect((await escalations(task.id)).map((r) => [r.officerId, r.plannedAt.toISOString()])).toEqual([[seed.officers.leader.id, '2024-12-05T01:00:00.000Z']]);
  });

  it('the answer cancels the escalation with the due-day reminder', async () => {
    const task = await overdueTask();
    await requestExplanation(db.prisma, calendar, { officerId: seed.officers.admin.id, taskId: task.id, now: NOW });
    expect(await answerExplanation(db.prisma, { officerId: seed.officers.officerA.id, taskId: task.id, text: 'Đang chờ số liệu', now: new Date('2024-11-28T03:00:00Z') })).toMatchObject({ outcome: 'answered' });
    const rows = await db.prisma.reminder.findMany({ where: { taskId: task.id } });
    expect(rows.map((r) => [r.kind, r.status]).sort()).toEqual([
      // The due-day reminder went to the lead unit's officers (officer and leader), the escalation to the admin and the leader.
      ['explanation', 'CANCELLED'], ['explanation', 'CANCELLED'], [EXPLANATION_ESCALATION_KIND, 'CANCELLED'], [EXPLANATION_ESCALATION_KIND, 'CANCELLED'],
    ]);
  });
});

describe('the leader\'s overdue digest', () => {
  it('lists an unanswered explanation once its day has passed, not before, not once answered', async () => {
    const task = await overdueTask();
    await requestExplanation(db.prisma, calendar, { officerId: seed.officers.admin.id, taskId: task.id, now: NOW });
    const composer = createComposer({ prisma: db.prisma, i18n: createI18n(), calendar, timeZone: 'Asia/Ho_Chi_Minh', renderChart: null });
    const digest = async (at: string) => (await composer.overdueDigest(seed.officers.leader.id, new Date(at))).parts.map((p) => p.html).join('\n');
    const line = `• <b>${task.code}</b> ${task.title} — Phạm Quản Trị yêu cầu, hạn 29/11/2024`;
    expect(await digest('2024-11-29T01:30:00Z')).not.toContain('Quá hạn giải trình');
    const monday = await digest('2024-12-02T01:30:00Z');
    expect(monday).toContain('📝 <b>Quá hạn giải trình</b>');
    expect(monday).toContain(line);
    await answerExplanation(db.prisma, { officerId: seed.officers.officerA.id, taskId: task.id, text: 'Đã bổ sung', now: new Date('2024-12-02T02:00:00Z') });
    expect(await digest('2024-12-03T01:30:00Z')).not.toContain(line);
  });
});
