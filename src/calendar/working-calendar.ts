// The office calendar: which civil days are worked, and the working moments inside
// WORK_HOURS. Days off = weekly rest days (WORK_DAYS) + statutory holidays (date-holidays)
// + decreed corrections (data files). Swapped Saturdays are working days.
import type { IsoDate } from '../deadlines/types.ts';
import {
  dayNumberFromIso, dayNumberOf, isoOf, isoWeekdayOf, yearOf, type DayNumber,
} from './civil-date.ts';
import { BUILTIN_CALENDAR_DIR, loadCalendarDir, type CalendarYearFile, type DayOffKind } from './calendar-data.ts';
import { createStatutoryHolidays } from './statutory-holidays.ts';
import { createZonedClock, type ZonedClock } from './zoned-time.ts';

/** No office closes for longer than this; a longer search means a broken configuration. */
export const MAX_SCAN_DAYS = 400;

export interface WorkHours {
  startMinutes: number;
  endMinutes: number;
}

export interface WorkingCalendarOptions {
  timeZone: string;
  /** ISO weekdays that are worked (1 = Monday). */
  workDays: readonly number[];
  workHours: WorkHours;
  /** A directory of extra year files (CALENDAR_DIR), read after the built-in ones. */
  extraDataDir?: string;
  /** Year files to use in place of the built-in directory (tests). */
  data?: CalendarYearFile[];
}

export type NonWorkingKind = DayOffKind | 'rest-day';

export interface NonWorkingDay {
  date: IsoDate;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  kind: NonWorkingKind;
  vi: string;
  en: string;
  /** Where the day comes from: the holiday package, a decree file, or a fallback rule. */
  source: 'package' | 'decree' | 'rule' | 'work-days';
  /** A holiday that falls on a weekly rest day. */
  onRestDay: boolean;
}

export interface SwappedWorkingDay {
  date: IsoDate;
  weekday: number;
  vi: string;
  en: string;
  inExchangeFor?: IsoDate;
}

export interface WorkingCalendar {
  readonly timeZone: string;
  readonly workDays: readonly number[];
  readonly workHours: WorkHours;
  readonly clock: ZonedClock;
  isWorkingDay(date: IsoDate): boolean;
  /** Holidays and days off of a year, in date order; weekly rest days only with includeRestDays. */
  nonWorkingDays(year: number, options?: { includeRestDays?: boolean }): NonWorkingDay[];
  /** Rest days (Saturdays) that are worked in exchange for a day off. */
  swappedWorkingDays(year: number): SwappedWorkingDay[];
  /** True when a data file states the decreed days off of the year. */
  hasDecreedData(year: number): boolean;
  /** The first working day after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate;
  /** The last working day before `date`. */
  previousWorkingDay(date: IsoDate): IsoDate;
  /** The n-th working day after (n > 0) or before (n < 0) `date`; `date` itself for 0. */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** Working days d with from < d <= to; negative when `to` is before `from`. */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
  /** Day-number forms of the above, for hot loops. */
  isWorkingDayNumber(day: DayNumber): boolean;
  nextWorkingDayNumber(day: DayNumber): DayNumber;
  previousWorkingDayNumber(day: DayNumber): DayNumber;
  addWorkingDayNumbers(day: DayNumber, n: number): DayNumber;
  /** On a working day, within [start, end) of WORK_HOURS. */
  isWorkingMoment(instant: Date): boolean;
  /** `instant` itself when it is a working moment, else the start of the next working period. */
  nextWorkingMoment(instant: Date): Date;
  /** The instant of a local wall-clock time (default: start of working hours) on a civil day. */
  instantOn(date: IsoDate, minutes?: number): Date;
  /** Local midnight starting a civil day. */
  startOfDay(date: IsoDate): Date;
  /** The civil date of an instant in the calendar's zone. */
  dateOf(instant: Date): IsoDate;
  /** "2024-12-24T08:00:00+07:00". */
  formatInstant(instant: Date): string;
}

interface YearTable {
  off: Map<DayNumber, Omit<NonWorkingDay, 'onRestDay' | 'weekday' | 'date'>>;
  working: Map<DayNumber, Omit<SwappedWorkingDay, 'weekday' | 'date'>>;
  decreed: boolean;
}

