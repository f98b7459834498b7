// Recognises the periodic wordings of plans: "hang tuan", "thu sau hang tuan",
// "truoc ngay 10 hang thang", "hang thang, truoc ngay 22", "truoc ngay 10 thang cuoi quy",
// "dinh ky 6 thang", "hang nam", "truoc ngay 20 thang 6 va thang 12 hang nam", report
// regimes ("quy i, 6 thang, quy iii va bao cao nam") on folded text.
import { daysInMonth } from '../calendar/civil-date.ts';
import { PERIOD_END_MONTHS } from './occurrences.ts';
import type { Cadence, MonthDay, OccurrenceRule, ReportPeriod } from './types.ts';

export interface CadenceMatch {
  cadence: Cadence;
  rule: OccurrenceRule;
  /** "nam 2024 va nhung nam tiep theo": the schedule runs on with no end. */
  openEnded: boolean;
  /** Text spans consumed, so their numbers are not read again as dates. */
  spans: Array<[number, number]>;
}

const WEEKDAYS: Record<string, number> = {
  hai: 1, ba: 2, tu: 3, nam: 4, sau: 5, bay: 6, '2': 1, '3': 2, '4': 3, '5': 4, '6': 5, '7': 6,
};
const EVERY = '(?:hang|moi|tung)';
const WEEKLY = new RegExp(`\\b(?:${EVERY}|dinh ky(?: hang)?) tuan\\b`);
const WEEKDAY = /\b(?:(?:vao|ngay)\s+)?(?:thu\s+(hai|ba|tu|nam|sau|bay|[2-7])|(chu nhat))\b/;
const MONTHLY = new RegExp(`\\b(?:${EVERY}|dinh ky(?: hang)?) thang\\b`);
const MONTH_DAY = new RegExp(`(?:(truoc)\\s+)?(?:ngay\\s+)?(\\d{1,2})\\s+(?:cua\\s+)?${EVERY}\\s+thang\\b`);
const QUARTERLY = new RegExp(`\\b(?:${EVERY}|dinh ky(?: hang)?|cac) quy\\b`);
const QUARTER_DAY = new RegExp(`(?:(truoc)\\s+)?(?:ngay\\s+)?(\\d{1,2})\\s+(?:cua\\s+)?${EVERY}\\s+quy\\b`);
// "truoc ngay 10 thang cuoi quy" (day 9 of March, June ...); "truoc ngay 15 cua thang dau quy sau"
// (day 14 of April, July ...). The first month of a quarter is the month after the last one.
const QUARTER_MONTH_DAY =
  /(?:(truoc)\s+)?(?:ngay\s+)?(\d{1,2})\s+(?:cua\s+)?thang\s+(cuoi|dau)\s+(?:cua\s+)?(?:(?:moi|hang|tung|cac)\s+)?quy\b(?:\s+(?:sau|tiep theo|ke tiep))?/;
// The day written after the cadence: "hang thang, truoc ngay 22", "hang quy vao ngay 20". Not a
// start ("tu ngay 5"), not a date ("ngay 22/5", "ngay 22 thang 5").
const DAY_AFTER_CADENCE = /(?<!\b(?:tu|sau|ke tu)\s+)(?:(truoc)\s+)?\bngay\s+(\d{1,2})(?!\d|\s*[/.-]\s*\d|\s+thang\s+\d)/;
// "truoc ngay 5 (cua) thang sau": the month after each period.
const NEXT_MONTH = /^\s+(?:cua\s+)?thang\s+(?:sau|tiep theo|ke tiep)\b/;
const SEMIANNUAL = /\b(?:(?:dinh ky|hang|moi)\s+0?6\s+thang|0?6\s+thang\s*(?:\/\s*|mot\s+|1\s+)lan|nua nam\s+(?:mot|1)\s+lan)\b/;
const YEARLY = new RegExp(`\\b(?:${EVERY}|dinh ky(?: hang)?) nam\\b|\\bthuong nien\\b`);
const FOLLOWING_YEARS = /\b(?:va\s+)?(?:nhung|cac)\s+nam\s+(?:tiep\s+theo|sau|ke\s+tiep)\b/;
// Yearless days of a yearly schedule: "15/12", "ngay 15 thang 12", then more after "," or "va":
// "ngay 15/3, 15/6, 15/9 va 15/12", "ngay 20 thang 6 va thang 12" (the same day of each month).
const NOT_A_YEAR_AFTER = '(?![\\d/]|\\s*(?:\\/|-|nam)\\s*\\d)';
const YEAR_DAY_HEAD = new RegExp(
  `(?<![\\d/.-])(?:\\b(truoc)\\s+)?(?:\\b(ngay|han|cham nhat|vao)\\s+)?(?:ngay\\s+)?(\\d{1,2})\\s*(?:\\/|\\s+(?:cua\\s+)?thang\\s+)\\s*(\\d{1,2})${NOT_A_YEAR_AFTER}`, 'g',
);
const YEAR_DAY_ITEM = new RegExp(
  `\\s*(?:[,;]|va)\\s*(?:(?:ngay\\s+)?(\\d{1,2})\\s*(?:\\/|\\s+thang\\s+)\\s*(\\d{1,2})|thang\\s+(\\d{1,2}))${NOT_A_YEAR_AFTER}`, 'y',
);
// "thang 9 hang nam", "trong thang 6 va thang 12 hang nam": whole months of each year.
const YEAR_MONTH_HEAD = /(?:\b(truoc)\s+)?(?:\b(?:trong|vao)\s+)?\bthang\s+(\d{1,2})(?!\s*(?:\/|-|nam)?\s*\d)/g;
const YEAR_MONTH_ITEM = /\s*(?:,|va)\s*(?:thang\s+)?(\d{1,2})(?!\s*(?:\/|-|nam)?\s*\d)/y;
const EVERY_YEAR_NEXT = new RegExp(`^\\s*,?\\s*(?:cua\\s+)?(?:${EVERY}|dinh ky(?: hang)?)\\s+nam\\b`);

