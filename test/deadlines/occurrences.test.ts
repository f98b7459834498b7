import { describe, expect, it } from 'vitest';
import { nextOccurrence, occurrenceDates } from '../../src/deadlines/occurrences.ts';
import type { Schedule } from '../../src/deadlines/types.ts';

const recurring = (s: Omit<Extract<Schedule, { kind: 'recurring' }>, 'kind'>): Schedule => ({ kind: 'recurring', ...s });

describe('occurrenceDates', () => {
  it('lists the four report dates of "Quý I, 6 tháng, Quý III và báo cáo năm" in a year', () => {
    const s = recurring({ cadence: 'quarterly', rule: { by: 'report-periods', periods: ['Q1', 'H1', 'Q3', 'Y'] } });
    expect(occurrenceDates(s, 2025)).toEqual(['2025-03-31', '2025-06-30', '2025-09-30', '2025-12-31']);
  });

  it('moves period ends to the plan\'s report day (data cut-off day)', () => {
    const s = recurring({ cadence: 'semiannual', rule: { by: 'period-end' } });
    expect(occurrenceDates(s, 2025, { reportDay: 14 })).toEqual(['2025-06-14', '2025-12-14']);
  });

  it('keeps the day the text names over the report day, clamped to short months', () => {
    const s = recurring({ cadence: 'monthly', rule: { by: 'day-of-month', day: 31 } });
    expect(occurrenceDates(s, { from: '2024-01-01', to: '2024-04-30' }, { reportDay: 14 }))
      .toEqual(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30']);
  });

  it('lists the Fridays of "Thứ Sáu hằng tuần" in a range', () => {
    const s = recurring({ cadence: 'weekly', rule: { by: 'weekday', isoWeekday: 5 } });
    expect(occurrenceDates(s, { from: '2025-03-01', to: '2025-03-31' })).toEqual(['2025-03-07', '2025-03-14', '2025-03-21', '2025-03-28']);
    expect(occurrenceDates(s, 2025)).toHaveLength(52);
  });

  it('respects the schedule\'s own from and until', () => {
    const s = recurring({ cadence: 'yearly', rule: { by: 'period-end' }, from: '2024-01-01', until: '2026-06-30' });
    expect(occurrenceDates(s, { from: '2020-01-01', to: '2030-12-31' })).toEqual(['2024-12-31', '2025-12-31']);
  });

  it('gives a yearly day-of-year, a leap day only in leap years', () => {
    const s = recurring({ cadence: 'yearly', rule: { by: 'day-of-year', month: 2, day: 29 } });
    expect(occurrenceDates(s, { from: '2024-01-01', to: '2025-12-31' })).toEqual(['2024-02-29', '2025-02-28']);
  });

  it('has no occurrences for other kinds of schedule', () => {
    expect(occurrenceDates({ kind: 'once', due: '2025-01-01' }, 2025)).toEqual([]);
    expect(occurrenceDates({ kind: 'ongoing', checkIn: 'monthly' }, 2025)).toEqual([]);
  });

  it('finds the next occurrence on or after a date', () => {
    const s = recurring({ cadence: 'quarterly', rule: { by: 'period-end' } });
    expect(nextOccurrence(s, '2025-04-01')).toBe('2025-06-30');
    expect(nextOccurrence(s, '2025-06-30')).toBe('2025-06-30');
  });
});
