// Reporting periods as offices name them: Quý I–IV, 6 tháng đầu năm, 9 tháng, năm, or
// an explicit date range. Pure: the caller supplies the year and today's date.
import { formatIsoDate, lastDayOfMonth, isoOf, parseIsoDate } from '../calendar/civil-date.ts';
import type { IsoDate } from '../deadlines/types.ts';

export const PERIOD_NAMES = ['Q1', 'Q2', 'Q3', 'Q4', '6T', '9T', 'year'] as const;
export type PeriodName = (typeof PERIOD_NAMES)[number];

export interface ReportPeriod {
  /** A named period of `year`, "range" for explicit dates, "to-date" for 1 January up to today. */
  kind: PeriodName | 'range' | 'to-date';
  year: number;
  from: IsoDate;
  to: IsoDate;
}

export class PeriodError extends Error {
  override name = 'PeriodError';
}

/** The months a named period covers: a quarter, or the year's first 6, 9 or 12 months. */
const MONTHS: Record<PeriodName, [first: number, last: number]> = {
  Q1: [1, 3],
  Q2: [4, 6],
  Q3: [7, 9],
  Q4: [10, 12],
  '6T': [1, 6],
  '9T': [1, 9],
  year: [1, 12],
};

const RANGE = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

function namedPeriod(text: string): PeriodName | undefined {
  const upper = text.trim().toUpperCase();
  if (upper === 'YEAR') return 'year';
  return (PERIOD_NAMES as readonly string[]).includes(upper) ? (upper as PeriodName) : undefined;
}

/**
 * "Q1".."Q4", "6T", "9T", "year" (of `year`), or "YYYY-MM-DD..YYYY-MM-DD"; without a text,
 * 1 January of `year` up to today. Throws PeriodError naming what was expected.
 */
export function parsePeriod(text: string | undefined, options: { year: number; today: IsoDate }): ReportPeriod {
  const { year } = options;
  if (text === undefined) {
    const from = formatIsoDate(year, 1, 1);
    const yearEnd = formatIsoDate(year, 12, 31);
    return { kind: 'to-date', year, from, to: options.today < yearEnd ? (options.today < from ? from : options.today) : yearEnd };
  }
  const name = namedPeriod(text);
  if (name) {
    const [first, last] = MONTHS[name];
    return { kind: name, year, from: formatIsoDate(year, first, 1), to: isoOf(lastDayOfMonth(year, last)) };
  }
  const range = RANGE.exec(text.trim());
  if (range) {
    const [, from, to] = range as unknown as [string, IsoDate, IsoDate];
    for (const d of [from, to]) if (parseIsoDate(d) === undefined) throw new PeriodError(`"${d}" is not a date`);
    if (to < from) throw new PeriodError(`the period ends (${to}) before it starts (${from})`);
    return { kind: 'range', year: Number(from.slice(0, 4)), from, to };
  }
  throw new PeriodError(`period "${text}" is not Q1, Q2, Q3, Q4, 6T, 9T, year or YYYY-MM-DD..YYYY-MM-DD`);
}

/**
 * The date statuses are taken at: the period's end, or today when the period has not ended
 * (a task due next week is not overdue yet just because the quarter ends after it).
 */
export function statusDate(period: ReportPeriod, today: IsoDate): IsoDate {
  return period.to < today ? period.to : today;
}

/**
 * The year a named period means when none is given: this year, unless the plan's own period
 * ended before it (a plan for 2024 reported on in 2025 means 2024) or starts after it.
 */
export function defaultYear(thisYear: number, plan: { periodFrom: IsoDate | null; periodTo: IsoDate | null }): number {
  const last = plan.periodTo ? Number(plan.periodTo.slice(0, 4)) : undefined;
  const first = plan.periodFrom ? Number(plan.periodFrom.slice(0, 4)) : undefined;
  if (last !== undefined && last < thisYear) return last;
  if (first !== undefined && first > thisYear) return first;
  return thisYear;
}

/** The quarter a date falls in: "Q1".."Q4". */
export function quarterOf(date: IsoDate): PeriodName {
  return `Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}` as PeriodName;
}

/** A period as short text that parsePeriodKey reads back: "Q4-2024", "6T-2025", "2024-10-01..2025-03-31". */
export function periodKey(period: ReportPeriod): string {
  if (period.kind === 'range' || period.kind === 'to-date') return `${period.from}..${period.to}`;
  return `${period.kind}-${period.year}`;
}

const KEY = /^(Q[1-4]|6T|9T|year)-(\d{4})$/;

/** The period a periodKey names; throws PeriodError for anything else. */
export function parsePeriodKey(key: string, today: IsoDate): ReportPeriod {
  const named = KEY.exec(key);
  if (named) return parsePeriod(named[1], { year: Number(named[2]), today });
  if (!RANGE.test(key)) throw new PeriodError(`"${key}" is not a period key`);
  return parsePeriod(key, { year: Number(key.slice(0, 4)), today });
}
