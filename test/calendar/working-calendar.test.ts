import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CalendarDataError, parseCalendarFile } from '../../src/calendar/calendar-data.ts';
import { createWorkingCalendar } from '../../src/calendar/working-calendar.ts';

const HOURS = { startMinutes: 8 * 60, endMinutes: 17 * 60 };
const calendar = createWorkingCalendar({ timeZone: 'Asia/Ho_Chi_Minh', workDays: [1, 2, 3, 4, 5], workHours: HOURS });

const offDays = (year: number) => calendar.nonWorkingDays(year).map((d) => d.date);
const datesBetween = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    out.push(d.toISOString().slice(0, 10));
  }
  return out;
};

describe('Tết as decreed', () => {
  it('gives civil servants 25/01 to 02/02/2025 off (Tết Ất Tỵ), back on Monday 03/02', () => {
    for (const date of datesBetween('2025-01-25', '2025-02-02')) expect(calendar.isWorkingDay(date), date).toBe(false);
    expect(calendar.isWorkingDay('2025-01-24')).toBe(true);
    expect(calendar.isWorkingDay('2025-02-03')).toBe(true);
    expect(calendar.nextWorkingDay('2025-01-24')).toBe('2025-02-03');
  });

  it('gives 14/02 to 22/02/2026 off (Tết Bính Ngọ), back on Monday 23/02', () => {
    for (const date of datesBetween('2026-02-14', '2026-02-22')) expect(calendar.isWorkingDay(date), date).toBe(false);
    expect(calendar.isWorkingDay('2026-02-13')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-23')).toBe(true);
  });

  it('gives 08/02 to 14/02/2024 off (Tết Giáp Thìn, with two compensatory days)', () => {
    for (const date of datesBetween('2024-02-08', '2024-02-14')) expect(calendar.isWorkingDay(date), date).toBe(false);
    expect(calendar.isWorkingDay('2024-02-07')).toBe(true);
    expect(calendar.isWorkingDay('2024-02-15')).toBe(true);
  });
});

describe('National Day has its second day', () => {
  it.each([
    ['2024', ['2024-09-02', '2024-09-03'], '2024-09-04'],
    ['2025', ['2025-09-01', '2025-09-02'], '2025-09-03'],
    ['2026', ['2026-08-31', '2026-09-01', '2026-09-02'], '2026-09-03'],
  ])('in %s', (_year, off, backToWork) => {
    for (const date of off) expect(calendar.isWorkingDay(date), date).toBe(false);
    expect(calendar.isWorkingDay(backToWork)).toBe(true);
  });

  it('follows the Labour Code in a year with no decree file: 2/9 and the day before when that is a working day', () => {
    expect(calendar.hasDecreedData(2027)).toBe(false);
    // 2/9/2027 is a Thursday: Wednesday 1/9 is the second day.
    expect(calendar.isWorkingDay('2027-09-01')).toBe(false);
    expect(calendar.isWorkingDay('2027-09-02')).toBe(false);
    expect(calendar.isWorkingDay('2027-09-03')).toBe(true);
    // 2/9/2029 is a Sunday (1/9 a Saturday): Monday 3/9 is the second day and Tuesday 4/9 the compensatory day.
    expect(calendar.isWorkingDay('2029-09-03')).toBe(false);
    expect(calendar.isWorkingDay('2029-09-04')).toBe(false);
    expect(calendar.isWorkingDay('2029-09-05')).toBe(true);
  });
});

describe('compensatory days and swapped Saturdays', () => {
  it('gives the Monday off when a holiday falls on a Sunday (Giỗ Tổ 26/4/2026)', () => {
    expect(calendar.isWorkingDay('2026-04-27')).toBe(false);
    expect(calendar.nonWorkingDays(2026).find((d) => d.date === '2026-04-27')).toMatchObject({ kind: 'compensatory' });
  });

  it('computes the compensatory Monday by rule in a year without a decree (1/5/2027 is a Saturday)', () => {
    expect(calendar.isWorkingDay('2027-05-03')).toBe(false);
    expect(calendar.nonWorkingDays(2027).find((d) => d.date === '2027-05-03')).toMatchObject({ kind: 'compensatory', source: 'rule' });
  });

  it.each(['2025-04-26', '2024-05-04', '2026-01-10', '2026-08-22'])('works on the swapped Saturday %s', (date) => {
    expect(calendar.isWorkingDay(date)).toBe(true);
  });

  it.each(['2025-05-02', '2024-04-29', '2026-01-02', '2026-08-31'])('gives %s off in exchange', (date) => {
    expect(calendar.isWorkingDay(date)).toBe(false);
  });

  it('lists the swapped Saturdays of a year', () => {
    expect(calendar.swappedWorkingDays(2025)).toEqual([
      expect.objectContaining({ date: '2025-04-26', weekday: 6, inExchangeFor: '2025-05-02' }),
    ]);
  });
});

describe('nonWorkingDays', () => {
  it('lists the 2025 holidays with Vietnamese and English names, in order', () => {
    const days = calendar.nonWorkingDays(2025);
    expect(days.map((d) => d.date)).toEqual([
      '2025-01-01', '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01',
      '2025-04-07', '2025-04-30', '2025-05-01', '2025-05-02', '2025-09-01', '2025-09-02',
    ]);
    for (const d of days) {
      expect(d.vi.length).toBeGreaterThan(3);
      expect(d.en.length).toBeGreaterThan(3);
    }
    expect(days[0]).toMatchObject({ vi: 'Tết Dương lịch', en: "New Year's Day", weekday: 3 });
  });

  it('adds the weekly rest days on request', () => {
    const all = calendar.nonWorkingDays(2025, { includeRestDays: true });
    // 52 Saturdays + 52 Sundays, less Saturday 01/02 (listed as Tết) and Saturday 26/04 (worked).
    expect(all.filter((d) => d.kind === 'rest-day').length).toBe(102);
  });

  it('keeps the statutory holidays and leaves out observances from the package', () => {
    expect(offDays(2024)).not.toContain('2024-03-08');
    expect(offDays(2024)).toContain('2024-04-18');
  });
});

describe('working-day arithmetic', () => {
  it('steps over weekends and holidays', () => {
    expect(calendar.nextWorkingDay('2024-12-31')).toBe('2025-01-02');
    expect(calendar.previousWorkingDay('2025-01-02')).toBe('2024-12-31');
    expect(calendar.addWorkingDays('2025-04-25', 1)).toBe('2025-04-26');
    expect(calendar.addWorkingDays('2025-04-29', 1)).toBe('2025-05-05');
    expect(calendar.addWorkingDays('2025-05-05', -2)).toBe('2025-04-28');
    expect(calendar.addWorkingDays('2025-05-03', 0)).toBe('2025-05-03');
  });

  it('counts working days in (from, to], negative backwards', () => {
    expect(calendar.workingDaysBetween('2025-04-25', '2025-05-05')).toBe(4); // 26/4 Sat, 28/4, 29/4, 5/5
    expect(calendar.workingDaysBetween('2025-05-05', '2025-04-25')).toBe(-4);
    expect(calendar.workingDaysBetween('2025-05-05', '2025-05-05')).toBe(0);
  });

  it('counts across years as a walk over each day would (leap years, Tết, swapped days)', () => {
    const walk = (from: string, to: string) => {
      let count = 0;
      for (let d = from; d < to; d = nextDay(d)) if (calendar.isWorkingDay(nextDay(d))) count++;
      return count;
    };
    const nextDay = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const day = fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2031, 11, 31) }).map((ms) => new Date(Math.floor(ms / 86_400_000) * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(calendar.workingDaysBetween(lo, hi)).toBe(walk(lo, hi));
        expect(calendar.workingDaysBetween(hi, lo) + 0).toBe(-walk(lo, hi) + 0);
      }),
      { numRuns: 200, seed: 20261203 },
    );
  });

  it('honours WORK_DAYS: a six-day week works on Saturdays', () => {
    const sixDays = createWorkingCalendar({ timeZone: 'Asia/Ho_Chi_Minh', workDays: [1, 2, 3, 4, 5, 6], workHours: HOURS });
    expect(sixDays.isWorkingDay('2025-03-08')).toBe(true);
    expect(sixDays.isWorkingDay('2025-03-09')).toBe(false);
  });
});

