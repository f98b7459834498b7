// Finds the time expressions of a folded Vietnamese deadline text ("30/11/2024",
// "ngay 05 thang 01 nam 2025", "thang 12/2024", "quy iv nam 2024", "6 thang dau nam",
// "nam 2025", "2023 - 2025") as civil-day spans, with the word that governs each
// ("truoc", "tu", "den" ...). Text is folded first (fold-text.ts): no diacritics here.
import {
  dayNumberOf, daysInMonth, isValidCivilDate, lastDayOfMonth, partsOf, type DayNumber,
} from '../calendar/civil-date.ts';

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

interface Raw {
  index: number;
  length: number;
  /** Resolves the span given a year; undefined = impossible date. */
  span: (year: number) => [DayNumber, DayNumber] | undefined;
  year?: number;
  isRange?: boolean;
  /** Day-precise expressions may carry a time of day and are checked for validity. */
  isDay?: boolean;
}

const dayOf = (day: number, month: number) => (year: number): [DayNumber, DayNumber] | undefined =>
  isValidCivilDate(year, month, day) ? [dayNumberOf(year, month, day), dayNumberOf(year, month, day)] : undefined;
const monthOf = (month: number) => (year: number): [DayNumber, DayNumber] | undefined =>
  month >= 1 && month <= 12 ? [dayNumberOf(year, month, 1), lastDayOfMonth(year, month)] : undefined;
const quarterOf = (q: number) => (year: number): [DayNumber, DayNumber] =>
  [dayNumberOf(year, q * 3 - 2, 1), lastDayOfMonth(year, q * 3)];
const yearSpan = (year: number): [DayNumber, DayNumber] => [dayNumberOf(year, 1, 1), dayNumberOf(year, 12, 31)];
const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));
const plausibleYear = (y: number) => y >= MIN_YEAR && y <= MAX_YEAR;

// Each pattern, in priority order; a match blanks its span so later patterns cannot reuse it.
type Matcher = { re: RegExp; build: (m: RegExpExecArray) => Omit<Raw, 'index' | 'length'> | undefined };

const MATCHERS: Matcher[] = [
  // tu thang 3 den thang 6/2025, thang 10 - 11/2024
  {
    re: /(?:tu\s+)?thang\s+(\d{1,2})\s*(?:-|den(?:\s+het)?|toi)\s*(?:thang\s+)?(\d{1,2})\s*(?:\/|-|nam)\s*(\d{4})(?!\d)/g,
    build: (m) => {
      const [a, b] = [Number(m[1]), Number(m[2])];
      return { year: Number(m[3]), isRange: true, span: (y) => (a >= 1 && b <= 12 && a <= b ? [dayNumberOf(y, a, 1), lastDayOfMonth(y, b)] : undefined) };
    },
  },
  // quy iii - iv/2024, tu quy ii den quy iv nam 2025
  {
    re: /(?:tu\s+)?quy\s+(iv|iii|ii|i|[1-4])\s*(?:-|den(?:\s+het)?)\s*(?:quy\s+)?(iv|iii|ii|i|[1-4])\s*(?:\/|-|nam)\s*(\d{4})(?!\d)/g,
    build: (m) => {
      const [a, b] = [ROMAN[m[1]!]!, ROMAN[m[2]!]!];
      return { year: Number(m[3]), isRange: true, span: (y) => (a <= b ? [quarterOf(a)(y)[0], quarterOf(b)(y)[1]] : undefined) };
    },
  },
  // 30/11/2024, 5-1-2025, 30.11.24
  {
    re: /(?<!\d)(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?![\d/])/g,
    build: (m) => ({ year: fullYear(m[4]!), isDay: true, span: dayOf(Number(m[1]), Number(m[3])) }),
  },
  // ngay 05 thang 01 nam 2025
  {
    re: /(?:ngay\s+)?(\d{1,2})\s+thang\s+(\d{1,2})\s*(?:nam|,|\/)\s*(\d{4})(?!\d)/g,
    build: (m) => ({ year: Number(m[3]), isDay: true, span: dayOf(Number(m[1]), Number(m[2])) }),
  },
  // ngay 15 thang 12 (no year)
  {
    re: /ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})(?!\s*(?:nam|\/)?\s*\d)/g,
    build: (m) => ({ isDay: true, span: dayOf(Number(m[1]), Number(m[2])) }),
  },
  // 15/12 (no year), only after a word that introduces a date: "07/07" alone is a score
  {
    re: /(?<=(?:ngay|truoc|den|han|nhat|tu|het|la|:)\s*)(\d{1,2})\s*\/\s*(\d{1,2})(?![\d/]|\s*\/)/g,
    build: (m) => ({ isDay: true, span: dayOf(Number(m[1]), Number(m[2])) }),
  },
  // thang 12/2024, thang 12 nam 2024, thang 12-2024
  {
    re: /thang\s+(\d{1,2})\s*(?:\/|-|nam)\s*(\d{4})(?!\d)/g,
    build: (m) => ({ year: Number(m[2]), span: monthOf(Number(m[1])) }),
  },
  // thang 12 (no year)
  {
    re: /(?<!\d\s)thang\s+(\d{1,2})\b(?!\s*(?:\/|-|nam)?\s*\d)/g,
    build: (m) => ({ span: monthOf(Number(m[1])) }),
  },
  // quy iv nam 2024, quy i/2025, quy 3-2025, quy iv (no year)
  {
    re: /quy\s+(iv|iii|ii|i|[1-4])\b(?:\s*(?:\/|-|nam)\s*(\d{4})(?!\d))?/g,
    build: (m) => ({ ...(m[2] ? { year: Number(m[2]) } : {}), span: (y) => quarterOf(ROMAN[m[1]!]!)(y) }),
  },
  // 6 thang dau nam (2024), nua dau nam; 6 thang cuoi nam
  {
    re: /(?:0?6\s+thang|nua)\s+(dau|cuoi)\s+nam(?:\s*(\d{4})(?!\d))?/g,
    build: (m) => ({
      ...(m[2] ? { year: Number(m[2]) } : {}),
      span: (y) => (m[1] === 'dau' ? [dayNumberOf(y, 1, 1), dayNumberOf(y, 6, 30)] : [dayNumberOf(y, 7, 1), dayNumberOf(y, 12, 31)]),
    }),
  },
  // 2023 - 2025, giai doan 2021-2030, tu nam 2023 den nam 2025
  {
    re: /(?<!\d)(?:tu\s+)?(?:nam\s+)?(\d{4})\s*(?:-|den(?:\s+het)?|toi)\s*(?:nam\s+)?(\d{4})(?!\d)/g,
    build: (m) => {
      const [a, b] = [Number(m[1]), Number(m[2])];
      if (!plausibleYear(a) || !plausibleYear(b) || a > b) return undefined;
      return { year: b, isRange: true, span: () => [yearSpan(a)[0], yearSpan(b)[1]] };
    },
  },
  // nam 2024, cuoi nam 2024, 2024
  {
    re: /(?<![\d/.-])(?:(?:cuoi|trong|het)\s+)?(?:nam\s+)?(\d{4})(?![\d/%])/g,
    build: (m) => (plausibleYear(Number(m[1])) ? { year: Number(m[1]), span: yearSpan } : undefined),
  },
  // cuoi nam, trong nam (no year)
  {
    re: /\b(?:cuoi|trong|het)\s+nam\b(?!\s*\d)/g,
    build: () => ({ span: yearSpan }),
  },
];