const PERIOD_ORDER: ReportPeriod[] = ['Q1', 'Q2', 'H1', 'Q3', 'Q4', 'Y'];
const QUARTER_ITEM = /\bquy\s+(iv|iii|ii|i|[1-4])\b(?!\s*(?:\/|-|nam)\s*\d)/g;
const ALL_QUARTERS_ITEM = new RegExp(`\\b(?:${EVERY}|cac) quy\\b`);
const HALF_ITEM = /\b0?6\s+thang\b(?!\s+cuoi)(?!\s+(?:dau\s+)?nam\s*\d)/;
const YEAR_ITEM = /\b(?:bao cao|tong ket|cuoi|ca|hang|moi)\s+nam\b(?!\s*\d)|(?:,|\bva)\s+nam\b(?!\s*\d)|\b0?6\s+thang\s+cuoi\s+nam\b(?!\s*\d)/;
const QUARTER_NUMBER: Record<string, ReportPeriod> = { i: 'Q1', ii: 'Q2', iii: 'Q3', iv: 'Q4', '1': 'Q1', '2': 'Q2', '3': 'Q3', '4': 'Q4' };

/**
 * Report periods named in a list, and how many list items named them: a regime
 * needs two items ("hang quy" alone is one item, a plain quarterly cadence).
 */
export function findReportPeriods(folded: string): { periods: ReportPeriod[]; items: number } {
  if (!folded.includes('quy') && !folded.includes('thang') && !folded.includes('nam')) return { periods: [], items: 0 };
  const found = new Set<ReportPeriod>();
  let items = 0;
  for (const m of folded.matchAll(QUARTER_ITEM)) {
    found.add(QUARTER_NUMBER[m[1]!]!);
    items++;
  }
  if (ALL_QUARTERS_ITEM.test(folded)) {
    for (const q of ['Q1', 'Q2', 'Q3', 'Q4'] as const) found.add(q);
    items++;
  }
  if (HALF_ITEM.test(folded)) {
    found.add('H1');
    items++;
  }
  if (YEAR_ITEM.test(folded)) {
    found.add('Y');
    items++;
  }
  return { periods: PERIOD_ORDER.filter((p) => found.has(p)), items };
}

const spanOf = (m: RegExpExecArray): [number, number] => [m.index, m.index + m[0].length];

