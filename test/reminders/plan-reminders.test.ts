import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../src/calendar/working-calendar.ts';
import type { Schedule } from '../../src/deadlines/types.ts';
import { planReminders, type PlannedReminder, type TaskReminderState } from '../../src/reminders/plan-reminders.ts';
import {
  DEFAULT_REMINDER_POLICY, MAX_REMINDERS_PER_TASK, reminderPolicyOverridesSchema, resolveReminderPolicy, type ReminderPolicy,
} from '../../src/reminders/policy-values.ts';

const calendar = createWorkingCalendar({
  timeZone: 'Asia/Ho_Chi_Minh', workDays: [1, 2, 3, 4, 5], workHours: { startMinutes: 480, endMinutes: 1020 },
});
const local = (iso: string) => new Date(`${iso}+07:00`);
const once = (due: string): Schedule => ({ kind: 'once', due });

function plan(schedule: Schedule, now: string, state: Partial<TaskReminderState> = {}, policy: Partial<ReminderPolicy> = {}) {
  return planReminders({
    schedule, calendar, now: local(now), state: { status: 'NOT_STARTED', ...state }, policy: { ...DEFAULT_REMINDER_POLICY, ...policy },
  });
}
const show = (rs: PlannedReminder[]) => rs.map((r) => `${calendar.formatInstant(r.at).slice(0, 16)} ${r.key} ${r.audience}${r.late ? ' late' : ''}`);

describe('a task due on a date, with the default policy', () => {
  it('reminds 7 days, 3 days and 1 working day before, on the due morning, then every 2 working days overdue', () => {
    expect(show(plan(once('2024-12-31'), '2024-10-15T00:00')).slice(0, 9)).toEqual([
      '2024-12-24T08:00 before-due-7d assignee',
      '2024-12-27T08:00 before-due-3d assignee', // 28/12 is a Saturday: the Friday before
      '2024-12-30T08:00 before-due-1wd assignee',
      '2024-12-31T08:00 due-day assignee',
      '2025-01-02T08:00 overdue-1 assignee', // 01/01 is a holiday: the next working day
      '2025-01-02T08:00 escalation-leader leader',
      '2025-01-06T08:00 overdue-2 assignee',
      '2025-01-08T08:00 overdue-3 assignee',
      '2025-01-08T08:00 escalation-monitor monitor',
    ]);
  });

  it('moves before-due reminders that fall in Tết to the working day before it, one message that day', () => {
    // Due Monday 03/02/2025, the first day back after Tết (25/01-02/02).
    expect(show(plan(once('2025-02-03'), '2025-01-01T00:00')).slice(0, 3)).toEqual([
      '2025-01-24T08:00 before-due-1wd assignee',
      '2025-02-03T08:00 due-day assignee',
      '2025-02-04T08:00 overdue-1 assignee',
    ]);
  });

  it('reminds on the working day before a due date that is not a working day', () => {
    const rs = plan(once('2025-02-01'), '2025-01-01T00:00'); // a Saturday inside Tết
    expect(show(rs).find((r) => r.includes('due-day'))).toBe('2025-01-24T08:00 due-day assignee');
    expect(show(rs).find((r) => r.includes('overdue-1'))).toBe('2025-02-03T08:00 overdue-1 assignee');
  });

  it('stops after the capped number of overdue reminders', () => {
    const rs = plan(once('2024-12-31'), '2024-10-15T00:00', {}, { maxOverdueReminders: 4 });
    expect(rs.filter((r) => r.kind === 'overdue').map((r) => r.key)).toEqual(['overdue-1', 'overdue-2', 'overdue-3', 'overdue-4']);
  });

  it('escalates to the monitoring unit at the configured overdue count, or never', () => {
    const atFifth = plan(once('2024-12-31'), '2024-10-15T00:00', {}, { monitorAtOverdue: 5 });
    const monitor = atFifth.filter((r) => r.audience === 'monitor');
    expect(monitor).toHaveLength(1);
    expect(monitor[0]!.at).toEqual(atFifth.find((r) => r.key === 'overdue-5')!.at);
    expect(plan(once('2024-12-31'), '2024-10-15T00:00', {}, { monitorAtOverdue: null }).some((r) => r.audience === 'monitor')).toBe(false);
    expect(plan(once('2024-12-31'), '2024-10-15T00:00', {}, { leaderOnFirstOverdue: false }).some((r) => r.audience === 'leader')).toBe(false);
  });

  it('uses the configured reminder time when it is inside working hours, else the start of working hours', () => {
    expect(calendar.formatInstant(plan(once('2024-12-31'), '2024-10-15T00:00', {}, { reminderTime: '09:30' })[0]!.at))
      .toBe('2024-12-24T09:30:00+07:00');
    expect(calendar.formatInstant(plan(once('2024-12-31'), '2024-10-15T00:00', {}, { reminderTime: '20:00' })[0]!.at))
      .toBe('2024-12-24T08:00:00+07:00');
  });

  it('plans nothing beyond the horizon', () => {
    expect(plan(once('2024-12-31'), '2024-10-15T00:00', {}, { horizonDays: 30 })).toEqual([]);
  });
});

