// Reminders of a task passed down (giao tiếp), pure: they go to the holder at the end of the
// chain (an absent holder covered as anyone else is), escalations to the last giver, and an
// internal deadline before the task's own moves the holder's reminders, not the monitoring unit's.
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../src/calendar/working-calendar.ts';
import type { PlannedReminder } from '../../src/reminders/plan-reminders.ts';
import { DEFAULT_REMINDER_POLICY } from '../../src/reminders/policy-values.ts';
import { wantedReminders, type LoadedTask, type PlanningUnit } from '../../src/delivery/plan-task-reminders.ts';
import { recipientsFor, type Holder, type TaskUnitOfficers } from '../../src/delivery/recipients.ts';

const away = { from: '2024-12-02', to: '2024-12-06' };
// The named lead unit (1 officer, 1 leader); the department it was passed to (officers 5, 6, leader 7).
const named: TaskUnitOfficers[] = [{ role: 'LEAD', officers: [{ officerId: 1, role: 'OFFICER', chatIdentityId: 11 }, { officerId: 2, role: 'LEADER', chatIdentityId: 12 }] }];
const department = { role: 'EXECUTE' as const, officers: [
  { officerId: 5, role: 'OFFICER' as const, chatIdentityId: 15, absences: [away] },
  { officerId: 6, role: 'OFFICER' as const, chatIdentityId: 16 },
  { officerId: 7, role: 'LEADER' as const, chatIdentityId: 17 },
] };
const toOfficer5: Holder = { officers: [department.officers[0]!], givers: [department.officers[2]!], unit: department };
const assignee = { audience: 'assignee', key: 'before-due-3d', occurrenceDue: '2024-12-10' } as PlannedReminder;
const leader = { audience: 'leader', key: 'escalation-leader-1', occurrenceDue: '2024-12-10' } as PlannedReminder;
const ids = (r: PlannedReminder, day: string, holder?: Holder) => recipientsFor(r, named, false, day, holder).map((x) => x.officerId).sort();

describe('recipients of a task passed down', () => {
  it.each([
    ['not passed down: the named unit', assignee, '2024-11-29', undefined, [1, 2]],
    ['passed to officer 5: only them', assignee, '2024-11-29', toOfficer5, [5]],
    ['officer 5 away, no delegate: the department\'s colleagues present', assignee, '2024-12-03', toOfficer5, [6, 7]],
    ['passed to the department: its officers', assignee, '2024-11-29', { ...toOfficer5, officers: department.officers }, [5, 6, 7]],
    ['the leader escalation: the last giver, not the named unit\'s leader', leader, '2024-11-29', toOfficer5, [7]],
    ['not passed down: the named unit\'s leader', leader, '2024-11-29', undefined, [2]],
  ] as const)('%s', (_what, reminder, day, holder, expected) => {
    expect(ids(reminder, day, holder)).toEqual(expected);
  });

  it('an absent holder\'s delegate stands in', () => {
    const delegated = { ...department.officers[0]!, absences: [{ ...away, delegate: { officerId: 9, chatIdentityId: 19 } }] };
    expect(ids(assignee, '2024-12-03', { ...toOfficer5, officers: [delegated] })).toEqual([9]);
  });
});

describe('an internal deadline in planning', () => {
  const calendar = createWorkingCalendar({ timeZone: 'Asia/Ho_Chi_Minh', workDays: [1, 2, 3, 4, 5], workHours: { startMinutes: 480, endMinutes: 1020 } });
  const unit = (id: number, officers: Array<[number, 'OFFICER' | 'LEADER']>): PlanningUnit => ({ id, name: `U${id}`, policy: [], officers: officers.map(([oid, role]) => ({ id: oid, name: `O${oid}`, role, chatIdentities: [{ id: oid * 10 }] })) });
  const lead = unit(1, [[1, 'OFFICER'], [2, 'LEADER']]);
  const dept = unit(3, [[5, 'OFFICER'], [7, 'LEADER']]);
  const monitor = unit(4, [[8, 'OFFICER']]);
  const task = (holder?: LoadedTask['holder']): LoadedTask => ({
    id: 42, isGroup: false, status: 'NOT_STARTED', schedule: { kind: 'once', due: '2024-12-20' }, plan: { settings: {}, policy: [] },
    units: [{ role: 'LEAD', unit: lead }, { role: 'MONITOR', unit: monitor }],
    ...(holder ? { holder } : {}),
  });
  const plan = (t: LoadedTask) => wantedReminders([t], { calendar, now: new Date('2024-11-26T02:00:00Z'), policy: DEFAULT_REMINDER_POLICY }).rows
    .map((r) => ({ officer: r.officerId, kind: r.kind, due: (r.occurrenceDue as Date).toISOString().slice(0, 10) }));

  it('the holder is reminded by the internal deadline; the monitoring unit still by the task\'s', () => {
    const rows = plan(task({ unit: dept, officerId: 5, giverUnit: dept, giverId: 7, internalDue: '2024-12-10' }));
    expect(new Set(rows.filter((r) => r.officer === 5).map((r) => r.due))).toEqual(new Set(['2024-12-10']));
    expect(rows.some((r) => r.officer === 5 && r.kind === 'due-day')).toBe(true);
    expect(rows.filter((r) => r.kind === 'escalation-leader').every((r) => r.officer === 7 && r.due === '2024-12-10')).toBe(true);
    expect(rows.filter((r) => r.kind === 'escalation-monitor').map((r) => [r.officer, r.due])).toEqual(expect.arrayContaining([[8, '2024-12-20']]));
    expect(rows.filter((r) => r.officer === 1 || r.officer === 2)).toEqual([]);
  });

  it('an internal deadline on the task\'s own day changes nothing but the recipients', () => {
    const same = plan(task({ unit: dept, officerId: 5, giverUnit: dept, giverId: 7, internalDue: '2024-12-20' }));
    const none = plan(task({ unit: dept, officerId: 5, giverUnit: dept, giverId: 7, internalDue: null }));
    expect(same).toEqual(none);
    expect(new Set(none.filter((r) => r.kind !== 'escalation-monitor').map((r) => r.due))).toEqual(new Set(['2024-12-20']));
  });
});
