// Finds the time expressions of a folded Vietnamese deadline text ("30/11/2024",
// "ngay 05 thang 01 nam 2025", "thang 12/2024", "quy iv nam 2024", "6 thang dau nam",
// "nam 2025", "2023 - 2025") as civil-day spans, with the word that governs each
// ("truoc", "tu", "den" ...), and which of them form a list ("10/6 va 10/12").
// Text is folded first (fold-text.ts): no diacritics here.
import { dayNumberOf, isValidCivilDate, lastDayOfMonth, partsOf, type DayNumber } from '../calendar/civil-date.ts';

export type Role = 'plain' | 'before' | 'from' | 'until' | 'after';

export interface TimeExpression {
  /** First and last civil day the expression names (equal for a day). */
  start: DayNumber;
  end: DayNumber;
  role: Role;
  /** "HH:MM" when a time of day is attached ("truoc 17h00 ngay 20/11/2024"). */
  time?: string;
  /** A range written as one expression ("2023 - 2025", "tu thang 3 den thang 6/2025"). */
  isRange: boolean;
  /** False when the year came from the reference date or a neighbouring expression. */
  hasYear: boolean;
  /** What it names: a day, months, a quarter ... */
  unit: SpanSpec['unit'];
  /** Joined to the expression before it as an item of a list ("10/6 và 10/12", "30/6/2025; 31/12/2025"). */
  continuesList: boolean;
  index: number;
  length: number;
}

export interface ExtractResult {
  expressions: TimeExpression[];
  /** Dates written but impossible, e.g. "31/02/2024". */
  invalid: string[];
  /** Dates written without a year when no reference date was given. */
  missingYear: string[];
}

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/** What a match names; resolved to days once its year is known. */
export type SpanSpec =
  | { unit: 'day'; day: number; month: number }
  | { unit: 'months'; from: number; to: number }
  /** A third of a month: đầu / thượng tuần (1–10), giữa / trung tuần (11–20), hạ tuần (21–end). */
  | { unit: 'month-part'; month: number; part: 'early' | 'mid' | 'late' }
  | { unit: 'quarters'; from: number; to: number }
  | { unit: 'half'; first: boolean }
  | { unit: 'years'; from: number; to: number }
  | { unit: 'year' };

interface Raw {
  index: number;
  length: number;
  spec: SpanSpec;
  year?: number;
  isRange?: boolean;
  /** For a list item found after a date: the dated item before it, whose year it may take ("30/6/2025 và 31/12"). */
  listHead?: Raw;
}

/** The days a spec names in a year; undefined for an impossible date (31/02, month 13). */
function spanOf(spec: SpanSpec, year: number): [DayNumber, DayNumber] | undefined {
  switch (spec.unit) {
    case 'day':
      if (!isValidCivilDate(year, spec.month, spec.day)) return undefined;
      return [dayNumberOf(year, spec.month, spec.day), dayNumberOf(year, spec.month, spec.day)];
    case 'months':
      if (spec.from < 1 || spec.to > 12 || spec.from > spec.to) return undefined;
      return [dayNumberOf(year, spec.from, 1), lastDayOfMonth(year, spec.to)];
    case 'month-part': {
      if (spec.month < 1 || spec.month > 12) return undefined;
      const first = { early: 1, mid: 11, late: 21 }[spec.part];
      const last = spec.part === 'late' ? lastDayOfMonth(year, spec.month) : dayNumberOf(year, spec.month, first + 9);
      return [dayNumberOf(year, spec.month, first), last];
    }
    case 'quarters':
      if (spec.from > spec.to) return undefined;
      return [dayNumberOf(year, spec.from * 3 - 2, 1), lastDayOfMonth(year, spec.to * 3)];
    case 'half':
      return spec.first ? [dayNumberOf(year, 1, 1), dayNumberOf(year, 6, 30)] : [dayNumberOf(year, 7, 1), dayNumberOf(year, 12, 31)];
    case 'years':
      return [dayNumberOf(spec.from, 1, 1), dayNumberOf(spec.to, 12, 31)];
    case 'year':
      return [dayNumberOf(year, 1, 1), dayNumberOf(year, 12, 31)];
  }
}

const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));
const plausibleYear = (y: number) => y >= MIN_YEAR && y <= MAX_YEAR;

