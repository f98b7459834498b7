// The due dates of a recurring schedule within a date range, for the plan importer
// (Task.due = next occurrence) and the reminder planner.
import {
  dayNumberFromIso, dayNumberOf, daysInMonth, isoOf, isoWeekdayOf, lastDayOfMonth, partsOf, type DayNumber,
} from '../calendar/civil-date.ts';
import type { IsoDate, OccurrenceRule, ReportPeriod, Schedule } from './types.ts';

export interface OccurrenceOptions {
  /**
   * The plan's report day: the day of the month due for periodic reports when the text
   * names none (a data cut-off day as in Nghị định 09/2019/NĐ-CP). Applies to monthly,
   * quarterly, semiannual and yearly schedules and report regimes, in the period's last month.
   */
  reportDay?: number;
}

export type DateRange = { from: IsoDate; to: IsoDate } | number;

/** Occurrences are listed for at most this many years at once: a bound on work and memory. */
export const MAX_OCCURRENCE_YEARS = 20;

const PERIOD_END_MONTH: Record<ReportPeriod, number> = { Q1: 3, Q2: 6, H1: 6, Q3: 9, Q4: 12, Y: 12 };
const CADENCE_MONTHS = { monthly: 1, quarterly: 3, semiannual: 6, yearly: 12 } as const;

/**
 * The due dates of a recurring schedule within `range` (a year, or from/to inclusive),
 * also clipped to the schedule's own from/until; ascending, without duplicates. Other
 * kinds of schedule have no occurrences.
 */
export function occurrenceDates(schedule: Schedule, range: DateRange, options: OccurrenceOptions = {}): IsoDate[] {
  return occurrenceDayNumbers(schedule, ...rangeOf(range), options).map(isoOf);
}

/** The name the plan importer looks for: the same function. */
export const recurringDates = occurrenceDates;

export function occurrenceDayNumbers(
  schedule: Schedule, from: DayNumber, to: DayNumber, options: OccurrenceOptions = {},
): DayNumber[] {
  if (schedule.kind !== 'recurring') return [];
  const lo = Math.max(from, schedule.from ? dayNumberFromIso(schedule.from) : -Infinity);
  const hi = Math.min(to, schedule.until ? dayNumberFromIso(schedule.until) : Infinity, from + MAX_OCCURRENCE_YEARS * 366);
  if (lo > hi) return [];
  const { rule, cadence } = schedule;
  const out: DayNumber[] = [];
  if (cadence === 'weekly') {
    const weekday = rule.by === 'weekday' ? rule.isoWeekday : 7;
    for (let d = lo + ((weekday - isoWeekdayOf(lo) + 7) % 7); d <= hi; d += 7) out.push(d);
    return out;
  }
  const reportDay = validDay(options.reportDay);
  const { year: y0 } = partsOf(lo);
  const { year: y1 } = partsOf(hi);
  for (let year = y0; year <= y1; year++) {
    for (const month of dueMonths(rule, cadence)) {
      const d = dueDay(rule, year, month, reportDay);
      if (d >= lo && d <= hi && out[out.length - 1] !== d) out.push(d);
    }
  }
  return out;
}

function dueMonths(rule: OccurrenceRule, cadence: keyof typeof CADENCE_MONTHS): number[] {
  if (rule.by === 'report-periods') return [...new Set(rule.periods.map((p) => PERIOD_END_MONTH[p]))].sort((a, b) => a - b);
  if (rule.by === 'day-of-year') return [rule.month];
  const step = CADENCE_MONTHS[cadence];
  const months: number[] = [];
  for (let m = step; m <= 12; m += step) months.push(m);
  return months;
}

function dueDay(rule: OccurrenceRule, year: number, month: number, reportDay: number | undefined): DayNumber {
  if (rule.by === 'day-of-month' || rule.by === 'day-of-year') return clampedDay(year, month, rule.day);
  if (reportDay !== undefined) return clampedDay(year, month, reportDay);
  return lastDayOfMonth(year, month);
}

/** A day the month does not have (31 in June) is the month's last day, never the next month. */
function clampedDay(year: number, month: number, day: number): DayNumber {
  return dayNumberOf(year, month, Math.min(day, daysInMonth(year, month)));
}

function validDay(day: number | undefined): number | undefined {
  return day !== undefined && Number.isInteger(day) && day >= 1 && day <= 31 ? day : undefined;
}

function rangeOf(range: DateRange): [DayNumber, DayNumber] {
  if (typeof range === 'number') return [dayNumberOf(range, 1, 1), dayNumberOf(range, 12, 31)];
  return [dayNumberFromIso(range.from), dayNumberFromIso(range.to)];
}

/** The first occurrence on or after `date`, for Task.due of a recurring task. */
export function nextOccurrence(schedule: Schedule, date: IsoDate, options: OccurrenceOptions = {}): IsoDate | undefined {
  const start = dayNumberFromIso(date);
  const found = occurrenceDayNumbers(schedule, start, start + 366 * 2, options)[0];
  return found === undefined ? undefined : isoOf(found);
}
