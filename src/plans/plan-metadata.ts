// Plan metadata from the text around the tables: kind, number, issuer, place,
// issue date, title, period. Blank template fields ("Số: /KH-UBND", "ngày
// tháng năm 2024", "ngày / /2024") are recognised as blank, not guessed.

import { stripLegalCitations } from './deadline-cells.ts';
import { fold } from './fold.ts';
import type { RawText } from './table-model.ts';
import { unitNameFromCaps } from './appendix-heading.ts';
import { squeeze } from './text-cells.ts';
import { reportingRegime, type ReportingDue } from './reporting-regime.ts';

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
  /** Template fields left blank in the document ("Số: /KH-UBND", "ngày  tháng 3 năm 2025"), with where they are. */
  blanks: Array<{ field: 'number' | 'issuedOn'; text: string; line: number }>;
  /** The periodic reports the body asks for ("báo cáo 6 tháng trước ngày 15/6 và năm trước ngày 15/12"). */
  reporting?: ReportingDue[];
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

/** "TỈNH QUẢNG NAM" → "tỉnh Quảng Nam": a level word in lower case, the name capitalised. */
function placeName(level: string, name: string): string {
  return `${LEVEL_WORDS[level] ?? level}${name ? ` ${name}` : ''}`;
}

const LEVEL_PATTERN = '(thị trấn|thị xã|thành phố|xã|phường|huyện|tỉnh|quận)';
const UBND = '(?:ủy ban nhân dân|uỷ ban nhân dân|ubnd)';
/** A place name after its level word: capitalised words, up to a comma, bracket or a lower-case word. */
const NAME_AFTER = /^\s+((?:[\p{Lu}\d][\p{L}\p{M}\d'.-]*)(?:\s+[\p{Lu}\d][\p{L}\p{M}\d'.-]*)*)/u;

/** The heading block: the issuing body named in capitals above the number. */
function issuerHeading(top: string[]): { fixed: string } | { level: string; named: string } | { level: string | undefined } {
  let level: string | undefined;
  for (let i = 0; i < top.length; i++) {
    const l = top[i]!;
    if (l !== l.toLocaleUpperCase('vi') || !/\p{L}/u.test(l)) continue;
    const f = fold(l);
    if (/^thu tuong chinh phu\b/.test(f)) return { fixed: 'Thủ tướng Chính phủ' };
    if (/^van phong chinh phu\b/.test(f)) return { fixed: 'Văn phòng Chính phủ' };
    if (/^chinh phu$/.test(f)) return { fixed: 'Chính phủ' };
    if (/^bo [a-z]/.test(f) && !/^bo phan\b/.test(f)) return { fixed: unitNameFromCaps(l.replace(/\s*-+\s*$/, '')) };
    // Party bodies: "ĐẢNG ỦY CHÍNH PHỦ" over "VĂN PHÒNG" is the Văn phòng Đảng ủy Chính phủ.
    const party = /^(dang uy|tinh uy|thanh uy|huyen uy|quan uy|thi uy)\s+\S/.exec(f);
    if (party) {
      const words = l.split(/\s+/);
      const organ = `${titleCaseWords(words.slice(0, 2).join(' ')).replace(/ Ủy$/u, ' ủy')} ${titleCaseWords(words.slice(2).join(' '))}`;
      const below = top[i + 1] ?? '';
      const office = below === below.toLocaleUpperCase('vi') && /^(van phong|ban) ?/.test(fold(below)) && fold(below).split(' ').length <= 4 ? titleCaseWords(below) : '';
      return { fixed: office ? `${office.replace(/^Văn Phòng$/u, 'Văn phòng')} ${organ}` : organ };
    }
    let heading = /^(uy ban nhan dan|ubnd)\s*(thi tran|thi xa|thanh pho|xa|phuong|huyen|tinh|quan)?\b\s*(.*)$/.exec(f);
    let text = l;
    // "ỦY BAN NHÂN DÂN" over "TỈNH QUẢNG NAM", as the two-line heading block is laid out.
    if (heading && !heading[2] && !heading[3] && top[i + 1]) {
      text = `${l} ${top[i + 1]}`;
      heading = /^(uy ban nhan dan|ubnd)\s+(thi tran|thi xa|thanh pho|xa|phuong|huyen|tinh|quan)\b\s*(.*)$/.exec(fold(text));
    }
    if (heading?.[2]) {
      const lvl = heading[2];
      const skip = (heading[1] === 'ubnd' ? 1 : 4) + lvl.split(' ').length;
      const named = heading[3] ? titleCaseWords(text.split(/\s+/).slice(skip).join(' ')) : '';
      if (named) {
        // "UBND TỈNH LÀO CAI" over "SỞ CÔNG THƯƠNG": the department issues it, in that province.
        const start = text === l ? i + 1 : i + 2;
        const below = top.slice(start, start + 3).find((b) => b === b.toLocaleUpperCase('vi') && /^(so|ban|phong|van phong|chi cuc|trung tam|thanh tra) \p{L}/u.test(fold(b)));
        if (below) return { fixed: `${unitNameFromCaps(below.replace(/\s*-+\s*$/, ''))} ${placeName(lvl, named)}` };
        return { level: lvl, named };
      }
      level ??= lvl;
      break;
    }
  }
  return { level };
}

