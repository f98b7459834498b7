// A text that lists several dates becomes a recurring schedule whose occurrences are those
// dates: the reminder policy must then remind before each of them, and hand over from one
// to the next as it does for any recurring task.
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../src/calendar/working-calendar.ts';
import { parseDeadline } from '../../src/deadlines/parse-deadline.ts';
import { planReminders } from '../../src/reminders/plan-reminders.ts';
import { DEFAULT_REMINDER_POLICY } from '../../src/reminders/policy-values.ts';

const calendar = createWorkingCalendar({
  timeZone: 'Asia/Ho_Chi_Minh', workDays: [1, 2, 3, 4, 5], workHours: { startMinutes: 480, endMinutes: 1020 },
});

function dueDays(text: string, now: string, state: { completedThrough?: string } = {}) {
  const rs = planReminders({
    schedule: parseDeadline(text, { ref: '2025-03-01' }),
    state: { status: 'NOT_STARTED', ...state },
    calendar,
    now: new Date(`${now}T00:00:00+07:00`),
    policy: { ...DEFAULT_REMINDER_POLICY, horizonDays: 400 },
  });
  return rs.filter((r) => r.kind === 'due-day').map((r) => calendar.formatInstant(r.at).slice(0, 10));
}

describe('reminders of a text that lists several dates', () => {
  it('"trước ngày 10/6 và 10/12": a due-day reminder on each (9 June 2025 is a Monday, 9 December a Tuesday)', () => {
    expect(dueDays('trước ngày 10/6 và 10/12', '2025-03-01')).toEqual(['2025-06-09', '2025-12-09']);
  });

  it('after the first date is reported, only the second is reminded', () => {
    expect(dueDays('trước ngày 10/6 và 10/12', '2025-06-20', { completedThrough: '2025-06-09' })).toEqual(['2025-12-09']);
  });

  it('"ngày 15/3, 15/6, 15/9 và 15/12": a weekend date is reminded on the Friday before', () => {
    // 15/3/2025 and 15/6/2025 are Saturday and Sunday.
    expect(dueDays('ngày 15/3, 15/6, 15/9 và 15/12', '2025-03-01')).toEqual(['2025-03-14', '2025-06-13', '2025-09-15', '2025-12-15']);
  });

  it('"Hằng tháng, trước ngày 22": on the 21st, or the working day before it', () => {
    // 21/06/2025 is a Saturday.
    expect(dueDays('Hằng tháng, trước ngày 22', '2025-03-01').slice(0, 4)).toEqual(['2025-03-21', '2025-04-21', '2025-05-21', '2025-06-20']);
  });
});