export function createWorkingCalendar(options: WorkingCalendarOptions): WorkingCalendar {
  const { timeZone, workHours } = options;
  const workDays = [...new Set(options.workDays)].sort();
  if (workDays.length === 0 || workDays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
    throw new RangeError(`workDays must be ISO weekdays 1-7, got ${JSON.stringify(options.workDays)}`);
  }
  if (!(workHours.startMinutes >= 0 && workHours.startMinutes < workHours.endMinutes && workHours.endMinutes <= 1440)) {
    throw new RangeError('workHours must satisfy 0 <= start < end <= 24:00');
  }
  const isRestWeekday = (weekday: number) => !workDays.includes(weekday);
  const files = [...(options.data ?? loadCalendarDir(BUILTIN_CALENDAR_DIR))];
  if (options.extraDataDir) files.push(...loadCalendarDir(options.extraDataDir));
  const statutory = createStatutoryHolidays();
  const clock = createZonedClock(timeZone);
  const tables = new Map<number, YearTable>();
  const workingMemo = new Map<DayNumber, boolean>();

  const buildYear = (year: number): YearTable => {
    const table: YearTable = { off: new Map(), working: new Map(), decreed: false };
    for (const h of statutory(year)) {
      table.off.set(h.day, { kind: /nguyên đán/i.test(h.vi) ? 'tet' : 'holiday', vi: h.vi, en: h.en, source: 'package' });
    }
    for (const file of files.filter((f) => f.year === year)) {
      table.decreed ||= file.decreed;
      for (const d of file.daysOff) {
        table.off.set(dayNumberFromIso(d.date), { kind: d.kind, vi: d.vi, en: d.en, source: 'decree' });
      }
      for (const d of file.workingDays) {
        table.working.set(dayNumberFromIso(d.date), { vi: d.vi, en: d.en, ...(d.inExchangeFor ? { inExchangeFor: d.inExchangeFor } : {}) });
      }
    }
    if (!table.decreed) applyFallbackRules(year, table, isRestWeekday);
    return table;
  };
  const tableOf = (year: number): YearTable => {
    let t = tables.get(year);
    if (!t) tables.set(year, (t = buildYear(year)));
    return t;
  };

  const isWorkingDayNumber = (day: DayNumber): boolean => {
    let working = workingMemo.get(day);
    if (working === undefined) {
      const table = tableOf(yearOf(day));
      working = table.working.has(day) || (!table.off.has(day) && !isRestWeekday(isoWeekdayOf(day)));
      workingMemo.set(day, working);
    }
    return working;
  };

  // Working days counted per year as prefix sums, so that "n working days left" on every card and
  // list line costs two look-ups, not a walk over each day between (a task two years overdue
  // walked ~700 days per card).
  const prefixes = new Map<number, Int32Array>();
  /** prefix[i]: working days among the first i days of the year. */
  const prefixOf = (year: number): Int32Array => {
    let prefix = prefixes.get(year);
    if (!prefix) {
      const first = dayNumberOf(year, 1, 1);
      const days = dayNumberOf(year + 1, 1, 1) - first;
      prefix = new Int32Array(days + 1);
      for (let i = 0; i < days; i++) prefix[i + 1] = prefix[i]! + (isWorkingDayNumber(first + i) ? 1 : 0);
      prefixes.set(year, prefix);
    }
    return prefix;
  };
  /** Working days from 1 January of the day's year through the day. */
  const workingThrough = (day: DayNumber): number => {
    const year = yearOf(day);
    return prefixOf(year)[day - dayNumberOf(year, 1, 1) + 1]!;
  };
  /** Working days in (lo, hi], lo <= hi. */
  const workingAfterThrough = (lo: DayNumber, hi: DayNumber): number => {
    const yLo = yearOf(lo);
    const yHi = yearOf(hi);
    if (yLo === yHi) return workingThrough(hi) - workingThrough(lo);
    let count = prefixOf(yLo).at(-1)! - workingThrough(lo) + workingThrough(hi);
    for (let y = yLo + 1; y < yHi; y++) count += prefixOf(y).at(-1)!;
    return count;
  };

  const step = (day: DayNumber, direction: 1 | -1): DayNumber => {
    for (let d = day + direction, i = 0; i < MAX_SCAN_DAYS; d += direction, i++) {
      if (isWorkingDayNumber(d)) return d;
    }
    throw new RangeError(`no working day within ${MAX_SCAN_DAYS} days of ${isoOf(day)}`);
  };
  const addWorkingDayNumbers = (day: DayNumber, n: number): DayNumber => {
    let d = day;
    for (let left = Math.abs(n); left > 0; left--) d = step(d, n > 0 ? 1 : -1);
    return d;
  };

  const nonWorkingDays = (year: number, opts: { includeRestDays?: boolean } = {}): NonWorkingDay[] => {
    const table = tableOf(year);
    const result: NonWorkingDay[] = [];
    for (let day = dayNumberOf(year, 1, 1), last = dayNumberOf(year, 12, 31); day <= last; day++) {
      if (table.working.has(day)) continue;
      const weekday = isoWeekdayOf(day);
      const entry = table.off.get(day);
      if (entry) result.push({ date: isoOf(day), weekday, ...entry, onRestDay: isRestWeekday(weekday) });
      else if (opts.includeRestDays && isRestWeekday(weekday)) {
        result.push({ date: isoOf(day), weekday, kind: 'rest-day', vi: 'Ngày nghỉ hằng tuần', en: 'Weekly rest day', source: 'work-days', onRestDay: true });
      }
    }
    return result;
  };

  const startMinutes = workHours.startMinutes;
  const nextWorkingMoment = (instant: Date): Date => {
    const { day, minutes } = clock.partsAt(instant);
    if (isWorkingDayNumber(day)) {
      if (minutes < startMinutes) return clock.instantAt(day, startMinutes);
      if (minutes < workHours.endMinutes) return instant;
    }
    return clock.instantAt(step(day, 1), startMinutes);
  };

  return {
    timeZone,
    workDays,
    workHours,
    clock,
    isWorkingDay: (date) => isWorkingDayNumber(dayNumberFromIso(date)),
    nonWorkingDays,
    swappedWorkingDays: (year) =>
      [...tableOf(year).working.entries()]
        .sort(([a], [b]) => a - b)
        .map(([day, w]) => ({ date: isoOf(day), weekday: isoWeekdayOf(day), ...w })),
    hasDecreedData: (year) => tableOf(year).decreed,
    nextWorkingDay: (date) => isoOf(step(dayNumberFromIso(date), 1)),
    previousWorkingDay: (date) => isoOf(step(dayNumberFromIso(date), -1)),
    addWorkingDays: (date, n) => isoOf(addWorkingDayNumbers(dayNumberFromIso(date), n)),
    workingDaysBetween: (from, to) => {
      const a = dayNumberFromIso(from);
      const b = dayNumberFromIso(to);
      return a <= b ? workingAfterThrough(a, b) : -workingAfterThrough(b, a);
    },
    isWorkingDayNumber,
    nextWorkingDayNumber: (day) => step(day, 1),
    previousWorkingDayNumber: (day) => step(day, -1),
    addWorkingDayNumbers,
    isWorkingMoment: (instant) => {
      const { day, minutes } = clock.partsAt(instant);
      return isWorkingDayNumber(day) && minutes >= startMinutes && minutes < workHours.endMinutes;
    },
    nextWorkingMoment,
    instantOn: (date, minutes = startMinutes) => clock.instantAt(dayNumberFromIso(date), minutes),
    startOfDay: (date) => clock.instantAt(dayNumberFromIso(date), 0),
    dateOf: (instant) => isoOf(clock.partsAt(instant).day),
    formatInstant: (instant) => clock.format(instant),
  };
}

