// What follows /export in a chat: an optional plan (number, id, or the number before the
// slash) and an optional period, in either order. Periods as offices write them: "Q1",
// "quý 1", "6T", "9T", "năm", each with an optional year ("Q1/2025", "năm 2024"), or a date
// range (ISO, or dd/mm/yyyy..dd/mm/yyyy as officers write dates), and the file format
// (`docx`/`word`, `xlsx`/`excel`; the CLI's --format). Pure: parsing only; which plans and
// which year is decided by the caller.
import { PeriodError, parsePeriod, quarterOf, type PeriodName, type ReportPeriod } from './periods.ts';
import type { IsoDate } from '../deadlines/types.ts';
import type { ExportFormat } from './export-report.ts';

export interface ExportArgs {
  planRef?: string;
  /** The period named, with its year when one was given. */
  period?: { name: PeriodName; year?: number } | { range: string };
  /** The file format asked for; xlsx when absent. */
  format?: ExportFormat;
}

const FORMAT_WORDS: Record<string, ExportFormat> = { xlsx: 'xlsx', excel: 'xlsx', docx: 'docx', word: 'docx' };
const DMY_RANGE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\.\.(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** "01/10/2024..31/03/2025" as the ISO range periods.ts reads; the token unchanged otherwise. */
function isoRange(token: string): string {
  const m = DMY_RANGE.exec(token);
  if (!m) return token;
  const iso = (d: string, mo: string, y: string) => `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return `${iso(m[1]!, m[2]!, m[3]!)}..${iso(m[4]!, m[5]!, m[6]!)}`;
}

const QUARTER = /^(?:q|quý|quy)\s*([1-4]|i{1,3}|iv)$/i;
const ROMAN: Record<string, string> = { i: '1', ii: '2', iii: '3', iv: '4' };
const YEAR_SUFFIX = /^(.*?)(?:[\s/-]+(\d{4}))?$/;

function namedPeriod(text: string): PeriodName | undefined {
  const t = text.trim().toLowerCase();
  const q = QUARTER.exec(t);
  if (q) return `Q${ROMAN[q[1]!] ?? q[1]}` as PeriodName;
  if (t === '6t' || t === '6 tháng' || t === '6 thang') return '6T';
  if (t === '9t' || t === '9 tháng' || t === '9 thang') return '9T';
  if (t === 'năm' || t === 'nam' || t === 'year' || t === 'cả năm' || t === 'ca nam') return 'year';
  return undefined;
}

/** The arguments, or undefined when they cannot be read (two plans, a period or a format twice). */
export function parseExportArgs(text: string): ExportArgs | undefined {
  // Multi-word periods are joined first so that the rest splits on spaces.
  const tokens = text
    .trim()
    .replace(/\b(quý|quy|q)\s+([1-4]|iv|i{1,3})\b/giu, '$1$2')
    .replace(/(6|9)\s+(tháng|thang)/giu, '$1T')
    .replace(/(cả|ca)\s+(năm|nam)/giu, 'năm')
    .split(/\s+/)
    .filter(Boolean);
  const out: ExportArgs = {};
  for (let i = 0; i < tokens.length; i++) {
    const token = isoRange(tokens[i]!);
    const format = FORMAT_WORDS[token.toLowerCase().replace(/^\./, '')];
    if (format) {
      if (out.format) return undefined;
      out.format = format;
      continue;
    }
    const range = /^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/.test(token);
    const [, head, year] = YEAR_SUFFIX.exec(token)!;
    const name = namedPeriod(head!);
    if (range || name) {
      if (out.period) return undefined;
      // "năm 2024", "Q1 2025": a year as the next word belongs to the period.
      let y = year;
      if (!range && !y && /^\d{4}$/.test(tokens[i + 1] ?? '')) y = tokens[++i];
      out.period = range ? { range: token } : { name: name!, ...(y ? { year: Number(y) } : {}) };
      continue;
    }
    if (out.planRef) return undefined;
    out.planRef = token;
  }
  return out;
}

/**
 * The period the arguments mean for a plan: the named period of the year given, else of
 * `defaultYear`; the range as written; without a period, the current quarter. Throws PeriodError.
 */
export function periodOfArgs(args: ExportArgs, options: { today: IsoDate; defaultYear: number }): ReportPeriod {
  const { today } = options;
  if (!args.period) {
    return parsePeriod(quarterOf(today), { year: Number(today.slice(0, 4)), today });
  }
  if ('range' in args.period) return parsePeriod(args.period.range, { year: Number(args.period.range.slice(0, 4)), today });
  return parsePeriod(args.period.name, { year: args.period.year ?? options.defaultYear, today });
}

export { PeriodError };
