// Recognises the periodic wordings of plans: "hang tuan", "thu sau hang tuan",
// "truoc ngay 10 hang thang", "dinh ky 6 thang", "hang nam", report regimes
// ("quy i, 6 thang, quy iii va bao cao nam") on folded text.
import type { Cadence, OccurrenceRule, ReportPeriod } from './types.ts';

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
const SEMIANNUAL = /\b(?:(?:dinh ky|hang|moi)\s+0?6\s+thang|0?6\s+thang\s*(?:\/\s*|mot\s+|1\s+)lan|nua nam\s+(?:mot|1)\s+lan)\b/;
const YEARLY = new RegExp(`\\b(?:${EVERY}|dinh ky(?: hang)?) nam\\b|\\bthuong nien\\b`);
const FOLLOWING_YEARS = /\b(?:va\s+)?(?:nhung|cac)\s+nam\s+(?:tiep\s+theo|sau|ke\s+tiep)\b/;
const YEAR_DAY = new RegExp(
  `(?:(truoc)\\s+)?(?:ngay\\s+)?(\\d{1,2})\\s*(?:\\/|\\s+thang\\s+)\\s*(\\d{1,2})\\s+${EVERY}\\s+nam\\b`,
);

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
    return { cadence: 'monthly', rule: dayRule(d), openEnded, spans: d ? [spanOf(m), spanOf(d)] : [spanOf(m)] };
  }
  if (hasQuarter && (m = QUARTERLY.exec(folded))) {
    const d = QUARTER_DAY.exec(folded);
    return { cadence: 'quarterly', rule: dayRule(d), openEnded, spans: d ? [spanOf(m), spanOf(d)] : [spanOf(m)] };
  }
  if (hasMonth && (m = SEMIANNUAL.exec(folded))) {
    return { cadence: 'semiannual', rule: { by: 'period-end' }, openEnded, spans: [spanOf(m)] };
  }
  if (hasYear && ((m = YEARLY.exec(folded)) || openEnded)) {
    const d = YEAR_DAY.exec(folded);
    const spans: Array<[number, number]> = m ? [spanOf(m)] : [];
    if (d) spans.push(spanOf(d));
    return { cadence: 'yearly', rule: d ? yearDayRule(d) : { by: 'period-end' }, openEnded, spans };
  }
  return undefined;
}

function dayRule(m: RegExpExecArray | null): OccurrenceRule {
  if (!m) return { by: 'period-end' };
  const day = Number(m[2]) - (m[1] ? 1 : 0);
  // "truoc ngay 1 hang thang" is the end of the previous month: the period end.
  return day >= 1 && day <= 31 ? { by: 'day-of-month', day } : { by: 'period-end' };
}

function yearDayRule(m: RegExpExecArray): OccurrenceRule {
  let day = Number(m[2]);
  let month = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return { by: 'period-end' };
  if (m[1]) {
    day -= 1;
    if (day === 0) {
      month = month === 1 ? 12 : month - 1;
      day = 31; // clamped to the month's length when occurrences are computed
    }
  }
  return { by: 'day-of-year', month, day };
}
