// Plan metadata from the text around the tables: kind, number, issuer, place,
// issue date, title, period. Blank template fields ("Số: /KH-UBND", "ngày
// tháng năm 2024", "ngày / /2024") are recognised as blank, not guessed.

import { stripLegalCitations } from './deadline-cells.ts';
import { fold } from './fold.ts';
import type { RawText } from './table-model.ts';
import { squeeze } from './text-cells.ts';

export type PlanKindName = 'ke-hoach' | 'quyet-dinh' | 'phu-luc' | 'other';

export interface PlanPeriod {
  from: string | null;
  to: string | null;
  raw: string | null;
}

export interface PlanMetadata {
  kind: PlanKindName;
  number: string | null;
  issuer: string | null;
  place: string | null;
  issuedOn: string | null;
  /** Year of issue when the date itself is left blank ("ngày tháng năm 2024"). */
  issueYear: number | null;
  title: string;
  period: PlanPeriod;
}

const LEVELS = ['thi tran', 'thi xa', 'thanh pho', 'xa', 'phuong', 'huyen', 'tinh', 'quan'];
const LEVEL_WORDS: Record<string, string> = {
  'thi tran': 'thị trấn',
  'thi xa': 'thị xã',
  'thanh pho': 'thành phố',
  xa: 'xã',
  phuong: 'phường',
  huyen: 'huyện',
  tinh: 'tỉnh',
  quan: 'quận',
};