describe('working moments', () => {
  it('moves an instant outside working hours to the next start of working hours', () => {
    // Friday 24/01/2025 18:00 in Hà Nội → after Tết, Monday 03/02 08:00.
    const next = calendar.nextWorkingMoment(new Date('2025-01-24T11:00:00Z'));
    expect(calendar.formatInstant(next)).toBe('2025-02-03T08:00:00+07:00');
    expect(calendar.formatInstant(calendar.nextWorkingMoment(new Date('2025-02-03T00:30:00Z')))).toBe('2025-02-03T08:00:00+07:00');
  });

  it('keeps an instant that is already a working moment', () => {
    const at = new Date('2025-02-03T03:15:00Z'); // 10:15 local
    expect(calendar.isWorkingMoment(at)).toBe(true);
    expect(calendar.nextWorkingMoment(at)).toEqual(at);
    expect(calendar.isWorkingMoment(new Date('2025-02-03T10:00:00Z'))).toBe(false); // 17:00 local: closed
  });

  it('does zone maths in the configured zone, not the process zone', () => {
    expect(calendar.instantOn('2024-12-24').toISOString()).toBe('2024-12-24T01:00:00.000Z');
    expect(calendar.startOfDay('2024-12-24').toISOString()).toBe('2024-12-23T17:00:00.000Z');
    expect(calendar.dateOf(new Date('2024-12-23T17:00:00Z'))).toBe('2024-12-24');
  });
});