/**
 * Who issued the plan: the heading block ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM", or
 * "ỦY BAN NHÂN DÂN" over "XÃ AN HÒA", "BỘ NỘI VỤ", "THỦ TƯỚNG CHÍNH PHỦ"), else
 * the "Kèm theo ... của UBND tỉnh X" line, else the level named in the text
 * with the place of the date line. "Chủ tịch" when the chairman signs for it.
 */
function findIssuer(top: string[], lines: string[], context: { place: string | null; title: string }): string | null {
  const heading = issuerHeading(top);
  if ('fixed' in heading) return heading.fixed;
  const attachedAll = lines.filter((l) => /^\(?\s*(phụ lục\s+)?(ban hành\s+)?kèm theo/iu.test(l));
  let chairman = false;
  let level: string | undefined;
  for (const l of [...attachedAll, ...top]) {
    const m =
      new RegExp(`của\\s+(chủ tịch\\s+)?${UBND}\\s+${LEVEL_PATTERN}`, 'iu').exec(l) ??
      new RegExp(`(chủ tịch\\s+)?${UBND}\\s+${LEVEL_PATTERN}\\s+ban hành`, 'iu').exec(l);
    if (m) {
      chairman ||= Boolean(m[1]);
      level = fold(m[2]!);
      // Only the attachment line names the issuer itself; "Căn cứ ... của UBND tỉnh X" cites another.
      const after = attachedAll.includes(l) ? NAME_AFTER.exec(l.slice(m.index + m[0].length)) : null;
      const named = after && !/^(Ban|Về|Năm|Ngày|Số)$/u.test(after[1]!) ? after[1] : undefined;
      if (named && fold(named) !== level && !('named' in heading)) return `${chairman ? 'Chủ tịch ' : ''}Ủy ban nhân dân ${placeName(level, named)}`;
      break;
    }
  }
  const chair = chairman ? 'Chủ tịch ' : '';
  if ('named' in heading) return `${chair}Ủy ban nhân dân ${placeName(heading.level, heading.named)}`;
  if (heading.level) level = heading.level;
  if (!level || !LEVELS.includes(level)) return null;
  let named = context.place ?? undefined;
  if (!named) {
    const inTitle = new RegExp(`\\b${LEVEL_WORDS[level]}\\s+((?:[\\p{Lu}][\\p{Lu}\\p{M}]*\\s?)+?)(?=\\s+NĂM\\b|\\s*$|,)`, 'iu').exec(context.title);
    if (inTitle) named = titleCaseWords(inTitle[1]!.trim());
  }
  // "Xã An Hòa, ngày ...": the place line may carry the level word itself.
  if (named && fold(named).startsWith(`${level} `)) named = named.slice(level.length + 1).trim();
  return `${chair}Ủy ban nhân dân ${placeName(level, named ?? '')}`;
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
  const numberLine = top.find((l) => /^số\s*:|^số\s+\d/iu.test(l));
  if (numberLine) {
    const m = /^số\s*:?\s*(\d+(?:-[\p{L}\d]+)?[\p{L}\d]*)\s*(\/[\p{L}\d./-]+)/iu.exec(numberLine);
    number = m ? `${m[1]}${m[2]}`.replace(/[.,;]+$/, '') : null;
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
  const blanks: PlanMetadata['blanks'] = [];
  const lineOf = (text: string | undefined) => texts[lines.indexOf(text ?? '')]?.line ?? 0;
  if (numberLine && !number) blanks.push({ field: 'number', text: numberLine, line: lineOf(numberLine) });
  const attachedBlank = !numberLine && !number ? top.find((l) => /kèm theo/iu.test(l) && /số\s*:?\s*\//iu.test(l)) : undefined;
  if (attachedBlank) blanks.push({ field: 'number', text: attachedBlank, line: lineOf(attachedBlank) });
  const dateLine = placeLine ?? attachedLine;
  if (dateLine && !issuedOn && !options.issued && /ngày/iu.test(dateLine)) blanks.push({ field: 'issuedOn', text: dateLine, line: lineOf(dateLine) });
  if (options.issued) {
    issuedOn = options.issued;
    issueYear = Number(options.issued.slice(0, 4));
  }

  const issuer = findIssuer(top, lines, { place, title });
  // Period: from the title, else from the first sentence of the text that names one (multi-year phrases first).
  const period = parsePeriod(title, issueYear) ?? periodFromSentences(lines, issueYear) ?? { from: null, to: null, raw: null };

  return { kind, number, issuer, place, issuedOn, issueYear, title, period, blanks, reporting: reportingRegime(lines) };
}