export function matchCadence(folded: string): CadenceMatch | undefined {
  const openEnded = folded.includes('nam') && FOLLOWING_YEARS.test(folded);
  const { periods, items } = findReportPeriods(folded);
  const namesQuarter = periods.some((p) => p.startsWith('Q'));
  if (items >= 2 && periods.length >= 2 && (namesQuarter || periods.includes('H1'))) {
    return {
      cadence: namesQuarter ? 'quarterly' : 'semiannual',
      rule: { by: 'report-periods', periods },
      openEnded,
      spans: [],
    };
  }

  // Cheap substring checks first: most texts name no cadence at all.
  const hasWeek = folded.includes('tuan');
  const hasMonth = folded.includes('thang');
  const hasQuarter = folded.includes('quy');
  const hasYear = folded.includes('nam') || folded.includes('nien');
  let m: RegExpExecArray | null = null;
  if (hasWeek && (m = WEEKLY.exec(folded))) {
    const w = WEEKDAY.exec(folded);
    const isoWeekday = w ? (w[2] ? 7 : WEEKDAYS[w[1]!]) : undefined;
    return {
      cadence: 'weekly',
      rule: isoWeekday ? { by: 'weekday', isoWeekday } : { by: 'period-end' },
      openEnded,
      spans: w ? [spanOf(m), spanOf(w)] : [spanOf(m)],
    };
  }
  if (hasMonth && ((m = MONTHLY.exec(folded)) || (m = MONTH_DAY.exec(folded)))) {
    const d = MONTH_DAY.exec(folded);
    if (d) return { cadence: 'monthly', rule: dayRule(d), openEnded, spans: [spanOf(m), spanOf(d)] };
    return withDayAfter({ cadence: 'monthly', rule: { by: 'period-end' }, openEnded, spans: [spanOf(m)] }, folded);
  }
  if (hasQuarter && ((m = QUARTERLY.exec(folded)) || (m = QUARTER_MONTH_DAY.exec(folded)))) {
    const d = QUARTER_DAY.exec(folded);
    if (d) return { cadence: 'quarterly', rule: dayRule(d), openEnded, spans: [spanOf(m), spanOf(d)] };
    const q = QUARTER_MONTH_DAY.exec(folded);
    if (q) {
      const rule = q[3] === 'dau' ? nextMonthDayRule(q) : dayRule(q);
      return { cadence: 'quarterly', rule, openEnded, spans: [spanOf(m), spanOf(q)] };
    }
    return withDayAfter({ cadence: 'quarterly', rule: { by: 'period-end' }, openEnded, spans: [spanOf(m)] }, folded);
  }
  if (hasMonth && (m = SEMIANNUAL.exec(folded))) {
    return { cadence: 'semiannual', rule: { by: 'period-end' }, openEnded, spans: [spanOf(m)] };
  }
  if (hasYear && ((m = YEARLY.exec(folded)) || openEnded)) {
    const spans: Array<[number, number]> = m ? [spanOf(m)] : [];
    // Days of the year only with "hang nam": in "nam 2024 va nhung nam tiep theo" a day is a date.
    const days = m ? yearDays(folded) : undefined;
    if (!days) return { cadence: 'yearly', rule: { by: 'period-end' }, openEnded, spans };
    spans.push(days.span);
    return { ...yearlyRule(days.days, days.wholeMonths), openEnded, spans };
  }
  return undefined;
}

/** A monthly or quarterly cadence with the day written after it ("hang thang, truoc ngay 22"). */
function withDayAfter(match: CadenceMatch, folded: string): CadenceMatch {
  const d = DAY_AFTER_CADENCE.exec(folded);
  if (!d) return match;
  const span = spanOf(d);
  const next = NEXT_MONTH.exec(folded.slice(span[1]));
  if (next) span[1] += next[0].length;
  return { ...match, rule: next ? nextMonthDayRule(d) : dayRule(d), spans: [...match.spans, span] };
}

/** The cadence nearest a gap of so many months, for a list of dates: at least 12 is yearly, 6 semiannual ... */
export function cadenceNearest(months: number): Cadence {
  const n = Math.round(months);
  return n >= 12 ? 'yearly' : n >= 6 ? 'semiannual' : n >= 3 ? 'quarterly' : n >= 1 ? 'monthly' : 'weekly';
}

interface YearDays {
  days: MonthDay[];
  /** Months named without a day ("thang 9 hang nam"): due at each month's end. */
  wholeMonths: boolean;
  span: [number, number];
}

/**
 * The yearless days of a yearly schedule: a list with a word before it ("truoc ngay 15/12",
 * "ngay 15/3, 15/6"), anywhere in the text, or any list right before "hang nam" ("15/01 hang nam",
 * "thang 9 hang nam"). "truoc" moves every day of the list one day earlier.
 */