describe('calendar data files', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('adds a year from a file in the extra directory, without code changes', () => {
    dir = mkdtempSync(join(tmpdir(), 'calendar-'));
    writeFileSync(join(dir, '2027.json'), JSON.stringify({
      year: 2027,
      daysOff: [{ date: '2027-02-04', kind: 'tet', vi: 'Nghỉ Tết Nguyên đán', en: 'Lunar New Year holiday' }],
      workingDays: [{ date: '2027-02-20', vi: 'Làm bù', en: 'Working Saturday' }],
    }));
    const withExtra = createWorkingCalendar({ timeZone: 'Asia/Ho_Chi_Minh', workDays: [1, 2, 3, 4, 5], workHours: HOURS, extraDataDir: dir });
    expect(withExtra.hasDecreedData(2027)).toBe(true);
    expect(withExtra.isWorkingDay('2027-02-04')).toBe(false);
    expect(withExtra.isWorkingDay('2027-02-20')).toBe(true);
    // A decreed year lists its own compensatory days: the rule's are not added.
    expect(withExtra.nonWorkingDays(2027).some((d) => d.source === 'rule')).toBe(false);
  });

  it('rejects a file whose dates are impossible or in another year, naming the file', () => {
    expect(() => parseCalendarFile(JSON.stringify({ year: 2027, daysOff: [{ date: '2027-02-30', kind: 'tet', vi: 'x', en: 'x' }] }), 'bad.json'))
      .toThrow(CalendarDataError);
    expect(() => parseCalendarFile(JSON.stringify({ year: 2027, daysOff: [{ date: '2028-01-02', kind: 'tet', vi: 'x', en: 'x' }] }), 'other.json'))
      .toThrow(/other\.json.*not in 2027/);
    expect(() => parseCalendarFile('{', 'broken.json')).toThrow(/broken\.json: not JSON/);
  });
});
