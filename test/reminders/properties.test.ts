import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumberOf, isoOf } from '../../src/calendar/civil-date.ts';
import { createWorkingCalendar } from '../../src/calendar/working-calendar.ts';
import type { Schedule } from '../../src/deadlines/types.ts';
import { planReminders, type PlannedReminder, type TaskStatus } from '../../src/reminders/plan-reminders.ts';
import { resolveReminderPolicy } from '../../src/reminders/policy-values.ts';

const calendar = createWorkingCalendar({
  timeZone: 'Asia/Ho_Chi_Minh', workDays: [1, 2, 3, 4, 5], workHours: { startMinutes: 480, endMinutes: 1020 },
});
const FIRST = dayNumberOf(2023, 1, 1);
const LAST = dayNumberOf(2027, 12, 31);
const MS_FIRST = Date.UTC(2023, 0, 1);
const MS_LAST = Date.UTC(2027, 11, 31);

const isoDate = fc.integer({ min: FIRST, max: LAST }).map(isoOf);
const cadence = fc.constantFrom('weekly', 'monthly', 'quarterly', 'semiannual', 'yearly' as const);
const schedule: fc.Arbitrary<Schedule> = fc.oneof(
  isoDate.map((due): Schedule => ({ kind: 'once', due })),
  fc.record({ cadence, day: fc.integer({ min: 1, max: 31 }), weekday: fc.integer({ min: 1, max: 7 }), byDay: fc.boolean() })
    .map(({ cadence, day, weekday, byDay }): Schedule => ({
      kind: 'recurring',
      cadence,
      rule: cadence === 'weekly' ? { by: 'weekday', isoWeekday: weekday } : byDay ? { by: 'day-of-month', day } : { by: 'period-end' },
    })),
  fc.constant<Schedule>({ kind: 'recurring', cadence: 'quarterly', rule: { by: 'report-periods', periods: ['Q1', 'H1', 'Q3', 'Y'] } }),
  fc.record({ checkIn: cadence, until: fc.option(isoDate, { nil: undefined }) })
    .map(({ checkIn, until }): Schedule => ({ kind: 'ongoing', checkIn, ...(until ? { until } : {}) })),
);
const instant = fc.integer({ min: MS_FIRST, max: MS_LAST }).map((ms) => new Date(ms));
const policy = fc.record({
  beforeDue: fc.array(fc.oneof(fc.record({ days: fc.integer({ min: 1, max: 30 }) }), fc.record({ workingDays: fc.integer({ min: 1, max: 10 }) })), { maxLength: 5 }),
  dueDay: fc.boolean(),
  overdueEveryWorkingDays: fc.integer({ min: 1, max: 10 }),
  maxOverdueReminders: fc.integer({ min: 0, max: 20 }),
  leaderOnFirstOverdue: fc.boolean(),
  monitorAtOverdue: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
  reminderTime: fc.constantFrom('07:00', '08:00', '09:15', '16:59', '17:00'),
  horizonDays: fc.integer({ min: 1, max: 400 }),
}, { requiredKeys: [] }).map((o) => resolveReminderPolicy(o));
const state = fc.record({
  status: fc.constantFrom<TaskStatus>('NOT_STARTED', 'IN_PROGRESS', 'BLOCKED'),
  extendedDue: fc.option(isoDate, { nil: undefined }),
  snoozedUntil: fc.option(instant, { nil: undefined }),
}).map((s) => Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) as { status: TaskStatus });

const RANK = { assignee: 0, leader: 1, monitor: 2 } as const;
const RUNS = { numRuns: 300 };

function assertOrdered(rs: PlannedReminder[]) {
  for (let i = 1; i < rs.length; i++) {
    const a = rs[i - 1]!;
    const b = rs[i]!;
    const diff = b.at.getTime() - a.at.getTime();
    expect(diff > 0 || (diff === 0 && RANK[b.audience] > RANK[a.audience]), `${a.at.toISOString()} ${a.audience} then ${b.at.toISOString()} ${b.audience}`).toBe(true);
  }
}

describe('reminder plans, for any schedule, state, policy and now', () => {
  it('put every reminder on a working day inside working hours', () => {
    fc.assert(fc.property(schedule, state, policy, instant, (s, st, p, now) => {
      for (const r of planReminders({ schedule: s, state: st, policy: p, calendar, now })) {
        expect(calendar.isWorkingMoment(r.at), calendar.formatInstant(r.at)).toBe(true);
      }
    }), RUNS);
  });

  it('are strictly ordered: by instant, then recipient, never two for one recipient at once', () => {
    fc.assert(fc.property(schedule, state, policy, instant, (s, st, p, now) => {
      assertOrdered(planReminders({ schedule: s, state: st, policy: p, calendar, now }));
    }), RUNS);
  });

  it('never plan a reminder before now, however late now is moved', () => {
    fc.assert(fc.property(schedule, state, policy, instant, fc.integer({ min: 0, max: 400 * 86_400_000 }), (s, st, p, now, later) => {
      for (const at of [now, new Date(now.getTime() + later)]) {
        for (const r of planReminders({ schedule: s, state: st, policy: p, calendar, now: at })) {
          expect(r.at.getTime()).toBeGreaterThanOrEqual(at.getTime());
        }
      }
    }), RUNS);
  });

  it('send at most one late reminder per recipient', () => {
    fc.assert(fc.property(schedule, state, policy, instant, (s, st, p, now) => {
      const late = planReminders({ schedule: s, state: st, policy: p, calendar, now }).filter((r) => r.late);
      expect(new Set(late.map((r) => r.audience)).size).toBe(late.length);
    }), RUNS);
  });
});