describe('the task state', () => {
  it('plans nothing for a done or cancelled task, or an unscheduled one', () => {
    expect(plan(once('2024-12-31'), '2024-10-15T00:00', { status: 'DONE' })).toEqual([]);
    expect(plan(once('2024-12-31'), '2024-10-15T00:00', { status: 'CANCELLED' })).toEqual([]);
    expect(plan({ kind: 'unscheduled', reason: 'Theo quy định' }, '2024-10-15T00:00')).toEqual([]);
  });

  it('recomputes from the granted extension\'s due date', () => {
    const rs = plan(once('2024-12-31'), '2024-12-20T00:00', { extendedDue: '2025-01-15' });
    expect(rs.every((r) => r.occurrenceDue === '2025-01-15')).toBe(true);
    expect(show(rs)[0]).toBe('2025-01-08T08:00 before-due-7d assignee');
  });

  it('holds the assignee\'s reminders while snoozed, then sends the latest one', () => {
    const rs = plan(once('2024-12-31'), '2024-12-20T00:00', { snoozedUntil: local('2024-12-30T10:00') });
    expect(show(rs).slice(0, 2)).toEqual([
      '2024-12-30T10:00 before-due-1wd assignee late',
      '2024-12-31T08:00 due-day assignee',
    ]);
  });
});

describe('a task imported late', () => {
  it('sends only the latest missed reminder per recipient, at the next working moment', () => {
    // 30/9/2024 was past when the Đồng Nai plan was issued on Tuesday 15/10/2024; imported at 14:20.
    const rs = plan(once('2024-09-30'), '2024-10-15T14:20');
    expect(show(rs).slice(0, 4)).toEqual([
      '2024-10-15T14:20 overdue-6 assignee late',
      '2024-10-15T14:20 escalation-leader leader late',
      '2024-10-15T14:20 escalation-monitor monitor late',
      '2024-10-17T08:00 overdue-7 assignee',
    ]);
  });

  it('waits for working hours when imported in the evening', () => {
    const rs = plan(once('2024-12-31'), '2024-12-27T19:00');
    expect(show(rs).slice(0, 2)).toEqual(['2024-12-30T08:00 before-due-1wd assignee', '2024-12-31T08:00 due-day assignee']);
  });

  it('does not send a missed "due soon" once the due date has passed', () => {
    // Due Friday 29/11; imported Saturday: the due-day message is stale, the first overdue comes Monday.
    const rs = plan(once('2024-11-29'), '2024-11-30T09:00');
    expect(show(rs)[0]).toBe('2024-12-02T08:00 overdue-1 assignee');
    expect(rs.some((r) => r.late)).toBe(false);
  });
});

describe('recurring and ongoing tasks', () => {
  const quarterly: Schedule = { kind: 'recurring', cadence: 'quarterly', rule: { by: 'period-end' } };

  it('reminds per occurrence, and an occurrence\'s overdue reminders stop when the next one is due', () => {
    const rs = plan({ kind: 'recurring', cadence: 'weekly', rule: { by: 'weekday', isoWeekday: 5 } }, '2025-03-03T00:00', {}, { horizonDays: 14 });
    // Monday 03/03/2025: Friday 28/02's report is still overdue until Friday 07/03 is due.
    expect(show(rs)).toEqual([
      '2025-03-03T08:00 overdue-1 assignee',
      '2025-03-03T08:00 escalation-leader leader',
      '2025-03-04T08:00 before-due-3d assignee',
      '2025-03-05T08:00 overdue-2 assignee',
      '2025-03-06T08:00 before-due-1wd assignee',
      '2025-03-07T08:00 due-day assignee',
      '2025-03-10T08:00 overdue-1 assignee',
      '2025-03-10T08:00 escalation-leader leader',
      '2025-03-11T08:00 before-due-3d assignee',
      '2025-03-12T08:00 overdue-2 assignee',
      '2025-03-13T08:00 before-due-1wd assignee',
      '2025-03-14T08:00 due-day assignee',
      '2025-03-17T08:00 overdue-1 assignee',
      '2025-03-17T08:00 escalation-leader leader',
    ]);
  });

  it('skips occurrences already reported', () => {
    const rs = plan(quarterly, '2025-03-20T00:00', { completedThrough: '2025-03-31' }, { horizonDays: 120 });
    expect(new Set(rs.map((r) => r.occurrenceDue))).toEqual(new Set(['2025-06-30']));
  });

  it('uses the plan\'s report day for report periods', () => {
    const rs = plan(quarterly, '2025-01-01T00:00', {}, { reportDay: 14, horizonDays: 100 });
    expect(rs.find((r) => r.kind === 'due-day')!.occurrenceDue).toBe('2025-03-14');
  });

  it('checks in on ongoing tasks on the last working day of each month until the end date', () => {
    const rs = plan({ kind: 'ongoing', checkIn: 'monthly', until: '2025-03-31' }, '2025-01-01T00:00');
    expect(show(rs)).toEqual([
      '2025-01-24T08:00 check-in assignee', // 31/01 is in Tết
      '2025-02-28T08:00 check-in assignee',
      '2025-03-31T08:00 check-in assignee',
    ]);
  });

  it('uses the policy\'s check-in cadence when set', () => {
    const rs = plan({ kind: 'ongoing', checkIn: 'monthly' }, '2025-03-03T00:00', {}, { ongoingCheckIn: 'weekly', horizonDays: 14 });
    expect(show(rs)).toEqual(['2025-03-07T08:00 check-in assignee', '2025-03-14T08:00 check-in assignee']);
  });
});

