import { describe, expect, it } from 'vitest';
import { nextOccurrence, occurrenceDates } from '../../src/deadlines/occurrences.ts';
import { parseDeadline } from '../../src/deadlines/parse-deadline.ts';
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

  it('gives a day of each quarter\'s last month ("trước ngày 10 tháng cuối quý": the 9th)', () => {
    const s = recurring({ cadence: 'quarterly', rule: { by: 'day-of-month', day: 9 } });
    expect(occurrenceDates(s, 2025)).toEqual(['2025-03-09', '2025-06-09', '2025-09-09', '2025-12-09']);
  });

  it('gives a day of the month after each period, the last quarter\'s in January of the next year', () => {
    const s = recurring({ cadence: 'quarterly', rule: { by: 'day-of-next-month', day: 14 } });
    expect(occurrenceDates(s, 2025)).toEqual(['2025-01-14', '2025-04-14', '2025-07-14', '2025-10-14']);
    expect(occurrenceDates(s, { from: '2025-10-15', to: '2026-04-30' })).toEqual(['2026-01-14', '2026-04-14']);
    const monthly = recurring({ cadence: 'monthly', rule: { by: 'day-of-next-month', day: 31 } });
    expect(occurrenceDates(monthly, { from: '2024-01-01', to: '2024-03-31' })).toEqual(['2024-01-31', '2024-02-29', '2024-03-31']);
  });

  it('gives several days of each year, in calendar order, clamped to short months', () => {
    const s = recurring({ cadence: 'semiannual', rule: { by: 'days-of-year', days: [{ month: 7, day: 15 }, { month: 2, day: 30 }] } });
    expect(occurrenceDates(s, { from: '2024-01-01', to: '2025-12-31' })).toEqual(['2024-02-29', '2024-07-15', '2025-02-28', '2025-07-15']);
  });

  it('gives each listed date once, within the range and the schedule\'s window', () => {
    const s = recurring({ cadence: 'quarterly', rule: { by: 'dates', dates: ['2025-03-15', '2025-06-15', '2025-09-15', '2025-12-15'] } });
    expect(occurrenceDates(s, 2025)).toEqual(['2025-03-15', '2025-06-15', '2025-09-15', '2025-12-15']);
    expect(occurrenceDates(s, 2026)).toEqual([]);
    expect(occurrenceDates({ ...s, from: '2025-04-01', until: '2025-10-01' } as Schedule, 2025)).toEqual(['2025-06-15', '2025-09-15']);
  });

  it('skips what is not a date in a stored list, and sorts and dedupes it, without throwing', () => {
    const s = recurring({ cadence: 'semiannual', rule: { by: 'dates', dates: ['2025-12-09', 'x', '2025-02-30', '2025-06-09', '2025-12-09'] } });
    expect(occurrenceDates(s, 2025)).toEqual(['2025-06-09', '2025-12-09']);
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

describe('occurrences of texts with several dates or a day inside the period', () => {
  const REF = '2025-03-01';

  it('"Hằng tháng, trước ngày 22" is due on the 21st of each month', () => {
    const s = parseDeadline('Hằng tháng, trước ngày 22', { ref: REF });
    expect(occurrenceDates(s, { from: '2025-03-01', to: '2025-06-30' })).toEqual(['2025-03-21', '2025-04-21', '2025-05-21', '2025-06-21']);
    expect(nextOccurrence(s, '2025-03-22')).toBe('2025-04-21');
  });

  it('"trước ngày 10/6 và 10/12" is due on 9 June and 9 December, then no more', () => {
    const s = parseDeadline('trước ngày 10/6 và 10/12', { ref: REF });
    expect(occurrenceDates(s, 2025)).toEqual(['2025-06-09', '2025-12-09']);
    expect(nextOccurrence(s, REF)).toBe('2025-06-09');
    expect(nextOccurrence(s, '2025-06-10')).toBe('2025-12-09');
    expect(nextOccurrence(s, '2025-12-10')).toBeUndefined();
  });

  it('"ngày 15/3, 15/6, 15/9 và 15/12" lists four quarterly dates of the plan\'s year', () => {
    const s = parseDeadline('ngày 15/3, 15/6, 15/9 và 15/12', { ref: REF });
    expect(occurrenceDates(s, { from: '2025-01-01', to: '2026-12-31' })).toEqual(['2025-03-15', '2025-06-15', '2025-09-15', '2025-12-15']);
  });

  it('"trước ngày 20 tháng 6 và tháng 12 hằng năm" recurs each year on the 19th', () => {
    const s = parseDeadline('trước ngày 20 tháng 6 và tháng 12 hằng năm', { ref: REF });
    expect(occurrenceDates(s, { from: '2025-01-01', to: '2026-12-31' })).toEqual(['2025-06-19', '2025-12-19', '2026-06-19', '2026-12-19']);
  });

  it('"trước ngày 15 của tháng đầu quý sau" is due on the 14th after each quarter', () => {
    const s = parseDeadline('trước ngày 15 của tháng đầu quý sau', { ref: REF });
    expect(nextOccurrence(s, REF)).toBe('2025-04-14');
    expect(nextOccurrence(s, '2025-10-15')).toBe('2026-01-14');
  });
});
