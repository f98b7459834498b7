import { describe, expect, it } from 'vitest';
import { defaultYear, parsePeriod, PeriodError, statusDate } from '../../src/reports/periods.ts';

const at = { year: 2025, today: '2025-08-14' };

describe('reporting periods', () => {
  it.each([
    ['Q1', '2025-01-01', '2025-03-31'],
    ['q2', '2025-04-01', '2025-06-30'],
    ['Q3', '2025-07-01', '2025-09-30'],
    ['Q4', '2025-10-01', '2025-12-31'],
    ['6T', '2025-01-01', '2025-06-30'],
    ['9t', '2025-01-01', '2025-09-30'],
    ['year', '2025-01-01', '2025-12-31'],
  ])('%s of the year runs %s to %s', (text, from, to) => {
    expect(parsePeriod(text, at)).toMatchObject({ year: 2025, from, to });
  });

  it('an explicit range keeps its dates and takes its year from the start', () => {
    expect(parsePeriod('2024-12-15..2025-06-14', at)).toEqual({ kind: 'range', year: 2024, from: '2024-12-15', to: '2025-06-14' });
  });

  it('without a period: 1 January up to today, or the whole year once it is over', () => {
    expect(parsePeriod(undefined, at)).toEqual({ kind: 'to-date', year: 2025, from: '2025-01-01', to: '2025-08-14' });
    expect(parsePeriod(undefined, { year: 2024, today: '2025-08-14' })).toMatchObject({ from: '2024-01-01', to: '2024-12-31' });
  });

  it.each(['Q5', '2025-02-30..2025-03-01', '2025-03-01..2025-02-01', '2025-01-01', 'nam'])('refuses "%s"', (text) => {
    expect(() => parsePeriod(text, at)).toThrow(PeriodError);
  });

  it('statuses are taken at the end of the period, or today while it runs', () => {
    expect(statusDate(parsePeriod('Q1', at), at.today)).toBe('2025-03-31');
    expect(statusDate(parsePeriod('Q3', at), at.today)).toBe('2025-08-14');
  });

  it("a named period without a year means this year, or the plan's last year once its period has ended", () => {
    expect(defaultYear(2025, { periodFrom: '2024-01-01', periodTo: null })).toBe(2025);
    expect(defaultYear(2025, { periodFrom: '2024-01-01', periodTo: '2024-12-31' })).toBe(2024);
    expect(defaultYear(2025, { periodFrom: '2026-01-01', periodTo: '2030-12-31' })).toBe(2026);
    expect(defaultYear(2025, { periodFrom: null, periodTo: null })).toBe(2025);
  });
});