describe('policy values', () => {
  it('layers plan then unit overrides over the defaults', () => {
    const policy = resolveReminderPolicy({ beforeDue: [{ days: 5 }], maxOverdueReminders: 3 }, { maxOverdueReminders: 6 });
    expect(policy).toMatchObject({ beforeDue: [{ days: 5 }], maxOverdueReminders: 6, overdueEveryWorkingDays: 2 });
  });

  it.each([
    [{ maxOverdueReminders: 10_000 }],
    [{ beforeDue: [{ days: 0 }] }],
    [{ beforeDue: [{ days: 3, workingDays: 1 }] }],
    [{ reminderTime: '8h' }],
    [{ overdueEvery: 2 }],
  ])('rejects %j', (override) => {
    expect(reminderPolicyOverridesSchema.safeParse(override).success).toBe(false);
    expect(() => resolveReminderPolicy(override)).toThrow();
  });

  it('caps the reminders of one task whatever the policy', () => {
    const rs = plan({ kind: 'ongoing', checkIn: 'weekly' }, '2025-01-01T00:00', {}, { horizonDays: 3 * 366 });
    expect(rs.length).toBeLessThanOrEqual(MAX_REMINDERS_PER_TASK);
    expect(rs.length).toBeGreaterThan(40);
  });
});

describe('plans imported late, and plans whose period has ended', () => {
  const withLimits = (schedule: Schedule, now: string, limits: { planEnd?: string; overdueFrom?: string }) =>
    planReminders({ schedule, calendar, now: local(now), state: { status: 'NOT_STARTED' }, policy: DEFAULT_REMINDER_POLICY, ...limits });

  it('plans no overdue or escalation reminder for a deadline before the day the importer chose to leave unreminded', () => {
    expect(withLimits(once('2024-06-28'), '2024-11-26T09:00', {})).not.toEqual([]);
    expect(withLimits(once('2024-06-28'), '2024-11-26T09:00', { overdueFrom: '2024-11-26' })).toEqual([]);
  });

  it('still reminds deadlines on or after that day as usual', () => {
    const rs = withLimits(once('2024-12-31'), '2024-11-26T09:00', { overdueFrom: '2024-11-26' });
    expect(show(rs)).toContain('2025-01-02T08:00 overdue-1 assignee');
  });

  it('keeps a recurring task quiet about its passed occurrences and reminds the next one', () => {
    const monthly: Schedule = { kind: 'recurring', cadence: 'monthly', rule: { by: 'period-end' } };
    const rs = withLimits(monthly, '2024-11-26T09:00', { overdueFrom: '2024-11-26' });
    expect(rs.filter((r) => r.kind === 'overdue' && r.occurrenceDue < '2024-11-26')).toEqual([]);
    expect(rs.some((r) => r.occurrenceDue === '2024-11-30')).toBe(true);
  });

  it('stops the check-ins of an ongoing task at the end of the plan period', () => {
    const ongoing: Schedule = { kind: 'ongoing', checkIn: 'monthly' };
    const open = withLimits(ongoing, '2025-11-03T09:00', {});
    expect(open.some((r) => r.occurrenceDue > '2025-12-31')).toBe(true);
    const ended = withLimits(ongoing, '2025-11-03T09:00', { planEnd: '2025-12-31' });
    expect(ended.map((r) => r.occurrenceDue)).toEqual(['2025-11-30', '2025-12-31']);
    expect(withLimits(ongoing, '2026-01-05T09:00', { planEnd: '2025-12-31' })).toEqual([]);
  });

  it('stops a recurring task at the end of the plan period, with the report on the last quarter due the month after', () => {
    const monthly: Schedule = { kind: 'recurring', cadence: 'monthly', rule: { by: 'period-end' } };
    const rs = withLimits(monthly, '2025-11-03T09:00', { planEnd: '2025-12-31' });
    expect(Math.max(...rs.map((r) => Date.parse(r.occurrenceDue)))).toBe(Date.parse('2025-12-31'));
    const quarterlyReport: Schedule = { kind: 'recurring', cadence: 'quarterly', rule: { by: 'day-of-next-month', day: 14 } };
    const reports = withLimits(quarterlyReport, '2025-11-03T09:00', { planEnd: '2025-12-31' });
    // 14/10 is the overdue report on Q3; 14/01/2026 reports on Q4, the plan's last quarter; nothing after.
    expect([...new Set(reports.map((r) => r.occurrenceDue))]).toEqual(['2025-10-14', '2026-01-14']);
    expect(withLimits(quarterlyReport, '2025-11-03T09:00', {}).some((r) => r.occurrenceDue === '2026-04-14')).toBe(true);
  });
});
