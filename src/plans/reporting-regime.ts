// Which periodic reports a plan asks for, read from its body text: "báo cáo định kỳ 6 tháng
// trước ngày 15/6 và năm trước ngày 15/12", "Tổng hợp báo cáo CCHC Quý I, 6 tháng, Quý III và
// báo cáo năm", "Hàng quý, 06 tháng, cuối năm tổng hợp, báo cáo". Only sentences that speak of
// a report are read; "quy định", "quy trình" and a year number ("năm 2024") are not periods.
// Pure: text in, periods (with their due day when written) out.
import { fold } from './fold.ts';

export const REGIME_PERIODS = ['Q1', 'Q2', 'Q3', 'Q4', '6T', '9T', 'year'] as const;
export type RegimePeriod = (typeof REGIME_PERIODS)[number];

export interface ReportingDue {
  period: RegimePeriod;
  /** "06-15": the report is due before this day of the period's year; absent when not written. */
  due?: string;
}

/** Most sentences read for the regime: a plan's body is a few hundred lines. */
const MAX_SENTENCES = 5_000;
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** A period word at the start of `rest`, and how many characters it takes. */
function periodAt(rest: string): { periods: RegimePeriod[]; length: number; bare?: boolean } | undefined {
  let m = /^quy (iv|i{1,3}|[1-4])\b/.exec(rest);
  if (m) return { periods: [`Q${ROMAN[m[1]!] ?? m[1]}` as RegimePeriod], length: m[0].length };
  // "hàng quý", "mỗi quý", "báo cáo quý, 6 tháng": every quarter; "quy định", "quy trình" are not.
  m = /^(?:(?:hang|hằng|moi|tung|cac) )?quy(?=\s*(?:[,;.)]|$| va\b| hoac\b| ?\/))/.exec(rest) ?? /^(?:hang|moi|tung) quy\b/.exec(rest);
  if (m) return { periods: ['Q1', 'Q2', 'Q3', 'Q4'], length: m[0].length };
  m = /^(?:0?6|sau) thang(?: dau nam)?\b/.exec(rest);
  if (m) return { periods: ['6T'], length: m[0].length };
  m = /^(?:0?9|chin) thang\b/.exec(rest);
  if (m) return { periods: ['9T'], length: m[0].length };
  m = /^(?:(hang|ca|cuoi|moi) )?nam\b(?!\s*(?:\d|hoc|tiep|sau|truoc(?! ngay)|nay|toi))/.exec(rest);
  // "năm" alone ("trong năm") is a period only beside "báo cáo" or in a list of periods: see sentenceRegime.
  if (m) return { periods: ['year'], length: m[0].length, ...(m[1] ? {} : { bare: true }) };
  return undefined;
}

/** "trước ngày 15/6", "chậm nhất ngày 15 tháng 12": the due day right after a period word. */
function dueAt(rest: string): string | undefined {
  const m = /^\s*(?:,\s*)?(?:\(?\s*)?(?:gui |nop )?(?:truoc|cham nhat(?: la)?|han)(?: ngay)? (\d{1,2})(?:\/| thang )(\d{1,2})\b/.exec(rest);
  if (!m) return undefined;
  const day = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The periods one sentence names, in order, each with the due day written after it. */
function sentenceRegime(sentence: string): ReportingDue[] {
  const out: ReportingDue[] = [];
  for (let i = 0; i < sentence.length; i++) {
    if (i > 0 && /[a-z0-9]/.test(sentence[i - 1]!)) continue;
    const found = periodAt(sentence.slice(i));
    if (!found) continue;
    const before = sentence.slice(0, i);
    if (found.bare && !(/bao cao $/.test(before) || (out.length > 0 && /(?:,| va| hoac) $/.test(before)))) continue;
    const due = dueAt(sentence.slice(i + found.length));
    for (const period of found.periods) out.push({ period, ...(due ? { due } : {}) });
    i += found.length - 1;
  }
  return out;
}

/** The reports the text asks for, each period once (a due day written anywhere wins), in calendar order. */
export function reportingRegime(lines: string[]): ReportingDue[] {
  const byPeriod = new Map<RegimePeriod, ReportingDue>();
  let read = 0;
  // Table cells (tab-separated) are sentences of their own; fold() would make the tabs spaces.
  for (const raw of lines.flatMap((line) => line.split('\t')).flatMap((cell) => fold(cell).split(/[.;:]\s|[.;]$/))) {
    if (++read > MAX_SENTENCES) break;
    // Only sentences about a report; the periods in them are what it is made for.
    if (!/\bbao cao\b/.test(raw)) continue;
    const sentence = raw.replace(/\bngay (\d{1,2}) thang (\d{1,2})(?: nam \d{4})?/g, 'ngay $1/$2');
    for (const due of sentenceRegime(sentence)) {
      const known = byPeriod.get(due.period);
      if (!known || (!known.due && due.due)) byPeriod.set(due.period, due);
    }
  }
  return REGIME_PERIODS.filter((p) => byPeriod.has(p)).map((p) => byPeriod.get(p)!);
}