function clean(line: string): string {
  return squeeze(line.replace(/\*+/g, '').replace(/^_+|_+$/g, ''));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isoDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** "Xã Tây Xuân" from "XÃ TÂY XUÂN": each word capitalised. */
export function titleCaseWords(text: string): string {
  return text
    .toLocaleLowerCase('vi')
    .split(' ')
    .map((w) => (w ? w[0]!.toLocaleUpperCase('vi') + w.slice(1) : w))
    .join(' ');
}

/** A date written in full or with slashes; null when any part is left blank. */
export function parseIssueDate(text: string): { date: string | null; year: number | null } {
  const full = /ngày\s+(\d{1,2})?\s*tháng\s+(\d{1,2})?\s*năm\s+(\d{4})/iu.exec(text);
  if (full) {
    const year = Number(full[3]);
    return { date: full[1] && full[2] ? isoDate(year, Number(full[2]), Number(full[1])) : null, year };
  }
  const slash = /ngày\s+(\d{1,2})?\s*\/\s*(\d{1,2})?\s*\/\s*(\d{4})/iu.exec(text);
  if (slash) {
    const year = Number(slash[3]);
    return { date: slash[1] && slash[2] ? isoDate(year, Number(slash[2]), Number(slash[1])) : null, year };
  }
  return { date: null, year: null };
}

/** A plan's period from a phrase: "năm 2024", "giai đoạn 2023 - 2025", "năm 2023 và các năm tiếp theo", "đến năm 2025". */
export function parsePeriod(text: string, issueYear: number | null): PlanPeriod | undefined {
  const t = stripLegalCitations(text).replace(/ngày\s+\d{0,2}\s*[/]?\s*(tháng\s+)?\d{0,2}\s*[/]?\s*(năm\s+)?\d{4}/giu, '');
  let m = /giai đoạn\s+(\d{4})\s*[-–—]\s*(\d{4})/iu.exec(t);
  if (m) return { from: `${m[1]}-01-01`, to: `${m[2]}-12-31`, raw: m[0] };
  m = /năm\s+(\d{4})\s+và\s+(các|những)\s+năm\s+tiếp\s+theo/iu.exec(t);
  if (m) return { from: `${m[1]}-01-01`, to: null, raw: m[0] };
  m = /(?:từ\s+năm\s+(\d{4})\s+)?đến\s+năm\s+(\d{4})/iu.exec(t);
  if (m) {
    const from = m[1] ? Number(m[1]) : issueYear;
    return { from: from ? `${from}-01-01` : null, to: `${m[2]}-12-31`, raw: m[0] };
  }
  m = /năm\s+(\d{4})\b(?!\s*[/-])/iu.exec(t);
  if (m) return { from: `${m[1]}-01-01`, to: `${m[1]}-12-31`, raw: m[0] };
  return undefined;
}

function kindOf(line: string): PlanKindName | undefined {
  const f = fold(clean(line));
  if (f === 'ke hoach') return 'ke-hoach';
  if (f === 'quyet dinh') return 'quyet-dinh';
  if (/^phu luc( [0-9ivx]+)?$/.test(f)) return 'phu-luc';
  return undefined;
}

/** The first period named by a sentence of 8 words or more, a multi-year phrase before a plain "năm 2024". */
function periodFromSentences(lines: string[], issueYear: number | null): PlanPeriod | undefined {
  let first: PlanPeriod | undefined;
  for (const l of lines) {
    if (!atLeastWords(l, 8)) continue;
    const p = parsePeriod(l, issueYear);
    if (p === undefined) continue;
    if (!/^năm \d{4}$/iu.test(p.raw ?? '')) return p;
    first ??= p;
  }
  return first;
}

/** l.split(' ').length >= n, without splitting. */
function atLeastWords(l: string, n: number): boolean {
  let parts = 1;
  for (let i = l.indexOf(' '); i >= 0 && parts < n; i = l.indexOf(' ', i + 1)) parts++;
  return parts >= n;
}

const BODY_START = /^(can cu|thuc hien|de |theo de nghi|[ivx]+\. |\(kem theo|\(ban hanh|uy ban nhan dan|quyet dinh:|so:)/;

export function extractPlanMetadata(texts: RawText[], options: { issued?: string } = {}): PlanMetadata {
  const lines = texts.map((t) => clean(t.text));
  const top = lines.slice(0, 80);

  let kind: PlanKindName = 'other';
  let title = '';
  const kindIndex = lines.findIndex((l) => kindOf(l) !== undefined);
  if (kindIndex >= 0) {
    kind = kindOf(lines[kindIndex]!)!;
    const parts: string[] = [];
    let started = false;
    for (let i = kindIndex + 1; i < lines.length && parts.length < 6; i++) {
      const l = lines[i]!;
      if (!l) {
        if (started) break;
        continue;
      }
      const f = fold(l);
      if (BODY_START.test(f) && !(l === l.toLocaleUpperCase('vi') && !f.startsWith('('))) break;
      started = true;
      parts.push(l);
    }
    title = parts.join(' ');
  }

  // Number: "Số: 336/KH-UBND"; "Số: /KH-UBND" is a blank template field.
  let number: string | null = null;
  const numberLine = top.find((l) => /^số\s*:/iu.test(l));
  if (numberLine) {
    const m = /^số\s*:\s*(\d+[\p{L}\d]*\/[\p{L}\d./-]+)/iu.exec(numberLine);
    number = m ? m[1]!.replace(/[.,;]+$/, '') : null;
  } else {
    const attached = top.find((l) => /\(?(ban hành )?kèm theo/iu.test(l));
    const m = attached && /số\s+(\d+[\p{L}\d]*\/[\p{L}\d./-]+)/iu.exec(attached);
    if (m) number = m[1]!;
  }

  // Place and date: "Tây Xuân, ngày tháng năm 2024"; otherwise the "Kèm theo ... ngày" line.
  let place: string | null = null;
  let issuedOn: string | null = null;
  let issueYear: number | null = null;
  const placeLine = top.find((l) => /^[\p{L} .'-]{2,60},\s*ngày\b/iu.test(l));
  if (placeLine) {
    place = placeLine.split(',')[0]!.trim();
    ({ date: issuedOn, year: issueYear } = parseIssueDate(placeLine));
  }
  const attachedLine = top.find((l) => /kèm theo/iu.test(l));
  if (!placeLine && attachedLine) ({ date: issuedOn, year: issueYear } = parseIssueDate(attachedLine));
  if (options.issued) {
    issuedOn = options.issued;
    issueYear = Number(options.issued.slice(0, 4));
  }

  // Issuer: a full heading "ỦY BAN NHÂN DÂN XÃ TÂY XUÂN", or the level named in the text and the place.
  let issuer: string | null = null;
  let chairman = false;
  let level: string | undefined;
  let named: string | undefined;
  for (const l of top) {
    const f = fold(l);
    const heading = /^(uy ban nhan dan|ubnd)\s+(thi tran|thi xa|thanh pho|xa|phuong|huyen|tinh|quan)\b\s*(.*)$/.exec(f);
    if (heading && l === l.toLocaleUpperCase('vi')) {
      level = heading[2];
      const words = l.split(' ');
      const skip = 3 + (heading[1] === 'ubnd' ? -2 : 0) + heading[2]!.split(' ').length;
      named = heading[3] ? titleCaseWords(words.slice(skip).join(' ')) : undefined;
      break;
    }
  }
  const attachedAll = lines.filter((l) => /kèm theo/iu.test(l));
  for (const l of [...attachedAll, ...top]) {
    const m =
      /của\s+(chủ tịch\s+)?(ủy ban nhân dân|uỷ ban nhân dân|ubnd)\s+(thị trấn|thị xã|thành phố|xã|phường|huyện|tỉnh|quận)/iu.exec(l) ??
      /(chủ tịch\s+)?(ủy ban nhân dân|uỷ ban nhân dân|ubnd)\s+(thị trấn|thị xã|thành phố|xã|phường|huyện|tỉnh|quận)\s+ban hành/iu.exec(l);
    if (m) {
      chairman ||= Boolean(m[1]);
      level ??= fold(m[3]!);
      break;
    }
  }
  if (level && !named) {
    if (place) named = place;
    else {
      const inTitle = new RegExp(`\\b${LEVEL_WORDS[level]}\\s+((?:[\\p{Lu}][\\p{Lu}\\p{M}]*\\s?)+?)(?=\\s+NĂM\\b|\\s*$|,)`, 'iu').exec(title);
      if (inTitle) named = titleCaseWords(inTitle[1]!.trim());
    }
  }
  if (level) issuer = `${chairman ? 'Chủ tịch ' : ''}Ủy ban nhân dân ${LEVEL_WORDS[level]}${named ? ` ${named}` : ''}`;
  if (!LEVELS.includes(level ?? 'xa')) issuer = null;

  // Period: from the title, else from the first sentence of the text that names one (multi-year phrases first).
  const period = parsePeriod(title, issueYear) ?? periodFromSentences(lines, issueYear) ?? { from: null, to: null, raw: null };

  return { kind, number, issuer, place, issuedOn, issueYear, title, period };
}
