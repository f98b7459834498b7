// Deadline text of a plan → typed schedule. Never throws: what is not understood
// becomes `unscheduled` with a reason, so the monitoring unit can set a date.
import { isoOf, parseIsoDate, type DayNumber } from '../calendar/civil-date.ts';
import { cadenceNearest, matchCadence } from './cadence-phrases.ts';
import { foldText } from './fold-text.ts';
import type { Cadence, IsoDate, Schedule, UnscheduledCode } from './types.ts';
import { extractTimeExpressions, type TimeExpression } from './vietnamese-dates.ts';

export interface ParseDeadlineOptions {
  /** The plan's issue date: dates written without a year are the first such date on or after it. */
  ref?: IsoDate;
  /**
   * Other text of the task (its actions or target cell). Consulted only when the deadline
   * names a reporting regime without its periods: "Theo chế độ báo cáo định kỳ" beside
   * "Tổng hợp báo cáo CCHC Quý I, 6 tháng, Quý III và báo cáo năm".
   */
  context?: string;
}

/** Longer texts are cells of prose, not deadlines; reading them whole costs time for nothing. */
export const MAX_DEADLINE_TEXT = 2_000;

// Document numbers ("1847/qd-ttg", "09/2019/nd-cp", "10-ctr/tu") and the date that follows
// them: a citation's date is never a deadline. Blank templates ("ngay / /2024") too.
const CITATION =
  /(?:\bso\s*:?\s*)?\b\d+[a-z]?(?:\/\d{4})?[/-][a-z]{1,12}(?:[-/.][a-z0-9]{1,12})*\b(?:\s*,?\s*(?:ngay\s+)?(?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4}))?/g;
const BLANK_TEMPLATE = /\bngay\s*(?:\.{2,}|…)?\s*\/\s*(?:\.{2,}|…)?\s*\/\s*\d{4}\b|\bso\s*:?\s*\/\s*[a-z-]+/g;
// "chi thuong xuyen" is recurrent budget spending, not a cadence.
const BUDGET_TERM = /\bchi\s+thuong\s+xuyen\b/g;
const ONGOING = /\b(?:thuong xuyen|lien tuc|hang ngay|moi ngay)\b/;

// Each rule: pattern, code, reason, and substrings one of which the text must contain.
const UNSCHEDULED_RULES: Array<[RegExp, UnscheduledCode, string, string[]]> = [
  [/\b(?:trong vong|trong thoi han|cham nhat|truoc|sau|khong qua)\s+(?:\d+|mot|hai|ba|nam|bay|muoi)\s+(?:ngay|tuan|thang)(?:\s+lam viec)?\b|\bke tu (?:ngay|khi)\b/, 'relative',
    'relative to an event (so many days from or before something): no calendar date',
    ['ngay', 'tuan', 'thang', 'ke tu']],
  [/\bdinh ky\b|\bche do bao cao\b/, 'unspecified-periodic',
    'periodic reporting without the periods (quarter, 6 months, year)', ['dinh ky', 'che do']],
  // Before "khi có" (ad hoc): waiting for a document is waiting for its dates.
  [/\bsau khi (?:co|nhan duoc|duoc ban hanh|ban hanh)\s+(?:huong dan|van ban|ke hoach|chi dao|quyet dinh|thong tu|nghi dinh|y kien|quy che|de an|chuong trinh)\b/,
    'by-other-document', 'set by another plan, notice or instruction still to come', ['sau khi']],
  [/\bdot xuat\b|\bkhi (?:co|phat sinh|duoc)\b|\bphat sinh\b/, 'ad-hoc', 'ad hoc, when something happens (đột xuất)',
    ['dot xuat', 'khi', 'phat sinh']],
  [/\btheo (?:ke hoach|thong bao|van ban|chi dao|yeu cau|huong dan|lo trinh|tien do|de nghi|quyet dinh|chuong trinh|ket qua)\b/, 'by-other-document',
    'set by another plan, notice or instruction', ['theo']],
  [/\b(?:theo|dung|dam bao)\s+(?:(?:thoi gian|thoi han|tien do)\s+)?quy dinh\b|\btheo luat\b/, 'by-regulation',
    'as the regulations say (theo quy định): no date in the text', ['quy dinh', 'luat']],
];

const blank = (match: string) => ' '.repeat(match.length);

function unscheduled(code: UnscheduledCode, reason: string): Schedule {
  return { kind: 'unscheduled', reason, code };
}