// Each pattern, in priority order; a match blanks its span so later patterns cannot reuse it.
// `skip`: how many characters of the match are context, not part of the expression.
type Built = { spec: SpanSpec; year?: number; isRange?: boolean; skip?: number };
interface Matcher {
  re: RegExp;
  /** Only tried on text with a digit. */
  needsDigit: boolean;
  /** Only tried on text containing one of these (cheap substring checks before the regex). */
  needs: string[];
  build(m: RegExpExecArray): Built | undefined;
}

const MATCHERS: Matcher[] = [
  { // ngay 20 thang 6 va thang 12: the day named once is the day of each month listed after it.
    // First, so the lookbehind still sees the head "ngay 20 thang 6" before it is blanked.
    re: /(?<=\bngay\s+(\d{1,2})\s+thang\s+\d{1,2}(?:\s*(?:,|va)\s*thang\s+\d{1,2})*\s*(?:,|va)\s*)thang\s+(\d{1,2})\b(?:\s*(?:\/|-|nam)\s*(\d{4})(?!\d))?/g,
    needsDigit: true,
    needs: ['va thang', ', thang', ',thang'],
    build: (m) => ({ ...(m[3] ? { year: Number(m[3]) } : {}), spec: { unit: 'day', day: Number(m[1]), month: Number(m[2]) } }),
  },
  { // tu thang 3 den thang 6/2025, thang 10 - 11/2024
    re: /(?:tu\s+)?thang\s+(\d{1,2})\s*(?:-|den(?:\s+het)?|toi)\s*(?:thang\s+)?(\d{1,2})\s*(?:\/|-|nam)\s*(\d{4})(?!\d)/g,
    needsDigit: true,
    needs: ['thang'],
    build: (m) => ({ year: Number(m[3]), isRange: true, spec: { unit: 'months', from: Number(m[1]), to: Number(m[2]) } }),
  },
  { // quy iii - iv/2024, tu quy ii den quy iv nam 2025; quy ii, iii/2025 (the work runs through both)
    re: /(?:tu\s+)?quy\s+(iv|iii|ii|i|[1-4])\s*(?:-|den(?:\s+het)?|,|va)\s*(?:quy\s+)?(iv|iii|ii|i|[1-4])\s*(?:\/|-|nam)\s*(\d{4})(?!\d)/g,
    needsDigit: true,
    needs: ['quy'],
    build: (m) => ({ year: Number(m[3]), isRange: true, spec: { unit: 'quarters', from: ROMAN[m[1]!]!, to: ROMAN[m[2]!]! } }),
  },
  { // 30/11/2024, 5-1-2025, 30.11.24
    re: /(?<!\d)(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?![\d/])/g,
    needsDigit: true,
    needs: ['/', '-', '.'],
    build: (m) => ({ year: fullYear(m[4]!), spec: { unit: 'day', day: Number(m[1]), month: Number(m[3]) } }),
  },
  { // 15/12 nam 2025
    re: /(?<![\d/])(\d{1,2})\s*\/\s*(\d{1,2})\s*,?\s*nam\s+(\d{4})(?!\d)/g,
    needsDigit: true,
    needs: ['/'],
    build: (m) => ({ year: Number(m[3]), spec: { unit: 'day', day: Number(m[1]), month: Number(m[2]) } }),
  },
  { // ngay 05 thang 01 nam 2025
    re: /(?:ngay\s+)?(\d{1,2})\s+thang\s+(\d{1,2})\s*(?:nam|,|\/)\s*(\d{4})(?!\d)/g,
    needsDigit: true,
    needs: ['thang'],
    build: (m) => ({ year: Number(m[3]), spec: { unit: 'day', day: Number(m[1]), month: Number(m[2]) } }),
  },
  { // ngay 15 thang 12 (no year)
    re: /ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})(?!\s*(?:nam|\/)?\s*\d)/g,
    needsDigit: true,
    needs: ['thang'],
    build: (m) => ({ spec: { unit: 'day', day: Number(m[1]), month: Number(m[2]) } }),
  },
  { // 15/12 (no year), only after a word that introduces a date: "07/07" alone is a score
    re: /(ngay|truoc|den|han|nhat|tu|het|la|:)(\s*)(\d{1,2})\s*\/\s*(\d{1,2})(?![\d/]|\s*\/)/g,
    needsDigit: true,
    needs: ['/'],
    build: (m) => ({ skip: m[1]!.length + m[2]!.length, spec: { unit: 'day', day: Number(m[3]), month: Number(m[4]) } }),
  },
  { // dau thang 12/2024, giua thang 12 nam 2024, thuong tuan thang 3, ha tuan thang 6: the month's
    // first, middle or last ten days. Read as the whole month, "đầu tháng 12" was due on the 31st.
    re: /(dau|giua|thuong tuan|trung tuan|ha tuan)\s+thang\s+(\d{1,2})\b(?:\s*(?:\/|-|nam)\s*(\d{4})(?!\d))?/g,
    needsDigit: true,
    needs: ['thang'],
    build: (m) => ({
      ...(m[3] ? { year: Number(m[3]) } : {}),
      spec: { unit: 'month-part', month: Number(m[2]), part: m[1] === 'dau' || m[1] === 'thuong tuan' ? 'early' : m[1] === 'ha tuan' ? 'late' : 'mid' },
    }),
  },
  { // thang 12/2024, thang 12 nam 2024, thang 12-2024
    re: /thang\s+(\d{1,2})\s*(?:\/|-|nam)\s*(\d{4})(?!\d)/g,
    needsDigit: true,
    needs: ['thang'],
    build: (m) => ({ year: Number(m[2]), spec: { unit: 'months', from: Number(m[1]), to: Number(m[1]) } }),
  },
  { // thang 12 (no year)
    re: /(?<!\d\s)thang\s+(\d{1,2})\b(?!\s*(?:\/|-|nam)?\s*\d)/g,
    needsDigit: true,
    needs: ['thang'],
    build: (m) => ({ spec: { unit: 'months', from: Number(m[1]), to: Number(m[1]) } }),
  },
  { // 6/2025, trong 03/2025: a month without "thang", at the start or after a word that introduces a
    // date only, so a document number ("Nghi quyet 57/2024") is never read as a month.
    re: /(?<=^|\b(?:trong|truoc|den|het|han|nhat|xong|thanh|tu)\s+|\d{4}\s*-\s*)(\d{1,2})\s*\/\s*(\d{4})(?![\d/])/g,
    needsDigit: true,
    needs: ['/'],
    build: (m) => {
      const month = Number(m[1]);
      return month >= 1 && month <= 12 ? { year: Number(m[2]), spec: { unit: 'months', from: month, to: month } } : undefined;
    },
  },
  { // quy iv nam 2024, quy i/2025, quy 3-2025, quy iv (no year)
    re: /quy\s+(iv|iii|ii|i|[1-4])\b(?:\s*(?:\/|-|nam)\s*(\d{4})(?!\d))?/g,
    needsDigit: false,
    needs: ['quy'],
    build: (m) => ({ ...(m[2] ? { year: Number(m[2]) } : {}), spec: { unit: 'quarters', from: ROMAN[m[1]!]!, to: ROMAN[m[1]!]! } }),
  },
  { // 6 thang dau nam (2024), nua dau nam; 6 thang cuoi nam
    re: /(?:0?6\s+thang|nua)\s+(dau|cuoi)\s+nam(?:\s*(\d{4})(?!\d))?/g,
    needsDigit: false,
    needs: ['nam'],
    build: (m) => ({ ...(m[2] ? { year: Number(m[2]) } : {}), spec: { unit: 'half', first: m[1] === 'dau' } }),
  },
  { // 2023 - 2025, giai doan 2021-2030, tu nam 2023 den nam 2025
    re: /(?<!\d)(?:tu\s+)?(?:nam\s+)?(\d{4})\s*(?:-|den(?:\s+het)?|toi)\s*(?:nam\s+)?(\d{4})(?!\d)/g,
    needsDigit: true,
    needs: ['-', 'den', 'toi'],
    build: (m) => {
      const [a, b] = [Number(m[1]), Number(m[2])];
      if (!plausibleYear(a) || !plausibleYear(b) || a > b) return undefined;
      return { year: b, isRange: true, spec: { unit: 'years', from: a, to: b } };
    },
  },
  { // nam 2024, cuoi nam 2024, 2024
    re: /(?<![\d/.-])(?:(?:cuoi|trong|het|ca)\s+)?(?:nam\s+)?(\d{4})(?![\d/%])/g,
    needsDigit: true,
    needs: [],
    build: (m) => (plausibleYear(Number(m[1])) ? { year: Number(m[1]), spec: { unit: 'year' } } : undefined),
  },
  { // cuoi nam, trong nam, ca nam (no year)
    re: /\b(?:cuoi|trong|het|ca)\s+nam\b(?!\s*\d)/g,
    needsDigit: false,
    needs: ['nam'],
    build: () => ({ spec: { unit: 'year' } }),
  },
];

