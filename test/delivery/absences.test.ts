// Absence and delegation: while an officer is away (nghỉ phép, công tác), the reminders of those
// days go to the delegate they named (ủy quyền), or to the unit's other officers; after, back to them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../src/calendar/working-calendar.ts';
import type { PlannedReminder } from '../../src/reminders/plan-reminders.ts';
import { DEFAULT_REMINDER_POLICY } from '../../src/reminders/policy-values.ts';
import { planTaskReminders } from '../../src/delivery/plan-task-reminders.ts';
import { coverAbsences, recipientsFor, type TaskUnitOfficers } from '../../src/delivery/recipients.ts';
import { runCliCapture } from '../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

describe('coverAbsences', () => {
  const away = { from: '2024-12-02', to: '2024-12-06' };
  const units: TaskUnitOfficers[] = [
    {
      role: 'LEAD',
      officers: [
        { officerId: 1, role: 'OFFICER', chatIdentityId: 11, absences: [{ ...away, delegate: { officerId: 9, chatIdentityId: 99 } }] },
        { officerId: 2, role: 'OFFICER', chatIdentityId: 12, absences: [away] },
        { officerId: 3, role: 'OFFICER', chatIdentityId: 13 },
        { officerId: 4, role: 'LEADER', chatIdentityId: 14 },
      ],
    },
  ];
  const reminder = { audience: 'assignee', key: 'before-due-3d', occurrenceDue: '2024-12-10' } as PlannedReminder;
  const ids = (day: string) => recipientsFor(reminder, units, false, day).map((r) => r.officerId).sort();

  it.each([
    ['before the absence, everyone as usual', '2024-11-29', [1, 2, 3, 4]],
    ['during it: 1 by the delegate 9, 2 by the colleagues present', '2024-12-04', [3, 4, 9]],
    ['its last day is included', '2024-12-06', [3, 4, 9]],
    ['after it, back to them', '2024-12-09', [1, 2, 3, 4]],
  ])('%s', (_what, day, expected) => {
    expect(ids(day)).toEqual(expected);
  });

  it('an officer whose whole unit is away keeps the reminder (better late than nobody)', () => {
    const alone: TaskUnitOfficers[] = [{ role: 'LEAD', officers: [{ officerId: 5, role: 'OFFICER', chatIdentityId: 15, absences: [away] }] }];
    expect(coverAbsences(alone[0]!.officers, alone, '2024-12-03').map((o) => o.officerId)).toEqual([5]);
  });
});

describe('officer absent, through planning', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('moves the reminders of the absence days to the delegate, and asks for planning at once', async () => {
    const unit = await db.prisma.unit.create({ data: { name: 'Văn phòng', normalizedName: 'van phong' } });
    const other = await db.prisma.unit.create({ data: { name: 'Phòng Tư pháp', normalizedName: 'phong tu phap' } });
    const linked = (name: string, unitId: number, chat: string) => db.prisma.officer.create({ data: { name, unitId, chatIdentities: { create: [{ channel: 'TELEGRAM', externalId: chat }] } } });
    const away = await linked('Nguyễn Văn A', unit.id, '801');
    const delegate = await linked('Trần Thị B', other.id, '802');
    const plan = await db.prisma.plan.create({ data: { kind: 'KE_HOACH', title: 'KH', sourceFileName: 'x', sourceHash: 'x' } });
    // Due Thursday 19/12/2024: reminders 12/12 (7 days), 16/12 (3 days), 18/12 (1 working day), 19/12.
    const task = await db.prisma.task.create({ data: { planId: plan.id, code: '1', path: '1', ordinal: 1, title: 'T', schedule: { kind: 'once', due: '2024-12-19' }, units: { create: [{ unitId: unit.id, role: 'LEAD' }] } } });

    const asked: unknown[] = [];
    const result = await runCliCapture(['officer', 'absent', String(away.id), '--from', '2024-12-16', '--to', '2024-12-18', '--delegate', String(delegate.id), '--lang', 'en'], {
      env: { DATABASE_URL: db.url },
      now: '2024-12-02T02:00:00Z',
      requestPlanning: async (payload) => (asked.push(payload), true),
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Nguyễn Văn A recorded absent from 16/12/2024 to 18/12/2024, delegating to Trần Thị B');
    expect(asked).toEqual([{ taskIds: [task.id] }]);

    const calendar = createWorkingCalendar({ timeZone: 'Asia/Ho_Chi_Minh', workDays: [1, 2, 3, 4, 5], workHours: { startMinutes: 480, endMinutes: 1020 } });
    await planTaskReminders({ prisma: db.prisma, calendar, now: new Date('2024-12-02T02:00:00Z'), policy: DEFAULT_REMINDER_POLICY, taskIds: [task.id] });
    const rows = await db.prisma.reminder.findMany({ where: { taskId: task.id }, orderBy: { plannedAt: 'asc' } });
    const byDay = rows.map((r) => [calendar.dateOf(r.plannedAt), r.officerId === away.id ? 'A' : r.officerId === delegate.id ? 'B' : '?']);
    // Up to the due day; the overdue reminders after it go to A (back by then).
    expect(byDay.filter(([day]) => day! <= '2024-12-19')).toEqual([['2024-12-12', 'A'], ['2024-12-16', 'B'], ['2024-12-18', 'B'], ['2024-12-19', 'A']]);
    expect(byDay.filter(([day]) => day! > '2024-12-19').every(([, who]) => who === 'A')).toBe(true);

    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'officer.absence' } });
    expect(audit).toMatchObject({ actor: 'cli', entityId: String(away.id) });
  });

  it('refuses reversed dates, an unknown delegate and delegating to oneself, writing nothing', async () => {
    const officer = await db.prisma.officer.findFirstOrThrow();
    const run = (...args: string[]) => runCliCapture(['officer', 'absent', String(officer.id), ...args, '--lang', 'en'], { env: { DATABASE_URL: db.url }, now: '2024-12-02T02:00:00Z' });
    const before = await db.prisma.absence.count();
    expect((await run('--from', '2024-12-10', '--to', '2024-12-09')).stderr).toContain('must be on or after');
    expect((await run('--from', '2024-12-10', '--to', '2024-12-12', '--delegate', '999999')).stderr).toContain('No officer #999999 to delegate to');
    expect((await run('--from', '2024-12-10', '--to', '2024-12-12', '--delegate', String(officer.id))).stderr).toContain('cannot delegate to themself');
    const bad = await run('--from', '10/12/2024', '--to', '2024-12-12');
    expect(bad.code).toBe(2);
    expect(await db.prisma.absence.count()).toBe(before);
  });
});