/**
 * For a year no decree file covers: the Labour Code's defaults. National Day is two
 * days (2/9 and an adjacent day; 1/9 when it is a working weekday, as decreed in
 * 2025 and 2026, else 3/9 as in 2024), and a holiday on a weekly rest day gives the
 * next working day off (Bộ luật Lao động 2019, art. 111(3) and 112).
 */
function applyFallbackRules(year: number, table: YearTable, isRestWeekday: (weekday: number) => boolean): void {
  const sep1 = dayNumberOf(year, 9, 1);
  const sep2 = dayNumberOf(year, 9, 2);
  const sep3 = dayNumberOf(year, 9, 3);
  if (table.off.has(sep2) && !table.off.has(sep1) && !table.off.has(sep3)) {
    const second = isRestWeekday(isoWeekdayOf(sep1)) ? sep3 : sep1;
    table.off.set(second, { kind: 'holiday', vi: 'Quốc khánh (ngày nghỉ thứ hai)', en: 'National Day (second day)', source: 'rule' });
  }
  const holidays = [...table.off.entries()].sort(([a], [b]) => a - b);
  let lastCompensatory = -Infinity;
  for (const [day, h] of holidays) {
    if (!isRestWeekday(isoWeekdayOf(day))) continue;
    let d = Math.max(day, lastCompensatory) + 1;
    while (isRestWeekday(isoWeekdayOf(d)) || table.off.has(d)) d++;
    table.off.set(d, { kind: 'compensatory', vi: `Nghỉ bù ${h.vi.replace(/^Nghỉ /, '')}`, en: `${h.en} (compensatory day off)`, source: 'rule' });
    lastCompensatory = d;
  }
}