function yearDays(folded: string): YearDays | undefined {
  if (!/\d/.test(folded)) return undefined;
  YEAR_DAY_HEAD.lastIndex = 0;
  for (let h = YEAR_DAY_HEAD.exec(folded); h; h = YEAR_DAY_HEAD.exec(folded)) {
    const day = Number(h[3]);
    const pairs: MonthDay[] = [{ month: Number(h[4]), day }];
    let end = h.index + h[0].length;
    YEAR_DAY_ITEM.lastIndex = end;
    for (let it = YEAR_DAY_ITEM.exec(folded); it; it = YEAR_DAY_ITEM.exec(folded)) {
      pairs.push(it[3] ? { month: Number(it[3]), day } : { month: Number(it[2]), day: Number(it[1]) });
      end = YEAR_DAY_ITEM.lastIndex;
    }
    if (!h[1] && !h[2] && !EVERY_YEAR_NEXT.test(folded.slice(end))) continue;
    const days = pairs.map((p) => (h![1] ? dayBefore(p) : p));
    if (days.some((p) => p.month < 1 || p.month > 12 || p.day < 1 || p.day > 31)) return undefined;
    return { days, wholeMonths: false, span: [h.index, end] };
  }
  YEAR_MONTH_HEAD.lastIndex = 0;
  for (let h = YEAR_MONTH_HEAD.exec(folded); h; h = YEAR_MONTH_HEAD.exec(folded)) {
    const months = [Number(h[2])];
    let end = h.index + h[0].length;
    YEAR_MONTH_ITEM.lastIndex = end;
    for (let it = YEAR_MONTH_ITEM.exec(folded); it; it = YEAR_MONTH_ITEM.exec(folded)) {
      months.push(Number(it[1]));
      end = YEAR_MONTH_ITEM.lastIndex;
    }
    if (!EVERY_YEAR_NEXT.test(folded.slice(end))) continue;
    if (months.some((month) => month < 1 || month > 12)) return undefined;
    // "truoc thang 9": by the end of August.
    const due = months.map((month) => (h![1] ? (month === 1 ? 12 : month - 1) : month));
    return { days: due.map((month) => ({ month, day: monthLength(month) })), wholeMonths: true, span: [h.index, end] };
  }
  return undefined;
}

/** A month's length in a leap year: February's 29th is clamped to the 28th in other years. */
const monthLength = (month: number) => daysInMonth(2024, month);

function dayBefore({ month, day }: MonthDay): MonthDay {
  if (day > 1) return { month, day: day - 1 };
  const previous = month === 1 ? 12 : month - 1;
  return { month: previous, day: monthLength(previous) };
}

/**
 * The plainest rule for days of each year: one day is a day of the year; the same day of each
 * period's last month ("truoc ngay 20 thang 6 va thang 12 hang nam") is that cadence's day of
 * the month, or its period end for whole months; any other list, days of the year.
 */
function yearlyRule(days: MonthDay[], wholeMonths: boolean): Pick<CadenceMatch, 'cadence' | 'rule'> {
  const sorted = [...new Map(days.map((d) => [d.month * 100 + d.day, d])).values()].sort((a, b) => a.month - b.month || a.day - b.day);
  if (sorted.length === 1) return { cadence: 'yearly', rule: { by: 'day-of-year', month: sorted[0]!.month, day: sorted[0]!.day } };
  const months = sorted.map((d) => d.month).join();
  const cadence = (['monthly', 'quarterly', 'semiannual'] as const).find((c) => PERIOD_END_MONTHS[c].join() === months);
  const monthEnds = sorted.every((d) => d.day >= monthLength(d.month));
  if (cadence && wholeMonths) return { cadence, rule: { by: 'period-end' } };
  if (cadence && monthEnds) return { cadence, rule: { by: 'day-of-month', day: 31 } };
  if (cadence && sorted.every((d) => d.day === sorted[0]!.day)) return { cadence, rule: { by: 'day-of-month', day: sorted[0]!.day } };
  let gap = 12;
  for (let i = 0; i < sorted.length; i++) {
    const next = sorted[(i + 1) % sorted.length]!;
    gap = Math.min(gap, (next.month - sorted[i]!.month + 12) % 12 || 12);
  }
  return { cadence: cadenceNearest(gap), rule: { by: 'days-of-year', days: sorted } };
}

function dayRule(m: RegExpExecArray | null): OccurrenceRule {
  if (!m) return { by: 'period-end' };
  const day = Number(m[2]) - (m[1] ? 1 : 0);
  // "truoc ngay 1 hang thang" is the end of the previous month: the period end.
  return day >= 1 && day <= 31 ? { by: 'day-of-month', day } : { by: 'period-end' };
}

/** "truoc ngay 5 thang sau": day 4 of the month after each period; "truoc ngay 1" is the period end. */
function nextMonthDayRule(m: RegExpExecArray): OccurrenceRule {
  const day = Number(m[2]) - (m[1] ? 1 : 0);
  if (day === 0) return { by: 'period-end' };
  return day >= 1 && day <= 31 ? { by: 'day-of-next-month', day } : { by: 'period-end' };
}