export function parseDeadline(text: string, options: ParseDeadlineOptions = {}): Schedule {
  try {
    return parse(text, options);
  } catch (err) {
    // A bug must not stop an import: the task is kept, unscheduled, with the reason.
    return unscheduled('not-understood', `internal error: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function parse(text: string, options: ParseDeadlineOptions): Schedule {
  if (typeof text !== 'string') return unscheduled('empty', 'no deadline text');
  const folded = foldText(text.length > MAX_DEADLINE_TEXT ? text.slice(0, MAX_DEADLINE_TEXT) : text);
  if (!/[a-z0-9]/.test(folded)) return unscheduled('empty', 'no deadline text');
  const ref = options.ref === undefined ? undefined : parseIsoDate(options.ref);

  let cleaned = folded;
  if (/\d[/-][a-z]|\/\s*\//.test(cleaned) || cleaned.includes('so')) {
    cleaned = cleaned.replace(CITATION, blank).replace(BLANK_TEMPLATE, blank);
  }
  if (cleaned.includes('chi')) cleaned = cleaned.replace(BUDGET_TERM, blank);

  const cadence = matchCadence(cleaned);
  // The cadence's own numbers ("ngay 10 hang thang") are not dates of the schedule.
  let rest = cleaned;
  for (const [a, b] of cadence?.spans ?? []) rest = rest.slice(0, a) + ' '.repeat(b - a) + rest.slice(b);
  const found = extractTimeExpressions(rest, ref);

  if (found.invalid.length > 0) {
    return unscheduled('impossible-date', `impossible date "${found.invalid[0]}": no such day in the calendar`);
  }
  const exprs = found.expressions;

  if (cadence) {
    // Yearless items ("quy i", "cuoi nam") name the periods, not the schedule's window.
    const window = windowOf(exprs.filter((e) => e.hasYear));
    return {
      kind: 'recurring',
      cadence: cadence.cadence,
      rule: cadence.rule,
      ...(window.from !== undefined ? { from: isoOf(window.from) } : {}),
      ...(window.until !== undefined && !cadence.openEnded ? { until: isoOf(window.until) } : {}),
    };
  }

  if (ONGOING.test(cleaned)) {
    const until = latestEnd(exprs);
    return { kind: 'ongoing', checkIn: 'monthly', ...(until ? { until: isoOf(until.day) } : {}) };
  }

  const listed = listedDays(exprs);
  if (listed) {
    return { kind: 'recurring', cadence: cadenceOfDates(listed), rule: { by: 'dates', dates: listed.map(isoOf) } };
  }

  if (exprs.length > 0) {
    const due = latestEnd(exprs);
    if (!due) {
      // "Từ năm 2025": from that year on, as "năm 2025 và các năm tiếp theo" says it.
      if (exprs.every((e) => e.role === 'from' && e.unit === 'year')) {
        return { kind: 'recurring', cadence: 'yearly', rule: { by: 'period-end' }, from: isoOf(Math.min(...exprs.map((e) => e.start))) };
      }
      return unscheduled('not-understood', 'only a start date, no end');
    }
    const from = earliestStart(exprs);
    return {
      kind: 'once',
      due: isoOf(due.day),
      ...(due.time ? { dueTime: due.time } : {}),
      ...(from !== undefined && from <= due.day ? { from: isoOf(from) } : {}),
    };
  }

  if (found.missingYear.length > 0) {
    return unscheduled('missing-year', `date "${found.missingYear[0]}" has no year and no reference date was given`);
  }

  for (const [re, code, reason, needs] of UNSCHEDULED_RULES) {
    if (needs.some((n) => cleaned.includes(n)) && re.test(cleaned)) {
      if (code === 'unspecified-periodic' && options.context) {
        const fromContext = parsePeriodicContext(options.context);
        if (fromContext) return fromContext;
      }
      return unscheduled(code, reason);
    }
  }
  return unscheduled('not-understood', 'no date, period or cadence recognised');
}

/** The reporting periods of a task's other text, when the deadline only says "định kỳ". */
function parsePeriodicContext(context: string): Schedule | undefined {
  const cadence = matchCadence(foldText(context.slice(0, MAX_DEADLINE_TEXT)));
  return cadence ? { kind: 'recurring', cadence: cadence.cadence, rule: cadence.rule } : undefined;
}

/**
 * The deadlines of a text that is a list of days and nothing else ("trước ngày 10/6 và 10/12",
 * "30/6/2025; 31/12/2025"), ascending, once each; undefined for anything else. Days joined
 * by other words ("sơ kết trước 30/6, tổng kết trước 15/12") stay one deadline, the latest.
 */
function listedDays(exprs: TimeExpression[]): DayNumber[] | undefined {
  if (exprs.length < 2) return undefined;
  const days: DayNumber[] = [];
  for (const [i, e] of exprs.entries()) {
    if (e.unit !== 'day' || e.isRange || (i > 0 && !e.continuesList)) return undefined;
    const day = deadlineDay(e);
    if (day === undefined) return undefined;
    days.push(day);
  }
  days.sort((a, b) => a - b);
  const unique = days.filter((d, i) => i === 0 || d !== days[i - 1]);
  return unique.length >= 2 ? unique : undefined;
}

/** For display: the cadence nearest the shortest gap between two listed dates. */
function cadenceOfDates(days: DayNumber[]): Cadence {
  let gap = Infinity;
  for (let i = 1; i < days.length; i++) gap = Math.min(gap, days[i]! - days[i - 1]!);
  return cadenceNearest(gap / DAYS_PER_MONTH);
}

const DAYS_PER_MONTH = 365.25 / 12;

/** The last day on which the task is on time: "truoc D" is D minus one day. */
function deadlineDay(e: TimeExpression): DayNumber | undefined {
  if (e.role === 'from' || e.role === 'after') return undefined;
  return e.role === 'before' ? e.start - 1 : e.end;
}

function latestEnd(exprs: TimeExpression[]): { day: DayNumber; time?: string } | undefined {
  let best: { day: DayNumber; time?: string } | undefined;
  for (const e of exprs) {
    const day = deadlineDay(e);
    if (day !== undefined && (!best || day > best.day)) best = { day, ...(e.time ? { time: e.time } : {}) };
  }
  return best;
}

/** Where a range is written ("tu ... den ...", "giai doan 2023 - 2025"), its start. */
function earliestStart(exprs: TimeExpression[]): DayNumber | undefined {
  const starts = exprs.filter((e) => e.role === 'from' || e.isRange).map((e) => e.start);
  return starts.length > 0 ? Math.min(...starts) : undefined;
}

/** A recurring schedule's window: "hang quy nam 2024" runs through 2024. */
function windowOf(exprs: TimeExpression[]): { from?: DayNumber; until?: DayNumber } {
  const starts = exprs.filter((e) => e.role === 'plain' || e.role === 'from').map((e) => e.start);
  const end = latestEnd(exprs);
  return {
    ...(starts.length > 0 ? { from: Math.min(...starts) } : {}),
    ...(end ? { until: end.day } : {}),
  };
}
