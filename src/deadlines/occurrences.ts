// The due dates of a recurring schedule within a date range, for the plan importer
// (Task.due = next occurrence) and the reminder planner.
import {
  dayNumberFromIso, dayNumberOf, daysInMonth, isoOf, isoWeekdayOf, lastDayOfMonth, parseIsoDate, partsOf, type DayNumber,
} from '../calendar/civil-date.ts';
import type { Cadence, IsoDate, OccurrenceRule, ReportPeriod, Schedule } from './types.ts';

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
/** The month each period of a cadence ends in. */
export const PERIOD_END_MONTHS: Record<Exclude<Cadence, 'weekly'>, readonly number[]> = {
  monthly: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], quarterly: [3, 6, 9, 12], semiannual: [6, 12], yearly: [12],
};

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
  if (rule.by === 'dates') return listedDays(rule.dates, lo, hi);
  const out: DayNumber[] = [];
  if (cadence === 'weekly') {
    const weekday = rule.by === 'weekday' ? rule.isoWeekday : 7;
    for (let d = lo + ((weekday - isoWeekdayOf(lo) + 7) % 7); d <= hi; d += 7) out.push(d);
    return out;
  }
  const reportDay = validDay(options.reportDay);
  // From the year before: a period's report may fall in the next year (December's in January).
  const y0 = partsOf(lo).year - 1;
  const y1 = partsOf(hi).year;
  for (let year = y0; year <= y1; year++) {
    for (const d of dueDaysIn(year, rule, cadence, reportDay)) {
      if (d >= lo && d <= hi && (out.length === 0 || d > out[out.length - 1]!)) out.push(d);
    }
  }
  return out;
}

/** The due days of one year's periods, ascending (a period's report may fall early the next year). */
function dueDaysIn(
  year: number, rule: Exclude<OccurrenceRule, { by: 'dates' }>, cadence: Exclude<Cadence, 'weekly'>, reportDay: number | undefined,
): DayNumber[] {
  switch (rule.by) {
    case 'period-end':
    case 'weekday': // a weekday means something only weekly; elsewhere each period's end
      return PERIOD_END_MONTHS[cadence].map((month) => endOrReportDay(year, month, reportDay));
    case 'report-periods':
      return reportMonths(rule.periods).map((month) => endOrReportDay(year, month, reportDay));
    case 'day-of-month':
      return PERIOD_END_MONTHS[cadence].map((month) => clampedDay(year, month, rule.day));
    case 'day-of-next-month':
      return PERIOD_END_MONTHS[cadence].map((month) => (month === 12 ? clampedDay(year + 1, 1, rule.day) : clampedDay(year, month + 1, rule.day)));
    case 'day-of-year':
      return [clampedDay(year, rule.month, rule.day)];
    case 'days-of-year':
      return rule.days
        .filter((d) => Number.isInteger(d.month) && d.month >= 1 && d.month <= 12 && validDay(d.day) !== undefined)
        .map((d) => clampedDay(year, d.month, d.day))
        .sort((a, b) => a - b);
    default:
      return unknownRule(rule);
  }
}

/** Exhaustiveness: a new rule must be handled above, or this stops compiling. */
function unknownRule(rule: never): DayNumber[] {
  void rule;
  return [];
}

function reportMonths(periods: ReportPeriod[]): number[] {
  return [...new Set(periods.map((p) => PERIOD_END_MONTH[p]))].sort((a, b) => a - b);
}

function endOrReportDay(year: number, month: number, reportDay: number | undefined): DayNumber {
  return reportDay === undefined ? lastDayOfMonth(year, month) : clampedDay(year, month, reportDay);
}

/** The listed dates within the range, ascending, once each; what is not a date is skipped, never thrown on. */
function listedDays(dates: readonly IsoDate[], lo: DayNumber, hi: DayNumber): DayNumber[] {
  const days: DayNumber[] = [];
  for (const date of dates) {
    const d = typeof date === 'string' ? parseIsoDate(date) : undefined;
    if (d !== undefined && d >= lo && d <= hi) days.push(d);
  }
  days.sort((a, b) => a - b);
  return days.filter((d, i) => i === 0 || d !== days[i - 1]);
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