// The word governing an expression, at the end of the text before it: one regex, the
// captured alternative names the role.
const ROLE_PREFIX =
  /(?:^|\s)(?:(truoc|som hon)|(tu|bat dau(?:\s+tu)?|ke tu)|(den|toi)(?:\s+het)?|(sau))(?:\s+ngay)?\s*$/;

function roleOf(prefix: string): Role {
  const m = ROLE_PREFIX.exec(prefix);
  if (!m) return 'plain';
  return m[1] ? 'before' : m[2] ? 'from' : m[3] ? 'until' : 'after';
}
const TIME_PREFIX = /(\d{1,2})\s*(?:h|gio|g|:)\s*(\d{1,2})?\s*(?:phut)?\s*(?:,|-)?\s*(?:ngay\s*)?$/;
/** "HH:MM" from an hour and optional minutes as written, or undefined when no such time exists (25h). */
function clockTime(hour: string, minute = '0'): string | undefined {
  if (Number(hour) > 23 || Number(minute) > 59) return undefined;
  return `${hour.padStart(2, '0')}:${minute.padStart(2, '0')}`;
}
/** A time written after the day: "ngày 15/12/2024, trước 17h00", "15/12/2024 lúc 16 giờ 30", "15/12/2024, 17:00". */
const TIME_SUFFIX = /^\s*[,;-]?\s*(?:truoc|luc|vao luc|cham nhat)?\s*(?:(\d{1,2})\s*(?:h|gio|g)(?![a-z])\s*(\d{1,2})?|(\d{1,2}):(\d{2}))(?![\d/])/;