const ROLE_PREFIXES: Array<[RegExp, Role]> = [
  [/(?:^|\s)(?:truoc|som hon)(?:\s+ngay)?\s*$/, 'before'],
  [/(?:^|\s)(?:tu|bat dau(?:\s+tu)?|ke tu)(?:\s+ngay)?\s*$/, 'from'],
  [/(?:^|\s)(?:den|toi)(?:\s+het)?(?:\s+ngay)?\s*$/, 'until'],
  [/(?:^|\s)sau(?:\s+ngay)?\s*$/, 'after'],
];
const TIME_PREFIX = /(\d{1,2})\s*(?:h|gio|g|:)\s*(\d{1,2})?\s*(?:phut)?\s*(?:,|-)?\s*(?:ngay\s*)?$/;

/**
 * Extracts time expressions. `ref` resolves dates written without a year: the first
 * such date on or after it.
 */
export function extractTimeExpressions(folded: string, ref?: DayNumber): ExtractResult {
  let work = folded;
  const raws: Raw[] = [];
  for (const { re, build } of MATCHERS) {
    re.lastIndex = 0;
    for (let m = re.exec(work); m; m = re.exec(work)) {
      const built = build(m);
      if (!built) continue;
      raws.push({ index: m.index, length: m[0].length, ...built });
    }
    // Blank what was taken so "30/11/2024" is not read again as the year 2024.
    for (const r of raws) work = work.slice(0, r.index) + ' '.repeat(r.length) + work.slice(r.index + r.length);
  }
  raws.sort((a, b) => a.index - b.index);

  const result: ExtractResult = { expressions: [], invalid: [], missingYear: [] };
  raws.forEach((raw, i) => {
    const text = folded.slice(raw.index, raw.index + raw.length).trim();
    let year = raw.year;
    let span: [DayNumber, DayNumber] | undefined;
    if (year !== undefined) {
      span = raw.span(year);
    } else {
      // A yearless date before a dated one in the same text takes its year ("tu 01/10 den 30/11/2024").
      const next = raws.slice(i + 1).find((r) => r.year !== undefined);
      if (next) {
        year = next.year!;
        span = raw.span(year);
        const nextSpan = next.span(year);
        if (span && nextSpan && span[0] > nextSpan[1]) span = raw.span((year -= 1));
      } else if (ref !== undefined) {
        span = firstOnOrAfter(raw, ref);
        if (!span) span = raw.span(partsOf(ref).year);
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
    if (raw.isDay) {
      const t = TIME_PREFIX.exec(prefix);
      if (t && Number(t[1]) <= 23 && Number(t[2] ?? 0) <= 59) {
        time = `${t[1]!.padStart(2, '0')}:${(t[2] ?? '0').padStart(2, '0')}`;
        prefix = prefix.slice(0, t.index);
      }
    }
    // A time of day moves "truoc" onto the hour: "truoc 17h00 ngay D" is due on D.
    const role: Role = time ? 'plain' : (ROLE_PREFIXES.find(([re]) => re.test(prefix))?.[1] ?? 'plain');
    result.expressions.push({
      start: span[0], end: span[1], role, isRange: raw.isRange ?? false, hasYear: raw.year !== undefined,
      ...(time ? { time } : {}), index: raw.index, length: raw.length,
    });
  });
  markDashRanges(folded, result.expressions);
  return result;
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
function firstOnOrAfter(raw: Raw, ref: DayNumber): [DayNumber, DayNumber] | undefined {
  const refYear = partsOf(ref).year;
  for (let y = refYear; y <= refYear + 8; y++) {
    const span = raw.span(y);
    if (span && span[1] >= ref) return span;
  }
  return undefined;
}

export { daysInMonth };