/**
 * Extracts time expressions. `ref` resolves dates written without a year: the first
 * such date on or after it.
 */
export function extractTimeExpressions(folded: string, ref?: DayNumber): ExtractResult {
  let work = folded;
  const raws: Raw[] = [];
  const hasDigit = /\d/.test(folded);
  for (const matcher of MATCHERS) {
    if (matcher.needsDigit && !hasDigit) continue;
    if (matcher.needs.length > 0 && !matcher.needs.some((n) => folded.includes(n))) continue;
    const { re } = matcher;
    re.lastIndex = 0;
    const found = raws.length;
    for (let m = re.exec(work); m; m = re.exec(work)) {
      const built = matcher.build(m);
      if (!built) continue;
      const skip = built.skip ?? 0;
      raws.push({ index: m.index + skip, length: m[0].length - skip, spec: built.spec, year: built.year, isRange: built.isRange });
    }
    // Blank what was taken so "30/11/2024" is not read again as the year 2024.
    for (let k = found; k < raws.length; k++) {
      const r = raws[k]!;
      work = work.slice(0, r.index) + ' '.repeat(r.length) + work.slice(r.index + r.length);
    }
  }
  if (raws.length === 0) return { expressions: [], invalid: [], missingYear: [] };
  raws.sort((a, b) => a.index - b.index);
  if (hasDigit) takeListedDays(raws, work);

  const result: ExtractResult = { expressions: [], invalid: [], missingYear: [] };
  raws.forEach((raw, i) => {
    const text = folded.slice(raw.index, raw.index + raw.length).trim();
    let year = raw.year;
    let span: [DayNumber, DayNumber] | undefined;
    if (year !== undefined) {
      span = spanOf(raw.spec, year);
    } else {
      // A yearless date before a dated one in the same text takes its year ("tu 01/10 den 30/11/2024").
      const next = raws.slice(i + 1).find((r) => r.year !== undefined);
      if (next) {
        year = next.year!;
        span = spanOf(raw.spec, year);
        const nextSpan = spanOf(next.spec, year);
        if (span && nextSpan && span[0] > nextSpan[1]) span = spanOf(raw.spec, (year -= 1));
      } else if (raw.listHead?.year !== undefined) {
        // The item comes after its head in the calendar too: "30/6/2025 và 15/3" is March 2026.
        const head = spanOf(raw.listHead.spec, raw.listHead.year);
        year = raw.listHead.year;
        span = spanOf(raw.spec, year);
        if (span && head && span[0] < head[0]) span = spanOf(raw.spec, (year += 1));
      } else if (ref !== undefined) {
        span = firstOnOrAfter(raw.spec, ref);
        if (!span) span = spanOf(raw.spec, partsOf(ref).year);
      } else {
        result.missingYear.push(text);
        return;
      }
    }
    if (!span) {
      result.invalid.push(text);
      return;
    }
    let prefix = folded.slice(Math.max(0, raw.index - 40), raw.index);
    let time: string | undefined;
    if (raw.spec.unit === 'day') {
      const t = TIME_PREFIX.exec(prefix);
      time = t ? clockTime(t[1]!, t[2]) : undefined;
      if (time) prefix = prefix.slice(0, t!.index);
    }
    // A time of day moves "truoc" onto the hour: "truoc 17h00 ngay D" is due on D.
    const role: Role = time ? 'plain' : roleOf(prefix);
    if (!time && role === 'plain' && raw.spec.unit === 'day') {
      const t = TIME_SUFFIX.exec(folded.slice(raw.index + raw.length, raw.index + raw.length + 30));
      if (t) time = clockTime(t[1] ?? t[3]!, t[2] ?? t[4]);
    }
    result.expressions.push({
      start: span[0], end: span[1], role, isRange: raw.isRange ?? false, hasYear: raw.year !== undefined,
      unit: raw.spec.unit, continuesList: false, ...(time ? { time } : {}), index: raw.index, length: raw.length,
    });
  });
  markDashRanges(folded, result.expressions);
  markLists(folded, result.expressions);
  return result;
}

// A day and month written after a listed date with no word of its own: "10/12" in
// "trước ngày 10/6 và 10/12". Alone, "07/07" is a score; after a date and "và", a date.
const LIST_ITEM = /(\s*(?:[,;]|va)\s*)(\d{1,2})\s*(?:\/|\s+thang\s+)\s*(\d{1,2})(?![\d/]|\s*(?:\/|-|nam)\s*\d)/y;

/** Adds the days that continue a list begun by a recognised date; `raws` is sorted and stays so. */
function takeListedDays(raws: Raw[], work: string): void {
  for (let k = 0; k < raws.length; k++) {
    const r = raws[k]!;
    if (r.spec.unit !== 'day') continue;
    LIST_ITEM.lastIndex = r.index + r.length;
    const m = LIST_ITEM.exec(work);
    if (!m) continue;
    const index = m.index + m[1]!.length;
    const length = m[0].length - m[1]!.length;
    const listHead = r.year !== undefined ? r : r.listHead;
    // The next turn looks on from this item, so a list is taken to its end.
    raws.splice(k + 1, 0, { index, length, spec: { unit: 'day', day: Number(m[2]), month: Number(m[3]) }, ...(listHead ? { listHead } : {}) });
  }
}

const LIST_SEPARATOR = /^\s*(?:[,;]|va)\s*(?:ngay\s+)?$/;

/**
 * Items of a list of days: each is marked as continuing the list, and takes the word that
 * governs the first ("trước ngày 10/6 và 10/12": both are "trước").
 */
function markLists(folded: string, expressions: TimeExpression[]): void {
  for (let i = 1; i < expressions.length; i++) {
    const a = expressions[i - 1]!;
    const b = expressions[i]!;
    if (!LIST_SEPARATOR.test(folded.slice(a.index + a.length, b.index))) continue;
    b.continuesList = true;
    if (a.unit === 'day' && b.unit === 'day' && b.role === 'plain' && !b.time && (a.role === 'before' || a.role === 'until')) b.role = a.role;
  }
}

/** "01/10/2024 - 30/11/2024": the first of two expressions joined by a dash is a start. */
function markDashRanges(folded: string, expressions: TimeExpression[]): void {
  for (let i = 0; i + 1 < expressions.length; i++) {
    const a = expressions[i]!;
    const b = expressions[i + 1]!;
    const between = folded.slice(a.index + a.length, b.index);
    if (a.role === 'plain' && /^\s*(?:-|den(?:\s+het)?(?:\s+ngay)?|toi)\s*$/.test(between)) a.role = 'from';
  }
}

/** The first occurrence on or after `ref` of a yearless expression; leap days may wait years. */
function firstOnOrAfter(spec: SpanSpec, ref: DayNumber): [DayNumber, DayNumber] | undefined {
  const refYear = partsOf(ref).year;
  for (let y = refYear; y <= refYear + 8; y++) {
    const span = spanOf(spec, y);
    if (span && span[1] >= ref) return span;
  }
  return undefined;
}

